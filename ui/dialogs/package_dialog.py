"""Xuất hồ sơ gửi cấp trên: year, contents, period, destination; build off the GUI thread; check a package.

The build runs on the runner's worker thread with a plain cancel flag (the app
layer never sees Qt); the progress box appears only if the build lasts over
600 ms. "Hủy" leaves nothing behind (``build_package`` removes what it created).

The dates the report and the self-scoring table will carry are shown and can be changed here
(each change one undo step on the window's stack): a past period's papers are dated at their
deadline, never silently the export day; the e-mail draft goes to the office in force then.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.progress import REPORT_PERIODS
from app.domain.working_year import year_choices, year_end_paper_year
from app.errors import UserError
from app.exporters.package import CONTENTS, PackageRequest, build_package, default_contents, suggested_period
from app.queries.year_papers import report_addressee
from app.resources import working_year_rule
from app.services.checklist import plan_years
from app.services.paper_dates import REPORT, SCORING
from app.services.profile import get_profile
from ui.dialogs.error_dialog import show_error
from ui.dialogs.export_plan_dialog import last_folder, remember_folder
from ui.dialogs.package_dossiers import DossierChoices
from ui.dialogs.register_dialog import follow_stack
from ui.runner import Outcome, run
from ui.system_open import open_path
from ui.journal_undo import JournalUndoStack
from ui.widgets.autosave import transient
from ui.widgets.paper_date import PaperDateField

_UNEXPECTED = "Đã xảy ra lỗi ngoài dự kiến khi xuất gói; không có gói dở dang nào."


class PackageDialog(QDialog):
    """Xuất hồ sơ gửi cấp trên; ``today`` is for tests (it picks what is due: the contents, the report period).

    ``undo_stack`` and ``notify`` are the window's; without them (tests) the dialog keeps its own stack.
    """

    def __init__(self, store, parent: QWidget | None = None, today: date | None = None,
                 undo_stack: JournalUndoStack | None = None, notify=None) -> None:
        super().__init__(parent)
        self.store, self.today = store, today or date.today()
        self.notify = notify or (lambda _changes: None)
        self.undo_stack = undo_stack if undo_stack is not None else JournalUndoStack(store, self.notify, self)
        self.result = None
        self.setWindowTitle("Xuất hồ sơ gửi cấp trên")
        layout = QVBoxLayout(self)
        layout.addLayout(self._form())
        self.result_label = QLabel(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result_label)
        layout.addLayout(self._buttons())
        self.year_box.currentIndexChanged.connect(self._suggest_defaults)
        self.period_box.currentIndexChanged.connect(self._show_dates)
        self._suggest_defaults()
        for keys, slot in ((QKeySequence.StandardKey.Undo, self.undo_stack.undo), (QKeySequence("Ctrl+Y"),
                           self.undo_stack.redo), (QKeySequence("Ctrl+Shift+Z"), self.undo_stack.redo)):
            QShortcut(keys, self, activated=slot)

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        self.year_box = QComboBox()
        years = plan_years(self.store)
        chosen = year_end_paper_year(self.today, years, working_year_rule())
        for year in year_choices(years, chosen):
            self.year_box.addItem(str(year), year)
        self.year_box.setCurrentIndex(self.year_box.findData(chosen))
        form.addRow("Năm:", self.year_box)
        self._content_rows(form)
        self.period_box = QComboBox()
        for period in REPORT_PERIODS:
            self.period_box.addItem(f"Báo cáo {period.label}", period.key)
        form.addRow("Kỳ báo cáo:", self.period_box)
        record = lambda changes: self.undo_stack.record(changes, origin=self)  # noqa: E731
        self.report_date = PaperDateField(self.store, self.today, record, "report_date")
        form.addRow("Ngày của báo cáo:", self.report_date)
        self.scoring_date = PaperDateField(self.store, self.today, record, "scoring_date")
        form.addRow("Ngày của biểu tự chấm điểm:", self.scoring_date)
        if "report" in self.content_boxes:
            self.content_boxes["report"].toggled.connect(self.period_box.setEnabled)
        self.word_box = QCheckBox("Kèm bản Word (.docx) để cấp trên chỉnh sửa", checked=False,
                                  toolTip="Gói gồm bản PDF để đọc, in và bản Excel để tổng hợp; "
                                          "chỉ đánh dấu khi cấp trên yêu cầu thêm bản Word.")
        form.addRow("", self.word_box)
        self.zip_box = QCheckBox("Tạo thêm tệp nén .zip (để gửi e-mail)", checked=True)
        form.addRow("", self.zip_box)
        row = QHBoxLayout()
        self.folder_edit = transient(QLineEdit(last_folder(self.store)))
        choose = QPushButton("Chọn thư mục…")
        choose.clicked.connect(self.choose_folder)
        row.addWidget(self.folder_edit, 1)
        row.addWidget(choose)
        form.addRow("Lưu vào (ổ USB hoặc thư mục):", row)
        return form

    def _content_rows(self, form: QFormLayout) -> None:
        """One box per content with, beside it, why it is ticked; then the year's dossiers to choose from."""
        self.due_label = QLabel(wordWrap=True)
        form.addRow("Nội dung:", self.due_label)
        self.content_boxes: dict[str, QCheckBox] = {}
        self.reason_labels: dict[str, QLabel] = {}
        for kind in CONTENTS.values():
            self.content_boxes[kind.key] = QCheckBox(kind.title)
            self.reason_labels[kind.key] = QLabel(enabled=False)  # greyed: a hint, not a choice
            row = QHBoxLayout()
            row.addWidget(self.content_boxes[kind.key])
            row.addWidget(self.reason_labels[kind.key], 1)
            form.addRow("", row)
        self.dossier_choices = DossierChoices(self.store)
        form.addRow("Hồ sơ khen thưởng:", self.dossier_choices)
        self.content_boxes["dossier"].toggled.connect(self.dossier_choices.set_active)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.verify_button = QPushButton("Kiểm tra gói…")
        self.verify_button.clicked.connect(lambda: check_package_interactively(self))
        self.export_button = QPushButton("Xuất gói", default=True)
        self.export_button.clicked.connect(self.start_export)
        close = QPushButton("Đóng")
        close.clicked.connect(self.reject)
        row.addWidget(self.verify_button)
        row.addStretch(1)
        row.addWidget(self.export_button)
        row.addWidget(close)
        return row

    def _suggest_defaults(self) -> None:
        """Tick what the year's package owes on ``today`` (package-due.json) and say why beside each box."""
        year = int(self.year_box.currentData())
        ticked, due = default_contents(self.store, year, self.today)
        reasons = {item.key: item.reason for item in due}
        for key, box in self.content_boxes.items():
            box.setChecked(key in ticked)
            self.reason_labels[key].setText(reasons.get(key, ""))
        self.due_label.setText(
            f"Đánh dấu sẵn những nội dung đến hạn gửi cấp trên (tính đến ngày {self.today:%d/%m/%Y}):" if due else
            f"Ngày {self.today:%d/%m/%Y} chưa có nội dung nào của năm {year} đến hạn; đánh dấu theo mặc định.")
        self.period_box.setCurrentIndex(self.period_box.findData(suggested_period(self.store, year, self.today)))
        self.dossier_choices.show_year(year, self.today)
        if self.content_boxes["dossier"].isChecked() and not self.dossier_choices.any_upward():
            # due, yet nothing to send: unticked, saying so, rather than an error at "Xuất gói"
            self.content_boxes["dossier"].setChecked(False)
            self.reason_labels["dossier"].setText(f"năm {year} không có hồ sơ nào đề nghị cấp trên khen thưởng")
        self.dossier_choices.set_active(self.content_boxes["dossier"].isChecked())
        self._show_dates()

    def _show_dates(self) -> None:
        """The dates the chosen year's report and self-scoring table will carry."""
        self.flush()  # a date typed belongs to the paper shown before
        year = int(self.year_box.currentData())
        self.report_date.show_paper(REPORT, year, str(self.period_box.currentData()))
        self.scoring_date.show_paper(SCORING, year, "year")

    def _stack_moved(self, _index: int) -> None:
        self.report_date.reload()
        self.scoring_date.reload()

    def flush(self) -> None:
        """Save the dates being typed (before the build, before closing)."""
        self.report_date.flush()
        self.scoring_date.flush()

    def done(self, result: int) -> None:
        self.flush()
        super().done(result)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        follow_stack(self, True)
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802
        follow_stack(self, False)
        super().hideEvent(event)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Chọn nơi lưu gói hồ sơ", self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def request(self) -> PackageRequest:
        contents = tuple(key for key, box in self.content_boxes.items() if box.isChecked())
        return PackageRequest(int(self.year_box.currentData()), contents, str(self.period_box.currentData()),
                              self.zip_box.isChecked(), today=self.today, word_copies=self.word_box.isChecked(),
                              dossiers=self.dossier_choices.chosen())

    # ---------------------------------------------------------------- the build

    def start_export(self) -> None:
        """Build on the runner's worker (with "Hủy"); say what became of it, then offer the next steps."""
        folder = self.folder_edit.text().strip()
        if not folder:
            show_error(self, UserError("Chưa chọn nơi lưu gói hồ sơ.", "Bấm “Chọn thư mục…” (ví dụ ổ USB) rồi xuất lại."))
            return
        self.result = None
        self.flush()  # the papers carry the dates as shown
        request, destination = self.request(), Path(folder)
        built = run(self, "Đang xuất gói hồ sơ", lambda progress: build_package(
            self.store, request, destination, progress=progress, cancelled=progress.cancelled),
            cancel=True, unexpected=_UNEXPECTED)
        if built.cancelled:
            self.result_label.setText("Đã hủy xuất gói; không có gì được ghi lại.")
        elif not built.ok:
            self.result_label.setText(built.error.message if isinstance(built.error, UserError) else _UNEXPECTED)
        else:
            self.result = built.value
            remember_folder(self.store, folder)
            self.result_label.setText("\n".join(self.result.summary()))
            self.offer_next_steps()

    def offer_next_steps(self) -> None:
        """Say what was written; offer to open the folder and to write the e-mail draft."""
        from ui.dialogs.written_files import offer_written

        papers = sorted(self.result.folder.rglob("*.pdf")) if self.result.folder.is_dir() else []
        offer_written(self, "Đã xuất gói hồ sơ", "\n".join(self.result.summary()), papers, self.result.folder.parent,
                      extra=[("Tạo thư nháp &e-mail", self.make_email_draft, self.result.zip_path is not None)])

    def open_folder(self) -> None:
        open_path(self.result.folder.parent)

    def make_email_draft(self) -> Outcome[Path]:
        """Write the .eml beside the zip and open it (Outlook/Thunderbird opens it ready to send)."""
        request, profile = self.request(), get_profile(self.store)
        to = report_addressee(self.store, request.year, request.period, self.today)  # the office of the report's date
        draft = run(self, "Đang tạo thư nháp e-mail", lambda progress: _write_draft(self.result, to, profile.clerk_name))
        if draft.ok:
            self.result_label.setText(self.result_label.text() + f"\nĐã tạo thư nháp e-mail: {draft.value}")
            open_path(draft.value)
        return draft


