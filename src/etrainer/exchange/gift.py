"""Moodle GIFT question banks: `parse_gift(text)` → ParsedBank, `export_gift(questions)` → text.

Follows Moodle's own GIFT reader: questions are separated by blank lines; `//` starts a comment
line; `$CATEGORY:` sets the category of the questions after it; `::title::` names a question;
`[html]`, `[markdown]`, `[plain]`, `[moodle]` give a text's format; `\\~ \\= \\# \\{ \\} \\: \\\\` escape
and `\\n` is a line break. The answer block decides the kind:
    {}                 essay (a reflection the methodist marks; `{####…}` keeps its general feedback)
    {#…}               numerical: `{#5:0.5}`, `{#1..5}`, `{#=2:0 =%50%2:1 ~#feedback for other numbers}`
    {… ~ …}            choice: single if an answer starts with `=`, else multiple (weights `~%50%`, `~%-100%`)
    {=a -> b …}        matching (`= -> x` adds an extra answer)
    {T} {TRUE} {F}     true/false, `{T#feedback if wrong#feedback if right}`
    {=a =b}            short answer
`#` starts an answer's feedback and `####` the general feedback. Text after the answer block makes
a missing-word question: a cloze question with one gap when words follow, or the same kind with a
blank line (_____) when only punctuation does. Text without an answer block is a description: it
becomes an information page (`description`), and exports back as text without braces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from etrainer.core.ids import QuestionId
from etrainer.core.quiz.bank import ImportProblem, ParsedBank, moodle_grade_problem, with_ids
from etrainer.core.quiz.checks import validate_question
from etrainer.core.quiz.model import (
    BLANK,
    MAX_QUESTIONS,
    Answer,
    Cloze,
    Essay,
    Gap,
    GapKind,
    Matching,
    MatchPair,
    Numerical,
    NumericAnswer,
    Question,
    QuestionKind,
    TrueFalse,
)
from etrainer.exchange.moodle_xml import clean_category, html_to_markdown

_ESCAPES = {"\\\\": "\ue000", "\\:": "\ue001", "\\#": "\ue002", "\\=": "\ue003", "\\{": "\ue004", "\\}": "\ue005",
            "\\~": "\ue006", "\\n": "\ue007"}
_RESTORE = str.maketrans({"\ue000": "\\", "\ue001": ":", "\ue002": "#", "\ue003": "=", "\ue004": "{", "\ue005": "}",
                          "\ue006": "~", "\ue007": "\n"})
_ESCAPE_RE = re.compile(r"\\[\\:#={}~n]")
_WEIGHT = re.compile(r"^%\s*(-?\d+(?:[.,]\d+)?)\s*%")
_FORMAT = re.compile(r"^\[(html|markdown|plain|moodle)\]", re.IGNORECASE)
_WORDS = re.compile(r"\w")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}


class GiftError(ValueError):
    """A question that cannot be imported; the message is a sentence for the import report."""


@dataclass(frozen=True, slots=True)
class _Block:
    lines: list[tuple[int, str]]
    """(line number, text) of each line that is not a comment."""

    @property
    def line(self) -> int:
        return self.lines[0][0]

    @property
    def text(self) -> str:
        return "\n".join(text for _, text in self.lines).strip()


def parse_gift(text: str) -> ParsedBank:
    """Every question of a GIFT file; what cannot be imported is reported with its first line."""
    bank = ParsedBank()
    category = ""
    for block in _blocks(text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")):
        if block.text.startswith("$CATEGORY:"):
            raw = _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(0)], block.lines[0][1].strip()[len("$CATEGORY:"):])
            category = clean_category(_restore(raw).replace("\n", " "))
            if len(block.lines) == 1:
                continue
            block = _Block(block.lines[1:])
        body = _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(0)], block.text)
        if len(bank.questions) >= MAX_QUESTIONS:
            bank.problems.append(ImportProblem(block.line, f"the bank has more than {MAX_QUESTIONS} questions; "
                                                           "the rest were not imported: split the file"))
            break
        try:
            question = _question(body, category, block.line)
        except GiftError as error:
            bank.problems.append(ImportProblem(block.line, str(error)))
            continue
        issues = validate_question(question)
        if issues:
            name = f"“{question.title}”: " if question.title else ""
            bank.problems.append(ImportProblem(block.line, name + "; ".join(i.message for i in issues)))
            continue
        bank.questions.append(question)
    bank.questions[:] = with_ids(bank.questions)
    return bank


def _blocks(text: str) -> Iterable[_Block]:
    lines: list[tuple[int, str]] = []
    for number, line in enumerate([*text.split("\n"), ""], 1):
        if not line.strip():
            if lines:
                yield _Block(lines)
            lines = []
        elif not line.lstrip().startswith("//"):
            lines.append((number, line))


def _restore(text: str) -> str:
    return text.translate(_RESTORE)


def _formatted(text: str) -> str:
    """A text with an optional [format] marker → markdown, escapes restored."""
    text = text.strip()
    marker = _FORMAT.match(text)
    if marker:
        text = text[marker.end():]
        if marker.group(1).lower() == "html":
            return html_to_markdown(_restore(text)).strip()
    return _restore(text).strip()


def _question(body: str, category: str, line: int) -> Question:
    title = ""
    if body.startswith("::"):
        end = body.find("::", 2)
        if end >= 0:
            title, body = _restore(body[2:end]).strip(), body[end + 2:].strip()
        else:
            body = body[2:]
    start, end = body.find("{"), body.find("}")
    if start < 0 and end < 0:  # Moodle's description: an information page in the quiz
        text = _formatted(body)
        if not text:
            raise GiftError("the description has no text")
        return Question(id=QuestionId("q"), kind=QuestionKind.DESCRIPTION, text=text, title=title,
                        category=category, line=line)
    if start < 0 or end < 0 or end < start:
        raise GiftError("the braces { } do not match: write \\{ or \\} for a brace in the text")
    answers, before, after = body[start + 1:end], body[:start], body[end + 1:]
    if "{" in answers:
        raise GiftError("a second { inside the answers: close the answers with } or write \\{ for a brace")
    if "{" in after or "}" in after:
        raise GiftError("more than one answer block { }: GIFT has one per question (write \\{ \\} for braces)")
    answers, explanation = _split_general_feedback(answers)
    kind, details = _answers(answers.strip())
    text, _, tail = _formatted(before + "\ue008" + after).partition("\ue008")
    if tail.strip() and _WORDS.search(tail) and kind in _GAP_KINDS:
        text = f"{text}{{{{1}}}}{tail}"
        details = {"cloze": Cloze((_gap(kind, details),))}
        kind = QuestionKind.CLOZE
    elif tail.strip():
        text = f"{text}{BLANK}{tail}"
    text = text.strip()
    if not title and not text:
        raise GiftError("the question has no text")
    return Question(id=QuestionId("q"), kind=kind, text=text, title=title, category=category,
                    explanation=_formatted(explanation) if explanation else "", line=line, **details)


def _short(text: str) -> str:
    flat = " ".join(_restore(text).split())
    return flat if len(flat) <= 40 else flat[:39] + "…"


def _split_general_feedback(answers: str) -> tuple[str, str]:
    position = answers.rfind("####")
    if position < 0:
        return answers, ""
    return answers[:position], answers[position + 4:]


def _answers(text: str) -> tuple[QuestionKind, dict[str, object]]:
    if not text:
        return QuestionKind.ESSAY, {"essay": Essay()}
    if text.startswith("#"):
        return QuestionKind.NUMERICAL, {"numerical": _numerical(text[1:])}
    if "~" in text:
        single = "=" in text
        kind = QuestionKind.SINGLE_CHOICE if single else QuestionKind.MULTIPLE_CHOICE
        return kind, {"answers": _choices(text)}
    if "=" in text and "->" in text:
        return QuestionKind.MATCHING, {"matching": _matching(text)}
    head = text.split("#", 1)[0].strip()
    if head in _TRUE_FALSE:
        return QuestionKind.TRUE_FALSE, {"true_false": _true_false(text)}
    return QuestionKind.SHORT_ANSWER, {"answers": _short_answers(text)}


def _parts(text: str, separators: str) -> list[str]:
    """Split at each separator character, keeping it at the start of its part; drop an empty lead."""
    parts = re.split(f"(?=[{re.escape(separators)}])", text)
    return [p.strip() for p in parts if p.strip()]


def _weight(text: str, default: float) -> tuple[float, str]:
    match = _WEIGHT.match(text)
    if not match:
        return default, text
    percent = float(match.group(1).replace(",", "."))
    if not -100 <= percent <= 100:
        raise GiftError(f"the weight {percent:g}% is out of range (−100% to 100%)")
    problem = moodle_grade_problem(percent)
    if problem is not None:
        raise GiftError(problem)
    return round(percent / 100, 7), text[match.end():]


def _with_feedback(text: str) -> tuple[str, str]:
    answer, _, feedback = text.partition("#")
    return _formatted(answer), _formatted(feedback)


def _choices(text: str) -> tuple[Answer, ...]:
    answers = []
    for part in _parts(text, "~="):
        marker, rest = (part[0], part[1:].strip()) if part[0] in "~=" else ("~", part)
        fraction, rest = _weight(rest, 1.0 if marker == "=" else 0.0)
        answer, feedback = _with_feedback(rest)
        answers.append(Answer(answer, fraction, feedback))
    return tuple(answers)


def _short_answers(text: str) -> tuple[Answer, ...]:
    answers = []
    for part in _parts(text, "="):
        fraction, rest = _weight(part.removeprefix("=").strip(), 1.0)
        answer, feedback = _with_feedback(rest)
        answers.append(Answer(answer, fraction, feedback))
    return tuple(answers)


def _matching(text: str) -> Matching:
    pairs, extra = [], []
    for part in _parts(text, "="):
        if not part.startswith("=") or "->" not in part:
            raise GiftError(f"“{_short(part)}” is not a pair: write =prompt -> answer")
        prompt, _, answer = part[1:].partition("->")
        prompt, answer = _formatted(prompt), _formatted(answer)
        if prompt:
            pairs.append(MatchPair(prompt, answer))
        else:
            extra.append(answer)
    return Matching(tuple(pairs), tuple(extra))


def _true_false(text: str) -> TrueFalse:
    parts = [*text.split("#", 2), "", ""]
    correct = _TRUE_FALSE[parts[0].strip()]
    wrong, right = _formatted(parts[1]), _formatted(parts[2])
    return TrueFalse(correct, right if correct else wrong, wrong if correct else right)


def _numerical(text: str) -> Numerical:
    text, _, other = text.partition("~")
    other_feedback = _formatted(other.partition("#")[2]) if other else ""
    parts = _parts(text, "=")
    if not parts:
        raise GiftError("a numerical question needs a number after {#")
    answers = []
    for part in parts:
        fraction, rest = _weight(part.lstrip("=").strip(), 1.0)
        value, feedback = rest.partition("#")[0].strip(), _formatted(rest.partition("#")[2])
        answers.append(_number_answer(_restore(value), fraction, feedback))
    return Numerical(tuple(answers), other_feedback)


def _number_answer(value: str, fraction: float, feedback: str) -> NumericAnswer:
    low_text, dots, high_text = value.partition("..")
    number_text, _, tolerance_text = value.partition(":")
    try:
        if dots:
            low, high = _number(low_text), _number(high_text)
        else:
            number = _number(number_text)
            tolerance = abs(_number(tolerance_text)) if tolerance_text.strip() else 0.0
    except ValueError as error:
        raise GiftError(f"“{value}” is not a number (write 5, 5:0.5 or 1..5)") from error
    if not dots:
        return NumericAnswer(number, tolerance, fraction, feedback)
    if low > high:
        raise GiftError(f"the range {value} is empty: the smaller number goes first")
    return NumericAnswer((low + high) / 2, (high - low) / 2, fraction, feedback)


def _number(text: str) -> float:
    return float(text.strip().replace(",", ".").replace("−", "-"))


_GAP_KINDS = (QuestionKind.SINGLE_CHOICE, QuestionKind.SHORT_ANSWER, QuestionKind.NUMERICAL)


def _gap(kind: QuestionKind, details: dict[str, object]) -> Gap:
    if kind is QuestionKind.NUMERICAL:
        numerical = details["numerical"]
        assert isinstance(numerical, Numerical)
        return Gap(GapKind.NUMERICAL, numbers=numerical.answers)
    answers = details["answers"]
    assert isinstance(answers, tuple)
    return Gap(GapKind.CHOICE if kind is QuestionKind.SINGLE_CHOICE else GapKind.SHORT_ANSWER, answers=answers)



# -- export ---------------------------------------------------------------------------------------
_FULL = 1 - 1e-4


def unexportable(question: Question) -> str:
    """Why `question` has no GIFT form, or "" when it has one."""
    if question.kind is QuestionKind.ORDERING:
        return "ordering questions have no GIFT form"
    if question.kind is QuestionKind.HOTSPOT:
        return "hotspot questions have no GIFT form"
    if question.kind is QuestionKind.CLOZE and (
            question.cloze is None or len(question.cloze.gaps) != 1 or question.text.count("{{1}}") != 1):
        return "a cloze question with several gaps has no GIFT form (use Moodle XML's Cloze instead)"
    if any("->" in text for text in _arrow_sensitive(question)):
        return "GIFT cannot hold “->” in a short answer or a matching prompt"
    return ""


def _arrow_sensitive(question: Question) -> list[str]:
    """Texts where an unescapable `->` would turn the question into a matching one on import."""
    if question.kind is QuestionKind.SHORT_ANSWER:
        return [a.text + a.feedback for a in question.answers]
    if question.kind is QuestionKind.MATCHING and question.matching:
        return [p.prompt for p in question.matching.pairs]
    if question.kind is QuestionKind.CLOZE and question.cloze and question.cloze.gaps[0].kind is GapKind.SHORT_ANSWER:
        return [a.text + a.feedback for a in question.cloze.gaps[0].answers]
    return []


def export_gift(questions: Iterable[Question]) -> str:
    """The questions as GIFT text. Kinds GIFT cannot express are left out with a `//` comment saying so;
    a question's `source` is kept as a `// source:` comment (GIFT has no field for it)."""
    chunks: list[str] = []
    category = ""
    for question in questions:
        reason = unexportable(question)
        if reason:
            chunks.append(f"// {question.id}: {reason}; not exported\n")
            continue
        if question.category != category:
            chunks.append(f"$CATEGORY: {_escape(question.category) or '$course$/top'}\n")
            category = question.category
        lines = [f"// source: {' '.join(question.source.split())}"] if question.source else []
        head = f"::{_escape(question.title)}::" if question.title else ""
        body = _text_with_block(question)
        if not head and body.startswith("//"):
            head = "::::"
        lines.append(head + body)
        chunks.append("\n".join(lines) + "\n")
    return "\n".join(chunks)


