"""The main window: navigation between pages, menus, status bar. Routes only; no rules here.

It shows before the data is open: ``MainWindow(folder)`` is a light shell (the
navigation, the menus, "Đang mở dữ liệu…") that paints while Python imports the
data layer; ``attach(store)`` then builds the page in view. Every other page is
built the first time the clerk goes to it, so a start costs one page, not eight.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.paths import DataFolder
from ui.journal_undo import JournalUndoStack
from ui.window_dialogs import WindowDialogs
from ui.window_menus import add_titles
from ui.window_state import restore_window, save_window

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from app.services.changes import Changes


@dataclass(frozen=True)
class PageEntry:
    """A page named without importing it: its module is loaded on the first visit."""

    title: str
    module: str
    name: str
    view: str = ""  # "module:function" reading the page's data as it opens, without Qt (any thread)

    def load(self) -> type:
        return getattr(importlib.import_module(self.module), self.name)

    def read_ahead(self, store):
        """The page's first view read now (None when it has no such function); off the GUI thread at start."""
        if not self.view:
            return None
        module, function = self.view.split(":")
        return getattr(importlib.import_module(module), function)(store)


PAGES = (
    PageEntry("Tổng quan", "ui.pages.dashboard_page", "DashboardPage", "app.queries.dashboard_view:first_view"),
    PageEntry("Kế hoạch", "ui.pages.plans_page", "PlansPage"),
    PageEntry("Theo dõi nhiệm vụ", "ui.pages.checklist_page", "ChecklistPage"),
    PageEntry("Chấm điểm CCHC", "ui.pages.scoring_page", "ScoringPage"),
    PageEntry("Thi đua", "ui.pages.emulation_page", "EmulationPage"),
    PageEntry("Khen thưởng", "ui.pages.dossier_page", "DossierPage"),
    PageEntry("Thông tin đơn vị", "ui.pages.profile_page", "ProfilePage"),
    PageEntry("Cán bộ, công chức", "ui.pages.officials_page", "OfficialsPage"),
)
_HOUR_MS = 60 * 60 * 1000


def _exec(dialog) -> None:
    """Run a modal dialog, then free it on this (the GUI) thread rather than leave it to the garbage collector.

    What was typed is saved before it opens and whatever way it closes (Đóng, Esc, the X)."""
    from ui.widgets.autosave import flush_all_edits

    flush_all_edits()
    try:
        dialog.exec()
    finally:
        flush_all_edits()
        dialog.deleteLater()


def missing_pages() -> list[str]:
    """The pages whose module does not load: a frozen bundle finds them only if the build was told of them
    (they are imported by name, which PyInstaller cannot see); ``--self-test`` runs this."""
    missing = []
    for entry in PAGES:
        try:
            entry.load()
            if entry.view:  # the function that reads the page's first view, named as a string too
                module, function = entry.view.split(":")
                getattr(importlib.import_module(module), function)
        except (ImportError, AttributeError) as error:
            missing.append(f"{entry.title} ({entry.module}: {error})")
    return missing


def _placeholder(text: str) -> QWidget:
    """The text centred by stretches around it: an alignment flag touches the ``Qt`` namespace (~40 ms before the
    first paint), rich text costs ~3 ms a label, a style sheet (as before) sets up Qt's style-sheet engine."""
    holder = QWidget()
    label = QLabel(text)
    label.setEnabled(False)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(label)
    row.addStretch(1)
    column = QVBoxLayout(holder)
    column.addStretch(1)
    column.addLayout(row)
    column.addStretch(1)
    return holder


