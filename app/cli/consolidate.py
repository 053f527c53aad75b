"""``consolidate PATH [PATH …] --out DIR [--year YYYY] [--json]``: the province takes in the communes' packages.

Each PATH is a package (folder or .zip) or a folder holding many (searched recursively). Every package is
verified; a tampered or malformed one is refused with its reason and the run goes on. Into DIR go
``TongHop-CCHC-<year>.xlsx`` and the summary paper (PDF). The receiving data (what was seen, the province's
appraisal) lives in ``--data-dir`` when given, else in ``DIR/du-lieu-tong-hop/``, so running again into the same
DIR is incremental. Exit 0 when at least one package was consolidated, 2 when none.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from app.paths import DataFolder

NAME = "consolidate"
RECEIVING_FOLDER = "du-lieu-tong-hop"


def register(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(NAME, parents=[common], help="tổng hợp, xếp hạng các gói hồ sơ của xã, phường gửi lên")
    parser.add_argument("paths", type=Path, nargs="+", metavar="PATH",
                        help="gói hồ sơ (thư mục hoặc .zip) hoặc thư mục chứa nhiều gói")
    parser.add_argument("--out", type=Path, required=True, help="thư mục ghi bảng tổng hợp (.xlsx) và báo cáo (.pdf)")
    parser.add_argument("--year", type=int, help="năm tổng hợp (mặc định: năm mới nhất trong các gói)")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, folder: DataFolder) -> int:
    from app import folder_lock
    from app.receiving.folder_kind import mark_receiving, refuse_commune_folder

    out = args.out.expanduser().resolve()
    if getattr(args, "data_dir", None) is None:  # a province is not a commune: never the clerk's own data folder
        folder = DataFolder(out / RECEIVING_FOLDER)
    _make(out)
    refuse_commune_folder(folder)  # --data-dir naming a commune's folder: its plans are no place for packages
    with folder_lock.writing(folder, NAME):
        folder.create()
        mark_receiving(folder)
        return _consolidate(args, folder, out)


def _make(out: Path) -> None:
    from app.errors import UserError

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(f"Không tạo được thư mục “{out}”.", "Kiểm tra ổ đĩa và quyền ghi, hoặc chọn --out khác.",
                        str(error)) from error


def _consolidate(args: argparse.Namespace, folder: DataFolder, out: Path) -> int:
    from app.receiving import queries
    from app.receiving.ingest import consolidate
    from app.receiving.summary_paper import write_paper
    from app.receiving.summary_workbook import write_workbook
    from app.startup import open_store

    store, _report = open_store(folder)
    try:
        report = consolidate(store, args.paths)
        year = args.year or _latest_year(report, queries.years(store))
        ranking = queries.ranking(store, year) if year else ()
        written = ()
        if report.consolidated and year:
            summary = queries.summary(store, year)
            written = (write_workbook(summary, out), write_paper(summary, out, date.today()))
    finally:
        store.close()
    if args.json:
        print(json.dumps(_json(report, ranking), ensure_ascii=False, indent=1))
    else:
        _plain(report)
    _say_written(written, year, to=sys.stderr if args.json else sys.stdout)
    return 0 if report.consolidated else 2


def _latest_year(report, stored: tuple[int, ...]) -> int | None:
    """The latest year among this run's packages taken in, else the latest the receiving data holds."""
    found = [line.year for line in report.lines if line.status != "refused" and line.year]
    return max(found) if found else (stored[-1] if stored else None)


def _number(value):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _json(report, ranking) -> dict:
    return {
        "packages": [{"path": line.path, "commune": line.commune, "province": line.province, "year": line.year,
                      "period": line.period, "status": line.status, "reason": line.reason} for line in report.lines],
        "ranking": [{"commune": row.commune, "self_score": _number(row.self_total),
                     "appraised_score": _number(row.appraised_total), "rank": row.rank} for row in ranking],
    }


def _plain(report) -> None:
    from app.receiving.models import PERIOD_LABELS, STATUS_LABELS

    for line in report.lines:
        period = "" if line.status == "refused" else PERIOD_LABELS.get(line.period, line.period)  # unread: unknown
        what = ", ".join(part for part in (line.commune, str(line.year or ""), period) if part)
        unchanged = " (không đổi từ lần trước)" if line.unchanged else ""
        reason = f" — {line.reason}" if line.reason else ""
        print(f"{STATUS_LABELS.get(line.status, line.status)}{unchanged}: {Path(line.path).name}"
              f"{f' ({what})' if what else ''}{reason}")
    print(f"Tổng hợp được {report.consolidated}/{len(report.lines)} gói.")


def _say_written(written, year, to) -> None:
    if not written:
        print("Không có gói nào tổng hợp được nên chưa ghi bảng tổng hợp và báo cáo.", file=to)
        return
    print(f"Đã ghi bảng tổng hợp năm {year}: {written[0]}", file=to)
    print(f"Đã ghi báo cáo tổng hợp (PDF): {written[1]}", file=to)
