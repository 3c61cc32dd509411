"""One consultation at the library desk, and the checks a new one passes before it is stored.

A record holds no personal data by design: a service id from the pack's catalog, the channel, the outcome,
an optional reason, minutes, the visitor's age band, whether the visitor could do it alone next time, and an
optional short note that `privacy.check_note` accepted.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING

from etrainer.core.consultation.privacy import NoteIssue, check_note
from etrainer.core.errors import EtrainerError
from etrainer.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # the catalog module pulls in YAML, which a progress file's reader (an import's worker) needs not
    from etrainer.core.consultation.catalog import ConsultationCatalog

MAX_MINUTES = 480


class Outcome(Enum):
    DONE = "done"
    PARTLY = "partly"
    REFERRED = "referred"
    FAILED = "failed"

    @property
    def label(self) -> str:
        """The English label; translate with QCoreApplication.translate("Consultation", …)."""
        return _OUTCOME_LABELS[self]

    @property
    def is_trouble(self) -> bool:
        """Partly done, referred elsewhere or failed: the desk needed more than the librarian could give."""
        return self is not Outcome.DONE


_OUTCOME_LABELS = {
    Outcome.DONE: QT_TRANSLATE_NOOP("Consultation", "Done"),
    Outcome.PARTLY: QT_TRANSLATE_NOOP("Consultation", "Partly"),
    Outcome.REFERRED: QT_TRANSLATE_NOOP("Consultation", "Referred to an ASC or office"),
    Outcome.FAILED: QT_TRANSLATE_NOOP("Consultation", "Failed"),
}


class AloneNextTime(Enum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Consultation:
    uid: str
    at: datetime
    """Aware UTC."""
    service_id: str
    outcome: Outcome
    minutes: int
    channel_id: str | None = None
    age_band_id: str | None = None
    alone_next_time: AloneNextTime = AloneNextTime.UNKNOWN
    reason_id: str | None = None
    note: str = ""


class ConsultationRefused(EtrainerError):
    """A consultation that cannot be stored; `text` says why (context "Errors")."""


class NoteHasPersonalData(ConsultationRefused):
    """`params["issue"]` is the NoteIssue; the sentence is the issue's own (context "Consultation")."""

    def __init__(self, issue: NoteIssue) -> None:
        self.text = issue.sentence
        super().__init__()
        self.issue = issue


class UnknownConsultationId(ConsultationRefused):
    text = QT_TRANSLATE_NOOP("Errors", "“{value}” is not a known {kind} of the course's consultation list. "
                             "Known: {known}.")


class BadMinutes(ConsultationRefused):
    text = QT_TRANSLATE_NOOP("Errors", "Minutes must be a whole number from 1 to {maximum}.")


class ReasonNotExpected(ConsultationRefused):
    text = QT_TRANSLATE_NOOP("Errors", "A reason is given only when the help was partial, referred or failed.")


_KINDS = {"services": "service", "channels": "channel", "age_bands": "age band", "reasons": "reason"}


def check_consultation(consultation: Consultation, catalog: ConsultationCatalog) -> Consultation:
    """`consultation` with its note trimmed, or ConsultationRefused with the reason (nothing is stored)."""
    for kind, value in (("services", consultation.service_id), ("channels", consultation.channel_id),
                        ("age_bands", consultation.age_band_id), ("reasons", consultation.reason_id)):
        if value is not None and not catalog.has(kind, value):
            known = ", ".join(item.id for item in getattr(catalog, kind)) or "—"
            raise UnknownConsultationId(value=value, kind=_KINDS[kind], known=known)
    if not 1 <= consultation.minutes <= MAX_MINUTES:
        raise BadMinutes(maximum=MAX_MINUTES)
    if consultation.reason_id is not None and consultation.outcome is Outcome.DONE:
        raise ReasonNotExpected()
    note = " ".join(consultation.note.split())
    issue = check_note(note)
    if issue is not None:
        raise NoteHasPersonalData(issue)
    if note == consultation.note:
        return consultation
    return replace(consultation, note=note)
