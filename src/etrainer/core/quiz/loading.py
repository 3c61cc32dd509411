"""Quiz bank files (`*.quiz.yaml`, format in docs/authoring-quizzes.md) → `Quiz`, with `file:line` problems.

A broken question is reported and skipped; the rest of the file still loads. Only a file that
cannot be read as a quiz at all (bad YAML, no valid quiz id, absurd size) gives None.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path
from typing import Any

from etrainer.core.course.context import PackContext, is_file, resolved
from etrainer.core.course.lessons import read_text
from etrainer.core.ids import LessonId, ModuleId, QuestionId, QuizId, is_valid_id
from etrainer.core.quiz.draw import resolve_pools
from etrainer.core.quiz.model import DEFAULT_PASS_MARK, MAX_QUESTIONS, FeedbackMode, Pool, Question, Quiz
from etrainer.core.quiz.reader import QuestionReader
from etrainer.core.yamlfile import MAX_YAML_BYTES, LineDict, LineList, YamlError, load_yaml

QUIZ_KEYS = frozenset({"id", "title", "description", "module", "lesson", "pass_mark", "attempts", "time_limit",
                       "feedback", "shuffle_questions", "shuffle_options", "pools", "questions"})
MAX_TIME_LIMIT_MINUTES = 24 * 60
MAX_ATTEMPTS = 1000
_PERCENT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*%\s*$")
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".svg"})


def load_quiz_file(path: Path, ctx: PackContext) -> Quiz | None:
    """Read one quiz bank; record every problem in `ctx`; None when nothing usable is in it."""
    text = read_text(path, ctx, limit=MAX_YAML_BYTES)
    if text is None:
        return None
    try:
        data = load_yaml(text)
    except YamlError as error:
        ctx.problem(path, error.line, error.message)
        return None
    if not isinstance(data, LineDict):
        ctx.problem(path, 1, "a quiz file must be a set of `key: value` lines (id, title, questions)")
        return None
    return _QuizLoader(path, ctx).load(data)


def check_course_quizzes(course: Any, ctx: PackContext) -> None:
    """Checks that need every quiz of the pack: pools that draw from other quizzes."""
    quizzes: list[Quiz] = [q for q in course.quizzes if isinstance(q, Quiz)]
    by_id = {q.id: q for q in quizzes}
    for quiz in quizzes:
        resolved = resolve_pools(quiz, quizzes)
        for pool, filled in zip(quiz.pools, resolved.pools, strict=True):
            if pool.from_quiz is None or quiz.path is None:
                continue
            if pool.from_quiz == quiz.id:
                ctx.problem(quiz.path, pool.line, "a pool cannot draw from its own quiz")
            elif pool.from_quiz not in by_id:
                ctx.problem(quiz.path, pool.line, f"unknown quiz “{pool.from_quiz}” in `from_quiz:`")
            elif pool.draw > len(filled.question_ids):
                ctx.problem(quiz.path, pool.line, f"the pool draws {pool.draw} questions but quiz "
                                                  f"“{pool.from_quiz}” has only {len(filled.question_ids)}")


class _QuizLoader:
    def __init__(self, path: Path, ctx: PackContext) -> None:
        self.path = path
        self.ctx = ctx
        self.reader = QuestionReader(self.report, self.image)

    def report(self, line: int, message: str, warning: bool = False) -> None:
        self.ctx.problem(self.path, line, message, warning=warning)

    def load(self, data: LineDict) -> Quiz | None:
        quiz_id = data.get("id")
        if not is_valid_id(quiz_id):
            self.report(data.line_of("id"), f"missing or bad quiz id “{quiz_id or ''}”: use 2–80 lower-case Latin "
                                            "letters, digits and hyphens, starting with a letter")
            return None
        if not self.ctx.claim_id("quiz", quiz_id, self.path, data.line_of("id")):
            return None
        for key in data:
            if key not in QUIZ_KEYS:
                self.report(data.line_of(key), f"unknown key “{key}” (ignored)", True)
        title = self.reader.text(data, "title")
        if not title:
            self.report(data.line_of("title"), "missing quiz title")
            title = quiz_id
        questions = self.questions(data)
        if questions is None:
            return None
        reader = self.reader
        return Quiz(
            id=QuizId(quiz_id), title=title, questions=tuple(questions),
            description=reader.text(data, "description"),
            module_id=self.reference(data, "module", self.ctx.module_ids),
            lesson_id=self.reference(data, "lesson", self.ctx.lesson_ids),
            pass_mark=self.pass_mark(data),
            attempt_limit=self.whole(data, "attempts", MAX_ATTEMPTS),
            time_limit_minutes=self.whole(data, "time_limit", MAX_TIME_LIMIT_MINUTES),
            feedback=self.feedback(data),
            shuffle_questions=reader.flag(data, "shuffle_questions", False),
            shuffle_options=reader.flag(data, "shuffle_options", True),
            pools=self.pools(data, questions), path=self.path, line=data.line)

    def questions(self, data: LineDict) -> list[Question] | None:
        items = data.get("questions")
        if items is None and data.get("pools"):
            return []
        if not isinstance(items, LineList) or not items:
            self.report(data.line_of("questions"), "the quiz has no `questions:` list")
            return [] if isinstance(items, LineList) else None
        if len(items) > MAX_QUESTIONS:
            self.report(data.line_of("questions"), f"the quiz has {len(items)} questions; the limit is "
                                                   f"{MAX_QUESTIONS}: split it into several files")
            return None
        questions = []
        for index, item in enumerate(items):
            question = self.reader.read(item, items.line_of(index))
            if question is not None and self.ctx.claim_id("question", question.id, self.path, question.line):
                questions.append(question)
        return questions

    def reference(self, data: LineDict, key: str, known: set[str]) -> Any:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or value not in known:
            self.report(data.line_of(key), f"unknown {key} “{value}”: use the `id:` of a {key} of this course")
            return None
        return ModuleId(value) if key == "module" else LessonId(value)

    def pass_mark(self, data: LineDict) -> float:
        if "pass_mark" not in data:
            return DEFAULT_PASS_MARK
        raw = data["pass_mark"]
        value: float | None = None
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            value = raw / 100 if 1 < raw <= 100 else float(raw)
        elif isinstance(raw, str) and _PERCENT.match(raw):
            value = float(_PERCENT.match(raw).group(1).replace(",", ".")) / 100  # type: ignore[union-attr]
        if value is None or not 0 < value <= 1:
            self.report(data.line_of("pass_mark"), f"`pass_mark: {raw}` must be above 0 and at most 1 (or 100%)")
            return DEFAULT_PASS_MARK
        return value

    def whole(self, data: LineDict, key: str, limit: int) -> int | None:
        value = data.get(key)
        if value is None or value == "unlimited":
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= limit:
            self.report(data.line_of(key), f"`{key}: {value}` must be a whole number from 1 to {limit}")
            return None
        return value

    def feedback(self, data: LineDict) -> FeedbackMode:
        value = data.get("feedback", FeedbackMode.IMMEDIATE.value)
        try:
            return FeedbackMode(value)
        except ValueError:
            self.report(data.line_of("feedback"), f"`feedback: {value}` must be `immediate` or `end`")
            return FeedbackMode.IMMEDIATE

    def pools(self, data: LineDict, questions: list[Question]) -> tuple[Pool, ...]:
        items = data.get("pools")
        if items is None:
            return ()
        if not isinstance(items, LineList):
            self.report(data.line_of("pools"), "`pools:` must be a list (lines starting with `- `)")
            return ()
        known = {q.id for q in questions}
        pools = []
        for index, item in enumerate(items):
            line = items.line_of(index)
            if not isinstance(item, LineDict):
                self.report(line, "a pool is `- questions: [ids]` (or `category:`, or `from_quiz:`) with `draw: N`")
                continue
            self.reader.known(item, {"name", "questions", "category", "from_quiz", "draw"})
            pool = self.pool(item, line, index, known, questions)
            if pool is not None:
                pools.append(pool)
        return tuple(pools)

    def pool(self, item: LineDict, line: int, index: int, known: set[str],
             questions: list[Question]) -> Pool | None:
        sources = [key for key in ("questions", "category", "from_quiz") if key in item]
        if len(sources) != 1:
            self.report(line, "a pool takes exactly one of `questions:`, `category:` or `from_quiz:`")
            return None
        draw = item.get("draw")
        if isinstance(draw, bool) or not isinstance(draw, int) or draw < 1:
            self.report(item.line_of("draw"), f"`draw: {draw}` must be a whole number of questions, 1 or more")
            return None
        name = self.reader.text(item, "name") or f"pool-{index + 1}"
        if sources[0] == "from_quiz":
            other = item["from_quiz"]
            if not is_valid_id(other):
                self.report(item.line_of("from_quiz"), f"bad quiz id “{other}” in `from_quiz:`")
                return None
            return Pool(name, (), draw, QuizId(other), line)
        if sources[0] == "category":
            category = str(item["category"])
            ids = [q.id for q in questions if q.category == category]
            if not ids:
                self.report(item.line_of("category"), f"no question of this quiz has `category: {category}`")
                return None
        else:
            listed = item["questions"]
            if not isinstance(listed, LineList) or not listed:
                self.report(item.line_of("questions"), "`questions:` must be a list of question ids")
                return None
            ids = []
            for position, qid in enumerate(listed):
                if isinstance(qid, LineDict | LineList):  # not hashable, and never an id
                    self.report(listed.line_of(position), "`questions:` of a pool lists question ids, "
                                                          "not lists or sections")
                elif qid in known:
                    ids.append(QuestionId(qid))
                else:
                    self.report(listed.line_of(position), f"unknown question “{qid}” in the pool")
        if draw > len(ids):
            self.report(item.line_of("draw"), f"the pool draws {draw} questions but has only {len(ids)}")
            return None
        return Pool(name, tuple(ids), draw, None, line)

    def image(self, name: str, line: int) -> tuple[Path, tuple[int, int] | None] | None:
        image = resolved(self.path.parent / name)
        if image is None:
            self.report(line, f"the picture “{name[:80]}” does not exist (the path is relative to this quiz file)")
            return None
        try:
            image.relative_to(self.ctx.root.resolve())
        except ValueError:
            self.report(line, f"the picture “{name}” is outside the course pack")
            return None
        if image.suffix.lower() not in IMAGE_SUFFIXES:
            self.report(line, f"“{name}” is not a picture (use PNG, JPEG, GIF, BMP, WebP or SVG)")
            return None
        if not is_file(image):
            self.report(line, f"the picture “{name}” does not exist (the path is relative to this quiz file)")
            return None
        return image, image_size(image)


def image_size(path: Path) -> tuple[int, int] | None:
    """(width, height) from a PNG, GIF, BMP or JPEG header; None for other or damaged files."""
    try:
        with path.open("rb") as file:
            head = file.read(32)
            if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
                return struct.unpack(">II", head[16:24])
            if head[:6] in (b"GIF87a", b"GIF89a"):
                return struct.unpack("<HH", head[6:10])
            if head.startswith(b"BM") and len(head) >= 26:
                width, height = struct.unpack("<ii", head[18:26])
                return abs(width), abs(height)
            if head.startswith(b"\xff\xd8"):
                file.seek(2)
                return _jpeg_size(file)
    except (OSError, struct.error):
        return None
    return None


def _jpeg_size(file: Any) -> tuple[int, int] | None:
    for _ in range(1000):
        marker = file.read(2)
        if len(marker) < 2 or marker[0] != 0xFF:
            return None
        if marker[1] in (0xD8, 0x01) or 0xD0 <= marker[1] <= 0xD7:
            continue
        length = struct.unpack(">H", file.read(2))[0]
        if 0xC0 <= marker[1] <= 0xCF and marker[1] not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">xHH", file.read(5))
            return width, height
        file.seek(length - 2, 1)
    return None
