"""Where the methodist's workspace is: the local file in the data folder (the default) or a PostgreSQL server.

`WorkspaceLocation` is what Settings keeps (`SettingsService.workspace_location`): for a server its host,
port, database, user and an optional libpq service name — never a password. The password, when the server
wants one, is asked once per session by the window and kept in memory only (`url(password=…)`); libpq's
own conventions give it without asking: the password file (`PGPASSFILE`, default `~/.pgpass`, on Windows
`%APPDATA%\\postgresql\\pgpass.conf`) and the service file (`service=` in `PGSERVICEFILE` / `~/.pg_service.conf`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

from etrainer.core.course.model import Course
from etrainer.services.methodist import WorkspaceService
from etrainer.storage.workspace import (
    WorkspaceLoginFailed,
    default_workspace_path,
    display_url,
    open_workspace,
    probe_server,
)

__all__ = ["WorkspaceLocation", "WorkspaceLoginFailed", "check_server", "open_located_workspace"]

POSTGRES_DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432


@dataclass(frozen=True, slots=True)
class WorkspaceLocation:
    server: bool = False
    """False: the workspace file in the data folder; True: a PostgreSQL server."""
    host: str = ""
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""
    service: str = ""
    """A libpq service name (pg_service.conf); what it sets, the fields above need not."""

    def url(self, data: Path, password: str | None = None) -> URL:
        """The SQLAlchemy URL of the workspace; `password` only in memory, for this connection."""
        if not self.server:
            return URL.create("sqlite", database=str(default_workspace_path(data)))
        query = {"service": self.service} if self.service else {}
        return URL.create(POSTGRES_DRIVER, username=self.user or None, password=password or None,
                          host=self.host or None, port=self.port if self.host and self.port else None,
                          database=self.database or None, query=query)

    def display(self, data: Path) -> str:
        """What the window shows: the file, or the server URL (never with a password)."""
        if not self.server:
            return str(default_workspace_path(data))
        return display_url(self.url(data))

    @property
    def login_key(self) -> tuple[str, int, str, str, str]:
        """The login a remembered password belongs to."""
        return self.host, self.port, self.database, self.user, self.service

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, value: Any) -> WorkspaceLocation:
        """The stored location; anything missing or of the wrong type is the default (a password is ignored)."""
        if not isinstance(value, dict):
            return cls()
        port = value.get("port")
        text = {key: value[key].strip() for key in ("host", "database", "user", "service")
                if isinstance(value.get(key), str)}
        return cls(server=value.get("server") is True, port=port if isinstance(port, int) and not isinstance(
            port, bool) and 0 < port < 65536 else DEFAULT_PORT, **text)


def open_located_workspace(location: WorkspaceLocation, data: Path, course: Course | None,
                           password: str | None = None) -> WorkspaceService:
    """Open (creating or upgrading) the workspace where `location` says; raises the storage errors
    (WorkspaceLoginFailed with `password_missing` when the server wants a password none was given)."""
    workspace = open_workspace(location.url(data, password))
    return WorkspaceService(workspace, course)


def check_server(location: WorkspaceLocation, data: Path, password: str | None = None) -> str:
    """Connect and change nothing; returns the server's version. Raises as `open_located_workspace`."""
    return probe_server(location.url(data, password))
