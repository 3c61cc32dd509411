"""«Робочий простір методиста»: import progress files, see who finished what, which questions and
walkthrough steps trouble people, and export the tables.

Import runs in a worker thread with a progress bar and «Скасувати»; every file is listed with ✓ or ✗
and the reason. Files and folders can also be dropped onto the window. The dashboard is computed in
core (services.methodist); the tables here only format it.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from etrainer.core.errors import EtrainerError
from etrainer.core.progress.dashboard import DashboardFilter, LearnerDetail
from etrainer.services.essay_grading import EssayGradingService
from etrainer.ui.common.errors import reason_text, show_error
from etrainer.ui.common.numbers import format_share
from etrainer.ui.common.tasks import LatestRun, Progress, run_in_background
from etrainer.ui.methodist.charts import ChartsTab
from etrainer.ui.methodist.essays import EssayMatrixModel, EssaysTab
from etrainer.ui.methodist.models import (
    SMALL_SAMPLE,
    CollatingProxy,
    HotspotModel,
    ItemModel,
    SortingProxy,
    TagModel,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from etrainer.core.consultation.stats import DeskReport
    from etrainer.core.course.model import Course
    from etrainer.core.progress.overview import Dashboard
    from etrainer.services.methodist import ImportReport, WorkspaceService
    from etrainer.services.workspace_server import WorkspaceLocation


def _percent(value: float | None) -> str:
    return format_share(value)


READ_WAIT_MS = 100
"""How often a closed window looks whether its views' readings have finished (they take seconds at most)."""


