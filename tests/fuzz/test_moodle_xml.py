"""Fuzzing the Moodle XML import (exchange/moodle_xml.py): mutated real banks, random markup and random bytes.

Property: no exception escapes; every problem has a line and a non-empty message."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st
from tests.fuzz.mutations import FUZZ, hostile_text, mutated_text, texts

from etrainer.exchange.moodle_xml import parse_moodle_xml
from etrainer.exchange.question_json import bank_to_json, bank_to_quiz_yaml

SEEDS = texts("tests/data/quiz/*.xml")
XML_MARKUP = "<>/=\"'&;![]?-CDATA question answer text fraction type category name {}:~#"


def import_like_the_app(data: bytes | str) -> None:
    bank = parse_moodle_xml(data)
    for problem in bank.problems:
        assert problem.line >= 0 and problem.message.strip(), problem
    json.dumps(bank_to_json(bank), ensure_ascii=False)
    bank_to_quiz_yaml(bank, "imported", "Імпорт")


@FUZZ
@given(text=mutated_text(SEEDS))
def test_a_mutated_moodle_bank_imports_or_reports(text):
    import_like_the_app(text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(text=hostile_text(XML_MARKUP))
def test_random_xml_markup_imports_or_reports(text):
    import_like_the_app("<quiz>" + text + "</quiz>")


@FUZZ
@given(data=st.binary(max_size=400))
def test_random_bytes_are_refused_with_a_line(data):
    import_like_the_app(data)
