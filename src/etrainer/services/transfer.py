"""Exporting a learner's progress: the signed progress file for the methodist, xAPI, CSV, XLSX, PDF.

`collect` reads everything the progress file carries from the database (lesson records of the course's
lessons, quiz and walkthrough attempts made in the course); every export goes through the same checked
`ProgressDocument`. Files are written to a temporary name beside the target, then renamed.
The PDF exports import Qt lazily (only `exchange.report_pdf` uses it).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from etrainer import __version__
from etrainer.core.course.model import Course
from etrainer.core.ids import LearnerId
from etrainer.core.learner.profiles import ProfileNotFound
from etrainer.core.progress.file import (
    FORMAT_NAME,
    FORMAT_VERSION,
    ProgressDocument,
    file_bytes,
    file_name_for,
    format_time,
    validate_document,
)
from etrainer.core.progress.format import FILE_SUFFIX, ExportFailed
from etrainer.core.progress.learner_report import CourseNotCompleted, LearnerReport, learner_report
from etrainer.core.quiz.model import DEFAULT_ESSAY_POINTS, QuestionKind
from etrainer.exchange import tables, xapi
from etrainer.exchange.signing import InstallationKey, load_or_create
from etrainer.services.saving import Sessions, guarded
from etrainer.storage.consultations import ConsultationRepository
from etrainer.storage.essays import EssayRepository
from etrainer.storage.models import utc_now
from etrainer.storage.progress_export import ProgressExportRepository


@dataclass(frozen=True, slots=True)
class ConsentSummary:
    """What a progress file will contain, for the learner to confirm before exporting."""

    name: str
    branch: str
    position: str
    course_title: str
    lesson_progress: int
    lesson_visits: int
    quiz_attempts: int
    quiz_responses: int
    walkthrough_attempts: int
    walkthrough_events: int
    file_name: str
    """The suggested file name (`Olena-Petrenko_2026-11-27.etprogress`)."""
    essays: int = 0
    """Essays sent (their full text goes to the methodist)."""
    consultations: int = 0
    """Consultations of the anonymous desk log (the optional `records.consultations` section)."""


class ExportService:
    def __init__(self, sessions: Sessions, *, clock: Callable[[], datetime] = utc_now) -> None:
        self._sessions = guarded(sessions)  # database refusals become SaveFailed
        self._clock = clock

    def collect(self, learner: LearnerId, course: Course) -> dict[str, Any]:
        """The progress document (format version 1) without its signature. Raises ProfileNotFound."""
        with self._sessions.begin() as session:
            repository = ProgressExportRepository(session)
            profile = repository.learner(learner)
            if profile is None:
                raise ProfileNotFound()
            installation, _ = repository.installation()
            progress = repository.lesson_progress(learner)
            visits = repository.lesson_visits(learner)
            quizzes = repository.quiz_attempts(learner, course.id)
            walkthroughs = repository.walkthrough_attempts(learner, course.id)
            consultations = ConsultationRepository(session).records(learner)
        modules = {lesson.id: lesson.module_id for lesson in course.lessons()}
        for record in progress:
            record["module_id"] = modules.get(record["lesson_id"])
        for record in quizzes:
            quiz = course.quiz(record["quiz_id"]) if record["kind"] == "quiz" else None
            record["module_id"] = quiz.module_id if quiz is not None else None
            for response in record["responses"]:
                if response["question_kind"] == QuestionKind.ESSAY.value:
                    response["max_points"] = _essay_points(course, response["question_id"])
        for record in walkthroughs:
            scenario = course.scenario(record["scenario_id"])
            record["module_id"] = scenario.module_id if scenario is not None else None
        return {
            "format": FORMAT_NAME, "version": FORMAT_VERSION, "exported_at": format_time(self._clock()),
            "app_version": __version__, "installation": installation,
            "course": {"id": course.id, "version": course.version, "title": course.title},
            "learner": profile,
            "records": {"lesson_progress": [r for r in progress if r["lesson_id"] in modules],
                        "lesson_visits": [r for r in visits if r["lesson_id"] in modules],
                        "quiz_attempts": quizzes, "walkthrough_attempts": walkthroughs}
            | ({"consultations": consultations} if consultations else {}),
        }

    def document(self, learner: LearnerId, course: Course) -> ProgressDocument:
        """The collected document, checked and typed (unsigned)."""
        return validate_document(self.collect(learner, course))

    def signed(self, learner: LearnerId, course: Course) -> dict[str, Any]:
        """The collected document signed with the installation key (made and stored on first use)."""
        doc = self.collect(learner, course)
        return self.installation_key().sign(doc)

    def installation_key(self) -> InstallationKey:
        with self._sessions.begin() as session:
            repository = ProgressExportRepository(session)
            key, created = load_or_create(repository.installation()[1])
            if created:
                repository.set_signing_key(key.raw)
        return key

    def export_progress(self, learner: LearnerId, course: Course, out_path: Path) -> Path:
        """Write the signed progress file; `out_path` may be a folder (the suggested name is used there)."""
        doc = self.signed(learner, course)
        validate_document(doc)  # never write a file the reader would refuse
        target = self._target(out_path, doc["learner"]["name"])
        return _write(target, file_bytes(doc))  # the canonical bytes, then the signature: checked without re-encoding

    def export_xapi(self, learner: LearnerId, course: Course, out_path: Path) -> Path:
        """xAPI 1.0.3 statements of the same records, as a JSON array."""
        document = self.document(learner, course)
        statements = self.xapi_statements(learner, course, document)
        data = json.dumps(statements, ensure_ascii=False, indent=1, allow_nan=False).encode("utf-8")
        return _write(self._target(out_path, document.learner.name, ".xapi.json"), data)

    def xapi_statements(self, learner: LearnerId, course: Course,
                        document: ProgressDocument | None = None) -> list[dict[str, Any]]:
        """The learner's xAPI statements (of `document`, by default all her records) and her essays' marks."""
        document = document or self.document(learner, course)
        with self._sessions.begin() as session:
            marks = [(m.response_uid, m.mark) for m in EssayRepository(session).marks(learner)]
        return xapi.statements(document, course) + xapi.grading_statements(document, marks, course)

    def report(self, learner: LearnerId, course: Course) -> LearnerReport:
        return learner_report(self.document(learner, course), course)

    def export_csv(self, learner: LearnerId, course: Course, out_path: Path) -> Path:
        report = self.report(learner, course)
        return _write(self._target(out_path, report.name, ".csv"), tables.report_csv(report))

    def export_xlsx(self, learner: LearnerId, course: Course, out_path: Path) -> Path:
        report = self.report(learner, course)
        return _write(self._target(out_path, report.name, ".xlsx"), tables.report_xlsx(report))

    def export_pdf(self, learner: LearnerId, course: Course, out_path: Path) -> Path:
        from etrainer.exchange import report_pdf

        report = self.report(learner, course)
        return _write(self._target(out_path, report.name, ".pdf"), report_pdf.progress_pdf(report))

    def export_certificate(self, learner: LearnerId, course: Course, out_path: Path) -> Path:
        """Raises CourseNotCompleted unless every lesson is read, every quiz and every walkthrough passed."""
        report = self.report(learner, course)
        if not report.completed:
            raise CourseNotCompleted(name=report.name, read=report.lessons_read, total=report.lessons_total,
                                     passed=report.quizzes_passed, quizzes=report.quizzes_total,
                                     walked=report.walkthroughs_passed, walkthroughs=report.walkthroughs_total)
        from etrainer.exchange import report_pdf

        return _write(self._target(out_path, report.name, "-certificate.pdf"), report_pdf.certificate_pdf(report))

    def summary_for_consent(self, learner: LearnerId, course: Course) -> ConsentSummary:
        doc = self.document(learner, course)
        return ConsentSummary(
            doc.learner.name, doc.learner.branch, doc.learner.position, course.title, len(doc.lesson_progress),
            len(doc.lesson_visits), len(doc.quiz_attempts), sum(len(a.responses) for a in doc.quiz_attempts),
            len(doc.walkthrough_attempts), sum(len(a.events) for a in doc.walkthrough_attempts),
            file_name_for(doc.learner.name, self._clock().astimezone().date()),
            sum(1 for a in doc.quiz_attempts for r in a.responses if r.question_kind is QuestionKind.ESSAY),
            len(doc.consultations))

    def _target(self, out_path: Path, name: str, suffix: str = FILE_SUFFIX) -> Path:
        """`out_path`, or in a folder the usual name (learner and date) with `suffix`."""
        out_path = Path(out_path)
        if not out_path.is_dir():
            return out_path
        return out_path / (file_name_for(name, self._clock().astimezone().date()).removesuffix(FILE_SUFFIX) + suffix)


def _essay_points(course: Course, question_id: str) -> float:
    """What the course's essay `question_id` is marked out of (the default when the course lost it)."""
    for quiz in course.quizzes:
        question = quiz.question(question_id)
        if question is not None and question.essay is not None:
            return question.essay.max_points
    return DEFAULT_ESSAY_POINTS


def _write(target: Path, data: bytes) -> Path:
    """Write to a temporary file beside `target`, then rename it over `target`. Raises ExportFailed."""
    temporary = None
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        temporary = Path(name)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; an exported file is meant to be shared
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except OSError as error:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise ExportFailed(path=str(target), reason=error.strerror or str(error)) from error
    return target
