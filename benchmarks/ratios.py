"""The one line format every benchmark prints its ratios in, so that `benchmarks/run-all` can gather them.

A benchmark calls `ratio(...)` for each figure it measured against a baseline in the same run; that prints a
line for people and a tab-separated `@ratio` line for `run-all`.
"""

from __future__ import annotations

import sys

MARK = "@ratio"


def ratio(name: str, value: float, baseline: float, unit: str, aim: float | None = None, *,
          baseline_name: str = "baseline") -> float:
    """Print `name`: value against baseline (both in `unit`), their ratio and the aim (a ratio), and return it."""
    result = value / baseline if baseline else float("inf")
    aim_text = f" (aim ≤ {aim:g}×{': met' if result <= aim else ': not met'})" if aim is not None else ""
    print(f"{name}: {value:.2f} {unit} vs {baseline_name} {baseline:.2f} {unit} → {result:.2f}×{aim_text}")
    print("\t".join([MARK, name, f"{value:.4g}", f"{baseline:.4g}", unit, f"{result:.3f}",
                     "" if aim is None else f"{aim:g}"]))
    sys.stdout.flush()
    return result
