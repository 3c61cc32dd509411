"""The classroom quiz window: a set-up form, then one big question at a time, then the session summary.

Keys while playing: Space starts (or pauses) the countdown, R reveals the answer, N goes to the next
question; → / PageDown (a presentation clicker) does the next step; F11 toggles full screen; Esc leaves
full screen. The summary is the trainer's file: it is never written into any learner's progress.
"""

from __future__ import annotations

import dataclasses
import random
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from etrainer.core.classroom.quiz import (
    ClassroomSession,
    ClassroomSettings,
    ClassroomSummary,
    Clock,
    Stage,
    TallyMode,
    format_clock,
    pick_questions,
)
from etrainer.core.classroom.summary import save_summary, summary_markdown
from etrainer.core.course.model import Course
from etrainer.core.course.reader import context_for
from etrainer.core.markdown import RenderContext, render_lesson
from etrainer.core.quiz.model import QuestionKind, Quiz
from etrainer.ui.classroom import projector
from etrainer.ui.classroom.quiz_board import QuizBoard
from etrainer.ui.classroom.quiz_setup import QuizSetupPage
from etrainer.ui.common.errors import show_message
from etrainer.ui.theme import Theme, current_theme, lesson_css, screen_colours

if TYPE_CHECKING:
    from etrainer.ui.classroom.voting_panel import VotingPanel

TICK_MS = 200
CONTROL_RATIO = 24 / 768
"""Buttons and spin boxes for the trainer: about 18 pt at 1024×768."""
KEY_TEXT = {"r": "reveal", "к": "reveal", "n": "next", "т": "next", " ": "space", "o": "part", "щ": "part"}


def _summary_label(text: str) -> str:
    return QCoreApplication.translate("ClassroomSummary", text)


