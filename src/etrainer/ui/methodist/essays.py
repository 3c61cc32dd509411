"""The workspace's «Есе» tab: essays waiting for a mark, by librarian, module and question; marking one with
the rubric (a level per criterion gives the points) and a comment; all answers to one question side by
side (names may be hidden while marking); «Зберегти відгуки…» writes the signed replies."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from etrainer.core.errors import EtrainerError
from etrainer.core.progress.dashboard import ModuleMatrix
from etrainer.core.quiz.essay import SentEssay, format_points
from etrainer.core.quiz.model import Criterion
from etrainer.services.essay_grading import EssayCounts, EssayGradingService
from etrainer.ui.common import prompts
from etrainer.ui.common.errors import error_sentence, reason_text
from etrainer.ui.common.tasks import LatestRun, Progress, run_in_background
from etrainer.ui.methodist.models import SORT_ROLE, MatrixModel

ESSAY_ROLE = Qt.ItemDataRole.UserRole
MIN_TITLE_WIDTH = 160


class EssaysTab(QWidget):
    graded = Signal(object)
    """A mark was stored (the SentEssay as marked)."""

    def __init__(self, service: EssayGradingService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("essaysTab")
        self.service = service
        self._all: list[SentEssay] = []
        """Every essay of the workspace, as last loaded (on a worker thread: a region's are thousands)."""
        self._essays: list[SentEssay] = []
        """Those the tree shows."""
        self._tallies: dict[str, list[int]] = {}
        """Per learner uid: [marked, waiting]."""
        self._items: dict[int, QTreeWidgetItem] = {}
        self._learner_items: dict[str, QTreeWidgetItem] = {}
        self._current: SentEssay | None = None
        self._run = LatestRun()
        self._stale = True
        self._replying = False
        self._saving: Progress | None = None
        self.written: list[Path] = []
        """The reply files the last «Save replies…» wrote."""
        self._pending_only = QCheckBox(self.tr("Only essays not marked yet"), objectName="pendingOnlyBox")
        self._pending_only.toggled.connect(lambda _checked: self._fill())
        self._export = QPushButton(self.tr("Save replies…"), objectName="exportFeedbackButton")
        self._export.clicked.connect(self._on_export_clicked)
        self._stop = QPushButton(self.tr("Stop"), objectName="stopRepliesButton")
        self._stop.clicked.connect(self._on_stop_clicked)
        self._stop.hide()
        self._counts = QLabel(objectName="essayCounts")
        top = QHBoxLayout()
        top.addWidget(self._pending_only)
        top.addWidget(self._counts, 1)
        top.addWidget(self._export)
        top.addWidget(self._stop)
        self._tree = QTreeWidget(objectName="essayTree")
        self._tree.setHeaderLabels([self.tr("Librarian / module / question"), self.tr("Words"), self.tr("Mark")])
        self._tree.currentItemChanged.connect(self._on_item_changed)
        self._tree.installEventFilter(self)
        inner = QTabWidget(objectName="essayViews")
        inner.addTab(self._build_marking(), self.tr("Mark one"))
        inner.addTab(self._build_side_by_side(), self.tr("Side by side"))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self._tree)
        split.addWidget(inner)
        split.setSizes([460, 540])  # the tree: its titles, words and marks in sight at 1024 px
        self._status = QLabel(objectName="essayStatusLine", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self._status)

    # -- construction ---------------------------------------------------------------------------------
    def _build_marking(self) -> QWidget:
        page = QWidget()
        self._text = QTextBrowser(objectName="essayView")
        self._rubric = QFormLayout()
        self._levels: list[QComboBox] = []
        self._points = QDoubleSpinBox(objectName="essayPoints", decimals=1, singleStep=0.5)
        self._comment = QPlainTextEdit(objectName="essayComment")
        self._comment.setPlaceholderText(self.tr("A comment for the librarian"))
        self._comment.setMaximumHeight(110)
        self._save = QPushButton(self.tr("Save the mark"), objectName="saveGradeButton")
        self._save.setProperty("primary", True)
        self._save.clicked.connect(self._on_save_clicked)
        points = QHBoxLayout()
        points.addWidget(QLabel(self.tr("Points:")))
        points.addWidget(self._points)
        self._out_of = QLabel(objectName="essayOutOf")
        points.addWidget(self._out_of, 1)
        points.addWidget(self._save)
        layout = QVBoxLayout(page)
        layout.addWidget(self._text, 1)
        layout.addLayout(self._rubric)
        layout.addLayout(points)
        layout.addWidget(self._comment)
        self._set_enabled(False)
        return page

    def _build_side_by_side(self) -> QWidget:
        page = QWidget()
        self._question = QComboBox(objectName="sideBySideQuestion")
        self._question.currentIndexChanged.connect(self._show_side_by_side)
        self._hide_names = QCheckBox(self.tr("Hide names while marking"), objectName="hideNamesBox")
        self._hide_names.toggled.connect(self._show_side_by_side)
        self._side = QTextBrowser(objectName="sideBySide")
        row = QHBoxLayout()
        row.addWidget(self._question, 1)
        row.addWidget(self._hide_names)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self._side, 1)
        return page

    # -- filling --------------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def mark_stale(self) -> None:
        """The workspace changed (an import, a reload): the essays are read again when the tab is next shown,
        or now if it is on screen."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    @property
    def loading(self) -> bool:
        return self._run.running

    def refresh(self) -> None:
        """Read every essay on a worker thread, then fill the tree (what is shown stays until then)."""
        if not self._run.start():
            return
        self._stale = False
        self._counts.setText(self.tr("Loading the essays…"))
        run_in_background(lambda _progress: self.service.essays(), self._on_loaded, self._on_load_failed)

    def _loaded(self) -> bool:
        """False when the tab is gone (its window closed meanwhile) or another reading is due (started now)."""
        return self._run.shown(self._tree, self.refresh)

    def _on_loaded(self, essays: list[SentEssay]) -> None:
        if self._loaded():
            self._all = essays
            self._fill()

    def _on_load_failed(self, error: BaseException) -> None:
        if self._loaded():
            sentence = reason_text(error)
            self._status.setText(self.tr("The essays could not be read: {reason}").format(reason=sentence))

    def _fill(self) -> None:
        everything = self._all
        self._tallies = {}
        for essay in everything:
            self._tallies.setdefault(essay.learner_uid, [0, 0])[0 if essay.mark is not None else 1] += 1
        self._show_counts()
        self._essays = [e for e in everything if e.mark is None] if self._pending_only.isChecked() else everything
        self._tree.collapseAll()  # clear() of a large expanded tree takes seconds; collapsed, a tenth of that
        self._tree.clear()
        self._items, self._learner_items = {}, {}
        groups: dict[tuple[str, str], QTreeWidgetItem] = {}
        for essay in self._essays:
            learner = self._learner_items.get(essay.learner_uid)
            if learner is None:
                learner = self._learner_items[essay.learner_uid] = QTreeWidgetItem(self._tree, [essay.learner_name])
                learner.setExpanded(True)
                self._show_learner_counts(essay.learner_uid)
            key = (essay.learner_uid, essay.module_id or "")
            group = groups.get(key)
            if group is None:
                group = groups[key] = QTreeWidgetItem(learner, [self._module_title(essay.module_id)])
                group.setToolTip(0, group.text(0))
                group.setExpanded(True)
            item = QTreeWidgetItem(group, [self._question_title(essay), str(essay.words), self._mark_text(essay)])
            item.setToolTip(0, item.text(0))
            item.setData(0, ESSAY_ROLE, essay.id)
            self._items[essay.id] = item
        self._fit_columns()
        samples: dict[str, SentEssay] = {}
        for essay in sorted(everything, key=lambda e: (e.quiz_id, e.question_id)):
            samples.setdefault(essay.question_id, essay)
        current = self._question.currentData()
        self._question.blockSignals(True)
        self._question.clear()
        for question_id, sample in samples.items():
            self._question.addItem(self._question_title(sample), question_id)
        if current is not None and self._question.findData(current) >= 0:
            self._question.setCurrentIndex(self._question.findData(current))
        self._question.blockSignals(False)
        self._show_side_by_side()
        self.select(self._current.id if self._current is not None else None)

    def _fit_columns(self) -> None:
        """The words and the mark stay in sight: the titles' column takes what is left (a title cut short shows
        whole in its tooltip)."""
        header = self._tree.header()
        words, mark = (max(self._tree.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in (1, 2))
        # the last column stretches: its need counts, not its width; and a little room to spare for its margins
        room = self._tree.viewport().width() - words - mark - 2 * self._tree.fontMetrics().averageCharWidth()
        self._tree.setColumnWidth(1, words)
        self._tree.setColumnWidth(0, max(MIN_TITLE_WIDTH, min(self._tree.sizeHintForColumn(0), room)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._tree and event.type() == QEvent.Type.Resize and self._items:
            self._fit_columns()  # the window or the splitter between the tree and the marking changed its width
        return False

    def _mark_text(self, essay: SentEssay) -> str:
        if essay.mark is not None:
            return f"✓ {format_points(essay.mark.points)}/{format_points(essay.max_points)}"
        return self.tr("○ waiting")  # ⏳ is in no font a library PC is sure to have (DejaVu has not)

    def _show_counts(self) -> None:
        graded = sum(tally[0] for tally in self._tallies.values())
        pending = sum(tally[1] for tally in self._tallies.values())
        self._counts.setText(self.tr("Marked: {graded} · waiting: {pending}").format(graded=graded, pending=pending))

    def _show_learner_counts(self, uid: str) -> None:
        item, tally = self._learner_items.get(uid), self._tallies.get(uid, [0, 0])
        if item is not None:  # short beside the marks (as in the matrix), the sentence in its tooltip
            item.setText(2, counts_text(EssayCounts(*tally)))
            item.setToolTip(2, self.tr("{graded} marked, {pending} waiting").format(graded=tally[0],
                                                                                  pending=tally[1]))

    def counts_of(self, uid: str) -> EssayCounts:
        """Her essays marked and waiting, as the tab knows them now."""
        graded, pending = self._tallies.get(uid, [0, 0])
        return EssayCounts(graded, pending)

    def _module_title(self, module_id: str | None) -> str:
        course = self.service.course
        module = course.module(module_id) if course is not None and module_id else None
        return module.title if module is not None else (module_id or self.tr("Without a module"))

    def _question_title(self, essay: SentEssay) -> str:
        question = self.service.question(essay)
        return (question.title or question.text) if question is not None else essay.question_id

    # -- one essay ------------------------------------------------------------------------------------
    def select(self, essay_id: int | None) -> None:
        """Show essay `essay_id` for marking (None: nothing chosen)."""
        found = self._items.get(essay_id) if essay_id is not None else None
        if found is not None:
            self._tree.setCurrentItem(found)
        else:
            self._show(None)

    def _on_item_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None = None) -> None:
        essay_id = current.data(0, ESSAY_ROLE) if current is not None else None
        self._show(next((e for e in self._essays if e.id == essay_id), None))

    def _show(self, essay: SentEssay | None) -> None:
        self._current = essay
        while self._rubric.rowCount():
            self._rubric.removeRow(0)
        self._levels = []
        if essay is None:
            hint = self.tr("Choose an essay on the left.")
            self._text.setHtml(f"<p>{html.escape(hint)}</p>")
            self._set_enabled(False)
            return
        question = self.service.question(essay)
        prompt = html.escape(question.text) if question is not None else ""
        when = essay.submitted_at.astimezone().strftime("%d.%m.%Y %H:%M")
        words = self.tr("{n} words").format(n=essay.words)
        self._text.setHtml(f"<h3>{html.escape(self._question_title(essay))}</h3><p><i>{prompt}</i></p>"
                           f"<p>{html.escape(essay.text).replace(chr(10), '<br>')}</p>"
                           f"<p class='source'>{html.escape(essay.learner_name)} · {when} · "
                           f"{html.escape(words)}</p>")
        rubric: tuple[Criterion, ...] = question.essay.rubric if question is not None and question.essay else ()
        picked = {p.criterion: p.level for p in essay.mark.levels} if essay.mark else {}
        for index, criterion in enumerate(rubric):
            box = QComboBox(objectName=f"rubricLevel{index}")
            box.addItem(self.tr("— not chosen —"), None)
            for number, level in enumerate(criterion.levels):
                box.addItem(f"{level.title} — {format_points(level.points)}", number)
                if picked.get(criterion.title) == level.title:
                    box.setCurrentIndex(number + 1)
            box.currentIndexChanged.connect(self._on_level_changed)
            self._rubric.addRow(criterion.title, box)
            self._levels.append(box)
        self._points.setRange(0, essay.max_points)
        self._points.setValue(essay.mark.points if essay.mark else 0)
        self._out_of.setText(self.tr("of {max}").format(max=format_points(essay.max_points)))
        self._comment.setPlainText(essay.mark.comment if essay.mark else "")
        self._set_enabled(True)

    def _on_level_changed(self) -> None:
        question = self.service.question(self._current) if self._current is not None else None
        if question is None or question.essay is None:
            return
        total = 0.0
        for criterion, box in zip(question.essay.rubric, self._levels, strict=False):
            index = box.currentData()
            if index is not None:
                total += criterion.levels[index].points
        self._points.setValue(total)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self._points, self._comment, self._save):
            widget.setEnabled(enabled)

    def _on_save_clicked(self) -> None:
        essay = self._current
        if essay is None:
            return
        levels = [box.currentData() for box in self._levels] if self._levels else None
        if levels is not None and all(level is None for level in levels):
            levels = None
        try:
            marked = self.service.grade(essay.id, self._points.value(), self._comment.toPlainText(), levels=levels)
        except EtrainerError as error:
            self._status.setText(error_sentence(error))
            return
        self._status.setText(self.tr("Saved: {name}, {points} of {max}.").format(
            name=marked.learner_name, points=format_points(marked.mark.points if marked.mark else 0),
            max=format_points(marked.max_points)))
        self._marked(essay, marked)
        self.graded.emit(marked)

    def _marked(self, before: SentEssay, marked: SentEssay) -> None:
        """One essay's new mark, shown where it is (reading every essay again would take seconds in a region's
        workspace): its row, her line, the counts and the side-by-side page."""
        self._all = [marked if e.id == marked.id else e for e in self._all]
        self._essays = [marked if e.id == marked.id else e for e in self._essays]
        if before.mark is None:
            tally = self._tallies.setdefault(marked.learner_uid, [0, 0])
            tally[0], tally[1] = tally[0] + 1, max(0, tally[1] - 1)
        self._current = marked
        item = self._items.get(marked.id)
        if item is not None:
            item.setText(2, self._mark_text(marked))
        self._show_learner_counts(marked.learner_uid)
        self._show_counts()
        self._show_side_by_side()

    # -- side by side ---------------------------------------------------------------------------------
    def _show_side_by_side(self) -> None:
        question_id = self._question.currentData()
        answers = [e for e in self._all if e.question_id == question_id]
        hide = self._hide_names.isChecked()
        parts = []
        for number, essay in enumerate(answers, start=1):
            who = self.tr("Librarian {n}").format(n=number) if hide else essay.learner_name
            mark = (f"{format_points(essay.mark.points)}/{format_points(essay.max_points)}" if essay.mark
                    else self.tr("waiting"))
            parts.append(f"<h4>{html.escape(who)} · {html.escape(mark)}</h4>"
                         f"<p>{html.escape(essay.text).replace(chr(10), '<br>')}</p><hr>")
        empty = self.tr("No essays yet.")
        self._side.setHtml("".join(parts) or f"<p>{html.escape(empty)}</p>")

    # -- replies --------------------------------------------------------------------------------------
    def _on_export_clicked(self) -> None:
        folder = prompts.ask_folder(self, self.tr("Where to save the replies"))
        if folder:
            self.export_feedback(Path(folder))

    def export_feedback(self, folder: Path) -> None:
        """Write the new marks' signed reply files on a worker thread (a region's are thousands), with a line of
        progress and «Stop»; `written` lists them afterwards."""
        if self._replying:
            return
        self._replying = True
        self._export.setEnabled(False)
        self._stop.show()
        self._status.setText(self.tr("Saving the replies…"))

        def work(progress: Progress) -> list[Path]:
            return self.service.export_feedback(folder, progress=progress.report)

        progress = run_in_background(work, lambda written: self._on_replies_saved(folder, written),
                                     self._on_replies_failed, self._on_replies_progress)
        if self._replying:  # still running on a worker thread: let «Stop» reach it
            self._saving = progress

    def _on_stop_clicked(self) -> None:
        if self._saving is not None:
            self._saving.cancel()
            self._status.setText(self.tr("Stopping after the current file…"))

    def _on_replies_progress(self, done: int, total: int) -> None:
        if shiboken6.isValid(self._status) and total:
            self._status.setText(self.tr("Saving the replies: {done} of {total}…").format(done=done, total=total))

    def _replies_done(self) -> bool:
        """False when the tab is gone (its window closed meanwhile)."""
        if not shiboken6.isValid(self._export):
            return False
        self._replying, self._saving = False, None
        self._export.setEnabled(True)
        self._stop.hide()
        return True

    def _on_replies_saved(self, folder: Path, written: list[Path]) -> None:
        if not self._replies_done():
            return
        self.written = written
        self._status.setText(self.tr("Replies saved: %n file(s) in {folder}. Send each librarian her file.", "",
                                     len(written)).format(folder=folder) if written
                             else self.tr("There are no new marks to send."))
        self.mark_stale()  # the marks now carry their sending

    def _on_replies_failed(self, error: BaseException) -> None:
        if not self._replies_done():
            return
        self.written = []
        if isinstance(error, EtrainerError):
            self._status.setText(error_sentence(error))
        elif isinstance(error, OSError):
            self._status.setText(self.tr("The replies could not be saved: {reason}").format(
                reason=error.strerror or str(error)))
        else:
            self._status.setText(str(error))
        self.mark_stale()  # files written before the failure are noted as sent


def counts_text(counts: EssayCounts) -> str:
    """A learner's essays, short: «2 ✓ · 3 ○» (marked, waiting), in the matrix and on her line of the tree."""
    return QCoreApplication.translate("EssayMatrixModel", "{graded} ✓ · {pending} ○").format(
        graded=counts.graded, pending=counts.pending)


