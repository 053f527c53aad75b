"""Totals of today's shape: bonus and penalty with their own caps, "Không áp dụng" scaling, exact Decimals."""

from __future__ import annotations

from decimal import Decimal as D

from app.domain.criteria import BONUS, PENALTY, CriteriaSetData, CriterionData, max_total, set_problems, total
from app.domain.score_totals import node_kinds, tally

# Contents 1 (60) and 2 (40) on 100 points, a bonus content (max 5) and a penalty content (max 5), each with two
# criteria whose maxima add up to more than the content's own cap.
SET = (
    CriterionData("1", "Nội dung 1", "field", max_points=D(60)),
    CriterionData("1.1", "Tiêu chí 1.1", parent_code="1", max_points=D(40)),
    CriterionData("1.2", "Tiêu chí 1.2", parent_code="1", max_points=D(20)),
    CriterionData("2", "Nội dung 2", "field", max_points=D(40)),
    CriterionData("2.1", "Tiêu chí 2.1", parent_code="2", max_points=D("38.5")),
    CriterionData("2.2", "Tiêu chí 2.2", parent_code="2", max_points=D("1.5")),
    CriterionData("9a", "Điểm thưởng", "field", max_points=D(5), node_kind=BONUS),
    CriterionData("9a.1", "Sáng kiến", parent_code="9a", max_points=D(4)),
    CriterionData("9a.2", "Khen thưởng", parent_code="9a", max_points=D(3)),
    CriterionData("9b", "Điểm trừ", "field", max_points=D(5), node_kind=PENALTY),
    CriterionData("9b.1", "Trễ hạn", parent_code="9b", max_points=D(4)),
    CriterionData("9b.2", "Chậm báo cáo", parent_code="9b", max_points=D(3)),
)
ORDINARY = {"1.1": D("30.25"), "1.2": D(15), "2.1": D(35), "2.2": D("0.5")}  # 80,75


def test_bonus_adds_and_penalty_subtracts_each_within_its_own_maximum():
    """4 + 3 bonus is capped at 5, 4 + 3 penalty at 5: 80,75 + 5 − 5 = 80,75; the scale stays 100."""
    totals = tally(SET, {**ORDINARY, "9a.1": D(4), "9a.2": D(3), "9b.1": D(4), "9b.2": D(3)})
    assert (totals.ordinary, totals.bonus, totals.penalty, totals.total) == (D("80.75"), D(5), D(5), D("80.75"))
    assert (totals.full_max, totals.applicable_max, totals.scaled) == (D(100), D(100), D("80.75"))
    assert (totals.bonus_max, totals.penalty_max) == (D(5), D(5))


def test_a_penalty_below_its_cap_is_subtracted_whole():
    """80,75 + 2 bonus − 1,5 penalty = 81,25, also in the plain total of app/domain/criteria."""
    scores = {**ORDINARY, "9a.2": D(2), "9b.1": D("1.5")}
    assert tally(SET, scores).total == D("81.25") == total(SET, scores)
    assert max_total(SET) == D(100)


def test_not_applicable_leaves_the_maximum_and_scales_the_total():
    """2.2 (1,5) not applicable: applicable max 98,5; 80,25 × 100 / 98,5 = 81,47 (half up), + 2 bonus."""
    scores = {**ORDINARY, "2.2": D("0.5"), "9a.1": D(2)}
    totals = tally(SET, scores, {"2.2"})
    assert totals.ordinary == D("80.25")  # the N/A criterion's 0,5 does not count
    assert totals.applicable_max == D("98.5")
    assert totals.percent == D("81.47")
    assert totals.scaled == D("81.47") + D(2) == D("83.47")
    assert totals.total == D("82.25")


def test_without_not_applicable_the_scaled_total_is_the_total():
    """Older sets rate exactly as before: no N/A, scaled == total, percent = total / 100."""
    totals = tally(SET, ORDINARY)
    assert totals.scaled == totals.total == D("80.75") and totals.percent == D("80.75")


def test_children_of_a_bonus_content_are_bonus():
    """A criterion's kind is its top-level content's."""
    kinds = node_kinds(SET)
    assert (kinds["9a.2"], kinds["9b.1"], kinds["1.2"]) == (BONUS, PENALTY, "")


def test_an_unknown_node_kind_or_na_rule_is_a_problem():
    """A set naming a kind or an N/A rule the app does not know is refused, in Vietnamese."""
    broken = CriteriaSetData("par", "Bộ thử", 2025, criteria=(CriterionData("1", "A", max_points=D(1),
                                                                          node_kind="thưởng"),), na_rule="bỏ")
    messages = " ".join(problem.message for problem in set_problems(broken))
    assert "Loại mục “thưởng” không hợp lệ" in messages and "Cách tính “Không áp dụng” “bỏ”" in messages
