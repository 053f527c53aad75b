"""Undo cases: the offices of the UBND, officials' office, the drafting office and the superior history."""

from __future__ import annotations

from datetime import date

from app.services import offices, officials, profile, superiors
from tests.app.undo_cases import Case

REFORM_DAY = date(2025, 7, 1)


def _add(store, _prepared=None):
    return offices.add_office(store, offices.OfficeData("kinh_te", "Phòng Kinh tế", active_from=REFORM_DAY))


def _edit(store, office_id):
    return offices.update_office(store, office_id, offices.OfficeData("kinh_te", "Phòng Kinh tế, Hạ tầng và Đô thị"))


def _end(store, office_id):
    return offices.end_office(store, office_id, date(2026, 6, 30), today=date(2026, 12, 7))


def _official_office(store, office_id):
    first = officials.list_officials(store)[0]
    return offices.set_official_office(store, first.id, office_id)


def _drafting(store, office_id):
    return profile.set_drafting_office(store, office_id)


def _room(store):
    """The demo's province period is open-ended: end it on 31/12/2030 so a period from 2031 fits after it."""
    for period in superiors.list_periods(store):
        if period.valid_to is None:
            superiors.update_period(store, period.id, superiors.PeriodData(
                period.valid_from, date(2030, 12, 31), period.level, period.authority, period.office, period.award_office))


def _period(store, _prepared=None):
    return superiors.add_period(store, superiors.PeriodData(
        date(2031, 1, 1), None, "province", "Ủy ban nhân dân tỉnh Quảng Ngãi", "Sở Nội vụ tỉnh Quảng Ngãi"))


def _edit_period(store, period_id):
    return superiors.update_period(store, period_id, superiors.PeriodData(
        date(2031, 1, 1), None, "province", "UBND tỉnh Quảng Ngãi", "Sở Nội vụ"))


def _office(store):
    return _add(store).value


CASES = [
    Case("thêm cơ quan", _add),
    Case("sửa cơ quan", _edit, prepare=_office),
    Case("cho cơ quan thôi hoạt động", _end, prepare=_office),
    Case("đổi cơ quan của cán bộ", _official_office, prepare=_office),
    Case("chọn cơ quan tham mưu", _drafting, prepare=_office),
    Case("thêm cấp trên", _period, prepare=_room),
    Case("sửa cấp trên", _edit_period, prepare=lambda store: (_room(store), _period(store).value)[1]),
    Case("xóa cấp trên", lambda store, period_id: superiors.remove_period(store, period_id),
         prepare=lambda store: (_room(store), _period(store).value)[1]),
]
