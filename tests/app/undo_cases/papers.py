"""Undo cases: a paper's own date (set, changed, back to the default) and the former district's names."""

from __future__ import annotations

from datetime import date

from app.services import paper_dates, profile
from tests.app.undo_cases import Case


def _set(store, _prepared=None):
    return paper_dates.set_paper_date(store, paper_dates.REPORT, 2024, "year", date(2024, 12, 2))


def _change(store, _prepared):
    return paper_dates.set_paper_date(store, paper_dates.REPORT, 2024, "year", date(2024, 12, 4))


def _clear(store, _prepared):
    return paper_dates.clear_paper_date(store, paper_dates.REPORT, 2024, "year")


def _district(store, _prepared):
    return profile.set_profile_field(store, "district_office", "Phòng Nội vụ huyện Sơn Tịnh")


CASES = [
    Case("đặt ngày của báo cáo", _set),
    Case("đổi ngày của báo cáo", _change, prepare=_set),
    Case("dùng ngày mặc định của báo cáo", _clear, prepare=_set),
    Case("sửa tên cấp huyện trước 01/7/2025", _district),
]