def _escape(text: str) -> str:
    text = text.replace("\\", "\\\\")
    for char in "~=#{}:":
        text = text.replace(char, "\\" + char)
    return text.replace("\r\n", "\n").replace("\n", "\\n")


def _text_with_block(question: Question) -> str:
    if question.kind is QuestionKind.DESCRIPTION:  # GIFT's description: the text with no answer block
        return _guarded(_escape(question.text))
    block = _block(question)
    text = question.text
    if question.kind is QuestionKind.CLOZE:
        before, _, after = text.partition("{{1}}")
        return _guarded(_escape(before)) + block + _escape(after)
    after_blank = text.partition(BLANK)[2]
    if text.count(BLANK) == 1 and after_blank.strip() and not _WORDS.search(after_blank):
        before, _, after = text.partition(BLANK)
        return _guarded(_escape(before)) + block + _escape(after)
    return _guarded(_escape(text)) + block


def _guarded(text: str) -> str:
    """Keep a text that starts like a format marker from being read as one."""
    return "[markdown]" + text if _FORMAT.match(text) else text


def _block(question: Question) -> str:
    kind = question.kind
    if kind is QuestionKind.ESSAY:
        return "{" + (f"####{_piece(question.explanation)}" if question.explanation else "") + "}"
    if kind is QuestionKind.CLOZE and question.cloze:
        parts = _gap_parts(question.cloze.gaps[0])
    elif kind is QuestionKind.SINGLE_CHOICE:
        parts = _choice_parts(question.answers, single=True)
    elif kind is QuestionKind.MULTIPLE_CHOICE:
        parts = _choice_parts(question.answers, single=False)
    elif kind is QuestionKind.SHORT_ANSWER:
        parts = [f"={_percent(a.fraction, 1.0)}{_piece(a.text)}{_feedback(a.feedback)}" for a in question.answers]
    elif kind is QuestionKind.NUMERICAL and question.numerical:
        parts = _number_parts(question.numerical.answers, question.numerical.other_feedback)
    elif kind is QuestionKind.MATCHING and question.matching:
        parts = [f"={_piece(p.prompt)} -> {_piece(p.answer)}" for p in question.matching.pairs]
        parts += [f"= -> {_piece(extra)}" for extra in question.matching.distractors]
    else:
        parts = [_true_false_part(question.true_false)]
    general = f"####{_piece(question.explanation)}" if question.explanation else ""
    inline = " ".join(parts) + (" " + general if general else "")
    if len(inline) <= 80 or kind is QuestionKind.CLOZE or question.text.count(BLANK) == 1:
        return "{" + inline + "}"
    return "{\n" + "".join(f"\t{p}\n" for p in parts) + (f"\t{general}\n" if general else "") + "}"


