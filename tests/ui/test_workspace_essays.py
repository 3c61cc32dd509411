"""The workspace's essays tab: demo learners' essays waiting, marking one with the rubric and a comment,
every answer to one question side by side with names hidden, and «Save replies…» writing signed files."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QTextBrowser,
)

from etrainer.core.course.pack import load_pack
from etrainer.paths import bundled_course_dir
from etrainer.services.demo_data import make_demo_learners
from etrainer.services.facade import open_app_services
from etrainer.services.methodist import WorkspaceService
from etrainer.storage.workspace import open_workspace
from etrainer.ui.methodist.essays import EssaysTab
from etrainer.ui.methodist.window import WorkspaceWindow

COURSE = load_pack(bundled_course_dir()).course


@pytest.fixture(scope="module")
def inbox(tmp_path_factory):
    root = tmp_path_factory.mktemp("essays")
    services = open_app_services(root / "learner-data")
    make_demo_learners(services, COURSE, 3, seed=5)
    (root / "inbox").mkdir()
    for number, profile in enumerate(services.profiles.list()):
        services.transfer.export_progress(profile.id, COURSE, root / "inbox" / f"learner-{number}.etprogress")
    services.close()
    return root / "inbox"


@pytest.fixture
def service(tmp_path, inbox):
    """A workspace with the demo learners' files imported."""
    workspace = open_workspace(tmp_path / "workspace.sqlite3")
    service = WorkspaceService(workspace, COURSE)
    assert not service.import_paths([inbox]).rejected
    yield service
    workspace.dispose()


