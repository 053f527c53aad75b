"""Tổng quan: overdue and upcoming checkpoints, statutory dates, completion by area and lead, last backup."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import event

from app.backups import backup_now
from app.resources import load_json
from app.services.checklist import set_status, year_checklist
from app.services.dashboard import NO_LEAD, dashboard, days_left_text, statutory_dates
from app.services.officials import OfficialData, add_official
from app.services.plan_tree import TaskData, add_task, plan_tree
from app.services.plans import PlanData, create_plan

TODAY = date(2024, 5, 10)


def _checkpoint(store, title: str, due: date | None = None) -> int:
    return next(r.occurrence_id for r in year_checklist(store, 2024) if r.title == title and (due is None or r.due == due))


@pytest.fixture
def year_2024(store):
    """Nine checkpoints over two areas: two overdue, one due in five days, one done late, one skipped."""
    an = add_official(store, OfficialData("Nguyễn Văn An")).value
    binh = add_official(store, OfficialData("Trần Thị Bình")).value
    plan = create_plan(store, PlanData(year=2024, title="Cải cách hành chính năm 2024"),
                       areas=("Cải cách thể chế", "Cải cách thủ tục hành chính")).value
    first, second = plan_tree(store, plan.id)
    add_task(store, first.id, TaskData("Ban hành kế hoạch CCHC", lead_official_id=an.id, timeframe="Quý I/2024"))
    add_task(store, first.id, TaskData("Tự kiểm tra CCHC", lead_official_id=binh.id, timeframe="Thường xuyên"))
    add_task(store, second.id, TaskData("Rà soát TTHC", lead_text="Công chức TP-HT", timeframe="Tháng 12 năm 2024"))
    add_task(store, second.id, TaskData("Niêm yết TTHC", lead_official_id=an.id, timeframe="Trước ngày 15/5/2024"))
    add_task(store, second.id, TaskData("Việc chưa ghi thời gian"))
    add_task(store, second.id, TaskData("Báo cáo tháng 2", lead_official_id=binh.id, timeframe="Tháng 2 năm 2024"))
    set_status(store, _checkpoint(store, "Ban hành kế hoạch CCHC"), "done", date(2024, 4, 5))
    set_status(store, _checkpoint(store, "Tự kiểm tra CCHC", date(2024, 6, 30)), "doing")
    set_status(store, _checkpoint(store, "Tự kiểm tra CCHC", date(2024, 9, 30)), "skipped", reason="Gộp vào quý IV")
    set_status(store, _checkpoint(store, "Rà soát TTHC"), "done", date(2024, 5, 1))
    return store


def test_overdue_lists_unfinished_past_checkpoints_oldest_first(year_2024):
    """Overdue holds only unfinished checkpoints due before today, the oldest first (not plan order)."""
    board = dashboard(year_2024, 2024, TODAY)
    assert [(r.title, r.due) for r in board.overdue] == [
        ("Báo cáo tháng 2", date(2024, 2, 29)),
        ("Tự kiểm tra CCHC", date(2024, 3, 31)),
    ]


def test_upcoming_covers_the_next_thirty_days_and_drops_finished_ones(year_2024):
    """Upcoming holds unfinished checkpoints due from today to today + 30 days; finishing one removes it."""
    board = dashboard(year_2024, 2024, TODAY)
    assert [(r.title, r.due) for r in board.upcoming] == [("Niêm yết TTHC", date(2024, 5, 15))]
    assert [r.title for r in dashboard(year_2024, 2024, date(2024, 6, 1)).upcoming] == ["Tự kiểm tra CCHC"]
    set_status(year_2024, _checkpoint(year_2024, "Niêm yết TTHC"), "done", date(2024, 5, 9))
    assert dashboard(year_2024, 2024, TODAY).upcoming == ()


def test_a_checkpoint_due_today_is_upcoming_not_overdue(year_2024):
    """On its due day a checkpoint is still upcoming; the day after, it is overdue."""
    on_the_day = dashboard(year_2024, 2024, date(2024, 5, 15))
    assert "Niêm yết TTHC" in [r.title for r in on_the_day.upcoming]
    assert "Niêm yết TTHC" not in [r.title for r in on_the_day.overdue]
    assert "Niêm yết TTHC" in [r.title for r in dashboard(year_2024, 2024, date(2024, 5, 16)).overdue]


def test_completion_by_area_counts_done_late_as_done_and_leaves_skipped_out(year_2024):
    """Per area: done / total checkpoints, a late completion counted as done, a skipped one in neither."""
    board = dashboard(year_2024, 2024, TODAY)
    assert [(c.label, c.done, c.total, c.percent) for c in board.by_area] == [
        ("Cải cách thể chế", 1, 4, 25),
        ("Cải cách thủ tục hành chính", 1, 4, 25),
    ]


def test_completion_by_lead_is_alphabetical_with_the_unassigned_last(year_2024):
    """Per lead (official's name or free text) in Vietnamese order; checkpoints with no lead come last."""
    board = dashboard(year_2024, 2024, TODAY)
    assert [(c.label, c.done, c.total, c.percent) for c in board.by_lead] == [
        ("Công chức TP-HT", 1, 1, 100),
        ("Nguyễn Văn An", 1, 2, 50),
        ("Trần Thị Bình", 0, 4, 0),
        (NO_LEAD, 0, 1, 0),
    ]


def test_counts_by_status_include_overdue_and_done_late(year_2024):
    """The counts add up to every checkpoint of the year and tell overdue and late completions apart."""
    counts = dashboard(year_2024, 2024, TODAY).counts
    assert (counts.todo, counts.doing, counts.done, counts.skipped) == (5, 1, 2, 1)
    assert (counts.total, counts.overdue, counts.done_late) == (9, 2, 1)


def test_statutory_dates_of_the_year_with_days_left(year_2024):
    """The five default deadlines fall in the chosen year, in date order, with days left (negative once passed)."""
    board = dashboard(year_2024, 2024, TODAY)
    assert [(d.due, d.kind) for d in board.deadlines] == [
        (date(2024, 2, 25), "report"), (date(2024, 5, 25), "report"), (date(2024, 8, 25), "report"),
        (date(2024, 11, 20), "report"), (date(2024, 12, 10), "dossier"),
    ]
    assert [d.days_left for d in board.deadlines][:2] == [-75, 15]
    assert [d.days_left_text for d in board.deadlines][:2] == ["đã qua 75 ngày", "còn 15 ngày"]
    assert "6 tháng" in board.deadlines[1].label


def test_statutory_dates_follow_the_year_asked_for():
    """Asking for 2025 gives the 2025 dates, counted from today whatever the year."""
    dates = statutory_dates(2025, date(2024, 12, 31))
    assert dates[0].due == date(2025, 2, 25) and dates[0].days_left == 56


def test_days_left_text_reads_naturally():
    """Days left read "còn N ngày", "hạn là hôm nay" or "đã qua N ngày"."""
    assert [days_left_text(n) for n in (12, 1, 0, -3)] == ["còn 12 ngày", "còn 1 ngày", "hạn là hôm nay", "đã qua 3 ngày"]


def test_default_deadlines_are_data_with_labels_kinds_and_sources():
    """Each bundled deadline has a Vietnamese label, a valid day, a kind and a comment naming its seed."""
    entries = load_json("defaults", "deadlines.json")["deadlines"]
    assert len(entries) == 5
    for entry in entries:
        date(2024, entry["month"], entry["day"])
        assert entry["kind"] in ("report", "dossier") and entry["label"].strip()
        assert "DOMAIN.md" in entry["comment"] and "seed 00" in entry["comment"]
    assert {e["kind"] for e in entries if "khen thưởng" in e["label"]} == {"dossier"}


def test_a_year_without_plans_is_empty(store):
    """A year with no plan shows nothing to do and says it has no plans."""
    board = dashboard(store, 2030, TODAY)
    assert not board.has_plans
    assert board.overdue == board.upcoming == board.by_area == board.by_lead == ()
    assert board.counts.total == 0 and len(board.deadlines) == 5


def test_a_plan_without_tasks_has_plans_but_no_checkpoints(store):
    """A freshly created plan counts as having plans even before it has tasks."""
    create_plan(store, PlanData(year=2024, title="Kế hoạch trống"))
    board = dashboard(store, 2024, TODAY)
    assert board.has_plans and board.counts.total == 0 and board.by_area == ()


def test_last_backup_is_none_then_the_newest_backup(store):
    """Without backups the dashboard says so; after one it gives its time and a description."""
    assert dashboard(store, 2024, TODAY).last_backup is None
    backup_now(store.folder, now=datetime(2024, 5, 10, 8, 15))
    board = dashboard(store, 2024, TODAY)
    assert board.last_backup_at == datetime(2024, 5, 10, 8, 15)
    assert board.last_backup.text.startswith("10/05/2024 08:15")


def test_reading_the_dashboard_takes_no_query_per_row(year_2024):
    """Twenty more tasks do not add a single SQL statement to reading the dashboard."""
    def statements() -> int:
        seen = []
        listener = lambda *args: seen.append(1)  # noqa: E731
        event.listen(year_2024.engine, "before_cursor_execute", listener)
        try:
            dashboard(year_2024, 2024, TODAY)
        finally:
            event.remove(year_2024.engine, "before_cursor_execute", listener)
        return len(seen)

    before = statements()
    area = plan_tree(year_2024, year_checklist(year_2024, 2024)[0].plan_id)[0]
    for number in range(20):
        add_task(year_2024, area.id, TaskData(f"Nhiệm vụ thêm {number}", timeframe="Hằng quý"))
    year_checklist(year_2024, 2024)  # checkpoints made once, outside the measured read
    assert statements() == before
