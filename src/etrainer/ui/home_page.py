"""The home page «Мій прогрес»: a card per module with its progress and the next step."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from etrainer.core.course.model import Course
from etrainer.core.progress.units import ModuleState
from etrainer.ui.common.numbers import format_percent, format_share
from etrainer.ui.common.units import state_of, units_for
from etrainer.ui.common.wrapping import WrappingButton

if TYPE_CHECKING:
    from etrainer.core.course.model import Module
    from etrainer.core.progress.completion import CourseProgress
    from etrainer.services.quizzes import QuizStatus


class HomePage(QScrollArea):
    lesson_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homePage")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Qt.ScrollBarPolicy.ScrollBarAlwaysOff as its int, through the property: see FIRST_PAINT_NOTE in ui/theme.py.
        self.setProperty("horizontalScrollBarPolicy", 1)
        self._shown: tuple | None = None
        self._pending = False
        self._columns = 0

    def show_course(self, course: Course, progress: CourseProgress | None, learner_name: str, continue_id: str | None,
                    quizzes: Mapping[str, QuizStatus] | None = None,
                    walkthroughs: Mapping[str, str] | None = None) -> None:
        """`quizzes`: quiz id → QuizStatus; `walkthroughs`: scenario id → ✓ (passed) or ● (tried)."""
        self._quizzes, self._walkthroughs, self._course = quizzes or {}, walkthroughs or {}, course
        self._shown = (course, progress, learner_name, continue_id, quizzes, walkthroughs)
        if not self.isVisible():
            self._pending = True  # built once the page has its real width (resizeEvent/showEvent)
            return
        self._pending = False
        self._columns = self._fitting_columns()
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(20, 16, 20, 16)
        title = QLabel(self.tr("My progress"), objectName="pageTitle")
        layout.addWidget(title)
        subtitle = QLabel(course.title, wordWrap=True)
        layout.addWidget(subtitle)
        self._units = units_for(course, progress, quizzes, walkthroughs)
        if learner_name:
            layout.addWidget(QLabel(self.tr("{name}, you have finished {percent} of the course ({done} of {total} "
                                            "lessons, quizzes and walkthroughs).").format(
                name=learner_name, percent=format_percent(self._units.percent), done=self._units.done,
                total=self._units.total), objectName="courseSummary", wordWrap=True))
        if continue_id:
            from PySide6.QtCore import Qt  # not at import: see FIRST_PAINT_NOTE in ui/theme.py

            lesson = course.lesson(continue_id)
            button = WrappingButton(self.tr("Continue: {title} ▸").format(title=lesson.title if lesson else ""),
                                    objectName="primaryButton")
            button.clicked.connect(lambda: self.lesson_requested.emit(continue_id))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        grid = QGridLayout()
        grid.setSpacing(12)
        columns = self._columns
        for index, module in enumerate(course.modules):
            grid.addWidget(self._card(index + 1, module, progress), index // columns, index % columns)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.setWidget(body)

    def _fitting_columns(self) -> int:
        """Two columns of cards when about 70 characters fit across, else one (large type, projector).

        The width is the viewport's as if no scroll bar were shown: `viewport()` is not called before the first
        paint, since its first call creates the enums of every QWidget subclass (see WrappingItemDelegate)."""
        return 2 if self.maximumViewportSize().width() >= self.fontMetrics().averageCharWidth() * 70 else 1

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        shown = self._shown
        if shown is not None and self.isVisible() and (self._pending or self._fitting_columns() != self._columns):
            self.show_course(*shown)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if self._pending and self._shown is not None:
            self.show_course(*self._shown)

    def _card(self, number: int, module: Module, progress: CourseProgress | None) -> QFrame:
        card = QFrame(objectName="moduleCard")
        layout = QVBoxLayout(card)
        title = QLabel(f"{number}. {module.title}", objectName="cardTitle", wordWrap=True)
        layout.addWidget(title)
        done = sum(1 for lesson in module.lessons if progress is not None and progress.is_completed(lesson.id))
        total = len(module.lessons)
        minutes = sum(lesson.minutes for lesson in module.lessons)
        bar = QProgressBar()
        bar.setRange(0, max(1, total))
        bar.setValue(done)
        bar.setFormat(self.tr("%v of %m lessons"))
        bar.setAccessibleName(self.tr("Module progress"))
        layout.addWidget(bar)
        state = {ModuleState.DONE: self.tr("✓ Done"), ModuleState.IN_PROGRESS: self.tr("● In progress"),
                 ModuleState.NOT_STARTED: self.tr("○ Not started")}[state_of(self._units, module.id)]
        layout.addWidget(QLabel(self.tr("{state} · about {minutes} min").format(state=state, minutes=minutes),
                                objectName="cardState"))
        for quiz in (q for q in self._course.quizzes if q.module_id == module.id):
            status = self._quizzes.get(quiz.id)
            if status is None or status.best_score is None:
                text = self.tr("Quiz: not taken yet")
            else:
                mark = self.tr("✓ passed") if status.passed else self.tr("not passed yet")
                text = self.tr("Quiz: best result {score} — {mark}").format(score=format_share(status.best_score),
                                                                            mark=mark)
            layout.addWidget(QLabel(text, objectName="cardQuiz", wordWrap=True))
        scenarios = [s for s in self._course.scenarios if s.module_id == module.id]
        if scenarios:
            passed = sum(1 for s in scenarios if self._walkthroughs.get(s.id) == "✓")
            layout.addWidget(QLabel(self.tr("Walkthroughs passed: {passed} of {total}").format(
                passed=passed, total=len(scenarios)), objectName="cardWalkthroughs"))
        next_lesson = next((x for x in module.lessons if progress is None or not progress.is_completed(x.id)), None)
        target = next_lesson or (module.lessons[0] if module.lessons else None)
        if target is not None:
            button = QPushButton(self.tr("Open") if next_lesson is None else self.tr("Study ▸"))
            button.setAccessibleName(self.tr("Open module {number}").format(number=number))
            button.clicked.connect(lambda _=False, lesson_id=target.id: self.lesson_requested.emit(lesson_id))
            row = QHBoxLayout()  # the button at the right: a stretch, not an alignment flag (FIRST_PAINT_NOTE)
            row.addStretch(1)
            row.addWidget(button)
            layout.addLayout(row)
        return card
