"""The computer clock as this data folder's backups see it (the rule itself: ``app/domain/clock.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from app.domain.clock import ClockCheck, anchor_index, check_clock
from app.paths import DataFolder
from db.backup import Backup, list_backups

__all__ = ["ClockCheck", "anchor_backup", "backup_clock_check", "folder_clock_check"]


def backup_clock_check(today: date, backups: Sequence[Backup]) -> ClockCheck:
    """Judge ``today`` against ``backups`` (as ``list_backups`` gives them: newest first by sequence)."""
    return check_clock(today, [b.taken_at.date() for b in reversed(backups)])


def folder_clock_check(folder: DataFolder, today: date | None = None) -> ClockCheck:
    """Judge ``today`` (the computer's date by default) against the backups of ``folder``."""
    return backup_clock_check(today or date.today(), list_backups(folder.backups))


def anchor_backup(backups: Sequence[Backup]) -> Backup | None:
    """The backup whose date the clock check trusts most recently (newest first in, as ``list_backups``)."""
    oldest_first = list(reversed(backups))
    index = anchor_index([b.taken_at.date() for b in oldest_first])
    return None if index is None else oldest_first[index]
