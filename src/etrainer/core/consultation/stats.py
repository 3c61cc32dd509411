"""Aggregates over a consultation log: a month by service and outcome, and desk-vs-training.

Pure functions over `Consultation`s (or `DeskRecord`s, for the methodist's workspace, which also knows each
record's learner and branch). Shares are fractions 0..1; nothing is rounded here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from typing import Any

from etrainer.core.consultation.catalog import ConsultationCatalog, Service
from etrainer.core.consultation.record import Consultation, Outcome


@dataclass(frozen=True, slots=True)
class DeskRecord:
    """A consultation as the workspace sees it: its learner's branch, and the fields the views group by."""

    learner_uid: str
    branch: str
    at: datetime
    service_id: str
    outcome: Outcome
    minutes: int


@dataclass(frozen=True, slots=True)
class ServiceRow:
    service_id: str
    count: int
    minutes: int
    outcomes: Mapping[Outcome, int]

    @property
    def trouble_share(self) -> float:
        """Share of consultations partly done, referred or failed."""
        return sum(n for o, n in self.outcomes.items() if o.is_trouble) / self.count if self.count else 0.0


@dataclass(frozen=True, slots=True)
class LogSummary:
    count: int
    minutes: int
    outcomes: Mapping[Outcome, int]
    services: tuple[ServiceRow, ...]
    """Most consultations first, then by service id."""


def month_key(at: datetime, zone: tzinfo | None = None) -> str:
    """`YYYY-MM` of `at` in `zone` (the computer's local time when None)."""
    return at.astimezone(zone).strftime("%Y-%m")


def as_desk(consultation: Consultation, learner_uid: str = "", branch: str = "") -> DeskRecord:
    return DeskRecord(learner_uid, branch, consultation.at, consultation.service_id, consultation.outcome,
                      consultation.minutes)


def summarize(records: Iterable[Consultation | DeskRecord]) -> LogSummary:
    """Counts, minutes and outcomes, in total and per service."""
    by_service: dict[str, list[Consultation | DeskRecord]] = defaultdict(list)
    for record in records:
        by_service[record.service_id].append(record)
    rows = [ServiceRow(service, len(items), sum(r.minutes for r in items), _outcomes(items))
            for service, items in by_service.items()]
    rows.sort(key=lambda row: (-row.count, row.service_id))
    totals: Counter[Outcome] = Counter()
    for row in rows:
        totals.update(row.outcomes)
    return LogSummary(sum(r.count for r in rows), sum(r.minutes for r in rows), _complete(totals), tuple(rows))


def in_month(records: Iterable[Consultation], month: str, zone: tzinfo | None = None) -> list[Consultation]:
    return [r for r in records if month_key(r.at, zone) == month]


def struggled(summary: LogSummary, catalog: ConsultationCatalog, *, minimum: int = 2,
              share: float = 0.5) -> list[Service]:
    """Services with at least `minimum` consultations of which at least `share` were trouble, that have
    a lesson or walkthrough to go back to (worst first)."""
    rows = sorted((r for r in summary.services if r.count >= minimum and r.trouble_share >= share),
                  key=lambda r: (-r.trouble_share, r.service_id))
    found = [catalog.service(r.service_id) for r in rows]
    return [s for s in found if s is not None and (s.lesson or s.walkthrough)]


@dataclass(frozen=True, slots=True)
class GroupRow:
    """One group of a workspace breakdown (a branch, a service or a month) with its outcome counts."""

    key: str
    count: int
    minutes: int
    outcomes: Mapping[Outcome, int]


def group_by(records: Iterable[DeskRecord], key: str, zone: tzinfo | None = None) -> list[GroupRow]:
    """Rows by "branch", "service" or "month" (sorted by key)."""
    groups: dict[str, list[DeskRecord]] = defaultdict(list)
    for record in records:
        name = (record.branch if key == "branch" else record.service_id if key == "service"
                else month_key(record.at, zone))
        groups[name].append(record)
    return [GroupRow(name, len(items), sum(r.minutes for r in items), _outcomes(items))
            for name, items in sorted(groups.items())]


