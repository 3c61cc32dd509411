"""Slide show navigation over slides with several pages, blanking, and the elapsed-time clock."""

from __future__ import annotations

import pytest

from etrainer.core.classroom.slide_show import Blank, Position, SlideShow, format_elapsed


class Ticks:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_next_and_previous_walk_through_every_page() -> None:
    show = SlideShow([1, 3, 1])
    seen = [show.position]
    while show.next():
        seen.append(show.position)
    assert seen == [Position(0, 0), Position(1, 0), Position(1, 1), Position(1, 2), Position(2, 0)]
    assert show.at_end and show.following() is None
    back = []
    while show.previous():
        back.append(show.position)
    assert back == list(reversed(seen[:-1]))
    assert show.at_start and not show.previous()


def test_first_last_and_go_to() -> None:
    show = SlideShow([2, 2, 4])
    assert show.last() and show.position == Position(2, 3)
    assert show.first() and show.position == Position(0, 0)
    assert not show.first()
    assert show.go_to(1, 9) and show.position == Position(1, 1)
    assert show.following() == Position(2, 0)


def test_blanking_toggles_and_the_next_key_only_brings_the_slide_back() -> None:
    show = SlideShow([1, 1])
    show.toggle_black()
    assert show.blank is Blank.BLACK
    show.toggle_white()
    assert show.blank is Blank.WHITE
    show.toggle_white()
    assert show.blank is Blank.NONE
    show.toggle_black()
    assert show.next() and show.blank is Blank.NONE and show.position == Position(0, 0)
    assert show.next() and show.position == Position(1, 0)
    show.toggle_white()
    assert show.previous() and show.position == Position(1, 0) and show.blank is Blank.NONE


def test_new_page_counts_keep_the_slide() -> None:
    show = SlideShow([1, 4])
    show.go_to(1, 3)
    show.set_page_counts([2, 2])
    assert show.position == Position(1, 1) and show.page_count(0) == 2
    with pytest.raises(ValueError):
        show.set_page_counts([1])


def test_at_least_one_slide_and_one_page() -> None:
    with pytest.raises(ValueError):
        SlideShow([])
    show = SlideShow([0])
    assert show.page_count(0) == 1 and show.at_end


def test_elapsed_time_follows_the_injected_clock() -> None:
    clock = Ticks()
    show = SlideShow([1], clock)
    clock.now += 75.4
    assert show.elapsed() == pytest.approx(75.4)
    show.restart_clock()
    clock.now += 3
    assert show.elapsed() == pytest.approx(3)


@pytest.mark.parametrize(("seconds", "text"), [(0, "00:00"), (59.9, "00:59"), (61, "01:01"), (3725, "1:02:05"),
                                              (-4, "00:00")])
def test_format_elapsed(seconds: float, text: str) -> None:
    assert format_elapsed(seconds) == text
