"""Eligibility rules one by one, the edges of the five-year window, quorum and vote thresholds at their edges."""

from decimal import Decimal as D

import pytest

from app.domain.awards import (
    COLLECTIVE,
    INDIVIDUAL,
    AwardRecord,
    NomineeFacts,
    Quorum,
    VoteRule,
    check_eligibility,
    kind_from_dict,
    limit_problem,
    vote_result,
    window,
)
from app.resources import load_json

KINDS = {raw["key"]: kind_from_dict(raw) for raw in load_json("awards", "award-kinds.json")["kinds"]}


def _facts(**values):
    base = dict(subject=INDIVIDUAL, year=2024, emulation_qualified=True, registered=None)
    base.update(values)
    return NomineeFacts(**base)


def test_labour_advanced_needs_the_emulation_criteria():
    assert check_eligibility(KINDS["ldtt"], _facts(), KINDS).eligible is True
    result = check_eligibility(KINDS["ldtt"], _facts(emulation_qualified=False,
                                                     emulation_summary="Chưa đạt: Có sáng kiến"), KINDS)
    assert result.eligible is False and "Chưa đạt: Có sáng kiến" in result.summary()
    unknown = check_eligibility(KINDS["ldtt"], _facts(emulation_qualified=None), KINDS)
    assert unknown.eligible is None and unknown.summary().startswith("Chưa đủ thông tin")


def test_emulation_fighter_needs_labour_advanced_the_same_year_and_an_initiative_or_excellence():
    kind = KINDS["cstdcs"]
    result = check_eligibility(kind, _facts(), KINDS)
    assert result.eligible is False
    reasons = [check.reason for check in result.failing]
    assert "cần đạt “Lao động tiên tiến” năm 2024 (chưa có trong danh sách đề nghị)" in reasons
    assert any("chưa có sáng kiến" in reason for reason in reasons)
    assert check_eligibility(kind, _facts(proposed=("ldtt",), initiatives=("“Số hóa”",)), KINDS).eligible is True
    assert check_eligibility(kind, _facts(proposed=("ldtt",), excellent=True), KINDS).eligible is True


def test_discipline_blocks_an_individual():
    result = check_eligibility(KINDS["ldtt"], _facts(discipline=("Khiển trách",)), KINDS)
    assert result.eligible is False
    assert "bị kỷ luật năm 2024: Khiển trách" in result.summary()


def test_a_collective_is_barred_only_by_a_warning_or_worse():
    kind = KINDS["ttldtt"]
    facts = dict(subject=COLLECTIVE, members=10, members_with={"ldtt": 7})
    assert check_eligibility(kind, _facts(**facts, discipline=("Khiển trách",)), KINDS).eligible is True
    result = check_eligibility(kind, _facts(**facts, discipline=("Cảnh cáo",)), KINDS)
    assert result.eligible is False and "từ hình thức cảnh cáo trở lên" in result.summary()


@pytest.mark.parametrize(("holding", "eligible"), [(7, True), (6, False), (10, True)])
def test_seventy_percent_of_members_at_its_edge(holding, eligible):
    result = check_eligibility(KINDS["ttldtt"], _facts(subject=COLLECTIVE, members=10,
                                                        members_with={"ldtt": holding}), KINDS)
    assert result.eligible is eligible


def test_seventy_percent_of_an_odd_number_rounds_up_not_down():
    # 2 of 3 is 66,7 %: not 70 %
    result = check_eligibility(KINDS["ttldtt"], _facts(subject=COLLECTIVE, members=3, members_with={"ldtt": 2}), KINDS)
    assert result.eligible is False and "2/3 thành viên (66,7%)" in result.summary()


def test_a_collective_award_is_refused_for_a_person():
    result = check_eligibility(KINDS["ttldtt"], _facts(), KINDS)
    assert "“Tập thể lao động tiên tiến” chỉ xét cho tập thể" in result.summary()


def test_excellent_collective_needs_an_emulation_fighter_among_members():
    facts = _facts(subject=COLLECTIVE, members=5, members_with={"ldtt": 5})
    assert check_eligibility(KINDS["ttldxs"], facts, KINDS).eligible is False
    facts = _facts(subject=COLLECTIVE, members=5, members_with={"ldtt": 5, "cstdcs": 1})
    assert check_eligibility(KINDS["ttldxs"], facts, KINDS).eligible is True


GK = "giay_khen_huyen"


