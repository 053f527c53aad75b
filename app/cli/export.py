"""``export --year YYYY --out DEST``: build the package for the superior level without the window."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app.errors import UserError
from app.paths import DataFolder

NAME = "export"
PERIODS = ("q1", "h1", "q3", "year")


def register(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(NAME, parents=[common])  # its help line: app/cli/__init__.py
    parser.add_argument("--year", type=int, required=True, help="năm của hồ sơ")
    parser.add_argument("--out", type=Path, required=True, help="thư mục đích (ví dụ ổ USB)")
    parser.add_argument("--content", default="", help="nội dung, cách nhau bằng dấu phẩy: plan,report,scores,dossier,"
                        "decisions,evidence (mặc định: những nội dung đến hạn vào hôm nay, theo "
                        "resources/defaults/package-due.json)")
    parser.add_argument("--period", choices=PERIODS, help="kỳ báo cáo (mặc định: kỳ đến hạn, hoặc kỳ gần nhất đã kết thúc)")
    parser.add_argument("--dossier", type=int, action="append", metavar="SO",
                        help="số hồ sơ khen thưởng đưa vào gói (lặp lại cho nhiều hồ sơ; mặc định: mọi hồ sơ của năm "
                             "có người đề nghị cấp trên khen thưởng)")
    parser.add_argument("--zip", action=argparse.BooleanOptionalAction, default=True, help="tạo thêm tệp .zip")
    parser.add_argument("--eml", action="store_true", help="tạo thêm thư nháp e-mail (.eml) đính kèm tệp .zip")
    parser.add_argument("--word", action="store_true", help="kèm bản Word (.docx) của các văn bản để chỉnh sửa")
    parser.set_defaults(run=run)


def _asked(args: argparse.Namespace) -> tuple[str, ...] | None:
    """The contents ``--content`` asks for; None without it (those due today, read once the data is open)."""
    if not args.content.strip():
        return None
    contents = tuple(part.strip() for part in args.content.split(",") if part.strip())
    if args.dossier and "dossier" not in contents:
        raise UserError("--dossier chỉ dùng khi gói có nội dung “dossier”.",
                        "Thêm “dossier” vào --content, hoặc bỏ --dossier.")
    return contents


def _due(args: argparse.Namespace, store, today: date) -> tuple[str, ...]:
    """The contents due today by the commune's reporting periods (said on stdout, with why)."""
    from app.exporters.package import CONTENTS, default_contents

    contents, due = default_contents(store, args.year, today)
    if args.dossier and "dossier" not in contents:
        contents = tuple(key for key in CONTENTS if key in {*contents, "dossier"})
    print(f"Nội dung đến hạn ngày {today:%d/%m/%Y} cho gói năm {args.year}:" if due else
          f"Ngày {today:%d/%m/%Y} chưa có nội dung nào của năm {args.year} đến hạn; gói gồm nội dung mặc định:")
    for item in due:
        print(f"- {CONTENTS[item.key].title}: {item.reason}")
    if not due:
        print("- " + ", ".join(CONTENTS[key].title for key in contents))
    return contents


def run(args: argparse.Namespace, folder: DataFolder) -> int:
    from app import folder_lock
    from app.exporters.package import chosen_kinds

    asked = _asked(args)
    if asked is not None:
        chosen_kinds(asked)  # refuse an unknown content before touching anything
    if not folder.database.exists():
        raise UserError(f"Thư mục dữ liệu “{folder.root}” chưa có dữ liệu.", "Kiểm tra lại --data-dir.", str(folder.root))
    # Opening may migrate the file and take the daily backup: a writer like any other, one at a time.
    with folder_lock.writing(folder, NAME):
        return _export(args, folder, asked)


def _say_dossiers(store, year: int, wanted: tuple[int, ...] | None) -> None:
    """Name each award dossier of the year and whether it goes in, so none is taken (or left) silently."""
    from app.exporters.dossier_files import chosen_dossiers
    from app.queries.package import dossier_choices

    taken = {choice.id for choice in chosen_dossiers(store, year, wanted, None)}
    for choice in dossier_choices(store, year, None):
        verb = "Đưa vào gói" if choice.id in taken else "Không đưa vào gói"
        print(f"{verb} hồ sơ khen thưởng số {choice.id} “{choice.campaign}”: {choice.details}.")


def _export(args: argparse.Namespace, folder: DataFolder, asked: tuple[str, ...] | None) -> int:
    from app.exporters.package import PackageRequest, build_package
    from app.startup import open_store

    store, _report = open_store(folder)
    try:
        contents = asked if asked is not None else _due(args, store, date.today())
        wanted = tuple(args.dossier) if args.dossier else None
        if "dossier" in contents:
            _say_dossiers(store, args.year, wanted)
        request = PackageRequest(args.year, contents, args.period, args.zip, word_copies=args.word, dossiers=wanted)
        result = build_package(store, request, args.out.expanduser().resolve())
        for line in result.summary():
            print(line)
        if args.eml and result.zip_path:
            print(f"Đã tạo thư nháp e-mail: {_email(store, result, request)}")
    finally:
        store.close()
    return 0


def _email(store, result, request) -> Path:
    """The draft goes to the receiving office in force on the date of the package's report."""
    from datetime import date

    from app.exporters.email_draft import write_email_draft
    from app.exporters.package import default_period
    from app.queries.year_papers import report_addressee
    from app.services.profile import get_profile

    today = request.today or date.today()
    period = request.period or default_period(store, request.year, today)
    return write_email_draft(result.manifest, result.zip_path, report_addressee(store, request.year, period, today),
                             get_profile(store).clerk_name)
