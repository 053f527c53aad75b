"""The appraisal result file: a verifiable package the commune reads back exactly, never half-written."""

from __future__ import annotations

import zipfile
from decimal import Decimal

import pytest

from app.errors import UserError
from app.exchange.appraisal_result import (
    AppraisalLine,
    AppraisalResult,
    file_name,
    read_appraisal_file,
    write_appraisal_file,
)
from app.exchange.package_data import CommuneInfo
from app.exporters.verify import verify_package

RESULT = AppraisalResult(CommuneInfo("Hòa Bình Xuân", "Quảng Ngãi"), 2026, "Bộ chỉ số CCHC cấp xã", "3c30ddc383c00501",
                         "Sở Nội vụ tỉnh Quảng Ngãi", "2027-01-20",
                         (AppraisalLine("1.1", Decimal("4.25"), "Thiếu minh chứng quý II"), AppraisalLine("1.2", None)),
                         Decimal("78.5"), "Khá")


def test_written_file_verifies_and_reads_back(tmp_path):
    """The zip passes verify and gives back the same result, decimals exact."""
    written = write_appraisal_file(RESULT, tmp_path)
    assert written.name == f"{file_name(RESULT)}.zip" == "KQTD_HoaBinhXuan_2026.zip"
    assert verify_package(written).ok
    assert read_appraisal_file(written) == RESULT
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_second_file_gets_a_suffix(tmp_path):
    """An existing result is never replaced."""
    first = write_appraisal_file(RESULT, tmp_path)
    second = write_appraisal_file(RESULT, tmp_path)
    assert second.name == "KQTD_HoaBinhXuan_2026_2.zip" and first.exists()


def test_altered_file_is_refused(tmp_path):
    """A result changed after writing is refused as not whole, naming the file."""
    written = write_appraisal_file(RESULT, tmp_path)
    altered = tmp_path / "altered.zip"
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(altered, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, data.replace(b"4.25", b"5.00") if info.filename.endswith(".json") and b"4.25" in data else data)
    with pytest.raises(UserError) as refused:
        read_appraisal_file(altered)
    assert "không nguyên vẹn" in str(refused.value) and "Bị thay đổi: ket-qua-tham-dinh.json" in str(refused.value)


def test_full_destination_leaves_nothing(tmp_path, monkeypatch):
    """A write that fails leaves no file behind and says so in Vietnamese."""
    import app.exchange.appraisal_result as module

    monkeypatch.setattr(module.os, "fsync", lambda _fd: (_ for _ in ()).throw(OSError(28, "No space left on device")))
    with pytest.raises(UserError, match="Không ghi được"):
        write_appraisal_file(RESULT, tmp_path)
    assert list(tmp_path.iterdir()) == []
