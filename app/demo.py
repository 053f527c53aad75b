"""The demo commune: bundled data (``resources/demo``) loaded into an empty data folder.

``commune.json`` holds the profile and officials; ``plans-2024.json`` the
year's reform plan and emulation plan; ``progress-2024.json`` the states of
the plan's checkpoints and the evidence files (``evidence/``) attached to them;
``scoring.json`` the year's self-scoring and emulation evaluation (``app/demo_scoring.py``);
``dossier-2024.json`` the award dossier (``app/demo_dossier.py``); ``commune-awards-2024.json`` the
start-of-year registration and the Chairman's issued decision (``app/demo_commune_awards.py``).
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime

from sqlalchemy import func, select

from app.importers.plan_model import ImportedPlan, ImportedTask
from app.resources import load_json
from app.services.officials import OfficialData, validated
from app.services.plan_import import save_imported_plan
from app.services.plans import PlanData
from app.services.profile import PROFILE_FIELDS
from app.store import Store
from db.models import CommuneProfileRow, OfficialRow


def is_empty(store: Store) -> bool:
    """True when the folder has no profile and no officials: nothing the demo could overwrite."""
    with store.transaction() as session:
        has_profile = session.get(CommuneProfileRow, 1) is not None
        officials = session.scalar(select(func.count()).select_from(OfficialRow))
    return not has_profile and not officials


def load_demo(store: Store) -> bool:
    """Fill an empty folder with the demo commune; False (and nothing written) if it was not empty."""
    if not is_empty(store):
        return False
    demo = load_json("demo", "commune.json")
    with store.transaction() as session:
        profile = {name: demo["profile"].get(name, "") for name in PROFILE_FIELDS}
        session.add(CommuneProfileRow(id=1, **profile))
        for entry in demo["officials"]:
            session.add(OfficialRow(**asdict(validated(OfficialData(**entry)))))
    for plan in load_json("demo", "plans-2024.json")["plans"]:
        save_imported_plan(store, _imported(plan), _plan_data(plan))
    _load_progress(store, load_json("demo", "progress-2024.json"))
    from app.demo_scoring import load_demo_scoring

    load_demo_scoring(store)
    from app.demo_dossier import load_demo_dossier

    load_demo_dossier(store)
    from app.demo_commune_awards import load_demo_commune_awards

    load_demo_commune_awards(store)
    return True


def _load_progress(store: Store, progress: dict) -> None:
    """Statuses and evidence of the demo year, addressed by plan kind, task number and due date."""
    from app.paths import resource
    from app.services.checklist import set_status, year_checklist
    from app.services.evidence import attach

    rows = {(r.plan_kind, r.number, r.due.isoformat() if r.due else None): r for r in year_checklist(store, 2024)}
    stamp = datetime(2024, 10, 10, 8, 0)
    for entry in progress["statuses"]:
        row = rows.get((entry["plan"], entry["task"], entry["due"]))
        if row is not None:
            completed = date.fromisoformat(entry["completed_on"]) if entry.get("completed_on") else None
            set_status(store, row.occurrence_id, entry["status"], completed, entry.get("reason", ""), now=stamp)
    for entry in progress["evidence"]:
        row = rows.get((entry["plan"], entry["task"], entry["due"]))
        if row is not None:
            attach(store, row.task_id, resource("demo", "evidence", entry["file"]), row.occurrence_id,
                   entry.get("note", ""), now=stamp, name=entry["name"])


def _imported(plan: dict) -> ImportedPlan:
    tasks = [
        ImportedTask(area["title"], task["title"], task["lead"], list(task["coordinators"]), task["product"], task["timeframe"])
        for area in plan["areas"]
        for task in area["tasks"]
    ]
    return ImportedPlan(areas=[area["title"] for area in plan["areas"]], tasks=tasks)


def _plan_data(plan: dict) -> PlanData:
    return PlanData(
        year=plan["year"], kind=plan["kind"], number=plan["number"],
        issue_date=date.fromisoformat(plan["issue_date"]) if plan.get("issue_date") else None,
        title=plan["title"], intro=plan.get("intro", ""), legal_bases=tuple(plan["legal_bases"]),
        recipients=tuple(plan["recipients"]), signer_authority=plan["signer_authority"],
        signer_title=plan["signer_title"], signer_name=plan["signer_name"],
        sections=tuple(plan["sections"].items()),
    )
