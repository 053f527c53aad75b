"""The turn of the year ("Bắt đầu năm …") on the demo: 2026 carried into 2027 once, as one undoable action."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.awards import Quorum, VoteRule
from app.errors import UserError
from app.services import council, council_rules, officials, plans, registration, scoring, undo, year_start
from app.services.scoring import assessment_set
from tests.app.test_undo_every_action import dump

FROM, TO = 2026, 2027


def test_each_part_is_created_once(demo_store):
    """Plans, council, its rules, registration, PAR scoring and emulation evaluation of 2027 exist after one run,
    from 2026's."""
    done = year_start.start_year(demo_store, TO)
    states = {result.key: result.state for result in done.value}
    assert states == {"plans": "done", "council": "done", "rules": "done", "kinds": "nothing",
                      "registration": "done", "scoring": "done", "emulation": "done"}
    assert sorted(p.kind for p in plans.list_plans(demo_store, TO)) == sorted(p.kind for p in plans.list_plans(demo_store, FROM))
    assert [m.full_name for m in council.members(demo_store, TO)] == [m.full_name for m in council.members(demo_store, FROM)]
    active = {o.id for o in officials.list_officials(demo_store, include_inactive=False)}
    last_year = registration.registrations(demo_store, FROM)
    carried = registration.registrations(demo_store, TO)
    assert carried == {r for r in last_year if r.subject_kind != "official" or r.subject_id in active}
    assert assessment_set(demo_store, TO) == assessment_set(demo_store, FROM)
    assert assessment_set(demo_store, TO, "emulation") == assessment_set(demo_store, FROM, "emulation")
    assert done.changes.label == f"Bắt đầu năm {TO}" and done.changes.step


def test_a_second_run_changes_nothing(demo_store):
    """Running it again skips every step, says why, and writes no row and no undo step."""
    year_start.start_year(demo_store, TO)
    before = dump(demo_store.folder.database)
    again = year_start.start_year(demo_store, TO)
    assert not again.changes and dump(demo_store.folder.database) == before
    assert all(result.state in ("skipped", "nothing") for result in again.value)
    assert all(str(TO) in result.text for result in again.value if result.state == "skipped")


def test_one_undo_takes_it_all_back(demo_store):
    """The whole turn of the year is one step of the journal: one undo restores every table."""
    before = dump(demo_store.folder.database)
    year_start.start_year(demo_store, TO)
    assert undo.next_steps(demo_store)[0] == f"Bắt đầu năm {TO}"
    undo.undo(demo_store)
    assert dump(demo_store.folder.database) == before


def test_a_failure_leaves_nothing_half_done(demo_store, monkeypatch):
    """A step failing after the plans were copied rolls back the plans too, and leaves no undo step."""
    before = dump(demo_store.folder.database)

    def refuse(*_args, **_kwargs):
        raise UserError("Không bắt đầu được.")
    monkeypatch.setattr(scoring, "start", refuse)
    with pytest.raises(UserError):
        year_start.start_year(demo_store, TO)
    assert dump(demo_store.folder.database) == before


def test_the_council_rules_of_the_year_are_carried(demo_store):
    """Rules saved for 2026 (quorum, a threshold) become 2027's; the preview says it will copy them."""
    ldtt = VoteRule(Decimal(60), "present", False)
    council_rules.save_rules(demo_store, FROM, Quorum(3, 4), {"ldtt": ldtt})
    assert year_start.preview(demo_store, TO).steps[2].ready
    year_start.start_year(demo_store, TO, keys={"rules"})
    carried = council_rules.rules(demo_store, TO)
    assert carried.quorum == Quorum(3, 4) and carried.thresholds == {"ldtt": ldtt} and carried.saved


def test_only_the_chosen_steps_and_plans_run(demo_store):
    """Unticked steps and plans are left alone: only the reform plan is copied, nothing else starts."""
    reform = next(p for p in plans.list_plans(demo_store, FROM) if p.kind == "reform")
    year_start.start_year(demo_store, TO, keys={"plans"}, plan_ids={reform.id})
    assert [p.kind for p in plans.list_plans(demo_store, TO)] == ["reform"]
    assert council.members(demo_store, TO) == [] and assessment_set(demo_store, TO) is None


def test_the_preview_says_what_exists_already(demo_store):
    """After a run, the preview marks last year's plans present and every step not ready, naming the year."""
    year_start.start_year(demo_store, TO)
    shown = year_start.preview(demo_store, TO)
    assert all(choice.present for choice in shown.plans)
    assert not any(step.ready for step in shown.steps)
