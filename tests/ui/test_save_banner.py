"""When saving fails, the real main window says so in one persistent banner above the lesson; reading goes
on; nothing looks saved that is not; the banner clears once a write succeeds again; no traceback is printed.

The failures are real SQLite refusals (tests/faults.py): SQLITE_FULL through `PRAGMA max_page_count` (only
writes that need a new page fail, as on a nearly full disk), and SQLITE_READONLY through `PRAGMA query_only`
(every write fails)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QWidget
from tests.faults import disk_full, read_only

from etrainer.paths import database_path
from etrainer.ui.quiz.page import QuizPage

from .test_quiz import click_tree, feedback, heading, open_window, page, stored_responses
from .test_quiz import pack as pack  # the fixture, shared

LONG_NOTE = "Мій довгий конспект про ЦНАП. " * 300  # ~9 KB: needs new database pages
DISK_FULL = ("⚠ Progress is not being saved right now: the disk is full. Free some space or call the PC "
             "administrator. You can go on reading the lessons.")


def banner(window) -> QFrame:  # type: ignore[no-untyped-def]
    return window.findChild(QFrame, "saveBanner")


def banner_text(window) -> str:  # type: ignore[no-untyped-def]
    return window.findChild(QLabel, "saveBannerLabel").text()


def retry(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(window.findChild(QPushButton, "retrySaveButton"), Qt.MouseButton.LeftButton)


def test_a_full_disk_shows_the_banner_above_the_lesson_until_a_write_succeeds(qtbot, pack, tmp_path, capfd):
    data = tmp_path / "data"
    window, services = open_window(qtbot, pack, data)
    assert not banner(window).isVisible()
    click_tree(qtbot, window, "Перший урок")
    saved_notes: list[bool] = []
    window.vm.note_saved.connect(lambda: saved_notes.append(True))

    lift = disk_full(services.database.engine, database_path(data))
    for _ in range(3):
        window.vm.save_note(LONG_NOTE)
    assert saved_notes == []  # the note is never reported saved
    assert services.learning.note(window.vm.learner.id, "first-lesson") is None
    assert banner(window).isVisible()
    assert banner_text(window) == DISK_FULL
    lesson = window.findChild(QLabel, "lessonTitleLabel")
    assert lesson.isVisible()
    assert banner(window).mapTo(window, banner(window).rect().bottomLeft()).y() \
        <= lesson.mapTo(window, lesson.rect().topLeft()).y()

    lift()
    retry(qtbot, window)
    assert not banner(window).isVisible()
    window.vm.save_note(LONG_NOTE)
    assert saved_notes == [True]
    assert services.learning.note(window.vm.learner.id, "first-lesson") is not None
    err = capfd.readouterr().err
    assert "Traceback" not in err
    assert err.count("saving failed") <= 1  # logged once, not once per write
    services.close()


def test_a_read_only_database_reading_goes_on_and_retry_clears_the_banner_only_when_saving_works(
        qtbot, pack, tmp_path, capfd):
    data = tmp_path / "data"
    window, services = open_window(qtbot, pack, data)
    lift = read_only(services.database.engine)
    for title in ("Перший урок", "Другий урок", "Перший урок"):
        click_tree(qtbot, window, title)
        assert window.findChild(QLabel, "lessonTitleLabel").text() == title
    assert banner(window).isVisible()
    assert banner_text(window).startswith("⚠ Progress is not being saved right now: the data folder ")
    assert str(data) in banner_text(window)
    qtbot.mouseClick(window.findChild(QPushButton, "bookmarkButton"), Qt.MouseButton.LeftButton)
    assert services.learning.bookmarks(window.vm.learner.id) == []
    star = window.findChild(QPushButton, "bookmarkButton")
    assert not star.isChecked() and star.text() == "☆ Bookmark"  # the star shows what is stored

    retry(qtbot, window)
    assert banner(window).isVisible()  # still read-only: the banner stays
    lift()
    retry(qtbot, window)
    assert not banner(window).isVisible()
    assert "Traceback" not in capfd.readouterr().err
    services.close()


def test_an_answer_that_cannot_be_saved_is_not_shown_as_recorded(qtbot, pack, tmp_path, capfd):
    data = tmp_path / "data"
    window, services = open_window(qtbot, pack, data)
    click_tree(qtbot, window, "Перевірка — основи")
    qtbot.mouseClick(window.findChild(QPushButton, "startQuizButton"), Qt.MouseButton.LeftButton)
    assert page(window) == "quizQuestion" and "1 of 9" in heading(window)
    keys = window.findChild(QWidget, "quizPage")
    quiz_vm = window.findChild(QuizPage).vm

    lift = read_only(services.database.engine)
    qtbot.keyClick(keys, Qt.Key.Key_2)       # option 2 is right
    qtbot.keyClick(keys, Qt.Key.Key_Return)  # check: the answer cannot be saved
    assert feedback(window).startswith("Not saved")
    assert "✓" not in feedback(window)
    assert quiz_vm.attempt.answers == {}
    assert stored_responses(services) == []
    assert "1 of 9" in heading(window)
    assert banner(window).isVisible()

    lift()
    qtbot.keyClick(keys, Qt.Key.Key_Return)  # check again: saved now
    assert "✓" in feedback(window)
    assert stored_responses(services) == [("ui-single", True)]
    assert not banner(window).isVisible()
    assert "Traceback" not in capfd.readouterr().err
    services.close()


def test_the_banner_speaks_ukrainian_as_ui_md_sketches(qtbot, qapp):
    from PySide6.QtCore import QLocale

    from etrainer.i18n import install_translators
    from etrainer.services.saving import SaveFailedDiskFull
    from etrainer.ui.common.errors import error_sentence
    from etrainer.ui.common.save_banner import SaveBanner

    previous = QLocale()
    translators = install_translators(qapp, "uk")
    try:
        widget = SaveBanner()
        qtbot.addWidget(widget)
        widget.show_failure(error_sentence(SaveFailedDiskFull(detail="database or disk is full", folder="/d")))
        assert widget.text() == ("⚠ Прогрес зараз не зберігається: на диску немає місця. Звільніть місце або "
                                 "покличте адміністратора ПК. Читати уроки можна далі.")
        assert widget.findChild(QPushButton, "retrySaveButton").text() == "Повторити"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(previous)
