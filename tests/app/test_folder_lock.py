"""One writer per data folder: a real OS lock, refused while another process holds it, free when it dies."""

from __future__ import annotations

import pytest

from app import folder_lock
from app.folder_lock import FolderBusyError


def test_a_second_process_is_refused_while_a_window_holds_the_folder(folder, hold_folder):
    """The refusal names the window and its pid, in Vietnamese."""
    holder = hold_folder(folder)
    with pytest.raises(FolderBusyError) as caught:
        folder_lock.acquire(folder, "restore")
    assert caught.value.message == "Dữ liệu đang được mở trong một cửa sổ CCHC Xã khác."
    assert caught.value.holder.pid == holder.pid and caught.value.holder.kind == "window"


def test_a_running_command_is_named_in_the_refusal(folder, hold_folder):
    """While ``backup`` holds the folder the message says a backup is running, not a window."""
    hold_folder(folder, "backup")
    with pytest.raises(FolderBusyError) as caught:
        folder_lock.acquire(folder, "window")
    assert caught.value.message == "Lệnh sao lưu đang chạy trên thư mục dữ liệu này."


def test_a_killed_holder_never_leaves_a_stale_lock(folder, hold_folder):
    """After SIGKILL (a crash, a power cut) the next process takes the lock at once; the lock file stays."""
    holder = hold_folder(folder)
    holder.kill()
    holder.wait(timeout=30)
    assert folder_lock.lock_path(folder).exists()
    folder_lock.acquire(folder, "window").release()


def test_the_lock_is_free_again_once_released(folder):
    """Releasing lets the next writer in; the holder line names this process."""
    lock = folder_lock.acquire(folder, "window")
    assert folder_lock.read_holder(folder).kind == "window"
    lock.release()
    folder_lock.acquire(folder, "backup").release()


def test_work_inside_the_window_reuses_the_window_lock(folder):
    """A restore started from the window runs under the window's lock instead of being refused by it."""
    with folder_lock.acquire(folder, "window") as window:
        with folder_lock.writing(folder, "restore") as used:
            assert used is window
        assert window.held
    assert folder_lock.held_here(folder) is None


def test_two_holders_in_one_process_are_refused_too(folder):
    """The lock is per open file, not per process: a second window in the same process is refused."""
    with folder_lock.acquire(folder, "window"):
        with pytest.raises(FolderBusyError):
            folder_lock.acquire(folder, "window")
