"""The classroom quiz set-up form: which quiz, how many questions, seconds to vote, hands or teams."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from etrainer.core.classroom.quiz import (
    DEFAULT_COUNT,
    DEFAULT_SECONDS,
    MAX_SECONDS,
    MIN_SECONDS,
    ClassroomSettings,
    TallyMode,
    eligible_questions,
    parse_teams,
)
from etrainer.core.course.model import Course
from etrainer.core.quiz.model import Quiz
from etrainer.ui.common.wrapping import WrappingCheckBox


class QuizSetupPage(QWidget):
    start_requested = Signal(object, object)
    """(Quiz, ClassroomSettings)."""
    close_requested = Signal()

    def __init__(self, course: Course, quiz: Quiz | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="classroomSetup")
        self._course = course
        self._quizzes = [q for q in course.quizzes if eligible_questions(q, course.quizzes)]
        title = QLabel(self.tr("Classroom quiz"), objectName="pageTitle")
        self._quiz_combo = QComboBox(objectName="quizCombo", minimumContentsLength=16)
        self._quiz_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for item in self._quizzes:
            count = len(eligible_questions(item, self._course.quizzes))
            self._quiz_combo.addItem(self.tr("{title} (%n question(s))", "", count).format(title=item.title))
        if quiz is not None and quiz in self._quizzes:
            self._quiz_combo.setCurrentIndex(self._quizzes.index(quiz))
        self._count = QSpinBox(objectName="countSpin", minimum=1, maximum=50, value=DEFAULT_COUNT)
        self._seconds = QSpinBox(objectName="secondsSpin", minimum=MIN_SECONDS, maximum=MAX_SECONDS,
                                 value=DEFAULT_SECONDS, singleStep=5)
        self._seconds.setSuffix(self.tr(" s"))
        self._mode = QComboBox(objectName="tallyModeCombo")
        self._mode.addItem(self.tr("Count raised hands for each option"), TallyMode.HANDS)
        self._mode.addItem(self.tr("Give points to teams"), TallyMode.TEAMS)
        self._teams = QPlainTextEdit(objectName="teamsEdit")
        self._teams.setPlainText("\n".join(self.tr("Team {n}").format(n=n) for n in (1, 2, 3)))
        self._teams.setToolTip(self.tr("One team a line"))
        self._mode.currentIndexChanged.connect(self._on_mode_changed)
        self._quiz_combo.currentIndexChanged.connect(self._on_quiz_changed)
        note = QLabel(self.tr("Only single-choice, multiple-choice and true/false questions are used: "
                              "the room answers by raising hands."), objectName="hintLabel", wordWrap=True)
        self._setup_problem = QLabel(objectName="setupProblem", wordWrap=True)
        phones = WrappingCheckBox(self.tr("Voting from phones (over this computer's Wi-Fi network)"),
                                  objectName="phonesCheck")  # wraps in the projector's large type
        self._phones = phones.box
        self._phone_address = QComboBox(objectName="phoneAddressCombo")
        self._phone_address.setToolTip(self.tr("The network the phones join: this computer's address on it"))
        self._phones.toggled.connect(self._on_phones_toggled)
        form = QFormLayout()
        form.addRow(self.tr("Quiz:"), self._quiz_combo)
        form.addRow(self.tr("Questions:"), self._count)
        form.addRow(self.tr("Time to vote:"), self._seconds)
        form.addRow(self.tr("Tally:"), self._mode)
        form.addRow(self.tr("Teams:"), self._teams)
        form.addRow("", phones)
        form.addRow(self.tr("Address:"), self._phone_address)
        start = QPushButton(self.tr("Start ▸"), objectName="startButton")
        start.setProperty("primary", True)
        start.clicked.connect(self._on_start_clicked)
        close = QPushButton(self.tr("Close"), objectName="closeSetupButton")
        close.clicked.connect(self.close_requested.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(close)
        buttons.addStretch(1)
        buttons.addWidget(start)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self._setup_problem)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._on_mode_changed()
        self._on_quiz_changed()
        self._on_phones_toggled(False)
        if not self._quizzes:
            start.setEnabled(False)
            self._setup_problem.setText(self.tr("This course has no questions the room can answer by raising hands."))

    def _on_mode_changed(self) -> None:
        self._teams.setEnabled(self._mode.currentData() is TallyMode.TEAMS and not self._phones.isChecked())

    def _on_phones_toggled(self, checked: bool) -> None:
        """Phones count the votes themselves: the tally is per option (hands), the address is chosen here."""
        if checked and not self._phone_address.count():
            from etrainer.ui.classroom.voting_panel import LOOPBACK, lan_addresses

            for address in lan_addresses():
                self._phone_address.addItem(address, address)
            self._phone_address.addItem(self.tr("{address} (this computer only, for a try)").format(
                address=LOOPBACK), LOOPBACK)
        if checked:
            self._mode.setCurrentIndex(0)
        self._mode.setEnabled(not checked)
        self._phone_address.setEnabled(checked)
        self._on_mode_changed()

    def phones_host(self) -> str | None:
        """The address to listen on when the room votes from phones, else None."""
        return str(self._phone_address.currentData()) if self._phones.isChecked() else None

    def _on_quiz_changed(self) -> None:
        if self._quizzes:
            available = len(eligible_questions(self._quizzes[self._quiz_combo.currentIndex()], self._course.quizzes))
            self._count.setMaximum(max(1, available))

    def _on_start_clicked(self) -> None:
        if not self._quizzes:
            return
        mode = self._mode.currentData()
        teams = parse_teams(self._teams.toPlainText()) if mode is TallyMode.TEAMS else ()
        if mode is TallyMode.TEAMS and not teams:
            self._setup_problem.setText(self.tr("Type at least one team name, one a line."))
            return
        quiz = self._quizzes[self._quiz_combo.currentIndex()]
        self.start_requested.emit(quiz, ClassroomSettings(self._count.value(), self._seconds.value(), mode, teams))
