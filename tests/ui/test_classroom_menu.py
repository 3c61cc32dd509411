"""The Classroom menu starts the presentation of the open lesson, the classroom quiz and the memo PDF."""

from __future__ import annotations

from PySide6.QtGui import QAction

from etrainer.core.course.pack import load_pack
from etrainer.paths import bundled_course_dir
from etrainer.services.facade import open_app_services
from etrainer.ui.main_window import MainWindow
from etrainer.ui.viewmodels.reader import ReaderViewModel


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
