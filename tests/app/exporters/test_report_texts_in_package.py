"""The clerk's report text travels: the package built by the service and by `python -m app export` prints it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader

from app.exporters.package import PackageRequest, build_package
from app.exporters.progress_report_files import export_progress_report
from app.services.report_texts import set_text
from tests.app.cli.test_command_line import run_app

EDITED = "Xã đã số hóa toàn bộ hồ sơ một cửa trong kỳ."


def _pdf_text(path: Path) -> str:
    """All pages' text, white space folded."""
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


def test_the_report_file_prints_the_stored_text(demo_store, tmp_path):
    """Written without any narrative argument, the PDF has the stored text, not the suggestion."""
    set_text(demo_store, 2024, "h1", "results", EDITED)
    written = export_progress_report(demo_store, 2024, "h1", tmp_path, today=date(2024, 7, 10))
    assert EDITED in _pdf_text(written[0].path)


def test_the_package_prints_the_stored_text(demo_store, tmp_path):
    """The report inside a package built by the service carries the clerk's text."""
    set_text(demo_store, 2024, "h1", "results", EDITED)
    request = PackageRequest(2024, ("report",), period="h1", make_zip=False, today=date(2024, 7, 10))
    result = build_package(demo_store, request, tmp_path)
    assert EDITED in _pdf_text(result.folder / "BC-CCHC-2024-6thang.pdf")


def test_the_command_line_export_prints_the_stored_text(demo_store, tmp_path):
    """`python -m app export` (a real second process) writes the clerk's text into the report's PDF."""
    set_text(demo_store, 2024, "h1", "shortcomings", EDITED)
    demo_store.close()
    out = tmp_path / "usb"
    out.mkdir()
    done = run_app("export", "--data-dir", str(demo_store.folder.root), "--year", "2024", "--out", str(out),
                   "--content", "report", "--period", "h1", "--no-zip")
    assert done.returncode == 0, done.stderr
    (pdf,) = out.glob("*/BC-CCHC-2024-6thang.pdf")
    assert EDITED in _pdf_text(pdf)
