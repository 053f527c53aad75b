"""The panels of the scoring page: the selected criterion beside the tree (how it is scored, the proposal,
the score, comment, evidence) and the start of an unscored year (the picker of the checklist's files is in
``evidence_picker.py``).

The panel only shows and asks: it emits what the clerk entered and the page
calls the services. A refused score stays in the field, in red, with the
service's reason under it, and the field keeps the focus (no message box).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.points import format_points
from app.domain.text import clean_text
from app.services.criteria_sets import SetSummary
from app.services.scoring import PROPOSAL_BASIS, ScoreLine
from ui.widgets.autosave import Autosave, text_box
from ui.scoring.entry_details import EntryDetails
from ui.scoring.tree_model import overridden_text
from ui.widgets.year_start import EmptyState

_REFUSED_STYLE = "QLineEdit { border: 2px solid #b00020; background: #fdecea; }"
_ERROR_STYLE = "color: #b00020"
_NOTE_STYLE = "color: #606060"


def _label(name: str, style: str = "") -> QLabel:
    label = QLabel(objectName=name, wordWrap=True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


class ScorePanel(QWidget):
    """Emits ``score_entered(criterion_id, text, by_enter)``, ``accept_requested(criterion_id)``,
    ``comment_edited(criterion_id, text)`` and the evidence buttons' requests.

    A score is entered with Enter, or when the clerk leaves the field after changing it.
    """

    score_entered = Signal(int, str, bool)
    accept_requested = Signal(int)
    comment_edited = Signal(int, str)
    attach_requested = Signal()
    pick_requested = Signal()
    open_requested = Signal(int)
    detach_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line: ScoreLine | None = None
        self.refused = False
        self._saved_comment = ""
        self.autosave = Autosave(self._save_comment, self)
        self.heading = _label("criterion_heading")
        self.maximum = _label("criterion_maximum")
        self.rule = _label("criterion_rule")
        self.expected = _label("criterion_evidence_expected")
        self.proposal = _label("proposal_text")
        self.accept = QPushButton("Nhận đề xuất", objectName="accept_proposal",
                                  toolTip="Lấy điểm phần mềm đề xuất làm điểm chấm (Ctrl+Enter)")
        self.score = QLineEdit(objectName="score", placeholderText="ví dụ 0,5")
        self.score.setProperty("sample", "0,25")  # a score any criterion takes: what a test may type there
        self.score_note = _label("score_note", _NOTE_STYLE)
        self.error = _label("score_error", _ERROR_STYLE)
        self.details = EntryDetails()  # Không áp dụng, số liệu kê khai, thẩm định
        self.comment = text_box("comment", 4, "Giải trình, ghi chú cho tiêu chí này")
        self.evidence = QListWidget(objectName="score_evidence")
        self.buttons = {
            name: QPushButton(text, objectName=name)
            for name, text in (("attach", "Thêm tệp…"), ("pick", "Chọn từ tài liệu của danh mục…"),
                               ("open", "Mở"), ("detach", "Gỡ"))
        }
        self.buttons["pick"].setToolTip("Gắn một tệp đã đính kèm ở Theo dõi nhiệm vụ (không chép lại)")
        self.buttons["attach"].setToolTip("Chọn tệp trên máy hoặc ổ USB; tệp được chép vào thư mục dữ liệu")
        self._build()
        self._connect()
        self.show_line(None)

    def _build(self) -> None:
        about = QVBoxLayout()
        for widget in (self.heading, self.maximum, self.rule, self.expected):
            about.addWidget(widget)
        proposal_box = QGroupBox("Phần mềm đề xuất")
        proposal_layout = QVBoxLayout(proposal_box)
        proposal_layout.addWidget(self.proposal)
        proposal_layout.addWidget(self.accept, 0, Qt.AlignmentFlag.AlignLeft)
        score_box = QGroupBox("Điểm tự chấm")
        score_layout = QVBoxLayout(score_box)
        score_layout.addWidget(self.score)
        score_layout.addWidget(self.error)
        score_layout.addWidget(self.score_note)
        score_layout.addWidget(self.details)
        score_layout.addWidget(QLabel("Giải trình, ghi chú:"))
        score_layout.addWidget(self.comment)
        evidence_box = QGroupBox("Tài liệu kiểm chứng đã gắn")
        evidence_layout = QVBoxLayout(evidence_box)
        self.evidence.setFixedHeight(self.evidence.fontMetrics().lineSpacing() * 4 + 8)
        evidence_layout.addWidget(self.evidence)
        grid = QGridLayout()
        grid.addWidget(self.buttons["attach"], 0, 0)
        grid.addWidget(self.buttons["open"], 0, 1)
        grid.addWidget(self.buttons["detach"], 0, 2)
        grid.addWidget(self.buttons["pick"], 1, 0, 1, 3)
        for name in ("open", "detach"):  # short words: keep the panel narrow enough for an 800-pixel screen
            self.buttons[name].setMinimumWidth(self.buttons[name].fontMetrics().horizontalAdvance("Mở") + 28)
        evidence_layout.addLayout(grid)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(4, 0, 4, 0)
        column.addLayout(about)
        for box in (proposal_box, score_box, evidence_box):
            column.addWidget(box)
        column.addStretch(1)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        # never narrower than what it holds: a cut-off right edge would hide text and buttons
        scroll.setMinimumWidth(inner.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width() + 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _connect(self) -> None:
        self.score.returnPressed.connect(self._emit_score)
        self.score.textEdited.connect(lambda _text: self.clear_refusal())
        self.accept.clicked.connect(self._emit_accept)
        self.comment.textChanged.connect(self.autosave.changed)
        self.comment.installEventFilter(self)
        self.score.installEventFilter(self)
        self.evidence.itemDoubleClicked.connect(lambda item: self.open_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.evidence.currentItemChanged.connect(lambda *_: self._enable_evidence_buttons())
        self.buttons["attach"].clicked.connect(self.attach_requested)
        self.buttons["pick"].clicked.connect(self.pick_requested)
        self.buttons["open"].clicked.connect(lambda: self._emit_selected(self.open_requested))
        self.buttons["detach"].clicked.connect(lambda: self._emit_selected(self.detach_requested))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FocusOut and watched is self.comment:
            self.autosave.flush()
        elif event.type() == QEvent.Type.FocusOut and watched is self.score:
            self.commit_score()
        elif event.type() == QEvent.Type.KeyPress and watched is self.score and event.key() == Qt.Key.Key_Escape:
            self.give_up_typing()
            return True
        return super().eventFilter(watched, event)

    # --- showing ---------------------------------------------------------------------------

    def show_line(self, line: ScoreLine | None) -> None:
        """Show ``line`` (a fresh copy of the same criterion keeps what the clerk is typing)."""
        same = line is not None and self.line is not None and line.criterion_id == self.line.criterion_id
        if not same:
            self.commit_score()
            self.autosave.flush()
            self.clear_refusal()
        self.line = line
        self.setEnabled(line is not None)
        if line is None:
            self.heading.setText("Chọn một tiêu chí trong cây bên trái.")
            for label in (self.maximum, self.rule, self.expected, self.proposal, self.score_note):
                label.clear()
            self.score.clear()
            self._show_comment("", same)
            self.details.show_line(None, same)
            self.evidence.clear()
            return
        self._show_about(line)
        self._show_proposal(line)
        self._show_score(line, same)
        self._show_comment(line.comment, same)
        self.details.show_line(line, same)
        self._show_evidence(line)

    def _show_about(self, line: ScoreLine) -> None:
        self.heading.setText(f"<b>{line.code}. {_html(line.name)}</b>")
        self.maximum.setText(f"Điểm tối đa: <b>{format_points(line.max_points, '—')}</b>")
        if line.is_leaf:
            self.rule.setText(f"Cách chấm: {_html(line.rule)}")
        else:
            self.rule.setText("Điểm của mục này là tổng điểm các tiêu chí con (không quá điểm tối đa).")
        expected = line.evidence_expected.strip()
        self.expected.setText(f"Tài liệu kiểm chứng cần có: {_html(expected)}" if expected else "")
        self.expected.setVisible(bool(expected))

    def _show_proposal(self, line: ScoreLine) -> None:
        proposal = line.proposal
        if proposal is None:
            self.proposal.setText("Tiêu chí này chấm theo tài liệu kiểm chứng; phần mềm không tự tính."
                                  if line.is_leaf else "Xem từng tiêu chí con.")
        elif proposal.points is None:
            self.proposal.setText(f"Chưa tính được: {_html(proposal.explanation)}")
        else:
            self.proposal.setText(f"<b>{format_points(proposal.points)} điểm</b> — {_html(proposal.explanation)}")
        self.accept.setEnabled(bool(line.is_leaf and proposal is not None and proposal.points is not None))

    def _show_score(self, line: ScoreLine, same: bool) -> None:
        self.score.setEnabled(line.is_leaf)
        typing = same and (self.refused or (self.score.hasFocus() and self.score.isModified()))
        if not typing:
            self.score.setText(format_points(line.points))
        if typing and self.refused:
            self.score_note.setText(_kept_text(line))  # the red refusal stands: say what stays saved
        elif not line.is_leaf:
            self.score_note.setText(f"Tổng điểm các tiêu chí con: {format_points(line.points, 'chưa chấm')}.")
        elif line.not_applicable:
            self.score_note.setText("Không áp dụng: tiêu chí không tính vào tổng điểm (gõ điểm để chấm lại).")
        elif line.overridden:
            self.score_note.setText(overridden_text(line) + ".")
        elif line.points is not None and line.basis == PROPOSAL_BASIS:
            self.score_note.setText("Đã nhận điểm phần mềm đề xuất.")
        elif line.points is None:
            self.score_note.setText("Chưa chấm. Gõ điểm rồi nhấn Enter để lưu.")
        else:
            self.score_note.setText("Điểm đã lưu.")

    def _show_comment(self, comment: str, same: bool) -> None:
        self.comment.setEnabled(self.line is not None and self.line.is_leaf)
        if same and clean_text(self.comment.toPlainText()) == comment:
            self._saved_comment = comment
            return  # leave the clerk's cursor where it is
        with self.autosave:
            self.comment.setPlainText(comment)
        self._saved_comment = comment

    def _show_evidence(self, line: ScoreLine) -> None:
        kept = self.evidence.currentItem().data(Qt.ItemDataRole.UserRole) if self.evidence.currentItem() else None
        self.evidence.clear()
        for item in line.evidence:
            entry = QListWidgetItem(item.original_name)
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            entry.setToolTip(item.original_name)
            self.evidence.addItem(entry)
            if item.id == kept:
                self.evidence.setCurrentItem(entry)
        self.buttons["attach"].setEnabled(line.is_leaf)
        self.buttons["pick"].setEnabled(line.is_leaf)
        self._enable_evidence_buttons()

    def _enable_evidence_buttons(self) -> None:
        chosen = self.evidence.currentItem() is not None
        self.buttons["open"].setEnabled(chosen)
        self.buttons["detach"].setEnabled(chosen)

    # --- the score field -------------------------------------------------------------------

    def refuse(self, text: str, reason: str, focus: bool = True) -> None:
        """Keep ``text`` in the field, mark it red, say why under it and (after Enter) keep the focus there."""
        self.refused = True
        self.score.setText(text)
        self.score.setStyleSheet(_REFUSED_STYLE)
        self.error.setText(reason)
        self.error.show()
        if self.line is not None:
            self.score_note.setText(_kept_text(self.line))
        if focus:
            self.score.setFocus()

    def clear_refusal(self) -> None:
        self.refused = False
        self.score.setStyleSheet("")
        self.error.clear()
        self.error.hide()

    def _emit_score(self) -> None:
        if self.line is not None and self.line.is_leaf:
            self.score.setModified(False)
            self.score_entered.emit(self.line.criterion_id, self.score.text(), True)

    def give_up_typing(self) -> None:
        """Esc: back to the saved score."""
        self.clear_refusal()
        self.score.setText(format_points(self.line.points) if self.line else "")

    def commit_score(self) -> None:
        """Save what was typed but not yet entered (leaving the field, undo, another criterion)."""
        if self.line is not None and self.line.is_leaf and self.score.isModified() and not self.refused:
            self.score.setModified(False)
            self.score_entered.emit(self.line.criterion_id, self.score.text(), False)

    def _emit_accept(self) -> None:
        if self.line is not None and self.accept.isEnabled():
            self.accept_requested.emit(self.line.criterion_id)

    # --- comment and evidence ---------------------------------------------------------------

    def _save_comment(self) -> None:
        if self.line is None or not self.line.is_leaf:
            return
        text = self.comment.toPlainText()
        if clean_text(text) == self._saved_comment:
            return
        self.comment_edited.emit(self.line.criterion_id, text)
        if not self.autosave.refused():  # refused: the text stays unsaved, the next flush tries again
            self._saved_comment = clean_text(text)

    def _emit_selected(self, signal) -> None:
        item = self.evidence.currentItem()
        if item is not None:
            signal.emit(item.data(Qt.ItemDataRole.UserRole))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")


class StartPanel(EmptyState):
    """An unscored year: "Năm 2024 chưa chấm điểm. Chọn bộ tiêu chí để bắt đầu:", the PAR sets, "Bắt đầu chấm"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        text = QLabel(objectName="empty_hint", wordWrap=True, styleSheet="font-weight: bold")
        set_choice = QComboBox(objectName="set_choice")
        set_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        set_choice.setMinimumContentsLength(24)
        start_button = QPushButton("Bắt đầu chấm", objectName="start_scoring")
        no_sets = QLabel("Chưa có bộ chỉ số CCHC nào. Bấm “Bộ tiêu chí…” để nhập bộ của tỉnh từ tệp Excel.",
                         objectName="no_sets", wordWrap=True)
        box = QWidget()
        box.setMaximumWidth(680)
        column = QVBoxLayout(box)
        column.addWidget(text)
        choose = QHBoxLayout()
        choose.addWidget(set_choice, 1)
        choose.addWidget(start_button)
        column.addLayout(choose)
        column.addWidget(no_sets)
        column.addWidget(QLabel("Điểm chấm gắn với bộ đã chọn: chỉ đổi được bộ khi năm đó chưa chấm tiêu chí nào. "
                                "Bộ của tỉnh nhập từ tệp Excel bằng nút “Bộ tiêu chí…”.", wordWrap=True,
                                styleSheet=_NOTE_STYLE))
        super().__init__(box, centred=True, parent=parent)
        self.text, self.set_choice, self.start_button, self.no_sets = text, set_choice, start_button, no_sets

    def show_sets(self, year: int | None, sets: list[SetSummary]) -> None:
        """Offer ``sets``, the one chosen before (or one of the year) first."""
        self.text.setText(f"Năm {year} chưa chấm điểm. Chọn bộ tiêu chí để bắt đầu:")
        kept = self.set_choice.currentData()
        self.set_choice.clear()
        for summary in sets:
            self.set_choice.addItem(summary.title, summary.id)
            self.set_choice.setItemData(self.set_choice.count() - 1, summary.decision or summary.title,
                                        Qt.ItemDataRole.ToolTipRole)
        ids = [summary.id for summary in sets]
        preferred = kept if kept in ids else next((s.id for s in sets if s.year == year), None)
        self.set_choice.setCurrentIndex(max(0, self.set_choice.findData(preferred)) if sets else -1)
        self.set_choice.setEnabled(bool(sets))
        self.start_button.setEnabled(bool(sets))
        self.no_sets.setVisible(not sets)


def _kept_text(line: ScoreLine) -> str:
    """Under a refused value: what stays saved, so "đã lưu" never sits under a red refusal."""
    saved = format_points(line.points, "")
    return (f"Chưa lưu giá trị vừa gõ; điểm đã lưu vẫn là {saved}." if saved
            else "Chưa lưu giá trị vừa gõ; tiêu chí này vẫn chưa chấm.")
