"""The consultation log's use cases: record one, list them, a month at a glance, import a spreadsheet.

The catalog (services, channels, age bands, reasons) comes from the course pack (`consultations.yaml`);
every consultation passes `core.consultation.record.check_consultation` before it is stored, so a note
holding personal data or an unknown id leaves nothing behind. A CSV import stores only the rows that pass
and reports the others with their row numbers (docs/cli.md, "consult import").
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from etrainer.core.bounded_read import FileTooLarge, NotAFile, read_bounded
from etrainer.core.consultation.catalog import ConsultationCatalog, load_catalog
from etrainer.core.consultation.record import (
    AloneNextTime,
    Consultation,
    ConsultationRefused,
    Outcome,
    check_consultation,
)
from etrainer.core.errors import EtrainerError, is_disk_full
from etrainer.core.ids import LearnerId
from etrainer.i18n import QT_TRANSLATE_NOOP
from etrainer.storage.consultations import ConsultationRepository
from etrainer.storage.models import new_uid, utc_now

MAX_CSV_BYTES = 1024 * 1024
"""A month of paper forms is a few hundred rows; anything far bigger is not such a spreadsheet."""
MAX_CSV_ROWS = 5000
CSV_COLUMNS = ("date", "service", "outcome", "minutes", "channel", "age_band", "alone_next_time", "reason", "note")
LAST_SERVICE_KEY = "consultation.last_service"


class NoConsultationList(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "This course has no consultation list (consultations.yaml in the course "
                             "folder), so consultations cannot be recorded.")


class ConsultationCsvUnreadable(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The spreadsheet {path} cannot be read: {reason}")


class ConsultationsDiskFull(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "No consultation of {path} was imported: no space left on the disk holding "
                             "the progress database. Free some space and import the file again.")


class UnknownOutcome(ConsultationRefused):
    text = QT_TRANSLATE_NOOP("Errors", "“{value}” is not an outcome: use done, partly, referred or failed.")


@dataclass(frozen=True, slots=True)
class RefusedRow:
    row: int
    """The row number as a spreadsheet shows it (the header is row 1)."""
    reason: str


@dataclass(frozen=True, slots=True)
class CsvImportReport:
    stored: int
    refused: tuple[RefusedRow, ...] = field(default_factory=tuple)


def catalog_for(course_root: Path) -> ConsultationCatalog:
    """The course's catalog; raises NoConsultationList when the pack has none (or it cannot be read)."""
    catalog, _ = load_catalog(course_root)
    if catalog is None or not catalog.services:
        raise NoConsultationList()
    return catalog


class ConsultationService:
    def __init__(self, sessions: sessionmaker[Session], *, clock: Callable[[], datetime] = utc_now) -> None:
        self._sessions = sessions
        self._clock = clock

    def record(self, learner: LearnerId, catalog: ConsultationCatalog, *, service_id: str, outcome: Outcome | str,
               minutes: int, channel_id: str | None = None, age_band_id: str | None = None,
               alone_next_time: AloneNextTime | str = AloneNextTime.UNKNOWN, reason_id: str | None = None,
               note: str = "", at: datetime | None = None) -> Consultation:
        """Check and store one consultation; raises ConsultationRefused (nothing stored)."""
        consultation = check_consultation(_draft(service_id, outcome, minutes, channel_id, age_band_id,
                                                 alone_next_time, reason_id, note, at or self._clock()), catalog)
        with self._sessions.begin() as session:
            ConsultationRepository(session).add(learner, consultation)
        return consultation

    def list(self, learner: LearnerId) -> list[Consultation]:
        with self._sessions.begin() as session:
            return ConsultationRepository(session).for_learner(learner)

    def import_csv(self, learner: LearnerId, catalog: ConsultationCatalog, path: Path) -> CsvImportReport:
        """Store every row that passes the checks (in one transaction); report the refused rows."""
        rows = read_csv(path)
        good: list[Consultation] = []
        refused: list[RefusedRow] = []
        for number, row in rows:
            try:
                good.append(check_consultation(_from_row(row), catalog))
            except ConsultationRefused as error:
                refused.append(RefusedRow(number, str(error)))
            except ValueError as error:
                refused.append(RefusedRow(number, str(error)))
        try:
            with self._sessions.begin() as session:
                repository = ConsultationRepository(session)
                for consultation in good:
                    repository.add(learner, consultation)
        except Exception as error:
            if is_disk_full(error):  # the rows go in one transaction: none of them was stored
                raise ConsultationsDiskFull(path=str(path)) from error
            raise
        return CsvImportReport(len(good), tuple(refused))


