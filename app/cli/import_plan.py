"""``import-plan FILE --json``: extract areas and tasks from a plan (.docx, .txt) without saving."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from app.paths import DataFolder

NAME = "import-plan"


def register(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(NAME, parents=[common], help="đọc nhiệm vụ từ một kế hoạch (.docx, .txt), không lưu")
    parser.add_argument("file", type=Path, help="tệp kế hoạch (.docx hoặc .txt)")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    parser.add_argument("--year", type=_year, help="năm của kế hoạch, khi văn bản không ghi rõ")
    parser.set_defaults(run=run)


def _year(text: str) -> int:
    if not text.isdigit() or not 2000 <= int(text) <= 2100:
        raise argparse.ArgumentTypeError(f"năm “{text}” không hợp lệ (từ 2000 đến 2100)")
    return int(text)


def extraction(path: Path, year: int | None) -> dict:
    """The plan's areas and tasks as written, each task with its due dates and recurrence."""
    from app.domain.timeframe import parse_timeframe
    from app.importers.plan_file import read_plan_file
    from app.importers.plan_model import to_json_dict

    imported = read_plan_file(path)
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
    result = extraction(args.file, args.year)
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
