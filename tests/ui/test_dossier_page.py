"""Khen thưởng: a dossier, its nominees and their eligibility, the council's votes, reports, letter, restart."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from app.services import council, dossier
from app.services.dossier_readiness import readiness
from app.store import Store
from ui.dossier.add_nominee_dialog import AddNomineeDialog
from ui.dossier.council_models import VotesModel
from ui.dossier.council_tab import parse_time
from ui.dossier.nominations_tab import ELIGIBLE, RESULT
from ui.journal_undo import JournalUndoStack
from ui.pages.dossier_page import (
    COUNCIL_TAB,
    LETTER_TAB,
    REPORT_TAB,
    DossierPage,
    NewDossierDialog,
)

from .conftest import type_text

TODAY = date(2025, 1, 10)
CAMPAIGN = "Phong trào thi đua đẩy mạnh cải cách hành chính năm 2024"
COUNCIL = ("Trần Văn Hùng", "Nguyễn Thị Thu Hà", "Phạm Quốc Bảo", "Lê Thị Mai", "Đỗ Minh Tâm")


def _page(qtbot, store, stack=None):
    holder = {}

    def notify(changes):
        holder["page"].refresh(changes)

    stack = stack or JournalUndoStack(store, notify)
    page = DossierPage(store, stack, notify, today=TODAY)
    holder["page"] = page
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    return page, stack


def _official(store, name: str) -> int:
    return next(subject_id for kind, subject_id, full in dossier.candidates(store)
                if full == name and kind == "official")


def _dossier_page(qtbot, store):
    """The page on 2024 with a new dossier made from the screen."""
    page, stack = _page(qtbot, store)
    page.year.setValue(2024)
    page.new_dossier(CAMPAIGN)
    return page, stack


def _add_through_dialog(qtbot, page, monkeypatch, award_key: str, *people: int) -> None:
    """Click "Thêm người, tập thể…", tick ``people`` for ``award_key`` in the dialog, accept."""
    def answer(dialog) -> int:
        dialog.set_award(award_key)
        for official_id in people:
            dialog.check("official", official_id)
        return 1

    monkeypatch.setattr(AddNomineeDialog, "exec", answer)
    qtbot.mouseClick(page.nominations_tab.add_button, Qt.MouseButton.LeftButton)


def _council_of_five(page, store, names=COUNCIL) -> None:
    """The year's council made of these officials, all present (the demo's own council, if any, taken out)."""
    for member in council.members(store, 2024):
        council.remove_member(store, member.id)
    roles = council.council_roles()
    for number, name in enumerate(names):
        page.council_tab.add_member(roles[min(number, len(roles) - 1)], _official(store, name))


def _enter_votes(qtbot, page, row: int, count: int) -> None:
    """Type a count into the row's spin box, as the clerk would, then Enter."""
    spin = page.council_tab.votes.indexWidget(page.council_tab.votes_model.index(row, VotesModel.COUNT))
    spin.setFocus()
    spin.lineEdit().selectAll()
    type_text(spin.lineEdit(), str(count))
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def _answer_no(asked: list, args) -> QMessageBox.StandardButton:
    """A question box answered "Không"; its title kept in ``asked``."""
    asked.append(args[1])
    return QMessageBox.StandardButton.No


def _result(page, row: int) -> str:
    return page.council_tab.votes_model.index(row, VotesModel.RESULT).data()


def test_new_dossier_dialog_proposes_the_campaign_and_the_form_in_force():
    """The dialog proposes the reform campaign of the year and the report form in force on the day."""
    dialog = NewDossierDialog(2024, TODAY)
    assert dialog.campaign.text() == CAMPAIGN
    assert dialog.version.currentData() == "nd98-m08"
    assert NewDossierDialog(2025, date(2025, 11, 20)).version.currentData() == "nd152-m08"


def test_an_empty_year_offers_a_new_dossier(qtbot, store, monkeypatch, errors_shown):
    """With no dossier the page says so; "Hồ sơ mới…" makes one with the proposed name and shows its tabs."""
    page, _stack = _page(qtbot, store)
    assert page.year.value() == 2024 and page.stack.currentIndex() == 0
    assert "chưa có hồ sơ" in page.empty.text() and not page.export_button.isEnabled()
    monkeypatch.setattr(NewDossierDialog, "exec", lambda dialog: 1)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentIndex() == 1 and page.dossiers.currentText() == CAMPAIGN
    assert page.view.dossier.form_version == "nd98-m08"
    assert "Còn thiếu" in page.banner.status.text()
    assert errors_shown == []


