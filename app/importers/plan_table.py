"""A plan's appendix table of tasks: STT | Nội dung nhiệm vụ | Chủ trì | Phối hợp | Sản phẩm | Thời gian.

The header row is recognised by its words (folded), the columns by theirs; a row
whose STT is a roman numeral, or whose one text spans the row, is an area.
"""

from __future__ import annotations

import re

from app.domain.text import clean_line
from app.domain.vietnamese import fold
from app.importers.plan_fields import add_detail, set_field
from app.importers.plan_lines import COORDINATORS, LEAD, PRODUCT, TIMEFRAME, heading_text
from app.importers.plan_model import ImportedTask

STT, TITLE, NOTE = "stt", "title", "note"
_COLUMN_WORDS = (
    (STT, ("stt", "tt", "so tt", "so thu tu")),
    (COORDINATORS, ("phoi hop", "co quan phoi hop", "don vi phoi hop")),
    (LEAD, ("chu tri", "don vi thuc hien", "co quan thuc hien", "bo phan thuc hien", "nguoi thuc hien",
            "don vi chu tri", "co quan chu tri", "trach nhiem")),
    (PRODUCT, ("san pham", "ket qua")),
    (TIMEFRAME, ("thoi gian", "thoi han", "tien do")),
    (TITLE, ("noi dung", "nhiem vu", "ten nhiem vu", "cong viec")),
    (NOTE, ("ghi chu",)),
)
_ROMAN_STT = re.compile(r"^(?:[IVX]{1,5}|[A-Z])\s*[.)]?$")
_ROMAN_PREFIX = re.compile(r"^[IVX]{1,5}\s*[.)]\s*")
_COLUMN_NUMBERS = re.compile(r"^\(?\d{1,2}\)?$")


def column_of(header: str) -> str | None:
    """Which field a header cell names, by its folded words; None if none."""
    folded = " ".join(re.sub(r"[^\w\s]", " ", fold(header)).split())
    if folded in _COLUMN_WORDS[0][1]:
        return STT
    for name, words in _COLUMN_WORDS[1:]:
        if any(folded.startswith(word) or f" {word}" in f" {folded}" for word in words):
            return name
    return None


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


def row_area(cells: list[str], distinct: list[str], columns: dict[str, int]) -> str | None:
    """The area a row opens (roman STT, or one text spanning the row), else None."""
    filled = [text for text in distinct if text]
    stt = _cell(cells, columns, STT)
    if stt and _ROMAN_STT.match(stt):
        name = _cell(cells, columns, TITLE) or next((t for t in filled if t != stt), "")
        return heading_text(name) or None
    spans = len(set(cells)) == 1
    upper_title_only = not stt and filled == [_cell(cells, columns, TITLE)] and filled[0].isupper()
    if len(filled) == 1 and (spans or upper_title_only):
        return heading_text(_ROMAN_PREFIX.sub("", filled[0])) or None
    return None


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
        value = " ".join(_cell(cells, columns, name).split())
        if value:
            set_field(task, name, value)
    if _cell(cells, columns, NOTE):
        add_detail(task, "Ghi chú: " + _cell(cells, columns, NOTE))
    return task


def _cell(cells: list[str], columns: dict[str, int], name: str, keep_lines: bool = False) -> str:
    index = columns.get(name)
    if index is None or index >= len(cells):
        return ""
    text = cells[index]
    return text.strip() if keep_lines else clean_line(text)
