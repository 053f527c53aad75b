"""Printing a paper as the app wrote it: the pages of its PDF, each on a sheet of its own size, at 100 %.

One truth for screen, file and printer: the preview and the printer get the very pages of the PDF
(rendered by PDFium, ``pypdfium2``), never a re-layout. Every sheet takes the size of its PDF page
with no margin and no "fit to page", so a certificate lands on the pre-printed blank where the
calibration put it (the printer's own unprintable edge is the only thing that may clip).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from app.errors import UserError

PREVIEW_DPI = 150  # enough to read a paper on screen, light enough for fifty certificates
PRINT_DPI = 300  # what office printers print; a PDF "printer" would otherwise take 1200 dpi images
POINTS_PER_INCH = 72


def _open(pdf: Path):
    """The PDF for reading, or a message that says which file could not be read and what to do."""
    import pypdfium2

    try:
        return pypdfium2.PdfDocument(str(pdf))
    except (pypdfium2.PdfiumError, OSError) as error:
        raise UserError(f"Không đọc được tệp “{Path(pdf).name}” để in.",
                        "Xuất lại văn bản rồi in; nếu tệp nằm trên USB, kiểm tra USB còn cắm.", f"{pdf}: {error}") from error


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """Each page's width and height in points (1/72 inch), as the PDF gives them."""
    document = _open(pdf)
    try:
        return [document[i].get_size() for i in range(len(document))]
    finally:
        document.close()


def _layout(width: float, height: float) -> QPageLayout:
    """A sheet exactly the PDF page's size, no margins (portrait with the page's own width and height)."""
    size = QPageSize(QSizeF(width, height), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)


def print_pdf(pdf: Path, printer: QPrinter, dpi: int | None = None,
              progress: Callable[[int, int], None] | None = None) -> int:
    """Every page of ``pdf`` on ``printer``, one sheet each, at 100 %; returns the number of sheets."""
    document = _open(pdf)
    try:
        count = len(document)
        if not count:
            return 0
        printer.setFullPage(True)
        printer.setPageLayout(_layout(*document[0].get_size()))
        resolution = dpi or min(printer.resolution(), PRINT_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise UserError("Không mở được máy in.", "Kiểm tra máy in đã bật và đã chọn đúng máy in, rồi in lại.",
                            printer.printerName())
        try:
            for number in range(count):
                page = document[number]
                width, height = page.get_size()
                if number:
                    printer.setPageLayout(_layout(width, height))
                    printer.newPage()
                _draw(painter, printer, page, width, height, resolution)
                if progress:
                    progress(number + 1, count)
        finally:
            painter.end()
        return count
    finally:
        document.close()


def _draw(painter: QPainter, printer: QPrinter, page, width: float, height: float, resolution: int) -> None:
    """The page rendered at ``resolution`` and drawn over exactly its size on the sheet: 1 pt is 1 pt."""
    # Grey: the papers are black text on white, and a grey page is a third of a colour one (fifty certificates in
    # a preview stay in memory at once).
    bitmap = page.render(scale=resolution / POINTS_PER_INCH, grayscale=True)
    image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_Grayscale8)
    device = printer.resolution() / POINTS_PER_INCH
    painter.drawImage(QRectF(0, 0, width * device, height * device), image)


def _dpi_for(printer: QPrinter) -> int:
    """The preview paints into a recording (a picture engine): screen detail is enough there."""
    from PySide6.QtGui import QPaintEngine

    engine = printer.paintEngine()
    previewing = engine is not None and engine.type() == QPaintEngine.Type.Picture
    return PREVIEW_DPI if previewing else min(printer.resolution(), PRINT_DPI)


def preview(parent: QWidget, pdf: Path, title: str = "") -> bool:
    """Xem trước khi in: the PDF's pages as the printer will get them; True when the clerk printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(pdf.stem)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"Xem trước khi in — {title or pdf.name}")
    dialog.paintRequested.connect(lambda target: print_pdf(pdf, target, dpi=_dpi_for(target)))
    return dialog.exec() == QPrintPreviewDialog.DialogCode.Accepted
