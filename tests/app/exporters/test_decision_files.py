"""The commune's own award papers written as real files and read back: PDF (pypdf), Word (python-docx), Excel."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.errors import UserError
from app.exporters.decision_files import (
    write_decision_files,
    write_registration_files,
    write_statistics_files,
)
from app.services import council
from app.services.award_decision import update_decision
from app.services.award_history import RecordData, add_record
from app.services.dossier import nominations
from app.services.registration import set_registered
from tests.app.documents.papers.test_decision_papers import (
    AN,
    DESK,
    DUNG,
    MAI,
    ON,
    TODAY,
    build_commune,
    build_decision_dossier,
)
from tests.app.exporters.test_dossier_files import pdf_text, word_text

GRANTED = (MAI, ON, DESK)


@pytest.fixture
def written(store, tmp_path) -> dict[str, Path]:
    dossier = build_decision_dossier(store)
    return {path.name: path for path in write_decision_files(store, dossier, tmp_path / "out", TODAY)}


def test_decision_files_are_written_with_ascii_names(written, tmp_path):
    """QD-KhenThuong-2025.pdf/.docx and DanhSach-QD-2025.xlsx; nothing else in the folder."""
    assert list(written) == ["QD-KhenThuong-2025.pdf", "QD-KhenThuong-2025.docx", "DanhSach-QD-2025.xlsx"]
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == sorted(written)


@pytest.mark.parametrize("name, read", [("QD-KhenThuong-2025.pdf", pdf_text), ("QD-KhenThuong-2025.docx", word_text)])
def test_decision_names_the_granted_and_not_the_superior_nominee(written, name, read):
    """Every granted name with its diacritics, the three articles, 702.000 đồng for LĐTT; Dũng's Bằng khen absent."""
    text = read(written[name])
    for expected in (*GRANTED, "QUYẾT ĐỊNH", "Số: 45/QĐ-UBND", "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÒA BÌNH XUÂN",
                     "Điều 1", "Điều 2", "Điều 3", "702.000 đồng", "3.276.000", "Kèm theo Quyết định số 45/QĐ-UBND"):
        assert expected in text, expected
    assert DUNG not in text and "Bằng khen" not in text


def test_decision_list_workbook_reads_back_with_money_as_numbers(written):
    """The sheet: header, names as text, 702000 a number, the total row a value (no formula)."""
    sheet = load_workbook(written["DanhSach-QD-2025.xlsx"]).active
    rows = [list(row) for row in sheet.iter_rows()]
    assert [cell.value for cell in rows[1]] == ["STT", "Họ và tên (Tên tập thể)", "Chức vụ, đơn vị",
                                                "Danh hiệu, hình thức", "Số tiền (đồng)"]
    mai = next(row for row in rows if row[1].value == MAI)
    assert mai[1].data_type == "s" and mai[4].value == 702000 and mai[4].data_type == "n"
    total = next(row for row in rows if row[1].value == "Tổng cộng")
    assert total[4].value == 3276000 and total[4].data_type == "n"
    assert not any(cell.value == DUNG for row in rows for cell in row)


def test_nothing_within_the_communes_authority_is_refused(store, tmp_path):
    """Mai not carried (1 of 3 votes), only the province's Bằng khen left: a UserError, no file written."""
    dossier = build_decision_dossier(store, commune_awards=False)
    mai = next(item.id for item in nominations(store, dossier, TODAY) if item.name == MAI)
    council.set_votes(store, mai, 1)
    with pytest.raises(UserError, match="thuộc thẩm quyền"):
        write_decision_files(store, dossier, tmp_path / "out", TODAY)
    assert not (tmp_path / "out").exists()


def test_a_decision_without_number_or_date_is_refused(store, tmp_path):
    """The number cleared: "chưa có số hoặc ngày ký", and what to do."""
    dossier = build_decision_dossier(store)
    update_decision(store, dossier, number="")
    with pytest.raises(UserError, match="chưa có số hoặc ngày ký") as raised:
        write_decision_files(store, dossier, tmp_path / "out", TODAY)
    assert "Nhập số và ngày ký" in raised.value.hint


