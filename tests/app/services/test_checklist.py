"""The year's checklist: checkpoints from timeframes, statuses with history, late and done-late."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.errors import UserError
from app.services import undo
from app.services.checklist import set_status, set_status_many, task_history, task_rows, year_checklist
from app.services.plan_tree import TaskData, add_task, plan_tree, update_task
from app.services.plans import PlanData, create_plan


@pytest.fixture
def plan(store):
    return create_plan(store, PlanData(year=2024), areas=("Cải cách thể chế", "Cải cách thủ tục hành chính")).value


def _add(store, plan, area_index, title, timeframe):
    return add_task(store, plan_tree(store, plan.id)[area_index].id, TaskData(title, timeframe=timeframe)).value


def test_each_kind_of_timeframe_gives_its_checkpoints(store, plan):
    _add(store, plan, 0, "Ban hành kế hoạch", "Quý I/2024")
    _add(store, plan, 0, "Đánh giá hài lòng", "Định kỳ hàng tháng trong năm 2024")
    _add(store, plan, 1, "Niêm yết TTHC", "Thường xuyên")
    _add(store, plan, 1, "Theo hướng dẫn", "Theo tiến độ và hướng dẫn")
    rows = year_checklist(store, 2024)
    by_task = {}
    for row in rows:
        by_task.setdefault(row.title, []).append(row)
    assert [r.due for r in by_task["Ban hành kế hoạch"]] == [date(2024, 3, 31)]
    assert len(by_task["Đánh giá hài lòng"]) == 12 and by_task["Đánh giá hài lòng"][2].period == "Tháng 3"
    assert [r.period for r in by_task["Niêm yết TTHC"]] == [f"Đánh giá quý {q}" for q in ("I", "II", "III", "IV")]
    assert [r.due for r in by_task["Theo hướng dẫn"]] == [None]
    assert rows[0].number == "I.1" and by_task["Niêm yết TTHC"][0].number == "II.1"


def test_search_key_ignores_diacritics(store, plan):
    _add(store, plan, 1, "Cải cách thủ tục hành chính tại Bộ phận Một cửa", "Quý II/2024")
    row = year_checklist(store, 2024)[0]
    assert "cai cach thu tuc" in row.search_key


def test_done_late_and_overdue(store, plan):
    _add(store, plan, 0, "A", "Quý I/2024")
    _add(store, plan, 0, "B", "Quý I/2024")
    first, second = year_checklist(store, 2024)
    set_status(store, first.occurrence_id, "done", date(2024, 4, 10))
    rows = year_checklist(store, 2024)
    assert rows[0].done_late and rows[0].state(date(2024, 5, 1)) == "Hoàn thành (trễ hạn)"
    assert rows[1].overdue(date(2024, 5, 1)) and rows[1].state(date(2024, 5, 1)) == "Quá hạn"
    assert not rows[1].overdue(date(2024, 3, 1))


def test_status_rules_are_enforced(store, plan):
    _add(store, plan, 0, "A", "Quý I/2024")
    occurrence = year_checklist(store, 2024)[0].occurrence_id
    with pytest.raises(UserError, match="ngày hoàn thành"):
        set_status(store, occurrence, "done", None)
    with pytest.raises(UserError, match="lý do"):
        set_status(store, occurrence, "skipped", reason="  ")
    assert year_checklist(store, 2024)[0].status == "todo"


def test_every_change_is_in_the_history_and_undo_takes_it_back(store, plan):
    """A status change writes a history line and names the task; undo puts back the status without the line."""
    task = _add(store, plan, 0, "A", "Quý I/2024")
    occurrence = year_checklist(store, 2024)[0].occurrence_id
    changes = set_status(store, occurrence, "done", date(2024, 3, 20), now=datetime(2024, 3, 20, 9))
    assert changes.label == "Cập nhật trạng thái “A”"
    assert [entry.what for entry in task_history(store, task.id)] == [
        "Trạng thái: Chưa thực hiện → Hoàn thành ngày 20/03/2024"]
    undo.undo(store)
    assert year_checklist(store, 2024)[0].status == "todo" and task_history(store, task.id) == []


def test_the_same_status_again_is_no_step(store, plan):
    """Choosing the status a checkpoint already has changes nothing and leaves nothing to undo."""
    _add(store, plan, 0, "A", "Quý I/2024")
    changes = set_status(store, year_checklist(store, 2024)[0].occurrence_id, "todo")
    assert not changes and changes.step == 0 and undo.next_steps(store) == ("Thêm nhiệm vụ", None)


def test_one_tasks_rows_are_read_as_the_year_shows_them(store, plan):
    """After an edit the page reads one task's checkpoints again, the same rows the year list holds."""
    task = _add(store, plan, 0, "A", "Hằng quý")
    _add(store, plan, 1, "B", "Quý I/2024")
    assert task_rows(store, 2024, task.id) == [r for r in year_checklist(store, 2024) if r.task_id == task.id]
    assert len(task_rows(store, 2024, task.id)) == 4


