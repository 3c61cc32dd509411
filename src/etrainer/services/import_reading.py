"""Reading and checking the progress files of a workspace import, in this process or across the cores.

Checking a file (read with the size limit, parse, depth check, Ed25519 signature, the shape of every field)
costs about four times reading and `json.loads`-ing it, and needs no database: `read_in_pool` runs it in worker
processes, a few files per task, and gives the outcomes back in the files' order while the caller writes
the previous ones. At most `IN_FLIGHT_PER_WORKER` tasks per worker are submitted ahead of what the caller
has taken, so memory stays flat however many files there are. A worker sends back plain rows
(`storage.workspace_rows`), not the typed records: unpickling those would cost the writing process about
as much as storing them. A file as eTrainer writes it goes from its checked JSON straight to rows
(`plain_rows`); any other file through the typed document, which refuses it with its message or accepts it.

The pool starts its workers with "spawn", on every platform. Windows (where the librarians' and
methodists' PCs are) knows no other way, so testing the same start method everywhere tests what they run.
"fork" is unsafe here besides: the workspace window imports on a worker thread of a Qt application, and a
forked child inherits the parent's locks (Qt's, SQLite's, the logging module's) in whatever state other
threads held them — a child can deadlock on its first allocation. "forkserver" would avoid that on
Linux but not exist on Windows. A frozen (PyInstaller) program must call `multiprocessing.freeze_support()`
first thing (installer/launcher.py does), or each spawned worker would start the whole program again.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path

from etrainer.core.progress.document import ProgressDocument, parse_document
from etrainer.core.progress.file import FORMAT_VERSION, ProgressFileRejected, RejectReason, signed_content
from etrainer.storage.workspace_rows import RecordRows, essay_rows, plain_rows, record_rows, stamp_for

CHUNK_FILES = 8
"""Files per task sent to a worker: enough to make the round trip cheap, few enough that cancelling waits
for no more than a few files per worker."""
IN_FLIGHT_PER_WORKER = 4
"""Tasks submitted ahead per worker: one being checked, the others waiting. More than a batch of files
(methodist.BATCH_FILES) in all: while the caller writes a batch it takes no outcomes and submits no tasks,
so with fewer queued the workers ran dry and waited for it (2 a worker, 32 files: 15 % more wall time)."""


@dataclass(frozen=True, slots=True)
class CheckedFile:
    """A file that passed every check that needs no workspace (the key and the uids are checked on writing)."""

    sha256: str
    header: ProgressDocument
    """The document without its records (learner, course, export time, signature)."""
    rows: RecordRows
    essays: list[tuple[str, float, int]]


@dataclass(frozen=True, slots=True)
class RejectedFile:
    sha256: str | None
    """None when the file could not be read."""
    reason: RejectReason
    detail: str


@dataclass(frozen=True, slots=True)
class KnownFile:
    """Only hashed: the workspace already held these exact bytes when the file was read."""

    sha256: str


Outcome = CheckedFile | RejectedFile | KnownFile


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; refuses a missing, unreadable or oversized file before reading it."""
    try:
        if not path.is_file():
            raise ProgressFileRejected(RejectReason.NOT_A_PROGRESS_FILE, f"{path.name} is not a file")
        size = path.stat().st_size
        if size > max_bytes:
            raise ProgressFileRejected(RejectReason.TOO_LARGE, f"{size} bytes; the limit is {max_bytes}")
        with path.open("rb") as stream:  # read(n) allocates n bytes first: ask for no more than the file's size
            raw = stream.read(min(size, max_bytes) + 1)
    except OSError as error:
        raise ProgressFileRejected(RejectReason.NOT_A_PROGRESS_FILE,
                                   f"cannot be read: {error.strerror or error}") from error
    if len(raw) > max_bytes:
        raise ProgressFileRejected(RejectReason.TOO_LARGE, f"more than {max_bytes} bytes")
    return raw


