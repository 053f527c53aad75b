"""Consolidation: find the packages under the given paths, take each in, keep the newest of each period.

``consolidate`` is not an undoable action: running it again repeats it (a file unchanged since the last
run — same path, size and time — is not verified again) and never touches the province's appraisal,
which lives in its own table. One package at a time is examined (``app/receiving/examine.py``) and only
its data file kept; rows are committed in batches, so a cancel or a crash loses at most the batch under
way and what was committed stays consistent: the newest-export rule is applied again at the end of every
run, cancelled or not, over every row the store holds.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path

from app.exporters.manifest import FILE_NAME
from app.paths import DATABASE_NAME
from app.progress import Cancelled
from app.receiving.examine import TEXT_ONLY_REASON, examine, fingerprint
from app.receiving.models import OK, REFUSED, REPLACED, TEXT_ONLY, ConsolidationReport, ReportLine, moment_label
from app.receiving.queries import COLUMNS, row_of

BATCH = 50  # rows per commit: a cancel keeps every batch before it
TEMPORARY = ".dang-ghi"  # a package still being written by the sender's app: never taken for whole


def find_packages(paths: Iterable[Path]) -> Iterator[Path | tuple[Path, str]]:
    """Every package under ``paths`` in a stable order: a package folder (holds manifest.json) or a .zip;
    a path that does not exist comes as ``(path, why)``."""
    for path in paths:
        path = Path(path).expanduser()
        if path.is_file() and path.name == FILE_NAME:
            path = path.parent
        if not path.exists():
            yield path, f"Không tìm thấy “{path}”. Kiểm tra lại đường dẫn, hoặc ổ USB còn cắm."
        elif path.is_file() or (path / FILE_NAME).is_file():
            yield path.resolve()
        else:
            yield from _search(path.resolve())


def _search(root: Path) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        here = Path(folder)
        if DATABASE_NAME in files:  # a data folder (the receiving one inside --out): its backups are no packages
            dirs[:] = []
            continue
        if FILE_NAME in files:
            dirs[:] = []  # a package folder: its subfolders are its own papers
            yield here
            continue
        for name in sorted(files):
            if name.lower().endswith(".zip") and not name.endswith(TEMPORARY):
                yield here / name
        dirs[:] = [name for name in dirs if not name.endswith(TEMPORARY)]


def consolidate(store, paths: Iterable[Path], progress: Callable | None = None,
                cancelled: Callable[[], bool] | None = None) -> ConsolidationReport:
    """Take in every package under ``paths``; the report lists each with its final status.

    ``progress(step, total, text)`` may raise ``Cancelled``, and ``cancelled()`` may say so: either way the
    run stops between two packages, keeps what it did, and returns a report with ``cancelled`` set.
    """
    found = list(dict.fromkeys(find_packages(paths)))  # a package named twice (a folder and inside it) once
    known = _fingerprints(store)
    missing, seen, batch = [], [], []
    stopped = False
    try:
        for step, item in enumerate(found):
            if cancelled is not None and cancelled():
                raise Cancelled()
            if progress is not None:
                progress(step, len(found), f"Đang kiểm tra gói {step + 1}/{len(found)}: {_name(item)}")
            if isinstance(item, tuple):
                missing.append(ReportLine(str(item[0]), "", "", None, "", REFUSED, item[1]))
                continue
            try:
                stamp = fingerprint(item)
            except OSError:  # gone since it was found: a stick pulled out, a folder moved
                missing.append(ReportLine(str(item), "", "", None, "", REFUSED, f"Không đọc được “{item.name}”: tệp "
                                          "vừa bị chuyển đi hoặc ổ USB vừa bị rút. Cắm lại rồi tổng hợp lại."))
                continue
            seen.append(str(item))
            if known.get(str(item)) == stamp:
                continue
            batch.append({**examine(item), "path": str(item), "size": stamp[0], "mtime_ns": stamp[1]})
            if len(batch) >= BATCH:
                _save(store, batch)
                batch = []
    except Cancelled:
        stopped = True
    _save(store, batch)
    mark_replaced(store)
    return ConsolidationReport(tuple(missing) + _lines(store, seen, known), stopped)


def _name(item) -> str:
    return (item[0] if isinstance(item, tuple) else item).name


def _fingerprints(store) -> dict[str, tuple[int, int]]:
    with store.reading() as connection:
        return {path: (size, mtime) for path, size, mtime in
                connection.execute("SELECT path, size, mtime_ns FROM received_package")}


def _save(store, rows: list[dict]) -> None:
    """Insert or replace the rows of these paths in one transaction."""
    if not rows:
        return
    from sqlalchemy import select

    from db.models.receiving import ReceivedPackageRow

    now = datetime.now().astimezone().isoformat(timespec="seconds")
    with store.transaction() as session:
        existing = {row.path: row for row in session.scalars(
            select(ReceivedPackageRow).where(ReceivedPackageRow.path.in_([r["path"] for r in rows])))}
        for values in rows:
            row = existing.get(values["path"])
            if row is None:
                session.add(ReceivedPackageRow(**values, seen_at=now))
            else:
                for name, value in values.items():
                    setattr(row, name, value)
                row.seen_at = now


def _moment(text: str) -> tuple[int, str]:
    """An ``exported_at`` to compare: a parsed time sorts by the instant; one that does not parse first."""
    try:
        return 1, datetime.fromisoformat(text).astimezone().isoformat()
    except (ValueError, TypeError, OverflowError):
        return 0, text


def mark_replaced(store) -> None:
    """Within each commune, year and period keep the newest export; mark the others replaced, naming it."""
    from sqlalchemy import select

    from db.models.receiving import ReceivedPackageRow

    with store.transaction() as session:
        groups: dict[tuple, list] = {}
        for row in session.scalars(select(ReceivedPackageRow).where(ReceivedPackageRow.status != REFUSED)):
            groups.setdefault((row.commune_key, row.year, row.period), []).append(row)
        for rows in groups.values():
            # The newest export first; of one export's two copies (its folder and its .zip, both on the
            # stick) the .zip is kept: the unit the commune sends.
            rows.sort(key=lambda row: (_moment(row.exported_at), row.path.lower().endswith(".zip"), row.id),
                      reverse=True)
            newest = rows[0]
            if newest.data_json is not None:
                _set(newest, OK, "")
            else:
                _set(newest, TEXT_ONLY, TEXT_ONLY_REASON)
            when = moment_label(newest.exported_at) or "không rõ"
            for row in rows[1:]:
                if (row.package_name, row.exported_at) == (newest.package_name, newest.exported_at):
                    _set(row, REPLACED, f"Bản sao của cùng một lần xuất (“{Path(newest.path).name}”, xuất lúc "
                                        f"{when}): chỉ tính một lần.")
                else:
                    _set(row, REPLACED, f"Đã được thay bằng gói mới hơn của cùng xã, năm và kỳ: "
                                        f"“{Path(newest.path).name}” (xuất lúc {when}).")


def _set(row, status: str, reason: str) -> None:
    if row.status != status or row.reason != reason:  # an unchanged row is not written again
        row.status, row.reason = status, reason


def _lines(store, seen: list[str], known: dict) -> tuple[ReportLine, ...]:
    """The report's line of each package seen this run, with its status after the newest-export rule."""
    if not seen:
        return ()
    wanted = set(seen)
    with store.reading() as connection:
        rows = {row.path: row for row in (row_of(values) for values in connection.execute(
            f"SELECT {COLUMNS} FROM received_package")) if row.path in wanted}
    stamps = _fingerprints(store)
    return tuple(ReportLine(path, rows[path].commune, rows[path].province, rows[path].year or None, rows[path].period,
                            rows[path].status, rows[path].reason, known.get(path) == stamps.get(path))
                 for path in seen if path in rows)
