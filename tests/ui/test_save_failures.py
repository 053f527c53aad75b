"""A save the disk refuses keeps the text in the field, marks it, says so once, and saves on the next try."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from app.services import plans
from app.services.dossier import list_dossiers
from app.services.profile import get_profile
from tests.app.test_store_write_failures import fill, refuse_commits
from tests.ui.conftest import type_text

from ui.pages.dossier_page import DossierPage
from ui.pages.plans_page import PlansPage
from ui.pages.profile_page import ProfilePage
from ui.widgets.autosave import UNSAVED_TIP, flush_all_edits
from .conftest import open_window


def _window(qtbot, store):
    return open_window(qtbot, store)


def _profile_field(window):
    return window.page(ProfilePage).editors["commune_name"]


def _plan_title(window):
    window.nav.setCurrentRow(window.stack.indexOf(window.page(PlansPage)))
    return window.page(PlansPage).info.title


def _letter_summary(window):
    page = window.page(DossierPage)
    window.nav.setCurrentRow(window.stack.indexOf(page))
    page.year.setValue(list_dossiers(window.store)[0].year)  # the page opens on today's year: the demo's is older
    summary = page.findChild(QPlainTextEdit, "summary")
    summary.moveCursor(summary.textCursor().MoveOperation.End)  # the demo's letter has its paragraph: type after it
    return summary


def _stored_commune(store):
    return get_profile(store).commune_name


def _stored_plan_title(store):
    return plans.get_plan(store, plans.list_plans(store)[0].id).title


def _stored_summary(store):
    """The letter of the dossier the page opens on (the last one of the latest year)."""
    latest = list_dossiers(store)[0].year
    return [item for item in list_dossiers(store, latest)][-1].summary


FIELDS = {
    "profile": (_profile_field, _stored_commune),
    "plan_info": (_plan_title, _stored_plan_title),
    "dossier_letter": (_letter_summary, _stored_summary),
}


def _text(field) -> str:
    return field.text() if isinstance(field, QLineEdit) else field.toPlainText()


@pytest.mark.parametrize("name", FIELDS)
def test_a_refused_save_keeps_the_text_marks_it_and_says_so_once(qtbot, demo_store, errors_shown, name):
    """While the disk refuses writes the field keeps the text and its red mark; one message; freed, it saves."""
    window = _window(qtbot, demo_store)
    find, stored = FIELDS[name]
    field = find(window)
    before = stored(demo_store)
    free = refuse_commits(demo_store)
    field.setFocus()
    type_text(field, " Mới")
    flush_all_edits()
    type_text(field, " gõ thêm")
    flush_all_edits()
    qtbot.waitUntil(lambda: len(errors_shown) == 1)
    assert _text(field).endswith(" Mới gõ thêm")
    assert field.property("unsaved") and field.toolTip() == UNSAVED_TIP
    assert errors_shown == ["Không lưu được: ổ đĩa đã đầy."]
    free()
    assert stored(demo_store) == before
    flush_all_edits()
    assert stored(demo_store).endswith("Mới gõ thêm")
    assert not field.property("unsaved") and field.toolTip() != UNSAVED_TIP
    assert len(errors_shown) == 1


def test_quitting_with_unsaved_text_asks_and_stays(qtbot, demo_store, errors_shown, monkeypatch):
    """Closing while the disk refuses asks first; “Ở lại” keeps the window, “Thử lưu lại” once freed saves and quits."""
    import ui.dialogs.unsaved_dialog as unsaved_dialog

    window = _window(qtbot, demo_store)
    field = _profile_field(window)
    free = refuse_commits(demo_store)
    field.setFocus()
    type_text(field, " chưa lưu")
    answers = ["stay"]
    monkeypatch.setattr(unsaved_dialog, "ask_unsaved", lambda parent, failure: answers.pop(0))
    window.close()
    assert window.isVisible() and not answers
    free()
    answers.append("retry")
    window.close()
    assert not window.isVisible()
    assert get_profile(demo_store).commune_name.endswith(" chưa lưu")
    assert errors_shown == []  # the question said it; no second message


def test_a_real_full_disk_keeps_the_text_until_space_is_freed(qtbot, tmpfs, demo_template, errors_shown):
    """On a real full file system the typed text waits, marked, and is saved once the disk has room again."""
    import shutil

    from app.paths import DataFolder
    from app.store import Store

    folder = DataFolder(tmpfs / "data")
    folder.create()
    shutil.copyfile(demo_template.database, folder.database)
    store = Store(folder)
    try:
        window = _window(qtbot, store)
        field = _profile_field(window)
        filler = fill(tmpfs)
        field.setFocus()
        type_text(field, " trên đĩa đầy" * 300)
        flush_all_edits()
        qtbot.waitUntil(lambda: len(errors_shown) == 1)
        assert field.property("unsaved") and field.text().endswith(" trên đĩa đầy")
        filler.unlink()
        flush_all_edits()
        assert get_profile(store).commune_name.endswith(" trên đĩa đầy")
        assert not field.property("unsaved")
    finally:
        window.close()
        store.close()
