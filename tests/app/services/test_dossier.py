"""The award dossier's services: nominations with eligibility, the council's votes, the history, the drafts."""

from datetime import date, time

import pytest

from app.domain.criteria import EMULATION
from app.errors import UserError
from app.services import award_history, council, criteria_sets, registers, scoring, written_votes
from app.services.achievement_draft import draft_report
from app.services.dossier import (
    add_nomination,
    create_dossier,
    form_version_for,
    nominations,
    update_dossier,
    update_nomination,
)
from app.services.dossier_readiness import readiness
from app.services.officials import OfficialData, add_official

TODAY = date(2025, 1, 10)


@pytest.fixture
def year(store):
    people = {name: add_official(store, OfficialData(name, position=position, department=dept)).value.id
              for name, position, dept in (
                  ("Trần Văn Hùng", "Chủ tịch UBND xã", "Lãnh đạo"), ("Lê Thị Mai", "Công chức VP-TK", "VP-TK"),
                  ("Trương Thị Ơn", "Nhân viên Một cửa", "VP-TK"), ("Huỳnh Văn Ân", "Công chức ĐC-XD", "ĐC-XD"))}
    desk = registers.save_collective(store, "Bộ phận Một cửa", "VP-TK").value.id
    seed = next(item for item in criteria_sets.list_sets(store, EMULATION) if "của xã" in item.name)
    scoring.start(store, 2024, seed.id, kind=EMULATION)
    dossier = create_dossier(store, 2024, "Phong trào thi đua đẩy mạnh CCHC năm 2024", today=TODAY).value
    return store, people, desk, dossier.id


def _qualify(store, official_id):
    """Mark every criterion met for one official (the evaluation is the clerk's and the app's)."""
    from app.services.emulation_evaluation import evaluation, set_mark

    evaluated = evaluation(store, 2024, TODAY)
    for mark in evaluated.subject("official", official_id).marks:
        set_mark(store, 2024, evaluated.criterion_ids[mark.criterion_code], "official", official_id, "met", "Đạt")


def _by_name(store, dossier_id):
    return {(item.name, item.award_key): item for item in nominations(store, dossier_id, TODAY)}


def test_form_version_follows_the_date():
    assert form_version_for(date(2023, 12, 31)) == "nd91-m07"
    assert form_version_for(date(2024, 1, 1)) == "nd98-m08"
    assert form_version_for(date(2025, 6, 30)) == "nd98-m08"
    assert form_version_for(date(2025, 7, 1)) == "nd152-m08"


def test_a_nominee_shows_at_once_whether_eligible_and_why_not(year):
    store, people, _, dossier = year
    add_nomination(store, dossier, "official", people["Lê Thị Mai"], "ldtt")
    item = _by_name(store, dossier)[("Lê Thị Mai", "ldtt")]
    assert item.eligibility.eligible is False  # no initiative yet: the seed's criteria are not all met
    assert "Có sáng kiến" in item.eligibility.summary()
    _qualify(store, people["Lê Thị Mai"])
    assert _by_name(store, dossier)[("Lê Thị Mai", "ldtt")].eligibility.eligible is True


def test_emulation_fighter_reads_the_other_nomination_and_the_initiative(year):
    store, people, _, dossier = year
    mai = people["Lê Thị Mai"]
    _qualify(store, mai)
    add_nomination(store, dossier, "official", mai, "cstdcs")
    reasons = [check.reason for check in _by_name(store, dossier)[("Lê Thị Mai", "cstdcs")].eligibility.failing]
    assert any("Lao động tiên tiến" in reason for reason in reasons)
    add_nomination(store, dossier, "official", mai, "ldtt")
    registers.save_initiative(store, registers.InitiativeData(2024, "Số hóa sổ hộ tịch", (mai,)))
    assert _by_name(store, dossier)[("Lê Thị Mai", "cstdcs")].eligibility.eligible is True


def test_a_collective_counts_its_members_proposals(year):
    store, people, desk, dossier = year
    add_nomination(store, dossier, "collective", desk, "ttldtt")
    item = _by_name(store, dossier)[("Bộ phận Một cửa", "ttldtt")]
    assert any("0/2 thành viên" in check.reason for check in item.eligibility.failing)
    add_nomination(store, dossier, "official", people["Lê Thị Mai"], "ldtt")
    add_nomination(store, dossier, "official", people["Trương Thị Ơn"], "ldtt")
    item = _by_name(store, dossier)[("Bộ phận Một cửa", "ttldtt")]
    assert not any("thành viên (" in check.reason for check in item.eligibility.failing)


