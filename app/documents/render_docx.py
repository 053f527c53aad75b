"""Word renderer (python-docx): a neutral :class:`Document` as an editable .docx in the Decree 30/2020 look.

Contract: ``render_docx(document, path)`` writes atomically (see ``atomic.py``).
The font is named "Times New Roman" (Word substitutes a metric twin where it is
missing); pages are A4 with the Decree 30 margins; page numbers are a PAGE field
centred in the header, hidden on page 1 by a distinct first-page header.
"""

from __future__ import annotations

import os

from docx import Document as new_word_document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from app.documents import layout as L
from app.documents.atomic import atomic_path
from app.documents.docx_flow import keep_cells_with_next, keep_lines, keep_row_whole, set_core_properties, start_page
from app.documents.fonts import header_right_needed_pt, text_width_pt
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
from app.documents.zip_dates import clamp_python_docx

clamp_python_docx()  # a paper written on a 1970 clock must not raise (see zip_dates)

_CENTER, _LEFT, _JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.JUSTIFY
_ALIGN = {Align.LEFT: _LEFT, Align.CENTER: _CENTER, Align.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT, Align.JUSTIFY: _JUSTIFY}
_MM_PER_PT = 25.4 / 72
_WORD_CELL_MARGIN_MM = 1.9  # Word's default left and right cell margin (0.19 cm)


def render_docx(document: Document, path: str | os.PathLike[str]) -> None:
    """Write ``document`` as a .docx at ``path``, atomically; the previous file survives any failure."""
    word = new_word_document()
    _set_default_font(word)
    _set_page(word.sections[0], document.orientation)
    if document.page_numbers:
        _number_pages(word.sections[0])
    _write_blocks(word, document)
    set_core_properties(word, document.title, document.author, document.subject)
    with atomic_path(path) as temp:
        word.save(str(temp))


# ----------------------------------------------------------------------------- page and fonts


def _set_default_font(word) -> None:
    """Times New Roman for every script slot, so Vietnamese never falls back to a theme font."""
    normal = word.styles["Normal"]
    normal.font.name = L.FONT_FAMILY
    normal.font.size = Pt(L.BODY_SIZE)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), L.FONT_FAMILY)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE


