"""Writing a set of rendered files into a folder, with one Vietnamese message when the folder fails."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.errors import UserError
from app.progress import Cancelled


@dataclass(frozen=True)
class WrittenFile:
    path: Path
    description: str


def write_files(jobs, folder: Path, what: str, progress=None) -> list[WrittenFile]:
    """Render each ``(render, document, file name, description)`` into ``folder`` (created if missing).

    Each file is written whole or not at all (the renderers write atomically);
    ``what`` names the papers in the message if the folder cannot be written.
    ``progress`` may raise ``Cancelled`` between two files: the files this call wrote are removed, so a
    cancelled export leaves no half set.
    """
    folder = Path(folder)
    written: list[WrittenFile] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for step, (render, document, name, description) in enumerate(jobs):
            if progress is not None:
                progress(step, len(jobs), description)
            render(document, folder / name)
            written.append(WrittenFile(folder / name, description))
        return written
    except Cancelled:
        for item in written:
            item.path.unlink(missing_ok=True)
        raise
    except OSError as error:
        raise UserError(
            f"Không ghi được {what} ra thư mục đã chọn.",
            "Kiểm tra thư mục (hoặc ổ USB) còn chỗ trống, không bị khóa ghi, và tệp cùng tên không đang mở trong Word/Excel.",
            f"{folder}: {error}",
        ) from error
