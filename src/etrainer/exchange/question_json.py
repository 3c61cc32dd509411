"""Imported question banks as JSON (the documented `etrainer import-questions --json` interface) and as
course-pack quiz files (`*.quiz.yaml`), and the `import-questions` command itself.

JSON: `{"questions": [...], "problems": [{"line", "message"}]}`; each question has `id`, `type`,
`title`, `text`, `category`, `explanation`, and by type: `answers` [{`text`, `fraction`, `feedback`}]
(single/multiple choice, short answer), `correct`, `feedback_true`, `feedback_false` (true/false),
`pairs` [{`prompt`, `answer`}] and `distractors` (matching), `answers` [{`value`, `tolerance`,
`fraction`, `feedback`}] and `wrong_feedback` (numerical), `items` (ordering), `gaps` (cloze),
`image` and `regions` (hotspot). Fractions are grade weights: 1 = 100 %, negative = penalty.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any, TextIO

import yaml

from etrainer.core.bounded_read import FileTooLarge, NotAFile, read_bounded
from etrainer.core.errors import EtrainerError
from etrainer.core.ids import is_valid_id
from etrainer.core.quiz.bank import ImportProblem, ParsedBank, slugify
from etrainer.core.quiz.model import (
    Answer,
    Circle,
    Essay,
    Gap,
    GapKind,
    NumericAnswer,
    Polygon,
    Question,
    QuestionKind,
    Rect,
)
from etrainer.i18n import QT_TRANSLATE_NOOP

MAX_BANK_BYTES = 20 * 1024 * 1024
FORMATS = ("gift", "moodlexml")
_SUFFIX_FORMATS = {".gift": "gift", ".txt": "gift", ".xml": "moodlexml"}


class QuestionBankMissing(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The question bank {path} does not exist or cannot be read.")


class QuestionBankNotAFile(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "{path} is not a file (a folder, a pipe or a device): it cannot be "
                                       "read as a question bank.")


class QuestionBankTooLarge(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The question bank {path} is too large ({size} MB; the limit is {limit} MB).")


class QuestionBankNotUtf8(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The question bank {path} is not UTF-8 text (line {line}). "
                                       "Save it as UTF-8 and import it again.")


class QuestionBankFormatUnknown(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "Cannot tell whether {path} is GIFT or Moodle XML. "
                                       "Choose the format (--format gift or --format moodlexml).")


class QuizFileExists(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "{path} already exists; choose another file name (-o).")


# -- reading a bank -------------------------------------------------------------------------------
def guess_format(path: Path) -> str | None:
    return _SUFFIX_FORMATS.get(path.suffix.lower())


def load_bank(path: Path, fmt: str | None = None) -> ParsedBank:
    """Read and parse a GIFT or Moodle XML file. Raises a QuestionBank* error when the file itself is unusable."""
    fmt = fmt or guess_format(path)
    if fmt not in FORMATS:
        raise QuestionBankFormatUnknown(path=str(path))
    try:
        data = read_bounded(path, MAX_BANK_BYTES)
    except NotAFile:
        raise QuestionBankNotAFile(path=str(path)) from None
    except FileTooLarge as error:
        raise QuestionBankTooLarge(path=str(path), size=round(error.size / 1024 / 1024, 1),
                                   limit=MAX_BANK_BYTES >> 20) from None
    except OSError as error:
        raise QuestionBankMissing(path=str(path)) from error
    if fmt == "moodlexml":
        from etrainer.exchange.moodle_xml import parse_moodle_xml

        if not _declares_encoding(data):
            _utf8(data, path)
        return parse_moodle_xml(data)
    from etrainer.exchange.gift import parse_gift

    return parse_gift(_utf8(data, path))


def _utf8(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise QuestionBankNotUtf8(path=str(path), line=data[: error.start].count(b"\n") + 1) from error


def _declares_encoding(data: bytes) -> bool:
    return data.startswith((b"\xff\xfe", b"\xfe\xff")) or bool(re.match(rb"<\?xml[^>]*encoding=", data[:200]))


# -- JSON -----------------------------------------------------------------------------------------
def bank_to_json(bank: ParsedBank) -> dict[str, Any]:
    return {"questions": [question_to_json(q) for q in bank.questions],
            "problems": [{"line": p.line, "message": p.message} for p in bank.problems]}


def question_to_json(question: Question) -> dict[str, Any]:
    data: dict[str, Any] = {"id": question.id, "type": question.kind.value, "title": question.title,
                            "text": question.text, "category": question.category,
                            "explanation": question.explanation}
    kind = question.kind
    if kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.SHORT_ANSWER):
        data["answers"] = [_answer_json(a) for a in question.answers]
    elif kind is QuestionKind.TRUE_FALSE and question.true_false:
        spec = question.true_false
        data.update(correct=spec.correct, feedback_true=spec.feedback_true, feedback_false=spec.feedback_false)
    elif kind is QuestionKind.MATCHING and question.matching:
        data["pairs"] = [{"prompt": p.prompt, "answer": p.answer} for p in question.matching.pairs]
        data["distractors"] = list(question.matching.distractors)
    elif kind is QuestionKind.NUMERICAL and question.numerical:
        data["answers"] = [_number_json(a) for a in question.numerical.answers]
        data["wrong_feedback"] = question.numerical.other_feedback
    elif kind is QuestionKind.ORDERING:
        data["items"] = list(question.ordering)
    elif kind is QuestionKind.CLOZE and question.cloze:
        data["gaps"] = [{"type": g.kind.value, "answers": [_number_json(n) for n in g.numbers]
                         if g.kind is GapKind.NUMERICAL else [_answer_json(a) for a in g.answers]}
                        for g in question.cloze.gaps]
    elif kind is QuestionKind.ESSAY and question.essay:
        data["essay"] = _essay_yaml(question.essay)
    elif kind is QuestionKind.HOTSPOT and question.hotspot:
        data["image"] = str(question.hotspot.image)
        data["regions"] = [{"shape": name, **value} for name, value in map(_region, question.hotspot.regions)]
    return data


def _essay_yaml(essay: Essay) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, value in (("min_words", essay.min_words), ("max_words", essay.max_words)):
        if value is not None:
            data[key] = value
    if essay.points is not None:
        data["points"] = essay.points
    if essay.rubric:
        data["rubric"] = [{"criterion": c.title, "levels": [{"title": level.title, "points": level.points}
                                                             for level in c.levels]} for c in essay.rubric]
    if essay.model_answer:
        data["model_answer"] = essay.model_answer
    return data


def _answer_json(answer: Answer) -> dict[str, Any]:
    return {"text": answer.text, "fraction": answer.fraction, "feedback": answer.feedback}


def _number_json(answer: NumericAnswer) -> dict[str, Any]:
    return {"value": answer.value, "tolerance": answer.tolerance, "fraction": answer.fraction,
            "feedback": answer.feedback}


def _region(region: Rect | Circle | Polygon) -> tuple[str, Any]:
    if isinstance(region, Rect):
        return "rect", {"x": region.x, "y": region.y, "w": region.w, "h": region.h}
    if isinstance(region, Circle):
        return "circle", {"x": region.x, "y": region.y, "r": region.r}
    return "polygon", {"points": [list(p) for p in region.points]}


# -- the course-pack quiz file --------------------------------------------------------------------
def bank_to_quiz_yaml(bank: ParsedBank, quiz_id: str, title: str, module_id: str | None = None,
                      base: Path | None = None) -> str:
    """A `*.quiz.yaml` text holding the bank's questions (format: docs/authoring-quizzes.md).
    `base` is the folder the file will be written in (only hotspot pictures need it)."""
    quiz: dict[str, Any] = {"id": quiz_id, "title": title}
    if module_id:
        quiz["module"] = module_id
    quiz["questions"] = [question_to_yaml(q, base) for q in bank.questions]
    header = "# Питання, імпортовані в Е-тренер. Формат описано в docs/authoring-quizzes.md.\n"
    return header + yaml.dump(quiz, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)


def question_to_yaml(question: Question, base: Path | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"id": question.id, "type": question.kind.value}
    for key in ("title", "category"):
        if getattr(question, key):
            data[key] = getattr(question, key)
    data["text"] = question.text
    data.update(_details_yaml(question, base))
    for key in ("explanation", "source"):
        if getattr(question, key):
            data[key] = getattr(question, key)
    if not question.shuffle:
        data["shuffle"] = False
    return data


def _details_yaml(question: Question, base: Path | None) -> dict[str, Any]:
    kind = question.kind
    if kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE):
        return {"options": [_option_yaml(a, exact=kind is QuestionKind.MULTIPLE_CHOICE) for a in question.answers]}
    if kind is QuestionKind.SHORT_ANSWER:
        return {"answers": [_accepted_yaml(a) for a in question.answers]}
    if kind is QuestionKind.TRUE_FALSE and question.true_false:
        spec = question.true_false
        data: dict[str, Any] = {"correct": spec.correct}
        data.update({k: v for k, v in (("feedback_true", spec.feedback_true),
                                       ("feedback_false", spec.feedback_false)) if v})
        return data
    if kind is QuestionKind.NUMERICAL and question.numerical:
        data = {"answers": [_number_yaml(a) for a in question.numerical.answers]}
        if question.numerical.other_feedback:
            data["wrong_feedback"] = question.numerical.other_feedback
        return data
    if kind is QuestionKind.MATCHING and question.matching:
        data = {"pairs": [{"prompt": p.prompt, "answer": p.answer} for p in question.matching.pairs]}
        if question.matching.distractors:
            data["distractors"] = list(question.matching.distractors)
        return data
    if kind is QuestionKind.ORDERING:
        return {"items": list(question.ordering)}
    if kind is QuestionKind.CLOZE and question.cloze:
        return {"gaps": [_gap_yaml(g) for g in question.cloze.gaps]}
    if kind is QuestionKind.ESSAY and question.essay:
        return _essay_yaml(question.essay)
    if kind is QuestionKind.HOTSPOT and question.hotspot:
        image = question.hotspot.image
        name = Path(os.path.relpath(image, base)).as_posix() if base else image.as_posix()
        return {"image": name, "regions": [{shape: value["points"] if shape == "polygon" else value}
                                           for shape, value in map(_region, question.hotspot.regions)]}
    return {}


def _option_yaml(answer: Answer, *, exact: bool) -> dict[str, Any]:
    data: dict[str, Any] = {"text": answer.text}
    if answer.fraction > 0 and (answer.fraction == 1.0 or exact):
        data["correct"] = True
    if exact or answer.fraction not in (0.0, 1.0):
        data["fraction"] = answer.fraction
    if answer.feedback:
        data["feedback"] = answer.feedback
    return data


def _accepted_yaml(answer: Answer) -> str | dict[str, Any]:
    if answer.fraction == 1.0 and not answer.feedback:
        return answer.text
    data: dict[str, Any] = {"text": answer.text}
    if answer.fraction != 1.0:
        data["fraction"] = answer.fraction
    if answer.feedback:
        data["feedback"] = answer.feedback
    return data


def _number_yaml(answer: NumericAnswer) -> dict[str, Any]:
    data: dict[str, Any] = {"value": answer.value}
    if answer.tolerance:
        data["tolerance"] = answer.tolerance
    if answer.fraction != 1.0:
        data["fraction"] = answer.fraction
    if answer.feedback:
        data["feedback"] = answer.feedback
    return data


def _gap_yaml(gap: Gap) -> dict[str, Any]:
    if gap.kind is GapKind.CHOICE:
        return {"type": "choice", "options": [_option_yaml(a, exact=False) for a in gap.answers]}
    if gap.kind is GapKind.NUMERICAL:
        return {"type": "numerical", "answers": [_number_yaml(a) for a in gap.numbers]}
    return {"type": "short_answer", "answers": [_accepted_yaml(a) for a in gap.answers]}


class _Dumper(yaml.SafeDumper):
    """Block style, list items indented under their key, multi-line texts as `|` blocks."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value and not any(line != line.rstrip() for line in value.split("\n")) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_text)


