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


def test_essays_are_marked_with_the_rubric_compared_side_by_side_and_replies_saved(qtbot, tmp_path, inbox):
    workspace = open_workspace(tmp_path / "workspace.sqlite3")
    try:
        service = WorkspaceService(workspace, COURSE)
        assert not service.import_paths([inbox]).rejected
        window = WorkspaceWindow(service)
        qtbot.addWidget(window)
        window.show()
        tab = window.findChild(EssaysTab, "essaysTab")
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
        assert cells[first.learner_name] == f"1 ✓ · {len(mine) - 1} ⏳"

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

        written = tab.export_feedback(tmp_path / "replies")
        assert len(written) == 1 and written[0].suffix == ".etfeedback"
        doc = json.loads(written[0].read_text(encoding="utf-8"))
        assert doc["learner"]["name"] == first.learner_name and doc["grades"][0]["comment"] == "Чудово: усі кроки."
        assert tab.export_feedback(tmp_path / "replies") == []
        window.close()
    finally:
        workspace.dispose()
