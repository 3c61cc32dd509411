"""«Експорт для методиста»: the learner sees what the file will contain, confirms, and saves it.

The export runs off the UI thread with a busy bar and can be cancelled before it is written. When a learning
record store is configured (Settings), the same consent also covers «Send to the LRS»: the statements go off
the UI thread with a progress bar, and Cancel stops between batches (what was sent stays sent, the rest stays
queued in her database for the next time). Sending also remembers her consent for her profile: from then on
the main window sends her new records by itself (ui.lrs_status).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from etrainer.ui.common import prompts
from etrainer.ui.common.errors import error_sentence, reason_text
from etrainer.ui.common.tasks import Progress, run_in_background
from etrainer.ui.common.wrapping import HeightForWidthFilter

if TYPE_CHECKING:
    from etrainer.core.course.model import Course
    from etrainer.core.learner.profiles import Profile
    from etrainer.services.facade import AppServices
    from etrainer.services.lrs import PushResult

#: format → (service method, file suffix)
FORMATS = {
    "progress": ("export_progress", ".etprogress"),
    "xlsx": ("export_xlsx", ".xlsx"),
    "pdf": ("export_pdf", ".pdf"),
    "certificate": ("export_certificate", ".pdf"),
    "csv": ("export_csv", ".csv"),
    "xapi": ("export_xapi", ".json"),
}


class ExportDialog(QDialog):
    def __init__(self, services: AppServices, course: Course, learner: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        HeightForWidthFilter(self)  # wrapped lines (the consent, the certificate's reason) get their height
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export for the methodist"))
        self.resize(600, 520)
        self._services, self._course, self._learner = services, course, learner
        self.written: Path | None = None
        self._cancelled = False
        summary = services.transfer.summary_for_consent(learner.id, course)
        self._suggested = summary.file_name
        contents = QLabel(objectName="consentText", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        contents.setText(self.tr(
            "<p>The file will contain:</p><ul><li>your name: <b>{name}</b>, library: <b>{branch}</b>, position: "
            "<b>{position}</b>;</li><li>the course «{course}»: lessons read ({lessons}), quiz attempts ({quizzes}) "
            "with every answer ({answers}), walkthrough attempts ({walkthroughs}) with every step ({steps}).</li>"
            "</ul><p>It does not contain your PIN, your notes or your bookmarks. The file is signed, so the "
            "methodist can see that nobody changed it.</p>").format(
                name=summary.name, branch=summary.branch or "—", position=summary.position or "—",
                course=summary.course_title, lessons=summary.lesson_progress, quizzes=summary.quiz_attempts,
                answers=summary.quiz_responses, walkthroughs=summary.walkthrough_attempts,
                steps=summary.walkthrough_events))
        report = services.transfer.report(learner.id, course)
        if summary.essays:
            contents.setText(contents.text() + self.tr(
                "<p>Your essays ({n}) go to the methodist in full, so that she can read and mark them.</p>")
                .format(n=summary.essays))
        self._lrs = services.lrs.config()
        if self._lrs is not None:
            contents.setText(contents.text() + self.tr(
                "<p>«Send to the LRS» sends the same records — your name, your answers and results — as xAPI "
                "statements to the learning record store at <b>{endpoint}</b> (user {user}). An attempt you have "
                "not finished waits until it is finished.</p>").format(endpoint=self._lrs.endpoint,
                                                                       user=self._lrs.user or "—"))
            contents.setText(contents.text() + self.tr(
                "<p>Once you have sent, what you finish later goes there by itself while Е-тренер is open (the "
                "status bar shows it); removing the address in Settings stops it.</p>"))
        self._sending: Progress | None = None
        self._send_over = True
        self._formats = QButtonGroup(self)
        choices = QVBoxLayout()
        for key, text in (("progress", self.tr("A file for the methodist (.etprogress) — recommended")),
                          ("xlsx", self.tr("An Excel table (.xlsx)")), ("pdf", self.tr("A progress report (PDF)")),
                          ("certificate", self.tr("A certificate of completion (PDF)")),
                          ("csv", self.tr("A CSV table")),
                          ("xapi", self.tr("xAPI statements for a learning record store (.json)"))):
            button = QRadioButton(text, objectName=f"format-{key}")
            button.setProperty("format", key)
            self._formats.addButton(button)
            choices.addWidget(button)
            if key == "certificate" and not report.completed:
                # Not offered until it can be made; the reason stands beside it (docs/progress.md).
                button.setEnabled(False)
                why = QLabel(self.tr("Available when the whole course is passed: lessons read {read} of {lessons}, "
                                     "quizzes passed {passed} of {quizzes}, walkthroughs passed {walked} of "
                                     "{walkthroughs}.").format(
                    read=report.lessons_read, lessons=report.lessons_total, passed=report.quizzes_passed,
                    quizzes=report.quizzes_total, walked=report.walkthroughs_passed,
                    walkthroughs=report.walkthroughs_total), objectName="certificateReason", wordWrap=True)
                why.setContentsMargins(24, 0, 0, 0)
                choices.addWidget(why)
        self._formats.buttons()[0].setChecked(True)
        # The sentence wraps in a label (a check box's text cannot wrap: in large type it widened the dialog past
        # the screen); the box itself says it short.
        consent_text = QLabel(self.tr("I have read what the file contains and agree to give it to the methodist."),
                              objectName="consentText2", wordWrap=True)
        self._consent = QCheckBox(self.tr("I agree"), objectName="consentBox")
        self._consent.setAccessibleName(consent_text.text())
        self._busy = QProgressBar(objectName="exportProgress")
        self._busy.setRange(0, 0)
        self._busy.hide()
        self._message = QLabel(objectName="exportMessage", wordWrap=True)
        self._save = QPushButton(self.tr("Save the file…"), objectName="saveExportButton")
        self._set_save_enabled(False)
        self._consent.toggled.connect(self._set_save_enabled)
        self._save.clicked.connect(self._on_save_clicked)
        self._send = QPushButton(self.tr("Send to the LRS"), objectName="sendLrsButton")
        self._send.setVisible(self._lrs is not None)
        self._send.setEnabled(False)
        self._consent.toggled.connect(lambda on: self._send.setEnabled(on and self._sending is None))
        self._send.clicked.connect(self._on_send_clicked)
        self._open = QPushButton(self.tr("Open the folder"), objectName="openExportFolderButton")
        self._open.hide()
        self._open.clicked.connect(self._open_folder)
        self._close = QPushButton(self.tr("Cancel"), objectName="closeExportButton")
        self._close.clicked.connect(self._on_close_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self._open)
        buttons.addStretch(1)
        buttons.addWidget(self._close)
        buttons.addWidget(self._send)
        buttons.addWidget(self._save)
        body = QWidget(objectName="exportBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(contents)
        if summary.consultations:
            layout.addWidget(QLabel(self.tr(
                "Also your anonymous consultation log: %n consultation(s) — services, outcomes, minutes and short "
                "notes, with no visitor's personal data.", "", summary.consultations),
                objectName="consentConsultations", wordWrap=True))
        layout.addWidget(QLabel(self.tr("What to save:")))
        layout.addLayout(choices)
        layout.addWidget(consent_text)
        layout.addWidget(self._consent)
        layout.addWidget(self._busy)
        layout.addWidget(self._message)
        layout.addStretch(1)
        scroll = QScrollArea(objectName="exportScroll", widgetResizable=True)  # fits 768 px in large type
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        # as wide as the choices need (the dialog grows sideways, the scroll bar only ever runs down)
        scroll.setMinimumWidth(body.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width())
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addLayout(buttons)

    def _set_save_enabled(self, enabled: bool) -> None:
        """A disabled «Save» must not look like the primary button: the theme colours only `primary` buttons."""
        self._save.setEnabled(enabled)
        self._save.setProperty("primary", enabled)
        self._save.style().unpolish(self._save)
        self._save.style().polish(self._save)

    def chosen_format(self) -> str:
        button = self._formats.checkedButton()
        return str(button.property("format")) if button else "progress"

    def _on_save_clicked(self) -> None:
        _, suffix = FORMATS[self.chosen_format()]
        name = Path(self._suggested).with_suffix(suffix).name
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the file"), str(Path.home() / name))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the chosen format to `path` in the background."""
        method, _ = FORMATS[self.chosen_format()]
        self._set_save_enabled(False)
        self._busy.setRange(0, 0)
        self._busy.show()
        self._message.setText(self.tr("Saving…"))
        self._cancelled = False

        def work(progress: Progress) -> Path:
            return getattr(self._services.transfer, method)(self._learner.id, self._course, path)

        run_in_background(work, self._on_done, self._on_failed)

    def _on_done(self, written: Path) -> None:
        self._busy.hide()
        if self._cancelled:
            written.unlink(missing_ok=True)
            self._message.setText(self.tr("Cancelled; nothing was saved."))
            self._set_save_enabled(self._consent.isChecked())
            return
        self.written = written
        self._message.setText(self.tr("Saved: {path}. Send this file to your methodist by e-mail or on a USB "
                                      "stick.").format(path=str(written)))
        self._open.show()
        self._close.setText(self.tr("Close"))
        self._set_save_enabled(self._consent.isChecked())

    def _on_failed(self, error: BaseException) -> None:
        self._busy.hide()
        sentence = reason_text(error)
        self._message.setText(self.tr("The file was not saved: {reason}").format(reason=sentence))
        self._set_save_enabled(self._consent.isChecked())

    def _on_send_clicked(self) -> None:
        if self._lrs is None:
            return
        password = self._services.lrs.password
        if password is None:
            password = prompts.ask_text(self, self.tr("Send to the LRS"), self.tr(
                "The password of {user} at {endpoint} (it is kept only until Е-тренер closes):").format(
                    user=self._lrs.user or "—", endpoint=self._lrs.endpoint), password=True)
            if password is None:
                return
            self._services.lrs.password = password
        self.send_to_lrs(password)

    def send_to_lrs(self, password: str) -> None:
        """Queue and send her statements in the background; Close cancels between batches."""
        config = self._lrs
        if config is None:
            return
        # her consent to this LRS, remembered for her profile: the main window sends her new records from now on
        self._services.settings.set_lrs_consent(self._learner.id, config.endpoint)
        self._send.setEnabled(False)
        self._set_save_enabled(False)
        self._busy.setRange(0, 0)
        self._busy.show()
        self._message.setText(self.tr("Sending…"))
        self._close.setText(self.tr("Cancel"))
        lrs, learner, course = self._services.lrs, self._learner.id, self._course

        def work(progress: Progress) -> PushResult:
            return lrs.push(learner, course, config.endpoint, config.user, password, progress.report)

        self._send_over = False
        progress = run_in_background(work, self._on_sent, self._on_send_failed, self._on_send_progress)
        if not self._send_over:  # still running (tests run it inline: then it is over already)
            self._sending = progress

    def _on_send_progress(self, done: int, total: int) -> None:
        self._busy.setRange(0, max(1, total))
        self._busy.setValue(done)

    def _on_sent(self, result: PushResult) -> None:
        self._after_sending()
        counts = self.tr("sent {sent}, already there {already}, waiting {waiting}").format(
            sent=result.sent, already=result.already, waiting=result.waiting)
        if result.error is not None:
            if result.error.params.get("status") == 401:
                self._services.lrs.password = None  # asked again next time
            self._message.setText(self.tr("Not everything was sent: {reason} ({counts}). What was not sent stays "
                                          "queued and goes with the next sending.").format(
                reason=error_sentence(result.error), counts=counts))
        elif result.cancelled:
            self._message.setText(self.tr("Cancelled ({counts}). What was not sent stays queued.").format(
                counts=counts))
        elif result.total == 0:
            self._message.setText(self.tr("Nothing new to send: the LRS has all your finished work."))
        else:
            self._message.setText(self.tr("Sent to the LRS: {counts}.").format(counts=counts))

    def _on_send_failed(self, error: BaseException) -> None:
        self._after_sending()
        sentence = reason_text(error)
        self._message.setText(self.tr("Nothing was sent: {reason}").format(reason=sentence))

    def _after_sending(self) -> None:
        self._sending, self._send_over = None, True
        self._busy.hide()
        self._close.setText(self.tr("Close"))
        self._send.setEnabled(self._consent.isChecked())
        self._set_save_enabled(self._consent.isChecked())

    def _on_close_clicked(self) -> None:
        if self._sending is not None:
            self._sending.cancel()
            self._message.setText(self.tr("Cancelling…"))
            return
        if self._busy.isVisible():
            self._cancelled = True
            self._message.setText(self.tr("Cancelling…"))
            return
        self.accept() if self.written else self.reject()

    def _open_folder(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.parent)))
