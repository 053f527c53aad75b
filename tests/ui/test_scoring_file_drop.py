"""Files dragged onto a criterion of the scoring tree are its evidence."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from ui.scoring.tree_model import LINE_ROLE
from ui.widgets.file_drop import FileDrop

from .test_scoring_page import _line, _page


def test_a_file_dropped_on_a_criterion_is_its_evidence(qtbot, demo_store, tmp_path):
    """The 2024 sheet: a PDF dropped on criterion 1.5's row is attached to 1.5 (a group row takes nothing)."""
    page, stack = _page(qtbot, demo_store)
    page.year.setCurrentIndex(page.year.findData(2024))
    index = page.model.index_of(_line(demo_store, "1.5").criterion_id)
    page.tree.scrollTo(index)
    before = len(_line(demo_store, "1.5").evidence)
    dropped = tmp_path / "Báo cáo tự kiểm tra.pdf"
    dropped.write_bytes(b"%PDF-1.4 demo")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    event = QDropEvent(QPointF(page.tree.visualRect(index).center()), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    # Qt delivers a drop only inside a real drag loop: hand it to the tree's drop handler as Qt would
    assert page.tree.findChild(FileDrop).eventFilter(page.tree.viewport(), event)
    qtbot.waitUntil(lambda: len(_line(demo_store, "1.5").evidence) == before + 1)
    assert _line(demo_store, "1.5").evidence[-1].original_name == "Báo cáo tự kiểm tra.pdf"
    assert page.tree.currentIndex().data(LINE_ROLE).code == "1.5"
    stack.undo()
    assert len(_line(demo_store, "1.5").evidence) == before
