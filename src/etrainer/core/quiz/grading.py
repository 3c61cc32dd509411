"""Grading: `grade(question, response)` → a score in 0..1 with the feedback to show. Pure and deterministic.

Scoring rules
- single choice: the picked option's fraction; multiple choice: the sum of the picked options'
  fractions (wrong picks may be negative), clamped to 0..1;
- true/false, hotspot: all or nothing;
- matching: the share of prompts matched right; ordering: the share of items in their right place;
- short answer / numerical: the best fraction among the answers that accept the response; a short answer
  written `*` is Moodle's catch-all: it takes any other non-empty answer (with its fraction and feedback);
- cloze: the mean of the gaps' scores, each gap scored like its kind;
- essay: never graded here — the answer is *pending* (score 0, not correct) until a methodist marks it,
  and `quiz_score` leaves pending answers out (core.quiz.essay has the rules).

`GradedAnswer.right_answer` and `.given` are display lines; the few that are not course content
(True, False, No answer, …) are marked for translation in the "Quiz" context, so the UI may pass
every line through `QCoreApplication.translate("Quiz", line)`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from etrainer.core.ids import QuestionId
from etrainer.core.quiz.model import Answer, Gap, GapKind, NumericAnswer, Question, QuestionKind
from etrainer.core.quiz.response import (
    RESPONSE_TYPES,
    ChoiceResponse,
    ClozeResponse,
    EssayResponse,
    HotspotResponse,
    MatchingResponse,
    OrderingResponse,
    Response,
    TextResponse,
    TrueFalseResponse,
    normalize_text,
    parse_number,
)
from etrainer.i18n import QT_TRANSLATE_NOOP

TRUE = QT_TRANSLATE_NOOP("Quiz", "True")
FALSE = QT_TRANSLATE_NOOP("Quiz", "False")
NO_ANSWER = QT_TRANSLATE_NOOP("Quiz", "No answer")
NOT_A_NUMBER = QT_TRANSLATE_NOOP("Quiz", "This is not a number.")
MARKED_AREA = QT_TRANSLATE_NOOP("Quiz", "The marked area of the picture")
CLICKED_AT = QT_TRANSLATE_NOOP("Quiz", "A click at ({x}, {y})")
TYPE_A_NUMBER = QT_TRANSLATE_NOOP("Quiz", "Type only a number, without words: for example 14, 14,5 or 14.5.")
_SNAP = 5e-4
CATCH_ALL = "*"
"""A short answer written `*` means "any other answer" (Moodle's catch-all)."""


@dataclass(frozen=True, slots=True)
class PartFeedback:
    """How one part of an answer did: a picked option, a matching prompt, an item, a gap ("1", "2", …)."""

    label: str
    correct: bool
    feedback: str = ""


@dataclass(frozen=True, slots=True)
class GradedAnswer:
    question_id: QuestionId
    score: float
    """0..1."""
    correct: bool
    """score == 1."""
    parts: tuple[PartFeedback, ...]
    right_answer: tuple[str, ...]
    """The right answer as display lines."""
    given: tuple[str, ...]
    """The learner's answer as display lines."""
    explanation: str = ""
    source: str = ""
    pending: bool = False
    """An essay waiting for a methodist's mark: neither right nor wrong, and not in the automatic score."""


def grade(question: Question, response: Response | None) -> GradedAnswer:
    """Grade `response` (None: not answered). Raises TypeError if the response is for another kind."""
    if question.kind is QuestionKind.DESCRIPTION:
        raise TypeError("an information page takes no answer and is not graded")
    expected = RESPONSE_TYPES[question.kind]
    if response is not None and not isinstance(response, expected):
        raise TypeError(f"a {question.kind.value} question takes a {expected.__name__}, not {response!r}")
    if question.kind is QuestionKind.ESSAY:
        text = response.text if isinstance(response, EssayResponse) else ""
        return GradedAnswer(question.id, 0.0, False, (), (), (text,) if text.strip() else (NO_ANSWER,),
                            question.explanation, question.source, pending=True)
    score, parts, given = _GRADERS[question.kind](question, response)
    score = _clamp(score)
    shown = tuple(line for line in given if line.strip()) if response is not None else ()
    return GradedAnswer(question.id, score, score == 1.0, tuple(parts), right_answer(question),
                        shown or (NO_ANSWER,), question.explanation, question.source)


def quiz_score(answers: Sequence[GradedAnswer], question_count: int | None = None) -> float:
    """The attempt's automatic score: the mean over `question_count` self-grading questions (default: the
    graded ones). Pending essays are left out of the sum; the caller leaves essay questions out of the count."""
    counted = [a for a in answers if not a.pending]
    count = len(counted) if question_count is None else question_count
    return _clamp(sum(a.score for a in counted) / count) if count else 0.0


def _clamp(score: float) -> float:
    score = min(1.0, max(0.0, score))
    if score > 1 - _SNAP:
        return 1.0
    if score < _SNAP:
        return 0.0
    return round(score, 6)


_Graded = tuple[float, list[PartFeedback], list[str]]


def _grade_choice(question: Question, response: Response | None) -> _Graded:
    picked = sorted(i for i in response.picked if 0 <= i < len(question.answers)) \
        if isinstance(response, ChoiceResponse) else []
    if question.kind is QuestionKind.SINGLE_CHOICE and len(picked) > 1:
        picked_answers = [question.answers[i] for i in picked]
        return 0.0, [PartFeedback(a.text, False) for a in picked_answers], [a.text for a in picked_answers]
    chosen = [question.answers[i] for i in picked]
    parts = [PartFeedback(a.text, a.fraction > 0, a.feedback) for a in chosen]
    return sum(a.fraction for a in chosen), parts, [a.text for a in chosen]


def _grade_true_false(question: Question, response: Response | None) -> _Graded:
    spec = question.true_false
    if not isinstance(response, TrueFalseResponse) or spec is None:
        return 0.0, [], []
    right = response.value == spec.correct
    feedback = spec.feedback_true if response.value else spec.feedback_false
    label = TRUE if response.value else FALSE
    return (1.0 if right else 0.0), [PartFeedback(label, right, feedback)], [label]


def _grade_matching(question: Question, response: Response | None) -> _Graded:
    pairs = question.matching.pairs if question.matching else ()
    chosen = response.answers if isinstance(response, MatchingResponse) else ()
    parts, given, right = [], [], 0
    for index, pair in enumerate(pairs):
        answer = chosen[index] if index < len(chosen) else None
        ok = answer is not None and answer.strip() == pair.answer.strip()
        right += ok
        parts.append(PartFeedback(pair.prompt, ok))
        given.append(f"{pair.prompt} → {answer if answer is not None else '—'}")
    return (right / len(pairs) if pairs else 0.0), parts, given


def _grade_ordering(question: Question, response: Response | None) -> _Graded:
    items = question.ordering
    order = response.order if isinstance(response, OrderingResponse) else ()
    if sorted(order) != list(range(len(items))):
        return 0.0, [], [items[i] for i in order if 0 <= i < len(items)]
    parts = [PartFeedback(items[item], item == position) for position, item in enumerate(order)]
    right = sum(p.correct for p in parts)
    return right / len(items), parts, [f"{n}. {items[i]}" for n, i in enumerate(order, 1)]


def _grade_short_answer(question: Question, response: Response | None) -> _Graded:
    text = response.text if isinstance(response, TextResponse) else ""
    score, feedback = _match_text(question.answers, text)
    return score, [PartFeedback(text, score >= 1.0, feedback)], [text]


def _grade_numerical(question: Question, response: Response | None) -> _Graded:
    text = response.text if isinstance(response, TextResponse) else ""
    spec = question.numerical
    score, feedback = _match_number(spec.answers if spec else (), text, spec.other_feedback if spec else "")
    return score, [PartFeedback(text, score >= 1.0, feedback)], [text]


def _grade_cloze(question: Question, response: Response | None) -> _Graded:
    gaps = question.cloze.gaps if question.cloze else ()
    values = response.values if isinstance(response, ClozeResponse) else ()
    parts, given, total = [], [], 0.0
    for index, gap in enumerate(gaps):
        value = values[index] if index < len(values) else None
        score, feedback, shown = _grade_gap(gap, value)
        total += _clamp(score)
        parts.append(PartFeedback(str(index + 1), _clamp(score) == 1.0, feedback))
        given.append(f"{index + 1}: {shown}")
    return (total / len(gaps) if gaps else 0.0), parts, given


def _grade_gap(gap: Gap, value: str | int | None) -> tuple[float, str, str]:
    if value is None:
        return 0.0, "", "—"
    if gap.kind is GapKind.CHOICE:
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < len(gap.answers):
            answer = gap.answers[value]
            return answer.fraction, answer.feedback, answer.text
        return 0.0, "", "—"
    text = str(value)
    if gap.kind is GapKind.NUMERICAL:
        score, feedback = _match_number(gap.numbers, text, "")
    else:
        score, feedback = _match_text(gap.answers, text)
    return score, feedback, text


def _grade_hotspot(question: Question, response: Response | None) -> _Graded:
    if not isinstance(response, HotspotResponse) or question.hotspot is None:
        return 0.0, [], []
    hit = question.hotspot.hit(response.x, response.y)
    where = CLICKED_AT.format(x=round(response.x), y=round(response.y))
    return (1.0 if hit else 0.0), [PartFeedback(where, hit)], [where]


def _match_text(answers: Sequence[Answer], text: str) -> tuple[float, str]:
    typed = normalize_text(text)
    matches = [a for a in answers if typed and a.text != CATCH_ALL and normalize_text(a.text) == typed]
    if not matches:
        other = next((a for a in answers if a.text == CATCH_ALL), None)
        return (other.fraction, other.feedback) if other is not None and typed else (0.0, "")
    best = max(matches, key=lambda a: a.fraction)
    return best.fraction, best.feedback


def _match_number(answers: Sequence[NumericAnswer], text: str, other_feedback: str) -> tuple[float, str]:
    number = parse_number(text)
    if number is None:
        return 0.0, NOT_A_NUMBER if text.strip() else ""
    matches = [a for a in answers if a.accepts(number)]
    if not matches:
        return 0.0, other_feedback
    best = max(matches, key=lambda a: a.fraction)
    return best.fraction, best.feedback


def format_number(value: float) -> str:
    """A number for display: no trailing zeros, no exponent for everyday sizes."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.10g}"


def describe_number(answer: NumericAnswer) -> str:
    if answer.tolerance == 0:
        return format_number(answer.value)
    return f"{format_number(answer.value)} ± {format_number(answer.tolerance)}"


def right_answer(question: Question) -> tuple[str, ...]:
    """The right answer of `question` as display lines."""
    kind = question.kind
    if kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.SHORT_ANSWER):
        named = [a for a in question.answers if a.text != CATCH_ALL or kind is QuestionKind.SINGLE_CHOICE]
        best = max((a.fraction for a in named), default=0.0)
        return tuple(a.text for a in named if a.fraction == best and best > 0)
    if kind is QuestionKind.MULTIPLE_CHOICE:
        return tuple(a.text for a in question.answers if a.fraction > 0)
    if kind is QuestionKind.TRUE_FALSE:
        return ((TRUE if question.true_false.correct else FALSE),) if question.true_false else ()
    if kind is QuestionKind.MATCHING:
        return tuple(f"{p.prompt} → {p.answer}" for p in question.matching.pairs) if question.matching else ()
    if kind is QuestionKind.ORDERING:
        return tuple(f"{n}. {item}" for n, item in enumerate(question.ordering, 1))
    if kind is QuestionKind.NUMERICAL:
        answers = question.numerical.answers if question.numerical else ()
        best = max((a.fraction for a in answers), default=0.0)
        return tuple(describe_number(a) for a in answers if a.fraction == best and best > 0)
    if kind is QuestionKind.CLOZE:
        return tuple(f"{n}: {_gap_answer(gap)}" for n, gap in enumerate(question.cloze.gaps, 1)) \
            if question.cloze else ()
    if kind in (QuestionKind.ESSAY, QuestionKind.DESCRIPTION):
        return ()
    return (MARKED_AREA,)


def _gap_answer(gap: Gap) -> str:
    if gap.kind is GapKind.NUMERICAL:
        best = max(gap.numbers, key=lambda a: a.fraction, default=None)
        return describe_number(best) if best else ""
    best_answer = max(gap.answers, key=lambda a: a.fraction, default=None)
    return best_answer.text if best_answer else ""


_GRADERS = {
    QuestionKind.SINGLE_CHOICE: _grade_choice,
    QuestionKind.MULTIPLE_CHOICE: _grade_choice,
    QuestionKind.TRUE_FALSE: _grade_true_false,
    QuestionKind.MATCHING: _grade_matching,
    QuestionKind.ORDERING: _grade_ordering,
    QuestionKind.SHORT_ANSWER: _grade_short_answer,
    QuestionKind.NUMERICAL: _grade_numerical,
    QuestionKind.CLOZE: _grade_cloze,
    QuestionKind.HOTSPOT: _grade_hotspot,
}


def refusal(question: Question, response: Response) -> str | None:
    """Why `response` cannot be graded yet (a sentence marked for translation), or None when it can.

    What counts as a number: `parse_number` (14, 14,5, 14.5, -3, 1 000). Text with letters in a numerical
    question («14 років») is refused before grading: it is not counted as an answer, so a slip in the form
    of an answer costs no attempt and no score.
    """
    if question.kind is QuestionKind.NUMERICAL and isinstance(response, TextResponse) and response.text.strip() \
            and parse_number(response.text) is None:
        return TYPE_A_NUMBER
    return None


_INTERNAL_SOURCE = re.compile(r"^\s*(FACTS\b|§)")


def learner_source(source: str) -> str:
    """The part of a question's `source` a learner can use: the course's internal fact-sheet references
    («FACTS §6.3», «§11») are for authors and are left out; what remains (a lesson, a law) is kept."""
    parts = [part.strip() for part in source.split(";")]
    return "; ".join(part for part in parts if part and not _INTERNAL_SOURCE.match(part))