def test_the_wrong_subject_or_a_duplicate_is_refused(year):
    store, people, desk, dossier = year
    with pytest.raises(UserError, match="chỉ xét cho tập thể"):
        add_nomination(store, dossier, "official", people["Lê Thị Mai"], "ttldtt")
    add_nomination(store, dossier, "official", people["Lê Thị Mai"], "ldtt")
    with pytest.raises(UserError, match="đã có trong danh sách"):
        add_nomination(store, dossier, "official", people["Lê Thị Mai"], "ldtt")


def test_history_feeds_the_five_year_rule(year):
    store, people, _, _ = year
    dossier = create_dossier(store, 2025, "Tổng kết phong trào thi đua CCHC 2021-2025", today=TODAY).value.id
    add_nomination(store, dossier, "official", people["Lê Thị Mai"], "gk_cchc_2021_2025")
    award_history.add_record(store, award_history.RecordData("official", "Lê Thị Mai", 2022,
                                                             "Giấy khen của Chủ tịch UBND huyện"))
    item = nominations(store, dossier, TODAY)[0]
    assert "mới có 1 (năm 2022)" in item.eligibility.summary()
    award_history.add_record(store, award_history.RecordData("official", "lê thị mai", 2024,
                                                             "giay khen cua chu tich ubnd huyen"))
    assert nominations(store, dossier, TODAY)[0].eligibility.eligible is True


def _council(store, dossier, present=7, total=9, written=0):
    for number in range(total):
        council.add_member(store, 2024, "Ủy viên", full_name=f"Thành viên {number + 1}")
    for member in council.members(store, 2024)[present:]:
        council.set_attendance(store, dossier, member.id, False, "Đi công tác", written_vote=written > 0)
        written -= 1


def test_votes_below_the_threshold_fail_and_the_result_follows_the_numbers(year):
    """CSTĐCS counts of all members: 7 at the meeting fail, the absent member's written "đồng ý" carries it."""
    store, people, _, dossier = year
    mai = people["Lê Thị Mai"]
    nomination = add_nomination(store, dossier, "official", mai, "cstdcs").value
    _council(store, dossier, present=8, total=10, written=1)
    held = council.meeting(store, dossier)
    assert (held.present, held.total, held.written, held.quorum_met) == (8, 10, 1, True)
    council.set_votes(store, nomination, 7)
    outcome = council.outcomes(store, dossier)[nomination]
    assert outcome.passed is False
    assert outcome.text() == ("7/10 phiếu đồng ý (70%), không đạt (cần từ 80% trở lên tổng số thành viên Hội đồng); "
                              "theo Nghị định 98/2023/NĐ-CP, Điều 30 khoản 7")
    writer = held.absent[0].member
    written_votes.set_written_vote(store, nomination, writer.id, True)
    assert council.outcomes(store, dossier)[nomination].passed is True
    with pytest.raises(UserError, match="nhiều hơn số thành viên dự họp"):
        council.set_votes(store, nomination, 9)


def test_a_meeting_without_quorum_passes_nothing(year):
    store, people, _, dossier = year
    nomination = add_nomination(store, dossier, "official", people["Lê Thị Mai"], "ldtt").value
    _council(store, dossier, present=5, total=9)
    council.set_votes(store, nomination, 5)
    outcome = council.outcomes(store, dossier)[nomination]
    assert outcome.result.passed and outcome.passed is False
    assert "không đủ số lượng" in outcome.text()
    assert "5/9 thành viên dự họp: không đủ" in council.meeting(store, dossier).quorum_text()


def test_readiness_lists_what_is_missing_and_empties_when_complete(year):
    store, people, _, dossier = year
    mai = people["Lê Thị Mai"]
    _qualify(store, mai)
    nomination = add_nomination(store, dossier, "official", mai, "ldtt").value
    missing = [item.what for item in readiness(store, dossier, TODAY)]
    assert "Tờ trình chưa có số." in missing
    assert any("Hội đồng" in item for item in missing)
    assert "Lê Thị Mai (Lao động tiên tiến): chưa có báo cáo thành tích." in missing
    update_dossier(store, dossier, letter_number="15/TTr-UBND", letter_date=date(2024, 12, 2),
                   addressee="Chủ tịch Ủy ban nhân dân huyện Trực Ninh")
    _council(store, dossier, present=6, total=7)
    members = council.members(store, 2024)
    council.update_meeting(store, dossier, held_on=date(2024, 11, 28), starts_at=time(8), ends_at=time(10),
                           place="Hội trường UBND xã", chair_id=members[0].id, secretary_id=members[-1].id)
    draft = draft_report(store, nomination, TODAY)
    update_nomination(store, nomination, report_achievements=draft.achievements or "Hoàn thành tốt nhiệm vụ.",
                      identity=draft.identity, report_duties=draft.duties)
    council.set_votes(store, nomination, 6)
    assert readiness(store, dossier, TODAY) == []