class MainWindow(WindowDialogs, QMainWindow):
    def __init__(self, folder: DataFolder) -> None:
        super().__init__()
        self.folder = folder
        self.store = None
        self.undo_stack = JournalUndoStack(None, self.notify, self)
        self.built: dict[int, QWidget] = {}
        self.backups = None
        self.nav = QListWidget(objectName="navigation")
        self.stack = QStackedWidget()
        self._shortcuts: list[tuple[QAction, tuple]] = []
        self._build_body()
        # The menus live in the window, as on Windows: on Linux a "native" (global) menu bar first asks
        # D-Bus for a menu registrar, which held the first paint back by ~50 ms.
        self.menuBar().setNativeMenuBar(False)
        self._menus: dict | None = add_titles(self)  # the entries follow the first paint (``finish_menus``)
        self.menuBar().setEnabled(False)
        self.folder_label = QLabel("Đang mở dữ liệu…", objectName="folder_label")
        self.backup_label = QLabel(objectName="backup_label")
        self.clock_label = QLabel(objectName="clock_label", visible=False)  # filled and styled by _update_status
        self.statusBar().addWidget(self.clock_label)
        self.statusBar().addWidget(self.folder_label, 1)
        self.statusBar().addPermanentWidget(self.backup_label)
        self.setWindowTitle("CCHC Xã")
        self.nav.setCurrentRow(min(restore_window(self, folder.window_settings), len(PAGES) - 1))

    def attach(self, store, first_view=None) -> None:
        """The data is open: build the page in view, enable the menus, start the hourly backup check.

        ``first_view``: that page's data read ahead (``PageEntry.read_ahead``), so building it reads nothing."""
        self._attach_store(store)
        self._attach_menus()
        if first_view is not None:
            self.page_at(self.nav.currentRow(), first_view)
        self._show_page(self.nav.currentRow())

    def attach_in_steps(self, store, first_view=None, then=None) -> None:
        """``attach`` with the data first (issue 24): the page built, then shown, then ``then()`` (the first page
        shows its data), then the menus' entries, keys and backup actions — each its own turn of the event loop,
        so a click waits for one step at most. Until the last step the menus stay disabled."""

        def build() -> None:
            self.page_at(self.nav.currentRow(), first_view)
            # 1 ms, not 0: a zero timer is a posted call, run before the input and timers already waiting.
            QTimer.singleShot(1, show)

        def show() -> None:
            self._show_page(self.nav.currentRow())
            if then is not None:
                QTimer.singleShot(1, then)
            QTimer.singleShot(1, self._attach_menus)

        self._attach_store(store)
        QTimer.singleShot(1, build)

    def _attach_store(self, store) -> None:
        """What shows with the first page: the store, the undo stack, Vietnamese numbers, the title and status."""
        from ui.qt_vietnamese import use_vietnamese_numbers

        use_vietnamese_numbers()  # here, not before the first paint
        self.store = store
        self.undo_stack.store = store
        self.undo_stack.load()
        self._update_status()

    def _attach_menus(self) -> None:
        """The menus' entries and keys, the backup actions and the hourly backup check (once)."""
        if self.backups is not None or self.store is None:
            return
        from ui.backup_actions import BackupActions

        self.finish_menus()
        self.backups = BackupActions(self, self.store, self.undo_stack, self.notify)
        self.menuBar().setEnabled(True)
        self._bind_shortcuts()
        self._backup_timer = QTimer(self, interval=_HOUR_MS, timeout=self._daily_backup)
        self._backup_timer.start()

    def _build_body(self) -> None:
        for entry in PAGES:
            self.nav.addItem(entry.title)
            self.stack.addWidget(_placeholder("Đang mở dữ liệu…"))
        self._pad_navigation()
        self.nav.currentRowChanged.connect(self._show_page)
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)

    def _pad_navigation(self) -> None:
        """Roomy entries (≈ 8 px above and below, 6 px beside the text) by sizes, not a style sheet (see _placeholder)."""
        self.nav.setSpacing(3)  # around each entry; with the default 3 px text margin, 6 px beside the text
        height = self.nav.fontMetrics().height() + 10
        for row in range(self.nav.count()):
            self.nav.item(row).setSizeHint(QSize(self.nav.sizeHintForColumn(0), height))
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 54)

    def _show_page(self, row: int) -> None:
        if self.store is not None:
            self.save_typing()  # the page being left may hold typing its pause has not saved yet
        if self.store is not None and row >= 0:
            self.page_at(row)
        self.stack.setCurrentIndex(row)

    def page_at(self, row: int, first_view=None) -> QWidget:
        """The page at ``row``, built on the first visit (it reads its data then, unless given ``first_view``)."""
        page = self.built.get(row)
        if page is None:
            extra = {} if first_view is None else {"first_view": first_view}
            page = PAGES[row].load()(self.store, self.undo_stack, self.notify, **extra)
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.built[row] = page
            opener = page.task_opener()
            if opener is not None:
                opener.connect(self.open_task)
        return page

    def page(self, kind: type) -> QWidget:
        row = next(row for row, entry in enumerate(PAGES) if (entry.module, entry.name) == (kind.__module__, kind.__name__))
        return self.page_at(row)

    @property
    def pages(self) -> list[QWidget]:
        """The pages built so far, in navigation order."""
        return [self.built[row] for row in sorted(self.built)]

    def open_task(self, task_id: int) -> None:
        from ui.pages.checklist_page import ChecklistPage

        checklist = self.page(ChecklistPage)
        self.nav.setCurrentRow(self.stack.indexOf(checklist))
        checklist.select_task(task_id)

    def finish_menus(self) -> None:
        """The menus' entries (``ui/window_menus.py``), once: when the first page has shown its data, or at attach."""
        if self._menus is not None:
            from ui.window_menus import fill_menus

            menus, self._menus = self._menus, None
            fill_menus(self, menus)

    def _bind_shortcuts(self) -> None:
        """Keys work once the data is open (the menus are disabled before); binding them costs ~40 ms."""
        from PySide6.QtGui import QKeySequence

        for action, shortcuts in self._shortcuts:
            action.setShortcuts([QKeySequence(key) for key in shortcuts])
        self._shortcuts.clear()

    def undo_redo(self, step) -> None:
        """Save what is being typed first, so undo takes back the last change and never loses typing."""
        self.save_typing()
        step()

    def save_typing(self, quiet: bool = False) -> list:
        """Save what any page or dialog still holds (every exit path comes here); the refused saves left."""
        for page in self.pages:
            page.flush_edits()
        autosave = sys.modules.get("ui.widgets.autosave")  # not loaded yet (the start): no field holds typing
        return autosave.flush_all_edits(quiet) if autosave is not None else []

    def notify(self, changes: Changes) -> None:
        """Tell every page what changed; each refreshes only what it shows."""
        from app.services.changes import BACKUPS, PROFILE

        for page in self.pages:
            page.refresh(changes)
        if changes.touches(PROFILE) or changes.touches(BACKUPS):  # what the title and the status bar show
            self._update_status()

    def _update_status(self) -> None:
        from app.backups import describe, latest_backup
        from app.clock import folder_clock_check
        from app.queries.start import commune_of

        name = commune_of(self.store)  # on sqlite3: the title is set before the ORM is imported (issue 24)
        commune = f"Xã {name} — " if name else ""
        self.setWindowTitle(f"{commune}CCHC Xã")
        self.folder_label.setText(f"Thư mục dữ liệu: {self.store.folder.root}")
        latest = latest_backup(self.store.folder)
        self.backup_label.setText(f"Sao lưu gần nhất: {describe(latest)}" if latest else "Chưa có bản sao lưu")
        clock = folder_clock_check(self.store.folder)  # after each backup too: it may move the trusted date
        self.clock_label.setText(clock.short_warning)
        if clock.wrong:  # styled only when shown: no style sheet before the first paint (see _placeholder)
            self.clock_label.setStyleSheet("color: #c62828; font-weight: bold;")
        self.clock_label.setToolTip(clock.warning)
        self.clock_label.setVisible(clock.wrong)

    def _daily_backup(self) -> None:
        """The hourly check, on a worker (the backup opens its own connection; typing goes on meanwhile)."""
        from app.backups import daily_backup
        from ui.runner import start

        if not self.isEnabled():  # other work holds the data (a restore may be replacing the file): next hour
            return
        folder = self.store.folder
        start(self, lambda progress: daily_backup(folder), self._daily_backup_done)

    def _daily_backup_done(self, outcome) -> None:
        """A refused backup is said in the status bar (it is tried again next hour); a bug is reported."""
        from app.errors import UserError
        from ui.runner import report

        if isinstance(outcome.error, UserError):
            self.statusBar().showMessage(outcome.error.message, 10000)
        elif outcome.error is not None:
            report(self, outcome.error)
        self._update_status()

    def export_package(self) -> None:
        from ui.dialogs.package_dialog import open_package_dialog

        self.undo_redo(lambda: None)  # save what is being typed before papers are made
        open_package_dialog(self, self.store)

    def check_package(self) -> None:
        from ui.dialogs.package_dialog import check_package_interactively

        check_package_interactively(self)

    def open_data_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.store.folder.root)))

    def show_about(self) -> None:
        import platform

        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            "Giới thiệu CCHC Xã",
            f"<b>CCHC Xã</b> phiên bản {__version__}<br>"
            "Phần mềm hỗ trợ công chức phụ trách cải cách hành chính, thi đua - khen thưởng của Ủy ban nhân dân "
            "xã, phường lập kế hoạch cải cách hành chính, "
            "theo dõi nhiệm vụ, chấm điểm và lập hồ sơ thi đua - khen thưởng.<br><br>"
            f"Thư mục dữ liệu: {self.store.folder.root}<br>"
            f"Python {platform.python_version()}, Qt for Python {pyside_version}",
        )

    def commit_data(self, *_session) -> None:
        """The session ends (logging off, shutting down) or the application quits: save what was typed."""
        if self.store is not None:
            self.save_typing(quiet=True)

    def closeEvent(self, event) -> None:
        from ui.runner import wait_for_background

        if self.store is not None and not self._may_close():
            event.ignore()
            return
        wait_for_background()  # the hourly backup ends before its window goes
        save_window(self, self.folder.window_settings, self.nav.currentRow())
        super().closeEvent(event)

    def _may_close(self) -> bool:
        """Save what was typed; if the disk still refuses, the clerk chooses: try again, stay, or quit and lose it."""
        from ui.dialogs.unsaved_dialog import ask_unsaved

        while failures := self.save_typing(quiet=True):
            answer = ask_unsaved(self, failures[0])
            if answer != "retry":
                return answer == "quit"
        return True
