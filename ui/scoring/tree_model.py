"""The score sheet as a tree (fields, criteria, sub-criteria), its score editor and its view.

The model is rebuilt from ``ScoreSheet.lines`` and the set's parent codes; a
later sheet of the same set only changes values (``dataChanged``), so the
selection, the expanded rows and an open editor survive every save.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

from app.domain.points import format_points
from app.services.scoring import PROPOSAL_BASIS, ScoreLine, ScoreSheet

HEADERS = ("Mã", "Tiêu chí", "Tối đa", "Đề xuất", "Điểm", "Năm trước", "+/-", "Kê khai", "Thẩm định")
CODE, NAME, MAXIMUM, PROPOSAL, SCORE, PREVIOUS, DIFFERENCE, DECLARED, APPRAISED = range(len(HEADERS))
LINE_ROLE = Qt.ItemDataRole.UserRole + 1
_NUMBERS = (MAXIMUM, PROPOSAL, SCORE, PREVIOUS, DIFFERENCE, APPRAISED)
NOT_APPLICABLE_MARK = "KAD"  # "Không áp dụng" in the score column (the tooltip says it in full)
MINUS = "\u2212"
_GREY = QColor("#707070")
_OVERRIDE = QColor("#8a4b00")
_SCORE_KEYS = set("0123456789,.")


class _Node:
    __slots__ = ("line", "parent", "children", "row")

    def __init__(self, line: ScoreLine | None, parent: _Node | None, row: int) -> None:
        self.line, self.parent, self.row = line, parent, row
        self.children: list[_Node] = []


def overridden_text(line: ScoreLine) -> str:
    """The note an overridden score carries: what the app proposed."""
    return f"Đã sửa; phần mềm đề xuất {format_points(line.proposal.points)}"


def signed(value: Decimal | None) -> str:
    if value is None:
        return ""
    return ("+" if value > 0 else "") + format_points(value)


def kind_points(line: ScoreLine, value: Decimal | None) -> str:
    """A bonus line's points with "+", a penalty line's with "−", as on the paper."""
    text = format_points(value)
    if not text or not value:
        return text
    return {"bonus": "+", "penalty": MINUS}.get(line.node_kind, "") + text


class ScoreTreeModel(QAbstractItemModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._root = _Node(None, None, 0)
        self._by_id: dict[int, _Node] = {}
        self._shape: tuple = ()
        self._bold = QFont()
        self._bold.setBold(True)
        style = QApplication.style()
        self._override_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation) if style else QIcon()
        blank = QPixmap(16, 16)
        blank.fill(Qt.GlobalColor.transparent)
        self._blank_icon = QIcon(blank)  # keeps every score right-aligned with the marked ones

    # --- filling ------------------------------------------------------------------------------

    def set_sheet(self, sheet: ScoreSheet | None, parents: dict[str, str]) -> None:
        """Show ``sheet``; ``parents`` maps each code to its parent's code ("" for a field)."""
        lines = sheet.lines if sheet else ()
        shape = tuple((line.criterion_id, parents.get(line.code, "")) for line in lines)
        if shape == self._shape and lines:
            for line in lines:
                self._by_id[line.criterion_id].line = line
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(HEADERS) - 1))
            self._changed_below(self._root)
            return
        self.beginResetModel()
        self._shape = shape
        self._root, self._by_id = _build(lines, parents)
        self.endResetModel()

    def _changed_below(self, node: _Node) -> None:
        for child in node.children:
            if child.children:
                first = self.createIndex(0, 0, child.children[0])
                last = self.createIndex(len(child.children) - 1, len(HEADERS) - 1, child.children[-1])
                self.dataChanged.emit(first, last)
                self._changed_below(child)

    def index_of(self, criterion_id: int, column: int = 0) -> QModelIndex:
        node = self._by_id.get(criterion_id)
        return self.createIndex(node.row, column, node) if node else QModelIndex()

    def preorder(self) -> list[ScoreLine]:
        """Every line in tree order (a parent before its children)."""
        found: list[ScoreLine] = []

        def walk(node: _Node) -> None:
            for child in node.children:
                found.append(child.line)
                walk(child)

        walk(self._root)
        return found

    def following_leaf(self, criterion_id: int | None) -> int | None:
        """The first leaf after ``criterion_id`` in tree order (the first leaf when None); None at the end."""
        lines = self.preorder()
        ids = [line.criterion_id for line in lines]
        start = ids.index(criterion_id) + 1 if criterion_id in ids else 0
        return next((line.criterion_id for line in lines[start:] if line.is_leaf), None)

    # --- Qt's model interface -----------------------------------------------------------------

    def _node(self, index: QModelIndex) -> _Node:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        node = self._node(parent)
        if not 0 <= row < len(node.children) or not 0 <= column < len(HEADERS):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        up = index.internalPointer().parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in _NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _HEADER_TIPS[section]
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == SCORE and index.internalPointer().line.is_leaf:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line: ScoreLine = index.internalPointer().line
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return _text(line, column)
        if role == LINE_ROLE:
            return line
        if role == Qt.ItemDataRole.FontRole and (line.level == "field" or line.depth == 0):
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return _colour(line, column)
        if role == Qt.ItemDataRole.DecorationRole and column == SCORE:
            return self._override_icon if line.overridden else self._blank_icon
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(line, column)
        return None