def test_letter_numbers_are_unique_within_a_year(year):
    store, _, _, dossier = year
    update_dossier(store, dossier, letter_number="15/TTr-UBND")
    other = create_dossier(store, 2024, "Khen thưởng chuyên đề", today=TODAY).value.id
    with pytest.raises(UserError, match="đã dùng"):
        update_dossier(store, other, letter_number="15/TTr-UBND")
    next_year = create_dossier(store, 2025, "Phong trào 2025", today=TODAY).value.id
    update_dossier(store, next_year, letter_number="15/TTr-UBND")  # another year: fine


def test_the_draft_uses_what_the_app_knows(year):
    store, people, _, dossier = year
    mai = people["Lê Thị Mai"]
    registers.save_initiative(store, registers.InitiativeData(2024, "Số hóa sổ hộ tịch", (mai,), "Hội đồng xã",
                                                              "145/QĐ-UBND"))
    nomination = add_nomination(store, dossier, "official", mai, "ldtt").value
    draft = draft_report(store, nomination, TODAY)
    assert draft.identity["Họ và tên"] == "Lê Thị Mai" and draft.identity["Chức vụ"] == "Công chức VP-TK"
    assert "Có sáng kiến “Số hóa sổ hộ tịch” (QĐ số 145/QĐ-UBND, Hội đồng xã)." in draft.achievements
    assert "không bị xử lý kỷ luật năm 2024" in draft.achievements


def test_award_kinds_are_checked_before_saving_and_can_be_retired(store):
    from app.services import award_kinds

    raw = award_kinds.kind_definition(store, "gk_cchc_2021_2025")
    broken = dict(raw, rules=[{"rule": "awards_in_window", "awards": ["giay_khen_huyen"], "min": 2,
                               "from": 2025, "to": 2021}])
    with pytest.raises(UserError, match="giai đoạn từ năm … đến năm … không hợp lệ"):
        award_kinds.save_kind(store, broken)
    with pytest.raises(UserError, match="không đọc được"):
        award_kinds.save_kind(store, dict(raw, vote="80%"))
    assert award_kinds.set_kind_active(store, "gk_cchc_2021_2025", False).label.startswith("Ngừng dùng")
    assert "gk_cchc_2021_2025" not in award_kinds.award_kinds(store)
    assert "gk_cchc_2021_2025" in award_kinds.award_kinds(store, active_only=False)


def test_a_name_two_officials_share_links_to_nobody(store):
    add_official(store, OfficialData("Nguyễn Văn An"))
    add_official(store, OfficialData("Nguyễn Văn Ân"))
    record = award_history.add_record(store, award_history.RecordData("official", "Nguyen Van An", 2023,
                                                                      "Giấy khen")).value
    assert [r.subject_id for r in award_history.list_records(store) if r.id == record] == [None]
    with pytest.raises(UserError, match="Sổ đã có"):
        award_history.add_record(store, award_history.RecordData("official", "Nguyen Van An", 2023, "Giấy khen"))


def test_the_preview_judges_picks_as_the_list_will_and_writes_nothing(year):
    """Before adding: the same verdict the list gives once added; no nomination row appears."""
    from app.services.dossier import preview_eligibility

    store, people, _, dossier = year
    mai, on = people["Lê Thị Mai"], people["Trương Thị Ơn"]
    _qualify(store, mai)
    found = preview_eligibility(store, dossier, [("official", mai), ("official", on)], "ldtt", TODAY)
    assert found[("official", mai)].eligible is True and found[("official", on)].eligible is False
    assert nominations(store, dossier, TODAY) == []
    add_nomination(store, dossier, "official", on, "ldtt")
    assert _by_name(store, dossier)[("Trương Thị Ơn", "ldtt")].eligibility == found[("official", on)]


def test_an_empty_dossier_can_be_deleted_and_brought_back_one_with_nominees_cannot(year):
    from app.services.award_decision import decision_for, update_decision
    from app.services import undo
    from app.services.dossier import delete_dossier, list_dossiers

    store, people, _, dossier = year
    council.update_meeting(store, dossier, place="Hội trường")
    update_decision(store, dossier, number="3/QĐ-UBND")
    delete_dossier(store, dossier)
    assert list_dossiers(store, 2024) == []
    undo.undo(store)
    (back,) = list_dossiers(store, 2024)
    assert back.id == dossier and back.campaign == "Phong trào thi đua đẩy mạnh CCHC năm 2024"
    assert council.meeting(store, dossier).place == "Hội trường" and decision_for(store, dossier).number == "3/QĐ-UBND"
    add_nomination(store, dossier, "official", people["Lê Thị Mai"], "ldtt")
    with pytest.raises(UserError, match="đã có 1 đề nghị"):
        delete_dossier(store, dossier)
    assert [item.id for item in list_dossiers(store, 2024)] == [dossier]
