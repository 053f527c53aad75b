"""The body of each report form version: NĐ 98 Mẫu 08 on §1's structure, the annual forms, the printed form line."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.documents.model import Header, Signatures
from app.queries.models.report_forms import ANNUAL
from tests.app.documents.papers.test_dossier_papers import DESK, MAI, Built, build_dossier, texts


@pytest.fixture
def built(store) -> Built:
    return Built(store, build_dossier(store, "nd98-m08"))


def _header(document) -> Header:
    return next(block for block in document.blocks if isinstance(block, Header))


def test_nd98_form_08_follows_section_1_not_the_2025_layout(built):
    """Mẫu 08 of NĐ 98: "ĐỀ NGHỊ KHEN THƯỞNG", I. THÔNG TIN CHUNG, no part III, none of the NĐ 152 labels."""
    document = built.report(MAI)
    lines = texts(document)
    assert "ĐỀ NGHỊ KHEN THƯỞNG CHIẾN SĨ THI ĐUA CƠ SỞ" in lines and "I. THÔNG TIN CHUNG" in lines
    for label in ("I. SƠ LƯỢC LÝ LỊCH", "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", "XÁC NHẬN CỦA CẤP TRÌNH KHEN"):
        assert label not in lines, label
    assert not any("Điện thoại liên hệ" in line or "Học hàm" in line for line in lines)
    assert _header(document).form_label == "Mẫu số 08 — Nghị định số 98/2023/NĐ-CP"


def test_the_file_says_the_layout_is_not_checked_against_the_decree(built):
    """The paper prints only what the form carries; the document's subject says the layout is unverified."""
    document = built.report(MAI)
    assert document.subject == "Mẫu số 08, Nghị định 98/2023/NĐ-CP (bố cục chưa đối chiếu văn bản gốc)"
    assert not any("chưa đối chiếu" in line for line in texts(document))


def test_annual_reports_take_form_02_for_a_collective_and_03_for_a_person(built):
    """On NĐ 98 for the year's titles: the desk on Mẫu 02 with its founding history, Mai on Mẫu 03 with part III."""
    desk = built.nominee(DESK)
    desk = replace(desk, identity={**desk.identity, "Quá trình thành lập và phát triển": "Thành lập năm 2016."})
    collective = built.report_of(desk, ANNUAL)
    assert _header(collective).form_label == "Mẫu số 02 — Nghị định số 98/2023/NĐ-CP"
    lines = texts(collective)
    assert "- Quá trình thành lập và phát triển: Thành lập năm 2016." in lines
    assert "- Tên tập thể đề nghị (Ghi đầy đủ bằng chữ in thường, không viết tắt): Bộ phận Một cửa" in lines
    person = built.report_of(built.nominee(MAI), ANNUAL)
    assert _header(person).form_label == "Mẫu số 03 — Nghị định số 98/2023/NĐ-CP"
    assert "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG" in texts(person)
    rows = [block for block in person.blocks if isinstance(block, Signatures)]
    assert [s.position for s in rows[0].signatures] == ["THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ",
                                                        "NGƯỜI BÁO CÁO THÀNH TÍCH"]


def test_decree_152_annual_person_form_is_05_on_the_verified_2025_layout(built):
    """A dossier kept on NĐ 152: the person's year on Mẫu 05, with the 2025 layout's "Điện thoại liên hệ"."""
    person = built.report_of(built.nominee(MAI), ANNUAL, "nd152-m08")
    assert _header(person).form_label == "Mẫu số 05 — Nghị định số 152/2025/NĐ-CP"
    assert "I. SƠ LƯỢC LÝ LỊCH" in texts(person)
    assert any(line.startswith("- Điện thoại liên hệ:") for line in texts(person))
