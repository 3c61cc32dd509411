"""Item analysis of quiz questions and walkthrough hotspots for the methodist's dashboard (no Qt, no database).

- `item_analysis`: per question of finished "quiz" attempts (review sessions left out) — the facility index
  (mean score 0..1) and the discrimination as the *corrected point-biserial* coefficient: Pearson's correlation
  between the item's score and the rest of the same attempt's score (the sum of the attempt's other responses),
  None with fewer than two responses or when either side does not vary; for choice and true/false questions,
  how often each option was picked, named from the course's quiz definitions (indices are in file order).
  Every attempt counts as one observation, so a learner who tried a quiz twice counts twice.
- `walkthrough_hotspots`: per scenario, the steps with the most wrong actions and hints (demo runs left out).
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from etrainer.core.course.model import Course
from etrainer.core.progress.dashboard import QUIZ_KIND, DashboardData, ResponseRecord
from etrainer.core.quiz.model import MAX_PARTS
from etrainer.i18n import QT_TRANSLATE_NOOP

HINT_KIND = "hint"
DEMO_MODE = "demo"
TRUE_LABEL = QT_TRANSLATE_NOOP("Dashboard", "True")
FALSE_LABEL = QT_TRANSLATE_NOOP("Dashboard", "False")
CHOICE_KINDS = frozenset({"single_choice", "multiple_choice"})



@dataclass(frozen=True, slots=True)
class OptionStat:
    index: int
    text: str
    correct: bool
    chosen: int
    share: float
    """chosen ÷ responses to the question."""


@dataclass(frozen=True, slots=True)
class ItemStat:
    quiz_id: str
    question_id: str
    text: str
    kind: str
    responses: int
    facility: float
    """Mean score 0..1: the share of the marks the learners got."""
    discrimination: float | None
    """Corrected point-biserial (item score vs the rest of the attempt), −1..1."""
    options: tuple[OptionStat, ...] = ()


def pearson(xs: list[float], ys: list[float]) -> float | None:
    """Pearson's correlation, None for fewer than two pairs or when either list does not vary.

    Sums are `math.fsum` (correctly rounded): the result does not depend on the order of the pairs, so the
    same pairs counted (`core.progress.summary`) give the very same figure."""
    n = len(xs)
    if n < 2 or n != len(ys):
        return None
    mx, my = math.fsum(xs) / n, math.fsum(ys) / n
    sxy = math.fsum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = math.fsum((x - mx) ** 2 for x in xs)
    syy = math.fsum((y - my) ** 2 for y in ys)
    if sxx <= 1e-12 or syy <= 1e-12:
        return None
    return sxy / math.sqrt(sxx * syy)


def item_analysis(course: Course, data: DashboardData) -> tuple[ItemStat, ...]:
    """Every question answered in a finished quiz attempt, the hardest (lowest facility) first."""
    attempts = {a.uid: a for a in data.quiz_attempts if a.kind == QUIZ_KIND and a.finished_at is not None}
    totals: dict[str, float] = defaultdict(float)
    for r in data.responses:
        if r.attempt_uid in attempts:
            totals[r.attempt_uid] += r.score
    groups: dict[tuple[str, str], list[ResponseRecord]] = defaultdict(list)
    for r in data.responses:
        if r.attempt_uid in attempts:
            groups[(attempts[r.attempt_uid].quiz_id, r.question_id)].append(r)
    stats = []
    for (quiz_id, question_id), items in groups.items():
        quiz = course.quiz(quiz_id)
        question = quiz.question(question_id) if quiz is not None else None
        scores = [r.score for r in items]
        rest = [totals[r.attempt_uid] - r.score for r in items]
        kind = items[0].question_kind
        counts = count_options(kind, ((r.response_json, 1) for r in items))
        stats.append(ItemStat(quiz_id, question_id, question_text(question, question_id), kind,
                              len(items), math.fsum(scores) / len(scores), pearson(scores, rest),
                              option_stats(question, kind, counts, len(items))))
    return tuple(sorted(stats, key=lambda s: (s.facility, s.quiz_id, s.question_id)))


def question_text(question: Any, fallback: str) -> str:
    if question is None:
        return fallback
    text = question.title or " ".join(question.text.split())
    return text if len(text) <= 120 else text[:119] + "…"


def _parsed(response_json: str) -> dict[str, Any]:
    try:
        data = json.loads(response_json)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def count_options(kind: str, responses: Iterable[tuple[str, int]]) -> dict[int, int]:
    """How often each option was picked in `responses` (response JSON, how many times it was given) to a
    question of `kind`; empty for kinds without options."""
    counts: dict[int, int] = defaultdict(int)
    if kind in CHOICE_KINDS:
        for text, times in responses:
            for picked in _parsed(text).get("picked", ()):
                if isinstance(picked, int) and not isinstance(picked, bool) and 0 <= picked < MAX_PARTS:
                    counts[picked] += times
    elif kind == "true_false":
        for text, times in responses:
            value = _parsed(text).get("value")
            if isinstance(value, bool):
                counts[0 if value else 1] += times
    return counts


def option_stats(question: Any, kind: str, counts: dict[int, int], n: int) -> tuple[OptionStat, ...]:
    """The options of a choice or true/false question named from the course, with `counts` of `n` responses."""
    if kind in CHOICE_KINDS:
        answers = tuple(question.answers) if question is not None else ()
        labels = [(a.text, a.fraction > 0) for a in answers]
        labels += [(f"#{i + 1}", False) for i in range(len(labels), max(counts, default=-1) + 1)]
    elif kind == "true_false":
        right = question.true_false.correct if question is not None and question.true_false else None
        labels = [(TRUE_LABEL, right is True), (FALSE_LABEL, right is False)]
    else:
        return ()
    return tuple(OptionStat(i, text, correct, counts.get(i, 0), counts.get(i, 0) / n)
                 for i, (text, correct) in enumerate(labels))


# ---------------------------------------------------------------- walkthrough hotspots


@dataclass(frozen=True, slots=True)
class StepStat:
    step_id: str
    label: str
    position: int
    """The step's place on the reference path (0-based), −1 when the scenario no longer has it."""
    errors: int
    hints: int
    attempts: int
    """Attempts with at least one error or hint at this step."""

    @property
    def trouble(self) -> int:
        return self.errors + self.hints


