"""PDF progress report and completion certificate, drawn by Qt (QPdfWriter + QTextDocument).

The only module outside `ui/` that imports Qt (QtGui); import it lazily. Without a running Qt
application a QGuiApplication is created on the offscreen platform. The document is paginated for the
writer first, so Qt adds no page numbers or margins of its own (docs QT-NOTES trap 6); table borders
come from the default style sheet set before the HTML (trap 7). Text is Ukrainian document content.
"""

from __future__ import annotations

import os
from datetime import datetime
from html import escape

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from etrainer.core.numbers import format_percent, format_share
from etrainer.core.progress.learner_report import LearnerReport

STYLE = """
body { font-family: 'DejaVu Sans'; }
h1 { font-size: 18pt; } h2 { font-size: 13pt; margin-top: 12px; }
table { border-collapse: collapse; }
th, td { border: 1px solid #777; padding: 3px; }
th { background-color: #e8eef5; }
.num { text-align: right; }
.cert { text-align: center; }
"""
RESOLUTION = 300
_app: QGuiApplication | None = None


def _ensure_app() -> None:
    global _app
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication([])


def _render(html: str, title: str, landscape: bool = False) -> bytes:
    _ensure_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("Е-тренер")
    writer.setResolution(RESOLUTION)
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Sans", 10))
    document.setDefaultStyleSheet(STYLE)
    document.setHtml(html)
    document.documentLayout().setPaintDevice(writer)
    document.setPageSize(QSizeF(writer.width(), writer.height()))
    document.print_(writer)
    del writer  # finishes the PDF
    buffer.close()
    return bytes(data.data())


def _date(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%d.%m.%Y") if moment is not None else "—"


def _percent(value: float | None) -> str:
    return format_share(value)


def _table(headers: list[str], rows: list[list[str]], numeric_from: int = 1) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f'<td class="{"num" if i >= numeric_from else ""}">{escape(str(c))}</td>'
                         for i, c in enumerate(row)) + "</tr>" for row in rows)
    return f'<table border="1" cellspacing="0" cellpadding="3" width="100%"><tr>{head}</tr>{body}</table>'


def progress_html(report: LearnerReport) -> str:
    who = ", ".join(escape(part) for part in (report.position, report.branch) if part)
    summary = _table(["Показник", "Значення"], [
        ["Курс пройдено (уроки, тести, тренажери)",
         f"{report.units_done} з {report.units_total} ({format_percent(report.percent)})"],
        ["Уроків прочитано", f"{report.lessons_read} з {report.lessons_total}"],
        ["Тестів складено", f"{report.quizzes_passed} з {report.quizzes_total}"],
        ["Тренажерів пройдено", f"{report.walkthroughs_passed} з {report.walkthroughs_total}"],
        ["Час читання", f"{round(report.study_seconds / 60)} хв"],
        ["Курс завершено", _date(report.completed_at) if report.completed else "ні"],
    ], numeric_from=2)
    modules = _table(["Модуль", "Уроки", "Найкращий тест", "Тести", "Тренажери"], [
        [m.title or "Поза модулями", f"{m.lessons_read} / {m.lessons_total}", _percent(m.best_quiz_score),
         f"{m.quizzes_passed} / {m.quizzes_total}", f"{m.walkthroughs_passed} / {m.walkthroughs_total}"]
        for m in report.modules])
    parts = [f"<h1>Звіт про навчання</h1><p><b>{escape(report.name)}</b>" + (f" — {who}" if who else "") + "</p>",
             f"<p>Курс «{escape(report.course_title)}», версія {escape(report.course_version)}. "
             f"Дані на {_date(report.exported_at)}.</p>", "<h2>Підсумок</h2>", summary, "<h2>Модулі</h2>", modules]
    missed = [q for q in report.questions if not q.last_correct]
    if missed:
        parts += ["<h2>Питання, на які остання відповідь неправильна</h2>",
                  _table(["Тест", "Питання", "Відповідей", "Правильних"], [
                      [q.quiz_title, q.label, str(q.answered), str(q.correct)] for q in missed], numeric_from=2)]
    if report.walkthroughs:
        headers = ["Тренажер", "Спроб", "Пройдено", "Найкращий бал", "Помилок", "Підказок"]
        parts += ["<h2>Тренажери</h2>", _table(headers, [
            [w.title, str(w.attempts), "так" if w.passed else "ні", "—" if w.best_score is None else str(w.best_score),
             str(w.errors), str(w.hints)] for w in report.walkthroughs])]
    return "<html><body>" + "".join(parts) + "</body></html>"


def certificate_html(report: LearnerReport) -> str:
    who = ", ".join(escape(part) for part in (report.position, report.branch) if part)
    return (
        '<html><body><div class="cert" align="center">'
        '<p style="font-size: 34pt; font-weight: bold; margin-top: 40px;">СЕРТИФІКАТ</p>'
        '<p style="font-size: 15pt;">засвідчує, що</p>'
        f'<p style="font-size: 26pt; font-weight: bold;">{escape(report.name)}</p>'
        + (f'<p style="font-size: 13pt;">{who}</p>' if who else "") +
        '<p style="font-size: 15pt;">успішно завершив(-ла) навчальний курс</p>'
        f'<p style="font-size: 20pt; font-weight: bold;">«{escape(report.course_title)}»</p>'
        f'<p style="font-size: 12pt;">Прочитано уроків: {report.lessons_read} з {report.lessons_total}; '
        f'складено тестів: {report.quizzes_passed} з {report.quizzes_total}; '
        f'пройдено тренажерів: {report.walkthroughs_passed} з {report.walkthroughs_total}.</p>'
        f'<p style="font-size: 12pt; margin-top: 30px;">Дата: {_date(report.completed_at)} · '
        f'версія курсу {escape(report.course_version)}</p>'
        "</div></body></html>")


def progress_pdf(report: LearnerReport) -> bytes:
    """The progress report as PDF bytes (A4 portrait)."""
    return _render(progress_html(report), f"Звіт про навчання — {report.name}")


def certificate_pdf(report: LearnerReport) -> bytes:
    """The completion certificate as PDF bytes (A4 landscape); the caller checks `report.completed`."""
    return _render(certificate_html(report), f"Сертифікат — {report.name}", landscape=True)
