"""The desk (consultation log) part of the methodist's reports, in Ukrainian: two XLSX sheets and HTML.

«Консультації»: one row per month, branch and service with counts, minutes and outcomes.
«Консультації й навчання»: per service, the share of partly done / referred / failed consultations beside
the training results on the module that teaches it (module-quiz average, walkthrough pass rate).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from etrainer.core.consultation.record import Outcome
from etrainer.core.consultation.stats import DeskReport

CONSULTATIONS_SHEET = "Консультації"
VERSUS_SHEET = "Консультації й навчання"
OUTCOME_TITLES = {Outcome.DONE: "Виконано", Outcome.PARTLY: "Частково", Outcome.REFERRED: "Направлено",
                  Outcome.FAILED: "Не вдалося"}
VERSUS_HEADERS = ["Послуга", "Модуль", "Консультацій", "Частково / направлено / не вдалося", "Не вдалося",
                  "Середній бал тесту модуля", "Тренажери: склали"]

Table = Callable[[Worksheet, Sequence[Sequence[Any]], Sequence[Sequence[Any]], dict[int, str]], None]


def add_consultation_sheets(book: Workbook, report: DeskReport, table: Table, percent: str,
                            module_titles: dict[str, str]) -> None:
    """Append the two sheets to `book`; `table` writes a header and rows (workspace_report._table)."""
    headers = ["Місяць", "Філія", "Послуга", "Консультацій", "Хвилин", *OUTCOME_TITLES.values()]
    rows = [[r.month, r.branch, report.titles.get(r.service_id, r.service_id), r.count, r.minutes,
             *(r.outcomes[o] for o in Outcome)] for r in report.rows]
    table(book.create_sheet(CONSULTATIONS_SHEET), [headers], rows, {})
    table(book.create_sheet(VERSUS_SHEET), [VERSUS_HEADERS], versus_rows(report, module_titles),
          {4: percent, 5: percent, 6: percent, 7: percent})


def versus_rows(report: DeskReport, module_titles: dict[str, str]) -> list[list[Any]]:
    return [[v.title, module_titles.get(v.module_id or "", v.module_id or "—"), v.consultations, v.trouble_share,
             v.failed_share, v.quiz_average, v.walkthrough_pass_rate] for v in report.versus]


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)} %"


def consultation_html(report: DeskReport, module_titles: dict[str, str],
                      html_table: Callable[[Sequence[str], Sequence[Sequence[Any]]], str]) -> str:
    """The desk part of the PDF report: totals, by branch, by month, and desk vs training."""
    if not report.total.count:
        return ""
    outcome_headers = list(OUTCOME_TITLES.values())

    def grouped(first: str, groups: Sequence[Any], name: Callable[[str], str] = str) -> str:
        return html_table([first, "Консультацій", "Хвилин", *outcome_headers], [
            [name(g.key) or "—", g.count, g.minutes, *(g.outcomes[o] for o in Outcome)] for g in groups])

    versus = html_table(VERSUS_HEADERS, [
        [row[0], row[1], row[2], *(_percent(value) for value in row[3:])]
        for row in versus_rows(report, module_titles)])
    hours, minutes = divmod(report.total.minutes, 60)
    return "".join([
        "<h2>Консультації відвідувачів</h2>",
        f"<p>Усього: {report.total.count}; витрачено {hours} год {minutes} хв.</p>",
        grouped("Послуга", report.by_service, lambda key: report.titles.get(key, key)),
        "<h2>Консультації за філіями</h2>", grouped("Філія", report.by_branch),
        "<h2>Консультації за місяцями</h2>", grouped("Місяць", report.by_month),
        "<h2>Консультації й навчання</h2>",
        "<p>Частка складних консультацій (частково, направлено, не вдалося) поруч із результатами навчання "
        "з модуля, що вчить цієї послуги.</p>", versus])
