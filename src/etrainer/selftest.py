"""`etrainer --selftest`: prove that an installed copy works, without touching the user's data.

Opens the main window offscreen with the bundled course, renders one lesson, writes and reads a
progress record (a lesson visit and a quiz answer) for a profile in a temporary data folder, exports it
as a signed progress file and imports that into a new methodist's workspace, then exits: 0 when every check
passed, 1 with the failing step named otherwise.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO


def run_selftest(out: TextIO | None = None) -> int:
    out = out or sys.stdout
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="etrainer-selftest-") as folder:
        state: dict[str, Any] = {"data": Path(folder) / "data"}
        for name, step in _STEPS:
            try:
                detail = step(state)
            except Exception as error:  # the self-test reports any failure and exits 1
                print(f"selftest: FAILED at “{name}”: {error}", file=out)
                traceback.print_exc(file=out)
                _close(state)
                return 1
            print(f"selftest: ok — {name}{': ' + detail if detail else ''}", file=out)
        _close(state)
    print(f"selftest: passed in {time.perf_counter() - started:.1f} s", file=out)
    return 0


def _close(state: dict[str, Any]) -> None:
    """Leave the process as it was: the database closed, the window gone, no translator installed."""
    services = state.pop("services", None)
    if services is not None:
        services.close()
    window = state.pop("window", None)
    if window is not None:
        window.close()
        window.deleteLater()
    app = state.get("app")
    if "stylesheet" in state:
        app.setStyleSheet(state.pop("stylesheet"))
        app.setProperty("etrainerTheme", state.pop("theme", None))
    for translator in state.pop("translators", []):
        app.removeTranslator(translator)
        translator.deleteLater()
    if "locale" in state:
        from PySide6.QtCore import QLocale

        QLocale.setDefault(state.pop("locale"))


def _application(state: dict[str, Any]) -> str:
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from etrainer.i18n import install_translators
    from etrainer.ui.theme import Theme, apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    state["app"], state["locale"] = app, QLocale()
    state["stylesheet"], state["theme"] = app.styleSheet(), app.property("etrainerTheme")
    state["translators"] = install_translators(app, "uk")
    apply_theme(app, Theme.LIGHT)
    return app.platformName()


def _language(state: dict[str, Any]) -> str:
    """The interface speaks Ukrainian: eTrainer's catalog and Qt's own (standard dialogs) are loaded."""
    from PySide6.QtCore import QCoreApplication

    ours = QCoreApplication.translate("ExportDialog", "Save the file…")
    qt_context, qt_source = "QFileDialog", "Look in:"  # Qt's own string: kept out of eTrainer's catalog
    qts = QCoreApplication.translate(qt_context, qt_source)
    if ours == "Save the file…":
        raise RuntimeError("eTrainer's Ukrainian catalog (etrainer_uk.qm) is not loaded")
    if qts == qt_source:
        raise RuntimeError("Qt's Ukrainian catalog (qtbase_uk.qm) is not loaded")
    return f"Ukrainian: «{ours}», «{qts}»"


def _course(state: dict[str, Any]) -> str:
    from etrainer.core.course.pack import load_pack
    from etrainer.paths import bundled_course_dir

    result = load_pack(bundled_course_dir())
    course = result.course
    if not course.modules or not any(True for _ in course.lessons()):
        raise RuntimeError(f"the bundled course at {bundled_course_dir()} has no lessons")
    state["course"], state["problems"] = course, result.problems
    return f"{course.title} {course.version}: {len(course.modules)} modules, {len(course.quizzes)} quizzes, " \
           f"{len(course.scenarios)} walkthroughs, {len(result.problems)} problem(s)"


def _database(state: dict[str, Any]) -> str:
    from etrainer.services.facade import open_app_services

    services = open_app_services(state["data"])
    state["services"] = services
    state["profile"] = services.profiles.create("Самоперевірка", "—", "—")
    return str(state["data"])


def _window(state: dict[str, Any]) -> str:
    from etrainer.ui.main_window import MainWindow
    from etrainer.ui.viewmodels.reader import ReaderViewModel

    vm = ReaderViewModel(state["course"], state["problems"], state["services"])
    window = MainWindow(vm)
    window.resize(1024, 720)
    window.show()
    state["app"].processEvents()
    vm.set_learner(state["profile"])
    state["window"], state["vm"] = window, vm
    lesson = next(iter(state["course"].lessons()))
    vm.open_lesson(lesson.id)
    state["app"].processEvents()
    if vm.current is None or len(vm.current.rendered.html) < 100:
        raise RuntimeError(f"the lesson “{lesson.title}” did not render")
    state["lesson"] = lesson
    return f"“{lesson.title}” ({len(vm.current.rendered.html)} characters of HTML)"


def _progress(state: dict[str, Any]) -> str:
    from etrainer.core.quiz.response import ChoiceResponse, TextResponse, TrueFalseResponse

    services, profile, lesson = state["services"], state["profile"], state["lesson"]
    token = services.learning.open_lesson(profile.id, lesson)
    services.learning.close_lesson(token, 120, reached_end=True)
    stored = services.learning.lesson_progress(profile.id, lesson.id)
    if stored is None or stored.total_seconds != 120 or not stored.completed:
        raise RuntimeError("the lesson visit was not stored")
    course = state["course"]
    quiz = next(iter(course.quizzes), None)
    if quiz is None:
        return "lesson visit stored and read back (the course has no quiz)"
    attempt = services.quizzes.start(profile.id, quiz, course)
    question = attempt.questions[0].question
    response = {"true_false": TrueFalseResponse(True), "short_answer": TextResponse("так"),
                "numerical": TextResponse("1")}.get(question.kind.value, ChoiceResponse(frozenset({0})))
    with contextlib.suppress(TypeError):  # a kind that needs another response type: the start is stored anyway
        attempt = services.quizzes.answer(profile.id, attempt, 0, response, 1.0)
    done = services.quizzes.finish(profile.id, attempt)
    history = services.quizzes.history(profile.id, quiz.id)
    if not history or history[-1].uid != done.uid or history[-1].finished_at is None:
        raise RuntimeError("the quiz attempt was not stored")
    return "lesson visit and quiz attempt stored and read back"


def _voting(state: dict[str, Any]) -> str:
    """The classroom voting server (aiohttp, the phone page from package data) on 127.0.0.1, and the QR code."""
    import urllib.request

    from etrainer.core.classroom.voting import VotingRoom
    from etrainer.services.voting.server import VotingServer
    from etrainer.ui.classroom.voting_panel import lan_addresses, qr_pixmap

    server = VotingServer(VotingRoom(), "127.0.0.1", 0)
    url = server.start()
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            page = response.read().decode("utf-8")
    finally:
        server.stop()
    if 'lang="uk"' not in page or qr_pixmap(url).isNull():
        raise RuntimeError("the phone page or the QR code is missing")
    return f"served the phone page and stopped; {len(lan_addresses())} network address(es)"


def _workspace(state: dict[str, Any]) -> str:
    """The methodist's side: the progress just written, exported as a signed file and imported into a new
    workspace (its schema made by the workspace's own Alembic revisions, which the installed copy must carry)."""
    from etrainer.services.methodist import open_workspace_service

    services, profile = state["services"], state["profile"]
    exported = services.transfer.export_progress(profile.id, state["course"], state["data"].parent / "files")
    workspace = open_workspace_service(state["data"].parent / "methodist")
    try:
        report = workspace.import_paths([exported])
        if len(report.accepted) != 1:
            reasons = "; ".join(f"{r.path.name}: {r.detail or r.reason}" for r in report.files)
            raise RuntimeError(f"the exported progress file was not imported ({reasons})")
        records = report.counts.new
    finally:
        workspace.close()
    return f"a signed progress file exported and imported into a new workspace ({records} records)"


def _postgres_driver(state: dict[str, Any]) -> str:
    """psycopg 3 and its libpq load (a methodist's workspace on a PostgreSQL server). The bundles carry them
    (installer/etrainer.spec), so there a missing driver fails; a Python install may leave the extra out."""
    try:
        import psycopg
        from sqlalchemy.dialects.postgresql import psycopg as _dialect  # noqa: F401 - SQLAlchemy's driver module
    except ImportError:
        if getattr(sys, "frozen", False):
            raise
        return "not installed (pip install 'etrainer[postgres]' for a workspace on a PostgreSQL server)"
    libpq = psycopg.pq.version()
    return f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__}), libpq {libpq // 10000}.{libpq % 10000}"


_STEPS: list[tuple[str, Callable[[dict[str, Any]], str]]] = [
    ("Qt application", _application),
    ("interface language", _language),
    ("bundled course", _course),
    ("database in a temporary folder", _database),
    ("main window and a lesson", _window),
    ("progress written and read", _progress),
    ("methodist's workspace", _workspace),
    ("PostgreSQL driver", _postgres_driver),
    ("classroom voting server", _voting),
]
