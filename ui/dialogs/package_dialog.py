"""Xuất hồ sơ gửi cấp trên: year, contents, period, destination; build off the GUI thread; check a package.

The build runs on a QThread with a plain cancel flag (the app layer never sees
Qt); the progress dialog appears only if the build lasts over 600 ms. Cancel
leaves nothing behind (``build_package`` removes what it created).
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QThread, Signal
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
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.progress import REPORT_PERIODS
from app.errors import UserError
from app.exporters.package import CONTENTS, ExportCancelled, PackageRequest, build_package, default_period
from app.services.checklist import plan_years
from app.services.profile import get_profile
from ui.dialogs.error_dialog import show_error
from ui.dialogs.export_plan_dialog import last_folder, remember_folder
from ui.runner import start_worker
from ui.system_open import open_path
from ui.widgets.autosave import transient


class _BuildThread(QThread):
    """Runs ``build_package``; reports through signals, which Qt delivers on the GUI thread."""

    stepped = Signal(int, int, str)
    failed = Signal(object)

    def __init__(self, store, request: PackageRequest, destination: Path, parent=None) -> None:
        super().__init__(parent)
        self.store, self.request, self.destination = store, request, destination
        self.cancel_flag = threading.Event()
        self.result = None

    def run(self) -> None:
        try:
            self.result = build_package(self.store, self.request, self.destination,
                                        progress=self.stepped.emit, cancelled=self.cancel_flag.is_set)
        except (UserError, ExportCancelled) as error:
            self.failed.emit(error)
        except Exception as error:  # a bug: shown, never swallowed silently
            self.failed.emit(UserError("Đã xảy ra lỗi ngoài dự kiến khi xuất gói; không có gói dở dang nào.",
                                       "Hãy thử lại; nếu lỗi lặp lại, báo cho người hỗ trợ.", repr(error)))


class PackageDialog(QDialog):
    """Xuất hồ sơ gửi cấp trên; ``today`` is for tests (it picks the default report period)."""

    def __init__(self, store, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.store, self.today = store, today or date.today()
        self.result = None
        self.last_error: BaseException | None = None
        self.thread: _BuildThread | None = None
        self.setWindowTitle("Xuất hồ sơ gửi cấp trên")
        layout = QVBoxLayout(self)
        layout.addLayout(self._form())
        self.result_label = QLabel(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result_label)
        layout.addLayout(self._buttons())
        self.year_box.currentIndexChanged.connect(self._suggest_period)
        self._suggest_period()

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        self.year_box = QComboBox()
        for year in plan_years(self.store) or [self.today.year]:
            self.year_box.addItem(str(year), year)
        self.year_box.setCurrentIndex(max(0, self.year_box.findData(self.today.year)))
        form.addRow("Năm:", self.year_box)
        self.content_boxes: dict[str, QCheckBox] = {}
        for kind in CONTENTS.values():
            box = QCheckBox(kind.title, checked=not kind.optional)
            self.content_boxes[kind.key] = box
            form.addRow("Nội dung:" if len(self.content_boxes) == 1 else "", box)
        self.period_box = QComboBox()
        for period in REPORT_PERIODS:
            self.period_box.addItem(f"Báo cáo {period.label}", period.key)
        form.addRow("Kỳ báo cáo:", self.period_box)
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

    def reject(self) -> None:
        """Closing while a build runs cancels it and waits, so nothing half-written stays behind."""
        if self.thread is not None:
            self.thread.cancel_flag.set()
            self.thread.wait()
        super().reject()

    def _suggest_period(self) -> None:
        key = default_period(int(self.year_box.currentData()), self.today)
        self.period_box.setCurrentIndex(self.period_box.findData(key))

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Chọn nơi lưu gói hồ sơ", self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def request(self) -> PackageRequest:
        contents = tuple(key for key, box in self.content_boxes.items() if box.isChecked())
        return PackageRequest(int(self.year_box.currentData()), contents, str(self.period_box.currentData()),
                              self.zip_box.isChecked(), today=self.today, word_copies=self.word_box.isChecked())

    # ---------------------------------------------------------------- the build

    def start_export(self) -> None:
        """Start the build on a worker thread; ``finish`` runs when it ends."""
        folder = self.folder_edit.text().strip()
        if not folder:
            show_error(self, UserError("Chưa chọn nơi lưu gói hồ sơ.", "Bấm “Chọn thư mục…” (ví dụ ổ USB) rồi xuất lại."))
            return
        self.result, self.last_error = None, None
        self.thread = _BuildThread(self.store, self.request(), Path(folder), self)
        self.progress = QProgressDialog("Đang chuẩn bị…", "Hủy", 0, 0, self)
        self.progress.setWindowTitle("Đang xuất gói hồ sơ")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(600)
        self.progress.canceled.connect(self.thread.cancel_flag.set)
        self.thread.stepped.connect(self._show_step)
        self.thread.failed.connect(self._remember_error)
        self.thread.finished.connect(self.finish)
        self.export_button.setEnabled(False)
        start_worker(self.thread)  # garbage collected here first: never on the worker

    def _show_step(self, step: int, total: int, text: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setLabelText(text)
        self.progress.setValue(min(step, total))

    def _remember_error(self, error: BaseException) -> None:
        self.last_error = error

    def finish(self) -> None:
        self.progress.reset()
        self.export_button.setEnabled(True)
        result, error = self.thread.result, self.last_error
        self.thread = None
        if isinstance(error, ExportCancelled):
            self.result_label.setText("Đã hủy xuất gói; không có gì được ghi lại.")
        elif isinstance(error, UserError):
            self.result_label.setText(error.message)
            show_error(self, error)
        elif result is not None:
            self.result = result
            remember_folder(self.store, self.folder_edit.text().strip())
            self.result_label.setText("\n".join(result.summary()))
            self.offer_next_steps()

    def offer_next_steps(self) -> None:
        """Say what was written; offer to open the folder and to write the e-mail draft."""
        box = QMessageBox(QMessageBox.Icon.Information, "Đã xuất gói hồ sơ", "\n".join(self.result.summary()), parent=self)
        open_button = box.addButton("Mở thư mục", QMessageBox.ButtonRole.ActionRole)
        mail_button = box.addButton("Tạo thư nháp e-mail", QMessageBox.ButtonRole.ActionRole)
        mail_button.setEnabled(self.result.zip_path is not None)
        box.addButton("Đóng", QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        if box.clickedButton() is open_button:
            self.open_folder()
        elif box.clickedButton() is mail_button:
            self.make_email_draft()

    def open_folder(self) -> None:
        open_path(self.result.folder.parent)

    def make_email_draft(self) -> Path | None:
        """Write the .eml beside the zip and open it (Outlook/Thunderbird opens it ready to send)."""
        from app.exporters.email_draft import write_email_draft

        profile = get_profile(self.store)
        try:
            draft = write_email_draft(self.result.manifest, self.result.zip_path,
                                      profile.receiving_office or profile.superior_authority, profile.clerk_name)
        except OSError as error:
            show_error(self, UserError("Không ghi được thư nháp e-mail.", "Kiểm tra ổ USB còn cắm và còn chỗ trống.",
                                       str(error)))
            return None
        self.result_label.setText(self.result_label.text() + f"\nĐã tạo thư nháp e-mail: {draft}")
        open_path(draft)
        return draft


def check_package_interactively(parent: QWidget | None, path: str | None = None):
    """Kiểm tra gói…: ask for a .zip (or, if none is chosen, a folder), verify it, show the verdict."""
    from app.exporters.verify import verify_package

    if path is None:
        path, _ = QFileDialog.getOpenFileName(parent, "Chọn tệp .zip của gói (hoặc Hủy để chọn thư mục)", "",
                                              "Gói hồ sơ (*.zip);;manifest.json (manifest.json)")
        path = path or QFileDialog.getExistingDirectory(parent, "Chọn thư mục gói hồ sơ")
    if not path:
        return None
    try:
        result = verify_package(Path(path))
    except UserError as error:
        show_error(parent, error)
        return None
    icon = QMessageBox.Icon.Information if result.ok else QMessageBox.Icon.Warning
    QMessageBox(icon, "Kết quả kiểm tra gói", result.verdict, parent=parent).exec()
    return result


def open_package_dialog(parent: QWidget | None, store) -> PackageDialog:
    """The menu's “Xuất hồ sơ gửi cấp trên…”: show the dialog (modal) and return it when closed."""
    dialog = PackageDialog(store, parent)
    dialog.exec()
    return dialog
