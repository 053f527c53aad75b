"""The commune's own awards (the Chairman's decision, the start-of-year registration, the statistics):
``write_papers``, how their screens write papers to a folder.

Their edits need no undo code here: each service call is an action the data's journal can undo.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from ui.dialogs.export_plan_dialog import confirm_overwrite, last_folder, remember_folder
from ui.runner import report_written, run

Write = Callable[[Path, Callable], list[Path]]  # (folder, progress) -> the files written


def write_papers(parent: QWidget, store, what: str, names: Sequence[str], write: Write,
                 folder: str | None = None) -> list[Path]:
    """Ask for a folder (unless given) and before replacing files of the same ``names``, write on a worker
    thread (a progress box after 600 ms), then list the files with "Mở thư mục". ``what``: "quyết định
    khen thưởng". Returns the files written ([] when cancelled or refused: the refusal is shown; a cancel leaves none)."""
    folder = folder or QFileDialog.getExistingDirectory(parent, f"Chọn thư mục để lưu {what}", last_folder(store))
    if not folder or not confirm_overwrite(parent, folder, names):
        return []
    written = run(parent, f"Đang xuất {what}", lambda progress: list(write(Path(folder), progress)), cancel=True,
                  unexpected="Đã xảy ra lỗi ngoài dự kiến khi ghi tệp; tệp đã có không bị thay đổi.")
    if not written.ok:
        return []
    remember_folder(store, folder)
    report_written(parent, f"Đã xuất {what}", folder, written.value)
    return written.value
