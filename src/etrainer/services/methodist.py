"""The methodist workspace: importing progress files, and the dashboard over what was imported.

`WorkspaceService.import_paths` takes files and folders (folders searched recursively for `*.etprogress`
and `*.json`); each file is checked by `core.progress.file` — in worker processes across the cores for a
large import (`services.import_reading`) — and written several files to a transaction, with one INSERT per
table for the files of a batch that can go together, and each file under its own savepoint when that
batch's write fails, so a rejected file changes nothing and never stops the others. A learner's public key is
trusted on her first imported file; a later file signed with another key is refused (KEY_CHANGED). A file
whose exact bytes were imported before is skipped without being checked again. The dashboard's views are
computed from aggregates the database makes for the chosen filter (`storage.workspace_summary`), one learner
at a time (`core.progress.summary`), so a workspace of 30,000 learners is never held in memory; one learner's
detail reads only her records.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import Enum
from os import PathLike
from pathlib import Path

from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from etrainer.core.consultation.stats import (
    DeskRecord,
    DeskReport,
    desk_overview_of_counts,
    desk_report_of_counts,
    training_by_module,
)
from etrainer.core.course.model import Course
from etrainer.core.errors import EtrainerError, is_disk_full
from etrainer.core.progress.dashboard import (
    DashboardData,
    DashboardFilter,
    LearnerDetail,
    ModuleMatrix,
    TagResult,
    apply_filter,
    learner_detail,
    sorted_choices,
)
from etrainer.core.progress.file import (
    FILE_SUFFIX,
    MAX_FILE_BYTES,
    ProgressFileRejected,
    RejectReason,
    check_key,
)
from etrainer.core.progress.item_analysis import ItemStat, ScenarioHotspots, hotspots_from_counts
from etrainer.core.progress.overview import Dashboard
from etrainer.core.progress.summary import ItemTally, SummaryBuilder
from etrainer.core.quiz.essay import SentEssay
from etrainer.i18n import QT_TRANSLATE_NOOP
from etrainer.services.import_reading import (
    CheckedFile,
    KnownFile,
    Outcome,
    RejectedFile,
    check_file,
    pool_workers,
    read_in_pool,
)
from etrainer.storage.db import READ_ONLY
from etrainer.storage.workspace import (
    FileRows,
    ImportedFile,
    RecordCounts,
    TrustedLearner,
    Workspace,
    WorkspaceRepository,
    default_workspace_path,
    open_workspace,
)
from etrainer.storage.workspace_essays import WorkspaceEssayRepository
from etrainer.storage.workspace_summary import WorkspaceSummary

IMPORT_SUFFIXES = (FILE_SUFFIX, ".json")
"""What a folder is searched for; a file named explicitly is tried whatever its name."""

ProgressCallback = Callable[[int, int], object]
"""Called with (files done, files in all) before the first file and after each one (after each file of a
batch once the batch is committed)."""

REPORT_STEPS = 6
"""The readings of a report (`WorkspaceService.report`): the dashboard's four, the essays, the desk."""


EXPORT_STEPS = REPORT_STEPS + 1
"""An export's steps: the report's readings, then writing the file."""


def _exporting(progress: ProgressCallback | None) -> ProgressCallback | None:
    """The report's steps as the first steps of an export's."""
    if progress is None:
        return None
    return lambda done, _total: progress(done, EXPORT_STEPS)


