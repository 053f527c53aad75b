"""The council tab's table of written votes: one row per nominee, one column per absent member who gave
an opinion in writing; each cell "Đồng ý", "Không đồng ý" or "—" (not entered).

Keyboard: Tab moves between cells; typing "đ" or "k" (or F2, Enter) opens the cell's list on
that choice, Enter saves. A change is asked for through ``written`` (nomination, member, agrees);
the tab calls the service, the journal makes it undoable.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QGroupBox, QStyledItemDelegate, QVBoxLayout

from ui.dossier import ID_ROLE, make_table, note_label, state_colour

CHOICES = ((None, "—"), (True, "Đồng ý"), (False, "Không đồng ý"))
WORDS = dict(CHOICES)


class WrittenVotesModel(QAbstractTableModel):
    """Rows: (nomination, counts: bool, votes by member id); columns: nominee, award, counted?, each writer."""

    FIXED = ("Người được đề nghị", "Danh hiệu", "Tính vào kết quả")
    written = Signal(int, int, object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list = []
        self._writers: list[tuple[int, str]] = []

    def show_rows(self, rows, writers) -> None:
        self.beginResetModel()
        self._rows, self._writers = list(rows), list(writers)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.FIXED) + len(self._writers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section < len(self.FIXED):
            return self.FIXED[section]
        return f"Đ/c {self._writers[section - len(self.FIXED)][1]}" if section < self.columnCount() else None

    def member_of(self, column: int) -> int | None:
        index = column - len(self.FIXED)
        return self._writers[index][0] if 0 <= index < len(self._writers) else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item, counts, votes = self._rows[index.row()]
        member = self.member_of(index.column())
        if role == ID_ROLE:
            return item.id
        if member is not None and role == Qt.ItemDataRole.EditRole:
            return votes.get(member)
        if member is not None and role == Qt.ItemDataRole.ForegroundRole:
            return state_colour(votes.get(member))
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if member is not None:
            return WORDS[votes.get(member)]
        counted = "Có (tỷ lệ trên tổng số thành viên)" if counts else "Không (chỉ ghi vào biên bản)"
        return (item.name, item.award_name, counted)[index.column()]

    def flags(self, index):
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if self.member_of(index.column()) is not None else flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 (Qt's name)
        member = self.member_of(index.column())
        if role != Qt.ItemDataRole.EditRole or member is None:
            return False
        item, _counts, votes = self._rows[index.row()]
        if value != votes.get(member):
            self.written.emit(item.id, member, value)
        return True

    def row_of(self, nomination_id: int | None) -> int:
        return next((row for row, (item, *_rest) in enumerate(self._rows) if item.id == nomination_id), -1)


class ChoiceDelegate(QStyledItemDelegate):
    """A list of the three choices; the key typed to open it picks the matching one."""

    def createEditor(self, parent, option, index):  # noqa: N802 (Qt's name)
        box = QComboBox(parent, objectName="written_choice")
        for value, word in CHOICES:
            box.addItem(word, value)
        box.activated.connect(lambda _row: self.commitData.emit(box))
        return box

    def setEditorData(self, editor, index) -> None:  # noqa: N802
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor, model, index) -> None:  # noqa: N802
        model.setData(index, editor.currentData())


class WrittenVotesBox(QGroupBox):
    """The group box on the council tab; hidden while nobody is absent with a written opinion."""

    def __init__(self, parent=None) -> None:
        super().__init__("Ý kiến bằng văn bản của thành viên vắng mặt", parent, objectName="written_box")
        self.model = WrittenVotesModel(self)
        self.table = make_table(self.model, "written_votes")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.setItemDelegate(ChoiceDelegate(self.table))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(note_label(
            "Theo Nghị định 98/2023/NĐ-CP (Điều 30 khoản 7), thành viên vắng mặt cho ý kiến bằng văn bản; ý kiến "
            "được tính vào kết quả với danh hiệu tính tỷ lệ trên tổng số thành viên Hội đồng (như Chiến sĩ thi đua "
            "cơ sở) và luôn được ghi vào biên bản. Gõ “đ” (đồng ý) hoặc “k” (không đồng ý) ở ô của từng người."))

    def show_view(self, view) -> None:
        writers = [(item.member.id, item.member.full_name) for item in view.meeting.absent if item.written_vote]
        rows = []
        for item in view.nominations:
            outcome = view.outcomes.get(item.id)
            counts = outcome is not None and outcome.rule is not None and outcome.rule.rule.base == "all"
            votes = {vote.member_id: vote.agrees for vote in (outcome.written if outcome else ())}
            rows.append((item, counts, votes))
        self.model.show_rows(rows, writers)
        self.setVisible(bool(writers))
        for column, width in enumerate((160, 150, 150)):
            self.table.horizontalHeader().resizeSection(column, width)

    def select(self, nomination_id: int | None) -> None:
        row = self.model.row_of(nomination_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, len(WrittenVotesModel.FIXED)))
            self.table.setFocus()
