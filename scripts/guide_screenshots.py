"""Take the screenshots of the user guides (docs/guides/images) from the REAL app windows.

Run from the repository root; it regenerates every picture and changes nothing else:

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/guide_screenshots.py [NAME …]

With names (e.g. `home quiz-feedback`) only those pictures are taken. The windows are the app's own
classes with the Ukrainian catalog (the compiled .qm: rebuild it with scripts/build_translations.py
first when etrainer_uk.ts changed) and the light theme, over a temporary data folder: the bundled
course, synthetic learners from `services.demo_data` (fictional names), and their progress files
imported into a temporary methodist's workspace. Each picture is one function registered with
`@shot` under the picture's name, in the order the guides use them; it returns the widget to grab (1024×768 for
windows; dialogs at their own size). Pictures are saved as 8-bit PNGs at most 1024 pixels wide.
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QSize, Qt, qInstallMessageHandler
from PySide6.QtGui import QIcon, QImage, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QWidget,
)

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "guides" / "images"
SIZE = QSize(1024, 768)
LEARNERS, SEED = 14, 7

Shot = Callable[["Studio"], QWidget]
SHOTS: dict[str, Shot] = {}


def shot(name: str) -> Callable[[Shot], Shot]:
    def register(function: Shot) -> Shot:
        SHOTS[name] = function
        return function
    return register


class Studio:
    """The app's objects over a temporary data folder, made once and shared by every picture."""

    def __init__(self, folder: Path) -> None:
        from etrainer.core.course.pack import load_pack
        from etrainer.i18n import install_translators
        from etrainer.paths import bundled_course_dir, resources_dir
        from etrainer.services.demo_data import make_demo_learners
        from etrainer.services.facade import open_app_services
        from etrainer.ui.common import prompts, tasks
        from etrainer.ui.theme import Theme, apply_theme

        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        self.app.setApplicationDisplayName("Е-тренер")
        self.app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "etrainer.svg")))
        self.translators = install_translators(self.app, "uk")
        apply_theme(self.app, Theme.LIGHT)
        tasks.INLINE = True  # imports and exports finish before the picture is taken
        prompts.ask_yes_no = lambda *args, **kwargs: False  # never a modal question
        self.folder, self.data = folder, folder / "etrainer"
        result = load_pack(bundled_course_dir())
        self.course, self.problems = result.course, result.problems
        self.services = open_app_services(self.data)
        self.services.index_course(self.course)
        self.demo = make_demo_learners(self.services, self.course, LEARNERS, seed=SEED)
        total = sum(len(module.lessons) for module in self.course.modules)
        librarians = [d for d in self.demo if d.position != "методист"] or self.demo
        chosen = min(librarians, key=lambda d: abs(d.lessons_read - total * 0.45))
        self.learner = self.services.profiles.get(chosen.id)
        self.kept: list[QWidget] = []
        self._window: Any | None = None

    def settle(self, rounds: int = 4) -> None:
        for _ in range(rounds):
            self.app.processEvents()

    def keep(self, widget: QWidget) -> Any:
        self.kept.append(widget)
        return widget

    def place(self, widget: QWidget, size: QSize = SIZE) -> Any:
        """Show `widget` as a normal window of `size`, or bigger when its own layout needs more."""
        widget.showNormal()
        self.settle()
        widget.resize(size.expandedTo(widget.minimumSizeHint()))
        self.settle()
        return widget

    def main(self) -> Any:
        """The librarian's main window with the chosen learner, its search field and status bar empty."""
        if self._window is None:
            from etrainer.ui.main_window import MainWindow
            from etrainer.ui.viewmodels.reader import ReaderViewModel

            vm = ReaderViewModel(self.course, self.problems, self.services)
            self._window = MainWindow(vm)
            self.place(self._window)
            vm.set_learner(self.learner)
        self._window.findChild(QLineEdit, "searchField").clear()
        self._window.statusBar().clearMessage()
        self.settle()
        return self._window

    def set_theme(self, name: str) -> None:
        from etrainer.ui.theme import Theme, apply_theme

        apply_theme(self.app, Theme(name))
        self.settle()

    def press(self, widget: QWidget, key: Qt.Key, text: str = "") -> None:
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))
        self.settle()

    def click(self, parent: QWidget, name: str) -> None:
        found = parent.findChild(QPushButton, name)
        if found is None:
            raise LookupError(f"no button {name!r} in {parent.objectName()}")
        found.click()
        self.settle()


