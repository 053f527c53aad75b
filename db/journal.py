"""The undo journal, kept by SQLite itself: what each user action changed, row by row.

SQLite's own undo/redo technique (https://www.sqlite.org/undoredo.html), with JSON rows:
every connection gets TEMP triggers on every table that write each inserted, updated or
deleted row, before and after, into ``journal_row`` — but only while an action is open
(a row in the connection's ``temp.journal_recording``). They are made by a connection's first
action (about 20 ms for 34 tables), so a start that only reads never pays for them. The action, its rows and its
``done`` mark are written in the action's own transaction: a crash leaves the whole action
and its whole entry, or neither. The triggers are built from the live schema on connect, so
a migration never leaves them stale (the store reconnects after one), and writes made outside an
action (migrations, restores) are never journaled.

Undo applies the inverse rows in reverse order, redo the rows again in order, each in one
transaction with foreign keys checked at commit. Both refuse (``JournalConflict``) when a
row is no longer as the action left it, or when a later action still in the journal
touched the same row.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

NOT_JOURNALED = frozenset({"journal_action", "journal_row", "alembic_version"})
KEEP_ACTIONS = 300  # the journal is bounded: older actions can no longer be undone


@dataclass(frozen=True)
class Touched:
    table: str
    op: str  # I | U | D
    row_id: int


@dataclass(frozen=True)
class Step:
    """An action as the journal holds it: its id, its label, and the rows it touched."""

    id: int
    label: str
    touched: tuple[Touched, ...]


class JournalConflict(Exception):
    """Undo or redo refused: the data is no longer as the action left it."""

    def __init__(self, label: str, table: str, row_id: int) -> None:
        super().__init__(label, table, row_id)
        self.label, self.table, self.row_id = label, table, row_id


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    return [name for (name,) in rows if name not in NOT_JOURNALED]


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA main.table_info({_quote(table)})")]


def _json_of(prefix: str, columns: list[str]) -> str:
    pairs = ", ".join(f"'{name}', {prefix}.{_quote(name)}" for name in columns)
    return f"json_object({pairs})"


def has_journal(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM main.sqlite_master WHERE name = 'journal_action'").fetchone() is not None


def install(conn: sqlite3.Connection) -> None:
    """Give this connection its recording triggers (a database without the journal table gets none)."""
    if not has_journal(conn):
        return
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS journal_recording (action_id INTEGER NOT NULL)")
    for table in _tables(conn):
        columns = _columns(conn, table)
        quoted = _quote(table)
        for op, event, before, after in (
            ("I", "INSERT", "NULL", _json_of("NEW", columns)),
            ("U", "UPDATE", _json_of("OLD", columns), _json_of("NEW", columns)),
            ("D", "DELETE", _json_of("OLD", columns), "NULL"),
        ):
            row = "OLD.rowid" if op == "D" else "NEW.rowid"
            conn.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS {_quote('journal_' + op + '_' + table)} AFTER {event} ON main.{quoted}"
                f" WHEN EXISTS (SELECT 1 FROM temp.journal_recording) BEGIN"
                f" INSERT INTO journal_row (action_id, table_name, op, row_id, before, after)"
                f" SELECT action_id, '{table}', '{op}', {row}, {before}, {after} FROM temp.journal_recording;"
                f" END"
            )


def begin(conn: sqlite3.Connection, label: str, now: datetime) -> int:
    """Open an action inside the caller's transaction; from here every row written is journaled."""
    if conn.execute("SELECT 1 FROM temp.sqlite_master WHERE name = 'journal_recording'").fetchone() is None:
        install(conn)  # this connection's first action
    cursor = conn.execute("INSERT INTO journal_action (label, state, made_at) VALUES (?, 'open', ?)",
                          (label, now.isoformat(timespec="seconds")))
    conn.execute("DELETE FROM temp.journal_recording")
    conn.execute("INSERT INTO temp.journal_recording (action_id) VALUES (?)", (cursor.lastrowid,))
    return cursor.lastrowid


def finish(conn: sqlite3.Connection, action_id: int, label: str | None = None) -> tuple[Touched, ...]:
    """Close the action (still inside its transaction) and say which rows it touched.

    An action that changed nothing leaves no step; one that changed something drops the
    redo steps (history is one line).
    """
    conn.execute("DELETE FROM temp.journal_recording")
    if label is not None:
        conn.execute("UPDATE journal_action SET label = ? WHERE id = ?", (label, action_id))
    conn.execute("DELETE FROM journal_row WHERE action_id = ? AND op = 'U' AND before IS after", (action_id,))
    touched = _touched(conn, action_id)
    if not touched:
        conn.execute("DELETE FROM journal_action WHERE id = ?", (action_id,))
        return ()
    conn.execute("DELETE FROM journal_action WHERE state = 'undone'")
    conn.execute("UPDATE journal_action SET state = 'done' WHERE id = ?", (action_id,))
    conn.execute(
        "DELETE FROM journal_action WHERE id <= (SELECT id FROM journal_action ORDER BY id DESC LIMIT 1 OFFSET ?)",
        (KEEP_ACTIONS,))
    return touched


def forget(conn: sqlite3.Connection) -> None:
    """Drop every step (data that arrives whole, like the demo, is not undone row by row)."""
    conn.execute("DELETE FROM journal_action")


def _touched(conn: sqlite3.Connection, action_id: int) -> tuple[Touched, ...]:
    rows = conn.execute("SELECT table_name, op, row_id FROM journal_row WHERE action_id = ? ORDER BY id", (action_id,))
    return tuple(Touched(*row) for row in rows)


