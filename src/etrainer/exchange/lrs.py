"""Talking to an xAPI 1.0.3 Learning Record Store: POST a batch of statements (Basic authentication) and say
what the answer means, for the learner's sending queue (services.lrs). The HTTP request is
`exchange.lrs_http.LrsEndpoint`'s, shared with reading from an LRS and the methodist's sending; nothing here
runs unless a caller asks it to.

    200            stored                → Posted(STORED, the ids it lists): an id it does not list was there
                                           already (an LRS drops a statement equal to one it has)
    204            nothing new stored    → Posted(STORED, no ids): every statement was there already
    409            it has some ids, with other content → Posted(CONFLICT) (for one statement: already there)
    429, 5xx, no connection, timeout,
    an answer over the size cap          → LrsUnavailable (worth retrying later)
    any other 4xx (400, 401, 403, 404 …) → LrsRefused with a sentence naming the endpoint and the status
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum
from typing import Any
from urllib.parse import urlsplit

from etrainer.core.errors import EtrainerError
from etrainer.exchange.lrs_http import LrsBadAnswer, LrsEndpoint, LrsUnreachable
from etrainer.i18n import QT_TRANSLATE_NOOP

TIMEOUT = 30.0


class Outcome(Enum):
    STORED = "stored"
    CONFLICT = "conflict"


@dataclass(frozen=True, slots=True)
class Posted:
    outcome: Outcome
    stored: frozenset[str] | None = None
    """The ids the LRS says it stored (200 with its list of ids; empty for 204); None when it did not say."""


class LrsUnavailable(EtrainerError):
    """The LRS did not answer, or answered 429 / 5xx: worth trying again later."""

    text = QT_TRANSLATE_NOOP("Errors", "The learning record store at {endpoint} does not answer ({reason}). "
                                       "The statements stay queued and go with the next sending.")


class LrsRefused(EtrainerError):
    """The LRS refused the request for good: retrying will not help."""

    text = QT_TRANSLATE_NOOP("Errors", "The learning record store at {endpoint} refused the statements "
                                       "(HTTP {status}){detail}.")


class LrsWrongPassword(LrsRefused):
    text = QT_TRANSLATE_NOOP("Errors", "The learning record store at {endpoint} refused the user name or the "
                                       "password (HTTP {status}).")


class LrsForbidden(LrsRefused):
    text = QT_TRANSLATE_NOOP("Errors", "The learning record store at {endpoint} does not let this user send "
                                       "statements (HTTP {status}).")


class LrsNotFound(LrsRefused):
    text = QT_TRANSLATE_NOOP("Errors", "There is no learning record store at {endpoint} (HTTP {status}): check "
                                       "the address (it usually ends with /xAPI/).")


class LrsAddressInvalid(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "“{endpoint}” is not a learning record store address: it must start with "
                                       "http:// or https://.")


def normalize_endpoint(endpoint: str) -> str:
    """The endpoint as stored and used as the queue's key: trimmed, ending with one slash; raises
    LrsAddressInvalid for what is not an http(s) address."""
    parts = urlsplit(endpoint.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise LrsAddressInvalid(endpoint=endpoint)
    return endpoint.strip().rstrip("/") + "/"


def statements_url(endpoint: str) -> str:
    """The endpoint's `statements` resource; the endpoint must be an http(s) address (`…/xAPI/`)."""
    return normalize_endpoint(endpoint) + "statements"


def post_statements(endpoint: str, user: str, password: str, statements: list[dict[str, Any]],
                    timeout: float = TIMEOUT) -> Posted:
    """POST `statements` as one batch; see the module docstring for what comes back. The request itself is
    `exchange.lrs_http.LrsEndpoint.request` (Basic authentication, the version header, the answer read with
    a cap)."""
    base = normalize_endpoint(endpoint)
    try:
        status, answer = LrsEndpoint(base, user, password, timeout=timeout).request(
            "POST", base + "statements", statements)
    except (LrsUnreachable, LrsBadAnswer) as error:
        raise LrsUnavailable(endpoint=endpoint, reason=str(error.params.get("reason", error))) from error
    if status == 204:
        return Posted(Outcome.STORED, frozenset())
    if status == 200:
        return Posted(Outcome.STORED, _ids(answer))
    if status == 409:
        return Posted(Outcome.CONFLICT)
    if status == 429 or status >= 500:
        raise LrsUnavailable(endpoint=endpoint, reason=f"HTTP {status}")
    raise refusal(endpoint, status, _detail(answer))


def refusal(endpoint: str, status: int, detail: str = "") -> LrsRefused:
    """The error for a refusal that retrying will not cure."""
    kind = {401: LrsWrongPassword, 403: LrsForbidden, 404: LrsNotFound}.get(status, LrsRefused)
    return kind(endpoint=endpoint, status=status, detail=f": {detail}" if detail else "")


def _ids(answer: bytes) -> frozenset[str] | None:
    try:
        data = json.loads(answer) if answer else None
        return frozenset(str(i) for i in data) if isinstance(data, list) else None
    except (ValueError, RecursionError):  # not JSON, or nested deeper than the parser (and str) go
        return None


def _detail(answer: bytes) -> str:
    text = answer[:2000].decode("utf-8", "replace")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: nested deeper than the parser goes
        return text.strip()[:300]
    if not isinstance(data, dict):
        return ""
    detail = data.get("detail") or data.get("message") or ""
    return detail[:300] if isinstance(detail, str) else ""
