"""Excel renderer (openpyxl): the tables of a document, one sheet each, ready to print on A4 landscape.

Contract: ``render_xlsx(source, path)`` writes atomically (see ``atomic.py``).
No cell ever becomes a live formula from user text: every text is stored as a
string cell (data type "s"), whatever it starts with; numbers stay numbers.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from copy import copy
from functools import lru_cache

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from app.documents import layout as L
from app.documents.atomic import atomic_path
from app.documents.model import Align, Document, GroupRow, Header, Orientation, Table, TitleBlock
from app.documents.xlsx_print import fit_row_heights, footer_page_numbers, number_format, write_paper_header
from app.documents.zip_dates import clamp_openpyxl

clamp_openpyxl()  # a workbook written on a 1970 clock must not raise (see zip_dates)

# Total width of the columns in Excel character units: about what fits across A4 landscape at 12 pt.
_SHEET_WIDTH_CHARS = 150.0
_FONT = L.FONT_FAMILY
_THIN = Side(style="thin", color="000000")
_GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


@lru_cache(maxsize=None)
def _font(size: float, bold: bool) -> Font:
    """Shared style objects: openpyxl hashes each one per cell, so one per look is much faster."""
    return Font(name=_FONT, size=size, bold=bold)


@lru_cache(maxsize=None)
def _alignment(horizontal: str) -> Alignment:
    return Alignment(horizontal=horizontal, vertical="top", wrap_text=True)
_H_ALIGN = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right", Align.JUSTIFY: "justify"}
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


def render_xlsx(source: Document | Table | Iterable[Table], path: str | os.PathLike[str]) -> None:
    """Write the tables of ``source`` (a document, one table or several) to ``path``, one sheet per table."""
    tables = _tables(source)
    if not tables:
        raise ValueError("nothing to write: the document has no table")
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for index, table in enumerate(tables, start=1):
        sheet = workbook.create_sheet(_sheet_name(table.title or f"Bảng {index}", used))
        header_row = _fill(sheet, table, _paper_header(sheet, source, table))
        fit_row_heights(sheet)
        print_setup(sheet, header_row=header_row)
    if isinstance(source, Document):
        workbook.properties.title = source.title
        workbook.properties.creator = source.author or "CCHC Xã"
    with atomic_path(path) as temp:
        workbook.save(str(temp))


def _paper_header(sheet, source, table: Table) -> int:
    """The Decree 30 header and title above the table when the document's sheets are papers; the next row."""
    if not (isinstance(source, Document) and source.paper_sheets and len(table.columns) > 1):
        return 1
    header = source.first(Header)
    if header is None:
        return 1
    return write_paper_header(sheet, header, source.first(TitleBlock), table.relative_widths())


def _tables(source: Document | Table | Iterable[Table]) -> list[Table]:
    if isinstance(source, Document):
        return list(source.tables())
    if isinstance(source, Table):
        return [source]
    return list(source)


def _sheet_name(title: str, used: set[str]) -> str:
    """A legal, unique sheet name: no []:*?/\\, at most 31 characters."""
    base = _SHEET_NAME_BAD.sub("-", title).strip("'") [:31] or "Bảng"
    name, number = base, 2
    while name.lower() in used:
        suffix = f" ({number})"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(name.lower())
    return name


def put_cell(sheet, row: int, column: int, value):
    """Write one value: text always as a string cell (never a formula), numbers as numbers."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        # openpyxl cannot store control characters; tab, LF and CR are legal and kept.
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"  # "=…" would otherwise be written as a formula
    else:
        cell.value = value
    return cell


def _fill(sheet, table: Table, row: int = 1) -> int:
    """From ``row``: optional title row, a bold header row, then the rows; group rows merged across all
    columns. Returns the header row (what repeats on every printed page)."""
    count = len(table.columns)
    if table.title:
        title = put_cell(sheet, row, 1, table.title)
        title.font = Font(name=_FONT, size=table.size + 1, bold=True)
        title.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=count)
        row += 1
    for column_index, column in enumerate(table.columns, start=1):
        cell = put_cell(sheet, row, column_index, column.title)
        cell.font = Font(name=_FONT, size=table.size, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _GRID
    sheet.freeze_panes = sheet.cell(row=row + 1, column=1)
    header_row = row
    for source in table.rows:
        row += 1
        if isinstance(source, GroupRow):
            _group_row(sheet, row, source, table)
        else:
            _data_row(sheet, row, source.cells, table, bold=source.bold)
    _set_widths(sheet, table)
    return header_row


def _group_row(sheet, row: int, source: GroupRow, table: Table) -> None:
    cell = put_cell(sheet, row, 1, source.text)
    cell.font = Font(name=_FONT, size=table.size, bold=True)
    cell.alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
    for column in range(1, len(table.columns) + 1):
        sheet.cell(row=row, column=column).border = _GRID
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(table.columns))


def _data_row(sheet, row: int, values, table: Table, *, bold: bool) -> None:
    for column_index, (value, column) in enumerate(zip(values, table.columns), start=1):
        cell = put_cell(sheet, row, column_index, value)
        _styled(cell, _font(table.size, bold), _alignment(_H_ALIGN[column.align]))
        if (shown := number_format(value)) is not None:
            cell.number_format = shown


def _styled(cell, font: Font, alignment: Alignment) -> None:
    """Give ``cell`` a gridded look: the first cell of each look registers it, the others copy its indexes.

    Assigning ``cell.font`` hashes the style object against the workbook's list on every cell (about
    40 µs); a table of a few thousand cells spent most of its time there.
    """
    known = sheet_styles(cell.parent)
    key = (id(font), id(alignment))  # the cached objects above live as long as the process
    if key in known:
        cell._style = copy(known[key])
        return
    cell.font, cell.alignment, cell.border = font, alignment, _GRID
    known[key] = copy(cell._style)


def sheet_styles(sheet) -> dict:
    """The looks already registered with the sheet's workbook (style indexes belong to one workbook)."""
    workbook = sheet.parent
    if not hasattr(workbook, "_cchc_styles"):
        workbook._cchc_styles = {}
    return workbook._cchc_styles


def _set_widths(sheet, table: Table) -> None:
    for index, share in enumerate(table.relative_widths(), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = round(share * _SHEET_WIDTH_CHARS, 1)


def print_setup(sheet, header_row: int) -> None:
    """A4 landscape, fit to one page wide, the header row repeated on every printed page, "Trang 1/3" below."""
    sheet.page_setup.orientation = Orientation.LANDSCAPE.value
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{header_row}:{header_row}"
    footer_page_numbers(sheet)
    inch = 25.4
    sheet.page_margins.left = L.MARGIN_RIGHT_MM / inch  # landscape tables: 15 mm each side
    sheet.page_margins.right = L.MARGIN_RIGHT_MM / inch
    sheet.page_margins.top = L.MARGIN_TOP_MM / inch
    sheet.page_margins.bottom = L.MARGIN_BOTTOM_MM / inch
