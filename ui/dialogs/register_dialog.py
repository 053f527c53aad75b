"""The frame the register dialogs share (collectives, initiatives, discipline): table, form, undo.

The registers (collectives, initiatives, discipline) are each a table with add,
edit and delete, every change one service action and one step of the journal's
undo, mirrored on the shared stack. ``RegisterDialog`` holds that frame so each dialog file says only which
columns it shows, which form it opens and which service it calls.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.changes import Changes, Done
from ui.models.row_table_model import RowTableModel
from ui.runner import attempt
from ui.widgets.fit import fit_to_screen
from ui.widgets.form_dialog import FormDialog



class RegisterModel(RowTableModel):
    """A register's rows as text cells; the tooltip repeats a cell in full, since the table elides."""

    @property
    def rows(self) -> list:
        return self._rows

    def texts(self, item) -> tuple[str, ...]:
        raise NotImplementedError

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.texts(self._rows[index.row()])[index.column()]
        return None


def follow_stack(dialog, on: bool) -> None:
    """Reload ``dialog`` on undo and redo only while it is shown: a closed dialog never hears from the stack."""
    if on and not getattr(dialog, "_following", False):
        dialog.undo_stack.indexChanged.connect(dialog._stack_moved)
    elif not on and getattr(dialog, "_following", False):
        dialog.undo_stack.indexChanged.disconnect(dialog._stack_moved)
    dialog._following = on


class RegisterDialog(QDialog):
    """A register's table with add, edit and delete; undo and redo reach the same stack as the main window.

    Subclasses set ``TITLE``, ``NOUN``, ``MODEL`` and implement ``load``,
    ``make_form`` (whose save returns the service's ``Done`` of the saved id) and ``delete``.
    """

    TITLE = ""
    NOUN = "bản ghi"
    MODEL = None
    STRETCH_COLUMN = 1
    COLUMN_WIDTHS: tuple[int, ...] = ()
    WIDTH = 760

    def __init__(self, store, undo_stack, notify, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.undo_stack, self.notify, self.year = store, undo_stack, notify, year
        self.setWindowTitle(self.TITLE)
        self.model = self.MODEL(self)
        self.table = self._make_table()
        self.count = QLabel(objectName="count")
        self.add_button = QPushButton("Thêm…", objectName="add", clicked=self.add)
        self.edit_button = QPushButton("Sửa…", objectName="edit", clicked=self.edit_selected)
        self.delete_button = QPushButton("Xóa", objectName="delete", clicked=self.delete_selected)
        self.undo_button = QPushButton("Hoàn tác", objectName="undo", clicked=self.undo_stack.undo)
        self.redo_button = QPushButton("Làm lại", objectName="redo", clicked=self.undo_stack.redo)
        self._build()
        self._shortcuts()
        self._show_undo_state()
        self.reload()
        fit_to_screen(self, self.WIDTH, 440)

    def _make_table(self) -> QTableView:
        table = QTableView(objectName="register_table")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)  # one line a record; the tooltip holds the full text
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(self.COLUMN_WIDTHS):
            header.resizeSection(column, width)
        header.setSectionResizeMode(self.STRETCH_COLUMN, QHeaderView.ResizeMode.Stretch)
        table.doubleClicked.connect(self.edit_selected)
        return table

    def _build(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addSpacing(16)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.redo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = self.intro()
        if intro:
            label = QLabel(intro, objectName="intro", wordWrap=True)
            label.setStyleSheet("color: #555")
            layout.addWidget(label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)

    def _shortcuts(self) -> None:
        for keys, slot in (
            (QKeySequence.StandardKey.Undo, self.undo_stack.undo),
            (QKeySequence("Ctrl+Y"), self.undo_stack.redo),
            (QKeySequence("Ctrl+Shift+Z"), self.undo_stack.redo),
            (QKeySequence(Qt.Key.Key_Insert), self.add),
            (QKeySequence(Qt.Key.Key_Delete), self.delete_selected),
        ):
            QShortcut(keys, self, activated=slot)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Enter edits the selected record, as in the officials table; it never presses a button by accident."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.edit_selected()
            return
        super().keyPressEvent(event)

    def intro(self) -> str:
        """One line under the title saying what the register is for (optional)."""
        return ""

    # --- what subclasses say -------------------------------------------------------------

    def load(self) -> list:
        raise NotImplementedError

    def make_form(self, item) -> FormDialog:
        """The form for ``item`` (None: a new one); its save returns ``Done`` of the saved entry's id."""
        raise NotImplementedError

    def delete(self, item) -> Changes:
        """Delete ``item`` through the service (raises UserError when refused)."""
        return self.deleted(item)

    # Registers whose services keep their own undo steps (the awards area, until it moves to the journal)
    # implement these instead; the lead removes them with ``DoneCommand``.
    def added(self, result):
        raise NotImplementedError

    def edited(self, before, result):
        raise NotImplementedError

    def deleted(self, item):
        raise NotImplementedError

    def push(self, step) -> None:
        self.undo_stack.push(step)
        self.notify(step.changes)

    # --- the frame ------------------------------------------------------------------------

    def reload(self) -> None:
        kept = self.selected()
        self.model.replace_rows(attempt(self, self.load).value_or([]))
        self.select(kept.id if kept is not None else None)
        self.count.setText(f"{len(self.model.rows)} {self.NOUN}")

    def selected(self):
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() and index.row() < len(self.model.rows) else None

    def select(self, item_id: int | None) -> None:
        row = next((number for number, item in enumerate(self.model.rows) if item.id == item_id), -1)
        if row >= 0:
            self.table.selectRow(row)

    def add(self) -> None:
        self._through_form(None)

    def edit_selected(self, *_args) -> None:
        item = self.selected()
        if item is not None:
            self._through_form(item)

    def _through_form(self, item) -> None:
        form = self.make_form(item)
        try:
            if form.exec():
                self.saved(item, form.result_value)
        finally:
            form.deleteLater()

    def saved(self, item, result) -> None:
        if not isinstance(result, Done):  # an undo step of its own: a register not yet on the journal
            step = self.added(result) if item is None else self.edited(item, result)
            self.push(step)
            self.select(step.item_id)
            return
        self.record(result.changes)
        self.select(result.value)

    def delete_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        outcome = attempt(self, lambda: self.delete(item))
        if not outcome.ok:
            return
        if isinstance(outcome.value, Changes):
            self.record(outcome.value)
        elif outcome.value is not None:
            self.push(outcome.value)

    def record(self, changes: Changes) -> None:
        """One step on the shared stack (the table reloads when the stack moves) and every screen told."""
        self.undo_stack.record(changes, origin=self)
        if changes and not changes.step:
            self.reload()  # a change with no step moves no stack

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        follow_stack(self, True)
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802
        follow_stack(self, False)
        super().hideEvent(event)

    def _stack_moved(self, _index: int) -> None:
        self._show_undo_state()
        self.reload()

    def _show_undo_state(self) -> None:
        for button, can, text, word in (
            (self.undo_button, self.undo_stack.canUndo(), self.undo_stack.undoText(), "Hoàn tác"),
            (self.redo_button, self.undo_stack.canRedo(), self.undo_stack.redoText(), "Làm lại"),
        ):
            button.setEnabled(can)
            button.setToolTip(f"{word}: {text}" if text else word)
