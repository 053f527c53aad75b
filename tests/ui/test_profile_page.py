"""Thông tin đơn vị: typed, saved at once, undone, and found again after a restart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.services.changes import Changes
from app.services.profile import get_profile
from app.store import Store
from ui.journal_undo import JournalUndoStack
from ui.pages.profile_page import ProfilePage

from .conftest import type_text


def _page(qtbot, store):
    notes: list[Changes] = []

    def notify(changes: Changes) -> None:  # what the main window does: record, then refresh the page
        notes.append(changes)
        page.refresh(changes)

    stack = JournalUndoStack(store, notify)
    page = ProfilePage(store, stack, notify)
    qtbot.addWidget(page)
    page.show()
    return page, stack, notes


def _type(qtbot, page, field, text):
    editor = page.editors[field]
    editor.setFocus()
    editor.selectAll()
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_typing_a_field_saves_it_at_once(qtbot, store):
    page, _stack, notes = _page(qtbot, store)
    _type(qtbot, page, "commune_name", "Hành Minh")
    assert get_profile(store).commune_name == "Hành Minh"
    assert notes and notes[-1].touches("profile")
    assert "XÃ HÀNH MINH" in page.preview.text()


def test_undo_and_redo_a_field(qtbot, store):
    page, stack, _notes = _page(qtbot, store)
    _type(qtbot, page, "province", "Quảng Ngãi")
    _type(qtbot, page, "province", "Nam Định")
    stack.undo()
    assert get_profile(store).province == "Quảng Ngãi"
    assert page.editors["province"].text() == "Quảng Ngãi"
    stack.redo()
    assert get_profile(store).province == "Nam Định"


def test_unchanged_field_is_not_an_undo_step(qtbot, store):
    page, stack, _notes = _page(qtbot, store)
    _type(qtbot, page, "clerk_name", "Lê Thị Mai")
    _type(qtbot, page, "clerk_name", "Lê Thị Mai")
    assert stack.count() == 1


def test_profile_is_there_after_a_restart(qtbot, store, migrated_folder):
    page, _stack, _notes = _page(qtbot, store)
    _type(qtbot, page, "chairman_name", "Trần Văn Hùng")
    _type(qtbot, page, "superior_authority", "Ủy ban nhân dân tỉnh Quảng Ngãi")
    page.close()
    store.close()
    reopened = Store(migrated_folder)
    try:
        again, _stack, _notes = _page(qtbot, reopened)
        assert again.editors["chairman_name"].text() == "Trần Văn Hùng"
        assert again.editors["superior_authority"].text() == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    finally:
        reopened.close()


def test_the_former_districts_names_are_typed_and_explained(qtbot, store):
    """The two “trước 01/7/2025” fields save as typed, and the page says which papers use them."""
    page, _stack, _notes = _page(qtbot, store)
    _type(qtbot, page, "district_authority", "Ủy ban nhân dân huyện Bình Xuân")
    _type(qtbot, page, "district_office", "Phòng Nội vụ huyện Bình Xuân")
    saved = get_profile(store)
    assert (saved.district_authority, saved.district_office) == (
        "Ủy ban nhân dân huyện Bình Xuân", "Phòng Nội vụ huyện Bình Xuân")
    note = page.findChild(QLabel, "hierarchy_note")
    assert note.isVisible() and "dùng cho giấy tờ ghi ngày trước 01/7/2025" in note.text()


def test_the_administrative_code_is_typed_and_a_letter_refused(qtbot, store, errors_shown):
    """The code field saves digits; a letter in it is refused with the Vietnamese reason and the saved code stays."""
    page, _stack, _notes = _page(qtbot, store)
    _type(qtbot, page, "commune_code", "21550")
    assert get_profile(store).commune_code == "21550"
    _type(qtbot, page, "commune_code", "2155O")
    qtbot.waitUntil(lambda: errors_shown != [])
    assert "chỉ gồm chữ số" in errors_shown[0] and get_profile(store).commune_code == "21550"
