"""Giấy khen in lên phôi: boxes dragged, typed and nudged in mm, each change saved and undoable; printing reminded."""

from __future__ import annotations

import json

from pypdf import PdfReader
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from app.services import certificates, undo
from app.services.changes import AWARDS
from app.store import Store
from ui.certificates.layout_editor import MeasureBox
from ui.certificates.layout_scene import snap
from ui.dialogs import certificates_dialog
from ui.dialogs.certificates_dialog import REMINDER, CertificatesDialog
from ui.journal_undo import JournalUndoStack

DEFAULT_NAME = "Giấy khen A4 ngang (mẫu ví dụ)"


def _open(qtbot, store, **kwargs):
    changes = []
    stack = JournalUndoStack(store, changes.append)
    dialog = CertificatesDialog(store, stack, changes.append, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, stack, changes


def _saved(store, dialog, key):
    return certificates.get_layout(store, dialog.current_id).layout.box(key)


def _drag(view, start: QPointF, end: QPointF) -> None:
    """Press, move in steps and release the left button on the page, as a hand on the mouse would."""
    viewport = view.viewport()
    first, last = view.mapFromScene(start), view.mapFromScene(end)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, first)
    for step in range(1, 6):
        QTest.mouseMove(viewport, first + (last - first) * step / 5)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, last)


def test_dialog_opens_on_the_default_layout(qtbot, store):
    """A store with no layout gets the shipped example; its seven fields are boxes on a 297 × 210 mm page."""
    dialog, _stack, _changes = _open(qtbot, store)
    assert [dialog.list.item(row).text() for row in range(dialog.list.count())] == [DEFAULT_NAME]
    scene = dialog.editor.scene
    assert len(scene.fields) == 7
    assert scene.page.rect().width() == 297 and scene.page.rect().height() == 210
    honorific = scene.fields["honorific_name"]
    assert (honorific.pos().x(), honorific.pos().y(), honorific.rect().width()) == (43.5, 78, 210)
    assert "Ghi chú của mẫu: MẪU VÍ DỤ" in dialog.note.text()


def test_a_dragged_box_is_saved_in_mm_and_undo_puts_it_back(qtbot, store):
    """Dragging "Thành tích" with the mouse saves its new x/y (on 0,5 mm) as one undo step; undo restores 53,5 × 105."""
    dialog, stack, changes = _open(qtbot, store)
    view, item = dialog.editor.view, dialog.editor.scene.fields["achievement"]
    start = item.mapToScene(item.rect().center())
    _drag(view, start, start + QPointF(20, 10))
    moved = _saved(store, dialog, "achievement")
    shift = view.mapToScene(view.mapFromScene(start + QPointF(20, 10))) - view.mapToScene(view.mapFromScene(start))
    assert (moved.x_mm, moved.y_mm) == (snap(53.5 + shift.x()), snap(105 + shift.y()))
    assert moved.x_mm != 53.5 and moved.y_mm != 105 and moved.width_mm == 190
    assert stack.count() == 1 and changes[-1].touches(AWARDS)
    assert dialog.editor.x.value() == moved.x_mm
    stack.undo()
    back = _saved(store, dialog, "achievement")
    assert (back.x_mm, back.y_mm) == (53.5, 105)
    assert (item.pos().x(), item.pos().y()) == (53.5, 105)


def test_a_box_dragged_by_its_corner_is_resized(qtbot, store):
    """Dragging the bottom-right corner of "Số quyết định" makes it wider and taller; its top-left stays."""
    dialog, _stack, _changes = _open(qtbot, store)
    view, item = dialog.editor.view, dialog.editor.scene.fields["decision"]
    corner = item.mapToScene(item.rect().bottomRight()) - QPointF(0.3, 0.3)
    _drag(view, corner, corner + QPointF(15, 6))
    box = _saved(store, dialog, "decision")
    assert (box.x_mm, box.y_mm) == (28, 170)
    assert box.width_mm > 100 and box.height_mm > 12


