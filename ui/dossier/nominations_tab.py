"""Danh sách đề nghị: who is proposed for what, whether they qualify and why, the council's result.

The selected nominee's conditions are listed rule by rule under the table; a
nominee who does not qualify may still be proposed, with the reason written in
"Lý do vẫn đề nghị" (the readiness banner asks for it).
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.text import clean_line, clean_text
from app.services import dossier as service
from app.services.dossier import Nomination
from ui.dossier import (
    GREEN,
    GREY,
    ID_ROLE,
    RED,
    AutoField,
    DossierView,
    KeyedRowsModel,
    eligibility_word,
    html,
    make_table,
    select_row,
    state_colour,
)
from app.services.changes import short
from ui.dossier.nominee_tab import NomineeTab
from ui.widgets.autosave import text_box

COLUMNS = ("STT", "Tên", "Chức vụ", "Danh hiệu/hình thức", "Điều kiện", "Phiếu", "Kết quả")
NUMBER, NAME, TITLE, AWARD, ELIGIBLE, VOTES, RESULT = range(7)
_WIDTHS = (36, 150, 130, 150, 64, 48)


class Row(NamedTuple):
    nomination: Nomination
    votes: str
    result: str
    passed: bool | None


def rows_of(view: DossierView) -> list[Row]:
    return [Row(item, str(item.votes_for) if item.votes_for is not None else "—",
                view.outcome_text(item.id), view.outcome_state(item.id)) for item in view.nominations]


class NominationsModel(KeyedRowsModel):
    """One row a nomination; "Điều kiện" and "Kết quả" coloured, their tooltips whole."""

    HEADERS = COLUMNS

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        item = row.nomination
        if role == ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == ELIGIBLE:
                return item.eligibility.summary()
            return row.result if column == RESULT else self._text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column in (ELIGIBLE, RESULT):
            return state_colour(item.eligibility.eligible if column == ELIGIBLE else row.passed)
        if role == Qt.ItemDataRole.FontRole and column == ELIGIBLE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (NUMBER, VOTES):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    @staticmethod
    def _text(row: Row, column: int) -> str:
        item = row.nomination
        return (str(item.position), item.name, item.title, item.award_name, eligibility_word(item)[0],
                row.votes, row.result)[column]


class NominationsTab(NomineeTab):
    """Emits ``selected(nomination_id)`` when the clerk picks a row."""

    def __init__(self, edits, today, parent: QWidget | None = None) -> None:
        super().__init__(edits, today, parent)
        self.model = NominationsModel(self)
        self.table = make_table(self.model, "nominations")
        header = self.table.horizontalHeader()
        for column, width in enumerate(_WIDTHS):
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.add_button = QPushButton("Thêm người, tập thể…", objectName="add_nominee", clicked=lambda: self.add())
        self.remove_button = QPushButton("Bỏ khỏi danh sách", objectName="remove_nominee", clicked=self.remove)
        self.count = QLabel(objectName="nominee_count")
        self.heading = QLabel(objectName="nominee_heading", wordWrap=True)
        self.conditions = QLabel(objectName="conditions", wordWrap=True)
        self.conditions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.excellent = QCheckBox("Hoàn thành xuất sắc nhiệm vụ", objectName="excellent",
                                   toolTip="Ghi nhận trong đề nghị; là một điều kiện của “Chiến sĩ thi đua cơ sở”")
        self.justification_label = QLabel(objectName="justification_label", wordWrap=True)
        self.justification = text_box("justification", 3, "Vì sao vẫn đề nghị dù chưa đủ điều kiện")
        self.note = QLineEdit(objectName="nominee_note", placeholderText="Ghi vào cột Ghi chú của danh sách")
        self.fields = self._fields()
        self.detail = QGroupBox("Người, tập thể đang chọn")
        self._build()
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._row_changed())
        self.show_current()

    def _fields(self) -> dict[str, AutoField]:
        def saver(name: str, what: str):
            return lambda key, value: self._save(key, what, **{name: value})

        box, note, excellent = self.justification, self.note, self.excellent
        return {
            "justification": AutoField(lambda: clean_text(box.toPlainText()), box.setPlainText,
                                       saver("justification", "Sửa lý do đề nghị"), [box.textChanged], (), [box], self),
            "note": AutoField(lambda: clean_line(note.text()), note.setText, saver("note", "Sửa ghi chú"),
                              [note.textEdited], [note.editingFinished], (), self),
            "excellent": AutoField(excellent.isChecked, excellent.setChecked,
                                   saver("excellent", "Sửa “Hoàn thành xuất sắc nhiệm vụ”"), (), [excellent.toggled],
                                   (), self),
        }

    def _build(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(buttons)
        form = QVBoxLayout(self.detail)
        form.addWidget(self.heading)
        form.addWidget(self.conditions)
        form.addWidget(self.excellent, 0, Qt.AlignmentFlag.AlignLeft)
        form.addWidget(self.justification_label)
        form.addWidget(self.justification)
        note_row = QHBoxLayout()
        note_row.addWidget(QLabel("Ghi chú:"))
        note_row.addWidget(self.note, 1)
        form.addLayout(note_row)
        form.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Vertical, objectName="nominations_splitter")
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.detail)  # a long list of conditions scrolls instead of squeezing the table
        splitter.addWidget(top)
        splitter.addWidget(scroll)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 260])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # --- showing ------------------------------------------------------------------------

    def show_view(self, view: DossierView) -> None:
        self.view = view
        self.model.show_rows(rows_of(view), lambda row: row.nomination.id)
        eligible = sum(1 for item in view.nominations if item.eligibility.eligible is True)
        self.count.setText(f"{len(view.nominations)} đề nghị, {eligible} đủ điều kiện" if view.nominations else "")
        if self._switching:
            return
        if view.nomination(self.current_id) is None:
            self.current_id = view.nominations[0].id if view.nominations else None
        self.select(self.current_id)

    def select(self, nomination_id: int | None) -> None:
        row = self.model.row_of(nomination_id)
        current = self.table.currentIndex()
        if row >= 0 and (not current.isValid() or current.row() != row):
            select_row(self.table, row)
        self.current_id = nomination_id if row >= 0 else None
        self.show_current()

    def _row_changed(self) -> None:
        index = self.table.currentIndex()
        self._move_to(index.data(ID_ROLE) if index.isValid() else None)

    def show_current(self) -> None:
        item = self.view.nomination(self.current_id) if self.view else None
        self.detail.setEnabled(item is not None)
        self.remove_button.setEnabled(item is not None)
        self.add_button.setEnabled(self.view is not None)
        if item is None:
            self.heading.setText("Chọn một dòng trong danh sách." if self.view and self.view.nominations else
                                 "Chưa có ai trong danh sách đề nghị. Bấm “Thêm người, tập thể…”.")
            self.conditions.clear()
            self.justification_label.setText("Lý do vẫn đề nghị:")
            for name, empty in (("justification", ""), ("note", ""), ("excellent", False)):
                self.fields[name].show(None, empty)
            return
        self.heading.setText(f"<b>{html(item.name)}</b> — {html(item.award_name)}")
        self.conditions.setText(conditions_html(item))
        self.fields["justification"].show(item.id, item.justification)
        self.fields["note"].show(item.id, item.note)
        self.fields["excellent"].show(item.id, item.excellent)
        self._show_justification_label(item)

    def _show_justification_label(self, item: Nomination) -> None:
        if item.eligibility.eligible is False and not item.justification:
            self.justification_label.setText(
                f"<span style='color:{RED}'>Lý do vẫn đề nghị (bắt buộc, vì chưa đủ điều kiện):</span>")
        else:
            self.justification_label.setText("Lý do vẫn đề nghị" + (
                " (bắt buộc, vì chưa đủ điều kiện):" if item.eligibility.eligible is False else ":"))

    def flush(self) -> None:
        for field in self.fields.values():
            field.flush()

    # --- editing ------------------------------------------------------------------------

    def add(self, picks: list[tuple[str, int]] | None = None, award_key: str | None = None) -> list[int]:
        """Add ``picks`` for ``award_key`` (both None: ask with the dialog); one undo step. Returns the ids."""
        if self.view is None:
            return []
        self.flush()
        if picks is None or award_key is None:
            from ui.dossier.add_nominee_dialog import AddNomineeDialog

            dialog = AddNomineeDialog(self.edits.store, self.view, self.today, self)
            try:
                if not dialog.exec():
                    return []
                picks, award_key = dialog.picks(), dialog.award_key()
            finally:
                dialog.deleteLater()
        dossier_id, store = self.view.dossier.id, self.edits.store
        outcome = self.edits.run(lambda: service.add_nominations(store, dossier_id, picks, award_key))
        if not outcome.ok:
            return []
        added = outcome.value
        if added.value:
            self.current_id = added.value[0]  # shown selected once the page reads the list again
        self.edits.record(added.changes)
        return added.value

    def remove(self) -> None:
        item = self.view.nomination(self.current_id) if self.view else None
        if item is None:
            return
        self.flush()
        self.edits.apply(lambda: service.remove_nomination(
            self.edits.store, item.id, f"Bỏ đề nghị {short(item.name)} ({short(item.award_name)})"))


def conditions_html(item: Nomination) -> str:
    """The verdict, then each rule with ✓, ✗ or ? and its reason."""
    word, colour = eligibility_word(item)
    verdict = {"Đủ": "Đủ điều kiện", "Chưa đủ": "Chưa đủ điều kiện", "Chưa rõ": "Chưa rõ đủ điều kiện"}[word]
    lines = [f"<b style='color:{colour}'>{verdict}</b>"]
    for check in item.eligibility.checks:
        mark, tint = ("✓", GREEN) if check.passed else (("✗", RED) if check.passed is False else ("?", GREY))
        if not check.blocking and check.passed is False:
            mark, tint = "!", GREY
        tail = "" if check.blocking else " <i>(lưu ý, không bắt buộc)</i>"
        lines.append(f"<span style='color:{tint}'>{mark}</span> {html(check.reason)}{tail}")
    if not item.eligibility.checks:
        lines.append("Danh hiệu này không có điều kiện nào được khai báo.")
    return "<br>".join(lines)
