"""A running slide show: where the presenter is (slide and page), whether the screen is blanked,
and how long the show has been running. Qt-free; the clock is injected (monotonic seconds)."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum

Clock = Callable[[], float]


class Blank(Enum):
    NONE = "none"
    BLACK = "black"
    WHITE = "white"


@dataclass(frozen=True, slots=True)
class Position:
    slide: int
    """0-based slide index."""
    page: int
    """0-based page within the slide (a slide too long for the screen continues on further pages)."""


class SlideShow:
    """Navigation over slides that may have several pages each.

    While the screen is blanked, `next()` and `previous()` only bring the slide back (as presentation
    programs do), so a presenter who blanked the screen never skips a slide by accident.
    """

    def __init__(self, page_counts: Sequence[int], clock: Clock = time.monotonic) -> None:
        if not page_counts:
            raise ValueError("a slide show needs at least one slide")
        self._counts = [max(1, count) for count in page_counts]
        self._position = Position(0, 0)
        self._blank = Blank.NONE
        self._clock = clock
        self._started = clock()

    # -- state -------------------------------------------------------------------------------
    @property
    def position(self) -> Position:
        return self._position

    @property
    def blank(self) -> Blank:
        return self._blank

    @property
    def slide_count(self) -> int:
        return len(self._counts)

    def page_count(self, slide: int) -> int:
        return self._counts[slide]

    @property
    def at_start(self) -> bool:
        return self._position == Position(0, 0)

    @property
    def at_end(self) -> bool:
        last = len(self._counts) - 1
        return self._position == Position(last, self._counts[last] - 1)

    def following(self) -> Position | None:
        """The page `next()` would show (ignoring blanking), or None at the end."""
        slide, page = self._position.slide, self._position.page
        if page + 1 < self._counts[slide]:
            return Position(slide, page + 1)
        if slide + 1 < len(self._counts):
            return Position(slide + 1, 0)
        return None

    # -- navigation ----------------------------------------------------------------------------
    def next(self) -> bool:
        """Show the next page; True when what is on the screen changed."""
        if self._unblank():
            return True
        following = self.following()
        if following is None:
            return False
        self._position = following
        return True

    def previous(self) -> bool:
        if self._unblank():
            return True
        slide, page = self._position.slide, self._position.page
        if page > 0:
            self._position = Position(slide, page - 1)
        elif slide > 0:
            self._position = Position(slide - 1, self._counts[slide - 1] - 1)
        else:
            return False
        return True

    def first(self) -> bool:
        return self.go_to(0)

    def last(self) -> bool:
        return self.go_to(len(self._counts) - 1, self._counts[-1] - 1)

    def go_to(self, slide: int, page: int = 0) -> bool:
        slide = min(max(0, slide), len(self._counts) - 1)
        page = min(max(0, page), self._counts[slide] - 1)
        changed = self._unblank() or self._position != Position(slide, page)
        self._position = Position(slide, page)
        return changed

    def set_page_counts(self, page_counts: Sequence[int]) -> None:
        """New page counts (the screen size changed): stay on the same slide, on the nearest page."""
        if len(page_counts) != len(self._counts):
            raise ValueError("the number of slides cannot change during a show")
        self._counts = [max(1, count) for count in page_counts]
        slide = self._position.slide
        self._position = Position(slide, min(self._position.page, self._counts[slide] - 1))

    # -- blanking ------------------------------------------------------------------------------
    def toggle_black(self) -> None:
        self._blank = Blank.NONE if self._blank is Blank.BLACK else Blank.BLACK

    def toggle_white(self) -> None:
        self._blank = Blank.NONE if self._blank is Blank.WHITE else Blank.WHITE

    def _unblank(self) -> bool:
        if self._blank is Blank.NONE:
            return False
        self._blank = Blank.NONE
        return True

    # -- time ----------------------------------------------------------------------------------
    def elapsed(self) -> float:
        """Seconds since the show started (or since `restart_clock`)."""
        return max(0.0, self._clock() - self._started)

    def restart_clock(self) -> None:
        self._started = self._clock()


def format_elapsed(seconds: float) -> str:
    """`12:05`, or `1:02:05` from an hour on."""
    whole = int(max(0.0, seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
