"""The clock check: before the release floor, before the trusted backup date, or far after it."""

from __future__ import annotations

from datetime import date, timedelta

from app.domain.clock import CONFIRM_DAYS, EARLY, LATE, RELEASE_FLOOR, anchor_index, check_clock

DAYS = [date(2026, 12, 1) + timedelta(days=n) for n in range(5)]


def test_a_right_clock_is_believed():
    """The day after the last backup, or the same day, is not a problem."""
    assert not check_clock(date(2026, 12, 6), DAYS).wrong
    assert not check_clock(date(2026, 12, 5), DAYS).wrong


def test_a_new_install_is_judged_by_the_release_floor_only():
    """With no backup, any date from the floor on is believed; one before it is not."""
    assert not check_clock(date(2031, 1, 1), []).wrong
    check = check_clock(date(2001, 1, 1), [])
    assert (check.problem, check.reference) == (EARLY, RELEASE_FLOOR)


def test_a_dead_bios_battery_is_caught():
    """01/01/2001 is before the release floor; the warning names the date and what to do, in Vietnamese."""
    check = check_clock(date(2001, 1, 1), DAYS)
    assert check.wrong and check.problem == EARLY
    assert check.warning.startswith("Đồng hồ máy tính có vẻ sai: hôm nay là 01/01/2001")
    assert "Hãy chỉnh ngày giờ của máy tính" in check.warning


def test_a_clock_set_back_after_the_last_backup_is_caught():
    """Two days before the last backup is wrong; one day back (a time zone, a correction) is tolerated."""
    assert check_clock(date(2026, 12, 3), DAYS).problem == EARLY
    assert not check_clock(date(2026, 12, 4), DAYS).wrong
    assert "sớm hơn lần sao lưu gần nhất (05/12/2026)" in check_clock(date(2026, 12, 3), DAYS).warning


def test_far_in_the_future_is_caught_and_its_own_backups_do_not_vouch_for_it():
    """2099 is wrong, also after a few backups were taken in 2099: they disagree with the anchor."""
    in_2099 = [date(2099, 1, 1) + timedelta(days=n) for n in range(CONFIRM_DAYS - 1)]
    check = check_clock(date(2099, 1, 7), DAYS + in_2099)
    assert (check.problem, check.reference) == (LATE, date(2026, 12, 5))
    assert "quá một năm" in check.warning
    assert anchor_index(DAYS + in_2099) == len(DAYS) - 1


def test_the_clock_put_right_after_2099_is_believed_at_once():
    """The backups of the 2099 days never moved the anchor, so the real date is right again."""
    in_2099 = [date(2099, 1, 1) + timedelta(days=n) for n in range(3)]
    assert not check_clock(date(2026, 12, 8), DAYS + in_2099).wrong


def test_a_week_of_use_at_a_new_date_moves_the_anchor():
    """A real gap of two years in use stops warning after CONFIRM_DAYS days of backups at the new date."""
    later = [date(2028, 12, 1) + timedelta(days=n) for n in range(CONFIRM_DAYS)]
    assert check_clock(date(2028, 12, 1), DAYS + later[:1]).problem == LATE
    assert not check_clock(date(2028, 12, 8), DAYS + later).wrong


def test_backups_dated_before_the_floor_never_count():
    """Backups taken on a 2001 clock neither anchor nor lower the trusted date."""
    stuck = [date(2001, 1, 1)] * 12
    assert anchor_index(stuck) is None
    assert anchor_index(DAYS + stuck) == len(DAYS) - 1
