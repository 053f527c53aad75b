"""Whether the computer clock can be believed, judged from dates it cannot have made up.

An old commune PC whose BIOS battery died starts in 2001 (or 1970, or the
BIOS's own date); a typo in the year gives 2099. Deadlines, the daily backup
and file dates all trust the clock, so the app checks it against two witnesses:

- the release floor (``RELEASE_FLOOR``): no copy of CCHC Xã ran before it;
- the backups of the data folder, walked in sequence order (their numbers,
  not their dates, say which came first). The *anchor* is the latest backup
  date that agrees with those before it: within ``BACKWARD_SLACK`` before and
  ``FUTURE_MARGIN`` after the anchor so far. A backup that disagrees (2099
  after 2026, or 2025 after 2026) leaves the anchor where it was, unless
  ``CONFIRM_DAYS`` disagreeing backups on as many different days agree with
  one another: a week of use at the new date (a real gap of a year in use, or
  a clock the clerk chose to keep) moves the anchor there. Dates before the
  release floor never count.

The clock looks wrong when today is before the release floor, more than
``BACKWARD_SLACK`` before the anchor (a clock set back by hours — a time zone,
a correction — is not a fault), or more than ``FUTURE_MARGIN`` after it. With
no anchor (a new install) only the release floor can be checked: nothing else
says what year it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

# No release of CCHC Xã is older: its first plans are the 2024 ones. A floor, not the build day, so a
# clock within the app's real life is judged by the backups, which know the day far better.
RELEASE_FLOOR = date(2024, 1, 1)
FUTURE_MARGIN = timedelta(days=366)
BACKWARD_SLACK = timedelta(days=1)
CONFIRM_DAYS = 7

EARLY, LATE = "early", "late"


@dataclass(frozen=True)
class ClockCheck:
    """The verdict on ``today``: ``problem`` is "" (believable), EARLY or LATE; ``reference`` what it was judged by."""

    today: date
    problem: str = ""
    reference: date | None = None

    @property
    def wrong(self) -> bool:
        return bool(self.problem)

    @property
    def short_warning(self) -> str:
        """One line for the status bar ("" when the clock looks right); ``warning`` says why."""
        if not self.problem:
            return ""
        return f"Đồng hồ máy tính có vẻ sai: hôm nay là {self.today:%d/%m/%Y}; hãy chỉnh ngày giờ của máy tính."

    @property
    def warning(self) -> str:
        """The Vietnamese sentence for the status bar and the dashboard ("" when the clock looks right)."""
        if not self.problem:
            return ""
        if self.problem == EARLY and self.reference == RELEASE_FLOOR:
            why = f"trước cả khi có phần mềm này ({self.reference:%d/%m/%Y})"
        elif self.problem == EARLY:
            why = f"sớm hơn lần sao lưu gần nhất ({self.reference:%d/%m/%Y})"
        else:
            why = f"muộn hơn lần sao lưu gần nhất ({self.reference:%d/%m/%Y}) quá một năm"
        return (f"Đồng hồ máy tính có vẻ sai: hôm nay là {self.today:%d/%m/%Y}, {why}. "
                "Hãy chỉnh ngày giờ của máy tính (có thể pin CMOS đã hết) rồi mở lại phần mềm; "
                "đến lúc đó số ngày còn lại và việc quá hạn chưa tính được.")


def anchor_index(dates: Sequence[date], floor: date = RELEASE_FLOOR) -> int | None:
    """For backup dates oldest first (by sequence): the index of the anchor (see the module), or None."""
    anchor: int | None = None
    run: list[int] = []  # the latest backups that disagree with the anchor but agree with one another
    for index, day in enumerate(dates):
        if day < floor:
            continue
        if anchor is None or _agrees(dates[anchor], day):
            anchor = index if anchor is None or day >= dates[anchor] else anchor
            run = []
            continue
        run = (run if run and _agrees(dates[run[-1]], day) else []) + [index]
        if len({dates[i] for i in run}) >= CONFIRM_DAYS:
            anchor, run = max(run, key=lambda i: (dates[i], i)), []
    return anchor


def check_clock(today: date, backup_dates: Sequence[date], floor: date = RELEASE_FLOOR) -> ClockCheck:
    """Judge ``today`` against the release floor and the backup dates (oldest first, by sequence)."""
    if today < floor:
        return ClockCheck(today, EARLY, floor)
    index = anchor_index(backup_dates, floor)
    if index is None:
        return ClockCheck(today)
    known = backup_dates[index]
    if today < known - BACKWARD_SLACK:
        return ClockCheck(today, EARLY, known)
    if today > known + FUTURE_MARGIN:
        return ClockCheck(today, LATE, known)
    return ClockCheck(today)


def _agrees(known: date, day: date) -> bool:
    return known - BACKWARD_SLACK <= day <= known + FUTURE_MARGIN
