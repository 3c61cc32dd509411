"""Recording, listing and importing consultations through the service (real migrations, no Qt)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from tests.special_files import finishes, needs_posix, special_files

from etrainer.core.consultation.catalog import load_catalog
from etrainer.core.consultation.privacy import NoteIssue
from etrainer.core.consultation.record import NoteHasPersonalData, Outcome, UnknownConsultationId
from etrainer.core.learner.profiles import Profile
from etrainer.services.consultations import (
    ConsultationCsvUnreadable,
    ConsultationService,
    NoConsultationList,
    catalog_for,
)
from etrainer.storage.models import ConsultationRow

LESSONS = Path(__file__).resolve().parents[2] / "lessons"


@pytest.fixture
def catalog():  # type: ignore[no-untyped-def]
    return load_catalog(LESSONS)[0]


def count(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(ConsultationRow)) or 0


def test_a_consultation_is_stored_and_listed(sessions, learner: Profile, catalog, clock) -> None:  # type: ignore[no-untyped-def]
    service = ConsultationService(sessions, clock=clock)
    stored = service.record(learner.id, catalog, service_id="kep-diia-signature", outcome="failed", minutes=25,
                            channel_id="web-portal", age_band_id="age-60-plus", alone_next_time="no",
                            reason_id="no-phone-access", note="  потрібен   новий номер у банку ")
    listed = service.list(learner.id)
    assert listed == [stored]
    assert (stored.outcome, stored.minutes, stored.note) == (Outcome.FAILED, 25, "потрібен новий номер у банку")
    assert stored.at == clock()


@pytest.mark.parametrize(("fields", "error"), [
    ({"note": "дзвонити +380 67 123 45 67"}, NoteHasPersonalData),
    ({"service_id": "passport-abroad"}, UnknownConsultationId),
    ({"channel_id": "pigeon"}, UnknownConsultationId),
])
def test_a_refused_consultation_leaves_nothing(sessions, learner: Profile, catalog, fields, error) -> None:  # type: ignore[no-untyped-def]
    values = {"service_id": "subsidy", "outcome": "done", "minutes": 10} | fields
    with pytest.raises(error):
        ConsultationService(sessions).record(learner.id, catalog, **values)
    assert count(sessions) == 0


def test_a_spreadsheet_imports_good_rows_and_reports_the_others(sessions, learner: Profile, catalog,  # type: ignore[no-untyped-def]
                                                                tmp_path: Path) -> None:
    sheet = tmp_path / "листопад.csv"
    sheet.write_bytes("\ufeffdate;service;outcome;minutes;channel;age_band;alone_next_time;reason;note\r\n"
                      "2026-11-03;subsidy;done;15;web-portal;age-60-plus;так;;\r\n"
                      "04.11.2026;kep-diia-signature;failed;30;;;ні;no-kep;РНОКПП 3012345678\r\n"
                      ";;;;;;;;\r\n"
                      "05.11.2026;passport;done;10;;;;;\r\n"
                      "31.11.2026;subsidy;done;10;;;;;\r\n"
                      "2026-11-06;ehealth-declaration;partly;ten;;;;;\r\n"
                      "2026-11-07;ehealth-declaration;referred;20;e-queue;;no;needs-office;\"до ЦНАП; з паспортом\"\r\n"
                      .encode())
    report = ConsultationService(sessions).import_csv(learner.id, catalog, sheet)
    assert report.stored == 2
    assert [r.row for r in report.refused] == [3, 5, 6, 7]
    assert report.refused[0].reason == NoteIssue.TAX_NUMBER.sentence
    assert "passport" in report.refused[1].reason
    listed = ConsultationService(sessions).list(learner.id)
    assert [(c.service_id, c.at.day, c.note) for c in listed] == [("subsidy", 3, ""),
                                                                  ("ehealth-declaration", 7, "до ЦНАП; з паспортом")]


def test_a_comma_separated_sheet_reads_too(sessions, learner: Profile, catalog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Date,Service,Outcome,Minutes\n2026-11-03,other,done,5\n", encoding="utf-8")
    assert ConsultationService(sessions).import_csv(learner.id, catalog, sheet).stored == 1


def test_an_unreadable_sheet_is_refused_whole(sessions, learner: Profile, catalog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("дата;послуга\n2026-11-03;other\n", encoding="utf-8")
    with pytest.raises(ConsultationCsvUnreadable, match="lacks the column"):
        ConsultationService(sessions).import_csv(learner.id, catalog, sheet)
    sheet.write_bytes("date;service;outcome;minutes\n".encode("cp1251") + "щось".encode("cp1251"))
    with pytest.raises(ConsultationCsvUnreadable, match="UTF-8"):
        ConsultationService(sessions).import_csv(learner.id, catalog, sheet)
    assert count(sessions) == 0


def test_a_course_without_a_list_says_so(tmp_path: Path) -> None:
    with pytest.raises(NoConsultationList):
        catalog_for(tmp_path)


@needs_posix
def test_a_fifo_or_a_link_to_dev_zero_is_not_a_sheet(sessions, learner: Profile, catalog,  # type: ignore[no-untyped-def]
                                                     tmp_path: Path) -> None:
    for sheet in special_files(tmp_path, ".csv"):
        with pytest.raises(ConsultationCsvUnreadable) as refused:
            finishes(lambda sheet=sheet: ConsultationService(sessions).import_csv(learner.id, catalog, sheet), sheet)
        assert str(refused.value) == (f"The spreadsheet {sheet} cannot be read: it is not a file (a folder, a pipe "
                                      "or a device)")
    assert count(sessions) == 0
