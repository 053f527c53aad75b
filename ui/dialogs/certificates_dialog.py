"""Giấy khen in lên phôi: the layouts (mẫu vị trí in), their editor, and printing a year's certificates.

Left, the layouts: a new one from the shipped example, a copy, delete (undoable),
import and export as .json to share with another commune. Right, the editor of
the selected one. Below, the year whose issued decision is printed: "Xem trước…"
writes a preview (the scan and the boxes drawn) to a temporary file and opens it;
"In giấy khen…" first reminds the clerk how to print on blanks, then writes the
PDF to print, its calibration page last.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.vietnamese import fold
from app.errors import UserError
from app.services import certificates
from app.services.certificates import CertificatesWritten, LayoutInfo
from app.services.dossier import list_dossiers
from ui.certificates.layout_editor import LayoutEditor
from ui.dialogs.error_dialog import show_error
from ui.dialogs.export_plan_dialog import last_folder, remember_folder
from ui.dialogs.register_dialog import follow_stack
from ui.runner import Outcome, attempt, run
from ui.system_open import open_path
from ui.widgets.fit import fit_to_screen
from ui.widgets.autosave import transient

REMINDER = ("In đúng 100 %, không co giãn: in bằng nút “In…” của phần mềm sau khi ghi tệp (mỗi tờ đúng khổ phôi); "
            "nếu in từ trình đọc PDF, chọn “Kích thước thực tế”, không chọn “Vừa trang”. In trang căn chỉnh trước "
            "trên giấy thường, đặt lên phôi soi đèn để kiểm tra.")
LAYOUT_FILTER = "Mẫu vị trí in giấy khen (*.json)"
PDF_FILTER = "Tệp PDF (*.pdf)"


def file_stem(name: str) -> str:
    """ "Giấy khen A4 ngang (mẫu ví dụ)" -> "giay-khen-a4-ngang-mau-vi-du": a file name any USB stick takes."""
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "mau-vi-tri-in"


def free_name(name: str, taken) -> str:
    """``name``, or "name (2)", "name (3)"… when it is taken."""
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{name} ({number})", number + 1
    return candidate


class CertificatesDialog(QDialog):
    def __init__(self, store, undo_stack, notify, parent: QWidget | None = None, year: int | None = None,
                 dossier_id: int | None = None) -> None:
        super().__init__(parent)
        self.store, self.undo_stack, self.notify = store, undo_stack, notify
        self.setWindowTitle("Giấy khen in lên phôi — mẫu vị trí in")
        self.layouts: dict[int, LayoutInfo] = {}
        self.current_id: int | None = None
        self.list = QListWidget(objectName="layouts")
        self.list.currentRowChanged.connect(self._row_changed)
        self.editor = LayoutEditor(store, undo_stack, notify, self)
        self.year_box = transient(QSpinBox(objectName="year", minimum=2000, maximum=2100))
        self.year_box.setValue(self._first_year(year, dossier_id))
        self._build()
        self._shortcuts()
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter commits a measure; it must never press "Bỏ ô này" or "Xóa"
        installed = attempt(self, lambda: certificates.install_default_layout(store))
        if installed.ok and installed.value.changes:  # every layout had been deleted: the example, undoably
            self.undo_stack.record(installed.value.changes, origin=self)
        self.reload()
        self.setMinimumSize(1000, 640)
        fit_to_screen(self, 1280, 780)

    def _first_year(self, year: int | None, dossier_id: int | None) -> int:
        """The year asked for, else the dossier's, else the latest dossier's, else this year."""
        if year:
            return year
        dossiers = attempt(self, lambda: list_dossiers(self.store)).value_or([])
        chosen = [info.year for info in dossiers if info.id == dossier_id] or [info.year for info in dossiers]
        return chosen[0] if chosen else date.today().year

    # --- building ----------------------------------------------------------------------------------

    def _button(self, text: str, name: str, slot, tip: str = "") -> QPushButton:
        button = QPushButton(text, objectName=name, toolTip=tip)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _left(self) -> QWidget:
        self.new_button = self._button("Thêm mẫu", "new_layout", self.add_layout,
                                       "Thêm một mẫu mới từ mẫu ví dụ Giấy khen A4 ngang")
        self.copy_button = self._button("Nhân bản", "copy_layout", self.copy_layout, "Chép mẫu đang chọn thành mẫu mới")
        self.delete_button = self._button("Xóa", "delete_layout", self.delete_layout,
                                          "Xóa mẫu đang chọn (hoàn tác được)")
        self.import_button = self._button("Nhập .json…", "import_layout", self.import_layout,
                                          "Nhập mẫu vị trí in do xã khác chia sẻ")
        self.export_button = self._button("Xuất .json…", "export_layout", self.export_layout,
                                          "Lưu mẫu đang chọn ra tệp để chia sẻ")
        buttons = QGridLayout()
        for index, button in enumerate((self.new_button, self.copy_button, self.delete_button, self.import_button,
                                        self.export_button)):
            buttons.addWidget(button, index // 2, index % 2)
        title = QLabel("<b>Mẫu vị trí in</b>")
        self.note = QLabel(objectName="note", wordWrap=True,
                           textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note.setStyleSheet("color: #555")
        panel = QWidget(objectName="layouts_panel")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        panel.setFixedWidth(250)
        return panel

    def _bottom(self) -> QHBoxLayout:
        self.preview_button = self._button("Xem trước…", "preview", self.preview,
                                           "Xem giấy khen trên ảnh phôi đã quét, có khung các ô (không dùng để in)")
        self.print_button = self._button("In giấy khen…", "print", self.print_certificates,
                                         "Ghi tệp PDF giấy khen của quyết định đã ban hành, kèm trang căn chỉnh")
        self.undo_button = self._button("Hoàn tác", "undo", self.undo)
        self.redo_button = self._button("Làm lại", "redo", self.redo)
        close = self._button("Đóng", "close", self.accept)
        row = QHBoxLayout()
        row.addWidget(QLabel("Giấy khen theo quyết định khen thưởng năm:"))
        row.addWidget(self.year_box)
        row.addWidget(self.preview_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        for button in (self.undo_button, self.redo_button, close):
            row.addWidget(button)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_stack.undoTextChanged.connect(self.undo_button.setToolTip)
        self.undo_stack.redoTextChanged.connect(self.redo_button.setToolTip)
        return row

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self._left())
        top.addWidget(self.editor, 1)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(top, 1)
        body_layout.addLayout(self._bottom())
        # On a screen smaller than the editor needs, scroll rather than let the panels overlap.
        scroller = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroller.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroller)

    def _shortcuts(self) -> None:
        for keys, slot in ((QKeySequence.StandardKey.Undo, self.undo), (QKeySequence("Ctrl+Y"), self.redo),
                           (QKeySequence("Ctrl+Shift+Z"), self.redo)):
            QShortcut(keys, self, activated=slot)

    def undo(self) -> None:
        self.editor.flush()  # nudges waiting for their pause are saved first, so undo takes them back
        self.undo_stack.undo()

    def redo(self) -> None:
        self.editor.flush()
        self.undo_stack.redo()

    # --- the list ----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the layouts again; the one selected stays selected (else the first), and the editor shows it."""
        layouts = attempt(self, lambda: certificates.list_layouts(self.store)).value_or([])
        self.layouts = {info.id: info for info in layouts}
        if self.current_id not in self.layouts:
            self.current_id = layouts[0].id if layouts else None
        self.list.blockSignals(True)
        try:
            self.list.clear()
            for info in layouts:
                item = QListWidgetItem(info.name)
                item.setData(Qt.ItemDataRole.UserRole, info.id)
                item.setToolTip("\n".join(part for part in (info.name, info.layout.note) if part))
                self.list.addItem(item)
                if info.id == self.current_id:
                    self.list.setCurrentItem(item)
        finally:
            self.list.blockSignals(False)
        self.editor.show_layout(self.layouts.get(self.current_id))
        self._show_state()

    def _row_changed(self, row: int) -> None:
        item = self.list.item(row)
        self.current_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        self.editor.show_layout(self.layouts.get(self.current_id))
        self._show_state()

    def current(self) -> LayoutInfo | None:
        return self.layouts.get(self.current_id)

    def _show_state(self) -> None:
        chosen = self.current() is not None
        note = self.current().layout.note if chosen else ""
        self.note.setText(f"Ghi chú của mẫu: {note}" if note else "")
        self.note.setVisible(bool(note))
        for button in (self.copy_button, self.delete_button, self.export_button, self.preview_button,
                       self.print_button):
            button.setEnabled(chosen)
        self.undo_button.setEnabled(self.undo_stack.canUndo())
        self.redo_button.setEnabled(self.undo_stack.canRedo())

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Enter only commits the field being typed in; it never presses a button nor closes the dialog."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802
        follow_stack(self, True)
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802
        follow_stack(self, False)
        super().hideEvent(event)

    def _stack_moved(self, _index: int) -> None:
        self.reload()

    # --- adding, copying, deleting, sharing ----------------------------------------------------------

    def _add(self, make) -> LayoutInfo | None:
        """Run ``make`` (a service call returning the new layout, done) and show it selected."""
        self.editor.flush()
        outcome = attempt(self, make)
        if not outcome.ok:
            return None
        added = outcome.value
        self.current_id = added.value.id
        self.undo_stack.record(added.changes, origin=self)
        self.reload()
        return added.value

    def _free_name(self, name: str) -> str:
        return free_name(name, {info.name for info in self.layouts.values()})

    def add_layout(self) -> LayoutInfo | None:
        layout = certificates.default_layout()
        return self._add(lambda: certificates.save_layout(self.store, replace(layout, name=self._free_name(layout.name))))

    def copy_layout(self) -> LayoutInfo | None:
        """A copy of the selected layout, with its scan, under "… (bản sao)"."""
        source = self.current()
        if source is None:
            return None
        name = self._free_name(f"{source.name} (bản sao)")
        return self._add(lambda: certificates.copy_layout(self.store, source.id, name))

    def delete_layout(self) -> bool:
        chosen = self.current()
        if chosen is None:
            return False
        self.editor.flush()
        outcome = attempt(self, lambda: certificates.delete_layout(self.store, chosen.id))
        if not outcome.ok:
            return False
        self.undo_stack.record(outcome.value, origin=self)
        self.reload()
        return True

    def import_layout(self, path: Path | None = None) -> LayoutInfo | None:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self, "Chọn tệp mẫu vị trí in giấy khen", last_folder(self.store),
                                                    LAYOUT_FILTER)
            if not chosen:
                return None
            path = Path(chosen)
            remember_folder(self.store, str(path.parent))
        return self._add(lambda: certificates.import_layout(self.store, Path(path)))

    def export_layout(self, path: Path | None = None) -> Path | None:
        chosen = self.current()
        if chosen is None:
            return None
        if path is None:
            start = str(Path(last_folder(self.store)) / f"{file_stem(chosen.name)}.json")
            picked, _ = QFileDialog.getSaveFileName(self, "Lưu mẫu vị trí in ra tệp", start, LAYOUT_FILTER)
            if not picked:
                return None
            path = Path(picked) if picked.lower().endswith(".json") else Path(picked + ".json")
            remember_folder(self.store, str(path.parent))
        written = run(self, "Đang xuất mẫu vị trí in", lambda progress: certificates.export_layout(
            self.store, chosen.id, Path(path)))
        if not written.ok:
            return None
        QMessageBox.information(self, "Đã xuất mẫu vị trí in",
                                f"Đã lưu mẫu “{chosen.name}” vào tệp:\n{written.value}\n\n"
                                "Ảnh phôi đã quét không đi kèm; xã nhận tự quét phôi của mình.")
        return written.value

    # --- printing ----------------------------------------------------------------------------------

    def _write(self, title: str, action) -> Outcome[CertificatesWritten]:
        """Write on the runner's worker; a refusal (no issued decision, text too long for a box…) is shown."""
        return run(self, title, lambda progress: action())

    def preview(self) -> Path | None:
        """The year's certificates drawn on the scan with the boxes, in a temporary PDF opened for viewing."""
        chosen, year = self.current(), self.year_box.value()
        if chosen is None:
            return None
        with tempfile.NamedTemporaryFile(prefix=f"xem-truoc-giay-khen-{year}-", suffix=".pdf", delete=False) as handle:
            path = Path(handle.name)
        written = self._write("Đang vẽ bản xem trước", lambda: certificates.write_year_certificates(
            self.store, year, path, chosen.name, calibration=False, preview=True))
        if not written.ok:
            path.unlink(missing_ok=True)
            return None
        if not open_path(path):
            show_error(self, UserError("Không mở được tệp xem trước.", "Mở tệp bằng trình đọc PDF của máy.", str(path)))
        return path

    def confirm_print(self) -> bool:
        """The reminder that decides whether the text lands inside the frame: 100 %, calibration page first."""
        answer = QMessageBox.warning(
            self, "Trước khi in giấy khen",
            f"{REMINDER}\n\nTrang căn chỉnh (lưới mm, thước 100 mm) là trang cuối của tệp PDF.",
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Ok

    def print_certificates(self, path: Path | None = None) -> CertificatesWritten | None:
        """Remind, ask where, write the year's certificates and the calibration page, offer to open the PDF."""
        chosen, year = self.current(), self.year_box.value()
        if chosen is None or not self.confirm_print():
            return None
        if path is None:
            start = str(Path(last_folder(self.store)) / f"giay-khen-{year}.pdf")
            picked, _ = QFileDialog.getSaveFileName(self, "Lưu giấy khen để in", start, PDF_FILTER)
            if not picked:
                return None
            path = Path(picked) if picked.lower().endswith(".pdf") else Path(picked + ".pdf")
            remember_folder(self.store, str(path.parent))
        written = self._write("Đang ghi giấy khen", lambda: certificates.write_year_certificates(
            self.store, year, Path(path), chosen.name, calibration=True))
        if not written.ok:
            return None
        self.offer_open(written.value)
        return written.value

    def offer_open(self, written: CertificatesWritten) -> None:
        """In… prints from here at 100 %, each sheet the blank's size (no reader's "fit to page" in between)."""
        from ui.dialogs.written_files import offer_written

        offer_written(self, "Đã ghi giấy khen",
                      f"Đã ghi {written.count} giấy khen theo mẫu “{written.layout_name}” và trang căn chỉnh (trang cuối) "
                      f"vào tệp:\n{written.path}\n\nBấm “In…” để xem trước và in đúng 100 %, đúng khổ phôi.",
                      [written.path], written.path.parent)
