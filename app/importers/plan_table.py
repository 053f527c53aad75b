"""A plan's appendix table of tasks: STT | Nội dung nhiệm vụ | Chủ trì | Phối hợp | Sản phẩm | Thời gian.

The header row (or two rows: a group cell over "Chủ trì | Phối hợp") is recognised by
its words, with the vocabulary text labels use; a row whose STT is a roman numeral, or a
whole number over rows "1.1", "1.2", or whose one text spans the row, is an area. Tables
from Word and tables pasted as text are read by the same rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from app.domain.text import clean_line
from app.importers.plan_fields import add_detail, set_field
from app.importers.plan_lines import COORDINATORS, LEAD, PRODUCT, TIMEFRAME, heading_text
from app.importers.plan_model import ImportedTask
from app.importers.plan_tasks import Area
from app.importers.plan_vocabulary import label_field

STT, TITLE, NOTE = "stt", "title", "note"
EXTRA = "extra:"  # a column that names no field, kept in the task's detail under its header
_ROMAN_STT = re.compile(r"^(?:[IVX]{1,5}|[A-Z])\s*[.)]?$")
_ROMAN_PREFIX = re.compile(r"^[IVX]{1,5}\s*[.)]\s*")
_COLUMN_NUMBERS = re.compile(r"^\(?\d{1,2}\)?$")
_WHOLE_NUMBER = re.compile(r"^(\d{1,2})\s*[.)]?$")
_SUB_NUMBER = re.compile(r"^(\d{1,2})\.\d{1,2}")
_RULE = re.compile(r"^:?-{3,}:?$")
_FIELDS = (LEAD, COORDINATORS, PRODUCT, TIMEFRAME)
Row = tuple[list[str], list[str]]  # every grid cell's text (a merged cell repeats), the distinct cells' texts


def column_of(header: str) -> str | None:
    """Which field a header cell names, by the vocabulary text labels use too; None if none."""
    return label_field(header, table=True)


def header_columns(cells: list[str]) -> dict[str, int] | None:
    """Column positions if ``cells`` is a task table's header row (a content column and a lead, product or time one)."""
    columns: dict[str, int] = {}
    for index, text in enumerate(cells):
        name = column_of(text)
        if name and name not in columns:
            columns[name] = index
    if TITLE in columns and ({LEAD, TIMEFRAME, PRODUCT} & columns.keys()):
        return columns
    return None


def header_continuation(header: list[str], cells: list[str]) -> dict[str, int] | None:
    """The columns a second header row names under a group cell ("Đơn vị thực hiện" over "Chủ trì | Phối hợp").

    Every cell that differs from the one above must name a field; a merged cell repeats the one above.
    """
    names: dict[str, int] = {}
    for index, text in enumerate(cells):
        above = header[index] if index < len(header) else ""
        if not text or text == above:
            continue
        name = column_of(text)
        if name is None:
            return None
        names.setdefault(name, index)
    return names or None


def find_header(rows: list[Row]) -> tuple[int, dict[str, int]] | None:
    """(index of the first task row, columns) if one of the first three rows is a task table's header."""
    for index, (cells, _distinct) in enumerate(rows[:3]):
        columns = header_columns(cells)
        if not columns:
            continue
        below = header_continuation(cells, rows[index + 1][0]) if index + 1 < len(rows) else None
        if below:
            columns, index = {**columns, **below}, index + 1
        return index + 1, {**columns, **_other_columns(rows[index][0], columns)}
    return None


def _other_columns(header: list[str], columns: dict[str, int]) -> dict[str, int]:
    """Columns that name no field ("Kinh phí"), keyed ``EXTRA + header``: kept in the task's detail."""
    used, others = set(columns.values()), {}
    for index, text in enumerate(header):
        text = " ".join(text.split())
        if index not in used and text and not _COLUMN_NUMBERS.match(text):
            others.setdefault(EXTRA + text, index)
    return others


def unknown_columns(columns: dict[str, int]) -> list[str]:
    """Header texts of the columns that name no field (their cells go into the task's detail)."""
    return [name[len(EXTRA):] for name in columns if name.startswith(EXTRA)]


def column_warning(place: str, text: str) -> str:
    """What the clerk reads about a column that names no field."""
    return (f"{place}: cột “{text}” không rõ ghi trường nào (chủ trì, phối hợp, sản phẩm, thời gian) nên đã "
            "đưa vào phần chi tiết của từng nhiệm vụ; hãy kiểm tra lại, hoặc đổi tên cột rồi nhập lại.")


