"""Showing an expected failure as one clear, translated sentence."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from etrainer.core.errors import EtrainerError


def error_sentence(error: EtrainerError) -> str:
    """The translated sentence for `error`, with its parameters filled in."""
    return QCoreApplication.translate("Errors", error.text).format(**error.params)


def reason_text(error: BaseException) -> str:
    """What a failure handed over by a worker thread says: an expected one's translated sentence, anything
    else's own text."""
    return error_sentence(error) if isinstance(error, EtrainerError) else str(error)


def show_error(parent: QWidget | None, title: str, error: EtrainerError, details: str = "") -> None:
    from PySide6.QtWidgets import QMessageBox  # its type and enums: not on the way to the first paint

    box = QMessageBox(QMessageBox.Icon.Warning, title, error_sentence(error), QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def show_warning(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    """A refusal whose sentence is already translated and filled in (a file's name and its reason, say)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def show_message(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()
