"""Officials as a table model, with a proxy that filters by folded text and sorts the Vietnamese way."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from app.domain.vietnamese import collation_key, fold
from app.services.officials import Official

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS = ("Họ và tên", "Giới tính", "Năm sinh", "Chức vụ", "Bộ phận", "Loại", "Trạng thái")
_ATTRIBUTES = ("full_name", "gender", "birth_year", "position", "department", "category", "active")
_Index = QModelIndex | QPersistentModelIndex
POSITION_COLUMN = _ATTRIBUTES.index("position")
# Short forms where the table is narrow; the tooltip keeps the full wording.
_SHORT = {"Người hoạt động không chuyên trách": "Không chuyên trách"}


class OfficialsTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[Official] = []

    def set_rows(self, rows: list[Official]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        official = self.rows[index.row()]
        attribute = _ATTRIBUTES[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._display(official, attribute)
            return _SHORT.get(text, text)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._display(official, attribute)
        if role == SORT_ROLE:
            return self._sort_value(official, attribute)
        if role == ID_ROLE:
            return official.id
        if role == Qt.ItemDataRole.ForegroundRole and not official.active:
            return Qt.GlobalColor.gray
        return None

    @staticmethod
    def _display(official: Official, attribute: str) -> str:
        value = getattr(official, attribute)
        if attribute == "active":
            return "Đang công tác" if value else "Đã nghỉ"
        return "" if value is None else str(value)

    @staticmethod
    def _sort_value(official: Official, attribute: str):
        if attribute == "full_name":
            return official.sort_key
        if attribute == "birth_year":
            return official.birth_year or 0
        if attribute == "active":
            return 0 if official.active else 1
        return collation_key(getattr(official, attribute))

    def row_of(self, official_id: int) -> int:
        return next((row for row, official in enumerate(self.rows) if official.id == official_id), -1)


class OfficialsFilter(QSortFilterProxyModel):
    """Shows rows whose folded text holds every folded word typed; hides inactive people unless asked."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._words: list[str] = []
        self._show_inactive = True

    def set_search(self, text: str) -> None:
        self._change_filter(lambda: setattr(self, "_words", fold(text).split()))

    def set_show_inactive(self, show: bool) -> None:
        self._change_filter(lambda: setattr(self, "_show_inactive", show))

    def _change_filter(self, change) -> None:
        if hasattr(self, "endFilterChange"):  # Qt 6.10 and later (6.9 has beginFilterChange alone)
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        official = self.sourceModel().rows[source_row]
        if not self._show_inactive and not official.active:
            return False
        return all(word in official.search_key for word in self._words)
