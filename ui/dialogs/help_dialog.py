"""Trợ giúp: the guide's pages on the left, the one chosen on the right (Markdown shipped with the app)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QListWidget, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from app.help_topics import all_topics


class HelpDialog(QDialog):
    """Not modal: the clerk reads it beside the window and goes on working."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="help_dialog")
        self.setWindowTitle("Hướng dẫn sử dụng CCHC Xã")
        self.topics = all_topics()
        self.contents = QListWidget(objectName="help_contents")
        self.contents.addItems([t.title for t in self.topics])
        self.page = QTextBrowser(objectName="help_page", openExternalLinks=False)
        self.contents.currentRowChanged.connect(self._show)
        splitter = QSplitter()
        splitter.addWidget(self.contents)
        splitter.addWidget(self.page)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 560])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        row = QHBoxLayout()
        row.addWidget(buttons)
        layout.addLayout(row)
        self.resize(820, 560)

    def open_at(self, key: str) -> None:
        row = next((n for n, t in enumerate(self.topics) if t.key == key), 0)
        self.contents.setCurrentRow(row)
        self._show(row)
        self.show()
        self.raise_()
        self.activateWindow()
        self.page.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.topics):
            self.page.setMarkdown(self.topics[row].markdown)
