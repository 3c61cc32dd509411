"""The reliability benchmark's small variant (benchmarks/reliability.py): real processes, bounded time.

Two writer processes on one database must never fail a call (BEGIN IMMEDIATE + the busy timeout);
SIGKILLed sessions must lose nothing they reported saved; a full disk must arrive as the typed
SaveFailed sentence and nothing saved before it may be lost.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "reliability.py"


@pytest.fixture(scope="module")
def reliability() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reliability_benchmark", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_two_writer_processes_never_fail_a_call(reliability: ModuleType) -> None:
    result = reliability.run_writers(3.0)
    assert result.calls > 10
    assert (result.failed, result.errors) == (0, {})


def test_killed_sessions_lose_nothing_reported_saved(reliability: ModuleType) -> None:
    result = reliability.run_kills(5, min_delay=0.2, max_delay=0.8, during_start=0.0)
    assert result.journaled > 0
    assert (result.lost, result.lost_examples) == (0, [])
    assert result.restarts_with_notice == 0


def test_a_full_disk_arrives_as_the_typed_sentence_and_loses_nothing(reliability: ModuleType) -> None:
    result = reliability.run_full_disk(allow_mount=False)  # the injected SQLITE_FULL: the same on every machine
    assert result.saved_before_full > 0
    assert (result.failure, result.typed) == ("SaveFailedDiskFull", True)
    assert result.saves_again
    assert result.lost == 0
