"""Tổng quan on a wrong clock: nothing that depends on today is computed, and the reason travels with it."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.backups import backup_now
from app.services.checklist import set_status, year_checklist
from app.services.dashboard import dashboard
from app.services.plan_tree import TaskData, add_task, plan_tree
from app.services.plans import PlanData, create_plan


@pytest.fixture
def year_2024(store):
    """Three tasks of 2024, one done; the data folder's last backup was taken on 10/05/2024."""
    plan = create_plan(store, PlanData(year=2024, title="Cải cách hành chính năm 2024"), areas=("Cải cách thể chế",)).value
    area = plan_tree(store, plan.id)[0]
    for title, timeframe in (("Ban hành kế hoạch", "Quý I/2024"), ("Niêm yết TTHC", "Trước ngày 15/5/2024"),
                             ("Rà soát TTHC", "Tháng 12 năm 2024")):
        add_task(store, area.id, TaskData(title, timeframe=timeframe))
    set_status(store, year_checklist(store, 2024)[0].occurrence_id, "done", date(2024, 3, 1))
    backup_now(store.folder, "auto", datetime(2024, 5, 10, 8, 0))
    return store


def test_a_2001_clock_gives_no_days_left_and_no_overdue_count(year_2024):
    """On 01/01/2001 the dates read "chưa tính được" instead of "còn 8455 ngày", and nothing is overdue or due."""
    board = dashboard(year_2024, 2024, date(2001, 1, 1))
    assert board.clock_wrong and "hôm nay là 01/01/2001" in board.clock.warning
    assert {item.days_left_text for item in board.deadlines} == {"chưa tính được (đồng hồ máy sai)"}
    assert board.overdue == () and board.upcoming == () and board.counts.overdue is None
    assert (board.counts.done, board.counts.todo) == (1, 2)  # the statuses do not depend on the date


def test_a_2099_clock_after_a_2024_backup_is_not_believed(year_2024):
    """Every unfinished task would be 75 years late: the board says the clock is wrong instead."""
    board = dashboard(year_2024, 2024, date(2099, 6, 1))
    assert board.clock_wrong and "quá một năm" in board.clock.warning
    assert board.overdue == () and board.counts.overdue is None


def test_a_right_clock_computes_as_before(year_2024):
    """The day after the last backup counts overdue tasks and days left as usual."""
    board = dashboard(year_2024, 2024, date(2024, 5, 11))
    assert not board.clock_wrong
    assert [row.title for row in board.upcoming] == ["Niêm yết TTHC"] and board.counts.overdue == 0
    assert board.deadlines[1].days_left_text == "còn 14 ngày"
