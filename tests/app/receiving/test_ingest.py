"""Consolidation: packages found, verified, taken in or refused by name, the newest export kept, reruns skipped."""

from __future__ import annotations

import json
import os
import zipfile

from app.progress import Cancelled
from app.receiving import queries
from app.receiving.ingest import consolidate
from tests.fixtures.received_packages import commune_data, package_entries, tamper, write_package

POINTS = {"1.1": "5", "1.2": "4", "2.1": "8"}


def test_tampered_package_is_refused_by_name_and_the_rest_go_on(store, tmp_path):
    """A package with a changed paper is refused naming the package and the file; the others are taken in."""
    write_package(commune_data("An Phú", POINTS), tmp_path / "goi")
    bad = write_package(commune_data("Bình Minh", POINTS), tmp_path / "goi")
    tamper(bad)
    report = consolidate(store, [tmp_path / "goi"])
    by_commune = {line.commune: line for line in report.lines}
    assert by_commune["Xã An Phú"].status == "ok"
    refused = by_commune["Xã Bình Minh"]
    assert refused.status == "refused"
    assert bad.name in refused.reason and "KH-CCHC-2026.pdf" in refused.reason
    assert report.consolidated == 1


def test_older_export_of_the_same_period_is_replaced_naming_the_newer(store, tmp_path):
    """Two exports of one commune, year and period: the newer stays ok, the older is replaced and names it."""
    old = write_package(commune_data("Cát Tiên", POINTS, exported_at="2026-12-01T08:00:00+07:00"), tmp_path, name="cu")
    new = write_package(commune_data("Cát Tiên", POINTS, exported_at="2026-12-09T08:00:00+07:00"), tmp_path, name="moi")
    report = consolidate(store, [old, new])
    status = {os.path.basename(line.path): (line.status, line.reason) for line in report.lines}
    assert status["moi.zip"] == ("ok", "")
    assert status["cu.zip"][0] == "replaced" and "moi.zip" in status["cu.zip"][1]


def test_other_periods_are_not_replaced(store, tmp_path):
    """A quarter's package and the year's package of one commune are both kept."""
    consolidate(store, [write_package(commune_data("Cát Tiên", POINTS, period="q3"), tmp_path),
                        write_package(commune_data("Cát Tiên", POINTS, period="year"), tmp_path)])
    assert sorted(row.status for row in queries.received(store, 2026)) == ["ok", "ok"]


def test_package_without_data_file_is_text_only_from_its_manifest(store, tmp_path):
    """An older package (no du-lieu-cchc.json) is taken in as “chỉ có văn bản” with the manifest's commune and year."""
    write_package(commune_data("Đông Sơn", POINTS, year=2025), tmp_path, with_data=False, as_zip=False)
    [line] = consolidate(store, [tmp_path]).lines
    assert (line.status, line.commune, line.province, line.year, line.period) == (
        "text_only", "Xã Đông Sơn", "Quảng Ngãi", 2025, "year")
    assert "chỉ tổng hợp theo manifest.json" in line.reason
    assert queries.ranking(store, 2025) == ()


def _zip_with_data(path, data, raw_data: bytes) -> None:
    """A valid package whose data file is ``raw_data`` (hashed in the manifest, so only its content is wrong)."""
    name, entries = package_entries(data)
    from app.exporters.manifest import parse_manifest
    import hashlib

    manifest = json.loads(dict(entries)["manifest.json"])
    for item in manifest["files"]:
        if item["path"] == "du-lieu-cchc.json":
            item["size"], item["sha256"] = len(raw_data), hashlib.sha256(raw_data).hexdigest()
    parse_manifest(json.dumps(manifest).encode())
    with zipfile.ZipFile(path, "w") as archive:
        for member, raw in entries:
            raw = raw_data if member == "du-lieu-cchc.json" else raw
            archive.writestr(f"{name}/{member}", json.dumps(manifest, ensure_ascii=False).encode() if member ==
                             "manifest.json" else raw)


def test_malformed_data_file_is_refused_naming_the_field(store, tmp_path):
    """A whole package whose data file has a wrong field is refused, the reason naming that field."""
    data = commune_data("Gò Nổi", POINTS)
    parsed = json.loads(data.to_json())
    parsed["scoring"]["lines"][1]["points"] = "năm điểm"
    _zip_with_data(tmp_path / "goi.zip", data, json.dumps(parsed, ensure_ascii=False).encode())
    [line] = consolidate(store, [tmp_path]).lines
    assert line.status == "refused"
    assert "goi.zip" in line.reason and "scoring.lines[1].points" in line.reason