@dataclass(frozen=True, slots=True)
class TrainingResult:
    """The training on one module across learners: the mean score of finished module-quiz attempts (0..1)
    and the share of finished walkthrough attempts passed (0..1); None when there were none."""

    module_id: str
    quiz_average: float | None
    walkthrough_pass_rate: float | None


@dataclass(frozen=True, slots=True)
class DeskVsTraining:
    service_id: str
    title: str
    module_id: str | None
    consultations: int
    trouble_share: float
    failed_share: float
    quiz_average: float | None
    walkthrough_pass_rate: float | None


def training_by_module(quiz_scores: Iterable[tuple[str | None, float | None]],
                       walkthroughs: Iterable[tuple[str | None, bool | None]]) -> dict[str, TrainingResult]:
    """From (module, score) of finished quiz attempts and (module, passed) of finished walkthrough attempts."""
    scores: dict[str, list[float]] = defaultdict(list)
    passes: dict[str, list[bool]] = defaultdict(list)
    for module, score in quiz_scores:
        if module is not None and score is not None:
            scores[module].append(score)
    for module, passed in walkthroughs:
        if module is not None and passed is not None:
            passes[module].append(passed)
    return {module: TrainingResult(module, sum(scores[module]) / len(scores[module]) if scores[module] else None,
                                   sum(passes[module]) / len(passes[module]) if passes[module] else None)
            for module in sorted({*scores, *passes})}


def desk_vs_training(records: Iterable[Consultation | DeskRecord], catalog: ConsultationCatalog,
                     training: Mapping[str, TrainingResult]) -> list[DeskVsTraining]:
    """Per service consulted: the share of trouble (and of failures) beside the training results on the
    module that teaches it; the most troubled services first."""
    return _versus(summarize(records), catalog, training)


def _outcomes(items: Iterable[Consultation | DeskRecord]) -> dict[Outcome, int]:
    return _complete(Counter(item.outcome for item in items))


def _complete(counts: Mapping[Outcome, int]) -> dict[Outcome, int]:
    return {outcome: counts.get(outcome, 0) for outcome in Outcome}


@dataclass(frozen=True, slots=True)
class BreakdownRow:
    """Consultations of one month, branch and service."""

    month: str
    branch: str
    service_id: str
    count: int
    minutes: int
    outcomes: Mapping[Outcome, int]


def breakdown(records: Iterable[DeskRecord], zone: tzinfo | None = None) -> list[BreakdownRow]:
    """Rows by month, branch and service (sorted so), for the workspace's table and its XLSX sheet."""
    groups: dict[tuple[str, str, str], list[DeskRecord]] = defaultdict(list)
    for record in records:
        groups[(month_key(record.at, zone), record.branch, record.service_id)].append(record)
    return [BreakdownRow(*key, len(items), sum(r.minutes for r in items), _outcomes(items))
            for key, items in sorted(groups.items())]


@dataclass(frozen=True, slots=True)
class DeskReport:
    """Everything the methodist's views and reports show about the desk, computed once."""

    titles: Mapping[str, str]
    """Service id → title (from the course's list; the id itself for a service the list no longer has)."""
    total: LogSummary
    rows: tuple[BreakdownRow, ...]
    by_branch: tuple[GroupRow, ...]
    by_service: tuple[GroupRow, ...]
    by_month: tuple[GroupRow, ...]
    versus: tuple[DeskVsTraining, ...]


@dataclass(frozen=True, slots=True)
class DeskCount:
    """The consultations of one month, branch, service and outcome: how many, and their minutes. A workspace's
    desk views are made from these, counted in Python (`desk_counts`) or by the database
    (storage.workspace_summary), so that no view needs every consultation in memory."""

    month: str
    branch: str
    service_id: str
    outcome: Outcome
    count: int
    minutes: int


