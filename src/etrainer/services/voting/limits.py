"""Per-client rate limits for the voting server: token buckets with a bounded number of keys."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    """How much one client may ask. A phone polls every 2 s at most and answers once a question."""

    body_bytes: int = 2048
    """A JSON request body larger than this is refused with 413."""
    client_burst: float = 20
    client_per_second: float = 5
    """Requests per joined phone (keyed by its token) or per address (before joining)."""
    join_burst: float = 40
    join_per_second: float = 5
    """Joins per address: a class behind one address (a hotspot's NAT) still gets in."""
    wrong_room_burst: float = 10
    wrong_room_per_second: float = 0.2
    """Wrong room codes per address: guessing 9000 codes takes hours."""
    streams_per_client: int = 3
    streams_total: int = 400
    """Open Server-Sent-Events streams."""


class Buckets:
    """Token buckets by key; the oldest keys are forgotten past `max_keys`."""

    def __init__(self, burst: float, per_second: float, clock: Callable[[], float] = time.monotonic,
                 max_keys: int = 4096) -> None:
        self.burst, self.per_second, self._clock, self._max_keys = burst, per_second, clock, max_keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def allow(self, key: str, cost: float = 1.0) -> bool:
        now = self._clock()
        tokens, last = self._buckets.pop(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.per_second)
        allowed = tokens >= cost
        self._buckets[key] = (tokens - cost if allowed else tokens, now)
        while len(self._buckets) > self._max_keys:
            self._buckets.popitem(last=False)
        return allowed
