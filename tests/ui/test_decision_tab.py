"""Quyết định: the council's result split by who grants each award, the decision's fields, issue and its undo."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from app.services import award_history, council, undo
from app.services.award_decision import decision_for, update_decision
from app.services.dossier import add_nomination, create_dossier
from app.services.officials import OfficialData, add_official
from ui.journal_undo import JournalUndoStack
from ui.pages.dossier_page import DECISION_TAB, DossierPage

from .conftest import type_text

TODAY = date(2025, 12, 1)
MAI, HUNG, ON = "Lê Thị Mai", "Trần Văn Hùng", "Trương Thị Ơn"


@pytest.fixture
def carried(store):
    """A 2025 dossier: Mai for Lao động tiên tiến (the commune's), Hùng for the province's Bằng khen, both
    carried 3/3 by a council of three; Ơn for Chiến sĩ thi đua cơ sở, 1/3, not carried."""
    ids = {name: add_official(store, OfficialData(name)).value.id for name in (MAI, HUNG, ON)}
    dossier = create_dossier(store, 2025, "Phong trào thi đua năm 2025", today=TODAY).value.id
    for number in range(3):
        council.add_member(store, 2025, "Ủy viên", full_name=f"Thành viên {number + 1}")
    for name, award, votes in ((MAI, "ldtt", 3), (HUNG, "bang_khen_tinh", 3), (ON, "cstdcs", 1)):
        council.set_votes(store, add_nomination(store, dossier, "official", ids[name], award).value, votes)
    return store, dossier, ids


def _tab(qtbot, store):
    holder = {}
    stack = JournalUndoStack(store, lambda changes: holder["page"].refresh(changes))
    page = DossierPage(store, stack, stack.notify, today=TODAY)
    holder["page"] = page
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    page.tabs.setCurrentIndex(DECISION_TAB)
    return page.decision_tab, stack


def _rows(model) -> list[tuple]:
    return [tuple(model.index(row, column).data() for column in range(model.columnCount()))
            for row in range(model.rowCount())]


def _number_and_date(qtbot, tab, number: str = "45/QĐ-UBND", signed: date = date(2025, 12, 10)) -> None:
    """Type the number and Enter, pick the date and tick "Có ngày", as the clerk would."""
    tab.number.setFocus()
    type_text(tab.number, number)
    qtbot.keyClick(tab.number, Qt.Key.Key_Return)
    tab.signed_on.edit.setDate(QDate(signed.year, signed.month, signed.day))
    qtbot.mouseClick(tab.signed_on.given, Qt.MouseButton.LeftButton)


def test_each_carried_nominee_is_listed_where_its_award_is_granted(qtbot, carried, errors_shown):
    """Before anything is printed: Mai under "Xã quyết định" with 0,3 × 2.340.000 đồng, Hùng under "Trình cấp
    trên", Ơn under "Không được Hội đồng thông qua" with the vote."""
    store, _dossier, _ids = carried
    tab, _stack = _tab(qtbot, store)
    assert _rows(tab.granted_model) == [(MAI, "Lao động tiên tiến", "702.000 đồng")]
    assert [row[:2] for row in _rows(tab.superior_model)] == [(HUNG, "Bằng khen của Chủ tịch UBND tỉnh")]
    [(name, award, result)] = _rows(tab.refused_model)
    assert (name, award) == (ON, "Chiến sĩ thi đua cơ sở") and "1/3" in result
    assert "Tổng tiền thưởng: 702.000 đồng" in tab.total.text()
    assert tab.base_salary.text() == "2.340.000 đồng"
    assert tab.granted_box.title() == "Xã quyết định khen thưởng (1)"
    assert tab.superior_box.title() == "Trình cấp trên (1)"
    assert errors_shown == []


def test_issuing_writes_the_history_and_undo_takes_it_back(qtbot, carried, errors_shown):
    """Build the decision from the council's result: number and date typed, issued → Mai's Lao động tiên tiến is
    in the award history and the fields are read-only; undo → the record is gone and the fields editable."""
    store, _dossier, ids = carried
    tab, stack = _tab(qtbot, store)
    _number_and_date(qtbot, tab)
    assert tab.issue_decision(confirm=True)
    [record] = award_history.list_records(store, "official", ids[MAI])
    assert (record.year, record.award_key, record.decision_number, record.decision_date) == (
        2025, "ldtt", "45/QĐ-UBND", date(2025, 12, 10))
    assert award_history.list_records(store, "official", ids[HUNG]) == []
    assert tab.number.isReadOnly() and tab.executors.isReadOnly() and tab.base_salary.isReadOnly()
    assert not tab.signed_on.isEnabled() and tab.issue_button.text() == "Hủy ban hành…"
    assert tab.certificates_button.isEnabled() and "Đã ban hành lúc" in tab.status.text()
    stack.undo()
    assert award_history.list_records(store, "official", ids[MAI]) == []
    assert not tab.number.isReadOnly() and tab.signed_on.isEnabled() and tab.issue_button.text() == "Ban hành quyết định"
    assert not tab.certificates_button.isEnabled() and tab.number.text() == "45/QĐ-UBND"
    stack.redo()
    assert len(award_history.list_records(store, "official", ids[MAI])) == 1 and tab.number.isReadOnly()
    assert errors_shown == []


def test_issuing_asks_first_and_says_the_history_is_written(qtbot, carried, monkeypatch):
    """"Ban hành quyết định" asks; its text says the awards go into the award history; "Không" issues nothing."""
    store, dossier, _ids = carried
    update_decision(store, dossier, number="45/QĐ-UBND", signed_on=date(2025, 12, 10))
    tab, _stack = _tab(qtbot, store)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kw: asked.append(args[2]) or QMessageBox.StandardButton.No)
    qtbot.mouseClick(tab.issue_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "sổ theo dõi khen thưởng" in asked[0] and "45/QĐ-UBND" in asked[0]
    assert not decision_for(store, dossier).issued and award_history.list_records(store) == []


def test_issuing_without_a_number_says_what_is_missing(qtbot, carried, errors_shown, monkeypatch):
    """No number or date: no question, the service's reason is shown, nothing is issued."""
    store, dossier, _ids = carried
    tab, stack = _tab(qtbot, store)
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: pytest.fail("asked before it could issue"))
    assert not tab.issue_decision()
    assert len(errors_shown) == 1 and "chưa có số hoặc ngày ký" in errors_shown[0]
    assert not decision_for(store, dossier).issued and stack.count() == 0


