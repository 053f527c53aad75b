"""A criteria set written as an Excel workbook: the documented layout, numbers as numbers, text never a formula."""

from __future__ import annotations

import zipfile
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from app.domain.criteria import (
    OPTIONS,
    PAR,
    PASSFAIL,
    RATIO,
    YESNO,
    CriteriaSetData,
    CriterionData,
    RatingBand,
    Rule,
)
from app.domain.criteria_text import Band, Option
from app.errors import UserError
from app.exporters.criteria_workbook import CRITERIA_HEADER, write_criteria_workbook, write_template

FORMULA_NAMES = ("=SUM(A1:A9)", "+1 cộng thêm", "-Tổ chức họp", "@Thông báo")

SET = CriteriaSetData(
    kind=PAR,
    name="Bộ chỉ số CCHC cấp xã năm 2025",
    year=2025,
    issuer="UBND tỉnh Quảng Ngãi",
    decision="Quyết định số 12/2025/QĐ-UBND",
    note="Áp dụng từ quý I",
    criteria=(
        CriterionData("1", "Công tác chỉ đạo, điều hành", "field", max_points=Decimal(2)),
        CriterionData("1.1", FORMULA_NAMES[0], "criterion", "1", Decimal("0.25"), Rule(YESNO)),
        CriterionData("1.2", FORMULA_NAMES[1], "criterion", "1", Decimal("0.5"),
                      Rule(OPTIONS, options=(Option("Trực tuyến", Decimal("0.25")),
                                             Option("Truyền thống", Decimal("0.25"))))),
        CriterionData("1.3", FORMULA_NAMES[2], "sub", "1", Decimal(1),
                      Rule(RATIO, bands=(Band(Decimal(100), True, Decimal(100), True, Decimal(1)),
                                         Band(Decimal(90), True, Decimal(100), False, Decimal("0.5")),
                                         Band(None, True, Decimal(90), False, Decimal(0)))),
                      evidence="Báo cáo", source="tasks_on_time"),
        CriterionData("1.4", FORMULA_NAMES[3], "criterion", "1", None, Rule(PASSFAIL), subject="collective"),
    ),
    ratings=(RatingBand("Tốt", Decimal(90)), RatingBand("Khá", Decimal("80.5"))),
)


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    path = tmp_path_factory.mktemp("criteria") / "bo_tieu_chi.xlsx"
    write_criteria_workbook(SET, path)
    return load_workbook(path)


def test_sheets_in_order(workbook):
    """Thông tin, Tiêu chí, Xếp loại, then the instructions."""
    assert workbook.sheetnames == ["Thông tin", "Tiêu chí", "Xếp loại", "Hướng dẫn"]


def test_information_sheet_holds_the_set_fields(workbook):
    """Two columns, Mục | Nội dung, one row per field; the kind as its Vietnamese label, the year a number."""
    rows = [tuple(row) for row in workbook["Thông tin"].iter_rows(values_only=True)]
    assert rows == [
        ("Mục", "Nội dung"),
        ("Loại", "Chỉ số CCHC"),
        ("Tên bộ tiêu chí", "Bộ chỉ số CCHC cấp xã năm 2025"),
        ("Năm áp dụng", 2025),
        ("Cơ quan ban hành", "UBND tỉnh Quảng Ngãi"),
        ("Quyết định", "Quyết định số 12/2025/QĐ-UBND"),
        ("Ghi chú", "Áp dụng từ quý I"),
        ("Khi có tiêu chí không áp dụng", "Quy đổi về thang điểm"),
    ]


def test_criteria_rows_use_labels_and_band_text(workbook):
    """The header is exact; levels, rules and subjects are labels; bands and options are one text."""
    rows = [tuple(row) for row in workbook["Tiêu chí"].iter_rows(values_only=True)]
    assert rows[0] == CRITERIA_HEADER == (
        "Mã", "Mã cha", "Cấp", "Tên tiêu chí", "Điểm tối đa", "Cách chấm", "Các mức",
        "Tài liệu kiểm chứng", "Tự tính", "Đối tượng", "Loại mục", "Cho phép Không áp dụng",
    )
    assert rows[2] == ("1.1", "1", "Tiêu chí", "=SUM(A1:A9)", 0.25, "Có/Không", None, None, None, None, None, "Có")
    assert rows[3][5:7] == ("Chọn mức", "Trực tuyến: 0,25 | Truyền thống: 0,25")
    assert rows[4][2] == "Tiêu chí thành phần"
    assert rows[4][5:9] == ("Theo tỷ lệ", "100%: 1 | từ 90% đến dưới 100%: 0,5 | dưới 90%: 0", "Báo cáo",
                            "tasks_on_time")
    assert rows[5][4:] == (None, "Đạt/Không đạt", None, None, None, "Tập thể", None, "Có")


