"""«Надіслати до LRS…»: the methodist sends her workspace's records to a Learning Record Store as xAPI statements.

The LRS address and user are typed here (they are remembered in this window's session); the password is asked
once per session of the app and never stored. Sending runs off the UI thread (ui.common.tasks) with a progress
bar and «Скасувати»; services.lrs_workspace does the batches, retries and the record of what was sent.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from etrainer.core.errors import EtrainerError
from etrainer.services.lrs_workspace import LrsWorkspaceService, SendReport
from etrainer.ui.common.errors import error_sentence, reason_text
from etrainer.ui.common.tasks import Progress, run_in_background

_SESSION: dict[str, str] = {}
"""This run of the app's LRS address, user and password (in memory only: never written anywhere)."""


class LrsSendDialog(QDialog):
    def __init__(self, service: LrsWorkspaceService, parent: QWidget | None = None,
                 configured: tuple[str, str] | None = None) -> None:
        """`configured`: the LRS address and user from Settings, shown when this session has none typed yet."""
        super().__init__(parent)
        self.service = service
        self.report: SendReport | None = None
        self._progress: Progress | None = None
        self._running = False
        self._close_when_stopped = False
        self.setObjectName("lrsSendDialog")
        self.setWindowTitle(self.tr("Send to an LRS"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The workspace's records go to the Learning Record Store as xAPI statements. "
                               "Statements sent before are not sent again."), wordWrap=True)
        layout.addWidget(intro)
        form = QFormLayout()
        endpoint, user = configured or ("", "")
        self.endpoint = QLineEdit(_SESSION.get("endpoint", endpoint), objectName="lrsEndpoint")
        self.endpoint.setPlaceholderText("https://lrs.example.org/xAPI/")
        self.user = QLineEdit(_SESSION.get("user", user), objectName="lrsUser")
        self.password = QLineEdit(_SESSION.get("password", ""), objectName="lrsPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("LRS address:"), self.endpoint)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        layout.addLayout(form)
        note = QLabel(self.tr("The password is kept only until eTrainer is closed."), wordWrap=True)
        layout.addWidget(note)
        self.bar = QProgressBar(objectName="lrsProgress")
        self.bar.hide()
        layout.addWidget(self.bar)
        self.status = QLabel(objectName="lrsStatus", wordWrap=True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.send_button = QPushButton(self.tr("Send"), objectName="lrsSendButton")
        self.send_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Close"), objectName="lrsCancelButton")
        buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.send_button.clicked.connect(self.send)
        self.cancel_button.clicked.connect(self._on_cancel)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def send(self) -> None:
        from etrainer.exchange.lrs_http import LrsEndpoint

        if self._running:
            return
        if not self.endpoint.text().strip() or not self.user.text().strip():
            self.status.setText(self.tr("Type the LRS address and the user name."))
            return
        _SESSION.update(endpoint=self.endpoint.text().strip(), user=self.user.text().strip(),
                        password=self.password.text())
        try:
            endpoint = LrsEndpoint.of(_SESSION["endpoint"], _SESSION["user"], _SESSION["password"])
        except EtrainerError as error:
            self.status.setText(error_sentence(error))
            return
        self._running = True
        self.send_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Cancel"))
        self.bar.setRange(0, 0)
        self.bar.show()
        self.status.setText(self.tr("Sending…"))

        def work(progress: Progress) -> Any:
            return self.service.send(endpoint, progress=progress.report, cancelled=lambda: progress.cancelled)

        progress = run_in_background(work, self._on_sent, self._on_failed)
        if self._running:  # still running in a worker thread: follow it and let «Cancel» reach it
            self._progress = progress
            progress.changed.connect(self._on_progress)

    def _on_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)

    def _on_cancel(self) -> None:
        if self._running and self._progress is not None:
            self._progress.cancel()
            self.status.setText(self.tr("Stopping after the current batch…"))
        elif not self._running:
            self.reject()

    def reject(self) -> None:
        """Esc or the window's close button while sending: stop after the current batch, then close. The dialog
        is deleted when it closes, so it must not go while the worker still reports to it."""
        if self._running:
            self._close_when_stopped = True
            self._on_cancel()
            return
        super().reject()

    def _finish(self) -> None:
        self._running = False
        self._progress = None
        self.bar.hide()
        self.send_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Close"))
        if self._close_when_stopped:
            QTimer.singleShot(0, self, self.reject)

    def _on_sent(self, report: SendReport) -> None:
        self._finish()
        self.report = report
        counts = self.tr("{sent} sent, {already} were in the LRS already, {before} sent earlier.").format(
            sent=report.sent, already=report.already, before=report.previously)
        if report.cancelled:
            self.status.setText(self.tr("Sending was cancelled: {counts} The rest goes next time.").format(
                counts=counts))
        else:
            self.status.setText(self.tr("Done: {counts}").format(counts=counts))

    def _on_failed(self, error: BaseException) -> None:
        self._finish()
        sentence = reason_text(error)
        self.status.setText(self.tr("Sending stopped: {reason} What was sent stays noted.").format(reason=sentence))
