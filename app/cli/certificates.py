"""``certificates --year YYYY --out FILE.pdf [--layout NAME]``: print the year's certificates on blanks."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.errors import UserError
from app.paths import DataFolder

NAME = "certificates"


def register(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(NAME, parents=[common])  # its help line: app/cli/__init__.py
    parser.add_argument("--year", type=_year, required=True, help="năm của quyết định khen thưởng")
    parser.add_argument("--out", type=Path, required=True, help="tệp PDF sẽ ghi, ví dụ giay-khen-2025.pdf")
    parser.add_argument("--layout", help="tên mẫu vị trí in (mặc định: mẫu duy nhất đang có)")
    parser.add_argument("--calibration", action=argparse.BooleanOptionalAction, default=True,
                        help="thêm trang căn chỉnh (lưới mm) ở cuối")
    parser.add_argument("--preview", action="store_true",
                        help="chỉ để xem trên màn hình: vẽ ảnh phôi đã quét và khung các ô")
    parser.set_defaults(run=run)


def _year(text: str) -> int:
    if not text.isdigit() or not 2000 <= int(text) <= 2100:
        raise argparse.ArgumentTypeError(f"năm “{text}” không hợp lệ (từ 2000 đến 2100)")
    return int(text)


def run(args: argparse.Namespace, folder: DataFolder) -> int:
    from app.services.certificates import write_year_certificates
    from app.startup import open_store

    if not folder.database.exists():
        raise UserError(f"Thư mục dữ liệu “{folder.root}” chưa có dữ liệu.", "Kiểm tra lại --data-dir.",
                        str(folder.root))
    target = args.out.expanduser().resolve()
    if not target.parent.is_dir():
        raise UserError(f"Không có thư mục “{target.parent}” để ghi tệp.",
                        "Tạo thư mục đó trước, hoặc chọn nơi ghi khác bằng --out.", str(target))
    from app import folder_lock

    with folder_lock.writing(folder, NAME):  # opening may migrate and back up: one writer at a time
        store, _report = open_store(folder)
        try:
            written = write_year_certificates(store, args.year, target, args.layout, calibration=args.calibration,
                                              preview=args.preview)
        finally:
            store.close()
    extra = " và trang căn chỉnh" if args.calibration else ""
    print(f"Đã ghi {written.count} giấy khen{extra} theo mẫu “{written.layout_name}”: {written.path}")
    return 0
