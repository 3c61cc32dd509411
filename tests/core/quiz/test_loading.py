"""`*.quiz.yaml` files: every kind loads, every problem is reported at its exact line, the rest still loads."""

from __future__ import annotations

import textwrap
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from etrainer.core.course.context import PackContext
from etrainer.core.errors import Severity
from etrainer.core.quiz.bank import ParsedBank
from etrainer.core.quiz.loading import check_course_quizzes, image_size, load_quiz_file
from etrainer.core.quiz.model import MAX_PARTS, MAX_QUESTIONS, FeedbackMode, QuestionKind, Quiz
from etrainer.exchange.question_json import bank_to_quiz_yaml

DATA = Path(__file__).resolve().parents[2] / "data" / "quiz"


def context(root: Path = DATA) -> PackContext:
    return PackContext(root=root, module_ids={"admin-services"}, lesson_ids={"what-is-an-admin-service"})


def load(tmp_path: Path, text: str, ctx: PackContext | None = None, name: str = "t.quiz.yaml") -> tuple[
        Quiz | None, list[tuple[int, str]]]:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    ctx = ctx or context(tmp_path)
    quiz = load_quiz_file(path, ctx)
    return quiz, [(p.line, p.message) for p in ctx.problems]


def test_the_sample_quiz_loads_every_kind() -> None:
    ctx = context()
    quiz = load_quiz_file(DATA / "module.quiz.yaml", ctx)
    assert ctx.problems == []
    assert quiz is not None
    assert (quiz.id, quiz.module_id, quiz.pass_mark, quiz.attempt_limit, quiz.time_limit_minutes) == (
        "admin-services-quiz", "admin-services", 0.8, 3, 20)
    assert quiz.feedback is FeedbackMode.IMMEDIATE and quiz.shuffle_questions and quiz.shuffle_options
    assert {q.kind for q in quiz.questions} == set(QuestionKind)
    first = quiz.questions[0]
    assert (first.id, first.title, first.line) == ("asc-what", "Що таке ЦНАП", 13)
    assert first.answers[0].fraction == 1.0 and first.answers[0].feedback.startswith("Так")
    assert first.source.startswith("Закон України")
    multi = quiz.question("diia-documents")
    assert multi is not None and [round(a.fraction, 3) for a in multi.answers] == [0.333, 0.333, -0.333, 0.333]
    numeric = quiz.question("tax-rate")
    assert numeric is not None and numeric.numerical is not None
    assert [(a.value, a.tolerance, a.fraction) for a in numeric.numerical.answers] == [(18, 0, 1), (18.25, 1.25, 0.5)]
    hotspot = quiz.question("form-submit")
    assert hotspot is not None and hotspot.hotspot is not None
    assert hotspot.hotspot.image == (DATA / "images" / "diia-form.png").resolve()
    assert len(hotspot.hotspot.regions) == 3
    cloze = quiz.question("cnap-cloze")
    assert cloze is not None and cloze.cloze is not None and len(cloze.cloze.gaps) == 3


def test_every_problem_of_the_broken_quiz_has_its_line() -> None:
    ctx = context()
    quiz = load_quiz_file(DATA / "broken.quiz.yaml", ctx)
    assert quiz is not None
    assert [q.id for q in quiz.questions] == ["good-one", "good-two"]       # the valid rest still loads
    found = {(p.line, p.severity) for p in ctx.problems}
    expected_errors = {4, 8, 20, 29, 35, 36, 40, 44, 49, 57, 67}
    assert found == {(line, Severity.ERROR) for line in expected_errors} | {(5, Severity.WARNING)}
    messages = {p.line: p.message for p in ctx.problems}
    assert "unknown module" in messages[4]
    assert "draws 3 questions but has only 2" in messages[8]
    assert "no option is marked correct" in messages[20]
    assert "`text:` is missing or empty" in messages[29]
    assert "out of range" in messages[35]
    assert "bad question id" in messages[36]
    assert "duplicate question id “good-one”" in messages[40]
    assert "no type" in messages[44]
    assert "does not exist" in messages[49]
    assert "beyond the picture (400×300 pixels)" in messages[57]
    assert "at least 2 items" in messages[67]
    assert all(p.path == "broken.quiz.yaml" for p in ctx.problems)


