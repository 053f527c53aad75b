"""Reading a criteria set from Excel: a faithful round trip, and every problem named by sheet, row and column."""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from app.domain.criteria import (
    EMULATION,
    MANUAL,
    OPTIONS,
    PAR,
    PASSFAIL,
    RATIO,
    YESNO,
    CriteriaSetData,
    CriterionData,
    RatingBand,
    Rule,
    set_problems,
)
from app.domain.criteria_text import Band, Option
from app.errors import UserError
from app.exporters.criteria_workbook import CRITERIA_HEADER, write_criteria_workbook, write_template
from app.importers.criteria_workbook import CriteriaWorkbookError, read_criteria_workbook

D = Decimal

RICH = CriteriaSetData(
    kind=PAR,
    name="Bộ Chỉ số cải cách hành chính cấp xã năm 2025",
    year=2025,
    issuer="Ủy ban nhân dân tỉnh Quảng Ngãi",
    decision="Quyết định số 12/2025/QĐ-UBND ngày 15/01/2025",
    note="Ghi chú dòng một\nGhi chú dòng hai",
    criteria=(
        CriterionData("1", "Công tác chỉ đạo, điều hành cải cách hành chính", "field", max_points=D(10)),
        CriterionData("1.1", "Kế hoạch CCHC", "criterion", "1", D(3), Rule(MANUAL),
                      evidence="Kế hoạch số …/KH-UBND\nBáo cáo kết quả"),
        CriterionData("1.1.1", "Ban hành kế hoạch đúng thời hạn", "sub", "1.1", D("0.75"), Rule(YESNO)),
        CriterionData("1.1.2", "Mức độ hoàn thành kế hoạch", "sub", "1.1", D(1), Rule(RATIO, bands=(
            Band(D(100), True, D(100), True, D(1)),
            Band(D(50), True, D(100), False, None),
            Band(None, True, D(50), False, D(0)),
        )), source="tasks_on_time"),
        CriterionData("1.1.3", "Tuyên truyền", "sub", "1.1", D("1.25"), Rule(OPTIONS, options=(
            Option("Trên cổng thông tin điện tử", D("0.5")),
            Option("Trên hệ thống truyền thanh: loa", D("0.75")),
        ))),
        CriterionData("1.2", "=SUM(A1:A9) không phải công thức", "criterion", "1", D("0.25"), Rule(YESNO)),
        CriterionData("1.3", "-Kiểm tra CCHC", "criterion", "1", D(2), Rule(RATIO, bands=(
            Band(D(90), False, None, False, D(2)),
            Band(D("50.5"), True, D(90), True, D(1)),
            Band(None, True, D("50.5"), False, D(0)),
        ))),
        CriterionData("2", "@Cải cách thủ tục hành chính", "field", max_points=D(5)),
        CriterionData("2.1", "Không có cán bộ bị kỷ luật", "criterion", "2", None, Rule(PASSFAIL),
                      source="no_discipline", subject="individual"),
        CriterionData("2.2", "+Tập thể hoàn thành nhiệm vụ", "criterion", "2", D(5), Rule(MANUAL),
                      subject="collective"),
    ),
    ratings=(RatingBand("Tốt", D(90)), RatingBand("Khá", D(80)), RatingBand("Trung bình", D("65.5"))),
)

EMULATION_SET = CriteriaSetData(
    kind=EMULATION,
    name="Tiêu chuẩn danh hiệu thi đua năm 2025",
    year=2025,
    criteria=(
        CriterionData("1", "Hoàn thành xuất sắc nhiệm vụ", "criterion", rule=Rule(PASSFAIL), subject="individual"),
        CriterionData("2", "Tập thể hoàn thành tốt nhiệm vụ", "criterion", rule=Rule(PASSFAIL),
                      subject="collective"),
        CriterionData("3", "Có sáng kiến được công nhận", "criterion", rule=Rule(PASSFAIL)),
    ),
)


def _exported(tmp_path: Path, data: CriteriaSetData = RICH) -> Path:
    path = tmp_path / "bo_tieu_chi.xlsx"
    write_criteria_workbook(data, path)
    return path


def _edit(path: Path, sheet: str, cells: dict[str, object]) -> Path:
    """Change some cells of a written workbook, as a clerk would in Excel."""
    book = load_workbook(path)
    for ref, value in cells.items():
        book[sheet][ref] = value
    book.save(path)
    return path


def _problems(path: Path) -> tuple[str, ...]:
    with pytest.raises(CriteriaWorkbookError) as caught:
        read_criteria_workbook(path)
    assert isinstance(caught.value, UserError)
    return caught.value.problems


@pytest.mark.parametrize("data", [RICH, EMULATION_SET], ids=["par", "emulation"])
def test_round_trip(tmp_path, data):
    """Exporting then importing gives back an equal set: every rule kind, bands, options, three levels, ratings."""
    assert set_problems(data) == []
    assert read_criteria_workbook(_exported(tmp_path, data)) == data


