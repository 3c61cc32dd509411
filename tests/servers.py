"""Real servers for the tests that need them, started on 127.0.0.1 and stopped at the end.

PostgreSQL: a throw-away cluster made with Debian's `initdb` in a temporary folder (as the `postgres` user
when the tests run as root, since `initdb` refuses root), listening on a free loopback port with trust
authentication (except PASSWORD_USER, who needs a password, for the login tests), stopped and removed when
the test session ends. `ETRAINER_TEST_POSTGRES_URL` points the
tests at an existing server instead (a superuser URL, for example `postgresql+psycopg://me@127.0.0.1/postgres`).

When a server cannot be had, `unavailable()` skips the test with the reason — except in CI
(`ETRAINER_CI=1`, set by `.ci/run`), where it fails: a test skipped in CI for a missing server is a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import pytest

POSTGRES_URL_VARIABLE = "ETRAINER_TEST_POSTGRES_URL"


def in_ci() -> bool:
    return os.environ.get("ETRAINER_CI") == "1"


def unavailable(reason: str) -> NoReturn:
    if in_ci():
        pytest.fail(f"CI must run this test, but: {reason}", pytrace=False)
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def postgres_bin() -> Path | None:
    """The newest Debian PostgreSQL server binaries, or None."""
    root = Path("/usr/lib/postgresql")
    versions = sorted((p for p in root.glob("*/bin") if (p / "initdb").exists()),
                      key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0) if root.exists() else []
    return versions[-1] if versions else None


PASSWORD_USER = "etrainer_methodist"
"""The throw-away cluster's one role that must log in with a password (scram-sha-256 in pg_hba.conf)."""