class EssayMatrixModel(MatrixModel):
    """The learners × modules matrix with a last column «Есе»: marked / waiting per librarian."""

    def __init__(self) -> None:
        super().__init__()
        self._counts: dict[str, EssayCounts] = {}

    def set_essay_counts(self, counts: dict[str, EssayCounts]) -> None:
        """Call before `set_matrix` (which resets the model)."""
        self._counts = dict(counts)

    def set_matrix(self, matrix: ModuleMatrix) -> None:
        super().set_matrix(matrix)
        self.beginResetModel()
        self.headers = [*self.headers, QCoreApplication.translate("EssayMatrixModel", "Essays")]
        self.endResetModel()

    def set_learner_counts(self, uid: str, counts: EssayCounts) -> None:
        """One learner's essays changed (a mark saved): her cell only, not the whole matrix again."""
        self._counts[uid] = counts
        column = len(self.headers) - 1
        for number in range(self.rowCount()):
            if self.row(number).learner.uid == uid:
                self.dataChanged.emit(self.index(number, column), self.index(number, column))

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() < len(self.headers) - 1:
            return super().data(index, role)
        counts = self._counts.get(self.row(index.row()).learner.uid)
        if role == Qt.ItemDataRole.DisplayRole:
            if counts is None:
                return "—"
            return counts_text(counts)
        if role == SORT_ROLE:
            return (counts.pending, counts.graded) if counts is not None else (-1, -1)
        if role == Qt.ItemDataRole.ToolTipRole and counts is not None:
            return QCoreApplication.translate("EssayMatrixModel", "Essays marked: {graded}; waiting: {pending}") \
                .format(graded=counts.graded, pending=counts.pending)
        return None