def test_filled_template_imports(tmp_path):
    """The template, once the set has a name, imports as a valid set with its example rows."""
    path = tmp_path / "mau.xlsx"
    write_template(path)
    _edit(path, "Thông tin", {"B3": "Bộ chỉ số của xã"})
    data = read_criteria_workbook(path)
    assert data.name == "Bộ chỉ số của xã" and data.kind == PAR
    assert set_problems(data) == []
    assert {criterion.rule.kind for criterion in data.criteria} >= {YESNO, RATIO, OPTIONS}


def test_text_numbers_and_plain_labels_are_accepted(tmp_path):
    """"0,5" as text, labels without diacritics in any case, and blank rows in between all read."""
    path = _exported(tmp_path)
    _edit(path, "Tiêu chí", {"E4": "0,75", "C4": "TIEU CHI THANH PHAN", "F4": "co/khong", "J11": "ca nhan"})
    _edit(path, "Thông tin", {"B2": "chi so cchc", "B4": "2025"})
    book = load_workbook(path)
    book["Tiêu chí"].insert_rows(5, amount=2)
    book.save(path)
    data = read_criteria_workbook(path)
    assert data.criteria[2] == RICH.criteria[2]
    assert data.criteria[9].subject == "individual"
    assert data.kind == PAR and data.year == 2025


def test_wrong_header_is_one_message(tmp_path):
    """A renamed column gives exactly one message saying which header belongs where."""
    path = _edit(_exported(tmp_path), "Tiêu chí", {"E1": "Điểm"})
    assert _problems(path) == (
        "Trang “Tiêu chí”, dòng 1: Dòng tiêu đề không đúng mẫu: cột E phải là “Điểm tối đa” (đang là “Điểm”).",
    )


def test_header_without_diacritics_is_accepted(tmp_path):
    """A header typed without diacritics or in capitals still matches."""
    path = _edit(_exported(tmp_path), "Tiêu chí", {"E1": "DIEM TOI DA", "J1": "doi tuong"})
    assert read_criteria_workbook(path) == RICH


def test_word_in_points_names_row_and_column(tmp_path):
    """"hai" in Điểm tối đa is reported with the Excel row and the column header."""
    path = _edit(_exported(tmp_path), "Tiêu chí", {"E7": "hai"})
    assert _problems(path) == ("Trang “Tiêu chí”, dòng 7, cột “Điểm tối đa”: “hai” không phải là số.",)


def test_child_above_parent_names_the_child_row(tmp_path):
    """A criterion whose maximum exceeds its parent's is reported on its own row."""
    path = _edit(_exported(tmp_path), "Tiêu chí", {"E4": 4})
    assert _problems(path) == (
        "Trang “Tiêu chí”, dòng 4, cột “Điểm tối đa”: Điểm tối đa 4 vượt điểm tối đa 3 của tiêu chí cha 1.1.",
    )


def test_several_problems_are_all_listed(tmp_path):
    """Every problem gets its own line, in sheet and row order, and nothing is returned."""
    path = _exported(tmp_path)
    _edit(path, "Thông tin", {"B4": "năm nay"})
    _edit(path, "Tiêu chí", {"A5": "1.1.1", "C6": "Nhóm", "G8": "trên 90: hai", "D11": None})
    _edit(path, "Xếp loại", {"A4": "Tốt"})
    problems = _problems(path)
    assert problems == (
        "Trang “Thông tin”, dòng 4, cột “Nội dung”: “năm nay” không phải là năm (ví dụ 2025).",
        "Trang “Tiêu chí”, dòng 5, cột “Mã”: Mã “1.1.1” đã dùng ở dòng 4.",
        ("Trang “Tiêu chí”, dòng 6, cột “Cấp”: “Nhóm” không phải cấp hợp lệ; "
        "ghi “Lĩnh vực”, “Tiêu chí” hoặc “Tiêu chí thành phần”."),
        ("Trang “Tiêu chí”, dòng 8, cột “Các mức”: Không hiểu “hai” trong các mức; ghi mỗi mức “điều kiện: điểm”, "
        "cách nhau bằng “|”, ví dụ “100%: 1 | từ 90% đến dưới 100%: 0,5 | dưới 90%: 0”."),
        "Trang “Tiêu chí”, dòng 11, cột “Tên tiêu chí”: Thiếu tên tiêu chí.",
        "Trang “Xếp loại”, dòng 4, cột “Xếp loại”: Mức “Tốt” đã ghi ở dòng 2.",
    )


def test_error_message_lists_the_problems(tmp_path):
    """The message a clerk sees names the file and carries one line per problem."""
    path = _edit(_exported(tmp_path), "Tiêu chí", {"E7": "hai", "E8": "ba"})
    with pytest.raises(UserError) as caught:
        read_criteria_workbook(path)
    lines = caught.value.message.splitlines()
    assert "bo_tieu_chi.xlsx" in lines[0] and "2 lỗi" in lines[0]
    assert lines[1:] == list(caught.value.problems)