def test_bad_yaml_is_reported_at_its_line(tmp_path: Path) -> None:
    quiz, problems = load(tmp_path, """
        id: q-quiz
        title: Тест
        questions:
          - id: a
            text: "unclosed
    """)
    assert quiz is None
    assert len(problems) == 1 and problems[0][0] in (5, 6) and "bad YAML" in problems[0][1]


@pytest.mark.parametrize(("text", "line", "message"), [
    ("- just a list\n", 1, "set of `key: value` lines"),
    ("title: Без id\nquestions: []\n", 1, "missing or bad quiz id"),
    ("id: Bad Id\ntitle: x\n", 1, "missing or bad quiz id"),
    ("id: no-questions\ntitle: x\n", 1, "no `questions:` list"),
])
def test_files_that_are_no_quiz(tmp_path: Path, text: str, line: int, message: str) -> None:
    quiz, problems = load(tmp_path, text)
    assert quiz is None
    assert problems[0][0] == line and message in problems[0][1]


def test_duplicate_quiz_ids_across_files(tmp_path: Path) -> None:
    ctx = context(tmp_path)
    text = "id: same-quiz\ntitle: x\nquestions:\n  - id: {qid}\n    type: true_false\n    text: a\n    correct: true\n"
    first, _ = load(tmp_path, text.format(qid="qa"), ctx, "a.quiz.yaml")
    second, problems = load(tmp_path, text.format(qid="qb"), ctx, "b.quiz.yaml")
    assert first is not None and second is None
    assert problems == [(1, "duplicate quiz id “same-quiz” (first defined at a.quiz.yaml:1)")]


def test_quiz_settings_and_their_problems(tmp_path: Path) -> None:
    quiz, problems = load(tmp_path, """
        id: settings
        title: Налаштування
        lesson: what-is-an-admin-service
        pass_mark: 150%
        attempts: 0
        time_limit: many
        feedback: later
        shuffle_options: maybe
        questions:
          - id: only
            type: true_false
            text: Так?
            correct: true
    """)
    assert quiz is not None and quiz.lesson_id == "what-is-an-admin-service"
    assert (quiz.pass_mark, quiz.attempt_limit, quiz.time_limit_minutes, quiz.feedback) == (
        0.8, None, None, FeedbackMode.IMMEDIATE)
    assert [line for line, _ in problems] == [4, 5, 6, 7, 8]


@pytest.mark.parametrize(("value", "mark"), [("0.6", 0.6), ("75%", 0.75), ("90", 0.9), ("1", 1.0)])
def test_pass_mark_forms(tmp_path: Path, value: str, mark: float) -> None:
    quiz, problems = load(tmp_path, f"id: marks\ntitle: x\npass_mark: {value}\nquestions:\n"
                                    "  - id: qa\n    type: true_false\n    text: a\n    correct: true\n")
    assert problems == [] and quiz is not None and quiz.pass_mark == mark


def test_absurd_sizes_are_refused(tmp_path: Path) -> None:
    many = "".join(f"  - id: q-{i}\n    type: true_false\n    text: т\n    correct: true\n"
                   for i in range(MAX_QUESTIONS + 1))
    quiz, problems = load(tmp_path, "id: huge\ntitle: x\nquestions:\n" + many)
    assert quiz is None and problems == [(3, f"the quiz has {MAX_QUESTIONS + 1} questions; the limit is "
                                             f"{MAX_QUESTIONS}: split it into several files")]
    options = "".join(f"      - text: варіант {i}\n" for i in range(MAX_PARTS + 1))
    quiz, problems = load(tmp_path, "id: wide\ntitle: x\nquestions:\n  - id: wide-q\n    type: single_choice\n"
                                    "    text: т\n    options:\n" + options)
    assert quiz is not None and quiz.questions == ()
    assert problems == [(7, f"`options:` has {MAX_PARTS + 1} entries; the limit is {MAX_PARTS}")]


