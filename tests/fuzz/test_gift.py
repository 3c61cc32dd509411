"""Fuzzing the GIFT import (exchange/gift.py) and what an import goes on to do with the bank: its JSON
for `import-questions --json`, the `*.quiz.yaml` it writes, and that file read back by the quiz loader.

Property: no exception escapes; every problem has a line and a non-empty message."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from tests.fuzz.mutations import FUZZ, hostile_text, mutated_text, texts

from etrainer.core.course.context import PackContext
from etrainer.core.errors import EtrainerError
from etrainer.core.quiz.loading import load_quiz_file
from etrainer.exchange.gift import export_gift, parse_gift
from etrainer.exchange.question_json import bank_to_json, bank_to_quiz_yaml, load_bank

SEEDS = texts("tests/data/quiz/*.gift")
GIFT_MARKUP = "{}~=#:%->\\\n $CATEGORY//[html][markdown]TF.0123456789"


def import_like_the_app(text: str) -> None:
    bank = parse_gift(text)
    for problem in bank.problems:
        assert problem.line >= 0 and problem.message.strip(), problem
    json.dumps(bank_to_json(bank), ensure_ascii=False)
    export_gift(bank.questions)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "imported.quiz.yaml"
        path.write_text(bank_to_quiz_yaml(bank, "imported", "Імпорт"), encoding="utf-8", errors="surrogatepass")
        ctx = PackContext(root=Path(folder))
        load_quiz_file(path, ctx)
        assert all(p.message.strip() for p in ctx.problems)


@FUZZ
@given(text=mutated_text(SEEDS))
def test_a_mutated_gift_bank_imports_or_reports(text):
    import_like_the_app(text)


@FUZZ
@given(text=hostile_text(GIFT_MARKUP))
def test_random_gift_markup_imports_or_reports(text):
    import_like_the_app(text)


@FUZZ
@given(raw=st.binary(max_size=400), suffix=st.sampled_from([".gift", ".txt", ".xml"]))
def test_random_bytes_in_a_bank_file_are_read_or_refused_with_a_sentence(raw, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"bank{suffix}"
        path.write_bytes(raw)
        try:
            bank = load_bank(path)
        except EtrainerError as error:
            assert str(error).strip()
            return
        assert all(p.line >= 0 and p.message.strip() for p in bank.problems)
