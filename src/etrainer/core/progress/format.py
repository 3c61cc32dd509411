"""The progress file format's constants, its closed set of rejection reasons, and its time form.

The format is documented in docs/progress-format.md. `etrainer.core.progress.file` re-exports
everything here; import from there.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import Enum

from etrainer.core.errors import EtrainerError
from etrainer.i18n import QT_TRANSLATE_NOOP

FORMAT_NAME = "etrainer-progress"
FORMAT_VERSION = 2
"""The version this code writes; readers upgrade older versions step by step and refuse newer ones."""
FILE_SUFFIX = ".etprogress"
SIGNATURE_ALGORITHM = "Ed25519"

MAX_FILE_BYTES = 50 * 1024 * 1024
"""Files larger than this are refused before they are read."""
MAX_RECORDS = 200_000
"""Records of every kind together (lesson progress, visits, attempts, responses, events)."""
MAX_DEPTH = 64
"""Deepest JSON nesting accepted (the format itself needs about 8)."""
MAX_TEXT = 1_000
"""Longest name, branch, position, title or version string."""
MAX_ID = 80
MAX_UID = 64


class RejectReason(Enum):
    """Why a progress file was not accepted; `sentence` is the translatable explanation ("Exchange")."""

    NOT_A_PROGRESS_FILE = "not-a-progress-file"
    WRONG_VERSION = "wrong-version"
    BAD_SIGNATURE = "bad-signature"
    KEY_CHANGED = "key-changed"
    TRUNCATED = "truncated"
    TOO_LARGE = "too-large"
    DAMAGED = "damaged"

    @property
    def sentence(self) -> str:
        """The English sentence; translate it with QCoreApplication.translate("Exchange", …)."""
        return _SENTENCES[self]


_SENTENCES: dict[RejectReason, str] = {
    RejectReason.NOT_A_PROGRESS_FILE: QT_TRANSLATE_NOOP(
        "Exchange", "This is not an eTrainer progress file."),
    RejectReason.WRONG_VERSION: QT_TRANSLATE_NOOP(
        "Exchange", "This progress file was made by a newer version of eTrainer. "
        "Update eTrainer, then import the file again."),
    RejectReason.BAD_SIGNATURE: QT_TRANSLATE_NOOP(
        "Exchange", "The file was changed after it was exported (its signature does not match). "
        "Ask the learner to export it again."),
    RejectReason.KEY_CHANGED: QT_TRANSLATE_NOOP(
        "Exchange", "This learner's earlier files were signed on another computer or with another key. "
        "Check with the learner before trusting this file."),
    RejectReason.TRUNCATED: QT_TRANSLATE_NOOP(
        "Exchange", "The file is incomplete or garbled (perhaps it was not copied to the end). "
        "Ask the learner to export it again."),
    RejectReason.TOO_LARGE: QT_TRANSLATE_NOOP(
        "Exchange", "The file is too large to be a progress file."),
    RejectReason.DAMAGED: QT_TRANSLATE_NOOP(
        "Exchange", "The file is damaged: some of its data is missing or not in the expected form. "
        "Ask the learner to export it again."),
}


class ProgressFileRejected(EtrainerError):
    """A progress file that was refused: `reason`, and a technical `detail` (English, not translated).

    As an EtrainerError, `text` is the reason's sentence (context "Exchange") and `params` is empty.
    """

    def __init__(self, reason: RejectReason, detail: str = "") -> None:
        self.text = reason.sentence
        super().__init__()
        self.reason = reason
        self.detail = detail

    def __str__(self) -> str:
        return f"{self.reason.sentence} ({self.detail})" if self.detail else self.reason.sentence


def format_time(moment: datetime) -> str:
    """`2026-11-27T16:00:00Z`: UTC, whole seconds (naive datetimes are taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time(text: str) -> datetime:
    """An aware UTC datetime from `…Z` text; raises ValueError for anything else."""
    if not isinstance(text, str) or not text.endswith("Z") or len(text) > 40:
        raise ValueError(f"not a UTC time: {text!r}")
    return datetime.fromisoformat(text[:-1]).replace(tzinfo=UTC)


class ExportFailed(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The file {path} could not be written: {reason}")
