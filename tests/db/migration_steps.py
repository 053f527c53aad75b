"""A data folder migrated to an older revision, given rows there, then brought to head: what each migration
test starts from."""

from __future__ import annotations

from pathlib import Path

from app.paths import DataFolder
from db import migrate
from db.engine import make_engine


def upgraded_from(root: Path, revision: str, *statements: str) -> DataFolder:
    """A folder at ``revision`` holding the rows ``statements`` insert, upgraded to head (the engine released)."""
    folder = DataFolder(root)
    folder.root.mkdir(parents=True)
    engine = make_engine(folder.database)
    migrate.upgrade(engine, revision)
    with engine.begin() as connection:
        for statement in statements:
            connection.exec_driver_sql(statement)
    migrate.upgrade(engine)
    engine.dispose()
    return folder
