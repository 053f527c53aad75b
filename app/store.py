"""The open data folder: its engine and the one way services get a transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session, sessionmaker

from app.paths import DataFolder
from db.engine import make_engine


class Store:
    """One commune's data folder, opened. Services take it as their first argument."""

    def __init__(self, folder: DataFolder) -> None:
        self.folder = folder
        self._connect()

    def _connect(self) -> None:
        self.engine = make_engine(self.folder.database)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back if it raises."""
        with self._sessions.begin() as session:
            yield session

    def close(self) -> None:
        """Release every connection, so the file can be backed up, replaced or removed."""
        self.engine.dispose()

    def reconnect(self) -> None:
        """Open the (possibly replaced) database file again, e.g. after a restore."""
        self.close()
        self._connect()
