"""The methodist's workspace window: import a folder (good, tampered and foreign files), the matrix,
filters, learner detail, item analysis, hotspots, charts and the Excel export."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QComboBox, QLabel, QListWidget, QTableView, QTextBrowser

from etrainer.core.course.pack import load_pack
from etrainer.paths import bundled_course_dir
from etrainer.services.demo_data import make_demo_learners
from etrainer.services.facade import open_app_services
from etrainer.services.methodist import WorkspaceService
from etrainer.storage.workspace import open_workspace
from etrainer.ui.methodist.window import WorkspaceWindow

COURSE = load_pack(bundled_course_dir()).course


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """Four learners' progress files, one of them edited by hand, and a file that is not a progress file."""
    root = tmp_path_factory.mktemp("files")
    services = open_app_services(root / "learner-data")
    make_demo_learners(services, COURSE, 4, seed=11)
    (root / "inbox").mkdir()
    for number, profile in enumerate(services.profiles.list()):
        services.transfer.export_progress(profile.id, COURSE, root / "inbox" / f"learner-{number}.etprogress")
    services.close()
    edited = root / "inbox" / "learner-0.etprogress"
    doc = json.loads(edited.read_text(encoding="utf-8"))
    doc["learner"]["name"] = "Хтось Інший"
    edited.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    (root / "inbox" / "notes.json").write_text('{"hello": "world"}', encoding="utf-8")
    return root / "inbox"


@pytest.fixture
def window(qtbot, tmp_path):
    workspace = open_workspace(tmp_path / "workspace.sqlite3")
    window = WorkspaceWindow(WorkspaceService(workspace, COURSE))
    qtbot.addWidget(window)
    window.resize(1100, 720)
    window.show()
    yield window
    workspace.dispose()


def texts(widget: QListWidget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def test_importing_a_folder_lists_each_file_and_fills_the_dashboard(window, folder, tmp_path):
    assert "empty" in window.findChild(QLabel, "workspaceStatus").text()
    window.import_paths([folder])
    results = texts(window.findChild(QListWidget, "importResults"))
    assert len([r for r in results if r.startswith("✓")]) == 3
    rejected = [r for r in results if r.startswith("✗")]
    assert len(rejected) == 2
    assert any("learner-0.etprogress" in r and "signature" in r for r in rejected)
    assert any("notes.json" in r and "not an eTrainer progress file" in r for r in rejected)
    matrix = window.findChild(QTableView, "matrixTable")
    assert matrix.model().rowCount() == 3
    assert matrix.model().columnCount() == 3 + len(COURSE.modules) + 1  # the last: essays marked · waiting
    status = window.findChild(QLabel, "workspaceStatus").text()
    assert "Imported: 3" in status and "rejected: 2" in status

    window.import_paths([folder])  # next month, the same files again: nothing is duplicated
    assert matrix.model().rowCount() == 3
    again = texts(window.findChild(QListWidget, "importResults"))
    assert len([r for r in again if r.startswith("=")]) == 3, again


def test_filters_detail_items_hotspots_and_export(window, folder, tmp_path):
    window.import_paths([folder])
    matrix = window.findChild(QTableView, "matrixTable")
    branch = window.findChild(QComboBox, "branchFilter")
    assert branch.count() >= 2
    branch.setCurrentIndex(1)
    branch.activated.emit(1)
    chosen = branch.currentData()
    assert 1 <= matrix.model().rowCount() <= 3
    assert all(matrix.model().index(i, 1).data() == chosen for i in range(matrix.model().rowCount()))
    matrix.selectRow(0)
    name = matrix.model().index(0, 0).data()
    assert name in window.findChild(QTextBrowser, "learnerDetail").toPlainText()
    branch.setCurrentIndex(0)
    branch.activated.emit(0)

    items = window.findChild(QTableView, "itemTable")
    assert items.model().rowCount() > 0
    items.selectRow(0)
    assert "chosen" in window.findChild(QTextBrowser, "optionDetail").toPlainText() or \
        window.findChild(QTextBrowser, "optionDetail").toPlainText()
    assert window.findChild(QTableView, "hotspotTable").model().rowCount() >= 0

    target = tmp_path / "report.xlsx"
    window.export_xlsx(target)
    book = load_workbook(target)
    assert {"Підсумок", "Модулі", "Питання", "Тренажери"} <= set(book.sheetnames)
    assert "Saved" in window.findChild(QLabel, "workspaceStatus").text()


def test_a_file_whose_key_changed_can_be_trusted_after_checking(qtbot, tmp_path, _inline_tasks_and_prompts):
    from tests.services.test_methodist import KEY, OTHER_KEY, write
    from tests.storage.test_workspace import make_doc

    workspace = open_workspace(tmp_path / "workspace.sqlite3")
    window = WorkspaceWindow(WorkspaceService(workspace, COURSE))
    qtbot.addWidget(window)
    write(tmp_path / "in" / "old.etprogress", make_doc(), KEY)
    window.import_paths([tmp_path / "in" / "old.etprogress"])
    new = write(tmp_path / "in2" / "new.etprogress", make_doc(exported="2026-12-01T09:00:00Z", score=1.0), OTHER_KEY)
    window.import_paths([new])
    results = window.findChild(QListWidget, "importResults")
    assert results.item(0).text().startswith("✗") and "key" in results.item(0).text()
    _inline_tasks_and_prompts.append(True)  # «Trust and import»
    results.itemActivated.emit(results.item(0))
    assert results.item(0).text().startswith("✓")
    workspace.dispose()


def test_trusting_a_new_key_waits_while_an_import_or_export_runs(qtbot, tmp_path, _inline_tasks_and_prompts):
    from tests.services.test_methodist import KEY, OTHER_KEY, write
    from tests.storage.test_workspace import make_doc

    workspace = open_workspace(tmp_path / "workspace.sqlite3")
    window = WorkspaceWindow(WorkspaceService(workspace, COURSE))
    qtbot.addWidget(window)
    window.import_paths([write(tmp_path / "in" / "old.etprogress", make_doc(), KEY)])
    new = write(tmp_path / "in2" / "new.etprogress", make_doc(exported="2026-12-01T09:00:00Z", score=1.0), OTHER_KEY)
    window.import_paths([new])
    results = window.findChild(QListWidget, "importResults")
    window._exporting = True  # an export is running on a worker thread
    _inline_tasks_and_prompts.append(True)  # «Trust and import», were it asked
    results.itemActivated.emit(results.item(0))
    assert results.item(0).text().startswith("✗") and _inline_tasks_and_prompts == [True]
    assert "Wait until" in window.findChild(QLabel, "workspaceStatus").text()
    workspace.dispose()


def test_a_full_disk_stops_the_import_with_a_sentence(window, folder, tmp_path):
    from tests.faults import disk_full

    lift = disk_full(window.service.workspace.database.engine, tmp_path / "workspace.sqlite3")
    window.import_paths([folder])
    lift()
    status = window.findChild(QLabel, "workspaceStatus").text()
    assert status.startswith("The import stopped: No space left on the disk holding the methodist workspace "), status
    assert "stopped after 0 of 5 file(s)" in status
    window.import_paths([folder])  # space freed: the same files go in
    assert "Imported: 3" in window.findChild(QLabel, "workspaceStatus").text()
