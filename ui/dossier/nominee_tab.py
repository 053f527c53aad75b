"""What the tabs that go nominee by nominee share (Danh sách đề nghị, Báo cáo thành tích): the nominee shown,
moving to another, and saving an edit under the nominee's name.

Moving to another nominee first saves what was typed for the one left; the
reload that saving brings must not move the selection meanwhile, so a tab's
``show_view`` leaves it alone while ``_switching`` is set.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ui.dossier import DossierView
from app.services.changes import short


class NomineeTab(QWidget):
    """Emits ``selected(nomination_id)`` when the clerk picks a nominee; a tab gives ``flush`` and
    ``show_current``."""

    selected = Signal(int)

    def __init__(self, edits, today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits, self.today = edits, today
        self.view: DossierView | None = None
        self.current_id: int | None = None
        self._switching = False  # saving the nominee left: a reload then must not move the selection

    def _move_to(self, nomination_id: int | None) -> None:
        """Show the nominee the clerk picked (nothing to do if it is the one shown)."""
        if nomination_id == self.current_id:
            return
        self._switching = True
        try:
            self.flush()  # what was typed belongs to the nominee shown before
        finally:
            self._switching = False
        self.current_id = nomination_id
        self.show_current()
        if nomination_id is not None:
            self.selected.emit(nomination_id)

    def _save(self, nomination_id: int, what: str, **values) -> bool:
        """One edit of a nomination; its undo text names the nominee ("Sửa ghi chú — Nguyễn Văn A")."""
        item = self.view.nomination(nomination_id) if self.view else None
        return self.edits.nomination(nomination_id, what + (f" — {short(item.name)}" if item else ""), **values)
