"""The methodist workspace's dashboard as an XLSX workbook (openpyxl) or a PDF report, in Ukrainian.

Sheets: «Підсумок» (one row per learner), «Модулі» (learners × modules), «Питання» (item analysis),
«Тренажери» (walkthrough hotspots) and «Компетенції» (results by lesson tag). Each has a frozen header
and column widths that fit its text; shares are stored as numbers 0..1 shown as percentages.
The PDF (for the director) has the same tables as HTML (`workspace_html`, Qt-free) printed by Qt's
QPdfWriter; only `workspace_pdf` imports Qt (QtGui), lazily, with an offscreen QGuiApplication when none
runs. Files are written next to their target and renamed over it, so a failed export leaves no half file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from datetime import datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from etrainer.core.course.model import Course
from etrainer.core.numbers import format_number, format_share
from etrainer.core.progress.dashboard import DashboardFilter
from etrainer.core.quiz.essay import SentEssay
from etrainer.exchange.inert import make_inert

if TYPE_CHECKING:  # pragma: no cover
    from etrainer.core.consultation.stats import DeskReport
    from etrainer.core.progress.overview import Dashboard

SUMMARY_SHEET = "Підсумок"
MODULES_SHEET = "Модулі"
QUESTIONS_SHEET = "Питання"
WALKTHROUGHS_SHEET = "Тренажери"
COMPETENCIES_SHEET = "Компетенції"
PERCENT = "0%"
SHARE = "0.00"
MAX_WIDTH = 60
MIN_WIDTH = 6
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")
_WRAP = Alignment(wrap_text=True, vertical="top")


ESSAYS_SHEET = "Есе"


def write_workspace_xlsx(path: Path, dashboard: Dashboard, course: Course,
                         essays: Sequence[SentEssay] = (), desk: DeskReport | None = None) -> Path:
    """The workbook; with `essays`, a sheet «Есе» with each essay's mark and the methodist's comment; with
    `desk`, the sheets of the consultation log and desk vs training."""
    book = Workbook()
    _summary(book.active, dashboard)
    _modules(book.create_sheet(MODULES_SHEET), dashboard)
    _questions(book.create_sheet(QUESTIONS_SHEET), dashboard)
    _walkthroughs(book.create_sheet(WALKTHROUGHS_SHEET), dashboard)
    _competencies(book.create_sheet(COMPETENCIES_SHEET), dashboard)
    if essays:
        _essays(book.create_sheet(ESSAYS_SHEET), essays, course)
    if desk is not None:
        from etrainer.exchange.consultation_report import add_consultation_sheets

        add_consultation_sheets(book, desk, _table, PERCENT, {m.id: m.title for m in course.modules})
    book.properties.title = f"Е-тренер: {course.title}"
    book.properties.subject = describe_filter(dashboard.filters)
    return _replace(path, make_inert(book).save)


def write_workspace_pdf(path: Path, dashboard: Dashboard, course: Course,
                        essays: Sequence[SentEssay] = (), desk: DeskReport | None = None) -> Path:
    data = workspace_pdf(dashboard, course, essays, desk)
    return _replace(path, lambda temporary: Path(temporary).write_bytes(data))


def _replace(path: Path, save: Callable[[str], object]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".etrainer-", suffix=path.suffix, dir=path.parent)
    os.close(handle)
    try:
        save(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def describe_filter(filters: DashboardFilter) -> str:
    parts = []
    if filters.branch:
        parts.append(f"філія: {filters.branch}")
    if filters.position:
        parts.append(f"посада: {filters.position}")
    if filters.start or filters.end:
        start = filters.start.strftime("%d.%m.%Y") if filters.start else "…"
        end = filters.end.strftime("%d.%m.%Y") if filters.end else "…"
        parts.append(f"період: {start} – {end}")
    return "; ".join(parts) or "усі слухачі, увесь час"


def _local(moment: datetime | None) -> datetime | None:
    """Excel keeps no time zone: the local wall-clock time, whole seconds."""
    return moment.astimezone().replace(tzinfo=None, microsecond=0) if moment is not None else None


def _summary(sheet: Worksheet, dashboard: Dashboard) -> None:
    sheet.title = SUMMARY_SHEET
    headers = ["Слухач", "Філія", "Посада", "Уроків прочитано", "Уроків у курсі", "Завершено",
               "Тестів модулів складено", "Тренажерів пройдено", "Останній імпорт"]
    rows = []
    for row in dashboard.matrix.rows:
        rows.append([row.learner.name, row.learner.branch, row.learner.position, row.lessons_read,
                     row.lessons_total, row.completion, sum(1 for c in row.cells if c.quiz_passed),
                     sum(c.walkthroughs_passed for c in row.cells), _local(row.learner.last_import)])
    _table(sheet, [headers], rows, {6: PERCENT, 9: "dd.mm.yyyy hh:mm"})
    note = len(rows) + 3
    sheet.cell(note, 1, "Відбір:").font = _HEADER_FONT
    sheet.cell(note, 2, describe_filter(dashboard.filters))


def _modules(sheet: Worksheet, dashboard: Dashboard) -> None:
    modules = dashboard.matrix.modules
    top: list[Any] = ["Слухач", "Філія"]
    sub: list[Any] = ["", ""]
    for module in modules:
        top += [module.title, None, None]
        sub += ["Уроки", "Найкращий тест", "Тренажери"]
    rows = []
    for row in dashboard.matrix.rows:
        cells: list[Any] = [row.learner.name, row.learner.branch]
        for cell in row.cells:
            walks = f"{cell.walkthroughs_passed}/{cell.walkthroughs_total}" if cell.walkthroughs_total else "—"
            cells += [cell.lessons_share, cell.best_quiz_score, walks]
        rows.append(cells)
    formats = {3 + 3 * i + k: PERCENT for i in range(len(modules)) for k in (0, 1)}
    _table(sheet, [top, sub], rows, formats)
    for index in range(len(modules)):
        first = 3 + 3 * index
        sheet.merge_cells(start_row=1, start_column=first, end_row=1, end_column=first + 2)
        sheet.cell(1, first).alignment = Alignment(horizontal="center", wrap_text=True)
    sheet.merge_cells(start_row=1, start_column=1, end_row=2, end_column=1)
    sheet.merge_cells(start_row=1, start_column=2, end_row=2, end_column=2)
    sheet.freeze_panes = "C3"


def _questions(sheet: Worksheet, dashboard: Dashboard) -> None:
    headers = ["Тест", "Питання", "Тип", "Відповідей", "Індекс легкості", "Дискримінація", "Варіанти відповіді"]
    rows = []
    for item in dashboard.items:
        options = "; ".join(f"{'✓ ' if o.correct else ''}{o.text} — {o.chosen} ({round(o.share * 100)} %)"
                            for o in item.options)
        rows.append([item.quiz_id, item.text, item.kind, item.responses, item.facility, item.discrimination,
                     options])
    _table(sheet, [headers], rows, {5: SHARE, 6: SHARE}, wrap={2, 7})


def _walkthroughs(sheet: Worksheet, dashboard: Dashboard) -> None:
    headers = ["Тренажер", "Спроб", "Крок №", "Крок", "Помилок", "Підказок", "Спроб із труднощами"]
    rows = [[scenario.title, scenario.attempts, step.position + 1 if step.position >= 0 else None, step.label,
             step.errors, step.hints, step.attempts]
            for scenario in dashboard.hotspots for step in scenario.steps]
    _table(sheet, [headers], rows, {}, wrap={4})


def _competencies(sheet: Worksheet, dashboard: Dashboard) -> None:
    headers = ["Компетенція (тег)", "Уроків", "Прочитано", "Середній найкращий тест", "Результатів тестів"]
    rows = [[tag.title or tag.tag, tag.lessons, tag.read_share, tag.mean_quiz_score, tag.quiz_results]
            for tag in dashboard.competencies]
    _table(sheet, [headers], rows, {3: PERCENT, 4: PERCENT})


def _essay_rows(essays: Sequence[SentEssay], course: Course) -> list[list[Any]]:
    titles = {q.id: q.title or q.text for quiz in course.quizzes for q in quiz.questions}
    modules = {m.id: m.title for m in course.modules}
    rows = []
    for essay in essays:
        mark = essay.mark
        rows.append([essay.learner_name, modules.get(essay.module_id or "", essay.module_id or ""),
                     titles.get(essay.question_id, essay.question_id), essay.words,
                     "оцінено" if mark is not None else "на перевірці", mark.points if mark is not None else None,
                     essay.max_points, "; ".join(f"{p.criterion}: {p.level}" for p in mark.levels) if mark else "",
                     mark.comment if mark is not None else "",
                     _local(mark.graded_at) if mark is not None else None])
    return rows


def _essays(sheet: Worksheet, essays: Sequence[SentEssay], course: Course) -> None:
    headers = ["Слухач", "Модуль", "Питання", "Слів", "Стан", "Бали", "З", "Рівні рубрики", "Коментар методиста",
               "Оцінено"]
    _table(sheet, [headers], _essay_rows(essays, course), {10: "dd.mm.yyyy hh:mm"}, wrap={3, 8, 9})


def _table(sheet: Worksheet, headers: Sequence[Sequence[Any]], rows: Sequence[Sequence[Any]],
           formats: dict[int, str], wrap: set[int] | None = None) -> None:
    """Header rows (bold, filled, frozen), then the rows; `formats` and `wrap` by 1-based column."""
    wrap = wrap or set()
    widths: dict[int, int] = {}
    for r, header in enumerate(headers, start=1):
        for c, value in enumerate(header, start=1):
            cell = sheet.cell(r, c, value)
            cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            if value and not (r == 1 and len(headers) > 1 and c > 2):  # merged module titles span 3 columns
                widths[c] = max(widths.get(c, 0), max(len(word) for word in str(value).split()) + 2,
                                min(len(str(value)) + 2, 18))
    for r, row in enumerate(rows, start=len(headers) + 1):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(r, c, value)
            if c in formats:
                cell.number_format = formats[c]
            if c in wrap:
                cell.alignment = _WRAP
            widths[c] = max(widths.get(c, 0), _width(value, formats.get(c)))
    for c, width in widths.items():
        sheet.column_dimensions[get_column_letter(c)].width = max(MIN_WIDTH, min(MAX_WIDTH, width))
    sheet.freeze_panes = sheet.cell(len(headers) + 1, 1).coordinate


def _width(value: Any, number_format: str | None) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 18
    if isinstance(value, float):
        return 7 if number_format in (PERCENT, SHARE) else len(f"{value:.2f}") + 2
    return len(str(value)) + 2


# ---------------------------------------------------------------- PDF

_STYLE = """
body { font-family: 'DejaVu Sans'; }
h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 12px; }
th, td { border: 1px solid #777; padding: 2px; }
th { background-color: #e8eef5; }
"""


def _percent(value: float | None) -> str:
    return format_share(value)


SMALL_SAMPLE = 10
"""Fewer answers than this are flagged «мала вибірка» (as in the workspace window)."""


def _sample(responses: int) -> str:
    """How many answered, flagged when fewer than 10 (the figures are not reliable yet)."""
    return f"{responses} (мала вибірка)" if responses < SMALL_SAMPLE else str(responses)


def _html_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table border="1" cellspacing="0" cellpadding="2" width="100%"><tr>{head}</tr>{body}</table>'


def workspace_html(dashboard: Dashboard, course: Course, *, top: int = 20,
                   essays: Sequence[SentEssay] = (), desk: DeskReport | None = None) -> str:
    """The dashboard as one HTML document: learners, modules, the `top` hardest questions and troubled steps."""
    matrix = dashboard.matrix
    learners = _html_table(["Слухач", "Філія", "Посада", "Уроки", "Завершено"], [
        [r.learner.name, r.learner.branch, r.learner.position, f"{r.lessons_read} / {r.lessons_total}",
         _percent(r.completion)] for r in matrix.rows])
    modules = _html_table(["Модуль", "Середнє завершення", "Середній найкращий тест", "Склали тест"], [
        [header.title, _percent(_mean([row.cells[i].completion for row in matrix.rows])),
         _percent(_mean([s for row in matrix.rows if (s := row.cells[i].best_quiz_score) is not None])),
         f"{sum(1 for row in matrix.rows if row.cells[i].quiz_passed)} / {len(matrix.rows)}"]
        for i, header in enumerate(matrix.modules)])
    questions = _html_table(["Питання", "Відповідей", "Легкість", "Дискримінація"], [
        [item.text, _sample(item.responses), format_number(item.facility, 2),
         "—" if item.discrimination is None else format_number(item.discrimination, 2)]
        for item in dashboard.items[:top]])
    steps = sorted(((step, scenario) for scenario in dashboard.hotspots for step in scenario.steps),
                   key=lambda pair: -pair[0].trouble)[:top]
    hotspots = _html_table(["Тренажер", "Крок", "Помилок", "Підказок"], [
        [scenario.title, step.label, step.errors, step.hints] for step, scenario in steps])
    parts = [f"<h1>Звіт методиста: {escape(course.title)}</h1>",
             f"<p>Відбір: {escape(describe_filter(dashboard.filters))}. Слухачів: {len(matrix.rows)}; "
             f"середнє завершення: {_percent(matrix.mean_completion())}.</p>",
             "<h2>Слухачі</h2>", learners, "<h2>Модулі</h2>", modules,
             "<h2>Найважчі питання</h2>", questions, "<h2>Кроки тренажерів із найбільшою кількістю помилок</h2>",
             hotspots]
    if essays:
        rows = [[r[0], r[2], r[4], "—" if r[5] is None else f"{r[5]:g} / {r[6]:g}", r[8]]
                for r in _essay_rows(essays, course)]
        parts += ["<h2>Есе: оцінки і коментарі</h2>",
                  _html_table(["Слухач", "Питання", "Стан", "Бали", "Коментар методиста"], rows)]
    if desk is not None:
        from etrainer.exchange.consultation_report import consultation_html

        parts.append(consultation_html(desk, {m.id: m.title for m in course.modules}, _html_table))
    return "<html><body>" + "".join(parts) + "</body></html>"


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def workspace_pdf(dashboard: Dashboard, course: Course, essays: Sequence[SentEssay] = (),
                  desk: DeskReport | None = None) -> bytes:
    """The report as PDF bytes (A4 portrait), drawn by Qt."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
    from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _APP.append(QGuiApplication([]))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(f"Звіт методиста — {course.title}")
    writer.setCreator("Е-тренер")
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Sans", 9))
    document.setDefaultStyleSheet(_STYLE)
    document.setHtml(workspace_html(dashboard, course, essays=essays, desk=desk))
    document.documentLayout().setPaintDevice(writer)
    document.setPageSize(QSizeF(writer.width(), writer.height()))  # paginated by us: no page numbers added
    document.print_(writer)
    del writer  # finishes the PDF
    buffer.close()
    return bytes(data.data())


_APP: list[Any] = []
"""Keeps the QGuiApplication made for printing alive."""
