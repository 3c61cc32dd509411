"""The World Café screens after set-up: the round timer, the rotation screen, the hosts' notes and the harvest.

Each page only shows what the window gives it and reports buttons as signals; the window drives the
session (core.classroom.world_cafe) and saves it.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from etrainer.core.classroom.quiz import format_clock
from etrainer.core.classroom.world_cafe import LAST_ROUND_OVER, ROTATION, CafeSession, QuestionPlan
from etrainer.ui.classroom.projector import FitLabel


def _cafe(text: str) -> str:
    return QCoreApplication.translate("WorldCafe", text)


def _round_questions_html(session: CafeSession, round_index: int) -> str:
    setup = session.setup
    if setup.plan is QuestionPlan.PER_ROUND or len(setup.round_questions(round_index)) == 1:
        return html.escape(setup.question_for(0, round_index).text)
    return "<br>".join(f"<b>{html.escape(table.name)}:</b> {html.escape(setup.question_for(i, round_index).text)}"
                       for i, table in enumerate(setup.tables))


def _unbroken(text: str) -> str:
    return html.escape(text).replace(" ", "&nbsp;")


def _button(text: str, name: str, primary: bool = False) -> QPushButton:
    button = QPushButton(text, objectName=name)
    if primary:
        button.setProperty("primary", True)
    return button


class TimerPage(QWidget):
    pause_clicked = Signal()
    add_minute_clicked = Signal()
    end_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="cafeTimer")
        self.round_label = QLabel(objectName="cafeRound", alignment=Qt.AlignmentFlag.AlignCenter)
        self.question = FitLabel("cafeQuestion", 44 / 768, 20 / 768)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.digits = QLabel(objectName="cafeDigits", alignment=Qt.AlignmentFlag.AlignCenter)
        self.rotation = QLabel(objectName="cafeRotationHint", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter,
                               textFormat=Qt.TextFormat.RichText)
        self.pause = _button("", "pauseButton")
        self.pause.clicked.connect(self.pause_clicked.emit)
        more = _button(self.tr("+1 min"), "addMinuteButton")
        more.clicked.connect(self.add_minute_clicked.emit)
        end = _button(self.tr("End the round now"), "endRoundButton")
        end.clicked.connect(self.end_clicked.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(end)
        buttons.addStretch(1)
        buttons.addWidget(more)
        buttons.addWidget(self.pause)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.round_label)
        layout.addWidget(self.question, 1)
        layout.addWidget(self.digits)
        layout.addWidget(self.rotation)
        layout.addLayout(buttons)

    def show_round(self, session: CafeSession) -> None:
        self.round_label.setText(self.tr("Round {n} of {total}").format(n=session.round_index + 1,
                                                                         total=session.setup.rounds))
        self.question.setText(_round_questions_html(session, session.round_index))
        after = _cafe(LAST_ROUND_OVER) if session.is_last_round else _cafe(ROTATION)
        self.rotation.setText(html.escape(self.tr("When the time is up:")) + "<br>" + html.escape(after))
        self.update_time(session)

    def update_time(self, session: CafeSession) -> None:
        self.digits.setText(format_clock(session.timer.remaining()))
        running = session.timer.running
        self.pause.setText(self.tr("❚❚ Pause (Space)") if running else self.tr("▶ Resume (Space)"))
        state = "" if running else "paused"
        if self.digits.property("state") != state:
            self.digits.setProperty("state", state)
            self.digits.style().unpolish(self.digits)
            self.digits.style().polish(self.digits)


class RotationPage(QWidget):
    notes_clicked = Signal()
    next_clicked = Signal()
    harvest_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="cafeRotation")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.title = QLabel(objectName="rotationTitle", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.instruction = FitLabel("rotationText", 56 / 768, 24 / 768, bold=True)
        self.instruction.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.moves = FitLabel("rotationMoves", 40 / 768, 18 / 768)
        self.moves.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.upcoming = FitLabel("rotationNext", 40 / 768, 18 / 768)
        self.upcoming.setAlignment(Qt.AlignmentFlag.AlignCenter)
        notes = _button(self.tr("✎ Hosts' notes"), "notesButton")
        notes.clicked.connect(self.notes_clicked.emit)
        self.next = _button("", "nextRoundButton", primary=True)
        self.next.clicked.connect(self.next_clicked.emit)
        self.harvest = _button(self.tr("Harvest ▸"), "harvestButton", primary=True)
        self.harvest.clicked.connect(self.harvest_clicked.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(notes)
        buttons.addStretch(1)
        buttons.addWidget(self.harvest)
        buttons.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 14, 14, 14)
        layout.addWidget(self.title)
        layout.addWidget(self.instruction, 2)
        layout.addWidget(self.moves, 2)
        layout.addWidget(self.upcoming, 2)
        layout.addLayout(buttons)

    def show_rotation(self, session: CafeSession) -> None:
        setup, done = session.setup, session.round_index + 1
        self.title.setText(self.tr("Time! Round {n} of {total} is over.").format(n=done, total=setup.rounds))
        last = session.is_last_round
        self.instruction.setText(html.escape(_cafe(LAST_ROUND_OVER) if last else _cafe(ROTATION)))
        moves = "" if last else " &nbsp;·&nbsp; ".join(f"{_unbroken(a.name)}&nbsp;→&nbsp;{_unbroken(b.name)}"
                                                      for a, b in setup.moves())
        self.moves.setText(moves)
        self.moves.setVisible(bool(moves))
        if last:
            self.upcoming.setText("")
        else:
            heading = html.escape(self.tr("Round {n}:").format(n=done + 1))
            self.upcoming.setText(f"<b>{heading}</b> {_round_questions_html(session, done)}")
        self.upcoming.setVisible(not last)
        self.next.setText(self.tr("Start round {n} ▸").format(n=done + 1))
        self.next.setVisible(not last)
        if self.harvest.property("primary") != last:
            self.harvest.setProperty("primary", last)
            self.harvest.style().unpolish(self.harvest)
            self.harvest.style().polish(self.harvest)


class NotesPage(QWidget):
    back_clicked = Signal()
    note_edited = Signal(int, int, str)
    """(table, round, text), both 0-based."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="cafeNotes")
        self.title = QLabel(self.tr("Hosts' notes"), objectName="notesTitle")
        self.round_combo = QComboBox(objectName="notesRound")
        self.round_combo.currentIndexChanged.connect(self._on_round_changed)
        hint = QLabel(self.tr("Key ideas of each table, in the hosts' words — no visitors' personal data."),
                      objectName="hintLabel", wordWrap=True)
        back = _button(self.tr("◂ Back"), "notesBackButton")
        back.clicked.connect(self.back_clicked.emit)
        self._grid = QGridLayout()
        self.edits: list[QPlainTextEdit] = []
        self._session: CafeSession | None = None
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.round_combo)
        bottom = QHBoxLayout()
        bottom.addWidget(back)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addLayout(self._grid, 1)
        layout.addLayout(bottom)

    def show_notes(self, session: CafeSession, round_index: int) -> None:
        self._session = session
        if len(self.edits) != len(session.setup.tables):
            self._build(session)
        self.round_combo.blockSignals(True)
        self.round_combo.clear()
        for n in range(1, session.rounds_played() + 1):
            self.round_combo.addItem(self.tr("Round {n}").format(n=n))
        self.round_combo.setCurrentIndex(round_index)
        self.round_combo.blockSignals(False)
        self._fill(round_index)

    def _build(self, session: CafeSession) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.edits = []
        columns = 2 if len(session.setup.tables) > 1 else 1
        for index, table in enumerate(session.setup.tables):
            title = f"{table.name} — {table.host}" if table.host else table.name
            box = QGroupBox(title, objectName=f"noteBox_{index}")
            edit = QPlainTextEdit(objectName=f"note_{index}")
            edit.textChanged.connect(lambda index=index: self._on_text_changed(index))
            QVBoxLayout(box).addWidget(edit)
            self._grid.addWidget(box, index // columns, index % columns)
            self.edits.append(edit)

    def _fill(self, round_index: int) -> None:
        if self._session is None:
            return
        for index, edit in enumerate(self.edits):
            edit.blockSignals(True)
            edit.setPlainText(self._session.note(index, round_index))
            edit.blockSignals(False)

    def _on_round_changed(self, round_index: int) -> None:
        if round_index >= 0:
            self._fill(round_index)

    def _on_text_changed(self, index: int) -> None:
        self.note_edited.emit(index, self.round_combo.currentIndex(), self.edits[index].toPlainText())


class HarvestPage(QWidget):
    table_chosen = Signal(int)
    """-1: the whole harvest."""
    notes_clicked = Signal()
    markdown_clicked = Signal()
    pdf_clicked = Signal()
    close_clicked = Signal()
    harvest_notes_edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="cafeHarvest")
        self.title = QLabel(objectName="harvestTitle")
        self.view = QTextBrowser(objectName="harvestView", openLinks=False)
        self.common = QPlainTextEdit(objectName="harvestNotes",
                                     placeholderText=self.tr("Common findings and agreements of the day…"))
        self.common.textChanged.connect(lambda: self.harvest_notes_edited.emit(self.common.toPlainText()))
        self._names: list[str] = []
        self.current = -1
        self._which = QLabel(objectName="harvestWhich")
        previous = _button(self.tr("◂ Table"), "previousTableButton")
        previous.clicked.connect(lambda: self.step(-1))
        following = _button(self.tr("Table ▸"), "nextTableButton")
        following.clicked.connect(lambda: self.step(1))
        everyone = self._everyone = _button(self.tr("All tables"), "allTablesButton")
        everyone.clicked.connect(lambda: self.choose(-1))
        self._tables = QHBoxLayout()
        self._tables.addWidget(self.title, 1)
        for widget in (previous, self._which, following):
            self._tables.addWidget(widget)
        self._tables.addWidget(everyone)
        buttons = QHBoxLayout()
        for text, name, signal in ((self.tr("Close"), "harvestCloseButton", self.close_clicked),
                                   (self.tr("✎ Notes"), "harvestNotesButton", self.notes_clicked),
                                   (self.tr("Export to Markdown…"), "exportMarkdownButton", self.markdown_clicked),
                                   (self.tr("Export to PDF…"), "exportPdfButton", self.pdf_clicked)):
            button = _button(text, name)
            button.clicked.connect(signal.emit)
            buttons.addWidget(button)
            if name == "harvestNotesButton":
                buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._tables)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.common)
        layout.addLayout(buttons)

    def show_harvest(self, session: CafeSession) -> None:
        self.title.setText(self.tr("Harvest"))
        self.title.setToolTip(session.setup.title)
        self._names = [table.name for table in session.setup.tables]
        self.common.blockSignals(True)
        self.common.setPlainText(session.harvest_notes)
        self.common.blockSignals(False)
        self.choose(-1)

    def choose(self, index: int) -> None:
        """Show table `index` (0-based) for its mini-presentation, or -1 for the whole harvest."""
        count = len(self._names)
        self.current = index if -1 <= index < count else -1
        self._which.setText(self.tr("All tables") if self.current < 0 else
                            self.tr("{table} ({n} of {total})").format(table=self._names[self.current],
                                                                      n=self.current + 1, total=count))
        self._everyone.setEnabled(self.current >= 0)
        self.table_chosen.emit(self.current)

    def step(self, delta: int) -> None:
        """The next (or previous) table, going round through "all tables"."""
        count = len(self._names)
        self.choose((self.current + 1 + delta) % (count + 1) - 1)
