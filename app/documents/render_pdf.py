"""PDF renderer (reportlab): a neutral :class:`Document` drawn to the Decree 30/2020 look.

Contract: ``render_pdf(document, path)`` writes the whole file atomically (see
``atomic.py``); the text is real text in an embedded, subset TrueType font
(Times New Roman or Liberation Serif, see ``fonts.py``), so it can be searched,
copied and read back. Page numbers are centred in the top margin from page 2.
"""

from __future__ import annotations

import os

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Spacer,
)
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus.doctemplate import LayoutError
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable

from app.documents import layout as L
from app.documents.atomic import atomic_path
from app.documents.fonts import FontSet, face_name, header_right_needed_pt, register_pdf_fonts, text_width_pt
from app.documents.long_text import PIECE
from app.documents.pdf_long_text import long_cell
from app.documents.pdf_text import Rule, layout_table, longest_line, markup, one_line, style
from app.documents.model import (
    HEADING_STYLES,
    Align,
    Closing,
    Document,
    GroupRow,
    Header,
    Orientation,
    PageBreak,
    Paragraph,
    Run,
    Signature,
    Signatures,
    Style,
    Table,
    TitleBlock,
    cell_text,
)

_ALIGN = {Align.LEFT: TA_LEFT, Align.CENTER: TA_CENTER, Align.RIGHT: TA_RIGHT, Align.JUSTIFY: TA_JUSTIFY}


def render_pdf(document: Document, path: str | os.PathLike[str], font_set: FontSet | None = None) -> None:
    """Write ``document`` as a PDF at ``path``, atomically; the previous file survives any failure."""
    register_pdf_fonts(font_set)
    try:
        _build(document, path, split_rows=False)
    except LayoutError:
        # A row taller than a page cannot move whole: only then let rows split across pages
        # (reportlab then repeats the header above the split row, which is why it is not the default).
        _build(document, path, split_rows=True)


def _build(document: Document, path, split_rows: bool) -> None:
    story = _story(document, split_rows)
    with atomic_path(path) as temp:
        template = BaseDocTemplate(
            str(temp),
            pagesize=_page_size(document.orientation),
            pageTemplates=_page_templates(document),
            title=document.title,
            author=document.author,
            subject=document.subject,
            creator="CCHC Xã",
            lang="vi",
            # Otherwise every page names Helvetica, a font that is neither embedded nor Vietnamese-capable.
            initialFontName=face_name(),
            initialFontSize=L.BODY_SIZE,
        )
        template.build(story)


# ----------------------------------------------------------------------------- pages


def _page_size(orientation: Orientation) -> tuple[float, float]:
    width, height = L.page_size_mm(orientation)
    return width * mm, height * mm


def _page_templates(document: Document) -> list[PageTemplate]:
    """One template per orientation, the document's own first (reportlab starts with the first)."""
    order = [document.orientation] + [o for o in Orientation if o is not document.orientation]
    return [_page_template(orientation, document.page_numbers) for orientation in order]


def _page_template(orientation: Orientation, numbered: bool) -> PageTemplate:
    width, height = _page_size(orientation)
    frame = Frame(
        L.MARGIN_LEFT_MM * mm,
        L.MARGIN_BOTTOM_MM * mm,
        L.text_width_mm(orientation) * mm,
        L.text_height_mm(orientation) * mm,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id=orientation.value,
    )

    def number_page(canvas, _doc) -> None:
        # Decree 30/2020: page numbers from page 2, centred in the top margin, upright.
        page = canvas.getPageNumber()
        if numbered and page > 1:
            canvas.saveState()
            canvas.setFont(face_name(), L.PAGE_NUMBER_SIZE)
            canvas.drawCentredString(width / 2, height - L.PAGE_NUMBER_FROM_TOP_MM * mm, str(page))
            canvas.restoreState()

    return PageTemplate(id=orientation.value, frames=[frame], onPage=number_page, pagesize=(width, height))


# ----------------------------------------------------------------------------- blocks


def _header(header: Header, width: float) -> RLTable:
    """Ô 1–4: two columns; the rows align "Số: …" with the place and date."""
    left_width, right = L.header_columns(header_right_needed_pt(header), width)
    left_cell = []
    if header.superior_body:
        left_cell.append(one_line(header.superior_body, L.BODY_NAME_SIZE))
    left_cell.append(one_line(header.issuing_body, L.BODY_NAME_SIZE, bold=True))
    issuer_width = min(longest_line(header.issuing_body, L.BODY_NAME_SIZE, bold=True), left_width)
    left_cell.append(Rule(issuer_width * L.ISSUER_RULE_SHARE))
    motto_width = text_width_pt(header.motto, L.MOTTO_SIZE, bold=True)
    right_cell = [
        one_line(header.national_title, L.NATIONAL_TITLE_SIZE, bold=True),
        one_line(header.motto, L.MOTTO_SIZE, bold=True),
        Rule(min(motto_width, right)),
    ]
    rows = [
        [left_cell, right_cell],
        [one_line(header.number_line, L.NUMBER_SIZE), one_line(header.place_date, L.PLACE_DATE_SIZE, italic=True)],
    ]
    return layout_table(
        rows,
        [left_width, right],
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    )