# == the librarian =========================================================================================
@shot("welcome-tour")
def welcome_tour(studio: Studio) -> QWidget:
    from etrainer.ui.welcome import WelcomeTour

    tour = studio.keep(WelcomeTour(studio.main()))
    studio.place(tour, QSize(620, 420))
    for _ in range(2):
        studio.click(tour, "tourNextButton")
    return tour


@shot("profile-choose")
def profile_choose(studio: Studio) -> QWidget:
    from etrainer.ui.profiles.dialog import ProfileDialog

    return studio.place(studio.keep(ProfileDialog(studio.services.profiles, studio.main(), studio.learner.id)),
                        QSize(560, 460))


@shot("profile-new")
def profile_new(studio: Studio) -> QWidget:
    from etrainer.ui.profiles.dialog import ProfileDialog

    dialog = studio.place(studio.keep(ProfileDialog(studio.services.profiles, studio.main())), QSize(560, 420))
    studio.click(dialog, "newProfileButton")
    for name, text in (("nameField", "Марта Коваль"), ("branchField", "Бібліотека-філія № 3"),
                       ("positionField", "бібліотекар I категорії"), ("pinField", "2580"), ("pinAgainField", "2580")):
        dialog.findChild(QLineEdit, name).setText(text)
    studio.settle()
    return dialog


@shot("home")
def home(studio: Studio) -> QWidget:
    window = studio.main()
    window.show_home()
    return window


@shot("lesson")
def lesson(studio: Studio) -> QWidget:
    window = studio.main()
    window.vm.open_lesson("kep-explained")
    if not window.vm.current.bookmarked:
        window.vm.toggle_bookmark()
    window.findChild(QPushButton, "noteButton").setChecked(True)
    window.findChild(QPlainTextEdit, "noteEdit").setPlainText("Показати відвідувачам різницю між КЕП і паролем.")
    window.flush_note()
    window.statusBar().clearMessage()
    studio.settle()
    return window


@shot("search")
def search(studio: Studio) -> QWidget:
    window = studio.main()
    window.findChild(QLineEdit, "searchField").setText("витяг")
    window.vm.search("витяг")
    studio.settle()
    return window


def _quiz_page(studio: Studio) -> Any:
    from etrainer.ui.quiz.page import QuizPage

    window = studio.main()
    window.open_quiz("e-identification-quiz")
    studio.settle()
    return window.findChild(QuizPage, "quizPage")


@shot("quiz-intro")
def quiz_intro(studio: Studio) -> QWidget:
    _quiz_page(studio)
    return studio.main()


@shot("quiz-feedback")
def quiz_feedback(studio: Studio) -> QWidget:
    from etrainer.core.quiz.model import QuestionKind
    from etrainer.core.walkthrough.demo_answers import wrong_response
    from etrainer.ui.quiz.answers import ChoiceAnswer

    page = _quiz_page(studio)
    studio.click(page, "startQuizButton")
    attempt = page.vm.attempt
    while attempt.questions[attempt.position].question.kind is not QuestionKind.SINGLE_CHOICE:
        attempt = page.vm.go(attempt.position + 1)  # a choice question, answered wrong: the feedback says why
    studio.settle()
    page.findChild(ChoiceAnswer).set_response(wrong_response(attempt.questions[attempt.position].question,
                                                             random.Random(SEED)))
    studio.click(page, "checkButton")
    return studio.main()