# ----------------------------------------------------------------------------- registration


def test_registration_files_hold_names_and_titles(store, tmp_path):
    """PDF, Word and Excel of 2025: the registered names and their titles; the unregistered Dũng absent."""
    ids = build_commune(store)
    set_registered(store, 2025, "official", ids[MAI], "ldtt", True)
    set_registered(store, 2025, "official", ids[AN], "cstdcs", True)
    set_registered(store, 2025, "collective", ids[DESK], "ttldtt", True)
    paths = {path.name: path for path in write_registration_files(store, 2025, tmp_path / "out")}
    assert list(paths) == ["DangKyThiDua-2025.pdf", "DangKyThiDua-2025.docx", "DangKyThiDua-2025.xlsx"]
    for text in (pdf_text(paths["DangKyThiDua-2025.pdf"]), word_text(paths["DangKyThiDua-2025.docx"])):
        for expected in ("DANH SÁCH", "Đăng ký thi đua năm 2025", MAI, AN, DESK, "Lao động tiên tiến",
                         "Chiến sĩ thi đua cơ sở", "Tập thể lao động tiên tiến", "/DS-UBND"):
            assert expected in text, expected
        assert DUNG not in text
    workbook = load_workbook(paths["DangKyThiDua-2025.xlsx"])
    persons = [[cell.value for cell in row] for row in workbook.worksheets[0].iter_rows(min_row=3)]
    assert persons == [[1, AN, "Công chức Địa chính - Xây dựng", "Chiến sĩ thi đua cơ sở"],
                       [2, MAI, "Công chức Văn phòng - Thống kê", "Lao động tiên tiến"]]


def test_a_year_nobody_registered_is_refused(store, tmp_path):
    """No registration in 2025: a UserError saying so."""
    build_commune(store)
    with pytest.raises(UserError, match="chưa có cá nhân, tập thể nào đăng ký"):
        write_registration_files(store, 2025, tmp_path / "out")


# ----------------------------------------------------------------------------- statistics


def test_statistics_files_read_back_with_numbers(store, tmp_path):
    """PDF titled for the span; Excel: counts and totals as numbers in both sheets."""
    build_commune(store)
    for year, kind, name, award in ((2023, "official", MAI, "Lao động tiên tiến"),
                                    (2024, "official", MAI, "Lao động tiên tiến"),
                                    (2024, "official", AN, "Lao động tiên tiến"),
                                    (2024, "collective", DESK, "Tập thể lao động tiên tiến")):
        add_record(store, RecordData(kind, name, year, award))
    paths = {path.name: path for path in write_statistics_files(store, 2023, 2025, tmp_path / "out", TODAY)}
    assert list(paths) == ["ThongKeKhenThuong-2023-2025.pdf", "ThongKeKhenThuong-2023-2025.xlsx"]
    text = pdf_text(paths["ThongKeKhenThuong-2023-2025.pdf"])
    assert "THỐNG KÊ KẾT QUẢ KHEN THƯỞNG" in text and "Giai đoạn 2023 - 2025" in text and "VP-TK" in text
    awards, departments = load_workbook(paths["ThongKeKhenThuong-2023-2025.xlsx"]).worksheets
    rows = {row[1]: row for row in awards.iter_rows(min_row=3, values_only=True)}
    assert rows["Lao động tiên tiến"] == (1, "Lao động tiên tiến", 1, 2, 0, 3)
    assert rows["Tổng cộng"] == (None, "Tổng cộng", 1, 3, 0, 4)
    by_department = {row[1]: row[2:] for row in departments.iter_rows(min_row=3, values_only=True)}
    assert by_department == {"VP-TK": (1, 1, 0, 2), "ĐC-XD": (0, 1, 0, 1), "Tập thể": (0, 1, 0, 1),
                             "Tổng cộng": (1, 3, 0, 4)}
    assert all(isinstance(value, int) for row in awards.iter_rows(min_row=3, min_col=3, values_only=True)
               for value in row)
