"""Who grants what, by the dossier's day: the demo's 2024 dossier, the same dossier dated 2025-08, readiness."""

from __future__ import annotations

from datetime import date, datetime

from app.services import award_decision
from app.services.award_decision import decision_for, issue, routing, update_decision, withdraw
from app.services.dossier import create_dossier, update_dossier
from app.services.dossier_day import day_of, dossier_day
from app.services.dossier_readiness import DECISION, readiness
from app.services.dossier_view import read_view

TODAY = date(2026, 12, 7)
OWN = 2  # the demo's "Bình xét danh hiệu thi đua năm 2024": letter 226/TTr-UBND of 18/12/2024


def _keys(items) -> set[str]:
    return {item.award_key for item in items}


def test_the_dossiers_day_is_the_letter_then_the_meeting_then_today():
    """One rule for every reader: the letter's date, else the council meeting's, else today."""
    letter, meeting = date(2024, 12, 18), date(2024, 12, 16)
    assert dossier_day(letter, meeting, TODAY) == letter
    assert dossier_day(None, meeting, TODAY) == meeting and dossier_day(None, None, TODAY) == TODAY


def test_the_demo_2024_dossier_routes_cstdcs_and_ttldtt_to_the_district(demo_store):
    """Until 30/06/2025 CSTĐCS and TTLĐTT were the district Chairman's: they go up, the commune grants LĐTT."""
    assert day_of(demo_store, OWN, TODAY) == date(2024, 12, 18)
    split = routing(demo_store, OWN, TODAY)
    assert _keys(split.superior) == {"cstdcs", "ttldtt"} and _keys(split.commune) == {"ldtt"}
    assert {item.award.authority for item in split.superior} == {"Chủ tịch UBND huyện"}


def test_the_same_dossier_dated_2025_08_routes_them_to_the_commune(demo_store):
    """With the letter dated 15/08/2025 (NĐ 129/2025 Điều 59) the commune Chairman grants all three."""
    update_dossier(demo_store, OWN, letter_date=date(2025, 8, 15))
    split = routing(demo_store, OWN, TODAY)
    assert _keys(split.commune) == {"ldtt", "cstdcs", "ttldtt"} and not split.superior


def test_the_demo_decision_granted_only_what_the_commune_could_grant(demo_store):
    """QĐ 52/QĐ-UBND of 20/12/2024 wrote only Lao động tiên tiến into the history; the dossier is ready."""
    view = read_view(demo_store, OWN, TODAY)
    assert not [gap for gap in view.missing if gap.where == DECISION]
    assert readiness(demo_store, OWN, TODAY) == []


def test_a_decision_granting_beyond_the_communes_power_on_its_day_is_listed_with_what_to_do(demo_store):
    """Issued as if dated 2025-08, then the letter set back to 2024: each award beyond the commune is named."""
    update_dossier(demo_store, OWN, letter_date=date(2025, 8, 15))
    withdraw(demo_store, OWN)
    issue(demo_store, OWN, now=datetime(2025, 8, 20, 9), today=TODAY)
    update_dossier(demo_store, OWN, letter_date=date(2024, 12, 18))
    gaps = [gap.what for gap in readiness(demo_store, OWN, TODAY) if gap.where == DECISION]
    assert len(gaps) == 2 and all("52/QĐ-UBND" in gap and "Hủy ban hành" in gap for gap in gaps)
    assert any("“Chiến sĩ thi đua cơ sở” cho Lê Thị Mai" in gap and "Chủ tịch UBND huyện" in gap for gap in gaps)


def test_the_authority_line_says_who_grants_what_and_why(demo_store):
    """The dossier page's line: the commune's awards, those proposed to the district, the basis and the day."""
    text = read_view(demo_store, OWN, TODAY).authority_text
    assert text.startswith("Chủ tịch UBND xã tặng: Lao động tiên tiến. Trình Chủ tịch UBND huyện: ")
    assert "Chiến sĩ thi đua cơ sở" in text and "Tập thể lao động tiên tiến" in text
    assert "Điều 80 khoản 2" in text and text.endswith("hồ sơ ngày 18/12/2024).")


def test_the_base_salary_follows_the_signing_date_unless_typed(demo_store):
    """Signed 20/06/2024: 1.800.000 đ; moved to 05/07/2024: 2.340.000 đ; a typed amount stays put."""
    made = create_dossier(demo_store, 2024, "Khen thưởng đột xuất năm 2024", "nd98-m08").value.id
    update_decision(demo_store, made, signed_on=date(2024, 6, 20))
    assert decision_for(demo_store, made).base_salary == 1_800_000
    update_decision(demo_store, made, signed_on=date(2024, 7, 5))
    assert decision_for(demo_store, made).base_salary == 2_340_000
    update_decision(demo_store, made, base_salary=2_000_000)
    update_decision(demo_store, made, signed_on=date(2024, 6, 21))
    assert award_decision.decision_for(demo_store, made).base_salary == 2_000_000


def test_a_district_giay_khen_proposed_after_the_district_was_abolished_is_listed(demo_store):
    """The CCHC dossier (district Giấy khen) dated 15/08/2025: each such nominee is listed with what to choose."""
    assert not [gap for gap in readiness(demo_store, 1, TODAY) if "không còn" in gap.what]
    update_dossier(demo_store, 1, letter_date=date(2025, 8, 15))
    gaps = [gap for gap in readiness(demo_store, 1, TODAY) if "không còn từ 01/7/2025" in gap.what]
    assert len(gaps) == 10 and all(gap.target is not None for gap in gaps)
    assert "Giấy khen của Chủ tịch UBND xã" in gaps[0].what and "hồ sơ ngày 15/8/2025" in gaps[0].what
