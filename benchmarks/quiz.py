"""Quiz benchmark (not a test): answering a question, and importing a large GIFT bank.

    .venv/bin/python benchmarks/quiz.py [--answers 200] [--questions 2000]

1. Answer stored: `QuizService.answer` (grade + write the response in its own transaction, on the
   real SQLite database with WAL), median over many answers, against a baseline measured in the
   same run: one bare `INSERT` of a row of the same size in its own transaction on the same kind of
   database (the least any "saved" can cost).
2. GIFT import: parsing a generated 2,000-question Ukrainian bank (every GIFT construct), against a
   baseline of reading the same text and splitting it into question blocks with one regex.
Results are recorded in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from ratios import ratio  # noqa: E402

from etrainer.core.course.pack import load_pack  # noqa: E402
from etrainer.core.quiz.response import ChoiceResponse, TextResponse, TrueFalseResponse  # noqa: E402
from etrainer.exchange.gift import parse_gift  # noqa: E402
from etrainer.services.facade import open_app_services  # noqa: E402


def bench_answers(count: int) -> tuple[float, float]:
    """Medians in ms of (answer graded and stored, bare insert + commit), measured alternately, one of each
    in turn, so that whatever else the machine does weighs on both alike."""
    course = load_pack(ROOT / "lessons").course
    quiz = course.quiz("data-safety-ethics-quiz")
    assert quiz is not None
    timings: list[float] = []
    baseline: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        services = open_app_services(Path(folder) / "data")
        learner = services.profiles.create("Бенчмарк", "", "")
        bare = _BareInserts(Path(folder) / "bare.sqlite3")
        while len(timings) < count:
            attempt = services.quizzes.start(learner.id, quiz, course)
            for position, drawn in enumerate(attempt.questions):
                question = drawn.question
                if question.kind.value in ("single_choice", "multiple_choice"):
                    response = ChoiceResponse(frozenset({0}))
                elif question.kind.value == "true_false":
                    response = TrueFalseResponse(True)
                elif question.kind.value in ("short_answer", "numerical"):
                    response = TextResponse("30")
                else:
                    continue
                started = time.perf_counter()
                attempt = services.quizzes.answer(learner.id, attempt, position, response, 2.0)
                timings.append(time.perf_counter() - started)
                baseline.append(bare.one())
            services.quizzes.finish(learner.id, attempt)
        services.close()
        bare.close()
    return statistics.median(timings) * 1000, statistics.median(baseline) * 1000


class _BareInserts:
    """The least any "saved" can cost: one INSERT of a row of the same size in its own transaction, on an
    SQLite file with the app's settings (WAL, synchronous=FULL: durable when it returns)."""

    def __init__(self, path: Path) -> None:
        self._connection = sqlite3.connect(path, isolation_level=None)
        self._connection.execute("PRAGMA journal_mode=WAL")
        self._connection.execute("PRAGMA synchronous=FULL")
        self._connection.execute(
            "CREATE TABLE response (id INTEGER PRIMARY KEY, uid TEXT, attempt INTEGER, position INTEGER,"
            " question TEXT, kind TEXT, response TEXT, score REAL, correct INTEGER, at TEXT, seconds REAL)")
        self._count = 0

    def one(self) -> float:
        self._count += 1
        started = time.perf_counter()
        self._connection.execute("BEGIN")
        self._connection.execute(
            "INSERT INTO response VALUES (NULL, ?, 1, ?, 'dse-question', 'single_choice', "
            "'{\"kind\": \"choice\", \"picked\": [0]}', 1.0, 1, '2026-11-27 16:00:00', 2.0)",
            (f"uid-{self._count}", self._count))
        self._connection.execute("COMMIT")
        return time.perf_counter() - started

    def close(self) -> None:
        self._connection.close()


def gift_bank(count: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    templates = [
        "::Питання {n}::Хто утворює ЦНАП у громаді № {n}?{{=Орган місцевого самоврядування#Так ~Бібліотека#Ні "
        "~Банк#Ні ####ЦНАП утворюють органи місцевого самоврядування.}}",
        "::Твердження {n}::КЕП від КНЕДП ДПС безоплатний (варіант {n}).{{T#Ні, безоплатний#Так}}",
        "::Строк {n}::Скільки днів строк надання послуги (питання {n})?{{#30:0#Так =%50%31:1}}",
        "::Поєднання {n}::Поєднайте терміни ({n}).{{=КЕП -> підпис =ЦНАП -> центр =РНОКПП -> номер}}",
        "::Коротка {n}::Як називають «Державу і я» скорочено (варіант {n})?{{=Дія =«Дія»}}",
        "::Кілька {n}::Що є в застосунку «Дія»? ({n}){{~%50%ID-картка ~%50%паспорт ~%-100%квиток}}",
        "Послуги надає {{=ЦНАП ~банк}} у громаді № {n}.",
    ]
    blocks = [f"$CATEGORY: $course$/Модуль {1 + index // 250}\n\n" if index % 250 == 0 else ""
              for index in range(count)]
    return "".join(f"{prefix}// питання {index}\n{rng.choice(templates).format(n=index)}\n\n"
                   for index, prefix in enumerate(blocks))


def bench_gift(count: int, runs: int = 5) -> tuple[float, float, int]:
    text = gift_bank(count)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bank.gift"
        path.write_text(text, encoding="utf-8")
        parse_times, base_times = [], []
        parsed = 0
        for _ in range(runs):
            started = time.perf_counter()
            bank = parse_gift(path.read_text(encoding="utf-8"))
            parse_times.append(time.perf_counter() - started)
            parsed = len(bank.questions)
            started = time.perf_counter()
            blocks = re.split(r"\n\s*\n", path.read_text(encoding="utf-8"))
            base_times.append(time.perf_counter() - started)
            assert blocks
    return statistics.median(parse_times) * 1000, statistics.median(base_times) * 1000, parsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--answers", type=int, default=200)
    parser.add_argument("--questions", type=int, default=2000)
    args = parser.parse_args()
    answer_ms, insert_ms = bench_answers(args.answers)
    ratio("answer graded and stored", answer_ms, insert_ms, "ms", 2.0, baseline_name="bare SQLite insert + commit")
    gift_ms, split_ms, parsed = bench_gift(args.questions)
    ratio(f"GIFT import of {args.questions} questions ({parsed} understood)", gift_ms, split_ms, "ms",
          baseline_name="read + split into blocks")


if __name__ == "__main__":
    main()
