"""What keeps a Word copy whole in any office suite: rows that never split, paragraphs kept together, honest
core properties. Used by ``render_docx``; python-docx objects in, nothing returned.

Found by converting the demo's copies with LibreOffice (``tests/office/convert.py``): a signature row that may
split leaves the signer's name alone on the next page, and python-docx's template says every file was written
on 23/12/2013 by "python-docx".
"""

from __future__ import annotations

from datetime import datetime, timezone

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph

NO_AUTHOR = "CCHC Xã"  # a paper always names its commune; this is only for a document built without one


def keep_row_whole(row) -> None:
    """``w:cantSplit``: the row moves to the next page whole rather than breaking inside (Word and LibreOffice)."""
    properties = row._tr.get_or_add_trPr()
    if properties.find(qn("w:cantSplit")) is None:
        flag = OxmlElement("w:cantSplit")
        flag.set(qn("w:val"), "true")
        properties.insert(0, flag)  # CT_TrPr lists cantSplit before tblHeader


def keep_cells_with_next(row) -> None:
    """Every paragraph of the row kept with the next: the row stays on the page of the row after it."""
    for cell in row.cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True


def keep_lines(paragraph) -> None:
    """A paragraph leading into a signature: its lines together and with the signature that follows."""
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.keep_together = True


def start_page(body, before: list) -> None:
    """The first element added to ``body`` since ``before`` begins a new page: ``pageBreakBefore`` on a paragraph
    (no empty paragraph that could land alone on a page of its own), a break paragraph before a table."""
    first = next(element for element in body if element not in before)
    if first.tag != qn("w:p"):
        holder = OxmlElement("w:p")
        first.addprevious(holder)
        first = holder
    DocxParagraph(first, None).paragraph_format.page_break_before = True  # python-docx keeps the schema's order


def set_core_properties(word, title: str, author: str, subject: str, now: datetime | None = None) -> None:
    """Title, the commune as author and last editor, created and modified now (UTC); nothing of the template.

    The template python-docx starts from carries "python-docx" as creator and description and a 2013 date;
    the clerk's office sees those in File ▸ Properties, and a receiving office sorts by them.
    """
    moment = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(tzinfo=None, microsecond=0)
    properties = word.core_properties
    properties.title, properties.subject = title, subject
    properties.author = properties.last_modified_by = author or NO_AUTHOR
    properties.comments = properties.keywords = properties.category = ""
    properties.created = properties.modified = moment
    properties.revision = 1
