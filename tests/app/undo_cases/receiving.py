"""Undo cases: the receiving side (an appraised score with its note, then changed; the receiving office)."""

from __future__ import annotations

from decimal import Decimal

from app.receiving.appraisal import set_province_appraisal, set_receiving_office
from app.receiving.ingest import consolidate
from tests.app.undo_cases import Case
from tests.fixtures.received_packages import commune_data, write_package

DATA = commune_data("An Phú", {"1.1": "5", "1.2": "4", "2.1": "8"})


def _received(store):
    """One commune's package taken in (consolidation itself is not an undoable action)."""
    consolidate(store, [write_package(DATA, store.folder.root / "goi-nhan")])
    return DATA.commune.key


def _appraise(store, key):
    return set_province_appraisal(store, key, 2026, "2.1", Decimal("6.5"), "Thiếu minh chứng")


def _appraised(store):
    key = _received(store)
    _appraise(store, key)
    return key


def _change(store, key):
    return set_province_appraisal(store, key, 2026, "2.1", Decimal("7"), "Đã bổ sung minh chứng")


def _office(store, _prepared=None):
    return set_receiving_office(store, "Sở Nội vụ tỉnh Quảng Ngãi", "Quảng Ngãi", "Nguyễn Văn Bình")


CASES = [
    Case("thẩm định một tiêu chí của xã", _appraise, prepare=_received),
    Case("sửa điểm thẩm định", _change, prepare=_appraised),
    Case("sửa tên cơ quan tổng hợp", _office),
]
