"""The consultation log on its way to the methodist: export → import (idempotent by uid), the workspace's
aggregates computed by hand, desk vs training on demo data, and the XLSX/PDF reports."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from tests.storage.test_workspace import make_doc

from etrainer.core.consultation.record import Outcome
from etrainer.core.course.pack import load_pack
from etrainer.core.progress.dashboard import DashboardFilter
from etrainer.core.progress.file import read_progress_file, validate_document
from etrainer.exchange.signing import InstallationKey
from etrainer.exchange.workspace_report import workspace_html
from etrainer.services.consultations import ConsultationService, catalog_for
from etrainer.services.demo_data import make_demo_learners
from etrainer.services.facade import open_app_services
from etrainer.services.methodist import FileStatus, WorkspaceService
from etrainer.services.transfer import ExportService
from etrainer.storage.workspace import open_workspace

LESSONS = Path(__file__).resolve().parents[2] / "lessons"
KEY = InstallationKey.from_raw(bytes(range(32)))
OTHER_KEY = InstallationKey.from_raw(bytes(range(1, 33)))


@pytest.fixture(scope="module")
def course():  # type: ignore[no-untyped-def]
    return load_pack(LESSONS).course


@pytest.fixture
def workspace_service(workspace_url: str, course):  # type: ignore[no-untyped-def]
    workspace = open_workspace(workspace_url)  # on each engine
    yield WorkspaceService(workspace, course)
    workspace.dispose()


def consultation(uid: str, day: str, service: str, outcome: str, minutes: int, note: str = "") -> dict[str, Any]:
    return {"uid": uid, "at": f"{day}T12:00:00Z", "service_id": service, "outcome": outcome, "minutes": minutes,
            "channel_id": "web-portal", "age_band_id": None, "alone_next_time": "unknown", "reason_id": None,
            "note": note}


def test_a_file_without_the_section_reads_as_before_and_a_note_with_personal_data_is_blanked() -> None:
    assert validate_document(make_doc()).consultations == ()
    doc = make_doc()
    doc["records"]["consultations"] = [consultation("c1", "2026-11-03", "subsidy", "done", 10, "тел. 0671234567"),
                                       consultation("c2", "2026-11-04", "subsidy", "done", 10, "2 послуги")]
    first, second = validate_document(doc).consultations
    assert (first.note, second.note) == ("", "2 послуги")
    assert validate_document(doc).record_count == validate_document(make_doc()).record_count + 2


def test_the_log_survives_export_then_import(tmp_path: Path, course, workspace_service) -> None:  # type: ignore[no-untyped-def]
    services = open_app_services(tmp_path / "data")
    try:
        profile = services.profiles.create("Олена Петренко", "Степове", "бібліотекарка")
        log = ConsultationService(services.database.sessions)
        catalog = catalog_for(LESSONS)
        for service, outcome, minutes in (("subsidy", "done", 15), ("kep-diia-signature", "failed", 30),
                                          ("ehealth-declaration", "partly", 20)):
            log.record(profile.id, catalog, service_id=service, outcome=outcome, minutes=minutes, note="2 спроби")
        exporter = ExportService(services.database.sessions)
        assert exporter.summary_for_consent(profile.id, course).consultations == 3
        first = exporter.export_progress(profile.id, course, tmp_path / "first.etprogress")
        document = read_progress_file(first)
        assert [(c.uid, c.service_id, c.outcome, c.minutes, c.note) for c in document.consultations] == [
            (c.uid, c.service_id, c.outcome, c.minutes, c.note) for c in log.list(profile.id)]
        assert workspace_service.import_file(first).status is FileStatus.IMPORTED
        log.record(profile.id, catalog, service_id="other", outcome="referred", minutes=5)
        second = exporter.export_progress(profile.id, course, tmp_path / "second.etprogress")
    finally:
        services.close()
    assert workspace_service.import_file(first).status is FileStatus.UNCHANGED
    assert workspace_service.import_file(second).status is FileStatus.IMPORTED
    records = workspace_service.consultations()
    assert sorted((r.service_id, r.outcome.value, r.minutes, r.branch) for r in records) == [
        ("ehealth-declaration", "partly", 20, "Степове"), ("kep-diia-signature", "failed", 30, "Степове"),
        ("other", "referred", 5, "Степове"), ("subsidy", "done", 15, "Степове")]


def hand_made_workspace(service: WorkspaceService, tmp_path: Path) -> None:
    """Олена (Філія № 3): quiz of module e-identification 0.5; КЕП failed 20 + done 10 (Nov), subsidy done 15
    (Oct). Петро (Центральна): the same quiz 0.9; КЕП partly 30 + failed 10 (Nov)."""
    olena = make_doc()
    olena["records"]["quiz_attempts"][0]["module_id"] = "e-identification"
    olena["records"]["consultations"] = [
        consultation("o1", "2026-11-03", "kep-diia-signature", "failed", 20),
        consultation("o2", "2026-11-04", "kep-diia-signature", "done", 10),
        consultation("o3", "2026-10-10", "subsidy", "done", 15)]
    petro = copy.deepcopy(make_doc(uid="learner-2", score=0.9))
    petro["learner"] |= {"name": "Петро Коваль", "branch": "Центральна"}
    petro["records"]["quiz_attempts"][0]["module_id"] = "e-identification"
    petro["records"]["consultations"] = [
        consultation("p1", "2026-11-05", "kep-diia-signature", "partly", 30),
        consultation("p2", "2026-11-06", "kep-diia-signature", "failed", 10)]
    for name, doc, key in (("olena", olena, KEY), ("petro", petro, OTHER_KEY)):
        path = tmp_path / f"{name}.etprogress"
        path.write_text(json.dumps(key.sign(doc), ensure_ascii=False), encoding="utf-8")
        assert service.import_file(path).status is FileStatus.IMPORTED


def test_workspace_aggregates_match_a_hand_computed_example(tmp_path: Path, workspace_service) -> None:  # type: ignore[no-untyped-def]
    hand_made_workspace(workspace_service, tmp_path)
    desk = workspace_service.desk()
    assert (desk.total.count, desk.total.minutes) == (5, 85)
    assert [(g.key, g.count, g.minutes) for g in desk.by_branch] == [("Філія № 3", 3, 45), ("Центральна", 2, 40)]
    assert [(g.key, g.count) for g in desk.by_month] == [("2026-10", 1), ("2026-11", 4)]
    assert [(r.month, r.branch, r.service_id, r.count, r.outcomes[Outcome.FAILED]) for r in desk.rows] == [
        ("2026-10", "Філія № 3", "subsidy", 1, 0), ("2026-11", "Філія № 3", "kep-diia-signature", 2, 1),
        ("2026-11", "Центральна", "kep-diia-signature", 2, 1)]
    kep, subsidy = desk.versus
    assert (kep.service_id, kep.title, kep.module_id, kep.consultations) == (
        "kep-diia-signature", "КЕП і Дія.Підпис", "e-identification", 4)
    assert (kep.trouble_share, kep.failed_share) == (0.75, 0.5)
    assert kep.quiz_average == pytest.approx(0.7) and kep.walkthrough_pass_rate is None
    assert (subsidy.service_id, subsidy.trouble_share, subsidy.quiz_average) == ("subsidy", 0.0, None)
    central = workspace_service.desk(DashboardFilter(branch="Центральна"))
    assert central.total.count == 2 and central.versus[0].quiz_average == pytest.approx(0.9)


def test_the_xlsx_and_pdf_html_reports_carry_the_desk(tmp_path: Path, workspace_service) -> None:  # type: ignore[no-untyped-def]
    hand_made_workspace(workspace_service, tmp_path)
    book = load_workbook(workspace_service.export_xlsx(tmp_path / "report.xlsx"))
    sheet = book["Консультації"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:5] == ["Місяць", "Філія", "Послуга", "Консультацій", "Хвилин"]
    assert rows[1:] == [["2026-10", "Філія № 3", "Субсидія", 1, 15, 1, 0, 0, 0],
                        ["2026-11", "Філія № 3", "КЕП і Дія.Підпис", 2, 30, 1, 0, 0, 1],
                        ["2026-11", "Центральна", "КЕП і Дія.Підпис", 2, 40, 0, 1, 0, 1]]
    versus = [[cell.value for cell in row] for row in book["Консультації й навчання"].iter_rows()]
    assert versus[1][:5] == ["КЕП і Дія.Підпис", "Електронна ідентифікація та електронний підпис", 4, 0.75, 0.5]
    assert versus[1][5] == pytest.approx(0.7)
    # the PDF prints this HTML (Qt draws it: tests/ui/test_consultation.py checks the PDF itself)
    html = workspace_html(workspace_service.dashboard(), workspace_service.course, desk=workspace_service.desk())
    for text in ("Консультації відвідувачів", "Усього: 5; витрачено 1 год 25 хв.", "Консультації за філіями",
                 "<td>Центральна</td><td>2</td><td>40</td>", "<td>75 %</td><td>50 %</td><td>70 %</td><td>—</td>"):
        assert text in html


def test_desk_vs_training_on_demo_data(tmp_path: Path, course, workspace_service) -> None:  # type: ignore[no-untyped-def]
    services = open_app_services(tmp_path / "data")
    try:
        made = make_demo_learners(services, course, 4, seed=3,
                                  clock=lambda: datetime(2026, 11, 30, 12, tzinfo=UTC))
        (tmp_path / "files").mkdir()
        for learner in made:
            services.transfer.export_progress(learner.id, course, tmp_path / "files")
    finally:
        services.close()
    report = workspace_service.import_paths([tmp_path / "files"])
    assert len(report.accepted) == 4
    desk = workspace_service.desk()
    assert desk.total.count == sum(learner.consultations for learner in made) > 0
    assert sum(row.consultations for row in desk.versus) == desk.total.count
    records = workspace_service.consultations()
    data = workspace_service.data(details=False)
    for row in desk.versus:
        mine = [r for r in records if r.service_id == row.service_id]
        assert row.trouble_share == sum(r.outcome is not Outcome.DONE for r in mine) / len(mine)
        scores = [a.score for a in data.quiz_attempts
                  if a.module_id == row.module_id and a.kind == "quiz" and a.finished_at and a.score is not None]
        assert row.quiz_average == (pytest.approx(sum(scores) / len(scores)) if scores else None)
    assert any(row.quiz_average is not None for row in desk.versus)
