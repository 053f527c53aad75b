"""The parts of the award-dossier page (Khen thưởng): what every tab shows, and the fields they share.

The page reads the dossier once per change (``app.services.dossier_view.read_page``) and
hands the same ``DossierView`` to each tab; a tab only shows it and asks ``Edits`` (in
``commands.py``) to change something. ``AutoField`` is how every field saves
itself; the table helpers keep the tabs' tables alike.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView

from app.services.dossier import Nomination
from app.services.dossier_view import DossierView  # noqa: F401 (what every tab shows)
from ui.models.row_table_model import RowTableModel
from ui.widgets.autosave import Autosave

GREEN, RED, GREY = "#1b5e20", "#b00020", "#707070"
ORANGE = "#b35c00"  # a warning: the papers print, but disagree with each other
NOTE_STYLE = f"color: {GREY}"
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # a row's id (nomination or council member)


def eligibility_word(nomination: Nomination) -> tuple[str, str]:
    """"Đủ", "Chưa đủ" or "Chưa rõ", and its colour."""
    eligible = nomination.eligibility.eligible
    if eligible is True:
        return "Đủ", GREEN
    return ("Chưa đủ", RED) if eligible is False else ("Chưa rõ", GREY)


def state_colour(state: bool | None) -> QColor:
    return QColor(GREEN if state is True else RED if state is False else GREY)


def html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")


def note_label(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text, objectName=name, wordWrap=True)
    label.setStyleSheet(NOTE_STYLE)
    return label


def make_table(model, name: str) -> QTableView:
    """A read-only table of whole rows, one line each (cells elide; tooltips hold the whole text)."""
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.horizontalHeader().setStretchLastSection(True)
    table.setMinimumWidth(200)
    return table


def select_row(table: QTableView, row: int) -> None:
    """Make ``row`` the current, selected row and scroll to it (nothing for -1)."""
    if row >= 0:
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        index = table.model().index(row, 0)
        table.selectionModel().setCurrentIndex(index, flags)
        table.scrollTo(index)


def fit_rows(table: QTableView, rows: int) -> None:
    """Show ``rows`` rows (3 to 10) without an inner scroll bar: the tab itself scrolls."""
    shown = min(max(rows, 3), 10)
    height = table.horizontalHeader().sizeHint().height() + table.verticalHeader().defaultSectionSize() * shown
    height += table.horizontalScrollBar().sizeHint().height()  # a narrow window scrolls sideways
    table.setFixedHeight(height + 2 * table.frameWidth() + 2)


class KeyedRowsModel(RowTableModel):
    """Rows with an id each: new values for the same ids change cells in place (open editors and the
    selection survive a save); other ids reset the model."""

    def show_rows(self, rows, key: Callable) -> None:
        if [key(row) for row in rows] == [key(row) for row in self._rows] and rows:
            self._rows = list(rows)
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1))
        else:
            self.replace_rows(rows)

    def row_of(self, item_id: int | None) -> int:
        return next((row for row in range(len(self._rows)) if self.index(row, 0).data(ID_ROLE) == item_id), -1)


class AutoField(QObject):
    """One field of a saved record: saved on a pause in typing, on leaving it, or at once for a click.

    ``show(key, value)`` puts the stored value of record ``key`` in the field; it keeps what the clerk
    is typing for the same record (saved a moment later), so a reload never eats typing. ``save(key,
    value)`` returns False when the value was refused: the field goes back to the stored value.
    """

    def __init__(self, read: Callable, write: Callable, save: Callable[[object, object], bool],
                 changed=(), finished=(), focus=(), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.read, self.write, self.save = read, write, save
        self.key: object = None
        self.saved: object = None
        self.autosave = Autosave(self._save, self)
        for signal in changed:
            signal.connect(self.autosave.changed)
        for signal in finished:
            signal.connect(self.autosave.flush)
        for widget in focus:
            widget.installEventFilter(self)
            self.autosave.fields.append(widget)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FocusOut:
            self.autosave.flush()
        return super().eventFilter(watched, event)

    def show(self, key, value) -> None:
        if key != self.key:
            self.autosave.flush()  # what was typed belongs to the record shown before
        elif self.read() != self.saved:
            return  # typing not saved yet: it wins over the value read back
        if key != self.key or self.read() != value:  # rewriting the same text would move the cursor
            with self.autosave:
                self.write(value)
        self.key, self.saved = key, self.read()

    def flush(self) -> None:
        self.autosave.flush()

    def _save(self) -> None:
        if self.key is None:
            return
        value, before = self.read(), self.saved
        if value == before:
            return
        self.saved = value
        if not self.save(self.key, value):
            self.saved = before
            if self.autosave.refused():
                return  # the disk refused it: the text stays in the field, marked, and is saved on the next try
            with self.autosave:
                self.write(before)
