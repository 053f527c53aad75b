"""Each achievement report on the form of its dossier's date and purpose, read back from real PDF and Word files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from pypdf import PdfReader

from app.exporters.dossier_files import write_dossier_files
from app.queries.models.report_forms import ANNUAL, COLLECTIVE, INDIVIDUAL, form_version_for
from app.services import council, registers
from app.services.dossier import add_nomination, create_dossier, list_dossiers, update_dossier
from tests.app.documents.papers.test_dossier_papers import MAI, build_dossier
from tests.app.exporters.test_dossier_files import pdf_text, word_text

NOT_98 = ("SƠ LƯỢC LÝ LỊCH", "Điện thoại liên hệ", "Học hàm, học vị", "ĐỀ NGHỊ TẶNG THƯỞNG",
          "Nghị định số 152/2025")  # the NĐ 152 (Hà Nội 2025) layout's own labels
DRIVE_2024, TITLES_2024 = "Phong trào thi đua đẩy mạnh", "Bình xét danh hiệu thi đua năm 2024"


def _reports(paths: list[Path], suffix: str) -> list[Path]:
    return [path for path in paths if path.name.startswith("BCTT-") and path.suffix == suffix]


def _dossier(store, campaign: str) -> int:
    return next(item.id for item in list_dossiers(store, 2024) if item.campaign.startswith(campaign))


def test_a_2023_drive_dossier_prints_decree_91s_form_07(store, tmp_path):
    """A dossier made on 20/11/2023 uses NĐ 91 Mẫu 07: "Mẫu số 07 — Nghị định số 91/2017/NĐ-CP" in PDF and Word."""
    build_dossier(store)  # the commune, its officials
    made = create_dossier(store, 2023, "Phong trào thi đua đẩy mạnh cải cách hành chính năm 2023",
                          today=date(2023, 11, 20)).value
    assert made.form_version == "nd91-m07"
    update_dossier(store, made.id, letter_number="30", letter_date=date(2023, 11, 25))
    people = {name: official_id for official_id, name in registers.official_names(store, active_only=False)}
    nominated = add_nomination(store, made.id, "official", people[MAI], "giay_khen_xa").value
    council.copy_members(store, 2024, 2023)  # reports are written only for nominees the council carried
    council.update_meeting(store, made.id, held_on=date(2023, 11, 22))
    council.set_votes(store, nominated, len(council.members(store, 2023)))
    paths = write_dossier_files(store, made.id, tmp_path / "out", date(2023, 12, 1), allow_incomplete=True)
    for text in (pdf_text(_reports(paths, ".pdf")[0]), word_text(_reports(paths, ".docx")[0])):
        assert "Mẫu số 07 — Nghị định số 91/2017/NĐ-CP" in text and "I. THÔNG TIN CHUNG" in text
        assert "Mẫu số 08" not in text and "Nghị định số 98/2023" not in text


def test_the_demo_2024_drive_dossier_prints_decree_98s_form_08(demo_store, tmp_path):
    """Every report of the demo's drive dossier says "Mẫu số 08 — Nghị định số 98/2023/NĐ-CP", no NĐ 152 label."""
    paths = write_dossier_files(demo_store, _dossier(demo_store, DRIVE_2024), tmp_path / "out", date(2024, 12, 6))
    reports = _reports(paths, ".pdf") + _reports(paths, ".docx")
    assert len(reports) >= 4
    for path in reports:
        text = pdf_text(path) if path.suffix == ".pdf" else word_text(path)
        assert "Mẫu số 08 — Nghị định số 98/2023/NĐ-CP" in text, path.name
        part_one = "I. THÔNG TIN CHUNG" if "NGƯỜI BÁO CÁO THÀNH TÍCH" in text else "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH"
        assert part_one in text and "II. THÀNH TÍCH ĐẠT ĐƯỢC" in text, path.name
        assert not [label for label in NOT_98 if label in text], path.name


def test_the_form_line_stands_above_the_national_motto(demo_store, tmp_path):
    """PDF: the form's line comes before "CỘNG HÒA" on page 1; Word: it is the first paragraph, right-aligned."""
    paths = write_dossier_files(demo_store, _dossier(demo_store, DRIVE_2024), tmp_path / "out", date(2024, 12, 6))
    first_page = PdfReader(_reports(paths, ".pdf")[0]).pages[0].extract_text() or ""
    assert first_page.index("Mẫu số 08") < first_page.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    first = WordDocument(str(_reports(paths, ".docx")[0])).paragraphs[0]
    assert first.text == "Mẫu số 08 — Nghị định số 98/2023/NĐ-CP"
    assert first.alignment == WD_ALIGN_PARAGRAPH.RIGHT and all(run.bold for run in first.runs)


def test_the_demo_year_end_titles_use_the_annual_forms_of_their_date(demo_store, tmp_path):
    """The demo's "Bình xét danh hiệu thi đua năm 2024": the collective on Mẫu 02, each person on Mẫu 03 (NĐ 98)."""
    held_on = date(2024, 12, 16)  # the council's meeting: the dossier has no letter (the commune grants)
    assert (form_version_for(held_on, ANNUAL, COLLECTIVE), form_version_for(held_on, ANNUAL, INDIVIDUAL)) == (
        "nd98-m02", "nd98-m03")
    paths = write_dossier_files(demo_store, _dossier(demo_store, TITLES_2024), tmp_path / "out", held_on,
                                allow_incomplete=True)
    texts = {path.name: pdf_text(path) for path in _reports(paths, ".pdf")}
    collective = [name for name, text in texts.items() if "Tập thể lao động tiên tiến".upper() in text]
    assert len(collective) == 1 and "Mẫu số 02 — Nghị định số 98/2023/NĐ-CP" in texts[collective[0]]
    assert "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH" in texts[collective[0]]
    people = [text for name, text in texts.items() if name not in collective]
    assert len(people) >= 8 and all("Mẫu số 03 — Nghị định số 98/2023/NĐ-CP" in text for text in people)
    assert all("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG" in text and "Mẫu số 08" not in text for text in people)
    words = [word_text(path) for path in _reports(paths, ".docx")]
    assert sum("Mẫu số 03 — Nghị định số 98/2023/NĐ-CP" in text for text in words) == len(people)
