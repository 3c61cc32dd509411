"""GIFT import and export: every construct of Moodle's GIFT syntax, problems per question, round trips,
and the `etrainer import-questions` command with its JSON interface."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from tests.special_files import finishes, needs_posix, special_files

from etrainer.core.course.context import PackContext
from etrainer.core.ids import QuestionId
from etrainer.core.quiz.loading import load_quiz_file
from etrainer.core.quiz.model import BLANK, GapKind, Question, QuestionKind
from etrainer.exchange import question_json
from etrainer.exchange.gift import export_gift, parse_gift, unexportable
from etrainer.exchange.question_json import bank_to_json, bank_to_quiz_yaml, run_import_questions

DATA = Path(__file__).resolve().parents[1] / "data" / "quiz"

# The sample of the `import-questions --json` contract (shared/tools/contract-check).
CONTRACT_SAMPLE = """// sample written for this check
$CATEGORY: $course$/Перевірка

::Колір::Який колір між помаранчевим і зеленим?{=жовтий#Так. ~червоний#Ні. ~синій#Ні.}

::Прості числа::Оберіть прості числа.{~%50%2#Так ~%50%3#Так ~%-100%4#Ні}

::Правда::Київ — столиця України.{T}

::Рік::У якому році запрацював застосунок «Дія»?{#2020:0}

::Пари::Поєднайте.{=ЦНАП -> центр надання адміністративних послуг =КЕП -> кваліфікований електронний підпис}

::Слово::Столиця України — {=Київ =Kyiv}.
"""


def one(text: str) -> Question:
    bank = parse_gift(text)
    assert bank.problems == [], bank.problems
    (question,) = bank.questions
    return question


def problem(text: str) -> tuple[int, str]:
    bank = parse_gift(text)
    assert bank.questions == []
    (found,) = bank.problems
    return found.line, found.message


# -- each construct ---------------------------------------------------------------------------------
def test_contract_sample_types() -> None:
    bank = parse_gift(CONTRACT_SAMPLE)
    assert bank.problems == []
    assert [q.kind.value for q in bank.questions] == ["single_choice", "multiple_choice", "true_false", "numerical",
                                                      "matching", "short_answer"]
    assert {q.category for q in bank.questions} == {"Перевірка"}
    assert [q.id for q in bank.questions] == ["kolir", "prosti-chysla", "pravda", "rik", "pary", "slovo"]


def test_single_choice_with_feedback() -> None:
    question = one("::Колір::Який колір між помаранчевим і зеленим?{=жовтий#Так. ~червоний#Ні. ~синій#Ні.}")
    assert (question.kind, question.title, question.text) == (QuestionKind.SINGLE_CHOICE, "Колір",
                                                              "Який колір між помаранчевим і зеленим?")
    assert [(a.text, a.fraction, a.feedback) for a in question.answers] == [
        ("жовтий", 1.0, "Так."), ("червоний", 0.0, "Ні."), ("синій", 0.0, "Ні.")]


def test_multiple_choice_weights_and_penalties() -> None:
    question = one("::Прості числа::Оберіть прості числа.{~%50%2#Так ~%50%3#Так ~%-100%4#Ні}")
    assert question.kind is QuestionKind.MULTIPLE_CHOICE
    assert [(a.text, a.fraction) for a in question.answers] == [("2", 0.5), ("3", 0.5), ("4", -1.0)]


def test_multiple_choice_in_thirds() -> None:
    question = one("Оберіть державні портали.{~%33.33333%Дія ~%33,33333%Прозорро ~%33.33333%ЄДР ~%-100%Google}")
    assert [a.fraction for a in question.answers] == [0.3333333, 0.3333333, 0.3333333, -1.0]


@pytest.mark.parametrize(("block", "correct"), [("{T}", True), ("{TRUE}", True), ("{F}", False), ("{FALSE}", False)])
def test_true_false_forms(block: str, correct: bool) -> None:
    question = one(f"Київ — столиця України.{block}")
    assert question.kind is QuestionKind.TRUE_FALSE and question.true_false is not None
    assert question.true_false.correct is correct


def test_true_false_feedback_wrong_then_right() -> None:
    question = one("КЕП можна передати іншій людині.{F#Ні, не можна: ключ особистий.#Так, КЕП не передають.}")
    spec = question.true_false
    assert spec is not None and not spec.correct
    assert spec.feedback_true == "Ні, не можна: ключ особистий."      # shown to whoever answers «true»
    assert spec.feedback_false == "Так, КЕП не передають."


def test_short_answer_several_accepted_answers_and_weights() -> None:
    question = one("Як латинкою пишуть «Київ»?{=Kyiv =%50%Kiev#Застаріла форма. =%0%Kijev}")
    assert question.kind is QuestionKind.SHORT_ANSWER
    assert [(a.text, a.fraction, a.feedback) for a in question.answers] == [
        ("Kyiv", 1.0, ""), ("Kiev", 0.5, "Застаріла форма."), ("Kijev", 0.0, "")]


def test_short_answer_without_equal_sign_like_moodle() -> None:
    assert [a.text for a in one("Столиця України?{Київ}").answers] == ["Київ"]


def test_matching_with_an_extra_answer() -> None:
    question = one("""::Скорочення::Поєднайте.{
        =КЕП -> кваліфікований електронний підпис
        =ЦНАП -> центр надання адміністративних послуг
        = -> електронна черга
    }""")
    assert question.matching is not None
    assert [(p.prompt, p.answer) for p in question.matching.pairs] == [
        ("КЕП", "кваліфікований електронний підпис"), ("ЦНАП", "центр надання адміністративних послуг")]
    assert question.matching.distractors == ("електронна черга",)


@pytest.mark.parametrize(("block", "expected"), [
    ("{#2020:0}", [(2020.0, 0.0, 1.0)]),
    ("{#2020}", [(2020.0, 0.0, 1.0)]),
    ("{#3.14:0.005}", [(3.14, 0.005, 1.0)]),
    ("{#1..5}", [(3.0, 2.0, 1.0)]),
    ("{#-5..-1}", [(-3.0, 2.0, 1.0)]),
    ("{# =2:0 =%50%2:1}", [(2.0, 0.0, 1.0), (2.0, 1.0, 0.5)]),
    ("{#45,42:0,01}", [(45.42, 0.01, 1.0)]),
    ("{#\n  =18#Так.\n  =%50%17..19#Майже.\n}", [(18.0, 0.0, 1.0), (18.0, 1.0, 0.5)]),
])
def test_numerical_forms(block: str, expected: list[tuple[float, float, float]]) -> None:
    question = one(f"Число?{block}")
    assert question.numerical is not None
    assert [(a.value, a.tolerance, a.fraction) for a in question.numerical.answers] == [
        pytest.approx(e) for e in expected]


def test_numerical_feedback_for_other_numbers() -> None:
    question = one("Ставка ПДФО, %?{#=18#Так. ~#Ставку встановлює Податковий кодекс.}")
    assert question.numerical is not None
    assert question.numerical.answers[0].feedback == "Так."
    assert question.numerical.other_feedback == "Ставку встановлює Податковий кодекс."


def test_general_feedback() -> None:
    question = one("::Строк::Скільки днів?{#30####Закон «Про адміністративні послуги», ст. 10.}")
    assert question.explanation == "Закон «Про адміністративні послуги», ст. 10."
    assert question.numerical is not None and question.numerical.answers[0].value == 30


def test_missing_word_in_the_middle_becomes_cloze() -> None:
    question = one("Відвідувачка хоче отримати {~паспорт =довідку про доходи ~пенсію} через портал ПФУ.")
    assert question.kind is QuestionKind.CLOZE and question.cloze is not None
    assert question.text == "Відвідувачка хоче отримати {{1}} через портал ПФУ."
    (gap,) = question.cloze.gaps
    assert gap.kind is GapKind.CHOICE and [a.fraction for a in gap.answers] == [0.0, 1.0, 0.0]


def test_missing_word_short_answer_and_number_gaps() -> None:
    short = one("Два плюс два дорівнює {=чотири =4} завжди.")
    assert short.cloze is not None and short.cloze.gaps[0].kind is GapKind.SHORT_ANSWER
    number = one("Строк становить {#10} робочих днів.")
    assert number.cloze is not None and number.cloze.gaps[0].numbers[0].value == 10


def test_missing_word_before_punctuation_keeps_its_kind_with_a_blank() -> None:
    question = one("::Слово::Столиця України — {=Київ =Kyiv}.")
    assert (question.kind, question.text) == (QuestionKind.SHORT_ANSWER, f"Столиця України — {BLANK}.")
    true_false = one("Київ {T} столиця України.")
    assert true_false.kind is QuestionKind.TRUE_FALSE and BLANK in true_false.text


def test_multiline_question_with_answers_on_their_own_lines() -> None:
    question = one("""Адміністративну послугу в ЦНАП надають у {
        ~другий
        ~третій
        =той самий
    } день, якщо вона проста.""")
    assert question.kind is QuestionKind.CLOZE
    assert question.text == "Адміністративну послугу в ЦНАП надають у {{1}} день, якщо вона проста."


def test_escaped_special_characters() -> None:
    question = one(r"::Знаки\: усі::Формула\: 10 \= 5 + 5 \{приклад\}, \#1, \~2, шлях C:\\temp\nНовий рядок."
                   r"{=a\~b\=c#відгук \# з решіткою ~інше}")
    assert question.title == "Знаки: усі"
    assert question.text == "Формула: 10 = 5 + 5 {приклад}, #1, ~2, шлях C:\\temp\nНовий рядок."
    assert [(a.text, a.feedback) for a in question.answers] == [("a~b=c", "відгук # з решіткою"), ("інше", "")]


def test_comments_categories_and_blank_lines() -> None:
    bank = parse_gift("""// коментар на початку
$CATEGORY: $course$/top/Дія/Документи

// коментар перед питанням
::Один::Питання з посиланням https://diia.gov.ua/services?{T}

$CATEGORY: Податки
::Два::Друге.{F}
""")
    assert bank.problems == []
    assert [(q.title, q.category, q.text) for q in bank.questions] == [
        ("Один", "Дія/Документи", "Питання з посиланням https://diia.gov.ua/services?"),
        ("Два", "Податки", "Друге.")]
    assert [q.line for q in bank.questions] == [5, 8]


def test_format_markers() -> None:
    html = one("::Жирний::[html]<p>Оберіть <b>правильний</b> варіант:</p><ul><li>перший</li></ul>{=так ~ні}")
    assert html.text == "Оберіть **правильний** варіант:\n\n- перший"
    markdown = one("[markdown]**Увага!** Оберіть.{=так ~ні}")
    assert markdown.text == "**Увага!** Оберіть."
    plain = one("[plain]Просто текст.{T}")
    assert plain.text == "Просто текст."


def test_html_text_cannot_smuggle_markup() -> None:
    question = one("[html]<script>alert(1)</script><p>Текст &lt;img src=x&gt;</p>{T}")
    assert "alert" not in question.text and "<img" not in question.text


def test_windows_line_endings_and_bom() -> None:
    bank = parse_gift("\ufeff" + CONTRACT_SAMPLE.replace("\n", "\r\n"))
    assert bank.problems == [] and len(bank.questions) == 6
    assert all("\r" not in q.text for q in bank.questions)


def test_ids_from_cyrillic_titles_are_unique_and_untitled_questions_are_numbered() -> None:
    bank = parse_gift("::Що таке ЦНАП::А?{T}\n\n::Що таке ЦНАП::Б?{T}\n\nБез назви?{T}\n")
    assert [q.id for q in bank.questions] == ["shcho-take-tsnap", "shcho-take-tsnap-2", "q-3"]
    assert bank.questions[2].title == ""


def test_unclosed_title_is_kept_as_text_like_moodle() -> None:
    question = one("::Без кінця назви Київ — столиця?{T}")
    assert question.title == "" and question.text.startswith("Без кінця назви")


# -- what is reported -------------------------------------------------------------------------------
def test_a_description_becomes_an_information_page_and_exports_back_as_text() -> None:
    (page,) = parse_gift(r"::Опис::Це лише опис без відповідей\: далі — питання.").questions
    assert (page.kind, page.title, page.text) == (QuestionKind.DESCRIPTION, "Опис",
                                                  "Це лише опис без відповідей: далі — питання.")
    exported = export_gift([page])
    assert "{" not in exported and r"::Опис::Це лише опис без відповідей\: далі — питання." in exported
    (again,) = parse_gift(exported).questions
    assert (again.kind, again.title, again.text) == (page.kind, page.title, page.text)


@pytest.mark.parametrize(("text", "message"), [
    ("::Дужка::Не закрито {=так ~ні", "braces"),
    ("::Дужка::Не відкрито =так ~ні}", "braces"),
    ("::Навпаки::Дужки } навпаки {", "braces"),
    ("::Два блоки::Що {=а ~б} і {=в ~г}?", "more than one answer block"),
    ("::Вкладені::Що {=а {~б}}?", "a second {"),
    ("::Вага::Оберіть.{~%150%а ~б}", "out of range"),
    ("::Без правильної::Оберіть.{~а ~б ~в}", "no option is marked correct"),
    ("::Одна пара::Поєднайте.{=а -> б}", "at least 2 pairs"),
    ("::Не пара::Поєднайте.{=а -> б =в}", "not a pair"),
    ("::Не число::Скільки?{#багато}", "not a number"),
    ("::Діапазон::Скільки?{#5..1}", "empty"),
    ("::Порожня::Оберіть.{=  ~б}", "empty"),
    ("::Лише один::Оберіть.{=так}\n", ""),          # a one-answer short answer: imported, no problem
])
def test_unimportable_questions_are_reported(text: str, message: str) -> None:
    bank = parse_gift(text)
    if not message:
        assert bank.problems == [] and bank.questions[0].kind is QuestionKind.SHORT_ANSWER
        return
    assert bank.questions == []
    (found,) = bank.problems
    assert found.line == 1 and message in found.message


def test_problems_carry_the_line_where_the_question_starts_and_the_rest_imports() -> None:
    text = (DATA / "ukrainian-bank.gift").read_text(encoding="utf-8")
    bank = parse_gift(text)
    assert [(p.line, p.message.split(" ")[0]) for p in bank.problems] == [(41, "more")]
    (page,) = [q for q in bank.questions if q.kind is QuestionKind.DESCRIPTION]  # a description: a page
    assert (page.line, page.text) == (38, "Пам'ятка: перед входом на портал перевірте, чи з вами ваш телефон.")
    assert len(bank.questions) == 11 and [q.line for q in bank.questions if q.kind is QuestionKind.ESSAY] == [22]
    kinds = [q.kind for q in bank.questions]
    assert kinds.count(QuestionKind.TRUE_FALSE) == 2 and QuestionKind.CLOZE in kinds
    assert bank.questions[0].category == "Електронні послуги" and bank.questions[-1].category == "Ідентифікація"
    escaped = bank.questions[-1]
    assert escaped.text == "Формула відсотків: 10 = 5 \\+ 5 {приклад}, позначка #1 і тильда ~."


def test_a_bank_over_the_limit_is_cut_with_a_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    from etrainer.exchange import gift

    monkeypatch.setattr(gift, "MAX_QUESTIONS", 3)
    bank = parse_gift("\n\n".join(f"П{i}?{{T}}" for i in range(5)))
    assert len(bank.questions) == 3
    assert [p.line for p in bank.problems] == [7] and "more than 3 questions" in bank.problems[0].message


# -- export and round trips -------------------------------------------------------------------------
def strip_lines(questions: list[Question]) -> list[Question]:
    return [replace(q, line=0) for q in questions]


def round_trip(text: str) -> None:
    first = parse_gift(text)
    second = parse_gift(export_gift(first.questions))
    assert second.problems == []
    assert strip_lines(second.questions) == strip_lines(first.questions)


def test_contract_sample_round_trips() -> None:
    round_trip(CONTRACT_SAMPLE)


def test_the_ukrainian_bank_round_trips() -> None:
    round_trip((DATA / "ukrainian-bank.gift").read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", [
    r"::Знаки\: усі::Формула\: 10 \= 5 \{x\} \#1 \~2 C:\\temp\nрядок{=a\~b#в\#г ~інше####Загальний\: відгук}",
    "КЕП можна передати.{F#Ні, не можна.#Так.}",
    "КЕП можна передати.{T##Так.}",
    "Ставка?{#=18#Так. =%50%17..19#Майже. ~#Подивіться кодекс.}",
    "Строк становить {#10:1} робочих днів.",
    "Відвідувачка хоче отримати {~паспорт =довідку ~пенсію} через портал ПФУ.",
    "Столиця — {=Київ =%50%Kiev#Застаріло}.",
    "Поєднайте.{=КЕП -> підпис =ЦНАП -> центр = -> черга}",
    "[html]<p>Оберіть <b>один</b>.</p>{=так ~ні}",
    "Оберіть.{=а ~%100%б ~в}",
    "Оберіть.{~%33.33333%а ~%33.33333%б ~%33.33333%в ~%-50%г}",
    "// Текст, що починається як коментар\n::::\\//не коментар{T}",
    "[markdown]Текст [html] усередині.{T}",
    "$CATEGORY: $course$/top/Тема\\: підтема #1\n\n::А::Так?{T}\n\n$CATEGORY: Інша\n\n::Б::Ні?{F}",
])
def test_constructs_round_trip(text: str) -> None:
    round_trip(text)


def test_export_writes_categories_sources_and_readable_blocks() -> None:
    bank = parse_gift(CONTRACT_SAMPLE)
    questions = [replace(bank.questions[0], source="Закон № 5203-VI"), *bank.questions[1:]]
    text = export_gift(questions)
    assert text.startswith("$CATEGORY: Перевірка\n")
    assert "// source: Закон № 5203-VI\n::Колір::" in text
    assert "::Рік::У якому році запрацював застосунок «Дія»?{#2020:0}" in text
    assert "Столиця України — {=Київ =Kyiv}." in text


def test_kinds_without_a_gift_form_are_left_out_with_a_comment() -> None:
    ordering = Question(QuestionId("steps"), QuestionKind.ORDERING, "Порядок?", ordering=("а", "б"))
    assert unexportable(ordering)
    text = export_gift([ordering, *parse_gift("Так?{T}").questions])
    assert text.startswith("// steps: ordering questions have no GIFT form; not exported")
    assert len(parse_gift(text).questions) == 1


def test_a_course_quiz_exports_what_gift_can_hold() -> None:
    quiz = load_quiz_file(DATA / "module.quiz.yaml", PackContext(root=DATA, module_ids={"admin-services"}))
    assert quiz is not None
    bank = parse_gift(export_gift(quiz.questions))
    kept = [q for q in quiz.questions if not unexportable(q)]
    assert bank.problems == []
    assert [q.kind for q in bank.questions] == [q.kind for q in kept]
    assert [q.text for q in bank.questions] == [q.text for q in kept]
    for imported, original in zip(bank.questions, kept, strict=True):
        assert [(a.text, a.feedback) for a in imported.answers] == [(a.text, a.feedback) for a in original.answers]
        assert [a.fraction for a in imported.answers] == pytest.approx([a.fraction for a in original.answers],
                                                                        abs=1e-6)
        assert (imported.matching, imported.numerical, imported.true_false, imported.cloze) == (
            original.matching, original.numerical, original.true_false, original.cloze)


# -- JSON and the import command --------------------------------------------------------------------
def test_json_interface() -> None:
    doc = bank_to_json(parse_gift(CONTRACT_SAMPLE + "\n::Есе::Напишіть.{}\n"))
    assert set(doc) == {"questions", "problems"}
    assert doc["problems"] == []
    assert next(q for q in doc["questions"] if q["type"] == "essay")["title"] == "Есе"
    by_type = {q["type"]: q for q in doc["questions"]}
    assert all({"type", "title", "text", "category"} <= set(q) for q in doc["questions"])
    assert by_type["single_choice"]["answers"][0] == {"text": "жовтий", "fraction": 1.0, "feedback": "Так."}
    assert by_type["multiple_choice"]["answers"][2]["fraction"] == -1.0
    assert by_type["true_false"]["correct"] is True
    assert by_type["numerical"]["answers"] == [{"value": 2020.0, "tolerance": 0.0, "fraction": 1.0, "feedback": ""}]
    assert by_type["matching"]["pairs"][0] == {"prompt": "ЦНАП", "answer": "центр надання адміністративних послуг"}
    assert [a["text"] for a in by_type["short_answer"]["answers"]] == ["Київ", "Kyiv"]
    json.dumps(doc)


def run(path: Path, *args: object, fmt: str | None = None, dry_run: bool = True, as_json: bool = False,
        output: Path | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_import_questions(path, fmt, dry_run, as_json, output, out, err)
    return code, out.getvalue(), err.getvalue()


def test_import_command_json_on_the_contract_sample(tmp_path: Path) -> None:
    path = tmp_path / "q.gift"
    path.write_text(CONTRACT_SAMPLE, encoding="utf-8")
    code, out, err = run(path, fmt="gift", as_json=True)
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert sorted(q["type"] for q in doc["questions"]) == sorted(
        ["single_choice", "multiple_choice", "true_false", "numerical", "matching", "short_answer"])
    assert doc["problems"] == []
    assert not list(tmp_path.glob("*.yaml"))                     # --dry-run writes nothing


def test_import_command_reports_problems_with_exit_1(tmp_path: Path) -> None:
    code, out, _ = run(DATA / "ukrainian-bank.gift")
    assert code == 1
    assert "11 question(s) understood" in out and "essay 1" in out and "description 1" in out
    assert f"{DATA / 'ukrainian-bank.gift'}:41: more than one answer block" in out


def test_import_command_writes_a_quiz_file_the_loader_reads(tmp_path: Path) -> None:
    source = tmp_path / "bank.txt"
    source.write_text(CONTRACT_SAMPLE, encoding="utf-8")
    target = tmp_path / "pack" / "perevirka.quiz.yaml"
    code, out, _ = run(source, dry_run=False, output=target)
    assert code == 0 and "Wrote 6 question(s)" in out
    ctx = PackContext(root=tmp_path)
    quiz = load_quiz_file(target, ctx)
    assert ctx.problems == [] and quiz is not None
    assert (quiz.id, quiz.title) == ("perevirka", "Перевірка")
    assert strip_lines(list(quiz.questions)) == strip_lines(parse_gift(CONTRACT_SAMPLE).questions)


def test_import_command_default_output_is_not_overwritten(tmp_path: Path) -> None:
    source = tmp_path / "bank.gift"
    source.write_text(CONTRACT_SAMPLE, encoding="utf-8")
    assert run(source, dry_run=False)[0] == 0
    written = tmp_path / "bank.quiz.yaml"
    before = written.read_text(encoding="utf-8")
    code, _, err = run(source, dry_run=False)
    assert code == 2 and "already exists" in err
    assert written.read_text(encoding="utf-8") == before


@pytest.mark.parametrize(("name", "content", "fmt", "message"), [
    ("missing.gift", None, None, "does not exist"),
    ("latin1.gift", "Питання?{T}".encode("cp1251"), None, "is not UTF-8 text (line 1)"),
    ("bank.doc", b"x", None, "Cannot tell whether"),
])
def test_import_command_file_errors_exit_2(tmp_path: Path, name: str, content: bytes | None, fmt: str | None,
                                           message: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(path, fmt=fmt)
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1


def test_import_command_refuses_huge_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(question_json, "MAX_BANK_BYTES", 100)
    path = tmp_path / "big.gift"
    path.write_text("Питання?{T}\n\n" * 20, encoding="utf-8")
    code, _, err = run(path)
    assert code == 2 and "too large" in err


def test_empty_bank_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "empty.gift"
    path.write_text("// nothing here\n", encoding="utf-8")
    code, out, _ = run(path, as_json=True)
    assert code == 1 and json.loads(out)["problems"] == [{"line": 0, "message": "the file holds no questions"}]


def test_quiz_yaml_for_a_module() -> None:
    text = bank_to_quiz_yaml(parse_gift(CONTRACT_SAMPLE), "checks", "Перевірка", module_id="admin-services")
    assert "module: admin-services" in text and "id: checks" in text
    assert "  - id: kolir\n    type: single_choice\n" in text                # list items indented, readable


def test_random_gift_never_crashes_and_what_is_imported_round_trips() -> None:
    import random

    pieces = [*"{}~=#:\\->%TF\n ab1.,[]$/", "::", "{#", "..", "####", "$CATEGORY:", "[html]", "<b>", "\\n", "{{1}}",
              BLANK, "Київ", "пʼять", "{=a ~b}", "{T}", "{#1:1}", "{=x -> y =z -> w}", "{=Київ}", "\n\n"]
    rng = random.Random(2026)
    imported = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 50)))
        bank = parse_gift(text)
        assert all(p.line >= 1 for p in bank.problems)
        kept = [q for q in bank.questions if not unexportable(q)]
        imported += len(kept)
        again = parse_gift(export_gift(kept))
        anonymous = [replace(q, id=QuestionId("q")) for q in strip_lines(kept)]   # untitled ids follow positions
        assert again.problems == [] and [replace(q, id=QuestionId("q")) for q in strip_lines(again.questions)] == \
            anonymous, text
    assert imported > 100


@needs_posix
def test_import_questions_refuses_a_fifo_or_a_link_to_dev_zero(tmp_path: Path) -> None:
    from etrainer.exchange.question_json import QuestionBankNotAFile, load_bank

    for path in special_files(tmp_path, ".gift"):
        with pytest.raises(QuestionBankNotAFile) as refused:
            finishes(lambda path=path: load_bank(path), path)
        assert str(refused.value).startswith(f"{path} is not a file")
        err = io.StringIO()
        status = finishes(lambda path=path, err=err: run_import_questions(path, None, True, False, None,
                                                                          io.StringIO(), err), path)
        assert (status, err.getvalue()) == (2, f"etrainer import-questions: {path} is not a file (a folder, a "
                                               "pipe or a device): it cannot be read as a question bank.\n")
