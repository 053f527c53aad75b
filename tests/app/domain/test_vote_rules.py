"""Which vote an award needs on a day and where it comes from; written votes count only where the base is all."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.domain.awards import Quorum, VoteRule, kind_from_dict
from app.domain.vote_rules import CouncilRules, law_entry, resolve, tally
from app.resources import load_json

LAW = load_json("law", "votes.json")
KINDS = {raw["key"]: kind_from_dict(raw) for raw in load_json("awards", "award-kinds.json")["kinds"]}
COUNCIL_2024 = CouncilRules(2024, Quorum(2, 3), {"ldtt": VoteRule(Decimal(60), "present", False)}, True)


def test_a_2024_dossier_takes_the_cstdcs_rule_from_decree_98():
    """05/12/2024: 80 % of all members, NĐ 98/2023 Điều 30 khoản 7, verified."""
    found = resolve(KINDS["cstdcs"], date(2024, 12, 5), COUNCIL_2024, LAW)
    assert (found.rule.percent, found.rule.base, found.rule.strictly_more) == (Decimal(80), "all", False)
    assert found.by_law and found.verified
    assert found.source_phrase() == "theo Nghị định 98/2023/NĐ-CP, Điều 30 khoản 7"


def test_from_july_2025_the_cstdcs_rule_is_decree_152_marked_unverified():
    """NĐ 152/2025's matching article is not checked: the default 80 % says so."""
    found = resolve(KINDS["cstdcs"], date(2025, 8, 1), COUNCIL_2024, LAW)
    assert found.by_law and not found.verified and found.rule.percent == Decimal(80)
    assert found.source_phrase() == "theo Nghị định 152/2025/NĐ-CP; điều khoản chưa được đối chiếu"


def test_before_2024_no_checked_law_so_the_council_rule_applies():
    """A 2023 dossier: the NĐ 91/2017 threshold is not in the data, the council's (the kind's default) applies."""
    council = CouncilRules(2023, Quorum(2, 3))
    found = resolve(KINDS["cstdcs"], date(2023, 12, 1), council, LAW)
    assert not found.by_law and found.source == "Quy chế của Hội đồng năm 2023"
    assert law_entry(LAW, "cstdcs", date(2023, 12, 1))["vote"] is None


def test_lao_dong_tien_tien_follows_the_councils_own_rule_of_the_year():
    """No decree sets it: the council's 60 % of those present, "theo quy chế của Hội đồng"."""
    found = resolve(KINDS["ldtt"], date(2024, 12, 5), COUNCIL_2024, LAW)
    assert found.rule == VoteRule(Decimal(60), "present", False) and not found.by_law
    assert found.describe() == "từ 60% trở lên số thành viên dự họp (theo quy chế của Hội đồng)"


def test_a_kind_the_council_never_set_keeps_its_own_default():
    """Giấy khen: the award kind's shipped vote (more than half of those present)."""
    found = resolve(KINDS["giay_khen_xa"], date(2024, 12, 5), COUNCIL_2024, LAW)
    assert found.rule == KINDS["giay_khen_xa"].vote and found.source == "Quy chế của Hội đồng năm 2024"


def test_written_votes_count_where_the_base_is_all_members():
    """5 of 6 present + 1 written "đồng ý" = 6/7 of all members, 85,71 %; the base is named."""
    rule = resolve(KINDS["cstdcs"], date(2024, 12, 5), COUNCIL_2024, LAW)
    counted = tally(rule, 5, 6, 7, (True,))
    assert (counted.votes_for, counted.base, counted.percent, counted.passed) == (6, 7, Decimal("85.71"), True)
    assert counted.base_text() == "6/7 tổng số thành viên (có 1 phiếu bằng văn bản)"


def test_written_votes_do_not_count_where_the_base_is_those_present():
    """LĐTT: 5 of 6 present, the written vote recorded but not counted: 5/6 of those present."""
    rule = resolve(KINDS["ldtt"], date(2024, 12, 5), COUNCIL_2024, LAW)
    counted = tally(rule, 5, 6, 7, (True,))
    assert (counted.votes_for, counted.base, counted.written_counted) == (5, 6, 0)
    assert counted.base_text() == "5/6 thành viên dự họp"