def test_reading_the_checklist_writes_nothing(store, plan):
    """A task without checkpoints (saved before they existed) is not given them by a read: reading never writes."""
    from sqlalchemy import delete

    from db.models import OccurrenceRow

    task = _add(store, plan, 0, "A", "Quý I/2024")
    with store.transaction() as session:
        session.execute(delete(OccurrenceRow).where(OccurrenceRow.task_id == task.id))
    database = store.folder.database
    size_before, wal = database.stat().st_size, database.with_name(database.name + "-wal")
    wal_before = wal.stat().st_size if wal.exists() else 0
    assert year_checklist(store, 2024) == []
    assert (database.stat().st_size, wal.stat().st_size if wal.exists() else 0) == (size_before, wal_before)


def test_tasks_without_checkpoints_get_them_at_start(store, plan):
    """Opening the data folder gives every task saved before checkpoints existed its checkpoints, outside the journal."""
    from sqlalchemy import delete

    from app.startup import open_store
    from db.models import OccurrenceRow

    task = _add(store, plan, 0, "A", "Quý I/2024")
    with store.transaction() as session:
        session.execute(delete(OccurrenceRow).where(OccurrenceRow.task_id == task.id))
    store.close()
    reopened, _report = open_store(store.folder)
    try:
        assert [row.due for row in year_checklist(reopened, 2024)] == [date(2024, 3, 31)]
        assert undo.next_steps(reopened) == ("Thêm nhiệm vụ", None)
    finally:
        reopened.close()


def test_a_timeframe_edit_keeps_recorded_statuses(store, plan):
    task = _add(store, plan, 0, "A", "Quý I/2024 ban hành kế hoạch; quý IV/2024 báo cáo kết quả")
    march = year_checklist(store, 2024)[0]
    set_status(store, march.occurrence_id, "done", date(2024, 3, 15))
    update_task(store, task.id, TaskData("A", timeframe="Quý I/2024 ban hành kế hoạch; quý III/2024 báo cáo kết quả"))
    rows = year_checklist(store, 2024)
    assert [(r.due, r.status) for r in rows] == [(date(2024, 3, 31), "done"), (date(2024, 9, 30), "todo")]


def test_skipped_needs_and_keeps_its_reason(store, plan):
    _add(store, plan, 0, "A", "Quý II/2024")
    occurrence = year_checklist(store, 2024)[0].occurrence_id
    set_status(store, occurrence, "skipped", reason="Cấp trên chưa ban hành hướng dẫn")
    row = year_checklist(store, 2024)[0]
    assert (row.status, row.reason, row.state(date(2024, 12, 1))) == ("skipped", "Cấp trên chưa ban hành hướng dẫn", "Không thực hiện")


def test_a_completion_date_in_the_future_is_refused(store, plan):
    _add(store, plan, 0, "A", "Quý I/2024")
    occurrence = year_checklist(store, 2024)[0].occurrence_id
    with pytest.raises(UserError, match="chưa tới"):
        set_status(store, occurrence, "done", date(2031, 1, 1), now=datetime(2024, 5, 1, 9))
    assert year_checklist(store, 2024)[0].status == "todo"


def test_several_checkpoints_take_one_status_in_one_undo_step(store, plan):
    """Three checkpoints marked done at once: each gets the status and a history line; one Undo puts all back."""
    tasks = [_add(store, plan, 0, name, "Quý I/2024") for name in ("A", "B", "C")]
    ids = [row.occurrence_id for row in year_checklist(store, 2024)]
    changes = set_status_many(store, ids, "done", date(2024, 3, 25), now=datetime(2024, 3, 26, 8))
    assert changes.label == "Cập nhật trạng thái 3 kỳ việc (Hoàn thành)"
    assert [(r.status, r.completed_on) for r in year_checklist(store, 2024)] == [("done", date(2024, 3, 25))] * 3
    assert all(task_history(store, task.id) for task in tasks)
    undo.undo(store)
    assert {r.status for r in year_checklist(store, 2024)} == {"todo"}
    assert not any(task_history(store, task.id) for task in tasks)


def test_several_checkpoints_refused_together_change_nothing(store, plan):
    """A status the rules refuse (skipped without a reason) is refused for all of them: none changes."""
    for name in ("A", "B"):
        _add(store, plan, 0, name, "Quý I/2024")
    ids = [row.occurrence_id for row in year_checklist(store, 2024)]
    with pytest.raises(UserError, match="lý do"):
        set_status_many(store, ids, "skipped", reason=" ")
    assert {r.status for r in year_checklist(store, 2024)} == {"todo"}