def _draft(service_id: str, outcome: Outcome | str, minutes: int, channel_id: str | None, age_band_id: str | None,
           alone: AloneNextTime | str, reason_id: str | None, note: str, at: datetime) -> Consultation:
    try:
        outcome = Outcome(outcome)
    except ValueError as error:
        raise UnknownOutcome(value=outcome) from error
    return Consultation(uid=new_uid(), at=at, service_id=service_id, outcome=outcome, minutes=minutes,
                        channel_id=channel_id or None, age_band_id=age_band_id or None,
                        alone_next_time=AloneNextTime(alone), reason_id=reason_id or None, note=note)


def read_csv(path: Path) -> list[tuple[int, dict[str, str]]]:
    """The data rows of a consultation spreadsheet saved as CSV (UTF-8 with or without BOM, `;` or `,`),
    keyed by the lower-case column names, each with its spreadsheet row number."""
    try:
        text = read_bounded(path, MAX_CSV_BYTES).decode("utf-8-sig")
    except NotAFile:
        raise ConsultationCsvUnreadable(path=str(path), reason="it is not a file (a folder, a pipe or a device)") \
            from None
    except FileTooLarge:
        raise ConsultationCsvUnreadable(path=str(path), reason=f"it is larger than {MAX_CSV_BYTES // 1024} KB") \
            from None
    except OSError as error:
        raise ConsultationCsvUnreadable(path=str(path), reason=error.strerror or str(error)) from error
    except UnicodeDecodeError as error:
        raise ConsultationCsvUnreadable(path=str(path), reason="it is not UTF-8 text (save it as «CSV UTF-8»)") \
            from error
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [name.strip().lower() for name in next(reader, [])]
        missing = [name for name in ("date", "service", "outcome", "minutes") if name not in header]
        if missing:
            raise ConsultationCsvUnreadable(path=str(path), reason=f"the header lacks the column(s) "
                                            f"{', '.join(missing)} (see docs/cli.md)")
        rows = []
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            if len(rows) >= MAX_CSV_ROWS:
                raise ConsultationCsvUnreadable(path=str(path), reason=f"more than {MAX_CSV_ROWS} rows")
            rows.append((reader.line_num, {name: (values[i].strip() if i < len(values) else "")
                                           for i, name in enumerate(header)}))
    except csv.Error as error:
        raise ConsultationCsvUnreadable(path=str(path), reason=f"line {reader.line_num}: {error}") from error
    return rows


def _from_row(row: dict[str, str]) -> Consultation:
    try:
        at = _date(row["date"])
    except ValueError as error:
        raise ValueError(f"the date “{row['date']}” is not like 2026-11-27 or 27.11.2026") from error
    try:
        minutes = int(row["minutes"])
    except ValueError as error:
        raise ValueError(f"minutes “{row['minutes']}” is not a whole number") from error
    alone = {"": "unknown", "так": "yes", "ні": "no"}.get(row.get("alone_next_time", "").lower(),
                                                         row.get("alone_next_time", "").lower())
    if alone not in {a.value for a in AloneNextTime}:
        raise ValueError(f"alone_next_time “{row['alone_next_time']}” is not yes, no or unknown")
    return _draft(row["service"], row["outcome"].lower(), minutes, row.get("channel"), row.get("age_band"), alone,
                  row.get("reason"), row.get("note", ""), at)


def _date(text: str) -> datetime:
    """Noon UTC of the day (a paper form has no time), from 2026-11-27 or 27.11.2026."""
    for form in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            day = datetime.strptime(text.strip(), form)
        except ValueError:
            continue
        return day.replace(hour=12, tzinfo=UTC)
    raise ValueError(text)
