"""A table pasted as text: one row per line, cells separated by tabs (copied from Word or a web page) or "|".

Rows are handed to the same table reader as a Word table's (``plan_table``), so a
pasted table is read by the same header words and area rules.
"""

from __future__ import annotations

from app.importers.plan_table import Row

MIN_CELLS = 3


def table_cells(raw: str) -> list[str] | None:
    """The cells of a line that is a table row ("a<TAB>b<TAB>c" or "| a | b | c |"), else None."""
    if raw.count("\t") >= MIN_CELLS - 1:
        return [" ".join(cell.split()) for cell in raw.rstrip("\r").split("\t")]
    stripped = raw.strip()
    if stripped.count("|") >= MIN_CELLS - 1 and (stripped.startswith("|") or stripped.count("|") >= MIN_CELLS):
        if stripped.startswith("|"):
            stripped = stripped[1:]
        if stripped.endswith("|"):
            stripped = stripped[:-1]
        return [" ".join(cell.split()) for cell in stripped.split("|")]
    return None


def pasted_tables(raw_lines: list[str]) -> list[tuple[int, list[Row]]]:
    """(index of the first line, rows) of each run of consecutive table-row lines."""
    runs: list[tuple[int, list[Row]]] = []
    current: list[Row] = []
    for index, raw in enumerate(raw_lines):
        cells = table_cells(raw)
        if cells is None:
            if current:
                runs.append((index - len(current), current))
            current = []
        else:
            current.append((cells, cells))
    if current:
        runs.append((len(raw_lines) - len(current), current))
    return runs
