"""Pictures and sounds an imported question bank links to, copied into the course pack beside the quiz file.

A Moodle bank exported with its files, or a GIFT file written by hand, links to pictures and sounds by a
relative name (`<img src="map.png">`, `[запис](audio/kyiv.mp3)`). When such a file lies in the bank's folder
it is copied into `media/` beside the quiz file being written, and the link is rewritten to point there, so
the pack carries it. What stays a link, as imported: web addresses, files that are not there, and — with a
problem in the report — names that lead outside the bank's folder (`..`, an absolute path, a symbolic link
pointing out) and files larger than MAX_MEDIA_BYTES (the size above which the app shows no picture).
Planning (`plan_media`) writes nothing: a different file of the same name already in `media/` gets the new
one a free name (`map-2.png`); `copy_media` copies, write-then-rename.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from etrainer.core.quiz.bank import MEDIA_SUFFIXES, ImportProblem, ParsedBank
from etrainer.core.quiz.model import Question

MAX_MEDIA_BYTES = 8 * 1024 * 1024
"""As a pack's pictures: a larger file is not shown (ui.lesson.browser.MAX_IMAGE_BYTES)."""
MAX_MEDIA_TOTAL = 300 * 1024 * 1024
"""As a whole pack (exchange.course_pack.MAX_TOTAL_BYTES)."""
MEDIA_FOLDER = "media"
_LINK = re.compile(r"(!?\[[^\]\n]*\]\()([^)\s]+)(\))")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True, slots=True)
class MediaCopy:
    source: Path
    """The file in the bank's folder (resolved)."""
    name: str
    """Its name in the media folder beside the quiz file."""


@dataclass(frozen=True, slots=True)
class MediaPlan:
    bank: ParsedBank
    """The bank with its links to copied files rewritten to `media/<name>` (problems added)."""
    copies: tuple[MediaCopy, ...]


def plan_media(bank: ParsedBank, bank_dir: Path, quiz_dir: Path) -> MediaPlan:
    """Which linked files beside the bank (in `bank_dir`) go into `quiz_dir/media/`, and the bank with its
    links rewritten."""
    planner = _Planner(bank_dir, quiz_dir / MEDIA_FOLDER)
    questions = [planner.question(q) for q in bank.questions]
    problems = list(bank.problems) + planner.problems
    return MediaPlan(ParsedBank(questions, problems), tuple(planner.copies.values()))


def copy_media(plan: MediaPlan, quiz_dir: Path) -> list[Path]:
    """Copy the planned files into `quiz_dir/media/` (an identical file already there is kept); the paths."""
    if not plan.copies:
        return []
    folder = quiz_dir / MEDIA_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for copy in plan.copies:
        target = folder / copy.name
        if not (target.is_file() and _digest(target) == _digest(copy.source)):
            handle, temporary = tempfile.mkstemp(prefix=f".{copy.name}.", dir=folder)
            os.close(handle)
            try:
                shutil.copyfile(copy.source, temporary)
                os.replace(temporary, target)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        written.append(target)
    return written


def _digest(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


class _Planner:
    def __init__(self, bank_dir: Path, media: Path) -> None:
        self.root = bank_dir.resolve()
        self.media = media
        self.copies: dict[Path, MediaCopy] = {}
        self.problems: list[ImportProblem] = []
        self._names: set[str] = set()
        self._total = 0

    def question(self, question: Question) -> Question:
        self._line = question.line
        return replace(question, text=self.text(question.text), explanation=self.text(question.explanation))

    def text(self, text: str) -> str:
        return _LINK.sub(lambda m: m.group(1) + self.target(m.group(2)) + m.group(3), text) if text else text

    def target(self, target: str) -> str:
        """The link's new target: `media/<name>` for a file copied into the pack, else as it was."""
        if _SCHEME.match(target) or not target.split("?")[0].split("#")[0].lower().endswith(MEDIA_SUFFIXES):
            return target
        if target.startswith(("/", "\\")) or "\\" in target or ".." in posixpath.normpath(target).split("/"):
            self._report(target, "leads outside the bank's folder: kept as a link, not copied")
            return target
        path = self.root / posixpath.normpath(target)
        if not path.is_file():
            return target  # not beside the bank: kept as a link
        resolved = path.resolve()
        if not resolved.is_relative_to(self.root):
            self._report(target, "is a link to a file outside the bank's folder: kept as a link, not copied")
            return target
        if resolved in self.copies:
            return f"{MEDIA_FOLDER}/{self.copies[resolved].name}"
        size = resolved.stat().st_size
        if size > MAX_MEDIA_BYTES or self._total + size > MAX_MEDIA_TOTAL:
            limit = MAX_MEDIA_BYTES >> 20 if size > MAX_MEDIA_BYTES else MAX_MEDIA_TOTAL >> 20
            what = "the file" if size > MAX_MEDIA_BYTES else "with the files before it, the media"
            self._report(target, f"is too large ({what} is over {limit} MB): kept as a link, not copied")
            return target
        self._total += size
        name = self._free_name(resolved)
        self.copies[resolved] = MediaCopy(resolved, name)
        return f"{MEDIA_FOLDER}/{name}"

    def _free_name(self, source: Path) -> str:
        """The file's name, or `name-2.ext` … when this import or an earlier one put another file there."""
        stem, dot, suffix = source.name.rpartition(".")
        candidate, number = source.name, 2
        while candidate.casefold() in self._names or self._other_file(self.media / candidate, source):
            candidate = f"{stem}-{number}{dot}{suffix}"
            number += 1
        self._names.add(candidate.casefold())
        return candidate

    @staticmethod
    def _other_file(target: Path, source: Path) -> bool:
        return target.exists() and not (target.is_file() and _digest(target) == _digest(source))

    def _report(self, target: str, why: str) -> None:
        self.problems.append(ImportProblem(self._line, f"the file “{target}” {why}"))
