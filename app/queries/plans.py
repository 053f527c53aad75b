"""What the plan papers and the package read about plans: one plan with its areas and tasks, the year's plans."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.plan_kinds import EMULATION
from app.queries.models.plans import Area, Plan
from app.queries.models.profile import CommuneProfile
from app.services.plan_tree import plan_tree
from app.services.plans import PlanSummary, get_plan, list_plans
from app.services.profile import get_profile
from app.store import Store


@dataclass(frozen=True)
class PlanPaperFacts:
    """Everything the KẾ HOẠCH and its task appendix print."""

    plan: Plan
    areas: tuple[Area, ...]
    profile: CommuneProfile


def plan_paper_facts(store: Store, plan_id: int) -> PlanPaperFacts:
    return PlanPaperFacts(get_plan(store, plan_id), plan_tree(store, plan_id), get_profile(store))


def year_plans(store: Store, year: int) -> tuple[PlanSummary, ...]:
    """The year's plans in the order the package lists them (the reform plan first)."""
    return tuple(list_plans(store, year))


def emulation_plan(store: Store, year: int) -> Plan | None:
    """The year's emulation plan (what an award dossier's Căn cứ line cites); None when the year has none."""
    summary = next((plan for plan in list_plans(store, year) if plan.kind == EMULATION), None)
    return None if summary is None else get_plan(store, summary.id)
