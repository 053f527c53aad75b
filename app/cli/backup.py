"""``backup``: take a backup of the data folder now and print where it went."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from app.backups import backup_now, describe
from app.paths import DataFolder
from app.startup import check_database

NAME = "backup"


def register(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(NAME, parents=[common], help="sao lưu dữ liệu ngay")
    parser.add_argument("--to", type=Path, help="chép thêm bản sao lưu vào tệp này (ví dụ trên USB)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, folder: DataFolder) -> int:
    check_database(folder)
    backup = backup_now(folder, "manual")
    print(f"Đã sao lưu: {backup.path} ({describe(backup)})")
    if args.to:
        target = args.to / backup.path.name if args.to.is_dir() else args.to
        shutil.copyfile(backup.path, target)
        print(f"Đã chép thêm vào: {target}")
    return 0
