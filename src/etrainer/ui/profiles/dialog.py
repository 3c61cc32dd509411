"""ProfileDialog: choose who is studying, or create a new profile (name, library, position, PIN)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from etrainer.core.errors import EtrainerError
from etrainer.ui.common.errors import error_sentence
from etrainer.ui.theme import current_theme, screen_colours

if TYPE_CHECKING:
    from etrainer.core.learner.profiles import Profile
    from etrainer.services.profiles import ProfileService

PROFILE_ROLE = 256  # Qt.ItemDataRole.UserRole as an int
_KEY_RETURN, _KEY_ENTER = 0x01000004, 0x01000005  # Qt.Key.Key_Return, Qt.Key.Key_Enter
# The chooser is what «usable» waits for: no Qt-namespace enum here either (see FIRST_PAINT_NOTE in ui/theme.py).


def _error_style() -> str:
    """Dark red on the light themes, yellow in high contrast (red on black is below 4.5:1)."""
    return f"color: {screen_colours(current_theme(QApplication.instance()))['problem']}; font-weight: bold;"


class ProfileForm(QWidget):
    """Name, library/branch, position and an optional PIN, with inline error messages."""

    def __init__(self, parent: QWidget | None = None, *, with_pin: bool = True) -> None:
        super().__init__(parent)
        self.name = QLineEdit(objectName="nameField")
        self.branch = QLineEdit(objectName="branchField")
        self.position = QLineEdit(objectName="positionField")
        self.pin = QLineEdit(objectName="pinField", echoMode=QLineEdit.EchoMode.Password)
        self.pin_again = QLineEdit(objectName="pinAgainField", echoMode=QLineEdit.EchoMode.Password)
        self.error = QLabel(objectName="formError", wordWrap=True)
        self.error.setStyleSheet(_error_style())
        self.name.setPlaceholderText(self.tr("e.g. Марта Коваль"))
        self.branch.setPlaceholderText(self.tr("e.g. Бібліотека-філія № 3"))
        self.position.setPlaceholderText(self.tr("e.g. бібліотекар I категорії"))
        self.pin.setPlaceholderText(self.tr("4–8 digits, or leave empty"))
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above the fields in large type
        form.addRow(self.tr("Name and surname:"), self.name)
        form.addRow(self.tr("Library or branch:"), self.branch)
        form.addRow(self.tr("Position:"), self.position)
        if with_pin:
            form.addRow(self.tr("PIN (optional):"), self.pin)
            form.addRow(self.tr("PIN again:"), self.pin_again)
        else:
            self.pin.hide()
            self.pin_again.hide()
        form.addRow(self.error)
        for field, label in ((self.name, "Name and surname"), (self.branch, "Library or branch"),
                             (self.position, "Position"), (self.pin, "PIN"), (self.pin_again, "PIN again")):
            field.setAccessibleName(self.tr(label))

    def fill(self, profile: Profile) -> None:
        self.name.setText(profile.name)
        self.branch.setText(profile.branch)
        self.position.setText(profile.position)

    def show_error(self, text: str) -> None:
        self.error.setText(text)


class ProfileDialog(QDialog):
    """Start-up and "Switch profile": pick an existing profile or create one."""

    profile_chosen = Signal(object)

    def __init__(self, profiles: ProfileService, parent: QWidget | None = None, last_id: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileDialog")
        self.setWindowTitle(self.tr("Who is studying?"))
        self.setMinimumWidth(600)  # the form's fields show their examples whole (they were elided at 410 px)
        self._profiles = profiles
        self.chosen: Profile | None = None
        self._pages = QStackedWidget()
        self._list = QListWidget(objectName="profileList")
        self._list.setAccessibleName(self.tr("Profiles"))
        self._list.itemDoubleClicked.connect(lambda _item: self._on_choose_clicked())  # Enter: keyPressEvent
        self._pin = QLineEdit(objectName="pinEntry", echoMode=QLineEdit.EchoMode.Password)
        self._pin.setPlaceholderText(self.tr("PIN"))
        self._pin.setAccessibleName(self.tr("PIN"))
        self._choose_error = QLabel(objectName="chooseError", wordWrap=True)
        self._choose_error.setStyleSheet(_error_style())
        choose = QPushButton(self.tr("Start studying"), objectName="chooseButton")
        choose.setProperty("primary", True)
        choose.clicked.connect(self._on_choose_clicked)
        new = QPushButton(self.tr("New profile…"), objectName="newProfileButton")
        new.clicked.connect(self._show_create)
        self.workspace_requested = False
        """True when the dialog closed because the methodist's workspace was asked for."""
        workspace = QPushButton(self.tr("Methodist's workspace"), objectName="workspaceButton")
        workspace.setToolTip(self.tr("Collect the librarians' progress files and see the results"))
        workspace.clicked.connect(self._on_workspace_clicked)

        pick = QWidget()
        pick_layout = QVBoxLayout(pick)
        pick_layout.addWidget(QLabel(self.tr("Choose your profile. Each librarian on this computer has her own "
                                             "progress, bookmarks and notes."), wordWrap=True))
        pick_layout.addWidget(self._list, 1)
        pick_layout.addWidget(self._pin)
        pick_layout.addWidget(self._choose_error)
        buttons = QHBoxLayout()
        buttons.addWidget(new)
        buttons.addStretch(1)
        buttons.addWidget(choose)
        pick_layout.addLayout(buttons)
        workspace_row = QHBoxLayout()  # its own line, at its own width: the methodist's way in
        workspace_row.addWidget(workspace)
        workspace_row.addStretch(1)
        pick_layout.addLayout(workspace_row)

        self._list.currentItemChanged.connect(lambda *_: self._update_pin_field())
        self._pages.addWidget(pick)
        self._form: ProfileForm | None = None
        """The «New profile» page's form, built when that page is first shown."""
        layout = QVBoxLayout(self)
        layout.addWidget(self._pages)
        self.reload(last_id)

    @property
    def form(self) -> ProfileForm:
        if self._form is None:
            self._build_create_page()
        assert self._form is not None
        return self._form

    def _build_create_page(self) -> None:
        create = QWidget()
        create_layout = QVBoxLayout(create)
        create_layout.addWidget(QLabel(self.tr("New profile"), objectName="pageTitle"))
        create_layout.addWidget(QLabel(self.tr("Your name is only stored on this computer and in the progress "
                                               "files you choose to send to your methodist."), wordWrap=True))
        self._form = ProfileForm()
        create_layout.addWidget(self._form)
        create_buttons = QHBoxLayout()
        self._back = QPushButton(self.tr("Back"), objectName="backButton")
        self._back.clicked.connect(self._show_pick)
        save = QPushButton(self.tr("Create profile"), objectName="createButton")
        save.setProperty("primary", True)
        save.clicked.connect(self._on_create_clicked)
        create_buttons.addWidget(self._back)
        create_buttons.addStretch(1)
        create_buttons.addWidget(save)
        create_layout.addLayout(create_buttons)
        create_layout.addStretch(1)
        self._pages.addWidget(create)
        if self.isVisible():  # sized for the list when shown: room for the form too, as if built with it
            self.resize(self.size().expandedTo(self.sizeHint()))

    def reload(self, select_id: int | None = None) -> None:
        self._list.clear()
        items = self._profiles.list()
        for profile in items:
            text = profile.name + (f" — {profile.branch}" if profile.branch else "")
            text += self.tr(" (PIN)") if profile.has_pin else ""
            item = QListWidgetItem(text)
            item.setData(PROFILE_ROLE, profile)
            self._list.addItem(item)
            if profile.id == select_id:
                self._list.setCurrentItem(item)
        if items and self._list.currentItem() is None:
            self._list.setCurrentRow(0)
        self._update_pin_field()
        if not items:
            self._show_create()
        else:
            self._show_pick()

    def _selected(self) -> Profile | None:
        item = self._list.currentItem()
        return item.data(PROFILE_ROLE) if item is not None else None

    def _update_pin_field(self) -> None:
        profile = self._selected()
        self._pin.setVisible(bool(profile is not None and profile.has_pin))
        self._pin.clear()
        self._choose_error.clear()

    def _show_pick(self) -> None:
        self._pages.setCurrentIndex(0)
        self._list.setFocus()

    def _on_workspace_clicked(self) -> None:
        self.workspace_requested = True
        self.reject()

    def _show_create(self) -> None:
        form = self.form
        self._back.setEnabled(self._list.count() > 0)
        self._pages.setCurrentIndex(1)
        form.name.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter does what the page is for: start studying on the list, create the profile on the form."""
        if event.key() in (_KEY_RETURN, _KEY_ENTER):
            focused = self.focusWidget()
            if isinstance(focused, QPushButton) and focused.objectName() not in ("chooseButton", "createButton"):
                focused.click()  # Enter on a focused button presses that button
            elif self._pages.currentIndex() == 0:
                self._on_choose_clicked()
            else:
                self._on_create_clicked()
            event.accept()
            return
        super().keyPressEvent(event)

    def _on_choose_clicked(self) -> None:
        profile = self._selected()
        if profile is None:
            return
        if profile.has_pin and not self._profiles.verify_pin(profile.id, self._pin.text()):
            self._choose_error.setText(self.tr("The PIN is not right. Try again."))
            self._pin.setFocus()  # Qt.FocusReason.OtherFocusReason, as setFocus() gives it
            self._pin.selectAll()
            return
        self._accept(profile)

    def _on_create_clicked(self) -> None:
        form = self.form
        if form.pin.text() != form.pin_again.text():
            form.show_error(self.tr("The two PINs are different. Type the same PIN twice."))
            return
        try:
            profile = self._profiles.create(form.name.text(), form.branch.text(), form.position.text(),
                                            form.pin.text() or None)
        except EtrainerError as error:
            form.show_error(error_sentence(error))
            return
        self._accept(profile)

    def _accept(self, profile: Profile) -> None:
        self.chosen = profile
        self.profile_chosen.emit(profile)
        self.accept()


class EditProfileDialog(QDialog):
    """Rename a profile, change its library and position, and set, change or remove its PIN."""

    def __init__(self, profiles: ProfileService, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editProfileDialog")
        self.setWindowTitle(self.tr("Edit profile"))
        self._profiles, self._profile = profiles, profile
        self.updated: Profile | None = None
        from etrainer.ui.common.wrapping import WrappingCheckBox  # here: the chooser is on the start's path

        self.form = ProfileForm(with_pin=True)
        self.form.fill(profile)
        self._change_pin = WrappingCheckBox(self.tr("Change the PIN (leave both fields empty to remove it)"),
                                            objectName="changePinBox")
        self.change_pin = self._change_pin.box
        for field in (self.form.pin, self.form.pin_again):
            field.setEnabled(False)
            self.change_pin.toggled.connect(field.setEnabled)
        save = QPushButton(self.tr("Save"), objectName="saveButton")
        save.setProperty("primary", True)
        save.clicked.connect(self._on_save_clicked)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addWidget(self._change_pin)
        layout.addWidget(self.form)
        layout.addLayout(buttons)

    def _on_save_clicked(self) -> None:
        form = self.form
        if self.change_pin.isChecked() and form.pin.text() != form.pin_again.text():
            form.show_error(self.tr("The two PINs are different. Type the same PIN twice."))
            return
        try:
            if self.change_pin.isChecked():
                self._profiles.set_pin(self._profile.id, form.pin.text() or None)
            self.updated = self._profiles.update(self._profile.id, name=form.name.text(),
                                                 branch=form.branch.text(), position=form.position.text())
        except EtrainerError as error:
            form.show_error(error_sentence(error))
            return
        self.accept()
