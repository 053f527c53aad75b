"""Building the package: real files read back, safe against a full or vanishing stick, never overwriting."""

from __future__ import annotations

import email
import errno
import hashlib
import json
import subprocess
import sys
import zipfile
from dataclasses import replace
from datetime import date
from email import policy
from pathlib import Path

import pytest

import app.exporters.package as package
from app.errors import UserError
from app.exporters.email_draft import write_email_draft
from app.exporters.package import (
    CONTENTS,
    ContentKind,
    ExportCancelled,
    PackageRequest,
    PackItem,
    build_package,
    default_period,
)
from app.exporters.verify import verify_package

REPO = Path(__file__).resolve().parents[3]
EVIDENCE_ONLY = PackageRequest(2024, ("evidence",))


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def out(tmp_path) -> Path:
    target = tmp_path / "usb"
    target.mkdir()
    return target


def test_full_demo_package_lists_every_file_with_its_hash(demo_store, out):
    """Plan, report and evidence land in the folder and the zip, each file matching its manifest entry."""
    result = build_package(demo_store, PackageRequest(2024, ("plan", "report", "evidence"), today=date(2025, 3, 1)), out)
    assert result.name == "CCHC_HoaBinhXuan_2024_KH-BC-TLKC"
    manifest = json.loads((result.folder / "manifest.json").read_text("utf-8"))
    assert (manifest["commune"], manifest["province"], manifest["year"]) == ("Hòa Bình Xuân", "Quảng Ngãi", 2024)
    kinds = {item["kind"] for item in manifest["files"]}
    assert kinds == {"plan", "report", "evidence", "data", "index"}  # the data file goes whatever was chosen
    assert "BC-CCHC-2024-nam.pdf" in {item["path"] for item in manifest["files"]}
    with zipfile.ZipFile(result.zip_path) as archive:
        for item in manifest["files"]:
            on_disk = (result.folder / item["path"]).read_bytes()
            in_zip = archive.read(f"{result.name}/{item['path']}")
            assert _sha256(on_disk) == _sha256(in_zip) == item["sha256"] and len(on_disk) == item["size"]
    assert "Tài liệu kiểm chứng" in (result.folder / "DANH_MUC.txt").read_text("utf-8-sig")
    assert sorted(p.name for p in out.iterdir()) == [result.name, f"{result.name}.zip"]


def test_the_summary_and_the_index_write_numbers_and_dates_the_vietnamese_way(demo_store, out):
    """"1.234.567 byte", "2,3 giây", "Xuất lúc 09:05 ngày 15/01/2025": what a clerk reads on the stick."""
    import re

    result = build_package(demo_store, PackageRequest(2024, ("plan",), today=date(2025, 1, 15)), out)
    summary = "\n".join(result.summary())
    assert re.search(r"\(\d{1,3}(\.\d{3})+ byte\)", summary) and re.search(r"Thời gian: \d+,\d giây\.", summary)
    index = (result.folder / "DANH_MUC.txt").read_text("utf-8-sig")
    assert re.search(r"Xuất lúc \d\d:\d\d ngày \d\d/\d\d/\d{4} bằng phần mềm", index)


def test_word_copies_go_in_only_when_asked(demo_store, out):
    """By default the package carries PDF and Excel; ticking Word adds a .docx beside each paper's PDF."""
    request = PackageRequest(2024, ("plan", "report", "dossier"), today=date(2025, 1, 15))
    plain = build_package(demo_store, request, out)
    names = {f.path for f in plain.manifest.files}
    assert not any(name.endswith(".docx") for name in names)
    assert {"KH-CCHC-2024.pdf", "KH-CCHC-2024_phu-luc.xlsx", "BC-CCHC-2024-nam.pdf"} <= {Path(n).name for n in names}
    with_word = build_package(demo_store, replace(request, word_copies=True), out)
    word_names = {Path(f.path).name for f in with_word.manifest.files}
    assert {"KH-CCHC-2024.docx", "BC-CCHC-2024-nam.docx", "TTr-KhenThuong-2024.docx"} <= word_names
    assert {n for n in word_names if not n.endswith(".docx")} == {Path(n).name for n in names}  # nothing else changes
    assert verify_package(with_word.zip_path).ok


def test_evidence_keeps_its_original_name_in_the_manifest(demo_store, out):
    """Evidence sits in its subfolder under an ASCII name; the Vietnamese original is the title."""
    result = build_package(demo_store, EVIDENCE_ONLY, out)
    evidence = [f for f in result.manifest.files if f.kind == "evidence"]
    assert len(evidence) == 3
    assert all(f.path.startswith("tai-lieu-kiem-chung/") and f.path.isascii() for f in evidence)
    assert "Biên bản kiểm tra niêm yết TTHC.pdf" in {f.title for f in evidence}


def test_second_export_gets_a_suffix_and_leaves_the_first_untouched(demo_store, out):
    """Exporting twice keeps the first package byte for byte and names the second "_2", saying so."""
    first = build_package(demo_store, EVIDENCE_ONLY, out)
    before = first.zip_path.read_bytes()
    second = build_package(demo_store, EVIDENCE_ONLY, out)
    assert second.name == first.name + "_2" and second.wanted_name == first.name
    assert first.zip_path.read_bytes() == before
    assert any("_2" in line and "giữ nguyên" in line for line in second.summary())


