"""The package on a wrong clock: files dated outside the ZIP range still zip, and the summary says why dates may be off."""

from __future__ import annotations

import os
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

import app.exporters.package as package
from app.documents.zip_dates import ZIP_FIRST, ZIP_LAST, zip_date_time
from app.exporters.package import PackageRequest, build_package
from app.exporters.verify import verify_package

PLAN_ONLY = PackageRequest(2024, ("plan",))


@pytest.fixture
def out(tmp_path) -> Path:
    target = tmp_path / "usb"
    target.mkdir()
    return target


@pytest.mark.parametrize("year", [1975, 2110])
def test_files_dated_outside_the_zip_range_are_zipped_with_the_nearest_date(demo_store, out, year):
    """A package folder written on a 1975 (or 2110) clock zips, verifies, and its entries carry 1980 (or 2107)."""
    result = build_package(demo_store, PackageRequest(2024, ("plan",), make_zip=False), out)
    stamp = datetime(year, 6, 1, 12, 0).timestamp()
    for path in result.folder.rglob("*"):
        os.utime(path, (stamp, stamp))  # what the files get when the computer clock says ``year``
    zip_path = package._write_zip(result.folder, result.manifest, result.name, package._Run(out, None, None))
    assert verify_package(zip_path).ok
    with zipfile.ZipFile(zip_path) as archive:
        years = {info.date_time[0] for info in archive.infolist()}
    assert years == {1980 if year < 1980 else 2107}


def test_the_summary_says_the_clock_looks_wrong(demo_store, out):
    """Built on 02/01/1970, the package says the computer clock looks wrong and to export again once it is set."""
    result = build_package(demo_store, PLAN_ONLY, out, now=datetime(1970, 1, 2, 10, 0))
    text = "\n".join(result.summary())
    assert "Đồng hồ máy tính có vẻ sai: hôm nay là 02/01/1970" in text and "xuất lại" in text


def test_a_right_clock_adds_nothing_to_the_summary(demo_store, out):
    """Built today, the summary has no word about the clock."""
    assert not any("Đồng hồ" in line for line in build_package(demo_store, PLAN_ONLY, out).summary())


def test_zip_dates_are_clamped_to_the_range_zip_can_store():
    """1970 becomes 01/01/1980, 2110 the last even second of 2107, a date inside the range stays."""
    assert zip_date_time((1970, 1, 2, 10, 0, 0)) == ZIP_FIRST
    assert zip_date_time((2110, 3, 1, 10, 0, 0)) == ZIP_LAST
    assert zip_date_time((2026, 12, 7, 8, 30, 0)) == (2026, 12, 7, 8, 30, 0)
