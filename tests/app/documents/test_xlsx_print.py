"""Workbooks that print right in an office suite, read back with openpyxl: numbers stored as numbers with their
formats, rows as tall as their wrapped text, page numbers in the footer, the header on a sheet that is a paper."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from app.documents.model import Column, Document, Header, Row, Table, TitleBlock
from app.documents.render_xlsx import render_xlsx
from app.documents.xlsx_print import DECIMAL_FORMAT, MONEY_FORMAT, text_lines

LONG = "Tham mưu UBND xã kịp thời thể chế hóa và tổ chức triển khai thực hiện theo thẩm quyền " * 3
COLUMNS = (Column("STT", 0.5), Column("Họ và tên", 3.0), Column("Điểm", 0.8), Column("Số tiền (đồng)", 1.2))
TABLE = Table(COLUMNS, (Row((1, "Lê Thị Mai", 9.8, 2_340_000)), Row((2, LONG, 8.25, 702_000))), title="Danh sách")
HEADER = Header("ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH XUÂN", "", "Hòa Bình Xuân, ngày 20 tháng 12 năm 2024")


@pytest.fixture
def sheet(tmp_path):
    """The table written alone (a data list) and read back."""
    render_xlsx(TABLE, tmp_path / "ds.xlsx")
    return load_workbook(tmp_path / "ds.xlsx").active


def test_money_is_a_number_with_thousands_grouped(sheet):
    """2 340 000 is stored as a number and printed with "#,##0", not as "2340000"."""
    cell = sheet["D3"]
    assert cell.data_type == "n" and cell.value == 2_340_000 and cell.number_format == MONEY_FORMAT


def test_scores_are_numbers_with_a_decimal_format(sheet):
    """9,8 and 8,25 are floats (never the text "9.8"), shown with one or two decimals."""
    assert [(sheet[f"C{row}"].value, sheet[f"C{row}"].data_type) for row in (3, 4)] == [(9.8, "n"), (8.25, "n")]
    assert sheet["C3"].number_format == DECIMAL_FORMAT
    assert sheet["A3"].number_format == "General"  # an STT stays a plain 1


def test_wrapped_rows_have_heights_for_their_lines(sheet):
    """The long row is set taller than the one-line row, tall enough for its estimated lines."""
    short, tall = sheet.row_dimensions[3].height, sheet.row_dimensions[4].height
    width = sheet.column_dimensions["B"].width
    assert short and tall and tall > short
    assert tall >= text_lines(LONG, width, 12.0) * 12.0


def test_footer_numbers_the_printed_pages(sheet):
    """Every printed page says "Trang n/N" at its foot."""
    assert sheet.oddFooter.center.text == "Trang &P/&N"


def test_a_paper_sheet_opens_with_the_decree_30_header_and_title(tmp_path):
    """A document whose sheets are papers: issuing body and motto on row 1, the date on row 2, the title, then
    the table; the column header row is what repeats when printed."""
    document = Document("Kết quả", (HEADER, TitleBlock("KẾT QUẢ ĐÁNH GIÁ"), TABLE), paper_sheets=True)
    render_xlsx(document, tmp_path / "kq.xlsx")
    sheet = load_workbook(tmp_path / "kq.xlsx").active
    assert sheet["A1"].value == "ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH XUÂN"
    right = next(cell.value for cell in sheet[1][1:] if cell.value)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right and "Độc lập - Tự do - Hạnh phúc" in right
    assert "Hòa Bình Xuân, ngày 20 tháng 12 năm 2024" in [cell.value for cell in sheet[2]]
    assert sheet["A3"].value == "KẾT QUẢ ĐÁNH GIÁ" and sheet["A4"].value == "Danh sách"
    assert sheet["A5"].value == "STT" and sheet.print_title_rows == "$5:$5"
