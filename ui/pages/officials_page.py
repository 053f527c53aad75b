"""Cán bộ, công chức: the officials table with search, add, edit and delete (all undoable)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import officials as service
from app.services.changes import OFFICIALS, Changes
from app.services.offices import list_offices
from app.store import Store
from ui.dialogs.official_dialog import OfficialDialog
from ui.models.officials_model import ID_ROLE, POSITION_COLUMN, OfficialsFilter, OfficialsTableModel
from ui.widgets.autosave import transient
from ui.pages.page import Page
from ui.runner import attempt
from ui.widgets.table_habits import install_row_copy, remember_columns


class OfficialsPage(Page):

    def __init__(self, store: Store, undo_stack, notify, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.undo_stack, self.notify = store, undo_stack, notify
        self.model = OfficialsTableModel(self)
        self.proxy = OfficialsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = self._make_table()
        self.search = transient(QLineEdit(objectName="search", placeholderText="Tìm theo tên, chức vụ, bộ phận (gõ có dấu hoặc không dấu)…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)
        self.show_inactive = QCheckBox("Hiện cả người đã nghỉ", objectName="show_inactive", checked=True)
        self.show_inactive.toggled.connect(self.proxy.set_show_inactive)
        self.count = QLabel(objectName="count")
        self.add_button = QPushButton("Thêm… (Insert)", objectName="add", clicked=self.add_official)
        self.edit_button = QPushButton("Sửa… (Enter)", objectName="edit", clicked=self.edit_selected)
        self.delete_button = QPushButton("Xóa (Del)", objectName="delete", clicked=self.delete_selected)
        self.offices_button = QPushButton("Cơ quan, bộ phận…", objectName="offices", clicked=self.open_offices)
        self._layout()
        self._shortcuts()
        self.proxy.rowsInserted.connect(self._show_count)
        self.proxy.rowsRemoved.connect(self._show_count)
        self.proxy.modelReset.connect(self._show_count)
        self.proxy.layoutChanged.connect(self._show_count)
        self.reload()

    def _make_table(self) -> QTableView:
        table = QTableView(objectName="officials_table")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Room for the position itself ("Công chức Văn phòng - Thống kê"); on a narrow screen the table scrolls
        # sideways instead of squeezing it to three letters.
        header.setSectionResizeMode(POSITION_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(POSITION_COLUMN, 220)
        table.setWordWrap(False)  # one line a person; the full text is in the tooltip
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
        table.doubleClicked.connect(self.edit_selected)
        install_row_copy(table)
        remember_columns(table, "officials", self.store.folder.window_settings)
        return table

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.show_inactive)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addSpacing(16)
        buttons.addWidget(self.offices_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _shortcuts(self) -> None:
        for keys, slot in (
            (QKeySequence(Qt.Key.Key_Insert), self.add_official),
            (QKeySequence(Qt.Key.Key_Delete), self.delete_selected),
            (QKeySequence(Qt.Key.Key_Return), self.edit_selected),
            (QKeySequence(Qt.Key.Key_Enter), self.edit_selected),
        ):  # Ctrl+F is the window's search across all the data (ui/dialogs/search_dialog.py)
            shortcut = QShortcut(keys, self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def reload(self, keep_id: int | None = None) -> None:
        keep_id = keep_id if keep_id is not None else self.selected_id()
        self.model.set_rows(service.list_officials(self.store))
        self.select(keep_id)
        self._show_count()

    def refresh(self, changes: Changes) -> None:
        if changes.touches(OFFICIALS):
            self.reload()

    def _show_count(self, *_args) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(f"{shown} / {total} người" if shown != total else f"{total} người")

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].data(ID_ROLE) if rows else None

    def select(self, official_id: int | None) -> None:
        if official_id is None:
            return
        source_row = self.model.row_of(official_id)
        if source_row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def add_official(self) -> None:
        dialog = OfficialDialog(self, offices=self._offices())
        if not dialog.exec():
            return
        added = attempt(self, lambda: service.add_official(self.store, dialog.result_data))
        if added.ok:
            self.undo_stack.record(added.value.changes)
            self.select(added.value.value.id)

    def edit_selected(self, *_args) -> None:
        official_id = self.selected_id()
        if official_id is None:
            return
        before = attempt(self, lambda: service.get_official(self.store, official_id))
        if not before.ok:
            return
        dialog = OfficialDialog(self, before.value.data, self._offices())
        if not dialog.exec():
            return
        after = attempt(self, lambda: service.update_official(self.store, official_id, dialog.result_data))
        if after.ok:
            self.undo_stack.record(after.value.changes)

    def _offices(self) -> list:
        return attempt(self, lambda: list_offices(self.store)).value_or([])

    def open_offices(self) -> None:
        """Cơ quan, bộ phận: the offices officials belong to (their own undoable edits)."""
        from datetime import date

        from ui.dialogs.offices_dialog import OfficesDialog

        dialog = OfficesDialog(self.store, self.undo_stack, self.notify, date.today().year, self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
        self.reload()

    def delete_selected(self) -> None:
        official_id = self.selected_id()
        if official_id is None:
            return
        deleted = attempt(self, lambda: service.delete_official(self.store, official_id))
        if not deleted.ok:
            return
        changes = deleted.value
        self.undo_stack.record(changes)
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(f"Đã {changes.label[0].lower()}{changes.label[1:]}. "
                                           "Nhấn Ctrl+Z để hoàn tác.", 8000)
