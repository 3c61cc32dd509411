"""The methodist's reply (`.etfeedback`, format in docs/feedback-format.md): reading and checking. Qt-free.

A workspace writes one file per learner with the marks of her essays, signed with the workspace's own
Ed25519 key over the same canonical bytes as a progress file (`core.progress.file.canonical_bytes`). The
learner's app trusts that key the first time it opens a reply for her and refuses a reply signed with
another key (KEY_CHANGED) unless she chooses to trust the new one. `parse_feedback_bytes` checks, in order:
size, JSON, format and version, the signature, an optional trusted key, then every field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from etrainer.core.errors import EtrainerError
from etrainer.core.progress.document import Signature
from etrainer.core.progress.file import (
    _load_json,
    check_key,
    verify_signature,
)
from etrainer.core.progress.format import MAX_TEXT, ProgressFileRejected, RejectReason
from etrainer.core.progress.shape import Fields, damaged
from etrainer.core.quiz.bank import transliterate
from etrainer.core.quiz.essay import EssayMark, LevelPick
from etrainer.i18n import QT_TRANSLATE_NOOP

FEEDBACK_FORMAT = "etrainer-feedback"
FEEDBACK_VERSION = 1
FEEDBACK_SUFFIX = ".etfeedback"
MAX_FEEDBACK_BYTES = 10 * 1024 * 1024
MAX_GRADES = 10_000
MAX_COMMENT = 5_000


class FeedbackReason(Enum):
    """Why a reply was not accepted; `sentence` is the translatable explanation ("Exchange")."""

    NOT_A_FEEDBACK_FILE = "not-a-feedback-file"
    WRONG_VERSION = "wrong-version"
    BAD_SIGNATURE = "bad-signature"
    KEY_CHANGED = "key-changed"
    UNKNOWN_LEARNER = "unknown-learner"
    TRUNCATED = "truncated"
    TOO_LARGE = "too-large"
    DAMAGED = "damaged"

    @property
    def sentence(self) -> str:
        return _SENTENCES[self]


_SENTENCES: dict[FeedbackReason, str] = {
    FeedbackReason.NOT_A_FEEDBACK_FILE: QT_TRANSLATE_NOOP("Exchange", "This is not a methodist's reply file."),
    FeedbackReason.WRONG_VERSION: QT_TRANSLATE_NOOP(
        "Exchange", "This reply was made by a newer version of eTrainer. Update eTrainer, then open it again."),
    FeedbackReason.BAD_SIGNATURE: QT_TRANSLATE_NOOP(
        "Exchange", "The reply was changed after the methodist saved it (its signature does not match). "
        "Ask the methodist to send it again."),
    FeedbackReason.KEY_CHANGED: QT_TRANSLATE_NOOP(
        "Exchange", "This reply comes from another methodist's workspace than the earlier ones (it is signed "
        "with another key). Check with your methodist before trusting it."),
    FeedbackReason.UNKNOWN_LEARNER: QT_TRANSLATE_NOOP(
        "Exchange", "This reply is for a learner who has no profile on this computer."),
    FeedbackReason.TRUNCATED: QT_TRANSLATE_NOOP(
        "Exchange", "The reply is incomplete or garbled (perhaps it was not copied to the end). "
        "Ask the methodist to send it again."),
    FeedbackReason.TOO_LARGE: QT_TRANSLATE_NOOP("Exchange", "The file is too large to be a methodist's reply."),
    FeedbackReason.DAMAGED: QT_TRANSLATE_NOOP(
        "Exchange", "The reply is damaged: some of its data is missing or not in the expected form. "
        "Ask the methodist to send it again."),
}


class FeedbackRejected(EtrainerError):
    """A reply that was refused: `reason`, and a technical `detail` (English)."""

    def __init__(self, reason: FeedbackReason, detail: str = "") -> None:
        self.text = reason.sentence
        super().__init__()
        self.reason = reason
        self.detail = detail

    def __str__(self) -> str:
        return f"{self.reason.sentence} ({self.detail})" if self.detail else self.reason.sentence


@dataclass(frozen=True, slots=True)
class FeedbackGrade:
    uid: str
    """The mark's uid in the workspace: a later mark of the same essay keeps it."""
    response_uid: str
    """The essay's response uid from the learner's progress file."""
    quiz_id: str
    question_id: str
    mark: EssayMark