def test_points_are_number_cells(workbook):
    """Điểm tối đa and Từ điểm are numbers, with 0,25 and 80,5 kept exactly."""
    sheet = workbook["Tiêu chí"]
    assert sheet["E2"].data_type == "n" and sheet["E2"].value == 2
    assert sheet["E3"].data_type == "n" and sheet["E3"].value == 0.25
    ratings = workbook["Xếp loại"]
    assert [tuple(row) for row in ratings.iter_rows(values_only=True)] == [
        ("Xếp loại", "Từ điểm"), ("Tốt", 90), ("Khá", 80.5),
    ]
    assert ratings["B3"].data_type == "n"


def test_formula_looking_names_stay_text(workbook, tmp_path):
    """Names starting with =, +, - or @ are string cells, and no formula is written into the file."""
    sheet = workbook["Tiêu chí"]
    for row, name in enumerate(FORMULA_NAMES, start=3):
        cell = sheet.cell(row=row, column=4)
        assert (cell.value, cell.data_type) == (name, "s")
    path = tmp_path / "again.xlsx"
    write_criteria_workbook(SET, path)
    with zipfile.ZipFile(path) as archive:
        xml = "".join(archive.read(name).decode() for name in archive.namelist() if name.startswith("xl/worksheets"))
    assert "<f>" not in xml and "<f " not in xml


def test_printable_and_frozen(workbook):
    """Each data sheet: header frozen and repeated on printed pages, A4 landscape, wrapped text, set widths."""
    for title in ("Thông tin", "Tiêu chí", "Xếp loại"):
        sheet = workbook[title]
        assert sheet.freeze_panes == "A2"
        assert sheet.print_title_rows == "$1:$1"
        assert sheet.page_setup.orientation == "landscape"
        assert str(sheet.page_setup.paperSize) == str(sheet.PAPERSIZE_A4)
        assert sheet["B2"].alignment.wrap_text
    assert workbook["Tiêu chí"].column_dimensions["D"].width >= 40


def test_instructions_sheet_explains_each_column(workbook):
    """The "Hướng dẫn" sheet names every column of the criteria sheet and the band syntax."""
    text = "\n".join(str(row[0]) for row in workbook["Hướng dẫn"].iter_rows(values_only=True) if row[0])
    for column in CRITERIA_HEADER:
        assert column in text
    assert "100%: 1 | từ 90% đến dưới 100%: 0,5 | dưới 90%: 0" in text


def test_replaces_an_existing_file_whole(tmp_path):
    """Writing over an old file leaves the new workbook and no temporary file beside it."""
    path = tmp_path / "bo.xlsx"
    path.write_bytes(b"old")
    write_criteria_workbook(SET, path)
    assert load_workbook(path)["Thông tin"]["B3"].value == SET.name
    assert [p.name for p in tmp_path.iterdir()] == ["bo.xlsx"]


def test_unwritable_folder_is_a_user_error(tmp_path):
    """A folder that does not exist gives a Vietnamese message, not an OSError."""
    with pytest.raises(UserError, match="Không ghi được tệp"):
        write_criteria_workbook(SET, tmp_path / "khong-co" / "bo.xlsx")


def test_template_has_example_rows_and_no_name(tmp_path):
    """The template: a CCHC set without a name, example rows of several rule kinds, ratings, instructions."""
    path = tmp_path / "mau.xlsx"
    write_template(path)
    book = load_workbook(path)
    assert book["Thông tin"]["B2"].value == "Chỉ số CCHC"
    assert book["Thông tin"]["B3"].value is None
    kinds = {row[5] for row in book["Tiêu chí"].iter_rows(min_row=2, values_only=True)}
    assert {"Có/Không", "Theo tỷ lệ", "Chọn mức"} <= kinds
    assert book["Xếp loại"].max_row > 1
    assert "Hướng dẫn" in book.sheetnames
