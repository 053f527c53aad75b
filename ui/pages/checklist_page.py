"""Theo dõi nhiệm vụ: the year's checklist with filters and search, status, evidence and history."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.progress import STATUS_LABELS
from app.domain.working_year import year_in_progress
from app.domain.vietnamese import collation_key
from app.errors import UserError
from app.services import checklist, evidence
from app.services.changes import PLANS, Changes
from ui.checklist.bulk_status import ask_details, selected_rows, status_menu
from ui.checklist.side_panel import SidePanel
from ui.dialogs.error_dialog import show_error
from ui.models.checklist_model import ROW_ROLE, STATUS_COLUMN, ChecklistModel
from ui.runner import attempt, run
from ui.system_open import open_path
from ui.widgets.autosave import transient
from ui.widgets.file_drop import FileDrop
from ui.widgets.table_habits import install_row_copy, remember_columns
from ui.pages.page import Page

_STATUS_FILTERS = (("Mọi trạng thái", None), *((label, key) for key, label in STATUS_LABELS.items()), ("Quá hạn", "overdue"))
_QUARTERS = (("Cả năm", None), ("Quý I", 1), ("Quý II", 2), ("Quý III", 3), ("Quý IV", 4), ("Chưa xác định hạn", 0))
# Changes to these alone change only the rows of the tasks they name: those are read again, not the year.
_TASK_TABLES = frozenset({"plan_task", "task_occurrence", "task_history"})
_FEW_TASKS = 5  # more (a move renumbers a whole area): one read of the year is cheaper
SEARCH_PAUSE_MS = 150  # a 10,000-task year is filtered once the clerk pauses, not once per key


class ChecklistPage(Page):

    def __init__(self, store, undo_stack, notify, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.store, self.undo_stack, self.notify = store, undo_stack, notify
        self.today = today
        self.model = ChecklistModel(self)  # filters and sorts itself: no proxy (see the model's docstring)
        self.table = self._make_table()
        self.panel = SidePanel()
        self.year = QComboBox(objectName="year")
        self.filters = {name: QComboBox(objectName=f"filter_{name}") for name in ("area", "lead", "status", "quarter")}
        for combo in self.filters.values():  # long area names must not widen the window
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self.overdue_only = QCheckBox("Chỉ việc quá hạn", objectName="overdue_only")
        self.search = transient(QLineEdit(objectName="search", placeholderText="Tìm (gõ có dấu hoặc không dấu)…", clearButtonEnabled=True))
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_PAUSE_MS)
        self.count = QLabel(objectName="count")
        self.report_button = QPushButton("Báo cáo…", objectName="report", toolTip="Báo cáo kết quả thực hiện CCHC quý I, 6 tháng, 9 tháng, năm")
        self.report_button.clicked.connect(self.open_report)
        # Said above the table when it is empty: no plan yet, or nothing matches the filters.
        self.hint = QLabel(objectName="empty_hint", wordWrap=True)
        self.clear_filters_button = QPushButton("Xóa bộ lọc", objectName="clear_filters",
                                                clicked=lambda: self.clear_filters())
        self._build()
        self._connect()
        self._stale = True  # loaded when first shown: start-up reads only the first screen's data

    def _make_table(self) -> QTableView:
        table = QTableView(objectName="checklist")
        table.setModel(self.model)
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # Ctrl/Shift: a status for several
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((44, 300, 170, 150, 80, 56, 130, 110, 120)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # The status beside the number: on a 1024-pixel screen it is read whole ("Hoàn thành (trễ hạn)"), the long
        # title gives way (whole in its tooltip). The clerk may drag the columns; the order is remembered.
        header.setSectionsMovable(True)
        header.moveSection(STATUS_COLUMN, 1)
        header.resizeSection(STATUS_COLUMN, table.fontMetrics().horizontalAdvance("Hoàn thành (trễ hạn)") + 16)
        install_row_copy(table)
        remember_columns(table, "checklist", self.store.folder.window_settings)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        FileDrop(table, self._drop_files)
        return table

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel("Năm:"))
        top.addWidget(self.year)
        top.addWidget(self.search, 1)
        top.addWidget(self.overdue_only)
        top.addWidget(self.count)
        top.addWidget(self.report_button)
        filters = QHBoxLayout()
        for widget in self.filters.values():
            filters.addWidget(widget, 1)
        self.filters["quarter"].addItems([label for label, _ in _QUARTERS])
        self.filters["status"].addItems([label for label, _ in _STATUS_FILTERS])
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        hint_row = QHBoxLayout()
        hint_row.addWidget(self.hint, 1)
        hint_row.addWidget(self.clear_filters_button)
        layout.addLayout(hint_row)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.search.textChanged.connect(lambda _text: self._search_timer.start())  # restarts: waits for the pause
        self.search.returnPressed.connect(self.apply_search_now)
        self._search_timer.timeout.connect(self.apply_search_now)
        self.filters["area"].currentIndexChanged.connect(lambda i: self._filter("area", self.filters["area"].itemData(i)))
        self.filters["lead"].currentIndexChanged.connect(lambda i: self._filter("lead", self.filters["lead"].itemData(i)))
        self.filters["status"].currentIndexChanged.connect(lambda i: self._filter("status", _STATUS_FILTERS[i][1]))
        self.filters["quarter"].currentIndexChanged.connect(lambda i: self._filter("quarter", _QUARTERS[i][1]))
        self.overdue_only.toggled.connect(lambda on: self._filter("overdue", on))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.panel.show_many(len(self._chosen())))
        self.panel.status_chosen.connect(self.set_status)
        self.panel.attach_requested.connect(self.attach)
        self.panel.open_requested.connect(self.open_evidence)
        self.panel.note_requested.connect(self.edit_note)
        self.panel.detach_requested.connect(self.detach)
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.panel.mark_done_today)

    # --- loading -------------------------------------------------------------------------

    def _today(self) -> date:
        return self.today or date.today()

    def reload_years(self) -> None:
        years = checklist.plan_years(self.store)
        current = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        for year in years:
            self.year.addItem(str(year), year)
        wanted = current if current in years else _nearest(years, year_in_progress(self._today()))
        self.year.setCurrentIndex(self.year.findData(wanted) if wanted is not None else -1)
        self.year.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        selected = self._selected_id()
        year = self.year.currentData()
        rows = checklist.year_checklist(self.store, year) if year else []
        self._fill_choices(rows)  # first: set_rows then filters once, with the choices still offered
        self.model.set_rows(rows, self._today())
        self._reselect(selected)
        self._show_count()

    def _fill_choices(self, rows) -> None:
        for name, everyone, values in (
            ("area", "Mọi lĩnh vực", dict.fromkeys(r.area_title for r in rows)),
            ("lead", "Mọi người chủ trì", sorted({r.lead for r in rows if r.lead}, key=collation_key)),
        ):
            combo = self.filters[name]
            kept = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone, None)
            for value in values:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(0, combo.findData(kept)) if kept is not None else 0)
            combo.blockSignals(False)
            self.model.criteria[name] = combo.currentData()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self._stale:
            self._stale = False
            self.reload_years()
        super().showEvent(event)

    def refresh(self, changes: Changes) -> None:
        if changes.touches(PLANS, self) and not self.isVisible():
            self._stale = True
        elif changes.touches(PLANS, self):
            tasks = self._tasks_changed(changes)
            if tasks is not None:
                self._reread_tasks(tasks)
            elif {self.year.itemData(i) for i in range(self.year.count())} != set(checklist.plan_years(self.store)):
                self.reload_years()
            else:
                self.reload()

    def _tasks_changed(self, changes: Changes) -> set[int] | None:
        """The few tasks whose rows alone changed (a task edited elsewhere, a status undone), or None: read the year."""
        tables = set(changes.rows)
        if not tables <= _TASK_TABLES or not tables & {"plan_task", "task_occurrence"}:
            return None
        occurrences = changes.ids("task_occurrence")
        tasks = set(changes.ids("plan_task")) | {row.task_id for row in self.model.all_rows if row.occurrence_id in occurrences}
        return tasks if len(tasks) <= _FEW_TASKS else None

    def _reread_tasks(self, task_ids: set[int]) -> None:
        selected, year = self._selected_id(), self.year.currentData()
        fresh = [row for task_id in task_ids for row in checklist.task_rows(self.store, year, task_id)] if year else []
        rows = [row for row in self.model.all_rows if row.task_id not in task_ids] + fresh
        self._fill_choices(rows)
        self.model.set_rows(rows, self._today())
        self._reselect(selected)
        self._show_count()

    def apply_search_now(self) -> None:
        """Filter by the search box's words without waiting for the pause (Enter, tests, the benchmark)."""
        self._search_timer.stop()
        self._filter("words", self.search.text())

    def _filter(self, name: str, value) -> None:
        selected = self._selected_id()  # read before: the model's reset clears the view's current row
        self.model.set_criterion(name, value)
        self._reselect(selected)
        self._show_count()

    def _show_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        self.count.setText(f"{shown} / {total} kỳ việc" if shown != total else f"{total} kỳ việc")
        if self.year.count() == 0:
            self.hint.setText("Chưa có kế hoạch nào để theo dõi. Vào trang <b>Kế hoạch</b> để lập hoặc nhập kế hoạch "
                              "năm; các nhiệm vụ sẽ hiện ở đây theo từng kỳ.")
        elif total and not shown:
            self.hint.setText("Không có kỳ việc nào khớp bộ lọc và từ tìm kiếm đang chọn.")
        else:
            self.hint.setText("")
        self.hint.setVisible(bool(self.hint.text()))
        self.clear_filters_button.setVisible(bool(total) and not shown)

    def clear_filters(self) -> None:
        """Every filter back to "all" and the search emptied; the selected task stays selected."""
        for combo in self.filters.values():
            combo.setCurrentIndex(0)
        self.overdue_only.setChecked(False)
        self.search.clear()
        self.apply_search_now()

    def _selected(self):
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _selected_id(self) -> int | None:
        row = self._selected()
        return row.occurrence_id if row else None

    def _reselect(self, occurrence_id: int | None) -> None:
        """After a reset: the checkpoint selected again if still shown, else none (and an empty panel)."""
        row = self.model.row_of_occurrence(occurrence_id) if occurrence_id else -1
        index = self.model.index(row, 0) if row >= 0 else QModelIndex()
        if index != self.table.currentIndex():
            self.table.setCurrentIndex(index)  # the panel follows through currentRowChanged
        else:
            self._show_selected()  # no signal when the current row does not change: refresh the panel here

    def select_task(self, task_id: int) -> None:
        """Show the first checkpoint of a task (from the dashboard), clearing filters that would hide it."""
        if self._stale:
            self._stale = False
            self.reload_years()
        self.clear_filters()
        row = next((r for r in self.model.all_rows if r.task_id == task_id), None)
        if row:
            self._reselect(row.occurrence_id)

    def _show_selected(self) -> None:
        row = self._selected()
        if row is None:
            self.panel.show_row(None, [], [])
            return
        self.panel.show_row(row, evidence.list_evidence(self.store, row.task_id), checklist.task_history(self.store, row.task_id))

    # --- editing --------------------------------------------------------------------------

    def _done(self, changes, task_id: int) -> None:
        """Mirror our own action in the Edit menu; show it by reading that task's rows again, not the year."""
        self.undo_stack.record(changes, origin=self)
        self._reread_tasks({task_id})

    def _chosen(self) -> list:
        return selected_rows(self.table)

    def set_status(self, status: str, completed_on, reason: str) -> None:
        row = self._selected()
        if row is None:
            return
        chosen = self._chosen()
        if len(chosen) > 1:
            self.set_status_of(chosen, status, completed_on, reason)
            return
        outcome = attempt(self, lambda: checklist.set_status(self.store, row.occurrence_id, status, completed_on,
                                                             reason))
        if not outcome.ok:
            self._show_selected()
            return
        self._done(outcome.value, row.task_id)

    def set_status_of(self, rows: list, status: str, completed_on, reason: str) -> None:
        """One status for every row in ``rows``: one action, one Undo."""
        ids = [row.occurrence_id for row in rows]
        outcome = attempt(self, lambda: checklist.set_status_many(self.store, ids, status, completed_on, reason))
        if not outcome.ok:
            self._show_selected()
            return
        self.undo_stack.record(outcome.value, origin=self)
        self._reread_tasks({row.task_id for row in rows})

    def _context_menu(self, position) -> None:
        chosen = self._chosen()
        if not chosen:
            return
        menu = QMenu(self)

        def choose(status: str) -> None:
            details = ask_details(self, status, len(chosen), self._today())
            if details is not None:
                self.set_status_of(chosen, status, *details)

        menu.addMenu(status_menu(menu, len(chosen), choose))
        menu.addAction(self.table.findChild(QAction, "copy_rows"))
        menu.exec(self.table.viewport().mapToGlobal(position))

    def _drop_files(self, index, files: list[Path]) -> None:
        self.table.setCurrentIndex(index)
        self.attach([str(path) for path in files])

    def attach(self, files: list[str] | None = None) -> None:
        row = self._selected()
        if row is None:
            return
        if not files:
            files, _ = QFileDialog.getOpenFileNames(self, "Chọn tài liệu kiểm chứng", "", "Tất cả các tệp (*)")
        for name in files or []:
            attached = run(self, "Đang chép tài liệu kiểm chứng", lambda progress, n=name: evidence.attach(
                self.store, row.task_id, Path(n), row.occurrence_id)).value_or(None)  # a slow USB stick: off the GUI thread
            if attached:
                self._done(attached.changes, row.task_id)

    def open_evidence(self, link_id: int) -> None:
        path = attempt(self, lambda: evidence.evidence_path(self.store, link_id)).value_or(None)
        if path and not open_path(path):
            show_error(self, UserError("Máy chưa có chương trình mở được loại tệp này.", "Cài phần mềm đọc tệp phù hợp (ví dụ trình đọc PDF).", str(path)))

    def edit_note(self, link_id: int) -> None:
        current = next((e.note for e in evidence.list_evidence(self.store, self._selected().task_id) if e.link_id == link_id), "")
        text, ok = QInputDialog.getText(self, "Ghi chú tài liệu", "Ghi chú:", text=current)
        if ok and text.strip() != current:
            outcome = attempt(self, lambda: evidence.set_note(self.store, link_id, text))
            if outcome.ok:
                self._done(outcome.value, self._selected().task_id)

    def detach(self, link_id: int) -> None:
        row = self._selected()
        if not row:
            return
        outcome = attempt(self, lambda: evidence.detach(self.store, link_id))
        if outcome.ok and outcome.value:  # an empty Changes: nothing was detached, nothing to undo
            self._done(outcome.value, row.task_id)

    def open_report(self) -> None:
        from ui.dialogs.progress_report_dialog import ProgressReportDialog

        ProgressReportDialog(self.store, self, undo_stack=self.undo_stack, notify=self.notify).exec()


def _nearest(years: list[int], in_progress: int) -> int | None:
    """The year in progress if it has plans, else the latest before it, else the earliest after it."""
    if in_progress in years:
        return in_progress
    earlier = [year for year in years if year < in_progress]
    return max(earlier) if earlier else (min(years) if years else None)
