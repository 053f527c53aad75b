"""The neutral document: what an official paper says, not how a format draws it.

A paper (plan, report, submission letter, minutes, scoring table) is built
once as a :class:`Document` — a sequence of blocks — and handed to the PDF,
Word or Excel renderer. The Decree 30/2020 look (fonts, margins, rules,
indents) belongs to the renderers and ``layout.py``, never to this model.

Contracts: standard library only (start-up must not load reportlab, docx or
openpyxl); every value is frozen and hashable; text arrives NFC; sequences
given as lists are stored as tuples.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Union

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"
ARCHIVE_LINE = "Lưu: VT"

CellValue = Union[str, int, float, None]


def _freeze(obj: object, *names: str) -> None:
    """Store list arguments as tuples so a frozen value stays immutable and hashable."""
    for name in names:
        object.__setattr__(obj, name, tuple(getattr(obj, name)))


class Orientation(Enum):
    """Page orientation; both are A4 (Decree 30/2020: A4 paper)."""

    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"


class Align(Enum):
    """Horizontal alignment of a table column or cell."""

    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    JUSTIFY = "justify"


class Style(Enum):
    """The role of a paragraph; each renderer maps a role to the Decree 30 look.

    BODY: justified, first-line indent, ≥ 6 pt after. HEADING_1 ("I. MỤC ĐÍCH,
    YÊU CẦU"), HEADING_2 ("1. Mục đích"), HEADING_3 ("a) …"): as BODY but bold
    and kept with the next block. BASIS ("Căn cứ …;"): as BODY but italic.
    CENTERED: centred, no indent. PLAIN: left-aligned, no indent.
    """

    BODY = "body"
    HEADING_1 = "heading_1"
    HEADING_2 = "heading_2"
    HEADING_3 = "heading_3"
    BASIS = "basis"
    CENTERED = "centered"
    PLAIN = "plain"


HEADING_STYLES = frozenset({Style.HEADING_1, Style.HEADING_2, Style.HEADING_3})


@dataclass(frozen=True)
class Run:
    """A stretch of text with one look. A renderer may add bold/italic by style, never remove it."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: runs in a style. ``size`` overrides the style's point size (None = default)."""

    runs: tuple[Run, ...]
    style: Style = Style.BODY
    size: float | None = None

    def __post_init__(self) -> None:
        _freeze(self, "runs")

    @property
    def text(self) -> str:
        """The plain text, runs joined."""
        return "".join(run.text for run in self.runs)


def para(text: str, style: Style = Style.BODY, *, bold: bool = False, italic: bool = False) -> Paragraph:
    """A one-run paragraph, the common case."""
    return Paragraph((Run(text, bold=bold, italic=italic),), style)


def heading(text: str, level: int = 1) -> Paragraph:
    """A heading paragraph; level 1 "I. …", 2 "1. …", 3 "a) …"."""
    style = {1: Style.HEADING_1, 2: Style.HEADING_2, 3: Style.HEADING_3}[level]
    return para(text, style)


def basis(text: str) -> Paragraph:
    """A legal-basis line ("Căn cứ …;"), italic by the Decree 30 rule for ô 6."""
    return para(text, Style.BASIS)


def labelled(label: str, text: str, *, label_bold: bool = False, label_italic: bool = True) -> Paragraph:
    """A body line with a label run before the text: ``labelled("- Chủ trì thực hiện: ", "Văn phòng")``."""
    return Paragraph((Run(label, bold=label_bold, italic=label_italic), Run(text)), Style.BODY)


@dataclass(frozen=True)
class Column:
    """A table column: its title, relative width (any positive unit) and alignment of its cells."""

    title: str
    width: float = 1.0
    align: Align = Align.LEFT

    def __post_init__(self) -> None:
        if not self.width > 0:
            raise ValueError(f"column {self.title!r}: width must be positive, got {self.width!r}")


