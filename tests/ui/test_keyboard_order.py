"""Tab follows reading order on the profile screen, a quiz question and a walkthrough step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from etrainer.core.course.pack import load_pack
from etrainer.paths import bundled_course_dir
from etrainer.services.facade import open_app_services
from etrainer.ui.profiles.dialog import ProfileDialog


def tab_walk(start: QWidget, steps: int = 60) -> list[str]:
    """The object names Tab visits from `start` (visible, enabled widgets only), as focusNextChild goes."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    names: list[str] = []
    for _ in range(steps):
        focused = QApplication.focusWidget()
        if focused is not None and focused.objectName():
            names.append(focused.objectName())
        focused.focusNextChild()
        QApplication.processEvents()
    return names


def in_order(names: list[str], wanted: list[str]) -> bool:
    """`wanted` appear in `names` one after another, in this order, starting at the first of them."""
    first = names.index(wanted[0])
    seen = [n for n in names[first:first + 3 * len(wanted)] if n in wanted]
    return seen[:len(wanted)] == wanted


def test_the_profile_screen_tabs_in_reading_order(qtbot, tmp_path):
    services = open_app_services(tmp_path)
    services.profiles.create("Оксана", pin="1357")
    dialog = ProfileDialog(services.profiles)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    names = tab_walk(dialog.findChild(QWidget, "profileList"))
    assert in_order(names, ["profileList", "pinEntry", "newProfileButton", "chooseButton", "workspaceButton"]), names
    dialog.findChild(QPushButton, "newProfileButton").click()
    names = tab_walk(dialog.findChild(QWidget, "nameField"))
    assert in_order(names, ["nameField", "branchField", "positionField", "pinField", "pinAgainField", "backButton",
                            "createButton"]), names
    services.close()


def test_a_quiz_question_and_a_walkthrough_step_tab_in_reading_order(qtbot, tmp_path):
    from etrainer.core.walkthrough.demo_answers import right_response
    from etrainer.core.walkthrough.engine import Mode, ScenarioRun
    from etrainer.ui.main_window import MainWindow
    from etrainer.ui.quiz.page import QuizPage
    from etrainer.ui.viewmodels.reader import ReaderViewModel
    from etrainer.ui.walkthrough.page import WalkthroughPage

    course = load_pack(bundled_course_dir()).course
    services = open_app_services(tmp_path)
    vm = ReaderViewModel(course, (), services)
    window = MainWindow(vm)
    qtbot.addWidget(window)
    window.resize(1024, 738)
    with qtbot.waitActive(window):
        window.show()
    vm.set_learner(services.profiles.create("Марта", "", ""))
    window.open_quiz("e-identification-quiz")
    page = window.findChild(QuizPage, "quizPage")
    page.findChild(QPushButton, "startQuizButton").click()
    # the draw is random: take two questions answered by choosing options (an essay is sent, not checked)
    checked = [i for i, drawn in enumerate(page.vm.attempt.questions)
               if drawn.question.kind.value in ("single_choice", "multiple_choice", "true_false")][:2]
    assert len(checked) == 2
    for position in checked:  # a question of each page: the options come before the buttons under them
        page.vm.go(position)
        page._answer.set_response(right_response(page.vm.attempt.questions[position].question))
        QApplication.processEvents()  # answered: «Check the answer» is enabled
        options = [w.objectName() for w in page._answer.findChildren(QWidget)
                   if w.objectName() and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        names = tab_walk(page.findChild(QWidget, options[0]) if options else page._answer)
        # the answer's controls first (an exclusive radio group is one Tab stop), then the buttons under them
        before = names[:names.index("checkButton")]
        assert before and all(name in options or name in ("previousQuestionButton", "finishQuizButton")
                              for name in before), names
        assert [n for n in before if n in options] == [n for n in options if n in before], names

    window.show_home()
    window.open_walkthrough("criminal-record", Mode.PRACTICE)
    walk = window.findChild(WalkthroughPage, "walkthroughPage")
    move = ScenarioRun.demo_next(walk.vm.state)
    walk.vm.act(move[0])  # the portal is rebuilt for the next step
    QApplication.processEvents()
    portal = [w.objectName() for w in walk.findChild(QWidget, "portalView").findChildren(QWidget)
              if w.isVisible() and w.isEnabled() and w.objectName() and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    names = tab_walk(walk.findChild(QWidget, "mode-demo"))
    # the modes are one exclusive group (one Tab stop); then the portal, then the buttons under it
    assert in_order(names, ["mode-demo", portal[0], "walkthroughBackButton", "hintButton", "restartButton"]), names
    services.close()
