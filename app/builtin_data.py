"""What a release ships into the database once: example criteria sets, award kinds, the certificate layout.

Each arrives with the migration that made room for it and is installed once, so
a set the clerk deletes stays deleted. What is still to install is kept in
SQLite's ``user_version`` (one bit per install): written durably before the
schema changes, cleared in the same transaction as the install. A kill or a
power cut between the upgrade and the install leaves it pending for the next
start instead of forgotten (the crash trials found that window).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the start path reads ``user_version`` on sqlite3 (app/queries/start.py): no SQLAlchemy there
    from app.store import Store

CRITERIA_SETS = 1  # with revision 0004
AWARD_KINDS = 2  # with revision 0005: the award kinds and the example certificate layout
SHAPED_SETS = 4  # with revision 0012: the example set of today's shape (bonus and penalty, "Không áp dụng")


def brought_by(revision: str | None) -> int:
    """The installs an upgrade from ``revision`` (None: a new database) brings."""
    flags = 0
    if revision is None or revision < "0004":
        flags |= CRITERIA_SETS
    if revision is None or revision < "0005":
        flags |= AWARD_KINDS
    if revision is None or revision < "0012":
        flags |= SHAPED_SETS
    return flags


def pending(store: Store) -> int:
    with store.engine.connect() as connection:
        return int(connection.exec_driver_sql("PRAGMA user_version").scalar() or 0)


def mark_pending(store: Store, flags: int) -> None:
    """Note durably what is still to install, before the schema changes."""
    from sqlalchemy import text

    with store.transaction() as session:
        session.execute(text(f"PRAGMA user_version = {int(flags)}"))


def install_pending(store: Store, now: datetime | None = None) -> int:
    """Install what is pending and clear it, in one transaction; returns the flags installed."""
    from sqlalchemy import text

    from app.services.award_kinds import install_default_kinds
    from app.services.certificates import add_default_layout
    from app.services.criteria_sets import SHAPED_SETS as SHAPED_FILES
    from app.services.criteria_sets import add_default_sets

    flags = pending(store)
    if not flags:
        return 0
    with store.transaction() as session:
        if flags & CRITERIA_SETS:
            add_default_sets(session, now)
        elif flags & SHAPED_SETS:  # an older database: only the new example (a deleted old set stays deleted)
            add_default_sets(session, now, SHAPED_FILES)
        if flags & AWARD_KINDS:
            install_default_kinds(session)
            add_default_layout(session)
        session.execute(text("PRAGMA user_version = 0"))
    return flags
