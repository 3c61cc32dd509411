"""Essays in self-study: the writing box (word counter, rubric beside it, draft saved as she types),
«На перевірці» once sent, and the methodist's reply beside her answer (points, rubric levels, comment, date)."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from etrainer.core.quiz.draw import DrawnQuestion
from etrainer.core.quiz.essay import EssayMark, count_words, format_points, word_problem
from etrainer.core.quiz.grading import GradedAnswer
from etrainer.core.quiz.model import Essay
from etrainer.core.quiz.response import EssayResponse, Response
from etrainer.ui.quiz.answers import AnswerWidget

AUTOSAVE_MS = 800
"""How long after the last key the draft is saved."""


def rubric_html(essay: Essay | None) -> str:
    if essay is None or not essay.rubric:
        points = format_points(essay.max_points) if essay is not None else ""
        text = QCoreApplication.translate("Essay", "The methodist marks it out of {points} points.")
        return f"<p>{html.escape(text.format(points=points))}</p>" if points else ""
    head = QCoreApplication.translate("Essay", "How it is marked")
    rows = []
    for criterion in essay.rubric:
        levels = "".join(f"<li>{html.escape(level.title)} — {format_points(level.points)}</li>"
                         for level in criterion.levels)
        rows.append(f"<p><b>{html.escape(criterion.title)}</b></p><ul>{levels}</ul>")
    return f"<h4>{html.escape(head)}</h4>" + "".join(rows)


def reply_html(mark: EssayMark) -> str:
    """The methodist's reply: points, the level per criterion, the comment and its date."""
    points = QCoreApplication.translate("Essay", "{points} of {max} points").format(
        points=format_points(mark.points), max=format_points(mark.max_points))
    head = QCoreApplication.translate("Essay", "The methodist’s reply: {points}").format(points=points)
    parts = [f"<p class='right'><b>{html.escape(head)}</b></p>"]
    if mark.levels:
        parts.append("<ul>" + "".join(f"<li>{html.escape(p.criterion)}: {html.escape(p.level)} "
                                      f"({format_points(p.points)})</li>" for p in mark.levels) + "</ul>")
    if mark.comment:
        parts.append(f"<p>{html.escape(mark.comment)}</p>")
    by = []
    if mark.grader:
        by.append(html.escape(mark.grader))
    if mark.graded_at is not None:
        by.append(mark.graded_at.astimezone().strftime("%d.%m.%Y"))
    if by:
        parts.append(f"<p class='source'>{' · '.join(by)}</p>")
    return "".join(parts)


def pending_html() -> str:
    text = QCoreApplication.translate("Essay", "Under review: the methodist will reply.")
    return f"<p class='partly'><b>○ {html.escape(text)}</b></p>"  # ⏳ is in no font a library PC is sure to have


