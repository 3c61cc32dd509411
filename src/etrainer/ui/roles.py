"""«Хто тут працює?»: the first run asks who uses this PC — a librarian, a trainer or a methodist — so
that each starts where their work is (AppController.start_as) with their own tour."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from etrainer.ui.common.wrapping import HeightForWidthFilter, WrappingButton
from etrainer.ui.welcome import ROLES


class RoleDialog(QDialog):
    """Three large choices; `chosen` is the role picked (None when the window was closed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roleDialog")
        HeightForWidthFilter(self)  # the wrapped question and the choices get their height in large type
        self.setWindowTitle(self.tr("Who works here?"))
        self.chosen: str | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Who will use Е-тренер on this computer?"), objectName="pageTitle",
                                wordWrap=True))
        layout.addWidget(QLabel(self.tr("Е-тренер opens where your work is. You can change this later in "
                                        "Settings."), wordWrap=True))
        texts = {
            "librarian": self.tr("I am a librarian: I study the course and help visitors"),
            "trainer": self.tr("I am a trainer: I teach a group with a projector"),
            "methodist": self.tr("I am a methodist: I collect the librarians' progress files"),
        }
        for role in ROLES:
            button = WrappingButton(texts[role], objectName=f"role-{role}")
            button.setAccessibleName(texts[role])
            button.clicked.connect(lambda _=False, r=role: self._choose(r))
            layout.addWidget(button)
        layout.addStretch(1)
        self._fit_the_choices_on_one_line()
        self.findChild(WrappingButton, "role-librarian").setFocus(Qt.FocusReason.OtherFocusReason)

    def _fit_the_choices_on_one_line(self) -> None:
        """Wide enough for each choice on one line where the screen allows (the projector's large type would
        otherwise wrap three short answers into six lines); on a narrower screen they wrap. Set before the
        dialog is shown, so that it is centred at that width."""
        self.ensurePolished()  # the theme's font reaches the buttons' labels
        margins = self.layout().contentsMargins()
        wanted = max(b.one_line_width() for b in self.findChildren(WrappingButton)) + margins.left() + margins.right()
        room = self.screen().availableGeometry().width() - 40
        self.resize(max(self.width(), min(wanted, room)), self.height())

    def _choose(self, role: str) -> None:
        self.chosen = role
        self.accept()


def role_label(role: str) -> str:
    """The role's name for Settings."""
    from PySide6.QtCore import QCoreApplication

    names = {"librarian": QCoreApplication.translate("RoleDialog", "Librarian"),
             "trainer": QCoreApplication.translate("RoleDialog", "Trainer"),
             "methodist": QCoreApplication.translate("RoleDialog", "Methodist")}
    return names.get(role, names["librarian"])
