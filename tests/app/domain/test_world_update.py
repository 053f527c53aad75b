"""Proposals for a plan copied to a new year: the district, the period, the legal bases, and what stays undecided."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date

import pytest

from app.domain.world_update import PlanText, propose, world_for
from app.paths import resource
from app.queries.models.profile import CommuneProfile

TABLES = json.loads(resource("law", "successors.json").read_text(encoding="utf-8"))
LEVELS = json.loads(resource("law", "hierarchy.json").read_text(encoding="utf-8"))["levels"]
PROFILE = CommuneProfile(commune_name="Hòa Bình Xuân", superior_authority="Ủy ban nhân dân tỉnh Quảng Ngãi",
                         receiving_office="Sở Nội vụ tỉnh Quảng Ngãi",
                         district_authority="Ủy ban nhân dân huyện Bình Xuân")


def _world(year: int, today: date, profile: CommuneProfile = PROFILE):
    return world_for(profile, year, today, LEVELS, TABLES["successors"], TABLES["periods"])


def _propose(text: str, year: int = 2027, today: date = date(2026, 12, 7), field: str = "section/organisation",
             profile: CommuneProfile = PROFILE):
    return propose([PlanText(field, "Mục", text)], _world(year, today, profile))


@pytest.mark.parametrize("entry", TABLES["successors"] + TABLES["periods"], ids=lambda e: e.get("id", "period"))
def test_every_successor_and_period_says_its_source_and_whether_it_is_verified(entry):
    """Each entry of successors.json names its source, a verified flag, and a Vietnamese reason in NFC."""
    assert entry["source"].strip() and isinstance(entry["verified"], bool)
    assert entry["why"] == unicodedata.normalize("NFC", entry["why"]) and entry["why"].strip()
    if "from" in entry:
        date.fromisoformat(entry["from"])
        assert entry.get("old") or entry.get("cited"), "an entry either replaces an old basis or adds a missing one"
        for pattern in (entry.get("old"), entry.get("cited")):
            if pattern:
                re.compile(pattern)
                assert pattern == pattern.lower() and "đ" not in pattern, "patterns match folded text"
        assert entry["new"] is None or entry["new"] == unicodedata.normalize("NFC", entry["new"])


def test_district_reference_becomes_the_province_after_the_reform():
    """ "UBND huyện (Phòng nội vụ huyện)" in a 2027 plan: two proposals naming the province and its Sở Nội vụ."""
    proposals, _ = _propose("Báo cáo về UBND huyện (Phòng nội vụ huyện) đúng hạn.")
    assert [(p.before, p.after, p.start) for p in proposals] == [
        ("UBND huyện", "Ủy ban nhân dân tỉnh Quảng Ngãi", 11), ("Phòng nội vụ huyện", "Sở Nội vụ tỉnh Quảng Ngãi", 23)]
    assert "01/7/2025" in proposals[0].why


def test_before_the_reform_the_district_stays():
    """A 2025 plan (01/01/2025, the district still in force) keeps its district: nothing is proposed."""
    assert _propose("Báo cáo về UBND huyện (Phòng Nội vụ huyện).", year=2025, today=date(2024, 12, 1)) == ((), ())


def test_level_keeps_its_capital_and_the_district_name_goes_with_it():
    """ "Cấp huyện" becomes "Cấp tỉnh"; "Ủy ban nhân dân huyện Bình Xuân" is replaced whole, name included."""
    proposals, _ = _propose("Cấp huyện hướng dẫn. Gửi Ủy ban nhân dân huyện Bình Xuân.")
    assert [(p.before, p.after) for p in proposals] == [
        ("Cấp huyện", "Cấp tỉnh"), ("Ủy ban nhân dân huyện Bình Xuân", "Ủy ban nhân dân tỉnh Quảng Ngãi")]


def test_a_superior_without_a_name_is_listed_not_blanked():
    """A profile without the province's name: the district reference is listed for the clerk, never replaced by ""."""
    proposals, unresolved = _propose("Gửi UBND huyện.", profile=CommuneProfile(commune_name="Hòa Bình Xuân"))
    assert proposals == () and unresolved[0].text == "UBND huyện" and "Thông tin đơn vị" in unresolved[0].why


