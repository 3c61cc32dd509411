"""Synthetic learners with varied progress, made through the real services (for trying the methodist's
workspace, for a trainer's demonstration, and for the benchmark).

Each learner gets a fictional Ukrainian name, a library branch and a position, a diligence (how far into
the course she gets) and a skill (how often she answers right). Her lesson reads, quiz attempts and
walkthrough attempts go through LearningService, QuizService and WalkthroughService on a clock that
runs from a few weeks before `clock()` towards it. The same seed gives the same learners.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from etrainer.core.consultation.catalog import ConsultationCatalog, load_catalog
from etrainer.core.consultation.record import AloneNextTime, Outcome
from etrainer.core.course.model import Course, Lesson
from etrainer.core.ids import LearnerId
from etrainer.core.learner.profiles import Profile, ProfileNameTaken
from etrainer.core.quiz.attempt import NoAttemptsLeft, TimeIsUp
from etrainer.core.quiz.model import Quiz
from etrainer.core.walkthrough.demo_answers import right_response, wrong_move, wrong_response
from etrainer.core.walkthrough.engine import Mode, Scenario, ScenarioRun
from etrainer.services.consultations import ConsultationService
from etrainer.services.facade import AppServices
from etrainer.services.learning import LearningService
from etrainer.services.profiles import ProfileService
from etrainer.services.quizzes import QuizService
from etrainer.services.walkthroughs import WalkthroughService
from etrainer.storage.models import utc_now

FIRST_NAMES = ("Олена", "Оксана", "Наталія", "Ірина", "Тетяна", "Світлана", "Галина", "Людмила", "Марія", "Ганна",
               "Юлія", "Лариса", "Валентина", "Надія", "Софія", "Вікторія", "Катерина", "Ольга", "Христина",
               "Мар'яна", "Зоряна", "Леся", "Андрій", "Олег", "Василь", "Богдан", "Тарас", "Ігор")
SURNAMES = ("Петренко", "Коваленко", "Бондаренко", "Ткачук", "Мельничук", "Шевчук", "Кравчук", "Поліщук", "Савчук",
            "Лисенко", "Марченко", "Руденко", "Гнатюк", "Дмитрук", "Олійник", "Мороз", "Білик", "Гуменюк",
            "Климчук", "Сидоренко", "Яковенко", "Левченко", "Гончаренко", "Зінченко", "Павлюк", "Остапчук",
            "Романюк", "Кушнір", "Онищенко", "Тимошенко")
BRANCHES = ("Центральна бібліотека", "Бібліотека-філія № 1", "Бібліотека-філія № 2", "Бібліотека-філія № 3",
            "Бібліотека-філія № 5", "Дитяча бібліотека", "Бібліотека-філія с. Вишневе", "Бібліотека-філія смт Рудки")
POSITIONS = ("бібліотекар", "бібліотекар I категорії", "провідний бібліотекар", "завідувач філії", "бібліограф",
             "методист")
MAX_WALK_ACTIONS = 600


@dataclass(frozen=True, slots=True)
class DemoLearner:
    id: LearnerId
    name: str
    branch: str
    position: str
    lessons_read: int
    quiz_attempts: int
    walkthrough_attempts: int
    consultations: int = 0


class _Clock:
    """Wall clock and monotonic clock for the services, moved forward by the generator (never past `end`)."""

    def __init__(self, end: datetime) -> None:
        self.end = end
        self.now = end
        self.mono = 0.0

    def __call__(self) -> datetime:
        return self.now

    def monotonic(self) -> float:
        return self.mono

    def advance(self, seconds: float) -> None:
        self.now = min(self.end, self.now + timedelta(seconds=seconds))
        self.mono += seconds


def make_demo_learners(services: AppServices, course: Course, count: int, seed: int = 0, *,
                       clock: Callable[[], datetime] = utc_now) -> list[DemoLearner]:
    """Make `count` learners with progress in `course`; returns what was made, in order."""
    rng = random.Random(seed)
    demo_clock = _Clock(clock())
    sessions = services.database.sessions
    maker = _Maker(course, rng, demo_clock, ProfileService(sessions, clock=demo_clock),
                   LearningService(sessions, clock=demo_clock),
                   QuizService(sessions, clock=demo_clock, seed=lambda: rng.randrange(2**31)),
                   WalkthroughService(sessions, clock=demo_clock, monotonic=demo_clock.monotonic))
    maker.seed = seed
    catalog = load_catalog(course.root)[0]
    if catalog is not None and catalog.services:
        maker.desk = (catalog, ConsultationService(sessions, clock=demo_clock))
    return [maker.learner() for _ in range(count)]


class _Maker:
    def __init__(self, course: Course, rng: random.Random, clock: _Clock, profiles: ProfileService,
                 learning: LearningService, quizzes: QuizService, walkthroughs: WalkthroughService) -> None:
        self.course, self.rng, self.clock = course, rng, clock
        self.profiles, self.learning, self.quizzes, self.walkthroughs = profiles, learning, quizzes, walkthroughs
        self.pause_scale = 1.0
        self.seed = 0
        self.desk: tuple[ConsultationCatalog, ConsultationService] | None = None
        self.read_lessons: dict[LearnerId, set[str]] = {}

    def learner(self) -> DemoLearner:
        rng = self.rng
        days = rng.uniform(14, 42)
        self.clock.now = self.clock.end - timedelta(days=days)
        self.pause_scale = days / 55  # a whole course's pauses add up to about 41 days at scale 1
        profile = self._profile()
        diligence, skill = rng.betavariate(2.0, 1.4), rng.uniform(0.45, 0.97)
        total = sum(len(module.lessons) for module in self.course.modules)
        to_read = max(1, round(diligence * total))
        read = quizzes = walks = 0
        for module in self.course.modules:
            in_module = 0
            for lesson in module.lessons[: max(0, to_read - read)]:
                self._read(profile.id, lesson)
                in_module += 1
            read += in_module
            if in_module < len(module.lessons):
                break  # stopped inside this module: no quiz or walkthrough yet
            for quiz in (q for q in self.course.quizzes if q.module_id == module.id):
                if rng.random() < 0.9:
                    quizzes += self._take_quiz(profile.id, quiz, skill)
            for scenario in (s for s in self.course.scenarios if s.module_id == module.id):
                if rng.random() < 0.7:
                    walks += self._walk(profile.id, scenario, Mode.PRACTICE, skill)
                    if rng.random() < 0.5:
                        walks += self._walk(profile.id, scenario, Mode.TEST, skill + 0.1)
        if read == total:
            for quiz in (q for q in self.course.quizzes if q.module_id is None):
                quizzes += self._take_quiz(profile.id, quiz, skill)
        studied = {m.id for m in self.course.modules if all(self.learning_done(profile.id, lesson.id)
                                                             for lesson in m.lessons)} if self.desk else set()
        desk = self._consult(profile.id, studied, skill)
        return DemoLearner(profile.id, profile.name, profile.branch, profile.position, read, quizzes, walks, desk)

    def learning_done(self, learner: LearnerId, lesson_id: str) -> bool:
        return lesson_id in self.read_lessons.get(learner, set())

    def _consult(self, learner: LearnerId, studied: set[str], skill: float) -> int:
        """A month of desk consultations (when the course has a consultation list): services taught in a
        module she studied go wrong less often, the more so the better she learns. A separate generator
        keeps the learners' study records the same as without the log."""
        if self.desk is None:
            return 0
        catalog, log = self.desk
        rng = random.Random(f"desk-{self.seed}-{learner}")
        end = self.clock.end
        made = 0
        for _ in range(rng.randint(3, 18)):
            service = rng.choice(catalog.services)
            trouble = (max(0.05, 0.85 - skill) if service.module in studied else 0.6)
            outcome = (rng.choice((Outcome.PARTLY, Outcome.REFERRED, Outcome.FAILED)) if rng.random() < trouble
                       else Outcome.DONE)
            reason = rng.choice(catalog.reasons).id if outcome.is_trouble and catalog.reasons else None
            minutes = rng.choice((5, 10, 15, 20, 30, 45))
            log.record(learner, catalog, service_id=service.id, outcome=outcome, minutes=minutes,
                       channel_id=rng.choice(catalog.channels).id if catalog.channels else None,
                       age_band_id=rng.choice(catalog.age_bands).id if catalog.age_bands else None,
                       alone_next_time=rng.choice(list(AloneNextTime)), reason_id=reason,
                       at=end - timedelta(days=rng.uniform(0, 45)))
            made += 1
        return made

    def _profile(self) -> Profile:
        rng = self.rng
        branch, position = rng.choice(BRANCHES), rng.choice(POSITIONS)
        for attempt in range(50):
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}" + (f" {attempt}" if attempt >= 40 else "")
            try:
                return self.profiles.create(name, branch, position)
            except ProfileNameTaken:
                continue
        raise RuntimeError("no free demo name")  # pragma: no cover - 50 tries over 840 names

    def _pause(self) -> None:
        """Between study sessions: minutes to a couple of days."""
        self.clock.advance(self.pause_scale * self.rng.choice((5 * 60, 40 * 60, 3 * 3600, 20 * 3600, 44 * 3600)))

    def _read(self, learner: LearnerId, lesson: Lesson) -> None:
        self.read_lessons.setdefault(learner, set()).add(lesson.id)
        rng, minutes = self.rng, lesson.minutes
        if rng.random() < 0.2:  # a first look that did not reach the end
            token = self.learning.open_lesson(learner, lesson)
            seconds = rng.uniform(0.1, 0.4) * minutes * 60
            self.clock.advance(seconds)
            self.learning.close_lesson(token, seconds, reached_end=False)
            self._pause()
        token = self.learning.open_lesson(learner, lesson)
        seconds = rng.uniform(0.7, 1.5) * minutes * 60
        self.clock.advance(seconds)
        self.learning.close_lesson(token, seconds, reached_end=True)
        self._pause()

    def _take_quiz(self, learner: LearnerId, quiz: Quiz, skill: float) -> int:
        """One to three attempts, better each time, until passed; returns how many were made."""
        made = 0
        for round_ in range(3):
            try:
                attempt = self.quizzes.start(learner, quiz, self.course)
            except NoAttemptsLeft:
                break
            made += 1
            chance = min(0.98, skill + 0.12 * round_)
            for position, drawn in enumerate(attempt.questions):
                question = drawn.question
                response = right_response(question) if self.rng.random() < chance else wrong_response(question,
                                                                                                      self.rng)
                seconds = self.rng.uniform(12, 75)
                self.clock.advance(seconds)
                try:
                    attempt = self.quizzes.answer(learner, attempt, position, response, seconds)
                except TimeIsUp:
                    break
            attempt = self.quizzes.finish(learner, attempt)
            self._pause()
            if attempt.passed:
                break
        return made

    def _walk(self, learner: LearnerId, scenario: Scenario, mode: Mode, skill: float) -> int:
        rng, clock = self.rng, self.clock
        run, state = self.walkthroughs.start(learner, scenario, mode, self.course)
        abandon_after = rng.randrange(2, 8) if rng.random() < 0.12 else None
        for count in range(MAX_WALK_ACTIONS):
            step = ScenarioRun.demo_next(state)
            if step is None or (abandon_after is not None and count >= abandon_after):
                break
            action = step[0]
            clock.advance(rng.uniform(3, 20))
            if mode.allows_hints and rng.random() < (1 - skill) * 0.3:
                state = ScenarioRun.hint(state, clock.monotonic()).state
                clock.advance(rng.uniform(2, 8))
            if rng.random() < (1 - skill) * 0.35:
                wrong = wrong_move(state, action, rng)
                if wrong is not None:
                    state = ScenarioRun.apply(state, wrong, clock.monotonic()).state
                    clock.advance(rng.uniform(2, 10))
                    continue  # the state may have moved on: ask the reference path again
            outcome = ScenarioRun.apply(state, action, clock.monotonic())
            state = outcome.state
            if not outcome.accepted:
                break
            self.walkthroughs.record(run, state)
        if state.finished:
            self.walkthroughs.finish(run, state)
        else:
            self.walkthroughs.abandon(run, state)
        self._pause()
        return 1
