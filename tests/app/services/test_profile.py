"""The commune profile service on a real SQLite file."""

from __future__ import annotations

import unicodedata

import pytest

from app.errors import UserError
from app.services.profile import CommuneProfile, get_profile, save_profile, set_profile_field
from app.store import Store


def test_empty_folder_has_a_blank_profile_with_the_usual_suffix(store):
    assert get_profile(store) == CommuneProfile()
    assert get_profile(store).doc_suffix == "UBND"


def test_set_field_reports_the_profile_changed_as_one_named_step(store):
    """A field saved says it changed the profile, under the field's name in the Edit menu."""
    changes = set_profile_field(store, "commune_name", "Tịnh Minh")
    assert changes.touches("profile") and changes.label == "Sửa “Tên xã”" and changes.step
    assert get_profile(store).commune_name == "Tịnh Minh"


def test_field_values_are_stored_nfc_and_trimmed(store):
    """Decomposed text pasted from another editor is stored composed, without stray spaces."""
    set_profile_field(store, "chairman_name", "  " + unicodedata.normalize("NFD", "Trần Văn Hùng") + " \u200b")
    assert get_profile(store).chairman_name == "Trần Văn Hùng"


def test_unknown_field_is_refused(store):
    with pytest.raises(UserError):
        set_profile_field(store, "password", "x")


def test_profile_survives_reopening_the_folder(store, migrated_folder):
    """Saved at once: a new Store on the same folder (a restart) reads it back."""
    save_profile(store, CommuneProfile(commune_name="Hòa Bình Xuân", province="Quảng Ngãi"))
    store.close()
    reopened = Store(migrated_folder)
    try:
        assert get_profile(reopened).province == "Quảng Ngãi"
    finally:
        reopened.close()


@pytest.mark.parametrize("suffix", ["KH-UBND", "UBND/", "UB ND"])
def test_a_malformed_document_symbol_is_refused(store, suffix):
    """Only the issuing body's symbol goes in (UBND): the app adds the number and the type itself."""
    with pytest.raises(UserError) as caught:
        set_profile_field(store, "doc_suffix", suffix)
    assert "không đúng dạng" in caught.value.message
    assert get_profile(store).doc_suffix == "UBND"


@pytest.mark.parametrize("code", ["215a0", "21 550", "２１５５０", "-21550"])
def test_an_administrative_code_that_is_not_digits_is_refused(store, code):
    """Mã đơn vị hành chính is digits only: anything else is refused in Vietnamese and nothing is saved."""
    with pytest.raises(UserError) as caught:
        set_profile_field(store, "commune_code", code)
    assert "chỉ gồm chữ số" in caught.value.message and get_profile(store).commune_code == ""


def test_an_administrative_code_is_saved_and_may_be_cleared(store):
    """Digits are kept (spaces around them trimmed); emptied, the code is unknown again."""
    set_profile_field(store, "commune_code", " 21550 ")
    assert get_profile(store).commune_code == "21550"
    set_profile_field(store, "commune_code", "")
    assert get_profile(store).commune_code == ""