def test_a_nominee_added_shows_whether_eligible(qtbot, demo_store, monkeypatch, errors_shown):
    """Adding through the dialog puts the nominee in the table with "Đủ"/"Chưa đủ" and the reason as tooltip."""
    page, _stack = _dossier_page(qtbot, demo_store)
    assert page.dossiers.currentText() == CAMPAIGN
    mai, an = _official(demo_store, "Lê Thị Mai"), _official(demo_store, "Huỳnh Văn Ân")
    _add_through_dialog(qtbot, page, monkeypatch, "ldtt", mai, an)
    model = page.nominations_tab.model
    assert model.rowCount() == 2
    cells = {model.index(row, 1).data(): model.index(row, ELIGIBLE) for row in range(2)}
    assert cells["Lê Thị Mai"].data() == "Đủ"
    assert cells["Huỳnh Văn Ân"].data() == "Chưa đủ"
    assert "kỷ luật" in cells["Huỳnh Văn Ân"].data(Qt.ItemDataRole.ToolTipRole)
    page.nominations_tab.select(next(n.id for n in page.view.nominations if n.name == "Huỳnh Văn Ân"))
    assert "bắt buộc" in page.nominations_tab.justification_label.text()
    assert errors_shown == []


def test_the_dialog_shows_each_pick_before_adding(qtbot, demo_store):
    """Ticking a name shows at once what the year's emulation evaluation says of it; a listed one is greyed."""
    page, _stack = _dossier_page(qtbot, demo_store)
    an = _official(demo_store, "Huỳnh Văn Ân")
    page.nominations_tab.add([("official", _official(demo_store, "Lê Thị Mai"))], "ldtt")
    dialog = AddNomineeDialog(demo_store, page.view, TODAY, page)
    qtbot.addWidget(dialog)
    dialog.set_award("ldtt")
    assert not dialog.ok.isEnabled()
    dialog.check("official", an)
    assert "Huỳnh Văn Ân" in dialog.preview.text() and dialog.ok.isEnabled()
    assert "✗" in dialog.preview.text() and "Khiển trách" in dialog.preview.text()  # every rule, before adding
    dialog.check("official", _official(demo_store, "Lê Thị Mai"))  # already proposed: cannot be ticked
    assert dialog.picks() == [("official", an)]
    dialog.set_award("ttldtt")
    assert dialog.groups.isChecked() and dialog.picks() == []


def test_votes_below_the_threshold_fail_and_fixing_them_passes(qtbot, demo_store, errors_shown):
    """2 of 5 votes for Lao động tiên tiến is "không đạt"; 4 is "đạt"; undo brings back 2."""
    page, stack = _dossier_page(qtbot, demo_store)
    page.nominations_tab.add([("official", _official(demo_store, "Lê Thị Mai"))], "ldtt")
    _council_of_five(page, demo_store)
    assert page.view.meeting.present == 5
    assert "đủ số lượng" in page.council_tab.quorum.text()
    page.tabs.setCurrentIndex(COUNCIL_TAB)
    _enter_votes(qtbot, page, 0, 2)
    assert "không đạt" in _result(page, 0)
    assert "không đạt" in page.nominations_tab.model.index(0, RESULT).data()
    _enter_votes(qtbot, page, 0, 4)
    assert "đạt" in _result(page, 0) and "không đạt" not in _result(page, 0)
    assert page.view.nominations[0].votes_for == 4
    stack.undo()
    assert page.view.nominations[0].votes_for == 2
    assert "không đạt" in _result(page, 0)
    assert errors_shown == []


