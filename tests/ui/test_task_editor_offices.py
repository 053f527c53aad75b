"""The task panel's lead picker offers offices then officials; the coordinators picker appends office names."""

from __future__ import annotations

from app.queries.models.plans import Task
from app.services.offices import Office
from app.services.officials import Official
from ui.plan.task_editor import TaskEditor

OFFICES = [Office("van_hoa_xa_hoi", "Phòng Văn hóa - Xã hội", id=7), Office("kinh_te", "Phòng Kinh tế", id=8)]
OFFICIALS = [Official("Lê Thị Mai", id=3)]


def _editor(qtbot) -> TaskEditor:
    editor = TaskEditor()
    qtbot.addWidget(editor)
    editor.set_officials(OFFICIALS, OFFICES)
    editor.show_task(Task("Rà soát văn bản", id=1), 2026)
    return editor


def test_the_lead_picker_lists_offices_before_officials(qtbot):
    """Blank, the two offices, then Mai."""
    editor = _editor(qtbot)
    assert [editor.lead.itemText(row) for row in range(editor.lead.count())] == [
        "", "Phòng Văn hóa - Xã hội", "Phòng Kinh tế", "Lê Thị Mai"]


def test_an_office_chosen_as_lead_is_entered_as_the_office(qtbot):
    """The office's id, no official, no typed text; an official chosen after it clears the office."""
    editor = _editor(qtbot)
    editor.lead.setCurrentIndex(1)
    entered = editor.entered()
    assert (entered.lead_office_id, entered.lead_official_id, entered.lead_text) == (7, None, "")
    editor.lead.setCurrentIndex(3)
    entered = editor.entered()
    assert (entered.lead_office_id, entered.lead_official_id) == (None, 3)


def test_a_saved_office_lead_is_shown_by_name(qtbot):
    """A task led by office 8 opens with “Phòng Kinh tế” in the picker."""
    editor = _editor(qtbot)
    editor.show_task(Task("Rà soát văn bản", lead_office_id=8, id=1), 2026)
    assert editor.lead.currentText() == "Phòng Kinh tế"


def test_the_coordinators_picker_appends_an_office_once(qtbot):
    """Picking an office adds its name after the typed coordinators; picking it again adds nothing."""
    editor = _editor(qtbot)
    editor.coordinators.setText("Công an xã")
    for _ in range(2):
        editor.coordinator_pick.setCurrentIndex(2)
        editor.coordinator_pick.activated.emit(2)
    assert editor.coordinators.text() == "Công an xã; Phòng Kinh tế"
    assert editor.entered().coordinators == ("Công an xã", "Phòng Kinh tế")
