"""“Quy chế của Hội đồng năm …” reached from the council tab: saved per year, undone by the Edit menu's undo;
the written votes typed in the council tab's table."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt

from app.domain.awards import Quorum, VoteRule
from app.services import council_rules
from ui.dossier import council_rules_dialog
from ui.dossier.council_rules_dialog import CouncilRulesDialog
from ui.dossier.council_written import WrittenVotesModel
from ui.journal_undo import JournalUndoStack
from ui.pages.dossier_page import DossierPage

TODAY = date(2025, 1, 10)


def _open_dossier(qtbot, store):
    """The dossier page on the demo's open 2024 dossier, council tab shown."""
    holder = {}
    stack = JournalUndoStack(store, lambda changes: holder["page"].refresh(changes))
    page = DossierPage(store, stack, lambda changes: holder["page"].refresh(changes), today=TODAY)
    holder["page"] = page
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    page.year.setValue(2024)
    boxes = page.dossiers
    boxes.setCurrentIndex(next(row for row in range(boxes.count()) if boxes.itemText(row).startswith("Phong trào")))
    qtbot.waitUntil(lambda: page.view is not None and page.view.dossier.campaign.startswith("Phong trào"))
    return page, stack


def test_the_dialog_saves_the_years_rules_and_undo_restores_them(qtbot, demo_store, monkeypatch):
    """3/4 and LĐTT 60 % typed and saved for 2024 (2025 untouched); CSTĐCS is the law's, read-only; undo
    brings the defaults back and the tab's quorum line follows."""
    page, stack = _open_dossier(qtbot, demo_store)
    tab = page.council_tab
    assert tab.rules_button.text() == "Quy chế của Hội đồng năm 2024…"
    seen = {}

    def fill_and_save(dialog: CouncilRulesDialog) -> int:
        seen["title"], seen["law"] = dialog.windowTitle(), dialog.findChild(object, "source_cstdcs").text()
        seen["cstdcs_editable"] = dialog.row("cstdcs").percent.isEnabled()
        dialog.numerator.setValue(3)
        dialog.denominator.setValue(4)
        dialog.row("ldtt").percent.setValue(60)
        dialog.row("ldtt").how.setCurrentIndex(dialog.row("ldtt").how.findData(False))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(council_rules_dialog.CouncilRulesDialog, "exec", fill_and_save)
    qtbot.mouseClick(tab.rules_button, Qt.MouseButton.LeftButton)
    assert seen == {"title": "Quy chế của Hội đồng năm 2024", "cstdcs_editable": False,
                    "law": "Nghị định 98/2023/NĐ-CP, Điều 30 khoản 7 (pháp luật quy định)"}
    saved = council_rules.rules(demo_store, 2024)
    assert saved.quorum == Quorum(3, 4) and saved.thresholds["ldtt"] == VoteRule(Decimal(60), "present", False)
    assert not council_rules.rules(demo_store, 2030).saved  # a year the demo has no rules for
    qtbot.waitUntil(lambda: "cần ít nhất 3/4" in tab.quorum.text())
    stack.undo()
    assert not council_rules.rules(demo_store, 2024).saved
    qtbot.waitUntil(lambda: "cần ít nhất 2/3" in tab.quorum.text())


def test_a_refused_rule_keeps_the_dialog_open_with_the_reason(qtbot, demo_store):
    """A quorum of 5/4 is refused in Vietnamese; nothing is saved."""
    view = council_rules.rules_view(demo_store, 2024, date(2024, 12, 5))
    dialog = CouncilRulesDialog(view, lambda entered: council_rules.save_rules(demo_store, 2024, *entered))
    qtbot.addWidget(dialog)
    dialog.numerator.setValue(5)
    dialog.denominator.setValue(4)
    dialog.accept()
    assert "không hợp lệ" in dialog.message.text() and not council_rules.rules(demo_store, 2024).saved


def test_a_written_vote_is_typed_in_the_table_and_undone(qtbot, demo_store):
    """On Huỳnh Văn Ân's row, Ngô Văn Toàn's cell: F2, Up, Enter saves "Đồng ý"; undo puts "Không đồng ý" back."""
    page, stack = _open_dossier(qtbot, demo_store)
    box = page.council_tab.written
    assert box.isVisibleTo(page.council_tab)
    model = box.model
    assert model.headerData(len(WrittenVotesModel.FIXED), Qt.Orientation.Horizontal) == "Đ/c Ngô Văn Toàn"
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Huỳnh Văn Ân")
    cell = model.index(row, len(WrittenVotesModel.FIXED))
    assert cell.data() == "Không đồng ý"
    box.table.setFocus()
    box.table.setCurrentIndex(cell)
    qtbot.keyClick(box.table, Qt.Key.Key_F2)
    editor = box.table.indexWidget(cell) or box.table.focusWidget()
    assert editor.currentText() == "Không đồng ý"
    qtbot.keyClick(editor, Qt.Key.Key_Up)  # the list's order: —, Đồng ý, Không đồng ý
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.index(row, len(WrittenVotesModel.FIXED)).data() == "Đồng ý")
    stack.undo()
    qtbot.waitUntil(lambda: model.index(row, len(WrittenVotesModel.FIXED)).data() == "Không đồng ý")


def test_the_written_votes_model_passes_the_model_tester(qtbot, demo_store, qtmodeltester):
    """The demo's written votes shown: rows, the writer's column, roles all consistent for Qt's checker."""
    page, _stack = _open_dossier(qtbot, demo_store)
    qtmodeltester.check(page.council_tab.written.model)