_HEADER_TIPS = (
    "Mã tiêu chí", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Điểm tối đa",
    "Điểm phần mềm đề xuất từ số liệu đã có (chưa phải điểm chấm)",
    "Điểm tự chấm; mục có tiêu chí con là tổng điểm các tiêu chí con",
    "Điểm tự chấm năm trước (cùng mã tiêu chí)", "Chênh lệch so với năm trước",
    "Số liệu kê khai", "Điểm thẩm định của tỉnh (trống: chưa thẩm định, giữ điểm tự chấm)",
)


def _build(lines, parents: dict[str, str]) -> tuple[_Node, dict[int, _Node]]:
    root = _Node(None, None, 0)
    by_code: dict[str, _Node] = {}
    by_id: dict[int, _Node] = {}
    for line in lines:
        by_code.setdefault(line.code, _Node(line, None, 0))
    for line in lines:
        node = by_code[line.code]
        if node.line is not line:  # a repeated code (refused when saving a set): show it once
            continue
        up = by_code.get(parents.get(line.code, ""))
        up = up if up is not None and up is not node and not _below(up, node, by_code, parents) else root
        node.parent, node.row = up, len(up.children)
        up.children.append(node)
        by_id[line.criterion_id] = node
    return root, by_id


def _below(candidate: _Node, node: _Node, by_code: dict[str, _Node], parents: dict[str, str]) -> bool:
    """Whether ``candidate`` sits under ``node`` (a loop of parent codes must not hide rows)."""
    code, seen = parents.get(candidate.line.code, ""), set()
    while code and code not in seen:
        if code == node.line.code:
            return True
        seen.add(code)
        code = parents.get(code, "")
    return False


def _text(line: ScoreLine, column: int) -> str:
    if column == CODE:
        return line.code
    if column == NAME:
        return line.name
    if column == MAXIMUM:
        return kind_points(line, line.max_points)
    if column == PROPOSAL:
        return format_points(line.proposal.points) if line.proposal and line.proposal.points is not None else ""
    if column == SCORE:
        return NOT_APPLICABLE_MARK if line.not_applicable else kind_points(line, line.points)
    if column == PREVIOUS:
        return format_points(line.previous)
    if column == DIFFERENCE:
        return signed(line.difference)
    if column == DECLARED:
        return line.declared.replace("\n", " ")
    if column == APPRAISED:
        return NOT_APPLICABLE_MARK if line.not_applicable else kind_points(line, line.appraised)
    return ""


