"""The award dossier written as real files and read back: PDF (pypdf), Word (python-docx), Excel (openpyxl)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx import Document as WordDocument
from openpyxl import load_workbook
from pypdf import PdfReader

from app.errors import UserError
from app.exporters.dossier_files import report_base_name, write_dossier_files
from app.exporters.package import PackageRequest, build_package
from app.services.dossier import create_dossier
from tests.app.documents.papers.test_dossier_papers import (
    DESK,
    DESK_REASON,
    MAI,
    ON,
    SUPERIOR,
    TODAY,
    build_dossier,
)

NAMES = (MAI, ON, DESK)
FILES = [
    "TTr-KhenThuong-2024.pdf", "TTr-KhenThuong-2024.docx", "DanhSach-KhenThuong-2024.xlsx",
    "BB-HoiDongTDKT-2024.pdf", "BB-HoiDongTDKT-2024.docx",
    "BCTT-01-le-thi-mai.pdf", "BCTT-01-le-thi-mai.docx", "BCTT-02-bo-phan-mot-cua.pdf", "BCTT-02-bo-phan-mot-cua.docx",
]


def pdf_text(path: Path) -> str:
    """All pages' text, white space folded."""
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


def word_text(path: Path) -> str:
    """Every paragraph and table cell of a .docx, white space folded."""
    word = WordDocument(str(path))
    parts = [paragraph.text for paragraph in word.paragraphs]
    parts += [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join(parts).split())


def _written(store, folder: Path, version: str = "nd152-m08") -> dict[str, Path]:
    dossier = build_dossier(store, version)
    return {path.name: path for path in write_dossier_files(store, dossier, folder, TODAY)}


@pytest.fixture
def written(store, tmp_path) -> dict[str, Path]:
    return _written(store, tmp_path / "out")


def test_every_paper_is_written_with_an_ascii_name(written, tmp_path):
    """Letter (PDF, Word), list (Excel), minutes (PDF, Word), one report per nominee carried (PDF, Word); nothing
    else: Ơn, not carried (5/7), has no report file."""
    assert list(written) == FILES
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == sorted(FILES)
    assert all(name.isascii() for name in written)
    assert report_base_name(7, "Đoàn Thanh niên / Hội LHPN: CON") == "BCTT-07-doan-thanh-nien-hoi-lhpn-con"


def test_pdfs_name_every_nominee_with_diacritics(written):
    """The minutes name all three nominees; each report names its own."""
    minutes = pdf_text(written["BB-HoiDongTDKT-2024.pdf"])
    assert all(name in minutes for name in NAMES)
    assert MAI in pdf_text(written["BCTT-01-le-thi-mai.pdf"]) and DESK in pdf_text(written["BCTT-02-bo-phan-mot-cua.pdf"])


def test_minutes_pdf_shows_the_votes_and_no_date_under_the_motto(written):
    """BIÊN BẢN with 6/7 and 85,71%; nothing between the header and the title reads "ngày … tháng"."""
    path = written["BB-HoiDongTDKT-2024.pdf"]
    text = pdf_text(path)
    for expected in ("BIÊN BẢN", "Số: 05/BB-HĐTĐKT", "6/7", "85,71%", "5/7", "71,43%", "Không đạt", "THƯ KÝ",
                     "CHỦ TỌA", "Lưu: VT, Hồ sơ."):
        assert expected in text, expected
    first_page = (PdfReader(path).pages[0].extract_text() or "").splitlines()
    head = first_page[:next(number for number, line in enumerate(first_page) if "BIÊN BẢN" in line)]
    assert head and any("Độc lập - Tự do - Hạnh phúc" in line for line in head)
    assert not any("ngày" in line or "tháng" in line for line in head), head


def test_letter_goes_to_the_superior_and_leaves_out_who_was_not_carried(written):
    """Kính gửi the superior authority's Chairman; the desk and (a 2024 CSTĐCS, the district's) Mai named, Ơn
    nowhere; the list notes the justification."""
    text = pdf_text(written["TTr-KhenThuong-2024.pdf"])
    assert f"Kính gửi: Chủ tịch {SUPERIOR}." in text and "TỜ TRÌNH" in text
    assert DESK in text and MAI in text and ON not in text
    assert "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG" in text and "Kèm theo Tờ trình số 15/TTr-UBND" in text
    assert DESK_REASON.split(",")[0] in text
    assert "TM. ỦY BAN NHÂN DÂN" in text and "Trần Văn Hùng" in text


def test_word_copies_open_and_hold_the_same_names(written):
    """python-docx opens every .docx; the minutes hold the three names, the letter the desk, each report its nominee."""
    assert all(name in word_text(written["BB-HoiDongTDKT-2024.docx"]) for name in NAMES)
    letter = word_text(written["TTr-KhenThuong-2024.docx"])
    assert DESK in letter and ON not in letter and DESK_REASON in letter
    assert MAI in word_text(written["BCTT-01-le-thi-mai.docx"])
    assert "NGƯỜI BÁO CÁO THÀNH TÍCH" in word_text(written["BCTT-01-le-thi-mai.docx"])


