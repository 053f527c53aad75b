"""Which side a data folder belongs to: a commune's or the province's receiving (Tổng hợp) folder.

The two share one schema, so nothing stops a window from opening the other side's folder — but a
province is not a commune: a receiving window over a commune's data would rank nothing and an appraisal
would land among its plans, and a commune window over receiving data would show an empty commune and
offer to start it. Each window therefore refuses the other side's folder before it opens the data.

A folder is a commune's when its profile has a name or it holds a plan; a receiving folder when it holds
received packages or the receiving office, or carries ``MARKER`` (written at the receiving window's first
start, so an empty receiving folder is known too). Read on plain ``sqlite3``: the start path loads no ORM.
"""

from __future__ import annotations

import sqlite3

from app.errors import UserError
from app.paths import RECEIVING_MARKER, DataFolder

COMMUNE, RECEIVING, NEW = "commune", "receiving", "new"
MARKER = RECEIVING_MARKER
_MARKER_TEXT = ("Thư mục dữ liệu của chế độ Tổng hợp (Sở Nội vụ) của CCHC Xã: các gói hồ sơ các xã gửi lên "
                "và kết quả thẩm định. Không mở thư mục này bằng cửa sổ của xã.\n")


def _has_rows(connection: sqlite3.Connection, table: str, where: str = "") -> bool:
    known = connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()
    return known is not None and connection.execute(f'SELECT 1 FROM "{table}" {where} LIMIT 1').fetchone() is not None


def kind_of(folder: DataFolder) -> str:
    """COMMUNE, RECEIVING or NEW (nothing of either yet; also a file SQLite cannot read: the start diagnoses it)."""
    commune = receiving = False
    if folder.database.is_file() and folder.database.stat().st_size > 0:
        try:
            connection = sqlite3.connect(f"{folder.database.resolve().as_uri()}?mode=ro", uri=True)
            try:
                commune = (_has_rows(connection, "commune_profile", "WHERE trim(commune_name) != ''")
                           or _has_rows(connection, "plan"))
                receiving = _has_rows(connection, "received_package") or _has_rows(connection, "receiving_office")
            finally:
                connection.close()
        except sqlite3.Error:
            return NEW  # damaged or busy: the recovery path names it, with its backups
    if commune:
        return COMMUNE
    if receiving or (folder.root / MARKER).is_file():
        return RECEIVING
    return NEW


def refuse_commune_folder(folder: DataFolder) -> None:
    """For the receiving window: a commune's data folder is refused, saying what to do instead."""
    if kind_of(folder) == COMMUNE:
        raise UserError(f"Thư mục “{folder.root}” là thư mục dữ liệu của một xã, không mở được ở chế độ Tổng hợp "
                        "(Sở Nội vụ).",
                        "Chế độ Tổng hợp dùng thư mục dữ liệu riêng: mở lại không kèm --data-dir (thư mục mặc "
                        "định của chế độ Tổng hợp) hoặc chọn một thư mục trống.")


def refuse_receiving_folder(folder: DataFolder) -> None:
    """For the commune window: the province's receiving folder is refused, saying how to open it."""
    if kind_of(folder) == RECEIVING:
        raise UserError(f"Thư mục “{folder.root}” là thư mục dữ liệu của chế độ Tổng hợp (Sở Nội vụ), không phải "
                        "dữ liệu của một xã.",
                        "Mở thư mục này bằng lệnh “python -m app --tong-hop --data-dir …” (hoặc Tệp → Mở chế độ "
                        "Tổng hợp); dữ liệu của xã dùng một thư mục khác.")


def mark_receiving(folder: DataFolder) -> None:
    """Note in the folder that it is a receiving folder (once; a folder that cannot be written is named later)."""
    marker = folder.root / MARKER
    if not marker.exists():
        try:
            marker.write_text(_MARKER_TEXT, encoding="utf-8")
        except OSError:
            pass  # the start's write check says what is wrong with the folder


def office_named(store) -> bool:
    """Whether the receiving office has been named (else the window asks once)."""
    with store.reading() as connection:
        row = connection.execute("SELECT name FROM receiving_office ORDER BY id LIMIT 1").fetchone()
    return bool(row and row[0].strip())
