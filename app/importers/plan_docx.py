"""Reading a .docx plan: body paragraphs and tables in document order, into the text parser.

Paragraphs become lines (with the "1." / "a)" Word draws for numbered lists put
back in front); a table whose header names the task columns (Nội dung, Chủ trì,
Thời gian …) gives the tasks directly; any other table (the header block, the
signature) is read cell by cell as lines.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from io import BytesIO

from docx.oxml.ns import qn
from docx.text.run import Run

from app.errors import UserError
from app.importers.docx_numbering import Numbering
from app.importers.plan_lines import PlanLine, read_line
from app.importers.plan_model import ImportedPlan, ImportedTask
from app.importers.plan_table import column_warning, find_header, read_task_rows, unknown_columns
from app.importers.plan_tasks import Area
from app.importers.plan_text import FALLBACK_AREA, plan_with_tables
from app.importers.zip_bounds import check_bounds, zip_members

_RUN, _HYPERLINK = qn("w:r"), qn("w:hyperlink")
# what python-docx counts as a run's text; each element's str() is its text ("\t", "\n", "-", …)
_RUN_PARTS = frozenset(qn(tag) for tag in ("w:br", "w:cr", "w:noBreakHyphen", "w:ptab", "w:t", "w:tab"))
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_RESAVE = "Hãy mở tệp bằng Word, chọn Lưu thành (Save As) dạng .docx (Word Document) rồi nhập lại."


@dataclass
class _Body:
    """What the document holds, in order: text lines, and areas and tasks from task tables."""

    lines: list[PlanLine] = field(default_factory=list)
    places: dict[int, str] = field(default_factory=dict)
    areas: list[Area] = field(default_factory=list)
    tasks: list[ImportedTask] = field(default_factory=list)
    paragraphs: int = 0
    tables: int = 0
    notes: list[str] = field(default_factory=list)  # what the clerk should know about the tables

    def add_place(self, place: str) -> int:
        number = len(self.places) + 1
        self.places[number] = place
        return number

    def add_line(self, text: str, place: str, emphasized: bool = False) -> None:
        for part in text.split("\n"):
            number = self.add_place(place)
            line = read_line(number, part)
            if emphasized and not line.emphasized:
                line = PlanLine(line.number, line.text, line.kind, line.marker, line.body, True)
            self.lines.append(line)

    def where(self, number: int) -> str:
        return self.places.get(number, f"Đoạn {number}")


def parse_docx_bytes(data: bytes, name: str, transform=None) -> ImportedPlan:
    """The plan in a .docx file's bytes; UserError naming ``name`` if it is not a readable .docx.

    ``transform`` (e.g. a TCVN3 → Unicode converter) is applied to every piece of text first.
    """
    document = open_docx(data, name)
    if transform is not None:
        for node in document.element.body.iter(qn("w:t")):
            node.text = transform(node.text or "")
    try:
        body = read_body(document)
    except (KeyError, ValueError, AttributeError, IndexError, TypeError) as error:
        raise UserError(f"Tệp “{name}” bị hỏng, không đọc được nội dung.", _RESAVE, repr(error)) from error
    if not any(line.text for line in body.lines) and not body.tasks:
        raise UserError(f"Tệp “{name}” không có chữ nào.", "Hãy chọn đúng tệp kế hoạch.", name)
    return plan_of(body)


def docx_text(data: bytes, name: str) -> str:
    """All the text of a .docx, for deciding how it was typed (Unicode or a legacy font encoding)."""
    document = open_docx(data, name)
    return "\n".join(node.text or "" for node in document.element.body.iter(qn("w:t")))


def open_docx(data: bytes, name: str):
    """The python-docx Document, or a UserError saying why the file is not one."""
    if data.startswith(_OLE_MAGIC):
        raise UserError(
            f"Tệp “{name}” đang được đặt mật khẩu, hoặc là tệp Word cũ (.doc) đổi đuôi thành .docx.",
            "Hãy mở tệp bằng Word, bỏ mật khẩu (nếu có) và lưu lại dạng .docx rồi nhập lại.",
            name,
        )
    if not zipfile.is_zipfile(BytesIO(data)):
        raise UserError(f"Tệp “{name}” không phải tệp Word .docx (có thể là tệp khác đổi đuôi, hoặc tệp hỏng).",
                        _RESAVE, name)
    members = zip_members(data, name)
    check_bounds(members, name, "kế hoạch")  # before python-docx inflates every part into memory
    if not any(member.filename == "word/document.xml" for member in members):
        raise UserError(f"Tệp “{name}” là tệp nén nhưng không chứa văn bản Word.", _RESAVE, name)
    try:
        import docx

        return docx.Document(BytesIO(data))
    except Exception as error:  # python-docx and lxml raise many kinds for a damaged package
        raise UserError(f"Tệp “{name}” bị hỏng, Word không mở được đúng cách.", _RESAVE, repr(error)) from error


def read_body(document) -> _Body:
    """Paragraphs and tables of the body, in document order."""
    from docx.table import Table

    body, numbering, styles = _Body(), Numbering(document), _Styles()
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            _read_table(body, block)
        else:
            _read_paragraph(body, block, numbering, styles)
    return body


class _Styles:
    """Each paragraph style looked up once per style id.

    python-docx's ``paragraph.style`` scans every style of the document to find the default on each call
    (about 3 ms): 200,000 paragraphs took minutes. A document has a few dozen styles, so the cache is small.
    """

    def __init__(self) -> None:
        self._by_id: dict[str | None, object] = {}

    def of(self, paragraph):
        key = paragraph._p.style
        if key not in self._by_id:
            self._by_id[key] = paragraph.style
        return self._by_id[key]


def _read_paragraph(body: _Body, paragraph, numbering: Numbering, styles: _Styles) -> None:
    style = styles.of(paragraph)
    marker = numbering.marker(paragraph, style)
    runs = [(Run(r, paragraph), _run_text(r)) for r in paragraph._p.r_lst]
    text = "".join(_run_text(child) if child.tag == _RUN else _hyperlink_text(child)
                   for child in paragraph._p if child.tag in (_RUN, _HYPERLINK))
    if marker and text.strip():
        text = f"{marker} {text.lstrip()}"
    written = [run for run, run_text in runs if run_text.strip()]
    bold = bool(written) and all(run.bold for run in written)
    style = (style.name or "").lower() if style is not None else ""
    body.paragraphs += 1
    body.add_line(text, f"Đoạn {body.paragraphs}", bold or style.startswith(("heading", "title")))


def _run_text(run) -> str:
    """``Run.text`` without its per-call XPath (the children's own text: tabs, breaks, hyphens, text)."""
    return "".join(str(child) for child in run if child.tag in _RUN_PARTS)


def _hyperlink_text(link) -> str:
    return "".join(_run_text(run) for run in link if run.tag == _RUN)


def _row_cells(row) -> tuple[list[str], list[str]]:
    """Each grid cell's text (a merged cell repeats), and the texts of the distinct cells."""
    cells, distinct, seen = [], [], set()
    for cell in row.cells:
        text = cell.text.strip()
        cells.append(text)
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            distinct.append(text)
    return cells, distinct


def _read_table(body: _Body, table) -> None:
    body.tables += 1
    rows = [_row_cells(row) for row in table.rows]
    header = find_header(rows)
    if header:
        start, columns = header
        place = body.tables

        def number(index: int) -> int:
            return body.add_place(f"Bảng {place}, hàng {start + index}")

        read_task_rows(rows[start:], columns, number, body.areas, body.tasks, FALLBACK_AREA)
        body.notes += [column_warning(f"Bảng {place}", text) for text in unknown_columns(columns)]
        return
    for number, (_cells, distinct) in enumerate(rows, start=1):
        for text in distinct:
            body.add_line(text, f"Bảng {body.tables}, hàng {number}")


def plan_of(body: _Body) -> ImportedPlan:
    """The plan from the task tables if they hold more tasks than the text, else from the text."""
    return plan_with_tables(body.lines, body.where, body.areas, body.tasks, body.notes)
