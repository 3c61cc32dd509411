"""The band across the top of the main window while saving fails (UI.md, "When saving fails").

It stays until a write succeeds again; never a message box per failed write. [Retry] asks the
view-model to try one small write.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class SaveBanner(QFrame):
    retry_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="saveBanner")
        layout = QHBoxLayout(self)
        self._label = QLabel(wordWrap=True, objectName="saveBannerLabel")
        self._retry = QPushButton(self.tr("Retry"), objectName="retrySaveButton")
        self._retry.clicked.connect(self.retry_clicked)
        layout.addWidget(self._label, 1)
        layout.addWidget(self._retry)
        self.setAccessibleName(self.tr("Saving fails"))
        self.hide()

    def show_failure(self, sentence: str) -> None:
        self._label.setText("⚠ " + sentence)
        self.show()

    def clear(self) -> None:
        self._label.clear()
        self.hide()

    def text(self) -> str:
        return self._label.text()