def desk_counts(records: Iterable[DeskRecord], zone: tzinfo | None = None) -> list[DeskCount]:
    """`records` counted by month (in `zone`), branch, service and outcome; sorted so."""
    counts: dict[tuple[str, str, str, Outcome], list[int]] = {}
    for record in records:
        key = (month_key(record.at, zone), record.branch, record.service_id, record.outcome)
        tally = counts.setdefault(key, [0, 0])
        tally[0] += 1
        tally[1] += record.minutes
    return sorted((DeskCount(*key, count, minutes) for key, (count, minutes) in counts.items()), key=desk_order)


def desk_order(count: DeskCount) -> tuple[str, str, str, str]:
    """The order desk counts are listed in: month, branch, service, outcome."""
    return count.month, count.branch, count.service_id, count.outcome.value


def desk_report(records: Iterable[DeskRecord], catalog: ConsultationCatalog | None,
                training: Mapping[str, TrainingResult], zone: tzinfo | None = None) -> DeskReport:
    return desk_report_of_counts(desk_counts(records, zone), catalog, training)


def desk_report_of_counts(counts: Iterable[DeskCount], catalog: ConsultationCatalog | None,
                          training: Mapping[str, TrainingResult]) -> DeskReport:
    """The same report as `desk_report` over the records these counts were made of."""
    catalog = catalog or ConsultationCatalog((), (), (), ())
    groups: dict[str, dict[Any, list[Any]]] = {"rows": {}, "branch": {}, "service": {}, "month": {}}
    for item in counts:
        for name, key in (("rows", (item.month, item.branch, item.service_id)), ("branch", item.branch),
                          ("service", item.service_id), ("month", item.month)):
            tally = groups[name].setdefault(key, [0, 0, Counter()])
            tally[0] += item.count
            tally[1] += item.minutes
            tally[2][item.outcome] += item.count
    services = [ServiceRow(service, count, minutes, _complete(outcomes))
                for service, (count, minutes, outcomes) in groups["service"].items()]
    services.sort(key=lambda row: (-row.count, row.service_id))
    totals: Counter[Outcome] = Counter()
    for row in services:
        totals.update(row.outcomes)
    total = LogSummary(sum(r.count for r in services), sum(r.minutes for r in services), _complete(totals),
                       tuple(services))

    def grouped(name: str) -> tuple[GroupRow, ...]:
        return tuple(GroupRow(key, count, minutes, _complete(outcomes))
                     for key, (count, minutes, outcomes) in sorted(groups[name].items()))

    rows = tuple(BreakdownRow(*key, count, minutes, _complete(outcomes))
                 for key, (count, minutes, outcomes) in sorted(groups["rows"].items()))
    titles = {row.service_id: catalog.title_of(row.service_id) for row in services}
    return DeskReport(titles, total, rows, grouped("branch"), grouped("service"), grouped("month"),
                      tuple(_versus(total, catalog, training)))


def desk_overview_of_counts(by_month_and_service: Iterable[DeskCount], by_branch: Iterable[DeskCount],
                            catalog: ConsultationCatalog | None,
                            training: Mapping[str, TrainingResult]) -> DeskReport:
    """The report without its breakdown rows (month × library × service), from two far smaller sets of counts:
    by month, service and outcome (their `branch` is not read), and by library and outcome (their `month` and
    `service_id` are not read). What the «Consultations» tab shows; the exports take `desk_report_of_counts`."""
    report = desk_report_of_counts(by_month_and_service, catalog, training)
    libraries = desk_report_of_counts(by_branch, None, {})
    return replace(report, rows=(), by_branch=libraries.by_branch)


def _versus(total: LogSummary, catalog: ConsultationCatalog,
            training: Mapping[str, TrainingResult]) -> list[DeskVsTraining]:
    """`desk_vs_training` from the per-service rows of a summary."""
    rows = []
    for row in total.services:
        service = catalog.service(row.service_id)
        module = service.module if service is not None else None
        result = training.get(module) if module is not None else None
        rows.append(DeskVsTraining(
            row.service_id, catalog.title_of(row.service_id), module, row.count, row.trouble_share,
            row.outcomes.get(Outcome.FAILED, 0) / row.count,
            result.quiz_average if result else None, result.walkthrough_pass_rate if result else None))
    rows.sort(key=lambda r: (-r.trouble_share, -r.consultations, r.service_id))
    return rows
