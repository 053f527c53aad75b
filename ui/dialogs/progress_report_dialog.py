"""Báo cáo kết quả CCHC: choose year and period, see the counts, edit the suggested text, write the files.

The four narrative parts are data (``app.services.report_texts``): each is saved as the clerk
types, per year and period, so changing the period shows that period's own text, reopening
the dialog or the app shows it again, and the package and ``python -m app export`` print it.
Every save and every "Dùng lại nội dung gợi ý" is an undo step on the window's stack.
The paper's own date (the deadline of a past period unless the clerk sets another; today for a
period still running) is shown and set here; the report's statuses are judged as of it and it
chooses the superior the report addresses. The export runs on the GUI thread behind a wait cursor, as the plan export
does: three small files take well under a second.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
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
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.progress import REPORT_PERIODS
from app.domain.reporting_periods import report_in_hand
from app.domain.working_year import year_choices, year_end_paper_year
from app.errors import UserError
from app.exporters.progress_report_files import export_progress_report, file_names
from app.resources import working_year_rule
from app.services.checklist import plan_years
from app.services.paper_dates import REPORT
from app.services.progress_report import ProgressReport, percent, progress_report
from app.services.report_texts import reset_text, set_text, stored_texts
from app.services.reporting_periods import year_windows
from ui.dialogs.error_dialog import show_error
from ui.dialogs.export_plan_dialog import confirm_overwrite, last_folder, remember_folder
from ui.dialogs.register_dialog import follow_stack
from ui.dossier import AutoField
from ui.runner import attempt, run
from ui.journal_undo import JournalUndoStack
from ui.widgets.fit import fit_to_screen
from ui.widgets.autosave import transient
from ui.widgets.paper_date import PaperDateField

COUNT_HEADERS = ("Lĩnh vực", "Tổng số", "Hoàn thành", "Trong đó trễ hạn", "Đang thực hiện", "Chưa thực hiện",
                 "Quá hạn", "Không thực hiện")


class ProgressReportDialog(QDialog):
    """Báo cáo kết quả thực hiện công tác CCHC; ``today`` is for tests (statuses are judged as of it).

    ``undo_stack`` and ``notify`` are the window's; without them (tests) the dialog keeps its own
    stack over the same journal.
    """

    def __init__(self, store, parent: QWidget | None = None, today: date | None = None,
                 undo_stack: JournalUndoStack | None = None, notify=None) -> None:
        super().__init__(parent)
        self.store, self.today = store, today or date.today()
        self.notify = notify or (lambda _changes: None)
        self.undo_stack = undo_stack if undo_stack is not None else JournalUndoStack(store, self.notify, self)
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
        self.source_label = QLabel(wordWrap=True)
        layout.addWidget(self.source_label)
        layout.addLayout(self._folder_row())
        self.result_label = QLabel(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result_label)
        layout.addLayout(self._buttons())
        self.year_box.currentIndexChanged.connect(self.reload)
        self.period_box.currentIndexChanged.connect(self.reload)
        self.tabs.currentChanged.connect(lambda _index: self._show_source())
        for keys, slot in ((QKeySequence.StandardKey.Undo, self.undo), (QKeySequence("Ctrl+Y"), self.redo),
                           (QKeySequence("Ctrl+Shift+Z"), self.redo)):
            QShortcut(keys, self, activated=slot)
        self.reload()

    # ------------------------------------------------------------------ building

    def _choices(self) -> QFormLayout:
        form = QFormLayout()
        self.year_box = QComboBox()
        years = plan_years(self.store)
        chosen = year_end_paper_year(self.today, years, working_year_rule())
        for year in year_choices(years, chosen):
            self.year_box.addItem(str(year), year)
        self.year_box.setCurrentIndex(self.year_box.findData(chosen))
        self.period_box = QComboBox()
        for period in REPORT_PERIODS:
            self.period_box.addItem(f"Báo cáo {period.label}", period.key)
        # last year's paper in January is its annual report; else the one in hand by the year's reporting periods
        period = "year" if chosen < self.today.year else report_in_hand(year_windows(self.store, chosen), self.today)
        self.period_box.setCurrentIndex(self.period_box.findData(period))
        form.addRow("Năm:", self.year_box)
        form.addRow("Kỳ báo cáo:", self.period_box)
        self.date_field = PaperDateField(self.store, self.today, self._date_changed, "report_date")
        form.addRow("Ngày báo cáo:", self.date_field)
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
        self.fields: dict[str, AutoField] = {}
        return self.tabs

    def _add_editor(self, number: int, key: str, heading: str) -> None:
        """One tab per section; its text is saved on a pause in typing or on leaving it (``AutoField``)."""
        editor = QPlainTextEdit(objectName=f"narrative_{key}")
        editor.setTabChangesFocus(True)
        self.editors[key] = editor
        self.fields[key] = AutoField(editor.toPlainText, editor.setPlainText,
                                     lambda report_key, value: self._save_section(report_key, key, value),
                                     changed=(editor.textChanged,), focus=(editor,), parent=self)
        editor.textChanged.connect(self._show_source)
        self.tabs.addTab(editor, f"{number}. {heading}")

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
        self.reset_button = QPushButton("Dùng lại nội dung gợi ý")
        self.reset_button.setToolTip("Bỏ nội dung đã sửa của mục đang mở và dùng lại nội dung gợi ý từ số liệu; "
                                     "các mục khác giữ nguyên. Bấm Hoàn tác (Ctrl+Z) để lấy lại nội dung đã sửa.")
        self.reset_button.clicked.connect(self.reset_current_section)
        self.undo_button = QPushButton("Hoàn tác")
        self.undo_button.clicked.connect(self.undo)
        self.redo_button = QPushButton("Làm lại")
        self.redo_button.clicked.connect(self.redo)
        self.export_button = QPushButton("Xuất báo cáo")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        close = QPushButton("Đóng")
        close.clicked.connect(self.reject)
        row.addWidget(self.reset_button)
        row.addWidget(self.undo_button)
        row.addWidget(self.redo_button)
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
        """Read the report for the chosen year and period: counts, and that period's own text."""
        self.flush()  # what was typed belongs to the period shown before
        self.date_field.show_paper(REPORT, self.year(), self.period_key())
        self.report = progress_report(self.store, self.year(), self.period_key(), self.paper_day())
        self._show_counts(self.report)
        self._fill_editors(self.report)
        self.result_label.clear()

    def paper_day(self) -> date:
        """The report's own date: statuses are judged as of it, and it is the date the paper prints."""
        return self.date_field.current.day

    def _date_changed(self, changes) -> None:
        self.undo_stack.record(changes, origin=self)
        if self.report is None or self.report.today != self.paper_day():
            self.reload()

    def _follow_date(self) -> None:
        """After undo or redo: a date put back changes the report's statuses too."""
        before = self.paper_day()
        self.date_field.reload()
        if self.paper_day() != before:
            self.reload()

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
                self._add_editor(number, section.key, section.heading)
        for section in report.narrative:
            self.fields[section.key].show((report.year, report.period_key), section.text)
        self._show_source()

    def _show_texts(self) -> None:
        """Show the stored texts again (after undo or redo); the suggestions need no new count."""
        stored = stored_texts(self.store, self.report.year, self.report.period_key)
        for section in self.report.narrative:
            self.fields[section.key].show((self.report.year, self.report.period_key),
                                          stored.get(section.key, section.suggestion))
        self._show_source()

    def _current_section(self):
        return self.report.narrative[max(0, self.tabs.currentIndex())]

    def _show_source(self) -> None:
        section = self._current_section()
        edited = self.editors[section.key].toPlainText() != section.suggestion
        self.source_label.setText(
            "Mục này đã được sửa và lưu; “Dùng lại nội dung gợi ý” bỏ phần đã sửa." if edited else
            "Mục này đang dùng nội dung gợi ý từ số liệu; sửa trực tiếp, nội dung được lưu ngay khi gõ."
        )
        self.reset_button.setEnabled(edited)
        self._show_undo_state()

    def _show_undo_state(self, *_args) -> None:
        typing = any(field.read() != field.saved for field in self.fields.values())  # saved by undo first
        self.undo_button.setEnabled(self.undo_stack.canUndo() or typing)
        self.redo_button.setEnabled(self.undo_stack.canRedo())

    def _save_section(self, report_key: tuple[int, str], section_key: str, value: str) -> bool:
        """Store one section's text (AutoField calls this as the clerk types); one undo step per save."""
        year, period = report_key
        outcome = attempt(self, lambda: set_text(self.store, year, period, section_key, value))
        if not outcome.ok:
            return False
        self.undo_stack.record(outcome.value, origin=self)
        self._show_source()
        return True

    def reset_current_section(self) -> None:
        """Dùng lại nội dung gợi ý for the open section only: the stored text is forgotten (undoable)."""
        self.flush()
        section, year, period = self._current_section(), self.report.year, self.report.period_key
        outcome = attempt(self, lambda: reset_text(self.store, year, period, section.key))
        if not outcome.ok:
            return
        self.undo_stack.record(outcome.value, origin=self)
        self._show_texts()

    def flush(self) -> None:
        """Save what is being typed now (before undo, export, another period, closing)."""
        self.date_field.flush()
        for field in self.fields.values():
            field.flush()

    def undo(self) -> None:
        self.flush()
        self.undo_stack.undo()
        self._show_texts()
        self._follow_date()

    def redo(self) -> None:
        self.flush()
        self.undo_stack.redo()
        self._show_texts()
        self._follow_date()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        follow_stack(self, True)
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802
        self.flush()
        follow_stack(self, False)
        super().hideEvent(event)

    def done(self, result: int) -> None:
        self.flush()
        super().done(result)

    def _stack_moved(self, _index: int) -> None:
        if self.report is not None:
            self._show_texts()
            self._follow_date()

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
        self.flush()  # the paper is made from the stored text, as the package and the command line make it
        year, period = self.year(), self.period_key()
        papers = run(self, "Đang xuất báo cáo", lambda progress: export_progress_report(
            self.store, year, period, Path(folder), today=self.today, progress=progress), cancel=True)
        if not papers.ok:
            return []
        self.written = papers.value
        remember_folder(self.store, folder)
        listing = "\n".join(f"• {item.path.name} — {item.description}" for item in self.written)
        self.result_label.setText(f"Đã lưu vào {folder}:\n{listing}")
        return self.written
