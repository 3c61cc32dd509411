"""Record a consultation in a few seconds (UI.md «Consultation log»): one small dialog, Enter saves.

Service (a searchable list, the last one used preselected) · outcome (four big radio buttons; a reason
when it was not fully done) · minutes (spin box and 5/10/15/30 chips) · age band · «зможе наступного
разу сам(а)?» · a one-line note, checked as she types, with the rule under it. No personal data fields.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from etrainer.core.consultation.catalog import Choice, ConsultationCatalog
from etrainer.core.consultation.privacy import MAX_NOTE_LENGTH, check_note
from etrainer.core.consultation.record import MAX_MINUTES, AloneNextTime, ConsultationRefused, Outcome
from etrainer.core.ids import LearnerId
from etrainer.services.consultations import LAST_SERVICE_KEY, ConsultationService
from etrainer.services.settings import SettingsService
from etrainer.ui.consultation.chart import outcome_label

MINUTE_CHIPS = (5, 10, 15, 30)


WINDOW_FRAME = QSize(16, 40)
"""Room for a dialog's frame and title bar, outside the size given to `resize`."""
COMBO_CHARACTERS = 24
"""How many characters a closed choice box shows at least."""


class ConsultationDialog(QDialog):
    recorded = Signal(object)  # core.consultation.record.Consultation

    def __init__(self, log: ConsultationService, settings: SettingsService, catalog: ConsultationCatalog,
                 learner: LearnerId, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consultationDialog")
        self.setWindowTitle(self.tr("Record a consultation"))
        self._log, self._settings, self._catalog, self._learner = log, settings, catalog, learner

        self._search = QLineEdit(objectName="serviceSearch")
        self._search.setPlaceholderText(self.tr("Find a service…"))
        self._search.setAccessibleName(self.tr("Find a service"))
        self._search.setClearButtonEnabled(True)
        self._services = QListWidget(objectName="serviceList")
        self._services.setMinimumHeight(150)
        self._services.setAccessibleName(self.tr("Service"))
        for service in catalog.services:
            item = QListWidgetItem(service.title)
            item.setData(Qt.ItemDataRole.UserRole, service.id)
            self._services.addItem(item)
        self._search.textChanged.connect(self._on_search_changed)

        self._outcomes = QButtonGroup(self)
        outcome_row = QGridLayout()  # two by two: four long outcomes in one row need more than 1024 pixels
        for number, outcome in enumerate(Outcome):
            button = QRadioButton(outcome_label(outcome), objectName=f"outcome_{outcome.value}")
            button.setStyleSheet("QRadioButton { padding: 6px; font-weight: bold; }")
            button.setMinimumHeight(36)
            self._outcomes.addButton(button)
            button.setProperty("outcome", outcome.value)
            outcome_row.addWidget(button, number // 2, number % 2)
        self._outcomes.buttons()[0].setChecked(True)
        self._outcomes.buttonToggled.connect(lambda *_: self._on_outcome_changed())
        self._reason = self._combo("reasonCombo", catalog.reasons, self.tr("— reason —"))

        self._minutes = QSpinBox(objectName="minutesSpin")
        self._minutes.setRange(1, MAX_MINUTES)
        self._minutes.setValue(10)
        self._minutes.setSuffix(self.tr(" min"))
        self._minutes.setAccessibleName(self.tr("Minutes"))
        minutes_row = QHBoxLayout()
        minutes_row.addWidget(self._minutes)
        for value in MINUTE_CHIPS:
            chip = QToolButton(objectName=f"minutes_{value}", text=str(value))
            chip.clicked.connect(lambda _=False, v=value: self._minutes.setValue(v))
            minutes_row.addWidget(chip)
        minutes_row.addStretch(1)

        self._channel = self._combo("channelCombo", catalog.channels, self.tr("— channel —"))
        self._age = self._combo("ageBandCombo", catalog.age_bands, self.tr("— not noted —"))
        self._alone = QButtonGroup(self)
        alone_row = QHBoxLayout()
        for value, text in ((AloneNextTime.YES, self.tr("Yes")), (AloneNextTime.NO, self.tr("No")),
                            (AloneNextTime.UNKNOWN, self.tr("Don't know"))):
            button = QRadioButton(text, objectName=f"alone_{value.value}")
            button.setProperty("alone", value.value)
            self._alone.addButton(button)
            alone_row.addWidget(button)
            button.setChecked(value is AloneNextTime.UNKNOWN)
        alone_row.addStretch(1)

        self._note = QLineEdit(objectName="noteField")
        self._note.setMaxLength(MAX_NOTE_LENGTH + 50)
        self._note.setPlaceholderText(self.tr("Optional, e.g. «needed a new KEP first»"))
        self._note.setAccessibleName(self.tr("Note"))
        self._note.textChanged.connect(self._on_note_changed)
        rule = QLabel(self.tr("No names, phones or document numbers"), objectName="noteRule")
        rule.setStyleSheet("color: palette(mid);")
        self._problem = QLabel(objectName="noteProblem", wordWrap=True)
        self._problem.setStyleSheet("color: #B23A3A;")
        self._problem.hide()

        form = QFormLayout()
        # in large type a long row (the outcomes, a long question) puts its field under its label rather than
        # widen the dialog past the screen
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Outcome:"), outcome_row)
        form.addRow(self.tr("Reason:"), self._reason)
        form.addRow(self.tr("Minutes:"), minutes_row)
        form.addRow(self.tr("Channel:"), self._channel)
        form.addRow(self.tr("Visitor's age:"), self._age)
        form.addRow(self.tr("Could do it alone next time?"), alone_row)
        note_box = QVBoxLayout()
        note_box.addWidget(self._note)
        note_box.addWidget(rule)
        note_box.addWidget(self._problem)
        form.addRow(self.tr("Note:"), note_box)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self._save = QPushButton(self.tr("Save"), objectName="saveConsultation")
        buttons.addButton(self._save, QDialogButtonBox.ButtonRole.AcceptRole)
        for button in buttons.buttons():
            button.setAutoDefault(False)  # Enter never cancels, nor saves while the note is refused
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)

        body = QWidget(objectName="consultationBody")
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(QLabel(self.tr("Service:")))
        body_layout.addWidget(self._search)
        body_layout.addWidget(self._services, 1)
        body_layout.addLayout(form)
        scroll = QScrollArea(objectName="consultationScroll", widgetResizable=True)  # fits 768 px in large type
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        # the scroll area would start the dialog at its own small size hint and cut the outcomes on the right:
        # never narrower than the form, and as tall as the form where the screen allows
        bar = scroll.verticalScrollBar().sizeHint().width()
        scroll.setMinimumWidth(body.minimumSizeHint().width() + bar)
        margins = layout.contentsMargins()
        wanted = QSize(body.sizeHint().width() + bar + margins.left() + margins.right(),
                       body.sizeHint().height() + buttons.sizeHint().height() + layout.spacing()
                       + margins.top() + margins.bottom())
        self.resize(wanted.boundedTo(self.screen().availableGeometry().size() - WINDOW_FRAME))
        self._save.setDefault(True)
        self._select_last_service()
        self._on_outcome_changed()
        self._search.setFocus()

    def _combo(self, name: str, choices: tuple[Choice, ...], empty: str) -> QComboBox:
        combo = QComboBox(objectName=name)
        # a long reason or channel shows cut in the closed box (whole in its list) rather than widen the dialog
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(COMBO_CHARACTERS)
        combo.addItem(empty, None)
        for choice in choices:
            combo.addItem(choice.title, choice.id)
        return combo

    def _select_last_service(self) -> None:
        last = self._settings.get(LAST_SERVICE_KEY, None, self._learner)
        for row in range(self._services.count()):
            if self._services.item(row).data(Qt.ItemDataRole.UserRole) == last:
                self._services.setCurrentRow(row)
                return
        self._services.setCurrentRow(0)

    def _on_search_changed(self, text: str) -> None:
        wanted = text.casefold().strip()
        first_visible = None
        for row in range(self._services.count()):
            item = self._services.item(row)
            hidden = bool(wanted) and wanted not in item.text().casefold()
            item.setHidden(hidden)
            if not hidden and first_visible is None:
                first_visible = row
        current = self._services.currentItem()
        if (current is None or current.isHidden()) and first_visible is not None:
            self._services.setCurrentRow(first_visible)

    def _outcome(self) -> Outcome:
        return Outcome(self._outcomes.checkedButton().property("outcome"))

    def _on_outcome_changed(self) -> None:
        trouble = self._outcome().is_trouble
        self._reason.setEnabled(trouble)
        if not trouble:
            self._reason.setCurrentIndex(0)

    def _on_note_changed(self, text: str) -> None:
        issue = check_note(" ".join(text.split()))
        self._problem.setVisible(issue is not None)
        self._problem.setText(QCoreApplication.translate("Consultation", issue.sentence) if issue else "")
        self._save.setEnabled(issue is None)

    def _on_save_clicked(self) -> None:
        item = self._services.currentItem()
        if item is None or item.isHidden():
            self._show_problem(self.tr("Choose the service from the list."))
            return
        if not self._save.isEnabled():
            return
        service_id = item.data(Qt.ItemDataRole.UserRole)
        try:
            stored = self._log.record(
                self._learner, self._catalog, service_id=service_id, outcome=self._outcome(),
                minutes=self._minutes.value(), channel_id=self._channel.currentData(),
                age_band_id=self._age.currentData(), alone_next_time=self._alone.checkedButton().property("alone"),
                reason_id=self._reason.currentData() if self._reason.isEnabled() else None, note=self._note.text())
        except ConsultationRefused as error:
            context = "Consultation" if hasattr(error, "issue") else "Errors"
            self._show_problem(QCoreApplication.translate(context, error.text).format(**error.params))
            return
        self._settings.set(LAST_SERVICE_KEY, service_id, self._learner)
        self.recorded.emit(stored)
        self.accept()

    def _show_problem(self, text: str) -> None:
        self._problem.setText(text)
        self._problem.show()
