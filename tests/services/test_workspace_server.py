"""Where the workspace is, as Settings keep it: the URL it makes, and what a stored value may not carry."""

from __future__ import annotations

from pathlib import Path

from etrainer.services.workspace_server import WorkspaceLocation


def test_the_default_is_the_file_in_the_data_folder(tmp_path: Path) -> None:
    location = WorkspaceLocation.from_json(None)
    assert location == WorkspaceLocation()
    assert location.url(tmp_path).render_as_string() == f"sqlite:///{tmp_path / 'workspace.sqlite3'}"
    assert location.display(tmp_path) == str(tmp_path / "workspace.sqlite3")


def test_a_server_location_makes_a_psycopg_url_with_the_password_only_when_given(tmp_path: Path) -> None:
    location = WorkspaceLocation(True, "db.library.example", 5433, "etrainer", "olena")
    assert location.url(tmp_path).render_as_string(hide_password=False) == (
        "postgresql+psycopg://olena@db.library.example:5433/etrainer")
    assert location.url(tmp_path, "s3cret").render_as_string(hide_password=False) == (
        "postgresql+psycopg://olena:s3cret@db.library.example:5433/etrainer")
    assert location.display(tmp_path) == "postgresql+psycopg://olena@db.library.example:5433/etrainer"
    assert "password" not in location.as_json()


def test_a_service_name_alone_is_enough(tmp_path: Path) -> None:
    location = WorkspaceLocation(True, service="workspace")
    assert location.url(tmp_path).render_as_string() == "postgresql+psycopg://?service=workspace"


def test_a_stored_value_is_checked_and_a_password_in_it_is_ignored() -> None:
    stored = {"server": True, "host": " db ", "port": 70000, "database": "ws", "user": 5, "password": "leaked",
              "service": ""}
    assert WorkspaceLocation.from_json(stored) == WorkspaceLocation(True, "db", 5432, "ws", "")
    assert WorkspaceLocation.from_json({"server": "yes", "port": True}) == WorkspaceLocation()
    assert WorkspaceLocation.from_json(WorkspaceLocation(True, "h", 6000, "d", "u", "s").as_json()) == (
        WorkspaceLocation(True, "h", 6000, "d", "u", "s"))
