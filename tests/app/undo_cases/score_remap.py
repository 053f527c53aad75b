"""Undo cases: moving a year's scores onto another criteria set."""

from __future__ import annotations

from dataclasses import replace

from app.domain.criteria import Rule
from app.services import criteria_sets, score_remap, scoring
from tests.app.undo_cases import Case

YEAR = 2024
SPLIT, REMOVED = "3.1", "6.4"


def reshaped(stored: criteria_sets.StoredSet) -> criteria_sets.CriteriaSetData:
    """The demo's set as a province might reissue it: codes renumbered (A…), 3.1 split in two, 6.4 removed."""
    criteria = []
    for item in stored.data.criteria:
        moved = replace(item, code="A" + item.code, parent_code=item.parent_code and "A" + item.parent_code)
        if item.code == SPLIT:
            half = item.max_points / 2
            criteria += [replace(moved, code="A3.1a", name="Niêm yết thủ tục tại Bộ phận một cửa", max_points=half,
                                     rule=Rule(), source=""),
                         replace(moved, code="A3.1b", name="Đăng tải thủ tục trên Cổng dịch vụ công", max_points=half,
                                     rule=Rule(), source="")]
        elif item.code != REMOVED:
            criteria.append(moved)
    return replace(stored.data, name="Bộ chỉ số CCHC cấp xã của tỉnh (bản mới)", criteria=tuple(criteria))


def _prepare(store) -> int:
    old = criteria_sets.load_set(store, scoring.assessment_set(store, YEAR))
    return criteria_sets.save_set(store, reshaped(old)).value


def _remap(store, new_id):
    plan = score_remap.remap_plan(store, YEAR, new_id)
    return score_remap.remap(store, YEAR, new_id, {line.old_id: line.proposed for line in plan.lines})


CASES = [Case("chuyển điểm sang bộ tiêu chí khác", _remap, prepare=_prepare)]