def test_the_end_of_drag_path_saves_a_box_placed_in_code(qtbot, store):
    """A box put at (60; 80,5) and its drag ended is saved there, as the mouse would have done."""
    dialog, stack, _changes = _open(qtbot, store)
    item = dialog.editor.scene.fields["position"]
    item.setPos(60, 80.5)
    item.drag_ended()
    box = _saved(store, dialog, "position")
    assert (box.x_mm, box.y_mm, box.width_mm) == (60, 80.5, 210)
    assert stack.undoText() == "Di chuyển ô “Chức vụ, đơn vị”"


def test_a_width_typed_in_the_form_is_saved(qtbot, store):
    """Selecting "Họ tên người ký" and typing 130,5 as its width (Enter) saves 130,5 mm; undo gives back 120."""
    dialog, stack, _changes = _open(qtbot, store)
    dialog.editor.select("signer_name")
    width = dialog.editor.width_box
    assert width.isEnabled() and width.text() == "120 mm"
    width.setFocus()
    width.selectAll()
    QTest.keyClicks(width, "130,5")
    QTest.keyClick(width, Qt.Key.Key_Return)
    assert _saved(store, dialog, "signer_name").width_mm == 130.5
    assert width.text() == "130,5 mm" and stack.count() == 1
    stack.undo()
    assert _saved(store, dialog, "signer_name").width_mm == 120 and width.value() == 120


def test_a_measure_typed_with_a_dot_reads_as_a_decimal(qtbot):
    """"43.5" typed in a measure box is 43,5 mm (not 435 by a thousands separator)."""
    box = MeasureBox("x", " mm", 0, 1000)
    qtbot.addWidget(box)
    assert box.valueFromText("43.5 mm") == 43.5 and box.valueFromText("43,5") == 43.5
    assert box.textFromValue(78.0) == "78" and box.textFromValue(43.25) == "43,25"


def test_a_moved_box_is_kept_after_a_restart(qtbot, store):
    """Moved, then the store closed and opened again: a new dialog shows the box where it was left."""
    dialog, _stack, _changes = _open(qtbot, store)
    item = dialog.editor.scene.fields["place_date"]
    item.setPos(150.5, 130)
    item.drag_ended()
    dialog.close()
    store.close()
    reopened = Store(store.folder)
    try:
        again, _stack, _changes = _open(qtbot, reopened)
        moved = again.editor.scene.fields["place_date"]
        assert (moved.pos().x(), moved.pos().y()) == (150.5, 130)
        assert _saved(reopened, again, "place_date").x_mm == 150.5
        again.close()
    finally:
        reopened.close()


def test_a_box_moved_off_the_page_is_refused_and_snaps_back(qtbot, store, errors_shown):
    """The service's own words say it overflows the 297 mm page; the box goes back and nothing is undoable."""
    dialog, stack, _changes = _open(qtbot, store)
    item = dialog.editor.scene.fields["honorific_name"]
    item.setPos(120, 78)
    item.drag_ended()
    assert len(errors_shown) == 1
    assert "tràn ra ngoài trang: mép phải ở 330 mm, khổ giấy chỉ rộng 297 mm" in errors_shown[0]
    assert (item.pos().x(), item.pos().y()) == (43.5, 78)
    assert _saved(store, dialog, "honorific_name").x_mm == 43.5 and stack.count() == 0


