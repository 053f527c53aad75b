"""Starting the window: the folder's lock, the QApplication, the main window, then the data, with recovery.

The window takes the data folder's lock before anything else (a second window
on the same folder is refused and exits without writing) and holds it until it
exits. The window shows first; the data is opened from the event loop's first
turn, and the first page shows it read on plain sqlite3 (issue 24). SQLAlchemy,
the models and Alembic load only for a migration or a write, or after the first
page has shown its data, in a thread (``ui/warm_up.py``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app import folder_lock
from app.errors import DatabaseProblem, UserError
from app.logs import start_logs
from app.paths import RECEIVING_MARKER, DataFolder
from ui.main_window import MainWindow
from ui.pyside_workarounds import make_immortal_if_needed
from ui.qt_vietnamese import VietnameseQtStrings

if TYPE_CHECKING:
    from app.startup import StartupReport
    from app.store import Store

Ask = Callable[[DatabaseProblem], str]


def ask_recovery(error: DatabaseProblem) -> str:
    from ui.dialogs.recovery_dialog import RecoveryDialog

    dialog = RecoveryDialog(error, QApplication.activeWindow())
    dialog.exec()
    return dialog.choice()


def open_with_recovery(folder: DataFolder, demo: bool, ask: Ask = ask_recovery,
                       defer_installs: bool = False) -> tuple[Store, StartupReport] | None:
    """Open the folder; on a problem say which, and offer only what fits it (None: the clerk quit).

    A failed restore or fresh start is shown and ends the start: asking again
    would loop on a folder that cannot be written.
    """
    from app.backups import restore_backup, set_damaged_aside
    from app.startup import open_store
    from ui.dialogs.error_dialog import show_error
    from ui.dialogs.recovery_dialog import FRESH, RESTORE, RETRY

    fresh = False
    while True:
        try:
            return open_store(folder, demo, fresh=fresh, defer_installs=defer_installs)
        except DatabaseProblem as error:
            choice = ask(error)
            try:
                if choice == RESTORE:
                    restore_backup(folder, error.latest_backup.path)
                elif choice == FRESH:
                    if folder.database.exists():  # a damaged or empty file is kept aside, never deleted
                        set_damaged_aside(folder)
                    fresh = True
                elif choice != RETRY:
                    return None
            except UserError as failure:
                show_error(None, failure)
                return None
        except UserError as error:
            show_error(None, error)
            return None


def claim_folder(folder: DataFolder, quiet: bool = False) -> folder_lock.FolderLock | None:
    """The folder's lock for this window, or None after saying (in Vietnamese) why the window cannot open."""
    try:
        return folder_lock.acquire(folder, folder_lock.WINDOW)
    except UserError as error:
        if sys.stderr is not None:  # a windowed Windows bundle has none
            print(f"Lỗi: {error}", file=sys.stderr)  # a start from a terminal, a script or a test reads it here
        if not quiet:
            from ui.dialogs.error_dialog import show_error  # only now: every start passes here before its paint

            show_error(None, error)
        return None


def _receiving_folder(folder: DataFolder, quiet: bool) -> bool:
    """True (after saying so) when ``folder`` is the receiving (Tổng hợp) mode's. Every receiving folder carries
    its marker file, so a commune's start (before its first paint) looks for that file only."""
    if not (folder.root / RECEIVING_MARKER).is_file():
        return False
    from app.receiving.folder_kind import refuse_receiving_folder
    from ui.receiving.start import refused

    return refused(folder, refuse_receiving_folder, quiet)


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    make_immortal_if_needed()  # PySide6 6.12 on Python 3.11 loses references to None and True: see the module
    app.setApplicationName("CCHC Xã")
    app.setApplicationDisplayName("CCHC Xã")
    if getattr(app, "_vietnamese", None) is None:
        translator = VietnameseQtStrings(app)
        app.installTranslator(translator)
        app._vietnamese = translator  # keep it alive as long as the application
    return app


def _install_excepthook(folder: DataFolder) -> None:
    def hook(kind, error, trace):
        from ui.dialogs.error_dialog import report_unexpected, show_error

        if isinstance(error, UserError):
            show_error(QApplication.activeWindow(), error)
        else:
            report_unexpected(QApplication.activeWindow(), error, folder.logs / "errors.log")

    sys.excepthook = hook


def _after_first_page(window: MainWindow, store: Store, threads: list, exit_after_show: bool) -> None:
    """The first page shows its data: install what a new folder still lacks, load the ORM in the background."""
    from app.startup import finish_installs

    finish_installs(store)  # only a new folder has any (criteria sets, award kinds): the ORM loads for it
    if exit_after_show:  # for tests and benchmarks: the window has shown its data
        window.close()
        return
    from ui.warm_up import warm_up

    threads.append(warm_up(window))


def run_window(folder: DataFolder, demo: bool = False, exit_after_show: bool = False) -> int:
    """Take the folder, show the window, open the data in the background from the event loop's first turn
    (``ui/warm_up.py``), build the page in view when it is open, run until the window closes."""
    app = make_application()
    _install_excepthook(folder)
    lock = claim_folder(folder, quiet=exit_after_show)  # --exit-after-show: nobody is there to click OK
    if lock is None:
        return 1
    if _receiving_folder(folder, quiet=exit_after_show):  # the province's folder is no commune's
        lock.release()
        return 1
    start_logs(folder.logs)  # errors.log rotating, crash.log armed for a native (Qt) crash
    window = MainWindow(folder)
    app.commitDataRequest.connect(window.commit_data)  # logging off or shutting down saves what was typed
    app.aboutToQuit.connect(window.commit_data)
    window.show()
    app.processEvents()  # paint the window now, before the data layer loads
    opened: list[Store] = []
    threads: list = []

    def data_opened(opener) -> None:
        """On the GUI thread: the folder opened in the background (or a problem to ask about here)."""
        result = opener.opened or open_with_recovery(folder, demo, defer_installs=True)
        if result is None:
            app.exit(1)
            return
        store, report = result
        opened.append(store)
        window.attach_in_steps(store, opener.first_view if opener.opened else None,
                               lambda: _after_first_page(window, store, threads, exit_after_show))
        if report.backup_problem:
            window.statusBar().showMessage(report.backup_problem, 15000)
        elif demo and not report.demo_loaded:
            window.statusBar().showMessage("Thư mục dữ liệu đã có dữ liệu: không nạp dữ liệu mẫu "
                                           "(dữ liệu đang có giữ nguyên).", 15000)

    def open_data() -> None:
        from ui.main_window import PAGES
        from ui.warm_up import OpenData

        # The GUI thread does nothing meanwhile: the menus' entries (≈ 25 ms of Python) would hold the GIL the
        # opening needs; they follow the first page's data (``MainWindow.attach_in_steps``).
        threads.append(OpenData(window, folder, demo, PAGES[window.nav.currentRow()], data_opened).begin())

    QTimer.singleShot(0, open_data)
    code = app.exec()
    for thread in threads:
        thread.wait()  # an import cut short at exit could leave a module half made
        if getattr(thread, "opened", None) and thread.opened[0] not in opened:  # closed before it was shown
            opened.append(thread.opened[0])
    for store in opened:
        store.close()
    lock.release()  # after the last write; a crash releases it too (the OS drops it with the process)
    return code
