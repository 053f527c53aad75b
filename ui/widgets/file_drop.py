"""Evidence by drag and drop: files dragged from the file manager onto a row become that row's evidence."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView


class FileDrop(QObject):
    """Files dragged from Explorer onto a row of a table or tree: ``drop(row_index, paths)`` attaches them there
    (the row under the pointer is shown selected while dragging)."""

    def __init__(self, table: QAbstractItemView, drop: Callable[[QModelIndex, list[Path]], None]) -> None:
        super().__init__(table)
        self.table, self.drop = table, drop
        table.setAcceptDrops(True)
        table.viewport().setAcceptDrops(True)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            index = self.table.indexAt(event.position().toPoint())
            if _files(event.mimeData()) and (index.isValid() or kind == QEvent.Type.DragEnter):
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                if index.isValid():
                    self.table.setCurrentIndex(index.siblingAtColumn(0))  # where the files will go, shown selected
            else:
                event.ignore()
            return True
        if kind == QEvent.Type.Drop:
            index = self.table.indexAt(event.position().toPoint())
            files = _files(event.mimeData())
            if index.isValid() and files:
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                self.drop(index.siblingAtColumn(0), files)
            return True
        return False


def _files(mime) -> list[Path]:
    """The local files (not folders, not web links) a drag carries."""
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if path.is_file()]
