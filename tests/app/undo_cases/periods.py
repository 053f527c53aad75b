"""Undo cases: the commune's reporting periods (a deadline changed, the defaults restored)."""

from __future__ import annotations

from datetime import date

from app.services import reporting_periods
from app.services.reporting_periods import PeriodEntry
from tests.app.undo_cases import Case

NATIONAL = date(2025, 1, 1)


def _deadline(store, _prepared=None):
    entry = PeriodEntry((12, 15, True), (6, 14), (6, 18))
    return reporting_periods.save_periods(store, NATIONAL, {"h1": entry})


def _restore(store, _prepared):
    return reporting_periods.restore_defaults(store, NATIONAL)


CASES = [
    Case("sửa hạn gửi báo cáo 6 tháng", _deadline),
    Case("khôi phục kỳ báo cáo mặc định", _restore, prepare=_deadline),
]
