"""The receiving (Tổng hợp) window of the province's Sở Nội vụ: the year's communes ranked, every package
received, one commune opened to read and appraise. Routes only: reads and writes are ``app/receiving``'s.

It shows before its data is open (``attach(store)`` fills it); the menus stay off until then.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMainWindow, QTableView, QTabWidget, QVBoxLayout,
    QWidget,
)

from app.paths import DataFolder
from app.services.changes import Changes
from ui.journal_undo import JournalUndoStack
from ui.receiving.tables import ROW_ROLE, CommunesModel, PackagesModel, WordsFilter
from ui.widgets.table_habits import install_row_copy, remember_columns
from ui.window_state import restore_window, save_window

TITLE = "CCHC Xã — Tổng hợp"
# Widths that fit a typical entry at 1024 px (a commune's full name, "Chưa thẩm định", a package's file name);
# the last column takes what is left. The clerk's own widths (window.ini) come back over these.
COMMUNE_WIDTHS = (58, 170, 95, 60, 118, 70, 85, 85, 105, 100)
PACKAGE_WIDTHS = (230, 170, 100, 50, 70, 150, 125)


def _table(name: str, model) -> QTableView:
    view = QTableView(objectName=name)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    install_row_copy(view)
    return view


class ReceivingWindow(QMainWindow):
    def __init__(self, folder: DataFolder) -> None:
        super().__init__(objectName="receiving_window")
        self.folder, self.store = folder, None
        self.undo_stack = JournalUndoStack(None, self.notify, self)
        self.office = ""
        self.commune_view = None  # the commune dialog open, if any (one at a time)
        self._build()
        from ui.receiving.menus import build_menus

        build_menus(self)
        self.menuBar().setEnabled(False)
        self.centralWidget().setEnabled(False)
        self.statusBar().showMessage("Đang mở dữ liệu…")
        self.setWindowTitle(f"{TITLE} (Sở Nội vụ)")
        restore_window(self, folder.window_settings)

    def _build(self) -> None:
        self.year_box = QComboBox(objectName="receiving_year")
        self.year_box.setMinimumContentsLength(6)
        self.year_box.currentIndexChanged.connect(self._year_chosen)
        year_label = QLabel("&Năm:")
        year_label.setBuddy(self.year_box)
        self.filter_box = QLineEdit(objectName="receiving_filter", clearButtonEnabled=True)
        self.filter_box.setPlaceholderText("Lọc: gõ tên xã, phường, tỉnh, xếp loại, trạng thái…")
        filter_label = QLabel("&Lọc:")
        filter_label.setBuddy(self.filter_box)
        self.counts = QLabel(objectName="receiving_counts")
        top = QHBoxLayout()
        for widget in (year_label, self.year_box, filter_label):
            top.addWidget(widget)
        top.addWidget(self.filter_box, 1)
        top.addWidget(self.counts)
        self.communes, self.packages = CommunesModel(self), PackagesModel(self)
        self.communes_filter, self.packages_filter = WordsFilter(self), WordsFilter(self)
        self.communes_filter.setSourceModel(self.communes)
        self.packages_filter.setSourceModel(self.packages)
        self.filter_box.textChanged.connect(self.communes_filter.set_words)
        self.filter_box.textChanged.connect(self.packages_filter.set_words)
        self.communes_view = _table("receiving_communes", self.communes_filter)
        self.packages_view = _table("receiving_packages", self.packages_filter)
        self.communes_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        names = self.communes_view.horizontalHeader()  # the communes' names take the room a wide screen gives
        names.setStretchLastSection(False)
        names.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.packages_view.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by commune: its packages side by side
        self.communes_view.doubleClicked.connect(self.open_commune)
        opener = QAction("Mở xã đang chọn", self.communes_view, objectName="open_commune")
        opener.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        opener.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        opener.triggered.connect(lambda: self.open_commune(self.communes_view.currentIndex()))
        self.communes_view.addAction(opener)
        self.tabs = QTabWidget(objectName="receiving_tabs")
        self.tabs.addTab(self.communes_view, "&Xếp hạng các xã, phường")
        self.tabs.addTab(self.packages_view, "&Các gói đã nhận")
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(body)

    # ------------------------------------------------------------------ data

    def attach(self, store) -> None:
        """The data is open: fill the tables, mirror the journal for Hoàn tác, let the clerk in."""
        self.store = store
        self.undo_stack.store = store
        self.undo_stack.load()
        settings = self.folder.window_settings
        for view, widths in ((self.communes_view, COMMUNE_WIDTHS), (self.packages_view, PACKAGE_WIDTHS)):
            for column, width in enumerate(widths):
                view.setColumnWidth(column, width)
        remember_columns(self.communes_view, "receiving-communes", settings)
        remember_columns(self.packages_view, "receiving-packages", settings)
        self.menuBar().setEnabled(True)
        self.centralWidget().setEnabled(True)
        self.statusBar().clearMessage()
        self.refresh()
        self.communes_view.setFocus()

    def _year_chosen(self, _row: int) -> None:
        if self.store is not None:  # filled only once the data is open
            self.refresh()

    def year(self) -> int | None:
        return self.year_box.currentData()

    def refresh(self, year: int | None = None) -> None:
        """Read the year again (``year``: show that one); the selection stays on the same commune."""
        from app.receiving import queries

        self.office = queries.receiving_office(self.store)[0]
        self.setWindowTitle(f"{TITLE} ({self.office})")
        self._fill_years(year if year is not None else self.year())
        chosen = self.year()
        kept = self.current_commune()
        received = queries.received(self.store, chosen) + (queries.received(self.store, 0) if chosen else ())
        ranking = queries.ranking(self.store, chosen) if chosen else ()
        self.communes.set_year(ranking, {row.id: row.proposals_count for row in received})
        self.packages.replace_rows(received if chosen else queries.received(self.store))
        self._select(kept)
        ranked = sum(1 for row in ranking if row.rank is not None)
        self.counts.setText(f"{len(ranking)} xã, phường ({ranked} được xếp hạng) — {self.packages.rowCount()} gói")
        if self.commune_view is not None:
            self.commune_view.reload()

    def _fill_years(self, wanted: int | None) -> None:
        from app.receiving import queries

        years = queries.years(self.store)
        self.year_box.blockSignals(True)
        try:
            self.year_box.clear()
            for year in reversed(years):
                self.year_box.addItem(str(year), year)
            if not years:
                self.year_box.addItem("(chưa có)", None)
            where = self.year_box.findData(wanted) if wanted is not None else -1
            self.year_box.setCurrentIndex(where if where >= 0 else 0)
        finally:
            self.year_box.blockSignals(False)

    def current_commune(self):
        """The ``RankingRow`` of the commune selected in the table, or None."""
        index = self.communes_view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _select(self, kept) -> None:
        if kept is None:
            return
        for row in range(self.communes_filter.rowCount()):
            index = self.communes_filter.index(row, 0)
            if index.data(ROW_ROLE).commune_key == kept.commune_key:
                self.communes_view.setCurrentIndex(index)
                return

    def notify(self, changes: Changes) -> None:
        """An appraisal was entered, undone or redone: rank again."""
        self.refresh()

    def record(self, changes: Changes) -> None:
        self.undo_stack.record(changes)

    # ------------------------------------------------------------------ commands

    def open_commune(self, index=None) -> None:
        """Enter or a double click: the commune's package, to read and appraise."""
        row = index.data(ROW_ROLE) if index is not None and index.isValid() else self.current_commune()
        if row is None or self.year() is None:
            return
        from ui.receiving.commune_dialog import CommuneDialog

        if self.commune_view is not None:
            self.commune_view.close()
        self.commune_view = CommuneDialog(self, row.commune_key, self.year())
        self.commune_view.finished.connect(lambda _code: setattr(self, "commune_view", None))
        self.commune_view.show()

    def undo_redo(self, step) -> None:
        step()

    def show_help(self) -> None:
        from ui.dialogs.help_dialog import HelpDialog

        if getattr(self, "_help", None) is None:
            self._help = HelpDialog(self)
        self._help.open_at("tong-hop")

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        from ui.runner import wait_for_background

        wait_for_background()
        save_window(self, self.folder.window_settings, self.tabs.currentIndex())
        super().closeEvent(event)