def check_file(path: Path, max_bytes: int, dialect: str) -> CheckedFile | RejectedFile:
    """Read and check one file, its rows made for the database `dialect` (SQLAlchemy's name: "sqlite",
    "postgresql"); a rejection is returned, not raised (it crosses a process boundary)."""
    sha256 = None
    try:
        raw = read_limited(path, max_bytes)
        sha256 = hashlib.sha256(raw).hexdigest()
        data, source_version, signature = signed_content(raw)
        plain = plain_rows(data, source_version, signature, dialect)
        if plain is not None:  # a file as eTrainer writes it, without essays: no typed records needed
            return CheckedFile(sha256, plain[0], plain[1], [])
        document = parse_document(data, FORMAT_VERSION, source_version, signature)
    except ProgressFileRejected as rejected:
        return RejectedFile(sha256, rejected.reason, rejected.detail)
    header = replace(document, lesson_progress=(), lesson_visits=(), quiz_attempts=(), walkthrough_attempts=(),
                     consultations=())
    return CheckedFile(sha256, header, record_rows(document, stamp_for(dialect)), essay_rows(document))


def check_files(paths: Sequence[str], max_bytes: int, dialect: str) -> list[CheckedFile | RejectedFile]:
    """One worker task: `check_file` for each path (given as text: cheaper to send than Path objects)."""
    return [check_file(Path(path), max_bytes, dialect) for path in paths]


def known_digest(path: Path, max_bytes: int, is_known: Callable[[str], bool]) -> KnownFile | None:
    """KnownFile when the file's bytes are already in the workspace (the re-import of a folder reads and
    hashes each file here instead of sending it to be checked); None otherwise, or when it cannot be read
    (the check will say why)."""
    try:
        sha256 = hashlib.sha256(read_limited(path, max_bytes)).hexdigest()
    except ProgressFileRejected:
        return None
    return KnownFile(sha256) if is_known(sha256) else None


def pool_workers() -> int:
    """Worker processes for an import: one per core (the writing process mostly waits for the database)."""
    return max(1, os.cpu_count() or 1)


def read_in_pool(files: Sequence[Path], max_bytes: int, dialect: str, workers: int,
                 is_known: Callable[[str], bool] | None = None) -> Iterator[Outcome]:
    """Each file's outcome, in the files' order, checked by `workers` processes.

    `is_known(sha256)`, when given, lets files already in the workspace be skipped unchecked. Closing the
    generator (the caller was cancelled) cancels the tasks not yet started and waits only for the running
    ones, a few files each. When the workers cannot be started or one dies, the files not yet checked are
    checked in this process: the import goes on, only slower.
    """
    context = multiprocessing.get_context("spawn")  # see the module's docstring
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    pending: deque[tuple[list[Outcome | None], list[str], Future[list[CheckedFile | RejectedFile]] | None]] = deque()
    chunks = (files[start:start + CHUNK_FILES] for start in range(0, len(files), CHUNK_FILES))
    broken = False
    try:
        while True:
            while len(pending) < workers * IN_FLIGHT_PER_WORKER:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                known: list[Outcome | None] = [
                    known_digest(path, max_bytes, is_known) if is_known is not None else None for path in chunk]
                to_check = [str(path) for path, found in zip(chunk, known, strict=True) if found is None]
                future = None
                if to_check and not broken:
                    try:
                        future = pool.submit(check_files, to_check, max_bytes, dialect)
                    except (BrokenProcessPool, OSError, RuntimeError):
                        broken = True
                pending.append((known, to_check, future))
            if not pending:
                return
            known, to_check, future = pending.popleft()
            try:
                results = future.result() if future is not None else check_files(to_check, max_bytes, dialect)
            except (BrokenProcessPool, OSError):  # a worker could not start or died (out of memory, killed):
                broken = True                     # this process checks the files from here on
                results = check_files(to_check, max_bytes, dialect)
            checked = iter(results)
            for found in known:
                yield found if found is not None else next(checked)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
