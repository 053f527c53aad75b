"""Chấm điểm CCHC: the year's self-scoring as a tree of criteria, with the selected criterion beside it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.criteria import PAR
from app.domain.points import format_points, parse_points
from app.domain.working_year import year_choices, year_in_progress
from app.errors import UserError
from app.services import checklist, criteria_sets, scoring
from app.services.changes import PLANS, SCORING, Changes
from app.services.evidence_choices import year_evidence_files
from app.services.scoring import ScoreLine, ScoreSheet
from ui.dialogs.error_dialog import show_error
from ui.runner import attempt, run
from ui.scoring.entry_actions import EntryActions, summary_text
from ui.scoring.page_dialogs import ScoringDialogs
from ui.widgets.file_drop import FileDrop
from ui.scoring.evidence_picker import EvidencePicker
from ui.scoring.score_panel import ScorePanel, StartPanel
from ui.scoring.tree_model import (
    DIFFERENCE,
    LINE_ROLE,
    NAME,
    PREVIOUS,
    SCORE,
    ScoreDelegate,
    ScoreTree,
    ScoreTreeModel,
)
from ui.system_open import open_path
from ui.pages.page import Page

_WIDTHS = {2: 48, 3: 58, 4: 62, 5: 66, 6: 44, 7: 96, 8: 66}  # Tối đa, Đề xuất, Điểm, Năm trước, +/-, Kê khai, Thẩm định
__all__ = ["ScoringPage", "summary_text"]


class ScoringPage(EntryActions, ScoringDialogs, Page):

    def __init__(self, store, undo_stack, notify, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.store, self.undo_stack, self.notify = store, undo_stack, notify
        self.today = today
        self.sheet: ScoreSheet | None = None
        self.year = QComboBox(objectName="year", toolTip="Năm chấm điểm")
        self.set_label = QLabel(objectName="set_label", wordWrap=True)
        # Kê khai and Thẩm định: shown when the year has them; the clerk may show or hide them (a 1024-pixel screen)
        self.extra_toggle = QCheckBox("Kê khai, thẩm định", objectName="extra_columns",
                                      toolTip="Hiện hoặc ẩn cột Số liệu kê khai và Điểm thẩm định trong cây tiêu chí")
        self._extra_chosen: bool | None = None
        self.sets_button = QPushButton("Bộ tiêu chí…", objectName="criteria_sets",
                                       toolTip="Xem, nhập, xuất bộ tiêu chí (Excel)", clicked=self.open_sets)
        self.remap_button = QPushButton("Đổi bộ tiêu chí…", objectName="remap", clicked=self.open_remap,
                                        toolTip="Chuyển sang bộ tiêu chí khác: khi có bộ mới của tỉnh, chuyển điểm, giải trình, minh chứng sang bộ đó")
        self.appraisal_button = QPushButton("Nhập kết quả thẩm định…", objectName="import_appraisal",
                                            clicked=lambda: self.import_appraisal(),
                                            toolTip="Nhập kết quả thẩm định: tệp KQTD_….zip Sở Nội vụ gửi về")
        self.start_panel = StartPanel()
        self.empty_text, self.set_choice = self.start_panel.text, self.start_panel.set_choice
        self.start_button = self.start_panel.start_button
        self.start_button.clicked.connect(self.start)
        self.model = ScoreTreeModel(self)
        self.tree = ScoreTree()
        # A new current cell would scroll the tree sideways to the score column, hiding codes and names on a
        # narrow screen: ``_select`` scrolls to the row itself (the score is also typed in the panel).
        self.tree.setAutoScroll(False)
        FileDrop(self.tree, self._drop_files)  # files dragged onto a criterion are its evidence
        self.delegate = ScoreDelegate(self.tree)
        self.summary = QLabel(objectName="summary", wordWrap=True)
        self.panel = ScorePanel()
        self.stack = QStackedWidget()
        self._setup_tree()
        self._build()
        self._connect()
        self._stale = True  # read when first shown

    def _setup_tree(self) -> None:
        self.tree.setModel(self.model)
        self.tree.setItemDelegateForColumn(SCORE, self.delegate)
        self.tree.setIndentation(14)
        self.tree.setMinimumWidth(300)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(36)
        for column, width in _WIDTHS.items():
            header.resizeSection(column, width)
        self.model.modelReset.connect(self.tree.expandAll)

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel("Năm:"))
        top.addWidget(self.year)
        top.addWidget(self.set_label, 1)
        top.addWidget(self.extra_toggle)
        top.addWidget(self.remap_button)
        top.addWidget(self.sets_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        below = QHBoxLayout()  # under the tree, not in the top row: the page still fits an 800-pixel screen
        below.addWidget(self.summary, 1)
        below.addWidget(self.appraisal_button, 0, Qt.AlignmentFlag.AlignTop)
        left_layout.addLayout(below)
        splitter = QSplitter(objectName="scoring_splitter")
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.stack.addWidget(self.start_panel)
        self.stack.addWidget(splitter)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

    def _connect(self) -> None:
        self.year.currentIndexChanged.connect(lambda _i: self._year_changed())
        self.tree.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.tree.next_leaf_requested.connect(self.next_leaf)
        self.delegate.entered.connect(lambda cid, text, by_enter: self.enter_score(cid, text, by_enter, True))
        self.panel.score_entered.connect(lambda cid, text, by_enter: self.enter_score(cid, text, by_enter))
        self.panel.accept_requested.connect(self.accept)
        self.panel.comment_edited.connect(self.save_comment)
        self.panel.details.not_applicable_toggled.connect(self.set_not_applicable)
        self.panel.details.declared_edited.connect(self.save_declared)
        self.panel.details.appraisal_edited.connect(self.save_appraisal)
        self.extra_toggle.toggled.connect(self.extra_toggled)
        self.panel.attach_requested.connect(self.attach)
        self.panel.pick_requested.connect(self.pick)
        self.panel.open_requested.connect(self.open_evidence)
        self.panel.detach_requested.connect(self.detach)
        for keys, slot in (("F2", self.tree.edit_score), ("Ctrl+Return", self.accept_selected),
                           ("Ctrl+Enter", self.accept_selected)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # --- loading -------------------------------------------------------------------------

    def _today(self) -> date:
        return self.today or date.today()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self._stale:
            self._stale = False
            self.reload()
        super().showEvent(event)

    def refresh(self, changes: Changes) -> None:
        if not (changes.touches(SCORING, self) or changes.touches(PLANS, self)):
            return
        self._stale = not self.isVisible()  # a hidden page reads again when shown
        if not self._stale:
            self.reload()

    def flush_edits(self) -> None:
        """Save a score typed but not entered and the comment the autosave timer still holds."""
        self.panel.commit_score()
        self.panel.autosave.flush()
        self.panel.details.commit()

    def reload(self) -> None:
        """Read the years and the chosen year's sheet again."""
        in_progress = year_in_progress(self._today())
        years = year_choices(set(checklist.plan_years(self.store)) | set(scoring.scoring_years(self.store)), in_progress)
        current = self.year.currentData() if self.year.currentData() in years else in_progress
        self.year.blockSignals(True)
        self.year.clear()
        for year in years:
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(self.year.findData(current))
        self.year.blockSignals(False)
        self.show_year()

    def _year_changed(self) -> None:
        self.flush_edits()
        self.show_year()

    def show_year(self) -> None:
        year = self.year.currentData()
        self.sheet = scoring.score_sheet(self.store, year, self._today()) if year else None
        if self.sheet is None:
            self._show_empty(year)
            return
        keep = self._selected_line()
        self.model.set_sheet(self.sheet, {line.code: line.parent_code for line in self.sheet.lines})
        self._show_columns()
        self.stack.setCurrentIndex(1)
        self.remap_button.setEnabled(True)
        self.set_label.setText(f"Bộ tiêu chí: {self.sheet.set_name}" + (f" — {self.sheet.set_issuer}" if self.sheet.set_issuer else ""))
        self.set_label.setToolTip(self.sheet.set_decision)
        self.summary.setText(summary_text(self.sheet))
        kept = keep is not None and self.model.index_of(keep.criterion_id).isValid()
        self._select(keep.criterion_id if kept else self.model.following_leaf(None))

    def _show_empty(self, year: int | None) -> None:
        self.model.set_sheet(None, {})
        self.panel.show_line(None)
        self.stack.setCurrentIndex(0)
        self.remap_button.setEnabled(False)
        self.set_label.setText("")
        self.set_label.setToolTip("")
        self.start_panel.show_sets(year, criteria_sets.list_sets(self.store, kind=PAR))

    def _show_columns(self) -> None:
        """Last year's columns only when there is a last year to compare with."""
        has_previous = any(line.previous is not None for line in self.sheet.lines)
        self.tree.setColumnHidden(PREVIOUS, not has_previous)
        self.tree.setColumnHidden(DIFFERENCE, not has_previous)
        depth = max((line.depth for line in self.sheet.lines), default=0)
        widest = max((self.tree.fontMetrics().horizontalAdvance(line.code) for line in self.sheet.lines), default=20)
        self.tree.header().resizeSection(0, widest + self.tree.indentation() * (depth + 1) + 14)
        self._show_extra_columns()


    # --- selection ------------------------------------------------------------------------

    def _selected_line(self) -> ScoreLine | None:
        index = self.tree.currentIndex()
        return index.data(LINE_ROLE) if index.isValid() else None

    def _select(self, criterion_id: int | None, column: int | None = None) -> None:
        current = self.tree.currentIndex()
        column = column if column is not None else (current.column() if current.isValid() else SCORE)
        index = self.model.index_of(criterion_id, column) if criterion_id is not None else None
        if index is not None and index.isValid():
            if index != current:
                self.tree.setCurrentIndex(index)
            self.tree.scrollTo(self.model.index_of(criterion_id, 0))
        self._show_selected()

    def select_code(self, code: str) -> None:
        """Select a criterion by its code (tests, and later links from other screens)."""
        line = next((line for line in self.sheet.lines if line.code == code), None) if self.sheet else None
        if line is not None:
            self._select(line.criterion_id, SCORE)

    def _show_selected(self) -> None:
        line = self._selected_line()
        if line is not None and self.sheet is not None:
            line = self.sheet.line(line.criterion_id)
        self.panel.show_line(line)

    def next_leaf(self) -> None:
        line = self._selected_line()
        following = self.model.following_leaf(line.criterion_id if line else None)
        if following is not None:
            self._select(following, SCORE)

    # --- editing --------------------------------------------------------------------------

    def _done(self, changes: Changes) -> None:
        """An edit of this page was saved: one step in the Edit menu, the other screens told, the sheet read again
        (totals, subtotals and the rating follow the score; the page's own refresh skips it)."""
        self.undo_stack.record(changes, origin=self)
        if changes:
            self.show_year()

    def enter_score(self, criterion_id: int, text: str, by_enter: bool = True, in_tree: bool = False) -> bool:
        """Save a typed score; refuse it in the panel (red, with the reason) when it cannot be the score.

        Enter in the tree moves on to the next leaf; Enter in the panel keeps the focus on a refused value.
        """
        if self.sheet is None:
            return False
        line = self.sheet.line(criterion_id)
        try:
            points = parse_points(text)
        except ValueError:
            return self._refuse(criterion_id, text, f"“{text.strip()}” không phải là số điểm. "
                                f"Gõ một số từ 0 đến {format_points(line.max_points)}, ví dụ 0,5.", by_enter, in_tree)
        if points != line.points:
            try:
                changes = scoring.set_score(self.store, self.sheet.year, criterion_id, points)
            except UserError as error:
                return self._refuse(criterion_id, text, error.message, by_enter, in_tree)
            self._done(changes)
        self.panel.clear_refusal()
        self._show_selected()
        if in_tree and by_enter:
            QTimer.singleShot(0, self.next_leaf)  # after the editor has closed
        return True

    def _refuse(self, criterion_id: int, text: str, reason: str, by_enter: bool, in_tree: bool) -> bool:
        """Show the refusal on the criterion's row and field; after the tree's editor or a click elsewhere
        has settled (a refused value is not dropped unseen: Esc in the field gives up on it)."""
        def show() -> None:
            if self.model.index_of(criterion_id).isValid():
                self._select(criterion_id)
                self.panel.refuse(text, reason)

        QTimer.singleShot(0, show) if in_tree or not by_enter else show()
        return False

    def accept_selected(self) -> None:
        line = self._selected_line()
        if line is None or self.sheet is None:
            return
        line = self.sheet.line(line.criterion_id)
        if line.is_leaf and line.proposal is not None and line.proposal.points is not None:
            self.accept(line.criterion_id)
        else:
            QApplication.beep()

    def accept(self, criterion_id: int) -> None:
        if self.sheet is None:
            return
        year = self.sheet.year
        outcome = attempt(self, lambda: scoring.accept_proposal(self.store, year, criterion_id, self._today()))
        if outcome.ok:
            self.panel.clear_refusal()
            self._done(outcome.value)

    def save_comment(self, criterion_id: int, text: str) -> None:
        if self.sheet is None:
            return
        year = self.sheet.year
        outcome = attempt(self, lambda: scoring.set_comment(self.store, year, criterion_id, text))
        if outcome.ok:
            self._done(outcome.value)

    def _panel_line(self) -> ScoreLine | None:
        line = self.panel.line
        return line if line is not None and line.is_leaf and self.sheet is not None else None

    def attach(self, files: list[str] | None = None) -> None:
        line = self._panel_line()
        if line is None:
            return
        if not files:
            files, _ = QFileDialog.getOpenFileNames(self, "Chọn tài liệu kiểm chứng", "", "Tất cả các tệp (*)")
        year = self.sheet.year
        for name in files or []:
            done = run(self, "Đang chép tài liệu kiểm chứng", lambda progress, n=name: scoring.attach_evidence(
                self.store, year, line.criterion_id, Path(n))).value_or(None)  # a slow USB stick: off the GUI thread
            if done is not None:
                self._done(done.changes)  # a file already linked changes nothing: no step

    def pick(self, chosen=None) -> None:
        """Link files the year's checklist already holds (``chosen``: skip the picker, for tests)."""
        line = self._panel_line()
        if line is None:
            return
        year = self.sheet.year
        if chosen is None:
            picker = EvidencePicker(year_evidence_files(self.store, year), year, self)
            chosen = picker.chosen() if picker.exec() else []
        for choice in chosen:
            linked = attempt(self, lambda c=choice: scoring.link_evidence(
                self.store, year, line.criterion_id, c.file_id, c.name))
            if linked.ok:
                self._done(linked.value.changes)

    def open_evidence(self, link_id: int) -> None:
        path = attempt(self, lambda: scoring.evidence_file(self.store, link_id)).value_or(None)
        if path and not open_path(path):
            show_error(self, UserError("Máy chưa có chương trình mở được loại tệp này.",
                                       "Cài phần mềm đọc tệp phù hợp (ví dụ trình đọc PDF).", str(path)))

    def detach(self, link_id: int) -> None:
        outcome = attempt(self, lambda: scoring.detach_evidence(self.store, link_id))
        if outcome.ok:
            self._done(outcome.value)

    def start(self) -> None:
        year, set_id = self.year.currentData(), self.set_choice.currentData()
        if year is None or set_id is None:
            return
        started = attempt(self, lambda: scoring.start(self.store, year, set_id))
        if not started.ok:
            return
        self._done(started.value)
        self.tree.setFocus()