@shot("quiz-results")
def quiz_results(studio: Studio) -> QWidget:
    from etrainer.core.walkthrough.demo_answers import right_response, wrong_response

    page = _quiz_page(studio)
    studio.click(page, "startQuizButton")
    vm, rng = page.vm, random.Random(SEED)
    for position in range(vm.attempt.count):
        vm.go(position)
        question = vm.attempt.questions[position].question
        vm.submit(wrong_response(question, rng) if position in (0, 5) else right_response(question))
    vm.finish()
    studio.settle()
    return studio.main()


def _walkthrough(studio: Studio, mode: str, done: Callable[[Any], bool], limit: int = 200) -> Any:
    """The walkthrough «витяг про несудимість» in `mode`, followed along its reference path until `done(state)`."""
    from etrainer.core.walkthrough.engine import Mode, ScenarioRun
    from etrainer.ui.walkthrough.page import WalkthroughPage

    window = studio.main()
    window.show_home()
    window.open_walkthrough("criminal-record", Mode(mode))
    page = window.findChild(WalkthroughPage, "walkthroughPage")
    for _ in range(limit):
        move = None if done(page.vm.state) else ScenarioRun.demo_next(page.vm.state)
        if move is None:
            break
        page.vm.act(move[0])
    studio.settle()
    return page


@shot("walkthrough-hint")
def walkthrough_hint(studio: Studio) -> QWidget:
    page = _walkthrough(studio, "practice", lambda state: state.completed_steps >= 2)
    studio.click(page, "hintButton")
    return studio.main()


@shot("walkthrough-decision")
def walkthrough_decision(studio: Studio) -> QWidget:
    from etrainer.core.walkthrough.engine import pending_decision

    _walkthrough(studio, "practice", lambda state: pending_decision(state) is not None)
    return studio.main()


@shot("walkthrough-checklist")
def walkthrough_checklist(studio: Studio) -> QWidget:
    from etrainer.core.walkthrough.engine import Phase

    page = _walkthrough(studio, "practice", lambda state: state.phase is not Phase.STEPS)
    boxes = [box for box in page.findChildren(QCheckBox) if box.objectName().startswith("check-")]
    for box in boxes[:2]:
        box.click()
    studio.settle()
    return studio.main()


@shot("export-dialog")
def export_dialog(studio: Studio) -> QWidget:
    from etrainer.ui.export_dialog import ExportDialog

    window = studio.main()
    window.show_home()
    dialog = studio.keep(ExportDialog(studio.services, studio.course, studio.learner, window))
    dialog.findChild(QCheckBox, "consentBox").setChecked(True)
    return studio.place(dialog, QSize(640, 520))


@shot("settings")
def settings(studio: Studio) -> QWidget:
    from etrainer.prefs import Prefs
    from etrainer.ui.settings_dialog import SettingsDialog

    studio.services.backup_now("session")
    studio.services.backup_now("manual")
    dialog = SettingsDialog(studio.services, Prefs.load(studio.data), studio.data, studio.main())
    return studio.place(studio.keep(dialog), QSize(620, 560))


@shot("problems-banner")
def problems_banner(studio: Studio) -> QWidget:
    from etrainer.core.errors import Problem
    from etrainer.ui.main_window import MainWindow
    from etrainer.ui.viewmodels.reader import ReaderViewModel

    broken = (Problem(Path("02-e-identification/03-getting-kep.md"), 41, "missing image “images/kep-media.png”"),)
    vm = ReaderViewModel(studio.course, broken, studio.services)
    window = studio.place(studio.keep(MainWindow(vm)))
    vm.set_learner(studio.learner)
    studio.settle()
    return window


# == the trainer ===========================================================================================
@shot("projector-theme")
def projector_theme(studio: Studio) -> QWidget:
    window = studio.main()
    studio.set_theme("projector")
    window.vm.open_lesson("what-is-an-admin-service")
    window.statusBar().clearMessage()
    studio.settle()
    return window


def _presentation(studio: Studio) -> Any:
    from etrainer.ui.presentation.window import start_presentation

    show = studio.place(studio.keep(start_presentation(studio.main(), studio.course,
                                                       studio.course.lesson("asc-how-it-works"))))
    for _ in range(2):
        studio.press(show, Qt.Key.Key_Right)
    return show


