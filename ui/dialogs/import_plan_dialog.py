"""Nhập kế hoạch: read a plan from a file or pasted text, let the clerk check and correct it, then save.

Nothing is written until "Lưu thành kế hoạch mới"; the preview is an editable table.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.plan_kinds import PLAN_KINDS
from app.domain.timeframe import parse_timeframe
from app.errors import UserError
from app.importers.legacy_text import converter_for, detect_legacy, question
from app.importers.plan_file import parse_plan_text, plain_text, read_plan_file
from app.importers.plan_model import ImportedPlan, ImportedTask
from app.services.plans import MAX_YEAR, MIN_YEAR
from ui.dialogs.error_dialog import show_error
from ui.dialogs.import_plan_parts import PlanPartsPanel, task_origin
from ui.runner import run
from ui.widgets.fit import fit_to_screen

COLUMNS = ("Lĩnh vực", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Sản phẩm", "Thời gian thực hiện", "Hạn đọc được")
_DUE_COLUMN = len(COLUMNS) - 1
_TASK_ROLE = Qt.ItemDataRole.UserRole + 1  # the task as read: keeps its place, source and detail through edits


class ImportPlanDialog(QDialog):
    """``confirm(year, kind)`` is asked on "Lưu": False keeps the preview open, with every correction."""

    def __init__(self, parent: QWidget | None = None, confirm: Callable[[int, str], bool] | None = None) -> None:
        super().__init__(parent)
        self._confirm = confirm
        self.setWindowTitle("Nhập kế hoạch từ văn bản")
        self.imported: ImportedPlan | None = None
        self.source = QPlainTextEdit(objectName="paste", placeholderText="Dán nội dung kế hoạch vào đây, hoặc bấm “Chọn tệp…” (.docx, .txt).")
        self.choose = QPushButton("Chọn tệp…", objectName="choose_file", clicked=self.choose_file)
        self.read_button = QPushButton("Đọc nội dung đã dán", objectName="read_pasted", clicked=self.read_pasted)
        self.summary = QLabel(objectName="summary", wordWrap=True)
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(list(COLUMNS))
        self.model.itemChanged.connect(self._item_changed)
        self.table = QTableView(objectName="preview")
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.parts = PlanPartsPanel()
        self.table.selectionModel().currentRowChanged.connect(lambda current, _old: self.parts.show_task(self.task_at(current.row())))
        self.year = QSpinBox(objectName="import_year", minimum=MIN_YEAR, maximum=MAX_YEAR, value=date.today().year)
        self.year.valueChanged.connect(self._refresh_due)
        self.kind = QComboBox(objectName="import_kind")
        for key, kind in PLAN_KINDS.items():
            self.kind.addItem(kind.label, key)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Lưu thành kế hoạch mới")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._build()
        fit_to_screen(self, 1000, 680)

    def _build(self) -> None:
        source_row = QHBoxLayout()
        source_row.addWidget(self.choose)
        source_row.addWidget(self.read_button)
        source_row.addStretch(1)
        target_row = QHBoxLayout()
        target_row.addWidget(QLabel("Loại kế hoạch:"))
        target_row.addWidget(self.kind)
        target_row.addWidget(QLabel("Năm:"))
        target_row.addWidget(self.year)
        target_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.source, 1)
        layout.addLayout(source_row)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel("Kiểm tra và sửa trực tiếp trong bảng trước khi lưu (nhấp đúp vào ô để sửa):"))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.parts)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 3)
        layout.addLayout(target_row)
        layout.addWidget(self.buttons)

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, "Chọn tệp kế hoạch", "", "Kế hoạch (*.docx *.txt);;Tất cả (*)")
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> None:
        text = run(self, "Đang đọc tệp kế hoạch", lambda progress: plain_text(path))
        if text.ok:
            transform = self._legacy_converter(text.value)
            self.load(lambda: read_plan_file(path, transform))

    def read_pasted(self) -> None:
        text = self.source.toPlainText()
        if not text.strip():
            show_error(self, UserError("Chưa có nội dung nào để đọc.", "Dán nội dung kế hoạch vào ô phía trên, hoặc bấm “Chọn tệp…”."))
            return
        transform = self._legacy_converter(text)
        if transform is not None:
            text = transform(text)
            self.source.setPlainText(text)  # the clerk sees what will be read
        self.load(lambda: parse_plan_text(text))

    def _legacy_converter(self, text: str):
        """Text typed in TCVN3 or VNI: show an example and convert it if the clerk agrees."""
        detection = detect_legacy(text)
        converter = converter_for(detection)
        if converter is None:
            return None
        answer = QMessageBox.question(self, "Bảng mã cũ", question(detection))
        return converter if answer == QMessageBox.StandardButton.Yes else None

    def load(self, read) -> None:
        """Read the plan on the runner's worker; show its areas and tasks, or why not."""
        read_plan = run(self, "Đang đọc kế hoạch", lambda progress: read())
        if not read_plan.ok:
            return
        imported = read_plan.value
        self.show_imported(imported)
        if not imported.tasks:
            show_error(self, UserError(
                "Không tìm thấy nhiệm vụ nào trong văn bản này.",
                "Phần mềm tìm phần “Nội dung, nhiệm vụ” với các lĩnh vực đánh số 1., 2. … và nhiệm vụ a), b) …, "
                "hoặc bảng phụ lục có cột STT | Nội dung nhiệm vụ | Chủ trì | Phối hợp | Sản phẩm | Thời gian.",
                "\n".join(imported.warnings[:5]),
            ))

    def show_imported(self, imported: ImportedPlan) -> None:
        self.imported = imported
        if imported.year:
            self.year.setValue(imported.year)
        if "thi đua" in imported.title.lower():
            self.kind.setCurrentIndex(self.kind.findData("emulation"))
        self.model.blockSignals(True)
        self.model.removeRows(0, self.model.rowCount())
        for task in imported.tasks:
            self.model.appendRow(self._row(task))
        self.model.blockSignals(False)
        self._refresh_due()
        for column, width in enumerate((170, 300, 150, 150, 180, 150)):
            self.table.setColumnWidth(column, width)
        self.table.resizeRowsToContents()
        self.parts.show_plan(imported)
        noted = f"\n{len(imported.warnings)} lưu ý: xem thẻ “Lưu ý” bên phải." if imported.warnings else ""
        self.summary.setText(
            f"Đọc được {len(imported.areas)} lĩnh vực, {len(imported.tasks)} nhiệm vụ"
            + (f" — {imported.title}" if imported.title else "") + noted
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(bool(imported.tasks))

    @staticmethod
    def _row(task: ImportedTask) -> list[QStandardItem]:
        texts = (task.area, task.title, task.lead, "; ".join(task.coordinators), task.product, task.timeframe, "")
        items = [QStandardItem(text) for text in texts]
        items[_DUE_COLUMN].setEditable(False)
        items[1].setData(task, _TASK_ROLE)
        for item in items:
            item.setToolTip(task_origin(task))  # where it was read, beside the reading
        return items

    def task_at(self, row: int) -> ImportedTask | None:
        item = self.model.item(row, 1) if row >= 0 else None
        return item.data(_TASK_ROLE) if item is not None else None

    def _item_changed(self, item: QStandardItem) -> None:
        if item.column() == len(COLUMNS) - 2:
            self._refresh_due()

    def _refresh_due(self, *_args) -> None:
        self.model.blockSignals(True)
        for row in range(self.model.rowCount()):
            phrase = self.model.item(row, len(COLUMNS) - 2).text()
            self.model.item(row, _DUE_COLUMN).setText(parse_timeframe(phrase, self.year.value()).describe())
        self.model.blockSignals(False)
        self.table.viewport().update()

    def edited_plan(self) -> ImportedPlan:
        """The plan as corrected in the table (rows without a task text are dropped)."""
        tasks = []
        for row in range(self.model.rowCount()):
            cell = lambda column: self.model.item(row, column).text().strip()  # noqa: E731
            if not cell(1):
                continue
            coordinators = [part.strip() for part in cell(3).split(";") if part.strip()]
            read = self.task_at(row) or ImportedTask("", "")
            tasks.append(replace(read, area=cell(0), title=cell(1), lead=cell(2), coordinators=coordinators,
                                 product=cell(4), timeframe=cell(5)))
        areas = list(dict.fromkeys(task.area for task in tasks))
        return replace(self.imported, areas=areas, tasks=tasks, year=self.year.value())

    def chosen_kind(self) -> str:
        return self.kind.currentData()

    def accept(self) -> None:
        # Asked here, not after exec(): a "Không" must leave the clerk in the preview, corrections intact.
        if self._confirm is None or self._confirm(self.year.value(), self.chosen_kind()):
            super().accept()
