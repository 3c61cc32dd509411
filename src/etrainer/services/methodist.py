"""The methodist workspace: importing progress files, and the dashboard over what was imported.

`WorkspaceService.import_paths` takes files and folders (folders searched recursively for `*.etprogress`
and `*.json`); each file is checked by `core.progress.file` and written in its own transaction, so a
rejected file changes nothing and never stops the others. A learner's public key is trusted on her first
imported file; a later file signed with another key is refused (KEY_CHANGED). A file whose exact bytes were
imported before is skipped without being read again. The dashboard queries load the workspace once and
compute in `core.progress.dashboard` / `core.progress.item_analysis`.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import Enum
from os import PathLike
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from etrainer.core.consultation.stats import DeskRecord, DeskReport, desk_report, training_by_module
from etrainer.core.course.model import Course
from etrainer.core.progress.dashboard import (
    QUIZ_KIND,
    DashboardData,
    DashboardFilter,
    LearnerDetail,
    ModuleMatrix,
    TagResult,
    apply_filter,
    choices,
    competency_results,
    learner_detail,
    module_matrix,
)
from etrainer.core.progress.file import (
    FILE_SUFFIX,
    MAX_FILE_BYTES,
    ProgressFileRejected,
    RejectReason,
    check_key,
    parse_progress_bytes,
)
from etrainer.core.progress.item_analysis import ItemStat, ScenarioHotspots, item_analysis, walkthrough_hotspots
from etrainer.core.progress.overview import Dashboard
from etrainer.core.quiz.essay import SentEssay
from etrainer.storage.workspace import (
    ImportedFile,
    RecordCounts,
    Workspace,
    WorkspaceRepository,
    default_workspace_path,
    open_workspace,
)
from etrainer.storage.workspace_essays import WorkspaceEssayRepository

IMPORT_SUFFIXES = (FILE_SUFFIX, ".json")
"""What a folder is searched for; a file named explicitly is tried whatever its name."""

ProgressCallback = Callable[[int, int], object]
"""Called with (files done, files in all) before the first file and after each one."""


class FileStatus(Enum):
    IMPORTED = "imported"
    """New or changed records were stored."""
    UNCHANGED = "unchanged"
    """Accepted, but everything in it was already in the workspace."""
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class FileResult:
    path: Path
    status: FileStatus
    learner_name: str = ""
    counts: RecordCounts = field(default_factory=RecordCounts)
    reason: RejectReason | None = None
    detail: str = ""
    """Technical detail of a rejection (English, not translated)."""


@dataclass(frozen=True, slots=True)
class ImportReport:
    files: tuple[FileResult, ...]
    cancelled: bool = False
    total_files: int = 0
    """Files found, including those not reached because the import was cancelled."""

    @property
    def accepted(self) -> tuple[FileResult, ...]:
        return tuple(f for f in self.files if f.status is not FileStatus.REJECTED)

    @property
    def rejected(self) -> tuple[FileResult, ...]:
        return tuple(f for f in self.files if f.status is FileStatus.REJECTED)

    @property
    def counts(self) -> RecordCounts:
        return sum((f.counts for f in self.files), RecordCounts())


def find_progress_files(paths: Iterable[str | PathLike[str]]) -> list[Path]:
    """The files to import: files as given, folders searched recursively (symbolic links not followed)."""
    found: dict[Path, None] = {}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for folder, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    if name.lower().endswith(IMPORT_SUFFIXES):
                        found.setdefault(Path(folder) / name)
        else:
            found.setdefault(path)
    return list(found)


class WorkspaceService:
    def __init__(self, workspace: Workspace, course: Course | None = None,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.workspace = workspace
        self.course = course
        self._sessions = workspace.sessions
        self._clock = clock

    # -------------------------------------------------------------- import

    def import_paths(self, paths: Iterable[str | PathLike[str]], progress: ProgressCallback | None = None,
                     cancelled: Callable[[], bool] | None = None) -> ImportReport:
        files = find_progress_files(paths)
        results: list[FileResult] = []
        if progress is not None:
            progress(0, len(files))
        for done, path in enumerate(files, start=1):
            if cancelled is not None and cancelled():
                return ImportReport(tuple(results), True, len(files))
            results.append(self.import_file(path))
            if progress is not None:
                progress(done, len(files))
        return ImportReport(tuple(results), False, len(files))

    def import_file(self, path: Path, *, trust_new_key: bool = False) -> FileResult:
        """Import one file in its own transaction; a rejection leaves the workspace exactly as it was.

        `trust_new_key` accepts a file whose learner is known with another key (the methodist checked with
        her: she reinstalled eTrainer) and trusts the new key from now on; the signature must still match.
        """
        try:
            raw = _read(path)
            sha256 = hashlib.sha256(raw).hexdigest()
            with self._sessions.begin() as session:
                repository = WorkspaceRepository(session)
                known_file = repository.imported_file(sha256)
                if known_file is not None:
                    skipped = RecordCounts(skipped=known_file.counts.total)
                    return FileResult(path, FileStatus.UNCHANGED, known_file.learner_name, skipped)
                document = parse_progress_bytes(raw)
                if document.signature is None:
                    raise ProgressFileRejected(RejectReason.BAD_SIGNATURE, "the file is not signed")
                # Another methodist importing a file of hers makes this wait; she may have imported this one.
                if repository.lock_learner(document.learner.uid) and (
                        known_file := repository.imported_file(sha256)) is not None:
                    skipped = RecordCounts(skipped=known_file.counts.total)
                    return FileResult(path, FileStatus.UNCHANGED, known_file.learner_name, skipped)
                known = repository.learner(document.learner.uid)
                if known is not None and trust_new_key:
                    known = repository.trust_key(known, document.signature.public_key)
                elif known is not None:
                    check_key(document, known.public_key)
                now = self._clock()
                learner = repository.save_learner(document, document.signature.public_key, now, known)
                counts = repository.store_records(learner, document)
                WorkspaceEssayRepository(session).store_essays(learner, document)
                repository.add_import(learner, document, path.name, sha256, counts, now)
        except ProgressFileRejected as rejected:
            return FileResult(path, FileStatus.REJECTED, reason=rejected.reason, detail=rejected.detail)
        except IntegrityError as error:  # not expected: uids are unique per learner and checked per file
            detail = "its records clash with records already stored: " + str(error.orig).splitlines()[0]
            return FileResult(path, FileStatus.REJECTED, reason=RejectReason.DAMAGED, detail=detail)
        status = FileStatus.IMPORTED if counts.new or counts.updated else FileStatus.UNCHANGED
        return FileResult(path, status, document.learner.name, counts)

    def imported_files(self) -> list[ImportedFile]:
        with self._sessions.begin() as session:
            return WorkspaceRepository(session).imported_files()

    def row_counts(self) -> dict[str, int]:
        with self._sessions.begin() as session:
            return WorkspaceRepository(session).row_counts()

    # -------------------------------------------------------------- dashboard

    def data(self, filters: DashboardFilter | None = None, *, details: bool = True) -> DashboardData:
        """The imported records, filtered; `details=False` leaves out quiz responses and walkthrough events."""
        with self._sessions.begin() as session:
            data = WorkspaceRepository(session).dashboard_data(details=details)
        return apply_filter(data, filters) if filters is not None else data

    def dashboard(self, filters: DashboardFilter | None = None) -> Dashboard:
        chosen = filters or DashboardFilter()
        everything = self.data()
        data = apply_filter(everything, chosen)
        course = self._course()
        branches, positions = choices(everything)
        return Dashboard(chosen, module_matrix(course, data), competency_results(course, data),
                         item_analysis(course, data), walkthrough_hotspots(course, data), branches, positions)

    def matrix(self, filters: DashboardFilter | None = None) -> ModuleMatrix:
        return module_matrix(self._course(), self.data(filters, details=False))

    def competencies(self, filters: DashboardFilter | None = None) -> tuple[TagResult, ...]:
        return competency_results(self._course(), self.data(filters, details=False))

    def items(self, filters: DashboardFilter | None = None) -> tuple[ItemStat, ...]:
        return item_analysis(self._course(), self.data(filters))

    def hotspots(self, filters: DashboardFilter | None = None) -> tuple[ScenarioHotspots, ...]:
        return walkthrough_hotspots(self._course(), self.data(filters))

    def learner(self, learner_uid: str, filters: DashboardFilter | None = None) -> LearnerDetail | None:
        return learner_detail(self._course(), self.data(filters, details=False), learner_uid)

    def export_xlsx(self, path: str | PathLike[str], filters: DashboardFilter | None = None) -> Path:
        """Write the dashboard to an XLSX workbook (write-then-rename); returns the path."""
        from etrainer.exchange.workspace_report import write_workspace_xlsx

        return write_workspace_xlsx(Path(path), self.dashboard(filters), self._course(), self._essays(filters),
                                    self.desk(filters))

    def export_pdf(self, path: str | PathLike[str], filters: DashboardFilter | None = None) -> Path:
        """Write the dashboard report as PDF (Qt draws it; call from the UI thread or a CLI, not a worker)."""
        from etrainer.exchange.workspace_report import write_workspace_pdf

        return write_workspace_pdf(Path(path), self.dashboard(filters), self._course(), self._essays(filters),
                                   self.desk(filters))

    def _essays(self, filters: DashboardFilter | None) -> list[SentEssay]:
        """The essays of the learners the filter keeps, with their marks (for the reports)."""
        with self._sessions.begin() as session:
            essays = WorkspaceEssayRepository(session).essays()
        if filters is None:
            return essays
        kept = {learner.uid for learner in self.data(filters, details=False).learners}
        return [e for e in essays if e.learner_uid in kept]

    # -------------------------------------------------------------- the desk (consultation log)

    def consultations(self, filters: DashboardFilter | None = None) -> list[DeskRecord]:
        """The imported consultations of the learners the filter keeps, in its date range."""
        with self._sessions.begin() as session:
            records = WorkspaceRepository(session).desk_records()
        if filters is None:
            return records
        kept = {learner.uid for learner in apply_filter(self.data(details=False), filters).learners}
        return [r for r in records if r.learner_uid in kept and filters.keeps_time(r.at)]

    def desk(self, filters: DashboardFilter | None = None) -> DeskReport:
        """The consultations by branch, service and month, and desk vs training (core.consultation.stats)."""
        from etrainer.core.consultation.catalog import load_catalog

        course = self._course()
        data = self.data(filters, details=False)
        training = training_by_module(
            ((a.module_id, a.score) for a in data.quiz_attempts if a.kind == QUIZ_KIND and a.finished_at),
            ((w.module_id, w.passed) for w in data.walkthroughs if w.finished_at and not w.abandoned))
        return desk_report(self.consultations(filters), load_catalog(course.root)[0], training)

    def close(self) -> None:
        """Release the workspace's database connections (the window calls this when it closes)."""
        self.workspace.dispose()

    def _course(self) -> Course:
        if self.course is None:
            raise ValueError("the workspace service needs a course for the dashboard")
        return self.course


