"""One package file examined: verified, its data file read, reduced to the row ``received_package`` keeps.

Pure work on one path with no database, so a pool process can do it (``app/receiving/ingest.py``): the
result is a plain dict of column values, nothing but the data file's text kept of the package.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.errors import UserError
from app.exchange.package_data import DATA_FILE, DATA_KIND, CommuneInfo, PackageData, parse_package_data
from app.exchange.package_files import listed_of_kind, read_member
from app.exporters.manifest import Manifest
from app.exporters.verify import Verification, verify_package
from app.receiving.models import OK, PERIOD_ORDER, REFUSED, TEXT_ONLY

_EMPTY = dict(package_name="", commune_key="", commune_name="", province="", unit_kind="xa", commune_code="",
              year=0, period="", exported_at="", app_version="", reason="", data_json=None, self_total=None,
              rating="", set_name="", set_version="", tasks_total=0, tasks_done=0, tasks_overdue=0,
              proposals_count=0, decisions_count=0)
TEXT_ONLY_REASON = (f"Gói không có tệp dữ liệu {DATA_FILE} (gói của phiên bản cũ): chỉ tổng hợp theo manifest.json "
                    "(xã, tỉnh, năm, kỳ); không có điểm và nhiệm vụ.")


def fingerprint(path: Path) -> tuple[int, int]:
    """(size, newest mtime_ns) of a .zip, or of every file of a package folder: changed when either changes."""
    if not path.is_dir():
        info = path.stat()  # OSError when it is gone
        return info.st_size, info.st_mtime_ns
    size = newest = 0
    for folder, _dirs, files in os.walk(path):
        for name in files:
            info = os.stat(os.path.join(folder, name))
            size, newest = size + info.st_size, max(newest, info.st_mtime_ns)
    return size, newest


def examine(path: Path) -> dict:
    """The row's columns for the package at ``path``; never raises for what is wrong with the package."""
    try:
        check = verify_package(path)
    except UserError as error:
        return {**_EMPTY, "status": REFUSED, "reason": _refusal(path, f"{error.message} {error.hint}".strip())}
    except Exception as error:  # noqa: BLE001 — a file from elsewhere may fail in ways not foreseen
        return {**_EMPTY, "status": REFUSED,
                "reason": _refusal(path, f"nội dung bất thường, không đọc được ({type(error).__name__}).")}
    if not check.ok:
        return {**_from_manifest(check.manifest), "status": REFUSED, "reason": _refusal(path, _mismatch(check))}
    relative = listed_of_kind(check.manifest, DATA_KIND)
    if relative is None:
        return {**_from_manifest(check.manifest), "status": TEXT_ONLY,
                "reason": TEXT_ONLY_REASON}
    try:
        raw = read_member(check, relative)
        data = parse_package_data(raw)
        _same_as_manifest(data, check.manifest)
    except UserError as error:
        return {**_from_manifest(check.manifest), "status": REFUSED,
                "reason": _refusal(path, f"{error.message} {error.hint}".strip())}
    return {**_from_data(data, check.manifest), "status": OK, "data_json": raw.decode("utf-8-sig")}


def _refusal(path: Path, why: str) -> str:
    return f"Gói “{path.name}” bị từ chối: {why}"


def _mismatch(check: Verification) -> str:
    """What does not match, file by file, and what to do."""
    if check.refused:
        return "tệp nén có mục không an toàn (" + "; ".join(check.refused) + "). Xin xã xuất và gửi lại gói."
    parts = [f"{label} {', '.join(names)}" for label, names in
             (("tệp bị thay đổi:", check.changed), ("thiếu tệp:", check.missing), ("thừa tệp:", check.extra)) if names]
    return "không khớp manifest.json — " + "; ".join(parts) + ". Xin xã xuất và gửi lại gói."


def _same_as_manifest(data: PackageData, manifest: Manifest) -> None:
    """The data file speaks of the package it is in (a data file copied from another package is refused)."""
    if manifest.year and data.year != manifest.year:
        raise UserError(f"Tệp dữ liệu {DATA_FILE} ghi năm {data.year}, còn manifest.json ghi năm {manifest.year}.",
                        "Xin xã xuất và gửi lại gói.")


def _file_period(manifest: Manifest) -> str:
    """The package's period: the manifest's own (newer packages), else the latest its files name."""
    own = getattr(manifest, "period", "") or ""
    if own:
        return own
    periods = [item.period for item in manifest.files if item.period in PERIOD_ORDER]
    return max(periods, key=PERIOD_ORDER.index, default="")


def _from_manifest(manifest: Manifest | None) -> dict:
    if manifest is None:
        return dict(_EMPTY)
    place = CommuneInfo(manifest.commune.strip(), manifest.province.strip())
    return {**_EMPTY, "package_name": manifest.package, "commune_key": place.key if place.name else "",
            "commune_name": place.name, "province": place.province, "year": manifest.year,
            "period": _file_period(manifest), "exported_at": manifest.exported_at,
            "app_version": manifest.app_version}


def _from_data(data: PackageData, manifest: Manifest) -> dict:
    place = data.commune
    statuses = [task.status for task in data.tasks if task.status != "cancelled"]
    summary = {"package_name": manifest.package, "commune_key": place.key, "commune_name": place.name,
               "province": place.province, "unit_kind": place.unit_kind, "commune_code": place.code,
               "year": data.year, "period": data.period, "exported_at": data.exported_at or manifest.exported_at,
               "app_version": data.app_version or manifest.app_version, "reason": "",
               "tasks_total": len(statuses), "tasks_done": statuses.count("done"),
               "tasks_overdue": statuses.count("overdue"), "proposals_count": len(data.proposals),
               "decisions_count": len(data.decisions)}
    if data.scoring is not None:
        totals = data.scoring.totals()
        summary.update(self_total=totals.scaled, rating=data.scoring.rating(totals), set_name=data.scoring.set_name,
                       set_version=data.scoring.version)
    return {**_EMPTY, **summary}