def _set_page(section, orientation: Orientation) -> None:
    """Decree 30/2020: A4; margins top/bottom 20 mm, left 30 mm, right 15 mm (see layout.py)."""
    width, height = L.page_size_mm(orientation)
    section.orientation = WD_ORIENT.LANDSCAPE if orientation is Orientation.LANDSCAPE else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin, section.bottom_margin = Mm(L.MARGIN_TOP_MM), Mm(L.MARGIN_BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(L.MARGIN_LEFT_MM), Mm(L.MARGIN_RIGHT_MM)
    section.header_distance = Mm(L.PAGE_NUMBER_FROM_TOP_MM - 5)


def _number_pages(section) -> None:
    """A centred PAGE field in the header; the first page gets its own, empty, header (none on page 1)."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = _CENTER
    run = paragraph.add_run()
    run.font.size = Pt(L.PAGE_NUMBER_SIZE)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


# ----------------------------------------------------------------------------- paragraphs


def _add_text(container, runs: tuple[Run, ...], size: float, align, *, bold=False, italic=False, after=0.0):
    """A paragraph of runs in ``container`` (document or cell); ``bold``/``italic`` add to each run."""
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    if after:  # Normal has no space after: say only what differs (each property is XML work)
        paragraph.paragraph_format.space_after = Pt(after)
    for run in runs:
        added = paragraph.add_run(run.text)  # python-docx turns "\n" into a line break
        if run.bold or bold:
            added.bold = True
        if run.italic or italic:
            added.italic = True
        if run.underline:
            added.underline = True
        if size != L.BODY_SIZE:
            added.font.size = Pt(size)
    return paragraph


def _line(container, text: str, size: float, align=_CENTER, **look):
    return _add_text(container, (Run(text),), size, align, **look)


_RULE_LINE_PT = 4.0  # the rule's paragraph: its bottom border sits this far under the text above


def _rule(container, length_pt: float, width_pt: float, before: float = 0.0) -> None:
    """A centred rule ``length_pt`` long: the bottom border of an empty paragraph, narrowed by indents.

    The bottom, not the top: LibreOffice draws a top border of a short exact-height paragraph inside a table
    cell up across the descenders of the line above ("lập", "phúc"); the bottom border stays below them.
    """
    paragraph = container.add_paragraph()
    side = max(0.0, (width_pt - length_pt) / 2)
    fmt = paragraph.paragraph_format
    fmt.left_indent, fmt.right_indent = Pt(side), Pt(side)
    fmt.space_before, fmt.space_after = Pt(before), Pt(0)
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(_RULE_LINE_PT)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "0"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _paragraph(word, block: Paragraph) -> None:
    """Ô 6: the Decree 30 body look by style; headings stay with what follows them."""
    indented = block.style in HEADING_STYLES or block.style in (Style.BODY, Style.BASIS)
    align = {Style.CENTERED: _CENTER, Style.PLAIN: _LEFT}.get(block.style, _JUSTIFY)
    paragraph = _add_text(
        word,
        block.runs,
        block.size or L.BODY_SIZE,
        align,
        bold=block.style in HEADING_STYLES,
        italic=block.style is Style.BASIS,
        after=L.SPACE_AFTER_PT,
    )
    if indented:
        paragraph.paragraph_format.first_line_indent = Mm(L.FIRST_LINE_INDENT_MM)
    paragraph.paragraph_format.keep_with_next = block.style in HEADING_STYLES or None


# ----------------------------------------------------------------------------- tables


def _layout_table(word, rows: int, widths_mm: list[float]):
    """A borderless fixed-layout table with the given column widths."""
    table = word.add_table(rows=rows, cols=len(widths_mm))
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm):
            cell.width = Mm(width)
    # The grid is what LibreOffice (and Word in some views) lays out by; python-docx leaves it equal.
    for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths_mm):
        column.w = Mm(width)
    return table


def _tidy(cell) -> None:
    """Drop the empty paragraph a new cell starts with, when the cell has others (Word needs one)."""
    first = cell.paragraphs[0]
    if len(cell.paragraphs) > 1 and not first.text:
        first._p.getparent().remove(first._p)


def _header(word, header: Header, width_mm: float) -> None:
    """Ô 1–4: two borderless columns; "Số: …" and the place and date share the second row."""
    # Word pads every cell by 1.9 mm on each side: the right column needs that on top of its text.
    needed_mm = header_right_needed_pt(header) * _MM_PER_PT + 2 * _WORD_CELL_MARGIN_MM + 1
    left_mm, right_mm = L.header_columns(needed_mm, width_mm)
    if header.form_label:
        _line(word, header.form_label, L.FORM_LABEL_SIZE, _ALIGN[Align.RIGHT], bold=True)
    table = _layout_table(word, 2, [left_mm, right_mm])
    left, right = table.rows[0].cells
    if header.superior_body:
        _line(left, header.superior_body, L.BODY_NAME_SIZE)
    _line(left, header.issuing_body, L.BODY_NAME_SIZE, bold=True)
    issuer = max(text_width_pt(line, L.BODY_NAME_SIZE, bold=True) for line in header.issuing_body.split("\n"))
    _rule(left, issuer * L.ISSUER_RULE_SHARE, left_mm / _MM_PER_PT)
    _line(right, header.national_title, L.NATIONAL_TITLE_SIZE, bold=True)
    _line(right, header.motto, L.MOTTO_SIZE, bold=True)
    _rule(right, text_width_pt(header.motto, L.MOTTO_SIZE, bold=True), right_mm / _MM_PER_PT)
    number, place = table.rows[1].cells
    _line(number, header.number_line, L.NUMBER_SIZE)
    _line(place, header.place_date, L.PLACE_DATE_SIZE, italic=True)
    for cell in (left, right, number, place):
        _tidy(cell)


def _title(word, block: TitleBlock, width_mm: float) -> None:
    """Ô 5a and 9a: type, summary lines, a short rule, then "Kính gửi"."""
    _line(word, block.doc_type, L.TITLE_SIZE, bold=True).paragraph_format.space_before = Pt(L.TITLE_SPACE_BEFORE_PT)
    for line in block.summary:
        _line(word, line, L.SUMMARY_SIZE, bold=True)
    longest = max((text_width_pt(line, L.SUMMARY_SIZE, bold=True) for line in block.summary), default=0.0)
    width_pt = width_mm / _MM_PER_PT
    _rule(word, min(longest, width_pt) * L.SUMMARY_RULE_SHARE or width_pt * 0.2, width_pt, before=4)
    lines = block.addressee_lines()
    if len(lines) == 1:
        _line(word, f"Kính gửi: {lines[0]}", L.BODY_SIZE).paragraph_format.space_before = Pt(L.SPACE_AFTER_PT)
    elif lines:
        label_mm = text_width_pt("Kính gửi:  ", L.BODY_SIZE) * _MM_PER_PT + 4
        body_mm = min(max(text_width_pt(x, L.BODY_SIZE) for x in lines) * _MM_PER_PT + 8, width_mm * 0.7)
        table = _layout_table(word, 1, [label_mm, body_mm])
        label, names = table.rows[0].cells
        _line(label, "Kính gửi:", L.BODY_SIZE, _LEFT)
        for line in lines:
            _line(names, line, L.BODY_SIZE, _LEFT)
        _tidy(label), _tidy(names)
    word.add_paragraph().paragraph_format.space_after = Pt(L.SPACE_AFTER_PT)


def _repeat_as_header(row) -> None:
    """Mark a table row to repeat at the top of every page the table spans."""
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _cell_margins(table, points: float) -> None:
    """Narrow left/right cell margins, as in the PDF: Word's default 1.9 mm would wrap "STT" and dates."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(round(points * 20)))  # twentieths of a point
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)


