"""Settings: interface language, theme, the methodist's workspace (this computer or a server), the data
folder, backups (make one, restore one), and the learning record store (LRS) progress can be sent to: its
address and user; no password is ever stored."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from etrainer.core.course.catalog import available_packs
from etrainer.core.errors import EtrainerError
from etrainer.paths import bundled_course_dir, packs_dir
from etrainer.prefs import Prefs
from etrainer.ui.common import prompts
from etrainer.ui.common.errors import error_sentence, reason_text, show_error
from etrainer.ui.roles import role_label
from etrainer.ui.theme import Theme, apply_theme
from etrainer.ui.welcome import ROLES

if TYPE_CHECKING:
    from etrainer.services.facade import AppServices
    from etrainer.services.workspace_server import WorkspaceLocation

BACKUP_ROLE = Qt.ItemDataRole.UserRole


class SettingsDialog(QDialog):
    def __init__(self, services: AppServices, prefs: Prefs, data: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        self._services, self._prefs, self._data = services, prefs, data
        self.restored = False

        self._language = QComboBox(objectName="languageBox")
        self._language.addItem("Українська", "uk")
        self._language.addItem("English", "en")
        self._language.setCurrentIndex(max(0, self._language.findData(prefs.language)))
        self._language.setAccessibleName(self.tr("Interface language"))
        self._theme = QComboBox(objectName="themeBox")
        for theme, label in ((Theme.LIGHT, self.tr("Light")), (Theme.CONTRAST, self.tr("High contrast")),
                             (Theme.PROJECTOR, self.tr("Projector (very large text)"))):
            self._theme.addItem(label, theme.value)
        self._theme.setCurrentIndex(max(0, self._theme.findData(prefs.theme)))
        self._theme.setAccessibleName(self.tr("Theme"))
        self._role = QComboBox(objectName="roleBox")
        for role in ROLES:
            self._role.addItem(role_label(role), role)
        self._role.setCurrentIndex(max(0, self._role.findData(prefs.role or "librarian")))
        self._role.setAccessibleName(self.tr("Who works here"))
        self._role.currentIndexChanged.connect(self._on_role_changed)
        look = QGroupBox(self.tr("Look"))
        form = QFormLayout(look)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above the fields in large type
        form.addRow(self.tr("I work as:"), self._role)
        form.addRow(self.tr("Language:"), self._language)
        form.addRow(QLabel(self.tr("A new language takes effect when Е-тренер starts again."), wordWrap=True))
        form.addRow(self.tr("Theme:"), self._theme)
        self._course = QComboBox(objectName="courseBox")
        self._course.setAccessibleName(self.tr("Course"))
        self._course.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._course.setMinimumContentsLength(20)
        for pack in available_packs(bundled_course_dir(), packs_dir(data)):
            origin = self.tr("built in") if pack.bundled else self.tr("added")
            self._course.addItem(f"{pack.title} ({pack.version}, {origin})", pack.course_id)
        current = prefs.course_id or (self._course.itemData(0) if self._course.count() else "")
        self._course.setCurrentIndex(max(0, self._course.findData(current)))
        self._course.currentIndexChanged.connect(self._on_course_changed)
        if self._course.count() > 1:
            form.addRow(self.tr("Course:"), self._course)
            note = QLabel(self.tr("Another course opens when Е-тренер starts again. Progress in each course "
                                  "is kept."), wordWrap=True)
            note.setMinimumHeight(2 * note.fontMetrics().lineSpacing() + 4)  # two lines: the form does not grow it
            form.addRow(note)

        data_box = QGroupBox(self.tr("Your data"))
        data_layout = QVBoxLayout(data_box)
        breakable = str(data).replace("/", "/\u200b").replace("\\", "\\\u200b")  # a long path wraps at its folders
        where = QLabel(self.tr("Progress, profiles and backups are kept in:\n{path}").format(path=breakable),
                       objectName="dataFolderLabel", wordWrap=True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._where = where
        open_folder = QPushButton(self.tr("Open folder"), objectName="openFolderButton")
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(data))))
        self._backups = QListWidget(objectName="backupList")
        self._backups.setAccessibleName(self.tr("Backups"))
        backup_now = QPushButton(self.tr("Make a backup now"), objectName="backupNowButton")
        backup_now.clicked.connect(self._on_backup_now_clicked)
        restore = QPushButton(self.tr("Restore the selected backup…"), objectName="restoreButton")
        restore.clicked.connect(self._on_restore_clicked)
        data_layout.addWidget(where)
        data_layout.addWidget(open_folder, 0, Qt.AlignmentFlag.AlignLeft)
        data_layout.addWidget(QLabel(self.tr("Automatic backups (newest first):"), wordWrap=True))
        data_layout.addWidget(self._backups)
        for button in (backup_now, restore):  # one under the other: side by side they overflow in large type
            data_layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)

        self._workspace_box = self._build_workspace_box(services)
        self._workspace_box.setVisible(self._role.currentData() == "methodist")
        lrs_box = self._lrs_section()

        close = QPushButton(self.tr("Close"), objectName="closeButton")
        close.clicked.connect(self.accept)
        body = QWidget(objectName="settingsBody")
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(look)
        body_layout.addWidget(self._workspace_box)
        body_layout.addWidget(data_box, 1)
        body_layout.addWidget(lrs_box)
        scroll = QScrollArea(objectName="settingsScroll", widgetResizable=True)  # fits 768 px in large type
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self._language.currentIndexChanged.connect(self._on_look_changed)
        self._theme.currentIndexChanged.connect(self._on_look_changed)
        self._reload_backups()

    def _build_workspace_box(self, services: AppServices) -> QGroupBox:
        """«Робочий простір»: the file in the data folder, or a PostgreSQL server (no password field: it is
        asked once per session when the server needs one)."""
        box = QGroupBox(self.tr("Methodist's workspace"), objectName="workspaceBox")
        layout = QVBoxLayout(box)
        location = services.settings.workspace_location()
        self._local = QRadioButton(self.tr("On this computer (a file in the data folder)"),
                                   objectName="workspaceLocalRadio")
        # Short radio texts: a radio button does not wrap, and a long one widened the dialog past 1024 px in the
        # projector theme; what the server is for is a wrapping line under it.
        self._server = QRadioButton(self.tr("On a database server (PostgreSQL)"), objectName="workspaceServerRadio")
        shared = QLabel(self.tr("Several methodists can share one workspace on a server."), wordWrap=True,
                        objectName="workspaceSharedNote")
        (self._server if location.server else self._local).setChecked(True)
        self._host = QLineEdit(location.host, objectName="workspaceHost", placeholderText="db.library.example")
        self._port = QSpinBox(objectName="workspacePort", minimum=1, maximum=65535, value=location.port)
        self._database = QLineEdit(location.database, objectName="workspaceDatabase", placeholderText="etrainer")
        self._user = QLineEdit(location.user, objectName="workspaceUser")
        self._service = QLineEdit(location.service, objectName="workspaceService")
        for widget, name in ((self._host, self.tr("Server")), (self._port, self.tr("Port")),
                             (self._database, self.tr("Database")), (self._user, self.tr("User name")),
                             (self._service, self.tr("Service name (optional)"))):
            widget.setAccessibleName(name)
        self._server_fields = QWidget(objectName="workspaceServerFields")
        form = QFormLayout(self._server_fields)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Server:"), self._host)
        form.addRow(self.tr("Port:"), self._port)
        form.addRow(self.tr("Database:"), self._database)
        form.addRow(self.tr("User name:"), self._user)
        form.addRow(self.tr("Service name (optional):"), self._service)
        note = QLabel(self.tr("The password is never saved: Е-тренер asks for it once per session, unless the "
                              "PostgreSQL password file (PGPASSFILE, ~/.pgpass) or service file gives it."),
                      objectName="workspacePasswordNote", wordWrap=True)
        self._test = QPushButton(self.tr("Test connection"), objectName="testConnectionButton")
        self._test.clicked.connect(self._on_test_clicked)
        self._test_result = QLabel(objectName="connectionResult", wordWrap=True)
        self._test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(note)
        form.addRow(self._test)
        form.addRow(self._test_result)
        layout.addWidget(self._local)
        layout.addWidget(self._server)
        layout.addWidget(shared)
        layout.addWidget(self._server_fields)
        layout.addWidget(QLabel(self.tr("The workspace window opens it the next time it is opened."), wordWrap=True))
        self._server_fields.setEnabled(location.server)
        self._server.toggled.connect(self._server_fields.setEnabled)
        self._server.toggled.connect(self._save_workspace)
        for edit in (self._host, self._database, self._user, self._service):
            edit.editingFinished.connect(self._save_workspace)
        self._port.valueChanged.connect(self._save_workspace)
        return box

    def workspace_location(self) -> WorkspaceLocation:
        """The location as the dialog shows it now."""
        from etrainer.services.workspace_server import WorkspaceLocation

        return WorkspaceLocation(self._server.isChecked(), self._host.text().strip(), self._port.value(),
                                 self._database.text().strip(), self._user.text().strip(),
                                 self._service.text().strip())

    def _save_workspace(self) -> None:
        try:
            self._services.settings.set_workspace_location(self.workspace_location())
        except EtrainerError as error:
            self._test_result.setText(error_sentence(error))

    def _on_test_clicked(self) -> None:
        """Connect to the server in the background (asking for the password if it needs one) and say how it went."""
        from etrainer.services.workspace_server import check_server
        from etrainer.ui.methodist.server_login import ServerConnection

        self._save_workspace()
        location, data = self.workspace_location(), self._data
        where = location.display(data)
        self._test.setEnabled(False)
        self._test_result.setText(self.tr("Connecting to {server}…").format(server=where))

        def done(version: str) -> None:
            self._test.setEnabled(True)
            self._test_result.setText(self.tr("Connected: PostgreSQL {version} at {server}.").format(
                version=version, server=where))

        def failed(error: BaseException | None) -> None:
            self._test.setEnabled(True)
            if error is None:
                self._test_result.setText(self.tr("Not tested: no password was given."))
            else:
                reason = reason_text(error)
                self._test_result.setText(self.tr("Not connected. {reason}").format(reason=reason))

        ServerConnection(self, location, self.tr("Test connection"), lambda password: check_server(
            location, data, password), done, failed, quiet=True).start()

    def accept(self) -> None:
        self._save_workspace()
        super().accept()

    def _lrs_section(self) -> QGroupBox:
        """The LRS address and user; saved with a button, refused inline when the address is not http(s)."""
        box = QGroupBox(self.tr("Learning record store (LRS)"), objectName="lrsBox")
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        config = self._services.lrs.config()
        self._lrs_endpoint = QLineEdit(config.endpoint if config else "", objectName="lrsEndpointEdit")
        self._lrs_endpoint.setPlaceholderText("https://lrs.example.org/xAPI/")
        self._lrs_endpoint.setAccessibleName(self.tr("LRS address"))
        self._lrs_user = QLineEdit(config.user if config else "", objectName="lrsUserEdit")
        self._lrs_user.setAccessibleName(self.tr("LRS user"))
        form.addRow(QLabel(self.tr("Your progress can also be sent to a learning record store, if your library "
                                   "system runs one. Leave the address empty to send nothing: then Е-тренер never "
                                   "connects anywhere."), wordWrap=True))
        form.addRow(self.tr("Address:"), self._lrs_endpoint)
        form.addRow(self.tr("User:"), self._lrs_user)
        form.addRow(QLabel(self.tr("The password is not saved: Е-тренер asks for it the first time you send after "
                                   "it starts and keeps it only in memory until it closes."), wordWrap=True,
                           objectName="lrsPasswordNote"))
        save = QPushButton(self.tr("Save the LRS settings"), objectName="lrsSaveButton")
        save.clicked.connect(self._on_lrs_save_clicked)
        form.addRow(save)
        self._lrs_message = QLabel(objectName="lrsMessage", wordWrap=True)
        form.addRow(self._lrs_message)
        return box

    def _on_lrs_save_clicked(self) -> None:
        try:
            config = self._services.lrs.configure(self._lrs_endpoint.text(), self._lrs_user.text())
        except EtrainerError as error:
            self._lrs_message.setText(error_sentence(error))
            return
        if config is None:
            self._lrs_endpoint.clear()
            self._lrs_user.clear()
            self._lrs_message.setText(self.tr("No LRS: nothing is sent anywhere."))
        else:
            self._lrs_endpoint.setText(config.endpoint)
            self._lrs_message.setText(self.tr("Saved. Send your progress from «Export for the methodist»."))

    def _reload_backups(self) -> None:
        self._backups.clear()
        reasons = {"session": self.tr("automatic"), "manual": self.tr("made by hand"),
                   "pre-upgrade": self.tr("before an update"), "pre-restore": self.tr("before a restore")}
        for info in self._services.backups.list_backups():
            stamp = info.created_at.astimezone().strftime("%d.%m.%Y %H:%M")
            size = self.tr("{n} KB").format(n=max(1, info.size // 1024))
            item = QListWidgetItem(f"{stamp} — {reasons.get(info.reason.value, info.reason.value)} — {size}")
            item.setData(BACKUP_ROLE, info)
            self._backups.addItem(item)

    def _on_role_changed(self) -> None:
        """The start and the welcome tour (Help) follow the role from now on."""
        self._prefs.role = self._role.currentData() or "librarian"
        self._workspace_box.setVisible(self._prefs.role == "methodist")
        self._save_prefs()

    def _on_course_changed(self) -> None:
        self._prefs.course_id = self._course.currentData() or ""
        self._save_prefs()

    def _save_prefs(self) -> None:
        try:
            self._prefs.save(self._data)
        except OSError as error:
            self.setWindowTitle(self.tr("Settings (not saved: {reason})").format(reason=error.strerror))

    def _on_look_changed(self) -> None:
        self._prefs.language = self._language.currentData()
        self._prefs.theme = self._theme.currentData()
        apply_theme(QApplication.instance(), Theme.parse(self._prefs.theme))
        self._save_prefs()

    def _on_backup_now_clicked(self) -> None:
        try:
            self._services.backup_now("manual")
        except (OSError, EtrainerError) as error:
            self.setWindowTitle(self.tr("Settings (backup failed: {reason})").format(reason=str(error)))
        self._reload_backups()

    def _on_restore_clicked(self) -> None:
        item = self._backups.currentItem()
        if item is None:
            return
        question = self.tr("Replace the current progress with this backup? The current state is saved as a "
                           "backup first, so nothing is lost.")
        if not prompts.ask_yes_no(self, self.tr("Restore a backup"), question, self.tr("Restore"),
                                  self.tr("Cancel")):
            return
        try:
            self._services.restore_backup(item.data(BACKUP_ROLE))
        except EtrainerError as error:
            show_error(self, self.tr("Restore a backup"), error)
            return
        self.restored = True
        self.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # a dialog does not give a wrapped label the height it needs for its width: ask for it
        self._where.setMinimumHeight(self._where.heightForWidth(self._where.width()))
