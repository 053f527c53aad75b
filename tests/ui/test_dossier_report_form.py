"""The dossier page names the report form in force for the dossier and why."""

from __future__ import annotations

from datetime import date

from app.services import dossier
from ui.journal_undo import JournalUndoStack
from ui.pages.dossier_page import DossierPage, NewDossierDialog

TODAY = date(2025, 1, 10)


def _page_on(qtbot, store, campaign: str) -> DossierPage:
    """The page on 2024 with the demo dossier whose campaign begins with ``campaign`` chosen."""
    holder = {}
    stack = JournalUndoStack(store, lambda changes: holder["page"].refresh(changes))
    page = DossierPage(store, stack, lambda changes: holder["page"].refresh(changes), today=TODAY)
    holder["page"] = page
    qtbot.addWidget(page)
    page.show()
    page.year.setValue(2024)
    index = next(i for i in range(page.dossiers.count()) if page.dossiers.itemText(i).startswith(campaign))
    page.dossiers.setCurrentIndex(index)
    qtbot.waitUntil(lambda: page.view is not None and page.view.dossier.campaign.startswith(campaign))
    return page


def test_the_drive_dossier_says_form_08_of_decree_98_because_of_its_date(qtbot, demo_store, errors_shown):
    """The demo's drive dossier: "Mẫu số 08, Nghị định 98/2023/NĐ-CP — … theo đợt …, vì hồ sơ lập ngày 05/12/2024"."""
    note = _page_on(qtbot, demo_store, "Phong trào thi đua").report_tab.form_note.text()
    assert note.startswith("Theo Mẫu số 08, Nghị định 98/2023/NĐ-CP — báo cáo thành tích theo đợt thi đua, chuyên đề")
    assert "vì hồ sơ lập ngày 05/12/2024." in note and "chưa đối chiếu" in note
    assert errors_shown == []


def test_the_year_end_dossier_says_the_annual_forms(qtbot, demo_store, errors_shown):
    """The demo's year-end titles: Mẫu 02 for the collective, Mẫu 03 for persons, dated by its letter (18/12/2024)."""
    note = _page_on(qtbot, demo_store, "Bình xét danh hiệu").report_tab.form_note.text()
    assert note.startswith("Theo Mẫu số 02 (tập thể), Mẫu số 03 (cá nhân), Nghị định 98/2023/NĐ-CP — báo cáo "
                           "thành tích năm")
    assert "vì hồ sơ lập ngày 18/12/2024." in note
    assert errors_shown == []


def test_a_letter_date_under_another_decree_is_pointed_out(qtbot, demo_store, errors_shown):
    """Dating the drive dossier's letter 10/08/2025 keeps NĐ 98 but the note says that day is NĐ 152's."""
    page = _page_on(qtbot, demo_store, "Phong trào thi đua")
    page.refresh(dossier.update_dossier(demo_store, page.view.dossier.id, letter_date=date(2025, 8, 10)))
    qtbot.waitUntil(lambda: "10/08/2025" in page.report_tab.form_note.text())
    assert "thuộc Nghị định 152/2025/NĐ-CP" in page.report_tab.form_note.text()


def test_the_new_dossier_dialog_lists_each_decree_with_its_dates(qtbot):
    """The choice names decrees with their dates from the data; today's is chosen."""
    dialog = NewDossierDialog(2026, date(2026, 3, 2))
    qtbot.addWidget(dialog)
    labels = [dialog.version.itemText(i) for i in range(dialog.version.count())]
    assert "Nghị định 98/2023/NĐ-CP (01/01/2024 – 30/06/2025)" in labels
    assert dialog.version.currentData() == "nd152-m08"