@shot("slide")
def slide(studio: Studio) -> QWidget:
    return _presentation(studio)


@shot("presenter-view")
def presenter_view(studio: Studio) -> QWidget:
    return studio.place(_presentation(studio).presenter_view())


@shot("walkthrough-demo")
def walkthrough_demo(studio: Studio) -> QWidget:
    studio.set_theme("projector")
    page = _walkthrough(studio, "demo", lambda state: state.completed_steps >= 1)
    studio.click(page, "demoStepButton")
    return studio.main()


def _classroom(studio: Studio, teams: bool) -> Any:
    from etrainer.ui.classroom.quiz_screen import start_classroom_quiz

    quiz = studio.course.quiz("data-safety-ethics-quiz")
    window = studio.place(studio.keep(start_classroom_quiz(studio.main(), studio.course, quiz)))
    window.findChild(QComboBox, "tallyModeCombo").setCurrentIndex(1 if teams else 0)
    window.findChild(QSpinBox, "countSpin").setValue(3)
    if teams:
        window.findChild(QPlainTextEdit, "teamsEdit").setPlainText("Центральна\nФілія № 2\nДитяча")
    studio.settle()
    return window


def _play(studio: Studio, window: Any, tally: tuple[int, ...], prefix: str) -> None:
    """Start the first question, count down a little, type the tally."""
    studio.click(window.setup_page, "startButton")
    studio.press(window, Qt.Key.Key_Space, " ")
    QTest.qWait(2300)
    spins = sorted((s for s in window.findChildren(QSpinBox) if s.objectName().startswith(prefix)),
                   key=lambda s: s.objectName())
    for spin, value in zip(spins, tally, strict=False):
        spin.setValue(value)
    studio.settle()


@shot("classroom-setup")
def classroom_setup(studio: Studio) -> QWidget:
    return _classroom(studio, teams=True)


@shot("classroom-quiz")
def classroom_quiz(studio: Studio) -> QWidget:
    window = _classroom(studio, teams=False)
    _play(studio, window, (11, 2, 1, 0, 0, 0), "handsSpin_")
    studio.press(window, Qt.Key.Key_R, "r")
    return window


@shot("classroom-teams")
def classroom_teams(studio: Studio) -> QWidget:
    window = _classroom(studio, teams=True)
    _play(studio, window, (1, 0, 1), "teamSpin_")
    return window


@shot("classroom-summary")
def classroom_summary(studio: Studio) -> QWidget:
    window = _classroom(studio, teams=True)
    for number in range(3):
        if number == 0:
            _play(studio, window, (1, 0, 1), "teamSpin_")
        else:
            studio.press(window, Qt.Key.Key_N, "n")
            studio.press(window, Qt.Key.Key_Space, " ")
            for spin, value in zip((s for s in window.findChildren(QSpinBox) if s.objectName().startswith("teamSpin_")),
                                   ((1, 1, 0), (0, 1, 1))[number - 1], strict=False):
                spin.setValue(value)
        studio.press(window, Qt.Key.Key_R, "r")
    studio.press(window, Qt.Key.Key_N, "n")
    return window


EXAMPLE_ADDRESS = "192.168.1.23"
"""The pictures listen on 127.0.0.1 (the screenshots never touch a real network); the projector picture shows
this example library-network address instead, so that the guide does not teach «127.0.0.1»."""
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def _voting(studio: Studio, phones: tuple[str, ...] = ()) -> Any:
    """The classroom quiz with voting from phones on 127.0.0.1, `phones` joined, the first question open."""
    import json
    import urllib.request

    window = _classroom(studio, teams=False)
    window.findChild(QCheckBox, "phonesCheck").setChecked(True)
    combo = window.findChild(QComboBox, "phoneAddressCombo")
    combo.setCurrentIndex(combo.findData("127.0.0.1"))
    studio.click(window.setup_page, "startButton")
    panel = window.voting
    for name in phones:
        body = json.dumps({"room": panel.room.code, "name": name}).encode()
        request = urllib.request.Request(panel.server.url + "api/join", body, {"Content-Type": "application/json"})
        urllib.request.urlopen(request, timeout=5).close()
    return window


