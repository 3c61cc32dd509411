"""The workspace's desk report made from counts (month × branch × service × outcome) is the report the
record-by-record aggregates give: the database counts, and nothing a view shows changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from etrainer.core.consultation.catalog import Choice, ConsultationCatalog, Service
from etrainer.core.consultation.record import Outcome
from etrainer.core.consultation.stats import (
    DeskRecord,
    DeskReport,
    TrainingResult,
    breakdown,
    desk_counts,
    desk_report,
    desk_vs_training,
    group_by,
    summarize,
)

CATALOG = ConsultationCatalog(
    services=(Service("kep", "КЕП", "e-id", lesson="getting-kep"), Service("ehealth", "eHealth", "other",
              walkthrough="ehealth")),
    channels=(Choice("in-person", "Особисто"),), age_bands=(), reasons=())
TRAINING = {"e-id": TrainingResult("e-id", 0.75, None), "other": TrainingResult("other", None, 0.5)}
KYIV = ZoneInfo("Europe/Kyiv")
START = datetime(2025, 12, 31, 20, tzinfo=UTC)

records = st.lists(st.builds(
    DeskRecord,
    learner_uid=st.sampled_from(["a", "b", "c"]),
    branch=st.sampled_from(["", "Центральна", "Степове"]),
    at=st.integers(0, 400 * 24 * 60).map(lambda minutes: START + timedelta(minutes=minutes)),
    service_id=st.sampled_from(["kep", "ehealth", "gone-from-the-list"]),
    outcome=st.sampled_from(list(Outcome)),
    minutes=st.integers(1, 240)), max_size=60)


def _by_records(items: list[DeskRecord]) -> DeskReport:
    """The report as the record-by-record functions make it (before the counts)."""
    return DeskReport({r.service_id: CATALOG.title_of(r.service_id) for r in items}, summarize(items),
                      tuple(breakdown(items, KYIV)), tuple(group_by(items, "branch", KYIV)),
                      tuple(group_by(items, "service", KYIV)), tuple(group_by(items, "month", KYIV)),
                      tuple(desk_vs_training(items, CATALOG, TRAINING)))


@settings(max_examples=150, deadline=None)
@given(records)
def test_the_report_from_counts_is_the_report_from_records(items: list[DeskRecord]) -> None:
    assert desk_report(items, CATALOG, TRAINING, KYIV) == _by_records(items)


def test_counts_group_by_the_local_month_and_add_up_minutes() -> None:
    new_year = datetime(2025, 12, 31, 22, 30, tzinfo=UTC)  # 00:30 on 1 January in Kyiv
    items = [DeskRecord("a", "Центральна", new_year, "kep", Outcome.DONE, 10),
             DeskRecord("b", "Центральна", new_year - timedelta(hours=1), "kep", Outcome.DONE, 5),
             DeskRecord("c", "Центральна", new_year + timedelta(days=3), "kep", Outcome.DONE, 7),
             DeskRecord("a", "Центральна", new_year, "kep", Outcome.FAILED, 20)]
    assert [(c.month, c.outcome, c.count, c.minutes) for c in desk_counts(items, KYIV)] == [
        ("2025-12", Outcome.DONE, 1, 5), ("2026-01", Outcome.DONE, 2, 17), ("2026-01", Outcome.FAILED, 1, 20)]
    assert [c.month for c in desk_counts(items[:1], UTC)] == ["2025-12"]