def next_undo(conn: sqlite3.Connection) -> Step | None:
    row = conn.execute("SELECT id, label FROM journal_action WHERE state = 'done' ORDER BY id DESC LIMIT 1").fetchone()
    return None if row is None else Step(row[0], row[1], _touched(conn, row[0]))


def next_redo(conn: sqlite3.Connection) -> Step | None:
    row = conn.execute("SELECT id, label FROM journal_action WHERE state = 'undone' ORDER BY id LIMIT 1").fetchone()
    return None if row is None else Step(row[0], row[1], _touched(conn, row[0]))


def undo(conn: sqlite3.Connection, action_id: int | None = None) -> Step | None:
    """Put back the rows of ``action_id`` (the latest step by default), inside the caller's transaction."""
    step = next_undo(conn) if action_id is None else _step(conn, action_id, "done")
    if step is not None:
        _refuse_if_touched_later(conn, step)
        _move(conn, step, backwards=True)
    return step


def redo(conn: sqlite3.Connection, action_id: int | None = None) -> Step | None:
    """Apply the first undone step (or ``action_id``) again, inside the caller's transaction."""
    step = next_redo(conn) if action_id is None else _step(conn, action_id, "undone")
    if step is not None:
        _move(conn, step, backwards=False)
    return step


def _move(conn: sqlite3.Connection, step: Step, backwards: bool) -> None:
    """Take the step's rows from one side of the journal to the other: after → before (undo), or back."""
    order = "DESC" if backwards else "ASC"
    rows = conn.execute("SELECT table_name, row_id, before, after FROM journal_row WHERE action_id = ?"
                        f" ORDER BY id {order}", (step.id,)).fetchall()
    with _only_its_rows(conn, step):
        for table, row_id, before, after in rows:
            now, then = (after, before) if backwards else (before, after)
            _expect(conn, step.label, table, row_id, now)
            _put(conn, table, row_id, then)
    conn.execute("UPDATE journal_action SET state = ? WHERE id = ?", ("undone" if backwards else "done", step.id))


@contextmanager
def _only_its_rows(conn: sqlite3.Connection, step: Step) -> Iterator[None]:
    """Apply a step's rows while recording what really changes: a foreign key's cascade reaching a row the
    step never wrote (a later step's score under an assessment being taken back) refuses the whole move."""
    if conn.execute("SELECT 1 FROM temp.sqlite_master WHERE name = 'journal_recording'").fetchone() is None:
        install(conn)
    scratch = conn.execute("INSERT INTO journal_action (label, state, made_at) VALUES ('', 'open', '')").lastrowid
    conn.execute("PRAGMA defer_foreign_keys = ON")
    conn.execute("INSERT INTO temp.journal_recording (action_id) VALUES (?)", (scratch,))
    try:
        yield
    finally:
        conn.execute("DELETE FROM temp.journal_recording")
    mine = {(t.table, t.row_id) for t in step.touched}
    reached = conn.execute("SELECT table_name, row_id FROM journal_row WHERE action_id = ?", (scratch,)).fetchall()
    conn.execute("DELETE FROM journal_action WHERE id = ?", (scratch,))
    for table, row_id in reached:
        if (table, row_id) not in mine:
            raise JournalConflict(step.label, table, row_id)


def _step(conn: sqlite3.Connection, action_id: int, state: str) -> Step | None:
    row = conn.execute("SELECT id, label FROM journal_action WHERE id = ? AND state = ?", (action_id, state)).fetchone()
    return None if row is None else Step(row[0], row[1], _touched(conn, row[0]))


def _refuse_if_touched_later(conn: sqlite3.Connection, step: Step) -> None:
    later = conn.execute(
        "SELECT r.table_name, r.row_id FROM journal_row r JOIN journal_action a ON a.id = r.action_id"
        " WHERE a.state = 'done' AND a.id > ?", (step.id,)).fetchall()
    mine = {(t.table, t.row_id) for t in step.touched}
    for table, row_id in later:
        if (table, row_id) in mine:
            raise JournalConflict(step.label, table, row_id)


def _current(conn: sqlite3.Connection, table: str, row_id: int) -> dict | None:
    columns = _columns(conn, table)
    row = conn.execute(f"SELECT {_json_of(_quote(table), columns)} FROM main.{_quote(table)} WHERE rowid = ?",
                       (row_id,)).fetchone()
    return None if row is None else json.loads(row[0])


def _expect(conn: sqlite3.Connection, label: str, table: str, row_id: int, state: str | None) -> None:
    """Refuse unless the row is as ``state`` says (absent for None), on the columns the journal knows."""
    current = _current(conn, table, row_id)
    if state is None:
        if current is not None:
            raise JournalConflict(label, table, row_id)
        return
    wanted = json.loads(state)
    if current is None or any(current.get(key) != value for key, value in wanted.items() if key in current):
        raise JournalConflict(label, table, row_id)


def _put(conn: sqlite3.Connection, table: str, row_id: int, state: str | None) -> None:
    """Make the row be ``state`` (delete it for None), whatever it is now."""
    quoted = _quote(table)
    if state is None:
        conn.execute(f"DELETE FROM main.{quoted} WHERE rowid = ?", (row_id,))
        return
    values = {key: value for key, value in json.loads(state).items() if key in set(_columns(conn, table))}
    names = list(values)
    if conn.execute(f"SELECT 1 FROM main.{quoted} WHERE rowid = ?", (row_id,)).fetchone():
        assignments = ", ".join(f"{_quote(name)} = ?" for name in names)
        conn.execute(f"UPDATE main.{quoted} SET {assignments} WHERE rowid = ?", [*values.values(), row_id])
    else:
        conn.execute(f"INSERT INTO main.{quoted} ({', '.join(map(_quote, names))}) VALUES"
                     f" ({', '.join('?' * len(names))})", list(values.values()))
