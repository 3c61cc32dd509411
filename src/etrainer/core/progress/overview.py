"""Everything the methodist's dashboard shows for one filter, as one value: the matrix, the competencies,
the question statistics and the walkthrough hot spots. The workspace service computes it; the report
writers (exchange) and the window (ui) only read it."""

from __future__ import annotations

from dataclasses import dataclass

from etrainer.core.progress.dashboard import DashboardFilter, ModuleMatrix, TagResult
from etrainer.core.progress.item_analysis import ItemStat, ScenarioHotspots


@dataclass(frozen=True, slots=True)
class Dashboard:
    """Every dashboard view for one filter, computed from one load of the workspace."""

    filters: DashboardFilter
    matrix: ModuleMatrix
    competencies: tuple[TagResult, ...]
    items: tuple[ItemStat, ...]
    hotspots: tuple[ScenarioHotspots, ...]
    branches: tuple[str, ...]
    positions: tuple[str, ...]