class ClassroomQuizWindow(QWidget):
    """Set-up → play → summary, in one window meant for the projector."""

    def __init__(self, course: Course, quiz: Quiz | None = None, clock: Clock = time.monotonic,
                 rng: random.Random | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="classroomQuizWindow")
        self.setWindowTitle(self.tr("Classroom quiz"))
        self.session: ClassroomSession | None = None
        self._course, self._clock, self._rng = course, clock, rng or random.Random()
        self._context = context_for(course)
        self._was_time_up = False
        self.voting: VotingPanel | None = None
        """Voting from phones, while a session that uses it runs."""
        self._pages = QStackedWidget(objectName="classroomPages")
        self.setup_page = QuizSetupPage(course, quiz)
        self.setup_page.start_requested.connect(self._on_setup_ready)
        self.setup_page.close_requested.connect(self.close)
        self._pages.addWidget(self.setup_page)
        self._pages.addWidget(self._build_play())
        self._pages.addWidget(self._build_summary())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addWidget(self._pages)
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self._on_tick)

    # -- play -----------------------------------------------------------------------------------------
    def _build_play(self) -> QWidget:
        page = QWidget(objectName="classroomPlay")
        self._progress = QLabel(objectName="questionProgress")
        self._stage_label = QLabel(objectName="stageLabel")
        self._digits = QLabel(objectName="countdownDigits", alignment=Qt.AlignmentFlag.AlignRight)
        self._board = QuizBoard(self._html)
        self._board.hands_changed.connect(self._on_hands_changed)
        self._scoreboard = QWidget(objectName="scoreboard")
        self._scoreboard_layout = QHBoxLayout(self._scoreboard)
        self._scoreboard_layout.setContentsMargins(0, 0, 0, 0)
        self._team_spins: list[QSpinBox] = []
        self._team_totals: list[QLabel] = []
        self._start_button = QPushButton(objectName="countdownButton")
        self._start_button.clicked.connect(self._on_space)
        self._reveal_button = QPushButton(self.tr("✓ Reveal (R)"), objectName="revealButton")
        self._reveal_button.clicked.connect(self._on_reveal)
        self._next_button = QPushButton(objectName="nextButton")
        self._next_button.clicked.connect(self._on_next)
        self._part_button = QPushButton(objectName="partButton")
        self._part_button.setToolTip(self.tr("A long question is shown alone first, in large type; then its options"))
        self._part_button.clicked.connect(self._on_part)
        finish = QPushButton(self.tr("End"), objectName="endQuizButton")
        finish.clicked.connect(self._on_finish)
        header = QHBoxLayout()
        words = QVBoxLayout()
        words.setSpacing(0)
        words.addWidget(self._progress)
        words.addWidget(self._stage_label)
        header.addLayout(words, 1)
        header.addWidget(self._part_button, 0, Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(self._digits)
        controls = QHBoxLayout()
        controls.addWidget(finish)
        controls.addStretch(1)
        for button in (self._start_button, self._reveal_button, self._next_button):
            controls.addWidget(button)
        header.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(header)
        self._board_row = QHBoxLayout()
        self._board_row.addWidget(self._board, 1)
        layout.addLayout(self._board_row, 1)
        layout.addWidget(self._scoreboard)
        layout.addLayout(controls)
        return page

    def _on_setup_ready(self, quiz: Quiz, settings: ClassroomSettings) -> None:
        questions = pick_questions(quiz, settings.count, self._rng, self._course.quizzes)
        host = self.setup_page.phones_host()
        if host is not None and not self.start_voting(host):
            return
        self.start(ClassroomSession(quiz.title, questions, settings, self._clock))

    def start_voting(self, host: str, port: int | None = None) -> bool:
        """Start the phones' server on `host` beside the board; False (the trainer is told why) when it cannot."""
        from etrainer.services.voting.server import DEFAULT_PORT, VotingServerError
        from etrainer.ui.classroom.voting_panel import VotingPanel

        self.stop_voting()
        panel = VotingPanel(host, port=DEFAULT_PORT if port is None else port)
        try:
            panel.start()
        except VotingServerError as error:
            panel.deleteLater()
            show_message(self, self.tr("Classroom quiz"),
                         self.tr("Voting from phones cannot start on {address}: {reason}. Choose another address "
                                 "or check the network.").format(address=host, reason=error))
            return False
        self.voting = panel
        self._board_row.addWidget(panel, 0)
        self._apply_sizes()
        return True

    def stop_voting(self) -> None:
        """Stop the phones' server (the session ended, a new one starts, or the window closes)."""
        if self.voting is not None:
            self.voting.stop()
            self.voting.hide()
            self.voting.setParent(None)
            self.voting.deleteLater()
            self.voting = None

    def _html(self, text: str) -> str:
        return render_lesson(text, self._context).html

    def start(self, session: ClassroomSession) -> None:
        """Play `session` (the set-up form calls this; tests may call it directly)."""
        self.session = session
        self._build_scoreboard(session.settings.teams if session.settings.mode is TallyMode.TEAMS else ())
        self._pages.setCurrentIndex(1)
        self._show_current()
        self._timer.start()
        self.setFocus()

    def _build_scoreboard(self, teams: tuple[str, ...]) -> None:
        while self._scoreboard_layout.count():
            item = self._scoreboard_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self._team_spins, self._team_totals = [], []
        for index, team in enumerate(teams):
            name = QLabel(team, objectName="teamName")
            spin = QSpinBox(objectName=f"teamSpin_{index}", maximum=99)
            spin.setAccessibleName(self.tr("Points of {team} for this question").format(team=team))
            spin.installEventFilter(self)
            spin.valueChanged.connect(lambda value, team=team: self._on_points_changed(team, value))
            total = QLabel(objectName=f"teamTotal_{index}")
            total.setProperty("role", "teamTotal")
            for widget in (name, spin, total):
                self._scoreboard_layout.addWidget(widget)
            self._scoreboard_layout.addSpacing(18)
            self._team_spins.append(spin)
            self._team_totals.append(total)
        self._scoreboard_layout.addStretch(1)
        self._scoreboard.setVisible(bool(teams))

    def _show_current(self) -> None:
        session = self.session
        if session is None:
            return
        if session.stage is Stage.FINISHED:
            self._show_summary()
            return
        hands_mode = session.settings.mode is TallyMode.HANDS
        self._board.show_question(session.current, hands_mode, session.hands())
        for tile in self._board.tiles:
            if tile.spin is not None:
                tile.spin.installEventFilter(self)
                tile.spin.setVisible(self.voting is None)  # the phones count; their tally stays hidden
        for spin, points in zip(self._team_spins, session.points(), strict=False):
            spin.blockSignals(True)
            spin.setValue(points)
            spin.blockSignals(False)
        if session.stage is Stage.REVEALED:
            self._board.reveal(session.hands())
        self._progress.setText(self.tr("Question {n} of {total}").format(n=session.index + 1,
                                                                          total=len(session.questions)))
        self._next_button.setText(self.tr("Results ▸ (N)") if session.is_last else self.tr("Next ▸ (N)"))
        self._was_time_up = False
        self._refresh()

    def _refresh(self) -> None:
        session = self.session
        if session is None or session.stage is Stage.FINISHED:
            return
        countdown = session.countdown
        self._digits.setText(format_clock(countdown.remaining()))
        if session.stage is Stage.QUESTION:
            stage, state = self.tr("Read the question"), ""
            button = self.tr("▶ Start (Space)")
        elif session.stage is Stage.REVEALED:
            stage, state, button = self.tr("The right answer"), "right", self.tr("▶ Start (Space)")
        elif session.time_up() and self.voting is not None:
            stage, state, button = self.tr("Time is up!"), "over", self.tr("❚❚ Pause (Space)")
        elif session.time_up():
            stage, state, button = self.tr("Time is up! Keep your hands up"), "over", self.tr("❚❚ Pause (Space)")
        elif countdown.running and self.voting is not None:
            stage, state, button = self.tr("Vote now on your phones!"), "running", self.tr("❚❚ Pause (Space)")
        elif countdown.running and self._first_item_hands():
            stage, state, button = self.tr("Hands up: which comes first?"), "running", self.tr("❚❚ Pause (Space)")
        elif countdown.running:
            stage, state, button = self.tr("Vote now: raise your hand!"), "running", self.tr("❚❚ Pause (Space)")
        else:
            stage, state, button = self.tr("Paused"), "paused", self.tr("▶ Resume (Space)")
        self._stage_label.setText(stage)
        self._start_button.setText(button)
        self._start_button.setEnabled(session.stage is Stage.QUESTION or (session.stage is Stage.VOTING
                                                                         and not session.time_up()))
        self._reveal_button.setEnabled(session.stage is not Stage.REVEALED)
        parts = self._board.parts
        self._part_button.setVisible(len(parts) > 1)
        following = parts[(parts.index(self._board.part) + 1) % len(parts)] if self._board.part in parts else ""
        labels = {"options": self.tr("Options ▸ (O)"), "options-2": self.tr("More ▸ (O)"),
                  "why": self.tr("Why? ▸ (O)"), "question": self.tr("Question (O)")}
        self._part_button.setText(labels.get(following, self.tr("More ▸ (O)")))
        for widget in (self._digits, self._stage_label):
            if widget.property("state") != state:
                widget.setProperty("state", state)
                widget.style().unpolish(widget)
                widget.style().polish(widget)
        totals = dict(session.summary().team_totals())
        for label, team in zip(self._team_totals, session.settings.teams, strict=False):
            label.setText(self.tr("= {points}").format(points=totals.get(team, 0)))

    def _first_item_hands(self) -> bool:
        """An ordering question counted by hands: the room raises hands for the item each puts first."""
        session = self.session
        return (session is not None and session.settings.mode is TallyMode.HANDS
                and session.current.kind is QuestionKind.ORDERING)

    def _on_tick(self) -> None:
        session = self.session
        if session is None or session.stage is not Stage.VOTING:
            return
        time_up = session.time_up()
        if time_up and not self._was_time_up:
            projector.beep()
        self._was_time_up = time_up
        self._refresh()

    def _on_space(self) -> None:
        if self.session is not None:
            opening = self.session.stage is Stage.QUESTION
            self.session.start_voting()
            if self.voting is not None and opening:
                self.voting.open(self.session.current, self.session.index, len(self.session.questions),
                                 self.session.countdown.remaining())
            elif self.voting is not None and self.session.stage is Stage.VOTING:
                (self.voting.resume if self.session.countdown.running else self.voting.pause)()
            self._board.show_part("options")  # the room votes looking at the options
            self._refresh()

    def _on_part(self) -> None:
        self._board.toggle_part()
        self._refresh()

    def _on_reveal(self) -> None:
        if self.session is not None and self.session.stage in (Stage.QUESTION, Stage.VOTING):
            self.session.reveal()
            counts = self.voting.reveal() if self.voting is not None else None
            if counts is not None:
                for option, count in zip(self.session.current.options, counts, strict=False):
                    self.session.set_hands(option.letter, count)
            self._board.reveal(self.session.hands())
            self._refresh()

    def _on_next(self) -> None:
        if self.session is not None:
            if self.voting is not None:
                self.voting.wait()
            self.session.next_question()
            self._show_current()

    def _on_step(self) -> None:
        """A clicker's "next": start the countdown, then reveal, then go on."""
        session = self.session
        if session is None:
            return
        if session.stage is Stage.QUESTION:
            self._on_space()
        elif session.stage is Stage.VOTING:
            self._on_reveal()
        else:
            self._on_next()

    def _on_finish(self) -> None:
        if self.session is not None:
            self.session.finish()
            self._show_summary()

    def _on_hands_changed(self, letter: str, count: int) -> None:
        if self.session is not None:
            self.session.set_hands(letter, count)
            self._board.update_shares(self.session.hands())

    def _on_points_changed(self, team: str, points: int) -> None:
        if self.session is not None:
            self.session.set_points(team, points)
            self._refresh()

    # -- summary --------------------------------------------------------------------------------------
    def _build_summary(self) -> QWidget:
        page = QWidget(objectName="classroomSummary")
        self._summary_view = QTextBrowser(objectName="summaryView", openLinks=False)
        save = QPushButton(self.tr("Save the summary…"), objectName="saveSummaryButton")
        save.clicked.connect(self._on_save_clicked)
        export = QPushButton(self.tr("Export to Markdown…"), objectName="exportSummaryButton")
        export.clicked.connect(self._on_export_clicked)
        again = QPushButton(self.tr("New quiz"), objectName="newQuizButton")
        again.clicked.connect(self._on_new_quiz)
        close = QPushButton(self.tr("Close"), objectName="closeSummaryButton")
        close.clicked.connect(self.close)
        buttons = QGridLayout()  # two rows: the four buttons do not fit one row at 1024 px in large type
        buttons.addWidget(close, 0, 0)
        buttons.addWidget(again, 1, 0)
        buttons.setColumnStretch(1, 1)
        buttons.addWidget(save, 0, 2)
        buttons.addWidget(export, 1, 2)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._summary_view, 1)
        layout.addLayout(buttons)
        return page

    def _on_new_quiz(self) -> None:
        self.stop_voting()
        self._pages.setCurrentIndex(0)

    def summary(self) -> ClassroomSummary | None:
        """The session's summary, with the phones' answers when the room voted from phones."""
        if self.session is None:
            return None
        summary = self.session.summary()
        if self.voting is not None:
            summary = dataclasses.replace(summary, phones=self.voting.results(len(self.session.questions)))
        return summary

    def summary_markdown(self) -> str:
        summary = self.summary()
        return summary_markdown(summary, _summary_label) if summary is not None else ""

    def _show_summary(self) -> None:
        self._timer.stop()
        if self.voting is not None:
            self.voting.finish()  # the phones show each participant's place
        app = QGuiApplication.instance()
        theme = current_theme(app) if app is not None else Theme.LIGHT  # type: ignore[arg-type]
        self._summary_view.document().setDefaultStyleSheet(lesson_css(theme))
        self._summary_view.setHtml(render_lesson(self.summary_markdown(), RenderContext()).html)
        self._pages.setCurrentIndex(2)

    def _suggested(self, suffix: str) -> str:
        stamp = self.session.started.replace(":", "-").replace("T", "_") if self.session else ""
        return f"classroom-quiz-{stamp}{suffix}"

    def _on_save_clicked(self) -> None:
        path = projector.ask_save_path(self, self.tr("Save the summary"), self._suggested(".json"),
                                       self.tr("Summary (*.json)"))
        if path and self.session is not None:
            summary = self.summary()
            self._write(lambda target: save_summary(summary, target), path)

    def _on_export_clicked(self) -> None:
        path = projector.ask_save_path(self, self.tr("Export the summary"), self._suggested(".md"),
                                       self.tr("Markdown (*.md)"))
        if path:
            self._write(lambda target: target.write_text(self.summary_markdown(), encoding="utf-8"), path)

    def _write(self, write, path: str) -> None:  # type: ignore[no-untyped-def]
        try:
            write(Path(path))
        except OSError as error:
            show_message(self, self.tr("Classroom quiz"),
                         self.tr("The file could not be saved: {reason}").format(reason=error.strerror or error))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_voting()
        super().closeEvent(event)

    # -- keys and sizes -------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._handle_key(event):
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and self._handle_key(event):  # type: ignore[arg-type]
            return True
        return super().eventFilter(watched, event)

    def _handle_key(self, event: QKeyEvent) -> bool:
        if self._pages.currentIndex() != 1:
            return False
        key, action = event.key(), KEY_TEXT.get(event.text().lower())
        if key == Qt.Key.Key_F11:
            self.showNormal() if self.isFullScreen() else self.showFullScreen()
        elif key == Qt.Key.Key_Escape:
            self.showNormal()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown):
            self._on_step()
        elif action == "space" or key == Qt.Key.Key_Space:
            self._on_space()
        elif action == "reveal":
            self._on_reveal()
        elif action == "part":
            self._on_part()
        elif action == "next":
            self._on_next()
        else:
            return False
        return True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_sizes()

    def _apply_sizes(self) -> None:
        if self.voting is not None:
            self.voting.setFixedWidth(max(260, round(self.width() * 0.3)))
        body = projector.pixels(self, projector.BODY_RATIO)
        control = projector.pixels(self, CONTROL_RATIO)
        c = screen_colours(current_theme(QApplication.instance()))  # high contrast: yellow and white on black
        self.setStyleSheet(
            f"QWidget#classroomQuizWindow QPushButton, QWidget#classroomQuizWindow QComboBox,"
            f" QWidget#classroomQuizWindow QSpinBox, QLabel#teamName, QLabel#hintLabel, QLabel#setupProblem"
            f" {{ font-size: {control}px; }}\n"
            f"QLabel#teamName {{ font-weight: bold; }}\n"
            f"QLabel#setupProblem {{ color: {c['problem']}; }}\n"
            f"QLabel[role=\"teamTotal\"] {{ font-size: {control}px; font-weight: bold; color: {c['heading']}; }}\n"
            f"QLabel#questionProgress {{ font-size: {control}px; color: {c['muted']}; font-weight: bold; }}\n"
            f"QLabel#stageLabel {{ font-size: {round(body * 0.8)}px; font-weight: bold; color: {c['heading']};"
            f" padding: 0 6px; }}\n"
            f"QLabel#stageLabel[state=\"over\"] {{ background: #F2B705; color: #1B1B1B; }}\n"
            f"QLabel#stageLabel[state=\"right\"] {{ color: {c['right']}; }}\n"
            f"QLabel#countdownDigits {{ font-size: {round(body * 2)}px; font-weight: bold; color: {c['heading']}; }}\n"
            f"QLabel#countdownDigits[state=\"over\"] {{ color: {c['wrong']}; }}\n"
            f"QTextBrowser#summaryView {{ font-size: {control}px; }}\n")


def start_classroom_quiz(parent: QWidget | None, course: Course, quiz: Quiz | None = None) -> QWidget:
    """Open the classroom quiz window full screen (on the second screen when there are two), showing its
    set-up form first. `parent` only lends its screen; the window is top-level. Keep a reference."""
    window = ClassroomQuizWindow(course, quiz)
    screens = QGuiApplication.screens()
    screen = screens[1] if len(screens) > 1 else (parent.screen() if parent is not None else None)
    if screen is not None:
        window.setGeometry(screen.geometry())
    window.showFullScreen()
    return window
