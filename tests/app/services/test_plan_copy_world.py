"""Copying a plan to a new year: the world's changes proposed line by line, only the accepted ones written."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from app.importers.plan_file import read_plan_file
from app.services.plan_import import save_imported_plan
from app.services.plan_tree import plan_tree
from app.services.plans import copy_plan, get_plan, new_plan_data, preview_copy
from app.services.profile import CommuneProfile, save_profile

SEED_002 = Path(__file__).resolve().parents[2] / "fixtures" / "seeds" / "002_ddfdc451bd3e8b7f.txt"
TODAY = date(2026, 12, 7)


def _profile(store) -> None:
    save_profile(store, CommuneProfile(
        commune_name="Hòa Bình Xuân", province="Quảng Ngãi", place_name="Hòa Bình Xuân",
        chairman_name="Trần Văn Hùng", chairman_title="Chủ tịch", doc_suffix="UBND",
        superior_authority="Ủy ban nhân dân tỉnh Quảng Ngãi", receiving_office="Sở Nội vụ tỉnh Quảng Ngãi",
        district_authority="Ủy ban nhân dân huyện Sơn Tịnh", district_office="Phòng Nội vụ huyện Sơn Tịnh",
    ))


def import_seed_002(store):
    """Seed 002 (the 2024 plan) read by the app's importer, in a merged commune after the reform; its bases,
    recipients and sections kept as the clerk pastes them into the plan's information."""
    _profile(store)
    imported = read_plan_file(SEED_002)
    sections = {section["heading"]: section["text"] for section in imported.sections}
    data = replace(
        new_plan_data(store, 2024, today=date(2024, 1, 1)), number=imported.number,
        legal_bases=tuple(imported.bases), recipients=tuple(imported.recipients),
        sections=(("purpose", sections["Mục đích, yêu cầu"]), ("organisation", sections["Tổ chức thực hiện"])),
    )
    return save_imported_plan(store, imported, data).value


@pytest.fixture
def seed_plan(store):
    """Seed 002 imported as the commune's 2024 plan."""
    return import_seed_002(store)


def _docx_text(path: Path) -> str:
    from docx import Document as WordDocument

    document = WordDocument(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join([p.text for p in document.paragraphs] + cells).split())


def test_copy_to_2027_finds_the_district_period_and_old_bases(store, seed_plan):
    """Seed 002 copied to 2027 proposes the province for every district reference, 2026-2030 and the new bases."""
    preview = preview_copy(store, seed_plan.id, 2027, today=TODAY)
    pairs = {(p.field, p.before, p.after) for p in preview.proposals}
    assert ("recipients/1", "Phòng Nội vụ huyện Sơn Tịnh", "Sở Nội vụ tỉnh Quảng Ngãi") in pairs
    assert ("section/organisation", "UBND huyện", "Ủy ban nhân dân tỉnh Quảng Ngãi") in pairs
    assert ("section/organisation", "Phòng nội vụ huyện", "Sở Nội vụ tỉnh Quảng Ngãi") in pairs
    law_2025 = "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15"
    assert ("legal_bases/0", seed_plan.legal_bases[0], law_2025) in pairs
    assert any("282/QĐ-TTg" in p.after and p.start == -1 for p in preview.proposals)
    undecided = {u.field for u in preview.unresolved}
    assert {"legal_bases/2", "legal_bases/3", "legal_bases/4", "lead_text"} <= undecided  # district plans, own plan


