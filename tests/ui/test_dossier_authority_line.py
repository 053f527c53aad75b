"""The dossier page says which version of the law applies and why; the award kinds dialog shows dated authority."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from app.domain.awards import kind_from_dict
from app.services.dossier import update_dossier
from ui.dialogs.award_kinds_dialog import KindForm, KindRow, KindsModel
from ui.journal_undo import JournalUndoStack
from ui.pages.dossier_page import DossierPage

from .test_award_history_dialog import when_modal
from .test_award_kinds_dialog import _open

TODAY = date(2026, 12, 7)
OWN = 2  # the demo's "Bình xét danh hiệu thi đua năm 2024", letter of 18/12/2024


def _page_on(qtbot, store, dossier_id: int) -> DossierPage:
    holder = {}
    stack = JournalUndoStack(store, lambda changes: holder["page"].refresh(changes))
    page = holder["page"] = DossierPage(store, stack, lambda changes: page.refresh(changes), today=TODAY)
    qtbot.addWidget(page)
    page.year.setValue(2024)
    page.dossier_id = dossier_id
    page.show()
    page.reload()
    return page


def test_the_banner_says_the_district_grants_cstdcs_and_ttldtt_on_a_2024_dossier(qtbot, demo_store):
    """"Chủ tịch UBND xã tặng: Lao động tiên tiến. Trình Chủ tịch UBND huyện: … (Luật …; hồ sơ ngày 18/12/2024)."."""
    page = _page_on(qtbot, demo_store, OWN)
    line = page.banner.authority
    qtbot.waitUntil(lambda: line.isVisible() and bool(line.text()))
    assert line.text().startswith("Chủ tịch UBND xã tặng: Lao động tiên tiến. Trình Chủ tịch UBND huyện: ")
    assert "Chiến sĩ thi đua cơ sở" in line.text() and "Tập thể lao động tiên tiến" in line.text()
    assert "Điều 80 khoản 2" in line.text() and line.text().endswith("hồ sơ ngày 18/12/2024).")


def test_the_banner_follows_the_letter_date_into_the_commune_era(qtbot, demo_store):
    """Dated 15/08/2025 the same dossier's line says the commune grants all three, by NĐ 129/2025."""
    update_dossier(demo_store, OWN, letter_date=date(2025, 8, 15))
    page = _page_on(qtbot, demo_store, OWN)
    text = page.banner.authority.text()
    assert "Trình Chủ tịch UBND huyện" not in text and "129/2025" in text
    assert text.startswith("Chủ tịch UBND xã tặng: ") and "Chiến sĩ thi đua cơ sở" in text


def test_the_kinds_list_shows_each_shipped_kinds_authority_by_date(qtbot, store):
    """CSTĐCS: the district until 30/06/2025, the commune after; the bases in the tooltip."""
    dialog, _stack, _changes = _open(qtbot, store)
    model = dialog.model
    row = next(number for number in range(model.rowCount()) if model.index(number, 0).data() == "Chiến sĩ thi đua cơ sở")
    assert model.index(row, 2).data() == "Chủ tịch UBND huyện (đến 30/6/2025); Chủ tịch UBND xã (từ 01/7/2025)"
    assert model.index(row, 3).data() == "Theo luật, theo ngày hồ sơ"
    assert "Nghị định 129/2025/NĐ-CP" in model.index(row, 2).data(Qt.ItemDataRole.ToolTipRole)


def test_a_shipped_kinds_authority_is_read_only_and_the_clerks_own_kind_stays_editable(qtbot, store):
    """The form of CSTĐCS shows the dated grantors and the money disabled; a kind the clerk added keeps its own
    grantor and level."""
    dialog, _stack, _changes = _open(qtbot, store)
    seen = {}

    def look(form: KindForm) -> None:
        seen["shipped"] = (form.authority.isEnabled(), form.level.isEnabled(), form.authority.text())
        seen["money"] = (form.money.isEnabled(), form.money.value(), form.entered().get("money_coefficient"))
        form.reject()

    dialog.select("cstdcs")
    when_modal(KindForm, look)
    dialog.edit_button.click()
    qtbot.waitUntil(lambda: "shipped" in seen)
    assert seen["shipped"][:2] == (False, False) and "Chủ tịch UBND xã (từ 01/7/2025)" in seen["shipped"][2]
    assert seen["money"] == (False, 1.0, "1.0")  # the law's coefficient, shown and kept, not edited
    own = kind_from_dict({"key": "gk_hoi", "name": "Giấy khen của Hội", "authority": "Chủ tịch Hội",
                          "authority_level": "superior"})
    assert KindsModel().texts(KindRow("gk_hoi", own))[2:4] == ("Chủ tịch Hội", "Trình cấp trên")
