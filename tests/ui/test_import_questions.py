"""The question-bank import dialog: parse off the UI thread, show what was understood and what not, save."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QListWidget, QPushButton

from etrainer.core.course.context import PackContext
from etrainer.core.quiz.loading import load_quiz_file
from etrainer.exchange.gift import parse_gift
from etrainer.exchange.question_json import load_bank
from etrainer.ui.quiz.import_dialog import ImportQuestionsDialog, export_quiz_to_gift

DATA = Path(__file__).parents[1] / "data" / "quiz"


def test_a_gift_bank_is_shown_and_saved_as_a_quiz_file(qtbot, tmp_path):
    dialog = ImportQuestionsDialog(None)
    qtbot.addWidget(dialog)
    dialog.load(DATA / "ukrainian-bank.gift")
    bank = load_bank(DATA / "ukrainian-bank.gift")
    summary = dialog.findChild(QLabel, "importSummary").text()
    assert f"questions understood: {len(bank.questions)}" in summary
    problems = dialog.findChild(QListWidget, "importProblems")
    assert problems.count() == len(bank.problems)
    if bank.problems:
        assert f"line {bank.problems[0].line}" in problems.item(0).text()
    assert dialog.findChild(QPushButton, "saveQuizButton").isEnabled()
    target = tmp_path / "bank.quiz.yaml"
    dialog.save_to(target)
    quiz = load_quiz_file(target, PackContext(root=tmp_path))
    assert quiz is not None and len(quiz.questions) == len(bank.questions)


def test_a_file_that_is_not_a_bank_gets_a_clear_sentence(qtbot, tmp_path):
    broken = tmp_path / "bank.gift"
    broken.write_bytes(b"\xff\xfe\x00 not utf-8 \xff")
    dialog = ImportQuestionsDialog(None)
    qtbot.addWidget(dialog)
    dialog.load(broken)
    error = dialog.findChild(QLabel, "importError").text()
    assert "cannot be imported" in error
    assert not dialog.findChild(QPushButton, "saveQuizButton").isEnabled()


def test_a_quiz_exports_to_gift_and_back(tmp_path):
    quiz = load_quiz_file(DATA / "module.quiz.yaml", PackContext(root=DATA, module_ids={"admin-services"},
                                                                 lesson_ids={"what-is-an-admin-service"}))
    target = tmp_path / "out.gift"
    skipped = export_quiz_to_gift(quiz, target)
    back = parse_gift(target.read_text(encoding="utf-8"))
    assert len(back.questions) + len(skipped) == len(quiz.questions)
    assert {q.kind for q in back.questions} >= {q.kind for q in quiz.questions if q.id not in skipped}


def test_saving_copies_the_pictures_beside_the_bank_into_the_pack(qtbot, tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "form.png").write_bytes(b"\x89PNG\r\n\x1a\nform")
    bank = folder / "bank.gift"
    bank.write_text("::Форма::[html]<p>Що на знімку <img src\\=\"form.png\" alt\\=\"форма\">?</p>{T}\n\n"
                    "::Поза::[html]<p>А тут <img src\\=\"../secret.png\">?</p>{F}\n", encoding="utf-8")
    (tmp_path / "secret.png").write_bytes(b"not for the pack")
    dialog = ImportQuestionsDialog(None)
    qtbot.addWidget(dialog)
    dialog.load(bank)
    qtbot.waitUntil(lambda: dialog.findChild(QPushButton, "saveQuizButton").isEnabled(), timeout=5000)
    problems = dialog.findChild(QListWidget, "importProblems")
    assert [problems.item(i).text() for i in range(problems.count())] == [
        "line 3: the file “../secret.png” leads outside the bank's folder: kept as a link, not copied"]
    target = tmp_path / "pack" / "01-basics" / "basics.quiz.yaml"
    dialog.save_to(target)
    assert dialog.written == target and dialog.media == [target.parent / "media" / "form.png"]
    assert (target.parent / "media" / "form.png").read_bytes() == (folder / "form.png").read_bytes()
    quiz = load_quiz_file(target, PackContext(root=tmp_path / "pack"))
    assert quiz is not None and "[форма](media/form.png)" in quiz.questions[0].text
    assert "(../secret.png)" in quiz.questions[1].text and not (target.parent / "media" / "secret.png").exists()


def test_saving_runs_on_a_worker_thread_and_a_failure_keeps_the_dialog_open(qtbot, tmp_path, monkeypatch):
    from etrainer.ui.common import tasks

    monkeypatch.setattr(tasks, "INLINE", False)  # a real worker thread, as in the app
    dialog = ImportQuestionsDialog(None)
    qtbot.addWidget(dialog)
    dialog.load(DATA / "ukrainian-bank.gift")
    qtbot.waitUntil(lambda: dialog.bank is not None, timeout=10_000)
    (tmp_path / "not-a-folder").write_text("a file where the pack's folder should be")
    dialog.save_to(tmp_path / "not-a-folder" / "bank.quiz.yaml")
    save = dialog.findChild(QPushButton, "saveQuizButton")
    assert not save.isEnabled()  # while writing
    qtbot.waitUntil(save.isEnabled, timeout=10_000)
    assert "cannot be written" in dialog.findChild(QLabel, "importError").text() and dialog.written is None
    dialog.save_to(tmp_path / "bank.quiz.yaml")
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=10_000)
    assert load_quiz_file(tmp_path / "bank.quiz.yaml", PackContext(root=tmp_path)) is not None
