"""The plan queries: what the KẾ HOẠCH, the package and an award dossier's Căn cứ line read about plans."""

from __future__ import annotations

import dataclasses

import pytest

from app.queries.models.plans import Area, Plan
from app.queries.plans import emulation_plan, plan_paper_facts, year_plans


def test_plan_paper_facts_hold_the_plan_its_areas_and_tasks_and_the_profile(demo_store):
    """One call gives the plan paper everything it prints, as frozen read models."""
    facts = plan_paper_facts(demo_store, 1)
    assert isinstance(facts.plan, Plan) and facts.plan.id == 1
    assert facts.areas and all(isinstance(area, Area) and area.plan_id == 1 for area in facts.areas)
    assert [area.position for area in facts.areas] == sorted(area.position for area in facts.areas)
    assert sum(len(area.tasks) for area in facts.areas) > 0
    assert facts.profile.commune_name == "Hòa Bình Xuân"
    with pytest.raises(dataclasses.FrozenInstanceError):
        facts.plan = None


def test_year_plans_list_the_reform_plan_first(demo_store):
    """The package lists the year's plans reform first, then emulation; a year without plans has none."""
    assert [plan.kind for plan in year_plans(demo_store, 2024)] == ["reform", "emulation"]
    assert year_plans(demo_store, 2023) == ()


def test_emulation_plan_is_the_years_emulation_plan_or_none(demo_store):
    """A dossier's letter cites the year's emulation plan; a year without one gets None."""
    plan = emulation_plan(demo_store, 2024)
    assert plan.kind == "emulation" and plan.year == 2024
    assert emulation_plan(demo_store, 2023) is None
