"""Which course packs are available: the bundled one and those the user added.

A pack the user added (from a folder or a zip, kept under the data folder's `packs/`) replaces
the bundled pack with the same course id unless the bundled one is newer (an app upgrade).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from etrainer.core.course.load_result import MANIFEST

_PLAIN = re.compile(r"^(id|title|course_version):[ \t]*(.*?)[ \t]*$(?!\n[ \t]+\S)", re.MULTILINE)
"""A top-level key with its one-line value (not followed by an indented continuation line)."""
_KEY_LINE = re.compile(r"^(id|title|course_version):", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class PackInfo:
    root: Path
    course_id: str
    title: str
    version: str
    bundled: bool


def _plain_fields(text: str) -> dict[str, str] | None:
    """id, title and course_version when each is a plain one-line scalar (the usual case), read without
    YAML so that start-up need not import it; None when any needs a real YAML parser."""
    found: dict[str, str] = {}
    matches = _PLAIN.findall(text)
    if len(matches) != len(_KEY_LINE.findall(text)):
        return None  # a value goes on over several lines
    for key, value in matches:
        if key in found:
            return None
        quoted = len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'"
        if quoted and value[0] not in value[1:-1] and "\\" not in value:
            value = value[1:-1]
        elif not value or value[0] in "\"'>|&*!%@`{[#" or ": " in value or " #" in value:
            return None
        found[key] = value
    return found if "id" in found else None


def read_pack_info(root: Path, *, bundled: bool = False) -> PackInfo | None:
    """The manifest's id, title and version, or None when `root` holds no readable course.yaml."""
    try:
        text = (root / MANIFEST).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    plain = _plain_fields(text)
    if plain is not None:
        return PackInfo(root, plain["id"], plain.get("title") or plain["id"], plain.get("course_version", ""),
                        bundled)
    from etrainer.core.yamlfile import LineDict, YamlError, load_yaml

    try:
        data = load_yaml(text)
    except YamlError:
        return None
    if not isinstance(data, LineDict) or not isinstance(data.get("id"), str):
        return None
    return PackInfo(root, data["id"], str(data.get("title") or data["id"]), str(data.get("course_version", "")),
                    bundled)


def version_key(version: str) -> tuple[int, ...]:
    """"2026.11" → (2026, 11); anything without numbers sorts first."""
    return tuple(int(n) for n in re.findall(r"\d+", version))


def available_packs(bundled: Path | None, user_packs: Path | None) -> list[PackInfo]:
    """One pack per course id, user-added packs first in precedence unless the bundled one is newer."""
    chosen: dict[str, PackInfo] = {}
    if user_packs is not None and user_packs.is_dir():
        for folder in sorted(user_packs.iterdir()):
            info = read_pack_info(folder) if folder.is_dir() and not folder.name.startswith(".") else None
            if info is not None:
                chosen.setdefault(info.course_id, info)
    if bundled is not None:
        info = read_pack_info(bundled, bundled=True)
        if info is not None:
            current = chosen.get(info.course_id)
            if current is None or version_key(info.version) > version_key(current.version):
                chosen[info.course_id] = info
    return sorted(chosen.values(), key=lambda p: (not p.bundled, p.title))