class ExportCancelled(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The export was cancelled; no file was written.")


class WorkspaceDiskFull(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "No space left on the disk holding the methodist workspace {url}: the "
                             "import stopped after {done} of {total} file(s). The files imported are kept; free "
                             "some space and import again (they are skipped then).")


@dataclass(frozen=True, slots=True)
class WorkspaceReport:
    """What the XLSX and PDF exports print for one filter: the dashboard, the essays the filter keeps with
    their marks, and the consultations with their breakdown."""

    dashboard: Dashboard
    essays: list[SentEssay]
    desk: DeskReport


POOL_MIN_FILES = 150
"""Fewer files are checked in this process. Starting the workers (a fresh interpreter each, with "spawn",
importing the progress-file reader) takes about 0.6 s on a 2-core PC, and each worker saves the importing
process the checking of its files, about 3.5 ms of the 8 ms one file costs (300 records): the pool pays
for itself from about 150 files on."""
BATCH_FILES = 32
"""Files written per transaction: one commit (a disk flush with SQLite's synchronous=FULL) per file was a
third of the writing time; more files per commit would gain little and hold the write lock longer. A batch's
rows are held until it is written: a few MB for 32 files of 300 records."""


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


@dataclass(slots=True)
class _Batch:
    """The transaction several files of an import are written in, and their results until it commits."""

    session: Session
    repository: WorkspaceRepository
    essays: WorkspaceEssayRepository
    results: list[FileResult]
    outcomes: list[tuple[Path, Outcome]] = field(default_factory=list)
    """The files read for the batch, written together when it is full (`_write_batch`)."""


class WorkspaceService:
    def __init__(self, workspace: Workspace, course: Course | None = None,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.workspace = workspace
        self.course = course
        self._sessions = workspace.sessions
        self._clock = clock
        self._batch: _Batch | None = None

    # -------------------------------------------------------------- import

    def import_paths(self, paths: Iterable[str | PathLike[str]], progress: ProgressCallback | None = None,
                     cancelled: Callable[[], bool] | None = None, *, workers: int | None = None) -> ImportReport:
        """Import every file found; `workers` processes check them (default: one per core; 1 checks them here).

        An import of fewer than POOL_MIN_FILES files is checked in this process: starting the workers costs
        more than they would save. Several files are written per transaction (BATCH_FILES), together
        (`_write_batch`), so a file refused on writing leaves the others and the workspace as they were.
        """
        files = find_progress_files(paths)
        results: list[FileResult] = []
        if progress is not None:
            progress(0, len(files))
        workers = pool_workers() if workers is None else workers
        batch: _Batch | None = None
        dialect = self.workspace.database.dialect
        if workers > 1 and len(files) >= POOL_MIN_FILES:
            is_known = self._known_check() if self._has_imports() else None
            outcomes: Iterator[Outcome] = read_in_pool(files, MAX_FILE_BYTES, dialect, workers, is_known)
        else:
            outcomes = (check_file(path, MAX_FILE_BYTES, dialect) for path in files)
        stopped = False
        try:
            for path in files:
                if cancelled is not None and cancelled():
                    stopped = True
                    break
                if batch is None:
                    batch = self._begin_batch()
                batch.outcomes.append((path, next(outcomes)))
                if len(batch.outcomes) >= BATCH_FILES:
                    batch.results = self._write_batch(batch, batch.outcomes)
                    results += self._commit(batch, progress, len(results), len(files))
                    batch = None
            if batch is not None:
                batch.results = self._write_batch(batch, batch.outcomes)
                results += self._commit(batch, progress, len(results), len(files))
                batch = None
        except Exception as error:
            if is_disk_full(error):  # the batches committed before stay; the one being written is rolled back
                raise WorkspaceDiskFull(url=self.workspace.display_url, done=len(results),
                                        total=len(files)) from error
            raise
        finally:
            if batch is not None:
                batch.session.close()
            self._batch = None
            close = getattr(outcomes, "close", None)
            if close is not None:
                close()
        return ImportReport(tuple(results), stopped, len(files))

    def import_file(self, path: Path, *, trust_new_key: bool = False) -> FileResult:
        """Import one file in its own transaction; a rejection leaves the workspace exactly as it was.

        `trust_new_key` accepts a file whose learner is known with another key (the methodist checked with
        her: she reinstalled eTrainer) and trusts the new key from now on; the signature must still match.
        """
        batch = self._begin_batch()
        try:
            batch.results.append(self._write(batch, path, self._check(path), trust_new_key))
            (result,) = self._commit(batch, None, 0, 1)
        except Exception as error:
            if is_disk_full(error):
                raise WorkspaceDiskFull(url=self.workspace.display_url, done=0, total=1) from error
            raise
        finally:
            batch.session.close()
            self._batch = None
        return result

    def _check(self, path: Path) -> CheckedFile | RejectedFile:
        return check_file(path, MAX_FILE_BYTES, self.workspace.database.dialect)

    def _has_imports(self) -> bool:
        """False for a fresh workspace, where no file can be skipped as already imported."""
        with self._sessions.begin() as session:
            return WorkspaceRepository(session).has_imports()

    def _known_check(self) -> Callable[[str], bool]:
        """Whether the workspace holds a file's bytes, asked in the open batch's transaction (the pool reads
        ahead between two files written; a second SQLite transaction would wait for this one's lock)."""
        def is_known(sha256: str) -> bool:
            assert self._batch is not None, "the pool is only read from inside a batch"
            return self._batch.repository.imported_file(sha256) is not None
        return is_known

    def _begin_batch(self) -> _Batch:
        session = self._sessions()
        session.begin()
        self._batch = _Batch(session, WorkspaceRepository(session), WorkspaceEssayRepository(session), [])
        self._batch.repository.lock_imports()  # first: what the batch reads then includes others' imports
        self._batch.repository.prepare_for_import()
        return self._batch

    def _commit(self, batch: _Batch, progress: ProgressCallback | None, done: int, total: int) -> list[FileResult]:
        batch.session.commit()
        batch.session.close()
        self._batch = None
        if progress is not None:
            for n in range(1, len(batch.results) + 1):
                progress(done + n, total)
        return batch.results

    def _write_batch(self, batch: _Batch, outcomes: list[tuple[Path, Outcome]]) -> list[FileResult]:
        """Write a batch's files with one INSERT per table for as many of them as can go together, with the
        same results as `_write` file after file.

        The learners and the files already imported are looked up once for the batch. Files go together
        while each is of a learner, and has bytes, not yet met in the batch; a file that meets one (the same
        file twice, two files of one learner) first writes those gathered so far, then goes alone, as does
        whatever might write outside that order (a file known when read and not now). The files gathered
        are written under one savepoint; if that fails (a constraint refused a row), it is rolled back and
        they are written again one at a time, each under its own savepoint, so the file at fault is refused
        alone and the others are kept.
        """
        repository = batch.repository
        shas = [o.sha256 for _, o in outcomes if o.sha256 is not None]
        imported = repository.imported_by_sha(shas) if shas else {}
        learners = repository.learners(o.header.learner.uid for _, o in outcomes if isinstance(o, CheckedFile))
        results: list[FileResult | None] = [None] * len(outcomes)
        gathered: list[tuple[int, Path, CheckedFile, FileRows]] = []
        met: set[str] = set()  # learner uids and digests the batch has written or gathered

        def write_gathered() -> None:
            for index, result in self._write_together(batch, gathered):
                results[index] = result
            gathered.clear()

        for index, (path, outcome) in enumerate(outcomes):
            known_file = imported.get(outcome.sha256) if outcome.sha256 is not None else None
            if known_file is not None and outcome.sha256 not in met:
                results[index] = FileResult(path, FileStatus.UNCHANGED, known_file.learner_name,
                                            RecordCounts(skipped=known_file.counts.total))
            elif isinstance(outcome, RejectedFile) and outcome.sha256 not in met:
                results[index] = FileResult(path, FileStatus.REJECTED, reason=outcome.reason, detail=outcome.detail)
            elif (isinstance(outcome, CheckedFile) and outcome.sha256 not in met
                  and outcome.header.learner.uid not in met):
                met |= {outcome.sha256, outcome.header.learner.uid}
                try:
                    gathered.append((index, path, outcome, self._file_rows(path, outcome,
                                                                           learners.get(outcome.header.learner.uid))))
                except ProgressFileRejected as rejected:
                    results[index] = FileResult(path, FileStatus.REJECTED, reason=rejected.reason,
                                                detail=rejected.detail)
            else:
                write_gathered()
                if isinstance(outcome, CheckedFile):
                    met |= {outcome.sha256, outcome.header.learner.uid}
                results[index] = self._write(batch, path, outcome)
                if results[index].status is not FileStatus.REJECTED and outcome.sha256 is not None:
                    met.add(outcome.sha256)
        write_gathered()
        assert all(result is not None for result in results)
        return results  # type: ignore[return-value]

    def _file_rows(self, path: Path, outcome: CheckedFile, known: TrustedLearner | None,
                   trust_new_key: bool = False) -> FileRows:
        """What `store_files` writes of a checked file; raises ProgressFileRejected (KEY_CHANGED) when the
        learner is known with another key."""
        document = outcome.header
        assert document.signature is not None  # check_file refuses an unsigned file
        public_key = document.signature.public_key
        # A learner first seen in an LRS (`workspace pull-lrs`) has no key yet: her first signed file's key is
        # trusted as a first file's is, and checked from then on.
        first_key = known is not None and not known.public_key
        if known is not None and not trust_new_key and not first_key:
            check_key(document, known.public_key)
        return FileRows(document, public_key, known, known is not None and (trust_new_key or first_key), path.name,
                        outcome.sha256, outcome.rows, self._clock())

    def _write_together(self, batch: _Batch, gathered: list[tuple[int, Path, CheckedFile, FileRows]]
                        ) -> list[tuple[int, FileResult]]:
        """`store_files` under one savepoint; when it fails, each file again under its own (`_write`)."""
        if not gathered:
            return []
        try:
            with batch.session.begin_nested():
                written = batch.repository.store_files([rows for *_, rows in gathered])
                for (_, _, outcome, _), (learner, _) in zip(gathered, written, strict=True):
                    batch.essays.store_essay_rows(learner, outcome.essays)
        except (IntegrityError, DataError, ProgressFileRejected):  # whichever file it was, it is refused alone
            return [(index, self._write(batch, path, outcome)) for index, path, outcome, _ in gathered]
        return [(index, FileResult(path, FileStatus.IMPORTED if counts.new or counts.updated else FileStatus.UNCHANGED,
                                   outcome.header.learner.name, counts))
                for (index, path, outcome, _), (_, counts) in zip(gathered, written, strict=True)]

    def _write(self, batch: _Batch, path: Path, outcome: Outcome, trust_new_key: bool = False) -> FileResult:
        """Write one checked file under a savepoint of the batch's transaction."""
        repository = batch.repository
        known_file = repository.imported_file(outcome.sha256) if outcome.sha256 is not None else None
        if known_file is not None:
            skipped = RecordCounts(skipped=known_file.counts.total)
            return FileResult(path, FileStatus.UNCHANGED, known_file.learner_name, skipped)
        if isinstance(outcome, KnownFile):  # it was known when read, and is not now: check it after all
            return self._write(batch, path, self._check(path), trust_new_key)
        if isinstance(outcome, RejectedFile):
            return FileResult(path, FileStatus.REJECTED, reason=outcome.reason, detail=outcome.detail)
        document = outcome.header
        try:
            known = repository.learner(document.learner.uid)
            rows = self._file_rows(path, outcome, known, trust_new_key)
            with batch.session.begin_nested():
                if rows.trust_key:
                    assert known is not None
                    known = repository.trust_key(known, rows.public_key)
                learner = repository.save_learner(document, rows.public_key, rows.now, known, looked_up=True)
                counts = repository.store_rows(learner, document.exported_at, outcome.rows)
                batch.essays.store_essay_rows(learner, outcome.essays)
                repository.add_import(learner, document, path.name, outcome.sha256, counts, rows.now)
        except ProgressFileRejected as rejected:
            return FileResult(path, FileStatus.REJECTED, reason=rejected.reason, detail=rejected.detail)
        except IntegrityError as error:  # not expected: uids are unique per learner and checked per file
            detail = "its records clash with records already stored: " + str(error.orig).splitlines()[0]
            return FileResult(path, FileStatus.REJECTED, reason=RejectReason.DAMAGED, detail=detail)
        except DataError as error:  # not expected either: a value the server will not store (checked per file)
            detail = "its records cannot be stored: " + str(error.orig).splitlines()[0]
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

    @contextmanager
    def _snapshot(self) -> Iterator[Session]:
        """A transaction that only reads, over one snapshot of the workspace for all its statements: on SQLite a
        deferred one (an import, here or in another process, goes on meanwhile: WAL), on a server REPEATABLE
        READ (what a methodist importing at the same time commits is seen by the next dashboard, not half-way)."""
        sqlite = self.workspace.database.dialect == "sqlite"
        with self._sessions() as session, session.begin():
            session.connection(execution_options={READ_ONLY: True} if sqlite
                               else {"isolation_level": "REPEATABLE READ"})
            yield session

    def data(self, filters: DashboardFilter | None = None, *, details: bool = True) -> DashboardData:
        """Every imported record, filtered; `details=False` leaves out quiz responses and walkthrough events.

        Holds the whole workspace in memory: for tests and small workspaces; the views below do not use it."""
        with self._snapshot() as session:
            data = WorkspaceRepository(session).dashboard_data(details=details)
        return apply_filter(data, filters) if filters is not None else data

    def dashboard(self, filters: DashboardFilter | None = None, progress: ProgressCallback | None = None
                  ) -> Dashboard:
        """Every view for one filter, from one snapshot of the workspace; `progress` hears (step, steps)."""
        chosen = filters or DashboardFilter()
        course = self._course()
        steps = 4
        with self._snapshot() as session:
            summary = WorkspaceSummary(session)
            if progress is not None:
                progress(0, steps)
            builder = self._summarised(summary, chosen)
            if progress is not None:
                progress(1, steps)
            items = self._items(summary, chosen)
            if progress is not None:
                progress(2, steps)
            hotspots = hotspots_from_counts(course, *summary.hotspot_counts(chosen))
            if progress is not None:
                progress(3, steps)
            branches, positions = sorted_choices(*summary.choices())
        if progress is not None:
            progress(steps, steps)
        return Dashboard(chosen, builder.matrix(), builder.competencies(), items, hotspots, branches, positions)

    def _summarised(self, summary: WorkspaceSummary, chosen: DashboardFilter) -> SummaryBuilder:
        builder = SummaryBuilder(self._course())
        for facts in summary.learner_facts(chosen):
            builder.add(facts)
        return builder

    def _items(self, summary: WorkspaceSummary, chosen: DashboardFilter) -> tuple[ItemStat, ...]:
        tally = ItemTally()
        for quiz_id, answers in summary.attempt_answers(chosen):
            tally.add_attempt(quiz_id, answers)
        return tally.items(self._course())

    def _summary(self, filters: DashboardFilter | None) -> SummaryBuilder:
        with self._snapshot() as session:
            return self._summarised(WorkspaceSummary(session), filters or DashboardFilter())

    def matrix(self, filters: DashboardFilter | None = None) -> ModuleMatrix:
        return self._summary(filters).matrix()

    def competencies(self, filters: DashboardFilter | None = None) -> tuple[TagResult, ...]:
        return self._summary(filters).competencies()

    def items(self, filters: DashboardFilter | None = None) -> tuple[ItemStat, ...]:
        with self._snapshot() as session:
            return self._items(WorkspaceSummary(session), filters or DashboardFilter())

    def hotspots(self, filters: DashboardFilter | None = None) -> tuple[ScenarioHotspots, ...]:
        with self._snapshot() as session:
            counts = WorkspaceSummary(session).hotspot_counts(filters or DashboardFilter())
        return hotspots_from_counts(self._course(), *counts)

    def learner(self, learner_uid: str, filters: DashboardFilter | None = None) -> LearnerDetail | None:
        """One learner's detail (the window asks when she is chosen): only her records are read."""
        with self._snapshot() as session:
            data = WorkspaceRepository(session).dashboard_data(details=False, learner_uid=learner_uid)
        if filters is not None:
            data = apply_filter(data, filters)
        return learner_detail(self._course(), data, learner_uid)

    def _kept(self, filters: DashboardFilter) -> set[str]:
        """The uids of the learners the filter's branch and position keep."""
        with self._snapshot() as session:
            return WorkspaceSummary(session).learner_uids(filters)

    def report(self, filters: DashboardFilter | None = None, progress: ProgressCallback | None = None
               ) -> WorkspaceReport:
        """What the exports print, for one filter. `progress` hears (step, REPORT_STEPS) before each reading and
        after the last; when it returns False the reading stops with ExportCancelled (nothing is written)."""

        def step(done: int) -> None:
            if progress is not None and progress(done, REPORT_STEPS) is False:
                raise ExportCancelled()

        dashboard = self.dashboard(filters, lambda done, _steps: step(done))  # steps 0 … 4
        essays = self._essays(filters)
        step(REPORT_STEPS - 1)
        desk = self.desk(filters)
        step(REPORT_STEPS)
        return WorkspaceReport(dashboard, essays, desk)

    def export_xlsx(self, path: str | PathLike[str], filters: DashboardFilter | None = None,
                    progress: ProgressCallback | None = None) -> Path:
        """Write the dashboard to an XLSX workbook (write-then-rename); returns the path. `progress` hears
        (step, EXPORT_STEPS): the report's readings, then the writing; False before the writing cancels
        (ExportCancelled: no file written, an older one untouched)."""
        from etrainer.exchange.workspace_report import write_workspace_xlsx

        report = self.report(filters, _exporting(progress))
        written = write_workspace_xlsx(Path(path), report.dashboard, self._course(), report.essays, report.desk)
        if progress is not None:
            progress(EXPORT_STEPS, EXPORT_STEPS)
        return written

    def export_pdf(self, path: str | PathLike[str], filters: DashboardFilter | None = None,
                   progress: ProgressCallback | None = None) -> Path:
        """Write the dashboard report as PDF (write-then-rename); `progress` as for `export_xlsx`. Qt draws it,
        on any thread: QPainter on a QPdfWriter is allowed off the GUI thread, as for the learner's report and
        the trainer's kit (3,000 learners: about 2.6 s of drawing)."""
        from etrainer.exchange.workspace_report import write_workspace_pdf

        report = self.report(filters, _exporting(progress))
        written = write_workspace_pdf(Path(path), report.dashboard, self._course(), report.essays, report.desk)
        if progress is not None:
            progress(EXPORT_STEPS, EXPORT_STEPS)
        return written

    def _essays(self, filters: DashboardFilter | None) -> list[SentEssay]:
        """The essays of the learners the filter keeps, with their marks (for the reports)."""
        with self._snapshot() as session:
            essays = WorkspaceEssayRepository(session).essays()
        if filters is None:
            return essays
        kept = self._kept(filters)
        return [e for e in essays if e.learner_uid in kept]

    # -------------------------------------------------------------- the desk (consultation log)

    def consultations(self, filters: DashboardFilter | None = None) -> list[DeskRecord]:
        """The imported consultations of the learners the filter keeps, in its date range, every one in memory:
        the reference the database's counts (`desk`) are tested against; no view reads them."""
        with self._sessions.begin() as session:
            records = WorkspaceRepository(session).desk_records()
        if filters is None:
            return records
        kept = self._kept(filters)
        return [r for r in records if r.learner_uid in kept and filters.keeps_time(r.at)]

    def desk(self, filters: DashboardFilter | None = None, *, breakdown: bool = True) -> DeskReport:
        """The consultations by branch, service and month, and desk vs training (core.consultation.stats),
        counted by the database. `breakdown=False`: without the rows by month × library × service (only the
        exports show them), from far fewer groups — what the «Consultations» tab shows."""
        from etrainer.core.consultation.catalog import load_catalog

        catalog = load_catalog(self._course().root)[0]
        chosen = filters or DashboardFilter()
        with self._snapshot() as session:
            summary = WorkspaceSummary(session)
            training = training_by_module(*summary.training(chosen))
            if breakdown:
                return desk_report_of_counts(summary.desk_counts(chosen), catalog, training)
            return desk_overview_of_counts(summary.desk_counts(chosen, branch=False),
                                           summary.desk_counts(chosen, month=False, service=False), catalog, training)

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
