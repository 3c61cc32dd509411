"""Settings → the methodist's workspace on this computer or on a PostgreSQL server, "Test connection", the
password asked once per session and never stored, and the workspace window opened on the real server."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QGroupBox, QLabel, QLineEdit, QListWidget, QPushButton, QRadioButton, QSpinBox
from sqlalchemy.engine import make_url
from tests.servers import free_port
from tests.workspace_files import bundled_course

from etrainer.prefs import Prefs
from etrainer.services.facade import open_app_services
from etrainer.services.workspace_server import WorkspaceLocation
from etrainer.ui.common import prompts
from etrainer.ui.methodist import server_login
from etrainer.ui.methodist.window import open_workspace_window
from etrainer.ui.settings_dialog import SettingsDialog


@pytest.fixture(autouse=True)
def _no_password_from_the_session_or_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    server_login.forget_passwords()
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-such-pgpass"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.delenv("PGSERVICEFILE", raising=False)
    yield
    server_login.forget_passwords()


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[str]]]:
    """The password prompts shown (their labels), answered from the list set by the test."""
    questions: list[tuple[str, list[str]]] = []
    answers: list[str] = []

    def ask(_parent, _title, label, text="", *, password=False):  # type: ignore[no-untyped-def]
        assert password
        questions.append((label, answers))
        return answers.pop(0) if answers else None

    monkeypatch.setattr(prompts, "ask_text", ask)
    questions.append(("", answers))  # questions[0][1] is the answers list the test fills
    return questions


def dialog_for(qtbot, data: Path):  # type: ignore[no-untyped-def]
    services = open_app_services(data)
    prefs = Prefs.load(data)
    prefs.role = "methodist"
    dialog = SettingsDialog(services, prefs, data)
    qtbot.addWidget(dialog)
    return dialog, services


def fill(dialog: SettingsDialog, url: str) -> None:
    parts = make_url(url)
    dialog.findChild(QRadioButton, "workspaceServerRadio").setChecked(True)
    for name, value in (("workspaceHost", parts.host), ("workspaceDatabase", parts.database),
                        ("workspaceUser", parts.username)):
        edit = dialog.findChild(QLineEdit, name)
        edit.setText(value or "")
        edit.editingFinished.emit()
    dialog.findChild(QSpinBox, "workspacePort").setValue(parts.port or 5432)


def result(dialog: SettingsDialog) -> str:
    dialog.findChild(QPushButton, "testConnectionButton").click()
    return dialog.findChild(QLabel, "connectionResult").text()


def test_the_workspace_section_is_the_methodists_and_remembers_the_server(qtbot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    dialog, services = dialog_for(qtbot, data)
    box = dialog.findChild(QGroupBox, "workspaceBox")
    assert not box.isHidden()
    assert dialog.findChild(QRadioButton, "workspaceLocalRadio").isChecked()
    assert not dialog.findChild(QLineEdit, "workspaceHost").isEnabled()
    fill(dialog, "postgresql+psycopg://methodist@db.library.example:5433/etrainer")
    assert dialog.findChild(QLineEdit, "workspaceHost").isEnabled()
    assert services.settings.workspace_location() == WorkspaceLocation(True, "db.library.example", 5433, "etrainer",
                                                                       "methodist")
    assert "password" not in services.settings.get("workspace.location")
    dialog.findChild(QRadioButton, "workspaceLocalRadio").setChecked(True)
    assert services.settings.workspace_location().server is False
    services.close()


def test_a_librarian_does_not_see_the_workspace_section(qtbot, tmp_path: Path) -> None:
    services = open_app_services(tmp_path / "data")
    prefs = Prefs.load(tmp_path / "data")
    prefs.role = "librarian"
    dialog = SettingsDialog(services, prefs, tmp_path / "data")
    qtbot.addWidget(dialog)
    assert dialog.findChild(QGroupBox, "workspaceBox").isHidden()
    services.close()


def test_test_connection_says_which_server_answered(qtbot, tmp_path: Path, postgres_url: str, asked) -> None:
    dialog, services = dialog_for(qtbot, tmp_path / "data")
    fill(dialog, postgres_url)
    text = result(dialog)
    assert text.startswith("Connected: PostgreSQL 1") and make_url(postgres_url).host in text
    assert len(asked) == 1  # trust login: no password asked
    services.close()


def test_a_server_nobody_listens_on_is_a_clear_result(qtbot, tmp_path: Path, asked) -> None:
    dialog, services = dialog_for(qtbot, tmp_path / "data")
    fill(dialog, f"postgresql+psycopg://methodist@127.0.0.1:{free_port()}/etrainer")
    text = result(dialog)
    assert text.startswith("Not connected. The database server of the methodist workspace "
                           "postgresql+psycopg://methodist@127.0.0.1:") and "cannot be reached" in text
    assert len(asked) == 1
    services.close()


def test_the_password_is_asked_once_per_session_and_never_stored(
        qtbot, tmp_path: Path, postgres_server, postgres_url: str, asked) -> None:  # type: ignore[no-untyped-def]
    url = postgres_server.password_user_url(postgres_url, "Pa55-once")
    data = tmp_path / "data"
    dialog, services = dialog_for(qtbot, data)
    fill(dialog, url)
    answers = asked[0][1]
    answers.extend(["wrong-one", "Pa55-once"])
    assert result(dialog).startswith("Connected: PostgreSQL")
    labels = [label for label, _ in asked[1:]]
    assert len(labels) == 2 and "The server did not accept the password." in labels[1]
    assert "etrainer_methodist" in labels[0]
    assert result(dialog).startswith("Connected: PostgreSQL") and len(asked) == 3  # remembered: not asked again
    dialog.accept()
    services.close()
    stored = b"".join(path.read_bytes() for path in data.rglob("*") if path.is_file())
    assert b"Pa55-once" not in stored and b"wrong-one" not in stored
    server_login.forget_passwords()  # a new session asks again; cancelling says so
    dialog, services = dialog_for(qtbot, data)
    assert result(dialog) == "Not tested: no password was given."
    services.close()


def test_a_password_file_gives_the_password_without_asking(
        qtbot, tmp_path: Path, postgres_server, postgres_url: str, asked,
        monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    url = make_url(postgres_server.password_user_url(postgres_url, "in-the-file"))
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"*:*:*:{url.username}:in-the-file\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    dialog, services = dialog_for(qtbot, tmp_path / "data")
    fill(dialog, url.render_as_string(hide_password=False))
    assert result(dialog).startswith("Connected: PostgreSQL") and len(asked) == 1
    services.close()


def test_the_workspace_window_opens_on_the_server_and_imports_there(
        qtbot, tmp_path: Path, postgres_server, postgres_url: str, asked,
        demo_files: list[Path]) -> None:  # type: ignore[no-untyped-def]
    url = make_url(postgres_server.password_user_url(postgres_url, "window-pw"))
    location = WorkspaceLocation(True, url.host, url.port, url.database, url.username)
    asked[0][1].append("window-pw")
    opened = []
    returned = open_workspace_window(None, tmp_path / "data", bundled_course(), location, opened.append)
    assert returned is None  # a server is connected to in the background; the window comes through the callback
    (window,) = opened
    shown = f"postgresql+psycopg://etrainer_methodist:***@127.0.0.1:{url.port}/{url.database}"
    assert shown in window.windowTitle() and "window-pw" not in window.windowTitle()
    assert window.findChild(QLabel, "workspacePlace").text().endswith(shown)
    window.import_paths(demo_files[:2])
    results = [window.findChild(QListWidget, "importResults").item(i).text()
               for i in range(window.findChild(QListWidget, "importResults").count())]
    assert len([r for r in results if r.startswith("✓")]) == 2
    assert window.service.row_counts()["ws_learner"] == 2
    assert not window.service.workspace.is_sqlite
    gone: list[bool] = []
    window.destroyed.connect(lambda *_: gone.append(True))
    window.close()  # deleted on close, which lets go of the server's connections
    qtbot.waitUntil(lambda: bool(gone))
