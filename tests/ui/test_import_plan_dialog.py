"""The import preview shows the plan's parts, where each task was read, every warning,
and stays open when the clerk declines a second plan of the same kind and year."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.importers.plan_file import parse_plan_text
from app.services import plans as service
from ui.dialogs.import_plan_dialog import ImportPlanDialog
from ui.journal_undo import JournalUndoStack
from ui.pages.plans_page import PlansPage

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"


def _read(qtbot, seed: str) -> ImportPlanDialog:
    dialog = ImportPlanDialog()
    qtbot.addWidget(dialog)
    dialog.source.setPlainText((SEEDS / seed).read_text(encoding="utf-8"))
    dialog.read_button.click()
    return dialog


def _tree(dialog) -> dict[str, list[str]]:
    tree = dialog.parts.parts
    tops = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return {top.text(0): [top.child(j).text(0) for j in range(top.childCount())] for top in tops}


def test_the_plans_parts_are_shown_beside_the_tasks(qtbot):
    """Number, date, title, bases, sections by heading, recipients and signer appear in the parts tree."""
    parts = _tree(_read(qtbot, "002_ddfdc451bd3e8b7f.txt"))
    assert parts["Số, ngày, tên kế hoạch"][:2] == ["Số: 479/QĐ-UBND", "Ngày: 26/12/2023"]
    assert len(parts["Căn cứ (5)"]) == 5
    assert "Mục: Mục đích, yêu cầu" in parts and "Mục: Tổ chức thực hiện" in parts
    recipients = next(lines for heading, lines in parts.items() if heading.startswith("Nơi nhận ("))
    assert recipients[:2] == ["Như điều 3", "Phòng Nội vụ huyện Sơn Tịnh"]
    assert parts["Người ký"] == ["CHỦ TỊCH — Lê Thị Mỹ Hiệp"]


def test_a_missing_part_says_it_was_not_found(qtbot):
    """A plan without bases or signer shows "(không tìm thấy)" rather than an empty heading."""
    parts = _tree(_read(qtbot, "001_5b4d2c685fda17af.txt"))
    assert parts["Căn cứ (0)"] == ["(không tìm thấy)"] and parts["Người ký"] == ["(không tìm thấy)"]


def test_each_task_shows_where_it_was_read(qtbot):
    """A row's tooltip and the source tab give the task's place and lines; a save keeps them."""
    dialog = _read(qtbot, "002_ddfdc451bd3e8b7f.txt")
    assert dialog.model.item(0, 1).toolTip().startswith("Dòng 83:\na) Tham mưu UBND xã")
    dialog.table.setCurrentIndex(dialog.model.index(0, 1))
    qtbot.waitUntil(lambda: dialog.parts.source.toPlainText().startswith("Dòng 83:"))
    dialog.model.item(0, 2).setText("Văn phòng")
    task = dialog.edited_plan().tasks[0]
    assert (task.place, task.lead) == ("Dòng 83", "Văn phòng") and task.source.startswith("a) Tham mưu")


def test_every_warning_is_listed(qtbot):
    """All warnings are listed (not only the first eight) and counted on the tab."""
    expected = parse_plan_text((SEEDS / "001_5b4d2c685fda17af.txt").read_text(encoding="utf-8")).warnings
    dialog = _read(qtbot, "001_5b4d2c685fda17af.txt")
    listed = [dialog.parts.warnings.item(i).text() for i in range(dialog.parts.warnings.count())]
    assert len(expected) > 8 and listed == expected
    assert dialog.parts.tabText(1) == f"Lưu ý ({len(expected)})"


def test_declining_a_second_plan_returns_to_the_preview(qtbot, store, monkeypatch):
    """Answering "Không" to "Đã có kế hoạch … Vẫn tạo thêm?" keeps the preview open and saves nothing."""
    service.create_plan(store, service.new_plan_data(store, 2024, "emulation"))
    stack = JournalUndoStack(store, lambda changes: None)
    page = PlansPage(store, stack, stack.notify)
    qtbot.addWidget(page)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    seen = {}

    def fill():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ImportPlanDialog):
            QTimer.singleShot(20, fill)
            return
        dialog.source.setPlainText((SEEDS / "000_060e3244ce13f715.txt").read_text(encoding="utf-8"))
        dialog.read_button.click()
        dialog.model.item(0, 2).setText("Sửa tay")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        seen["open"], seen["lead"] = dialog.isVisible(), dialog.model.item(0, 2).text()
        dialog.reject()
    QTimer.singleShot(0, fill)
    page.actions["import_plan"].click()
    assert asked and "Vẫn tạo thêm" in asked[0]
    assert seen == {"open": True, "lead": "Sửa tay"}
    assert len(service.list_plans(store)) == 1
