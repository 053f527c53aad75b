"""Báo cáo kết quả CCHC: choose year and period, see the counts, edit the suggested text, write the files.

Changing the year or the period reads the report again and puts back the
suggested text of every section (the edits belonged to the other period).
The export runs on the GUI thread behind a wait cursor, as the plan export
does: three small files take well under a second.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.progress import REPORT_PERIODS
from app.errors import UserError
from app.exporters.progress_report_files import export_progress_report, file_names
from app.services.checklist import plan_years
from app.services.progress_report import ProgressReport, percent, progress_report
from ui.dialogs.error_dialog import show_error
from ui.dialogs.export_plan_dialog import confirm_overwrite, last_folder, remember_folder
from ui.widgets.fit import fit_to_screen
from ui.widgets.autosave import transient

COUNT_HEADERS = ("Lĩnh vực", "Tổng số", "Hoàn thành", "Trong đó trễ hạn", "Đang thực hiện", "Chưa thực hiện",
                 "Quá hạn", "Không thực hiện")


def period_of(day: date) -> str:
    """The report whose period holds ``day``: the one the clerk is about to write."""
    return next(p.key for p in REPORT_PERIODS if day.month <= p.end_month)


class ProgressReportDialog(QDialog):
    """Báo cáo kết quả thực hiện công tác CCHC; ``today`` is for tests (statuses are judged as of it)."""

    def __init__(self, store, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.store, self.today = store, today or date.today()
        self.report: ProgressReport | None = None
        self.written: list = []
        self.setWindowTitle("Báo cáo kết quả thực hiện công tác cải cách hành chính")
        fit_to_screen(self, 900, 720)
        layout = QVBoxLayout(self)
        layout.addLayout(self._choices())
        self.totals_label = QLabel(wordWrap=True)
        layout.addWidget(self.totals_label)
        layout.addWidget(self._counts_view(), 2)
        layout.addWidget(QLabel("Nội dung báo cáo (gợi ý từ số liệu, sửa trực tiếp):"))
        layout.addWidget(self._editors(), 3)
        layout.addLayout(self._folder_row())
        self.result_label = QLabel(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result_label)
        layout.addLayout(self._buttons())
        self.year_box.currentIndexChanged.connect(self.reload)
        self.period_box.currentIndexChanged.connect(self.reload)
        self.reload()

    # ------------------------------------------------------------------ building

    def _choices(self) -> QFormLayout:
        form = QFormLayout()
        self.year_box = QComboBox()
        years = plan_years(self.store) or [self.today.year]
        for year in years:
            self.year_box.addItem(str(year), year)
        self.year_box.setCurrentIndex(max(0, self.year_box.findData(self.today.year)))
        self.period_box = QComboBox()
        for period in REPORT_PERIODS:
            self.period_box.addItem(f"Báo cáo {period.label}", period.key)
        self.period_box.setCurrentIndex(self.period_box.findData(period_of(self.today)))
        form.addRow("Năm:", self.year_box)
        form.addRow("Kỳ báo cáo:", self.period_box)
        return form

    def _counts_view(self) -> QTableView:
        self.counts_model = QStandardItemModel(0, len(COUNT_HEADERS), self)
        self.counts_model.setHorizontalHeaderLabels(list(COUNT_HEADERS))
        view = QTableView()
        view.setModel(self.counts_model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.counts_view = view
        return view

    def _editors(self) -> QTabWidget:
        self.tabs = QTabWidget()
        self.editors: dict[str, QPlainTextEdit] = {}
        return self.tabs

    def _folder_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.folder_edit = transient(QLineEdit(last_folder(self.store)))
        choose = QPushButton("Chọn thư mục…")
        choose.clicked.connect(self.choose_folder)
        row.addWidget(QLabel("Lưu vào thư mục:"))
        row.addWidget(self.folder_edit, 1)
        row.addWidget(choose)
        return row

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.reset_button = QPushButton("Khôi phục nội dung gợi ý")
        self.reset_button.setToolTip("Đặt lại nội dung gợi ý cho mục đang mở; các mục khác giữ nguyên.")
        self.reset_button.clicked.connect(self.reset_current_section)
        self.export_button = QPushButton("Xuất báo cáo")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        close = QPushButton("Đóng")
        close.clicked.connect(self.reject)
        row.addWidget(self.reset_button)
        row.addStretch(1)
        row.addWidget(self.export_button)
        row.addWidget(close)
        return row

    # ------------------------------------------------------------------ behaviour

    def year(self) -> int:
        return int(self.year_box.currentData())

    def period_key(self) -> str:
        return str(self.period_box.currentData())

    def reload(self) -> None:
        """Read the report for the chosen year and period; counts and suggested text follow.

        Text the clerk edited is kept when the new suggestion would replace it, if the clerk says so.
        """
        previous = getattr(self, "report", None)
        self.report = progress_report(self.store, self.year(), self.period_key(), self.today)
        self._show_counts(self.report)
        if previous is None or not self._edited(previous) or self._replace_edited_text():
            self._fill_editors(self.report)
        self.result_label.clear()

    def _edited(self, report: ProgressReport) -> bool:
        return any(self.editors[s.key].toPlainText() != s.text for s in report.narrative if s.key in self.editors)

    def _replace_edited_text(self) -> bool:
        answer = QMessageBox.question(
            self, "Nội dung đã sửa",
            "Các phần nhận định đã được sửa. Thay bằng nội dung gợi ý theo năm và kỳ mới?\n"
            "(Chọn “Không” để giữ nguyên phần đã sửa; số liệu vẫn được cập nhật theo kỳ mới.)",
        )
        return answer == QMessageBox.StandardButton.Yes

    def _show_counts(self, report: ProgressReport) -> None:
        c = report.totals
        undated = f" Ngoài ra {c.undated} nhiệm vụ không xác định hạn." if c.undated else ""
        self.totals_label.setText(
            f"Từ {report.start:%d/%m/%Y} đến {report.end:%d/%m/%Y} (tình trạng tính đến {report.today:%d/%m/%Y}): "
            f"hoàn thành {c.done}/{c.total} lượt nhiệm vụ đến hạn ({percent(c.done, c.total)}), "
            f"{c.overdue} quá hạn, {c.skipped} không thực hiện.{undated}"
        )
        self.counts_model.setRowCount(0)
        for area in report.areas:
            self._add_count_row(area.title, area.counts.table_values())
        self._add_count_row("Tổng cộng", c.table_values())

    def _add_count_row(self, title: str, values: tuple[int, ...]) -> None:
        items = [QStandardItem(title)] + [QStandardItem(str(value)) for value in values]
        for item in items[1:]:
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counts_model.appendRow(items)

    def _fill_editors(self, report: ProgressReport) -> None:
        if not self.editors:
            for number, section in enumerate(report.narrative, start=1):
                editor = QPlainTextEdit()
                self.editors[section.key] = editor
                self.tabs.addTab(editor, f"{number}. {section.heading}")
        for section in report.narrative:
            self.editors[section.key].setPlainText(section.text)

    def reset_current_section(self) -> None:
        """Put back the suggested text of the open section only."""
        section = self.report.narrative[self.tabs.currentIndex()]
        self.editors[section.key].setPlainText(section.text)

    def narrative(self) -> dict[str, str]:
        return {key: editor.toPlainText() for key, editor in self.editors.items()}

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Chọn thư mục để lưu báo cáo", self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def export(self) -> list:
        """Write the files with the edited text; say what was written, or show the error."""
        folder = self.folder_edit.text().strip()
        if not folder:
            show_error(self, UserError("Chưa chọn thư mục để lưu báo cáo.", "Bấm “Chọn thư mục…” rồi xuất lại."))
            return []
        if not confirm_overwrite(self, folder, file_names(self.year(), self.period_key())):
            return []
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.written = export_progress_report(
                self.store, self.year(), self.period_key(), Path(folder), self.narrative(), self.today,
            )
        except UserError as error:
            QGuiApplication.restoreOverrideCursor()
            show_error(self, error)
            return []
        QGuiApplication.restoreOverrideCursor()
        remember_folder(self.store, folder)
        listing = "\n".join(f"• {item.path.name} — {item.description}" for item in self.written)
        self.result_label.setText(f"Đã lưu vào {folder}:\n{listing}")
        return self.written
