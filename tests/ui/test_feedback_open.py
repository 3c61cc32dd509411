"""The methodist's reply opened the two ways a librarian meets it besides a drop: the app started with the
file (a double-click runs `etrainer FILE.etfeedback`), and File → «Відкрити відгук методиста…» (the file
chooser is patched here, in the test only)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog

from etrainer import cli
from etrainer.core.course.model import Course
from etrainer.core.course.pack import load_pack
from etrainer.core.quiz.model import QuestionKind
from etrainer.core.quiz.response import EssayResponse
from etrainer.prefs import Prefs
from etrainer.services.essay_grading import EssayGradingService
from etrainer.services.facade import open_app_services
from etrainer.services.methodist import WorkspaceService
from etrainer.storage.workspace import open_workspace
from etrainer.ui.controller import AppController
from etrainer.ui.main_window import MainWindow
from etrainer.ui.viewmodels.reader import ReaderViewModel

from .test_essay_ui import pack  # noqa: F401  (the fixture: the good pack with an essay quiz)
from .test_quiz import open_window

ESSAY = "Спершу я питаю, яку послугу шукає відвідувач."


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the reply flow told the learner (its message boxes, patched)."""
    seen: list[str] = []
    monkeypatch.setattr("etrainer.ui.feedback_flow.show_message",
                        lambda parent, title, text, details="": seen.append(text))
    monkeypatch.setattr("etrainer.ui.feedback_flow.show_error",
                        lambda parent, title, error, details="": seen.append(f"error: {error}"))
    monkeypatch.setattr("etrainer.ui.feedback_flow.show_warning",
                        lambda parent, title, text, details="": seen.append(f"warning: {text}"))
    return seen


def _sent_essay_and_reply(data: Path, course: Course, tmp_path: Path) -> tuple[str, Path]:
    """A learner in `data` sends an essay; the methodist marks it in her workspace and writes the reply."""
    services = open_app_services(data)
    try:
        learner = services.profiles.create("Марта Коваль", "Філія № 3", "бібліотекарка")
        quiz = course.quiz("essay-quiz")
        attempt = services.quizzes.start(learner.id, quiz, course)
        position = next(i for i, d in enumerate(attempt.questions) if d.question.kind is QuestionKind.ESSAY)
        attempt = services.quizzes.answer(learner.id, attempt, position, EssayResponse(ESSAY))
        services.quizzes.finish(learner.id, attempt)
        progress = services.transfer.export_progress(learner.id, course, tmp_path)
    finally:
        services.close()
    workspace = open_workspace(tmp_path / "ws.sqlite3")
    try:
        WorkspaceService(workspace).import_file(progress)
        grading = EssayGradingService(workspace, course)
        (essay,) = grading.essays()
        grading.grade(essay.id, comment="Добре.", levels=[1], grader="Ірина")
        (reply,) = grading.export_feedback(tmp_path / "replies")
    finally:
        workspace.dispose()
    return learner.id, reply


def test_a_double_click_on_a_reply_starts_the_app_with_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    started: list[argparse.Namespace] = []
    monkeypatch.setattr(cli, "_run_app", lambda args: started.append(args) or 0)
    reply = tmp_path / "Марта Коваль.etfeedback"
    assert cli.main([str(reply)]) == 0
    (args,) = started
    assert args.command is None and args.open == [reply]  # the window starts and opens it, no subcommand


def test_the_app_started_with_a_reply_opens_it_before_the_learner_goes_on(
        qtbot: Any, pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        shown: list[str]) -> None:
    course = load_pack(pack).course
    data = tmp_path / "data"
    learner, reply = _sent_essay_and_reply(data, course, tmp_path)
    result = load_pack(pack)
    vm = ReaderViewModel(result.course, result.problems)
    window = MainWindow(vm)
    qtbot.addWidget(window)
    controller = AppController(QApplication.instance(), window, vm, data, Prefs(extra={"welcome_seen": True}),
                               open_files=[reply])
    chosen: list[bool] = []
    monkeypatch.setattr(controller, "choose_profile", lambda first_time=False: chosen.append(first_time))
    controller.start()
    try:
        assert shown == ["Replies for Марта Коваль: 1 new, 0 already opened before."]
        assert controller.services is not None
        assert controller.services.essays.new_feedback_count(learner) == 1
        (item,) = controller.services.essays.sent_essays(learner, course)
        assert item.text == ESSAY and item.mark is not None and item.mark.comment == "Добре."
        assert chosen == [True]  # then she chooses her profile, as on any start
    finally:
        controller.services.close()


def test_the_file_menu_opens_a_reply_through_the_chooser(
        qtbot: Any, pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        shown: list[str]) -> None:
    course = load_pack(pack).course
    data = tmp_path / "data"
    learner, reply = _sent_essay_and_reply(data, course, tmp_path)
    window, services = open_window(qtbot, pack, data)
    asked: list[tuple[str, str]] = []

    def chooser(parent: Any, title: str, folder: str = "", filters: str = "", *args: Any) -> tuple[str, str]:
        asked.append((title, filters))
        return str(reply), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", chooser)
    try:
        action = window.findChild(QAction, "openFeedbackAction")
        assert action is not None and action.text() == "Open a methodist's reply…"
        action.trigger()
        assert asked == [("Open a methodist’s reply", "Methodist’s replies (*.etfeedback)")]
        assert shown == ["Replies for Марта Коваль: 1 new, 0 already opened before."]
        assert services.essays.new_feedback_count(learner) == 1
        action.trigger()  # the same file again changes nothing
        assert shown[-1] == "Replies for Марта Коваль: 0 new, 1 already opened before."
        assert services.essays.new_feedback_count(learner) == 1
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: ("", ""))
        action.trigger()  # cancelled: nothing happens
        assert len(shown) == 2
    finally:
        services.close()


def test_a_file_that_is_not_a_reply_is_refused_in_one_sentence_naming_it(
        qapp: QApplication, tmp_path: Path, shown: list[str]) -> None:
    from etrainer.ui.feedback_flow import open_feedback_files

    paths = []
    for name, raw in (("list.etfeedback", b"[1,2]"), ("hello.etfeedback", b"hello"), ("noise.etfeedback", b"\x00\xff")):
        paths.append(tmp_path / name)
        paths[-1].write_bytes(raw)
    services = open_app_services(tmp_path / "data")
    try:
        assert open_feedback_files(None, services.essays, paths) == []
    finally:
        services.close()
    assert shown == [f"warning: {p.name}: This is not a methodist's reply file." for p in paths]