def _table(word, block: Table, width_mm: float) -> None:
    """Gridded table: header repeated on every page, wrapping cells, group rows merged across."""
    widths = [share * width_mm for share in block.relative_widths()]
    table = _layout_table(word, 1 + len(block.rows), widths)
    table.style = word.styles["Table Grid"]
    _cell_margins(table, L.TABLE_CELL_PADDING_PT)
    for cell, column in zip(table.rows[0].cells, block.columns):
        cell.paragraphs[0].alignment = _CENTER
        cell.paragraphs[0].add_run(column.title).bold = True
        cell.paragraphs[0].runs[0].font.size = Pt(block.size)
    _repeat_as_header(table.rows[0])
    keep_row_whole(table.rows[0])
    for row, source in zip(table.rows[1:], block.rows):
        cells = row.cells
        if isinstance(source, GroupRow):  # an area's title row goes to the page of its first task
            merged = cells[0].merge(cells[-1])
            run = merged.paragraphs[0].add_run(source.text)
            run.bold, run.font.size = True, Pt(block.size)
            keep_row_whole(row)
            merged.paragraphs[0].paragraph_format.keep_with_next = True
            continue
        for cell, value, column in zip(cells, source.cells, block.columns):
            cell.paragraphs[0].alignment = _ALIGN[column.align]
            run = cell.paragraphs[0].add_run(cell_text(value))
            run.bold, run.font.size = source.bold or None, Pt(block.size)
    word.add_paragraph().paragraph_format.space_after = Pt(0)


# ----------------------------------------------------------------------------- closing and breaks


def _signature(cell, signature: Signature) -> None:
    """Ô 7: authority and position bold caps, room to sign and seal, the name bold."""
    for text in (signature.authority, signature.position):
        if text:
            _line(cell, text, L.SIGNATURE_SIZE, bold=True)
    if signature.note:
        _line(cell, signature.note, L.SIGNATURE_SIZE, italic=True)
    cell.add_paragraph().paragraph_format.space_after = Pt(L.SIGNATURE_GAP_MM / _MM_PER_PT - L.SIGNATURE_SIZE)
    _line(cell, signature.name, L.SIGNATURE_SIZE, bold=True)
    _tidy(cell)


