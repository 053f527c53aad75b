"""``import-plan FILE --json [--ma-cu auto|tcvn3|vni|khong]``: extract areas and tasks from a plan (.docx, .txt)
without saving; ``--ma-cu`` converts a plan typed in an old font encoding (TCVN3, VNI) to Unicode first, like
the import dialog does after asking."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from app.paths import DataFolder

NAME = "import-plan"
LEGACY_CHOICES = ("auto", "tcvn3", "vni", "khong")
_HINT_SAMPLE = 20_000  # characters enough to recognise an encoding; the whole of a long plan is not needed


def register(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(NAME, parents=[common])  # its help line: app/cli/__init__.py
    parser.add_argument("file", type=Path, help="tệp kế hoạch (.docx hoặc .txt)")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    parser.add_argument("--year", type=_year, help="năm của kế hoạch, khi văn bản không ghi rõ")
    parser.add_argument("--ma-cu", choices=LEGACY_CHOICES, default="khong", dest="legacy",
                        help="bảng mã cũ của văn bản: auto (tự nhận ra), tcvn3 (ABC, .VnTime), vni (VNI-Times), "
                             "khong (văn bản Unicode, mặc định)")
    parser.set_defaults(run=run)


def _year(text: str) -> int:
    if not text.isdigit() or not 2000 <= int(text) <= 2100:
        raise argparse.ArgumentTypeError(f"năm “{text}” không hợp lệ (từ 2000 đến 2100)")
    return int(text)


def legacy_converter(path: Path, choice: str):
    """The converter ``--ma-cu`` asks for (None: leave the text as it is); "auto" converts what is detected."""
    from app.domain.legacy_vietnamese import Detection
    from app.importers.legacy_text import converter_for, detect_legacy
    from app.importers.plan_file import plain_text

    if choice == "khong":
        return None
    if choice != "auto":
        return converter_for(Detection(choice, 1.0, "", ""))
    return converter_for(detect_legacy(plain_text(path)))


def _legacy_hint(path: Path) -> str:
    """A line for stderr when the text looks legacy-encoded but ``--ma-cu`` was not given; "" otherwise."""
    from app.importers.legacy_text import LABELS, detect_legacy
    from app.importers.plan_file import plain_text

    detection = detect_legacy(plain_text(path)[:_HINT_SAMPLE])
    if detection.encoding not in LABELS:
        return ""
    return (f"Lưu ý: văn bản có vẻ được gõ bằng bảng mã {LABELS[detection.encoding]} ({detection.sample}); "
            f"thêm --ma-cu auto (hoặc --ma-cu {detection.encoding}) để chuyển sang Unicode trước khi đọc.")


def extraction(path: Path, year: int | None, legacy: str = "khong") -> dict:
    """The plan's areas and tasks as written, each task with its due dates and recurrence."""
    from app.domain.timeframe import parse_timeframe
    from app.importers.plan_file import read_plan_file
    from app.importers.plan_model import to_json_dict

    imported = read_plan_file(path, legacy_converter(path, legacy))
    plan_year = year or imported.year or date.today().year
    result = to_json_dict(imported)
    result["year"] = plan_year
    for task in result["tasks"]:
        schedule = parse_timeframe(task["timeframe"], plan_year)
        task["due"] = [day.isoformat() for day in schedule.due_dates]
        task["recurrence"] = schedule.recurrence
        task["schedule"] = schedule.kind
    return result


def run(args: argparse.Namespace, folder: DataFolder) -> int:
    result = extraction(args.file, args.year, args.legacy)
    if args.legacy == "khong" and (hint := _legacy_hint(args.file)):
        print(hint, file=sys.stderr)
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(f"{args.file.name}: {len(result['areas'])} lĩnh vực, {len(result['tasks'])} nhiệm vụ")
    for area in result["areas"]:
        tasks = [t for t in result["tasks"] if t["area"] == area]
        print(f"- {area} ({len(tasks)} nhiệm vụ)")
    for warning in result["warnings"]:
        print(f"  ! {warning}")
    return 0
