"""The dashboard's queries: what its tables show, aggregated and filtered in the database, streamed.

`WorkspaceRepository.dashboard_data` reads every record; these read, for one `DashboardFilter` (branch and
position pick learners, the dates keep activity — as `core.progress.dashboard.apply_filter` does), only
- per learner, the lessons read, per quiz the best finished score, per walkthrough whether it was passed
  (GROUP BY), as `core.progress.summary.LearnerFacts`, one learner after another;
- the responses of finished quiz attempts, attempt after attempt (for `summary.ItemTally`);
- the walkthrough hotspots' counts (GROUP BY);
- the filter lists' branches and positions (DISTINCT);
- the consultations counted by local month, branch, service and outcome (GROUP BY), for the desk views.
Results are streamed (server-side cursors on PostgreSQL), so memory does not grow with the records.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, time, timedelta, tzinfo
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    case,
    distinct,
    false,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Session

from etrainer.core.consultation.record import Outcome
from etrainer.core.consultation.stats import DeskCount, DeskRecord, desk_counts, desk_order
from etrainer.core.progress.dashboard import QUIZ_KIND, DashboardFilter, LearnerRecord
from etrainer.core.progress.item_analysis import CHOICE_KINDS, DEMO_MODE, HINT_KIND
from etrainer.core.progress.summary import Answer, LearnerFacts, QuizFacts, WalkFacts
from etrainer.storage import workspace_models as m

STREAM = {"stream_results": True, "yield_per": 2000}
OPTION_KINDS = (*sorted(CHOICE_KINDS), "true_false")

ln = m.WsLearnerRow
lp = m.WsLessonProgressRow
qa = m.WsQuizAttemptRow
qr = m.WsQuizResponseRow
wa = m.WsWalkthroughAttemptRow
we = m.WsWalkthroughEventRow
co = m.WsConsultationRow

MONTHS_IN_ONE_QUERY = 240
"""Consultations spread over more months than this (twenty years: a forged or mistyped date) are counted as
they stream past instead of by one CASE of that many month boundaries."""


def _in_days(column: Any, chosen: DashboardFilter) -> ColumnElement[bool] | None:
    """`chosen.keeps_time(column)` in SQL: inside the inclusive UTC days (NULL is outside)."""
    if not chosen.has_dates:
        return None
    parts = [column.is_not(None)]
    if chosen.start is not None:
        parts.append(column >= datetime.combine(chosen.start, time(), UTC))
    if chosen.end is not None:
        parts.append(column < datetime.combine(chosen.end + timedelta(days=1), time(), UTC))
    return and_(*parts)


def _learners_kept(chosen: DashboardFilter) -> list[ColumnElement[bool]]:
    kept = []
    if chosen.branch:
        kept.append(ln.branch == chosen.branch)
    if chosen.position:
        kept.append(ln.position == chosen.position)
    return kept


def _narrowed(query: Select[Any], learner_column: Any, chosen: DashboardFilter,
              moment: Any = None) -> Select[Any]:
    """`query` kept to the chosen learners (joined to them when the filter names a branch or position) and,
    when `moment` is given, to the chosen dates."""
    kept = _learners_kept(chosen)
    if kept:
        query = query.join(ln, ln.id == learner_column).where(*kept)
    if moment is not None and (dated := _in_days(moment, chosen)) is not None:
        query = query.where(dated)
    return query


def month_ends(first: datetime, last: datetime, zone: tzinfo | None = None,
               limit: int = MONTHS_IN_ONE_QUERY) -> list[tuple[datetime, str]] | None:
    """The months (`YYYY-MM` in `zone`, the computer's local time when None) from the one holding `first` to
    the one holding `last`, each with the moment (aware) it ends: the next month's first midnight there. None
    when there are more than `limit`, or a moment too near the calendar's ends to have a local time."""
    months: list[tuple[datetime, str]] = []
    try:
        local = first.astimezone(zone)
        year, month = local.year, local.month
        while len(months) < limit:
            label = f"{year:04d}-{month:02d}"
            year, month = year + (month == 12), month % 12 + 1
            midnight = datetime(year, month, 1)
            end = midnight.replace(tzinfo=zone) if zone is not None else midnight.astimezone()
            months.append((end, label))
            if end > last:
                return months
    except (OverflowError, ValueError):  # year 10000, or before year 1 in local time
        return None
    return None


def _flag(condition: ColumnElement[bool]) -> Any:
    return func.max(case((condition, 1), else_=0))


class _Owned:
    """Rows in learner order (their first column), handed out one learner at a time."""

    def __init__(self, rows: Iterable[Any]) -> None:
        self._groups = groupby(rows, key=itemgetter(0))
        self._next = next(self._groups, None)

    def of(self, learner_id: int) -> list[Any]:
        while self._next is not None and self._next[0] < learner_id:  # rows of a learner not kept: none expected
            self._next = next(self._groups, None)
        if self._next is None or self._next[0] != learner_id:
            return []
        rows = list(self._next[1])
        self._next = next(self._groups, None)
        return rows


class WorkspaceSummary:
    """The dashboard's aggregate queries in one session (one snapshot of the workspace)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def _run(self, query: Any, stream: bool = False) -> Any:
        connection = self._session.connection()
        return connection.execute(query.execution_options(**STREAM) if stream else query)

    def choices(self) -> tuple[list[str], list[str]]:
        """Every branch and position the learners have (unsorted)."""
        branches = [b for (b,) in self._run(select(ln.branch).distinct())]
        positions = [p for (p,) in self._run(select(ln.position).distinct())]
        return branches, positions

    def learners(self, chosen: DashboardFilter) -> list[tuple[int, LearnerRecord]]:
        """The learners the filter keeps, by row id."""
        query = select(ln.id, ln.uid, ln.name, ln.branch, ln.position, ln.first_import_at,
                       ln.last_import_at).where(*_learners_kept(chosen)).order_by(ln.id)
        return [(row[0], LearnerRecord(*row[1:])) for row in self._run(query, stream=True)]

    def learner_uids(self, chosen: DashboardFilter) -> set[str]:
        return {uid for (uid,) in self._run(select(ln.uid).where(*_learners_kept(chosen)))}

    def learner_facts(self, chosen: DashboardFilter) -> Iterator[LearnerFacts]:
        """Each kept learner's facts, in row id order; a learner with no records has empty ones.

        Three streams in learner order (the lessons read; per quiz, and per scenario and module, the
        aggregates), merged here: a UNION sorted by learner would sort every row again."""
        finished = and_(qa.finished_at.is_not(None), qa.score.is_not(None))
        read = _narrowed(select(lp.learner_id, lp.lesson_id).where(lp.completed_at.is_not(None)), lp.learner_id,
                         chosen, lp.completed_at).order_by(lp.learner_id)
        quizzes = _narrowed(select(qa.learner_id, qa.quiz_id, func.max(case((finished, qa.score))),
                                   _flag(and_(finished, qa.passed.is_(True))),
                                   _flag(and_(qa.finished_at.is_not(None), qa.passed.is_(True))))
                            .where(qa.kind == QUIZ_KIND), qa.learner_id, chosen, qa.started_at
                            ).group_by(qa.learner_id, qa.quiz_id).order_by(qa.learner_id)
        walks = _narrowed(select(wa.learner_id, wa.scenario_id, wa.module_id, _flag(wa.passed.is_(True))),
                          wa.learner_id, chosen, wa.started_at
                          ).group_by(wa.learner_id, wa.scenario_id, wa.module_id).order_by(wa.learner_id)
        learners = self.learners(chosen)
        lessons = _Owned(self._run(read, stream=True))
        tried = _Owned(self._run(quizzes, stream=True))
        walked = _Owned(self._run(walks, stream=True))
        for learner_id, learner in learners:
            yield LearnerFacts(
                learner, frozenset(row[1] for row in lessons.of(learner_id)),
                tuple(QuizFacts(row[1], row[2], bool(row[3]), bool(row[4])) for row in tried.of(learner_id)),
                tuple(WalkFacts(row[1], row[2], bool(row[3])) for row in walked.of(learner_id)))

    def _finished_quizzes(self, query: Select[Any], chosen: DashboardFilter) -> Select[Any]:
        query = query.join(qa, qa.id == qr.attempt_id).where(qa.kind == QUIZ_KIND, qa.finished_at.is_not(None))
        return _narrowed(query, qa.learner_id, chosen, qa.started_at)

    def attempt_answers(self, chosen: DashboardFilter) -> Iterator[tuple[str, list[Answer]]]:
        """Each finished "quiz" attempt the filter keeps: its quiz and its responses as `summary.Answer`s
        (question, score, kind, row id, the response JSON of a choice or true/false question), in the order
        they were stored."""
        option = case((qr.question_kind.in_(OPTION_KINDS), qr.response))
        query = self._finished_quizzes(select(qr.attempt_id, qa.quiz_id, qr.question_id, qr.score, qr.question_kind,
                                              qr.id, option), chosen)
        rows = self._run(query.order_by(qr.attempt_id, qr.id), stream=True)
        for _, responses in groupby(rows, key=lambda row: row[0]):
            answered = list(responses)
            yield answered[0][1], [(row[2], row[3], row[4], row[5], row[6]) for row in answered]

    def hotspot_counts(self, chosen: DashboardFilter) -> tuple[list[tuple[str, int]],
                                                                list[tuple[str, str, int, int, int]]]:
        """Walkthrough attempts per scenario (demo runs left out; in the order of each one's first attempt)
        and, per scenario and step, the wrong actions, the hints and the attempts that had either."""
        scenarios = _narrowed(select(wa.scenario_id, func.count(), func.min(wa.id)).where(wa.mode != DEMO_MODE),
                              wa.learner_id, chosen, wa.started_at).group_by(wa.scenario_id)
        per_scenario = sorted(self._run(scenarios), key=lambda row: row[2])
        hint = we.kind == HINT_KIND
        steps = _narrowed(select(wa.scenario_id, we.step_id, func.sum(case((hint, 0), else_=1)),
                                 func.sum(case((hint, 1), else_=0)), func.count(distinct(we.attempt_id)))
                          .join(wa, wa.id == we.attempt_id)
                          .where(wa.mode != DEMO_MODE, we.step_id.is_not(None), or_(hint, we.correct.is_(false()))),
                          wa.learner_id, chosen, wa.started_at).group_by(wa.scenario_id, we.step_id)
        return ([(scenario, count) for scenario, count, _ in per_scenario],
                [(scenario, step, int(errors), int(hints), troubled)
                 for scenario, step, errors, hints, troubled in self._run(steps)])

    def desk_counts(self, chosen: DashboardFilter, zone: tzinfo | None = None, *, month: bool = True,
                    branch: bool = True, service: bool = True) -> list[DeskCount]:
        """The kept consultations counted by month (in `zone`), branch, service and outcome, as
        `core.consultation.stats.desk_counts` counts records; a key turned off is "" in every count (the
        tab's views need months by service and libraries alone, far fewer groups). The database groups
        them: each one's month comes from a CASE over the month boundaries in `zone` between the first and
        the last consultation, computed here, so the database needs no time-zone rules."""
        where = [*_learners_kept(chosen)]
        if (dated := _in_days(co.at, chosen)) is not None:
            where.append(dated)
        keys: dict[str, Any] = {}
        only_month = ""  # the month of every count when they are not grouped by one
        if month:
            first, last = self._run(select(func.min(co.at), func.max(co.at))
                                    .join(ln, ln.id == co.learner_id).where(*where)).one()
            if first is None:
                return []
            months = month_ends(first, last, zone)
            if months is None:
                return self._desk_counts_streamed(where, zone, branch=branch, service=service)
            if len(months) == 1:
                only_month = months[0][1]
            else:
                keys["month"] = case(*((co.at < end, label) for end, label in months[:-1]), else_=months[-1][1])
        if branch:
            keys["branch"] = ln.branch
        if service:
            keys["service"] = co.service_id
        keys["outcome"] = co.outcome
        kept = (select(*(value.label(name) for name, value in keys.items()), co.minutes.label("minutes"))
                .join(ln, ln.id == co.learner_id).where(*where).subquery())
        grouped = [kept.c[name] for name in keys]
        counts = []
        for row in self._run(select(*grouped, func.count(), func.sum(kept.c.minutes)).group_by(*grouped)):
            found = dict(zip(keys, row, strict=False))
            counts.append(DeskCount(found.get("month", only_month), found.get("branch", ""),
                                    found.get("service", ""), Outcome(found["outcome"]), int(row[-2]),
                                    int(row[-1] or 0)))
        counts.sort(key=desk_order)
        return counts

    def _desk_counts_streamed(self, where: list[ColumnElement[bool]], zone: tzinfo | None, *, branch: bool,
                              service: bool) -> list[DeskCount]:
        """The rows counted in Python as they stream past (core.consultation.stats.desk_counts)."""
        query = (select(co.at, ln.branch, co.service_id, co.outcome, co.minutes)
                 .join(ln, ln.id == co.learner_id).where(*where))
        return desk_counts((DeskRecord("", library if branch else "", at, served if service else "",
                                       Outcome(outcome), minutes)
                            for at, library, served, outcome, minutes in self._run(query, stream=True)), zone)

    def training(self, chosen: DashboardFilter) -> tuple[Iterator[tuple[str | None, float | None]],
                                                          Iterator[tuple[str | None, bool | None]]]:
        """(module, score) of finished "quiz" attempts and (module, passed) of finished walkthroughs not
        abandoned, kept by the filter, in the order they were stored (core.consultation.training_by_module)."""
        quizzes = _narrowed(select(qa.module_id, qa.score).where(qa.kind == QUIZ_KIND, qa.finished_at.is_not(None)),
                            qa.learner_id, chosen, qa.started_at).order_by(qa.id)
        walks = _narrowed(select(wa.module_id, wa.passed).where(wa.finished_at.is_not(None),
                                                                 wa.abandoned.is_(False)),
                          wa.learner_id, chosen, wa.started_at).order_by(wa.id)
        return (tuple(row) for row in self._run(quizzes)), (tuple(row) for row in self._run(walks))
