"""Typed access to one JSON object of a progress file, naming the JSON path of any field that does not fit."""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from datetime import datetime
from enum import Enum
from typing import Any, TypeVar

from etrainer.core.progress.format import (
    MAX_ID,
    MAX_TEXT,
    MAX_UID,
    ProgressFileRejected,
    RejectReason,
    parse_time,
)

E = TypeVar("E", bound=Enum)
_MISSING = object()


def damaged(where: str, problem: str) -> ProgressFileRejected:
    return ProgressFileRejected(RejectReason.DAMAGED, f"{where}: {problem}")


class Fields:
    """One JSON object at JSON path `where` (e.g. `records.quiz_attempts[2]`)."""

    __slots__ = ("_index", "_path", "data")

    def __init__(self, data: object, where: str, index: int = -1) -> None:
        """`index` >= 0: the object is item `index` of the list at `where` (its path made only when needed)."""
        self._path = where
        self._index = index
        if not isinstance(data, dict):
            raise damaged(self._where or "the document", "expected an object")
        self.data: Mapping[str, Any] = data

    @property
    def _where(self) -> str:
        return f"{self._path}[{self._index}]" if self._index >= 0 else self._path

    def where(self, key: str) -> str:
        where = self._where
        return f"{where}.{key}" if where else key

    def _get(self, key: str, optional: bool) -> Any:
        value = self.data.get(key, _MISSING)
        if value is _MISSING or (value is None and not optional):
            raise damaged(self.where(key), "missing")
        return value

    def text(self, key: str, limit: int = MAX_TEXT, *, empty: bool = True) -> str:
        value = self._get(key, False)
        if not isinstance(value, str):
            raise damaged(self.where(key), "expected text")
        if len(value) > limit or (not empty and not value.strip()):
            raise damaged(self.where(key), f"expected text of 1 to {limit} characters" if not empty
                          else f"longer than {limit} characters")
        return value

    def ident(self, key: str) -> str:
        return self.text(key, MAX_ID, empty=False)

    def opt_ident(self, key: str) -> str | None:
        return None if self._get(key, True) is None else self.ident(key)

    def uid(self, key: str) -> str:
        return self.text(key, MAX_UID, empty=False)

    def integer(self, key: str, minimum: int = 0, maximum: int | None = None) -> int:
        value = self._get(key, False)
        if isinstance(value, bool) or not isinstance(value, int):
            raise damaged(self.where(key), "expected a whole number")
        if value < minimum or (maximum is not None and value > maximum):
            raise damaged(self.where(key), f"{value} is out of range")
        return value

    def opt_integer(self, key: str, minimum: int = 0, maximum: int | None = None) -> int | None:
        return None if self._get(key, True) is None else self.integer(key, minimum, maximum)

    def number(self, key: str, minimum: float, maximum: float | None = None) -> float:
        value = self._get(key, False)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise damaged(self.where(key), "expected a number")
        if value < minimum or (maximum is not None and value > maximum):
            raise damaged(self.where(key), f"{value} is out of range")
        return float(value)

    def opt_number(self, key: str, minimum: float, maximum: float | None = None) -> float | None:
        return None if self._get(key, True) is None else self.number(key, minimum, maximum)

    def flag(self, key: str) -> bool:
        value = self._get(key, False)
        if not isinstance(value, bool):
            raise damaged(self.where(key), "expected true or false")
        return value

    def opt_flag(self, key: str) -> bool | None:
        return None if self._get(key, True) is None else self.flag(key)

    def time(self, key: str) -> datetime:
        value = self._get(key, False)
        try:
            return parse_time(value)
        except ValueError as error:
            raise damaged(self.where(key), "expected a UTC time like 2026-11-27T16:00:00Z") from error

    def opt_time(self, key: str) -> datetime | None:
        return None if self._get(key, True) is None else self.time(key)

    def choice(self, key: str, enum: type[E]) -> E:
        value = self._get(key, False)
        try:
            return enum(value)
        except (ValueError, TypeError) as error:
            raise damaged(self.where(key), f"unknown value {str(value)[:40]!r}") from error

    def obj(self, key: str) -> Fields:
        return Fields(self._get(key, False), self.where(key))

    def opt_obj(self, key: str) -> Fields | None:
        return None if self._get(key, True) is None else self.obj(key)

    def objects(self, key: str) -> Iterator[Fields]:
        items = self._get(key, False)
        if not isinstance(items, list):
            raise damaged(self.where(key), "expected a list")
        where = self.where(key)
        for index, item in enumerate(items):
            yield Fields(item, where, index)
