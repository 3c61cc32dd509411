"""The desk views' counts made by the database (storage.workspace_summary.desk_counts: a CASE over local month
boundaries, grouped in SQL) equal the counts made from every consultation in memory
(core.consultation.stats.desk_counts over WorkspaceService.consultations), on both engines: consultations at
the edges of local months, in zones whose offsets are not whole hours, filters by branch, position and dates,
and dates so far apart that the counts are made as the rows stream past."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from etrainer.core.consultation.record import Outcome
from etrainer.core.consultation.stats import desk_counts
from etrainer.core.course.model import Course
from etrainer.core.course.pack import load_pack
from etrainer.core.progress.dashboard import DashboardFilter
from etrainer.paths import bundled_course_dir
from etrainer.services.methodist import WorkspaceService
from etrainer.storage import workspace_models as m
from etrainer.storage.workspace import COLUMNS, bulk_insert, open_workspace
from etrainer.storage.workspace_summary import MONTHS_IN_ONE_QUERY, WorkspaceSummary, month_ends

BRANCHES = ("Центральна бібліотека", "Філія № 1", "")
POSITIONS = ("бібліотекар", "завідувачка філії")
FIXED = datetime(2026, 6, 15, tzinfo=UTC)
ZONES = (UTC, ZoneInfo("Europe/Kyiv"), ZoneInfo("Asia/Kathmandu"), ZoneInfo("America/St_Johns"), None)
FILTERS = (
    DashboardFilter(),
    DashboardFilter(branch=BRANCHES[1]),
    DashboardFilter(position=POSITIONS[1]),
    DashboardFilter(start=date(2026, 3, 31), end=date(2026, 10, 1)),
    DashboardFilter(branch="Немає такої бібліотеки"),
    DashboardFilter(start=date(2020, 1, 1), end=date(2020, 1, 31)),
)


@pytest.fixture(scope="module")
def course() -> Course:
    return load_pack(bundled_course_dir()).course


def _moments(rng: random.Random) -> list[datetime]:
    """Around every local midnight that starts a month somewhere (UTC−3:30 … UTC+5:45), and in between."""
    moments = []
    for month in range(1, 13):
        first = datetime(2026, month, 1, tzinfo=UTC)
        moments += [first + timedelta(minutes=offset) for offset in (-1, 0, 1, -180, -181, -179, 210, 209, -345,
                                                                     -346, -120, -121, 60, 1439)]
        moments.append(first + timedelta(days=rng.randrange(28), minutes=rng.randrange(1440)))
    return moments


def fill(url: str, course: Course, *, far: bool = False) -> None:
    rng = random.Random(11)
    workspace = open_workspace(url)
    people = [(n, f"learner-{n}", f"Олена Бондар {n}", BRANCHES[n % 3], POSITIONS[n % 2], bytes(32), "",
               datetime(2026, 1, 1), datetime(2026, 1, 1), datetime(2026, 1, 1)) for n in range(1, 7)]
    rows = []
    for index, at in enumerate(_moments(rng)):
        rows.append((f"c-{index}", index % 6 + 1, course.id, "1", at, rng.choice(("kep", "diia", "ehealth")),
                     rng.choice([o.value for o in Outcome]), rng.randint(1, 90), None, None, "yes", None, ""))
    if far:  # a mistyped year: 2026 → 2206, and one from long ago
        rows.append(("c-far", 1, course.id, "1", datetime(2206, 5, 5, tzinfo=UTC), "kep", "done", 5, None, None,
                     "yes", None, ""))
        rows.append(("c-old", 2, course.id, "1", datetime(1, 1, 1, 0, 30, tzinfo=UTC), "kep", "failed", 5, None,
                     None, "yes", None, ""))
    with workspace.database.engine.begin() as connection:
        bulk_insert(connection, m.WsLearnerRow.__table__, ("id", "uid", "name", "branch", "position", "public_key",
                                                           "installation", "first_import_at", "last_import_at",
                                                           "last_exported_at"), people)
        bulk_insert(connection, m.WsConsultationRow.__table__, COLUMNS[m.WsConsultationRow], rows)
    workspace.dispose()


def _compare(url: str, course: Course, zones: tuple[object, ...]) -> int:
    service = WorkspaceService(open_workspace(url), course)
    compared = 0
    try:
        for chosen in FILTERS:
            records = service.consultations(chosen)
            for zone in zones:
                with service._snapshot() as session:
                    counted = WorkspaceSummary(session).desk_counts(chosen, zone)  # type: ignore[arg-type]
                assert counted == desk_counts(records, zone), (chosen, zone)  # type: ignore[arg-type]
                compared += sum(c.count for c in counted)
            with service._snapshot() as session:  # the tab's two smaller groupings
                summary = WorkspaceSummary(session)
                by_month = summary.desk_counts(chosen, zones[-1], branch=False)  # type: ignore[arg-type]
                by_branch = summary.desk_counts(chosen, zones[-1], month=False, service=False)  # type: ignore[arg-type]
            assert by_month == desk_counts([replace(r, branch="") for r in records], zones[-1])  # type: ignore[arg-type]
            assert by_branch == [replace(c, month="") for c in desk_counts(
                [replace(r, service_id="", at=FIXED) for r in records], UTC)]
    finally:
        service.close()
    return compared


def test_the_database_counts_as_memory_does_at_the_edges_of_local_months(workspace_url: str,
                                                                         course: Course) -> None:
    fill(workspace_url, course)
    assert _compare(workspace_url, course, ZONES) > 1000


def test_dates_centuries_apart_are_counted_as_they_stream(workspace_url: str, course: Course) -> None:
    fill(workspace_url, course, far=True)
    assert month_ends(datetime(1, 1, 1, 0, 30, tzinfo=UTC), datetime(2206, 5, 5, tzinfo=UTC), UTC) is None
    assert _compare(workspace_url, course, (UTC, ZoneInfo("Europe/Kyiv"))) > 300


def test_month_ends_are_local_midnights() -> None:
    kyiv = ZoneInfo("Europe/Kyiv")
    months = month_ends(datetime(2026, 3, 15, tzinfo=UTC), datetime(2026, 4, 30, 20, 59, tzinfo=UTC), kyiv)
    assert months == [(datetime(2026, 4, 1, tzinfo=kyiv), "2026-03"), (datetime(2026, 5, 1, tzinfo=kyiv), "2026-04")]
    assert months[0][0].astimezone(UTC) == datetime(2026, 3, 31, 21, tzinfo=UTC)  # summer time: UTC+3
    assert len(month_ends(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC), UTC,
                          limit=10_000) or []) == 1201
    assert month_ends(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC), UTC) is None
    assert MONTHS_IN_ONE_QUERY < 1201


def test_the_desk_report_is_the_one_from_every_record(workspace_url: str, course: Course) -> None:
    from etrainer.core.consultation.catalog import load_catalog
    from etrainer.core.consultation.stats import desk_report

    fill(workspace_url, course)
    service = WorkspaceService(open_workspace(workspace_url), course)
    try:
        for chosen in FILTERS:
            shown = service.desk(chosen)
            with service._snapshot() as session:
                from etrainer.core.consultation.stats import training_by_module

                training = training_by_module(*WorkspaceSummary(session).training(chosen))
            assert shown == desk_report(service.consultations(chosen), load_catalog(course.root)[0], training)
            assert service.desk(chosen, breakdown=False) == replace(shown, rows=())
            assert not chosen.branch or len(shown.by_branch) <= 1
    finally:
        service.close()
