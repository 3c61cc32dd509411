"""Item models that format the dashboard's core values for the workspace's tables (no computing here).

Cells that carry a state also carry it in words or numbers, never in colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from etrainer.core.progress.dashboard import ModuleMatrix, TagResult
from etrainer.core.progress.item_analysis import ItemStat, ScenarioHotspots

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
GOOD, PARTLY, NONE = QColor("#D8EFD9"), QColor("#FFF1C2"), QColor("#F4F4F2")


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)}%"


_ROOT = QModelIndex()


class _Table(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Any] = []
        self.headers: list[str] = []

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if section < len(self.headers) else None
        return None

    def row(self, index: int) -> Any:
        return self._rows[index]

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()


class MatrixModel(_Table):
    """Learners × modules: each module cell says «lessons read / total», the best quiz score and ✓."""

    def set_matrix(self, matrix: ModuleMatrix) -> None:
        self.headers = [self.tr("Librarian"), self.tr("Library"), self.tr("Course")] + [
            self.tr("Module {n}").format(n=n) for n in range(1, len(matrix.modules) + 1)]
        self._titles = [""] * 3 + [f"{n}. {m.title}" for n, m in enumerate(matrix.modules, 1)]
        self.set_rows(matrix.rows)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            titles = getattr(self, "_titles", [])
            return titles[section] if section < len(titles) and titles[section] else None
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if column < 3:
            values = (row.learner.name, row.learner.branch, _percent(row.completion))
            sort = (row.learner.name, row.learner.branch, row.completion)
            if role == Qt.ItemDataRole.DisplayRole:
                return values[column]
            return sort[column] if role == SORT_ROLE else None
        cell = row.cells[column - 3]
        if role == Qt.ItemDataRole.DisplayRole:
            text = f"{cell.lessons_read}/{cell.lessons_total}"
            if cell.best_quiz_score is not None:
                text += f" · {_percent(cell.best_quiz_score)}{' ✓' if cell.quiz_passed else ''}"
            if cell.walkthroughs_total:
                text += f" · ▶{cell.walkthroughs_passed}/{cell.walkthroughs_total}"
            return text
        if role == SORT_ROLE:
            return (cell.completion, cell.best_quiz_score or 0.0)
        if role == Qt.ItemDataRole.BackgroundRole:
            if cell.lessons_total and cell.lessons_read == cell.lessons_total and (
                    cell.best_quiz_score is None or cell.quiz_passed):
                return QBrush(GOOD)
            return QBrush(PARTLY if cell.lessons_read or cell.best_quiz_score is not None else NONE)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Lessons read: {read} of {total}; best quiz result: {score}; walkthroughs passed: "
                           "{passed} of {all}").format(read=cell.lessons_read, total=cell.lessons_total,
                                                       score=_percent(cell.best_quiz_score),
                                                       passed=cell.walkthroughs_passed, all=cell.walkthroughs_total)
        return None


class ItemModel(_Table):
    """Item analysis: hardest questions first; facility, discrimination, how many answered."""

    def __init__(self, quiz_titles: dict[str, str] | None = None) -> None:
        super().__init__()
        self.headers = [self.tr("Question"), self.tr("Quiz"), self.tr("Answers"), self.tr("Facility"),
                        self.tr("Discrimination")]
        self._quiz_titles = quiz_titles or {}

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item: ItemStat = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            discrimination = "—" if item.discrimination is None else f"{item.discrimination:.2f}"
            quiz = self._quiz_titles.get(item.quiz_id, item.quiz_id)
            return (item.text, quiz, str(item.responses), _percent(item.facility), discrimination)[column]
        if role == SORT_ROLE:
            return (item.text, self._quiz_titles.get(item.quiz_id, item.quiz_id), item.responses, item.facility,
                    -2.0 if item.discrimination is None else item.discrimination)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return item.text
        return None


class HotspotModel(_Table):
    """Walkthrough steps where people go wrong: one row per step with errors or hints."""

    def __init__(self) -> None:
        super().__init__()
        self.headers = [self.tr("Walkthrough"), self.tr("Step"), self.tr("Errors"), self.tr("Hints"),
                        self.tr("Attempts")]

    def set_hotspots(self, scenarios: Sequence[ScenarioHotspots]) -> None:
        rows = [(scenario, step) for scenario in scenarios for step in scenario.steps if step.errors or step.hints]
        rows.sort(key=lambda pair: (-(pair[1].errors + pair[1].hints), pair[0].title, pair[1].position))
        self.set_rows(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        scenario, step = self._rows[index.row()]
        values = (scenario.title, f"{step.position + 1}. {step.label}", step.errors, step.hints, step.attempts)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(values[index.column()])
        if role == SORT_ROLE:
            return values[index.column()]
        return None


class TagModel(_Table):
    def __init__(self) -> None:
        super().__init__()
        self.headers = [self.tr("Competency"), self.tr("Lessons"), self.tr("Read"), self.tr("Mean quiz score"),
                        self.tr("Quiz results")]

    def set_tags(self, tags: Sequence[TagResult]) -> None:
        self.set_rows(tags)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        tag: TagResult = self._rows[index.row()]
        values = (tag.tag, tag.lessons, tag.read_share, tag.mean_quiz_score, tag.quiz_results)
        if role == Qt.ItemDataRole.DisplayRole:
            shown = list(values)
            shown[2], shown[3] = _percent(tag.read_share), _percent(tag.mean_quiz_score)
            return str(shown[index.column()])
        if role == SORT_ROLE:
            value = values[index.column()]
            return -1.0 if value is None else value
        return None