def test_arrow_keys_nudge_the_selected_box_as_one_step(qtbot, store):
    """Right twice (0,5 mm each) and Shift+Down (5 mm) move "Chức vụ người ký" at once; saved on the pause as
    one journal step, which undoes them all."""
    dialog, stack, _changes = _open(qtbot, store)
    dialog.editor.select("signer_title")
    view = dialog.editor.view
    QTest.keyClick(view, Qt.Key.Key_Right)
    QTest.keyClick(view, Qt.Key.Key_Right)
    QTest.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    item = dialog.editor.scene.fields["signer_title"]
    assert (item.pos().x(), item.pos().y()) == (153, 148) and dialog.editor.x.value() == 153
    qtbot.waitUntil(lambda: stack.count() == 1)
    box = _saved(store, dialog, "signer_title")
    assert (box.x_mm, box.y_mm) == (153, 148) and stack.undoText() == "Dịch ô “Chức vụ người ký”"
    assert undo.next_steps(store)[0] == "Dịch ô “Chức vụ người ký”"
    dialog.undo_button.click()
    box = _saved(store, dialog, "signer_title")
    assert (box.x_mm, box.y_mm) == (152, 143)


def test_a_broken_json_import_is_refused_and_adds_nothing(qtbot, store, errors_shown, tmp_path):
    """A .json cut short says where its syntax breaks; the list and the undo stack are unchanged."""
    dialog, stack, _changes = _open(qtbot, store)
    broken = tmp_path / "mau-hong.json"
    broken.write_text('{"format": "cchc-xa/certificate-layout", "fields": [', encoding="utf-8")
    assert dialog.import_layout(broken) is None
    assert len(errors_shown) == 1 and "Tệp “mau-hong.json” bị hỏng" in errors_shown[0]
    assert dialog.list.count() == 1 and len(certificates.list_layouts(store)) == 1 and stack.count() == 0


def test_export_then_import_adds_a_renamed_copy(qtbot, store, no_modal_boxes, tmp_path):
    """The exported file imports back under " (2)"; undo removes the imported layout again."""
    dialog, stack, _changes = _open(qtbot, store)
    path = dialog.export_layout(tmp_path / "mau.json")
    assert json.loads(path.read_text(encoding="utf-8"))["name"] == DEFAULT_NAME
    assert no_modal_boxes and no_modal_boxes[-1][0] == "Đã xuất mẫu vị trí in"
    imported = dialog.import_layout(path)
    assert imported.name == f"{DEFAULT_NAME} (2)" and dialog.current_id == imported.id
    assert dialog.list.count() == 2
    stack.undo()
    assert [info.name for info in certificates.list_layouts(store)] == [DEFAULT_NAME] and dialog.list.count() == 1


def test_new_copy_and_undoable_delete(qtbot, store):
    """"Thêm mẫu" and "Nhân bản" add layouts with free names; a delete is undone with the layout as it was."""
    dialog, stack, _changes = _open(qtbot, store)
    dialog.new_button.click()
    dialog.copy_button.click()
    names = [info.name for info in certificates.list_layouts(store)]
    assert names == [DEFAULT_NAME, f"{DEFAULT_NAME} (2)", f"{DEFAULT_NAME} (2) (bản sao)"]
    dialog.list.setCurrentRow(0)
    dialog.delete_button.click()
    assert dialog.list.count() == 2 and stack.undoText() == f"Xóa mẫu vị trí in “{DEFAULT_NAME}”"
    stack.undo()
    assert [info.name for info in certificates.list_layouts(store)] == names and dialog.list.count() == 3


def test_a_scanned_blank_is_shown_under_the_boxes_and_undone(qtbot, store, tmp_path):
    """A PNG chosen as the scan is drawn on the page; undo takes it away again."""
    dialog, stack, _changes = _open(qtbot, store)
    image = QImage(594, 420, QImage.Format.Format_RGB32)
    image.fill(QColor("#f5ecd0"))
    scan = tmp_path / "phoi.png"
    assert image.save(str(scan))
    assert dialog.editor.choose_scan(scan)
    assert dialog.editor.scene.has_scan and certificates.background_path(store, dialog.current_id) is not None
    assert dialog.editor.no_scan_button.isEnabled()
    stack.undo()
    assert not dialog.editor.scene.has_scan and certificates.background_path(store, dialog.current_id) is None


