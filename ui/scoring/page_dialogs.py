"""The scoring page's windows (the criteria sets, moving the year's scores onto another set) and its ways in
from elsewhere (a search hit, files dropped on a criterion)."""

from __future__ import annotations

from pathlib import Path

from ui.scoring.tree_model import LINE_ROLE, SCORE


class ScoringDialogs:
    """Mixed into ScoringPage (which gives store, undo_stack, notify, year, sheet, model, flush_edits, _select,
    reload and attach)."""

    def show_criterion(self, year: int, criterion_id: int) -> None:
        """The year's sheet with one criterion selected (a hit of the search); nothing when the year scores another set."""
        if self.year.count() == 0:
            self.reload()
        index = self.year.findData(year)
        if index >= 0 and index != self.year.currentIndex():
            self.year.setCurrentIndex(index)
        if self.sheet is not None and self.model.index_of(criterion_id).isValid():
            self._select(criterion_id, SCORE)

    def _drop_files(self, index, files: list[Path]) -> None:
        line = index.data(LINE_ROLE)
        if line is not None and line.is_leaf:
            self._select(line.criterion_id)
            self.attach([str(path) for path in files])

    def open_sets(self) -> None:
        from ui.dialogs.criteria_sets_dialog import CriteriaSetsDialog

        _exec(CriteriaSetsDialog(self.store, self, notify=self.notify, undo_stack=self.undo_stack))

    def import_appraisal(self, path: str | None = None) -> None:
        """“Nhập kết quả thẩm định…”: the province's KQTD_….zip (``path``: skip the file dialog), one undo step;
        what was taken (and a set version that differs) is said, the sheet read again."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from app.services.appraisal_import import import_appraisal_file
        from ui.runner import attempt

        self.flush_edits()  # an appraisal typed in the panel is saved before the file's replaces it
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, "Chọn tệp kết quả thẩm định do Sở Nội vụ gửi về", "",
                                                  "Kết quả thẩm định (*.zip);;Tất cả các tệp (*)")
        if not path:
            return
        outcome = attempt(self, lambda: import_appraisal_file(self.store, Path(path)))
        if not outcome.ok:
            return
        done = outcome.value
        self.undo_stack.record(done.changes, origin=self)
        index = self.year.findData(done.value.year)
        if index >= 0 and index != self.year.currentIndex():
            self.year.setCurrentIndex(index)  # shows that year's sheet
        else:
            self.show_year()
        say = QMessageBox.warning if done.value.warnings else QMessageBox.information
        say(self, "Đã nhập kết quả thẩm định", done.value.summary())

    def open_remap(self) -> None:
        from ui.dialogs.score_remap import ScoreRemapDialog

        self.flush_edits()  # a score typed but not entered belongs to the old criterion
        _exec(ScoreRemapDialog(self.store, self.year.currentData(), self, undo_stack=self.undo_stack, notify=self.notify))


def _exec(dialog) -> None:
    dialog.exec()
    dialog.deleteLater()
