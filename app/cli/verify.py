"""``verify PATH``: check a package (folder or .zip) against its manifest.json; exit 0 only when all match."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.paths import DataFolder

NAME = "verify"


def register(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(NAME, parents=[common])  # its help line: app/cli/__init__.py
    parser.add_argument("path", type=Path, help="thư mục gói hoặc tệp .zip")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, folder: DataFolder) -> int:
    """0: everything matches; 1: missing, extra, changed or unsafe entries; 2 (a UserError): nothing to check."""
    from app.errors import UserError
    from app.exporters.verify import verify_package

    path = args.path.expanduser()
    try:
        result = verify_package(path)
    except UserError:
        raise
    except Exception as error:  # a package from elsewhere may fail in a way not foreseen: still no traceback
        raise UserError(f"Không kiểm tra được gói “{path.name}”: nội dung bất thường, không đọc được.",
                        "Đừng dùng gói này; hãy xin nơi gửi xuất và gửi lại.", repr(error)) from error
    print(result.verdict)
    return 0 if result.ok else 1