def test_printing_reminds_first_then_writes_the_year(qtbot, demo_store, monkeypatch, tmp_path):
    """The 100 % reminder comes before anything is written; OK writes the demo's 2024 certificates and the grid page,
    and "In…" in the box that follows prints that very file."""
    import ui.printing

    asked, offered, printed = [], [], []
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Ok])
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: asked.append(text) or next(answers))

    def click_print(box):
        offered.append(box.text())
        next(button for button in box.buttons() if button.text() == "&In…").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_print)
    monkeypatch.setattr(ui.printing, "preview", lambda parent, path, title="": printed.append(path) or True)
    dialog, _stack, _changes = _open(qtbot, demo_store, dossier_id=1)
    assert dialog.year_box.value() == 2024
    out = tmp_path / "giay-khen-2024.pdf"
    assert dialog.print_certificates(out) is None and not out.exists()
    written = dialog.print_certificates(out)
    assert REMINDER in asked[0] and len(asked) == 2
    assert written.count > 0 and len(PdfReader(out).pages) == written.count + 1
    assert "trang căn chỉnh (trang cuối)" in offered[0] and printed == [out]


def test_preview_is_written_to_a_temporary_file_and_opened(qtbot, demo_store, monkeypatch):
    """"Xem trước…" writes the preview PDF (scan and boxes) and hands it to the system's viewer."""
    opened = []
    monkeypatch.setattr(certificates_dialog, "open_path", lambda path: opened.append(path) or True)
    dialog, _stack, _changes = _open(qtbot, demo_store, year=2024)
    path = dialog.preview()
    assert opened == [path] and path.suffix == ".pdf" and path.stat().st_size > 0
    path.unlink()


def test_printing_a_year_without_a_decision_says_what_to_do(qtbot, store, errors_shown, monkeypatch):
    """No issued decision in 2030: the service's message is shown and no preview is opened."""
    opened = []
    monkeypatch.setattr(certificates_dialog, "open_path", lambda path: opened.append(path) or True)
    dialog, _stack, _changes = _open(qtbot, store, year=2030)
    assert dialog.preview() is None and opened == []
    assert errors_shown == ["Năm 2030 chưa có quyết định khen thưởng nào đã ban hành."]


def test_undo_right_after_nudges_saves_them_first_then_takes_them_back(qtbot, store):
    """A box dragged, then nudged and Ctrl+Z at once: the nudges are saved as their own step and undone; the drag stays."""
    dialog, stack, _changes = _open(qtbot, store)
    item = dialog.editor.scene.fields["signer_title"]
    item.setPos(150, 140)
    item.drag_ended()
    dialog.editor.select("signer_title")
    QTest.keyClick(dialog.editor.view, Qt.Key.Key_Left)
    assert stack.count() == 1  # the nudge waits for its pause
    dialog.undo()
    box = _saved(store, dialog, "signer_title")
    assert (box.x_mm, box.y_mm) == (150, 140) and stack.count() == 2 and stack.index() == 1
    assert stack.undoText() == "Di chuyển ô “Chức vụ người ký”"


def test_a_layout_edit_undoes_after_a_restart(qtbot, store):
    """A box moved, the store closed and opened again: Hoàn tác in a new dialog puts the box back."""
    dialog, _stack, _changes = _open(qtbot, store)
    item = dialog.editor.scene.fields["place_date"]
    item.setPos(150.5, 130)
    item.drag_ended()
    dialog.close()
    store.close()
    reopened = Store(store.folder)
    try:
        again, stack, _changes = _open(qtbot, reopened)
        stack.load()
        assert stack.undoText() == "Di chuyển ô “Địa danh, ngày tháng năm”"
        again.undo_button.click()
        assert _saved(reopened, again, "place_date").x_mm != 150.5
        assert again.editor.scene.fields["place_date"].pos().x() != 150.5
        again.close()
    finally:
        reopened.close()
