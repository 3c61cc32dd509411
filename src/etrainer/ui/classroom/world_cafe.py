"""The World Café facilitator window: set-up → round timer → rotation (and the hosts' notes) → … → harvest.

The session is saved to `<sessions_dir>/world-cafe-<date and time>.json` after every step and every
note (write-then-rename), and can be reopened from the set-up page. Keys: Space pauses or resumes the
round; → / PageDown goes on (next round, harvest, next table); ← / PageUp shows the previous table in
the harvest; F11 toggles full screen; Esc leaves full screen. When a round ends the rotation screen
turns amber and the system beeps (no QtMultimedia).
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QSizeF, Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from etrainer.core.classroom.quiz import Clock
from etrainer.core.classroom.world_cafe import CafeSession, CafeSetup, Stage, kit_for_course
from etrainer.core.classroom.world_cafe_file import (
    harvest_markdown,
    list_sessions,
    load_session,
    save_session,
    session_file,
    table_markdown,
)
from etrainer.core.course.model import Course
from etrainer.core.errors import EtrainerError
from etrainer.core.markdown import RenderContext, render_lesson
from etrainer.ui.classroom import projector
from etrainer.ui.classroom.world_cafe_pages import HarvestPage, NotesPage, RotationPage, TimerPage
from etrainer.ui.classroom.world_cafe_setup import CafeSetupPage
from etrainer.ui.common.errors import error_sentence, show_message
from etrainer.ui.theme import Theme, current_theme, lesson_css, screen_colours

TICK_MS = 250
SAVE_DELAY_MS = 700
VIEW_RATIO = 0.045
"""The harvest text on screen: about 26 pt at 1024×768."""
PDF_STYLE = """
body { font-family: 'DejaVu Sans'; }
h1 { font-size: 18pt; color: #1F4E79; } h2 { font-size: 14pt; color: #1F4E79; margin-top: 14px; }
h3 { font-size: 11pt; margin-top: 8px; }
"""
HEADINGS_CSS = "h1 { font-size: large; } h2, h3 { font-size: medium; } em { color: #3D4A57; }"
"""Headings a step above the text, not four (QTextDocument takes size keywords here, not pixels)."""
SETUP, TIMER, ROTATION, NOTES, HARVEST = range(5)


def _cafe(text: str) -> str:
    return QCoreApplication.translate("WorldCafe", text)


def write_harvest_pdf(markdown: str, path: Path, title: str = "") -> None:
    """The harvest as an A4 PDF (sanitised HTML from the markdown; trap 6: paginated for the writer)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("Е-тренер")
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(18, 16, 18, 16), QPageLayout.Unit.Millimeter))
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Sans", 11))
    document.setDefaultStyleSheet(PDF_STYLE)
    document.setHtml(render_lesson(markdown, RenderContext()).html)
    document.documentLayout().setPaintDevice(writer)
    document.setPageSize(QSizeF(writer.width(), writer.height()))
    document.print_(writer)
    del writer  # finishes the PDF
    buffer.close()
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(bytes(data.data()))
    temporary.replace(path)