@dataclass(frozen=True, slots=True)
class FeedbackDocument:
    exported_at: datetime
    app_version: str
    learner_uid: str
    learner_name: str
    course_id: str
    grades: tuple[FeedbackGrade, ...]
    signature: Signature


_REASONS: dict[RejectReason, FeedbackReason] = {
    reason: FeedbackReason.NOT_A_FEEDBACK_FILE if reason is RejectReason.NOT_A_PROGRESS_FILE
    else FeedbackReason[reason.name] for reason in RejectReason}
"""The reply's reason for each refusal of the shared JSON and signature checks (a file that is not JSON at all
is "not a methodist's reply file", not "not a progress file")."""


def _as_feedback(error: ProgressFileRejected) -> FeedbackRejected:
    return FeedbackRejected(_REASONS[error.reason], error.detail)


def parse_feedback_bytes(raw: bytes, *, trusted_key: bytes | None = None) -> FeedbackDocument:
    """The checked reply; raises FeedbackRejected."""
    if len(raw) > MAX_FEEDBACK_BYTES:
        raise FeedbackRejected(FeedbackReason.TOO_LARGE, f"{len(raw)} bytes; the limit is {MAX_FEEDBACK_BYTES}")
    try:
        data = _load_json(raw)
        if not isinstance(data, dict) or data.get("format") != FEEDBACK_FORMAT:
            raise FeedbackRejected(FeedbackReason.NOT_A_FEEDBACK_FILE, f'"format" is not "{FEEDBACK_FORMAT}"')
        version = data.get("version")
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise FeedbackRejected(FeedbackReason.DAMAGED, "version: expected a whole number from 1")
        if version > FEEDBACK_VERSION:
            raise FeedbackRejected(FeedbackReason.WRONG_VERSION,
                                   f"version {version}; this eTrainer reads versions up to {FEEDBACK_VERSION}")
        signature = verify_signature(data)
        if trusted_key is not None:
            check_key(signature, trusted_key)
        return _parse(data, signature)
    except ProgressFileRejected as error:
        raise _as_feedback(error) from error


def _parse(data: dict, signature: Signature) -> FeedbackDocument:
    top = Fields(data, "")
    learner = top.obj("learner")
    grades = data.get("grades")
    if isinstance(grades, list) and len(grades) > MAX_GRADES:
        raise FeedbackRejected(FeedbackReason.TOO_LARGE, f"{len(grades)} grades; the limit is {MAX_GRADES}")
    parsed = tuple(_grade(g) for g in top.objects("grades"))
    if len({g.uid for g in parsed}) != len(parsed):
        raise damaged("grades", "a grade uid is used twice")
    return FeedbackDocument(top.time("exported_at"), top.text("app_version"), learner.uid("uid"),
                            learner.text("name", empty=False), top.obj("course").ident("id"), parsed, signature)


def _grade(f: Fields) -> FeedbackGrade:
    max_points = f.number("max_points", 0.0, 1000.0)
    points = f.number("points", 0.0, max_points + 1e-9)
    levels = tuple(LevelPick(level.text("criterion"), level.text("level"), level.number("points", 0.0, 1000.0))
                   for level in f.objects("levels"))
    mark = EssayMark(points, max_points, levels, f.text("comment", MAX_COMMENT), f.time("graded_at"),
                     f.text("grader", MAX_TEXT))
    return FeedbackGrade(f.uid("uid"), f.uid("response_uid"), f.ident("quiz_id"), f.ident("question_id"), mark)


def feedback_file_name(learner_name: str, day: date) -> str:
    """`Olena-Petrenko_2026-12-07.etfeedback`, named like a progress file."""
    words = (re.sub(r"[^a-z0-9]+", "", transliterate(word)) for word in re.split(r"[^\w'ʼ’]+", learner_name))
    stem = "-".join(word[:1].upper() + word[1:] for word in words if word)[:80].rstrip("-") or "Learner"
    return f"{stem}_{day.isoformat()}{FEEDBACK_SUFFIX}"
