"""The dossier's cross-checks on the demo's 2024 dossiers: warnings that say what disagrees and what to do."""

from __future__ import annotations

from datetime import date

from app.services import council
from app.services.dossier import list_dossiers, nominations, update_dossier, update_nomination
from app.services.dossier_checks import CheckFacts, decision_against_votes
from app.services.dossier_readiness import DECISION, LETTER, readiness, warnings

TODAY = date(2024, 12, 20)
CHAIRMAN, MAI, AN = "Trần Văn Hùng", "Lê Thị Mai", "Huỳnh Văn Ân"


def _dossier(store, campaign: str = "Phong trào") -> int:
    return next(item.id for item in list_dossiers(store, 2024) if item.campaign.startswith(campaign))


def _nominee(store, dossier_id: int, name: str):
    return next(item for item in nominations(store, dossier_id, TODAY) if item.name == name)


def _about(found, name: str) -> list[str]:
    return [item.what for item in found if item.what.startswith(name)]


def test_the_chairman_certifying_and_chairing_his_own_nomination_is_warned_not_blocked(demo_store):
    """Trần Văn Hùng signs "xác nhận" on his own report and chairs the vote on it: two warnings, no gap."""
    for dossier_id in (_dossier(demo_store), _dossier(demo_store, "Bình xét")):
        said = _about(warnings(demo_store, dossier_id, TODAY), CHAIRMAN)
        assert any("ký xác nhận báo cáo thành tích là Chủ tịch UBND xã" in line for line in said)
        assert any("chủ trì cuộc họp" in line for line in said)
        assert not _about(readiness(demo_store, dossier_id, TODAY), CHAIRMAN)
    assert not _about(warnings(demo_store, _dossier(demo_store), TODAY), MAI)
    assert not [item for item in warnings(demo_store, _dossier(demo_store, "Bình xét"), TODAY) if item.where == DECISION]


def test_another_chair_removes_the_chair_warning(demo_store):
    """With the Vice-Chair presiding, only the self-certification is left."""
    dossier_id = _dossier(demo_store)
    deputy = next(member for member in council.members(demo_store, 2024) if member.full_name == "Nguyễn Thị Thu Hà")
    council.update_meeting(demo_store, dossier_id, chair_id=deputy.id)
    said = _about(warnings(demo_store, dossier_id, TODAY), CHAIRMAN)
    assert len(said) == 1 and "ký xác nhận" in said[0]


def test_a_report_of_a_nominee_not_carried_is_said_to_be_left_out(demo_store):
    """Huỳnh Văn Ân (2/6): his report stays out of the papers, and the list says so; an empty one is no gap."""
    dossier_id = _dossier(demo_store)
    said = _about(warnings(demo_store, dossier_id, TODAY), AN)
    assert len(said) == 1 and "không được đưa vào hồ sơ" in said[0] and "2/6" in said[0]
    update_nomination(demo_store, _nominee(demo_store, dossier_id, AN).id, report_achievements="")
    assert not _about(readiness(demo_store, dossier_id, TODAY), AN)
    assert not _about(warnings(demo_store, dossier_id, TODAY), AN)


def test_a_report_dated_after_the_letter_is_warned(demo_store):
    """The letter is of 05/12/2024: a report of 06/12/2024 cannot go with it."""
    dossier_id = _dossier(demo_store)
    update_nomination(demo_store, _nominee(demo_store, dossier_id, MAI).id, report_date=date(2024, 12, 6))
    said = _about(warnings(demo_store, dossier_id, TODAY), MAI)
    assert said == [f"{MAI} (Giấy khen của Chủ tịch UBND huyện): báo cáo thành tích ghi ngày 06/12/2024, sau ngày "
                    "tờ trình (05/12/2024). Sửa ngày báo cáo cho không muộn hơn tờ trình."]


def test_a_report_citing_a_decision_signed_after_it_is_warned(demo_store):
    """Mai's report of 25/11/2024 typed "theo Quyết định số 52/QĐ-UBND" (20/12/2024): warned, with what to do."""
    dossier_id = _dossier(demo_store)
    update_nomination(demo_store, _nominee(demo_store, dossier_id, MAI).id,
                      report_achievements="- Đạt Chiến sĩ thi đua cơ sở theo Quyết định số 52/QĐ-UBND.")
    said = _about(warnings(demo_store, dossier_id, TODAY), MAI)
    assert len(said) == 1 and "52/QĐ-UBND ngày 20/12/2024, ban hành sau ngày báo cáo" in said[0]


def test_a_count_typed_in_the_letter_that_the_list_does_not_bear_out_is_warned(demo_store):
    """The letter proposes 01 collective and 08 persons: a typed "09 cá nhân" is named, "08 cá nhân" is not."""
    dossier_id = _dossier(demo_store)
    update_dossier(demo_store, dossier_id, summary="Đề nghị khen thưởng cho 01 tập thể, 09 cá nhân có thành tích.")
    said = [item for item in warnings(demo_store, dossier_id, TODAY) if item.where == LETTER]
    assert len(said) == 1 and "“09 cá nhân”" in said[0].what and "01 tập thể, 08 cá nhân" in said[0].what
    update_dossier(demo_store, dossier_id, summary="Đề nghị khen thưởng cho 01 tập thể, 08 cá nhân có thành tích.")
    assert not [item for item in warnings(demo_store, dossier_id, TODAY) if item.where == LETTER]


def test_an_issued_decision_that_no_longer_matches_the_vote_is_warned(demo_store):
    """The decision wrote ten awards; if the result now grants nine, the decision tab is where to go."""
    granted = tuple(nominations(demo_store, _dossier(demo_store, "Bình xét"), TODAY))
    issued = frozenset((item.subject_kind, item.subject_id, item.award_key) for item in granted)
    assert decision_against_votes(CheckFacts(granted=granted, decision_number="52/QĐ-UBND", decision_awards=issued)) == []
    found = decision_against_votes(CheckFacts(granted=granted[1:], decision_number="52/QĐ-UBND",
                                              decision_awards=issued))
    assert len(found) == 1 and found[0].where == DECISION and "10 lượt" in found[0].what
