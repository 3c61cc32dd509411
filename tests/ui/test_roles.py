"""The first run asks who works here and opens each role's start and tour; the choice is kept and
can be changed in Settings; every tour page shows a picture of the screen it describes."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QMenu, QPushButton, QStackedWidget

from etrainer.core.course.pack import load_pack
from etrainer.paths import bundled_course_dir
from etrainer.prefs import Prefs
from etrainer.ui import controller as controller_module
from etrainer.ui.main_window import MainWindow
from etrainer.ui.roles import RoleDialog
from etrainer.ui.viewmodels.reader import ReaderViewModel
from etrainer.ui.welcome import ROLES, WelcomeTour, _Picture

COURSE = load_pack(bundled_course_dir()).course


@pytest.fixture
def started(qtbot, tmp_path, monkeypatch):
    """Start an AppController with the dialogs answered by the test; returns (start, seen)."""
    seen: dict[str, list] = {"asked": [], "tours": [], "profiles": [], "workspace": []}

    def answer_role(dialog):
        seen["asked"].append(True)
        dialog.chosen = seen.get("answer", [None])[0]
        return 1

    monkeypatch.setattr(RoleDialog, "exec", answer_role)
    monkeypatch.setattr(WelcomeTour, "exec", lambda tour: seen["tours"].append(tour.role) or 1)
    monkeypatch.setattr(controller_module.ProfileDialog, "exec", lambda dialog: seen["profiles"].append(1) or 0)
    monkeypatch.setattr(controller_module.AppController, "open_workspace",
                        lambda self, files=None: seen["workspace"].append(files))
    made = []

    def start(prefs: Prefs):
        vm = ReaderViewModel(COURSE, ())
        window = MainWindow(vm)
        qtbot.addWidget(window)
        window.show()
        controller = controller_module.AppController(QApplication.instance(), window, vm, tmp_path, prefs)
        controller.start()
        made.append(controller)
        return controller, window

    yield start, seen
    for controller in made:
        if controller.services is not None:
            controller.services.close()


@pytest.mark.parametrize(("role", "tours", "profiles", "workspace"), [
    ("librarian", ["librarian"], 1, 0),
    ("trainer", ["trainer"], 0, 0),
    ("methodist", ["methodist"], 0, 1),
])
def test_the_first_run_asks_and_opens_the_roles_start_and_tour(started, tmp_path, role, tours, profiles, workspace):
    start, seen = started
    seen["answer"] = [role]
    _, window = start(Prefs())
    assert seen["asked"] == [True] and seen["tours"] == tours
    assert len(seen["profiles"]) == profiles and len(seen["workspace"]) == workspace
    assert Prefs.load(tmp_path).role == role
    if role == "trainer":
        menu = window.findChild(QMenu, "classroomMenu")
        assert window.menuBar().activeAction() is menu.menuAction()
        assert "Classroom" in window.statusBar().currentMessage()


def test_the_next_start_does_not_ask_again_nor_tour(started, tmp_path):
    start, seen = started
    seen["answer"] = ["methodist"]
    start(Prefs())
    start(Prefs.load(tmp_path))
    assert seen["asked"] == [True] and seen["tours"] == ["methodist"] and len(seen["workspace"]) == 2


def test_an_older_install_that_saw_the_tour_starts_as_a_librarian_without_asking(started):
    start, seen = started
    start(Prefs(extra={"welcome_seen": True}))
    assert seen["asked"] == [] and seen["tours"] == [] and seen["profiles"] == [1]


def test_the_role_dialog_offers_three_roles(qtbot):
    dialog = RoleDialog()
    qtbot.addWidget(dialog)
    dialog.findChild(QPushButton, "role-trainer").click()
    assert dialog.chosen == "trainer"


@pytest.mark.parametrize("role", ROLES)
def test_every_tour_page_shows_a_picture_of_its_screen(qtbot, role):
    tour = WelcomeTour(role=role)
    qtbot.addWidget(tour)
    tour.show()
    qtbot.waitExposed(tour)
    pictures = tour.findChildren(_Picture)
    assert len(pictures) >= 3 and all(picture.has_picture() for picture in pictures)
    pages = tour.findChild(QStackedWidget, "tourPages")
    next_button = tour.findChild(QPushButton, "tourNextButton")
    for _ in range(pages.count()):  # each page, as it is shown, fills most of the tour with its picture
        shown = pages.currentWidget().findChild(_Picture)
        qtbot.waitUntil(lambda shown=shown: not shown.pixmap().isNull())
        assert shown.pixmap().width() > 300 or shown.pixmap().height() > 200
        if pages.currentIndex() < pages.count() - 1:
            next_button.click()


def test_the_tours_differ_by_role(qtbot):
    texts = {}
    for role in ROLES:
        tour = WelcomeTour(role=role)
        qtbot.addWidget(tour)
        texts[role] = [picture.accessibleName() for picture in tour.findChildren(_Picture)]
    assert len({tuple(v) for v in texts.values()}) == 3


def test_settings_change_the_role(qtbot, tmp_path):
    from etrainer.services.facade import open_app_services
    from etrainer.ui.settings_dialog import SettingsDialog

    services = open_app_services(tmp_path)
    prefs = Prefs(role="librarian")
    try:
        dialog = SettingsDialog(services, prefs, tmp_path)
        qtbot.addWidget(dialog)
        box = dialog.findChild(QComboBox, "roleBox")
        box.setCurrentIndex(box.findData("methodist"))
        assert prefs.role == "methodist" and Prefs.load(tmp_path).role == "methodist"
    finally:
        services.close()


def test_the_methodists_lrs_dialog_is_offered_the_lrs_of_the_settings(started):
    """The controller hands the workspace window the LRS address and user saved in Settings (read when asked)."""
    start, _seen = started
    controller, _window = start(Prefs(role="methodist", extra={"welcome_seen": True}))
    assert controller._lrs_configured() is None  # no LRS set: nothing offered
    controller.services.lrs.configure("https://lrs.region.example/xAPI/", "metodyst")
    assert controller._lrs_configured() == ("https://lrs.region.example/xAPI/", "metodyst")