def test_essays_are_marked_with_the_rubric_compared_side_by_side_and_replies_saved(qtbot, tmp_path, service):
    window = WorkspaceWindow(service)
    qtbot.addWidget(window)
    window.show()
    tab = window.findChild(EssaysTab, "essaysTab")
    assert window.findChild(QLabel, "essayCounts").text() == ""  # read when the tab is first shown
    tabs = window.findChild(QTabWidget, "workspaceTabs")
    tabs.setCurrentIndex(tabs.count() - 1)
    essays = tab.service.essays()
    assert essays, "the demo learners write essays"
    assert window.findChild(QLabel, "essayCounts").text() == f"Marked: 0 · waiting: {len(essays)}"
    first = essays[0]
    tab.select(first.id)
    view = window.findChild(QTextBrowser, "essayView")
    assert first.text[:30] in view.toPlainText()
    question = tab.service.question(first)
    assert question is not None and question.essay is not None and question.essay.rubric
    for index, criterion in enumerate(question.essay.rubric):
        box = window.findChild(QComboBox, f"rubricLevel{index}")
        box.setCurrentIndex(len(criterion.levels))                    # the best level of each criterion
    points = window.findChild(QDoubleSpinBox, "essayPoints")
    assert points.value() == question.essay.max_points
    window.findChild(QPlainTextEdit, "essayComment").setPlainText("Чудово: усі кроки.")
    qtbot.mouseClick(window.findChild(QPushButton, "saveGradeButton"), Qt.MouseButton.LeftButton)
    marked = tab.service.essay(first.id)
    assert marked is not None and marked.mark is not None
    assert (marked.mark.points, marked.mark.comment) == (question.essay.max_points, "Чудово: усі кроки.")
    assert [p.criterion for p in marked.mark.levels] == [c.title for c in question.essay.rubric]
    assert window.findChild(QLabel, "essayCounts").text() == f"Marked: 1 · waiting: {len(essays) - 1}"

    matrix = window.findChild(QTableView, "matrixTable").model()
    last = matrix.columnCount() - 1
    assert matrix.headerData(last, Qt.Orientation.Horizontal) == "Essays"
    cells = {matrix.index(r, 0).data(): matrix.index(r, last).data() for r in range(matrix.rowCount())}
    mine = [e for e in essays if e.learner_uid == first.learner_uid]
    assert cells[first.learner_name] == f"1 ✓ · {len(mine) - 1} ○"

    side = window.findChild(QComboBox, "sideBySideQuestion")
    side.setCurrentIndex(side.findData(first.question_id))
    window.findChild(QCheckBox, "hideNamesBox").setChecked(True)
    shown = window.findChild(QTextBrowser, "sideBySide").toPlainText()
    same = [e for e in essays if e.question_id == first.question_id]
    assert f"Librarian {len(same)}" in shown and all(e.learner_name not in shown for e in same)

    book = load_workbook(service.export_xlsx(tmp_path / "report.xlsx"))
    rows = list(book["Есе"].iter_rows(values_only=True))
    assert rows[0][:6] == ("Слухач", "Модуль", "Питання", "Слів", "Стан", "Бали") and len(rows) == len(essays) + 1
    graded = [row for row in rows[1:] if row[4] == "оцінено"]
    assert len(graded) == 1 and graded[0][8] == "Чудово: усі кроки." and graded[0][0] == first.learner_name
    assert service.export_pdf(tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")

    tab.export_feedback(tmp_path / "replies")
    written = tab.written
    assert len(written) == 1 and written[0].suffix == ".etfeedback"
    doc = json.loads(written[0].read_text(encoding="utf-8"))
    assert doc["learner"]["name"] == first.learner_name and doc["grades"][0]["comment"] == "Чудово: усі кроки."
    tab.export_feedback(tmp_path / "replies")
    assert tab.written == [] and "no new marks" in window.findChild(QLabel, "essayStatusLine").text()
    window.close()


def test_the_essays_are_read_once_shown_and_a_mark_updates_its_row_without_reading_them_again(qtbot, tmp_path,
                                                                                               service):
    """A region's workspace holds thousands of essays: they are read (on a worker thread in the app) when the tab
    is first shown, and after a mark only the marked row, her line, the counts and her matrix cell change."""
    from PySide6.QtWidgets import QTreeWidget

    window = WorkspaceWindow(service)
    qtbot.addWidget(window)
    tab = window.findChild(EssaysTab, "essaysTab")
    reads: list[int] = []
    essays = tab.service.essays
    tab.service.essays = lambda **kw: (reads.append(1), essays(**kw))[1]  # type: ignore[method-assign]
    window.show()
    assert reads == []  # the window opened on another tab
    tabs = window.findChild(QTabWidget, "workspaceTabs")
    tabs.setCurrentIndex(tabs.count() - 1)
    assert reads == [1]
    everything = essays()
    first = everything[0]
    tab.select(first.id)
    window.findChild(QDoubleSpinBox, "essayPoints").setValue(1)
    qtbot.mouseClick(window.findChild(QPushButton, "saveGradeButton"), Qt.MouseButton.LeftButton)
    assert reads == [1]  # not read again
    tree = window.findChild(QTreeWidget, "essayTree")
    assert tree.currentItem().text(2).startswith("✓ 1/")
    mine = [e for e in everything if e.learner_uid == first.learner_uid]
    learner_line = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                        if tree.topLevelItem(i).text(0) == first.learner_name)
    assert learner_line.text(2) == f"1 ✓ · {len(mine) - 1} ○"
    assert learner_line.toolTip(2) == f"1 marked, {len(mine) - 1} waiting"
    matrix = window.findChild(QTableView, "matrixTable").model()
    last = matrix.columnCount() - 1
    cells = {matrix.index(r, 0).data(): matrix.index(r, last).data() for r in range(matrix.rowCount())}
    assert cells[first.learner_name] == f"1 ✓ · {len(mine) - 1} ○"
    counts = tab.service.counts()
    assert {uid: (c.graded, c.pending) for uid, c in counts.items()} == {
        uid: (sum(1 for e in essays() if e.learner_uid == uid and e.mark is not None),
              sum(1 for e in essays() if e.learner_uid == uid and e.mark is None))
        for uid in {e.learner_uid for e in everything}}
    window.close()


def test_saving_replies_stops_between_files_and_the_rest_stay_unsent(tmp_path, service):
    from etrainer.services.essay_grading import EssayGradingService

    grading = EssayGradingService(service.workspace, COURSE)
    learners = {}
    for essay in grading.essays():
        learners.setdefault(essay.learner_uid, essay)
    assert len(learners) >= 2
    for essay in learners.values():
        grading.grade(essay.id, 1)
    heard: list[tuple[int, int]] = []
    written = grading.export_feedback(tmp_path / "out", progress=lambda done, total: (
        heard.append((done, total)), done < 1)[1])
    assert len(written) == 1 and heard == [(0, len(learners)), (1, len(learners))]
    rest = grading.export_feedback(tmp_path / "out")
    assert len(rest) == len(learners) - 1  # the others' marks were left unsent for the next time
