"""Before a plan is copied into a year the law changed: each proposed replacement with a box, then what the
software could not decide. Only the ticked lines are written into the copy; the source plan never changes."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter,
    QTableView, QVBoxLayout, QWidget,
)

from app.services.plan_world import CopyPreview
from ui.models.row_table_model import RowTableModel

_CHECK = Qt.ItemDataRole.CheckStateRole
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TIP = Qt.ItemDataRole.ToolTipRole


def _one_line(text: str) -> str:
    return " ".join(text.split())


class ProposalsModel(RowTableModel):
    """One proposal a row; column 0 holds its box (ticked: the replacement goes into the copy)."""

    HEADERS = ("Thay", "Ở đâu", "Chữ cũ", "Thay bằng", "Lý do")

    def __init__(self, proposals, parent=None) -> None:
        super().__init__(parent)
        self.replace_rows(proposals)
        self.ticked = [True] * len(self._rows)

    def data(self, index: QModelIndex, role=_DISPLAY):
        if not index.isValid():
            return None
        proposal, column = self._rows[index.row()], index.column()
        if role == _CHECK and column == 0:
            return Qt.CheckState.Checked if self.ticked[index.row()] else Qt.CheckState.Unchecked
        texts = ("", proposal.location, proposal.before or "(dòng mới)", proposal.after or "(bỏ dòng)", proposal.why)
        if role == _DISPLAY:
            return _one_line(texts[column])
        if role == _TIP and column:
            return texts[column]
        return None

    def flags(self, index: QModelIndex):
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else flags

    def setData(self, index: QModelIndex, value, role=_CHECK) -> bool:  # noqa: N802 (Qt's name)
        if role != _CHECK or index.column() != 0 or not index.isValid():
            return False
        self.ticked[index.row()] = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(index, index, [_CHECK])
        return True

    def toggle(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            checked = Qt.CheckState.Unchecked if self.ticked[row] else Qt.CheckState.Checked
            self.setData(self.index(row, 0), checked.value)

    def tick_all(self, ticked: bool) -> None:
        self.ticked = [ticked] * len(self._rows)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0), [_CHECK])

    def chosen(self) -> tuple:
        return tuple(p for p, ticked in zip(self._rows, self.ticked) if ticked)

    def detail(self, row: int) -> str:
        p = self._rows[row]
        if p.context and p.context != p.before:
            return f"{p.location}: “{p.context}”.\nThay “{p.before}” bằng “{p.after}”. {p.why}"
        return f"{p.location}: “{p.before or '(thêm dòng)'}” → “{p.after or '(bỏ dòng)'}”.\n{p.why}"


class UnresolvedModel(RowTableModel):
    HEADERS = ("Ở đâu", "Nội dung", "Vì sao phần mềm không tự thay")

    def __init__(self, rows, parent=None) -> None:
        super().__init__(parent)
        self.replace_rows(rows)

    def data(self, index: QModelIndex, role=_DISPLAY):
        if not index.isValid() or role not in (_DISPLAY, _TIP):
            return None
        row = self._rows[index.row()]
        text = (row.location, row.text, row.why)[index.column()]
        return _one_line(text) if role == _DISPLAY else text

    def detail(self, row: int) -> str:
        item = self._rows[row]
        return f"{item.location}: “{item.text}”.\n{item.why}"


def _table(model, name: str) -> QTableView:
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    return table


class CopyPreviewDialog(QDialog):
    """The clerk ticks what the copy replaces; ``accepted_proposals`` is what OK copies with."""

    def __init__(self, preview: CopyPreview, copy_of: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Sao chép {copy_of} sang năm {preview.year}")
        self.proposals = ProposalsModel(preview.proposals, self)
        self.unresolved = UnresolvedModel(preview.unresolved, self)
        self.proposal_table = _table(self.proposals, "copy_proposals")
        self.unresolved_table = _table(self.unresolved, "copy_unresolved")
        self.detail = QLabel(objectName="copy_detail", wordWrap=True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(self.detail.fontMetrics().lineSpacing() * 5)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._lay_out(preview, copy_of)
        self._wire()
        self.resize(960, 640)

    def _lay_out(self, preview: CopyPreview, copy_of: str) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(
            f"Kế hoạch năm {preview.year} theo quy định đang có hiệu lực năm đó (cấp trên, giai đoạn, căn cứ pháp "
            f"lý), có thể khác {copy_of}. Các dòng dưới đây được đề xuất thay trong bản sao; kế hoạch cũ giữ nguyên. "
            "Bỏ đánh dấu dòng nào thì bản sao giữ chữ cũ ở dòng đó (phím cách: đánh dấu hoặc bỏ dòng đang chọn).",
            wordWrap=True))
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(QLabel(f"Đề xuất thay ({len(self.proposals.chosen())}):"))
        top_layout.addWidget(self.proposal_table)
        buttons = QHBoxLayout()
        self.tick_all = QPushButton("Chọn tất cả", objectName="copy_tick_all")
        self.untick_all = QPushButton("Bỏ chọn tất cả", objectName="copy_untick_all")
        buttons.addWidget(self.tick_all)
        buttons.addWidget(self.untick_all)
        buttons.addStretch(1)
        top_layout.addLayout(buttons)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        count = len(preview.unresolved)
        bottom_layout.addWidget(QLabel(
            f"Phần mềm không tự quyết định được ({count}): sửa trong kế hoạch mới sau khi sao chép." if count
            else "Không có chỗ nào cần tự xem lại."))
        bottom_layout.addWidget(self.unresolved_table)
        self.unresolved_table.setVisible(bool(count))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.detail)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Sao chép")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        layout.addWidget(self.buttons)
        for table, widths in ((self.proposal_table, (44, 200, 220, 220)), (self.unresolved_table, (200, 300))):
            for column, width in enumerate(widths):
                table.setColumnWidth(column, width)

    def _wire(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.tick_all.clicked.connect(lambda: self.proposals.tick_all(True))
        self.untick_all.clicked.connect(lambda: self.proposals.tick_all(False))
        space = QShortcut(QKeySequence(Qt.Key.Key_Space), self.proposal_table)
        space.setContext(Qt.ShortcutContext.WidgetShortcut)
        space.activated.connect(lambda: self.proposals.toggle(self.proposal_table.currentIndex().row()))
        for table, model in ((self.proposal_table, self.proposals), (self.unresolved_table, self.unresolved)):
            table.selectionModel().currentRowChanged.connect(
                lambda current, _previous, model=model: self._show_detail(model, current))
        if self.proposals.rowCount():
            self.proposal_table.selectRow(0)
            self.proposal_table.setFocus()
        else:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setFocus()

    def _show_detail(self, model, current: QModelIndex) -> None:
        self.detail.setText(model.detail(current.row()) if current.isValid() else "")

    def accepted_proposals(self) -> tuple:
        """The ticked proposals, in the order shown."""
        return self.proposals.chosen()
