"""Shared fixtures: a temporary database built by the real migrations (not create_all), its session
factory, a learner, a controllable clock, and a tiny course built from the core dataclasses.

The migrated database is built once per test session and copied for each test, which keeps tests fast.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from etrainer.core.course.model import Course, Lesson, Module
from etrainer.core.ids import CourseId, LessonId, ModuleId
from etrainer.core.learner.profiles import Profile
from etrainer.services.profiles import ProfileService
from etrainer.storage.db import Database, open_database
from etrainer.storage.migrate import upgrade_to_head


@pytest.fixture(autouse=True, scope="session")
def _one_qapplication_for_the_session() -> Iterator[None]:
    """The PDF writers (exchange, Qt-free at import) start a QGuiApplication when no Qt application runs; a
    widget test after one of them would abort the whole run ("QWidget: Must construct a QApplication").
    So one QApplication, which serves both, is made before any test. Whether core, storage, exchange and
    services import Qt is checked in fresh interpreters (tests/services/test_no_qt.py and the like)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    application = QApplication.instance() or QApplication([])
    yield
    del application


@dataclass
class FakeClock:
    """A clock for services and backups: `clock()` is the current time, `clock.advance(...)` moves it."""

    now: datetime = datetime(2025, 3, 12, 9, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


def _lesson(module: str, lesson_id: str, title: str, body: str, minutes: int = 10) -> Lesson:
    return Lesson(LessonId(lesson_id), title, ModuleId(module), Path(f"{module}/{lesson_id}.md"), body,
                  minutes=minutes)


def build_course(version: str = "1.0") -> Course:
    """Two modules, four short Ukrainian lessons."""
    basics = (
        _lesson("e-services", "what-are-e-services", "Що таке електронні послуги",
                "Електронна адміністративна послуга — це послуга, яку громадянин отримує онлайн. "
                "Роздайте відвідувачам пам'ятка про портал і допоможіть подати декларацію.", minutes=10),
        _lesson("e-services", "diia-portal", "Портал Дія",
                "На порталі Дія можна замовити витяг і переглянути цифрові документи.", minutes=5),
    )
    safety = (
        _lesson("safety", "passwords", "Паролі та безпека",
                "Ніколи не записуйте пароль відвідувача. Ґанок бібліотеки, Європа, їжа — слова для перевірки.",
                minutes=8),
        _lesson("safety", "kep", "Кваліфікований електронний підпис",
                "КЕП зберігають у захищеному носії; ключ не передають бібліотекарю.", minutes=12),
    )
    modules = (
        Module(ModuleId("e-services"), "Електронні послуги", Path("e-services"), basics),
        Module(ModuleId("safety"), "Безпека", Path("safety"), safety),
    )
    return Course(CourseId("test-course"), "Тестовий курс", version, Path("."), modules)


@pytest.fixture
def course() -> Course:
    return build_course()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="session")
def db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file upgraded to the newest schema by the real migrations (built once)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    upgrade_to_head(path)
    return path


@pytest.fixture
def db_path(tmp_path: Path, db_template: Path) -> Path:
    """A fresh copy of the migrated database in this test's own data folder."""
    target = tmp_path / "data" / "etrainer.sqlite"
    target.parent.mkdir()
    shutil.copyfile(db_template, target)
    return target


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.dispose()


@pytest.fixture
def sessions(database: Database) -> sessionmaker[Session]:
    return database.sessions


@pytest.fixture
def learner(sessions: sessionmaker[Session]) -> Profile:
    return ProfileService(sessions).create("Оксана Петренко", "Бібліотека-філія № 3", "бібліотекарка")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[object]:
    """A real PostgreSQL server on 127.0.0.1 for the session (tests/servers.py); skipped locally with the
    reason when none can be started, a failure in CI."""
    from tests.servers import postgres_cluster

    with postgres_cluster() as cluster:
        yield cluster


@pytest.fixture
def postgres_url(postgres_server) -> Iterator[str]:
    """The SQLAlchemy URL of a new, empty database on the session's PostgreSQL server, dropped afterwards."""
    url = postgres_server.create_database()
    yield url
    postgres_server.drop_database(url)


@pytest.fixture
def lrs_server() -> Iterator[object]:
    """A real xAPI Learning Record Store (Ralph) on 127.0.0.1 with an empty store, stopped afterwards
    (tests/servers.py); skipped locally with the reason when it is not installed, a failure in CI."""
    from tests.servers import lrs_server as start

    with start() as server:
        yield server


@pytest.fixture(params=["sqlite", "postgresql"])
def workspace_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty methodist workspace's URL on each engine: an SQLite file in the test's folder, and a
    database of its own on the session's PostgreSQL server (skipped locally, a failure in CI, without one)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ws' / 'workspace.sqlite3'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture(scope="session")
def demo_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Six demo learners' signed progress files (the bundled course), made once per test session."""
    from tests.workspace_files import demo_progress_files

    return demo_progress_files(tmp_path_factory.mktemp("demo"), 6, seed=19)