def write_text_atomically(path: Path, text: str) -> None:
    """Write `text` to a temporary file beside `path`, then rename it over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def quiz_id_for(path: Path) -> str:
    """A quiz id from an output file name (`imported-bank.quiz.yaml` → `imported-bank`)."""
    name = path.name.removesuffix(".yaml").removesuffix(".yml").removesuffix(".quiz")
    candidate = slugify(name)
    return candidate if is_valid_id(candidate) else "imported-questions"


# -- the command ----------------------------------------------------------------------------------
def run_import_questions(path: Path, fmt: str | None, dry_run: bool, as_json: bool, output: Path | None,
                         stdout: TextIO, stderr: TextIO | None = None) -> int:
    """`etrainer import-questions`: 0 when every question was imported, 1 when some were reported,
    2 when the file itself cannot be used (one line on stderr)."""
    stderr = stderr or sys.stderr
    target = output or path.with_name(f"{path.stem}.quiz.yaml")
    try:
        bank = load_bank(path, fmt)
        if not dry_run and output is None and target.exists() and bank.questions:
            raise QuizFileExists(path=str(target))
    except EtrainerError as error:
        print(f"etrainer import-questions: {error}", file=stderr)
        return 2
    from etrainer.exchange.bank_media import copy_media, plan_media

    media = plan_media(bank, path.parent, target.parent)  # pictures and sounds beside the bank go into the pack
    bank = media.bank
    if not bank.questions and not bank.problems:
        bank.problems.append(ImportProblem(0, "the file holds no questions"))
    if as_json:
        print(json.dumps(bank_to_json(bank), ensure_ascii=False, indent=2), file=stdout)
    else:
        _print_summary(bank, path, stdout)
    if not dry_run and bank.questions:
        title = next((q.category for q in bank.questions if q.category), "") or path.stem
        text = bank_to_quiz_yaml(bank, quiz_id_for(target), title, base=target.parent.resolve())
        try:
            copied = copy_media(media, target.parent)
            write_text_atomically(target, text)
        except OSError as error:
            failed = error.filename or target
            print(f"etrainer import-questions: {failed} cannot be written: {error.strerror or error}", file=stderr)
            return 2
        if copied:
            print(f"Copied {len(copied)} picture(s) or sound(s) into {copied[0].parent}",
                  file=stderr if as_json else stdout)
        print(f"Wrote {len(bank.questions)} question(s) to {target}", file=stderr if as_json else stdout)
    return 1 if bank.problems else 0


def _print_summary(bank: ParsedBank, path: Path, out: TextIO) -> None:
    counts = ", ".join(f"{kind.value} {count}" for kind, count in sorted(bank.count_by_kind().items(),
                                                                        key=lambda item: item[0].value))
    print(f"{path}: {len(bank.questions)} question(s) understood" + (f" ({counts})" if counts else ""), file=out)
    for problem in bank.problems:
        print(f"{path}:{problem.line}: {problem.message}", file=out)
