"""Drive the real main window: create a profile, read, search, bookmark, switch profile, reopen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPushButton, QTreeWidget

from etrainer.core.course.pack import load_pack
from etrainer.services.facade import AppServices, open_app_services
from etrainer.ui.main_window import MainWindow
from etrainer.ui.profiles.dialog import ProfileDialog
from etrainer.ui.viewmodels.reader import ReaderViewModel

from .conftest import GOOD_PACK, type_text


def open_window(qtbot, data: Path) -> tuple[MainWindow, AppServices]:
    result = load_pack(GOOD_PACK)
    services = open_app_services(data)
    services.index_course(result.course)
    vm = ReaderViewModel(result.course, result.problems, services)
    window = MainWindow(vm)
    qtbot.addWidget(window)
    window.show()
    return window, services


def tree_texts(window: MainWindow) -> list[str]:
    tree = window.findChild(QTreeWidget, "courseTree")
    texts = []
    for i in range(tree.topLevelItemCount()):
        module = tree.topLevelItem(i)
        texts += [module.child(j).text(0) for j in range(module.childCount())]
    return texts


def click_lesson(qtbot, window: MainWindow, title: str) -> None:
    tree = window.findChild(QTreeWidget, "courseTree")
    item = next(tree.topLevelItem(i).child(j) for i in range(tree.topLevelItemCount())
                for j in range(tree.topLevelItem(i).childCount()) if title in tree.topLevelItem(i).child(j).text(0))
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def create_profile(qtbot, window: MainWindow, services: AppServices, name: str, pin: str = "") -> None:
    dialog = ProfileDialog(services.profiles, window)
    qtbot.addWidget(dialog)
    if services.profiles.list():  # the list of profiles is shown: «New profile…» opens the form
        qtbot.mouseClick(dialog.findChild(QPushButton, "newProfileButton"), Qt.MouseButton.LeftButton)
    type_text(dialog.findChild(QLineEdit, "nameField"), name)
    type_text(dialog.findChild(QLineEdit, "branchField"), "Філія № 3")
    if pin:
        qtbot.keyClicks(dialog.findChild(QLineEdit, "pinField"), pin)
        qtbot.keyClicks(dialog.findChild(QLineEdit, "pinAgainField"), pin)
    qtbot.mouseClick(dialog.findChild(QPushButton, "createButton"), Qt.MouseButton.LeftButton)
    assert dialog.chosen is not None, dialog.findChild(QLabel, "formError").text()
    window.vm.set_learner(dialog.chosen)


def test_learner_reads_searches_bookmarks_and_finds_progress_after_restart(qtbot, tmp_path):
    window, services = open_window(qtbot, tmp_path)
    create_profile(qtbot, window, services, "Марта Коваль")
    assert window.findChild(QPushButton, "profileButton") is None  # a tool button, not a push button
    assert all(text.startswith("○") for text in tree_texts(window))

    click_lesson(qtbot, window, "Перший урок")
    assert window.findChild(QLabel, "lessonTitleLabel").text() == "Перший урок"
    qtbot.mouseClick(window.findChild(QPushButton, "bookmarkButton"), Qt.MouseButton.LeftButton)
    profile = window.vm.learner
    assert [b.lesson_id for b in services.learning.bookmarks(profile.id)] == ["first-lesson"]
    qtbot.mouseClick(window.findChild(QPushButton, "nextButton"), Qt.MouseButton.LeftButton)
    assert window.findChild(QLabel, "lessonTitleLabel").text() == "Другий урок"
    assert tree_texts(window)[0].startswith("✓")  # the first lesson was read to its end

    search = window.findChild(QLineEdit, "searchField")
    type_text(search, "ЦНАП")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    results = window.findChild(QListWidget, "resultList")
    assert results.count() >= 1 and "Перший урок" in results.item(0).text()
    first = results.visualItemRect(results.item(0)).center()
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=first)
    assert window.findChild(QLabel, "lessonTitleLabel").text() == "Перший урок"

    # another librarian on the same PC starts with nothing read
    create_profile(qtbot, window, services, "Ірина Савчук", pin="2468")
    assert all(text.startswith("○") for text in tree_texts(window))
    assert services.profiles.verify_pin(window.vm.learner.id, "2468")
    window.close()
    services.close()

    # next day: the first profile finds her progress, bookmark and place
    window, services = open_window(qtbot, tmp_path)
    marta = next(p for p in services.profiles.list() if p.name == "Марта Коваль")
    window.vm.set_learner(marta)
    texts = tree_texts(window)
    assert texts[0].startswith("✓") and texts[1].startswith(("✓", "●"))
    assert window.vm.continue_target() == "first-lesson"
    window.show_bookmarks()
    assert window.findChild(QListWidget, "resultList").item(0).text() == "Перший урок"
    services.close()


def test_zoom_is_remembered_per_learner(qtbot, tmp_path):
    window, services = open_window(qtbot, tmp_path)
    create_profile(qtbot, window, services, "Olena")
    click_lesson(qtbot, window, "Другий урок")
    zoom_in = window.findChild(QAction, "zoomInAction")
    assert QKeySequence("Ctrl+=") in zoom_in.shortcuts()
    zoom_in.trigger()
    zoom_in.trigger()
    assert services.settings.zoom(window.vm.learner.id) == 120
    click_lesson(qtbot, window, "Третій урок")
    assert window._lesson_page.browser.zoom == 120
    services.close()


def test_wrong_pin_keeps_the_dialog_open(qtbot, tmp_path):
    window, services = open_window(qtbot, tmp_path)
    services.profiles.create("Оксана", pin="1357")
    dialog = ProfileDialog(services.profiles, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.findChild(QLineEdit, "pinEntry"), "0000")
    qtbot.mouseClick(dialog.findChild(QPushButton, "chooseButton"), Qt.MouseButton.LeftButton)
    assert dialog.chosen is None
    assert dialog.findChild(QLabel, "chooseError").text()
    dialog.findChild(QLineEdit, "pinEntry").clear()
    qtbot.keyClicks(dialog.findChild(QLineEdit, "pinEntry"), "1357")
    qtbot.mouseClick(dialog.findChild(QPushButton, "chooseButton"), Qt.MouseButton.LeftButton)
    assert dialog.chosen is not None and dialog.chosen.name == "Оксана"
    services.close()


@pytest.mark.parametrize("answer", [True, False])
def test_external_links_open_only_after_confirmation(qtbot, tmp_path, monkeypatch, answer):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    from etrainer.ui.common import prompts

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    asked: list[str] = []
    monkeypatch.setattr(prompts, "ask_yes_no", lambda parent, title, question, *a: asked.append(question) or answer)
    window, services = open_window(qtbot, tmp_path)
    window._lesson_page.browser.external_link_clicked.emit(QUrl("https://example.org"))
    assert asked and "https://example.org" in asked[0]
    assert opened == (["https://example.org"] if answer else [])
    services.close()


def test_going_on_with_next_counts_the_lesson_as_read(qtbot, tmp_path, monkeypatch):
    from etrainer.ui.lesson.browser import LessonBrowser

    monkeypatch.setattr(LessonBrowser, "content_fits", lambda self: False)  # long lessons, not scrolled to the end
    window, services = open_window(qtbot, tmp_path)
    create_profile(qtbot, window, services, "Ірина Далі")
    click_lesson(qtbot, window, "Другий урок")
    assert not services.learning.lesson_progress(window.vm.learner.id, "second-lesson").completed
    qtbot.mouseClick(window.findChild(QPushButton, "nextButton"), Qt.MouseButton.LeftButton)
    progress = services.learning.lesson_progress(window.vm.learner.id, "second-lesson")
    assert progress is not None and progress.completed
    services.close()


def test_a_learner_changes_and_removes_her_pin(qtbot, tmp_path):
    from PySide6.QtWidgets import QCheckBox

    from etrainer.ui.profiles.dialog import EditProfileDialog

    services = open_app_services(tmp_path)
    profile = services.profiles.create("Галина Пін", "", "", pin="1234")
    dialog = EditProfileDialog(services.profiles, profile)
    qtbot.addWidget(dialog)
    assert not dialog.findChild(QLineEdit, "pinField").isEnabled()
    dialog.findChild(QCheckBox, "changePinBox").setChecked(True)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "pinField"), "5678")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "pinAgainField"), "5679")
    qtbot.mouseClick(dialog.findChild(QPushButton, "saveButton"), Qt.MouseButton.LeftButton)
    assert "different" in dialog.findChild(QLabel, "formError").text()
    dialog.findChild(QLineEdit, "pinAgainField").clear()
    qtbot.keyClicks(dialog.findChild(QLineEdit, "pinAgainField"), "5678")
    qtbot.mouseClick(dialog.findChild(QPushButton, "saveButton"), Qt.MouseButton.LeftButton)
    assert services.profiles.verify_pin(profile.id, "5678") and not services.profiles.verify_pin(profile.id, "1234")
    removal = EditProfileDialog(services.profiles, services.profiles.get(profile.id))
    qtbot.addWidget(removal)
    removal.findChild(QCheckBox, "changePinBox").setChecked(True)
    qtbot.mouseClick(removal.findChild(QPushButton, "saveButton"), Qt.MouseButton.LeftButton)
    assert not services.profiles.get(profile.id).has_pin
    services.close()


def test_enter_creates_a_profile_and_a_wrong_pin_keeps_the_pin_field(qtbot, tmp_path):
    from PySide6.QtWidgets import QStackedWidget

    services = open_app_services(tmp_path)
    services.profiles.create("Оксана", pin="1357")
    dialog = ProfileDialog(services.profiles)
    qtbot.addWidget(dialog)
    dialog.show()
    pin = dialog.findChild(QLineEdit, "pinEntry")
    qtbot.keyClicks(pin, "0000")
    qtbot.keyClick(pin, Qt.Key.Key_Return)
    pages = dialog.findChild(QStackedWidget)
    assert pages.currentIndex() == 0 and dialog.chosen is None
    assert dialog.findChild(QLabel, "chooseError").text()
    assert dialog.focusWidget() is pin and pin.selectedText() == "0000"
    qtbot.keyClicks(pin, "1357")
    qtbot.keyClick(pin, Qt.Key.Key_Return)
    assert dialog.chosen is not None and dialog.chosen.name == "Оксана"

    fresh = ProfileDialog(services.profiles)
    qtbot.addWidget(fresh)
    fresh.show()
    qtbot.mouseClick(fresh.findChild(QPushButton, "newProfileButton"), Qt.MouseButton.LeftButton)
    name = fresh.findChild(QLineEdit, "nameField")
    type_text(name, "Марія Лисенко")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert fresh.chosen is not None and fresh.chosen.name == "Марія Лисенко"
    services.close()


def test_the_projector_lesson_text_stays_large_when_a_lesson_is_shown_again(qtbot, tmp_path, qapp):
    """After a presentation (F5) the lesson is shown again: it keeps the projector's size and the zoom."""
    from etrainer.ui.theme import Theme, apply_theme

    apply_theme(qapp, Theme.PROJECTOR)
    try:
        window, services = open_window(qtbot, tmp_path)
        create_profile(qtbot, window, services, "Марта Проектор")
        click_lesson(qtbot, window, "Перший урок")
        browser = window._lesson_page.browser
        first = browser.document().defaultFont().pointSizeF()
        click_lesson(qtbot, window, "Другий урок")
        click_lesson(qtbot, window, "Перший урок")
        assert first >= 20 and browser.document().defaultFont().pointSizeF() == first
        browser.zoom_in()
        click_lesson(qtbot, window, "Другий урок")
        assert browser.document().defaultFont().pointSizeF() == pytest.approx(first * 1.1)
        services.close()
    finally:
        apply_theme(qapp, Theme.LIGHT)


