"""The phone page in a real browser: Debian's chromium, headless, driven by Playwright (never its own browser
download), against the real projector window (ClassroomQuizWindow with its VotingPanel) in the same test.

Playwright's sync API blocks the main thread while it drives the page; the voting server runs on its own
thread, and the projector's Qt signals are delivered whenever the test waits with qtbot. The browser may
reach nothing but the server on 127.0.0.1: every other request is aborted and makes the test fail.
"""

from __future__ import annotations

import random
import struct
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPushButton, QSpinBox

from etrainer.core.classroom.quiz import Stage
from etrainer.core.course.pack import load_pack
from etrainer.core.quiz.model import QuestionKind
from etrainer.paths import bundled_course_dir
from etrainer.ui.classroom import projector
from etrainer.ui.classroom.quiz_screen import ClassroomQuizWindow
from etrainer.ui.classroom.voting_panel import LOOPBACK

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]
PHONE = {"width": 390, "height": 844}


def _wait_for(page: Any, qtbot: Any, selector: str, timeout: float = 30.0) -> None:
    """Wait for `selector` while the Qt event loop runs: the projector's side of the server answers through
    it, so a browser wait that blocks this thread could only time out."""
    deadline = time.monotonic() + timeout
    while not page.locator(selector).first.is_visible():
        if time.monotonic() > deadline:
            raise AssertionError(f"{selector!r} did not appear in {timeout:g} s: {page.inner_text('body')[:300]!r}")
        qtbot.wait(50)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: the phone page test needs Debian's chromium "
                    "(scripts/bootstrap installs it: apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is missing: run scripts/bootstrap (it installs the test extra)")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=str(CHROMIUM), headless=True, args=ARGS,
            viewport=PHONE, device_scale_factor=1, locale="uk-UA", service_workers="block")
        try:
            yield context
        finally:
            context.close()


@pytest.fixture(autouse=True)
def _no_beeps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(projector, "beep", lambda: None)


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def _only_loopback(page: Any, base: str, outside: list[str]) -> None:
    def route(route: Any) -> None:
        if route.request.url.startswith(base):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", route)


def test_a_phone_joins_answers_and_the_projector_counts_it(qtbot, browser, tmp_path):
    course = load_pack(bundled_course_dir()).course
    window = ClassroomQuizWindow(course, course.quiz("admin-services-quiz"), rng=random.Random(17))
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    window.findChild(QSpinBox, "countSpin").setValue(2)
    window.findChild(QCheckBox, "phonesCheck").setChecked(True)
    combo = window.findChild(QComboBox, "phoneAddressCombo")
    combo.setCurrentIndex(combo.findData(LOOPBACK))
    window.findChild(QPushButton, "startButton").click()
    panel = window.voting
    assert panel is not None
    answered = panel.findChild(QLabel, "votingAnswered")
    base = panel.server.url
    outside: list[str] = []
    shots = tmp_path / "shots"
    shots.mkdir()

    page = browser.new_page()
    _only_loopback(page, base, outside)
    page.goto(panel.phone_url())
    assert page.input_value("#room") == panel.room.code  # the QR code's address fills the room code in
    page.fill("#name", "Оксана")
    page.screenshot(path=str(shots / "join.png"))
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scrolling
    page.click("#joinButton")
    _wait_for(page, qtbot, "text=Чекайте на питання від тренера.")
    qtbot.waitUntil(lambda: answered.text() == "In the room: 1", timeout=5000)

    qtbot.keyClick(window, Qt.Key.Key_Space)  # the trainer opens the first question
    question = window.session.current
    _wait_for(page, qtbot, ".tile")
    assert page.locator(".tile").count() == len(question.options)
    sizes = page.evaluate("""() => ({
        question: parseFloat(getComputedStyle(document.getElementById('question')).fontSize),
        tiles: Array.prototype.map.call(document.querySelectorAll('.tile'), t => t.getBoundingClientRect().height),
        widths: Array.prototype.map.call(document.querySelectorAll('.tile'), t => t.getBoundingClientRect().width),
        send: document.getElementById('sendButton').getBoundingClientRect().height})""")
    assert sizes["question"] >= 18 and min(sizes["tiles"]) >= 48 and sizes["send"] >= 48
    assert min(sizes["widths"]) >= 330  # full-width tiles
    assert page.is_disabled("#sendButton")
    for letter in question.right_letters:
        page.click(f".tile[data-letter='{letter}']")
    page.screenshot(path=str(shots / "question.png"))
    page.click("#sendButton")
    _wait_for(page, qtbot, "text=Відповідь прийнято ✓")
    qtbot.waitUntil(lambda: answered.text() == "Answered: 1 of 1", timeout=5000)  # the projector's tally changed
    page.screenshot(path=str(shots / "accepted.png"))

    qtbot.keyClick(window, Qt.Key.Key_R)
    _wait_for(page, qtbot, "text=✓ Правильно!")
    assert "Правильна відповідь: " + ", ".join(question.right_letters) in page.inner_text("#message")
    page.screenshot(path=str(shots / "result.png"))
    letters = [o.letter for o in question.options]
    assert window.session.hands() == tuple(int(letter in question.right_letters) for letter in letters)

    # An old browser without EventSource: the page polls instead.
    old = browser.new_page()
    _only_loopback(old, base, outside)
    old.add_init_script("window.EventSource = undefined;")
    old.goto(base)
    old.fill("#room", panel.room.code)
    old.fill("#name", "Петро")
    old.click("#joinButton")
    _wait_for(old, qtbot, "text=Чекайте на питання від тренера.")
    qtbot.keyClick(window, Qt.Key.Key_N)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.session.stage is Stage.VOTING and window.session.index == 1
    ordering = window.session.current  # the second question puts steps in order
    assert ordering.kind is QuestionKind.ORDERING
    _wait_for(old, qtbot, "text=Питання 2 з 2")
    _wait_for(page, qtbot, "text=Питання 2 з 2")
    right = list(ordering.right_letters)
    swapped = [right[1], right[0], *right[2:]]
    for phone, order in ((page, right), (old, swapped)):
        for letter in order:  # tap the items in the order they come
            phone.click(f".tile[data-letter='{letter}']")
        assert not phone.is_disabled("#sendButton")
        phone.click("#sendButton")
        _wait_for(phone, qtbot, "text=Відповідь прийнято ✓")
    qtbot.waitUntil(lambda: answered.text() == "Answered: 2 of 2", timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_R)
    _wait_for(page, qtbot, "text=✓ Правильно!")
    assert "Правильна відповідь: " + " → ".join(right) in page.inner_text("#message")
    distribution = panel.findChild(QLabel, "votingDistribution")
    assert distribution.text().split("\n") == [f"✓ {' '.join(right)} — 1", f"{' '.join(swapped)} — 1"]
    qtbot.keyClick(window, Qt.Key.Key_N)  # the end: the summary, and each phone's place
    _wait_for(page, qtbot, "text=Ваше місце: 1 з 2")
    _wait_for(old, qtbot, "text=Ваше місце: 2 з 2")
    page.screenshot(path=str(shots / "place.png"))

    assert outside == []  # no CDN, no fonts, nothing but the server
    for name in ("join", "question", "accepted", "result", "place"):
        assert _png_size(shots / f"{name}.png") == (PHONE["width"], PHONE["height"])
    window.close()
    assert window.voting is None
