"""The checklist as a table model, and a proxy that filters with precomputed keys.

Built for 10,000 rows: the source model sorts itself with Python keys (one
pass, no Qt comparisons), and the proxy computes the accepted rows in one
Python pass per filter change; ``filterAcceptsRow`` is a set lookup.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from app.domain.progress import DONE, SKIPPED
from app.domain.vietnamese import collation_key, fold
from app.services.checklist import ChecklistRow

# The columns the clerk reads first (what, when, how far) come first; who and where follow.
COLUMNS = ("STT", "Nhiệm vụ", "Kỳ / hạn", "Trạng thái", "Hoàn thành", "Tài liệu", "Chủ trì", "Phối hợp", "Lĩnh vực")
STATUS_COLUMN = COLUMNS.index("Trạng thái")
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex
_RED, _ORANGE, _GREEN, _GRAY = QColor("#b00020"), QColor("#b35c00"), QColor("#1b5e20"), QColor("#707070")


def _due_text(row: ChecklistRow) -> str:
    due = f"{row.due:%d/%m/%Y}" if row.due else "Chưa xác định hạn"
    return f"{row.period} — {due}" if row.period else due


class ChecklistModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[ChecklistRow] = []
        self.today = date.today()

    def set_rows(self, rows: list[ChecklistRow], today: date | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.today = today or date.today()
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def _text(self, row: ChecklistRow, column: int) -> str:
        texts = (
            lambda: row.number, lambda: row.title, lambda: _due_text(row), lambda: row.state(self.today),
            lambda: f"{row.completed_on:%d/%m/%Y}" if row.completed_on else "",
            lambda: str(row.evidence_count) if row.evidence_count else "",
            lambda: row.lead, lambda: row.coordinators, lambda: row.area_title,
        )
        return texts[column]()

    def _colour(self, row: ChecklistRow):
        if row.overdue(self.today):
            return _RED
        if row.done_late:
            return _ORANGE
        if row.status == DONE:
            return _GREEN
        if row.status == SKIPPED:
            return _GRAY
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self._text(row, index.column())
            return f"{tip}\nLý do: {row.reason}" if row.reason and index.column() == STATUS_COLUMN else tip
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == STATUS_COLUMN:
            return self._colour(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, 4, 5):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == ROW_ROLE:
            return row
        return None

    def _sort_key(self, column: int):
        today = self.today
        keys = {
            0: lambda r: r.order_key,
            1: lambda r: collation_key(r.title),
            2: lambda r: (r.due or date.max, r.order_key),
            3: lambda r: (collation_key(r.state(today)), r.due or date.max),
            4: lambda r: (r.completed_on or date.max, r.order_key),
            5: lambda r: (r.evidence_count, r.order_key),
            6: lambda r: (collation_key(r.lead), r.order_key),
            7: lambda r: (collation_key(r.coordinators), r.order_key),
            8: lambda r: (collation_key(r.area_title), r.order_key),
        }
        return keys.get(column, keys[0])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python with Vietnamese keys: one pass instead of Qt's per-pair comparisons."""
        self.layoutAboutToBeChanged.emit()
        self.rows.sort(key=self._sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()

    def row_of_occurrence(self, occurrence_id: int) -> int:
        return next((i for i, row in enumerate(self.rows) if row.occurrence_id == occurrence_id), -1)


class ChecklistFilter(QSortFilterProxyModel):
    """Area, lead, status ("overdue" included), quarter and diacritic-free words; all must match."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.criteria: dict = {"area": None, "lead": None, "status": None, "quarter": None, "overdue": False, "words": []}
        self._accepted: set[int] = set()
        self._mask: list[bool] | None = []

    def setSourceModel(self, model) -> None:  # noqa: N802 (Qt's name)
        # On a reset only the sets are recomputed: the proxy re-filters itself as part of the
        # reset, and starting a filter change in the middle of it crashes Qt (seen with 6.12).
        model.modelReset.connect(self._recompute_sets)
        model.layoutAboutToBeChanged.connect(self._hold)
        model.layoutChanged.connect(self._remask_silently)
        super().setSourceModel(model)
        self._recompute_sets()

    def _hold(self, *_args) -> None:
        self._mask = None  # rows are moving: fall back to the id set until they settle

    def _remask_silently(self, *_args) -> None:
        self._mask = [row.occurrence_id in self._accepted for row in self.sourceModel().rows]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def set_criterion(self, name: str, value) -> None:
        self.criteria[name] = fold(value).split() if name == "words" else value
        self._recompute()

    def _tests(self, today: date) -> list:
        """One small predicate per active criterion: rows are checked only against what is set."""
        c, tests = self.criteria, []
        if c["area"] is not None:
            tests.append(lambda row, area=c["area"]: row.area_title == area)
        if c["lead"] is not None:
            tests.append(lambda row, lead=c["lead"]: row.lead == lead)
        if c["quarter"] is not None:
            tests.append(lambda row, quarter=c["quarter"] or None: row.quarter == quarter)
        if c["overdue"] or c["status"] == "overdue":
            tests.append(lambda row: row.overdue(today))
        if c["status"] not in (None, "overdue"):
            tests.append(lambda row, status=c["status"]: row.status == status)
        for word in c["words"]:
            tests.append(lambda row, word=word: word in row.search_key)
        return tests

    def _recompute_sets(self, *_args) -> None:
        model = self.sourceModel()
        tests = self._tests(model.today)
        # By occurrence id, not row number, so the set stays right when the source sorts itself.
        self._accepted = {row.occurrence_id for row in model.rows if all(test(row) for test in tests)}
        self._remask_silently()

    def _recompute(self, *_args) -> None:
        self._recompute_sets()
        self._refilter()

    def _refilter(self) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        if self._mask is not None:
            return self._mask[source_row]
        return self.sourceModel().rows[source_row].occurrence_id in self._accepted
