"""Essays in the window: writing with a word counter and the rubric beside, the draft saved as she types,
«under review» once sent, the automatic score apart; then the methodist's reply, opened from a file, shown
beside her answer, and the home page notice of new replies."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QPushButton, QWidget

from etrainer.services.essay_grading import EssayGradingService
from etrainer.services.methodist import WorkspaceService
from etrainer.storage.workspace import open_workspace
from etrainer.ui.quiz.essay import EssayReplies

from .conftest import type_text
from .test_quiz import click_tree, open_window, page, quiz_page

QUIZ = """\
id: essay-quiz
title: Рефлексія — основи
module: basics
feedback: immediate
questions:
  - id: ui-true
    type: true_false
    text: ЦНАП утворюють органи місцевого самоврядування.
    correct: true
  - id: ui-essay
    type: essay
    title: Допомога без КЕП
    text: Опишіть, як ви допомогли б відвідувачеві без електронного підпису.
    min_words: 3
    max_words: 50
    rubric:
      - criterion: Кроки
        levels:
          - {title: Немає, points: 0}
          - {title: По порядку, points: 2}
    model_answer: Спершу зʼясовую, яку послугу шукає відвідувач.
"""


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    from .conftest import GOOD_PACK

    root = tmp_path / "pack"
    shutil.copytree(GOOD_PACK, root)
    (root / "01-basics" / "essay.quiz.yaml").write_text(QUIZ, encoding="utf-8")
    return root


def label(window: QWidget, name: str) -> str:
    found = window.findChild(QLabel, name)
    assert found is not None, name
    return found.text()


def test_an_essay_is_written_sent_and_its_reply_shown_beside_it(qtbot, pack, tmp_path, monkeypatch):
    window, services = open_window(qtbot, pack, tmp_path / "data")
    click_tree(qtbot, window, "Рефлексія — основи")
    qtbot.mouseClick(window.findChild(QPushButton, "startQuizButton"), Qt.MouseButton.LeftButton)
    keys = quiz_page(window)
    qtbot.keyClick(keys, Qt.Key.Key_1)                                 # true/false: right
    qtbot.keyClick(keys, Qt.Key.Key_Return)
    qtbot.keyClick(keys, Qt.Key.Key_Return)
    assert page(window) == "quizQuestion"
    editor = window.findChild(QPlainTextEdit, "essayText")
    assert "Кроки" in label(window, "essayRubric") and "По порядку — 2" in label(window, "essayRubric")
    check = window.findChild(QPushButton, "checkButton")
    type_text(editor, "Спершу я")
    assert "Words: 2 (from 3 to 50)" in label(window, "essayWordCount") and not check.isEnabled()
    attempt = window.findChild(QWidget, "quizPage").vm.attempt
    qtbot.waitUntil(lambda: services.quizzes.essay_draft(attempt, 1) == "Спершу я", timeout=3000)
    type_text(editor, " питаю, яку послугу шукає відвідувач.")
    assert check.isEnabled()
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    assert "Under review" in label(window, "essayStatus") and editor.isReadOnly()
    assert "Спершу зʼясовую" in label(window, "essayModelAnswer")
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)                 # see the results
    score = label(window, "resultScore")
    assert "100%" in score and "1 answer(s) under review" in score and "Passed" in score

    # The methodist's round: the learner's progress file → workspace → mark → reply file.
    course = window.vm.course
    progress = services.transfer.export_progress(window.vm.learner.id, course, tmp_path)
    workspace = open_workspace(tmp_path / "ws.sqlite3")
    try:
        WorkspaceService(workspace).import_file(progress)
        grading = EssayGradingService(workspace, course)
        (essay,) = grading.essays()
        grading.grade(essay.id, comment="Добре, але згадайте про паролі.", levels=[1], grader="Ірина")
        (reply,) = grading.export_feedback(tmp_path / "replies")
    finally:
        workspace.dispose()

    shown: list[str] = []
    monkeypatch.setattr("etrainer.ui.feedback_flow.show_message", lambda parent, title, text, details="":
                        shown.append(text))
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(reply))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier)
    assert QApplication.sendEvent(window, enter) and enter.isAccepted()  # a reply may be dropped here
    drop = QDropEvent(QPoint(10, 10).toPointF(), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)                               # dropped on the window
    assert shown and "1 new" in shown[0]
    window.show_home()
    notice = window.findChild(QPushButton, "feedbackNotice")
    assert notice is not None and notice.text() == "New replies from the methodist (1)"

    items = services.essays.sent_essays(window.vm.learner.id, course)
    replies = EssayReplies([(i.title, i.text, i.mark) for i in items])
    qtbot.addWidget(replies)
    assert "Спершу я питаю" in label(replies, "essayAnswerText0")
    beside = label(replies, "essayReplyText0")
    assert "2 of 2 points" in beside and "Кроки: По порядку" in beside and "згадайте про паролі" in beside
    assert "Ірина" in beside

    monkeypatch.setattr("etrainer.ui.quiz.essay.EssayRepliesDialog.exec", lambda self: 0)
    qtbot.mouseClick(notice, Qt.MouseButton.LeftButton)                # she looks at it: no longer new
    assert services.essays.new_feedback_count(window.vm.learner.id) == 0
    assert window.findChild(QPushButton, "feedbackNotice") is None or \
        not window.findChild(QPushButton, "feedbackNotice").isVisible()
    assert json.loads(reply.read_text(encoding="utf-8"))["format"] == "etrainer-feedback"
