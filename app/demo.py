"""The demo commune: bundled data (``resources/demo``) loaded into an empty data folder.

It loads whole or not at all: the demo is built in a staging folder beside the
data (``demo-staging.partial``) through the app's own services, then copied
into the empty database in one SQLite transaction (the online backup API). A
load cut short (power cut, closed window) leaves the real database empty, so
the next ``--demo`` starts again; the staging folder is removed then.

``commune.json`` holds the profile and officials; ``plans-2024.json`` the
year's reform plan and emulation plan; ``progress-2024.json`` the states of
the plan's checkpoints and the evidence files (``evidence/``) attached to them;
``scoring.json`` the year's self-scoring and emulation evaluation (``app/demo_scoring.py``);
``dossier-2024.json`` the award dossier (``app/demo_dossier.py``); ``commune-awards-2024.json`` the
start-of-year registration and the Chairman's issued decision (``app/demo_commune_awards.py``).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import asdict
from pathlib import Path
from datetime import date, datetime

from sqlalchemy import func, select

from app.paths import DataFolder
from app.importers.plan_model import ImportedPlan, ImportedTask
from app.resources import load_json
from app.services.officials import OfficialData, validated
from app.services.plan_import import save_imported_plan
from app.services.plans import PlanData
from app.services.profile import PROFILE_FIELDS
from app.store import Store
from db import journal
from db.models import CommuneProfileRow, OfficialRow


def is_empty(store: Store) -> bool:
    """True when the folder has no profile and no officials: nothing the demo could overwrite."""
    with store.transaction() as session:
        has_profile = session.get(CommuneProfileRow, 1) is not None
        officials = session.scalar(select(func.count()).select_from(OfficialRow))
    return not has_profile and not officials


STAGING = "demo-staging.partial"


def load_demo(store: Store) -> bool:
    """Fill an empty folder with the whole demo commune; False (and nothing written) if it was not empty."""
    if not is_empty(store):
        return False
    staging = DataFolder(store.folder.root / STAGING)
    shutil.rmtree(staging.root, ignore_errors=True)  # a load cut short earlier: start again
    _build(staging)
    _move_evidence(staging, store.folder)
    store.close()  # the copy below replaces the database's pages: no connection may hold them
    _copy_database(staging.database, store.folder.database)
    shutil.rmtree(staging.root, ignore_errors=True)
    return True


def _build(staging: DataFolder) -> None:
    """The demo built through the app's own services in a data folder of its own."""
    from app.startup import bring_up_to_date

    staging.create()
    demo_store = Store(staging)
    try:
        bring_up_to_date(demo_store, had_data=False)
        _fill(demo_store)
        with demo_store.transaction() as session:  # the demo arrives whole: nothing of it to undo step by step
            journal.forget(session.connection().connection.driver_connection)
    finally:
        demo_store.close()


def _move_evidence(staging: DataFolder, folder: DataFolder) -> None:
    """Evidence first: a file without a row is harmless, a row without its file is not."""
    for source in staging.evidence.rglob("*"):
        target = folder.evidence / source.relative_to(staging.evidence)
        if source.is_file() and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)


def _copy_database(source: Path, target: Path) -> None:
    """Every page of ``source`` into ``target`` in one write transaction: all of it lands, or none."""
    reader = sqlite3.connect(str(source))
    writer = sqlite3.connect(str(target))
    try:
        reader.backup(writer)
    finally:
        writer.close()
        reader.close()


def _fill(store: Store) -> None:
    """The demo's data, through the services, into an empty store."""
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