def test_more_votes_than_voters_are_refused(qtbot, demo_store, errors_shown):
    """A count above the members who voted is refused with the reason; the old count stays."""
    page, _stack = _dossier_page(qtbot, demo_store)
    page.nominations_tab.add([("official", _official(demo_store, "Lê Thị Mai"))], "ldtt")
    _council_of_five(page, demo_store, COUNCIL[:3])
    page.council_tab.vote(page.view.nominations[0].id, 2)
    assert not page.council_tab.vote(page.view.nominations[0].id, 5)
    assert errors_shown and "nhiều hơn" in errors_shown[0]
    assert page.view.nominations[0].votes_for == 2
    spin = page.council_tab.votes.indexWidget(page.council_tab.votes_model.index(0, VotesModel.COUNT))
    assert spin.value() == 2


def test_absence_is_marked_in_the_grid(qtbot, demo_store):
    """Unticking "Có mặt" marks the member absent; the quorum line counts it."""
    page, stack = _dossier_page(qtbot, demo_store)
    _council_of_five(page, demo_store)
    model = page.council_tab.attendance_model
    model.setData(model.index(4, 1), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert page.view.meeting.present == 4
    assert page.council_tab.quorum.text().startswith("4/5")
    stack.undo()
    assert page.view.meeting.present == 5


def test_the_missing_list_shrinks_as_fields_are_filled(qtbot, demo_store, errors_shown):
    """The banner counts what is missing; a letter number typed removes one line; "Đến đó" opens the tab."""
    page, _stack = _dossier_page(qtbot, demo_store)
    page.nominations_tab.add([("official", _official(demo_store, "Lê Thị Mai"))], "ldtt")
    before = len(page.view.missing)
    assert page.banner.status.text().startswith(f"<b style='color:#b00020'>Còn thiếu {before} mục")
    qtbot.mouseClick(page.banner.toggle, Qt.MouseButton.LeftButton)
    first = next(button for button in page.banner.findChildren(QPushButton, "go_there") if button.isVisible())
    assert page.view.missing[0].where == "letter"
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    assert page.tabs.currentIndex() == LETTER_TAB
    page.letter_tab.number.setFocus()
    type_text(page.letter_tab.number, "25/TTr-UBND")
    qtbot.keyClick(page.letter_tab.number, Qt.Key.Key_Return)
    assert len(page.view.missing) == before - 1
    assert page.view.dossier.letter_number == "25/TTr-UBND"
    _council_of_five(page, demo_store)
    page.council_tab.fields["place"].show(page.view.dossier.id, "")
    page.council_tab.place.setFocus()
    type_text(page.council_tab.place, "Hội trường UBND xã")
    qtbot.keyClick(page.council_tab.place, Qt.Key.Key_Return)
    assert not any("địa điểm" in item.what for item in page.view.missing)
    report = next(item for item in page.view.missing if "báo cáo thành tích" in item.what)
    page.go_to(report)
    assert page.tabs.currentIndex() == REPORT_TAB and page.report_tab.current_id == report.target
    assert errors_shown == []


def test_a_complete_dossier_says_so(qtbot, demo_store):
    """With nothing missing the banner turns green: "Hồ sơ đã đủ"."""
    page, _stack = _dossier_page(qtbot, demo_store)
    nomination = page.nominations_tab.add([("official", _official(demo_store, "Lê Thị Mai"))], "ldtt")[0]
    _council_of_five(page, demo_store)
    dossier_id = page.view.dossier.id
    dossier.update_dossier(demo_store, dossier_id, letter_number="25/TTr-UBND", letter_date=date(2024, 12, 5))
    chair, secretary = council.members(demo_store, 2024)[0], council.members(demo_store, 2024)[-1]
    council.update_meeting(demo_store, dossier_id, held_on=date(2024, 12, 2), starts_at=time(8), ends_at=time(10),
                           place="Hội trường", chair_id=chair.id, secretary_id=secretary.id)
    dossier.update_nomination(demo_store, nomination, report_achievements="Hoàn thành tốt nhiệm vụ.")
    page.council_tab.vote(nomination, 4)
    assert readiness(demo_store, dossier_id, TODAY) == []
    assert "Hồ sơ đã đủ" in page.banner.status.text()
    assert not page.banner.toggle.isVisible()


def test_draft_fills_the_achievements_and_asks_before_replacing(qtbot, demo_store, monkeypatch):
    """"Soạn từ dữ liệu" fills the report; over written text it asks first; undo empties it again."""
    page, stack = _dossier_page(qtbot, demo_store)
    page.nominations_tab.add([("official", _official(demo_store, "Lê Thị Mai"))], "ldtt")
    page.tabs.setCurrentIndex(REPORT_TAB)
    qtbot.mouseClick(page.report_tab.draft_button, Qt.MouseButton.LeftButton)
    assert "sáng kiến" in page.report_tab.achievements.toPlainText()
    assert page.report_tab.identity["official"].edits["Họ và tên"].text() == "Lê Thị Mai"
    page.report_tab.achievements.setPlainText("Thành tích do tôi viết.")
    page.flush_edits()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: _answer_no(asked, args))
    qtbot.mouseClick(page.report_tab.draft_button, Qt.MouseButton.LeftButton)
    assert asked == ["Thay nội dung đã nhập?"]
    assert page.view.nominations[0].achievements == "Thành tích do tôi viết."
    stack.undo()
    stack.undo()
    assert page.view.nominations[0].achievements == ""
    assert page.report_tab.achievements.toPlainText() == ""


