"""CSV and XLSX progress tables, read back with the csv module and openpyxl."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from openpyxl import load_workbook
from tests.conftest import build_course

from etrainer.core.progress.file import validate_document
from etrainer.core.progress.learner_report import LearnerReport, learner_report
from etrainer.exchange.tables import CSV_HEADERS, MODULE_HEADERS, QUESTION_HEADERS, report_csv, report_xlsx

SAMPLE = Path(__file__).parents[1] / "data" / "progress" / "sample-v1.json"


def report() -> LearnerReport:
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["course"]["id"] = "test-course"
    return learner_report(validate_document(doc), build_course())


def test_csv_has_a_bom_semicolons_and_one_row_per_module_plus_total() -> None:
    data = report_csv(report())
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert tuple(rows[0]) == CSV_HEADERS
    assert [r[4] for r in rows[1:]] == ["Електронні послуги", "Безпека", "Усього"]
    assert all(r[0] == "Олена Петренко" and r[1] == "Бібліотека-філія № 3" for r in rows[1:])
    lessons_total = CSV_HEADERS.index("Уроків усього")
    assert [r[lessons_total] for r in rows[1:]] == ["2", "2", "4"]
    assert all(";" not in cell for row in rows for cell in row)


def test_csv_quotes_a_name_with_a_semicolon() -> None:
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["learner"]["name"] = "Олена; Петренко"
    rows = list(csv.reader(io.StringIO(report_csv(learner_report(validate_document(doc))).decode("utf-8-sig")),
                           delimiter=";"))
    assert rows[1][0] == "Олена; Петренко"


def test_xlsx_sheets_headers_frozen_rows_and_widths() -> None:
    book = load_workbook(io.BytesIO(report_xlsx(report())))
    assert book.sheetnames == ["Підсумок", "Модулі", "Питання", "Тренажери"]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])
        for cell in sheet[1]:
            assert sheet.column_dimensions[cell.column_letter].width >= len(str(cell.value))
    modules = book["Модулі"]
    assert tuple(c.value for c in modules[1]) == MODULE_HEADERS
    assert [r[0] for r in modules.iter_rows(min_row=2, values_only=True)] == ["Електронні послуги", "Безпека",
                                                                               "Усього"]
    questions = book["Питання"]
    assert tuple(c.value for c in questions[1]) == QUESTION_HEADERS
    rows = list(questions.iter_rows(min_row=2, values_only=True))
    assert [(r[2], r[3], r[4]) for r in rows] == [("q-one", 1, 1), ("q-two", 1, 0)]
    assert questions.cell(row=2, column=6).number_format == "0%"
    summary = dict(book["Підсумок"].iter_rows(min_row=2, values_only=True))
    assert summary["ПІБ"] == "Олена Петренко" and summary["Уроків прочитано"] == "0 з 4"
    walks = list(book["Тренажери"].iter_rows(min_row=2, values_only=True))
    assert walks[0][:4] == ("diia-signup", 1, 0, "ні")