def test_excel_list_reads_back_with_names_as_text(written):
    """The list's sheet: the header, the collective as a text cell, the justification in Ghi chú, STT a number."""
    sheet = load_workbook(written["DanhSach-KhenThuong-2024.xlsx"]).active
    rows = [[cell for cell in row] for row in sheet.iter_rows()]
    assert [cell.value for cell in rows[1]] == ["STT", "Họ và tên (Tên tập thể)", "Chức vụ, đơn vị công tác",
                                                "Hình thức đề nghị", "Ghi chú"]
    desk = next(row for row in rows if row[1].value == DESK)
    assert desk[1].data_type == "s" and desk[4].value == DESK_REASON and desk[0].value == 1
    assert not any(cell.value == ON for row in rows for cell in row)


def test_each_form_version_prints_its_own_headings(store, tmp_path):
    """Nghị định 91 Mẫu 07 and Nghị định 152 Mẫu 08 give the same nominee different headings."""
    nd91 = pdf_text(_written(store, tmp_path / "nd91", "nd91-m07")["BCTT-01-le-thi-mai.pdf"])
    assert "I. THÔNG TIN CHUNG" in nd91 and "ĐỀ NGHỊ KHEN THƯỞNG CHIẾN SĨ THI ĐUA CƠ SỞ" in nd91
    assert "SƠ LƯỢC LÝ LỊCH" not in nd91 and "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG" in nd91


def test_nd152_report_has_the_history_tables(written):
    """Part III lists the award history in its two tables; the letter cites Decree 152/2025."""
    text = pdf_text(written["BCTT-01-le-thi-mai.pdf"])
    for expected in ("I. SƠ LƯỢC LÝ LỊCH", "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", "Số 120/QĐ-UBND ngày 20/12/2023",
                     "ĐỀ NGHỊ TẶNG THƯỞNG CHIẾN SĨ THI ĐUA CƠ SỞ", "1. Danh hiệu thi đua", "2. Hình thức khen thưởng"):
        assert expected in text, expected
    assert "Nghị định số 152/2025/NĐ-CP" in pdf_text(written["TTr-KhenThuong-2024.pdf"])


def test_a_dossier_not_ready_is_refused_with_what_is_missing(store, tmp_path):
    """A new dossier: a UserError listing the letter's number, the council, the nominees; nothing written."""
    build_dossier(store)
    fresh = create_dossier(store, 2024, "Khen thưởng chuyên đề chuyển đổi số", today=TODAY).value.id
    with pytest.raises(UserError, match="chưa đủ để in") as raised:
        write_dossier_files(store, fresh, tmp_path / "out", TODAY)
    assert "- Tờ trình chưa có số." in raised.value.details
    assert "- Chưa có ai trong danh sách đề nghị." in raised.value.details
    assert raised.value.hint and not (tmp_path / "out").exists()


def test_allow_incomplete_writes_a_draft_with_blanks(store, tmp_path):
    """The clerk may print the same dossier as a draft: files written, the number left to write in."""
    build_dossier(store)
    fresh = create_dossier(store, 2024, "Khen thưởng chuyên đề chuyển đổi số", today=TODAY).value.id
    paths = write_dossier_files(store, fresh, tmp_path / "draft", TODAY, allow_incomplete=True)
    assert [path.name for path in paths] == FILES[:5]
    letter = pdf_text(paths[0])
    assert "/TTr-UBND" in letter and "Chưa có tập thể, cá nhân nào" in letter


def test_the_package_can_carry_the_dossier(store, tmp_path):
    """Content "dossier": the year's papers in the package, listed in its manifest; going upward, only the report
    of the nominee the letter proposes (the desk), not Mai's (her CSTĐCS is the commune's own to grant)."""
    build_dossier(store)
    result = build_package(store, PackageRequest(2024, ("dossier",), make_zip=False, today=date(2025, 1, 10)), tmp_path)
    names = [item.path for item in result.manifest.files]
    assert {name for name in FILES[:5] if not name.endswith(".docx")} <= set(names) and result.name.endswith("_KT")
    assert [name for name in names if name.startswith("BCTT")] == ["BCTT-01-le-thi-mai.pdf", "BCTT-02-bo-phan-mot-cua.pdf"]
    assert not any(name.endswith(".docx") for name in names)  # Word copies only when asked for
    assert {"key": "dossier", "title": "Hồ sơ đề nghị khen thưởng"} in result.manifest.contents


def test_the_demo_package_takes_both_2024_dossiers_that_go_upward(demo_store, tmp_path):
    """The demo's second 2024 dossier proposes CSTĐCS and TTLĐTT to the district (theirs until 30/06/2025):
    it goes upward too, beside the CCHC campaign's."""
    from datetime import date

    from app.exporters.dossier_files import package_items
    from app.services.dossier import list_dossiers

    items = package_items(demo_store, PackageRequest(2024, ("dossier",), today=date(2024, 12, 20)), tmp_path)
    campaigns = {dossier.campaign for dossier in list_dossiers(demo_store, 2024)}
    assert len(campaigns) == 2
    assert all(any(campaign in item.title for item in items) for campaign in campaigns)
