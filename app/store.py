"""The open data folder: its engine and the one way services get a transaction."""

from __future__ import annotations

import shutil
import sqlite3
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import SaveFailed
from app.paths import DataFolder
from app.queries.start import snapshot
from app.read_once import writing
from app.services.changes import NOTHING, Changes
from db import journal

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

# What SQLite (or the system under it) says when the disk refuses a write, and what the clerk is told.
_WRITE_REFUSALS = (
    (("disk is full", "no space left"),
     "Không lưu được: ổ đĩa đã đầy.",
     "Hãy xóa bớt tệp không cần hoặc chuyển tệp sang ổ khác cho có chỗ trống; nội dung vừa gõ vẫn còn "
     "trong ô (viền đỏ) và được lưu lại ở lần sửa tiếp theo."),
    (("readonly", "read-only"),
     "Không lưu được: thư mục dữ liệu chỉ cho phép đọc.",
     "Hãy kiểm tra quyền ghi của thư mục dữ liệu (hoặc USB đang bị khóa ghi); nội dung vừa gõ vẫn còn "
     "trong ô (viền đỏ) và được lưu lại ở lần sửa tiếp theo."),
    (("disk i/o error", "input/output error"),
     "Không lưu được: lỗi khi ghi ra ổ đĩa.",
     "Ổ đĩa hoặc USB có thể đã bị rút ra hay bị hỏng: hãy cắm lại rồi sửa tiếp; nội dung vừa gõ vẫn còn "
     "trong ô (viền đỏ). Nếu lỗi lặp lại, hãy sao lưu ra ổ khác."),
)


_NEARLY_FULL = 1 << 20  # bytes: under this, a failed write is blamed on the space left


def refused_write(error: BaseException, where: Path | None = None) -> SaveFailed | None:
    """The clerk's version of a write the disk refused; None for any other error (a bug stays a bug).

    SQLite in WAL mode often reports a full disk as "disk I/O error": the free space of ``where`` tells them apart.
    """
    text = str(getattr(error, "orig", None) or error).lower()
    if where is not None and "i/o error" in text and _free_space(where) < _NEARLY_FULL:
        text = "disk is full"
    for needles, message, hint in _WRITE_REFUSALS:
        if any(needle in text for needle in needles):
            return SaveFailed(message, hint, f"{type(error).__name__}: {error}")
    return None


def _free_space(where: Path) -> int:
    try:
        return shutil.disk_usage(where).free
    except OSError:
        return _NEARLY_FULL


def _is_sqlalchemy_operational(error: BaseException) -> bool:
    """SQLAlchemy's OperationalError, without importing SQLAlchemy when nothing has yet."""
    exc = sys.modules.get("sqlalchemy.exc")
    return exc is not None and isinstance(error, exc.OperationalError)


# What the next click is likely to need, heaviest first: the ORM, the models, the services of the pages a
# clerk opens most. Alembic is not here: it loads only for a migration.
DATA_LAYER = ("sqlalchemy", "sqlalchemy.orm", "db.models", "app.services.checklist", "app.services.plans",
              "app.services.profile", "app.services.officials")


def load_data_layer() -> None:
    """Import ``DATA_LAYER`` and configure the mappers, ahead of the first write (any thread; no Qt)."""
    import importlib

    for name in DATA_LAYER:
        importlib.import_module(name)
    from sqlalchemy.orm import configure_mappers

    configure_mappers()


class Store:
    """One commune's data folder, opened. Services take it as their first argument.

    The ORM's engine is built on first use (a write, a migration, a page that needs it): the start path
    reads through ``reading()`` on sqlite3 and never pays for importing SQLAlchemy (issue 24).
    """

    def __init__(self, folder: DataFolder) -> None:
        self.folder = folder
        self._engine: Engine | None = None
        self._sessions = None
        self._open = threading.local()  # the action open on each thread, which nested service calls join

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            from sqlalchemy.orm import sessionmaker

            from db.engine import make_engine

            self._engine = make_engine(self.folder.database)
            self._sessions = sessionmaker(self._engine, expire_on_commit=False)
        return self._engine

    def reading(self):
        """One consistent read on plain sqlite3 (a context manager yielding the connection); it may not write."""
        return snapshot(self.folder.database)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back if it raises.

        A write the disk refuses (full, I/O error, read-only) arrives as ``SaveFailed``,
        so every screen can keep what was typed and say so in Vietnamese.
        """
        joined = getattr(self._open, "action", None)
        if joined is not None:  # inside an action on this thread: its session, so one action stays one transaction
            yield joined.session
            return
        self.engine  # noqa: B018 — built on the first transaction
        try:
            with self._sessions.begin() as session:
                yield session
        except Exception as error:  # noqa: BLE001 — narrowed below, without importing SQLAlchemy's classes early
            if not isinstance(error, (sqlite3.OperationalError, OSError)) and not _is_sqlalchemy_operational(error):
                raise
            refused = refused_write(error, self.folder.root)
            if refused is None:
                raise
            raise refused from error

    @contextmanager
    def action(self, label: str) -> Iterator["Action"]:
        """One user action: a transaction whose every row written is journaled, so it can be undone.

        ``label`` names it in the Edit menu ("Hoàn tác “…”"). After the block, ``action.changes``
        says what it changed (computed from the journal, never declared).

        Called while an action is open on the same thread (a service inside a larger action, like the turn
        of the year calling ``copy_plan``), it joins that action: same session, same transaction, same undo
        step; its own ``changes`` stay empty and the outer action reports them. ``transaction()`` joins too,
        so reads inside see what the action has written so far.
        """
        outer = getattr(self._open, "action", None)
        if outer is not None:
            # A service called inside a larger action (the turn of the year) writes into it: one undo step.
            yield Action(outer.session, label)
            return
        with writing(), self.transaction() as session:  # a read_once block's reads are fresh again
            raw = session.connection().connection.driver_connection
            action_id = journal.begin(raw, label, datetime.now())
            act = Action(session, label)
            self._open.action = act
            try:
                yield act
                session.flush()
            finally:
                self._open.action = None
            touched = journal.finish(raw, action_id, act.label)
            step = journal.next_undo(raw) if touched else None
        act.changes = Changes.from_rows(((t.table, t.row_id) for t in touched), act.label, step.id if step else 0)

    def close(self) -> None:
        """Release every connection, so the file can be backed up, replaced or removed."""
        if self._engine is not None:
            self._engine.dispose()

    def reconnect(self) -> None:
        """Open the (possibly replaced) database file again, e.g. after a restore (the engine on next use)."""
        self.close()
        self._engine, self._sessions = None, None


class Action:
    """An open user action: its session to write with and, once committed, what it changed."""

    def __init__(self, session: Session, label: str) -> None:
        self.session = session
        self.label = label  # may be named better inside the block, once the row is read
        self.changes: Changes = NOTHING
