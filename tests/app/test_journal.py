"""The undo journal kept by the data layer: merging, bounds, refusals, and nothing half-written."""

from __future__ import annotations

import sqlite3
import pytest

from app.errors import UserError
from app.services import undo
from app.services.changes import KIND_OF_TABLE
from app.services.officials import OfficialData, add_official, get_official, list_officials, update_official
from db import journal
from db.models import Base


def _actions(store) -> list[tuple]:
    with sqlite3.connect(store.folder.database) as conn:
        return conn.execute("SELECT id, label, state FROM journal_action ORDER BY id").fetchall()


def test_every_table_belongs_to_a_kind_of_change():
    """A new table must say which screens it refreshes (or it would refresh everything)."""
    tables = set(Base.metadata.tables) - journal.NOT_JOURNALED
    assert tables - set(KIND_OF_TABLE) == set()


def test_an_action_that_changes_nothing_leaves_no_step(store):
    """Saving the same text again is not something to undo, and keeps the redo step."""
    an = add_official(store, OfficialData("Lê Văn An")).value
    add_official(store, OfficialData("Trần Thị Bình"))
    undo.undo(store)
    assert not update_official(store, an.id, an.data).changes
    assert undo.next_steps(store) == ("Thêm Lê Văn An", "Thêm Trần Thị Bình")


def test_a_new_action_drops_the_redo_steps(store):
    """History is one line: after undo, a new action makes the undone step unreachable."""
    add_official(store, OfficialData("Lê Văn An"))
    undo.undo(store)
    add_official(store, OfficialData("Trần Thị Bình"))
    assert undo.next_steps(store) == ("Thêm Trần Thị Bình", None)
    assert [state for _id, _label, state in _actions(store)] == ["done"]


def test_a_failed_action_leaves_no_journal_and_no_recording(store):
    """A refused write rolls back its journal entry with it; the next action is journaled alone."""
    with pytest.raises(UserError):
        add_official(store, OfficialData("12345"))
    with pytest.raises(RuntimeError):
        with store.action("Thử") as action:
            action.session.add(__import__("db.models", fromlist=["OfficialRow"]).OfficialRow(full_name="Lê Văn An"))
            action.session.flush()
            raise RuntimeError("bug")
    assert _actions(store) == [] and list_officials(store) == []
    with store.transaction() as session:  # a write outside any action is not journaled
        session.add(__import__("db.models", fromlist=["OfficialRow"]).OfficialRow(full_name="Võ Văn Cư"))
    with sqlite3.connect(store.folder.database) as conn:
        assert conn.execute("SELECT count(*) FROM journal_row").fetchone() == (0,)


def test_undo_is_refused_when_the_row_changed_outside_the_journal(store):
    """A row changed since (an import, another tool) is never overwritten by undo."""
    added = add_official(store, OfficialData("Lê Văn An")).value
    update_official(store, added.id, OfficialData("Lê Văn Anh"))
    with sqlite3.connect(store.folder.database) as conn:
        conn.execute("UPDATE official SET full_name = 'Lê Văn Ánh' WHERE id = ?", (added.id,))
    with pytest.raises(UserError) as refused:
        undo.undo(store)
    assert "Không hoàn tác được “Sửa thông tin Lê Văn Anh”" in refused.value.message
    assert "cán bộ, công chức" in refused.value.message
    assert get_official(store, added.id).full_name == "Lê Văn Ánh"
    assert undo.next_steps(store)[0] == "Sửa thông tin Lê Văn Anh"


def test_undoing_an_older_step_is_refused_when_a_later_step_touched_the_same_row(store):
    """An earlier step cannot be undone under a later one that changed the same person."""
    first = add_official(store, OfficialData("Lê Văn An"))
    update_official(store, first.value.id, OfficialData("Lê Văn Anh"))
    other = add_official(store, OfficialData("Trần Thị Bình"))
    with pytest.raises(UserError, match="đã được sửa sau đó"):
        undo.undo(store, first.changes.step)
    undo.undo(store, other.changes.step)  # a step of its own rows goes back alone
    assert [o.full_name for o in list_officials(store)] == ["Lê Văn Anh"]


def test_the_journal_is_bounded(store, monkeypatch):
    """Old steps are forgotten past the bound, the newest kept."""
    monkeypatch.setattr(journal, "KEEP_ACTIONS", 5)
    for number in range(8):
        add_official(store, OfficialData(f"Người Số {chr(65 + number)}"))
    labels = [label for _id, label, _state in _actions(store)]
    assert labels == [f"Thêm Người Số {chr(65 + n)}" for n in range(3, 8)]


def test_a_database_without_the_journal_gets_no_triggers(tmp_path):
    """An old file (before migration 0007) opens without recording anything."""
    conn = sqlite3.connect(tmp_path / "old.sqlite3")
    conn.execute("CREATE TABLE official (id INTEGER PRIMARY KEY, full_name TEXT)")
    journal.install(conn)
    triggers = conn.execute("SELECT count(*) FROM sqlite_temp_master WHERE type = 'trigger'").fetchone()
    assert triggers == (0,)


def test_reading_makes_no_triggers_and_the_first_action_does(store):
    """A start that only reads pays nothing for the journal; the first action installs it."""
    from app.services.officials import list_officials as read

    def temp_triggers():
        with store.transaction() as session:
            return session.connection().exec_driver_sql(
                "SELECT count(*) FROM sqlite_temp_master WHERE type = 'trigger'").scalar()

    read(store)
    assert temp_triggers() == 0
    add_official(store, OfficialData("Lê Văn An"))
    assert temp_triggers() == 3 * len(set(Base.metadata.tables) - journal.NOT_JOURNALED)


def test_undo_never_lets_a_cascade_take_rows_of_a_later_step(store):
    """Undoing an older step whose rows a later step hangs from is refused, never a silent cascade."""
    from app.services.plan_tree import TaskData, add_area, add_task, plan_tree
    from app.services.plans import PlanData, create_plan

    plan = create_plan(store, PlanData(year=2026, title="Kế hoạch cải cách hành chính năm 2026")).value
    area = add_area(store, plan.id, "Cải cách thủ tục hành chính").value
    add_task(store, area.id, TaskData(title="Rà soát thủ tục", timeframe="Quý I/2026"))
    area_step = next(step for step, label in undo.history(store)[0] if label.startswith("Thêm lĩnh vực"))
    with pytest.raises(UserError, match="đã được sửa sau đó"):
        undo.undo(store, area_step)
    kept = next(item for item in plan_tree(store, plan.id) if item.id == area.id)
    assert [task.title for task in kept.tasks] == ["Rà soát thủ tục"]
