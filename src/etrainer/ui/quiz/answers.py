"""The answer area of one question, one widget per kind of question.

Each widget builds a core `Response` from what the learner did (`response()`, None while nothing is
entered), can be locked once the answer is checked, and picks options by digit keys where that makes
sense. Responses refer to options in file order; the widgets map from the shuffled display order.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from etrainer.core.quiz.draw import DrawnQuestion
from etrainer.core.quiz.grading import GradedAnswer
from etrainer.core.quiz.model import Circle, GapKind, Polygon, QuestionKind, Rect
from etrainer.core.quiz.response import (
    ChoiceResponse,
    ClozeResponse,
    HotspotResponse,
    MatchingResponse,
    OrderingResponse,
    Response,
    TextResponse,
    TrueFalseResponse,
)
from etrainer.ui.common.wrapping import WrappingToggle


class AnswerWidget(QWidget):
    """Enter in a text field is not handled here: QLineEdit passes it on to the quiz page, which checks."""

    changed = Signal()

    def response(self) -> Response | None:
        raise NotImplementedError

    def set_response(self, response: Response) -> None:
        """Show a stored response (a resumed attempt, or going back in end-of-quiz mode)."""

    def lock(self, graded: GradedAnswer | None) -> None:
        self.setEnabled(False)

    def pick(self, number: int) -> bool:
        """Digit key `number` (1-based): pick that option. False when this kind has no numbered options."""
        return False


class NoAnswer(AnswerWidget):
    """An information page takes no answer: nothing to pick, nothing to type."""

    def __init__(self) -> None:
        super().__init__(objectName="informationPage")

    def response(self) -> Response | None:
        return None


class _OptionRow(WrappingToggle):
    """A numbered option: its button and wrapping text, marked ✓ or ✗ once checked."""

    def __init__(self, button: QAbstractButton, number: int, text: str) -> None:
        super().__init__(button, f"<b>{number}.</b> {_escape(text)}", rich=True, objectName="optionRow",
                         label_name="optionLabel")
        button.setAccessibleName(f"{number}. {text}")

    def mark(self, sign: str, state: str) -> None:
        self.label.setText(f"{sign} {self.label.text()}")
        self.setProperty("state", state)
        self.style().unpolish(self)
        self.style().polish(self)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ChoiceAnswer(AnswerWidget):
    """Single choice (radio buttons), multiple choice (check boxes), and true/false."""

    def __init__(self, drawn: DrawnQuestion, true_false_labels: tuple[str, str] = ("", "")) -> None:
        super().__init__()
        question = drawn.question
        self._kind = question.kind
        self._multiple = question.kind is QuestionKind.MULTIPLE_CHOICE
        if question.kind is QuestionKind.TRUE_FALSE:
            self._options = [(1, true_false_labels[0]), (0, true_false_labels[1])]
        else:
            self._options = [(index, answer.text) for index, answer in drawn.shown_answers()]
        self._group = QButtonGroup(self, exclusive=not self._multiple)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._rows: list[_OptionRow] = []
        for number, (index, text) in enumerate(self._options, 1):
            button: QAbstractButton = QCheckBox() if self._multiple else QRadioButton()
            button.setObjectName(f"option{number}")
            self._group.addButton(button, index)
            button.toggled.connect(lambda _=False: self.changed.emit())
            row = _OptionRow(button, number, text)
            self._rows.append(row)
            layout.addWidget(row)
        if self._multiple:
            layout.addWidget(QLabel(self.tr("Choose every right answer."), objectName="hintLabel"))

    def response(self) -> Response | None:
        picked = frozenset(self._group.id(b) for b in self._group.buttons() if b.isChecked())
        if not picked:
            return None
        if self._kind is QuestionKind.TRUE_FALSE:
            return TrueFalseResponse(1 in picked)
        return ChoiceResponse(picked)

    def set_response(self, response: Response) -> None:
        if isinstance(response, TrueFalseResponse):
            picked = {1 if response.value else 0}
        elif isinstance(response, ChoiceResponse):
            picked = set(response.picked)
        else:
            return
        for button in self._group.buttons():
            button.setChecked(self._group.id(button) in picked)

    def pick(self, number: int) -> bool:
        if not 1 <= number <= len(self._rows) or not self.isEnabled():
            return False
        self._rows[number - 1].button.click()
        return True

    def lock(self, graded: GradedAnswer | None) -> None:
        super().lock(graded)
        if graded is None:
            return
        right = set(graded.right_answer)
        for row, (_, text) in zip(self._rows, self._options, strict=True):
            chosen = row.button.isChecked()
            if text in right:
                row.mark("✓", "right")
            elif chosen:
                row.mark("✗", "wrong")


class MatchingAnswer(AnswerWidget):
    def __init__(self, drawn: DrawnQuestion, placeholder: str) -> None:
        super().__init__()
        matching = drawn.question.matching
        self._pairs = matching.pairs if matching else ()
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)
        self._boxes: dict[int, QComboBox] = {}
        for row, index in enumerate(drawn.order):
            label = QLabel(_escape(self._pairs[index].prompt), wordWrap=True)
            box = QComboBox(objectName=f"match{row + 1}")
            box.addItem(placeholder, None)
            for choice in drawn.choices:
                box.addItem(choice, choice)
            box.setAccessibleName(self._pairs[index].prompt)
            # long options must not push the question past the right edge: the box is as wide as its column,
            # the list that drops down wraps them, and the tooltip shows the chosen one in full
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(10)
            box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            box.view().setTextElideMode(Qt.TextElideMode.ElideNone)
            box.view().setWordWrap(True)
            box.currentTextChanged.connect(box.setToolTip)
            box.currentIndexChanged.connect(lambda _=0: self.changed.emit())
            label.setBuddy(box)
            layout.addWidget(label, row, 0)
            layout.addWidget(box, row, 1)
            self._boxes[index] = box

    def response(self) -> Response | None:
        answers = tuple(self._boxes[i].currentData() if i in self._boxes else None for i in range(len(self._pairs)))
        return MatchingResponse(answers) if any(a is not None for a in answers) else None

    def set_response(self, response: Response) -> None:
        if isinstance(response, MatchingResponse):
            for index, value in enumerate(response.answers):
                box = self._boxes.get(index)
                if box is not None:
                    box.setCurrentIndex(max(0, box.findData(value)) if value is not None else 0)


class OrderingAnswer(AnswerWidget):
    def __init__(self, drawn: DrawnQuestion) -> None:
        super().__init__()
        items = drawn.question.ordering
        self._list = QListWidget(objectName="orderingList")
        self._list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self._list.setWordWrap(True)
        self._list.setAccessibleName(self.tr("Put the steps in order"))
        for index in drawn.order:
            item = QListWidgetItem(items[index])
            item.setData(Qt.ItemDataRole.UserRole, index)
            self._list.addItem(item)
        self._list.setCurrentRow(0)
        self._list.model().rowsMoved.connect(lambda *_: self.changed.emit())
        up = QPushButton(self.tr("▲ Up"), objectName="moveUpButton")
        down = QPushButton(self.tr("▼ Down"), objectName="moveDownButton")
        up.setToolTip(self.tr("Move the chosen step up (Alt+↑)"))
        down.setToolTip(self.tr("Move the chosen step down (Alt+↓)"))
        self._list.installEventFilter(self)
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(1))
        buttons = QVBoxLayout()
        buttons.addWidget(up)
        buttons.addWidget(down)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._list, 1)
        layout.addLayout(buttons)
        self._list.setMinimumHeight(min(360, 44 * len(items) + 8))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._list and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.modifiers() & Qt.KeyboardModifier.AltModifier \
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._move(-1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        return super().eventFilter(watched, event)

    def _move(self, delta: int) -> None:
        row = self._list.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self._list.count():
            return
        item = self._list.takeItem(row)
        self._list.insertItem(target, item)
        self._list.setCurrentRow(target)
        self.changed.emit()

    def response(self) -> Response | None:
        return OrderingResponse(tuple(int(self._list.item(i).data(Qt.ItemDataRole.UserRole))
                                      for i in range(self._list.count())))

    def set_response(self, response: Response) -> None:
        if isinstance(response, OrderingResponse):
            texts = {int(self._list.item(i).data(Qt.ItemDataRole.UserRole)): self._list.item(i).text()
                     for i in range(self._list.count())}
            self._list.clear()
            for index in response.order:
                item = QListWidgetItem(texts.get(index, ""))
                item.setData(Qt.ItemDataRole.UserRole, index)
                self._list.addItem(item)


class TextAnswer(AnswerWidget):
    def __init__(self, drawn: DrawnQuestion, placeholder: str) -> None:
        super().__init__()
        self.field = QLineEdit(objectName="answerField")
        self.field.setPlaceholderText(placeholder)
        self.field.setAccessibleName(placeholder)
        self.field.setMaxLength(500)
        self.field.textChanged.connect(lambda _: self.changed.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)

    def response(self) -> Response | None:
        return TextResponse(self.field.text()) if self.field.text().strip() else None

    def set_response(self, response: Response) -> None:
        if isinstance(response, TextResponse):
            self.field.setText(response.text)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        self.field.setFocus()


class ClozeAnswer(AnswerWidget):
    """One field or list per gap; the question text shows the gaps as [1], [2] …"""

    def __init__(self, drawn: DrawnQuestion, placeholder: str, gap_label: str) -> None:
        super().__init__()
        gaps = drawn.question.cloze.gaps if drawn.question.cloze else ()
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._inputs: list[QLineEdit | QComboBox] = []
        for number, gap in enumerate(gaps, 1):
            label = QLabel(gap_label.format(n=number))
            widget: QLineEdit | QComboBox
            if gap.kind is GapKind.CHOICE:
                widget = QComboBox(objectName=f"gap{number}")
                widget.addItem(placeholder, None)
                order = drawn.gap_orders[number - 1] if number - 1 < len(drawn.gap_orders) else range(len(gap.answers))
                for index in order:
                    widget.addItem(gap.answers[index].text, index)
                widget.currentIndexChanged.connect(lambda _=0: self.changed.emit())
            else:
                widget = QLineEdit(objectName=f"gap{number}")
                widget.setMaxLength(200)
                widget.textChanged.connect(lambda _: self.changed.emit())
            widget.setAccessibleName(gap_label.format(n=number))
            label.setBuddy(widget)
            layout.addWidget(label, number - 1, 0)
            layout.addWidget(widget, number - 1, 1)
            self._inputs.append(widget)
        layout.setColumnStretch(1, 1)

    def response(self) -> Response | None:
        values: list[str | int | None] = []
        for widget in self._inputs:
            if isinstance(widget, QComboBox):
                values.append(widget.currentData())
            else:
                values.append(widget.text() if widget.text().strip() else None)
        return ClozeResponse(tuple(values)) if any(v is not None for v in values) else None

    def set_response(self, response: Response) -> None:
        if isinstance(response, ClozeResponse):
            for widget, value in zip(self._inputs, response.values, strict=False):
                if isinstance(widget, QComboBox):
                    widget.setCurrentIndex(max(0, widget.findData(value)) if value is not None else 0)
                elif value is not None:
                    widget.setText(str(value))


class HotspotAnswer(AnswerWidget):
    """The picture, scaled to fit; a click marks the place (in the picture's own pixels)."""

    MAX_WIDTH = 960
    """Pictures are drawn at their own size when there is room (never enlarged), else scaled down smoothly."""

    def __init__(self, drawn: DrawnQuestion, missing_text: str) -> None:
        super().__init__()
        spec = drawn.question.hotspot
        self._regions = spec.regions if spec else ()
        self._pixmap = QPixmap(str(spec.image)) if spec and Path(spec.image).is_file() else QPixmap()
        self._point: QPointF | None = None
        self._show_regions = False
        self._missing = missing_text
        self.setObjectName("hotspotPicture")
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(120)

    def _scale(self) -> float:
        if self._pixmap.isNull():
            return 1.0
        return min(1.0, self.MAX_WIDTH / self._pixmap.width(), max(1, self.width()) / self._pixmap.width())

    def sizeHint(self) -> QSize:
        if self._pixmap.isNull():
            return QSize(400, 120)
        return QSize(min(self.MAX_WIDTH, self._pixmap.width()), int(self._pixmap.height() * self._scale()) + 2)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        if not self._pixmap.isNull():
            self.setFixedHeight(int(self._pixmap.height() * self._scale()) + 2)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._pixmap.isNull() or not self.isEnabled():
            return
        scale = self._scale()
        x, y = event.position().x() / scale, event.position().y() / scale
        if 0 <= x <= self._pixmap.width() and 0 <= y <= self._pixmap.height():
            self._point = QPointF(x, y)
            self.update()
            self.changed.emit()

    def click_at(self, x: float, y: float) -> None:
        """Mark a place in picture pixels (what a click there does; used by keyboard-free tests)."""
        self._point = QPointF(x, y)
        self.update()
        self.changed.emit()

    def response(self) -> Response | None:
        return HotspotResponse(round(self._point.x(), 1), round(self._point.y(), 1)) if self._point else None

    def set_response(self, response: Response) -> None:
        if isinstance(response, HotspotResponse):
            self._point = QPointF(response.x, response.y)
            self.update()

    def lock(self, graded: GradedAnswer | None) -> None:
        super().lock(graded)
        self._show_regions = graded is not None
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)  # small print in the picture stays legible
        if self._pixmap.isNull():
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._missing)
            return
        scale = self._scale()
        painter.drawPixmap(QRectF(0, 0, self._pixmap.width() * scale, self._pixmap.height() * scale),
                           self._pixmap, QRectF(self._pixmap.rect()))
        painter.scale(scale, scale)
        if self._show_regions:
            painter.setPen(QPen(QColor("#1B7F3B"), 4 / scale))
            for region in self._regions:
                if isinstance(region, Rect):
                    painter.drawRect(QRectF(region.x, region.y, region.w, region.h))
                elif isinstance(region, Circle):
                    painter.drawEllipse(QPointF(region.x, region.y), region.r, region.r)
                elif isinstance(region, Polygon):
                    painter.drawPolygon([QPointF(x, y) for x, y in region.points])
        if self._point is not None:
            painter.setPen(QPen(QColor("#B00020"), 4 / scale))
            radius = 12 / scale
            painter.drawEllipse(self._point, radius, radius)
            painter.drawLine(self._point - QPointF(radius, 0), self._point + QPointF(radius, 0))
            painter.drawLine(self._point - QPointF(0, radius), self._point + QPointF(0, radius))
