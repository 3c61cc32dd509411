"""Checking a new consultation, and the aggregates computed by hand."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from etrainer.core.consultation.catalog import Choice, ConsultationCatalog, Service
from etrainer.core.consultation.privacy import NoteIssue
from etrainer.core.consultation.record import (
    BadMinutes,
    Consultation,
    NoteHasPersonalData,
    Outcome,
    ReasonNotExpected,
    UnknownConsultationId,
    check_consultation,
)
from etrainer.core.consultation.stats import (
    DeskRecord,
    TrainingResult,
    desk_vs_training,
    group_by,
    in_month,
    struggled,
    summarize,
    training_by_module,
)

CATALOG = ConsultationCatalog(
    services=(Service("kep", "КЕП", "e-id", lesson="getting-kep"), Service("ehealth", "eHealth", "other",
              walkthrough="ehealth"), Service("other", "Інше", None)),
    channels=(Choice("in-person", "Особисто"),), age_bands=(Choice("age-60-plus", "60+"),),
    reasons=(Choice("no-kep", "Немає КЕП"),))


def make(service: str = "kep", outcome: Outcome = Outcome.DONE, minutes: int = 10, day: int = 15,
         month: int = 11, note: str = "", reason: str | None = None) -> Consultation:
    return Consultation(uid=f"{service}-{day}-{minutes}", at=datetime(2026, month, day, 12, tzinfo=UTC),
                        service_id=service, outcome=outcome, minutes=minutes, reason_id=reason, note=note)


def test_a_good_consultation_passes_with_its_note_tidied() -> None:
    checked = check_consultation(make(note="  допомогла   з КЕП  ", outcome=Outcome.FAILED, reason="no-kep"),
                                 CATALOG)
    assert checked.note == "допомогла з КЕП"


@pytest.mark.parametrize(("consultation", "error"), [
    (make(service="passport"), UnknownConsultationId),
    (make(minutes=0), BadMinutes),
    (make(minutes=481), BadMinutes),
    (make(reason="no-kep"), ReasonNotExpected),
    (make(outcome=Outcome.PARTLY, reason="nope"), UnknownConsultationId),
    (make(note="тел. 0671234567"), NoteHasPersonalData),
])
def test_a_bad_consultation_is_refused(consultation: Consultation, error: type[Exception]) -> None:
    with pytest.raises(error):
        check_consultation(consultation, CATALOG)


def test_the_refusal_names_the_issue_and_the_known_ids() -> None:
    with pytest.raises(NoteHasPersonalData) as refused:
        check_consultation(make(note="olena@ukr.net"), CATALOG)
    assert refused.value.issue is NoteIssue.EMAIL
    with pytest.raises(UnknownConsultationId) as unknown:
        check_consultation(make(service="passport"), CATALOG)
    assert str(unknown.value) == ("“passport” is not a known service of the course's consultation list. "
                                  "Known: kep, ehealth, other.")


def test_a_month_by_service_and_outcome_computed_by_hand() -> None:
    log = [make("kep", Outcome.FAILED, 20, 3, reason="no-kep"), make("kep", Outcome.DONE, 10, 4),
           make("kep", Outcome.REFERRED, 15, 5), make("ehealth", Outcome.DONE, 5, 6),
           make("ehealth", Outcome.DONE, 30, 2, month=10)]
    november = in_month(log, "2026-11", UTC)
    summary = summarize(november)
    assert (summary.count, summary.minutes) == (4, 50)
    assert summary.outcomes == {Outcome.DONE: 2, Outcome.PARTLY: 0, Outcome.REFERRED: 1, Outcome.FAILED: 1}
    kep, ehealth = summary.services
    assert (kep.service_id, kep.count, kep.minutes) == ("kep", 3, 45)
    assert kep.trouble_share == pytest.approx(2 / 3)
    assert (ehealth.service_id, ehealth.count, ehealth.minutes, ehealth.trouble_share) == ("ehealth", 1, 5, 0.0)
    assert [s.id for s in struggled(summary, CATALOG)] == ["kep"]


def test_groups_by_branch_and_month() -> None:
    records = [DeskRecord("a", "Центральна", datetime(2026, 10, 10, tzinfo=UTC), "kep", Outcome.DONE, 10),
               DeskRecord("b", "Степове", datetime(2026, 11, 10, tzinfo=UTC), "kep", Outcome.FAILED, 20),
               DeskRecord("a", "Центральна", datetime(2026, 11, 11, tzinfo=UTC), "other", Outcome.PARTLY, 5)]
    branches = group_by(records, "branch", UTC)
    assert [(g.key, g.count, g.minutes) for g in branches] == [("Степове", 1, 20), ("Центральна", 2, 15)]
    months = group_by(records, "month", UTC)
    assert [(g.key, g.count, g.outcomes[Outcome.FAILED]) for g in months] == [("2026-10", 1, 0), ("2026-11", 2, 1)]


def test_desk_beside_training_computed_by_hand() -> None:
    training = training_by_module([("e-id", 0.5), ("e-id", 0.7), ("e-id", None), (None, 1.0)],
                                  [("other", True), ("other", False), ("other", True), ("other", None)])
    assert training["e-id"] == TrainingResult("e-id", pytest.approx(0.6), None)
    assert training["other"].walkthrough_pass_rate == pytest.approx(2 / 3)
    log = [make("kep", Outcome.FAILED, day=1), make("kep", Outcome.FAILED, day=2), make("kep", Outcome.DONE, day=3),
           make("kep", Outcome.PARTLY, day=4), make("kep", Outcome.DONE, day=5),
           make("ehealth", Outcome.DONE, day=6), make("other", Outcome.REFERRED, day=7)]
    rows = desk_vs_training(log, CATALOG, training)
    assert [r.service_id for r in rows] == ["other", "kep", "ehealth"]
    kep = rows[1]
    assert (kep.title, kep.module_id, kep.consultations) == ("КЕП", "e-id", 5)
    assert (kep.trouble_share, kep.failed_share) == (pytest.approx(0.6), pytest.approx(0.4))
    assert kep.quiz_average == pytest.approx(0.6) and kep.walkthrough_pass_rate is None
    assert rows[2].walkthrough_pass_rate == pytest.approx(2 / 3) and rows[2].quiz_average is None
    assert rows[0].module_id is None and rows[0].quiz_average is None
