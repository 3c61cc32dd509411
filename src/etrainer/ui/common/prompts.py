"""Yes/no and text questions that return plain values (tests patch these functions)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget


def ask_yes_no(parent: QWidget | None, title: str, question: str, yes_text: str = "", no_text: str = "") -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton(yes_text or QCoreApplication.translate("Prompts", "Yes"), QMessageBox.ButtonRole.YesRole)
    no = box.addButton(no_text or QCoreApplication.translate("Prompts", "No"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def ask_choice(parent: QWidget | None, title: str, question: str, choices: list[tuple[str, str]]) -> str | None:
    """One of several answers: `choices` are (key, button label) pairs; returns the chosen key. Escape (or
    closing the box) answers the last choice; None only when there is no choice at all."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.NoButton, parent)
    buttons = {box.addButton(label, QMessageBox.ButtonRole.AcceptRole): key for key, label in choices}
    if buttons:
        box.setEscapeButton(list(buttons)[-1])
    box.exec()
    return buttons.get(box.clickedButton())


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "", *, password: bool = False) -> str | None:
    mode = QLineEdit.EchoMode.Password if password else QLineEdit.EchoMode.Normal
    value, ok = QInputDialog.getText(parent, title, label, mode, text)
    return value if ok else None


def ask_open_file(parent: QWidget | None, title: str, filters: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return path or None


def ask_folder(parent: QWidget | None, title: str) -> str | None:
    return QFileDialog.getExistingDirectory(parent, title) or None