def _colour(line: ScoreLine, column: int):
    if column == PROPOSAL:
        return QBrush(_GREY)
    if column == SCORE and line.not_applicable:
        return QBrush(_GREY)
    if column == SCORE and line.overridden:
        return QBrush(_OVERRIDE)
    if column == APPRAISED and line.appraised is not None and line.points != line.appraised:
        return QBrush(_OVERRIDE)  # the province changed the self-score
    if column == DIFFERENCE and line.difference:
        return QBrush(QColor("#1b5e20") if line.difference > 0 else QColor("#b00020"))
    return None


def _tooltip(line: ScoreLine, column: int) -> str:
    if column == SCORE:
        if not line.is_leaf:
            return "Tổng điểm các tiêu chí con (không sửa trực tiếp)"
        if line.not_applicable:
            return "Không áp dụng: không tính vào tổng điểm; gõ điểm để chấm lại"
        if line.overridden:
            return overridden_text(line)
        if line.points is not None and line.basis == PROPOSAL_BASIS:
            return "Đã nhận điểm phần mềm đề xuất"
        return "Nhấn F2 hoặc gõ số để chấm; Enter để lưu và sang tiêu chí tiếp theo"
    if column == PROPOSAL and line.proposal:
        return line.proposal.explanation
    if column == NAME:
        return line.name
    if column == DECLARED:
        return line.declared
    if column == APPRAISED and line.appraisal_note:
        return f"Ý kiến thẩm định: {line.appraisal_note}"
    return ""


class ScoreDelegate(QStyledItemDelegate):
    """Edits a leaf's score in place; emits ``entered(criterion_id, text, by_enter)`` instead of writing."""

    entered = Signal(int, str, bool)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._by_enter = False

    def initStyleOption(self, option, index) -> None:  # noqa: N802 (Qt's name)
        super().initStyleOption(option, index)
        option.decorationPosition = QStyleOptionViewItem.Position.Right  # the "overridden" mark after the score

    def createEditor(self, parent, option, index):  # noqa: N802
        editor = QLineEdit(parent, placeholderText="0,5")
        editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        return editor

    def setEditorData(self, editor, index) -> None:  # noqa: N802
        editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")

    def eventFilter(self, editor, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._by_enter = True
        return super().eventFilter(editor, event)

    def setModelData(self, editor, model, index) -> None:  # noqa: N802
        by_enter, self._by_enter = self._by_enter, False
        line = index.data(LINE_ROLE)
        if line is not None:
            self.entered.emit(line.criterion_id, editor.text(), by_enter)


class ScoreTree(QTreeView):
    """The tree: F2, a digit or a double click edits the row's score whatever column is current;
    Enter (not editing) moves on to the next leaf."""

    next_leaf_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent, objectName="score_tree")
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setAllColumnsShowFocus(True)

    def edit(self, index, trigger=None, event=None):  # both of Qt's overloads land here
        if trigger is None:
            return super().edit(index)
        if not index.isValid():
            return False
        line = index.data(LINE_ROLE)
        if line is None or not line.is_leaf:
            return False
        if trigger == QAbstractItemView.EditTrigger.AnyKeyPressed and not _starts_score(event):
            return False
        return super().edit(index.siblingAtColumn(SCORE), trigger, event)

    def edit_score(self) -> bool:
        """Open the editor on the current row's score (F2 from anywhere on the page)."""
        index = self.currentIndex()
        line = index.data(LINE_ROLE) if index.isValid() else None
        if line is None or not line.is_leaf or self.state() == QAbstractItemView.State.EditingState:
            return False
        self.setFocus()
        score = index.siblingAtColumn(SCORE)
        self.setCurrentIndex(score)
        super().edit(score)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain \
                and self.state() != QAbstractItemView.State.EditingState:
            self.next_leaf_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


def _starts_score(event) -> bool:
    return isinstance(event, QKeyEvent) and bool(event.text()) and event.text()[0] in _SCORE_KEYS
