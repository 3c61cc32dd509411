"""The big board of the classroom quiz: the question, lettered option tiles and, once revealed, the explanation.

An ordering question shows its items shuffled; the reveal puts the tiles in the right order, each badge
with its place and letter («1·В»), and the hands (who put the item first) stay on their tiles.

The board places its children itself: it picks the largest type (and one or two columns of tiles)
at which everything fits the room it is given, so the room reads it from the back row.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QRect, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QSpinBox, QVBoxLayout, QWidget

from etrainer.core.classroom.quiz import ClassroomQuestion
from etrainer.core.quiz.grading import learner_source
from etrainer.core.quiz.model import QuestionKind
from etrainer.ui.classroom.projector import inline_html, largest_fitting, make_font, pixels, text_height
from etrainer.ui.common.numbers import format_percent

Markdown = Callable[[str], str]
"""Course markdown → sanitised HTML."""

MAX_RATIO = 50 / 768
FLOOR_RATIO = 37 / 768
"""28 pt at 96 DPI on a 768-pixel-high projector: below this the board splits the question from its options."""
LOW_RATIO = 18 / 768
CONTROL_RATIO = 24 / 768
BORDER = 6
QUESTION_SCALE = 1.05
"""The question's type relative to the options' (it is bold as well)."""
"""The widest tile border (a right answer's)."""

BOARD_CSS = """
QFrame#optionTile { background: #FFFFFF; border: 3px solid #1F4E79; border-radius: 10px; }
QFrame#optionTile[state="right"] { background: #E3F2E4; border: 6px solid #2E7D32; }
QFrame#optionTile[state="dim"] { background: #EFEFEC; border: 3px solid #8A8F98; }
QFrame#optionTile QLabel { background: transparent; color: #1B1B1B; }
QFrame#optionTile QLabel#optionLetter { background: #1F4E79; color: #FFFFFF; font-weight: bold; border-radius: 8px; }
QFrame#optionTile[state="right"] QLabel#optionLetter { background: #2E7D32; }
QFrame#optionTile[state="dim"] QLabel#optionLetter { background: #5F6368; }
QFrame#optionTile[state="dim"] QLabel#optionText { color: #3D3D3D; }
QLabel#optionShare { font-weight: bold; color: #1F4E79; }
QLabel#boardQuestion { color: #1B1B1B; background: transparent; }
QLabel#explanationText { background: #EAF1F8; border-left: 10px solid #1F4E79; color: #1B1B1B; }
"""


class OptionTile(QFrame):
    def __init__(self, letter: str, html_text: str, with_tally: bool, parent: QWidget | None = None,
                 first: bool = False) -> None:
        super().__init__(parent, objectName="optionTile")
        self.setProperty("state", "")
        self.letter = letter
        self.badge = QLabel(letter, objectName="optionLetter", alignment=Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel(html_text, objectName="optionText", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.spin: QSpinBox | None = None
        self.share = QLabel(objectName="optionShare", alignment=Qt.AlignmentFlag.AlignCenter)
        self.share.hide()
        layout = QHBoxLayout(self)
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.text, 1)
        if with_tally:
            self.spin = QSpinBox(objectName=f"handsSpin_{letter}", maximum=999)
            name = (QCoreApplication.translate("ClassroomQuiz", "Hands for {letter} first") if first
                    else QCoreApplication.translate("ClassroomQuiz", "Hands for {letter}"))
            self.spin.setAccessibleName(name.format(letter=letter))
            column = QVBoxLayout()
            column.addStretch(1)
            column.addWidget(self.spin)
            column.addWidget(self.share)
            column.addStretch(1)
            layout.addLayout(column)

    def set_state(self, state: str) -> None:
        self.setProperty("state", state)
        for widget in (self, self.badge, self.text):
            widget.style().unpolish(widget)
            widget.style().polish(widget)


class QuizBoard(QWidget):
    hands_changed = Signal(str, int)
    """(letter, hands) typed in by the trainer."""

    def __init__(self, markdown: Markdown, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="quizBoard")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self._markdown = markdown
        self._question_label = QLabel(self, objectName="boardQuestion", wordWrap=True,
                                      textFormat=Qt.TextFormat.RichText)
        self._explanation = QLabel(self, objectName="explanationText", wordWrap=True,
                                   textFormat=Qt.TextFormat.RichText)
        self._explanation.hide()
        self.tiles: list[OptionTile] = []
        self._question: ClassroomQuestion | None = None
        self._revealed = False
        self._css = ""
        self.body_pixels = 0
        """The option text size chosen by the last layout (for checks and screenshots)."""
        self.columns = 1
        self.split = False
        """The question and its options do not fit together at the floor size: they are shown one after the other."""
        self.part = "question"
        """While split: "question" (alone), "options", "options-2" (the second half) or "why" (the explanation)."""
        self.parts: list[str] = ["options"]
        """The parts the current question is shown in (one, "options", when it all fits at the floor)."""
        self._with_question = True
        self._shown: list[OptionTile] = []
        """The tiles laid out now (all of them, or one half when long options need two pages)."""
        self.pages = 1

    # -- content --------------------------------------------------------------------------------------
    def show_question(self, question: ClassroomQuestion, with_tally: bool, hands: tuple[int, ...]) -> None:
        self._question = question
        self._revealed = False
        text = inline_html(self._markdown(question.text))
        if question.kind is QuestionKind.ORDERING:
            hint = QCoreApplication.translate("ClassroomQuiz", "Put them in the right order.")
            text += f"<br><i>{html.escape(hint)}</i>"
        self._question_label.setText(text)
        for tile in self.tiles:
            tile.hide()
            tile.setParent(None)
            tile.deleteLater()
        self.tiles = []
        for option, count in zip(question.options, hands, strict=False):
            text = QCoreApplication.translate("Quiz", option.text) if option.translatable else option.text
            tile = OptionTile(option.letter, inline_html(self._markdown(text)), with_tally, self,
                              first=question.kind is QuestionKind.ORDERING)
            if tile.spin is not None:
                tile.spin.setValue(count)
                tile.spin.valueChanged.connect(lambda value, letter=option.letter: self.hands_changed.emit(letter,
                                                                                                          value))
            tile.show()
            self.tiles.append(tile)
        self._explanation.hide()
        self.part = "question"
        self.relayout()

    def show_part(self, part: str) -> None:
        """While split, show the question alone ("question") or the options ("options")."""
        self.part = part
        self.relayout()

    def toggle_part(self) -> None:
        """The next part: question → options (→ their second half) (→ the explanation) → the first again."""
        order = self.parts
        self.show_part(order[(order.index(self.part) + 1) % len(order)] if self.part in order else order[0])

    def reveal(self, hands: tuple[int, ...]) -> None:
        question = self._question
        if question is None:
            return
        self._revealed = True
        total = sum(hands)
        ordering = question.kind is QuestionKind.ORDERING
        for tile, option, count in zip(self.tiles, question.options, hands, strict=False):
            if ordering:
                tile.badge.setText(f"{option.rank}·{option.letter}")
                tile.set_state("right")
            else:
                tile.badge.setText(f"{option.letter} ✓" if option.correct else option.letter)
                tile.set_state("right" if option.correct else "dim")
            if tile.spin is not None:
                tile.share.setText(format_percent(round(100 * count / total)) if total else "—")
                tile.share.show()
        if ordering:  # the tiles in the right order
            rank = {option.letter: option.rank for option in question.options}
            self.tiles.sort(key=lambda tile: rank.get(tile.letter, 0))
        parts = []
        if question.explanation:
            label = QCoreApplication.translate("ClassroomQuiz", "Why:")
            parts.append(f"<b>{html.escape(label)}</b> {inline_html(self._markdown(question.explanation))}")
        if learner_source(question.source):
            label = QCoreApplication.translate("ClassroomQuiz", "Source:")
            parts.append(f"<i>{html.escape(label)} {html.escape(learner_source(question.source))}</i>")
        self._explanation.setText("<br>".join(parts))
        self._explanation.setVisible(bool(parts))
        right = 0 if ordering else next((i for i, option in enumerate(question.options) if option.correct), 0)
        self.part = "options-2" if self.pages == 2 and right >= (len(self.tiles) + 1) // 2 else "options"
        self.relayout()

    def update_shares(self, hands: tuple[int, ...]) -> None:
        if self._revealed and self._question is not None:
            total = sum(hands)
            counts = {option.letter: count for option, count in zip(self._question.options, hands, strict=False)}
            for tile in self.tiles:  # by letter: an ordering question's tiles are in the right order by now
                count = counts.get(tile.letter, 0)
                tile.share.setText(format_percent(round(100 * count / total)) if total else "—")

    # -- layout ---------------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.relayout()

    def relayout(self) -> None:
        """Lay the board out at the largest type that fits; when 28 pt (the floor) does not fit, show it in
        parts, each at the floor or more: [the question alone,] the options [in two halves] [, the
        explanation after the reveal]."""
        if self._question is None or self.width() < 50 or self.height() < 50:
            return
        control = pixels(self, CONTROL_RATIO)
        low, high, floor = pixels(self, LOW_RATIO), pixels(self, MAX_RATIO), pixels(self, FLOOR_RATIO)
        choices = [1, 2] if len(self.tiles) >= 2 else [1]

        def best_fit() -> tuple[int, int]:
            return max((largest_fitting(lambda px, c=c: self._height(px, c, control) <= self.height(), low, high),
                        -c) for c in choices)

        explain = self._revealed and bool(self._explanation.text())
        self._with_question, self._shown, self.pages = True, list(self.tiles), 1
        self._explanation.setVisible(explain)
        best = best_fit()
        self.split = best[0] < floor
        question_apart = False
        if self.split:
            self._explanation.setVisible(False)
            best = best_fit()  # the question with its options, the explanation on a page of its own
            question_apart = best[0] < floor
            if question_apart:
                self._with_question = False
                best = best_fit()
                if best[0] < floor and len(self.tiles) >= 4:
                    self.pages = 2
        self.parts = ((["question"] if question_apart else []) + ["options"] + (["options-2"] if self.pages == 2
                      else []) + (["why"] if self.split and explain else []))
        if self.part not in self.parts:
            self.part = self.parts[0]
        if self.part == "why":
            self._show_alone(self._explanation, lambda px: text_height(self._explanation.text(), make_font(
                round(px * 0.9)), self.width() - 2 * max(6, round(px * 0.3)) - 10) * 1.05 <= self.height(),
                low, high, control)
            return
        if self.part == "question":
            self._show_alone(self._question_label,
                             lambda px: self._question_height(px) * 1.02 <= self.height(), low, high, control)
            return
        if self.pages == 2:  # long options: half of them per page
            half = (len(self.tiles) + 1) // 2
            self._shown = self.tiles[half:] if self.part == "options-2" else self.tiles[:half]
            best = best_fit()
        self.body_pixels, self.columns = best[0], -best[1]
        self._question_label.setVisible(self._with_question)
        for tile in self.tiles:
            tile.setVisible(tile in self._shown)
        self._explanation.setVisible(explain and not self.split)
        self._apply_fonts(self.body_pixels, control)
        self._place(self.body_pixels, self.columns, control)

    def _show_alone(self, label: QLabel, fits: Callable[[int], bool], low: int, high: int, control: int) -> None:
        """One label over the whole board (the explanation while split), as large as it fits."""
        size = largest_fitting(fits, low, high)
        self._apply_fonts(size, control)
        self.body_pixels = round(size * 0.9) if label is self._explanation else size  # the explanation's own size
        for widget in (self._question_label, self._explanation, *self.tiles):
            widget.setVisible(widget is label)
        label.setGeometry(0, 0, self.width(), self.height())

    def _metrics(self, px: int, columns: int, control: int) -> dict[str, int]:
        pad, gap = max(6, round(px * 0.3)), max(8, round(px * 0.4))
        badge = round(px * (2.9 if self._revealed else 1.7))
        tally = round(control * 3.8) if self.tiles and self.tiles[0].spin is not None else 0
        tile_width = (self.width() - gap * (columns - 1)) // columns
        text_width = tile_width - 2 * pad - 2 * BORDER - badge - pad - (tally + pad if tally else 0)
        return {"pad": pad, "gap": gap, "badge": badge, "tally": tally, "tile": tile_width, "text": text_width}

    def _height(self, px: int, columns: int, control: int) -> float:
        m = self._metrics(px, columns, control)
        question = self._question
        if question is None or m["text"] < px * 4:
            return float("inf")
        total = self._question_height(px) if getattr(self, "_with_question", True) else -m["gap"]
        heights = self._tile_heights(px, m, control)
        rows = [max(heights[i:i + columns]) for i in range(0, len(heights), columns)]
        total += m["gap"] + sum(rows) + m["gap"] * (len(rows) - 1)
        if self._explanation.isVisibleTo(self):
            total += m["gap"] + text_height(self._explanation.text(), make_font(round(px * 0.9)),
                                            self.width() - 2 * m["pad"] - 10) + 2 * m["pad"]
        return total * 1.02

    def _question_height(self, px: int) -> float:
        return text_height(self._question_label.text(), make_font(round(px * QUESTION_SCALE), True), self.width())

    def _tile_heights(self, px: int, m: dict[str, int], control: int) -> list[int]:
        tally_height = round(control * 1.8) * (2 if self._revealed else 1) if m["tally"] else 0
        return [round(max(text_height(tile.text.text(), make_font(px), m["text"]), px * 1.5, tally_height))
                + 2 * m["pad"] + 2 * BORDER for tile in self._shown]

    def _apply_fonts(self, px: int, control: int) -> None:
        css = BOARD_CSS + (
            f"QLabel#boardQuestion {{ font-size: {round(px * QUESTION_SCALE)}px; font-weight: bold; }}\n"
            f"QLabel#optionText {{ font-size: {px}px; }}\n"
            f"QLabel#optionLetter {{ font-size: {round(px * 1.2)}px; }}\n"
            f"QLabel#optionShare, QSpinBox {{ font-size: {control}px; }}\n"
            f"QLabel#explanationText {{ font-size: {round(px * 0.9)}px; padding: {round(px * 0.3)}px; }}\n")
        if css != self._css:
            self._css = css
            self.setStyleSheet(css)

    def _place(self, px: int, columns: int, control: int) -> None:
        m = self._metrics(px, columns, control)
        width = self.width()
        if self._with_question:
            question_height = round(self._question_height(px))
            self._question_label.setGeometry(0, 0, width, question_height + 4)
            y = question_height + m["gap"]
        else:
            y = 0
        heights = self._tile_heights(px, m, control)
        for start in range(0, len(self._shown), columns):
            row_height = max(heights[start:start + columns])
            for offset, tile in enumerate(self._shown[start:start + columns]):
                x = offset * (m["tile"] + m["gap"])
                tile.setGeometry(QRect(x, y, m["tile"], row_height))
                tile.layout().setContentsMargins(m["pad"], m["pad"], m["pad"], m["pad"])
                tile.layout().setSpacing(m["pad"])
                tile.badge.ensurePolished()  # its letter (and ✓) at the size the style sheet gives it, never cut
                tile.badge.setFixedSize(m["badge"], max(round(px * 1.75), tile.badge.sizeHint().height()))
                if tile.spin is not None:
                    tile.spin.setFixedSize(m["tally"], round(control * 1.7))
            y += row_height + m["gap"]
        if self._explanation.isVisibleTo(self):
            self._explanation.setGeometry(0, y, width, max(0, self.height() - y))