@dataclass(frozen=True, slots=True)
class ScenarioHotspots:
    scenario_id: str
    title: str
    attempts: int
    """Attempts (demo runs left out)."""
    steps: tuple[StepStat, ...]
    """Steps with an error or a hint, most trouble first."""


def walkthrough_hotspots(course: Course, data: DashboardData) -> tuple[ScenarioHotspots, ...]:
    attempts = {w.uid: w for w in data.walkthroughs if w.mode != DEMO_MODE}
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    troubled: dict[tuple[str, str], set[str]] = defaultdict(set)
    for e in data.events:
        attempt = attempts.get(e.attempt_uid)
        if attempt is None or e.step_id is None:
            continue
        key = (attempt.scenario_id, e.step_id)
        if e.kind == HINT_KIND:
            counts[key][1] += 1
        elif not e.correct:
            counts[key][0] += 1
        else:
            continue
        troubled[key].add(e.attempt_uid)
    per_scenario: dict[str, int] = defaultdict(int)
    for w in attempts.values():
        per_scenario[w.scenario_id] += 1
    return hotspots_from_counts(course, per_scenario.items(),
                                ((sid, step, errors, hints, len(troubled[(sid, step)]))
                                 for (sid, step), (errors, hints) in counts.items()))


def hotspots_from_counts(course: Course, scenarios: Iterable[tuple[str, int]],
                         steps: Iterable[tuple[str, str, int, int, int]]) -> tuple[ScenarioHotspots, ...]:
    """The hotspots from counts made elsewhere (a database's GROUP BY): `scenarios` are (scenario, attempts) in
    the order of each scenario's first attempt, `steps` (scenario, step, errors, hints, attempts troubled)."""
    by_scenario: dict[str, list[tuple[str, int, int, int]]] = defaultdict(list)
    for scenario_id, step, errors, hints, troubled in steps:
        by_scenario[scenario_id].append((step, errors, hints, troubled))
    results = []
    for scenario_id, total in scenarios:
        scenario = course.scenario(scenario_id)
        stats = [StepStat(step, _step_label(scenario, step), scenario.step_index(step) if scenario else -1,
                          errors, hints, troubled)
                 for step, errors, hints, troubled in by_scenario.get(scenario_id, ())]
        stats.sort(key=lambda s: (-s.trouble, -s.errors, s.position, s.step_id))
        results.append(ScenarioHotspots(scenario_id, scenario.title if scenario else scenario_id, total, tuple(stats)))
    return tuple(sorted(results, key=lambda r: (-sum(s.trouble for s in r.steps), r.title.casefold())))


def _step_label(scenario: Any, step_id: str) -> str:
    step = scenario.step(step_id) if scenario is not None else None
    if step is None:
        return step_id
    if step.decision is not None:
        says = " ".join(step.decision.says.split())
        return says if len(says) <= 100 else says[:99] + "…"
    screen = scenario.screen(step.screen)
    control = scenario.control(step.control) if step.control else None
    parts = [p for p in (screen.title if screen else "", control.label if control else "") if p]
    return " — ".join(parts) or step_id
