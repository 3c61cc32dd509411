"""Presentation mode: keys, blanking, leaving, the presenter view, screens, fitting, and memo printing."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QTextBrowser, QWidget

from etrainer.core.classroom.slide_show import Blank
from etrainer.core.course.model import Course, Lesson, Memo, Module
from etrainer.core.ids import CourseId, LessonId, ModuleId
from etrainer.ui.presentation import print as memo_printing
from etrainer.ui.presentation.slide_layout import SlideLayout, minimum_body_px
from etrainer.ui.presentation.slide_view import SlideView
from etrainer.ui.presentation.window import PresentationWindow, start_presentation

from .conftest import type_text

LONG = " ".join(f"Речення номер {n} розповідає про адміністративні послуги в бібліотеці." for n in range(1, 41))
BODY = textwrap.dedent(f"""
    ## Вступ

    Ласкаво просимо на заняття.

    <!-- notes: Привітайтеся і запитайте, хто бував у ЦНАП. -->

    ---

    ## Картка послуги

    ![Картка](images/pic.png)

    ---

    ## Довгий розділ

    {LONG}

    ---

    ## Підсумок

    Дякуємо!
    """)


class Ticks:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def course(tmp_path: Path) -> Course:
    folder = tmp_path / "basics"
    (folder / "images").mkdir(parents=True)
    picture = QImage(800, 500, QImage.Format.Format_RGB32)
    picture.fill(QColor("#2255CC"))
    assert picture.save(str(folder / "images" / "pic.png"))
    lesson = Lesson(LessonId("demo"), "Презентація уроку", ModuleId("basics"), folder / "demo.md", BODY)
    memo = Memo(ModuleId("basics"), "Памʼятка: основи", folder / "memo.md",
                "# Памʼятка: основи\n\n## Головне\n\n- Заяву подає сам відвідувач.\n")
    module = Module(ModuleId("basics"), "Основи", folder, (lesson,), memo=memo)
    return Course(CourseId("demo-course"), "Навчальний курс", "1", tmp_path, (module,), sources_as_of="листопад 2026")


@pytest.fixture
def clock() -> Ticks:
    return Ticks()


@pytest.fixture
def window(qtbot, course: Course, clock: Ticks) -> PresentationWindow:
    screen = QGuiApplication.primaryScreen()
    shown = PresentationWindow(course, course.modules[0].lessons[0], screens=[screen], clock=clock)
    qtbot.addWidget(shown)
    shown.present()
    qtbot.waitExposed(shown)
    return shown


def counter(window: PresentationWindow) -> str:
    return window.findChild(QLabel, "presenterCounter").text()


def test_arrow_and_clicker_keys_move_through_slides_and_pages(qtbot, window: PresentationWindow) -> None:
    assert window.slide_count() == 4
    assert window.current_page().slide.title == "Вступ" and counter(window) == "Slide 1 of 4"
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.current_page().slide.title == "Картка послуги" and counter(window) == "Slide 2 of 4"
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    long_page = window.current_page()
    assert long_page.slide.title == "Довгий розділ" and long_page.count > 1 and long_page.number == 0
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.current_page().number == 1
    assert counter(window) == f"Slide 3 of 4 · page 2 of {long_page.count}"
    qtbot.keyClick(window, Qt.Key.Key_Backspace)
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert window.current_page().slide.title == "Картка послуги"
    qtbot.keyClick(window, Qt.Key.Key_End)
    assert window.current_page().slide.title == "Підсумок"
    qtbot.keyClick(window, Qt.Key.Key_Down)
    assert window.current_page().slide.title == "Підсумок"  # nothing after the last slide
    qtbot.keyClick(window, Qt.Key.Key_Home)
    assert window.current_page().slide.title == "Вступ"
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.current_page().slide.title == "Вступ"


def test_black_and_white_screens_toggle(qtbot, window: PresentationWindow) -> None:
    view = window.findChild(SlideView, "slideView")
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert window.blank() is Blank.BLACK and view.blank() is Blank.BLACK
    assert window.findChild(QLabel, "presenterBlankState").text() == "The screen is black"
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert window.blank() is Blank.NONE
    qtbot.keyClick(window, Qt.Key.Key_W)
    assert view.blank() is Blank.WHITE
    qtbot.keyClick(window, Qt.Key.Key_Period)
    assert view.blank() is Blank.BLACK
    qtbot.keyClick(window, Qt.Key.Key_Right)  # brings the slide back without moving on
    assert view.blank() is Blank.NONE and window.current_page().slide.index == 0


def test_blanking_keys_work_on_the_ukrainian_layout(window: PresentationWindow) -> None:
    type_text(window, "и")
    assert window.blank() is Blank.BLACK
    type_text(window, "ц")
    assert window.blank() is Blank.WHITE
    type_text(window, "т")
    assert window.blank() is Blank.NONE
    type_text(window, "т")
    assert window.current_page().slide.index == 1


def test_a_black_screen_paints_black(qtbot, window: PresentationWindow) -> None:
    view = window.findChild(SlideView, "slideView")
    qtbot.keyClick(window, Qt.Key.Key_B)
    image = view.grab().toImage()
    assert image.pixelColor(image.width() // 2, image.height() // 2) == QColor("#000000")
    qtbot.keyClick(window, Qt.Key.Key_B)
    image = view.grab().toImage()
    assert image.pixelColor(5, 5) == QColor("#FFFFFF")


def test_escape_ends_the_show(qtbot, window: PresentationWindow) -> None:
    with qtbot.waitSignal(window.finished, timeout=2000):
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible() and not window.presenter_view().isVisible()


def test_clicks_go_on_and_back(qtbot, window: PresentationWindow) -> None:
    view = window.findChild(SlideView, "slideView")
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton)
    assert window.current_page().slide.index == 2
    qtbot.mouseClick(view, Qt.MouseButton.RightButton)
    assert window.current_page().slide.index == 1


def test_presenter_view_shows_notes_the_next_slide_and_the_time(qtbot, window: PresentationWindow,
                                                                 clock: Ticks) -> None:
    presenter = window.presenter_view()
    notes = presenter.findChild(QTextBrowser, "presenterNotes")
    current = presenter.findChild(SlideView, "presenterCurrent")
    following = presenter.findChild(SlideView, "presenterNext")
    assert notes.toPlainText() == "Привітайтеся і запитайте, хто бував у ЦНАП."
    assert current.page().slide.title == "Вступ" and following.page().slide.title == "Картка послуги"
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert notes.toPlainText() == "No speaker notes for this slide."
    assert following.page().slide.title == "Довгий розділ"
    qtbot.keyClick(window, Qt.Key.Key_End)
    assert following.page() is None
    clock.now += 125
    window.findChild(QTimer).timeout.emit()
    assert presenter.findChild(QLabel, "presenterClock").text() == "02:05"
    qtbot.mouseClick(presenter.findChild(QPushButton, "presenterRestartClock"), Qt.MouseButton.LeftButton)
    assert presenter.findChild(QLabel, "presenterClock").text() == "00:00"


def test_presenter_buttons_and_keys_drive_the_show(qtbot, window: PresentationWindow) -> None:
    presenter = window.presenter_view()
    qtbot.mouseClick(presenter.findChild(QPushButton, "presenterNextButton"), Qt.MouseButton.LeftButton)
    assert window.current_page().slide.index == 1
    qtbot.keyClick(presenter, Qt.Key.Key_PageUp)
    assert window.current_page().slide.index == 0
    qtbot.mouseClick(presenter.findChild(QPushButton, "presenterWhite"), Qt.MouseButton.LeftButton)
    assert window.blank() is Blank.WHITE
    with qtbot.waitSignal(window.finished, timeout=2000):
        qtbot.mouseClick(presenter.findChild(QPushButton, "presenterEnd"), Qt.MouseButton.LeftButton)


def test_with_one_screen_the_presenter_view_is_a_window_toggled_with_s(qtbot, window: PresentationWindow) -> None:
    presenter = window.presenter_view()
    assert window.isFullScreen() and not presenter.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_S)
    assert presenter.isVisible() and presenter.isWindow()
    qtbot.keyClick(presenter, Qt.Key.Key_S)
    assert not presenter.isVisible() and window.isVisible()


def test_with_two_screens_the_presenter_view_opens_by_itself(qtbot, course: Course) -> None:
    screen = QGuiApplication.primaryScreen()
    window = PresentationWindow(course, course.modules[0].lessons[0], screens=[screen, screen])
    qtbot.addWidget(window)
    window.present()
    assert window.isFullScreen() and window.presenter_view().isVisible()
    window.close()


def test_start_presentation_opens_a_window_that_is_deleted_when_closed(qtbot, course: Course) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    window = start_presentation(parent, course, course.modules[0].lessons[0])
    assert window.isVisible() and window.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    with qtbot.waitSignal(window.finished, timeout=2000):
        window.close()


@pytest.mark.parametrize("size", [QSize(1024, 768), QSize(1920, 1080)])
def test_pages_never_use_type_below_the_projector_minimum(qtbot, course: Course, size: QSize) -> None:
    lesson = course.modules[0].lessons[0]
    from etrainer.core.classroom.slides import split_slides

    layout = SlideLayout(course, lesson, size)
    minimum = minimum_body_px(size.height())
    assert minimum == {768: 38, 1080: 53}[size.height()]  # 28 pt at 96 dpi is 37.3 px of a 768-px-high screen
    slides = split_slides(lesson)
    long_pages = layout.pages(slides[2])
    assert len(long_pages) > 1 and all(page.body_px >= minimum for slide in slides for page in layout.pages(slide))
    assert [page.title for page in long_pages][:2] == [f"Довгий розділ (1/{len(long_pages)})",
                                                       f"Довгий розділ (2/{len(long_pages)})"]
    words = " ".join(page.markdown for page in long_pages).split()
    assert words == LONG.split()


def test_pictures_are_scaled_into_the_slide(qtbot, course: Course) -> None:
    lesson = course.modules[0].lessons[0]
    from etrainer.core.classroom.slides import split_slides

    layout = SlideLayout(course, lesson, QSize(1024, 768))
    page = layout.pages(split_slides(lesson)[1])[0]
    image = QImage(layout.size, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    layout.paint(painter, page)
    painter.end()
    blue = [x for x in range(0, image.width(), 4) if image.pixelColor(x, image.height() // 2) == QColor("#2255CC")]
    assert blue, "the picture is painted"
    assert max(blue) - min(blue) <= layout.text_width
    bottom_row = [image.pixelColor(x, image.height() - 3) for x in range(0, image.width(), 8)]
    assert all(colour == QColor("#FFFFFF") for colour in bottom_row), "the picture stays inside the page"


class FakePrintDialog:
    """Accepts at once and prints to a PDF file instead of a printer."""

    target = Path()

    def __init__(self, printer: QPrinter, parent: QWidget | None = None) -> None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.target))

    def setWindowTitle(self, title: str) -> None:
        pass

    def exec(self) -> int:
        return QDialog.DialogCode.Accepted


def test_print_memo_prints_to_the_chosen_printer(qtbot, course: Course, tmp_path: Path, monkeypatch) -> None:
    FakePrintDialog.target = tmp_path / "printed.pdf"
    monkeypatch.setattr(memo_printing, "QPrintDialog", FakePrintDialog)
    assert memo_printing.print_memo(None, course, "basics")
    assert FakePrintDialog.target.read_bytes().startswith(b"%PDF")


def test_print_memo_of_an_unknown_module_says_so(qtbot, course: Course, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(memo_printing, "show_error", lambda parent, title, error: shown.append(str(error)))
    monkeypatch.setattr(memo_printing, "QPrintDialog", FakePrintDialog)
    assert not memo_printing.print_memo(None, course, "missing")
    assert not memo_printing.print_memo(None, course, None)
    assert shown == ["The course has no module “missing”. Module ids: basics.",
                     "The course has no course-wide memo (memo.md beside course.yaml)."]