def area_numbers(rows: list[Row], columns: dict[str, int]) -> set[str]:
    """The numbers that head sub-numbered rows ("1" when there are rows "1.1", "1.2")."""
    numbers = set()
    for cells, _distinct in rows:
        found = _SUB_NUMBER.match(_cell(cells, columns, STT))
        if found:
            numbers.add(found[1])
    return numbers


def row_area(cells: list[str], distinct: list[str], columns: dict[str, int], parents: frozenset = frozenset(),
             numbered: bool = False) -> str | None:
    """The area a row opens, else None.

    An area row has a roman STT, or a whole-number STT over rows numbered "1.1", "1.2", or one text
    spanning the row (merged across the field columns, or the only text and in capitals), or, in a
    table whose tasks are ``numbered``, a content cell alone without a number.
    """
    filled = [text for text in distinct if text]
    stt = _cell(cells, columns, STT)
    title = _cell(cells, columns, TITLE)
    whole = _WHOLE_NUMBER.match(stt)
    if stt and (_ROMAN_STT.match(stt) or (whole and whole[1] in parents)):
        name = title or next((t for t in filled if t != stt), "")
        return heading_text(name) or None
    fields = [_cell(cells, columns, name) for name in _FIELDS if name in columns]
    merged_across = bool(title) and bool(fields) and all(value == title for value in fields)
    spans = len(set(cells)) == 1
    upper_title_only = not stt and filled == [title] and (filled[0].isupper() or numbered)
    if merged_across or (len(filled) == 1 and (spans or upper_title_only)):
        return heading_text(_ROMAN_PREFIX.sub("", title or filled[0])) or None
    return None


def read_task_rows(rows: list[Row], columns: dict[str, int], place: Callable[[int], int],
                   areas: list[Area], tasks: list[ImportedTask], fallback: str) -> None:
    """Add the areas and tasks of a table's rows (after its header) to ``areas`` and ``tasks``.

    ``place(i)`` numbers the i-th row (from 1) for warnings; a task before any area row goes to the
    last area read so far, else to a ``fallback`` area.
    """
    parents = frozenset(area_numbers(rows, columns))
    numbered = sum(1 for cells, _distinct in rows if _cell(cells, columns, STT)) > len(rows) // 2
    for index, (cells, distinct) in enumerate(rows, start=1):
        line = place(index)
        if is_column_numbers(cells) or is_rule(cells):
            continue
        name = row_area(cells, distinct, columns, parents, numbered)
        if name:
            areas.append(Area(name, line))
            continue
        if not areas:
            areas.append(Area(fallback, line))
        task = row_task(cells, columns, areas[-1].name, line)
        if task is not None:
            task.source = " | ".join(" ".join(text.split()) for text in distinct)
            tasks.append(task)


def is_rule(cells: list[str]) -> bool:
    """Whether a row of pasted text only draws the line under a header ("|---|:---:|")."""
    filled = [text for text in cells if text]
    return bool(filled) and all(_RULE.match(text) for text in filled)


def is_column_numbers(cells: list[str]) -> bool:
    """Whether a row only numbers the columns ("(1) (2) (3)") under the header."""
    filled = [text for text in cells if text]
    return bool(filled) and all(_COLUMN_NUMBERS.match(text) for text in filled)


def row_task(cells: list[str], columns: dict[str, int], area: str, line: int) -> ImportedTask | None:
    """The task a row describes, or None if its content cell is empty."""
    paragraphs = [p for p in _cell(cells, columns, TITLE, keep_lines=True).split("\n") if p.strip()]
    if not paragraphs:
        return None
    task = ImportedTask(area=area, title=clean_line(paragraphs[0]), line=line)
    for extra in paragraphs[1:]:
        add_detail(task, extra)
    for name in (LEAD, COORDINATORS, PRODUCT, TIMEFRAME):
        text = _cell(cells, columns, name, keep_lines=True)
        if name == COORDINATORS:  # units one per line in a cell are separate units
            text = "; ".join(part for part in text.split("\n") if part.strip())
        value = " ".join(text.split())
        if value:
            set_field(task, name, value)
    if _cell(cells, columns, NOTE):
        add_detail(task, "Ghi chú: " + _cell(cells, columns, NOTE))
    for name in columns:
        if name.startswith(EXTRA) and _cell(cells, columns, name):
            add_detail(task, f"{name[len(EXTRA):]}: {_cell(cells, columns, name)}")
    return task


def _cell(cells: list[str], columns: dict[str, int], name: str, keep_lines: bool = False) -> str:
    index = columns.get(name)
    if index is None or index >= len(cells):
        return ""
    text = cells[index]
    return text.strip() if keep_lines else clean_line(text)
