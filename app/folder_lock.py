"""One writer per data folder: an OS lock on ``cchc-xa.lock`` inside the folder.

The window holds it from before the data opens until it exits; the commands
that write (``backup``, ``restore``, ``export``, which may migrate and back up)
hold it while they run. Two windows on one folder wrote old values over new
ones, and a ``restore`` under an open window lost the window's later writes.

The lock is the operating system's (``fcntl.flock`` on POSIX, ``msvcrt.locking``
on Windows), never a file that merely exists: the system drops it when the
process dies, so a lock left by a power cut or a killed process never blocks
the next start. The file holds the holder's pid and kind for the message only.
No Qt here: the commands run without it.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from app.errors import UserError
from app.paths import DataFolder

LOCK_NAME = "cchc-xa.lock"
WINDOW = "window"
# Windows locks byte ranges that others then cannot read: lock one byte far past the
# holder line, so a second process can still read who holds the folder.
_WINDOWS_LOCK_OFFSET = 1 << 30
_BUSY_ERRNOS = {errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, errno.EDEADLK}
COMMAND_LABELS = {"backup": "sao lưu", "restore": "khôi phục", "export": "xuất gói hồ sơ", "certificates": "in giấy khen"}


@dataclass(frozen=True)
class Holder:
    pid: int
    kind: str


class FolderBusyError(UserError):
    """Another process (a window or a command) holds the folder; ``holder`` says which, when known."""

    def __init__(self, message: str, hint: str, details: str, holder: Holder | None) -> None:
        super().__init__(message, hint, details)
        self.holder = holder


class FolderLock:
    """The held lock; ``release()`` (or leaving the ``with`` block) lets the next writer in."""

    def __init__(self, root: Path, kind: str, fd: int) -> None:
        self.root, self.kind, self._fd = root, kind, fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is None:
            return
        _HELD.pop(self.root, None)
        fd, self._fd = self._fd, None
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> FolderLock:
        return self

    def __exit__(self, *_exc) -> None:
        self.release()


_HELD: dict[Path, FolderLock] = {}


def lock_path(folder: DataFolder) -> Path:
    return folder.root / LOCK_NAME


def acquire(folder: DataFolder, kind: str) -> FolderLock:
    """Take the folder's lock at once or raise ``FolderBusyError``; never waits.

    Raises a ``UserError`` naming a read-only or full disk when the lock file
    cannot even be written (the folder cannot be written either).
    """
    path = lock_path(folder)
    try:
        folder.root.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)  # no O_TRUNC: keep the holder line
    except OSError as error:
        raise folder_unwritable(folder.root, error) from error
    try:
        _lock(fd)
    except OSError as error:
        os.close(fd)
        # The file opened for writing, so a refused lock means another holder. On Windows the C runtime's
        # errno for a locked range varies (EACCES, EDEADLK, 0 under Wine): any refusal there is "busy".
        if error.errno not in _BUSY_ERRNOS and sys.platform != "win32":
            raise folder_unwritable(folder.root, error) from error
        raise busy_error(folder, read_holder(folder)) from error
    _write_holder(fd, kind)
    held = FolderLock(folder.root, kind, fd)
    _HELD[folder.root] = held
    return held


def held_here(folder: DataFolder) -> FolderLock | None:
    """The lock this process holds on ``folder`` (e.g. the window's), if any."""
    return _HELD.get(folder.root)


@contextmanager
def writing(folder: DataFolder, kind: str) -> Iterator[FolderLock]:
    """Hold the folder for one piece of work: reuses this process's lock, else takes it and lets go after."""
    own = held_here(folder)
    if own is not None:
        yield own
        return
    lock = acquire(folder, kind)
    try:
        yield lock
    finally:
        lock.release()


def read_holder(folder: DataFolder) -> Holder | None:
    """Who wrote the lock file last (pid, kind); None when it cannot be read."""
    try:
        pid, kind = lock_path(folder).read_text(encoding="utf-8").split("\n")[:2]
        return Holder(int(pid), kind.strip())
    except (OSError, ValueError):
        return None


def busy_error(folder: DataFolder, holder: Holder | None) -> FolderBusyError:
    details = f"{lock_path(folder)}: " + (f"tiến trình {holder.pid} ({holder.kind})" if holder else "đang bị giữ")
    if holder is not None and holder.kind in COMMAND_LABELS:
        return FolderBusyError(
            f"Lệnh {COMMAND_LABELS[holder.kind]} đang chạy trên thư mục dữ liệu này.",
            "Chờ lệnh chạy xong rồi thử lại. Không có gì bị thay đổi.",
            details, holder,
        )
    return FolderBusyError(
        "Dữ liệu đang được mở trong một cửa sổ CCHC Xã khác.",
        "Hãy dùng cửa sổ đang mở (xem thanh tác vụ), hoặc đóng nó rồi thử lại. Không có gì bị thay đổi.",
        details, holder,
    )


def folder_unwritable(root: Path, error: OSError) -> UserError:
    """A Vietnamese message for a folder that refuses writes: full disk, or read-only."""
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return UserError(
            "Ổ đĩa chứa thư mục dữ liệu đã đầy, không ghi được.",
            "Xóa bớt tệp không cần thiết trên ổ đĩa này (hoặc chép thư mục dữ liệu sang ổ khác) rồi mở lại.",
            f"{root}: {error}",
        )
    return UserError(
        "Thư mục dữ liệu chỉ cho phép đọc, không ghi được.",
        "Nếu dữ liệu nằm trên ổ USB hoặc thẻ nhớ, hãy gạt khóa chống ghi ra; nếu không, nhờ người quản trị máy "
        "cấp quyền ghi cho thư mục này, rồi mở lại. Dữ liệu chưa bị thay đổi.",
        f"{root}: {error}",
    )


def _write_holder(fd: int, kind: str) -> None:
    """Best effort: the pid and kind only make the message clearer; the OS lock is what counts."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n{kind}\n".encode())
    except OSError:
        pass


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
