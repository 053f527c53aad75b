"""The demo commune: bundled data (``resources/demo``) loaded into an empty data folder.

It loads whole or not at all: the demo is built in a staging folder beside the
data (``demo-staging.partial``) through the app's own services, then copied
into the empty database in one SQLite transaction (the online backup API). A
load cut short (power cut, closed window) leaves the real database empty, so
the next ``--demo`` starts again; the staging folder is removed then.

The demo is xã Hòa Bình Xuân as merged on 01/07/2025, built relative to the day it is
loaded (``load_demo(store, today)``): the pre-reform year 2024 is kept as it was, the years
after it are built by ``app/demo_years.py`` up to the year in progress.

``commune.json`` holds the profile, officials and offices; ``plans-2024.json`` the
2024 reform plan and emulation plan; ``progress-2024.json`` the states of
the plan's checkpoints and the evidence files (``evidence/``) attached to them;
``scoring.json`` the year's self-scoring and emulation evaluation (``app/demo_scoring.py``);
``dossier-2024.json`` the award dossier (``app/demo_dossier.py``); ``commune-awards-2024.json`` the
start-of-year registration and the Chairman's issued decision (``app/demo_commune_awards.py``).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import asdict, fields
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


def load_demo(store: Store, today: date | None = None) -> bool:
    """Fill an empty folder with the whole demo commune as of ``today`` (default: the real date);
    False (and nothing written) if it was not empty."""
    if not is_empty(store):
        return False
    today = today or date.today()
    staging = DataFolder(store.folder.root / STAGING)
    shutil.rmtree(staging.root, ignore_errors=True)  # a load cut short earlier: start again
    _build(staging, today)
    _move_evidence(staging, store.folder)
    store.close()  # the copy below replaces the database's pages: no connection may hold them
    _copy_database(staging.database, store.folder.database)
    shutil.rmtree(staging.root, ignore_errors=True)
    return True


def _build(staging: DataFolder, today: date) -> None:
    """The demo built through the app's own services in a data folder of its own."""
    from app.startup import bring_up_to_date

    staging.create()
    demo_store = Store(staging)
    try:
        bring_up_to_date(demo_store, had_data=False)
        _fill(demo_store, today)
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


_OFFICIAL_FIELDS = {field.name for field in fields(OfficialData)}


def _fill(store: Store, today: date) -> None:
    """The demo's data, through the services, into an empty store."""
    demo = load_json("demo", "commune.json")
    with store.transaction() as session:
        profile = {name: demo["profile"].get(name, "") for name in PROFILE_FIELDS}
        session.add(CommuneProfileRow(id=1, **profile))
        for entry in demo["officials"]:
            # "office" is read by _load_offices once the offices exist as tables
            known = {key: value for key, value in entry.items() if key in _OFFICIAL_FIELDS}
            session.add(OfficialRow(**asdict(validated(OfficialData(**known)))))
    _load_offices(store, demo)
    for plan in load_json("demo", "plans-2024.json")["plans"]:
        save_imported_plan(store, imported_plan(plan), plan_data(plan))
    _load_progress(store, load_json("demo", "progress-2024.json"))
    from app.demo_scoring import load_demo_scoring

    load_demo_scoring(store)
    from app.demo_dossier import load_demo_dossier

    load_demo_dossier(store)
    from app.demo_commune_awards import load_demo_commune_awards

    load_demo_commune_awards(store)
    from app.demo_years import load_years

    load_years(store, today)


def _load_offices(store: Store, demo: dict) -> None:
    """The commune's offices (``demo["offices"]``: kind, name, head; in force from the merger), each official's
    office (its ``office`` key), the office that drafts the CCHC papers, and the superiors with their dates."""
    from app.services.offices import OfficeData, add_office, set_official_office
    from app.services.officials import list_officials
    from app.services.profile import set_drafting_office
    from app.services.superiors import PeriodData, add_period

    people = {official.full_name: official.id for official in list_officials(store)}
    founded = date.fromisoformat(demo["founded"])
    offices = {entry["kind"]: add_office(store, OfficeData(entry["kind"], entry["name"], people.get(entry["head"]),
                                                           active_from=founded)).value
               for entry in demo["offices"]}
    for entry in demo["officials"]:
        if entry.get("office") in offices:
            set_official_office(store, people[entry["full_name"]], offices[entry["office"]])
    set_drafting_office(store, offices[demo["drafting_office"]])
    for period in demo["superiors"]:
        add_period(store, PeriodData(
            date.fromisoformat(period["from"]) if period.get("from") else None,
            date.fromisoformat(period["to"]) if period.get("to") else None,
            period["level"], period["authority"], period["office"], period.get("award_office", "")))


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


def imported_plan(plan: dict) -> ImportedPlan:
    """The plan's areas and tasks as the importer would have read them."""
    tasks = [
        ImportedTask(area["title"], task["title"], task["lead"], list(task["coordinators"]), task["product"], task["timeframe"])
        for area in plan["areas"]
        for task in area["tasks"]
    ]
    return ImportedPlan(areas=[area["title"] for area in plan["areas"]], tasks=tasks)


def plan_data(plan: dict) -> PlanData:
    """The plan's own fields (number, date, bases, sections, recipients, signer)."""
    return PlanData(
        year=plan["year"], kind=plan["kind"], number=plan["number"],
        issue_date=date.fromisoformat(plan["issue_date"]) if plan.get("issue_date") else None,
        title=plan["title"], intro=plan.get("intro", ""), legal_bases=tuple(plan["legal_bases"]),
        recipients=tuple(plan["recipients"]), signer_authority=plan["signer_authority"],
        signer_title=plan["signer_title"], signer_name=plan["signer_name"],
        sections=tuple(plan["sections"].items()),
    )
