"""Importing a plan through the preview dialog, and exporting its papers from the plan page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.services.plan_tree import plan_tree
from app.services.plans import list_plans
from ui.dialogs import export_plan_dialog
from ui.journal_undo import JournalUndoStack
from ui.dialogs.import_plan_dialog import ImportPlanDialog
from ui.pages.plans_page import PlansPage

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"


def _dialog(qtbot):
    dialog = ImportPlanDialog()
    qtbot.addWidget(dialog)
    return dialog


def test_pasted_plan_is_previewed_with_due_dates(qtbot):
    dialog = _dialog(qtbot)
    dialog.source.setPlainText((SEEDS / "002_ddfdc451bd3e8b7f.txt").read_text(encoding="utf-8"))
    dialog.read_button.click()
    assert dialog.model.rowCount() == 37 and dialog.year.value() == 2024
    assert dialog.summary.text().startswith("Đọc được 8 lĩnh vực, 37 nhiệm vụ")
    dues = [dialog.model.item(row, 6).text() for row in range(37)]
    assert "Hạn 31/12/2024" in dues


def test_corrections_in_the_preview_are_what_gets_saved(qtbot):
    dialog = _dialog(qtbot)
    dialog.source.setPlainText((SEEDS / "002_ddfdc451bd3e8b7f.txt").read_text(encoding="utf-8"))
    dialog.read_button.click()
    dialog.model.item(0, 2).setText("Lãnh đạo UBND xã")
    dialog.model.item(1, 1).setText("")  # an emptied task is dropped
    dialog.model.item(0, 5).setText("Quý II/2024")
    assert dialog.model.item(0, 6).text() == "Hạn 30/06/2024"
    edited = dialog.edited_plan()
    assert len(edited.tasks) == 36 and edited.tasks[0].lead == "Lãnh đạo UBND xã"


def test_an_empty_paste_says_what_is_wrong(qtbot, errors_shown):
    dialog = _dialog(qtbot)
    dialog.read_button.click()
    assert errors_shown and dialog.model.rowCount() == 0
    assert not dialog.buttons.buttons()[0].isEnabled()


def test_import_from_the_page_creates_a_plan_and_undo_removes_it(qtbot, store):
    holder = {}
    stack = JournalUndoStack(store, lambda changes: holder["page"].refresh(changes))
    page = PlansPage(store, stack, stack.notify)
    holder["page"] = page
    qtbot.addWidget(page)

    def fill():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ImportPlanDialog):
            QTimer.singleShot(20, fill)
            return
        dialog.source.setPlainText((SEEDS / "000_060e3244ce13f715.txt").read_text(encoding="utf-8"))
        dialog.read_button.click()
        dialog.accept()
    QTimer.singleShot(0, fill)
    page.actions["import_plan"].click()
    plans = list_plans(store)
    assert [(p.kind, p.year, p.task_count) for p in plans] == [("emulation", 2024, 21)]
    assert len(plan_tree(store, plans[0].id)) == 7
    stack.undo()
    assert list_plans(store) == []


def test_export_writes_the_papers_and_reports_them(qtbot, demo_store, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    page = PlansPage(demo_store, JournalUndoStack(demo_store, lambda changes: None), lambda changes: None)
    qtbot.addWidget(page)
    written = export_plan_dialog.export_plan_interactively(page, demo_store, page.current_plan_id(), str(tmp_path))
    assert [w.path.name for w in written][0] == "KH-CCHC-2026.pdf"
    assert (tmp_path / "KH-CCHC-2026_phu-luc.xlsx").exists()
    assert shown and shown[0].startswith("Đã lưu vào")


def test_text_without_tasks_says_what_was_looked_for(qtbot, errors_shown):
    dialog = _dialog(qtbot)
    dialog.source.setPlainText("Biên bản họp thôn về vệ sinh môi trường.\nKhông có nhiệm vụ nào ở đây.")
    dialog.read_button.click()
    assert errors_shown == ["Không tìm thấy nhiệm vụ nào trong văn bản này."]


def test_a_second_export_asks_before_overwriting(qtbot, demo_store, tmp_path, monkeypatch):
    """Files of the same name are replaced only when the clerk says yes (the Word copy may have been edited)."""
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    page = PlansPage(demo_store, JournalUndoStack(demo_store, lambda changes: None), lambda changes: None)
    qtbot.addWidget(page)
    plan_id = page.current_plan_id()
    export_plan_dialog.export_plan_interactively(page, demo_store, plan_id, str(tmp_path))
    edited = tmp_path / "KH-CCHC-2026.docx"
    edited.write_bytes(b"clerk's edits")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    assert export_plan_dialog.export_plan_interactively(page, demo_store, plan_id, str(tmp_path)) == []
    assert edited.read_bytes() == b"clerk's edits" and "KH-CCHC-2026.docx" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert export_plan_dialog.export_plan_interactively(page, demo_store, plan_id, str(tmp_path))
    assert edited.read_bytes() != b"clerk's edits"


def _to_tcvn3(text: str) -> str:
    """Type ``text`` as an old .VnTime document would store it (toned capitals become small letters)."""
    from app.domain.legacy_vietnamese_tables import TCVN3_TO_UNICODE

    back = {unicode: legacy for legacy, unicode in TCVN3_TO_UNICODE.items()}
    return "".join(back.get(ch) or back.get(ch.lower()) or ch for ch in text)


def test_a_tcvn3_docx_is_converted_after_asking(qtbot, tmp_path, monkeypatch):
    """An old plan typed with .Vn fonts: the clerk sees an example, agrees, and the tasks are read in Unicode."""
    from docx import Document as WordDocument

    seed = (SEEDS / "002_ddfdc451bd3e8b7f.txt").read_text(encoding="utf-8").replace("*", "").replace("#", "")
    word = WordDocument()
    for line in seed.split("\n"):
        word.add_paragraph(_to_tcvn3(line))
    path = tmp_path / "ke-hoach-cu.docx"
    word.save(path)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    dialog = _dialog(qtbot)
    dialog.load_file(path)
    assert asked and "TCVN3" in asked[0] and "→" in asked[0]
    assert dialog.model.rowCount() == 37
    assert dialog.model.item(0, 2).text().lower() == "công chức văn phòng - thống kê"


def test_declining_the_conversion_reads_the_text_as_it_is(qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    dialog = _dialog(qtbot)
    text = _to_tcvn3((SEEDS / "002_ddfdc451bd3e8b7f.txt").read_text(encoding="utf-8"))
    dialog.source.setPlainText(text)
    dialog.read_button.click()
    assert dialog.source.toPlainText() == text  # nothing changed behind the clerk's back