def test_missing_sheet_and_missing_item(tmp_path):
    """A missing criteria sheet and a missing information row are each named."""
    path = _exported(tmp_path)
    book = load_workbook(path)
    del book["Tiêu chí"]
    book["Thông tin"].delete_rows(4)
    book.save(path)
    problems = _problems(path)
    assert "Tệp không có trang “Tiêu chí”. Hãy dùng tệp mẫu của chương trình." in problems
    assert any(line.startswith("Trang “Thông tin”: Thiếu dòng “Năm áp dụng”") for line in problems)
    assert len(problems) == 2


def test_too_many_decimals_and_dates_are_refused(tmp_path):
    """0,125 points and a code Excel turned into a date are reported on their cells."""
    path = _edit(_exported(tmp_path), "Tiêu chí", {"E7": 0.125, "A8": date(2025, 1, 2)})
    problems = _problems(path)
    assert problems[0].startswith("Trang “Tiêu chí”, dòng 7, cột “Điểm tối đa”: “0,125”: điểm chỉ lấy tối đa hai")
    assert problems[1].startswith("Trang “Tiêu chí”, dòng 8, cột “Mã”: Excel đã đổi ô này thành ngày giờ")
    assert len(problems) == 2


def test_missing_file(tmp_path):
    """A file that is not there is a Vietnamese message naming it."""
    with pytest.raises(UserError, match="Không tìm thấy tệp “khong_co.xlsx”"):
        read_criteria_workbook(tmp_path / "khong_co.xlsx")


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Kế hoạch")
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (lambda good: good[: len(good) // 2], "không phải tệp Excel .xlsx"),
        (lambda good: os.urandom(4096), "không phải tệp Excel .xlsx"),
        (lambda good: _docx_bytes(), "là văn bản Word"),
        (lambda good: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(2048), "đặt mật khẩu"),
        (lambda good: b"", "trống"),
    ],
    ids=["truncated", "random", "renamed-docx", "encrypted-ole", "empty"],
)
def test_unreadable_files_are_refused_cleanly(tmp_path, content, expected):
    """Truncated, random, Word and password-protected files give one clean UserError naming the file."""
    good = _exported(tmp_path).read_bytes()
    path = tmp_path / "nhan_tu_xa.xlsx"
    path.write_bytes(content(good))
    with pytest.raises(UserError) as caught:
        read_criteria_workbook(path)
    assert expected in caught.value.message and "nhan_tu_xa.xlsx" in caught.value.message
    assert not isinstance(caught.value, CriteriaWorkbookError)


def test_damaged_sheet_is_refused_cleanly(tmp_path):
    """A package whose sheet XML is garbage is reported as a damaged file."""
    good = _exported(tmp_path)
    path = tmp_path / "hong.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, b"<worksheet><sheetData><row" if item.filename.endswith("sheet2.xml") else data)
    with pytest.raises(UserError, match="bị hỏng"):
        read_criteria_workbook(path)


def test_oversized_file_is_refused(tmp_path):
    """A file over 20 MB is refused before it is read."""
    path = tmp_path / "lon.xlsx"
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    with pytest.raises(UserError, match="quá lớn"):
        read_criteria_workbook(path)


def test_too_many_rows_are_refused(tmp_path):
    """More than 5,000 criterion rows is refused with one message."""
    book = Workbook(write_only=True)
    info = book.create_sheet("Thông tin")
    for row in (("Mục", "Nội dung"), ("Loại", "Chỉ số CCHC"), ("Tên bộ tiêu chí", "Lớn"), ("Năm áp dụng", 2025)):
        info.append(row)
    sheet = book.create_sheet("Tiêu chí")
    sheet.append(CRITERIA_HEADER)
    for number in range(5001):
        sheet.append((str(number), "", "Tiêu chí", "Tên", 1))
    path = tmp_path / "nhieu.xlsx"
    book.save(path)
    with pytest.raises(UserError, match="có hơn 5.000 dòng, quá lớn"):
        read_criteria_workbook(path)


_LABELS = ["Lĩnh vực", "tieu chi", "Có/Không", "Theo tỷ lệ", "Chọn mức", "Tập thể", "1", "1.1", "0,5",
           "100%: 1 | dưới 100%: 0", "a: 0,5 | b: 1", "theo tỷ lệ", "=1+1", "-", "%", ":", "|"]
_CELL = st.one_of(
    st.none(),
    st.sampled_from(_LABELS),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=15),
    st.integers(min_value=-10**15, max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(),
)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_CELL, min_size=10, max_size=10), min_size=1, max_size=4))
def test_random_cells_give_a_set_or_a_user_error(rows):
    """Whatever the criteria cells hold, the result is a valid set or a UserError, never a crash."""
    book = Workbook()
    info = book.active
    info.title = "Thông tin"
    for row in (("Mục", "Nội dung"), ("Loại", "Chỉ số CCHC"), ("Tên bộ tiêu chí", "Thử"), ("Năm áp dụng", 2025)):
        info.append(row)
    sheet = book.create_sheet("Tiêu chí")
    sheet.append(CRITERIA_HEADER)
    for row in rows:
        sheet.append(row)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.xlsx"
        book.save(path)
        try:
            data = read_criteria_workbook(path)
        except UserError as error:
            assert error.message
        else:
            assert isinstance(data, CriteriaSetData) and set_problems(data) == []