def cell_text(value: CellValue) -> str:
    """A cell value as printed on paper: None is blank, whole floats lose ".0", decimals take a comma.

    >>> cell_text(8.5), cell_text(10.0), cell_text(None), cell_text(3)
    ('8,5', '10', '', '3')
    """
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value).replace(".", ",")
    return str(value)


@dataclass(frozen=True)
class Row:
    """One table row: one value per column. Numbers stay numbers (Excel keeps them numeric)."""

    cells: tuple[CellValue, ...]
    bold: bool = False

    def __post_init__(self) -> None:
        _freeze(self, "cells")


@dataclass(frozen=True)
class GroupRow:
    """A row spanning all columns, bold: an area title inside a task table ("I. Cải cách thể chế")."""

    text: str


@dataclass(frozen=True)
class Table:
    """A table with a header row that repeats on every page; cell text wraps, never overflows.

    ``title`` names the Excel sheet and is printed above the table there (not in PDF/Word, where the
    paper carries its own headings). ``size`` is the point size of the cell text.
    """

    columns: tuple[Column, ...]
    rows: tuple[Row | GroupRow, ...] = ()
    title: str = ""
    size: float = 12.0

    def __post_init__(self) -> None:
        _freeze(self, "columns", "rows")
        if not self.columns:
            raise ValueError("a table needs at least one column")
        for index, row in enumerate(self.rows):
            if isinstance(row, Row) and len(row.cells) != len(self.columns):
                raise ValueError(
                    f"table {self.title!r} row {index + 1}: {len(row.cells)} cells for {len(self.columns)} columns"
                )

    def relative_widths(self) -> tuple[float, ...]:
        """Each column's share of the full width; the shares add up to 1."""
        total = sum(column.width for column in self.columns)
        return tuple(column.width / total for column in self.columns)


@dataclass(frozen=True)
class PageBreak:
    """Start a new page; with ``orientation``, the following pages take it (e.g. a landscape appendix)."""

    orientation: Orientation | None = None


@dataclass(frozen=True)
class Header:
    """Decree 30/2020 ô 1–4: the two-column header of an official paper.

    Left: ``superior_body`` (caps, upright, may be empty) over ``issuing_body`` (caps, bold, may hold
    "\\n" for two lines; a short rule goes under it) and ``number_line``, written in full
    ("Số: 15/KH-UBND", or "Số:      /KH-UBND" for a draft). Right: the national title and motto (rule
    as long as the motto) and ``place_date`` in italics, empty in papers that carry no date there.
    ``form_label``, when given, is the line a decree's form carries above it, right-aligned, bold:
    "Mẫu số 08 — Nghị định số 98/2023/NĐ-CP".
    """

    issuing_body: str
    number_line: str = ""
    place_date: str = ""
    superior_body: str = ""
    national_title: str = NATIONAL_TITLE
    motto: str = NATIONAL_MOTTO
    form_label: str = ""


def addressee_lines(names: tuple[str, ...]) -> tuple[str, ...]:
    """Decree 30/2020 ô 9a: one addressee stays on the "Kính gửi:" line; several become "- …;" lines, last ".".

    >>> addressee_lines(("UBND huyện",))
    ('UBND huyện.',)
    >>> addressee_lines(("A", "B"))
    ('- A;', '- B.')
    """
    if len(names) == 1:
        return (names[0].rstrip(".;") + ".",)
    lines = [f"- {name.rstrip('.;')};" for name in names]
    if lines:
        lines[-1] = lines[-1][:-1] + "."
    return tuple(lines)


@dataclass(frozen=True)
class TitleBlock:
    """Decree 30/2020 ô 5a and 9a: the document type (bold caps, centred), the summary lines (bold, centred,
    a short rule under them) and optional addressees ("Kính gửi: …", given as bare names)."""

    doc_type: str
    summary: tuple[str, ...] = ()
    addressees: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _freeze(self, "summary", "addressees")

    def addressee_lines(self) -> tuple[str, ...]:
        """The addressee lines as printed after "Kính gửi:"."""
        return addressee_lines(self.addressees)


