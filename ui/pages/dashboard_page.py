"""Tổng quan, the start screen: overdue, due soon, the year's statutory dates, progress charts, last backup.

It reads on plain sqlite3 (``app/queries/dashboard_view.py``): the first page most starts show, its data
on screen before SQLAlchemy is imported (issue 24).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.progress import DOING
from app.queries.dashboard_view import (
    Dashboard,
    FirstView,
    dashboard,
    days_left_text,
    last_backup,
    plan_years,
    shown_year,
)
from app.services.changes import OFFICIALS, PERIODS, PLANS, Changes
from ui.models.row_table_model import RowTableModel
from ui.widgets.bar_chart import BarChart
from ui.widgets.table_habits import install_row_copy
from ui.pages.page import Page

TASK_ID_ROLE = Qt.ItemDataRole.UserRole
MAX_VISIBLE_ROWS = 8
CHARTS_SIDE_BY_SIDE_WIDTH = 1100
RED, ORANGE, GREEN, GREY = QColor("#c62828"), QColor("#b45309"), QColor("#2e7d32"), QColor("#6b7280")
NO_OVERDUE = "Không có nhiệm vụ nào quá hạn."
NO_UPCOMING = "Không có nhiệm vụ nào đến hạn trong 30 ngày tới."
NOT_COMPUTED = "Chưa tính được vì đồng hồ máy tính có vẻ sai (xem cảnh báo ở trên)."
EMPTY_HINT = (
    "Năm {year} chưa có kế hoạch nào. Vào trang “Kế hoạch” để lập kế hoạch mới hoặc nhập từ văn bản; "
    "nhiệm vụ quá hạn, sắp đến hạn và tiến độ sẽ hiện ở đây."
)


class CheckpointsModel(RowTableModel):
    """Checkpoints of the dashboard (overdue or due soon), one row each; the task id in ``TASK_ID_ROLE``."""

    HEADERS = ("Hạn", "Nhiệm vụ", "Người chủ trì", "Tình trạng")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._today = date.today()

    def set_rows(self, rows, today: date) -> None:
        self._today = today
        self.replace_rows(rows)

    def _state(self, row) -> str:
        days = (row.due - self._today).days
        when = f"trễ {-days} ngày" if days < 0 else ("hạn hôm nay" if days == 0 else f"còn {days} ngày")
        return f"{when}, đang làm" if row.status == DOING else when

    def _task(self, row) -> str:
        return f"{row.number} {row.title}" + (f" — {row.period}" if row.period else "")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (f"{row.due:%d/%m}", self._task(row), row.lead, self._state(row))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{self._task(row)}\nLĩnh vực: {row.area_title}\nChủ trì: {row.lead or '—'}\n" \
                   f"Hạn {row.due:%d/%m/%Y}: {row.state(self._today)}\nNhấn đúp để mở nhiệm vụ."
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            return RED if row.due < self._today else ORANGE if (row.due - self._today).days <= 7 else None
        if role == TASK_ID_ROLE:
            return row.task_id
        return None


class DeadlinesModel(RowTableModel):
    """The year's statutory dates with the days left, coloured by how near they are."""

    HEADERS = ("Mốc", "Hạn", "Còn lại")

    def set_dates(self, dates) -> None:
        self.replace_rows(dates)

    def _next(self):
        return next((item for item in self._rows if item.days_left is not None and item.days_left >= 0), None)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (item.label, f"{item.due:%d/%m/%Y}", item.days_left_text)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            kind = "Hồ sơ" if item.kind == "dossier" else "Báo cáo"
            return f"{kind}: {item.label}\nGửi trước hoặc đúng ngày {item.due:%d/%m/%Y} ({item.days_left_text})."
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.color(item.days_left)
        if role == Qt.ItemDataRole.FontRole and item is self._next():
            font = QFont()
            font.setBold(True)
            return font
        return None

    @staticmethod
    def color(days_left: int | None) -> QColor:
        if days_left is None or days_left < 0:
            return GREY
        return RED if days_left <= 7 else ORANGE if days_left <= 30 else GREEN


