"""The commune's own awards (the Chairman's decision, the start-of-year registration): their undo steps,
and ``write_papers``, how their screens write papers to a folder.

Each step is carried out first (a refused edit never enters the stack) and
pushed afterwards (``DoneCommand``); undo and redo call the services again and
tell every screen that the awards changed. Issuing a decision writes the award
history, so its undo (``withdraw``) takes exactly those records out again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from app.services import award_decision, registration
from app.services.award_decision import Decision
from app.services.changes import AWARDS, Changes
from app.services.registration import Registration
from ui.dialogs.export_plan_dialog import confirm_overwrite, last_folder, remember_folder
from ui.runner import report_written, run
from ui.undo_commands import DoneCommand


class CommuneAwardStep(DoneCommand):
    changes = Changes.of(AWARDS)


class EditDecision(CommuneAwardStep):
    """Fields of the decision (number, signing date, base salary, Điều 3, Nơi nhận); ``before`` is the whole
    decision as it was, so undo puts every field back."""

    def __init__(self, store, notify, dossier_id: int, before: Decision, after: dict, text: str) -> None:
        super().__init__(text, store, notify)
        self.dossier_id, self.before, self.after = dossier_id, before, after

    def apply(self) -> None:
        award_decision.update_decision(self.store, self.dossier_id, **self.after)

    def revert(self) -> None:
        award_decision.restore_decision(self.store, self.before)


class IssueDecision(CommuneAwardStep):
    """Issue: the granted awards enter the history. Undo withdraws them; redo issues again at the same time."""

    def __init__(self, store, notify, dossier_id: int, issued_at: datetime, today: date | None, text: str) -> None:
        super().__init__(text, store, notify)
        self.dossier_id, self.issued_at, self.today = dossier_id, issued_at, today

    def apply(self) -> None:
        award_decision.issue(self.store, self.dossier_id, now=self.issued_at, today=self.today)

    def revert(self) -> None:
        award_decision.withdraw(self.store, self.dossier_id)


class WithdrawDecision(CommuneAwardStep):
    """"Hủy ban hành": the awards leave the history and the decision can be edited; undo issues it again."""

    def __init__(self, store, notify, dossier_id: int, issued_at: datetime, today: date | None, text: str) -> None:
        super().__init__(text, store, notify)
        self.dossier_id, self.issued_at, self.today = dossier_id, issued_at, today

    def apply(self) -> None:
        award_decision.withdraw(self.store, self.dossier_id)

    def revert(self) -> None:
        award_decision.issue(self.store, self.dossier_id, now=self.issued_at, today=self.today)


class SetRegistration(CommuneAwardStep):
    """One tick of the registration grid."""

    def __init__(self, store, notify, year: int, item: Registration, registered: bool, text: str) -> None:
        super().__init__(text, store, notify)
        self.year, self.item, self.registered = year, item, registered

    def _set(self, registered: bool) -> None:
        registration.set_registered(self.store, self.year, self.item.subject_kind, self.item.subject_id,
                                    self.item.award_key, registered)

    def apply(self) -> None:
        self._set(self.registered)

    def revert(self) -> None:
        self._set(not self.registered)


class ReplaceRegistrations(CommuneAwardStep):
    """A year's registration replaced by an import; undo puts the old set back."""

    def __init__(self, store, notify, year: int, before: Sequence[Registration], after: Sequence[Registration],
                 text: str) -> None:
        super().__init__(text, store, notify)
        self.year, self.before, self.after = year, list(before), list(after)

    def apply(self) -> None:
        registration.replace_year(self.store, self.year, self.after)

    def revert(self) -> None:
        registration.replace_year(self.store, self.year, self.before)


# ----------------------------------------------------------------------------- writing papers to a folder

Write = Callable[[Path, Callable], list[Path]]  # (folder, progress) -> the files written


def write_papers(parent: QWidget, store, what: str, names: Sequence[str], write: Write,
                 folder: str | None = None) -> list[Path]:
    """Ask for a folder (unless given) and before replacing files of the same ``names``, write on a worker
    thread (a progress box after 600 ms), then list the files with "Mở thư mục". ``what``: "quyết định
    khen thưởng". Returns the files written ([] when cancelled or refused: the refusal is shown; a cancel leaves none)."""
    folder = folder or QFileDialog.getExistingDirectory(parent, f"Chọn thư mục để lưu {what}", last_folder(store))
    if not folder or not confirm_overwrite(parent, folder, names):
        return []
    written = run(parent, f"Đang xuất {what}", lambda progress: list(write(Path(folder), progress)), cancel=True,
                  unexpected="Đã xảy ra lỗi ngoài dự kiến khi ghi tệp; tệp đã có không bị thay đổi.")
    if not written.ok:
        return []
    remember_folder(store, folder)
    report_written(parent, f"Đã xuất {what}", folder, written.value)
    return written.value
