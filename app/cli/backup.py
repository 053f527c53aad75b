"""``backup``: take a backup of the data folder now and print where it went."""

from __future__ import annotations

import argparse
from pathlib import Path

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.paths import DataFolder

NAME = "backup"


def register(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(NAME, parents=[common])  # its help line: app/cli/__init__.py
    parser.add_argument("--to", type=Path, help="chép thêm một bản đầy đủ (dữ liệu và tài liệu kiểm chứng) vào thư mục này, ví dụ ổ USB")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, folder: DataFolder) -> int:
    # Imported here: ``python -m app`` reads every command's options, and the window must not wait for them.
    from app import folder_lock
    from app.backups import backup_now, describe, export_backup
    from app.startup import check_database

    with folder_lock.writing(folder, NAME):  # never a backup half-way through a window's restore
        check_database(folder)
        backup = backup_now(folder, "manual")
        print(f"Đã sao lưu: {backup.path} ({describe(backup)})")
        if args.to:
            copy = export_backup(folder, args.to)
            print(f"Đã chép bản đầy đủ (dữ liệu và tài liệu kiểm chứng) vào: {copy}")
    return 0
