"""Certificates as a PDF to print on pre-printed blanks, and a calibration page to check the positions.

Contract: the page size is exactly the layout's (mm × 72 / 25,4 points), each
field's text is set inside its box (top-aligned, wrapped and shrunk by
:func:`app.domain.certificates.fit_text`), and the scanned blank is never
printed: the paper already carries it. ``preview=True`` draws the scan and the
box outlines for checking on screen only. The file is written atomically.
reportlab is imported inside functions only: start-up must not load it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from app.documents.atomic import atomic_path
from app.documents.fonts import FontSet, face_name, register_pdf_fonts
from app.domain.certificates import (
    MM_PER_PT,
    CertificateLayout,
    CertificatePage,
    FieldBox,
    baseline_mm,
    fit_text,
)
from app.errors import UserError

PT_PER_MM = 72 / 25.4
BOX_COLOUR = (0.85, 0.1, 0.1)
PREVIEW_COLOUR = (0.1, 0.35, 0.85)


@dataclass(frozen=True)
class PlacedLine:
    """One line of text, ready to draw: face, size, anchor x and baseline y in points from the bottom-left."""

    face: str
    size: float
    x: float
    y: float
    align: str
    text: str


def page_size_pt(layout: CertificateLayout) -> tuple[float, float]:
    return layout.page_width_mm * PT_PER_MM, layout.page_height_mm * PT_PER_MM


def _measure(face: str):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return lambda text, size: stringWidth(text, face, size) * MM_PER_PT


def _anchor_x_mm(box: FieldBox) -> float:
    return {"left": box.x_mm, "center": box.x_mm + box.width_mm / 2, "right": box.x_mm + box.width_mm}[box.align]


def place_field(box: FieldBox, text: str, layout: CertificateLayout, nominee: str) -> list[PlacedLine]:
    """The lines of one field in its box; a UserError naming the nominee and the field if it cannot fit."""
    face = face_name(bold=box.bold, italic=box.italic)
    shown = box.shown(text)
    fit = fit_text(shown, box.width_mm, box.height_mm, box.size_pt, box.min_size_pt, _measure(face))
    if fit.overflow:
        raise UserError(
            f"Giấy khen của {nominee}: chữ ở ô “{box.label}” quá dài, không vừa ô kể cả ở cỡ chữ nhỏ nhất "
            f"{box.min_size_pt:g} pt; phần mềm không in đè lên khung.",
            "Rút gọn nội dung, hoặc nới rộng ô hay giảm cỡ chữ nhỏ nhất trong mẫu vị trí in rồi in lại.",
            shown,
        )
    x = _anchor_x_mm(box) * PT_PER_MM
    return [
        PlacedLine(face, fit.size, x, (layout.page_height_mm - box.y_mm - baseline_mm(index, fit.size)) * PT_PER_MM,
                   box.align, line)
        for index, line in enumerate(fit.lines)
    ]


def place_page(page: CertificatePage, layout: CertificateLayout) -> list[PlacedLine]:
    return [line for box in layout.fields for line in place_field(box, page.values.get(box.key, ""), layout,
                                                                  page.nominee)]


def write_certificates(pages: list[CertificatePage] | tuple[CertificatePage, ...], layout: CertificateLayout,
                       path: str | os.PathLike[str], calibration: bool = True, preview: bool = False,
                       background: Path | None = None, font_set: FontSet | None = None) -> Path:
    """One page per certificate, then (``calibration``) the grid page; returns ``path``.

    Every field is fitted before anything is written, so an overflow leaves no file behind.
    ``background`` (the scanned blank) is drawn only with ``preview``.
    """
    if not pages and not calibration:
        raise UserError("Không có giấy khen nào để in.")
    register_pdf_fonts(font_set)
    placed = [place_page(page, layout) for page in pages]
    path = Path(path)
    try:
        with atomic_path(path) as temp:
            canvas = _canvas(temp, layout, len(pages))
            for lines in placed:
                if preview:
                    _draw_preview(canvas, layout, background)
                _draw_lines(canvas, lines)
                canvas.showPage()
            if calibration:
                draw_calibration_page(canvas, layout)
                canvas.showPage()
            canvas.save()
    except OSError as error:
        raise UserError(
            f"Không ghi được tệp “{path.name}”.",
            "Kiểm tra thư mục (hoặc ổ USB) còn chỗ trống, không bị khóa ghi, và tệp cùng tên không đang mở.",
            f"{path}: {error}",
        ) from error
    return path


def _canvas(temp: Path, layout: CertificateLayout, count: int):
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(temp), pagesize=page_size_pt(layout), initialFontName=face_name(), initialFontSize=12,
                    lang="vi")
    canvas.setTitle(f"Giấy khen in trên phôi — {layout.name}")
    canvas.setSubject(f"{count} giấy khen")
    canvas.setCreator("CCHC Xã")
    return canvas


def _draw_lines(canvas, lines: list[PlacedLine]) -> None:
    canvas.setFillColorRGB(0, 0, 0)
    for line in lines:
        canvas.setFont(line.face, line.size)
        draw = {"left": canvas.drawString, "center": canvas.drawCentredString, "right": canvas.drawRightString}
        draw[line.align](line.x, line.y, line.text)


def _box_rect(box: FieldBox, layout: CertificateLayout) -> tuple[float, float, float, float]:
    """(x, y, width, height) in points, y from the bottom as reportlab counts."""
    return (box.x_mm * PT_PER_MM, (layout.page_height_mm - box.y_mm - box.height_mm) * PT_PER_MM,
            box.width_mm * PT_PER_MM, box.height_mm * PT_PER_MM)


def _draw_preview(canvas, layout: CertificateLayout, background: Path | None) -> None:
    """On-screen check only: the scanned blank under the text, and each box outlined."""
    width, height = page_size_pt(layout)
    if background is not None and Path(background).is_file():
        canvas.drawImage(str(background), 0, 0, width=width, height=height, preserveAspectRatio=False)
    _outline_boxes(canvas, layout, PREVIEW_COLOUR, preview=True)


def _outline_boxes(canvas, layout: CertificateLayout, colour, preview: bool) -> None:
    """Each box and its name: in a preview small at the bottom right (text is set from the top, so the
    bottom of a box is its free part); on the calibration page larger at the top left."""
    canvas.saveState()
    canvas.setStrokeColorRGB(*colour)
    canvas.setFillColorRGB(*colour)
    canvas.setLineWidth(0.5)
    if preview:
        canvas.setDash(2, 2)
    size = 5 if preview else 7
    for box in layout.fields:
        x, y, width, height = _box_rect(box, layout)
        canvas.rect(x, y, width, height, stroke=1, fill=0)
        name = f"{box.label} ({box.key})"
        if preview:
            _label(canvas, x + width - 1.5 - _measure(face_name())(name, size) * PT_PER_MM, y + 1.2, name, size)
        else:
            _label(canvas, x + 1.5, y + height - size - 1, name, size)
    canvas.restoreState()


def _label(canvas, x: float, y: float, text: str, size: float, centred: bool = False, bold: bool = False) -> None:
    """Text on a white patch, so the grid under it does not hide it (the stroke colour is kept)."""
    face = face_name(bold=bold)
    width = _measure(face)(text, size) * PT_PER_MM
    left = x - width / 2 if centred else x
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(left - 1, y - size * 0.25, width + 2, size * 1.15, stroke=0, fill=1)
    canvas.restoreState()
    canvas.setFont(face, size)
    (canvas.drawCentredString if centred else canvas.drawString)(x, y, text)


def draw_calibration_page(canvas, layout: CertificateLayout) -> None:
    """A millimetre grid (1 mm ticks, labelled 10 mm lines), the boxes with their names, a 100 mm bar.

    Printed on plain paper at 100 % and held against a blank to the light, it shows
    where each field will land; the first line's baseline is dotted, to lay on a
    blank's pre-printed writing line.
    """
    _grid(canvas, layout)
    _outline_boxes(canvas, layout, BOX_COLOUR, preview=False)
    _baselines(canvas, layout)
    _instructions(canvas, layout)


def _grid(canvas, layout: CertificateLayout) -> None:
    width_mm, height_mm = layout.page_width_mm, layout.page_height_mm
    canvas.saveState()
    canvas.setStrokeColorRGB(0.7, 0.7, 0.7)
    canvas.setLineWidth(0.3)
    ticks = canvas.beginPath()
    for x in range(10, int(width_mm) + 1, 10):
        ticks.moveTo(x * PT_PER_MM, 0)
        ticks.lineTo(x * PT_PER_MM, height_mm * PT_PER_MM)
    for y in range(10, int(height_mm) + 1, 10):
        ticks.moveTo(0, (height_mm - y) * PT_PER_MM)
        ticks.lineTo(width_mm * PT_PER_MM, (height_mm - y) * PT_PER_MM)
    canvas.drawPath(ticks, stroke=1, fill=0)
    canvas.setLineWidth(0.2)
    _ticks(canvas, width_mm, height_mm)
    _grid_labels(canvas, width_mm, height_mm)
    canvas.restoreState()


def _ticks(canvas, width_mm: float, height_mm: float) -> None:
    """Along every 10 mm line, a tick each millimetre (longer at 5 mm): read any position to the mm."""
    path = canvas.beginPath()
    for x in range(10, int(width_mm) + 1, 10):
        for y in range(int(height_mm) + 1):
            half = 1.0 if y % 5 == 0 else 0.5
            path.moveTo((x - half) * PT_PER_MM, (height_mm - y) * PT_PER_MM)
            path.lineTo((x + half) * PT_PER_MM, (height_mm - y) * PT_PER_MM)
    for y in range(10, int(height_mm) + 1, 10):
        for x in range(int(width_mm) + 1):
            half = 1.0 if x % 5 == 0 else 0.5
            path.moveTo(x * PT_PER_MM, (height_mm - y - half) * PT_PER_MM)
            path.lineTo(x * PT_PER_MM, (height_mm - y + half) * PT_PER_MM)
    canvas.drawPath(path, stroke=1, fill=0)


def _grid_labels(canvas, width_mm: float, height_mm: float) -> None:
    """Millimetres from the top-left corner, on the 10 mm lines, near each edge (a printer may clip one)."""
    canvas.setFillColorRGB(0.3, 0.3, 0.3)
    canvas.setFont(face_name(), 6)
    for x in range(10, int(width_mm), 10):
        for y in (8, height_mm - 6):
            canvas.drawString(x * PT_PER_MM + 1, (height_mm - y) * PT_PER_MM, str(x))
    for y in range(10, int(height_mm), 10):
        for x in (6, width_mm - 10):
            canvas.drawString(x * PT_PER_MM, (height_mm - y) * PT_PER_MM + 1, str(y))


def _baselines(canvas, layout: CertificateLayout) -> None:
    canvas.saveState()
    canvas.setStrokeColorRGB(*BOX_COLOUR)
    canvas.setLineWidth(0.4)
    canvas.setDash(1, 1.5)
    for box in layout.fields:
        y = (layout.page_height_mm - box.y_mm - baseline_mm(0, box.size_pt)) * PT_PER_MM
        canvas.line(box.x_mm * PT_PER_MM, y, (box.x_mm + box.width_mm) * PT_PER_MM, y)
    canvas.restoreState()


def _instructions(canvas, layout: CertificateLayout) -> None:
    """What to do with this page, and a 100 mm bar to catch a printer that scales."""
    middle = layout.page_width_mm / 2 * PT_PER_MM
    left = max(0.0, (layout.page_width_mm / 2 - 50) // 10 * 10)  # on a labelled line, to compare with the grid
    top = layout.page_height_mm - min(15.0, layout.page_height_mm / 4)
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    _label(canvas, middle, top * PT_PER_MM, f"TRANG CĂN CHỈNH — {layout.name} "
           f"({layout.page_width_mm:g} × {layout.page_height_mm:g} mm)", 9, centred=True, bold=True)
    _label(canvas, middle, (top - 4.5) * PT_PER_MM, "In đúng 100 % (tắt “Vừa trang”), đặt lên phôi, soi trước ánh "
           "sáng; số trên lưới là mm tính từ góc trên bên trái.", 7.5, centred=True)
    bar_y = (top - 9) * PT_PER_MM
    canvas.setLineWidth(1)
    canvas.line(left * PT_PER_MM, bar_y, (left + 100) * PT_PER_MM, bar_y)
    for end in (left, left + 100):
        canvas.line(end * PT_PER_MM, bar_y - 4, end * PT_PER_MM, bar_y + 4)
    _label(canvas, middle, bar_y - 9, "đoạn thẳng này phải dài đúng 100 mm", 7.5, centred=True)
    canvas.restoreState()
