"""What every table of the app does as a spreadsheet does: Ctrl+C copies the selected rows
as tab-separated text (Excel and LibreOffice paste it into columns), and the column widths
and sort order the clerk chose come back the next time (kept in the data folder's window.ini,
beside the window's geometry, never in the registry)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView

SAVE_PAUSE_MS = 400  # a column dragged wider is written once the drag pauses, not once per pixel


def rows_as_text(view: QAbstractItemView) -> str:
    """The selected rows (or the current one) in the order shown, visible columns, cells joined by tabs."""
    selected = view.selectionModel().selectedRows() if view.selectionModel() else []
    if not selected and view.currentIndex().isValid():
        selected = [view.currentIndex().siblingAtColumn(0)]
    model = view.model()
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    shown = [c for c in range(model.columnCount(view.rootIndex())) if not _hidden(view, c)]
    columns = sorted(shown, key=header.visualIndex)  # the order on screen, columns dragged included
    lines = []
    for index in sorted(selected, key=_path):
        cells = (index.siblingAtColumn(column).data(Qt.ItemDataRole.DisplayRole) for column in columns)
        lines.append("\t".join(_cell(value) for value in cells))
    return "\n".join(lines)


def _path(index) -> tuple[int, ...]:
    """Where a row sits in a tree (its parents' rows, then its own): the order the clerk sees."""
    path = []
    while index.isValid():
        path.append(index.row())
        index = index.parent()
    return tuple(reversed(path))


def _hidden(view: QAbstractItemView, column: int) -> bool:
    return view.isColumnHidden(column) if isinstance(view, (QTableView, QTreeView)) else False


def _cell(value) -> str:
    """One cell on one line: a tab or a line break inside it would split it across cells or rows."""
    return " ".join(str(value).split()) if value is not None else ""


class _CopyKey(QObject):
    """Ctrl+C pressed in the table: the rows, not the one cell QAbstractItemView copies by itself."""

    def __init__(self, view: QAbstractItemView, action: QAction) -> None:
        super().__init__(view)
        self.action = action

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and event.matches(QKeySequence.StandardKey.Copy):
            self.action.trigger()
            return True
        return False


def install_row_copy(view: QAbstractItemView) -> QAction:
    """Ctrl+C on the table (and its context menu's item) copies its selected rows; a field's Ctrl+C stays the field's."""
    action = QAction("Sao chép các dòng đang chọn", view, objectName="copy_rows", shortcut=QKeySequence.StandardKey.Copy)
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(lambda: QGuiApplication.clipboard().setText(rows_as_text(view)))
    view.addAction(action)
    view.installEventFilter(_CopyKey(view, action))
    return action


def remember_columns(view: QTableView | QTreeView, key: str, settings_path: Path) -> None:
    """Widths, order and sort of ``view``'s columns restored now and saved whenever the clerk changes them."""
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    name = f"tables/{key}-{header.count()}"  # a new version with other columns starts from its defaults
    state = QSettings(str(settings_path), QSettings.Format.IniFormat).value(name)
    if state is not None and header.restoreState(state) and view.isSortingEnabled() and header.sortIndicatorSection() >= 0:
        view.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
    timer = QTimer(view, singleShot=True, interval=SAVE_PAUSE_MS)
    timer.timeout.connect(lambda: _save(header, name, settings_path))
    for signal in (header.sectionResized, header.sectionMoved, header.sortIndicatorChanged):
        signal.connect(lambda *_: timer.start())


def _save(header: QHeaderView, name: str, settings_path: Path) -> None:
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    settings.setValue(name, header.saveState())
    settings.sync()
