"""The panel beside the subjects: every criterion of the selected subject, its mark, the reason, the app's judgement.

A status is saved as soon as it is chosen; a reason when the clerk presses
Enter or leaves the field. "Theo phần mềm" drops the clerk's mark so the
app's own judgement shows again. The panel only emits what was asked; the page
saves it (one journal step) and shows the subject again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.emulation import MARKS, MET, NOT_MET, Mark
from app.services.emulation_evaluation import SUBJECT_LABELS, Subject
from ui.emulation.subjects_model import COLOURS, result_of

_STATUS_COLOURS = {MET: "#1b5e20", NOT_MET: "#b00020"}
_GREY, _ORANGE = "#707070", "#b35c00"
# An overridden mark stands out: an orange edge and a warm background.
_ROW_STYLE = ("MarkRow { border: 1px solid #c8c8c8; border-radius: 3px; }"
              f'MarkRow[overridden="true"] {{ border: 1px solid {_ORANGE}; border-left: 5px solid {_ORANGE};'
              " background: #fff8ef; }")
_MANUAL_HINT = "Lý do, căn cứ (ví dụ: theo biên bản họp bình xét)"
_COMPUTED_HINT = "Lý do, khi sửa khác kết quả phần mềm tính"


class MarkRow(QFrame):
    """One criterion: its full text, the mark, the reason, and what the app works out when it can."""

    chosen = Signal(str, object, str)  # criterion code, status or None, reason

    def __init__(self, code: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = code
        self.mark: Mark | None = None
        self.setObjectName(f"mark_{code}")
        self.setStyleSheet(_ROW_STYLE)
        self.text = QLabel(f"{code}. {name}", objectName="criterion", wordWrap=True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setStyleSheet("font-weight: bold")
        self.status = QComboBox(objectName="status")
        for key, label in MARKS.items():
            self.status.addItem(label, key)
        self.flag = QLabel("Đã sửa tay", objectName="overridden",
                           toolTip="Kết quả đã ghi khác kết quả phần mềm tính; “Theo phần mềm” để bỏ")
        self.flag.setStyleSheet(f"color: {_ORANGE}; font-weight: bold")
        self.reason = QLineEdit(objectName="reason", clearButtonEnabled=True)
        self.computed = QLabel(objectName="computed", wordWrap=True)
        self.computed.setTextFormat(Qt.TextFormat.PlainText)
        self.computed.setStyleSheet(f"color: {_GREY}")
        self.follow = QPushButton("Theo phần mềm", objectName="follow",
                                  toolTip="Bỏ kết quả đã ghi, dùng kết quả phần mềm tính")
        self._build()
        self.status.activated.connect(self._status_chosen)
        self.reason.editingFinished.connect(self._reason_left)
        self.follow.clicked.connect(lambda: self.chosen.emit(self.code, None, ""))

    def _build(self) -> None:
        widest = max(self.status.fontMetrics().horizontalAdvance(label) for label in MARKS.values())
        self.status.setFixedWidth(widest + 48)  # every row's box the same width, room for the arrow
        status_line = QHBoxLayout()
        status_line.addWidget(self.status)
        status_line.addWidget(self.flag)
        status_line.addStretch(1)
        grid = QGridLayout()
        grid.addWidget(QLabel("Kết quả:"), 0, 0)
        grid.addLayout(status_line, 0, 1)
        grid.addWidget(QLabel("Lý do:"), 1, 0)
        grid.addWidget(self.reason, 1, 1)
        grid.setColumnStretch(1, 1)
        computed_line = QHBoxLayout()
        computed_line.addWidget(self.computed, 1)
        computed_line.addWidget(self.follow, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(grid)
        layout.addLayout(computed_line)

    def show_mark(self, mark: Mark) -> None:
        self.mark = mark
        self.status.setCurrentIndex(self.status.findData(mark.status))
        self.status.setStyleSheet(f"color: {_STATUS_COLOURS.get(mark.status, _GREY)}")
        self.reason.setText("" if mark.computed else mark.reason)
        self.reason.setCursorPosition(0)  # a long reason shows its beginning
        self.reason.setToolTip(self.reason.text())
        self.reason.setPlaceholderText(_COMPUTED_HINT if mark.proposed_status is not None else _MANUAL_HINT)
        self.flag.setVisible(mark.overridden)
        self.setProperty("overridden", mark.overridden)
        self.style().unpolish(self)
        self.style().polish(self)
        computable = mark.proposed_status is not None
        self.computed.setVisible(computable)
        self.follow.setVisible(computable)
        self.follow.setEnabled(computable and not mark.computed)
        if computable:
            reason = f" — {mark.proposed_reason}" if mark.proposed_reason else ""
            self.computed.setText(f"Phần mềm tính: {MARKS.get(mark.proposed_status, '')}{reason}")

    def shown_reason(self) -> str:
        return "" if self.mark is None or self.mark.computed else self.mark.reason

    def _status_chosen(self, _index: int) -> None:
        if self.mark is None:
            return
        status, reason = self.status.currentData(), self.reason.text().strip()
        if status == self.mark.status and reason == self.shown_reason():
            return
        self.chosen.emit(self.code, status, reason)
        if self.mark.overridden and not self.reason.text().strip():
            self.reason.setFocus()  # an override wants its reason; saved when the clerk leaves the field

    def _reason_left(self) -> None:
        if self.mark is None or self.reason.text().strip() == self.shown_reason():
            return
        self.chosen.emit(self.code, self.status.currentData(), self.reason.text().strip())

    def flush(self) -> None:
        """Save a reason being typed (before undo, or when the page is left)."""
        if self.reason.isModified():
            self.reason.setModified(False)
            self._reason_left()


class MarksPanel(QWidget):
    """Emits ``mark_chosen(criterion code, status or None, reason)`` for the subject shown."""

    mark_chosen = Signal(str, object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.subject: Subject | None = None
        self.rows: dict[str, MarkRow] = {}
        self.heading = QLabel(objectName="subject_heading", wordWrap=True)
        self.verdict = QLabel(objectName="verdict", wordWrap=True)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        hint = QLabel("Kết quả lưu ngay khi chọn; lý do lưu khi nhấn Enter.", wordWrap=True)
        hint.setStyleSheet(f"color: {_GREY}")
        self.scroll = QScrollArea(widgetResizable=True, objectName="marks_scroll")
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.container = QWidget(objectName="marks")
        self.list_layout = QVBoxLayout(self.container)
        self.list_layout.setContentsMargins(0, 0, 4, 0)
        self.scroll.setWidget(self.container)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.verdict, hint):
            layout.addWidget(widget)
        layout.addWidget(self.scroll, 1)
        self.show_subject(None)

    def row(self, code: str) -> MarkRow:
        return self.rows[code]

    def show_subject(self, subject: Subject | None) -> None:
        """Show ``subject``; the same subject with the same criteria is updated in place (focus and scroll stay)."""
        same = (subject is not None and self.subject is not None and subject.key == self.subject.key
                and [mark.criterion_code for mark in subject.marks] == list(self.rows))
        self.subject = subject
        if not same:
            self._rebuild(subject)
        if subject is None:
            self.heading.setText("Chọn một tập thể hoặc cá nhân trong danh sách bên trái.")
            self.verdict.clear()
            return
        self.heading.setText(f"<b>{_escape(subject.name)}</b> — {SUBJECT_LABELS.get(subject.kind, '')}"
                             f"{', ' + _escape(subject.detail) if subject.detail else ''}")
        result = result_of(subject)
        self.verdict.setText(verdict_line(subject))
        self.verdict.setToolTip(subject.verdict.summary)
        self.verdict.setStyleSheet(f"color: {COLOURS[result].name()}; font-weight: bold")
        for mark in subject.marks:
            self.rows[mark.criterion_code].show_mark(mark)

    def _rebuild(self, subject: Subject | None) -> None:
        while self.list_layout.count():
            item = self.list_layout.takeAt(0)
            if item.widget() is not None:  # may be mid-signal: deleted once control is back in the event loop
                item.widget().hide()
                item.widget().deleteLater()
        self.rows = {}
        for mark in subject.marks if subject else ():
            row = MarkRow(mark.criterion_code, mark.criterion_name, self.container)
            row.chosen.connect(self.mark_chosen)
            self.rows[mark.criterion_code] = row
            self.list_layout.addWidget(row)
            row.show()  # at once, not on the layout's next pass: the panel is read right after a click
        if subject is not None and not subject.marks:
            self.list_layout.addWidget(QLabel(subject.verdict.summary, self.container, wordWrap=True))
        self.list_layout.addStretch(1)
        self.scroll.verticalScrollBar().setValue(0)

    def flush(self) -> None:
        for row in self.rows.values():
            row.flush()


def verdict_line(subject: Subject) -> str:
    """The verdict in one short line: which criteria fail or are unknown (each row below says why)."""
    verdict = subject.verdict
    if verdict.qualifies:
        return f"Đủ tiêu chuẩn: đạt cả {len(subject.marks)} tiêu chuẩn."
    parts = []
    if verdict.failing:
        parts.append("không đạt " + ", ".join(mark.criterion_code for mark in verdict.failing))
    if verdict.unknown:
        parts.append("chưa rõ " + ", ".join(mark.criterion_code for mark in verdict.unknown))
    if not parts:
        return verdict.summary
    head = "Chưa đủ tiêu chuẩn" if verdict.qualifies is False else "Chưa kết luận được"
    return f"{head}: " + "; ".join(parts) + "."


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
