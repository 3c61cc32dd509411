"""The World Café: the kit loader, the round cycle on a fake clock, notes, files and the harvest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from etrainer.core.classroom.world_cafe import (
    DEFAULT_KIT,
    DEFAULT_QUESTION,
    CafeQuestion,
    CafeSession,
    CafeSetup,
    CafeTable,
    QuestionPlan,
    Stage,
    default_tables,
    kit_for_course,
    load_kit,
)
from etrainer.core.classroom.world_cafe_file import (
    NewerWorldCafeFile,
    WorldCafeFileUnreadable,
    harvest_markdown,
    list_sessions,
    load_session,
    save_session,
    session_file,
    table_markdown,
)
from etrainer.paths import bundled_course_dir


class FakeClock:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


QUESTIONS = (CafeQuestion("Які послуги є в бібліотеці?", id="one"), CafeQuestion("Що змінити?", id="two"))


def setup(plan: QuestionPlan = QuestionPlan.PER_ROUND, rounds: int = 2, minutes: int = 20) -> CafeSetup:
    tables = (CafeTable("Стіл 1", "Олена"), CafeTable("Стіл 2", "Ігор"), CafeTable("Стіл 3"))
    return CafeSetup("Світове кафе", tables, QUESTIONS, rounds, minutes, plan)


def test_the_bundled_kit_loads_with_the_training_day_question_first():
    kit, problems = kit_for_course(bundled_course_dir())
    assert problems == ()
    assert kit.questions[0].text == DEFAULT_QUESTION
    assert kit.questions[0].hint.startswith("Почніть з того")
    assert (kit.tables, kit.rounds, kit.round_minutes) == (4, 3, 20)
    assert len(kit.principles) == 7 and kit.host_instructions.startswith("Господар")


def test_a_course_without_a_kit_gets_the_default_question(tmp_path: Path):
    assert kit_for_course(tmp_path) == (DEFAULT_KIT, ())


@pytest.mark.parametrize(("text", "line", "words"), [
    ("questions: [unclosed\n", 1, "bad YAML"),
    ("- just a list\n", 1, "must be a mapping"),
    ("questions: []\n", 1, "`questions` must be a list"),
    ("questions:\n  - text: Добре питання\n  - hint: без тексту\n", 3, "needs `text:`"),
    ("questions:\n  - text: Питання\ndefaults:\n  tables: багато\n", 4, "`tables` must be a whole number"),
    ("questions:\n  - text: Питання\nprinciples: 5\n", 3, "`principles` must be a list"),
    ("questions:\n  - text: &q Питання\n  - text: *q\n", 2, "anchors and aliases"),
    ("questions:\n  - text: Питання\nnotes: |\n" + "  рядок\n" * 300_000, 0, "larger than 2 MB"),
])
def test_a_bad_kit_is_a_problem_with_file_and_line_not_a_crash(tmp_path: Path, text: str, line: int, words: str):
    path = tmp_path / "world-cafe.yaml"
    path.write_text(text, encoding="utf-8")
    kit, problems = load_kit(path, tmp_path)
    assert problems, "a problem must be reported"
    assert (problems[0].path, problems[0].line) == ("world-cafe.yaml", line)
    assert words in problems[0].message
    assert kit.questions, "a kit always has a question to discuss"


def test_good_questions_survive_next_to_a_bad_one(tmp_path: Path):
    path = tmp_path / "world-cafe.yaml"
    path.write_text("questions:\n  - text: Перше\n  - 42\n  - Друге, просто рядком\n", encoding="utf-8")
    kit, problems = load_kit(path)
    assert [q.text for q in kit.questions] == ["Перше", "Друге, просто рядком"]
    assert [p.line for p in problems] == [3]


def test_rounds_cycle_on_the_fake_clock_until_the_harvest():
    clock = FakeClock()
    cafe = CafeSession(setup(rounds=2, minutes=20), clock)
    assert cafe.stage is Stage.SETUP and cafe.rounds_played() == 0
    cafe.start_round()
    assert (cafe.stage, cafe.round_index, cafe.timer.remaining()) == (Stage.ROUND, 0, 1200)
    clock.now += 1199
    assert not cafe.tick()
    cafe.toggle_pause()
    clock.now += 500
    cafe.toggle_pause()
    assert cafe.timer.remaining() == pytest.approx(1)
    clock.now += 1
    assert cafe.tick() and cafe.stage is Stage.ROTATION
    assert not cafe.tick(), "the end of a round is reported once"
    cafe.start_round()
    assert (cafe.stage, cafe.round_index, cafe.timer.remaining()) == (Stage.ROUND, 1, 1200)
    cafe.add_minute()
    clock.now += 1200
    assert not cafe.tick()
    clock.now += 60
    assert cafe.tick() and cafe.is_last_round
    cafe.start_round()
    assert cafe.stage is Stage.ROTATION, "no round after the last"
    cafe.go_to_harvest()
    assert cafe.stage is Stage.HARVEST and cafe.rounds_played() == 2


def test_questions_follow_the_plan_and_travellers_move_to_the_next_table():
    per_round = setup(QuestionPlan.PER_ROUND, rounds=3)
    assert [per_round.question_for(t, 1).id for t in range(3)] == ["two"] * 3
    assert per_round.question_for(0, 2).id == "one"
    per_table = setup(QuestionPlan.PER_TABLE)
    assert [per_table.question_for(t, 1).id for t in range(3)] == ["one", "two", "one"]
    assert per_table.round_questions(0) == QUESTIONS
    assert [(a.name, b.name) for a, b in per_round.moves()] == [
        ("Стіл 1", "Стіл 2"), ("Стіл 2", "Стіл 3"), ("Стіл 3", "Стіл 1")]


def test_setup_refuses_an_empty_cafe():
    with pytest.raises(ValueError):
        CafeSetup("x", (), QUESTIONS)
    with pytest.raises(ValueError):
        CafeSetup("x", default_tables(2), ())
    assert [t.name for t in default_tables(2, "Стіл {n}")] == ["Стіл 1", "Стіл 2"]


def test_notes_are_kept_per_table_and_round():
    cafe = CafeSession(setup(), FakeClock())
    cafe.set_note(1, 0, "Ідея: консультації з «Дії» щочетверга\n")
    cafe.set_note(2, 1, "   ")
    assert cafe.note(1, 0) == "Ідея: консультації з «Дії» щочетверга"
    assert cafe.note(2, 1) == "" and (2, 1) not in cafe.notes
    with pytest.raises(IndexError):
        cafe.set_note(3, 0, "no such table")


def test_a_session_saves_and_reopens_with_the_round_paused(tmp_path: Path):
    clock = FakeClock()
    cafe = CafeSession(setup(QuestionPlan.PER_TABLE), clock, created="2025-03-12T10:15:00")
    cafe.start_round()
    clock.now += 300
    cafe.set_note(0, 0, "Стіл 1: ЦНАП поруч")
    cafe.harvest_notes = "Спільне: навчати старших"
    path = session_file(tmp_path, cafe)
    assert path.name == "world-cafe-20250312101500.json"
    save_session(cafe, path)
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 1
    clock.now += 1000
    again = load_session(path, clock)
    assert again.setup == cafe.setup
    assert (again.stage, again.round_index, again.notes, again.harvest_notes) == (
        Stage.ROUND, 0, cafe.notes, cafe.harvest_notes)
    assert not again.timer.running and again.timer.remaining() == pytest.approx(900)


@pytest.mark.parametrize(("content", "error"), [
    ("{oops", WorldCafeFileUnreadable),
    ('{"format": "etrainer-progress"}', WorldCafeFileUnreadable),
    ('{"format": "etrainer-world-cafe", "version": 1, "setup": {"title": "x"}}', WorldCafeFileUnreadable),
    ('{"format": "etrainer-world-cafe", "version": 2}', NewerWorldCafeFile),
    ("[" * 5000 + "]" * 5000, WorldCafeFileUnreadable),  # found by fuzzing: RecursionError escaped
    ('{"format": "etrainer-world-cafe", "version": 1, "x": ' + "1" * 5000 + "}", WorldCafeFileUnreadable),
])
def test_a_bad_session_file_is_refused_with_a_sentence(tmp_path: Path, content: str, error: type[Exception]):
    path = tmp_path / "world-cafe-1.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(error) as raised:
        load_session(path, FakeClock())
    assert str(path) in str(raised.value)


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-1e999"])
def test_a_timer_that_is_not_a_finite_number_is_refused(tmp_path: Path, number: str):
    path = tmp_path / "world-cafe-1.json"
    save_session(CafeSession(setup(), FakeClock(), created="2025-03-12T10:15:00"), path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"round_seconds": 1200.0', f'"round_seconds": {number}'), encoding="utf-8")
    assert path.read_text(encoding="utf-8") != text
    with pytest.raises(WorldCafeFileUnreadable):
        load_session(path, FakeClock())


def test_saved_sessions_are_listed_newest_first_and_bad_files_reported(tmp_path: Path):
    for created in ("2025-03-12T09:00:00", "2025-03-13T09:00:00"):
        cafe = CafeSession(setup(), FakeClock(), created=created)
        save_session(cafe, session_file(tmp_path, cafe))
    (tmp_path / "world-cafe-broken.json").write_text("[]", encoding="utf-8")
    found, problems = list_sessions(tmp_path, FakeClock())
    assert [s.created for s in found] == ["2025-03-13T09:00:00", "2025-03-12T09:00:00"]
    assert [p.path for p in problems] == ["world-cafe-broken.json"]
    assert list_sessions(tmp_path / "missing", FakeClock()) == ([], [])


def test_harvest_markdown_has_hosts_questions_and_notes_by_round():
    clock = FakeClock()
    cafe = CafeSession(setup(rounds=2), clock, created="2025-03-12T10:15:00")
    cafe.start_round()
    cafe.end_round()
    cafe.start_round()
    cafe.set_note(0, 0, "# Перша думка\nДруга думка")
    cafe.set_note(0, 1, "Третя")
    cafe.harvest_notes = "Домовилися про ЦНАП"
    text = harvest_markdown(cafe, translate=lambda s: s.replace("Round", "Раунд"))
    assert text.startswith("# Світове кафе\n")
    assert "- **Раунд 1:** Які послуги є в бібліотеці?" in text
    assert "- **Раунд 2:** Що змінити?" in text
    assert "## Стіл 1 — host: Олена" in text
    first = text.index("## Стіл 1")
    assert text.index("\\# Перша думка  \nДруга думка", first) < text.index("### Раунд 2", first) < text.index(
        "Третя", first)
    assert "## Стіл 3\n\n### Раунд 1\n\n*(no notes)*" in text
    assert text.rstrip().endswith("Домовилися про ЦНАП")


def test_one_tables_harvest_for_its_mini_presentation():
    cafe = CafeSession(setup(rounds=2), FakeClock())
    cafe.start_round()
    cafe.end_round()
    cafe.set_note(1, 0, "Спільні години з ЦНАП")
    text = table_markdown(cafe, 1)
    assert text.startswith("# Стіл 2 — host: Ігор\n")
    assert "## Round 1\n\n*Які послуги є в бібліотеці?*\n\nСпільні години з ЦНАП" in text
    assert "Round 2" not in text, "only the rounds played so far"
    per_table = CafeSession(setup(QuestionPlan.PER_TABLE), FakeClock())
    assert "*Що змінити?*" in table_markdown(per_table, 1)