def _title(block: TitleBlock, width: float) -> list[Flowable]:
    """Ô 5a and 9a: type, summary lines, a short rule, then "Kính gửi"."""
    type_style = style(L.TITLE_SIZE)
    type_style.spaceBefore = L.TITLE_SPACE_BEFORE_PT
    out: list[Flowable] = [RLParagraph(markup((Run(block.doc_type),), bold=True), type_style)]
    out += [one_line(line, L.SUMMARY_SIZE, bold=True) for line in block.summary]
    longest = max((text_width_pt(line, L.SUMMARY_SIZE, bold=True) for line in block.summary), default=0.0)
    out.append(Rule(min(longest, width) * L.SUMMARY_RULE_SHARE or width * 0.2, after=L.SPACE_AFTER_PT * 2))
    if block.addressees:
        out.append(_addressees(block, width))
    return out


def _addressees(block: TitleBlock, width: float) -> Flowable:
    lines = block.addressee_lines()
    if len(lines) == 1:
        single = one_line(f"Kính gửi: {lines[0]}", L.BODY_SIZE)
        single.style.spaceAfter = L.SPACE_AFTER_PT * 2  # the same gap as the several-addressee form
        return single
    label = "Kính gửi:"
    label_width = text_width_pt(label + "  ", L.BODY_SIZE)
    # + 12: the cell's right padding and a little slack, so no name wraps needlessly
    body_width = min(max(text_width_pt(line, L.BODY_SIZE) for line in lines) + 12, width * 0.7)
    cell = [one_line(line, L.BODY_SIZE, align=TA_LEFT) for line in lines]
    table = layout_table(
        [[one_line(label, L.BODY_SIZE, align=TA_LEFT), cell]],
        [label_width, body_width],
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    )
    table.spaceAfter = L.SPACE_AFTER_PT * 2
    return table


def _paragraph(block: Paragraph) -> RLParagraph:
    """Ô 6: the Decree 30 body look by style; headings stay with what follows them."""
    size = block.size or L.BODY_SIZE
    indented = block.style in HEADING_STYLES or block.style in (Style.BODY, Style.BASIS)
    align = {Style.CENTERED: TA_CENTER, Style.PLAIN: TA_LEFT}.get(block.style, TA_JUSTIFY)
    look = style(size, align=align, indent=L.FIRST_LINE_INDENT_MM * mm if indented else 0.0, after=L.SPACE_AFTER_PT)
    look.keepWithNext = block.style in HEADING_STYLES
    return RLParagraph(markup(block.runs, bold=block.style in HEADING_STYLES, italic=block.style is Style.BASIS), look)


def _paragraph_before(block: Paragraph, following) -> list[Flowable]:
    """A heading over a table keeps only with the table's first rows, not the whole table.

    Keeping it with the whole table pushed short tables to the next page and
    left half a page empty; a conditional break keeps heading and first rows
    together while letting the table split where it must (as Word does).
    """
    flowable = _paragraph(block)
    if block.style in HEADING_STYLES and isinstance(following, Table):
        flowable.style.keepWithNext = False
        return [CondPageBreak(L.BODY_SIZE * 6), flowable]
    return [flowable]


def _table(block: Table, width: float, split_rows: bool = False) -> RLTable:
    """Gridded table: header repeated on each page, wrapping cells, long rows split across pages."""
    head = [one_line(column.title, block.size, bold=True) for column in block.columns]
    widths = [share * width for share in block.relative_widths()]
    pad = L.TABLE_CELL_PADDING_PT
    room = [column_width - 2 * pad for column_width in widths]
    data, spans = [head], []
    for index, row in enumerate(block.rows, start=1):
        if isinstance(row, GroupRow):
            data.append([one_line(row.text, block.size, bold=True, align=TA_LEFT)] + [""] * (len(block.columns) - 1))
            spans.append(("SPAN", (0, index), (-1, index)))
            continue
        data.append([_cell(value, column, space, block.size, row.bold) for value, column, space in zip(row.cells, block.columns, room)])
    table = RLTable(data, colWidths=widths, repeatRows=1, splitInRow=1 if split_rows else 0)
    aligns = [("ALIGN", (i, 1), (i, -1), _PLAIN_ALIGN[column.align]) for i, column in enumerate(block.columns)]
    table.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), face_name()),
            ("FONTSIZE", (0, 1), (-1, -1), block.size),
            ("LEADING", (0, 1), (-1, -1), block.size * 1.2),
            *aligns,
            ("GRID", (0, 0), (-1, -1), L.TABLE_RULE_PT, "black"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), pad),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
            *spans,
        ]
    )
    table.spaceAfter = L.SPACE_AFTER_PT
    return table


