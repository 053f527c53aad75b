"""Thi đua: who meets the year's emulation criteria, mark by mark, and the registers the marks read."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.criteria import EMULATION
from app.domain.working_year import year_end_paper_year
from app.resources import working_year_rule
from app.services import criteria_sets, scoring
from app.services import emulation_evaluation as service
from app.services.changes import OFFICIALS, PLANS, SCORING, Changes
from app.services.emulation_evaluation import Evaluation
from ui.emulation.marks_panel import MarksPanel
from ui.emulation.subjects_model import FILTERS, KEY_ROLE, RESULT, SubjectsFilter, SubjectsModel
from ui.runner import attempt
from ui.widgets.year_start import EmptyState, YearSpin
from ui.widgets.autosave import transient
from ui.widgets.table_habits import install_row_copy, remember_columns
from ui.pages.page import Page

_GREY = "color: #707070"


class EmulationPage(Page):

    def __init__(self, store, undo_stack, notify, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.store, self.undo_stack, self.notify, self.today = store, undo_stack, notify, today
        self.evaluation: Evaluation | None = None
        self.current_key: tuple[str, int] | None = None  # the subject in the panel, even when filtered out
        self.year = transient(YearSpin())
        self.registers = {name: QPushButton(text, objectName=name, toolTip=tip) for name, text, tip in (
            ("collectives", "Tập thể…", "Các tập thể được xét thi đua"),
            ("initiatives", "Sáng kiến…", "Sổ sáng kiến được công nhận"),
            ("discipline", "Kỷ luật…", "Sổ theo dõi kỷ luật cán bộ, công chức"),
            ("procedures", "Số liệu TTHC…", "Số hồ sơ thủ tục hành chính giải quyết đúng hạn theo quý"),
        )}
        self.views = QStackedWidget()
        self.start_heading = QLabel(objectName="start_heading", wordWrap=True)
        self.sets = QComboBox(objectName="sets")
        self.sets.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.sets.setMinimumContentsLength(30)
        self.start_button = QPushButton("Bắt đầu", objectName="start", clicked=self.start)
        self.set_name = QLabel(objectName="set_name", wordWrap=True)
        self.filter = QComboBox(objectName="filter")
        self.filter.addItems([label for label, _ in FILTERS])
        self.count = QLabel(objectName="count")
        self.collectives_hint = QLabel("Chưa có tập thể nào: bấm “Tập thể…” để thêm.", objectName="collectives_hint")
        self.collectives_hint.setStyleSheet(_GREY)
        self.model = SubjectsModel(self)
        self.proxy = SubjectsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = self._make_table()
        self.panel = MarksPanel()
        self._build()
        self._connect()
        self._stale = True  # loaded when first shown: start-up reads only the first screen's data

    def _make_table(self) -> QTableView:
        table = QTableView(objectName="subjects")
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)  # one line a subject; the verdict is whole in the tooltip and the panel
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((165, 135, 100, 200)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(RESULT, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.setMinimumWidth(230)
        install_row_copy(table)
        remember_columns(table, "emulation", self.store.folder.window_settings)
        return table

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel("Năm:"))
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(QLabel("Sổ theo dõi:"))
        for button in self.registers.values():
            top.addWidget(button)
        self.views.addWidget(self._start_view())
        self.views.addWidget(self._evaluation_view())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.views, 1)

    def _start_view(self) -> QWidget:
        """Before the year's set is chosen: pick one and start."""
        row = QHBoxLayout()
        row.addWidget(self.sets, 1)
        row.addWidget(self.start_button)
        note = QLabel("Các tập thể, cá nhân được đánh giá theo từng tiêu chuẩn của bộ này; phần mềm tự tính "
                      "những tiêu chuẩn có số liệu (nhiệm vụ kế hoạch, sáng kiến, kỷ luật, hồ sơ TTHC).",
                      wordWrap=True)
        note.setStyleSheet(_GREY)
        column = QVBoxLayout()
        column.addWidget(self.start_heading)
        column.addWidget(QLabel("Chọn bộ tiêu chuẩn thi đua của năm:"))
        column.addLayout(row)
        column.addWidget(note)
        return EmptyState(column, centred=True, name="start_view")

    def _evaluation_view(self) -> QWidget:
        left = QWidget()
        filters = QHBoxLayout()
        filters.addWidget(QLabel("Hiện:"))
        filters.addWidget(self.filter)
        filters.addStretch(1)
        filters.addWidget(self.count)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.collectives_hint)
        splitter = QSplitter(objectName="splitter")
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        self.panel.setMinimumWidth(280)
        splitter.setSizes([560, 420])
        view = QWidget(objectName="evaluation_view")
        layout = QVBoxLayout(view)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.set_name)
        layout.addWidget(splitter, 1)
        return view

    def _connect(self) -> None:
        self.year.valueChanged.connect(self._year_changed)
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.panel.mark_chosen.connect(self.set_mark)
        dialogs = {"collectives": self.open_collectives, "initiatives": self.open_initiatives,
                   "discipline": self.open_discipline, "procedures": self.open_procedures}
        for name, slot in dialogs.items():
            self.registers[name].clicked.connect(slot)

    # --- loading -----------------------------------------------------------------------------

    def _today(self) -> date:
        return self.today or date.today()

    def _default_year(self) -> int:
        """The year being judged (``app/domain/working_year.py``: last year's in January), not the latest evaluated."""
        return year_end_paper_year(self._today(), (), working_year_rule())

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self._stale:
            self.reload()
        super().showEvent(event)

    def refresh(self, changes: Changes) -> None:
        if not any(changes.touches(kind, self) for kind in (SCORING, OFFICIALS, PLANS)):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def reload(self) -> None:
        self._stale = False
        self.year.choose_once(self._default_year)
        year = self.year.value()
        self.evaluation = attempt(self, lambda: service.evaluation(self.store, year, self._today())).value_or(None)
        if self.evaluation is None:
            self._show_start(year)
        else:
            self._show_evaluation(self.evaluation)

    def _show_start(self, year: int) -> None:
        sets = criteria_sets.list_sets(self.store, EMULATION)
        kept = self.sets.currentData()
        self.sets.clear()
        for item in sets:
            self.sets.addItem(item.title, item.id)
            self.sets.setItemData(self.sets.count() - 1, item.title, Qt.ItemDataRole.ToolTipRole)
        # last year's set carries on; else one issued for this year
        last_year = next((item.id for item in sets if year - 1 in item.used_in_years), None)
        same_year = next((item.id for item in sets if item.year == year), None)
        wanted = kept if kept in {item.id for item in sets} else (last_year or same_year)
        self.sets.setCurrentIndex(max(0, self.sets.findData(wanted)) if sets else -1)
        self.start_heading.setText(
            f"<b>Năm {year} chưa chọn bộ tiêu chuẩn thi đua.</b>" if sets else
            f"<b>Năm {year} chưa chọn bộ tiêu chuẩn thi đua</b>, và máy chưa có bộ tiêu chuẩn thi đua nào. "
            "Hãy nhập bộ tiêu chuẩn (theo kế hoạch phát động thi đua của năm) trước.")
        self.start_button.setEnabled(bool(sets))
        self.sets.setEnabled(bool(sets))
        self.model.replace_rows([])
        self.panel.show_subject(None)
        self.views.setCurrentIndex(0)

    def _show_evaluation(self, evaluation: Evaluation) -> None:
        self.model.replace_rows(evaluation.subjects)
        self.set_name.setText(f"Bộ tiêu chuẩn: {evaluation.set_name}")
        self.count.setText(f"{len(evaluation.qualified)}/{len(evaluation.subjects)} đủ tiêu chuẩn")
        self.collectives_hint.setVisible(not any(item.kind == "collective" for item in evaluation.subjects))
        keys = {item.key for item in evaluation.subjects}
        if self.current_key not in keys:
            first = self.proxy.index(0, 0)
            self.current_key = first.data(KEY_ROLE) if first.isValid() else None
        self._select(self.current_key)
        self.views.setCurrentIndex(1)

    def _select(self, key: tuple[str, int] | None) -> None:
        """Select ``key`` in the table when the filter shows it; the panel shows it either way."""
        row = self.model.row_of(key)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else None
        if index is not None and index.isValid():
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.table.selectionModel().setCurrentIndex(index, flags)
            self.table.scrollTo(index)
        self._show_current()

    def _show_current(self) -> None:
        subject = None
        if self.evaluation is not None and self.current_key is not None:
            subject = next((item for item in self.evaluation.subjects if item.key == self.current_key), None)
        self.panel.show_subject(subject)

    def _row_changed(self, current, _previous) -> None:
        if current.isValid():
            self.current_key = current.data(KEY_ROLE)
            self._show_current()

    def _year_changed(self, _year: int) -> None:
        self.flush_edits()
        self.reload()

    def _filter_changed(self, index: int) -> None:
        self.proxy.set_result(FILTERS[index][1])
        self._select(self.current_key)

    def flush_edits(self) -> None:
        """Save a reason being typed (the main window calls this before undo)."""
        self.panel.flush()

    # --- editing -------------------------------------------------------------------------

    def _done(self, changes: Changes) -> None:
        """An edit of this page was saved: one Edit-menu step, the other screens told, the verdicts read again."""
        self.undo_stack.record(changes, origin=self)
        if changes:
            self.reload()

    def start(self) -> None:
        set_id, year = self.sets.currentData(), self.year.value()
        if set_id is None:
            return
        started = attempt(self, lambda: scoring.start(self.store, year, set_id, kind=EMULATION))
        if started.ok:
            self._done(started.value)

    def set_mark(self, code: str, status: str | None, reason: str) -> None:
        """Save one mark of the subject in the panel; one undo step."""
        evaluation, subject = self.evaluation, self.panel.subject
        if evaluation is None or subject is None:
            return
        criterion_id = evaluation.criterion_ids[code]
        outcome = attempt(self, lambda: service.set_mark(
            self.store, evaluation.year, criterion_id, subject.kind, subject.id, status, reason))
        if not outcome.ok:
            self.panel.show_subject(subject)  # the refused choice goes back to what is saved
            return
        self._done(outcome.value)

    # --- registers ------------------------------------------------------------------------

    def _open(self, dialog_class) -> None:
        self.flush_edits()
        dialog = dialog_class(self.store, self.undo_stack, self.notify, self.year.value(), self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def open_collectives(self) -> None:
        from ui.dialogs.collectives_dialog import CollectivesDialog

        self._open(CollectivesDialog)

    def open_initiatives(self) -> None:
        from ui.dialogs.initiatives_dialog import InitiativesDialog

        self._open(InitiativesDialog)

    def open_discipline(self) -> None:
        from ui.dialogs.discipline_dialog import DisciplineDialog

        self._open(DisciplineDialog)

    def open_procedures(self) -> None:
        from ui.dialogs.procedure_stats_dialog import ProcedureStatsDialog

        self._open(ProcedureStatsDialog)