def test_copy_writes_only_the_accepted_lines_into_the_plan_and_its_word_copy(store, seed_plan, tmp_path):
    """Declining the recipient line and one "UBND huyện" keeps those words; every accepted line is replaced."""
    from app.exporters.plan_papers import export_plan_papers

    preview = preview_copy(store, seed_plan.id, 2027, today=TODAY)
    declined = [p for p in preview.proposals if p.field == "recipients/1"]
    declined += [p for p in preview.proposals if p.field == "section/organisation" and p.before == "UBND huyện"][1:]
    copy = copy_plan(store, seed_plan.id, 2027, [p for p in preview.proposals if p not in declined]).value
    copy = get_plan(store, copy.id)
    assert copy.recipients[1] == "Phòng Nội vụ huyện Sơn Tịnh"
    organisation = copy.section("organisation")
    assert "về Ủy ban nhân dân tỉnh Quảng Ngãi (Sở Nội vụ tỉnh Quảng Ngãi)" in organisation
    assert "báo cáo UBND huyện (Sở Nội vụ tỉnh Quảng Ngãi)" in organisation
    assert copy.legal_bases[0] == "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15"
    assert "282/QĐ-TTg" in copy.legal_bases[-1] and len(copy.legal_bases) == len(seed_plan.legal_bases) + 1
    assert "cấp tỉnh giai đoạn 2021 - 2025" in copy.section("purpose")  # a cited resolution's title: listed, kept
    assert any(u.field == "section/purpose" and "04-NQ/TU" in u.text for u in preview.unresolved)
    products = [t.product for area in plan_tree(store, copy.id) for t in area.tasks]
    assert "Các Quyết định của Ủy ban nhân dân tỉnh Quảng Ngãi" in products
    written = export_plan_papers(store, copy.id, tmp_path / "out")
    text = _docx_text(next(w.path for w in written if w.path.suffix == ".docx"))
    assert "Phòng Nội vụ huyện Sơn Tịnh" in text
    assert "Ủy ban nhân dân tỉnh Quảng Ngãi (Sở Nội vụ tỉnh Quảng Ngãi)" in text
    assert "72/2025/QH15" in text and "282/QĐ-TTg" in text


def test_source_plan_is_untouched_by_an_accepted_copy(store, seed_plan):
    """The 2024 plan keeps its district and its old bases after a copy with every line accepted."""
    preview = preview_copy(store, seed_plan.id, 2027, today=TODAY)
    copy_plan(store, seed_plan.id, 2027, preview.proposals)
    assert get_plan(store, seed_plan.id) == seed_plan


def test_copy_2023_to_2024_proposes_nothing_about_the_district(store):
    """Before the reform the district is still the superior: a 2023 plan copied to 2024 proposes nothing."""
    _profile(store)
    imported = read_plan_file(SEED_002)
    data = replace(new_plan_data(store, 2023, today=date(2023, 1, 2)), legal_bases=tuple(imported.bases),
                   recipients=tuple(imported.recipients))
    plan = save_imported_plan(store, imported, data).value
    preview = preview_copy(store, plan.id, 2024, today=date(2023, 12, 20))
    assert preview.proposals == () and preview.unresolved == ()


def test_a_proposal_for_words_no_longer_there_is_refused(store, seed_plan):
    """A plan edited after the preview: its stale line is refused in Vietnamese and nothing is copied."""
    from app.errors import UserError
    from app.services.plans import list_plans, update_plan

    preview = preview_copy(store, seed_plan.id, 2027, today=TODAY)
    update_plan(store, seed_plan.id, replace(seed_plan.data, recipients=("Lưu: VT.",)))
    stale = [p for p in preview.proposals if p.field == "recipients/1"]
    with pytest.raises(UserError, match="Kế hoạch đã thay đổi sau khi xem trước"):
        copy_plan(store, seed_plan.id, 2027, stale)
    assert [p.year for p in list_plans(store)] == [2024]


def test_new_bases_keep_their_order_past_the_tenth_line(store, seed_plan):
    """With nine bases, the two added ones (lines 10 and 11: NQ 76, then QĐ 282) come last in the table's order."""
    bases = tuple(f"Căn cứ Chỉ thị số {n}/CT-UBND ngày 02/01/2024 của UBND tỉnh" for n in range(1, 10))
    plan = copy_plan(store, seed_plan.id, 2024).value
    from app.services.plans import update_plan

    update_plan(store, plan.id, replace(plan.data, legal_bases=bases))
    preview = preview_copy(store, plan.id, 2027, today=TODAY)
    copy = copy_plan(store, plan.id, 2027, preview.proposals).value
    assert copy.legal_bases[:9] == bases
    assert ["76/NQ-CP" in copy.legal_bases[9], "282/QĐ-TTg" in copy.legal_bases[10]] == [True, True]
