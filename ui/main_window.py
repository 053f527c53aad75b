"""The main window: navigation between pages, menus, status bar. Routes only; no rules here."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QMainWindow, QMessageBox, QStackedWidget, QWidget

from app import __version__
from app.backups import daily_backup, describe, latest_backup
from app.errors import UserError
from app.services.changes import Changes
from app.services.profile import get_profile
from app.store import Store
from ui.backup_actions import BackupActions
from ui.pages.checklist_page import ChecklistPage
from ui.pages.dashboard_page import DashboardPage
from ui.pages.dossier_page import DossierPage
from ui.pages.emulation_page import EmulationPage
from ui.pages.officials_page import OfficialsPage
from ui.pages.plans_page import PlansPage
from ui.pages.profile_page import ProfilePage
from ui.pages.scoring_page import ScoringPage
from ui.window_state import restore_window, save_window

PAGES = (DashboardPage, PlansPage, ChecklistPage, ScoringPage, EmulationPage, DossierPage, ProfilePage, OfficialsPage)
_HOUR_MS = 60 * 60 * 1000


class MainWindow(QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.pages = [page(store, self.undo_stack, self.notify) for page in PAGES]
        self.backups = BackupActions(self, store, self.undo_stack, self.notify)
        self.nav = QListWidget(objectName="navigation")
        self.stack = QStackedWidget()
        self._build_body()
        self._build_menus()
        self._wire_pages()
        self.folder_label = QLabel(objectName="folder_label")
        self.backup_label = QLabel(objectName="backup_label")
        self.statusBar().addWidget(self.folder_label, 1)
        self.statusBar().addPermanentWidget(self.backup_label)
        self._update_status()
        self.nav.setCurrentRow(min(restore_window(self, store.folder.window_settings), len(self.pages) - 1))
        self._backup_timer = QTimer(self, interval=_HOUR_MS, timeout=self._daily_backup)
        self._backup_timer.start()

    def _build_body(self) -> None:
        for page in self.pages:
            self.nav.addItem(page.title)
            self.stack.addWidget(page)
        self.nav.setStyleSheet("QListWidget::item { padding: 8px 6px; }")
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 48)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)

    def page(self, kind):
        return next(page for page in self.pages if isinstance(page, kind))

    def _wire_pages(self) -> None:
        """The dashboard's rows open the task in the checklist."""
        checklist = self.page(ChecklistPage)

        def open_task(task_id: int) -> None:
            self.nav.setCurrentRow(self.pages.index(checklist))
            checklist.select_task(task_id)

        self.page(DashboardPage).open_task.connect(open_task)

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&Tệp")
        self._action(file_menu, "Sao lưu ngay", self.backups.backup, "Ctrl+Shift+B")
        self._action(file_menu, "Sao lưu ra thư mục khác (USB)…", self.backups.backup_elsewhere)
        self._action(file_menu, "Khôi phục từ bản sao lưu…", self.backups.restore)
        file_menu.addSeparator()
        self._action(file_menu, "Xuất hồ sơ gửi cấp trên…", self.export_package, "Ctrl+E")
        self._action(file_menu, "Kiểm tra gói hồ sơ…", self.check_package)
        file_menu.addSeparator()
        self._action(file_menu, "Mở thư mục dữ liệu", self.open_data_folder)
        file_menu.addSeparator()
        self._action(file_menu, "Thoát", self.close, QKeySequence.StandardKey.Quit)
        edit_menu = self.menuBar().addMenu("&Sửa")
        undo = self._action(edit_menu, "Hoàn tác", lambda: self.undo_redo(self.undo_stack.undo), QKeySequence.StandardKey.Undo)
        redo = self._action(edit_menu, "Làm lại", lambda: self.undo_redo(self.undo_stack.redo))
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.undo_stack.undoTextChanged.connect(lambda text: undo.setText(f"Hoàn tác {text}".strip()))
        self.undo_stack.redoTextChanged.connect(lambda text: redo.setText(f"Làm lại {text}".strip()))
        self.undo_stack.canUndoChanged.connect(undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(redo.setEnabled)
        undo.setEnabled(False)
        redo.setEnabled(False)
        view_menu = self.menuBar().addMenu("&Xem")
        for number, page in enumerate(self.pages):
            self._action(view_menu, page.title, lambda _=False, n=number: self.nav.setCurrentRow(n), f"Ctrl+{number + 1}")
        report_menu = self.menuBar().addMenu("&Báo cáo")
        self._action(report_menu, "Báo cáo kết quả thực hiện CCHC…", lambda: self.page(ChecklistPage).open_report())
        awards_menu = self.menuBar().addMenu("&Khen thưởng")
        self._action(awards_menu, "Sổ theo dõi khen thưởng…", self.open_award_history)
        self._action(awards_menu, "Danh hiệu và hình thức khen thưởng…", self.open_award_kinds)
        awards_menu.addSeparator()
        self._action(awards_menu, "Đăng ký thi đua…", self.open_registration)
        self._action(awards_menu, "Mẫu giấy khen và in phôi…", self.open_certificates)
        self._action(awards_menu, "Thống kê khen thưởng…", self.open_award_statistics)
        help_menu = self.menuBar().addMenu("Trợ &giúp")
        self._action(help_menu, "Giới thiệu CCHC Xã", self.show_about)

    def open_award_history(self) -> None:
        from ui.dialogs.award_history_dialog import AwardHistoryDialog

        AwardHistoryDialog(self.store, self.undo_stack, self.notify, self).exec()

    def open_award_kinds(self) -> None:
        from ui.dialogs.award_kinds_dialog import AwardKindsDialog

        AwardKindsDialog(self.store, self.undo_stack, self.notify, self).exec()

    def open_registration(self) -> None:
        from ui.dialogs.registration_dialog import RegistrationDialog

        RegistrationDialog(self.store, self.undo_stack, self.notify, self).exec()

    def open_certificates(self) -> None:
        from ui.dialogs.certificates_dialog import CertificatesDialog

        CertificatesDialog(self.store, self.undo_stack, self.notify, self).exec()

    def open_award_statistics(self) -> None:
        from ui.dialogs.award_statistics_dialog import AwardStatisticsDialog

        AwardStatisticsDialog(self.store, self).exec()

    def undo_redo(self, step) -> None:
        """Save what is being typed first, so undo takes back the last change and never loses typing."""
        for page in self.pages:
            flush = getattr(page, "flush_edits", None)
            if flush is not None:
                flush()
        step()

    def notify(self, changes: Changes) -> None:
        """Tell every page what changed; each refreshes only what it shows."""
        for page in self.pages:
            page.refresh(changes)
        self._update_status()

    def _update_status(self) -> None:
        profile = get_profile(self.store)
        commune = f"Xã {profile.commune_name} — " if profile.commune_name else ""
        self.setWindowTitle(f"{commune}CCHC Xã")
        self.folder_label.setText(f"Thư mục dữ liệu: {self.store.folder.root}")
        latest = latest_backup(self.store.folder)
        self.backup_label.setText(f"Sao lưu gần nhất: {describe(latest)}" if latest else "Chưa có bản sao lưu")

    def _daily_backup(self) -> None:
        try:
            daily_backup(self.store.folder)
        except UserError as error:
            self.statusBar().showMessage(error.message, 10000)
        self._update_status()

    def export_package(self) -> None:
        from ui.dialogs.package_dialog import open_package_dialog

        self.undo_redo(lambda: None)  # save what is being typed before papers are made
        open_package_dialog(self, self.store)

    def check_package(self) -> None:
        from ui.dialogs.package_dialog import check_package_interactively

        check_package_interactively(self)

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.store.folder.root)))

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "Giới thiệu CCHC Xã",
            f"<b>CCHC Xã</b> phiên bản {__version__}<br>"
            "Phần mềm hỗ trợ công chức Văn phòng - Thống kê lập kế hoạch cải cách hành chính, "
            "theo dõi nhiệm vụ, chấm điểm và lập hồ sơ thi đua - khen thưởng.<br><br>"
            f"Thư mục dữ liệu: {self.store.folder.root}<br>"
            f"Python {platform.python_version()}, Qt for Python {pyside_version}",
        )

    def closeEvent(self, event) -> None:
        save_window(self, self.store.folder.window_settings, self.nav.currentRow())
        super().closeEvent(event)
