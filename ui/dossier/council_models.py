"""The tables of the council tab (Họp Hội đồng): its members, who attended, the votes, and the spin box
each vote is typed in.

A model only shows its rows and asks for a change through a signal (``marked``,
``voted``); the tab calls the service and reloads. A vote's count stays in its
spin box, always shown: arrows save at once, typed digits on Enter or on leaving it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSpinBox, QStyledItemDelegate

from app.domain.text import clean_line
from ui.dossier import ID_ROLE, KeyedRowsModel, state_colour

_CHECKED, _UNCHECKED = Qt.CheckState.Checked.value, Qt.CheckState.Unchecked.value
NO_VOTES = -1  # the spin box's "—": no count entered


class MembersModel(KeyedRowsModel):
    HEADERS = ("Vai trò", "Họ và tên", "Chức vụ")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        member = self._rows[index.row()]
        if role == ID_ROLE:
            return member.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (member.role, member.full_name, member.title)[index.column()]
        return None


class AttendanceModel(KeyedRowsModel):
    """Present and written-vote ticks, the reason of an absence; a change emits ``marked``."""

    HEADERS = ("Thành viên", "Có mặt", "Ý kiến văn bản", "Lý do vắng")
    PRESENT, WRITTEN, REASON = 1, 2, 3
    marked = Signal(int, bool, str, bool)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item, column = self._rows[index.row()], index.column()
        if role == ID_ROLE:
            return item.member.id
        if role == Qt.ItemDataRole.CheckStateRole and column in (self.PRESENT, self.WRITTEN):
            on = item.present if column == self.PRESENT else (item.written_vote and not item.present)
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return f"{item.member.full_name} ({item.member.role})"
            return item.absence_reason if column == self.REASON and not item.present else None
        return None

    def flags(self, index):
        flags = super().flags(index)
        absent = index.isValid() and not self._rows[index.row()].present
        if index.column() == self.PRESENT or (index.column() == self.WRITTEN and absent):
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == self.REASON and absent:
            return flags | Qt.ItemFlag.ItemIsEditable
        if index.column() == self.WRITTEN:
            return flags & ~Qt.ItemFlag.ItemIsEnabled
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 (Qt's name)
        item = self._rows[index.row()]
        present, reason, written = item.present, item.absence_reason, item.written_vote
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.PRESENT:
            present = _checked(value)
            reason, written = ("", False) if present else (reason, written)
        elif role == Qt.ItemDataRole.CheckStateRole and column == self.WRITTEN:
            written = _checked(value)
        elif role == Qt.ItemDataRole.EditRole and column == self.REASON:
            reason = clean_line(str(value or ""))
        else:
            return False
        if (present, reason, written) != (item.present, item.absence_reason, item.written_vote):
            self.marked.emit(item.member.id, present, reason, written)
        return True


def _checked(value) -> bool:
    return (value.value if hasattr(value, "value") else int(value)) == _CHECKED


class VotesModel(KeyedRowsModel):
    """Rows: (nomination, rule text, outcome text, passed). The count column is edited in a spin box."""

    HEADERS = ("Người được đề nghị", "Danh hiệu", "Phiếu đồng ý tại cuộc họp", "Cần đạt (căn cứ)", "Kết quả")
    COUNT, RESULT = 2, 4
    voted = Signal(int, object)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item, rule, result, passed = self._rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.EditRole and column == self.COUNT:
            return NO_VOTES if item.votes_for is None else item.votes_for
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            votes = "" if item.votes_for is None else str(item.votes_for)
            return (item.name, item.award_name, votes, rule, result)[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == self.RESULT:
            return state_colour(passed)
        return None

    def flags(self, index):
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == self.COUNT else flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 (Qt's name)
        if role != Qt.ItemDataRole.EditRole or index.column() != self.COUNT:
            return False
        item = self._rows[index.row()][0]
        votes = None if value is None or int(value) < 0 else int(value)
        if votes != item.votes_for:
            self.voted.emit(item.id, votes)
        return True


class VotesDelegate(QStyledItemDelegate):
    """A spin box per row, always shown: arrows save at once, typed digits on Enter or on leaving it."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.maximum = 99
        self.locked = False  # the decision is issued: the votes stand as it counted them

    def createEditor(self, parent, option, index):  # noqa: N802 (Qt's name)
        spin = QSpinBox(parent, objectName="votes_for", minimum=NO_VOTES, maximum=self.maximum,
                        keyboardTracking=False, specialValueText="—", alignment=Qt.AlignmentFlag.AlignCenter)
        spin.setToolTip("Số phiếu đồng ý của các thành viên dự họp (ý kiến bằng văn bản nhập ở bảng riêng)")
        spin.valueChanged.connect(lambda _value: self.commitData.emit(spin))
        return spin

    def setEditorData(self, editor, index) -> None:  # noqa: N802
        editor.blockSignals(True)
        editor.setMaximum(self.maximum)
        editor.setReadOnly(self.locked)  # typing there would only be refused
        editor.setValue(index.data(Qt.ItemDataRole.EditRole))
        editor.lineEdit().deselect()
        editor.blockSignals(False)

    def setModelData(self, editor, model, index) -> None:  # noqa: N802
        editor.interpretText()
        model.setData(index, editor.value())
