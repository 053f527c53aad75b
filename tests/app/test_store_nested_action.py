"""A service called inside an open action joins it: one transaction, one undo step, reads see its writes."""

from __future__ import annotations

import pytest

from app.errors import UserError
from app.services import plans, undo


def test_nested_actions_make_one_undo_step(store):
    """Two plans created inside an outer action are one journal step under the outer label."""
    with store.action("Hai kế hoạch") as outer:
        first = plans.create_plan(store, plans.new_plan_data(store, 2030))
        plans.create_plan(store, plans.new_plan_data(store, 2031))
        assert not first.changes  # the outer action reports what changed
    assert outer.changes.label == "Hai kế hoạch" and len(outer.changes.ids("plan")) == 2
    assert undo.next_steps(store)[0] == "Hai kế hoạch"
    undo.undo(store)
    assert plans.list_plans(store) == []


def test_a_failure_inside_rolls_back_the_whole_action(store):
    """A plan made before a refusal inside the same outer action is not kept."""
    with pytest.raises(UserError):
        with store.action("Hỏng giữa chừng"):
            plans.create_plan(store, plans.new_plan_data(store, 2030))
            raise UserError("Dừng.")
    assert plans.list_plans(store) == [] and undo.next_steps(store) == (None, None)


def test_reads_inside_see_the_actions_own_writes(store):
    """A service reading inside the action finds the row the action has just written."""
    with store.action("Tạo rồi đọc"):
        made = plans.create_plan(store, plans.new_plan_data(store, 2030)).value
        assert [p.id for p in plans.list_plans(store, 2030)] == [made.id]
