"""The open data folder: its engine and the one way services get a transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.errors import SaveFailed
from app.paths import DataFolder
from db.engine import make_engine

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


def refused_write(error: BaseException) -> SaveFailed | None:
    """The clerk's version of a write the disk refused; None for any other error (a bug stays a bug)."""
    text = str(getattr(error, "orig", None) or error).lower()
    for needles, message, hint in _WRITE_REFUSALS:
        if any(needle in text for needle in needles):
            return SaveFailed(message, hint, f"{type(error).__name__}: {error}")
    return None


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
        """One unit of work: committed when the block ends, rolled back if it raises.

        A write the disk refuses (full, I/O error, read-only) arrives as ``SaveFailed``,
        so every screen can keep what was typed and say so in Vietnamese.
        """
        try:
            with self._sessions.begin() as session:
                yield session
        except (OperationalError, OSError) as error:
            refused = refused_write(error)
            if refused is None:
                raise
            raise refused from error

    def close(self) -> None:
        """Release every connection, so the file can be backed up, replaced or removed."""
        self.engine.dispose()

    def reconnect(self) -> None:
        """Open the (possibly replaced) database file again, e.g. after a restore."""
        self.close()
        self._connect()
