"""The daily backup at start on a wrong clock (2001, 2099) and on an emptied database, through real starts."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta

import pytest

from app.backups import daily_backup, latest_backup, restorable_backups
from app.domain.clock import CONFIRM_DAYS
from app.services.officials import OfficialData, add_official
from app.startup import open_store
from db.backup import latest_good_backup, list_backups

GOOD_DAYS = [datetime(2026, 11, 20, 8, 0) + timedelta(days=n) for n in range(10)]


def _start(folder, now, new_official: str = ""):
    """One start of the app at ``now`` (the daily backup included); adds an official when asked, then closes."""
    store, report = open_store(folder, now=now)
    try:
        if new_official:
            add_official(store, OfficialData(new_official))
        return report.daily_backup
    finally:
        store.close()


def _automatic(folder):
    return [b for b in list_backups(folder.backups) if b.kind == "auto"]


@pytest.fixture
def ten_good_days(migrated_folder):
    """A data folder used for ten days, an official added each day: ten automatic backups."""
    for number, day in enumerate(GOOD_DAYS):
        _start(migrated_folder, day, f"Cán bộ {number}")
    assert len(_automatic(migrated_folder)) == 10
    return migrated_folder


def test_the_backup_taken_on_a_2001_clock_survives(ten_good_days):
    """A start on 01/01/2001 takes a backup that rotation keeps and the status bar names as the latest."""
    taken = _start(ten_good_days, datetime(2001, 1, 1, 8, 0), "Cán bộ mới")
    assert taken is not None and taken.path.exists()
    assert latest_backup(ten_good_days) == taken and _automatic(ten_good_days)[0] == taken


def test_every_morning_on_a_stuck_2001_clock_keeps_that_days_work(ten_good_days):
    """The clock restarts at 01/01/2001 each morning: a start after a change backs it up, one without does not."""
    first = _start(ten_good_days, datetime(2001, 1, 1, 8, 0), "Việc của ngày thứ nhất")
    second = _start(ten_good_days, datetime(2001, 1, 1, 8, 5))  # holds the first day's work
    unchanged = _start(ten_good_days, datetime(2001, 1, 1, 8, 10))
    assert first is not None and second is not None and unchanged is None
    assert first.path.exists() and second.path.exists() and latest_backup(ten_good_days) == second


def test_one_start_in_2099_neither_pushes_out_good_backups_nor_becomes_the_latest(ten_good_days):
    """After a start dated 2099, the clock is put right: one backup that day, and --latest picks it, not 2099."""
    wrong = _start(ten_good_days, datetime(2099, 6, 1, 8, 0), "Nhập lúc đồng hồ sai")
    fixed = [_start(ten_good_days, datetime(2026, 11, 30, 9, minute)) for minute in range(6)]
    assert fixed[0] is not None and fixed[1:] == [None] * 5
    assert restorable_backups(ten_good_days)[0] == fixed[0] == latest_good_backup(ten_good_days.backups)
    remaining = {b.path for b in _automatic(ten_good_days)}
    assert remaining == {b.path for b in list_backups(ten_good_days.backups)[:10]}
    assert wrong.path in remaining and len(remaining) == 10


def test_days_at_2099_keep_the_last_backup_with_a_believable_date(ten_good_days):
    """Twelve starts in 2099 (under a week) rotate older good backups out, never the last one the check trusts."""
    last_good = _automatic(ten_good_days)[0]
    for day in range(CONFIRM_DAYS - 1):
        for hour in (8, 14):
            assert _start(ten_good_days, datetime(2099, 1, 1 + day, hour, 0), f"Ngày {day}, {hour} giờ") is not None
    assert last_good.path.exists()
    assert sum(b.taken_at.year == 2099 for b in _automatic(ten_good_days)) == 10


def test_ten_starts_on_an_emptied_database_keep_the_last_backup_with_data(ten_good_days, template_database):
    """The database comes back empty; ten daily backups of it later, the last one with the clerk's work is there."""
    last_with_data = _automatic(ten_good_days)[0]
    shutil.copyfile(template_database, ten_good_days.database)
    for day in range(1, 11):
        assert daily_backup(ten_good_days, GOOD_DAYS[-1] + timedelta(days=day)) is not None
    assert last_with_data.path.exists()
    assert latest_good_backup(ten_good_days.backups) == last_with_data
