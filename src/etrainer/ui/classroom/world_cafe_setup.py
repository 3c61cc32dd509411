"""The World Café set-up page: tables and hosts, the questions, rounds and minutes, and saved sessions to reopen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from etrainer.core.classroom.world_cafe import (
    MAX_MINUTES,
    MAX_ROUNDS,
    MAX_TABLES,
    TABLE_NAME,
    CafeKit,
    CafeQuestion,
    CafeSetup,
    CafeTable,
    QuestionPlan,
    Stage,
)
from etrainer.core.classroom.world_cafe_file import SavedSession
from etrainer.core.errors import Problem


class CafeSetupPage(QWidget):
    start_requested = Signal(object)
    """A CafeSetup to start."""
    reopen_requested = Signal(object)
    """The Path of a saved session."""
    close_requested = Signal()

    def __init__(self, kit: CafeKit, problems: tuple[Problem, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="cafeSetup")
        heading = QLabel(self.tr("World Café: set-up"), objectName="pageTitle")
        date = QDate.currentDate().toString("dd.MM.yyyy")
        self._title = QLineEdit(self.tr("World Café {date}").format(date=date), objectName="cafeTitle")
        self._table_count = QSpinBox(objectName="tableCount", minimum=1, maximum=MAX_TABLES, value=kit.tables)
        self._tables = QTableWidget(0, 2, objectName="tablesTable")
        self._tables.setHorizontalHeaderLabels([self.tr("Table"), self.tr("Host")])
        self._tables.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._tables.verticalHeader().hide()
        self._tables.setAccessibleName(self.tr("Tables and their hosts"))
        self._table_count.valueChanged.connect(self._on_table_count_changed)
        self._rounds = QSpinBox(objectName="roundCount", minimum=1, maximum=MAX_ROUNDS, value=kit.rounds)
        self._minutes = QSpinBox(objectName="roundMinutes", minimum=1, maximum=MAX_MINUTES, value=kit.round_minutes)
        self._minutes.setSuffix(self.tr(" min"))
        self._plan = QComboBox(objectName="planCombo", minimumContentsLength=14)
        self._plan.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._plan.addItem(self.tr("Same question at all tables"), QuestionPlan.PER_ROUND)
        self._plan.addItem(self.tr("Each table its own question"), QuestionPlan.PER_TABLE)
        self._plan.currentIndexChanged.connect(self._on_plan_changed)
        self._questions = QListWidget(objectName="questionList", wordWrap=True)
        self._questions.setAccessibleName(self.tr("Questions for the rounds"))
        for index, question in enumerate(kit.questions):
            self._add_question(question, checked=index < kit.rounds)
        self._new_question = QLineEdit(objectName="newQuestion", placeholderText=self.tr("Your own question…"))
        self._new_question.setAccessibleName(self.tr("Your own question"))
        add = QPushButton(self.tr("Add"), objectName="addQuestionButton")
        add.clicked.connect(self._on_add_clicked)
        self._new_question.returnPressed.connect(self._on_add_clicked)
        self._problem = QLabel(objectName="cafeProblem", wordWrap=True)
        if problems:
            self._problem.setText(self.tr("The course's World Café kit has problems; the default question is used "
                                          "where needed:") + "\n" + "\n".join(p.format() for p in problems[:5]))
        self._saved = QListWidget(objectName="savedSessions")
        self._saved.setAccessibleName(self.tr("Earlier World Cafés"))
        reopen = QPushButton(self.tr("Reopen"), objectName="reopenButton")
        reopen.clicked.connect(self._on_reopen_clicked)
        self._saved.itemActivated.connect(lambda _item: self._on_reopen_clicked())
        start = QPushButton(self.tr("Start round 1 ▸"), objectName="startCafeButton")
        start.setProperty("primary", True)
        start.clicked.connect(self._on_start_clicked)
        close = QPushButton(self.tr("Close"), objectName="closeCafeButton")
        close.clicked.connect(self.close_requested.emit)
        self._layout(heading, add, reopen, start, close)
        self._on_table_count_changed(kit.tables)

    def _layout(self, heading: QLabel, add: QPushButton, reopen: QPushButton, start: QPushButton,
                close: QPushButton) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Title:"), self._title)
        form.addRow(self.tr("Tables:"), self._table_count)
        form.addRow(self.tr("Rounds:"), self._rounds)
        form.addRow(self.tr("Round length:"), self._minutes)
        form.addRow(self.tr("Questions:"), self._plan)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self._tables, 1)
        adding = QHBoxLayout()
        adding.addWidget(self._new_question, 1)
        adding.addWidget(add)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Questions of the day (ticked ones are used, in this order):"),
                               objectName="hintLabel", wordWrap=True))
        right.addWidget(self._questions, 2)
        right.addLayout(adding)
        right.addWidget(QLabel(self.tr("Saved sessions:"), objectName="hintLabel"))
        right.addWidget(self._saved, 1)
        right.addWidget(reopen, 0, Qt.AlignmentFlag.AlignRight)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(close)
        buttons.addStretch(1)
        buttons.addWidget(start)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addLayout(columns, 1)
        layout.addWidget(self._problem)
        layout.addLayout(buttons)

    def _add_question(self, question: CafeQuestion, checked: bool) -> None:
        item = QListWidgetItem(question.text)
        item.setData(Qt.ItemDataRole.UserRole, question)
        item.setToolTip(question.hint)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._questions.addItem(item)

    def _on_add_clicked(self) -> None:
        text = " ".join(self._new_question.text().split())
        if text:
            self._add_question(CafeQuestion(text), checked=True)
            self._new_question.clear()

    def _on_plan_changed(self) -> None:
        """Each table its own question: tick more questions (in list order) until every table has one."""
        if self._plan.currentData() is not QuestionPlan.PER_TABLE:
            return
        items = [self._questions.item(i) for i in range(self._questions.count())]
        missing = self._table_count.value() - sum(item.checkState() == Qt.CheckState.Checked for item in items)
        for item in items:
            if missing <= 0:
                break
            if item.checkState() != Qt.CheckState.Checked:
                item.setCheckState(Qt.CheckState.Checked)
                missing -= 1

    def _on_table_count_changed(self, count: int) -> None:
        name = QCoreApplication.translate("WorldCafe", TABLE_NAME)
        old = self._tables.rowCount()
        self._tables.setRowCount(count)
        for row in range(old, count):
            self._tables.setItem(row, 0, QTableWidgetItem(name.format(n=row + 1)))
            self._tables.setItem(row, 1, QTableWidgetItem(""))

    def set_table(self, row: int, name: str, host: str) -> None:
        """Fill a row of the tables list (what typing in the cells does)."""
        self._tables.item(row, 0).setText(name)
        self._tables.item(row, 1).setText(host)

    def setup(self) -> CafeSetup | None:
        """The set-up as typed, or None (with the reason shown) when it cannot start."""
        questions = tuple(self._questions.item(i).data(Qt.ItemDataRole.UserRole)
                          for i in range(self._questions.count())
                          if self._questions.item(i).checkState() == Qt.CheckState.Checked)
        if not questions:
            self._problem.setText(self.tr("Tick at least one question."))
            return None
        name = QCoreApplication.translate("WorldCafe", TABLE_NAME)
        tables = []
        for row in range(self._tables.rowCount()):
            cells = [self._tables.item(row, column) for column in (0, 1)]
            text = [" ".join(cell.text().split()) if cell else "" for cell in cells]
            tables.append(CafeTable(text[0] or name.format(n=row + 1), text[1]))
        title = " ".join(self._title.text().split()) or self.tr("World Café")
        return CafeSetup(title, tuple(tables), questions, self._rounds.value(), self._minutes.value(),
                         self._plan.currentData())

    def _on_start_clicked(self) -> None:
        setup = self.setup()
        if setup is not None:
            self.start_requested.emit(setup)

    def show_saved(self, sessions: list[SavedSession], unreadable: int) -> None:
        self._saved.clear()
        stages = {Stage.SETUP: self.tr("not started"), Stage.ROUND: self.tr("round {n} of {total}"),
                  Stage.ROTATION: self.tr("after round {n} of {total}"), Stage.HARVEST: self.tr("harvest")}
        for saved in sessions:
            where = stages[saved.stage].format(n=saved.rounds_played, total=saved.rounds)
            item = QListWidgetItem(f"{saved.title} · {saved.created.replace('T', ' ')[:16]} · {where}")
            item.setData(Qt.ItemDataRole.UserRole, saved.path)
            self._saved.addItem(item)
        if self._saved.count():
            self._saved.setCurrentRow(0)
        if unreadable:
            self._problem.setText(self.tr("%n saved session file(s) could not be read.", "", unreadable))

    def show_problem(self, text: str) -> None:
        self._problem.setText(text)

    def _on_reopen_clicked(self) -> None:
        item = self._saved.currentItem()
        if item is not None:
            self.reopen_requested.emit(Path(item.data(Qt.ItemDataRole.UserRole)))