def test_search_results_mark_matches_in_bold_and_the_lesson_opens_at_the_match(qtbot, tmp_path):
    from etrainer.ui.list_page import HTML_ROLE

    window, services = open_window(qtbot, tmp_path)
    create_profile(qtbot, window, services, "Марта Пошук")
    search = window.findChild(QLineEdit, "searchField")
    type_text(search, "ЦНАП")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    results = window.findChild(QListWidget, "resultList")
    first = results.item(0)
    assert "[" not in first.text() and "]" not in first.text()
    assert "<b>ЦНАП</b>" in first.data(HTML_ROLE)
    title, _, snippet = first.text().partition("\n")
    assert not snippet.startswith(title)  # the title is not repeated in the snippet
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=results.visualItemRect(first).center())
    browser = window._lesson_page.browser
    assert browser.textCursor().selectedText().casefold().startswith("цнап")
    services.close()


def test_another_theme_recolours_the_open_lesson(qtbot, tmp_path, qapp):
    """High contrast chosen in Settings: the open lesson's headings turn yellow at once (not dark blue on black)."""
    from PySide6.QtWidgets import QApplication

    from etrainer.ui.theme import Theme, apply_theme

    window, services = open_window(qtbot, tmp_path)
    create_profile(qtbot, window, services, "Марта Тема")
    click_lesson(qtbot, window, "Перший урок")
    browser = window._lesson_page.browser
    assert "#FFFF00" not in browser.document().defaultStyleSheet()
    try:
        apply_theme(qapp, Theme.CONTRAST)
        for _ in range(3):
            QApplication.processEvents()
        assert "h1, h2, h3, h4 { color: #FFFF00; }" in browser.document().defaultStyleSheet()
        assert window.findChild(QLabel, "lessonTitleLabel").text() == "Перший урок"
    finally:
        apply_theme(qapp, Theme.LIGHT)
    services.close()
