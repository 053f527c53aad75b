"""The undo journal: each user action and the rows it changed, before and after.

Written by temporary triggers (``db/journal.py``) in the action's own transaction, so an
action and its journal entry are committed together or not at all. ``state`` is ``done``
(undoable) or ``undone`` (redoable); a new action drops the undone ones (one line of history).
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class JournalActionRow(Base):
    __tablename__ = "journal_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(10), default="done")  # done | undone | open
    made_at: Mapped[str] = mapped_column(String(32))  # ISO time, for merging quick edits of one field


class JournalRowRow(Base):
    __tablename__ = "journal_row"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("journal_action.id", ondelete="CASCADE"), index=True)
    table_name: Mapped[str] = mapped_column(String(60))
    op: Mapped[str] = mapped_column(String(1))  # I | U | D
    row_id: Mapped[int] = mapped_column(Integer)
    before: Mapped[str | None] = mapped_column(Text)  # JSON object of the row's columns, None for an insert
    after: Mapped[str | None] = mapped_column(Text)  # None for a delete
