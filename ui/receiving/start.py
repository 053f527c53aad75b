"""Starting the receiving (Tổng hợp) window: the same lock, recovery, migrations and daily backup as the
commune's window, on the province's own data folder; a commune's folder is refused before anything opens.

The window shows first; the data opens on the event loop's first turn. At the first start (no office named
yet) the office's name is asked once.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer

from app.errors import UserError
from app.logs import start_logs
from app.paths import DataFolder


def refused(folder: DataFolder, check, quiet: bool) -> bool:
    """Run ``check(folder)`` (``refuse_commune_folder`` / ``refuse_receiving_folder``); say a refusal in the
    terminal and, unless ``quiet``, in a box. True when refused."""
    try:
        check(folder)
    except UserError as error:
        if sys.stderr is not None:  # a windowed Windows bundle has none
            print(f"Lỗi: {error}", file=sys.stderr)
        if not quiet:
            from ui.dialogs.error_dialog import show_error

            show_error(None, error)
        return True
    return False


def run_receiving_window(folder: DataFolder, exit_after_show: bool = False) -> int:
    """Take the folder, show the window, open the data, run until the window closes."""
    from app.receiving.folder_kind import mark_receiving, refuse_commune_folder
    from ui.application import _install_excepthook, claim_folder, make_application, open_with_recovery
    from ui.receiving.window import ReceivingWindow

    app = make_application()
    _install_excepthook(folder)
    lock = claim_folder(folder, quiet=exit_after_show)
    if lock is None:
        return 1
    if refused(folder, refuse_commune_folder, exit_after_show):
        lock.release()
        return 1
    start_logs(folder.logs)
    window = ReceivingWindow(folder)
    window.show()
    app.processEvents()  # paint the window before the data layer loads
    opened = []

    def open_data() -> None:
        result = open_with_recovery(folder, demo=False, defer_installs=True)  # a province needs no commune sets
        if result is None:
            app.exit(1)
            return
        store, report = result
        opened.append(store)
        mark_receiving(folder)
        window.attach(store)
        if report.backup_problem:
            window.statusBar().showMessage(report.backup_problem, 15000)
        if exit_after_show:  # for tests and benchmarks: the window has shown its data
            window.close()
            return
        ask_office_once(window)

    QTimer.singleShot(0, open_data)
    code = app.exec()
    for store in opened:
        store.close()
    lock.release()
    return code


def ask_office_once(window) -> None:
    """The first start: the office's name, asked once (it can be changed later from the Tệp menu)."""
    from app.receiving.folder_kind import office_named

    if not office_named(window.store):
        from ui.receiving.actions import name_office

        name_office(window)
