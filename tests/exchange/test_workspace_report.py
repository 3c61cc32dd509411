"""The workspace reports: the XLSX read back with openpyxl (sheets, Ukrainian headers, values, frozen headers,
widths); the PDF made in a child process (this process never imports Qt) and read back with poppler-utils."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from tests.core.progress.test_dashboard import make_course, make_data

from etrainer.core.progress.dashboard import DashboardFilter, choices, competency_results, module_matrix
from etrainer.core.progress.item_analysis import item_analysis, walkthrough_hotspots
from etrainer.core.progress.overview import Dashboard
from etrainer.exchange.workspace_report import describe_filter, workspace_html, write_workspace_xlsx

IMPORTED = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)


def make_dashboard(filters: DashboardFilter | None = None) -> Dashboard:
    course, data = make_course(), make_data()
    data = replace(data, learners=tuple(replace(x, last_import=IMPORTED) for x in data.learners))
    branches, positions = choices(data)
    return Dashboard(filters or DashboardFilter(), module_matrix(course, data), competency_results(course, data),
                     item_analysis(course, data), walkthrough_hotspots(course, data), branches, positions)


@pytest.fixture
def book(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = write_workspace_xlsx(tmp_path / "report.xlsx", make_dashboard(), make_course())
    return load_workbook(path)


def test_the_workbook_has_the_five_sheets_in_order(book) -> None:  # type: ignore[no-untyped-def]
    assert book.sheetnames == ["Підсумок", "Модулі", "Питання", "Тренажери", "Компетенції"]
    assert book.properties.title == "Е-тренер: Курс"


def test_summary_has_one_row_per_learner(book) -> None:  # type: ignore[no-untyped-def]
    sheet = book["Підсумок"]
    assert [c.value for c in sheet[1]] == ["Слухач", "Філія", "Посада", "Уроків прочитано", "Уроків у курсі",
                                           "Завершено", "Тестів модулів складено", "Тренажерів пройдено",
                                           "Останній імпорт"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2, max_row=4)]
    assert [r[:5] for r in rows] == [["Анна", "Центральна", "бібліотекарка", 2, 3],
                                     ["Богдан", "Центральна", "методист", 1, 3],
                                     ["Віра", "Філія 2", "бібліотекарка", 1, 3]]
    assert rows[0][5] == pytest.approx(2 / 3) and sheet["F2"].number_format == "0%"
    assert [r[6:8] for r in rows] == [[1, 1], [0, 0], [0, 0]]
    assert rows[0][8] == IMPORTED.astimezone().replace(tzinfo=None)
    assert sheet.freeze_panes == "A2"
    assert sheet["A6"].value == "Відбір:" and sheet["B6"].value == "усі слухачі, увесь час"


def test_modules_sheet_spans_each_module_over_three_columns(book) -> None:  # type: ignore[no-untyped-def]
    sheet = book["Модулі"]
    assert [sheet.cell(1, c).value for c in (1, 2, 3, 6)] == ["Слухач", "Філія", "Перший", "Другий"]
    assert [sheet.cell(2, c).value for c in range(3, 9)] == ["Уроки", "Найкращий тест", "Тренажери"] * 2
    assert {str(r) for r in sheet.merged_cells.ranges} >= {"C1:E1", "F1:H1", "A1:A2", "B1:B2"}
    assert [sheet.cell(3, c).value for c in range(1, 9)] == ["Анна", "Центральна", 1.0, 1.0, "—", 0.0, None, "1/1"]
    assert [sheet.cell(5, c).value for c in range(1, 9)] == ["Віра", "Філія 2", 0.0, None, "—", 1.0, 0.8, "0/1"]
    assert sheet["D3"].number_format == "0%" and sheet.freeze_panes == "C3"


def test_questions_sheet_lists_item_analysis_hardest_first(book) -> None:  # type: ignore[no-untyped-def]
    sheet = book["Питання"]
    assert [c.value for c in sheet[1]] == ["Тест", "Питання", "Тип", "Відповідей", "Індекс легкості",
                                           "Дискримінація", "Варіанти відповіді"]
    assert [sheet.cell(r, 2).value for r in (2, 3, 4)] == ["Правда?", "Напиши", "Вибір"]
    choice = [c.value for c in sheet[4]]
    assert choice[:4] == ["q1", "Вибір", "single_choice", 3]
    assert choice[4] == pytest.approx(2 / 3) and choice[5] == pytest.approx(0.5)
    assert choice[6] == "✓ Так — 2 (67 %); Ні — 1 (33 %); Можливо — 0 (0 %)"
    assert sheet.cell(3, 7).value is None  # a short answer has no options
    assert sheet.freeze_panes == "A2"


def test_walkthroughs_sheet_lists_the_troubled_steps(book) -> None:  # type: ignore[no-untyped-def]
    sheet = book["Тренажери"]
    assert [c.value for c in sheet[1]] == ["Тренажер", "Спроб", "Крок №", "Крок", "Помилок", "Підказок",
                                           "Спроб із труднощами"]
    assert [[c.value for c in row] for row in sheet.iter_rows(min_row=2)] == [
        ["Тренажер", 2, 1, "Головна — Увійти", 2, 1, 2], ["Тренажер", 2, 2, "Запишіть мій пароль?", 1, 0, 1]]


def test_competencies_sheet(book) -> None:  # type: ignore[no-untyped-def]
    rows = [[c.value for c in row] for row in book["Компетенції"].iter_rows(min_row=2)]
    assert rows[0] == ["a", 2, 0.5, 0.5, 2]
    assert rows[1][0] == "b" and rows[1][2] == pytest.approx(1 / 3)


def test_columns_are_wide_enough_for_their_text(book) -> None:  # type: ignore[no-untyped-def]
    sheet = book["Тренажери"]
    assert sheet.column_dimensions["D"].width >= len("Запишіть мій пароль?")
    assert sheet.column_dimensions["B"].width >= len("Спроб")
    summary = book["Підсумок"]
    assert all(6 <= summary.column_dimensions[col].width <= 60 for col in "ABCDEFGHI")


def test_the_filter_is_described_in_words() -> None:
    text = describe_filter(DashboardFilter("Філія 2", "методист", date(2026, 10, 1), None))
    assert text == "філія: Філія 2; посада: методист; період: 01.10.2026 – …"


def test_writing_replaces_the_file_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.xlsx"
    target.parent.mkdir()
    target.write_bytes(b"old")
    write_workspace_xlsx(target, make_dashboard(DashboardFilter(branch="Центральна")), make_course())
    assert [p.name for p in target.parent.iterdir()] == ["report.xlsx"]
    book = load_workbook(target)
    assert book.properties.subject == "філія: Центральна"


def test_the_pdf_report_html_has_every_section() -> None:
    html = workspace_html(make_dashboard(), make_course(), top=1)
    for text in ("Звіт методиста: Курс", "Слухачів: 3", "Анна", "2 / 3", "67\u00a0%", "Перший", "Найважчі питання",
                 "Правда?", "Головна — Увійти"):
        assert text in html
    assert "Напиши" not in html  # only the hardest question with top=1
    escaped = workspace_html(make_dashboard(DashboardFilter(branch="<b>")), make_course())
    assert "філія: &lt;b&gt;" in escaped and "<b>" not in escaped


MAKE_PDF = """
import sys
from pathlib import Path
from tests.exchange.test_workspace_report import make_course, make_dashboard
from etrainer.exchange.workspace_report import write_workspace_pdf
write_workspace_pdf(Path(sys.argv[1]), make_dashboard(), make_course())
"""


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils (pdftotext) is not installed")
def test_the_pdf_report_carries_cyrillic_text(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    root = Path(__file__).parents[2]
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(root)}
    subprocess.run([sys.executable, "-c", MAKE_PDF, str(target)], check=True, env=env, timeout=120, cwd=root)
    assert target.read_bytes().startswith(b"%PDF") and [p.name for p in tmp_path.iterdir()] == ["report.pdf"]
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert "Звіт методиста: Курс" in text and "Богдан" in text and "Запишіть мій пароль?" in text