@pytest.mark.parametrize(
    ("years", "eligible"),
    [((2021, 2025), True), ((2021, 2023), True), ((2020, 2023), False), ((2023, 2026), False), ((2024,), False),
     ((2020, 2026), False), ((2025, 2025), True)],
)
def test_five_year_award_counts_certificates_inside_2021_2025_only(years, eligible):
    history = tuple(AwardRecord(year, GK) for year in years)
    result = check_eligibility(KINDS["gk_cchc_2021_2025"], _facts(year=2025, history=history), KINDS)
    assert result.eligible is eligible


def test_rolling_window_ends_with_the_nomination_year():
    assert window({"years": 5}, 2024) == (2020, 2024)
    assert window({"from": 2021, "to": 2025}, 2030) == (2021, 2025)


def test_the_window_reason_lists_the_years_found():
    history = (AwardRecord(2022, GK), AwardRecord(2019, GK))
    result = check_eligibility(KINDS["gk_cchc_2021_2025"], _facts(year=2025, history=history), KINDS)
    assert ("cần ít nhất 2 lần “Giấy khen của Chủ tịch UBND huyện” trong giai đoạn 2021-2025, mới có 1 (năm 2022)"
            in result.summary())


def test_consecutive_years_count_the_proposal_of_this_year():
    kind = KINDS["bang_khen_tinh"]
    held_last_year = (AwardRecord(2023, "cstdcs"),)
    assert check_eligibility(kind, _facts(history=held_last_year, proposed=("cstdcs",)), KINDS).eligible is True
    result = check_eligibility(kind, _facts(history=held_last_year), KINDS)
    assert result.eligible is False and "thiếu năm 2024" in result.summary()
    gap = (AwardRecord(2022, "cstdcs"),)
    assert check_eligibility(kind, _facts(history=gap, proposed=("cstdcs",)), KINDS).eligible is False


def test_registration_is_a_warning_unless_the_kind_says_it_blocks():
    result = check_eligibility(KINDS["ldtt"], _facts(registered=("cstdcs",)), KINDS)
    assert result.eligible is True and [w.reason for w in result.warnings] == [
        "không đăng ký “Lao động tiên tiến” đầu năm 2024"]
    strict = kind_from_dict({"key": "x", "name": "X", "rules": [{"rule": "registered", "blocking": True}]})
    assert check_eligibility(strict, _facts(registered=()), {"x": strict}).eligible is False


def test_unknown_rule_cannot_be_judged():
    odd = kind_from_dict({"key": "x", "name": "X", "rules": [{"rule": "moon_phase"}]})
    assert check_eligibility(odd, _facts(), {}).eligible is None


def test_limit_of_a_share_of_another_title():
    capped = kind_from_dict({"key": "cstdcs", "name": "Chiến sĩ thi đua cơ sở",
                             "limit": {"max_percent_of": "ldtt", "percent": 15}})
    kinds = dict(KINDS, cstdcs=capped)
    assert limit_problem(capped, 3, {"ldtt": 20}, kinds) == ""
    assert "tối đa 3" in limit_problem(capped, 4, {"ldtt": 20}, kinds)
    assert limit_problem(KINDS["ldtt"], 100, {}, KINDS) == ""


@pytest.mark.parametrize(("present", "members", "met"), [(6, 9, True), (5, 9, False), (2, 3, True), (0, 0, False)])
def test_quorum_of_two_thirds(present, members, met):
    assert Quorum(2, 3).met(present, members) is met


EIGHTY = VoteRule(D(80), "all", strictly_more=False)
MAJORITY = VoteRule(D(50), "present", strictly_more=True)


@pytest.mark.parametrize(("votes", "passed"), [(8, True), (7, False), (10, True)])
def test_eighty_percent_of_all_members_at_its_edge(votes, passed):
    # 10 members, 9 present; 80 % of all members is 8 votes, whoever was absent
    result = vote_result(EIGHTY, votes, present=9, members=10, written=1)
    assert result.passed is passed and result.base == 10


def test_eighty_percent_uses_all_members_not_those_present():
    result = vote_result(EIGHTY, 7, present=7, members=9)
    assert result.percent == D("77.78") and not result.passed
    assert result.text == "7/9 phiếu đồng ý (77,78%), không đạt (cần từ 80% trở lên tổng số thành viên Hội đồng)"


@pytest.mark.parametrize(("votes", "passed"), [(4, False), (5, True), (3, False)])
def test_majority_is_more_than_half_of_those_present(votes, passed):
    # 8 present: 4 votes is exactly half, which is not a majority
    assert vote_result(MAJORITY, votes, present=8, members=9).passed is passed


def test_impossible_counts_are_refused():
    with pytest.raises(ValueError):
        vote_result(MAJORITY, 9, present=8, members=9)
    with pytest.raises(ValueError):
        vote_result(MAJORITY, 1, present=10, members=9)
