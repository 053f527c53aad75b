"""Undo steps of the progress report's narrative: a saved edit of a section, and its reset to the suggestion.

Both are one step of the same kind: the section held ``before`` (None: the suggestion) and now
holds ``after``; ``app.services.report_texts.restore_text`` puts either back.
"""

from __future__ import annotations

from app.services import report_texts
from app.services.changes import Changes
from ui.undo_commands import DoneCommand


class SetReportText(DoneCommand):
    changes = Changes.of()  # no page shows the narrative; the open dialog follows the undo stack itself

    def __init__(self, store, notify, key: tuple[int, str, str], heading: str,
                 before: str | None, after: str | None) -> None:
        verb = "Dùng lại nội dung gợi ý" if after is None else "Sửa"
        super().__init__(f"{verb} “{heading}” của báo cáo", store, notify)
        self.key, self.before, self.after = key, before, after

    def apply(self) -> None:
        report_texts.restore_text(self.store, *self.key, self.after)

    def revert(self) -> None:
        report_texts.restore_text(self.store, *self.key, self.before)
