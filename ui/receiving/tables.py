"""The receiving window's two tables: the year's communes ranked, and every package received.

Read-only models over the frozen rows of ``app/receiving/queries.py``; each cell gives a sort key
(``SORT_ROLE``: numbers as numbers, names by Vietnamese collation) so a click on a header sorts as the
specialist expects, and the filter box keeps the rows whose folded text holds every word typed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from app.domain.points import format_points
from app.domain.vietnamese import collation_key, fold
from app.receiving.models import PERIOD_LABELS, REFUSED, REPLACED, RankingRow, ReceivedRow
from ui.models.row_table_model import RowTableModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex
_LAST = 10**9  # unranked / unscored rows sort after every ranked one


class CommunesModel(RowTableModel):
    """One row per commune with a package of the year: ``RankingRow`` and its proposals' count."""

    HEADERS = ("Hạng", "Xã, phường", "Tỉnh", "Kỳ", "Tình trạng", "Tự chấm", "Thẩm định", "Xếp loại",
               "Nhiệm vụ xong", "Đề nghị khen")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.proposals: dict[int, int] = {}

    def set_year(self, rows: tuple[RankingRow, ...], proposals: dict[int, int]) -> None:
        self.proposals = proposals
        self.replace_rows(rows)

    def row_at(self, row: int) -> RankingRow:
        return self._rows[row]

    def rows_shown(self) -> tuple[RankingRow, ...]:
        """The year's rows as read (whatever the filter hides)."""
        return tuple(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row: RankingRow = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == SORT_ROLE:
            return self._key(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, 5, 6, 8, 9):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0 and row.rank is not None:
            return f"Xếp hạng trong nhóm cùng bộ tiêu chí: {row.set_label}"
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 8:
            return f"{row.tasks_done} nhiệm vụ hoàn thành trên tổng số {row.tasks_total}; quá hạn {row.tasks_overdue}"
        return None

    def _text(self, row: RankingRow, column: int) -> str:
        return (
            str(row.rank) if row.rank is not None else "—",
            row.commune,
            row.province,
            PERIOD_LABELS.get(row.period, row.period),
            _state(row),
            format_points(row.self_total, "—"),
            format_points(row.appraised_total, "—"),
            row.rating or "—",
            f"{row.tasks_done}/{row.tasks_total}",
            str(self.proposals.get(row.package_id, 0)),
        )[column]

    def _key(self, row: RankingRow, column: int):
        numbers = {0: row.rank if row.rank is not None else _LAST, 5: _number(row.self_total),
                   6: _number(row.appraised_total), 8: row.tasks_done, 9: self.proposals.get(row.package_id, 0)}
        if column in numbers:
            return numbers[column]
        return collation_key(self._text(row, column))


def _state(row: RankingRow) -> str:
    if row.self_total is None:
        return "Không có bảng tự chấm"
    return "Đã thẩm định" if row.appraised_total is not None else "Chưa thẩm định"


def _number(value) -> float:
    return float(value) if value is not None else -1.0


class PackagesModel(RowTableModel):
    """Every package file seen (of the year, and those unreadable enough to have no year)."""

    HEADERS = ("Tệp gói", "Xã, phường", "Tỉnh", "Năm", "Kỳ", "Xuất lúc", "Trạng thái", "Lý do")

    def row_at(self, row: int) -> ReceivedRow:
        return self._rows[row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row: ReceivedRow = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            text = self._text(row, index.column())
            if role == SORT_ROLE:
                return row.year if index.column() == 3 else row.exported_at if index.column() == 5 else collation_key(text)
            return text
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (0, 7):
            return row.path if index.column() == 0 else row.reason
        if role == Qt.ItemDataRole.ForegroundRole and row.status in (REFUSED, REPLACED):
            from PySide6.QtGui import QColor

            return QColor("#b00020") if row.status == REFUSED else QColor("#707070")
        return None

    def _text(self, row: ReceivedRow, column: int) -> str:
        return (Path(row.path).name, row.commune or "(không đọc được)", row.province, str(row.year or ""),
                row.period_label, row.exported_label, row.status_label, row.reason)[column]


class WordsFilter(QSortFilterProxyModel):
    """Keeps the rows whose cells, folded (no tones, no case), hold every word typed; sorts on ``SORT_ROLE``."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._words: list[str] = []

    def set_words(self, text: str) -> None:
        words = fold(text).split()
        if hasattr(self, "endFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = words
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802 - Qt's name
        if not self._words:
            return True
        model = self.sourceModel()
        text = fold(" ".join(str(model.index(source_row, column).data() or "")
                             for column in range(model.columnCount())))
        return all(word in text for word in self._words)
