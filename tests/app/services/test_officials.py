"""The officials service: validation, Vietnamese order, delete and undo."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import UserError
from app.services.undo import undo
from app.services.officials import (
    OfficialData,
    add_official,
    delete_official,
    get_official,
    list_officials,
    update_official,
    validated,
)


def test_added_official_is_listed_with_clean_text(store):
    added = add_official(store, OfficialData(" Nguyễn  Văn An ", gender="Nam", birth_year=1985, department="VP-TK")).value
    assert [o.full_name for o in list_officials(store)] == ["Nguyễn Văn An"]
    assert added.search_key == "nguyen van an vp-tk"


def test_list_is_in_vietnamese_order_by_given_name(store):
    for name in ("Trần Văn Bình", "Đỗ Thị Ánh", "Lê Văn An", "Nguyễn Thị Ân", "Phạm Đức"):
        add_official(store, OfficialData(name))
    assert [o.full_name for o in list_officials(store)] == [
        "Lê Văn An", "Đỗ Thị Ánh", "Nguyễn Thị Ân", "Trần Văn Bình", "Phạm Đức",
    ]


def test_inactive_officials_can_be_left_out(store):
    add_official(store, OfficialData("Lê Văn An"))
    add_official(store, OfficialData("Châu Văn Ưng", active=False))
    assert [o.full_name for o in list_officials(store, include_inactive=False)] == ["Lê Văn An"]
    assert len(list_officials(store)) == 2


@pytest.mark.parametrize(
    "data, words",
    [
        (OfficialData("   "), "họ và tên"),
        (OfficialData("An", gender="Khác"), "Giới tính"),
        (OfficialData("An", birth_year=1800), "Năm sinh"),
        (OfficialData("An", birth_year=2020), "Năm sinh"),
        (OfficialData("A" * 201), "quá dài"),
    ],
)
def test_bad_input_is_refused_with_a_message_naming_the_field(store, data, words):
    with pytest.raises(UserError) as caught:
        add_official(store, data)
    assert words.lower() in caught.value.message.lower()
    assert list_officials(store) == []


def test_birth_year_limit_follows_today():
    with pytest.raises(UserError):
        validated(OfficialData("An", birth_year=2000), today=date(2014, 1, 1))
    assert validated(OfficialData("An", birth_year=2000), today=date(2024, 1, 1)).birth_year == 2000


def test_update_changes_the_stored_official(store):
    added = add_official(store, OfficialData("Lê Văn An", position="Công chức")).value
    update_official(store, added.id, OfficialData("Lê Văn An", position="Phó Chủ tịch UBND xã"))
    assert get_official(store, added.id).position == "Phó Chủ tịch UBND xã"


def test_deleted_official_comes_back_with_the_same_id(store):
    """Undo of a deletion restores the very same record."""
    added = add_official(store, OfficialData("Lê Văn An", gender="Nam", birth_year=1980)).value
    changes = delete_official(store, added.id)
    assert list_officials(store) == [] and changes.ids("official") == {added.id}
    undo(store)
    assert list_officials(store) == [added]


def test_editing_a_deleted_official_says_so(store):
    added = add_official(store, OfficialData("Lê Văn An")).value
    delete_official(store, added.id)
    with pytest.raises(UserError) as caught:
        update_official(store, added.id, OfficialData("Lê Văn Anh"))
    assert "Không tìm thấy" in caught.value.message


def test_a_name_without_any_letter_is_refused(store):
    with pytest.raises(UserError, match="không phải họ và tên"):
        add_official(store, OfficialData("12345"))
    assert add_official(store, OfficialData("Ksor H'Bia")).value.full_name == "Ksor H'Bia"
