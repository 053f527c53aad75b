"""After an export: what was written, and from the same box open a file, print a PDF (Ctrl+P) or open the folder."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from app.errors import UserError
from ui.dialogs.error_dialog import show_error
from ui.system_open import open_path


def offer_written(parent: QWidget, title: str, text: str, files: Sequence[Path], folder: Path | None = None,
                  extra: Sequence[tuple[str, Callable[[], object], bool]] = ()) -> None:
    """The box: ``text``, then In… (when a PDF was written), Mở tệp, Mở thư mục, ``extra`` (text, slot, enabled), Đóng."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    pdfs = [Path(f) for f in files if Path(f).suffix.lower() == ".pdf"]
    slots = {}
    if pdfs:
        button = box.addButton("&In…", QMessageBox.ButtonRole.ActionRole)
        button.setShortcut(QKeySequence.StandardKey.Print)
        button.setToolTip("Xem trước và in đúng 100 % (Ctrl+P)")
        slots[button] = lambda: print_one(parent, pdfs)
    if files:
        slots[box.addButton("Mở &tệp", QMessageBox.ButtonRole.ActionRole)] = lambda: open_one(parent, [Path(f) for f in files])
    if folder is not None:
        slots[box.addButton("Mở thư &mục", QMessageBox.ButtonRole.ActionRole)] = lambda: open_path(Path(folder))
    for label, slot, enabled in extra:
        button = box.addButton(label, QMessageBox.ButtonRole.ActionRole)
        button.setEnabled(enabled)
        slots[button] = slot
    box.addButton("Đóng", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    chosen = slots.get(box.clickedButton())
    if chosen is not None:
        chosen()


def _pick(parent: QWidget, title: str, files: list[Path]) -> Path | None:
    """The one file, or the one the clerk picks when there are several."""
    if len(files) == 1:
        return files[0]
    names = [f.name for f in files]
    name, ok = QInputDialog.getItem(parent, title, "Chọn tệp:", names, 0, False)
    return files[names.index(name)] if ok else None


def print_one(parent: QWidget, pdfs: list[Path]) -> bool:
    """Xem trước khi in the chosen PDF; a file that cannot be read is said so (by name), never a traceback."""
    from ui.printing import preview

    chosen = _pick(parent, "In văn bản", pdfs)
    if chosen is None:
        return False
    try:
        return preview(parent, chosen)
    except UserError as error:
        show_error(parent, error)
        return False


def open_one(parent: QWidget, files: list[Path]) -> None:
    chosen = _pick(parent, "Mở tệp", files)
    if chosen is not None and not open_path(chosen):
        show_error(parent, UserError("Máy chưa có chương trình mở được loại tệp này.",
                                     "Cài phần mềm đọc tệp phù hợp (ví dụ trình đọc PDF hoặc Word).", str(chosen)))