def _phone_shot(studio: Studio, stage: str) -> QWidget:
    """The phone page in Debian's headless chromium (Playwright, 390×844) at `stage`: join, question, result."""
    from playwright.sync_api import sync_playwright
    from PySide6.QtGui import QPixmap
    from PySide6.QtWidgets import QLabel

    window = studio.keep(_voting(studio, ("Петро К.", "Бджілки", "Марта")))
    panel = window.voting
    with tempfile.TemporaryDirectory(prefix="etrainer-chromium-") as profile, sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            profile, executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 390, "height": 844}, device_scale_factor=1, locale="uk-UA")
        page = browser.new_page()
        page.goto(panel.phone_url())
        page.fill("#name", "Оксана")
        if stage != "join":
            page.click("#joinButton")
            page.wait_for_selector("#play:not([hidden])")
            studio.press(window, Qt.Key.Key_Space, " ")
            page.wait_for_selector(".tile")
            question = window.session.current
            for letter in question.right_letters:
                page.click(f".tile[data-letter='{letter}']")
            if stage == "result":
                page.click("#sendButton")
                page.wait_for_selector("text=Відповідь прийнято ✓")
                studio.press(window, Qt.Key.Key_R, "r")
                page.wait_for_selector("text=✓ Правильно!")
        picture = page.screenshot()
        browser.close()
    pixmap = QPixmap()
    pixmap.loadFromData(picture, "PNG")
    label = studio.keep(QLabel())
    label.setPixmap(pixmap)
    label.setFixedSize(pixmap.size())
    label.show()
    return label


@shot("classroom-voting")
def classroom_voting(studio: Studio) -> QWidget:
    from etrainer.ui.classroom.voting_panel import qr_pixmap

    window = studio.keep(_voting(studio, ("Оксана", "Петро К.", "Бджілки", "Команда «Ліра»", "Марта", "Іван")))
    studio.press(window, Qt.Key.Key_Space, " ")
    panel = window.voting
    question = window.session.current
    import json
    import urllib.request

    for index, token in enumerate(list(panel.room.participants)[:4]):
        letter = question.right_letters[0] if index % 2 == 0 else question.options[-1].letter
        body = json.dumps({"room": panel.room.code, "token": token, "question": 1, "answer": [letter]}).encode()
        request = urllib.request.Request(panel.server.url + "api/vote", body, {"Content-Type": "application/json"})
        urllib.request.urlopen(request, timeout=5).close()
    QTest.qWait(300)
    panel.address.setText(f"{EXAMPLE_ADDRESS}:{panel.server.port}")
    panel._qr = qr_pixmap(f"http://{EXAMPLE_ADDRESS}:{panel.server.port}/?room={panel.room.code}", 8)
    panel._fit()
    studio.settle()
    return window


@shot("phone-join")
def phone_join(studio: Studio) -> QWidget:
    return _phone_shot(studio, "join")


@shot("phone-question")
def phone_question(studio: Studio) -> QWidget:
    return _phone_shot(studio, "question")


@shot("phone-result")
def phone_result(studio: Studio) -> QWidget:
    return _phone_shot(studio, "result")


def _cafe(studio: Studio, rounds_done: int = -1) -> Any:
    """The World Café: set up (hosts named), then `rounds_done` rounds played (-1: still in the set-up)."""
    from etrainer.ui.classroom.world_cafe import start_world_cafe

    window = studio.place(studio.keep(start_world_cafe(studio.main(), studio.course, studio.folder / "classroom")))
    for row, host in enumerate(("Олена Петренко", "Ірина Мороз", "Тарас Руденко", "Леся Білик")):
        window.setup_page.set_table(row, f"Стіл {row + 1}", host)
    studio.settle()
    if rounds_done < 0:
        return window
    studio.click(window, "startCafeButton")
    QTest.qWait(1100)
    for number in range(rounds_done):
        studio.click(window, "endRoundButton")
        for table in range(4):
            window.session.set_note(table, number, NOTES[(table + number) % len(NOTES)])
        if number < rounds_done - 1:
            studio.click(window, "nextRoundButton")
    return window