def test_excellent_and_justification_are_saved_and_undone(qtbot, demo_store):
    """Ticking "Hoàn thành xuất sắc nhiệm vụ" and writing a reason are each one undo step."""
    page, stack = _dossier_page(qtbot, demo_store)
    page.nominations_tab.add([("official", _official(demo_store, "Huỳnh Văn Ân"))], "ldtt")
    tab = page.nominations_tab
    qtbot.mouseClick(tab.excellent, Qt.MouseButton.LeftButton)
    assert page.view.nominations[0].excellent is True
    tab.justification.setFocus()
    type_text(tab.justification, "Có nhiều đóng góp cho Bộ phận Một cửa.")
    page.flush_edits()
    assert page.view.nominations[0].justification == "Có nhiều đóng góp cho Bộ phận Một cửa."
    stack.undo()
    assert page.view.nominations[0].justification == ""
    assert tab.justification.toPlainText() == ""
    stack.undo()
    assert page.view.nominations[0].excellent is False and not tab.excellent.isChecked()


def test_typing_then_choosing_another_nominee_saves_to_the_first(qtbot, demo_store):
    """A reason typed and not yet saved goes to the nominee it was typed for, and the new row stays chosen."""
    page, _stack = _dossier_page(qtbot, demo_store)
    first, second = page.nominations_tab.add([("official", _official(demo_store, name))
                                              for name in ("Huỳnh Văn Ân", "Lê Thị Mai")], "ldtt")
    tab = page.nominations_tab
    tab.select(first)
    tab.justification.setFocus()
    type_text(tab.justification, "Lý do riêng của anh Ân.")
    rect = tab.table.visualRect(tab.model.index(1, 1))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.view.nomination(first).justification == "Lý do riêng của anh Ân."
    assert page.view.nomination(second).justification == ""
    assert tab.current_id == second and tab.table.currentIndex().row() == 1
    assert tab.justification.toPlainText() == ""
    assert page.report_tab.current_id == second


def test_removing_a_nominee_is_undone(qtbot, demo_store):
    """"Bỏ khỏi danh sách" takes the nominee and its votes out; undo puts both back."""
    page, stack = _dossier_page(qtbot, demo_store)
    page.nominations_tab.add([("official", _official(demo_store, "Lê Thị Mai"))], "ldtt")
    _council_of_five(page, demo_store)
    page.council_tab.vote(page.view.nominations[0].id, 3)
    qtbot.mouseClick(page.nominations_tab.remove_button, Qt.MouseButton.LeftButton)
    assert page.view.nominations == ()
    stack.undo()
    assert page.view.nominations[0].votes_for == 3