def _percent(fraction: float, default: float) -> str:
    return "" if fraction == default else f"%{fraction * 100:.10g}%"


def _feedback(text: str) -> str:
    return f"#{_piece(text)}" if text else ""


def _piece(text: str) -> str:
    """An answer, feedback or prompt, escaped and kept from starting like a [format] marker."""
    return _guarded(_escape(text))


def _choice_parts(answers: Iterable[Answer], *, single: bool) -> list[str]:
    parts, has_equal = [], False
    for answer in answers:
        if single and answer.fraction >= _FULL and not has_equal:
            prefix, has_equal = "=", True
        else:
            prefix = "~" + _percent(answer.fraction, 0.0)
        parts.append(f"{prefix}{_piece(answer.text)}{_feedback(answer.feedback)}")
    return parts


def _number_text(value: float) -> str:
    return f"{value:.15g}"


def _number_parts(answers: tuple[NumericAnswer, ...], other_feedback: str) -> list[str]:
    def one(answer: NumericAnswer) -> str:
        return f"{_number_text(answer.value)}:{_number_text(answer.tolerance)}{_feedback(answer.feedback)}"

    if len(answers) == 1 and answers[0].fraction == 1.0 and not other_feedback:
        return ["#" + one(answers[0])]
    parts = ["#"] + [f"={_percent(a.fraction, 1.0)}{one(a)}" for a in answers]
    if other_feedback:
        parts.append(f"~#{_piece(other_feedback)}")
    return parts


def _gap_parts(gap: Gap) -> list[str]:
    if gap.kind is GapKind.NUMERICAL:
        return _number_parts(gap.numbers, "")
    if gap.kind is GapKind.CHOICE:
        return _choice_parts(gap.answers, single=True)
    return [f"={_percent(a.fraction, 1.0)}{_piece(a.text)}{_feedback(a.feedback)}" for a in gap.answers]


def _true_false_part(spec: TrueFalse | None) -> str:
    if spec is None:
        return "TRUE"
    right = spec.feedback_true if spec.correct else spec.feedback_false
    wrong = spec.feedback_false if spec.correct else spec.feedback_true
    text = "TRUE" if spec.correct else "FALSE"
    if wrong:
        text += f"#{_piece(wrong)}"
    elif right:
        text += "#"
    if right:
        text += f"#{_piece(right)}"
    return text
