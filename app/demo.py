"""The demo commune: bundled data (``resources/demo``) loaded into an empty data folder."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import func, select

from app.resources import load_json
from app.services.officials import OfficialData, validated
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
    """Fill an empty folder with the demo commune in one transaction; False if it was not empty."""
    if not is_empty(store):
        return False
    demo = load_json("demo", "commune.json")
    with store.transaction() as session:
        profile = {name: demo["profile"].get(name, "") for name in PROFILE_FIELDS}
        session.add(CommuneProfileRow(id=1, **profile))
        for entry in demo["officials"]:
            session.add(OfficialRow(**asdict(validated(OfficialData(**entry)))))
    return True