def _recipients(container, closing: Closing) -> None:
    """Ô 9b: "Nơi nhận:" bold italic 12 pt over 11 pt lines."""
    if closing.recipients is None:
        return
    _line(container, closing.recipients.label, L.RECIPIENTS_LABEL_SIZE, _LEFT, bold=True, italic=True)
    for line in closing.recipients.lines:
        _line(container, line, L.RECIPIENTS_SIZE, _LEFT)


def _closing(word, closing: Closing, width_mm: float) -> None:
    """One signature right with recipients beside it on the left; two side by side with recipients below.

    The signature row never splits (the name never falls alone onto the next page), and the spacer before
    it keeps with it.
    """
    keep_lines(word.add_paragraph())
    if len(closing.signatures) == 1:
        left_mm = width_mm * L.RECIPIENTS_SHARE
        row = _layout_table(word, 1, [left_mm, width_mm - left_mm]).rows[0]
        left, right = row.cells
        _recipients(left, closing)
        _tidy(left)
        _signature(right, closing.signatures[0])
        keep_row_whole(row)
        return
    row = _layout_table(word, 1, [width_mm / 2, width_mm / 2]).rows[0]
    _signature(row.cells[0], closing.signatures[0])
    _signature(row.cells[1], closing.signatures[1])
    keep_row_whole(row)
    _recipients(word, closing)


def _signatures(word, block: Signatures, width_mm: float) -> None:
    """A row of signature blocks in equal columns (a single one centred on the full width); positions,
    notes and names each on a table row of their own, so the names line up when one position wraps."""
    keep_lines(word.add_paragraph())
    count = len(block.signatures)
    table = _layout_table(word, 3, [width_mm / count] * count)
    gap = Pt(L.SIGNATURE_GAP_MM / _MM_PER_PT - L.SIGNATURE_SIZE)
    for column, signature in enumerate(block.signatures):
        top, note, name = (table.rows[row].cells[column] for row in range(3))
        for text in (signature.authority, signature.position):
            if text:
                _line(top, text, L.SIGNATURE_SIZE, bold=True)
        if signature.note:
            _line(note, signature.note, L.SIGNATURE_SIZE, italic=True)
        note.add_paragraph().paragraph_format.space_after = gap
        _line(name, signature.name, L.SIGNATURE_SIZE, bold=True)
        for cell in (top, note, name):
            _tidy(cell)
    for row in table.rows:  # whole rows, the first two kept with the names
        keep_row_whole(row)
    for row in table.rows[:2]:
        keep_cells_with_next(row)


def _page_break(word, block: PageBreak) -> Orientation | None:
    """A new page; with an orientation, a new section so the following pages turn. A plain break is made by
    ``start_page`` on what follows: a paragraph holding the break could itself spill onto a blank page."""
    if block.orientation is None:
        return None
    _set_page(word.add_section(WD_SECTION.NEW_PAGE), block.orientation)
    return block.orientation


def _write_blocks(word, document: Document) -> None:
    orientation = document.orientation
    previous = None
    for block in document.blocks:
        width_mm = L.text_width_mm(orientation)
        before = list(word.element.body) if isinstance(previous, PageBreak) and not previous.orientation else None
        if isinstance(block, Header):
            _header(word, block, width_mm)
        elif isinstance(block, TitleBlock):
            _title(word, block, width_mm)
        elif isinstance(block, Paragraph):
            _paragraph(word, block)
        elif isinstance(block, Table):
            _table(word, block, width_mm)
        elif isinstance(block, (Closing, Signatures)):
            if word.paragraphs and isinstance(previous, Paragraph):
                keep_lines(word.paragraphs[-1])  # the signature never stands alone
            elif isinstance(previous, Signatures):  # a second row of signers stays with the first
                keep_cells_with_next(word.tables[-1].rows[-1])
            (_closing if isinstance(block, Closing) else _signatures)(word, block, width_mm)
        elif isinstance(block, PageBreak):
            orientation = _page_break(word, block) or orientation
        else:
            raise TypeError(f"not a document block: {block!r}")
        if before is not None:
            start_page(word.element.body, before)
        previous = block