class EssayAnswer(AnswerWidget):
    """A plain text box with a word counter and the rubric beside it. `draft_changed` carries the text a
    moment after she stops typing (the page saves it through the quiz service)."""

    draft_changed = Signal(str)

    def __init__(self, drawn: DrawnQuestion) -> None:
        super().__init__(objectName="essayAnswer")
        self._essay = drawn.question.essay
        self._editor = QPlainTextEdit(objectName="essayText")
        self._editor.setPlaceholderText(self.tr("Write your answer here…"))
        self._editor.setMinimumHeight(180)
        self._editor.setTabChangesFocus(True)
        self._editor.setAccessibleName(self.tr("Your answer"))
        self._counter = QLabel(objectName="essayWordCount", wordWrap=True)
        self._status = QLabel(objectName="essayStatus", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self._status.hide()
        self._model = QLabel(objectName="essayModelAnswer", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self._model.hide()
        self._reply = QLabel(objectName="essayReply", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self._reply.hide()
        rubric = QLabel(rubric_html(self._essay), objectName="essayRubric", wordWrap=True,
                        textFormat=Qt.TextFormat.RichText)
        rubric.setMinimumWidth(220)
        left = QVBoxLayout()
        left.addWidget(self._editor, 1)
        left.addWidget(self._counter)
        left.addWidget(self._status)
        left.addWidget(self._model)
        side = QVBoxLayout()
        side.addWidget(rubric)
        side.addWidget(self._reply)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 3)
        layout.addLayout(side, 2)
        self._save = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._save.timeout.connect(lambda: self.draft_changed.emit(self._editor.toPlainText()))
        self._editor.textChanged.connect(self._on_text_changed)
        self._update_counter()

    def text(self) -> str:
        return self._editor.toPlainText()

    def set_draft(self, text: str) -> None:
        """Show a saved draft without saving it again."""
        self._editor.blockSignals(True)
        self._editor.setPlainText(text)
        self._editor.blockSignals(False)
        self._update_counter()
        self.changed.emit()

    def response(self) -> Response | None:
        text = self._editor.toPlainText()
        return EssayResponse(text.strip()) if word_problem(self._essay, text) is None else None

    def set_response(self, response: Response) -> None:
        if isinstance(response, EssayResponse):
            self.set_draft(response.text)

    def lock(self, graded: GradedAnswer | None) -> None:
        if self._save.isActive():
            self._save.stop()
        self._editor.setReadOnly(True)
        self._status.setText(pending_html())
        self._status.show()
        if self._essay is not None and self._essay.model_answer:
            head = self.tr("A sample answer")
            self._model.setText(f"<p><b>{html.escape(head)}</b></p><p>{html.escape(self._essay.model_answer)}</p>")
            self._model.show()

    def show_reply(self, mark: EssayMark) -> None:
        self._status.hide()
        self._reply.setText(reply_html(mark))
        self._reply.show()

    def flush(self) -> None:
        """Save a pending draft now (the page leaves the question)."""
        if self._save.isActive():
            self._save.stop()
            self.draft_changed.emit(self._editor.toPlainText())

    def _on_text_changed(self) -> None:
        self._update_counter()
        self._save.start()
        self.changed.emit()

    def _update_counter(self) -> None:
        text = self._editor.toPlainText()
        words = count_words(text)
        essay = self._essay
        if essay is not None and essay.min_words is not None and essay.max_words is not None:
            line = self.tr("Words: {n} (from {min} to {max})").format(n=words, min=essay.min_words,
                                                                     max=essay.max_words)
        elif essay is not None and essay.min_words is not None:
            line = self.tr("Words: {n} (at least {min})").format(n=words, min=essay.min_words)
        elif essay is not None and essay.max_words is not None:
            line = self.tr("Words: {n} (at most {max})").format(n=words, max=essay.max_words)
        else:
            line = self.tr("Words: {n}").format(n=words)
        problem = word_problem(essay, text) if words else None
        if problem is not None:
            template, params = problem
            line += " — " + QCoreApplication.translate("Quiz", template).format(**params)
        self._counter.setText(line)


class EssayReplies(QWidget):
    """Every essay she sent, each with the methodist's reply beside it (or «На перевірці»)."""

    def __init__(self, items: Sequence[tuple[str, str, EssayMark | None]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("essayReplies")
        body = QWidget()
        rows = QVBoxLayout(body)
        if not items:
            rows.addWidget(QLabel(self.tr("You have not sent any essays yet."), objectName="essayRepliesEmpty"))
        for index, (title, text, mark) in enumerate(items):
            frame = QFrame(objectName="essayReplyRow")
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            row = QHBoxLayout(frame)
            mine = QLabel(f"<h4>{html.escape(title)}</h4><p>{html.escape(text)}</p>", wordWrap=True,
                          textFormat=Qt.TextFormat.RichText, objectName=f"essayAnswerText{index}")
            reply = QLabel(reply_html(mark) if mark is not None else pending_html(), wordWrap=True,
                           textFormat=Qt.TextFormat.RichText, objectName=f"essayReplyText{index}")
            row.addWidget(mine, 3)
            row.addWidget(reply, 2)
            rows.addWidget(frame)
        rows.addStretch(1)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(body)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)


class EssayRepliesDialog(QDialog):
    def __init__(self, items: Sequence[tuple[str, str, EssayMark | None]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("essayRepliesDialog")
        self.setWindowTitle(self.tr("My essays and the methodist’s replies"))
        self.resize(820, 560)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(EssayReplies(items, self), 1)
        layout.addWidget(buttons)