def test_period_is_proposed_in_the_plan_own_words_but_listed_inside_a_citation():
    """ "giai đoạn 2021-2025" of the plan becomes 2026-2030; inside a cited resolution's title it is only listed."""
    proposals, unresolved = _propose("Thực hiện mục tiêu giai đoạn 2021-2025 của xã.\n"
                                     "Triển khai Nghị quyết số 04-NQ/TU ngày 18/10/2021 giai đoạn 2021 - 2025.")
    assert [(p.before, p.after) for p in proposals] == [("2021-2025", "2026-2030")]
    assert "04-NQ/TU" in unresolved[0].text


def test_period_is_left_alone_before_2026():
    """A 2025 plan still belongs to 2021-2025."""
    assert _propose("Giai đoạn 2021-2025.", year=2025, today=date(2024, 12, 1)) == ((), ())


def test_qd_282_is_offered_only_once_it_exists():
    """A 2026 plan copied on 05/01/2026 cannot cite QĐ 282 (12/02/2026); copied on 01/03/2026 it can."""
    bases = [PlanText("legal_bases/0", "Căn cứ, dòng 1", "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ")]
    early, _ = propose(bases, _world(2026, date(2026, 1, 5)))
    late, _ = propose(bases, _world(2026, date(2026, 3, 1)))
    assert early == () and [p.field for p in late] == ["legal_bases/1"] and "282/QĐ-TTg" in late[0].after


def test_a_district_plan_cited_as_basis_has_no_successor():
    """ "Kế hoạch … của UBND huyện" as a basis is listed as undecidable, with the table's reason."""
    text = "Căn cứ Kế hoạch số 15/KH-UBND ngày 10/01/2024 của UBND huyện Bình Xuân"
    basis = PlanText("legal_bases/0", "Căn cứ, dòng 1", text)
    proposals, unresolved = propose([basis], _world(2027, date(2026, 12, 7)))
    assert [u.text for u in unresolved] == [text] and "không có văn bản thay thế" in unresolved[0].why
    assert all(p.start == -1 for p in proposals)  # only the bases the year should add


def test_drafting_office_and_former_commune_are_listed():
    """A task led by "Công chức Văn phòng - Thống kê" and a "xã Tịnh Minh" in a merged commune are listed."""
    texts = [PlanText("task/1/lead_text", "Nhiệm vụ 1.1 – Chủ trì", "Công chức Văn phòng - Thống kê"),
             PlanText("task/1/title", "Nhiệm vụ 1.1 – Nội dung", "Chuyển đổi số xã Tịnh Minh năm 2027")]
    _, unresolved = propose(texts, _world(2027, date(2026, 12, 7)))
    assert {u.field for u in unresolved} == {"lead_text", "task/1/title"}
    assert next(u for u in unresolved if u.field == "task/1/title").text == "xã Tịnh Minh"


def test_texts_come_back_nfc():
    """A text typed decomposed (NFD) gives proposals in NFC."""
    proposals, _ = _propose(unicodedata.normalize("NFD", "Gửi Phòng Nội vụ huyện."))
    assert proposals[0].before == unicodedata.normalize("NFC", "Phòng Nội vụ huyện")


def test_the_commune_own_name_at_a_line_end_is_not_a_former_commune():
    """ "xã Hòa Bình Xuân." before a line break is the profile's commune, not a former one."""
    assert _propose("Kế hoạch của xã Hòa Bình Xuân.\n- Tiếp theo") == ((), ())


def test_a_basis_whose_successor_is_cited_already_is_proposed_for_removal():
    """The 2015 law beside Luật 72/2025/QH15 already cited: the old line is proposed to go, not to become a twin."""
    texts = [PlanText("legal_bases/0", "Căn cứ, dòng 1", "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15"),
             PlanText("legal_bases/1", "Căn cứ, dòng 2", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015")]
    proposals, _ = propose(texts, _world(2027, date(2026, 12, 7)))
    dropped = next(p for p in proposals if p.field == "legal_bases/1")
    assert dropped.after == "" and "bỏ dòng này" in dropped.why
