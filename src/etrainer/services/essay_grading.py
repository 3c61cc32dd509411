"""Marking essays in the methodist workspace and sending the marks back as signed feedback files.

`EssayGradingService` lists the essays imported with the learners' progress files, stores a mark (points,
optionally the rubric level per criterion, a comment), and writes one `.etfeedback` per learner with her
new marks, signed with the workspace's own Ed25519 key (made and kept in the workspace on first use).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from etrainer import __version__
from etrainer.core.course.model import Course
from etrainer.core.errors import EtrainerError
from etrainer.core.progress.feedback import feedback_file_name
from etrainer.core.quiz.essay import EssayMark, LevelPick, SentEssay, points_from_levels, points_in_range
from etrainer.core.quiz.model import Question
from etrainer.exchange.feedback_file import signed_feedback
from etrainer.exchange.signing import InstallationKey, load_or_create
from etrainer.i18n import QT_TRANSLATE_NOOP
from etrainer.services.transfer import _write
from etrainer.storage.workspace import Workspace
from etrainer.storage.workspace_essays import WorkspaceEssayRepository


class UnknownEssay(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "There is no essay number {essay} in this workspace.")


class PointsOutOfRange(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The essay is marked out of {max_points}: give from 0 to {max_points} "
                                       "points, not {points}.")


@dataclass(frozen=True, slots=True)
class EssayCounts:
    graded: int
    pending: int


class EssayGradingService:
    def __init__(self, workspace: Workspace, course: Course | None = None,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._sessions = workspace.sessions
        self.course = course
        self._clock = clock

    def essays(self, *, pending: bool = False, learner_uid: str | None = None) -> list[SentEssay]:
        with self._sessions.begin() as session:
            return WorkspaceEssayRepository(session).essays(pending=pending, learner_uid=learner_uid)

    def essay(self, essay_id: int) -> SentEssay | None:
        with self._sessions.begin() as session:
            return WorkspaceEssayRepository(session).essay(essay_id)

    def counts(self) -> dict[str, EssayCounts]:
        """Per learner uid: how many of her essays are marked and how many wait (counted by the database)."""
        with self._sessions.begin() as session:
            found = WorkspaceEssayRepository(session).counts()
        return {uid: EssayCounts(graded, total - graded) for uid, (graded, total) in found.items()}

    def question(self, essay: SentEssay) -> Question | None:
        """The course's question the essay answers (None without a course or when the course lost it)."""
        if self.course is None:
            return None
        quiz = self.course.quiz(essay.quiz_id)
        question = quiz.question(essay.question_id) if quiz is not None else None
        if question is None:
            question = next((q for qz in self.course.quizzes for q in qz.questions if q.id == essay.question_id),
                            None)
        return question

    def grade(self, essay_id: int, points: float | None = None, comment: str = "", *,
              levels: Sequence[int | None] | None = None, grader: str = "") -> SentEssay:
        """Mark an essay: `points`, or the level index per rubric criterion (the points are their sum).
        Raises UnknownEssay or PointsOutOfRange (nothing is stored then)."""
        with self._sessions.begin() as session:
            repository = WorkspaceEssayRepository(session)
            essay = repository.essay(essay_id)
            if essay is None:
                raise UnknownEssay(essay=essay_id)
            picks: tuple[LevelPick, ...] = ()
            if levels is not None:
                question = self.question(essay)
                rubric = question.essay.rubric if question is not None and question.essay is not None else ()
                level_points, picks = points_from_levels(rubric, levels)
                points = level_points if points is None else points
            if points is None or not points_in_range(points, essay.max_points):
                raise PointsOutOfRange(essay=essay_id, points=f"{points:g}" if points is not None else "—",
                                       max_points=f"{essay.max_points:g}")
            repository.grade(essay_id, EssayMark(float(points), essay.max_points, picks, comment.strip(),
                                                 self._clock(), grader))
            marked = repository.essay(essay_id)
        assert marked is not None
        return marked

    def signing_key(self) -> InstallationKey:
        """The workspace's key, made and stored the first time it is needed."""
        with self._sessions.begin() as session:
            repository = WorkspaceEssayRepository(session)
            key, created = load_or_create(repository.signing_key())
            if created:
                repository.set_signing_key(key.raw, self._clock())
        return key

    def export_feedback(self, folder: Path, *, learner_uid: str | None = None,
                        progress: Callable[[int, int], object] | None = None) -> list[Path]:
        """One signed `.etfeedback` per learner with marks not sent yet, written into `folder`; each learner's
        marks are remembered as sent right after her file is written. Returns the files written (none when there
        is nothing new). `progress` hears (files written, files in all) before the first and after each; when it
        returns False the rest waits (their marks stay unsent, for the next time)."""
        new = [e for e in self.essays(learner_uid=learner_uid) if e.mark is not None and not e.sent]
        if not new:
            return []
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        key = self.signing_key()
        now = self._clock()
        by_learner: dict[str, list[SentEssay]] = {}
        for essay in new:
            by_learner.setdefault(essay.learner_uid, []).append(essay)
        written: list[Path] = []
        for essays in by_learner.values():
            if progress is not None and progress(len(written), len(by_learner)) is False:
                break
            doc = signed_feedback(essays, essays[0].course_id, now, __version__, key)
            target = _free_name(folder, feedback_file_name(essays[0].learner_name, now.astimezone().date()))
            written.append(_write(target, json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")))
            with self._sessions.begin() as session:
                WorkspaceEssayRepository(session).mark_sent([e.grade_uid for e in essays], now)
        else:
            if progress is not None:
                progress(len(written), len(by_learner))
        return written


def _free_name(folder: Path, name: str) -> Path:
    """`name` in `folder`, or `stem-2.suffix`, `stem-3.suffix` … when a file of that name exists."""
    target = folder / name
    stem, suffix = target.stem, target.suffix
    number = 2
    while target.exists():
        target = folder / f"{stem}-{number}{suffix}"
        number += 1
    return target