def _table(model, name: str) -> QTableView:
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # one height: no row is measured
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    install_row_copy(table)
    header = table.horizontalHeader()
    # Widths from the longest text a column can hold, not ResizeToContents: that measured every cell on each
    # layout pass, ~100 ms of the first page's showing on the 10-year database (issue 24).
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setHighlightSections(False)
    return table


def _fit_column(table: QTableView, column: int, longest: str) -> None:
    """A fixed width for ``column`` wide enough for ``longest`` (its header's title included)."""
    title = table.model().HEADERS[column]
    widest = max(table.fontMetrics().horizontalAdvance(text) for text in (longest, title))
    table.horizontalHeader().resizeSection(column, widest + 24)  # the cell's margins and the sort-free header's


def _fit_rows(table: QTableView) -> None:
    """Tall enough for its rows (at most MAX_VISIBLE_ROWS; it scrolls beyond), so the page scrolls, not a stub."""
    rows = min(max(table.model().rowCount(), 1), MAX_VISIBLE_ROWS)
    height = table.horizontalHeader().sizeHint().height() + rows * table.verticalHeader().defaultSectionSize()
    table.setFixedHeight(height + 2 * table.frameWidth())


class _Section(QGroupBox):
    """A titled box holding a table (or a chart) and the sentence shown instead when it is empty."""

    def __init__(self, body: QWidget, empty_text: str, name: str) -> None:
        super().__init__(objectName=name)
        self.body = body
        self.empty = QLabel(empty_text, wordWrap=True, objectName=f"{name}_empty")
        self.empty.setStyleSheet("color: #4b5563;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(body)

    def show_body(self, has_rows: bool) -> None:
        self.body.setVisible(has_rows)
        self.empty.setVisible(not has_rows)


class DashboardPage(Page):
    """What the clerk sees first each morning; double-clicking a checkpoint asks to open its task."""

    open_task = Signal(int)

    def task_opener(self):
        return self.open_task  # the rows open the task in the checklist

    def __init__(self, store, undo_stack, notify, parent: QWidget | None = None, *,
                 today: Callable[[], date] = date.today, first_view: FirstView | None = None) -> None:
        """``first_view``: the data read ahead (``app.queries.dashboard_view.first_view``), shown as it is
        when it is of today; otherwise the page reads it now."""
        super().__init__(parent)
        self.store, self.undo_stack, self.notify, self._today = store, undo_stack, notify, today
        self.board: Dashboard | None = None
        self._stale = False
        self.year_picker = QComboBox(objectName="year_picker", toolTip="Năm của kế hoạch cần xem")
        self.year_picker.currentIndexChanged.connect(self._year_picked)
        self.today_label = QLabel(objectName="today_label")
        self.summary = QLabel(wordWrap=True, objectName="summary")
        self.empty_hint = QLabel(wordWrap=True, objectName="empty_hint")
        self.empty_hint.setStyleSheet("padding: 8px; background: #fff8e1; border: 1px solid #f0c36d;")
        self.clock_warning = QLabel(wordWrap=True, objectName="clock_warning")
        self.clock_warning.setStyleSheet("padding: 8px; color: #c62828; font-weight: bold; background: #fdecea;"
                                         " border: 1px solid #c62828;")
        self.backup_label = QLabel(wordWrap=True, objectName="backup_label")
        self.overdue_model, self.upcoming_model = CheckpointsModel(self), CheckpointsModel(self)
        self.deadlines_model = DeadlinesModel(self)
        self.overdue_table = self._checkpoint_table(self.overdue_model, "overdue_table")
        self.upcoming_table = self._checkpoint_table(self.upcoming_model, "upcoming_table")
        self.deadlines_table = _table(self.deadlines_model, "deadlines_table")
        self.deadlines_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        _fit_column(self.deadlines_table, 1, "30/12/2030")
        _fit_column(self.deadlines_table, 2, days_left_text(None))
        self.area_chart = BarChart(empty_text="Chưa có nhiệm vụ nào.")
        self.area_chart.setObjectName("area_chart")
        self.lead_chart = BarChart(empty_text="Chưa có nhiệm vụ nào.")
        self.lead_chart.setObjectName("lead_chart")
        self._build()
        if first_view is not None and first_view.board.today == self._today():
            self._fill_years(first_view.board.year, list(first_view.years))
            self._show(first_view.board)
        else:
            self.reload()

    def _checkpoint_table(self, model, name: str) -> QTableView:
        table = _table(model, name)
        header = table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 150)
        _fit_column(table, 0, "30/12")
        _fit_column(table, 3, "trễ 9999 ngày, đang làm")
        table.doubleClicked.connect(self._open)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), table, context=Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda t=table: self._open(t.currentIndex()))
        return table

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel("Năm:", buddy=self.year_picker))
        top.addWidget(self.year_picker)
        top.addSpacing(16)
        top.addWidget(self.today_label)
        top.addStretch(1)
        self.sections = {
            "overdue": _Section(self.overdue_table, NO_OVERDUE, "overdue_box"),
            "upcoming": _Section(self.upcoming_table, NO_UPCOMING, "upcoming_box"),
            "deadlines": _Section(self.deadlines_table, "", "deadlines_box"),
            "areas": _Section(self.area_chart, "Chưa có nhiệm vụ nào.", "area_box"),
            "leads": _Section(self.lead_chart, "Chưa có nhiệm vụ nào.", "lead_box"),
        }
        content = QWidget(objectName="dashboard_content")
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 6, 0)
        for key in ("overdue", "upcoming", "deadlines"):
            column.addWidget(self.sections[key])
        self.charts = QGridLayout()
        column.addLayout(self.charts)
        self._place_charts(side_by_side=False)
        column.addStretch(1)
        scroll = QScrollArea(objectName="dashboard_scroll", widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.clock_warning)
        layout.addWidget(self.summary)
        layout.addWidget(self.empty_hint)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.backup_label)

    def _place_charts(self, side_by_side: bool) -> None:
        """The two charts side by side on a wide window, one above the other on a narrow one."""
        self._charts_side_by_side = side_by_side
        self.charts.addWidget(self.sections["areas"], 0, 0)
        self.charts.addWidget(self.sections["leads"], 0 if side_by_side else 1, 1 if side_by_side else 0)
        self.charts.setColumnStretch(0, 1)
        self.charts.setColumnStretch(1, 1 if side_by_side else 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        wide = event.size().width() >= CHARTS_SIDE_BY_SIDE_WIDTH
        if wide != self._charts_side_by_side:
            self._place_charts(wide)

    # -- loading ------------------------------------------------------------------
    def selected_year(self) -> int | None:
        return self.year_picker.currentData()

    def _fill_years(self, keep: int | None, years: list[int] | None = None) -> int:
        today = self._today()
        years = (plan_years(self.store) if years is None else years) or [today.year]
        wanted = shown_year(years, today, keep)
        self.year_picker.blockSignals(True)
        self.year_picker.clear()
        for year in years:
            self.year_picker.addItem(str(year), year)
        self.year_picker.setCurrentIndex(years.index(wanted))
        self.year_picker.blockSignals(False)
        return wanted

    def reload(self) -> None:
        """Read the dashboard again for the chosen year (the year list too), as of today."""
        year = self._fill_years(self.selected_year())
        self._show(dashboard(self.store, year, self._today()))

    def _year_picked(self, _index: int) -> None:
        if self.selected_year() is not None:
            self._show(dashboard(self.store, self.selected_year(), self._today()))

    def _show(self, board: Dashboard) -> None:
        self.board, self._stale = board, False
        self.today_label.setText(f"Hôm nay: {board.today:%d/%m/%Y}")
        self.clock_warning.setText(board.clock.warning if board.clock_wrong else "")
        self.clock_warning.setVisible(board.clock_wrong)
        self.summary.setText(self._summary_text(board))
        self.empty_hint.setText(EMPTY_HINT.format(year=board.year))
        self.empty_hint.setVisible(not board.has_plans)
        self.summary.setVisible(board.has_plans)
        self.overdue_model.set_rows(board.overdue, board.today)
        self.upcoming_model.set_rows(board.upcoming, board.today)
        self.deadlines_model.set_dates(board.deadlines)
        self.area_chart.set_items(board.by_area)
        self.lead_chart.set_items(board.by_lead)
        self._show_sections(board)
        self._show_backup(board.last_backup)

    def _show_sections(self, board: Dashboard) -> None:
        boxes = self.sections
        overdue, upcoming = ("chưa tính được",) * 2 if board.clock_wrong else (len(board.overdue), len(board.upcoming))
        boxes["overdue"].setTitle(f"Quá hạn ({overdue})")
        boxes["upcoming"].setTitle(f"Sắp đến hạn (30 ngày) ({upcoming})")
        boxes["overdue"].empty.setText(NOT_COMPUTED if board.clock_wrong else NO_OVERDUE)
        boxes["upcoming"].empty.setText(NOT_COMPUTED if board.clock_wrong else NO_UPCOMING)
        boxes["deadlines"].setTitle(f"Mốc báo cáo, hồ sơ gửi cấp trên năm {board.year}")
        boxes["areas"].setTitle("Tiến độ theo lĩnh vực (số kỳ hoàn thành / tổng số kỳ)")
        boxes["leads"].setTitle("Tiến độ theo người chủ trì (số kỳ hoàn thành / tổng số kỳ)")
        for key, count in (("overdue", len(board.overdue)), ("upcoming", len(board.upcoming)),
                           ("deadlines", len(board.deadlines)), ("areas", len(board.by_area)), ("leads", len(board.by_lead))):
            boxes[key].show_body(count > 0)
            boxes[key].setVisible(board.has_plans or key == "deadlines")
        for table in (self.overdue_table, self.upcoming_table, self.deadlines_table):
            _fit_rows(table)

    @staticmethod
    def _summary_text(board: Dashboard) -> str:
        c = board.counts
        done = f"{c.done} hoàn thành" + (f" ({c.done_late} trễ hạn)" if c.done_late else "")
        parts = [done, f"{c.doing} đang thực hiện", f"{c.todo} chưa thực hiện"]
        if c.skipped:
            parts.append(f"{c.skipped} không thực hiện")
        overdue = "chưa tính được số quá hạn (đồng hồ máy sai)" if c.overdue is None else f"{c.overdue} quá hạn"
        return f"Năm {board.year} có {c.total} kỳ cần hoàn thành: " + ", ".join(parts) + f"; {overdue}."

    def _show_backup(self, backup) -> None:
        if backup is None:
            self.backup_label.setText("Chưa có bản sao lưu. Vào menu Tệp → Sao lưu ngay để giữ an toàn dữ liệu.")
            self.backup_label.setStyleSheet("color: #c62828; font-weight: bold;")
        else:
            self.backup_label.setText(f"Sao lưu gần nhất: {backup.text}")
            self.backup_label.setStyleSheet("")

    # -- reacting -----------------------------------------------------------------
    def refresh(self, changes: Changes) -> None:
        """Reload when plans, officials or the reporting periods (the report deadlines) changed (at once if shown,
        else when next shown); the backup line always."""
        if changes.touches(PLANS) or changes.touches(OFFICIALS) or changes.touches(PERIODS):
            if self.isVisible():
                self.reload()
                return
            self._stale = True
        self._show_backup(last_backup(self.store.folder))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale or (self.board is not None and self.board.today != self._today()):
            self.reload()

    def _open(self, index: QModelIndex) -> None:
        task_id = index.data(TASK_ID_ROLE) if index.isValid() else None
        if task_id is not None:
            self.open_task.emit(task_id)
