"""The fictional portal: one screen of a scenario rendered with real Qt controls.

Every control sits in a frame named `control-<id>` with a feedback line under it; a learner's
move becomes an `Action` (`action_requested`). The «НАВЧАЛЬНИЙ ТРЕНАЖЕР» banner and the mock
address bar are always shown, so the simulator is never mistaken for a real portal. Nothing here
touches the network: addresses are text, files and keys are names from the scenario.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from etrainer.core.walkthrough.engine import (
    CARD_CVV,
    CARD_EXPIRY,
    CARD_NUMBER,
    KEP_PASSWORD,
    Action,
    ActionKind,
    Control,
    ControlKind,
    Portal,
    Screen,
)


class ChoiceBox(QComboBox):
    """A drop-down that does not widen the page to its longest item, and that reports a choice only
    when the learner settles on it (picks in the open list, presses Enter, or leaves the field), so
    browsing the items with the arrow keys is not taken as a string of wrong answers."""

    committed = Signal(int)

    def __init__(self, name: str) -> None:
        super().__init__(objectName=name)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        self._committed = 0

    def _commit(self) -> None:
        if self.currentIndex() > 0 and self.currentIndex() != self._committed:
            self._committed = self.currentIndex()
            self.committed.emit(self.currentIndex())

    def hidePopup(self) -> None:
        super().hidePopup()
        self._commit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._commit()
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if not self.view().isVisible():
            self._commit()


def _combo(name: str) -> ChoiceBox:
    box = ChoiceBox(name)
    # as wide as the form allows, never wider: a long first item must not push the portal off the screen
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(8)
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return box


class Highlight(QWidget):
    """A glow around the expected control, drawn over the screen; clicks pass through it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setObjectName("highlightOverlay")
        self.target: QWidget | None = None
        self.hide()

    def show_on(self, target: QWidget | None) -> None:
        self.target = target
        parent = self.parentWidget()
        if target is None or parent is None:
            self.hide()
            return
        self.setGeometry(parent.rect())
        self.raise_()
        self.show()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.target is None or self.parentWidget() is None:
            return
        top_left = self.target.mapTo(self.parentWidget(), self.target.rect().topLeft())
        rect = QRect(top_left, self.target.size()).adjusted(-5, -5, 5, 5)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#F2B705"), 5))
        painter.drawRoundedRect(rect, 8, 8)
        painter.setPen(QPen(QColor("#1B1B1B"), 1))
        painter.drawRoundedRect(rect.adjusted(-3, -3, 3, 3), 10, 10)


