"""Fuzzing the course cache (course_cache.py): real cache files with bytes flipped, inserted, deleted or cut off.

Property: whatever the cache file holds, the course loads (from the cache or rebuilt from the pack), nothing
is raised."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.fuzz.mutations import DATA, FUZZ

from etrainer.core.course.model import Course
from etrainer.course_cache import CACHE_FOLDER, load_pack_cached

GOOD = DATA / "packs" / "good"
OPCODES = b"\x80\x8e\x8d\x95\x8c\x93\x94\x85\x86\x87Rb(ectu}]q.hjgKJMNQ\xff\x7f\x00"
"""Pickle opcodes and the bytes around length fields: the edits that reach the unpickler's corners."""


def _pack_with_extras(folder: Path) -> Path:
    pack = folder / "pack"
    shutil.copytree(GOOD, pack)
    shutil.copy(DATA / "ui" / "basics.quiz.yaml", pack / "01-basics")
    (pack / "01-basics" / "images").mkdir(exist_ok=True)
    shutil.copy(DATA / "quiz" / "images" / "diia-form.png", pack / "01-basics" / "images")
    return pack


def _seeds() -> dict[str, bytes]:
    with tempfile.TemporaryDirectory() as folder:
        pack = _pack_with_extras(Path(folder))
        load_pack_cached(pack, Path(folder) / "data")
        return {p.name.split("-")[0]: p.read_bytes() for p in (Path(folder) / "data" / CACHE_FOLDER).iterdir()}


SEEDS = _seeds()
NOISE = """A huge length in a BYTEARRAY8 opcode makes CPython 3.11's unpickler fail to allocate the bytearray; the
half-made object is freed with an uninitialised export count, which prints "SystemError: deallocated bytearray
object has exported buffers" through sys.excepthook. The load itself raises MemoryError, which the cache ignores;
the print is noise, not an exception reaching eTrainer, so pytest-qt is told not to count it."""
pytestmark = pytest.mark.qt_no_exception_capture


@st.composite
def mutated_bytes(draw: st.DrawFn) -> tuple[str, bytes]:
    part = draw(st.sampled_from(sorted(SEEDS)))
    raw = bytearray(SEEDS[part])
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(raw)))
        edit = draw(st.sampled_from(["flip", "set", "insert", "delete", "truncate", "repeat"]))
        if edit == "truncate":
            del raw[at:]
        elif not raw or at == len(raw):
            raw += draw(st.binary(min_size=1, max_size=8))
        elif edit == "flip":
            raw[at] ^= 1 << draw(st.integers(0, 7))
        elif edit == "set":
            raw[at] = draw(st.sampled_from(OPCODES))
        elif edit == "insert":
            raw[at:at] = draw(st.one_of(st.binary(min_size=1, max_size=9),
                                        st.sampled_from([bytes([b]) for b in OPCODES])))
        elif edit == "delete":
            del raw[at:at + draw(st.integers(1, 9))]
        else:
            raw[at:at] = raw[at:at + draw(st.integers(1, 40))] * draw(st.integers(1, 3))
    return part, bytes(raw)


def _check(part: str, raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        pack = _pack_with_extras(Path(folder))
        data = Path(folder) / "data"
        load_pack_cached(pack, data)
        for cached in (data / CACHE_FOLDER).glob(f"{part}-*.pickle"):
            cached.write_bytes(raw)
        for extras in (False, True):
            result = load_pack_cached(pack, data, extras=extras)
            assert isinstance(result.course, Course)
            assert [m.id for m in result.course.modules]


@FUZZ
@given(mutated_bytes())
def test_a_mutated_cache_file_never_stops_the_course_from_loading(mutation):
    _check(*mutation)


@FUZZ
@given(part=st.sampled_from(sorted(SEEDS)), raw=st.binary(max_size=300))
def test_random_bytes_in_the_cache_are_ignored(part, raw):
    _check(part, raw)
