"""Cơ quan, bộ phận and the superior history: real dialogs offscreen — add, edit, end, refuse, undo."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from app.services import offices, superiors
from app.services.officials import OfficialData, add_official, get_official
from app.services.profile import get_profile, set_profile_field
from ui.dialogs.official_dialog import OfficialDialog
from ui.dialogs.offices_dialog import OfficeForm, OfficesDialog, OfficesModel
from ui.dialogs.superiors_dialog import PeriodForm, SuperiorsDialog, SuperiorsModel
from ui.pages.profile_page import ProfilePage

from .test_registers_dialogs import _names, _open, when_modal

DISTRICT = superiors.PeriodData(None, date(2025, 6, 30), "district", "Ủy ban nhân dân huyện Bình Xuân",
                                "Phòng Nội vụ huyện Bình Xuân")


def _set(optional, day: date) -> None:
    optional.given.setChecked(True)
    optional.edit.setDate(QDate(day.year, day.month, day.day))


def test_models_pass_qt_model_checks(qtmodeltester, store):
    """The offices and periods tables are well-behaved Qt models."""
    offices.add_office(store, offices.OfficeData("kinh_te", "Phòng Kinh tế"))
    superiors.add_period(store, DISTRICT)
    for model_class, rows in ((OfficesModel, offices.list_offices(store)),
                              (SuperiorsModel, list(superiors.list_periods(store)))):
        model = model_class()
        model.replace_rows(rows)
        qtmodeltester.check(model)


def test_a_ward_adds_its_economic_office_by_kind_and_ends_it_with_undo(qtbot, store):
    """In a ward the kind “Kinh tế” fills “Phòng Kinh tế, Hạ tầng và Đô thị”; ending it is undone by the button."""
    set_profile_field(store, "unit_kind", "phuong")
    dialog, _stack, _changes = _open(qtbot, OfficesDialog, store)

    def fill(form):
        form.kind.setCurrentIndex(form.kind.findData("kinh_te"))
        _set(form.active_from, date(2025, 7, 1))
        form.accept()

    when_modal(OfficeForm, fill)
    dialog.add_button.click()
    [office] = offices.list_offices(store)
    assert (office.name, office.kind, office.active_from) == ("Phòng Kinh tế, Hạ tầng và Đô thị", "kinh_te",
                                                              date(2025, 7, 1))
    assert _names(dialog) == ["Phòng Kinh tế, Hạ tầng và Đô thị"] and _names(dialog, 4) == ["01/07/2025 – nay"]
    dialog.select(office.id)
    dialog.delete_button.click()
    assert offices.list_offices(store)[0].active_to == date.today()
    dialog.undo_button.click()
    assert offices.list_offices(store)[0].active_to is None and _names(dialog, 4) == ["01/07/2025 – nay"]


def test_an_office_form_with_the_end_before_the_start_stays_open_with_the_reason(qtbot, store):
    """Lưu is refused in Vietnamese; nothing is saved."""
    dialog, stack, _changes = _open(qtbot, OfficesDialog, store)
    seen = []

    def act(form):
        _set(form.active_from, date(2025, 7, 1))
        _set(form.active_to, date(2025, 1, 1))
        form.accept()
        seen.append((form.isVisible(), form.message.text()))

    when_modal(OfficeForm, act)
    dialog.add_button.click()
    assert seen[0][0] and "ngày thôi hoạt động 01/01/2025 trước ngày bắt đầu 01/07/2025" in seen[0][1]
    assert offices.list_offices(store) == [] and stack.count() == 0


def test_the_officials_editor_picks_an_office(qtbot, store):
    """The office chosen in the dialog is the office_id of the data it returns, and shown again when editing."""
    office_id = offices.add_office(store, offices.OfficeData("van_phong", "Văn phòng HĐND và UBND")).value
    official = add_official(store, OfficialData("Đặng Văn Đức", office_id=office_id)).value
    dialog = OfficialDialog(None, get_official(store, official.id).data, offices.list_offices(store))
    qtbot.addWidget(dialog)
    assert dialog.office.currentText() == "Văn phòng HĐND và UBND"
    dialog.office.setCurrentIndex(0)
    assert dialog.entered().office_id is None


def test_overlapping_periods_are_refused_in_the_form_naming_the_rows(qtbot, store):
    """A province from 01/06/2025 beside the district until 30/06/2025: the form says which rows clash."""
    superiors.add_period(store, DISTRICT)
    dialog, stack, _changes = _open(qtbot, SuperiorsDialog, store)
    seen = []

    def act(form):
        _set(form.valid_from, date(2025, 6, 1))
        form.authority.setText("Ủy ban nhân dân tỉnh Quảng Ngãi")
        form.accept()
        seen.append((form.isVisible(), form.message.text()))

    when_modal(PeriodForm, act)
    dialog.add_button.click()
    assert seen == [(True, "Dòng 1 (Ủy ban nhân dân huyện Bình Xuân, đến 30/06/2025) và dòng 2 (Ủy ban nhân dân "
                           "tỉnh Quảng Ngãi, từ 01/06/2025) trùng thời gian. Mỗi ngày chỉ có một cơ quan cấp trên: "
                           "sửa “Đến ngày” của dòng trước cho trước “Từ ngày” của dòng sau.")]
    assert len(superiors.list_periods(store)) == 1 and stack.count() == 0


def test_a_period_added_in_the_dialog_is_undone(qtbot, store):
    """Thêm… saves the province from 01/07/2025; Hoàn tác removes it."""
    dialog, _stack, _changes = _open(qtbot, SuperiorsDialog, store)

    def fill(form):
        _set(form.valid_from, date(2025, 7, 1))
        form.authority.setText("Ủy ban nhân dân tỉnh Quảng Ngãi")
        form.office.setText("Sở Nội vụ tỉnh Quảng Ngãi")
        form.accept()

    when_modal(PeriodForm, fill)
    dialog.add_button.click()
    assert _names(dialog, 0) == ["từ 01/07/2025"] and _names(dialog, 1) == ["Cấp tỉnh"]
    dialog.undo_button.click()
    assert superiors.list_periods(store) == () and _names(dialog) == []


def test_the_profile_page_shows_the_history_and_saves_the_unit_kind_and_drafting_office(qtbot, store):
    """The history is listed; choosing Phường and the drafting office saves each as one undo step."""
    superiors.add_period(store, DISTRICT)
    office_id = offices.add_office(store, offices.OfficeData("van_hoa_xa_hoi", "Phòng Văn hóa - Xã hội")).value
    changes = []
    from ui.journal_undo import JournalUndoStack

    stack = JournalUndoStack(store, changes.append)
    page = ProfilePage(store, stack, changes.append)
    qtbot.addWidget(page)
    page.show()
    assert "đến 30/06/2025: Ủy ban nhân dân huyện Bình Xuân (cấp huyện)" in page.superiors.text()
    page.unit_kind.setCurrentIndex(page.unit_kind.findData("phuong"))
    page.unit_kind.activated.emit(page.unit_kind.currentIndex())
    page.drafting.setCurrentIndex(page.drafting.findData(office_id))
    page.drafting.activated.emit(page.drafting.currentIndex())
    profile = get_profile(store)
    assert (profile.unit_kind, profile.drafting_office) == ("phuong", "Phòng Văn hóa - Xã hội")
    assert stack.count() == 2 and "PHƯỜNG" in page.preview.text()
