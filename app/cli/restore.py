"""``restore``: put a backup in place of the database (a copy of the replaced file is kept).

Holds the data folder's lock while it runs: a window open on the same folder
would go on writing into the replaced file, so the command refuses instead.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.paths import DataFolder

NAME = "restore"


def register(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(NAME, parents=[common])  # its help line: app/cli/__init__.py
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("file", nargs="?", type=Path, help="tệp sao lưu (.sqlite3)")
    which.add_argument("--latest", action="store_true", help="bản sao lưu mới nhất")
    which.add_argument("--list", action="store_true", help="liệt kê các bản sao lưu")
    parser.add_argument("--yes", "--force", dest="yes", action="store_true",
                        help="vẫn khôi phục khi bản sao lưu là của một xã khác")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, folder: DataFolder) -> int:
    # Imported here: ``python -m app`` reads every command's options, and the window must not wait for them.
    from app import folder_lock
    from app.backups import describe, restorable_backups

    backups = restorable_backups(folder)
    if args.list:
        for backup in backups:
            print(f"{describe(backup)}\t{backup.path}")
        if not backups:
            print("Chưa có bản sao lưu nào.")
        return 0
    with folder_lock.writing(folder, NAME):
        return _restore(args, folder, backups)


def _restore(args: argparse.Namespace, folder: DataFolder, backups) -> int:
    from app.backups import OtherCommuneError, restore_backup
    from app.errors import UserError
    from app.startup import open_store

    from db.backup import latest_good_backup

    source = args.file
    if args.latest:
        usable = [b for b in backups if b.kind != "damaged"]
        if not usable:
            raise UserError("Chưa có bản sao lưu nào để khôi phục.", f"Thư mục sao lưu: {folder.backups}")
        # The newest by sequence that is whole and holds data: never a 2099-dated old one, never an emptied one.
        source = (latest_good_backup(folder.backups) or usable[0]).path
    try:
        result = restore_backup(folder, source, other_commune_ok=args.yes)
    except OtherCommuneError as error:
        raise UserError(error.message, error.hint + " Nếu đúng là muốn khôi phục, chạy lại lệnh với --yes.",
                        error.details) from error
    store, _report = open_store(folder)  # brings an older backup's schema up to date
    store.close()
    print(f"Đã khôi phục từ: {source}")
    if result.kept:
        print(f"Dữ liệu trước khi khôi phục được giữ tại: {result.kept.path}")
    if result.evidence_rejected:
        print(f"Lưu ý: {result.evidence_note()}")
    return 0
