"""What an Excel sheet needs to print right in any office suite: row heights, number formats, page numbers,
and the Decree 30 header on a sheet that is a paper. openpyxl sheets in, nothing returned.

Found by converting the demo's workbooks with LibreOffice (``tests/office/convert.py``): neither Excel nor
LibreOffice fits a row to wrapped text on opening a file that does not say its heights (merged rows never),
so wrapped rows printed over the next ones; money printed "2340000"; no page said its number.
"""

from __future__ import annotations

import math

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from app.documents import layout as L
from app.documents.model import Header, TitleBlock

PAGE_FOOTER = "Trang &P/&N"  # Excel's codes: this page, of all pages
MONEY_FORMAT = "#,##0"  # thousands grouped: "2.340.000" in a Vietnamese Excel, "2,340,000" in an English one
DECIMAL_FORMAT = "0.0#"  # points and scores: "9,8", "0,25" in a Vietnamese Excel; stored as numbers
GROUPED_FROM = 10_000  # whole numbers from here are amounts (money, people); below: STT, counts, years

# An Excel width unit is the width of "0" in the default font (Calibri 11: about 5.25 pt). Vietnamese text
# in Times New Roman averages about 0.4 of its size per character (measured on the demo converted by
# LibreOffice); wrapping at spaces wastes a little more.
_UNIT_PT = 5.25
_CHAR_EM = 0.4
_CAPS_EM = 0.62  # capitals ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") are half as wide again
_BOLD_FACTOR = 1.08
_WRAP_SLACK = 0.95
_LINE_FACTOR = 1.25  # a line's height over the font size (Times in Excel and Calc)
_ROW_PADDING_PT = 3.0
_DEFAULT_WIDTH = 8.43  # Excel's width of a column nobody sized


def number_format(value) -> str | None:
    """The format a number cell prints with: grouped thousands for amounts, one or two decimals for points."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        return DECIMAL_FORMAT if not value.is_integer() or abs(value) < GROUPED_FROM else MONEY_FORMAT
    if isinstance(value, int) and abs(value) >= GROUPED_FROM:
        return MONEY_FORMAT
    return None


def footer_page_numbers(sheet) -> None:
    """"Trang 1/3" centred at the foot of every printed page."""
    sheet.oddFooter.center.text = PAGE_FOOTER
    sheet.oddFooter.center.size = 11
    sheet.oddFooter.center.font = L.FONT_FAMILY


def _widths(sheet) -> dict[int, float]:
    """Each used column's width in Excel units."""
    return {index: sheet.column_dimensions[get_column_letter(index)].width or _DEFAULT_WIDTH
            for index in range(1, sheet.max_column + 1)}


def _merged_widths(sheet, widths: dict[int, float]) -> dict[tuple[int, int], float]:
    """The width of each merged range, keyed by its top-left cell; the other cells of a range are empty."""
    return {(rng.min_row, rng.min_col): sum(widths.get(c, _DEFAULT_WIDTH) for c in range(rng.min_col, rng.max_col + 1))
            for rng in sheet.merged_cells.ranges}


def _em(piece: str, bold: bool) -> float:
    letters = [char for char in piece if char.isalpha()]
    caps = len(letters) > 3 and sum(char.isupper() for char in letters) > 0.6 * len(letters)
    return (_CAPS_EM if caps else _CHAR_EM) * (_BOLD_FACTOR if bold else 1.0)


def text_lines(text: str, width_units: float, size: float, bold: bool = False) -> int:
    """How many lines ``text`` wraps to in a column ``width_units`` wide at ``size`` points (an estimate that
    errs tall: a row a little too high prints; a row too low prints over the next one)."""
    lines = 0
    for piece in text.split("\n"):
        per_line = max(1, int(width_units * _UNIT_PT * _WRAP_SLACK / (size * _em(piece, bold))))
        lines += max(1, math.ceil(len(piece) / per_line))
    return lines


def fit_row_heights(sheet, first_row: int = 1) -> None:
    """Set each row's height to its tallest cell's wrapped text, from ``first_row`` down."""
    widths = _widths(sheet)
    merged = _merged_widths(sheet, widths)
    for row in sheet.iter_rows(min_row=first_row):
        height = 0.0
        for cell in row:
            if cell.value is None or not hasattr(cell, "column"):
                continue
            size = float(cell.font.sz or 11) if cell.font else 11.0
            width = merged.get((cell.row, cell.column), widths.get(cell.column, _DEFAULT_WIDTH))
            bold = bool(cell.font and cell.font.b)
            lines = text_lines(cell.value, width, size, bold) if isinstance(cell.value, str) else 1
            height = max(height, lines * size * _LINE_FACTOR + _ROW_PADDING_PT)
        if height:
            sheet.row_dimensions[row[0].row].height = round(height, 1)


def _merged_text(sheet, row: int, first: int, last: int, text: str, font: Font) -> None:
    cell = sheet.cell(row=row, column=first, value=text)
    cell.data_type = "s"
    cell.font = font
    cell.alignment = Alignment(horizontal="center", vertical="top", wrap_text=True)
    if last > first:
        sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)


def write_paper_header(sheet, header: Header, title: TitleBlock | None, shares: tuple[float, ...]) -> int:
    """Decree 30 ô 1–4 in the first rows (the issuing body left, the national title and motto right, the number
    and the place and date under them), then the title; returns the next free row."""
    count = len(shares)
    # The columns nearest 2/5 of the width take the issuing body, as on paper; when no split leaves each side
    # a quarter (a narrow last column), the two halves go on rows of their own across the sheet.
    split = min(range(1, count), key=lambda k: abs(sum(shares[:k]) - 0.4))
    side_by_side = min(sum(shares[:split]), sum(shares[split:])) >= 0.25
    bold, plain = Font(name=L.FONT_FAMILY, size=12, bold=True), Font(name=L.FONT_FAMILY, size=12)
    italic = Font(name=L.FONT_FAMILY, size=12, italic=True)
    national = f"{header.national_title}\n{header.motto}"
    if side_by_side:
        _merged_text(sheet, 1, 1, split, header.issuing_body, bold)
        _merged_text(sheet, 1, split + 1, count, national, bold)
        _merged_text(sheet, 2, 1, split, header.number_line, plain)
        _merged_text(sheet, 2, split + 1, count, header.place_date, italic)
        row = 3
    else:
        for row, (text, font) in enumerate(((header.issuing_body, bold), (header.number_line, plain),
                                            (national, bold), (header.place_date, italic)), start=1):
            _merged_text(sheet, row, 1, count, text, font)
        row = 5
    if title is not None:
        text = "\n".join((title.doc_type, *title.summary))
        _merged_text(sheet, row, 1, count, text, Font(name=L.FONT_FAMILY, size=13, bold=True))
        row += 1
    return row
