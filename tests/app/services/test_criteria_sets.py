from datetime import datetime
from decimal import Decimal as D

import pytest

from app.domain.criteria import PAR, CriteriaSetData, CriterionData, RatingBand, set_problems
from app.errors import UserError
from app.services import criteria_sets


def test_a_broken_set_is_refused_with_every_problem_and_nothing_saved(store):
    before = len(criteria_sets.list_sets(store))
    broken = CriteriaSetData(PAR, "Bộ lỗi", 2024, criteria=(
        CriterionData("1", "A", "field", max_points=D(2)),
        CriterionData("1.1", "B", parent_code="1", max_points=D(3)),
        CriterionData("2", "C"),
    ))
    with pytest.raises(UserError) as caught:
        criteria_sets.save_set(store, broken)
    assert "Tiêu chí 1.1: Điểm tối đa 3 vượt điểm tối đa 2 của tiêu chí cha 1." in caught.value.hint
    assert "Tiêu chí 2: Thiếu điểm tối đa." in caught.value.hint
    assert len(criteria_sets.list_sets(store)) == before


def test_a_saved_set_reads_back_equal_and_cleaned(store):
    data = CriteriaSetData(PAR, " Bộ  chỉ số  tỉnh ", 2025, "UBND tỉnh", criteria=(
        CriterionData("1", "Chỉ đạo", "field", max_points=D(10)),
        CriterionData("1.1", "Tỷ lệ", parent_code="1", max_points=D("2.5"),
                      rule=criteria_sets.rule_from_text("ratio", "100%: 2,5 | dưới 100%: theo tỷ lệ")),
    ), ratings=(RatingBand("Tốt", D(8)),))
    set_id = criteria_sets.save_set(store, data, now=datetime(2025, 1, 1)).value
    loaded = criteria_sets.load_set(store, set_id)
    assert loaded.data.name == "Bộ chỉ số tỉnh"
    assert loaded.data.criteria == data.criteria and loaded.data.ratings == data.ratings
    assert set(loaded.criterion_ids) == {"1", "1.1"}


def test_the_shipped_sets_are_sound_and_say_where_they_come_from(store):
    for data in criteria_sets.default_sets():
        assert set_problems(data) == []
    par = criteria_sets.default_sets()[0]
    assert "ví dụ" in par.name and "3199/QĐ-UBND" in par.decision
    # criterion 1.3 is the Đồng Nai fragment, word for word
    names = {item.code: item.name for item in par.criteria}
    assert names["1.3.2"] == "Mức độ đa dạng trong tuyên truyền CCHC"
    again = criteria_sets.install_default_sets(store)
    assert again.value == 0 and not again.changes  # already there, not twice: no step either