_PLAIN_ALIGN = {Align.LEFT: "LEFT", Align.CENTER: "CENTER", Align.RIGHT: "RIGHT", Align.JUSTIFY: "LEFT"}


def _cell(value, column, space: float, size: float, bold: bool):
    """A cell's content: a plain string when it fits on one line (reportlab draws those far
    faster than a Paragraph, which matters for tables of hundreds of rows), else a wrapping Paragraph."""
    text = cell_text(value)
    if not bold and "\n" not in text and len(text) < PIECE and text_width_pt(text, size) <= space:
        return text
    if len(text) > PIECE:
        return long_cell(text, lambda piece: one_line(piece, size, bold=bold, align=_ALIGN[column.align]))
    return one_line(text, size, bold=bold, align=_ALIGN[column.align])


def _signature(signature: Signature) -> list[Flowable]:
    """Ô 7: authority and position in bold caps, room to sign and seal, the name in bold."""
    out = [one_line(text, L.SIGNATURE_SIZE, bold=True) for text in (signature.authority, signature.position) if text]
    if signature.note:
        out.append(one_line(signature.note, L.SIGNATURE_SIZE, italic=True))
    out.append(Spacer(1, L.SIGNATURE_GAP_MM * mm))
    out.append(one_line(signature.name, L.SIGNATURE_SIZE, bold=True))
    return out


def _recipients(closing: Closing) -> list[Flowable]:
    """Ô 9b: "Nơi nhận:" bold italic 12 pt over 11 pt lines, left-aligned."""
    if closing.recipients is None:
        return []
    out = [one_line(closing.recipients.label, L.RECIPIENTS_LABEL_SIZE, bold=True, italic=True, align=TA_LEFT)]
    out += [one_line(line, L.RECIPIENTS_SIZE, align=TA_LEFT) for line in closing.recipients.lines]
    return out


def _closing(closing: Closing, width: float) -> list[Flowable]:
    """One signature on the right with the recipients beside it; two side by side with recipients below."""
    if len(closing.signatures) == 1:
        left = width * L.RECIPIENTS_SHARE
        rows = [[_recipients(closing), _signature(closing.signatures[0])]]
        after: list[Flowable] = []
    else:
        left = width / 2
        rows = [[_signature(closing.signatures[0]), _signature(closing.signatures[1])]]
        after = _recipients(closing)
    table = layout_table(
        rows, [left, width - left], ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)
    )
    table.spaceBefore = L.SPACE_AFTER_PT * 2
    return [table, *after]


def _signatures(block: Signatures, width: float) -> list[Flowable]:
    """A row of signature blocks in equal columns (a single one centred on the full width); positions,
    notes and names each on a row of their own, so the names line up when one position wraps."""
    count = len(block.signatures)
    positions = [[one_line(text, L.SIGNATURE_SIZE, bold=True) for text in (s.authority, s.position) if text]
                 for s in block.signatures]
    notes = [one_line(s.note, L.SIGNATURE_SIZE, italic=True) if s.note else "" for s in block.signatures]
    names = [one_line(s.name, L.SIGNATURE_SIZE, bold=True) for s in block.signatures]
    gap = [Spacer(1, L.SIGNATURE_GAP_MM * mm)] + [""] * (count - 1)
    table = layout_table(
        [positions, notes, gap, names],
        [width / count] * count,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),  # a little air between two long positions side by side
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
    )
    table.spaceBefore = L.SPACE_AFTER_PT * 2
    return [KeepTogether([table])]  # never a position on one page and its name on the next


def _story(document: Document, split_rows: bool = False) -> list[Flowable]:
    """The flowables in order, each sized for the orientation of the page it lands on."""
    orientation, story = document.orientation, []
    blocks = document.blocks
    for index, block in enumerate(blocks):
        width = L.text_width_mm(orientation) * mm
        if isinstance(block, Header):
            if block.form_label:
                story.append(one_line(block.form_label, L.FORM_LABEL_SIZE, bold=True, align=TA_RIGHT))
            story.append(_header(block, width))
        elif isinstance(block, TitleBlock):
            story.extend(_title(block, width))
        elif isinstance(block, Paragraph):
            story.extend(_paragraph_before(block, blocks[index + 1] if index + 1 < len(blocks) else None))
        elif isinstance(block, Table):
            story.append(_table(block, width, split_rows))
        elif isinstance(block, (Closing, Signatures)):
            closing = _closing(block, width) if isinstance(block, Closing) else _signatures(block, width)
            if story and isinstance(story[-1], RLParagraph):
                # The last sentence goes over with the signature: a signature never stands alone on a page.
                closing = [KeepTogether([story.pop(), *closing])]
            story.extend(closing)
        elif isinstance(block, PageBreak):
            if block.orientation is not None:
                orientation = block.orientation
                story.append(NextPageTemplate(orientation.value))
            story.append(RLPageBreak())
        else:
            raise TypeError(f"not a document block: {block!r}")
    return story
