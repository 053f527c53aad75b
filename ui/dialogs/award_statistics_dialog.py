"""Thống kê khen thưởng: how many awards the commune received each year, by award and by department.

Read from the award history over a span of years (the last five by default):
a table of awards × years with the totals, the same by department, and a bar
chart of the awards of each year. "Xuất Excel…" writes the tables (Excel, and
a PDF to print) with the exporter; nothing here changes data.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from ui.commune_awards_commands import write_papers
from ui.models.row_table_model import RowTableModel
from ui.widgets.bar_chart import Bar, BarChart
from ui.widgets.fit import fit_to_screen
from ui.widgets.autosave import transient

TOTAL = "Tổng"
ERROR_STYLE = "color: #b00020"


class CountsModel(RowTableModel):
    """Rows of (label, count per year…, total); the last row, the totals, in bold."""

    def show(self, first: str, years: tuple[int, ...], rows: list[tuple]) -> None:
        self.beginResetModel()
        self.HEADERS = (first, *(str(year) for year in years), TOTAL)
        self._rows = list(rows)
        self.endResetModel()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            value = row[column]
            return value if column == 0 else (str(value) if value else "–")
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return row[0]
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and (index.row() == len(self._rows) - 1 or column == len(row) - 1):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def value(self, label: str, header: str):
        """The cell of row ``label`` under column ``header`` (for tests and screen readers)."""
        row = next(item for item in self._rows if item[0] == label)
        return row[self.HEADERS.index(header)]


class CountBar(Bar):
    """A bar of a plain count: its length is against the largest year, its text the number alone."""

    @property
    def percent(self) -> int:
        return 50  # one colour for every year: a count has no target to be measured against

    @property
    def value_text(self) -> str:
        return str(self.done)


class CountChart(BarChart):
    """The shared bar chart, its bars counts (``done`` the count, ``total`` the largest year's)."""

    def set_items(self, items) -> None:
        self._bars = tuple(CountBar(item.label, item.done, item.total) for item in items)
        self.setAccessibleDescription("; ".join(f"{bar.label}: {bar.done}" for bar in self._bars))
        self._fit_height()
        self.updateGeometry()
        self.update()

    def tooltip_text(self, bar: Bar) -> str:
        return f"Năm {bar.label}: {bar.done} lượt khen thưởng"


def count_rows(labels, years, count, total) -> list[tuple]:
    """One row per label with its count each year and its total, then the totals of each year."""
    rows = [(label, *(count(year, label) for year in years), total(label)) for label in labels]
    sums = [sum(row[column] for row in rows) for column in range(1, len(years) + 2)]
    return rows + [(TOTAL, *sums)]


def make_counts_table(model: CountsModel, name: str) -> QTableView:
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    return table


class AwardStatisticsDialog(QDialog):
    def __init__(self, store, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.statistics = None
        this_year = (today or date.today()).year
        self.setWindowTitle("Thống kê khen thưởng")
        self.first = transient(QSpinBox(objectName="first_year", minimum=1975, maximum=2100, value=this_year - 4,
                              keyboardTracking=False))
        self.last = transient(QSpinBox(objectName="last_year", minimum=1975, maximum=2100, value=this_year,
                             keyboardTracking=False))
        self.export_button = QPushButton("Xuất Excel…", objectName="export_statistics",
                                         toolTip="Lưu bảng thống kê ra Excel, kèm bản PDF để in",
                                         clicked=lambda: self.export())
        self.message = QLabel(objectName="message", wordWrap=True)
        self.awards_model, self.departments_model = CountsModel(self), CountsModel(self)
        self.awards = make_counts_table(self.awards_model, "by_award")
        self.departments = make_counts_table(self.departments_model, "by_department")
        self.chart = CountChart(unit="lượt", empty_text="Chưa có khen thưởng nào trong sổ theo dõi.")
        self.chart.setObjectName("by_year_chart")
        self._build()
        self.first.valueChanged.connect(lambda _year: self.reload())
        self.last.valueChanged.connect(lambda _year: self.reload())
        self.reload()
        self.setMinimumSize(720, 480)
        fit_to_screen(self, 1040, 640)

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel("Từ năm:"))
        top.addWidget(self.first)
        top.addWidget(QLabel("đến năm:"))
        top.addWidget(self.last)
        top.addWidget(self.message, 1)
        top.addWidget(self.export_button)
        tables = QVBoxLayout()
        for title, table in (("Theo danh hiệu, hình thức khen thưởng", self.awards),
                             ("Theo bộ phận (cá nhân tính theo bộ phận hiện nay)", self.departments)):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(table)
            tables.addWidget(box, 1)
        chart_box = QGroupBox("Số lượt khen thưởng mỗi năm")
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.addWidget(self.chart)
        chart_layout.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(tables, 3)
        body.addWidget(chart_box, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(close)

    def span(self) -> tuple[int, int]:
        return self.first.value(), self.last.value()

    def reload(self) -> None:
        from app.services.award_statistics import award_statistics

        first, last = self.span()
        try:
            statistics = award_statistics(self.store, first, last)
        except UserError as error:  # a span the clerk is still choosing: said beside it, not in a box
            self.statistics = None
            self.message.setText(f"{error.message} {error.hint}".strip())
            self.message.setStyleSheet(ERROR_STYLE)
            self.export_button.setEnabled(False)
            for model in (self.awards_model, self.departments_model):
                model.show(model.HEADERS[0] if model.HEADERS else "", (), [])
            self.chart.set_items([])
            return
        self.statistics = statistics
        self.export_button.setEnabled(True)
        self.message.setStyleSheet("color: #555")
        self.message.setText(f"{statistics.total} lượt khen thưởng trong sổ theo dõi khen thưởng" if statistics.total
                             else "Sổ theo dõi khen thưởng chưa có khen thưởng nào trong những năm này.")
        years = statistics.years
        self.awards_model.show("Danh hiệu, hình thức", years, count_rows(
            statistics.awards, years, statistics.award_count, statistics.award_total))
        self.departments_model.show("Bộ phận", years, count_rows(
            statistics.departments, years, statistics.department_count, statistics.department_total))
        for table in (self.awards, self.departments):
            self._fit_columns(table, len(years))
        most = max((statistics.year_total(year) for year in years), default=0)
        self.chart.set_items([Bar(str(year), statistics.year_total(year), most) for year in years] if most else [])

    @staticmethod
    def _fit_columns(table: QTableView, years: int) -> None:
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        width = table.fontMetrics().horizontalAdvance("0000") + 24
        for column in range(1, years + 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)

    def export(self, folder: str | None = None) -> list[Path]:
        """Write the statistics of the span shown (``folder``: skip the question, for tests)."""
        from app.exporters.decision_files import statistics_base_name, write_statistics_files

        first, last = self.span()
        stem = statistics_base_name(first, last)
        return write_papers(self, self.store, "thống kê khen thưởng", [f"{stem}.pdf", f"{stem}.xlsx"],
                            lambda target, progress: write_statistics_files(self.store, first, last, target,
                                                                            progress=progress), folder)