def _table(model: Any, name: str, proxy: CollatingProxy | None = None) -> QTableView:
    """A sortable table of `model`; `proxy`: a SortingProxy for a table of many rows."""
    proxy = proxy or CollatingProxy()
    proxy.setSourceModel(model)
    view = QTableView(objectName=name)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class WorkspaceWindow(QMainWindow):
    def __init__(self, service: WorkspaceService, parent: QWidget | None = None,
                 lrs_configured: Callable[[], tuple[str, str] | None] | None = None) -> None:
        """`lrs_configured`: asked when «Надіслати до LRS…» opens, the LRS address and user from Settings."""
        super().__init__(parent)
        self.service = service
        self._lrs_configured = lrs_configured
        self.dashboard: Dashboard | None = None
        self.last_report: ImportReport | None = None
        self._progress: Progress | None = None
        self._importing = self._exporting = False
        """An import or an export runs (one at a time: they share the progress bar and «Cancel»)."""
        self._closing = False
        """Closing was asked while an import or export ran: it was cancelled, the window closes once it stops."""
        self._dashboard_run = LatestRun()
        self.setObjectName("workspaceWindow")
        self.setWindowTitle(self.tr("Methodist's workspace — Е-тренер"))
        workspace = service.workspace
        self.place = str(workspace.database.path) if workspace.database.path is not None else workspace.display_url
        """Which workspace is open: its file, or its server's URL without the password."""
        if not workspace.is_sqlite:
            self.setWindowTitle(self.tr("Methodist's workspace on {server} — Е-тренер").format(server=self.place))
        self.setAcceptDrops(True)
        self.resize(*_fitting_size(self, 1100, 720))
        course = getattr(service, "course", None)
        titles = {quiz.id: quiz.title for quiz in course.quizzes} if course is not None else {}
        self._matrix, self._items, self._hotspots, self._tags = EssayMatrixModel(), ItemModel(titles), HotspotModel(), \
            TagModel()
        central = QWidget()
        layout = QVBoxLayout(central)
        room = _fitting_size(self, 1100, 720)[0] - 24
        layout.addLayout(_packed_rows(self._build_actions(), room))
        layout.addLayout(_packed_rows(self._build_filters(), room))
        self._tabs = QTabWidget(objectName="workspaceTabs")
        self._tabs.addTab(self._build_learners_tab(), self.tr("Librarians"))
        self._items_view = _table(self._items, "itemTable")
        self._items_view.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # the hardest questions first
        self._option_text = QTextBrowser(objectName="optionDetail")
        self._items_view.selectionModel().currentRowChanged.connect(self._on_item_selected)
        self._tabs.addTab(self._split(self._items_view, self._option_text, Qt.Orientation.Vertical),
                          self.tr("Questions"))
        self._hotspot_view = _table(self._hotspots, "hotspotTable")
        self._hotspot_view.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # the most errors first
        self._tabs.addTab(self._hotspot_view, self.tr("Walkthroughs"))
        self._tag_view = _table(self._tags, "tagTable")
        self._tag_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self._tabs.addTab(self._tag_view, self.tr("Competencies"))
        self._charts = ChartsTab()
        charts = QScrollArea(objectName="chartsScroll", widgetResizable=True)  # readable charts on a low screen
        charts.setWidget(self._charts)
        self._tabs.addTab(charts, self.tr("Charts"))
        from etrainer.ui.consultation.desk_tab import DeskTab

        self._desk = DeskTab(self._desk_work,
                             {m.id: m.title for m in course.modules} if course is not None else {})
        self._tabs.addTab(self._desk, self.tr("Consultations"))
        self._tabs.addTab(self._build_import_tab(), self.tr("Imported files"))
        self._essays = EssaysTab(EssayGradingService(service.workspace, course))
        essays = QScrollArea(objectName="essaysScroll", widgetResizable=True)  # marking fits a low screen too
        essays.setWidget(self._essays)
        self._tabs.addTab(essays, self.tr("Essays"))
        self._essays.graded.connect(lambda marked: self._matrix.set_learner_counts(
            marked.learner_uid, self._essays.counts_of(marked.learner_uid)))
        layout.addWidget(self._tabs, 1)
        self._status = QLabel(objectName="workspaceStatus", wordWrap=True)
        self._bar = QProgressBar(objectName="importProgress")
        self._bar.hide()
        self._cancel = QPushButton(self.tr("Cancel"), objectName="cancelImportButton")
        self._cancel.hide()
        self._cancel.clicked.connect(self._on_cancel_clicked)
        status = QHBoxLayout()
        place = QLabel(self.tr("Workspace: {place}").format(place=self.place), objectName="workspacePlace",
                       wordWrap=True)
        place.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(place)
        status.addWidget(self._status, 1)
        status.addWidget(self._bar)
        status.addWidget(self._cancel)
        layout.addLayout(status)
        self.setCentralWidget(central)
        self.refresh()

    # -- construction ---------------------------------------------------------------------------------
    def _build_actions(self) -> list[list[QWidget]]:
        groups = []
        for text, slot, name in ((self.tr("Import files…"), self._on_import_files, "importFilesButton"),
                                 (self.tr("Import a folder…"), self._on_import_folder, "importFolderButton"),
                                 (self.tr("Export to Excel…"), self._on_export_xlsx, "exportXlsxButton"),
                                 (self.tr("PDF report…"), self._on_export_pdf, "exportPdfButton"),
                                 (self.tr("Send to LRS…"), self.open_lrs_send, "sendToLrsButton")):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            groups.append([button])
        return groups

    def _build_filters(self) -> list[list[QWidget]]:
        self._branch = QComboBox(objectName="branchFilter")
        self._position = QComboBox(objectName="positionFilter")
        for box in (self._branch, self._position):  # long library names must not widen the window
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(12)
        self._dated = QCheckBox(self.tr("Period:"), objectName="periodFilter")
        today = QDate.currentDate()
        self._start = QDateEdit(today.addMonths(-1), objectName="periodStart", calendarPopup=True)
        self._end = QDateEdit(today, objectName="periodEnd", calendarPopup=True)
        for widget in (self._start, self._end):
            widget.setDisplayFormat("dd.MM.yyyy")
            widget.setEnabled(False)
        self._dated.toggled.connect(self._start.setEnabled)
        self._dated.toggled.connect(self._end.setEnabled)
        for signal in (self._branch.activated, self._position.activated, self._dated.toggled,
                       self._start.dateChanged, self._end.dateChanged):
            signal.connect(lambda *_: self.refresh())
        return [[QLabel(self.tr("Library:")), self._branch], [QLabel(self.tr("Position:")), self._position],
                [self._dated, self._start, QLabel("—"), self._end]]

    def _build_learners_tab(self) -> QWidget:
        self._matrix_view = _table(self._matrix, "matrixTable", SortingProxy())  # 30,000 learners in a country
        self._matrix_view.horizontalHeader().setResizeContentsPrecision(300)  # widths from the first 300 rows
        self._matrix_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self._matrix_view.selectionModel().currentRowChanged.connect(self._on_learner_selected)
        self._detail = QTextBrowser(objectName="learnerDetail")
        self._summary = QLabel(objectName="matrixSummary", wordWrap=True)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self._summary)
        top_layout.addWidget(self._matrix_view, 1)
        # The person's card under the matrix, so that it never narrows the module columns.
        splitter = self._split(top, self._detail, Qt.Orientation.Vertical, (330, 170))
        splitter.setObjectName("learnerSplitter")
        return splitter

    def _build_import_tab(self) -> QWidget:
        self._results = QListWidget(objectName="importResults")
        self._results.setWordWrap(True)
        self._results.itemActivated.connect(self._on_result_activated)
        self._files = QListWidget(objectName="importedFiles")
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("The last import (double-click a file rejected because its key changed to "
                                        "trust the new key, after checking with the librarian):"), wordWrap=True))
        layout.addWidget(self._results, 1)
        layout.addWidget(QLabel(self.tr("Every file imported so far:")))
        layout.addWidget(self._files, 1)
        return page

    @staticmethod
    def _split(first: QWidget, second: QWidget, orientation: Qt.Orientation,
               sizes: tuple[int, int] = (420, 200)) -> QSplitter:
        splitter = QSplitter(orientation)
        splitter.addWidget(first)
        splitter.addWidget(second)
        splitter.setSizes(list(sizes))
        return splitter

    # -- the dashboard ----------------------------------------------------------------------------------
    def filters(self) -> DashboardFilter:
        start = self._start.date().toPython() if self._dated.isChecked() else None
        end = self._end.date().toPython() if self._dated.isChecked() else None
        return DashboardFilter(self._branch.currentData() or None, self._position.currentData() or None, start, end)

    def _desk_work(self) -> Callable[[], DeskReport]:
        """The «Consultations» tab's counting for the filter chosen now (read here, on the UI thread)."""
        filters = self.filters()
        return lambda: self.service.desk(filters, breakdown=False)

    def refresh(self) -> None:
        """Compute the dashboard for the chosen filter off the UI thread, a progress bar meanwhile (a large
        workspace takes seconds); a filter changed while it runs is computed when it is done."""
        if not self._dashboard_run.start():
            return
        filters = self.filters()
        essays = self._essays.service if hasattr(self, "_essays") else None
        if not self._busy:
            self._bar.setRange(0, 0)
            self._bar.show()

        def work(progress: Progress) -> Any:
            dashboard = self.service.dashboard(filters, progress.report)
            return dashboard, self.service.imported_files(), essays.counts() if essays is not None else None

        run_in_background(work, self._on_dashboard, self._on_dashboard_failed, self._on_dashboard_progress)

    def _on_dashboard_progress(self, done: int, total: int) -> None:
        if not self._busy and shiboken6.isValid(self._bar):  # an import's or export's progress wins; a closed window
            self._on_progress(done, total)

    def _dashboard_done(self) -> bool:
        """The computation finished: False when another filter is waiting (computed now instead), or when
        the window was closed meanwhile (its widgets are gone: nothing to show)."""
        if not shiboken6.isValid(self._bar):
            return False
        wanted = self._dashboard_run.end()
        if not self._busy:
            self._bar.hide()
        if not wanted:
            self.refresh()
        return wanted

    @property
    def _loading(self) -> bool:
        """A dashboard is being computed."""
        return self._dashboard_run.running

    def _on_dashboard_failed(self, error: BaseException) -> None:
        if self._dashboard_done():
            sentence = reason_text(error)
            self._status.setText(self.tr("The dashboard could not be computed: {reason}").format(reason=sentence))

    def _on_dashboard(self, result: Any) -> None:
        if not self._dashboard_done():
            return
        dashboard, imported, essay_counts = result
        self.dashboard = dashboard
        self._fill_choices(self._branch, self.tr("All libraries"), dashboard.branches)
        self._fill_choices(self._position, self.tr("All positions"), dashboard.positions)
        if essay_counts is not None:
            self._matrix.set_essay_counts(essay_counts)
        self._matrix.set_matrix(dashboard.matrix)
        self._items.set_rows(dashboard.items)
        self._hotspots.set_hotspots(dashboard.hotspots)
        self._tags.set_tags(dashboard.competencies)
        self._charts.show_dashboard(dashboard)
        if hasattr(self, "_essays"):
            self._essays.mark_stale()
        self._desk.reload_if_visible()
        self._matrix_view.resizeColumnsToContents()
        self._matrix_view.setColumnWidth(1, min(170, self._matrix_view.columnWidth(1)))  # long library names
        self._items_view.resizeColumnsToContents()
        self._items_view.setColumnWidth(0, min(360, self._items_view.columnWidth(0)))
        self._items_view.setColumnWidth(1, min(240, self._items_view.columnWidth(1)))  # the quiz: its tooltip has all
        self._hotspot_view.resizeColumnsToContents()
        self._tag_view.resizeColumnsToContents()  # the headers' widths count too: none is clipped
        mean = dashboard.matrix.mean_completion()
        self._summary.setText(self.tr("Librarians: {n} · average completion: {mean}").format(
            n=len(dashboard.matrix.rows), mean=_percent(mean)))
        hint = self.tr("Choose a librarian to see the details.")
        self._detail.setHtml(f"<p>{html.escape(hint)}</p>")
        self._files.clear()
        self._files.addItems([f"{file.file_name} — {file.learner_name}" for file in imported])
        if not dashboard.matrix.rows:
            self._status.setText(self.tr("The workspace is empty: import the progress files your librarians sent."))
        elif not self._status.text():
            self._status.setText(self.tr("You can also drop files or folders here."))

    @staticmethod
    def _fill_choices(box: QComboBox, everyone: str, values: tuple[str, ...]) -> None:
        chosen = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(everyone, "")
        for value in values:
            box.addItem(value, value)
        box.setCurrentIndex(max(0, box.findData(chosen)) if chosen else 0)
        box.blockSignals(False)

    def _on_learner_selected(self, current: Any, _previous: Any = None) -> None:
        if not current.isValid() or self.dashboard is None:
            return
        proxy = self._matrix_view.model()
        row = self._matrix.row(proxy.mapToSource(current).row())
        detail = self.service.learner(row.learner.uid, self.filters())
        self._detail.setHtml(self._detail_html(detail) if detail else "")

    def _detail_html(self, detail: LearnerDetail) -> str:
        learner = detail.learner
        parts = [f"<h3>{html.escape(learner.name)}</h3><p>{html.escape(learner.branch)} · "
                 f"{html.escape(learner.position)}</p>"]
        read = sum(1 for line in detail.lessons if line.completed_at is not None)
        total = sum(cell.lessons_total for cell in detail.cells) or len(detail.lessons)  # the course's, not the opened
        if detail.units is not None:
            parts.append("<p>" + html.escape(self.tr("Course: {percent} ({done} of {total} lessons, quizzes and "
                                                     "walkthroughs)").format(
                percent=_percent(detail.units.share), done=detail.units.done, total=detail.units.total)) + "</p>")
        parts.append("<p>" + html.escape(self.tr("Lessons read: {n} of {total}").format(n=read, total=total)) + "</p>")
        if detail.quizzes:
            heading = self.tr("Quizzes")
            parts.append(f"<h4>{html.escape(heading)}</h4><ul>")
            for line in detail.quizzes:
                mark = "✓" if line.passed else "✗"
                attempts = self.tr("attempts: {n}").format(n=line.attempts)
                parts.append(f"<li>{mark} {html.escape(line.title)}: {_percent(line.best_score)} "
                             f"({html.escape(attempts)})</li>")
            parts.append("</ul>")
        if detail.walkthroughs:
            heading = self.tr("Walkthroughs")
            parts.append(f"<h4>{html.escape(heading)}</h4><ul>")
            for line in detail.walkthroughs:
                mark = "✓" if line.passed else "✗"
                score = "—" if line.best_score is None else str(round(line.best_score))
                text = self.tr("{title}: best {score} · errors {errors} · hints {hints}").format(
                    title=line.title, score=score, errors=line.errors, hints=line.hints)
                parts.append(f"<li>{mark} {html.escape(text)}</li>")
            parts.append("</ul>")
        return "".join(parts)

    def _on_item_selected(self, current: Any, _previous: Any = None) -> None:
        if not current.isValid():
            return
        item = self._items.row(self._items_view.model().mapToSource(current).row())
        lines = [f"<p><b>{html.escape(item.text)}</b></p>"]
        if item.responses < SMALL_SAMPLE:
            lines.append("<p>" + html.escape(self.tr("Small sample: only {n} answers, fewer than {small}; the "
                                                     "figures may change a lot.").format(
                n=item.responses, small=SMALL_SAMPLE)) + "</p>")
        lines.append("<ul>")
        for option in item.options:
            mark = "✓" if option.correct else "✗"
            text = self.tr("chosen {n} times ({share})").format(n=option.chosen, share=_percent(option.share))
            lines.append(f"<li>{mark} {html.escape(option.text)} — {html.escape(text)}</li>")
        lines.append("</ul>")
        self._option_text.setHtml("".join(lines) if item.options else "".join(lines[:-2]))

    # -- import -------------------------------------------------------------------------------------------
    def _on_import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Progress files"), "",
                                                self.tr("Progress files (*.etprogress *.json);;All files (*)"))
        if paths:
            self.import_paths([Path(p) for p in paths])

    def _on_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("A folder with progress files"))
        if folder:
            self.import_paths([Path(folder)])

    @property
    def _busy(self) -> bool:
        return self._importing or self._exporting

    def _refused_while_busy(self) -> bool:
        """True (and said) while an import or export runs: one write at a time."""
        if self._busy:
            self._status.setText(self.tr("Wait until the current import or export is done, or cancel it."))
        return self._busy

    def _show_job(self, status: str) -> None:
        """An import or export starts: the busy bar, «Cancel» and what is being done."""
        self._bar.setRange(0, 0)
        self._bar.show()
        self._cancel.show()
        self._status.setText(status)

    def import_paths(self, paths: list[Path]) -> None:
        if self._refused_while_busy():
            return
        self._importing = True
        self._show_job(self.tr("Importing…"))

        def work(progress: Progress) -> Any:
            return self.service.import_paths(paths, progress=progress.report, cancelled=lambda: progress.cancelled)

        progress = run_in_background(work, self._on_imported, self._on_import_failed)
        if self._importing:  # still running (a worker thread): follow it and let «Cancel» reach it
            self._progress = progress
            progress.changed.connect(self._on_progress)

    def _on_progress(self, done: int, total: int) -> None:
        self._bar.setRange(0, max(1, total))
        self._bar.setValue(done)

    def _on_cancel_clicked(self) -> None:
        if self._progress is not None:
            self._progress.cancel()
            self._status.setText(self.tr("Cancelling after the current file…") if self._importing
                                 else self.tr("Cancelling the export…"))

    def _job_done(self) -> bool:
        """The import or export ended: False when the window was closed meanwhile, or is closing (it closes
        now): nothing to show."""
        if not shiboken6.isValid(self._status):
            return False
        self._importing = self._exporting = False  # one at a time
        self._progress = None
        self._bar.hide()
        self._cancel.hide()
        if self._closing:
            self._close_if_asked()
            return False
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing while an import or export runs asks first; «Stop and close» cancels it and closes the window
        once the worker thread has stopped (the workspace's database is released only then)."""
        if not self._busy:
            if self._reading():  # a view's reading finishes first: the database is released after it
                event.ignore()
                self.hide()
                QTimer.singleShot(READ_WAIT_MS, self, self.close)
                return
            super().closeEvent(event)
            return
        event.ignore()
        if self._closing:
            return
        from etrainer.ui.common import prompts

        question = self.tr("An import is running. Files not imported yet stay as they are: importing the same folder "
                           "again later skips the files already imported. Stop the import and close the workspace?") \
            if self._importing else self.tr("An export is running; its file will not be written. Stop the export "
                                            "and close the workspace?")
        if not prompts.ask_yes_no(self, self.tr("Close the workspace"), question, self.tr("Stop and close"),
                                  self.tr("Keep working")):
            return
        self._closing = True
        if self._progress is not None:
            self._progress.cancel()
        self._status.setText(self.tr("Stopping, then closing…"))
        self.hide()

    def _reading(self) -> bool:
        """A view reads the workspace on a worker thread now (the dashboard, the consultations, the essays)."""
        return self._loading or self._desk.loading or self._essays.loading

    def _close_if_asked(self) -> None:
        if self._closing:
            self._closing = False
            QTimer.singleShot(0, self, self.close)

    def _on_import_failed(self, error: BaseException) -> None:
        if not self._job_done():
            return
        sentence = reason_text(error)
        self._status.setText(self.tr("The import stopped: {reason}").format(reason=sentence))

    def _on_imported(self, report: Any) -> None:
        self.last_report = report
        if not self._job_done():
            return
        self._results.clear()
        for result in report.files:
            if result.reason is not None:
                reason = QCoreApplication.translate("Exchange", result.reason.sentence)
                text = f"✗ {result.path.name} — {reason}"
            elif result.status.value == "unchanged":
                text = f"= {result.path.name} — {result.learner_name}: " + self.tr("already imported")
            else:
                text = f"✓ {result.path.name} — {result.learner_name}: " + self.tr("{n} new record(s)").format(
                    n=result.counts.new + result.counts.updated)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, result)
            self._results.addItem(item)
        summary = self.tr("Imported: {ok} file(s); rejected: {bad}.").format(ok=len(report.accepted),
                                                                             bad=len(report.rejected))
        if report.cancelled:
            summary += " " + self.tr("Cancelled: {n} file(s) were not looked at.").format(
                n=report.total_files - len(report.files))
        self._status.setText(summary)
        if report.rejected:
            self._tabs.setCurrentIndex(self._tabs.count() - 1)
        self.refresh()
        self._status.setText(summary)

    def _on_result_activated(self, item: QListWidgetItem) -> None:
        """A file refused because the learner's key changed (she reinstalled Е-тренер or moved to another
        PC): once the methodist has checked with her, import it and trust the new key from now on."""
        from etrainer.core.progress.file import RejectReason
        from etrainer.ui.common import prompts

        result = item.data(Qt.ItemDataRole.UserRole)
        if result is None or result.reason is not RejectReason.KEY_CHANGED:
            return
        if self._refused_while_busy():  # it writes: after the job running now, not against its write lock
            return
        question = self.tr("Trust the new key of this learner and import {file}? Do it only if you have checked "
                           "with the librarian that this file is really from them.").format(file=result.path.name)
        if not prompts.ask_yes_no(self, self.tr("A new key"), question, self.tr("Trust and import"),
                                  self.tr("Cancel")):
            return
        again = self.service.import_file(result.path, trust_new_key=True)
        if again.reason is None:
            item.setText(f"✓ {result.path.name} — {again.learner_name}: " + self.tr("imported with the new key"))
            item.setData(Qt.ItemDataRole.UserRole, again)
            self.refresh()
        else:
            reason = QCoreApplication.translate("Exchange", again.reason.sentence)
            item.setText(f"✗ {result.path.name} — {reason}")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.import_paths(paths)

    # -- export -------------------------------------------------------------------------------------------
    def _on_export_xlsx(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"), "workspace.xlsx",
                                              self.tr("Excel workbooks (*.xlsx)"))
        if path:
            self.export_xlsx(Path(path))

    def export_xlsx(self, path: Path) -> None:
        """The workbook for the chosen filter, read and written on a worker thread, with the progress bar and
        «Cancel» (a cancelled export leaves no file)."""
        filters = self.filters()
        self._export(lambda progress: self.service.export_xlsx(path, filters, progress.report))

    def _on_export_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("PDF report"), "workspace-report.pdf",
                                              self.tr("PDF files (*.pdf)"))
        if path:
            self.export_pdf(Path(path))

    def export_pdf(self, path: Path) -> None:
        """The PDF report for the chosen filter, as the workbook: read and drawn on a worker thread."""
        filters = self.filters()
        self._export(lambda progress: self.service.export_pdf(path, filters, progress.report))

    def _export(self, work: Callable[[Progress], Path]) -> None:
        if self._refused_while_busy():
            return
        self._exporting = True
        self._show_job(self.tr("Saving…"))

        def done(written: Path) -> None:
            if self._job_done():
                self._status.setText(self.tr("Saved: {path}").format(path=str(written)))

        def failed(error: BaseException) -> None:
            if self._job_done():
                self._on_export_failed(error)

        progress = run_in_background(work, done, failed, self._on_export_progress)
        if self._exporting:  # still running (a worker thread): let «Cancel» reach it
            self._progress = progress

    def _on_export_progress(self, done: int, total: int) -> None:
        if shiboken6.isValid(self._bar):  # not a closed window
            self._on_progress(done, total)

    def open_lrs_send(self) -> Any:
        """«Надіслати до LRS…»: the workspace's records to a Learning Record Store (ui.methodist.lrs_send)."""
        from etrainer.services.lrs_workspace import LrsWorkspaceService
        from etrainer.ui.methodist.lrs_send import LrsSendDialog

        course = getattr(self.service, "course", None)
        service = LrsWorkspaceService(self.service.workspace,
                                      lambda course_id: course if course is not None and course.id == course_id
                                      else None)
        dialog = LrsSendDialog(service, self, self._lrs_configured() if self._lrs_configured is not None else None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setModal(True)
        dialog.show()
        return dialog

    def _on_export_failed(self, error: BaseException) -> None:
        sentence = reason_text(error)
        self._status.setText(self.tr("The file was not saved: {reason}").format(reason=sentence))


def _packed_rows(groups: list[list[QWidget]], room: int) -> QVBoxLayout:
    """Groups of widgets laid out left to right, starting a new row where the next group would not fit in
    `room` pixels (large type, the projector theme): the window never gets wider than the screen."""
    rows = QVBoxLayout()
    row, used = QHBoxLayout(), 0
    for group in groups:
        width = 0
        for widget in group:
            widget.ensurePolished()
            width += widget.sizeHint().width() + 6
        if used and used + width > room:
            row.addStretch(1)
            rows.addLayout(row)
            row, used = QHBoxLayout(), 0
        for widget in group:
            row.addWidget(widget, 1 if isinstance(widget, QComboBox) else 0)
        used += width + 12
    row.addStretch(1)
    rows.addLayout(row)
    return rows


def _fitting_size(widget: QWidget, width: int, height: int) -> tuple[int, int]:
    """`width` × `height`, or less so that the window with its frame fits the screen it opens on."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return width, height
    room = screen.availableGeometry()
    return min(width, room.width() - 16), min(height, room.height() - 48)  # the frame and the title bar


def open_workspace_window(parent: QWidget | None, data: Path, course: Course | None,
                          location: WorkspaceLocation | None = None,
                          on_open: Callable[[WorkspaceWindow], object] | None = None,
                          lrs_configured: Callable[[], tuple[str, str] | None] | None = None) -> WorkspaceWindow | None:
    """Open the methodist's workspace where Settings say (default: the file in the data folder); a clear
    message when it cannot be opened. The file opens at once and its window is returned; a server is
    connected to in the background (asking for its password when needed): None is returned and `on_open`
    gets the window when it is there."""
    from etrainer.services.workspace_server import WorkspaceLocation, open_located_workspace

    location = location or WorkspaceLocation()
    title = QCoreApplication.translate("WorkspaceWindow", "Methodist's workspace")

    def show(service: WorkspaceService) -> WorkspaceWindow:
        window = WorkspaceWindow(service, parent, lrs_configured)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(lambda *_: service.close())
        window.show()
        if on_open is not None:
            on_open(window)
        return window

    if location.server:
        from etrainer.ui.methodist.server_login import ServerConnection

        ServerConnection(parent, location, title, lambda password: open_located_workspace(
            location, data, course, password), show).start()
        return None
    try:
        service = open_located_workspace(location, data, course)
    except EtrainerError as error:
        show_error(parent, title, error)
        return None
    return show(service)
