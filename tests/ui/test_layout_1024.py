"""Every window, page and dialog of the app at 1024×768, in each theme and both languages: no text cut off,
nothing past its window, no window larger than the screen (tests/ui/layout_probe.py says what counts).

Each parametrisation builds its screens once, over the bundled course, and collects every defect before it
fails, so one run lists everything that is wrong in that theme and language.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPushButton, QWidget

from etrainer.core.course.model import Course
from etrainer.core.course.pack import load_pack
from etrainer.core.learner.profiles import Profile
from etrainer.i18n import install_translators
from etrainer.paths import bundled_course_dir
from etrainer.services.facade import AppServices, open_app_services
from etrainer.ui.theme import Theme, apply_theme

from .layout_probe import SCREEN, fit_window, problems, settle, unnamed_controls

THEMES = ("light", "contrast", "projector")
LANGUAGES = ("uk", "en")
LOOKS = [pytest.param((theme, language), id=f"{theme}-{language}") for theme in THEMES for language in LANGUAGES]


@dataclass
class World:
    folder: Path
    course: Course
    services: AppServices
    learner: Profile
    found: list[str] = field(default_factory=list)
    unnamed: list[str] = field(default_factory=list)
    kept: list[QWidget] = field(default_factory=list)

    def check(self, screen: str, window: QWidget) -> None:
        settle()
        self.found += [f"[{screen}] {line}" for line in problems(window)]
        self.unnamed += [f"[{screen}] {line}" for line in unnamed_controls(window) if line not in self.unnamed]

    def keep(self, widget: QWidget) -> QWidget:
        self.kept.append(widget)
        return widget

    def close_all(self) -> None:
        for widget in self.kept:
            if shiboken6.isValid(widget):
                widget.close()
                widget.deleteLater()
        self.kept.clear()
        settle()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # gone before the next theme


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    folder = tmp_path_factory.mktemp("layout")
    course = load_pack(bundled_course_dir()).course
    services = open_app_services(folder / "etrainer")
    services.index_course(course)
    learner = services.profiles.create("Оксана Петренко-Ковальчук", "Бібліотека-філія № 3", "бібліотекарка")
    services.profiles.create("Ірина Савчук", "Центральна бібліотека", "методистка", pin="2468")
    yield World(folder, course, services, learner)
    services.close()


@pytest.fixture
def look(request: pytest.FixtureRequest, world: World, qapp: QApplication) -> Iterator[World]:
    theme, language = request.param
    translators = install_translators(qapp, language)
    apply_theme(qapp, Theme(theme))
    world.found.clear()
    world.unnamed.clear()
    yield world
    world.close_all()
    for translator in translators:
        qapp.removeTranslator(translator)
    apply_theme(qapp, Theme.LIGHT)


def _main_window(world: World) -> QWidget:
    from etrainer.ui.main_window import MainWindow
    from etrainer.ui.viewmodels.reader import ReaderViewModel

    vm = ReaderViewModel(world.course, (), world.services)
    window = world.keep(MainWindow(vm))
    fit_window(window, SCREEN)
    vm.set_learner(world.learner)
    settle()
    return window


def _quiz_screens(world: World, window: QWidget) -> None:
    from etrainer.core.walkthrough.demo_answers import right_response, wrong_response
    from etrainer.ui.quiz.page import QuizPage

    rng, seen = random.Random(3), set()
    for quiz in world.course.quizzes:
        if not quiz.questions:
            continue
        window.open_quiz(quiz.id)
        page = window.findChild(QuizPage, "quizPage")
        if not seen:
            world.check("quiz intro", window)
        page.findChild(QPushButton, "startQuizButton").click()
        vm = page.vm
        for position in range(vm.attempt.count):
            question = vm.attempt.questions[position].question
            if question.kind in seen:
                continue
            seen.add(question.kind)
            vm.go(position)
            settle()
            world.check(f"quiz question {question.kind.value}", window)
            page._answer.set_response(wrong_response(question, rng))
            page.findChild(QPushButton, "checkButton").click()
            world.check(f"quiz feedback {question.kind.value}", window)
        for position in range(vm.attempt.count):
            vm.go(position)
            if position not in vm.attempt.answers:
                vm.submit(right_response(vm.attempt.questions[position].question))
        vm.finish()
        world.check("quiz results", window)
        window.show_home()
        if len(seen) >= 9:
            break


def _walkthrough_screens(world: World, window: QWidget) -> None:
    from etrainer.core.walkthrough.engine import Mode, ScenarioRun
    from etrainer.ui.walkthrough.page import WalkthroughPage

    window.open_walkthrough("criminal-record", Mode("practice"))
    page = window.findChild(WalkthroughPage, "walkthroughPage")
    world.check("walkthrough first step", window)
    for _ in range(3):
        move = ScenarioRun.demo_next(page.vm.state)
        if move is None:
            break
        page.vm.act(move[0])
    page.findChild(QPushButton, "hintButton").click()
    world.check("walkthrough hint", window)
    for _ in range(200):
        move = ScenarioRun.demo_next(page.vm.state)
        if move is None:
            break
        page.vm.act(move[0])
    world.check("walkthrough end", window)
    window.show_home()


def _main_window_screens(world: World) -> QWidget:
    window = _main_window(world)
    world.check("home", window)
    window.vm.open_lesson("kep-explained")
    if not window.vm.current.bookmarked:
        window.vm.toggle_bookmark()
    world.check("lesson", window)
    window.vm.open_lesson("what-is-an-admin-service")
    world.check("lesson with a tip", window)
    window.findChild(QLineEdit, "searchField").setText("витяг")
    window.vm.search("витяг")
    world.check("search results", window)
    window.show_bookmarks()
    world.check("bookmarks", window)
    _quiz_screens(world, window)
    _walkthrough_screens(world, window)
    return window


def _dialogs(world: World, window: QWidget) -> None:
    from etrainer.prefs import Prefs
    from etrainer.ui.profiles.dialog import EditProfileDialog, ProfileDialog
    from etrainer.ui.quiz.import_dialog import ImportQuestionsDialog
    from etrainer.ui.settings_dialog import SettingsDialog
    from etrainer.ui.welcome import WelcomeTour

    profiles = world.services.profiles
    dialog = world.keep(ProfileDialog(profiles, window, world.learner.id))
    fit_window(dialog)
    world.check("profile: choose", dialog)
    pinned = next(p for p in profiles.list() if p.has_pin)
    dialog.reload(pinned.id)
    dialog.findChild(QLineEdit, "pinEntry").setText("0000")
    dialog.findChild(QPushButton, "chooseButton").click()
    world.check("profile: wrong PIN", dialog)
    dialog.findChild(QPushButton, "newProfileButton").click()
    world.check("profile: new", dialog)
    world.check("profile: edit", fit(world.keep(EditProfileDialog(profiles, world.learner, window))))
    world.check("settings", fit(world.keep(SettingsDialog(world.services, Prefs.load(world.folder / "etrainer"),
                                                          world.folder / "etrainer", window))))
    world.check("import questions", fit(world.keep(ImportQuestionsDialog(world.course, window))))
    tour = world.keep(WelcomeTour(window))
    fit(tour)
    for page in range(5):
        world.check(f"welcome tour page {page + 1}", tour)
        if page < 4:
            tour.findChild(QPushButton, "tourNextButton").click()
    about = world.keep(QMessageBox(QMessageBox.Icon.NoIcon, QApplication.translate("AppController", "About Е-тренер"),
                                   QApplication.translate(
                                       "AppController",
                                       "<h3>Е-тренер {version}</h3><p>An offline trainer for librarians who help "
                                       "citizens use administrative e-services.</p><p>Licence: GNU GPL v3 or later."
                                       "</p><p>Data folder: {data}</p>").format(version="1.0",
                                                                                data=str(world.folder)),
                                   parent=window))
    about.show()
    world.check("about", about)
    from etrainer.ui.roles import RoleDialog

    world.check("role question", fit(world.keep(RoleDialog(window))))
    from etrainer.ui.welcome import GUIDES, GuideViewer, guide_path

    for key in GUIDES:
        world.check(f"guide: {key}", fit(world.keep(GuideViewer(guide_path(key), window))))
    _essay_replies(world, window)
    _consultations(world, window)


def _essay_replies(world: World, window: QWidget) -> None:
    """The learner's essays with the methodist's marks: one marked with a long comment, one waiting."""
    from datetime import UTC, datetime

    from etrainer.core.quiz.essay import EssayMark, LevelPick
    from etrainer.ui.quiz.essay import EssayRepliesDialog

    answer = "Спершу перевірила б адресу сайту й не вводила б дані картки. " * 6
    mark = EssayMark(2.5, 3, (LevelPick("Кроки пояснено по черзі", "Усі кроки, у правильному порядку", 2),),
                     "Добре пояснено, що робити з підозрілим повідомленням; додайте, куди про нього повідомити. " * 3,
                     datetime(2026, 12, 7, 12, tzinfo=UTC), "Ірина Савчук")
    items = [("Що ви порадите відвідувачці, якій прийшло SMS «з банку»?", answer, mark),
             ("Як пояснити, навіщо двофакторна автентифікація?", answer, None)]
    world.check("essay replies", fit(world.keep(EssayRepliesDialog(items, window))))


def _consultations(world: World, window: QWidget) -> None:
    """The desk log: recording a consultation, and a month with every outcome and the ways back to learning."""
    from datetime import UTC, datetime, timedelta

    from etrainer.core.consultation.record import Outcome
    from etrainer.services.consultations import ConsultationService, catalog_for
    from etrainer.ui.consultation.dialog import ConsultationDialog
    from etrainer.ui.consultation.month import ConsultationMonthDialog

    log, catalog = ConsultationService(world.services.database.sessions), catalog_for(world.course.root)
    world.check("record a consultation", fit(world.keep(ConsultationDialog(log, world.services.settings, catalog,
                                                                           world.learner.id, window))))
    now, outcomes = datetime(2026, 11, 20, 12, tzinfo=UTC), list(Outcome)
    month = [log_entry for log_entry in log.list(world.learner.id) if log_entry.at.month == now.month]
    if not month:  # the first look records them (the database is shared by the looks)
        for number, service in enumerate(catalog.services):
            for k in range(1 + number % 4):
                log.record(world.learner.id, catalog, service_id=service.id, outcome=outcomes[(number + k) % 4],
                           minutes=5 + k, at=now - timedelta(hours=number + k))
    titles = {lesson.id: lesson.title for lesson in world.course.lessons()}
    world.check("my consultations", fit(world.keep(ConsultationMonthDialog(log.list(world.learner.id), catalog,
                                                                           titles, now, window))))


def fit(window: QWidget) -> QWidget:
    fit_window(window)
    return window


def _classroom(world: World, window: QWidget) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeyEvent

    from etrainer.ui.classroom.quiz_screen import start_classroom_quiz
    from etrainer.ui.classroom.world_cafe import start_world_cafe
    from etrainer.ui.presentation.window import start_presentation

    show = world.keep(start_presentation(window, world.course, world.course.lesson("asc-how-it-works")))
    fit_window(show, SCREEN)
    world.check("presentation", show)
    presenter = show.presenter_view()
    fit_window(presenter, SCREEN)
    world.check("presenter view", presenter)
    show.close()

    board = world.keep(start_classroom_quiz(window, world.course, world.course.quiz("data-safety-ethics-quiz")))
    fit_window(board, SCREEN)
    world.check("classroom quiz set-up", board)
    board.setup_page.findChild(QPushButton, "startButton").click()
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        QApplication.sendEvent(board, QKeyEvent(kind, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, " "))
    world.check("classroom quiz question", board)
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        QApplication.sendEvent(board, QKeyEvent(kind, Qt.Key.Key_R, Qt.KeyboardModifier.NoModifier, "r"))
    world.check("classroom quiz reveal", board)
    board.close()

    cafe = world.keep(start_world_cafe(window, world.course, world.folder / "classroom"))
    fit_window(cafe, SCREEN)
    for row, host in enumerate(("Олена Петренко", "Ірина Мороз", "Тарас Руденко", "Леся Білик")):
        cafe.setup_page.set_table(row, f"Стіл {row + 1}", host)
    world.check("World Café set-up", cafe)
    cafe.findChild(QPushButton, "startCafeButton").click()
    world.check("World Café timer", cafe)
    cafe.findChild(QPushButton, "endRoundButton").click()
    world.check("World Café notes", cafe)
    cafe.findChild(QPushButton, "nextRoundButton").click()
    world.check("World Café rotation", cafe)
    cafe.close()


@pytest.mark.parametrize("look", LOOKS, indirect=True)
def test_every_screen_fits_1024x768(look: World) -> None:
    window = _main_window_screens(look)
    _dialogs(look, window)
    _classroom(look, window)
    assert not look.found, f"{len(look.found)} layout defect(s):\n" + "\n".join(look.found)
    unnamed = sorted(set(line.split("] ", 1)[1] for line in look.unnamed))
    assert not unnamed, "controls without an accessible name (keyboard and screen readers):\n" + "\n".join(unnamed)


@pytest.mark.parametrize("look", LOOKS, indirect=True)
def test_methodist_workspace_and_export_fit_1024x768(look: World, request: pytest.FixtureRequest) -> None:
    """The methodist's workspace window and the learner's export dialog, like every other screen."""
    from etrainer.services.methodist import WorkspaceService
    from etrainer.storage.workspace import open_workspace
    from etrainer.ui.export_dialog import ExportDialog
    from etrainer.ui.methodist.window import WorkspaceWindow

    workspace = open_workspace(look.folder / f"workspace-{request.node.callspec.id}.sqlite3")
    window = look.keep(WorkspaceWindow(WorkspaceService(workspace, look.course)))
    fit_window(window, SCREEN)
    look.check("methodist workspace", window)
    window.close()
    from etrainer.services.lrs_workspace import LrsWorkspaceService
    from etrainer.ui.methodist.lrs_send import LrsSendDialog

    lrs = LrsWorkspaceService(workspace, lambda _course_id: look.course)
    look.check("send to an LRS", fit(look.keep(LrsSendDialog(lrs, None, ("http://127.0.0.1:8100/xAPI/", "methodist")))))
    workspace.dispose()
    look.check("export", fit(look.keep(ExportDialog(look.services, look.course, look.learner))))
    assert not look.found, f"{len(look.found)} layout defect(s):\n" + "\n".join(look.found)


def test_the_probe_sees_a_cut_button_and_an_oversize_window(qtbot) -> None:
    """The checks can fail: a button narrower than its text and a window wider than the screen are reported."""
    from PySide6.QtWidgets import QHBoxLayout

    window = QWidget()
    qtbot.addWidget(window)
    button = QPushButton("Створити резервну копію зараз", window)
    window.setMinimumSize(QSize(1100, 300))
    window.show()
    button.setGeometry(10, 10, 60, 30)
    found = problems(window)
    assert any("1100×" in line for line in found)
    assert any("резервну" in line and "needs" in line for line in found)
    inner = QWidget(window)
    QHBoxLayout(inner)
    inner.setGeometry(900, 10, 400, 40)
    inner.show()
    assert any("outside its window" in line for line in problems(window))



def test_the_first_window_with_its_title_bar_fits_the_screen():
    from etrainer.app import FRAME, first_size

    for screen in (QSize(1024, 768), QSize(1024, 740), QSize(1366, 728), QSize(1920, 1040)):
        size = first_size(screen) + FRAME
        assert size.width() <= screen.width() and size.height() <= screen.height(), (screen, size)
    assert first_size(QSize(1920, 1040)) == QSize(1200, 800)
