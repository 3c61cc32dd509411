"""The course tree: modules with their lessons, quizzes and walkthroughs, the final test, and the
review deck, each with its state in a mark and a word (✓ done, ● started, ○ not yet)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from etrainer.core.course.model import Course
from etrainer.ui.common.units import STATE_MARKS, state_of, units_for

if TYPE_CHECKING:
    from etrainer.core.progress.completion import CourseProgress
    from etrainer.services.quizzes import QuizStatus

# Qt.ItemDataRole.UserRole as its int (roles are ints in Qt's API): see FIRST_PAINT_NOTE in ui/theme.py.
TARGET_ROLE = 256
"""Each item's target: a lesson id, `quiz:<id>`, `scenario:<id>`, `review`, or `module:<id>`."""


@dataclass(frozen=True, slots=True)
class TreeMarks:
    progress: CourseProgress | None = None
    """core.progress.completion.CourseProgress of the learner, None without a learner."""
    quizzes: Mapping[str, QuizStatus] = field(default_factory=dict)
    """Quiz id → services.quizzes.QuizStatus."""
    walkthroughs: Mapping[str, str] = field(default_factory=dict)
    """Scenario id → ✓ (passed) or ● (tried)."""
    review_due: int = 0


class CourseTree(QTreeWidget):
    target_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("courseTree")
        self.setHeaderHidden(True)
        self.setAccessibleName(self.tr("Course contents"))
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.itemActivated.connect(self._on_item_activated)
        self.itemClicked.connect(self._on_item_activated)

    def populate(self, course: Course, marks: TreeMarks, current: str | None) -> None:
        expanded = {self.topLevelItem(i).data(0, TARGET_ROLE) for i in range(self.topLevelItemCount())
                    if self.topLevelItem(i).isExpanded()}
        self.clear()
        progress = marks.progress
        units = units_for(course, progress, marks.quizzes, marks.walkthroughs)
        for number, module in enumerate(course.modules, 1):
            done = sum(1 for lesson in module.lessons if progress is not None and progress.is_completed(lesson.id))
            mark = STATE_MARKS[state_of(units, module.id)]
            item = QTreeWidgetItem([f"{mark} {number}. {module.title}"])
            item.setData(0, TARGET_ROLE, f"module:{module.id}")
            item.setToolTip(0, self.tr("{done} of {total} lessons read").format(done=done, total=len(module.lessons)))
            for index, lesson in enumerate(module.lessons, 1):
                child = QTreeWidgetItem([f"{self._lesson_mark(progress, lesson.id)} {number}.{index} {lesson.title}"])
                child.setData(0, TARGET_ROLE, lesson.id)
                child.setToolTip(0, lesson.title)
                item.addChild(child)
                if lesson.id == current:
                    self.setCurrentItem(child)
            self._add_activities(item, course, marks, module.id)
            self.addTopLevelItem(item)
            item.setExpanded(f"module:{module.id}" in expanded or (current is not None and current in
                                                                   {lesson.id for lesson in module.lessons}))
        known = {m.id for m in course.modules}
        if any(q.module_id is None and q.lesson_id is None for q in course.quizzes) or any(
                s.module_id is None or s.module_id not in known for s in course.scenarios):
            item = QTreeWidgetItem([self.tr("Final test")])
            item.setData(0, TARGET_ROLE, "module:final")
            self._add_activities(item, course, marks, None)
            self.addTopLevelItem(item)
            item.setExpanded(True)
        review = QTreeWidgetItem([self.tr("Review ({n})").format(n=marks.review_due)])
        review.setData(0, TARGET_ROLE, "review")
        review.setToolTip(0, self.tr("Questions you got wrong come back here until you know them"))
        self.addTopLevelItem(review)

    def _add_activities(self, parent: QTreeWidgetItem, course: Course, marks: TreeMarks,
                        module_id: str | None) -> None:
        """The module's quizzes and walkthroughs under its lessons (module_id None: the course-level ones)."""
        known = {m.id for m in course.modules}
        quiz_label, walkthrough_label = self.tr("Quiz"), self.tr("Walkthrough")
        for quiz in course.quizzes:
            if quiz.module_id == module_id and (module_id is not None or quiz.lesson_id is None):
                status = marks.quizzes.get(quiz.id)
                mark = "✓" if status and status.passed else ("●" if status and status.finished_attempts else "○")
                child = QTreeWidgetItem([f"{mark} {quiz_label}: {quiz.title}"])
                child.setData(0, TARGET_ROLE, f"quiz:{quiz.id}")
                child.setToolTip(0, quiz.title)
                parent.addChild(child)
        for scenario in course.scenarios:
            belongs = scenario.module_id == module_id if module_id is not None else scenario.module_id not in known
            if belongs:
                child = QTreeWidgetItem([f"{marks.walkthroughs.get(scenario.id, '○')} {walkthrough_label}: "
                                         f"{scenario.title}"])
                child.setData(0, TARGET_ROLE, f"scenario:{scenario.id}")
                child.setToolTip(0, scenario.service or scenario.title)
                parent.addChild(child)

    @staticmethod
    def _lesson_mark(progress: CourseProgress | None, lesson_id: str) -> str:
        if progress is None:
            return "○"
        if progress.is_completed(lesson_id):
            return "✓"
        return "●" if progress.is_started(lesson_id) else "○"

    def select_target(self, target: str) -> None:
        for i in range(self.topLevelItemCount()):
            module_item = self.topLevelItem(i)
            for j in range(module_item.childCount()):
                child = module_item.child(j)
                if child.data(0, TARGET_ROLE) == target:
                    module_item.setExpanded(True)
                    self.setCurrentItem(child)
                    return

    def _on_item_activated(self, item: QTreeWidgetItem) -> None:
        target = item.data(0, TARGET_ROLE)
        if isinstance(target, str) and not target.startswith("module:"):
            self.target_activated.emit(target)
        elif item.childCount():
            item.setExpanded(not item.isExpanded())