def test_a_restart_keeps_everything(qtbot, demo_store, errors_shown):
    """Close the store, open it again, a new page: nominees, votes, members, letter and report are all there."""
    page, _stack = _dossier_page(qtbot, demo_store)
    page.nominations_tab.add([("official", _official(demo_store, "Lê Thị Mai"))], "ldtt")
    _council_of_five(page, demo_store)
    page.council_tab.vote(page.view.nominations[0].id, 4)
    page.report_tab.draft()
    page.letter_tab.addressee.setText("Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi")
    page.letter_tab.summary.setPlainText("Kính đề nghị tặng danh hiệu Lao động tiên tiến.")
    page.flush_edits()
    folder, dossier_id = demo_store.folder, page.view.dossier.id
    page.close()
    demo_store.close()
    reopened = Store(folder)
    try:
        again, _ = _page(qtbot, reopened)
        assert again.year.value() == 2024 and again.view.dossier.id == dossier_id
        assert again.dossiers.currentText() == CAMPAIGN
        item = again.view.nominations[0]
        assert (item.name, item.votes_for) == ("Lê Thị Mai", 4)
        assert "đạt" in again.council_tab.votes_model.index(0, VotesModel.RESULT).data()
        assert [m.full_name for m in again.view.members] == list(COUNCIL)
        assert "sáng kiến" in again.report_tab.achievements.toPlainText()
        assert again.letter_tab.summary.toPlainText() == "Kính đề nghị tặng danh hiệu Lao động tiên tiến."
        assert "Lê Thị Mai" in again.letter_tab.included.text()
        again.close()
    finally:
        reopened.close()
    assert errors_shown == []


def test_export_asks_before_writing_an_incomplete_dossier(qtbot, demo_store, tmp_path, monkeypatch):
    """An incomplete dossier is written only when the clerk says yes to "Xuất bản chưa đủ?"."""
    pytest.importorskip("app.exporters.dossier_files", reason="the dossier papers exporter is not written yet")
    page, _stack = _dossier_page(qtbot, demo_store)
    page.nominations_tab.add([("official", _official(demo_store, "Lê Thị Mai"))], "ldtt")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: _answer_no(asked, args))
    out = tmp_path / "out"
    assert page.export(str(out)) == []
    assert asked == ["Xuất bản chưa đủ?"] and not out.exists()
    reported = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: reported.append(box.text()) or 0)
    written = page.export(str(out), confirm=True)
    assert written and all(path.exists() and path.parent == out for path in written)
    assert reported and reported[0].startswith(f"Đã lưu vào {out}")


def test_models_keep_qt_rules(qtmodeltester, qtbot, demo_store):
    """The nominations, attendance and votes models pass Qt's model checks."""
    page, _stack = _dossier_page(qtbot, demo_store)
    page.nominations_tab.add([("official", _official(demo_store, "Lê Thị Mai"))], "ldtt")
    _council_of_five(page, demo_store)
    for model in (page.nominations_tab.model, page.council_tab.attendance_model, page.council_tab.votes_model,
                  page.council_tab.members_model):
        qtmodeltester.check(model, force_py=True)


def test_times_are_read_as_the_clerk_writes_them():
    """"8:30", "8h30", "8 giờ 30" and "14" are times; nonsense comes back as text to refuse."""
    assert parse_time("8:30") == parse_time("8h30") == parse_time("8 giờ 30") == time(8, 30)
    assert parse_time("14") == time(14) and parse_time("") is None
    assert parse_time("25:00") == "25:00"


def test_the_page_fits_an_800_pixel_screen(qtbot, demo_store):
    """Beside the 200-pixel navigation, the page needs no more than 595 pixels."""
    page, _stack = _dossier_page(qtbot, demo_store)
    page.nominations_tab.add([("official", _official(demo_store, "Lê Thị Mai"))], "ldtt")
    assert page.minimumSizeHint().width() <= 595


def test_a_dossier_made_by_mistake_is_deleted_and_undo_brings_it_back(qtbot, demo_store, errors_shown):
    from app.services.dossier import list_dossiers

    page, stack = _dossier_page(qtbot, demo_store)
    made = page.dossier_id
    assert page.delete_button.isEnabled()
    page.delete_button.click()
    assert made not in [item.id for item in list_dossiers(demo_store, 2024)]
    assert page.dossiers.findData(made) == -1 and stack.undoText().startswith("Xóa hồ sơ")
    stack.undo()
    assert made in [item.id for item in list_dossiers(demo_store, 2024)] and page.dossiers.findData(made) >= 0
    page.dossiers.setCurrentIndex(page.dossiers.findData(made))
    page.nominations_tab.add([("official", _official(demo_store, "Lê Thị Mai"))], "ldtt")
    assert not page.delete_button.isEnabled()  # nominees in it: the button is off, the service refuses too
    assert errors_shown == []