def test_base_salary_changes_the_money_and_is_undone(qtbot, carried, errors_shown):
    """A new base salary recomputes each award's money and the total; undo puts the old one back."""
    store, dossier, _ids = carried
    tab, stack = _tab(qtbot, store)
    tab.base_salary.setValue(2_000_000)
    assert decision_for(store, dossier).base_salary == 2_000_000
    assert _rows(tab.granted_model)[0][2] == "600.000 đồng" and "600.000 đồng" in tab.total.text()
    stack.undo()
    assert decision_for(store, dossier).base_salary == 2_340_000
    assert _rows(tab.granted_model)[0][2] == "702.000 đồng" and tab.base_salary.value() == 2_340_000
    assert errors_shown == []


def test_the_base_salary_reads_amounts_typed_with_dots():
    """"1.800.000" and "1800000 đồng" are the same amount; letters are refused as typed."""
    from PySide6.QtGui import QValidator

    from ui.dossier.decision_tab import MoneyBox

    box = MoneyBox("salary")
    assert box.valueFromText("1.800.000 đồng") == box.valueFromText("1800000") == 1_800_000
    assert box.textFromValue(2_340_000) == "2.340.000"
    assert box.validate("18a", 3)[0] == QValidator.State.Invalid


def test_recipients_are_saved_and_undone(qtbot, carried, errors_shown):
    """Nơi nhận saves itself on leaving the box; undo brings back the default."""
    store, dossier, _ids = carried
    tab, stack = _tab(qtbot, store)
    before = decision_for(store, dossier).recipients
    tab.recipients.setFocus()
    tab.recipients.selectAll()
    type_text(tab.recipients, "Như Điều 3; Lưu: VT, TĐKT")
    tab.number.setFocus()
    qtbot.waitUntil(lambda: decision_for(store, dossier).recipients == "Như Điều 3; Lưu: VT, TĐKT")
    stack.undo()
    assert decision_for(store, dossier).recipients == before and tab.recipients.toPlainText() == before


