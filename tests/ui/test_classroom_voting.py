"""The classroom quiz with voting from phones: the projector's panel, driven by simulated phones over HTTP."""

from __future__ import annotations

import json
import random
import socket
import urllib.error
import urllib.request
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QListWidget, QPushButton, QSpinBox

from etrainer.core.classroom.quiz import Stage
from etrainer.core.classroom.summary import load_summary
from etrainer.core.course.model import Course
from etrainer.core.course.pack import load_pack
from etrainer.core.quiz.model import QuestionKind
from etrainer.paths import bundled_course_dir
from etrainer.ui.classroom import projector
from etrainer.ui.classroom.quiz_screen import ClassroomQuizWindow
from etrainer.ui.classroom.voting_panel import LOOPBACK, lan_addresses, qr_pixmap


@pytest.fixture(scope="module")
def course() -> Course:
    return load_pack(bundled_course_dir()).course


@pytest.fixture(autouse=True)
def _no_beeps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(projector, "beep", lambda: None)


def post(url: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(url, json.dumps(body).encode(), {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def start_with_phones(qtbot, course: Course) -> ClassroomQuizWindow:  # type: ignore[no-untyped-def]
    window = ClassroomQuizWindow(course, course.quiz("admin-services-quiz"), rng=random.Random(0))
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    window.findChild(QComboBox, "tallyModeCombo").setCurrentIndex(1)
    window.findChild(QSpinBox, "countSpin").setValue(2)
    window.findChild(QCheckBox, "phonesCheck").setChecked(True)
    combo = window.findChild(QComboBox, "phoneAddressCombo")
    assert combo.itemData(combo.count() - 1) == LOOPBACK
    assert [combo.itemData(i) for i in range(combo.count() - 1)] == lan_addresses()
    combo.setCurrentIndex(combo.count() - 1)
    assert window.findChild(QComboBox, "tallyModeCombo").currentIndex() == 0  # phones count per option
    window.findChild(QPushButton, "startButton").click()
    assert window.voting is not None and window.session is not None
    return window


def test_phones_answer_and_the_projector_counts_live_then_shows_the_distribution(qtbot, course, tmp_path):
    window = start_with_phones(qtbot, course)
    panel = window.voting
    assert panel.server.host == LOOPBACK
    base, code = panel.server.url, panel.room.code
    assert panel.findChild(QLabel, "votingCode").text().endswith(code)
    assert not panel.findChild(QLabel, "votingQr").pixmap().isNull()
    tokens = {name: post(base + "api/join", {"room": code, "name": name})[1]["token"]
              for name in ("Оля", "Петро", "Іра")}
    answered = panel.findChild(QLabel, "votingAnswered")
    qtbot.waitUntil(lambda: answered.text() == "In the room: 3", timeout=3000)
    assert all(not tile.spin.isVisible() for tile in window._board.tiles)  # no hand counting by the trainer
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.session.stage is Stage.VOTING
    question = window.session.current
    assert question.kind is QuestionKind.SINGLE_CHOICE
    right = question.right_letters[0]
    wrong = next(o.letter for o in question.options if not o.correct)
    assert post(base + "api/vote", {"room": code, "token": tokens["Оля"], "question": 1, "answer": [right]})[0] == 200
    qtbot.waitUntil(lambda: answered.text() == "Answered: 1 of 3", timeout=3000)
    post(base + "api/vote", {"room": code, "token": tokens["Петро"], "question": 1, "answer": [wrong]})
    qtbot.waitUntil(lambda: answered.text() == "Answered: 2 of 3", timeout=3000)
    assert not panel.findChild(QLabel, "votingDistribution").isVisible()  # hidden until the reveal
    names = panel.findChild(QListWidget, "votingNames")
    names.setCurrentItem(names.findItems("Іра", Qt.MatchFlag.MatchExactly)[0])
    panel.findChild(QPushButton, "removeNameButton").click()
    qtbot.waitUntil(lambda: answered.text() == "Answered: 2 of 2", timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_R)
    hands = window.session.hands()
    letters = [o.letter for o in question.options]
    assert hands[letters.index(right)] == 1 and hands[letters.index(wrong)] == 1 and sum(hands) == 2
    distribution = panel.findChild(QLabel, "votingDistribution")
    assert distribution.isVisible() and f"{right} ✓ — 1" in distribution.text()
    assert "1. Оля — 1" in panel.findChild(QLabel, "votingScoreboard").text()
    qtbot.keyClick(window, Qt.Key.Key_N)
    qtbot.keyClick(window, Qt.Key.Key_N)  # the second question is skipped without opening it
    assert window.session.stage is Stage.FINISHED
    markdown = window.summary_markdown()
    assert "Voting from phones (participants: 2)" in markdown
    assert "Answered from phones: 2; right: 1" in markdown and "Not opened for the phones." in markdown
    assert "| 1 | Оля | 1 |" in markdown
    target = tmp_path / "summary.json"
    from etrainer.core.classroom.summary import save_summary

    save_summary(window.summary(), target)
    saved = json.loads(target.read_text(encoding="utf-8"))
    assert saved["phones"]["questions"][0]["distribution"][right] == 1 and saved["phones"]["questions"][1] is None
    assert load_summary(target).phones == window.summary().phones
    status, state = 0, {}
    with urllib.request.urlopen(f"{base}api/state?room={code}&token={tokens['Оля']}", timeout=5) as response:
        status, state = response.status, json.loads(response.read())
    assert (status, state["phase"], state["place"]) == (200, "finished", 1)
    port = panel.server.port
    window.close()
    assert window.voting is None
    with pytest.raises(OSError), socket.create_connection((LOOPBACK, port), timeout=2):
        pass


def test_a_second_vote_and_a_paused_countdown_are_refused(qtbot, course):
    window = start_with_phones(qtbot, course)
    panel = window.voting
    base, code = panel.server.url, panel.room.code
    token = post(base + "api/join", {"room": code, "name": "a"})[1]["token"]
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.keyClick(window, Qt.Key.Key_Space)  # pause
    letter = window.session.current.options[0].letter
    assert post(base + "api/vote", {"room": code, "token": token, "question": 1, "answer": [letter]}) == (
        409, {"error": "not_open"})
    qtbot.keyClick(window, Qt.Key.Key_Space)  # resume
    assert post(base + "api/vote", {"room": code, "token": token, "question": 1, "answer": [letter]})[0] == 200
    assert post(base + "api/vote", {"room": code, "token": token, "question": 1, "answer": [letter]})[0] == 409
    window.close()


def test_the_qr_code_is_made_in_memory():
    pixmap = qr_pixmap("http://192.0.2.10:8765/?room=4827", 4)
    assert not pixmap.isNull() and pixmap.width() == pixmap.height() > 100


def test_an_ordering_question_goes_to_the_phones_and_the_projector_shows_the_orders(qtbot, course, tmp_path):
    from etrainer.core.classroom.quiz import ClassroomSession, ClassroomSettings, classroom_question, eligible_questions
    from etrainer.core.classroom.summary import save_summary
    from etrainer.ui.classroom.quiz_board import QuizBoard

    steps = next(q for quiz in course.quizzes for q in eligible_questions(quiz) if q.kind is QuestionKind.ORDERING)
    lettered = classroom_question(steps, random.Random(3))
    window = ClassroomQuizWindow(course)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    assert window.start_voting(LOOPBACK, port=0)
    window.start(ClassroomSession("t", (lettered,), ClassroomSettings()))
    panel = window.voting
    base, code = panel.server.url, panel.room.code
    names = ("Оля", "Петро", "Іра")
    tokens = {name: post(base + "api/join", {"room": code, "name": name})[1]["token"] for name in names}
    qtbot.keyClick(window, Qt.Key.Key_Space)
    right = list(lettered.right_letters)
    swapped = [right[1], right[0], *right[2:]]
    status, state = 0, {}
    with urllib.request.urlopen(f"{base}api/state?room={code}&token={tokens['Оля']}", timeout=5) as response:
        status, state = response.status, json.loads(response.read())
    assert status == 200 and state["question"]["kind"] == "ordering"
    assert [o["letter"] for o in state["question"]["options"]] == [o.letter for o in lettered.options]
    for name, order in (("Оля", right), ("Петро", right), ("Іра", swapped)):
        assert post(base + "api/vote", {"room": code, "token": tokens[name], "question": 1, "answer": order})[0] == 200
    answered = panel.findChild(QLabel, "votingAnswered")
    qtbot.waitUntil(lambda: answered.text() == "Answered: 3 of 3", timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_R)
    distribution = panel.findChild(QLabel, "votingDistribution")
    assert distribution.isVisible()
    assert distribution.text().split("\n") == [f"✓ {' '.join(right)} — 2", f"{' '.join(swapped)} — 1"]
    assert [tile.letter for tile in window.findChild(QuizBoard).tiles] == right  # the board: the right order
    hands = dict(zip([o.letter for o in lettered.options], window.session.hands(), strict=True))
    assert hands[right[0]] == 2 and hands[right[1]] == 1 and sum(hands.values()) == 3  # who put it first
    assert "1. Оля — 1" in panel.findChild(QLabel, "votingScoreboard").text()
    qtbot.keyClick(window, Qt.Key.Key_N)
    markdown = window.summary_markdown()
    assert "Answered from phones: 3; right: 2" in markdown
    assert f"Orders given from phones: {' → '.join(right)} — 2; {' → '.join(swapped)} — 1" in markdown
    target = tmp_path / "summary.json"
    save_summary(window.summary(), target)
    saved = json.loads(target.read_text(encoding="utf-8"))["phones"]["questions"][0]
    assert saved["orders"] == [{"order": "".join(right), "count": 2}, {"order": "".join(swapped), "count": 1}]
    assert load_summary(target).phones == window.summary().phones
    window.close()
