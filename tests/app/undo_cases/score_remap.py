"""Undo cases: moving a year's scores onto another criteria set."""

from __future__ import annotations

from app.services import criteria_sets, score_remap, scoring
from tests.app.services.test_score_remap import reshaped
from tests.app.undo_cases import Case

YEAR = 2024


def _prepare(store) -> int:
    old = criteria_sets.load_set(store, scoring.assessment_set(store, YEAR))
    return criteria_sets.save_set(store, reshaped(old)).value


def _remap(store, new_id):
    plan = score_remap.remap_plan(store, YEAR, new_id)
    return score_remap.remap(store, YEAR, new_id, {line.old_id: line.proposed for line in plan.lines})


CASES = [Case("chuyển điểm sang bộ tiêu chí khác", _remap, prepare=_prepare)]