def test_value_problems_point_at_their_lines(tmp_path: Path) -> None:
    quiz, problems = load(tmp_path, """
        id: values
        title: x
        questions:
          - id: num
            type: numerical
            text: Скільки?
            answers:
              - value: сорок
              - min: 5
                max: 1
          - id: tf
            type: true_false
            text: Так?
            correct: так
          - id: region
            type: hotspot
            text: Клацніть
            image: ../outside.png
            regions:
              - square: {x: 1}
          - id: gaps
            type: cloze
            text: "{{1}} та {{2}}"
            gaps:
              - type: blank
              - answers: [так]
          - id: matching
            type: matching
            text: Пари
            pairs:
              - prompt: а
          - id: kind
            type: poll
            text: Опитування
    """)
    assert quiz is not None and quiz.questions == ()
    lines = [line for line, _ in problems]
    assert lines == [8, 9, 14, 18, 20, 25, 31, 33]
    assert "“сорок” is not a number" in problems[0][1]
    assert "range 5..1 is empty" in problems[1][1]
    assert "outside the course pack" in problems[3][1]
    assert "unknown gap type" in problems[5][1]
    assert "unknown question type “poll”" in problems[7][1]


def test_unknown_keys_warn_but_load(tmp_path: Path) -> None:
    quiz, problems = load(tmp_path, """
        id: typo
        title: x
        questions:
          - id: qa
            type: true_false
            text: Так?
            correct: true
            feedbak: oops
    """)
    assert quiz is not None and len(quiz.questions) == 1
    assert problems == [(8, "unknown key “feedbak” for a true_false question (ignored)")]


def test_pools_by_ids_and_category(tmp_path: Path) -> None:
    quiz, problems = load(tmp_path, """
        id: pooled
        title: x
        pools:
          - name: прості
            questions: [qa, qb, ghost]
            draw: 1
          - category: Дія
            draw: 1
          - category: Ніщо
            draw: 1
          - questions: [qa]
            from_quiz: other
            draw: 1
        questions:
          - id: qa
            type: true_false
            text: a
            correct: true
          - id: qb
            type: true_false
            text: b
            correct: true
          - id: qc
            type: true_false
            category: Дія
            text: c
            correct: true
    """)
    assert quiz is not None
    assert [(p.name, p.question_ids, p.draw) for p in quiz.pools] == [("прості", ("qa", "qb"), 1),
                                                                      ("pool-2", ("qc",), 1)]
    assert problems == [(5, "unknown question “ghost” in the pool"),
                        (9, "no question of this quiz has `category: Ніщо`"),
                        (11, "a pool takes exactly one of `questions:`, `category:` or `from_quiz:`")]


def test_final_test_pools_are_checked_against_the_other_quizzes(tmp_path: Path) -> None:
    ctx = context(tmp_path)
    module, _ = load(tmp_path, "id: module-quiz\ntitle: m\nquestions:\n"
                               "  - id: m1\n    type: true_false\n    text: a\n    correct: true\n", ctx, "m.quiz.yaml")
    final, _ = load(tmp_path, """
        id: final-test
        title: Підсумковий тест
        pools:
          - from_quiz: module-quiz
            draw: 1
          - from_quiz: module-quiz
            draw: 2
          - from_quiz: missing-quiz
            draw: 1
          - from_quiz: final-test
            draw: 1
    """, ctx, "final.quiz.yaml")
    assert final is not None and final.questions == () and len(final.pools) == 4
    ctx.problems.clear()
    check_course_quizzes(SimpleNamespace(quizzes=(module, final)), ctx)
    assert [(p.path, p.line, p.message) for p in ctx.problems] == [
        ("final.quiz.yaml", 6, "the pool draws 2 questions but quiz “module-quiz” has only 1"),
        ("final.quiz.yaml", 8, "unknown quiz “missing-quiz” in `from_quiz:`"),
        ("final.quiz.yaml", 10, "a pool cannot draw from its own quiz")]


