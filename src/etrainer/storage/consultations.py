"""Consultation rows ↔ core.consultation.record.Consultation, and their progress-file records."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from etrainer.core.consultation.record import AloneNextTime, Consultation, Outcome
from etrainer.core.ids import LearnerId
from etrainer.core.progress.format import format_time
from etrainer.storage.models import ConsultationRow


def _consultation(row: ConsultationRow) -> Consultation:
    return Consultation(uid=row.uid, at=row.at, service_id=row.service_id, outcome=Outcome(row.outcome),
                        minutes=row.minutes, channel_id=row.channel_id, age_band_id=row.age_band_id,
                        alone_next_time=AloneNextTime(row.alone_next_time), reason_id=row.reason_id, note=row.note)


class ConsultationRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, learner: LearnerId, consultation: Consultation) -> None:
        self._session.add(ConsultationRow(
            uid=consultation.uid, learner_id=learner, at=consultation.at, service_id=consultation.service_id,
            outcome=consultation.outcome.value, minutes=consultation.minutes, channel_id=consultation.channel_id,
            age_band_id=consultation.age_band_id, alone_next_time=consultation.alone_next_time.value,
            reason_id=consultation.reason_id, note=consultation.note))

    def for_learner(self, learner: LearnerId) -> list[Consultation]:
        """Oldest first."""
        query = (select(ConsultationRow).where(ConsultationRow.learner_id == learner)
                 .order_by(ConsultationRow.at, ConsultationRow.id))
        return [_consultation(row) for row in self._session.scalars(query)]

    def records(self, learner: LearnerId) -> list[dict[str, object]]:
        """The learner's consultations as progress-file records (docs/progress-format.md)."""
        return [{"uid": c.uid, "at": format_time(c.at), "service_id": c.service_id, "outcome": c.outcome.value,
                 "minutes": c.minutes, "channel_id": c.channel_id, "age_band_id": c.age_band_id,
                 "alone_next_time": c.alone_next_time.value, "reason_id": c.reason_id, "note": c.note}
                for c in self.for_learner(learner)]