@dataclass(frozen=True)
class Signature:
    """Decree 30/2020 ô 7: authority ("TM. ỦY BAN NHÂN DÂN", may be empty) and position ("CHỦ TỊCH") in bold
    caps, a gap for signature and seal, then the signer's name in bold (may be empty for a blank form).

    ``note``, when given, is an italic line under the position, as the award forms print it:
    "(Ký, ghi rõ họ và tên)", "(Ký, đóng dấu)".
    """

    position: str
    name: str = ""
    authority: str = ""
    note: str = ""


@dataclass(frozen=True)
class Recipients:
    """Decree 30/2020 ô 9b: "Nơi nhận:" (bold italic 12 pt) over lines as printed (11 pt), last "- Lưu: VT."."""

    lines: tuple[str, ...]
    label: str = "Nơi nhận:"

    def __post_init__(self) -> None:
        _freeze(self, "lines")

    @classmethod
    def of(cls, *names: str, archive: str = ARCHIVE_LINE) -> Recipients:
        """Lines "- name;" from bare names, ending with the archive line "- Lưu: VT." unless already given."""
        clean = [name.strip().lstrip("-").strip().rstrip(".;") for name in names]
        if archive and not any(name.startswith("Lưu") for name in clean):
            clean.append(archive.rstrip("."))
        lines = [f"- {name};" for name in clean]
        if lines:
            lines[-1] = lines[-1][:-1] + "."
        return cls(tuple(lines))


@dataclass(frozen=True)
class Closing:
    """Signatures and recipients at the end of a paper.

    One signature: on the right, with the recipients beside it on the left (Decree 30/2020 layout).
    Two signatures (minutes: secretary, chair): side by side, left then right, recipients below them.
    """

    signatures: tuple[Signature, ...]
    recipients: Recipients | None = None

    def __post_init__(self) -> None:
        _freeze(self, "signatures")
        if not 1 <= len(self.signatures) <= 2:
            raise ValueError("a closing holds one or two signatures")


@dataclass(frozen=True)
class Signatures:
    """A row of signature blocks in equal columns, left to right, with no recipients: the confirmations of a
    form ("XÁC NHẬN CỦA CẤP TRÌNH KHEN" | "NGƯỜI BÁO CÁO THÀNH TÍCH"). One signature is centred on the
    full width. Several rows are several blocks; a paper's recipients still go in a :class:`Closing`."""

    signatures: tuple[Signature, ...]

    def __post_init__(self) -> None:
        _freeze(self, "signatures")
        if not self.signatures:
            raise ValueError("a signatures row needs at least one signature")


Block = Union[Header, TitleBlock, Paragraph, Table, PageBreak, Closing, Signatures]
BLOCK_TYPES = (Header, TitleBlock, Paragraph, Table, PageBreak, Closing, Signatures)


@dataclass(frozen=True)
class Document:
    """A whole paper: blocks in reading order on A4 pages of ``orientation`` (a PageBreak may switch it).

    ``title`` goes to PDF metadata and Word core properties. Page numbers, when ``page_numbers`` is on,
    are centred in the top margin from page 2 (Decree 30/2020: none on page 1). ``paper_sheets``: the
    Excel copy is itself a paper to print, so each sheet opens with the Decree 30 header and the title
    (a data list for the superior to compile has neither).
    """

    title: str
    blocks: tuple[Block, ...]
    orientation: Orientation = Orientation.PORTRAIT
    page_numbers: bool = True
    author: str = ""
    subject: str = field(default="")
    paper_sheets: bool = False

    def __post_init__(self) -> None:
        _freeze(self, "blocks")

    def first(self, kind: type) -> Block | None:
        """The first block of ``kind`` (the header, the title block), or None."""
        return next((block for block in self.blocks if isinstance(block, kind)), None)

    def tables(self) -> tuple[Table, ...]:
        """The tables of the document in order (what the Excel renderer writes)."""
        return tuple(block for block in self.blocks if isinstance(block, Table))
