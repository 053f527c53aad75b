"""The fields of today's scorers beside a criterion's score: "Không áp dụng", the declared figures (số liệu
kê khai) and the province's appraisal (điểm thẩm định, ý kiến thẩm định).

Like the rest of the panel, it only shows and asks: each edit is emitted once, when the clerk presses Enter
or leaves the field after changing it (a box ticked is emitted at once), and the page calls the service.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.domain.points import format_points
from app.services.scoring import ScoreLine

_NOTE_STYLE = "color: #606060"


class EntryDetails(QWidget):
    """Emits ``not_applicable_toggled(criterion_id, on)``, ``declared_edited(criterion_id, text)`` and
    ``appraisal_edited(criterion_id, points_text, note)``."""

    not_applicable_toggled = Signal(int, bool)
    declared_edited = Signal(int, str)
    appraisal_edited = Signal(int, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line: ScoreLine | None = None
        self.not_applicable = QCheckBox("Không áp dụng", objectName="not_applicable",
                                        toolTip="Xã không có nội dung này: điểm tối đa của tiêu chí được bỏ khỏi "
                                                "tổng, tổng điểm quy đổi theo thang điểm của bộ")
        self.declared = QLineEdit(objectName="declared", placeholderText="ví dụ 45/48 hồ sơ đúng hạn",
                                  toolTip="Số liệu kê khai: số liệu xã báo cáo làm căn cứ chấm điểm")
        self.appraised = QLineEdit(objectName="appraised", placeholderText="điểm của tỉnh",
                                   toolTip="Điểm thẩm định theo văn bản kết quả thẩm định của tỉnh (Sở Nội vụ)")
        self.appraised.setProperty("sample", "0,25")
        self.appraisal_note = QLineEdit(objectName="appraisal_note", placeholderText="ý kiến của tổ thẩm định")
        self.appraisal_hint = QLabel(objectName="appraisal_hint", wordWrap=True, styleSheet=_NOTE_STYLE)
        self._build()
        for field in (self.declared, self.appraised, self.appraisal_note):
            field.installEventFilter(self)
        self.declared.returnPressed.connect(self.commit_declared)
        self.appraised.returnPressed.connect(self.commit_appraisal)
        self.appraisal_note.returnPressed.connect(self.commit_appraisal)
        self.not_applicable.clicked.connect(self._emit_not_applicable)

    def _build(self) -> None:
        declared_row = QFormLayout()
        declared_row.setContentsMargins(0, 0, 0, 0)
        declared_row.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above: a narrow panel
        declared_row.addRow("Số liệu kê khai:", self.declared)
        appraisal_box = QGroupBox("Thẩm định của tỉnh")
        form = QFormLayout(appraisal_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow("Điểm thẩm định:", self.appraised)
        form.addRow("Ý kiến thẩm định:", self.appraisal_note)
        form.addRow(self.appraisal_hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.not_applicable)
        layout.addLayout(declared_row)
        layout.addWidget(appraisal_box)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FocusOut:
            if watched is self.declared:
                self.commit_declared()
            elif watched in (self.appraised, self.appraisal_note):
                self.commit_appraisal()
        return super().eventFilter(watched, event)

    def show_line(self, line: ScoreLine | None, same: bool) -> None:
        """Show ``line``'s values; a fresh copy of the same criterion keeps what the clerk is typing."""
        if not same:
            self.commit()
        self.line = line
        leaf = line is not None and line.is_leaf
        for field in (self.declared, self.appraised, self.appraisal_note):
            field.setEnabled(leaf)
        self.not_applicable.setEnabled(leaf and line.na_allowed)
        self.not_applicable.setChecked(bool(line and line.not_applicable))
        self.not_applicable.setToolTip(self.not_applicable.toolTip() if not line or line.na_allowed
                                       else "Bộ tiêu chí quy định mọi xã đều chấm tiêu chí này")
        values = ((self.declared, line.declared if line else ""),
                  (self.appraised, format_points(line.appraised) if line and line.is_leaf else ""),
                  (self.appraisal_note, line.appraisal_note if line else ""))
        for field, value in values:
            if not (same and field.hasFocus() and field.isModified()):
                field.setText(value)
                field.setCursorPosition(0)  # the start of a long note, not its end
                field.setModified(False)
        self.appraisal_hint.setText(_appraisal_hint(line))

    def commit(self) -> None:
        """Save what was typed but not yet entered (another criterion, undo, leaving the page)."""
        self.commit_declared()
        self.commit_appraisal()

    def commit_declared(self) -> None:
        if self.line is not None and self.line.is_leaf and self.declared.isModified():
            self.declared.setModified(False)
            self.declared_edited.emit(self.line.criterion_id, self.declared.text())

    def commit_appraisal(self) -> None:
        if self.line is None or not self.line.is_leaf:
            return
        if self.appraised.isModified() or self.appraisal_note.isModified():
            self.appraised.setModified(False)
            self.appraisal_note.setModified(False)
            self.appraisal_edited.emit(self.line.criterion_id, self.appraised.text(), self.appraisal_note.text())

    def _emit_not_applicable(self, checked: bool) -> None:
        if self.line is not None and self.line.is_leaf:
            self.not_applicable_toggled.emit(self.line.criterion_id, checked)


def _appraisal_hint(line: ScoreLine | None) -> str:
    if line is None:
        return ""
    if not line.is_leaf:
        return f"Tổng điểm thẩm định các tiêu chí con: {format_points(line.appraised, 'chưa có')}."
    if line.appraised is None:
        return "Chưa có điểm thẩm định: tổng thẩm định giữ điểm tự chấm của tiêu chí này."
    return ""