def _failing_after(limit: int, code: int):
    written = 0

    def write_chunk(handle, data):
        nonlocal written
        if written + len(data) > limit:
            raise OSError(code, "simulated")
        written += len(data)
        handle.write(data)

    return write_chunk


@pytest.mark.parametrize("share", [0.0, 0.3, 0.8])
def test_a_full_stick_leaves_nothing_under_the_final_name(demo_store, out, tmp_path, monkeypatch, share):
    """ENOSPC at any point (first file, mid-folder, mid-zip) removes every trace and names the destination."""
    trial = tmp_path / "trial"
    trial.mkdir()
    folder_bytes = sum(f.size for f in build_package(demo_store, EVIDENCE_ONLY, trial).manifest.files)
    limit = int(share * 2 * folder_bytes)  # folder then zip: 0.8 fails while the zip is written
    monkeypatch.setattr(package, "write_chunk", _failing_after(limit, errno.ENOSPC))
    with pytest.raises(UserError) as raised:
        build_package(demo_store, EVIDENCE_ONLY, out)
    assert str(out) in raised.value.message and "đầy" in raised.value.message
    assert list(out.iterdir()) == []


def test_a_vanishing_stick_is_reported_in_vietnamese(demo_store, out, monkeypatch):
    """Any other write error (the stick pulled) also cleans up and names the destination."""
    monkeypatch.setattr(package, "write_chunk", _failing_after(10_000, errno.EIO))
    with pytest.raises(UserError) as raised:
        build_package(demo_store, EVIDENCE_ONLY, out)
    assert f"Không ghi được gói hồ sơ vào “{out}”" in raised.value.message
    assert list(out.iterdir()) == []


def test_cancel_leaves_nothing_behind(demo_store, out):
    """Cancelling after a few steps removes the temporary folder and any zip."""
    steps = []
    with pytest.raises(ExportCancelled):
        build_package(demo_store, EVIDENCE_ONLY, out, progress=lambda s, t, text: steps.append(s),
                      cancelled=lambda: len(steps) >= 3)
    assert list(out.iterdir()) == []


def test_a_missing_destination_is_refused(demo_store, tmp_path):
    """A destination that does not exist (stick not plugged in) is a Vietnamese error, nothing created."""
    with pytest.raises(UserError, match="Không tìm thấy thư mục đích"):
        build_package(demo_store, EVIDENCE_ONLY, tmp_path / "E-drive")
    assert not (tmp_path / "E-drive").exists()


def test_an_unknown_content_is_refused(demo_store, out):
    """Asking for a content no one has registered says which ones exist."""
    with pytest.raises(UserError, match="unknown"):
        build_package(demo_store, PackageRequest(2024, ("unknown",)), out)


def test_a_new_content_kind_joins_through_the_registry(demo_store, out, monkeypatch):
    """A registered kind (as scoring will be) appears in the name, the manifest and the files."""
    def build(store, request, scratch):
        scratch.mkdir(parents=True)
        (scratch / "CD-2024.xlsx").write_bytes(b"scores")
        return [PackItem(scratch / "CD-2024.xlsx", "CD-2024.xlsx", "scores", "Bảng tự chấm điểm", "year")]

    monkeypatch.setitem(CONTENTS, "scores", ContentKind("scores", "CD", "Bảng tự chấm điểm", build))
    result = build_package(demo_store, PackageRequest(2024, ("scores",)), out)
    assert result.name.endswith("_2024_CD")
    assert {"key": "scores", "title": "Bảng tự chấm điểm"} in result.manifest.contents
    assert (result.folder / "CD-2024.xlsx").read_bytes() == b"scores" and verify_package(result.zip_path).ok


def test_default_period_is_the_latest_one_ended(store):
    """In August the six-month report is due; a past year gets the year report; January gets the year too."""
    assert default_period(store, 2024, date(2024, 8, 15)) == "h1"
    assert default_period(store, 2024, date(2025, 2, 1)) == "year"
    assert default_period(store, 2025, date(2025, 1, 10)) == "year"


def test_email_draft_parses_and_carries_the_zip_intact(demo_store, out):
    """The .eml has an empty To, the Vietnamese subject and body, and the zip byte for byte."""
    result = build_package(demo_store, EVIDENCE_ONLY, out)
    draft = write_email_draft(result.manifest, result.zip_path, "Sở Nội vụ", "Lê Thị Mai")
    message = email.message_from_bytes(draft.read_bytes(), policy=policy.default)
    assert message["Subject"] == "Hồ sơ CCHC năm 2024 - xã Hòa Bình Xuân" and message["To"] == ""
    assert "Tài liệu kiểm chứng (3 tệp)" in message.get_body(("plain",)).get_content()
    (attachment,) = message.iter_attachments()
    assert attachment.get_filename() == result.zip_path.name
    assert attachment.get_content() == result.zip_path.read_bytes()


def test_building_the_package_imports_no_renderer_until_needed():
    """Importing the package, verify and CLI modules loads neither reportlab, docx, openpyxl nor Qt."""
    code = ("import sys, app.exporters.package, app.exporters.verify, app.exporters.email_draft, app.cli.export, "
            "app.cli.verify; bad = [m for m in ('reportlab', 'docx', 'openpyxl', 'PySide6') if m in sys.modules]; "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