def open_workspace_service(data: Path, course: Course | None = None) -> WorkspaceService:
    """The methodist's workspace kept in the data folder, opened (and upgraded) for one window.

    Raises an EtrainerError subclass with a sentence when the workspace file cannot be opened."""
    return WorkspaceService(open_workspace(default_workspace_path(data)), course)


def _read(path: Path) -> bytes:
    """The file's bytes; refuses a missing, unreadable or oversized file before reading it."""
    try:
        if not path.is_file():
            raise ProgressFileRejected(RejectReason.NOT_A_PROGRESS_FILE, f"{path.name} is not a file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ProgressFileRejected(RejectReason.TOO_LARGE, f"{size} bytes; the limit is {MAX_FILE_BYTES}")
        with path.open("rb") as stream:  # read(n) allocates n bytes first: ask for no more than the file's size
            raw = stream.read(min(size, MAX_FILE_BYTES) + 1)
    except OSError as error:
        raise ProgressFileRejected(RejectReason.NOT_A_PROGRESS_FILE,
                                   f"cannot be read: {error.strerror or error}") from error
    if len(raw) > MAX_FILE_BYTES:
        raise ProgressFileRejected(RejectReason.TOO_LARGE, f"more than {MAX_FILE_BYTES} bytes")
    return raw
