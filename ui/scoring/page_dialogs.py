"""The scoring page's windows: the criteria sets, and moving the year's scores onto another set."""

from __future__ import annotations


class ScoringDialogs:
    """Mixed into ScoringPage (which gives store, undo_stack, notify, year and flush_edits)."""

    def open_sets(self) -> None:
        from ui.dialogs.criteria_sets_dialog import CriteriaSetsDialog

        _exec(CriteriaSetsDialog(self.store, self, notify=self.notify, undo_stack=self.undo_stack))

    def open_remap(self) -> None:
        from ui.dialogs.score_remap import ScoreRemapDialog

        self.flush_edits()  # a score typed but not entered belongs to the old criterion
        _exec(ScoreRemapDialog(self.store, self.year.currentData(), self, undo_stack=self.undo_stack, notify=self.notify))


def _exec(dialog) -> None:
    dialog.exec()
    dialog.deleteLater()
