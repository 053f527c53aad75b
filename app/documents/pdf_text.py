"""The PDF renderer's text pieces: paragraph styles in the serif family, run markup, one-line paragraphs,
the Decree 30 header rules, tables in our font, and how wide a line is."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable

from app.documents import layout as L
from app.documents.fonts import face_name, text_width_pt
from app.documents.model import Run


def style(size: float, *, align: int = TA_CENTER, indent: float = 0.0, after: float = 0.0) -> ParagraphStyle:
    """A paragraph style in the serif family; weight and slant come from the markup."""
    return ParagraphStyle(
        name=f"s{size}-{align}-{indent}-{after}",
        fontName=face_name(),
        fontSize=size,
        leading=size * L.LINE_SPACING,
        alignment=align,
        firstLineIndent=indent,
        spaceAfter=after,
    )


def markup(runs: tuple[Run, ...], *, bold: bool = False, italic: bool = False) -> str:
    """reportlab mini-markup for the runs; ``bold``/``italic`` add to every run, never remove."""
    parts = []
    for run in runs:
        text = escape(run.text).replace("\n", "<br/>")
        if run.underline:
            text = f"<u>{text}</u>"
        if run.italic or italic:
            text = f"<i>{text}</i>"
        if run.bold or bold:
            text = f"<b>{text}</b>"
        parts.append(text)
    return "".join(parts)


def one_line(text: str, size: float, *, bold: bool = False, italic: bool = False, align: int = TA_CENTER):
    """A one-run paragraph; "\\n" breaks the line."""
    return RLParagraph(markup((Run(text),), bold=bold, italic=italic), style(size, align=align))


class Rule(Flowable):
    """A horizontal rule of a given length, centred in the space it is given (Decree 30 header rules)."""

    def __init__(self, length: float, *, before: float = 4.0, after: float = 2.0, thickness: float = 0.6):
        super().__init__()
        self.length, self.before, self.after, self.thickness = length, before, after, thickness
        self._avail = length

    def wrap(self, avail_width, avail_height):
        self._avail = avail_width
        return avail_width, self.before + self.after + self.thickness

    def draw(self):
        x0 = max(0.0, (self._avail - self.length) / 2)
        y = self.after
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x0, y, x0 + min(self.length, self._avail), y)


def layout_table(rows, widths, *commands) -> RLTable:
    """A reportlab table whose cell font is ours: its default (Helvetica) would be named on every page."""
    table = RLTable(rows, colWidths=widths)
    table.setStyle([("FONTNAME", (0, 0), (-1, -1), face_name()), *commands])
    return table


def longest_line(text: str, size: float, *, bold: bool = False) -> float:
    return max((text_width_pt(line, size, bold=bold) for line in text.split("\n")), default=0.0)