class WorldCafeWindow(QWidget):
    def __init__(self, course: Course, sessions_dir: Path, clock: Clock = time.monotonic,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="worldCafeWindow")
        self.setWindowTitle(self.tr("World Café"))
        self.session: CafeSession | None = None
        self.session_path: Path | None = None
        self._sessions_dir, self._clock = sessions_dir, clock
        self._save_failed = False
        kit, problems = kit_for_course(course.root)
        self.setup_page = CafeSetupPage(kit, problems)
        self.timer_page = TimerPage()
        self.rotation_page = RotationPage()
        self.notes_page = NotesPage()
        self.harvest_page = HarvestPage()
        self._pages = QStackedWidget(objectName="cafePages")
        for page in (self.setup_page, self.timer_page, self.rotation_page, self.notes_page, self.harvest_page):
            self._pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addWidget(self._pages)
        self._notes_return = ROTATION
        self._tick = QTimer(self, interval=TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save)
        self._connect()
        self.refresh_saved()

    def _connect(self) -> None:
        self.setup_page.start_requested.connect(self.start)
        self.setup_page.reopen_requested.connect(self.reopen)
        self.setup_page.close_requested.connect(self.close)
        self.timer_page.pause_clicked.connect(self._on_pause)
        self.timer_page.add_minute_clicked.connect(self._on_add_minute)
        self.timer_page.end_clicked.connect(self._on_end_round)
        self.rotation_page.notes_clicked.connect(lambda: self._open_notes(ROTATION))
        self.rotation_page.next_clicked.connect(self._on_next_round)
        self.rotation_page.harvest_clicked.connect(self._on_harvest)
        self.notes_page.back_clicked.connect(self._on_notes_back)
        self.notes_page.note_edited.connect(self._on_note_edited)
        self.harvest_page.table_chosen.connect(self._on_table_chosen)
        self.harvest_page.notes_clicked.connect(lambda: self._open_notes(HARVEST))
        self.harvest_page.markdown_clicked.connect(self._on_export_markdown)
        self.harvest_page.pdf_clicked.connect(self._on_export_pdf)
        self.harvest_page.close_clicked.connect(self.close)
        self.harvest_page.harvest_notes_edited.connect(self._on_harvest_notes)

    # -- sessions -------------------------------------------------------------------------------------
    def refresh_saved(self) -> None:
        saved, problems = list_sessions(self._sessions_dir, self._clock)
        self.setup_page.show_saved(saved, len(problems))

    def start(self, setup: CafeSetup) -> None:
        """Begin a new session with round 1 running."""
        self.session = CafeSession(setup, self._clock)
        self.session_path = session_file(self._sessions_dir, self.session)
        self.session.start_round()
        self.save()
        self._show_stage()

    def reopen(self, path: Path) -> None:
        try:
            self.session = load_session(path, self._clock)
        except EtrainerError as error:
            self.setup_page.show_problem(error_sentence(error))
            return
        self.session_path = path
        self._show_stage()

    def save(self) -> None:
        """Write the session now (it is also written shortly after every change)."""
        self._save_timer.stop()
        if self.session is None or self.session_path is None:
            return
        try:
            save_session(self.session, self.session_path)
        except OSError as error:
            if not self._save_failed:
                self._save_failed = True
                show_message(self, self.tr("World Café"), self.tr("The session could not be saved to {path}: "
                                                                   "{reason}").format(path=self.session_path,
                                                                                      reason=error.strerror or error))

    # -- stages ---------------------------------------------------------------------------------------
    def _show_stage(self) -> None:
        session = self.session
        if session is None:
            return
        if session.stage is Stage.SETUP:
            session.start_round()
            self.save()
        if session.stage is Stage.ROUND:
            self.timer_page.show_round(session)
            self._pages.setCurrentIndex(TIMER)
            self._tick.start()
        elif session.stage is Stage.ROTATION:
            self.rotation_page.show_rotation(session)
            self._pages.setCurrentIndex(ROTATION)
        else:
            self.harvest_page.show_harvest(session)
            self._pages.setCurrentIndex(HARVEST)
        self.setFocus()

    def _on_tick(self) -> None:
        session = self.session
        if session is None or session.stage is not Stage.ROUND:
            self._tick.stop()
            return
        if session.tick():
            self._tick.stop()
            projector.beep()
            self.save()
            self._show_stage()
        else:
            self.timer_page.update_time(session)

    def _on_pause(self) -> None:
        if self.session is not None and self.session.stage is Stage.ROUND:
            self.session.toggle_pause()
            self.timer_page.update_time(self.session)
            self.save()

    def _on_add_minute(self) -> None:
        if self.session is not None:
            self.session.add_minute()
            self.timer_page.update_time(self.session)
            self.save()

    def _on_end_round(self) -> None:
        if self.session is not None:
            self.session.end_round()
            self.save()
            self._show_stage()

    def _on_next_round(self) -> None:
        if self.session is not None and self.session.stage is Stage.ROTATION and not self.session.is_last_round:
            self.session.start_round()
            self.save()
            self._show_stage()

    def _on_harvest(self) -> None:
        if self.session is not None:
            self.session.go_to_harvest()
            self.save()
            self._show_stage()

    # -- notes and harvest ----------------------------------------------------------------------------
    def _open_notes(self, back_to: int) -> None:
        if self.session is not None:
            self._notes_return = back_to
            self.notes_page.show_notes(self.session, self.session.round_index)
            self._pages.setCurrentIndex(NOTES)

    def _on_notes_back(self) -> None:
        self.save()
        if self._notes_return == HARVEST and self.session is not None:
            self.harvest_page.show_harvest(self.session)
        self._pages.setCurrentIndex(self._notes_return)
        self.setFocus()

    def _on_note_edited(self, table: int, round_index: int, text: str) -> None:
        if self.session is not None:
            self.session.set_note(table, round_index, text)
            self._save_timer.start()

    def _on_harvest_notes(self, text: str) -> None:
        if self.session is not None:
            self.session.harvest_notes = text
            self._save_timer.start()

    def harvest_text(self) -> str:
        return harvest_markdown(self.session, _cafe) if self.session is not None else ""

    def _on_table_chosen(self, index: int) -> None:
        if self.session is None:
            return
        text = self.harvest_text() if index < 0 else table_markdown(self.session, index, _cafe)
        view = self.harvest_page.view
        view.document().setDefaultStyleSheet(lesson_css(_theme()) + HEADINGS_CSS)
        view.setHtml(render_lesson(text, RenderContext()).html)

    def _suggested(self, suffix: str) -> str:
        stem = self.session_path.stem if self.session_path else "world-cafe"
        return str(Path.home() / f"{stem}-harvest{suffix}")

    def _on_export_markdown(self) -> None:
        path = projector.ask_save_path(self, self.tr("Export the harvest"), self._suggested(".md"),
                                       self.tr("Markdown (*.md)"))
        if path:
            self._export(lambda target: _write_text(target, self.harvest_text()), path)

    def _on_export_pdf(self) -> None:
        path = projector.ask_save_path(self, self.tr("Export the harvest"), self._suggested(".pdf"),
                                       self.tr("PDF (*.pdf)"))
        if path and self.session is not None:
            title = self.session.setup.title
            self._export(lambda target: write_harvest_pdf(self.harvest_text(), target, title), path)

    def _export(self, write, path: str) -> None:  # type: ignore[no-untyped-def]
        self.save()
        try:
            write(Path(path))
        except OSError as error:
            show_message(self, self.tr("World Café"),
                         self.tr("The file could not be saved: {reason}").format(reason=error.strerror or error))

    # -- window ---------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, page = event.key(), self._pages.currentIndex()
        forward = key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown)
        backward = key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp)
        if key == Qt.Key.Key_F11:
            self.showNormal() if self.isFullScreen() else self.showFullScreen()
        elif key == Qt.Key.Key_Escape:
            self.showNormal()
        elif page == TIMER and key == Qt.Key.Key_Space:
            self._on_pause()
        elif page == ROTATION and forward and self.session is not None:
            self._on_harvest() if self.session.is_last_round else self._on_next_round()
        elif page == HARVEST and (forward or backward):
            self.harvest_page.step(1 if forward else -1)
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._tick.stop()
        self.save()
        super().closeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_sizes()

    def _apply_sizes(self) -> None:
        h = max(self.height(), 300)
        px = {name: round(h * ratio) for name, ratio in (
            ("digits", 0.30), ("round", 0.075), ("hint", 0.045), ("title", 0.07), ("control", 24 / 768),
            ("form", 21 / 768), ("notes", 0.036), ("view", VIEW_RATIO))}
        c = screen_colours(_theme())  # high contrast: yellow headings and white text on black, never dark blue
        self.setStyleSheet(f"""
QWidget#worldCafeWindow QPushButton {{ font-size: {px['control']}px; }}
QWidget#cafeSetup QWidget {{ font-size: {px['form']}px; }}
QWidget#cafeSetup QLabel#pageTitle {{ font-size: {px['round']}px; }}
QLabel#cafeProblem {{ color: {c['problem']}; }}
QLabel#cafeRound {{ font-size: {px['round']}px; font-weight: bold; color: {c['heading']}; }}
QLabel#cafeQuestion {{ color: {c['text']}; }}
QLabel#cafeDigits {{ font-size: {px['digits']}px; font-weight: bold; color: {c['heading']}; }}
QLabel#cafeDigits[state="paused"] {{ color: {c['paused']}; }}
QLabel#cafeRotationHint {{ font-size: {px['hint']}px; color: {c['text']}; }}
QWidget#cafeRotation {{ background: #FFF4D6; border: 10px solid #F2B705; }}
QWidget#cafeRotation QLabel {{ background: transparent; color: #1B1B1B; border: none; }}
QLabel#rotationTitle {{ font-size: {px['title']}px; font-weight: bold; background: #F2B705; padding: 8px; }}
QLabel#notesTitle {{ font-size: {px['round']}px; font-weight: bold; color: {c['heading']}; }}
QLabel#harvestTitle {{ font-size: {px['hint']}px; font-weight: bold; color: {c['heading']}; }}
QLabel#harvestWhich {{ font-size: {px['control']}px; font-weight: bold; }}
QWidget#cafeNotes QPlainTextEdit, QWidget#cafeNotes QGroupBox, QWidget#cafeNotes QComboBox,
QLabel#hintLabel {{ font-size: {px['notes']}px; }}
QWidget#cafeNotes QGroupBox {{ font-weight: bold; }}
QTextBrowser#harvestView {{ font-size: {px['view']}px; }}
QPlainTextEdit#harvestNotes {{ font-size: {px['notes']}px; max-height: {round(h * 0.14)}px; }}
""")


def _write_text(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def _theme() -> Theme:
    app = QGuiApplication.instance()
    return current_theme(app) if app is not None else Theme.LIGHT  # type: ignore[arg-type]


def start_world_cafe(parent: QWidget | None, course: Course, sessions_dir: Path) -> QWidget:
    """Open the World Café facilitator full screen (on the second screen when there are two), showing its
    set-up page with the saved sessions of `sessions_dir` (e.g. `<data dir>/classroom`). Keep a reference."""
    window = WorldCafeWindow(course, sessions_dir)
    screens = QGuiApplication.screens()
    screen = screens[1] if len(screens) > 1 else (parent.screen() if parent is not None else None)
    if screen is not None:
        window.setGeometry(screen.geometry())
    window.showFullScreen()
    return window

