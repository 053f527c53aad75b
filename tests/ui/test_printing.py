"""Printing: the pages of the PDF the app wrote, each on a sheet of its own size, never scaled.

Printed to a QPrinter in PDF mode and read back: page count, page size, and where the ink lies on
each sheet against where it lies in the paper itself (within 0.5 mm)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
from PIL import Image, ImageOps
from PySide6.QtPrintSupport import QPrinter

from app.errors import UserError
from app.exporters.plan_papers import export_plan_papers
from app.services.plans import list_plans
from tests.app.documents.test_certificate_pdf import PAGES, shipped_layout
from ui.printing import page_sizes, print_pdf

MM_PER_POINT = 25.4 / 72
CHECK_DPI = 150


def _print_to_pdf(source: Path, target: Path) -> int:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    return print_pdf(source, printer)


def _ink_boxes_mm(pdf: Path) -> list[tuple[float, float, float, float]]:
    """Each page's inked area (left, top, right, bottom) in mm from the sheet's top-left corner."""
    document = pypdfium2.PdfDocument(str(pdf))
    boxes = []
    try:
        for number in range(len(document)):
            bitmap = document[number].render(scale=CHECK_DPI / 72, grayscale=True)
            image = Image.frombuffer("L", (bitmap.width, bitmap.height), bytes(bitmap.buffer), "raw", "L", bitmap.stride, 1)
            box = ImageOps.invert(image).point(lambda v: 255 if v > 96 else 0).getbbox()
            boxes.append(tuple(edge * 25.4 / CHECK_DPI for edge in box))
    finally:
        document.close()
    return boxes


def _assert_same_sheets(source: Path, printed: Path) -> None:
    assert len(page_sizes(printed)) == len(page_sizes(source))
    for (w, h), (pw, ph) in zip(page_sizes(source), page_sizes(printed)):
        assert abs(w - pw) * MM_PER_POINT < 0.5 and abs(h - ph) * MM_PER_POINT < 0.5  # the sheet is the page's size
    for box, printed_box in zip(_ink_boxes_mm(source), _ink_boxes_mm(printed)):
        assert all(abs(a - b) <= 0.5 for a, b in zip(box, printed_box)), (box, printed_box)


def test_certificates_print_at_100_percent_on_the_blank_size(qtbot, tmp_path):
    """Three certificates and the calibration page: four A4-landscape sheets, every line where the PDF puts it."""
    from app.documents.certificate_pdf import write_certificates

    layout = shipped_layout()
    source = write_certificates(PAGES, layout, tmp_path / "giay-khen.pdf", calibration=True)
    printed = tmp_path / "in.pdf"
    assert _print_to_pdf(source, printed) == 4
    width, height = page_sizes(printed)[0]
    assert abs(width * MM_PER_POINT - layout.page_width_mm) < 0.5 and abs(height * MM_PER_POINT - layout.page_height_mm) < 0.5
    _assert_same_sheets(source, printed)


def test_a_paper_prints_page_for_page(qtbot, demo_store, tmp_path):
    """The demo's reform plan (A4 portrait) and its appendix (A4 landscape): every page, its own size, unscaled."""
    plan = next(p for p in list_plans(demo_store) if p.kind == "reform" and p.year == 2024)
    written = export_plan_papers(demo_store, plan.id, tmp_path, word=False)
    for source in (w.path for w in written if w.path.suffix == ".pdf"):
        printed = tmp_path / f"in-{source.name}"
        assert _print_to_pdf(source, printed) == len(page_sizes(source)) > 0
        _assert_same_sheets(source, printed)


def test_a_damaged_pdf_is_refused_by_name(qtbot, tmp_path):
    """A file cut short (a pulled USB stick) gives a Vietnamese message naming it, and no sheet."""
    damaged = tmp_path / "KH-CCHC-2026.pdf"
    damaged.write_bytes(b"%PDF-1.4\n1 0 obj <<")
    with pytest.raises(UserError, match="Không đọc được tệp “KH-CCHC-2026.pdf” để in"):
        _print_to_pdf(damaged, tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()
