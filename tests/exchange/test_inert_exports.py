"""Every export is inert: known formula/CSV-injection payloads in learner names, branches, positions and
course texts come out as text (CSV: a leading apostrophe; XLSX: string cells, never formulas; PDF: the
literal text), while numbers, negative ones included, stay numbers."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from tests.conftest import build_course
from tests.exchange.test_workspace_report import make_dashboard

from etrainer.core.progress.file import validate_document
from etrainer.core.progress.learner_report import LearnerReport, learner_report
from etrainer.exchange.inert import csv_cell, make_inert
from etrainer.exchange.tables import report_csv, report_xlsx
from etrainer.exchange.workspace_report import write_workspace_xlsx

SAMPLE = Path(__file__).parents[1] / "data" / "progress" / "sample-v1.json"
PAYLOADS = ("=1+1", '=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1")


def payload_report(payload: str) -> LearnerReport:
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["course"]["id"] = "test-course"
    doc["learner"].update(name=payload, branch=payload + " b", position=payload + " p")
    course = build_course()
    modules = tuple(replace(m, title=payload + f" m{n}") for n, m in enumerate(course.modules))
    return learner_report(validate_document(doc), replace(course, title=payload + " c", modules=modules))


@pytest.mark.parametrize("value", [*PAYLOADS, "=", "-", "+380501234567"])
def test_csv_cell_prefixes_text_a_spreadsheet_would_run(value: str) -> None:
    assert csv_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Олена", "", " =1", "a=1", -5, -2.5, 0, None])
def test_csv_cell_leaves_plain_text_and_numbers_alone(value: object) -> None:
    assert csv_cell(value) == value


@pytest.mark.parametrize("payload", PAYLOADS)
def test_learner_csv_writes_payloads_with_an_apostrophe(payload: str) -> None:
    text = report_csv(payload_report(payload)).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    body = rows[1:]
    assert body
    for row in body:
        assert row[:4] == ["'" + payload, "'" + payload + " b", "'" + payload + " p", "'" + payload + " c"]
        assert row[4] in ("'" + payload + " m0", "'" + payload + " m1", "Усього")
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def as_read_back(text: str) -> str:
    """XML turns a CR into LF when the workbook is read back: still text, never a formula."""
    return text.replace("\r", "\n")


def _formula_cells(book: Workbook) -> list[str]:
    return [f"{sheet.title}!{cell.coordinate}" for sheet in book.worksheets for row in sheet.iter_rows()
            for cell in row if cell.data_type == "f"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_learner_xlsx_keeps_payloads_as_text(payload: str) -> None:
    book = load_workbook(io.BytesIO(report_xlsx(payload_report(payload))))
    payload = as_read_back(payload)
    assert _formula_cells(book) == []
    summary = book["Підсумок"]
    assert [summary["B2"].value, summary["B3"].value, summary["B4"].value] == [
        payload, payload + " b", payload + " p"]
    assert summary["B2"].data_type == "s"
    modules = book["Модулі"]
    assert [modules["A2"].value, modules["A3"].value] == [payload + " m0", payload + " m1"]
    assert modules["B2"].data_type == "n"


@pytest.mark.parametrize("payload", PAYLOADS)
def test_workspace_xlsx_keeps_payloads_as_text_and_negative_numbers_as_numbers(payload: str,
                                                                                tmp_path: Path) -> None:
    dashboard = make_dashboard()
    rows = tuple(replace(row, learner=replace(row.learner, name=payload, branch=payload + " b",
                                              position=payload + " p")) for row in dashboard.matrix.rows)
    items = tuple(replace(item, text=payload + " q", discrimination=-0.25) for item in dashboard.items)
    dashboard = replace(dashboard, matrix=replace(dashboard.matrix, rows=rows), items=items)
    book = load_workbook(write_workspace_xlsx(tmp_path / "report.xlsx", dashboard, build_course()))
    assert _formula_cells(book) == []
    payload = as_read_back(payload)
    summary = book["Підсумок"]
    assert [summary["A2"].value, summary["B2"].value, summary["C2"].value] == [payload, payload + " b",
                                                                                payload + " p"]
    questions = book["Питання"]
    assert questions["B2"].value == payload + " q" and questions["B2"].data_type == "s"
    assert questions["F2"].value == -0.25 and questions["F2"].data_type == "n"


def test_make_inert_turns_formulas_into_strings_and_leaves_numbers() -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["=1+1", -5, "-2+3", 3.5])
    assert sheet["A1"].data_type == "f"  # what openpyxl does on its own
    make_inert(book)
    buffer = io.BytesIO()
    book.save(buffer)
    read = load_workbook(buffer).active
    assert read is not None
    assert [(c.value, c.data_type) for c in read[1]] == [("=1+1", "s"), (-5, "n"), ("-2+3", "s"), (3.5, "n")]


MAKE_PDF = """
import json, sys
from pathlib import Path
from etrainer.core.progress.learner_report import learner_report
from etrainer.core.progress.file import validate_document
from etrainer.exchange import report_pdf
doc = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
Path(sys.argv[2]).write_bytes(report_pdf.progress_pdf(learner_report(validate_document(doc))))
"""


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils (pdftotext) is not installed")
def test_pdf_report_shows_a_payload_name_literally(tmp_path: Path) -> None:
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["learner"].update(name='=HYPERLINK("http://x","y")', branch="+cmd|' /C calc'!A0", position="@SUM(A1)")
    source, pdf = tmp_path / "doc.json", tmp_path / "report.pdf"
    source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    subprocess.run([sys.executable, "-c", MAKE_PDF, str(source), str(pdf)], check=True, timeout=120,
                   env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True, timeout=60).stdout
    assert '=HYPERLINK("http://x","y")' in text
    assert "+cmd|' /C calc'!A0" in text
    assert "@SUM(A1)" in text
