"""The demo's past papers exported on 06/12/2026: each dated by its own date, addressed to the superior of that date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader

from app.exporters.dossier_files import export_dossier
from app.exporters.package import PackageRequest, build_package
from app.exporters.progress_report_files import export_progress_report
from app.queries.year_papers import report_addressee
from app.services.dossier import list_dossiers
from app.services.paper_dates import REPORT, set_paper_date

EXPORTED = date(2026, 12, 6)
EXPORT_DAY = "ngày 06 tháng 12 năm 2026"


def _pdf_text(path: Path) -> str:
    """All pages' text, white space folded."""
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


def _package(store, tmp_path) -> Path:
    request = PackageRequest(2024, ("report", "scores"), period="year", make_zip=False, today=EXPORTED)
    (tmp_path / "usb").mkdir()
    return build_package(store, request, tmp_path / "usb").folder


def test_the_2024_report_and_self_scoring_are_dated_in_2024(demo_store, tmp_path):
    """Exported today, the 2024 year report and self-scoring table carry 20/11/2024 (the deadline), not the export day."""
    folder = _package(demo_store, tmp_path)
    for name in ("BC-CCHC-2024-nam.pdf", "TuChamDiem-CCHC-2024.pdf"):
        text = _pdf_text(folder / name)
        assert "Hòa Bình Xuân, ngày 20 tháng 11 năm 2024" in text, name
        assert EXPORT_DAY not in text, name


def test_the_2024_report_goes_to_the_district(demo_store, tmp_path):
    """Dated 2024, the report's Kính gửi names UBND huyện Bình Xuân and its Nơi nhận the Phòng Nội vụ huyện."""
    text = _pdf_text(_package(demo_store, tmp_path) / "BC-CCHC-2024-nam.pdf")
    assert "Kính gửi: Ủy ban nhân dân huyện Bình Xuân." in text
    assert "- Phòng Nội vụ huyện Bình Xuân;" in text
    assert "Ủy ban nhân dân tỉnh Quảng Ngãi." not in text and "Sở Nội vụ tỉnh Quảng Ngãi" not in text


def test_the_2025_year_report_goes_to_the_province(demo_store, tmp_path):
    """The report of the year 2025, due 16/12/2025 (the reporting periods from 2025), is addressed to UBND tỉnh and
    copied to the Sở Nội vụ."""
    files = export_progress_report(demo_store, 2025, "year", tmp_path, today=EXPORTED, word=False)
    text = _pdf_text(files[0].path)
    assert "ngày 16 tháng 12 năm 2025" in text
    assert "Kính gửi: Ủy ban nhân dân tỉnh Quảng Ngãi." in text and "- Sở Nội vụ tỉnh Quảng Ngãi;" in text
    assert "huyện Bình Xuân" not in text


def test_a_date_the_clerk_sets_chooses_the_superior(demo_store, tmp_path):
    """The 2025 six-month report defaults to 16/06/2025, its deadline (the district); dated 10/07/2025 it goes to the
    province."""
    first = _pdf_text(export_progress_report(demo_store, 2025, "h1", tmp_path / "a", today=EXPORTED, word=False)[0].path)
    assert "ngày 16 tháng 6 năm 2025" in first and "Kính gửi: Ủy ban nhân dân huyện Bình Xuân." in first
    set_paper_date(demo_store, REPORT, 2025, "h1", date(2025, 7, 10))
    later = _pdf_text(export_progress_report(demo_store, 2025, "h1", tmp_path / "b", today=EXPORTED, word=False)[0].path)
    assert "ngày 10 tháng 7 năm 2025" in later and "Kính gửi: Ủy ban nhân dân tỉnh Quảng Ngãi." in later


def test_the_letters_copies_match_its_addressees_level(demo_store, tmp_path):
    """The 2024 letter goes to the district Chairman and is copied to the district's Phòng Nội vụ, not the Sở."""
    dossier = next(item for item in list_dossiers(demo_store, 2024) if item.letter_date)
    written = export_dossier(demo_store, dossier.id, tmp_path, EXPORTED, allow_incomplete=True, word=False)
    letter = next(item.path for item in written if item.path.name.startswith("TTr") and item.path.suffix == ".pdf")
    text = _pdf_text(letter)
    assert "Kính gửi: Chủ tịch Ủy ban nhân dân huyện Bình Xuân." in text
    assert "- Phòng Nội vụ huyện Bình Xuân;" in text and "Sở Nội vụ" not in text


def test_the_email_draft_goes_to_the_office_of_the_reports_date(demo_store):
    """The package of 2024 is mailed to the district's Phòng Nội vụ, that of 2026 to the Sở Nội vụ."""
    assert report_addressee(demo_store, 2024, "year", EXPORTED) == "Phòng Nội vụ huyện Bình Xuân"
    assert report_addressee(demo_store, 2026, "year", EXPORTED) == "Sở Nội vụ tỉnh Quảng Ngãi"