def test_temporaries_and_missing_paths(store, tmp_path):
    """A package still being written (``*.dang-ghi``) is ignored; a path that is not there is reported."""
    real = write_package(commune_data("An Phú", POINTS), tmp_path)
    real.rename(tmp_path / "CCHC_AnPhu.zip.dang-ghi")
    report = consolidate(store, [tmp_path, tmp_path / "khong-co"])
    assert [(line.status, "Không tìm thấy" in line.reason) for line in report.lines] == [("refused", True)]
    assert queries.received(store) == ()


def test_rerun_skips_unchanged_files_and_reads_a_changed_one(store, tmp_path):
    """A second run verifies nothing unchanged; a package rewritten since is read again."""
    first = write_package(commune_data("An Phú", POINTS), tmp_path)
    second = write_package(commune_data("Bình Minh", POINTS), tmp_path)
    consolidate(store, [tmp_path])
    tamper(second)
    os.utime(second, ns=(1, 1))
    report = consolidate(store, [tmp_path])
    unchanged = {os.path.basename(line.path): (line.unchanged, line.status) for line in report.lines}
    assert unchanged == {first.name: (True, "ok"), second.name: (False, "refused")}


def test_cancel_midway_keeps_what_was_done(store, tmp_path):
    """Cancelled after two packages, the store holds those two, consistent; a rerun takes in the rest."""
    for number in range(5):
        write_package(commune_data(f"Xã Số {number}", POINTS), tmp_path)

    def progress(step, _total, _text):
        if step == 2:
            raise Cancelled()

    report = consolidate(store, [tmp_path], progress=progress)
    assert report.cancelled and len(queries.received(store)) == 2
    again = consolidate(store, [tmp_path], cancelled=lambda: False)
    assert not again.cancelled and len(queries.received(store)) == 5
    assert sum(line.unchanged for line in again.lines) == 2


def test_broken_zip_and_zip_without_manifest_are_refused_by_name(store, tmp_path):
    """A damaged .zip and a .zip that is no package are refused naming the file; nothing else is held."""
    (tmp_path / "hong.zip").write_bytes(b"PK\x03\x04 not really a zip")
    with zipfile.ZipFile(tmp_path / "anh.zip", "w") as archive:
        archive.writestr("anh.jpg", b"\xff\xd8")
    lines = consolidate(store, [tmp_path]).lines
    assert [(line.status, os.path.basename(line.path)) for line in lines] == [("refused", "anh.zip"),
                                                                               ("refused", "hong.zip")]
    assert "“anh.zip”" in lines[0].reason and "manifest.json" in lines[0].reason
    assert "“hong.zip”" in lines[1].reason


def test_a_package_named_twice_is_taken_once(store, tmp_path):
    """The same package given as itself and inside its folder is read once, not replaced by itself."""
    package = write_package(commune_data("An Phú", POINTS), tmp_path)
    [line] = consolidate(store, [package, tmp_path]).lines
    assert line.status == "ok" and len(queries.received(store)) == 1


def test_a_package_gone_midway_is_reported_and_the_run_goes_on(store, tmp_path, monkeypatch):
    """A package that vanishes between finding and reading (a stick pulled) is named; the others are taken in."""
    from app.receiving import ingest

    gone = write_package(commune_data("An Phú", POINTS), tmp_path)
    write_package(commune_data("Bình Minh", POINTS), tmp_path)
    real = ingest.fingerprint

    def pulled(path):
        if path == gone:
            gone.unlink()
        return real(path)

    monkeypatch.setattr(ingest, "fingerprint", pulled)
    report = consolidate(store, [tmp_path])
    assert [(line.status, line.commune) for line in report.lines] == [("refused", ""), ("ok", "Xã Bình Minh")]
    assert gone.name in report.lines[0].reason and "ổ USB" in report.lines[0].reason


def test_folder_and_zip_of_one_export_count_once(store, tmp_path):
    """The folder and the .zip of the same export (both on the stick) are one package: the zip is kept."""
    data = commune_data("Phú Lộc", POINTS)
    folder = write_package(data, tmp_path, as_zip=False)
    archive = write_package(data, tmp_path)
    report = consolidate(store, [tmp_path])
    status = {line.path: (line.status, line.reason) for line in report.lines}
    assert status[str(archive)] == ("ok", "")
    assert status[str(folder)][0] == "replaced" and "Bản sao của cùng một lần xuất" in status[str(folder)][1]
    assert [line.status for line in report.lines].count("ok") == 1
