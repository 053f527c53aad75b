"""Re-mapping a year's scores onto a reshaped set: matched scores, comments and evidence move; the rest is listed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.domain.criteria import PAR
from app.errors import UserError
from app.services import criteria_sets, score_remap, scoring, undo
from tests.app.test_undo_every_action import dump
from tests.app.undo_cases.score_remap import REMOVED, SPLIT, reshaped

YEAR = 2024


@pytest.fixture
def scored(demo_store, tmp_path):
    """The demo's 2024 scores, with a comment and an evidence file on 1.1, and the reshaped set imported."""
    old = criteria_sets.load_set(demo_store, scoring.assessment_set(demo_store, YEAR))
    scoring.set_comment(demo_store, YEAR, old.criterion_ids["1.1"], "Ban hành đúng hạn.")
    paper = tmp_path / "ke-hoach.pdf"
    paper.write_bytes(b"%PDF-1.4 minh chung")
    scoring.attach_evidence(demo_store, YEAR, old.criterion_ids["1.1"], paper)
    new_id = criteria_sets.save_set(demo_store, reshaped(old)).value
    return demo_store, old, new_id


def _by_code(sheet):
    return {line.code: line for line in sheet.lines}


def test_the_proposal_matches_renumbered_codes_by_name_and_lists_the_unmatched(scored):
    """Renamed codes match by name; the split and the removed criteria are unmatched, and so are the split's halves."""
    store, _old, new_id = scored
    plan = score_remap.remap_plan(store, YEAR, new_id)
    unmatched = {line.code for line in plan.lines if line.proposed is None}
    assert unmatched == {SPLIT, REMOVED}
    assert {item.code for item in plan.unmatched_new} == {"A3.1a", "A3.1b"}
    assert all(plan.target(line.proposed).code == "A" + line.code for line in plan.lines if line.proposed)
    assert {line.how for line in plan.lines if line.proposed} == {"name"}


def test_remapping_keeps_every_matched_score_comment_and_evidence(scored):
    """After the move the year uses the new set; every matched score, the comment and the evidence are there."""
    store, old, new_id = scored
    before = _by_code(scoring.score_sheet(store, YEAR))
    plan = score_remap.remap_plan(store, YEAR, new_id)
    mapping = {line.old_id: line.proposed for line in plan.lines}
    split = next(line for line in plan.lines if line.code == SPLIT)
    mapping[split.old_id] = next(item.id for item in plan.targets if item.code == "A3.1a")  # the clerk's choice
    done = score_remap.remap(store, YEAR, new_id, mapping)
    assert done.value.dropped == (REMOVED,) and done.changes.step
    assert scoring.assessment_set(store, YEAR) == new_id
    after = _by_code(scoring.score_sheet(store, YEAR))
    for code, line in before.items():
        if not line.is_leaf or code == REMOVED:
            continue
        target = "A3.1a" if code == SPLIT else "A" + code
        moved = after[target]
        assert (moved.points, moved.basis, moved.comment, moved.evidence) == \
            (line.points, line.basis, line.comment, line.evidence), code
    assert [item.original_name for item in after["A1.1"].evidence] == ["ke-hoach.pdf"]
    assert after["A1.1"].comment == "Ban hành đúng hạn."
    assert after["A3.1b"].points is None


def test_undo_puts_the_scores_back_on_the_old_set(scored):
    """One undo returns the year to its old set with every score, comment and evidence link."""
    store, _old, new_id = scored
    before = dump(store.folder.database)
    plan = score_remap.remap_plan(store, YEAR, new_id)
    score_remap.remap(store, YEAR, new_id, {line.old_id: line.proposed for line in plan.lines})
    undo.undo(store)
    assert dump(store.folder.database) == before


def test_two_criteria_onto_one_are_refused_in_vietnamese(scored):
    """Moving two old criteria onto the same new one is refused, naming both, and nothing changes."""
    store, old, new_id = scored
    plan = score_remap.remap_plan(store, YEAR, new_id)
    target = plan.lines[0].proposed
    before = dump(store.folder.database)
    with pytest.raises(UserError, match="cùng được chuyển sang"):
        score_remap.remap(store, YEAR, new_id, {plan.lines[0].old_id: target, plan.lines[1].old_id: target})
    assert dump(store.folder.database) == before


def test_the_same_set_or_a_year_not_started_is_refused(scored):
    """Nothing to move: the year's own set, or a year whose scoring has not started, says what to do instead."""
    store, old, new_id = scored
    with pytest.raises(UserError, match="đang dùng chính bộ"):
        score_remap.remap_plan(store, YEAR, old.id)
    with pytest.raises(UserError, match="chưa bắt đầu chấm điểm"):
        score_remap.remap_plan(store, 2031, new_id, PAR)


def test_an_emulation_year_moves_its_marks(demo_store):
    """The emulation evaluation moves its marks the same way (onto a renumbered copy of its set)."""
    from app.domain.criteria import EMULATION
    from app.services import emulation_evaluation

    old = criteria_sets.load_set(demo_store, scoring.assessment_set(demo_store, YEAR, EMULATION))
    first = emulation_evaluation.evaluation(demo_store, YEAR)
    copy = replace(old.data, name=old.data.name + " (sửa đổi)", criteria=tuple(
        replace(item, code="B" + item.code, parent_code=item.parent_code and "B" + item.parent_code)
        for item in old.data.criteria))
    new_id = criteria_sets.save_set(demo_store, copy).value
    plan = score_remap.remap_plan(demo_store, YEAR, new_id, EMULATION)
    assert all(line.proposed for line in plan.lines)
    score_remap.remap(demo_store, YEAR, new_id, {line.old_id: line.proposed for line in plan.lines}, EMULATION)
    moved = emulation_evaluation.evaluation(demo_store, YEAR)
    assert [(s.name, s.verdict.qualifies) for s in moved.subjects] == [(s.name, s.verdict.qualifies) for s in first.subjects]
