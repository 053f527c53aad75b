"""Bộ tiêu chí: the criteria sets in the data folder; import and export as Excel, the blank template, delete.

A set is never edited in place: importing saves a new one (a new version when
the name is taken), so a year already scored keeps the set it was scored with.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.exporters.package_names import windows_safe
from app.services import criteria_sets as service
from app.services.changes import Changes
from app.services.criteria_sets import SetSummary
from ui.dialogs.excel_files import ask_excel_path
from ui.dialogs.export_plan_dialog import remember_folder
from ui.models.row_table_model import RowTableModel
from ui.runner import attempt, run
from ui.widgets.fit import fit_to_screen

ID_ROLE = Qt.ItemDataRole.UserRole + 1
TEMPLATE_NAME = "Mẫu bộ tiêu chí.xlsx"


class SetsModel(RowTableModel):
    HEADERS = ("Loại", "Tên bộ tiêu chí", "Năm", "Cơ quan ban hành", "Số tiêu chí", "Dùng cho năm")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row: SetSummary = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (service.kind_label(row.kind), row.name, str(row.year), row.issuer, str(row.criteria_count),
                      ", ".join(str(year) for year in row.used_in_years) or "—")
            if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1 and row.decision:
                return f"{row.name}\n{row.decision}"
            return values[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (2, 4):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == ID_ROLE:
            return row.id
        return None

    def row_of(self, set_id: int | None) -> int:
        return next((number for number, row in enumerate(self._rows) if row.id == set_id), -1)

    def summary(self, row: int) -> SetSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None


class CriteriaSetsDialog(QDialog):
    """Importing and deleting are undoable actions: a step on ``undo_stack`` when given, else only ``notify``."""

    def __init__(self, store, parent: QWidget | None = None, notify=None, undo_stack=None) -> None:
        super().__init__(parent)
        self.store, self.notify, self.undo_stack = store, notify, undo_stack
        self.setWindowTitle("Bộ tiêu chí")
        self.model = SetsModel(self)
        self.table = self._make_table()
        self.buttons = {
            name: QPushButton(text, objectName=name, clicked=slot)
            for name, text, slot in (
                ("import", "Nhập từ Excel…", lambda: self.import_workbook()),
                ("export", "Xuất ra Excel…", lambda: self.export_selected()),
                ("template", "Tải tệp mẫu…", lambda: self.save_template()),
                ("delete", "Xóa", lambda: self.delete_selected()),
                ("close", "Đóng", self.accept),
            )
        }
        self.buttons["import"].setToolTip("Thêm một bộ tiêu chí từ tệp Excel theo mẫu (bộ đã có không bị thay)")
        self.buttons["template"].setToolTip("Lưu tệp Excel mẫu có hướng dẫn, để điền bộ tiêu chí của tỉnh")
        self.buttons["delete"].setToolTip("Xóa bộ chưa dùng để chấm điểm năm nào")
        self._build()
        self.reload()
        fit_to_screen(self, 900, 420)

    def _make_table(self) -> QTableView:
        table = QTableView(objectName="sets")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = table.fontMetrics()
        for column, width in enumerate((metrics.horizontalAdvance("Tiêu chuẩn thi đua") + 16, 300, 52, 150,
                                        metrics.horizontalAdvance("Số tiêu chí") + 20,
                                        metrics.horizontalAdvance("Dùng cho năm") + 24)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        return table

    def _build(self) -> None:
        hint = QLabel("Mỗi năm chấm điểm theo một bộ tiêu chí. Nhập bộ của tỉnh từ tệp Excel; "
                      "chưa có tệp thì bấm “Tải tệp mẫu…”, điền theo hướng dẫn trong tệp rồi nhập.", wordWrap=True)
        row = QHBoxLayout()
        for name in ("import", "export", "template", "delete"):
            row.addWidget(self.buttons[name])
        row.addStretch(1)
        row.addWidget(self.buttons["close"])
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def reload(self, select_id: int | None = None) -> None:
        select_id = select_id if select_id is not None else self.selected_id()
        self.model.replace_rows(service.list_sets(self.store))
        row = self.model.row_of(select_id)
        self.table.selectRow(max(row, 0))
        chosen = self.selected() is not None
        self.buttons["export"].setEnabled(chosen)
        self.buttons["delete"].setEnabled(chosen)

    def selected(self) -> SetSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.summary(rows[0].row()) if rows else None

    def selected_id(self) -> int | None:
        chosen = self.selected()
        return chosen.id if chosen else None

    def select(self, set_id: int) -> None:
        self.table.selectRow(self.model.row_of(set_id))

    def _changed(self, changes: Changes) -> None:
        if self.undo_stack is not None:
            self.undo_stack.record(changes, origin=self)
        elif self.notify is not None and changes:
            self.notify(changes)

    # --- actions ----------------------------------------------------------------------------

    def import_workbook(self, path: Path | None = None) -> int | None:
        """Read a workbook and save it as a new set; returns the new set's id (None: nothing added)."""
        from app.importers.criteria_workbook import read_criteria_workbook

        path = path or ask_excel_path(self, self.store, False, "Chọn tệp Excel bộ tiêu chí")
        if path is None:
            return None
        remember_folder(self.store, str(Path(path).parent))
        read = run(self, "Đang đọc tệp Excel", lambda progress: read_criteria_workbook(Path(path)))
        if not read.ok:
            return None
        data = read.value
        saved = run(self, "Đang lưu bộ tiêu chí", lambda progress: service.save_set(self.store, data))
        if not saved.ok:
            return None
        saved = saved.value
        set_id = saved.value
        self.reload(set_id)
        self._changed(saved.changes)
        QMessageBox.information(self, "Đã nhập bộ tiêu chí",
                                f"Đã nhập “{data.name}” (năm {data.year}, {len(data.criteria)} tiêu chí).")
        return set_id

    def export_selected(self, path: Path | None = None) -> Path | None:
        from app.exporters.criteria_workbook import write_criteria_workbook

        chosen = self.selected()
        if chosen is None:
            return None
        path = path or ask_excel_path(self, self.store, True, "Lưu bộ tiêu chí ra tệp Excel",
                                      file_name(chosen.name))
        if path is None:
            return None
        remember_folder(self.store, str(Path(path).parent))
        if run(self, "Đang lưu tệp Excel", lambda progress: write_criteria_workbook(
                service.load_set(self.store, chosen.id).data, Path(path))).ok:
            QMessageBox.information(self, "Đã xuất bộ tiêu chí", f"Đã lưu “{chosen.name}” vào tệp:\n{path}")
            return Path(path)
        return None

    def save_template(self, path: Path | None = None) -> Path | None:
        from app.exporters.criteria_workbook import write_template

        path = path or ask_excel_path(self, self.store, True, "Lưu tệp mẫu bộ tiêu chí", TEMPLATE_NAME)
        if path is None:
            return None
        remember_folder(self.store, str(Path(path).parent))
        if run(self, "Đang lưu tệp mẫu", lambda progress: write_template(Path(path))).ok:
            QMessageBox.information(self, "Đã lưu tệp mẫu",
                                    f"Đã lưu tệp mẫu vào:\n{path}\n\nMở bằng Excel, điền theo trang “Hướng dẫn”, "
                                    "lưu lại rồi bấm “Nhập từ Excel…”.")
            return Path(path)
        return None

    def delete_selected(self, confirm: bool = True) -> bool:
        chosen = self.selected()
        if chosen is None:
            return False
        if confirm and not chosen.used_in_years:
            answer = QMessageBox.question(self, "Xóa bộ tiêu chí", f"Xóa bộ tiêu chí “{chosen.name}” ({chosen.year})?\n"
                                          "Có thể nhập lại từ tệp Excel nếu đã xuất ra trước đó.")
            if answer != QMessageBox.StandardButton.Yes:
                return False
        changes = attempt(self, lambda: service.delete_set(self.store, chosen.id)).value_or(None)
        if changes is None:
            return False
        self.reload()
        self._changed(changes)
        return True


def file_name(set_name: str) -> str:
    """A set's name as a file name Windows accepts: "Bộ chỉ số … (2024).xlsx"."""
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", set_name).strip(" .") or "Bộ tiêu chí"
    return windows_safe(" ".join(stem.split()) + ".xlsx")
