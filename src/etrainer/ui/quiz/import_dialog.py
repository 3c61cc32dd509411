"""Importing a Moodle question bank (GIFT or Moodle XML) into a course-pack quiz file, and
exporting a course quiz to GIFT. Parsing runs off the UI thread; the dialog shows what was
understood (by type) and, with its line, every question that was not imported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from etrainer.core.course.model import Course
from etrainer.core.errors import EtrainerError
from etrainer.core.ids import is_valid_id
from etrainer.core.quiz.bank import ParsedBank, slugify
from etrainer.exchange.bank_media import copy_media, plan_media
from etrainer.exchange.gift import export_gift, unexportable
from etrainer.exchange.question_json import bank_to_quiz_yaml, load_bank, write_text_atomically
from etrainer.ui.common.errors import error_sentence, reason_text
from etrainer.ui.common.tasks import Progress, run_in_background
from etrainer.ui.common.wrapping import HeightForWidthFilter
from etrainer.ui.theme import current_theme, screen_colours


class ImportQuestionsDialog(QDialog):
    """Pick a bank, see what was understood, and save it as `<id>.quiz.yaml` where the author wants."""

    def __init__(self, course: Course | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importQuestionsDialog")
        self.setWindowTitle(self.tr("Import questions from Moodle"))
        self.resize(640, 520)
        self.bank: ParsedBank | None = None
        self.written: Path | None = None
        self.media: list[Path] = []
        """The pictures and sounds copied into the pack with the quiz file."""
        self._source: Path | None = None
        intro = QLabel(self.tr("Choose a question bank exported from Moodle: GIFT (.gift, .txt) or Moodle XML "
                               "(.xml). Nothing is changed until you save."), wordWrap=True)
        self._choose = QPushButton(self.tr("Choose a file…"), objectName="chooseBankButton")
        self._choose.clicked.connect(self._on_choose_clicked)
        self._busy = QProgressBar(objectName="importProgress")
        self._busy.setRange(0, 0)
        self._busy.hide()
        self._summary = QLabel(objectName="importSummary", wordWrap=True)
        self._problems = QListWidget(objectName="importProblems")
        self._problems.setAccessibleName(self.tr("Questions and problems in the file"))
        self._problems.setWordWrap(True)
        self._quiz_id = QLineEdit(objectName="quizIdField")
        self._title = QLineEdit(objectName="quizTitleField")
        self._module = QComboBox(objectName="moduleBox")
        self._module.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._module.setMinimumContentsLength(24)
        self._module.addItem(self.tr("— no module (a course-level quiz) —"), "")
        for module in course.modules if course else ():
            self._module.addItem(module.title, module.id)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above the fields in large type
        form.addRow(self.tr("Quiz id (a-z, 0-9, hyphens):"), self._quiz_id)
        form.addRow(self.tr("Title:"), self._title)
        form.addRow(self.tr("Module:"), self._module)
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self._save = self._buttons.addButton(self.tr("Save as a quiz file…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self._save.setObjectName("saveQuizButton")
        self._save.setEnabled(False)
        self._save.clicked.connect(self._on_save_clicked)
        self._buttons.rejected.connect(self.reject)
        self._error = QLabel(objectName="importError", wordWrap=True)
        self._error.setStyleSheet(f"color: {screen_colours(current_theme(QApplication.instance()))['problem']};")
        layout = QVBoxLayout(self)
        HeightForWidthFilter(self)
        layout.addWidget(intro)
        layout.addWidget(self._choose, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self._busy)
        layout.addWidget(self._summary)
        layout.addWidget(self._problems, 1)
        layout.addLayout(form)
        layout.addWidget(self._error)
        layout.addWidget(self._buttons)

    def _on_choose_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Question bank"), "",
                                              self.tr("Moodle question banks (*.gift *.txt *.xml)"))
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> None:
        """Parse `path` in the background and show the result."""
        self._source = path
        self._busy.show()
        self._choose.setEnabled(False)
        self._error.clear()

        def parse(progress: Progress) -> ParsedBank:
            bank = load_bank(path)  # … with the links to files that will not be copied into the pack, reported
            return ParsedBank(bank.questions, plan_media(bank, path.parent, path.parent).bank.problems)

        run_in_background(parse, self._on_parsed, self._on_failed)

    def _on_failed(self, error: Any) -> None:
        self._busy.hide()
        self._choose.setEnabled(True)
        text = reason_text(error)
        self._error.setText(self.tr("The file cannot be imported: {reason}").format(reason=text))

    def _on_parsed(self, bank: ParsedBank) -> None:
        self._busy.hide()
        self._choose.setEnabled(True)
        self.bank = bank
        counts = ", ".join(f"{kind.value}: {count}" for kind, count in sorted(
            bank.count_by_kind().items(), key=lambda item: item[0].value))
        name = self._source.name if self._source else ""
        self._summary.setText(self.tr("{file}: questions understood: {n} ({counts}); not imported: {p}.")
                              .format(file=name, n=len(bank.questions), counts=counts or "—", p=len(bank.problems)))
        self._problems.clear()
        for problem in bank.problems:
            self._problems.addItem(self.tr("line {line}: {message}").format(line=problem.line,
                                                                           message=problem.message))
        stem = self._source.stem if self._source else "imported"
        self._quiz_id.setText(slugify(stem) or "imported-questions")
        self._title.setText(next((q.category for q in bank.questions if q.category), "") or stem)
        self._save.setEnabled(bool(bank.questions))

    def _on_save_clicked(self) -> None:
        if self.bank is None:
            return
        quiz_id = self._quiz_id.text().strip()
        if not is_valid_id(quiz_id):
            self._error.setText(self.tr("The quiz id may hold only small Latin letters, digits and hyphens."))
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the quiz file"), f"{quiz_id}.quiz.yaml",
                                              self.tr("Quiz files (*.quiz.yaml)"))
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        """Write the quiz file, with the pictures and sounds it links copied beside it, on a worker thread (a
        bank's media can be hundreds of megabytes on a USB stick); the dialog closes once they are written."""
        assert self.bank is not None
        if not path.name.endswith(".quiz.yaml"):
            path = path.with_name(path.name.removesuffix(".yaml") + ".quiz.yaml")
        bank, source = self.bank, self._source.parent if self._source else path.parent
        quiz_id, title = self._quiz_id.text().strip(), self._title.text().strip() or path.stem
        module = self._module.currentData() or None

        def save(_progress: Progress) -> Any:
            media = plan_media(bank, source, path.parent)
            text = bank_to_quiz_yaml(media.bank, quiz_id, title, module, base=path.parent.resolve())
            copied = copy_media(media, path.parent)  # the pictures and sounds beside the bank, into the pack
            write_text_atomically(path, text)
            return copied

        self._busy.show()
        self._save.setEnabled(False)
        self._choose.setEnabled(False)
        self._error.clear()
        run_in_background(save, lambda copied: self._on_saved(path, copied),
                          lambda error: self._on_save_failed(path, error))

    def _on_saved(self, path: Path, copied: Any) -> None:
        self._busy.hide()
        self.media = copied
        self.written = path
        self.accept()

    def _on_save_failed(self, path: Path, error: BaseException) -> None:
        self._busy.hide()
        self._save.setEnabled(True)
        self._choose.setEnabled(True)
        if isinstance(error, OSError):
            self._error.setText(self.tr("{path} cannot be written: {reason}").format(
                path=str(error.filename or path), reason=error.strerror or str(error)))
        elif isinstance(error, EtrainerError):
            self._error.setText(error_sentence(error))
        else:
            self._error.setText(str(error))


def export_quiz_to_gift(quiz: Any, path: Path) -> list[str]:
    """Write the quiz's questions that GIFT can hold; return the ids of those it cannot (they are
    kept out of the file, with a comment naming them)."""
    skipped = [q.id for q in quiz.questions if unexportable(q)]
    write_text_atomically(path, export_gift(quiz.questions))
    return skipped


__all__ = ["ImportQuestionsDialog", "export_quiz_to_gift", "slugify"]