def _write_draft(result, to: str, clerk: str) -> Path:
    from app.exporters.email_draft import write_email_draft

    try:
        return write_email_draft(result.manifest, result.zip_path, to, clerk)
    except OSError as error:
        raise UserError("Không ghi được thư nháp e-mail.", "Kiểm tra ổ USB còn cắm và còn chỗ trống.",
                        str(error)) from error


def check_package_interactively(parent: QWidget | None, path: str | None = None):
    """Kiểm tra gói…: ask for a .zip (or, if none is chosen, a folder), verify it, show the verdict."""
    from app.exporters.verify import verify_package

    if path is None:
        path, _ = QFileDialog.getOpenFileName(parent, "Chọn tệp .zip của gói (hoặc Hủy để chọn thư mục)", "",
                                              "Gói hồ sơ (*.zip);;manifest.json (manifest.json)")
        path = path or QFileDialog.getExistingDirectory(parent, "Chọn thư mục gói hồ sơ")
    if not path:
        return None
    checked = run(parent, "Đang kiểm tra gói", lambda progress: verify_package(Path(path)))
    if not checked.ok:
        return None
    result = checked.value
    icon = QMessageBox.Icon.Information if result.ok else QMessageBox.Icon.Warning
    QMessageBox(icon, "Kết quả kiểm tra gói", result.verdict, parent=parent).exec()
    return result


def open_package_dialog(parent: QWidget | None, store) -> PackageDialog:
    """The menu's “Xuất hồ sơ gửi cấp trên…”: show the dialog (modal) and return it when closed."""
    dialog = PackageDialog(store, parent, undo_stack=getattr(parent, "undo_stack", None),
                           notify=getattr(parent, "notify", None))
    dialog.exec()
    return dialog