NOTES = ("Записувати відвідувачів на консультації з е-послуг у зручні години.",
         "Памʼятка біля кожного публічного компʼютера; браузер у режимі «інкогніто».",
         "Навчити колег розпізнавати фішингові SMS «від Дії».",
         "Домовитися з ЦНАП про телефон для складних випадків.")


@shot("cafe-setup")
def cafe_setup(studio: Studio) -> QWidget:
    return _cafe(studio)


@shot("cafe-timer")
def cafe_timer(studio: Studio) -> QWidget:
    return _cafe(studio, rounds_done=0)


@shot("cafe-rotation")
def cafe_rotation(studio: Studio) -> QWidget:
    return _cafe(studio, rounds_done=1)


@shot("cafe-harvest")
def cafe_harvest(studio: Studio) -> QWidget:
    window = _cafe(studio, rounds_done=3)
    studio.click(window, "harvestButton")
    window.findChild(QPlainTextEdit, "harvestNotes").setPlainText(
        "Спільне: консультації за записом, памʼятки біля ПК, навчання колег щокварталу.")
    window.setFocus()
    studio.press(window, Qt.Key.Key_Right)  # the first table's notes, for its mini-presentation
    return window


# == the methodist =========================================================================================
def _collected(studio: Studio) -> tuple[Path, Path]:
    """The librarians' progress files (the first delivery), and a second one with a new file and rejected ones."""
    from etrainer.exchange.signing import InstallationKey

    first, second = studio.folder / "від-бібліотек", studio.folder / "пошта-грудень"
    if first.exists():
        return first, second
    first.mkdir()
    second.mkdir()
    transfer = studio.services.transfer
    files = [transfer.export_progress(d.id, studio.course, first) for d in studio.demo[:-1]]
    transfer.export_progress(studio.demo[-1].id, studio.course, second)
    document = json.loads(files[0].read_text(encoding="utf-8"))
    changed = dict(document, learner=dict(document["learner"], name=document["learner"]["name"] + " (виправлено)"))
    (second / "Zminenyi-fail.etprogress").write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    resigned = InstallationKey.generate().sign(document)  # the same learner signed on another computer
    (second / files[0].name.replace(".etprogress", "_inshyi-PK.etprogress")).write_text(
        json.dumps(resigned, ensure_ascii=False), encoding="utf-8")
    (second / "Nedokopiiovanyi.etprogress").write_bytes(files[1].read_bytes()[:900])
    (second / "Zvit-za-misiats.json").write_text(json.dumps({"звіт": "інший файл"}, ensure_ascii=False),
                                                 encoding="utf-8")
    return first, second


def _workspace(studio: Studio, tab: int) -> Any:
    from etrainer.services.methodist import WorkspaceService
    from etrainer.storage.workspace import open_workspace
    from etrainer.ui.methodist.window import WorkspaceWindow

    first, second = _collected(studio)
    workspace = open_workspace(studio.folder / f"workspace-{len(studio.kept)}.sqlite3")
    window = studio.keep(WorkspaceWindow(WorkspaceService(workspace, studio.course)))
    window.destroyed.connect(lambda *_: workspace.dispose())
    studio.place(window)
    window.import_paths([first])
    window.import_paths([second])
    window.findChild(QTabWidget, "workspaceTabs").setCurrentIndex(tab)
    studio.settle()
    return window


def _select(studio: Studio, table: QTableView, row: int) -> None:
    table.setCurrentIndex(table.model().index(row, 0))
    studio.settle()


@shot("workspace-matrix")
def workspace_matrix(studio: Studio) -> QWidget:
    window = _workspace(studio, 0)
    _select(studio, window.findChild(QTableView, "matrixTable"), 3)
    return window


@shot("workspace-questions")
def workspace_questions(studio: Studio) -> QWidget:
    window = _workspace(studio, 1)
    table = window.findChild(QTableView, "itemTable")
    answers = [int(table.model().index(row, 2).data()) for row in range(table.model().rowCount())]
    _select(studio, table, answers.index(max(answers[:12])))  # a hard question many answered
    return window


