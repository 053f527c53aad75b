"""One commune's package, opened from the ranking (Enter or a double click): its papers, its scores beside
the criteria with the province's appraisal, its plan's tasks, its award proposals.

Not modal: the specialist keeps the ranking beside it; every appraisal typed re-ranks the window at once.
It reads the package the ranking reads for that commune and year (``queries.ranked_package``).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QTabWidget,
    QVBoxLayout, QWidget,
)

from app.domain.points import format_points
from app.errors import UserError
from app.receiving.models import moment_label
from ui.receiving.appraisal_tree import AppraisalTree
from ui.runner import attempt, report
from ui.widgets.table_habits import install_row_copy

TASK_LABELS = {"planned": "Chưa thực hiện", "in_progress": "Đang thực hiện", "done": "Hoàn thành",
               "overdue": "Quá hạn", "cancelled": "Không thực hiện"}
PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def _table(name: str, headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers), objectName=name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAlternatingRowColors(True)
    for number, values in enumerate(rows):
        for column, text in enumerate(values):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(number, column, item)
    table.resizeColumnsToContents()
    for column in range(len(headers) - 1):
        table.setColumnWidth(column, min(table.columnWidth(column), 320))
    install_row_copy(table)
    return table


class CommuneDialog(QDialog):
    def __init__(self, window, commune_key: str, year: int) -> None:
        super().__init__(window, objectName="commune_dialog")
        self.main, self.commune_key, self.year = window, commune_key, year
        self.package = None
        self.heading = QLabel(objectName="commune_heading", wordWrap=True)
        self.totals = QLabel(objectName="commune_totals", wordWrap=True)
        self.tree = AppraisalTree(self._save, lambda error: report(self, error))
        self.tabs = QTabWidget(objectName="commune_tabs")
        self.papers = _table("commune_papers", ("Văn bản", "Tệp", "Dung lượng"), [])
        self.papers.doubleClicked.connect(lambda _index: self.open_paper())
        self.tabs.addTab(self._papers_tab(), "&Văn bản")
        self.tabs.addTab(self.tree, "&Chấm điểm")
        self.tabs.addTab(QWidget(), "&Kế hoạch")
        self.tabs.addTab(QWidget(), "Khen &thưởng")
        export = QPushButton("&Xuất kết quả thẩm định…", objectName="export_result")
        export.clicked.connect(self.export_result)
        close = QPushButton("Đóng", objectName="close")
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(export)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.totals)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Ctrl+Z / Ctrl+Y / F1 work here too: the window's own entries, live in this window as well
        self.addActions([action for name in ("undo", "redo", "help") if (action := window.findChild(QAction, name))])
        self.resize(min(1180, max(900, window.width() - 40)), min(700, max(560, window.height() - 40)))
        self.reload()
        self._load_papers()
        self.tabs.setCurrentIndex(1)

    def _papers_tab(self) -> QWidget:
        tab = QWidget()
        opener = QPushButton("&Mở", objectName="open_paper")
        opener.setToolTip("Lấy văn bản đang chọn ra một thư mục tạm rồi mở bằng chương trình của máy")
        opener.clicked.connect(self.open_paper)
        row = QHBoxLayout()
        row.addWidget(QLabel("Các văn bản trong gói (theo manifest.json); chọn một văn bản rồi bấm “Mở”."), 1)
        row.addWidget(opener)
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self.papers, 1)
        return tab

    # ------------------------------------------------------------------ reading

    def reload(self) -> None:
        """Read the package and the appraisal again (after an edit, an undo, a new consolidation)."""
        from app.receiving import queries

        store = self.main.store
        self.package = queries.ranked_package(store, self.commune_key, self.year)
        if self.package is None:
            self.heading.setText("Gói của đơn vị này không còn trong dữ liệu tổng hợp năm này.")
            return
        row, data = self.package.row, self.package.data
        self.setWindowTitle(f"{row.commune} — năm {self.year}")
        self.heading.setText(f"<b>{row.commune}</b>, tỉnh {row.province} — năm {self.year}, kỳ báo cáo: "
                             f"{row.period_label or 'không rõ'}; gói “{Path(row.path).name}” xuất lúc "
                             f"{moment_label(row.exported_at)}.")
        entries = queries.appraisal(store, self.commune_key, self.year)
        if data is not None and data.scoring is not None:
            self.tree.show_scoring(f"{row.id}", data.scoring, entries)
            self.totals.setText(self._totals_text(data.scoring, entries))
        else:
            self.totals.setText("Gói không có bảng tự chấm điểm: không có gì để thẩm định.")
        self._fill_lists(data)

    @staticmethod
    def _totals_text(scoring, entries) -> str:
        from app.receiving.queries import merged_points

        own = scoring.totals()
        merged = merged_points(scoring, entries)
        if merged is None:
            return (f"Tự chấm: <b>{format_points(own.scaled)}</b> điểm — xếp loại {scoring.rating(own) or '—'}. "
                    "Chưa thẩm định: nhập điểm ở cột “Điểm thẩm định” (Enter hoặc gõ số).")
        appraised = scoring.totals(merged)
        return (f"Tự chấm: <b>{format_points(own.scaled)}</b> điểm — Thẩm định: <b>{format_points(appraised.scaled)}"
                f"</b> điểm — xếp loại theo thẩm định: <b>{scoring.rating(appraised) or '—'}</b>.")

    def _fill_lists(self, data) -> None:
        shown = self.tabs.currentIndex()
        tasks = [(task.area, task.title, task.lead, task.timeframe, TASK_LABELS.get(task.status, task.status))
                 for task in (data.tasks if data else ())]
        proposals = [(item.nominee, item.title, item.authority, item.vote_text, item.dossier)
                     for item in (data.proposals if data else ())]
        for number, (name, headers, rows, title) in enumerate((
                ("commune_tasks", ("Lĩnh vực", "Nhiệm vụ", "Chủ trì", "Thời gian", "Tình trạng"), tasks, "&Kế hoạch"),
                ("commune_proposals", ("Đề nghị khen", "Danh hiệu, hình thức", "Thẩm quyền", "Kết quả biểu quyết",
                                       "Tờ trình"), proposals, "Khen &thưởng")), start=2):
            old = self.tabs.widget(number)
            self.tabs.removeTab(number)
            old.deleteLater()
            self.tabs.insertTab(number, _table(name, headers, rows), f"{title} ({len(rows)})")
        self.tabs.setCurrentIndex(shown)

    def _load_papers(self) -> None:
        from app.receiving.papers import papers_of

        if self.package is None:
            return
        found = attempt(self, lambda: papers_of(Path(self.package.row.path)))
        files = found.value_or(())
        self.papers.setRowCount(len(files))
        for number, item in enumerate(files):
            for column, text in enumerate((item.title, item.path, f"{max(1, round(item.size / 1024))} KB")):
                cell = QTableWidgetItem(text)
                cell.setData(PATH_ROLE, item.path)
                self.papers.setItem(number, column, cell)
        self.papers.resizeColumnsToContents()
        self.papers.horizontalHeader().setStretchLastSection(False)
        self.papers.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if files:
            self.papers.selectRow(0)

    # ------------------------------------------------------------------ commands

    def _save(self, code: str, points: Decimal | None, note: str) -> None:
        from app.receiving.appraisal import set_province_appraisal

        changes = set_province_appraisal(self.main.store, self.commune_key, self.year, code, points, note)
        self.main.record(changes)  # the window re-ranks and reloads this view

    def open_paper(self) -> Path | None:
        """Take the selected paper out to a temporary folder and open it with the system's program."""
        from app.receiving.papers import extract_paper
        from ui import system_open

        current = self.papers.currentItem()
        if current is None or self.package is None:
            return None
        relative = current.data(PATH_ROLE)
        taken = attempt(self, lambda: extract_paper(Path(self.package.row.path), relative))
        if not taken.ok:
            return None
        if not system_open.open_path(taken.value):
            report(self, UserError(f"Không mở được “{taken.value.name}”: máy chưa có chương trình mở loại tệp này.",
                                   f"Tệp đã được lấy ra ở “{taken.value.parent}”; hãy mở bằng chương trình khác."))
        return taken.value

    def export_result(self, folder: Path | None = None) -> list[Path]:
        """This commune's ``KQTD_….zip`` into a chosen folder (``folder``: that one)."""
        from ui.receiving.actions import export_results

        return export_results(self.main, keys=[self.commune_key], folder=folder, year=self.year)
