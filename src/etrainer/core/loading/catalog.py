"""Which course packs are available: the bundled one and those the user added.

A pack the user added (from a folder or a zip, kept under the data folder's `packs/`) replaces
the bundled pack with the same course id unless the bundled one is newer (an app upgrade).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from etrainer.core.loading.pack import MANIFEST
from etrainer.core.loading.yamlfile import LineDict, YamlError, load_yaml


@dataclass(frozen=True, slots=True)
class PackInfo:
    root: Path
    course_id: str
    title: str
    version: str
    bundled: bool


def read_pack_info(root: Path, *, bundled: bool = False) -> PackInfo | None:
    """The manifest's id, title and version, or None when `root` holds no readable course.yaml."""
    try:
        data = load_yaml((root / MANIFEST).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, YamlError):
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
