"""The demo's 2024 papers, read back from the files: the decision grants only what the commune could grant on
its date and cites the money of that date; the letter proposes CSTĐCS and TTLĐTT to the district."""

from __future__ import annotations

from datetime import date

from app.exporters.decision_files import write_decision_files
from app.exporters.dossier_files import write_dossier_files
from tests.app.exporters.test_dossier_files import pdf_text, word_text

TODAY = date(2024, 12, 20)
OWN = 2  # the demo's "Bình xét danh hiệu thi đua năm 2024"


def _by_suffix(paths, suffix: str):
    return next(path for path in paths if path.name.startswith("QD") and path.suffix == suffix)


def test_the_demo_decision_lists_no_cstdcs_nor_ttldtt_in_pdf_and_word(demo_store, tmp_path):
    """QĐ 52/QĐ-UBND (20/12/2024): Lao động tiên tiến only; CSTĐCS and TTLĐTT were the district's then."""
    paths = write_decision_files(demo_store, OWN, tmp_path, TODAY)
    for text in (pdf_text(_by_suffix(paths, ".pdf")), word_text(_by_suffix(paths, ".docx"))):
        assert "Lao động tiên tiến" in text and "Lê Thị Mai" in text
        assert "Chiến sĩ thi đua cơ sở" not in text and "Tập thể lao động tiên tiến" not in text
        assert "Bộ phận Tiếp nhận và Trả kết quả xã" not in text


def test_the_demo_decision_pays_and_cites_the_money_of_its_date(demo_store, tmp_path):
    """Điều 2 cites NĐ 98/2023's table and NĐ 73/2024's base salary, not NĐ 152/2025; 0,3 × 2.340.000."""
    text = pdf_text(_by_suffix(write_decision_files(demo_store, OWN, tmp_path, TODAY), ".pdf"))
    assert "theo Nghị định 98/2023/NĐ-CP, mức lương cơ sở 2.340.000 đồng (Nghị định 73/2024/NĐ-CP)" in " ".join(
        text.split())
    assert "152/2025" not in text and "702.000" in text


def test_the_letter_of_the_2024_dossier_proposes_the_cstdcs_nominee_to_the_district(demo_store, tmp_path):
    """Tờ trình 226/TTr-UBND goes to the district Chairman and names Lê Thị Mai (CSTĐCS) and the one-stop desk."""
    paths = {path.name: path for path in write_dossier_files(demo_store, OWN, tmp_path, TODAY)}
    text = pdf_text(paths["TTr-KhenThuong-2024.pdf"])
    assert "Kính gửi: Chủ tịch Ủy ban nhân dân huyện Bình Xuân." in text and "226/TTr-UBND" in text
    assert "Lê Thị Mai" in text and "Chiến sĩ thi đua cơ sở" in text
    assert "Bộ phận Tiếp nhận và Trả kết quả xã" in text and "Tập thể lao động tiên tiến" in text
    assert "Trương Thị Ơn" not in text  # her Lao động tiên tiến is the commune's own decision
