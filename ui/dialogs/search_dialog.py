"""Tìm khắp dữ liệu (Ctrl+F): type a few words, see plans, officials, tasks, criteria and nominees that match,
Enter (or a double click) goes to the one chosen. Read on plain sqlite3 (``app/queries/search.py``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.queries.search import KIND_LABELS, Hit, search
from ui.widgets.autosave import transient

PAUSE_MS = 150  # read once the clerk pauses, not once per key


class SearchDialog(QDialog):
    def __init__(self, store: Callable[[], object], go_to: Callable[[Hit], None], parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="search_dialog")
        self.store, self.go_to = store, go_to  # the window's store as it is now (a restore reopens it)
        self.setWindowTitle("Tìm khắp dữ liệu")
        self.words = transient(QLineEdit(objectName="search_words", clearButtonEnabled=True,
                                         placeholderText="Gõ tên người, nhiệm vụ, tiêu chí, kế hoạch… (có dấu hoặc không dấu)"))
        self.results = QListWidget(objectName="search_results", uniformItemSizes=False, wordWrap=True)
        self.count = QLabel(objectName="search_count")
        self.timer = QTimer(self, singleShot=True, interval=PAUSE_MS, timeout=self.find_now)
        self.words.textChanged.connect(lambda _text: self.timer.start())
        self.words.returnPressed.connect(self.go_current)
        self.results.itemActivated.connect(lambda _item: self.go_current())
        layout = QVBoxLayout(self)
        layout.addWidget(self.words)
        layout.addWidget(self.count)
        layout.addWidget(self.results, 1)
        self.resize(640, 460)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Up and Down move in the results while the words keep the focus."""
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown) and self.results.count():
            self.results.setFocus()
            self.results.keyPressEvent(event)
            self.words.setFocus()
            return
        super().keyPressEvent(event)

    def open(self) -> None:  # noqa: A003 - Qt's name
        self.show()
        self.raise_()
        self.activateWindow()
        self.words.setFocus()
        self.words.selectAll()

    def find_now(self) -> list[Hit]:
        self.timer.stop()
        with self.store().reading() as connection:
            hits = search(connection, self.words.text())
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem(f"{KIND_LABELS[hit.kind]}: {hit.text}\n    {hit.where}")
            item.setData(Qt.ItemDataRole.UserRole, hit)
            item.setToolTip(hit.text)
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)
        typed = bool(self.words.text().strip())
        self.count.setText(f"{len(hits)} kết quả" if hits else ("Không tìm thấy." if typed else ""))
        return hits

    def go_current(self) -> None:
        if self.timer.isActive():
            self.find_now()
        item = self.results.currentItem()
        if item is not None:
            self.hide()
            self.go_to(item.data(Qt.ItemDataRole.UserRole))
