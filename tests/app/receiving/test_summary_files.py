"""The year's workbook and summary paper, written and read back (openpyxl, pypdf)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import openpyxl
from pypdf import PdfReader

from app.receiving import queries
from app.receiving.appraisal import set_province_appraisal, set_receiving_office
from app.receiving.ingest import consolidate
from app.receiving.summary_paper import write_paper
from app.receiving.summary_workbook import SHEETS, write_workbook
from tests.fixtures.received_packages import commune_data, tamper, write_package


def _received(store, folder):
    """Four communes (a tie at 17), one tampered package, one text-only package."""
    for name, points, proposals in (("An Phú", "8", 2), ("Bình Minh", "7", 1), ("Cát Tiên", "7", 0),
                                    ("Đông Sơn", "3", 1)):
        write_package(commune_data(name, {"1.1": "5", "1.2": "5", "2.1": points}, proposals=proposals), folder)
    tamper(write_package(commune_data("Gò Nổi", {"1.1": "5"}), folder / "hong"))
    write_package(commune_data("Hòa Lạc", {}), folder, with_data=False)
    consolidate(store, [folder])


def _rows(sheet):
    return [row for row in sheet.iter_rows(min_row=3, values_only=True)]


def test_workbook_sheets_ranks_and_numbers(store, tmp_path):
    """Four sheets with Vietnamese headers; ranks 1, 2, 2, 4; points, counts and rates stored as numbers."""
    _received(store, tmp_path / "goi")
    path = write_workbook(queries.summary(store, 2026), tmp_path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == list(SHEETS)
    ranking = book["Xếp hạng"]
    assert [cell.value for cell in ranking[2]][:3] == ["Hạng", "Xã, phường", "1. Công tác chỉ đạo, điều hành CCHC"]
    assert [(row[0], row[1], row[-4]) for row in _rows(ranking)] == [
        (1, "Xã An Phú", 18), (2, "Xã Bình Minh", 17), (2, "Xã Cát Tiên", 17), (4, "Xã Đông Sơn", 13)]
    assert ranking.cell(3, 3).data_type == "n" and ranking.print_title_rows == "$2:$2"
    packages = _rows(book["Gói đã nhận"])
    assert {row[7] for row in packages} == {"Đã tổng hợp", "Bị từ chối", "Chỉ có văn bản"}
    assert next(row for row in packages if row[7] == "Bị từ chối")[1] == "Xã Gò Nổi"
    plan = _rows(book["Kết quả kế hoạch"])
    assert plan[0][1:] == ("Xã An Phú", "Năm", 3, 2, 1, 66.7)
    proposals = _rows(book["Đề nghị khen thưởng"])
    assert len([row for row in proposals if row[1] and row[1].startswith("Xã")]) == 4
    assert proposals[-2][3:] == ("Chiến sĩ thi đua cơ sở", "Chủ tịch UBND xã", None, 4)
    assert proposals[-1][1] == "Tổng cộng" and proposals[-1][-1] == 4


def test_paper_reads_back_with_the_office_header_and_ranking(store, tmp_path):
    """The PDF carries UBND TỈNH / SỞ NỘI VỤ, the title, the ranking, the refused package and GIÁM ĐỐC."""
    _received(store, tmp_path / "goi")
    set_province_appraisal(store, commune_data("Đông Sơn").commune.key, 2026, "2.1", Decimal("9.5"), "")
    path = write_paper(queries.summary(store, 2026), tmp_path, date(2026, 12, 15))
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)
    for words in ("UBND TỈNH QUẢNG NGÃI", "SỞ NỘI VỤ", "Quảng Ngãi, ngày 15 tháng 12 năm 2026",
                  "Tổng hợp kết quả tự đánh giá, chấm điểm Chỉ số CCHC năm 2026 của các xã,",
                  "1 Xã Đông Sơn 10 9,5 0 13 19,5 19,5 Tốt", "Xã Gò Nổi", "GIÁM ĐỐC", "1 xã, phường đã được thẩm định"):
        assert words in text, words
    assert text.index("Xã Đông Sơn") < text.index("Xã An Phú")


def test_office_name_as_set_heads_the_paper(store, tmp_path):
    """A receiving office typed by the province replaces the name made from the packages' province."""
    _received(store, tmp_path / "goi")
    assert queries.receiving_office(store) == ("Sở Nội vụ tỉnh Quảng Ngãi", "Quảng Ngãi")
    text = " ".join(page.extract_text() for page in PdfReader(write_paper(queries.summary(store, 2026), tmp_path)).pages)
    assert "GIÁM ĐỐC" in text and "Trần Thị Hoa" not in text  # no signer typed: the line is left to write in
    set_receiving_office(store, "Sở Nội vụ tỉnh Gia Lai", "Gia Lai", "Trần Thị Hoa")
    summary = queries.summary(store, 2026)
    assert (summary.office, summary.province, summary.signer) == ("Sở Nội vụ tỉnh Gia Lai", "Gia Lai", "Trần Thị Hoa")
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(write_paper(summary, tmp_path)).pages]
    assert "UBND TỈNH GIA LAI" in pages[0] and "Sở Nội vụ tỉnh Gia Lai đã tiếp nhận" in pages[0]
    last = pages[-1]
    assert "GIÁM ĐỐC" in last and last.index("GIÁM ĐỐC") < last.index("Trần Thị Hoa")


def test_office_of_a_city_keeps_its_level():
    """A province typed as “thành phố Huế” heads the paper UBND THÀNH PHỐ HUẾ / SỞ NỘI VỤ, dated at Huế."""
    from app.receiving.summary_paper import office_header

    header = office_header("Sở Nội vụ thành phố Huế", "thành phố Huế", date(2026, 12, 15), 2026)
    assert (header.superior_body, header.issuing_body) == ("UBND THÀNH PHỐ HUẾ", "SỞ NỘI VỤ")
    assert header.place_date.startswith("Huế, ngày 15 tháng 12")


def test_packages_of_a_centrally_run_city_name_it_a_city(store, tmp_path):
    """Packages whose profile says “Huế” (no level): the office is Sở Nội vụ thành phố Huế, the paper is headed
    UBND THÀNH PHỐ HUẾ and reports to UBND thành phố Huế — not “tỉnh Huế”."""
    for name in ("Phú Hội", "Thuận Hóa"):
        write_package(commune_data(name, {"1.1": "5"}, province="Huế"), tmp_path / "goi")
    consolidate(store, [tmp_path / "goi"])
    assert queries.receiving_office(store) == ("Sở Nội vụ thành phố Huế", "Huế")
    path = write_paper(queries.summary(store, 2026), tmp_path, date(2026, 12, 15))
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)
    assert "UBND THÀNH PHỐ HUẾ" in text and "báo cáo UBND thành phố Huế xem xét" in text
    assert "tỉnh Huế" not in text and "TỈNH HUẾ" not in text