@shot("workspace-walkthroughs")
def workspace_walkthroughs(studio: Studio) -> QWidget:
    window = _workspace(studio, 2)
    table = window.findChild(QTableView, "hotspotTable")
    for column, width in ((0, 300), (1, 470)):  # as a methodist drags the borders to see the numbers
        table.setColumnWidth(column, width)
    studio.settle()
    return window


@shot("workspace-charts")
def workspace_charts(studio: Studio) -> QWidget:
    return _workspace(studio, 4)


@shot("workspace-import")
def workspace_import(studio: Studio) -> QWidget:
    return _workspace(studio, 5)


# == the author ============================================================================================
GIFT_SAMPLE = """// A small bank as Moodle exports it (fictional content)
$CATEGORY: Е-послуги

::Що таке ЦНАП::Що таке ЦНАП? {
=Центр надання адміністративних послуг#Так, це «єдине вікно».
~Цифровий народний портал#Ні, такого порталу немає.
~Центр надання архівних послуг
}

::КЕП безкоштовно::Кваліфікований електронний підпис можна отримати безкоштовно. {T}

::Строк::Загальний строк надання адміністративної послуги — {#30} календарних днів.

::Есе::Опишіть свій досвід допомоги відвідувачам. {}
"""


@shot("import-questions")
def import_questions(studio: Studio) -> QWidget:
    from etrainer.ui.quiz.import_dialog import ImportQuestionsDialog

    bank = studio.folder / "bank.gift"
    bank.write_text(GIFT_SAMPLE, encoding="utf-8")
    dialog = studio.place(studio.keep(ImportQuestionsDialog(studio.course, studio.main())), QSize(640, 480))
    dialog.load(bank)
    studio.settle()
    return dialog


# == running ===============================================================================================
def save(widget: QWidget, path: Path) -> int:
    """Grab `widget` (at most 1024 pixels wide) into `path` as an 8-bit PNG; returns the file's size in bytes.

    The palette is the picture's own 256 most frequent colours (a screenshot has few: the theme's colours stay
    exact, only the soft edges of letters take the nearest one), which makes the files 2–3 times smaller.
    """
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    if image.width() > SIZE.width():
        image = image.scaledToWidth(SIZE.width(), Qt.TransformationMode.SmoothTransformation)
    counts = Counter(memoryview(image.constBits()).cast("I"))
    palette = [colour | 0xFF000000 for colour, _ in counts.most_common(256)]
    image = image.convertToFormat(QImage.Format.Format_Indexed8, palette, Qt.ImageConversionFlag.ThresholdDither)
    if not image.save(str(path), "PNG", 0):
        raise OSError(f"{path} could not be written")
    return path.stat().st_size


def _quiet(mode: Any, context: Any, message: str) -> None:
    if "propagateSizeHints" not in message:  # the offscreen platform says it for every window
        print(message, file=sys.stderr)


def main(names: list[str]) -> int:
    unknown = [name for name in names if name not in SHOTS]
    if unknown:
        print(f"unknown picture(s): {', '.join(unknown)}; known: {', '.join(SHOTS)}", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # read when the QApplication is made
    qInstallMessageHandler(_quiet)
    OUT.mkdir(parents=True, exist_ok=True)
    total = 0
    with tempfile.TemporaryDirectory(prefix="etrainer-guides-") as folder:
        studio = Studio(Path(folder))
        for name, take in SHOTS.items():
            if names and name not in names:
                continue
            widget = take(studio)
            studio.settle()
            size = save(widget, OUT / f"{name}.png")
            total += size
            print(f"{name}.png  {widget.width()}×{widget.height()}  {size // 1024} KB")
            for kept in studio.kept:
                if shiboken6.isValid(kept):
                    kept.close()
            studio.kept.clear()
            studio.set_theme("light")
        studio.main().close()
        studio.services.close()
    print(f"{total // 1024} KB in all")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
