"""Saving an imported plan keeps the document's parts around the tasks with the plan."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from app.importers.plan_file import read_plan_file
from app.services.plan_import import save_imported_plan
from app.services.plans import create_plan, new_plan_data

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"


def test_the_plans_parts_are_stored_and_read_back_from_the_file(store):
    """Number, date, bases, sections, recipients and signer as read are in the saved file's plan row."""
    imported = read_plan_file(SEEDS / "002_ddfdc451bd3e8b7f.txt")
    plan = save_imported_plan(store, imported, new_plan_data(store, 2024)).value
    store.close()
    connection = sqlite3.connect(str(store.folder.database))
    try:
        (stored,) = connection.execute("SELECT parts_json FROM plan WHERE id = ?", (plan.id,)).fetchone()
    finally:
        connection.close()
    parts = json.loads(stored)
    assert (parts["number"], parts["date"], parts["signer"]) == ("479/QĐ-UBND", "2023-12-26", "Lê Thị Mỹ Hiệp")
    assert parts["bases"] == imported.bases and len(parts["bases"]) == 5
    assert [section["heading"] for section in parts["sections"]] == ["Mục đích, yêu cầu", "Tổ chức thực hiện"]
    assert parts["recipients"][:2] == ["Như điều 3", "Phòng Nội vụ huyện Sơn Tịnh"]
    assert "Mỹ Hiệp" in stored  # written as Vietnamese, not \\u escapes


def test_a_plan_made_by_hand_has_no_imported_parts(store):
    """A plan not imported keeps parts_json empty (NULL), so nothing pretends it was read from a document."""
    plan = create_plan(store, new_plan_data(store, 2024)).value
    with store.reading() as connection:
        assert connection.execute("SELECT parts_json FROM plan WHERE id = ?", (plan.id,)).fetchone() == (None,)
