"""Talking to an xAPI 1.0.3 Learning Record Store over HTTP(S): reading statements and sending them.

Basic authentication, `X-Experience-API-Version: 1.0.3`, standard library only (urllib). Every answer is read
with a cap (`MAX_RESPONSE_BYTES`): an LRS cannot make the app read an unbounded body. A `more` link is followed
only on the endpoint's own scheme, host and port, so the credentials never go to another server. Failures raise
`LrsError` subclasses with one sentence (translatable, in the "Errors" context).
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

from etrainer.core.errors import EtrainerError
from etrainer.i18n import QT_TRANSLATE_NOOP

XAPI_VERSION = "1.0.3"
MAX_RESPONSE_BYTES = 32 * 1024 * 1024
"""The most a single answer of the LRS may hold (a page of statements)."""
MAX_PAGES = 100_000
TIMEOUT = 60.0


class LrsError(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The LRS at {endpoint} answered with an error: {reason}")


class LrsUnreachable(LrsError):
    text = QT_TRANSLATE_NOOP("Errors", "The LRS at {endpoint} cannot be reached: {reason}")


class LrsRefused(LrsError):
    text = QT_TRANSLATE_NOOP("Errors", "The LRS at {endpoint} refused the user name or password (HTTP {status}).")


class LrsBadAnswer(LrsError):
    text = QT_TRANSLATE_NOOP("Errors", "The LRS at {endpoint} sent an answer eTrainer cannot read: {reason}")


@dataclass(frozen=True, slots=True)
class LrsEndpoint:
    url: str
    """The xAPI base, ending with "/" (e.g. `https://lrs.example.org/xAPI/`)."""
    user: str
    password: str
    timeout: float = TIMEOUT
    max_bytes: int = MAX_RESPONSE_BYTES

    @staticmethod
    def of(url: str, user: str, password: str, **options: Any) -> LrsEndpoint:
        """The endpoint with a trailing slash; raises LrsUnreachable for a URL that is not http(s)."""
        url = url.strip()
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise LrsUnreachable(endpoint=url, reason="not an http:// or https:// address")
        return LrsEndpoint(url if url.endswith("/") else url + "/", user, password, **options)

    def _headers(self) -> dict[str, str]:
        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
        return {"Authorization": f"Basic {token}", "X-Experience-API-Version": XAPI_VERSION,
                "Content-Type": "application/json", "Accept": "application/json"}

    def request(self, method: str, url: str, body: Any = None) -> tuple[int, bytes]:
        """(HTTP status, body) for any status the LRS answers; raises LrsUnreachable when it does not answer and
        LrsBadAnswer for a body over the cap."""
        data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        request = urllib.request.Request(url, data=data, method=method, headers=self._headers())
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.status, self._read(response)
        except urllib.error.HTTPError as error:
            with error:
                return error.code, self._read(error)
        except (TimeoutError, urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", None) or error
            raise LrsUnreachable(endpoint=self.url, reason=str(reason)) from error

    def _read(self, response: Any) -> bytes:
        declared = response.headers.get("Content-Length") if response.headers is not None else None
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            raise LrsBadAnswer(endpoint=self.url, reason=f"an answer of {declared} bytes (the limit is "
                               f"{self.max_bytes})")
        raw = response.read(self.max_bytes + 1)
        if len(raw) > self.max_bytes:
            raise LrsBadAnswer(endpoint=self.url, reason=f"an answer of more than {self.max_bytes} bytes")
        return raw

    def statement_pages(self, since: datetime | None = None, limit: int = 500) -> Iterator[list[Any]]:
        """Each page of statements (oldest pages as the LRS orders them), following `more` links to the end."""
        query = {"limit": str(limit)}
        if since is not None:
            query["since"] = since.isoformat().replace("+00:00", "Z")
        url = f"{self.url}statements?{urlencode(query)}"
        home = urlsplit(self.url)
        for _ in range(MAX_PAGES):
            status, raw = self.request("GET", url)
            self._check(status, raw)
            try:
                page = json.loads(raw)
            except (ValueError, RecursionError):
                raise LrsBadAnswer(endpoint=self.url, reason="the statements are not JSON") from None
            if not isinstance(page, dict) or not isinstance(page.get("statements"), list):
                raise LrsBadAnswer(endpoint=self.url, reason="no list of statements in the answer")
            yield page["statements"]
            more = page.get("more") or ""
            if not isinstance(more, str):
                raise LrsBadAnswer(endpoint=self.url, reason="the more link is not a text")
            if not more or not page["statements"]:
                return
            url = urljoin(self.url, more)
            target = urlsplit(url)
            if (target.scheme, target.netloc) != (home.scheme, home.netloc):
                raise LrsBadAnswer(endpoint=self.url, reason=f"a more link to another server ({target.netloc})")
        raise LrsBadAnswer(endpoint=self.url, reason=f"more than {MAX_PAGES} pages")

    def post(self, statements: list[dict[str, Any]]) -> tuple[int, set[str] | None]:
        """POST the statements: (status, the ids the LRS says it stored, when its answer lists them) for 2xx and
        409 (an id the LRS has with other content); raises LrsRefused for 401/403 and LrsError otherwise.
        An LRS that already has a statement exactly as sent may accept it without listing its id, or answer 204
        when it had them all (Ralph does both)."""
        status, raw = self.request("POST", f"{self.url}statements", statements)
        if status == 409:
            return status, None
        self._check(status, raw)
        if status == 204:  # xAPI answers a POST with 200 and the ids; Ralph with 204 when it had every statement
            return status, set()
        try:
            listed = json.loads(raw) if raw else None
        except (ValueError, RecursionError):
            listed = None
        if isinstance(listed, list) and all(isinstance(i, str) for i in listed):
            return status, set(listed)
        return status, None

    def _check(self, status: int, raw: bytes) -> None:
        if status in (401, 403):
            raise LrsRefused(endpoint=self.url, status=status)
        if not 200 <= status < 300:
            detail = raw[:200].decode("utf-8", errors="replace").strip()
            raise LrsError(endpoint=self.url, reason=f"HTTP {status}" + (f" ({detail})" if detail else ""))
