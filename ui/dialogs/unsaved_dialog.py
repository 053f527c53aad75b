"""Quitting while the disk refuses to save what was typed: the clerk decides, nothing is lost silently."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import SaveFailed

RETRY, STAY, QUIT = "retry", "stay", "quit"


def unsaved_box(parent: QWidget | None, failure: SaveFailed) -> tuple[QMessageBox, dict]:
    """The question and its three buttons (Thử lưu lại is the default: it loses nothing)."""
    box = QMessageBox(QMessageBox.Icon.Warning, "CCHC Xã — Có nội dung chưa lưu được",
                      "Có nội dung chưa lưu được (các ô viền đỏ). " + failure.message, parent=parent)
    box.setInformativeText(
        "Thoát bây giờ thì nội dung đó sẽ mất. Hãy giải phóng chỗ trống (hoặc cắm lại ổ đĩa) rồi bấm "
        "“Thử lưu lại”, hoặc bấm “Ở lại” để chép nội dung ra nơi khác trước khi thoát."
    )
    if failure.details:
        box.setDetailedText(failure.details)
    buttons = {
        box.addButton("Thử lưu lại", QMessageBox.ButtonRole.AcceptRole): RETRY,
        box.addButton("Ở lại", QMessageBox.ButtonRole.RejectRole): STAY,
        box.addButton("Thoát, bỏ nội dung chưa lưu", QMessageBox.ButtonRole.DestructiveRole): QUIT,
    }
    box.setDefaultButton(next(iter(buttons)))
    box.setEscapeButton(next(button for button, choice in buttons.items() if choice == STAY))
    return box, buttons


def ask_unsaved(parent: QWidget | None, failure: SaveFailed) -> str:
    """RETRY, STAY or QUIT."""
    box, buttons = unsaved_box(parent, failure)
    box.exec()
    return buttons.get(box.clickedButton(), STAY)
