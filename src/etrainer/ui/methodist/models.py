"""Item models that format the dashboard's core values for the workspace's tables (no computing here).

Cells that carry a state also carry it in words or numbers, never in colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from etrainer.core.learner.names import surname_first
from etrainer.core.progress.dashboard import ModuleMatrix, TagResult
from etrainer.core.progress.item_analysis import ItemStat, ScenarioHotspots
from etrainer.core.progress.units import ModuleState
from etrainer.ui.common.numbers import format_number, format_share

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
GOOD, PARTLY, NONE = QColor("#D8EFD9"), QColor("#FFF1C2"), QColor("#F4F4F2")
INK = QColor("#1B1B1B")


#: Item statistics from fewer answers than this are flagged «мала вибірка».
SMALL_SAMPLE = 10


def _percent(value: float | None) -> str:
    return format_share(value)


class CollatingProxy(QSortFilterProxyModel):
    """Sorts by SORT_ROLE; text in Ukrainian alphabetical order (QCollator, uk_UA), whatever the system locale."""

    def __init__(self) -> None:
        super().__init__()
        self._collator = QCollator(QLocale("uk_UA"))
        self._collator.setNumericMode(True)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if isinstance(a, str) and isinstance(b, str):
            return self._collator.compare(a, b) < 0
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)


class SortingProxy(CollatingProxy):
    """For a table of tens of thousands of rows (the learners of a country's workspace): a click on a header
    sorts the source model's rows itself (`_Table.sort`, Python's sort on precomputed keys: a fraction of a
    second) instead of the proxy comparing rows pair by pair through Python (half a minute for 30,000); the
    order is the same — keys by SORT_ROLE, text by the same collator, ties in the order the rows came."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, _Table):
            source.sort(column, order)
        else:
            super().sort(column, order)


_ROOT = QModelIndex()
_COLLATOR = QCollator(QLocale("uk_UA"))
_COLLATOR.setNumericMode(True)


class _SortKey:
    """A SORT_ROLE value as CollatingProxy.lessThan compares it: text by the collator, mixed types as text."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = _COLLATOR.sortKey(value) if isinstance(value, str) else value

    def __lt__(self, other: _SortKey) -> bool:
        try:
            return bool(self.value < other.value)
        except TypeError:
            return str(self.value) < str(other.value)


class _Table(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Any] = []
        self._given: list[Any] = []
        """The rows in the order they were set; `sort` orders them afresh each time (ties keep this order)."""
        self._sorted: tuple[int, Qt.SortOrder] | None = None
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
        self._given = list(rows)
        self._rows = self._ordered() if self._sorted is not None else list(self._given)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by `column`'s SORT_ROLE (used through SortingProxy); kept for rows set later."""
        if not 0 <= column < len(self.headers):
            return
        self._sorted = (column, order)
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        rows = [self._rows[index.row()] for index in kept]
        self._rows = self._ordered()
        place = {id(row): n for n, row in enumerate(self._rows)}
        self.changePersistentIndexList(kept, [self.index(place[id(row)], index.column())
                                              for row, index in zip(rows, kept, strict=True)])
        self.layoutChanged.emit()

    def _ordered(self) -> list[Any]:
        assert self._sorted is not None
        column, order = self._sorted
        self._rows = self._given
        values = [self.data(self.index(n, column), SORT_ROLE) for n in range(len(self._given))]
        descending = order == Qt.SortOrder.DescendingOrder
        if all(isinstance(value, str) for value in values):
            keys: list[Any] = [_COLLATOR.sortKey(value) for value in values]
        else:
            keys = values
        try:
            ranked = sorted(range(len(keys)), key=keys.__getitem__)
        except TypeError:  # mixed types: as CollatingProxy.lessThan compares them
            keys = [_SortKey(value) for value in values]
            ranked = sorted(range(len(keys)), key=keys.__getitem__)
        if descending:  # as Qt's proxy does it: the ascending order reversed, ties too
            ranked.reverse()
        return [self._given[n] for n in ranked]


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
        if column < 3:  # only the value asked for: a sort asks 30,000 rows in a country's workspace
            if role == Qt.ItemDataRole.DisplayRole:
                return (row.learner.name if column == 0 else row.learner.branch if column == 1
                        else _percent(row.completion))
            if role == SORT_ROLE:  # by surname
                return (surname_first(row.learner.name) if column == 0 else row.learner.branch if column == 1
                        else row.completion)
            return None
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
        if role == Qt.ItemDataRole.BackgroundRole:  # the module's state (docs/progress.md), also in the tooltip
            return QBrush({ModuleState.DONE: GOOD, ModuleState.IN_PROGRESS: PARTLY}.get(cell.state, NONE))
        if role == Qt.ItemDataRole.ForegroundRole:  # dark text on these light fills in every theme (high contrast)
            return QBrush(INK)
        if role == Qt.ItemDataRole.ToolTipRole:
            state = {ModuleState.DONE: self.tr("done"), ModuleState.IN_PROGRESS: self.tr("in progress"),
                     ModuleState.NOT_STARTED: self.tr("not started")}[cell.state]
            return self.tr("{state}: {done}. Lessons read: {read} of {total}; best quiz result: {score}; walkthroughs "
                           "passed: {passed} of {all}").format(
                state=state, done=_percent(cell.completion), read=cell.lessons_read, total=cell.lessons_total,
                score=_percent(cell.best_quiz_score), passed=cell.walkthroughs_passed, all=cell.walkthroughs_total)
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
            discrimination = "—" if item.discrimination is None else format_number(item.discrimination, 2)
            quiz = self._quiz_titles.get(item.quiz_id, item.quiz_id)
            answers = str(item.responses)
            if item.responses < SMALL_SAMPLE:
                answers = self.tr("{n} · small sample").format(n=item.responses)
            return (item.text, quiz, answers, _percent(item.facility), discrimination)[column]
        if role == SORT_ROLE:
            return (item.text, self._quiz_titles.get(item.quiz_id, item.quiz_id), item.responses, item.facility,
                    -2.0 if item.discrimination is None else item.discrimination)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 1):
            return item.text if column == 0 else self._quiz_titles.get(item.quiz_id, item.quiz_id)
        if role == Qt.ItemDataRole.ToolTipRole and item.responses < SMALL_SAMPLE:
            return self.tr("Only {n} answers: fewer than {small}, so facility and discrimination are not reliable "
                           "yet.").format(n=item.responses, small=SMALL_SAMPLE)
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
        values = (tag.title or tag.tag, tag.lessons, tag.read_share, tag.mean_quiz_score, tag.quiz_results)
        if role == Qt.ItemDataRole.DisplayRole:
            shown = list(values)
            shown[2], shown[3] = _percent(tag.read_share), _percent(tag.mean_quiz_score)
            return str(shown[index.column()])
        if role == SORT_ROLE:
            value = values[index.column()]
            if isinstance(value, str):
                return value.strip("«»\"'")  # «Дія» sorts under Д
            return -1.0 if value is None else value
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return tag.tag
        return None
