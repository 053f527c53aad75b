"""Undo cases: the officials list and the commune profile."""

from __future__ import annotations

from dataclasses import replace

from app.services import officials, profile
from tests.app.undo_cases import Case


def _first(store):
    return officials.list_officials(store)[0]


def _add(store, _prepared=None):
    return officials.add_official(store, officials.OfficialData("Trần Thị Thu", position="Công chức"))


def _edit(store, _prepared):
    first = _first(store)
    return officials.update_official(store, first.id, replace(first.data, position="Phó Chủ tịch UBND xã"))


def _delete(store, added):
    return officials.delete_official(store, added.id)


def _profile_field(store, _prepared):
    return profile.set_profile_field(store, "chairman_name", "Nguyễn Văn Bình")


CASES = [
    Case("thêm cán bộ", _add),
    Case("sửa cán bộ", _edit),
    Case("xóa cán bộ", _delete, prepare=lambda store: _add(store).value),
    Case("sửa thông tin xã", _profile_field),
]
