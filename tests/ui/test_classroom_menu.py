"""The Classroom menu starts the presentation of the open lesson, the classroom quiz and the memo PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction

from etrainer.core.course.pack import load_pack
from etrainer.paths import bundled_course_dir
from etrainer.services.facade import open_app_services
from etrainer.ui.main_window import MainWindow
from etrainer.ui.viewmodels.reader import ReaderViewModel

GOOD_PACK = Path(__file__).parents[1] / "data" / "packs" / "good"


def test_present_the_open_lesson_and_start_a_classroom_quiz(qtbot, tmp_path):
    course = load_pack(bundled_course_dir()).course
    services = open_app_services(tmp_path / "data")
    vm = ReaderViewModel(course, (), services)
    window = MainWindow(vm)
    qtbot.addWidget(window)
    window.show()
    vm.set_learner(services.profiles.create("Тренерка", "", ""))
    lesson = course.modules[1].lessons[0]
    vm.open_lesson(lesson.id)
    window.findChild(QAction, "presentAction").trigger()
    presentation = window.menus.classroom.windows[-1]
    qtbot.addWidget(presentation)
    assert presentation.isVisible() and presentation.slide_count() > 1
    presentation.close()
    window.findChild(QAction, "classroomQuizAction").trigger()
    quiz_window = window.menus.classroom.windows[-1]
    qtbot.addWidget(quiz_window)
    assert quiz_window.isVisible()
    quiz_window.close()
    services.close()


def test_the_printable_kit_is_offered_whole_or_one_document_and_saved_as_pdf(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    course = load_pack(bundled_course_dir()).course
    services = open_app_services(tmp_path / "data")
    window = MainWindow(ReaderViewModel(course, (), services))
    qtbot.addWidget(window)
    offered: list[list[str]] = []

    def pick(parent, title, label, items, current, editable):  # type: ignore[no-untyped-def]
        offered.append(list(items))
        return "Скерування до ЦНАП", True

    target = tmp_path / "referral.pdf"
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(pick))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), "")))
    window.findChild(QAction, "saveKitAction").trigger()
    assert len(offered[0]) == 8 and offered[0][1:3] == ["Журнал консультацій (анонімний)",
                                                        "Правила користування публічним компʼютером"]
    assert target.read_bytes().startswith(b"%PDF")
    assert window.statusBar().currentMessage() == f"Saved {target} (1 page(s))."
    services.close()


def test_a_course_without_a_kit_says_so(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    services = open_app_services(tmp_path / "data")
    window = MainWindow(ReaderViewModel(load_pack(GOOD_PACK).course, (), services))  # a pack without a kit
    qtbot.addWidget(window)
    asked: list[object] = []
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *args: asked.append(args) or ("", False)))
    window.findChild(QAction, "saveKitAction").trigger()
    assert asked == []
    assert "kit/kit.yaml" in window.statusBar().currentMessage()
    services.close()
