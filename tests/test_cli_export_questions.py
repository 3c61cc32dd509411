"""`etrainer export-questions`: a course quiz as GIFT that imports back; clear failures."""

from __future__ import annotations

from pathlib import Path

from etrainer.cli import main
from etrainer.exchange.gift import parse_gift

GOOD = Path(__file__).parent / "data" / "packs" / "good"
QUIZ = Path(__file__).parent / "data" / "ui" / "basics.quiz.yaml"


def _pack_with_quiz(tmp_path: Path) -> Path:
    import shutil
    root = tmp_path / "pack"
    shutil.copytree(GOOD, root)
    shutil.copy(QUIZ, root / "01-basics" / "basics.quiz.yaml")
    (root / "01-basics" / "images").mkdir(exist_ok=True)
    shutil.copy(Path(__file__).parent / "data" / "quiz" / "images" / "diia-form.png", root / "01-basics" / "images")
    return root


def test_a_quiz_is_written_as_gift_and_reads_back(tmp_path, capsys):
    out = tmp_path / "basics.gift"
    assert main(["export-questions", str(_pack_with_quiz(tmp_path)), "--quiz", "basics-quiz", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    bank = parse_gift(out.read_text(encoding="utf-8"))
    assert f"Wrote {len(bank.questions)} question(s)" in printed
    assert "not exported: ui-ordering" in printed and "not exported: ui-hotspot" in printed
    assert "not exported: ui-cloze" in printed  # two gaps
    assert sorted(q.kind.value for q in bank.questions) == ["matching", "multiple_choice", "numerical",
                                                             "short_answer", "single_choice", "true_false"]


def test_an_unknown_quiz_is_named(tmp_path, capsys):
    assert main(["export-questions", str(_pack_with_quiz(tmp_path)), "--quiz", "nope", "-o",
                 str(tmp_path / "x.gift")]) == 2
    assert "no quiz “nope”" in capsys.readouterr().err
    assert not (tmp_path / "x.gift").exists()
