"""A learner's progress as CSV (for Excel in a Ukrainian locale) and XLSX, with Ukrainian headers.

CSV: UTF-8 with a BOM, `;` between fields, one row per module and a total row, whole numbers only
(percent, minutes) so that no decimal separator is needed. XLSX (openpyxl): sheets «Підсумок»,
«Модулі», «Питання», «Тренажери», bold frozen header row, widths that fit the content.
The headers are document content in Ukrainian, like the course, not interface strings.
`add_table_sheet` is shared with other XLSX exports (the methodist's workspace).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from etrainer.core.progress.learner_report import LearnerReport, ModuleRow
from etrainer.exchange.inert import csv_row, make_inert

BOM = "\ufeff"
MAX_WIDTH = 60
PERCENT = "0%"
DATE_TIME = "yyyy-mm-dd hh:mm"
YES, NO = "так", "ні"

MODULE_HEADERS = ("Модуль", "Уроків прочитано", "Уроків усього", "Найкращий результат тесту", "Тестів складено",
                  "Тестів усього", "Тренажерів пройдено", "Тренажерів усього", "Час читання, хв")
CSV_HEADERS = ("ПІБ", "Філія", "Посада", "Курс", *MODULE_HEADERS)
QUESTION_HEADERS = ("Тест", "Питання", "Ідентифікатор", "Відповідей", "Правильних", "Частка правильних",
                    "Остання відповідь правильна")
WALKTHROUGH_HEADERS = ("Тренажер", "Спроб", "Завершено", "Пройдено", "Найкращий бал", "Помилок", "Підказок",
                       "Час, хв", "Остання спроба")
TOTAL = "Усього"
OUTSIDE_MODULES = "Поза модулями"


def _minutes(seconds: float) -> int:
    return round(seconds / 60)


def _total_row(report: LearnerReport) -> ModuleRow:
    scores = [m.best_quiz_score for m in report.modules if m.best_quiz_score is not None]
    return ModuleRow(None, TOTAL, report.lessons_read, report.lessons_total, report.study_seconds,
                     max(scores, default=None), report.quizzes_passed, report.quizzes_total,
                     report.walkthroughs_passed, report.walkthroughs_total)


def _module_values(row: ModuleRow, *, percent_as_number: bool) -> list[Any]:
    score: Any = row.best_quiz_score
    if score is not None and not percent_as_number:
        score = round(score * 100)
    return [row.title or OUTSIDE_MODULES, row.lessons_read, row.lessons_total, "" if score is None else score,
            row.quizzes_passed, row.quizzes_total, row.walkthroughs_passed, row.walkthroughs_total,
            _minutes(row.seconds)]


def report_csv(report: LearnerReport) -> bytes:
    """One row per module, then the total row; the best score is a whole percent."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(csv_row(CSV_HEADERS))
    learner = [report.name, report.branch, report.position, report.course_title]
    for row in (*report.modules, _total_row(report)):
        writer.writerow(csv_row(learner + _module_values(row, percent_as_number=False)))
    return (BOM + buffer.getvalue()).encode("utf-8")


def report_xlsx(report: LearnerReport) -> bytes:
    workbook = Workbook()
    summary = workbook.active
    assert summary is not None
    summary.title = "Підсумок"
    _fill_summary(summary, report)
    add_table_sheet(workbook, "Модулі", MODULE_HEADERS,
                    [_module_values(m, percent_as_number=True) for m in (*report.modules, _total_row(report))],
                    {4: PERCENT})
    add_table_sheet(workbook, "Питання", QUESTION_HEADERS, [
        [q.quiz_title, q.label, q.question_id, q.answered, q.correct, q.correct / q.answered if q.answered else 0,
         YES if q.last_correct else NO] for q in report.questions], {6: PERCENT})
    add_table_sheet(workbook, "Тренажери", WALKTHROUGH_HEADERS, [
        [w.title, w.attempts, w.finished, YES if w.passed else NO, "" if w.best_score is None else w.best_score,
         w.errors, w.hints, _minutes(w.seconds), _local(w.last_at)] for w in report.walkthroughs], {9: DATE_TIME})
    buffer = io.BytesIO()
    make_inert(workbook).save(buffer)
    return buffer.getvalue()


def _fill_summary(sheet: Worksheet, report: LearnerReport) -> None:
    rows: list[tuple[str, Any]] = [
        ("ПІБ", report.name), ("Філія", report.branch), ("Посада", report.position),
        ("Курс", report.course_title), ("Версія курсу", report.course_version),
        ("Дата експорту", _local(report.exported_at)),
        ("Уроків прочитано", f"{report.lessons_read} з {report.lessons_total}"),
        ("Курс пройдено (уроки, тести, тренажери), %", report.percent / 100),  # docs/progress.md
        ("Тестів складено", f"{report.quizzes_passed} з {report.quizzes_total}"),
        ("Тренажерів пройдено", f"{report.walkthroughs_passed} з {report.walkthroughs_total}"),
        ("Час читання, хв", _minutes(report.study_seconds)),
        ("Курс завершено", _local(report.completed_at) if report.completed_at else NO),
    ]
    add_rows(sheet, ("Показник", "Значення"), [list(r) for r in rows])
    for row in sheet.iter_rows(min_row=2, min_col=2, max_col=2):
        for cell in row:
            if isinstance(cell.value, datetime):
                cell.number_format = DATE_TIME
            elif isinstance(cell.value, float):
                cell.number_format = PERCENT


def add_table_sheet(workbook: Workbook, title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]],
                    formats: dict[int, str] | None = None) -> Worksheet:
    """A new sheet with a bold, frozen header row, `formats` by 1-based column, and fitting column widths."""
    sheet = workbook.create_sheet(title)
    add_rows(sheet, headers, rows, formats)
    return sheet


def add_rows(sheet: Worksheet, headers: Sequence[str], rows: Sequence[Sequence[Any]],
             formats: dict[int, str] | None = None) -> None:
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
    for column, number_format in (formats or {}).items():
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            cell.number_format = number_format
    sheet.freeze_panes = "A2"
    _fit_widths(sheet)


def _fit_widths(sheet: Worksheet) -> None:
    widths: dict[int, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            text = "2026-11-27 16:00" if isinstance(cell.value, datetime) else str(cell.value)
            length = max(len(line) for line in text.splitlines()) if text else 0
            widths[cell.column] = max(widths.get(cell.column, 0), length)
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = min(MAX_WIDTH, width + 2)


def _local(moment: datetime | None) -> datetime | None:
    """Local wall-clock time without a zone (openpyxl cannot store aware datetimes)."""
    return None if moment is None else moment.astimezone().replace(tzinfo=None)
