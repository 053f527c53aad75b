"""The evaluated subjects as a table (collectives first, then officials) and a filter by verdict."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from app.services.emulation_evaluation import Subject
from ui.models.row_table_model import RowTableModel

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # (kind, id)
COLUMNS = ("Tên", "Chức vụ/bộ phận", "Kết quả", "Lý do")
NAME, DETAIL, RESULT, REASON = range(4)
QUALIFIED, NOT_QUALIFIED, UNDECIDED = "qualified", "not_qualified", "undecided"
RESULTS = {QUALIFIED: "Đủ tiêu chuẩn", NOT_QUALIFIED: "Chưa đủ", UNDECIDED: "Chưa rõ"}
FILTERS = (("Tất cả", None), *((label, key) for key, label in RESULTS.items()))
COLOURS = {QUALIFIED: QColor("#1b5e20"), NOT_QUALIFIED: QColor("#b00020"), UNDECIDED: QColor("#707070")}


def result_of(subject: Subject) -> str:
    qualifies = subject.verdict.qualifies
    return UNDECIDED if qualifies is None else (QUALIFIED if qualifies else NOT_QUALIFIED)


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class SubjectsModel(RowTableModel):
    """One row a subject; the reason column elides the verdict, its tooltip holds it whole."""

    HEADERS = COLUMNS

    @property
    def rows(self) -> list[Subject]:
        return self._rows

    def row_of(self, key: tuple[str, int] | None) -> int:
        return next((row for row, subject in enumerate(self._rows) if subject.key == key), -1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        subject, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(subject, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return subject.verdict.summary if column in (RESULT, REASON) else self._text(subject, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == RESULT:
            return COLOURS[result_of(subject)]
        if role == Qt.ItemDataRole.FontRole and (column == RESULT or (column == NAME and subject.kind == "collective")):
            return _bold()
        if role == KEY_ROLE:
            return subject.key
        return None

    @staticmethod
    def _text(subject: Subject, column: int) -> str:
        if column == NAME:
            return subject.name
        if column == DETAIL:
            return subject.detail
        if column == RESULT:
            return RESULTS[result_of(subject)]
        return subject.verdict.summary


class SubjectsFilter(QSortFilterProxyModel):
    """Shows every subject, or only those with one verdict."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.result: str | None = None

    def set_result(self, result: str | None) -> None:
        if hasattr(self, "endFilterChange"):  # Qt 6.10 and later (6.9 has beginFilterChange alone)
            self.beginFilterChange()
            self.result = result
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.result = result
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802 (Qt's name)
        return self.result is None or result_of(self.sourceModel().rows[source_row]) == self.result
