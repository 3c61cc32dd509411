"""The essay round through the command line, each command in its own process: a learner's essay exported →
`workspace import` → `workspace essays --json` → `workspace grade` → `workspace feedback -o` →
`open-feedback --json` in the learner's data folder; and the refusals (unknown id, points out of range,
a tampered reply, a foreign key)."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from etrainer.core.course.context import PackContext
from etrainer.core.quiz.loading import load_quiz_file
from etrainer.core.quiz.model import QuestionKind
from etrainer.core.quiz.response import EssayResponse
from etrainer.exchange.signing import InstallationKey
from etrainer.services.facade import open_services

DATA = Path(__file__).resolve().parent / "data" / "quiz"
TEXT = "Я б показала відвідувачеві, де на порталі знайти послугу, а дані він увів би сам."


def etrainer(*args: object) -> subprocess.CompletedProcess[str]:
    code = "import sys; from etrainer.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True,
                          timeout=180, env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"})


def learner_with_essay(folder: Path, progress_dir: Path) -> str:
    from tests.conftest import build_course

    bank = load_quiz_file(DATA / "module.quiz.yaml", PackContext(root=DATA, module_ids={"admin-services"}))
    assert bank is not None
    course = replace(build_course(), quizzes=(bank,))
    services = open_services(folder)
    try:
        profile = services.profiles.create("Олена Петренко", "Бібліотека № 1")
        attempt = services.quizzes.start(profile.id, bank, course)
        position = next(i for i, d in enumerate(attempt.questions) if d.question.kind is QuestionKind.ESSAY)
        attempt = services.quizzes.answer(profile.id, attempt, position, EssayResponse(TEXT))
        services.quizzes.finish(profile.id, attempt)
        services.transfer.export_progress(profile.id, course, progress_dir)
    finally:
        services.close()
    return profile.name


def test_a_grading_round_from_the_command_line(tmp_path: Path) -> None:
    learner_dir, progress_dir, replies = tmp_path / "learner", tmp_path / "sent", tmp_path / "replies"
    progress_dir.mkdir()
    name = learner_with_essay(learner_dir, progress_dir)
    db = f"sqlite:///{tmp_path / 'ws.sqlite3'}"
    assert etrainer("workspace", "import", progress_dir, "--db", db).returncode == 0

    listed = etrainer("workspace", "essays", "--db", db, "--pending", "--json")
    assert listed.returncode == 0, listed.stderr
    (essay,) = json.loads(listed.stdout)["essays"]
    assert set(essay) == {"id", "learner", "module", "question", "text", "words", "status", "points", "max_points"}
    assert (essay["learner"], essay["module"], essay["question"], essay["text"], essay["status"], essay["points"],
            essay["max_points"]) == (name, "admin-services", "desk-reflection", TEXT, "pending", None, 3)
    assert essay["words"] == 15

    unknown = etrainer("workspace", "grade", "--db", db, "--essay", 999, "--points", 1)
    assert unknown.returncode == 1 and "There is no essay number 999" in unknown.stderr
    too_many = etrainer("workspace", "grade", "--db", db, "--essay", essay["id"], "--points", 5)
    assert too_many.returncode == 1 and "from 0 to 3 points, not 5" in too_many.stderr
    graded = etrainer("workspace", "grade", "--db", db, "--essay", essay["id"], "--points", 2.5,
                      "--comment", "Згадайте ще про безпеку даних.")
    assert graded.returncode == 0, graded.stderr
    assert json.loads(etrainer("workspace", "essays", "--db", db, "--pending", "--json").stdout) == {"essays": []}
    after = json.loads(etrainer("workspace", "essays", "--db", db, "--json").stdout)["essays"][0]
    assert (after["status"], after["points"]) == ("graded", 2.5)

    written = etrainer("workspace", "feedback", "--db", db, "-o", replies)
    assert written.returncode == 0, written.stderr
    (path,) = [Path(line) for line in written.stdout.splitlines()]
    assert path.parent == replies and path.name.endswith(".etfeedback") and path.is_file()
    again = etrainer("workspace", "feedback", "--db", db, "-o", replies)
    assert again.stdout == "" and "no new marks" in again.stderr

    opened = etrainer("open-feedback", path, "--data-dir", learner_dir, "--json")
    assert opened.returncode == 0, opened.stderr
    assert json.loads(opened.stdout) == {"learner": name, "grades": [
        {"question": "desk-reflection", "points": 2.5, "max_points": 3, "comment": "Згадайте ще про безпеку даних."}]}
    twice = etrainer("open-feedback", path, "--data-dir", learner_dir)
    assert twice.returncode == 0 and "0 new, 0 updated, 1 already here" in twice.stdout

    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["grades"][0]["points"] = 3
    tampered = tmp_path / "tampered.etfeedback"
    tampered.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    refused = etrainer("open-feedback", tampered, "--data-dir", learner_dir, "--json")
    assert refused.returncode == 1 and "bad-signature" in refused.stderr and refused.stdout == ""
    foreign = tmp_path / "foreign.etfeedback"
    foreign.write_text(json.dumps(InstallationKey.generate().sign(doc), ensure_ascii=False), encoding="utf-8")
    refused = etrainer("open-feedback", foreign, "--data-dir", learner_dir)
    assert refused.returncode == 1 and "key-changed" in refused.stderr
    nobody = etrainer("open-feedback", path, "--data-dir", tmp_path / "empty")
    assert nobody.returncode == 1 and "unknown-learner" in nobody.stderr


def test_a_double_clicked_reply_opens_the_app_and_a_command_keeps_its_file() -> None:
    from etrainer.cli import _split_opened_files

    commands = {"open-feedback", "workspace"}
    assert _split_opened_files(["Olena-Petrenko_2026-12-07.etfeedback"], commands) == (
        ["Olena-Petrenko_2026-12-07.etfeedback"], [])
    assert _split_opened_files(["open-feedback", "a.etfeedback", "--json"], commands) == (
        [], ["open-feedback", "a.etfeedback", "--json"])


def test_a_file_that_is_not_a_json_object_is_refused_in_one_line_naming_it(tmp_path: Path) -> None:
    for name, raw in (("list.etfeedback", b"[1,2]"), ("hello.etfeedback", b"hello"),
                      ("noise.etfeedback", bytes(range(256)))):
        path = tmp_path / name
        path.write_bytes(raw)
        run = etrainer("open-feedback", path, "--data-dir", tmp_path / "data")
        assert run.returncode == 1, run.stderr
        assert "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1
        assert run.stderr.startswith(f"{path}: not-a-feedback-file: This is not a methodist's reply file.")
