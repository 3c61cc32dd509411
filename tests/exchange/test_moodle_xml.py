"""Moodle XML import: each question type, categories, HTML texts, pictures, problems with lines, safety."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from etrainer.core.quiz.model import GapKind, QuestionKind
from etrainer.exchange.moodle_xml import clean_category, html_to_markdown, parse_moodle_xml
from etrainer.exchange.question_json import run_import_questions

DATA = Path(__file__).resolve().parents[1] / "data" / "quiz"


@pytest.fixture(scope="module")
def bank():  # type: ignore[no-untyped-def]
    return parse_moodle_xml((DATA / "moodle-bank.xml").read_bytes())


def by_title(bank, title: str):  # type: ignore[no-untyped-def]
    return next(q for q in bank.questions if q.title == title)


def wrap(*questions: str) -> str:
    return '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n' + "\n".join(questions) + "\n</quiz>\n"


def test_every_supported_type_is_imported(bank) -> None:  # type: ignore[no-untyped-def]
    assert [(q.title, q.kind) for q in bank.questions] == [
        ("Портал Дія", QuestionKind.SINGLE_CHOICE), ("Документи", QuestionKind.MULTIPLE_CHOICE),
        ("КЕП", QuestionKind.TRUE_FALSE), ("Київ латинкою", QuestionKind.SHORT_ANSWER),
        ("ПДФО", QuestionKind.NUMERICAL), ("Скорочення", QuestionKind.MATCHING), ("Cloze", QuestionKind.CLOZE),
        ("Вибір слів", QuestionKind.CLOZE), ("Кроки", QuestionKind.ORDERING), ("Есе", QuestionKind.ESSAY),
        ("Опис", QuestionKind.DESCRIPTION), ("Зображення", QuestionKind.SINGLE_CHOICE)]
    assert by_title(bank, "Опис").text == "Розділ про ідентифікацію."
    assert [q.id for q in bank.questions][:3] == ["portal-diia", "dokumenty", "kep"]


def test_multichoice_html_text_fractions_feedback_and_general_feedback(bank) -> None:  # type: ignore[no-untyped-def]
    question = by_title(bank, "Портал Дія")
    assert question.text == "Як називається **єдиний** державний вебпортал електронних послуг?"
    assert question.explanation == "Портал — diia.gov.ua."
    assert question.category == "Електронні послуги"
    assert [(a.text, a.fraction, a.feedback) for a in question.answers] == [
        ("«Дія»", 1.0, "Так."), ("«Прозорро»", 0.0, "Ні, це закупівлі."), ("«Трембіта»", 0.0, "")]
    multi = by_title(bank, "Документи")
    assert [a.fraction for a in multi.answers] == [0.5, 0.5, -1.0]
    assert multi.answers[2].feedback == "Його видає бібліотека."


def test_truefalse_feedback_follows_the_answer_chosen(bank) -> None:  # type: ignore[no-untyped-def]
    spec = by_title(bank, "КЕП").true_false
    assert (spec.correct, spec.feedback_true, spec.feedback_false) == (True, "Так, за законом.", "Насправді має.")


def test_shortanswer_keeps_the_catch_all_with_its_feedback(bank) -> None:  # type: ignore[no-untyped-def]
    question = by_title(bank, "Київ латинкою")
    assert [(a.text, a.fraction) for a in question.answers] == [("Kyiv", 1.0), ("Kiev", 0.5), ("*", 0.0)]
    from etrainer.core.quiz.grading import grade
    from etrainer.core.quiz.response import TextResponse

    other = grade(question, TextResponse("Kijiw"))
    assert other.score == 0 and other.parts[0].feedback == question.answers[2].feedback
    assert grade(question, TextResponse("kyiv")).correct and "*" not in grade(question, None).right_answer


def test_numerical_tolerance_and_other_feedback(bank) -> None:  # type: ignore[no-untyped-def]
    spec = by_title(bank, "ПДФО").numerical
    assert [(a.value, a.tolerance, a.fraction) for a in spec.answers] == [(18, 0, 1), (18, 1.5, 0.5)]
    assert spec.other_feedback == "Подивіться кодекс."


def test_matching_with_an_extra_answer_and_category_change(bank) -> None:  # type: ignore[no-untyped-def]
    question = by_title(bank, "Скорочення")
    assert question.category == "Терміни"
    assert [(p.prompt, p.answer) for p in question.matching.pairs] == [
        ("КЕП", "кваліфікований електронний підпис"), ("ЦНАП", "центр надання адміністративних послуг")]
    assert question.matching.distractors == ("електронна черга",)


def test_moodle_cloze_becomes_gaps(bank) -> None:  # type: ignore[no-untyped-def]
    question = by_title(bank, "Cloze")
    assert question.text == "Послуги надає {{1}}, заяву подають на {{2}}, строк {{3}} днів."
    short, choice, number = question.cloze.gaps
    assert short.kind is GapKind.SHORT_ANSWER and [(a.text, a.fraction) for a in short.answers] == [
        ("ЦНАП", 1.0), ("центр", 0.5)]
    assert choice.kind is GapKind.CHOICE and choice.answers[1].feedback == "Ні"
    assert number.kind is GapKind.NUMERICAL and number.numbers[0].value == 10


def test_gapselect_choices_come_from_the_option_group(bank) -> None:  # type: ignore[no-untyped-def]
    question = by_title(bank, "Вибір слів")
    assert question.text == "Підпис — {{1}}, а портал — {{2}}."
    assert [[(a.text, a.fraction) for a in gap.answers] for gap in question.cloze.gaps] == [
        [("КЕП", 1.0), ("пароль", 0.0)], [("Дія", 1.0), ("Google", 0.0)]]


def test_ordering_follows_the_positions(bank) -> None:  # type: ignore[no-untyped-def]
    assert by_title(bank, "Кроки").ordering == ("Відкрити сайт", "Увійти", "Підписати")


def test_problems_name_the_question_and_its_line(bank) -> None:  # type: ignore[no-untyped-def]
    assert [(p.line, p.message.split(":")[0]) for p in bank.problems] == [
        (84, "“Зображення”"), (92, "“Формула”"), (96, "“Без правильної”")]
    assert "1 picture(s) or file(s) were not imported" in bank.problems[0].message
    assert "calculated" in bank.problems[1].message
    assert "no option is marked correct" in bank.problems[2].message


def test_a_picture_only_question_keeps_its_text_without_the_picture(bank) -> None:  # type: ignore[no-untyped-def]
    assert by_title(bank, "Зображення").text == "Що на знімку?"


@pytest.mark.parametrize(("data", "line", "message"), [
    (b'<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY x "boom">]>\n<quiz>&x;</quiz>', 2, "refused for safety"),
    (b'<?xml version="1.0"?>\n<quiz>\n<!ENTITY x SYSTEM "file:///etc/passwd">\n</quiz>', 3, "refused for safety"),
    (b'<?xml version="1.0"?>\n<quiz>\n  <question type="truefalse">\n</quiz>', 4, "not well-formed"),
    (b'<?xml version="1.0"?>\n<html><body/></html>', 2, "not a Moodle XML question bank"),
    (b"", 1, "not well-formed"),
])
def test_unsafe_or_broken_files_are_refused_with_a_line(data: bytes, line: int, message: str) -> None:
    bank = parse_moodle_xml(data)
    assert bank.questions == []
    (found,) = bank.problems
    assert found.line == line and message in found.message


def test_size_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    from etrainer.exchange import moodle_xml

    monkeypatch.setattr(moodle_xml, "MAX_XML_BYTES", 50)
    bank = parse_moodle_xml(wrap("<!-- " + "x" * 100 + " -->"))
    assert "larger than" in bank.problems[0].message and bank.questions == []


def test_deep_nesting_is_refused() -> None:
    bank = parse_moodle_xml("<quiz>" + "<a>" * 100 + "</a>" * 100 + "</quiz>")
    assert "nested too deeply" in bank.problems[0].message


def test_bad_parts_of_one_question_do_not_stop_the_others() -> None:
    bank = parse_moodle_xml(wrap(
        '<question type="truefalse"><name><text>Дивна</text></name><questiontext><text>Так?</text></questiontext>'
        '<answer fraction="100"><text>maybe</text></answer></question>',
        '<question type="shortanswer"><name><text>Шаблон</text></name><questiontext><text>Хто?</text></questiontext>'
        '<answer fraction="100"><text>Ки*в</text></answer></question>',
        '<question type="numerical"><name><text>Число</text></name><questiontext><text>Скільки?</text></questiontext>'
        '<answer fraction="100"><text>багато</text></answer></question>',
        '<question type="multichoice"><name><text>Бал</text></name><questiontext><text>Що?</text></questiontext>'
        '<answer fraction="сто"><text>а</text></answer></question>',
        '<question type="truefalse"><name><text>Добра</text></name><questiontext><text>Так?</text></questiontext>'
        '<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>',
    ))
    assert [q.title for q in bank.questions] == ["Добра"]
    assert [p.line for p in bank.problems] == [3, 4, 5, 6]
    assert ["maybe" in bank.problems[0].message, "wildcard" in bank.problems[1].message,
            "not a number" in bank.problems[2].message, "сто" in bank.problems[3].message] == [True] * 4


def test_html_to_markdown() -> None:
    html = ("<p>Оберіть <strong>правильну</strong> відповідь&nbsp;<em>уважно</em>:</p>"
            "<ol><li>перше</li><li>друге</li></ol><p>Рядок<br>новий &amp; &lt;b&gt;</p>"
            "<script>alert('x')</script><style>p{}</style><img src='x.png'>")
    assert html_to_markdown(html) == ("Оберіть **правильну** відповідь *уважно*:\n\n1. перше\n1. друге\n\n"
                                      "Рядок\nновий & &lt;b>\n\n[x.png](x.png)")


@pytest.mark.parametrize(("raw", "clean"), [
    ("$course$/top/Електронні послуги", "Електронні послуги"), ("$course$/Перевірка", "Перевірка"),
    ("$system$/top", ""), ("top/А/Б", "А/Б"), ("Без префікса", "Без префікса"), ("$cat1$/top/Тема", "Тема"),
])
def test_clean_category(raw: str, clean: str) -> None:
    assert clean_category(raw) == clean


def test_import_command_reads_moodle_xml_by_extension() -> None:
    out, err = io.StringIO(), io.StringIO()
    code = run_import_questions(DATA / "moodle-bank.xml", None, True, True, None, out, err)
    assert code == 1 and err.getvalue() == ""
    doc = json.loads(out.getvalue())
    assert len(doc["questions"]) == 12 and [p["line"] for p in doc["problems"]] == [84, 92, 96]
    assert {"id": "opys", "type": "description", "title": "Опис", "text": "Розділ про ідентифікацію.",
            "category": "Терміни", "explanation": ""}.items() <= next(
                q for q in doc["questions"] if q["type"] == "description").items()
    cloze = next(q for q in doc["questions"] if q["type"] == "cloze")
    assert cloze["gaps"][2] == {"type": "numerical", "answers": [
        {"value": 10.0, "tolerance": 0.0, "fraction": 1.0, "feedback": ""}]}


def test_xml_in_another_declared_encoding(tmp_path: Path) -> None:
    path = tmp_path / "bank.xml"
    path.write_bytes(wrap('<question type="truefalse"><name><text>Кодування</text></name>'
                          '<questiontext><text>Так?</text></questiontext><answer fraction="100"><text>true</text>'
                          '</answer><answer fraction="0"><text>false</text></answer></question>')
                     .replace("UTF-8", "windows-1251").encode("cp1251"))
    out, err = io.StringIO(), io.StringIO()
    assert run_import_questions(path, "moodlexml", True, True, None, out, err) == 0
    assert json.loads(out.getvalue())["questions"][0]["title"] == "Кодування"


def test_random_xml_never_crashes() -> None:
    import random
    from xml.sax.saxutils import escape

    pieces = ["<quiz>", "</quiz>", '<question type="multichoice">', "</question>", '<answer fraction="100">',
              "</answer>", "<text>", "</text>", "а", "<![CDATA[<p>x</p>]]>", "&amp;", "&bogus;", "<group>1</group>"]
    texts = ["Київ", "<p>Так</p>", "{1:MC:=a~b}", "{1:NM:=x}", "{2:SA:=ЦНАП~%50%центр}", "[[1]]", "[[7]]", "*", "",
             "<img src='@@PLUGINFILE@@/x.png'>", "true", "false", "18", "1,5"]
    kinds = ["multichoice", "truefalse", "shortanswer", "numerical", "matching", "multianswer", "gapselect",
             "ordering", "essay", "weird"]
    rng = random.Random(2026)
    imported = 0
    for _ in range(1500):
        broken = parse_moodle_xml("".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))))
        assert all(isinstance(p.line, int) and p.message for p in broken.problems)
        parts = [f'<question type="{rng.choice(kinds)}"><name><text>П</text></name>'
                 f'<questiontext format="html"><text>{escape(rng.choice(texts))}</text></questiontext>']
        for _ in range(rng.randint(0, 4)):
            tag = rng.choice(["answer", "subquestion", "selectoption"])
            parts.append(f'<{tag} fraction="{rng.choice(["100", "0", "-50", "x"])}"><text>{escape(rng.choice(texts))}'
                         f'</text><answer><text>{escape(rng.choice(texts))}</text></answer><group>1</group></{tag}>')
        bank = parse_moodle_xml(wrap("".join(parts) + "</question>"))
        assert len(bank.questions) + len(bank.problems) >= 1
        imported += len(bank.questions)
    assert imported > 20