def test_export_writes_the_decision_files(qtbot, carried, tmp_path, monkeypatch, errors_shown):
    """"Xuất quyết định…" writes the decision (PDF, Word) and its list (Excel) and offers to open the folder."""
    pytest.importorskip("app.exporters.decision_files", reason="the decision exporter is not written yet")
    store, dossier, _ids = carried
    update_decision(store, dossier, number="45/QĐ-UBND", signed_on=date(2025, 12, 10))
    tab, _stack = _tab(qtbot, store)
    reported = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: reported.append(box.text()) or 0)
    out = tmp_path / "out"
    written = tab.export(str(out))
    assert [path.name for path in written] == ["QD-KhenThuong-2025.pdf", "QD-KhenThuong-2025.docx",
                                               "DanhSach-QD-2025.xlsx"]
    assert all(path.exists() for path in written)
    assert reported and reported[0].startswith(f"Đã lưu vào {out}")


def test_certificates_open_for_the_issued_decision(qtbot, carried, monkeypatch):
    """"In giấy khen…" is off until the decision is issued, then opens the certificates for this dossier."""
    certificates = pytest.importorskip("ui.dialogs.certificates_dialog",
                                       reason="the certificates dialog is not written yet")
    store, dossier, _ids = carried
    update_decision(store, dossier, number="45/QĐ-UBND", signed_on=date(2025, 12, 10))
    tab, _stack = _tab(qtbot, store)
    assert not tab.certificates_button.isEnabled()
    tab.issue_decision(confirm=True)
    opened = []
    monkeypatch.setattr(certificates.CertificatesDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    qtbot.mouseClick(tab.certificates_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1


def test_lists_keep_qt_rules(qtmodeltester, qtbot, carried):
    """The three lists' models pass Qt's model checks."""
    store, _dossier, _ids = carried
    tab, _stack = _tab(qtbot, store)
    for model in (tab.granted_model, tab.superior_model, tab.refused_model):
        qtmodeltester.check(model)


def test_the_tab_fits_beside_the_navigation(qtbot, demo_store):
    """With the decision tab the page still needs no more than 595 pixels, every tab's name shown whole."""
    tab, _stack = _tab(qtbot, demo_store)
    page = tab.window()
    assert page.minimumSizeHint().width() <= 595
    assert page.tabs.minimumWidth() >= page.tabs.tabBar().sizeHint().width()


def test_an_issued_decision_locks_the_list_until_withdrawn_in_any_later_session(qtbot, carried, errors_shown):
    """Issued: no nominee added or removed (the service says how to reopen); "Hủy ban hành…" reopens it, undoably."""
    from app.errors import UserError
    from app.services import dossier as service

    store, dossier, ids = carried
    tab, stack = _tab(qtbot, store)
    _number_and_date(qtbot, tab)
    assert tab.issue_decision(confirm=True)
    stack.clear()  # a later session: no undo history
    with pytest.raises(UserError, match="đã ban hành: không thêm đề nghị") as refused:
        service.add_nomination(store, dossier, "official", ids[HUNG], "ldtt")
    assert "Hủy ban hành" in refused.value.hint
    first = service.nominations(store, dossier)[0].id
    with pytest.raises(UserError, match="không bỏ đề nghị"):
        service.remove_nomination(store, first)
    assert tab.withdraw_decision(confirm=True)
    assert award_history.list_records(store, "official", ids[MAI]) == [] and not tab.number.isReadOnly()
    assert undo.next_steps(store)[0] == "Hủy ban hành quyết định 45/QĐ-UBND"  # a journal step: it outlives the app
    assert service.add_nomination(store, dossier, "official", ids[HUNG], "ldtt")
    assert stack.undoText().startswith("Hủy ban hành quyết định")
    assert errors_shown == []


def test_a_field_edit_is_one_journal_step_named_after_the_field(qtbot, carried, errors_shown):
    """Typing the number saves it as "Sửa số quyết định khen thưởng" in the journal; the tab shows it without a reload."""
    store, dossier, _ids = carried
    tab, stack = _tab(qtbot, store)
    tab.number.setFocus()
    type_text(tab.number, "47/QĐ-UBND")
    qtbot.keyClick(tab.number, Qt.Key.Key_Return)
    assert decision_for(store, dossier).number == "47/QĐ-UBND" and tab.decision.number == "47/QĐ-UBND"
    assert undo.next_steps(store)[0] == stack.undoText() == "Sửa số quyết định khen thưởng"
    assert errors_shown == []
