"""Starting the window: the QApplication, recovery from a damaged database, the main window."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.backups import restore_backup, set_damaged_aside
from app.errors import DatabaseDamagedError, UserError
from app.paths import DataFolder
from app.startup import StartupReport, open_store
from app.store import Store
from ui.dialogs.error_dialog import report_unexpected, show_error
from ui.dialogs.recovery_dialog import FRESH, RESTORE, RecoveryDialog
from ui.main_window import MainWindow
from ui.qt_vietnamese import VietnameseQtStrings

Ask = Callable[[DatabaseDamagedError], str]


def ask_recovery(error: DatabaseDamagedError) -> str:
    dialog = RecoveryDialog(error)
    dialog.exec()
    return dialog.choice()


def open_with_recovery(folder: DataFolder, demo: bool, ask: Ask = ask_recovery) -> tuple[Store, StartupReport] | None:
    """Open the folder; on a damaged file let the clerk restore, start afresh or quit (None)."""
    while True:
        try:
            return open_store(folder, demo)
        except DatabaseDamagedError as error:
            choice = ask(error)
            try:
                if choice == RESTORE:
                    restore_backup(folder, error.latest_backup.path)
                elif choice == FRESH:
                    set_damaged_aside(folder)
                else:
                    return None
            except UserError as failure:
                show_error(None, failure)
        except UserError as error:
            show_error(None, error)
            return None


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("CCHC Xã")
    app.setApplicationDisplayName("CCHC Xã")
    if getattr(app, "_vietnamese", None) is None:
        translator = VietnameseQtStrings(app)
        app.installTranslator(translator)
        app._vietnamese = translator  # keep it alive as long as the application
    return app


def _install_excepthook(folder: DataFolder) -> None:
    def hook(kind, error, trace):
        if isinstance(error, UserError):
            show_error(QApplication.activeWindow(), error)
        else:
            report_unexpected(QApplication.activeWindow(), error, folder.logs / "errors.log")

    sys.excepthook = hook


def run_window(folder: DataFolder, demo: bool = False, exit_after_show: bool = False) -> int:
    app = make_application()
    _install_excepthook(folder)
    opened = open_with_recovery(folder, demo)
    if opened is None:
        return 1
    store, report = opened
    window = MainWindow(store)
    window.show()
    if report.backup_problem:
        window.statusBar().showMessage(report.backup_problem, 15000)
    if exit_after_show:
        QTimer.singleShot(0, window.close)
    code = app.exec()
    store.close()
    return code
