"""Exported tables are data, never formulas (OWASP's CSV-injection advice), in one place for every export.

A spreadsheet runs a CSV cell that begins with `=`, `+`, `-`, `@`, TAB or CR as a formula (or a DDE
command), and openpyxl stores any string that begins with `=` as a live formula. Names, branches,
positions and course texts come from learners and course authors, so:
- CSV: `csv_cell` puts a leading apostrophe before such text (Excel shows the text as typed);
- XLSX: `make_inert` turns every formula cell back into a string cell before the workbook is saved.
Numbers are left alone: a negative number in a numeric column stays a number.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from openpyxl import Workbook

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """`value`, with a leading apostrophe when it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_row(values: Iterable[Any]) -> list[Any]:
    return [csv_cell(value) for value in values]


def make_inert(workbook: Workbook) -> Workbook:
    """Every cell openpyxl took for a formula becomes a plain string cell (the text is kept as is)."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    return workbook