class PortalView(QFrame):
    action_requested = Signal(object)  # Action

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("portalView")
        self._banner = QLabel(objectName="trainerBanner", wordWrap=True)
        self._address = QLabel(objectName="addressBar", wordWrap=True)
        self._address.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self._title = QLabel(objectName="portalTitle", wordWrap=True)
        self._intro = QLabel(objectName="portalIntro", wordWrap=True)
        self._body = QWidget(objectName="portalBody")
        self._body_layout = QVBoxLayout(self._body)
        self._body_layout.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addWidget(self._banner)
        layout.addWidget(self._address)
        layout.addWidget(self._title)
        layout.addWidget(self._intro)
        layout.addWidget(self._body)
        layout.addStretch(1)
        self.highlight = Highlight(self)
        self._portal: Portal | None = None
        self._screen_id: str | None = None
        self.frames: dict[str, QFrame] = {}
        self._inputs: dict[str, QWidget] = {}
        self._notes: dict[str, QLabel] = {}
        self._sent: dict[str, str] = {}

    # -- rendering ------------------------------------------------------------------------------------
    def show_screen(self, portal: Portal, screen: Screen, values: Mapping[str, str], enabled: bool) -> None:
        """Build the screen when it changed; otherwise only refresh values and whether it can be used."""
        if self._screen_id != screen.id or self._portal != portal:
            self._build(portal, screen)
        for control_id, value in values.items():
            self._show_value(control_id, value)
        self._body.setEnabled(enabled)

    def _build(self, portal: Portal, screen: Screen) -> None:
        self._portal, self._screen_id = portal, screen.id
        self._banner.setText(self.tr("TRAINING SIMULATOR · fictional portal «{name}» · never enter real data")
                             .format(name=portal.name))
        self._address.setText(f"https://{portal.address}{screen.path}")
        self._title.setText(screen.title)
        self._intro.setText(screen.intro)
        self._intro.setVisible(bool(screen.intro))
        while self._body_layout.count():
            item = self._body_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().setParent(None)
                item.widget().deleteLater()
        self.frames.clear()
        self._inputs.clear()
        self._notes.clear()
        self._sent.clear()
        for control in screen.controls:
            frame = self._control_frame(screen, control)
            self._body_layout.addWidget(frame)
            frame.show()
        self.highlight.show_on(None)

    def _control_frame(self, screen: Screen, control: Control) -> QFrame:
        frame = QFrame(objectName=f"control-{control.id}")
        frame.setProperty("kind", control.kind.value)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        builder = {
            ControlKind.TEXT: self._text, ControlKind.DATE: self._text, ControlKind.CHOICE: self._choice,
            ControlKind.SELECT: self._select, ControlKind.CHECKBOX: self._checkbox, ControlKind.BUTTON: self._button,
            ControlKind.FILE: self._file, ControlKind.KEP: self._kep, ControlKind.PAYMENT: self._payment,
            ControlKind.RECEIPT: self._receipt, ControlKind.INFO: self._info,
        }[control.kind]
        builder(screen, control, layout)
        if control.help:
            layout.addWidget(QLabel(control.help, objectName="controlHelp", wordWrap=True))
        note = QLabel(objectName=f"note-{control.id}", wordWrap=True)
        note.setProperty("role", "fieldNote")
        note.setContentsMargins(12, 4, 4, 4)  # the text starts after the red mark at its left, never under it
        note.hide()
        layout.addWidget(note)
        self.frames[control.id] = frame
        self._notes[control.id] = note
        return frame

    def _emit(self, screen: Screen, control: Control, kind: ActionKind, value: str = "",
              parts: Mapping[str, str] | None = None) -> None:
        self.action_requested.emit(Action.make(screen.id, control.id, kind, value, parts))

    def _text(self, screen: Screen, control: Control, layout: QVBoxLayout) -> None:
        label = QLabel(control.label, wordWrap=True)
        field = QLineEdit(objectName=f"input-{control.id}")
        date_hint = self.tr("DD.MM.YYYY") if control.kind is ControlKind.DATE else ""
        field.setPlaceholderText(control.placeholder or date_hint)
        field.setAccessibleName(control.label)
        field.setMaxLength(300)
        label.setBuddy(field)

        def send() -> None:
            text = field.text()
            if text.strip() and self._sent.get(control.id) != text:
                self._sent[control.id] = text
                self._emit(screen, control, ActionKind.FILL, text)

        field.editingFinished.connect(send)
        self._inputs[control.id] = field
        layout.addWidget(label)
        layout.addWidget(field)

    def _choice(self, screen: Screen, control: Control, layout: QVBoxLayout) -> None:
        layout.addWidget(QLabel(control.label, wordWrap=True))
        group = QButtonGroup(self)
        holder = QWidget(objectName=f"input-{control.id}")
        inner = QVBoxLayout(holder)
        inner.setContentsMargins(8, 0, 0, 0)
        for option in control.options:
            button = QRadioButton(option.label, objectName=f"option-{control.id}-{option.id}")
            group.addButton(button)
            button.clicked.connect(lambda _=False, o=option.id: self._emit(screen, control, ActionKind.CHOOSE, o))
            inner.addWidget(button)
        self._inputs[control.id] = holder
        layout.addWidget(holder)

    def _select(self, screen: Screen, control: Control, layout: QVBoxLayout) -> None:
        label = QLabel(control.label, wordWrap=True)
        box = _combo(f"input-{control.id}")
        box.addItem(control.placeholder or self.tr("— choose —"), "")
        for option in control.options:
            box.addItem(option.label, option.id)
        box.setAccessibleName(control.label)
        box.committed.connect(lambda index: self._emit(screen, control, ActionKind.CHOOSE, str(box.itemData(index))))
        label.setBuddy(box)
        self._inputs[control.id] = box
        layout.addWidget(label)
        layout.addWidget(box)

    def _checkbox(self, screen: Screen, control: Control, layout: QVBoxLayout) -> None:
        box = QCheckBox(control.label, objectName=f"input-{control.id}")
        box.clicked.connect(lambda checked: self._emit(screen, control, ActionKind.CHECK,
                                                       "true" if checked else "false"))
        self._inputs[control.id] = box
        layout.addWidget(box)

    def _button(self, screen: Screen, control: Control, layout: QVBoxLayout) -> None:
        button = QPushButton(control.label, objectName=f"input-{control.id}")
        button.setProperty("portal", control.style)
        button.clicked.connect(lambda: self._emit(screen, control, ActionKind.CLICK))
        self._inputs[control.id] = button
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)

    def _file(self, screen: Screen, control: Control, layout: QVBoxLayout) -> None:
        layout.addWidget(QLabel(control.label or self.tr("Attach a file"), wordWrap=True))
        if control.types or control.max_kb:
            limits = ", ".join(control.types).upper()
            size = self.tr("up to {kb} KB").format(kb=control.max_kb) if control.max_kb else ""
            layout.addWidget(QLabel(" · ".join(p for p in (limits, size) if p), objectName="controlHelp"))
        picker = QFrame(objectName=f"input-{control.id}")
        picker.setProperty("role", "filePicker")
        inner = QVBoxLayout(picker)
        inner.addWidget(QLabel(self.tr("Choose the file (a simulated file window):"), objectName="controlHelp"))
        group = QButtonGroup(picker)
        for choice in control.files:
            details = " · ".join(p for p in (choice.note, f"{choice.size_kb} KB" if choice.size_kb else "") if p)
            button = QRadioButton(choice.name + (f"  ({details})" if details else ""),
                                  objectName=f"file-{control.id}-{choice.id}")
            button.setProperty("file_id", choice.id)
            group.addButton(button)
            inner.addWidget(button)
        attach = QPushButton(self.tr("Attach"), objectName=f"attach-{control.id}")

        def send() -> None:
            chosen = group.checkedButton()
            self._emit(screen, control, ActionKind.ATTACH, str(chosen.property("file_id")) if chosen else "")

        attach.clicked.connect(send)
        inner.addWidget(attach, 0, Qt.AlignmentFlag.AlignLeft)
        self._inputs[control.id] = picker
        layout.addWidget(picker)

    def _kep(self, screen: Screen, control: Control, layout: QVBoxLayout) -> None:
        panel = QFrame(objectName=f"input-{control.id}")
        panel.setProperty("role", "kepDialog")
        form = QFormLayout(panel)
        heading = control.label or self.tr("Qualified e-signature (simulated)")
        form.addRow(QLabel(f"<b>{heading}</b>"))
        keys = _combo(f"key-{control.id}")
        keys.addItem(self.tr("— choose the key file —"), "")
        for key in control.keys:
            keys.addItem(key.name + (f" — {key.location}" if key.location else ""), key.id)
        password = QLineEdit(objectName=f"password-{control.id}")
        password.setEchoMode(QLineEdit.EchoMode.Password)
        password.setMaxLength(100)
        certificate = QLabel(objectName=f"certificate-{control.id}", wordWrap=True)
        certificate.hide()
        cert = control.certificate
        if cert is not None:
            certificate.setText(self.tr("Certificate: {owner}; issued by {issuer}; valid {start} – {end}; № {serial}")
                                .format(owner=cert.owner, issuer=cert.issuer, start=cert.valid_from,
                                        end=cert.valid_to, serial=cert.serial))
        keys.currentIndexChanged.connect(lambda index: certificate.setVisible(index > 0 and cert is not None))
        sign = QPushButton(self.tr("Read the key and sign"), objectName=f"sign-{control.id}")
        sign.setProperty("portal", "primary")
        sign.clicked.connect(lambda: self._emit(screen, control, ActionKind.SIGN, str(keys.currentData() or ""),
                                                {KEP_PASSWORD: password.text()}))
        form.addRow(self.tr("Key file:"), keys)
        form.addRow(self.tr("Key password:"), password)
        form.addRow(certificate)
        form.addRow(sign)
        self._inputs[control.id] = panel
        layout.addWidget(panel)

    def _payment(self, screen: Screen, control: Control, layout: QVBoxLayout) -> None:
        panel = QFrame(objectName=f"input-{control.id}")
        panel.setProperty("role", "payment")
        form = QFormLayout(panel)
        heading = control.label or self.tr("Payment (simulated)")
        form.addRow(QLabel(f"<b>{heading}</b>"))
        for label, value in ((self.tr("Amount:"), control.amount), (self.tr("Recipient:"), control.recipient),
                             (self.tr("Purpose:"), control.purpose)):
            if value:
                form.addRow(label, QLabel(value, wordWrap=True))
        fields = {}
        for part, label, width in ((CARD_NUMBER, self.tr("Card number:"), 19),
                                   (CARD_EXPIRY, self.tr("Expiry (MM/YY):"), 5),
                                   (CARD_CVV, self.tr("CVV:"), 3)):
            field = QLineEdit(objectName=f"{part}-{control.id}")
            field.setMaxLength(width + 4)
            if part == CARD_CVV:
                field.setEchoMode(QLineEdit.EchoMode.Password)
            fields[part] = field
            form.addRow(label, field)
        pay = QPushButton(self.tr("Pay"), objectName=f"pay-{control.id}")
        pay.setProperty("portal", "primary")
        pay.clicked.connect(lambda: self._emit(screen, control, ActionKind.PAY, "",
                                               {k: f.text() for k, f in fields.items()}))
        form.addRow(pay)
        self._inputs[control.id] = panel
        layout.addWidget(panel)

    def _receipt(self, screen: Screen, control: Control, layout: QVBoxLayout) -> None:
        box = QFrame(objectName=f"input-{control.id}")
        box.setProperty("role", "receipt")
        inner = QVBoxLayout(box)
        heading = control.label or self.tr("Done")
        inner.addWidget(QLabel(f"✓ {heading}", objectName="receiptTitle", wordWrap=True))
        if control.number:
            number = self.tr("Number: {number}").format(number=control.number)
            inner.addWidget(QLabel(number, objectName="receiptNumber"))
        if control.text:
            inner.addWidget(QLabel(control.text, wordWrap=True))
        for line in control.lines:
            inner.addWidget(QLabel(f"{line.label}: {line.value}", wordWrap=True))
        self._inputs[control.id] = box
        layout.addWidget(box)

    def _info(self, screen: Screen, control: Control, layout: QVBoxLayout) -> None:
        if control.label:
            layout.addWidget(QLabel(f"<b>{control.label}</b>", wordWrap=True))
        if control.text:
            layout.addWidget(QLabel(control.text, wordWrap=True, objectName=f"input-{control.id}"))
        for line in control.lines:
            layout.addWidget(QLabel(f"{line.label}: {line.value}", wordWrap=True))

    # -- state, feedback, demo --------------------------------------------------------------------------
    def _show_value(self, control_id: str, value: str) -> None:
        widget = self._inputs.get(control_id)
        if isinstance(widget, QLineEdit) and not widget.hasFocus() and not widget.text():
            widget.setText(value)
            self._sent[control_id] = value
        elif isinstance(widget, QCheckBox):
            widget.setChecked(value == "true")

    def show_note(self, control_id: str | None, text: str, state: str) -> None:
        for key, note in self._notes.items():
            if key != control_id:
                note.hide()
        note = self._notes.get(control_id or "")
        if note is None:
            return
        note.setText(text)
        note.setProperty("state", state)
        note.style().unpolish(note)
        note.style().polish(note)
        note.setVisible(bool(text))

    def clear_notes(self) -> None:
        for note in self._notes.values():
            note.hide()

    def highlight_control(self, control_id: str | None) -> QWidget | None:
        target = self.frames.get(control_id or "")
        self.highlight.show_on(target)
        return target

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        if self.highlight.isVisible():
            self.highlight.setGeometry(self.rect())

    def present(self, action: Action) -> None:
        """Show an action being done on the controls (Demo mode), without sending it."""
        widget = self._inputs.get(action.control_id)
        if isinstance(widget, QLineEdit):
            widget.setText(action.value)
            self._sent[action.control_id] = action.value
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(0, widget.findData(action.value)))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(action.value == "true")
        elif widget is not None and action.kind is ActionKind.CHOOSE:
            button = widget.findChild(QRadioButton, f"option-{action.control_id}-{action.value}")
            if button is not None:
                button.setChecked(True)
        elif widget is not None and action.kind is ActionKind.ATTACH:
            button = widget.findChild(QRadioButton, f"file-{action.control_id}-{action.value}")
            if button is not None:
                button.setChecked(True)
        elif widget is not None and action.kind is ActionKind.SIGN:
            keys = widget.findChild(QComboBox, f"key-{action.control_id}")
            password = widget.findChild(QLineEdit, f"password-{action.control_id}")
            if keys is not None and password is not None:
                keys.setCurrentIndex(max(0, keys.findData(action.value)))
                password.setText(action.part(KEP_PASSWORD))
        elif widget is not None and action.kind is ActionKind.PAY:
            for part in (CARD_NUMBER, CARD_EXPIRY, CARD_CVV):
                field = widget.findChild(QLineEdit, f"{part}-{action.control_id}")
                if field is not None:
                    field.setText(action.part(part))