class PostgresCluster:
    """A running server: `admin_url` connects as its superuser to the `postgres` database. `password_auth`:
    PASSWORD_USER logs in with a password there (the throw-away cluster; unknown for a given server)."""

    def __init__(self, admin_url: str, password_auth: bool = False) -> None:
        self.admin_url = admin_url
        self.password_auth = password_auth

    def password_user_url(self, url: str, password: str) -> str:
        """`url`'s database with PASSWORD_USER (given `password`, made its owner) and no password in the URL."""
        import psycopg
        from sqlalchemy.engine import make_url

        if not self.password_auth:
            unavailable("this PostgreSQL server has no role that logs in with a password (the tests' own "
                        f"cluster does; {POSTGRES_URL_VARIABLE} names another)")
        target = make_url(url)
        with psycopg.connect(**_psycopg_args(make_url(self.admin_url)), autocommit=True) as connection:
            exists = connection.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (PASSWORD_USER,)).fetchone()
            verb = "ALTER" if exists else "CREATE"
            connection.execute(f"{verb} ROLE {PASSWORD_USER} LOGIN PASSWORD '{password}'")
            connection.execute(f'ALTER DATABASE "{target.database}" OWNER TO {PASSWORD_USER}')
        return target.set(username=PASSWORD_USER, password=None).render_as_string(hide_password=False)

    def create_database(self, icu_locale: str | None = None) -> str:
        """A new empty database on the server; returns its SQLAlchemy URL. `icu_locale` (for example "uk-UA"):
        text sorts by that language's ICU collation there, as on a server set up for it, not by code point."""
        import psycopg
        from sqlalchemy.engine import make_url

        name = f"etrainer_test_{uuid.uuid4().hex[:12]}"
        admin = make_url(self.admin_url)
        collation = f" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '{icu_locale}'" if icu_locale else ""
        with psycopg.connect(**_psycopg_args(admin), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"{collation}')
        return admin.set(database=name).render_as_string(hide_password=False)

    def drop_database(self, url: str) -> None:
        import psycopg
        from sqlalchemy.engine import make_url

        name = make_url(url).database
        with psycopg.connect(**_psycopg_args(make_url(self.admin_url)), autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _psycopg_args(url) -> dict[str, object]:
    args: dict[str, object] = {"dbname": url.database or "postgres"}
    for key, value in (("host", url.host), ("port", url.port), ("user", url.username), ("password", url.password)):
        if value is not None:
            args[key] = value
    return args


@contextmanager
def postgres_cluster() -> Iterator[PostgresCluster]:
    """An existing server named by ETRAINER_TEST_POSTGRES_URL, or a throw-away cluster; skips (fails in CI)
    with the reason when neither can be had."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        unavailable("psycopg is not installed (pip install 'etrainer[postgres]')")
    if given := os.environ.get(POSTGRES_URL_VARIABLE):
        yield PostgresCluster(given)
        return
    binaries = postgres_bin()
    if binaries is None:
        unavailable("no PostgreSQL server binaries in /usr/lib/postgresql (Debian package postgresql-15); "
                    f"or set {POSTGRES_URL_VARIABLE}")
    as_root = os.geteuid() == 0
    folder = Path(tempfile.mkdtemp(prefix="etrainer-pg-"))
    data, log = folder / "data", folder / "server.log"
    port = free_port()

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
        return subprocess.run([*prefix, *command], capture_output=True, text=True, timeout=120)

    try:
        if as_root:
            shutil.chown(folder, "postgres", "postgres")
        made = run(str(binaries / "initdb"), "-D", str(data), "-U", "etrainer", "--auth=trust", "-E", "UTF8",
                   "--locale=C.UTF-8", "--no-sync")
        if made.returncode:
            unavailable(f"initdb failed: {made.stderr.strip() or made.stdout.strip()}")
        hba = data / "pg_hba.conf"
        rules = hba.read_text()
        hba.write_text(f"host all {PASSWORD_USER} 127.0.0.1/32 scram-sha-256\n{rules}")
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off -c max_connections=60"
        started = run(str(binaries / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", "60",
                      "start")
        if started.returncode:
            server_log = log.read_text(errors="replace") if log.exists() else ""
            unavailable(f"pg_ctl start failed: {started.stderr.strip()} {server_log[-400:]}")
        try:
            yield PostgresCluster(f"postgresql+psycopg://etrainer@127.0.0.1:{port}/postgres", password_auth=True)
        finally:
            run(str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


LRS_DIR = Path(__file__).parent / "lrs"
LRS_PYTHON = Path(__file__).parent.parent / ".venv-lrs" / "bin" / "python"


class LrsServer:
    """A running Learning Record Store: `endpoint` (ends with a slash: …/xAPI/), one Basic user."""

    def __init__(self, endpoint: str, user: str, password: str, store: Path) -> None:
        self.endpoint, self.user, self.password, self.store = endpoint, user, password, store

    def statement_count(self) -> int:
        """Statements the LRS holds, read from its own file (a check that does not go through its API)."""
        stored = self.store / "fs_lrs.jsonl"
        return sum(1 for line in stored.read_text(encoding="utf-8").splitlines() if line.strip()) \
            if stored.exists() else 0


@contextmanager
def lrs_server() -> Iterator[LrsServer]:
    """Ralph's LRS (tests/lrs/launch.py) on a free loopback port with an empty store; skips (fails in CI) with
    the reason when .venv-lrs is missing (scripts/bootstrap makes it)."""
    import time
    import urllib.error
    import urllib.request

    if not LRS_PYTHON.exists():
        unavailable(f"the test LRS is not installed ({LRS_PYTHON}); run scripts/bootstrap")
    folder = Path(tempfile.mkdtemp(prefix="etrainer-lrs-"))
    store, auth, log = folder / "store", folder / "auth.json", folder / "server.log"
    store.mkdir()
    user, password = "methodist", "lrs-test-password"
    made = subprocess.run([str(LRS_PYTHON), str(LRS_DIR / "make_user.py"), str(auth), user, password],
                          capture_output=True, text=True, timeout=60)
    if made.returncode:
        unavailable(f"could not write the LRS user file: {made.stderr.strip()}")
    port = free_port()
    environment = {**os.environ, "RALPH_APP_DIR": str(folder / "app"), "RALPH_AUTH_FILE": str(auth),
                   "RALPH_RUNSERVER_BACKEND": "fs", "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(store)}
    with log.open("wb") as log_file:
        process = subprocess.Popen([str(LRS_PYTHON), str(LRS_DIR / "launch.py"), str(port)], env=environment,
                                   stdout=log_file, stderr=subprocess.STDOUT, cwd=folder)
    endpoint = f"http://127.0.0.1:{port}/xAPI/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/__heartbeat__", timeout=2):
                    break
            except (urllib.error.URLError, OSError):
                if process.poll() is not None or time.monotonic() > deadline:
                    unavailable(f"the test LRS did not start: {log.read_text(errors='replace')[-600:]}")
                time.sleep(0.2)
        yield LrsServer(endpoint, user, password, store)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(folder, ignore_errors=True)
