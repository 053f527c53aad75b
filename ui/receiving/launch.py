"""Tệp → Mở chế độ Tổng hợp (Sở Nội vụ): the receiving window in a process of its own, on its own folder."""

from __future__ import annotations

import sys

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QWidget

from app.errors import UserError


def receiving_command() -> list[str]:
    """The program and arguments that open the receiving mode (the bundle's exe, or this Python)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--tong-hop"]
    return [sys.executable, "-m", "app", "--tong-hop"]


def start_receiving_mode(parent: QWidget | None) -> bool:
    """Start it detached (closing this window leaves it open); a failure to start is said in Vietnamese."""
    program, *arguments = receiving_command()
    started, _pid = QProcess.startDetached(program, arguments)
    if not started:
        from ui.dialogs.error_dialog import show_error

        show_error(parent, UserError("Không mở được chế độ Tổng hợp (Sở Nội vụ).",
                                     "Hãy mở lại CCHC Xã rồi thử lại; nếu vẫn không được, báo cho người hỗ trợ.",
                                     " ".join(receiving_command())))
    return started