def test_the_quiz_file_written_for_imports_reads_back_identically(tmp_path: Path) -> None:
    ctx = context()
    original = load_quiz_file(DATA / "module.quiz.yaml", ctx)
    assert original is not None
    text = bank_to_quiz_yaml(ParsedBank(list(original.questions)), "copy-quiz", "Копія", "admin-services", base=DATA)
    copy_path = DATA / "copy.quiz.yaml"          # beside the picture, as the hotspot path is relative
    fresh = context()
    try:
        copy_path.write_text(text, encoding="utf-8")
        copy = load_quiz_file(copy_path, fresh)
    finally:
        copy_path.unlink()
    assert fresh.problems == []
    assert copy is not None and (copy.id, copy.title, copy.module_id) == ("copy-quiz", "Копія", "admin-services")
    assert [replace(q, line=0) for q in copy.questions] == [replace(q, line=0) for q in original.questions]


def test_image_size_reads_png_headers(tmp_path: Path) -> None:
    assert image_size(DATA / "images" / "diia-form.png") == (400, 300)
    (tmp_path / "x.png").write_bytes(b"not a picture")
    assert image_size(tmp_path / "x.png") is None
    gif = tmp_path / "x.gif"
    gif.write_bytes(b"GIF89a\x20\x03\x58\x02" + b"\x00" * 20)
    assert image_size(gif) == (800, 600)
    jpeg = tmp_path / "x.jpg"
    jpeg.write_bytes(b"\xff\xd8\xff\xe0\x00\x04ab\xff\xc0\x00\x11\x08\x01\xe0\x02\x80" + b"\x00" * 12)
    assert image_size(jpeg) == (640, 480)


def test_the_pack_loader_finds_quizzes(tmp_path: Path) -> None:
    from etrainer.core.course.pack import load_pack

    (tmp_path / "course.yaml").write_text("format: etrainer-course\nversion: 1\nid: test-course\ntitle: Курс\n"
                                          "modules: [m1]\n", encoding="utf-8")
    (tmp_path / "m1").mkdir()
    (tmp_path / "m1" / "module.yaml").write_text("id: admin-services\ntitle: Модуль\n", encoding="utf-8")
    (tmp_path / "m1" / "01-a.md").write_text("---\nid: lesson-a\ntitle: Урок\nminutes: 5\n---\nТекст.\n",
                                             encoding="utf-8")
    (tmp_path / "m1" / "module.quiz.yaml").write_text(
        "id: m1-quiz\ntitle: Тест\nmodule: admin-services\nquestions:\n"
        "  - id: m1-q1\n    type: true_false\n    text: Так?\n    correct: true\n"
        "  - id: m1-q2\n    type: single_choice\n    text: Що?\n    options: [a, b]\n", encoding="utf-8")
    result = load_pack(tmp_path)
    (quiz,) = result.course.quizzes
    assert quiz.id == "m1-quiz" and [q.id for q in quiz.questions] == ["m1-q1"]
    assert [(p.path, p.line) for p in result.problems if "quiz" in p.path] == [("m1/module.quiz.yaml", 12)]


def test_bad_regions_are_reported_not_crashed_on(tmp_path: Path) -> None:
    (tmp_path / "shot.png").write_bytes((DATA / "images" / "diia-form.png").read_bytes())
    quiz, problems = load(tmp_path, """
        id: shapes
        title: x
        questions:
          - id: shapes-q
            type: hotspot
            text: Клацніть
            image: shot.png
            regions:
              - polygon: []
              - circle: {x: 10, y: 10}
              - rect: {x: 10, y: 10, w: 5, h: -5}
              - polygon: [[0, 0], [10, 0], [oops, 1]]
    """)
    assert quiz is not None and quiz.questions == ()
    assert [line for line, _ in problems] == [9, 10, 11, 12]
    assert "3 to 200" in problems[0][1] and "exactly x, y, r" in problems[1][1]
    assert "positive width" in problems[2][1] and "[x, y]" in problems[3][1]


def test_a_pool_listing_a_list_or_a_section_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    quiz, problems = load(tmp_path, """
        id: pooled
        title: x
        pools:
          - questions:
              - []
              - {id: qa}
              - qa
            draw: 1
        questions:
          - id: qa
            type: true_false
            text: a
            correct: true
    """)
    assert quiz is not None and [p.question_ids for p in quiz.pools] == [("qa",)]
    assert problems == [(5, "`questions:` of a pool lists question ids, not lists or sections"),
                        (6, "`questions:` of a pool lists question ids, not lists or sections")]
