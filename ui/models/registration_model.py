"""The registration grid as a table model: collectives, then officials, down; the titles across, a tick each.

A title meant for collectives is greyed on an official's row and cannot be
ticked, and the other way round. A tick only asks for the change
(``toggled``); the dialog calls the service and shows the result on reload.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from app.domain.awards import AwardKind
from app.services.registration import OFFICIAL, Registration

NOT_APPLICABLE = QColor("#e4e4e4")
HEADING = QColor("#eef2f7")
_CHECKED = Qt.CheckState.Checked.value


@dataclass(frozen=True)
class Subject:
    """One row of the grid: an official or a collective."""

    kind: str
    id: int
    name: str
    detail: str  # position and department, or the collective's department

    @property
    def wanted(self) -> str:
        return "individual" if self.kind == OFFICIAL else "collective"


def titles(kinds: dict[str, AwardKind]) -> list[tuple[str, AwardKind]]:
    """The award kinds one registers for: the titles (danh hiệu thi đua), in the catalogue's order."""
    return [(key, kind) for key, kind in kinds.items() if kind.kind == "title"]


class RegistrationModel(QAbstractTableModel):
    """Rows: a heading (str) or a ``Subject``; column 0 the name, then one tick per title.
    A tick asks for the change through ``toggled`` and shows it once the dialog reloads."""

    toggled = Signal(object, str, bool)  # subject, award key, registered

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[str | Subject] = []
        self.kinds: list[tuple[str, AwardKind]] = []
        self.registered: set[Registration] = set()

    def show(self, rows, kinds, registered: set[Registration]) -> None:
        if rows == self.rows and kinds == self.kinds:
            self.registered = set(registered)
            if rows and kinds:
                self.dataChanged.emit(self.index(0, 1), self.index(len(rows) - 1, len(kinds)))
            return
        self.beginResetModel()
        self.rows, self.kinds, self.registered = list(rows), list(kinds), set(registered)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 1 + len(self.kinds)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return "Họ và tên / tên tập thể" if section == 0 else textwrap.fill(self.kinds[section - 1][1].name, 14)
        if role == Qt.ItemDataRole.ToolTipRole and section:
            kind = self.kinds[section - 1][1]
            return f"{kind.name} — {'cá nhân' if kind.subject == 'individual' else 'tập thể'}"
        return None

    def applies(self, index) -> bool:
        row = self.rows[index.row()]
        return isinstance(row, Subject) and index.column() > 0 and self.kinds[index.column() - 1][1].applies_to(
            row.wanted)

    def registration(self, index) -> Registration:
        row = self.rows[index.row()]
        return Registration(row.kind, row.id, self.kinds[index.column() - 1][0])

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if isinstance(row, str):
            return self._heading(row, column, role)
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return row.name
            return f"{row.name}\n{row.detail}" if role == Qt.ItemDataRole.ToolTipRole and row.detail else None
        kind = self.kinds[column - 1][1]
        if not self.applies(index):
            if role == Qt.ItemDataRole.BackgroundRole:
                return NOT_APPLICABLE
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"“{kind.name}” không dành cho {'cá nhân' if row.kind == OFFICIAL else 'tập thể'}."
            return None
        if role == Qt.ItemDataRole.CheckStateRole:
            on = self.registration(index) in self.registered
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.name} — {kind.name}"
        return None

    @staticmethod
    def _heading(text: str, column: int, role):
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return text
        if role == Qt.ItemDataRole.BackgroundRole:
            return HEADING
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.applies(index):
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == 0 or isinstance(self.rows[index.row()], str):
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.NoItemFlags  # greyed: this title is not for this kind of subject

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 (Qt's name)
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or not self.applies(index):
            return False
        on = (value.value if hasattr(value, "value") else int(value)) == _CHECKED
        if on != (self.registration(index) in self.registered):
            self.toggled.emit(self.rows[index.row()], self.kinds[index.column() - 1][0], on)
        return True
