"""Reading a plan written as text: find the content section, its areas and tasks, and the header facts.

The content section is the one headed "II. NỘI DUNG …", "NHIỆM VỤ …" or
"III. NỘI DUNG THI ĐUA"; it ends at the next roman-numbered heading or at a
heading such as "Tổ chức thực hiện", "THỜI GIAN …", "CÔNG TÁC KHEN THƯỞNG".
Never raises: whatever the text, the result is a plan (maybe empty, with warnings).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from app.importers.plan_lines import NUMBER, PLAIN, ROMAN, PlanLine, heading_text, read_label, read_line
from app.importers.plan_model import ImportedPlan, ImportedTask
from app.importers.plan_parts import closing, legal_bases, narrative_sections, plan_date
from app.importers.plan_pasted import pasted_tables
from app.importers.plan_table import column_warning, find_header, read_task_rows, unknown_columns
from app.importers.plan_tasks import Area, read_area, split_areas
from app.importers.plan_warnings import plan_warnings

_CONTENT = ("noi dung", "nhiem vu", "cac nhiem vu")
_END = (
    "to chuc thuc hien",
    "thoi gian",
    "cong tac khen thuong",
    "khen thuong",
    "kinh phi",
    "dieu khoan thi hanh",
    "che do bao cao",
    "tieu chuan",
)
FALLBACK_AREA = "Nhiệm vụ chung"
MAX_HEADINGS_PER_SECTION = 5
Where = Callable[[int], str]


def line_place(number: int) -> str:
    """How a warning names a line of a text file."""
    return f"Dòng {number}"


def parse_plan_text(text: str) -> ImportedPlan:
    """Areas, tasks and header facts of a plan pasted or read as text (tables pasted as text too); never raises."""
    raw = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    areas: list[Area] = []
    tasks: list[ImportedTask] = []
    notes: list[str] = []
    for first, rows in pasted_tables(raw):
        header = find_header(rows)
        if header is None:
            continue
        start, columns = header
        read_task_rows(rows[start:], columns, lambda index, at=first + start: at + index, areas, tasks, FALLBACK_AREA)
        notes += [column_warning(line_place(first + start), text) for text in unknown_columns(columns)]
        raw[first : first + len(rows)] = [""] * len(rows)  # read as a table, not again as lines
    lines = [read_line(number, line) for number, line in enumerate(raw, start=1)]
    return plan_with_tables(lines, line_place, areas, tasks, notes)


def plan_with_tables(lines: list[PlanLine], where: Where, areas: list[Area], tasks: list[ImportedTask],
                     notes: list[str] = ()) -> ImportedPlan:
    """The plan from the task tables if they hold more tasks than the text, else from the text.

    ``notes`` are the tables' own warnings (a column not read), shown when the tables give the tasks.
    """
    text_plan = parse_lines(lines, where)
    if len(text_plan.tasks) >= len(tasks):
        return text_plan
    plan = ImportedPlan(areas=list(dict.fromkeys(area.name for area in areas)), tasks=tasks)
    read_header(plan, lines)
    read_parts(plan, lines, None)
    plan.warnings = list(notes) + plan_warnings(plan, areas, where, found_section=True)
    return _placed(plan, where)


def parse_lines(lines: list[PlanLine], where: Where = line_place) -> ImportedPlan:
    """A plan out of classified lines; ``where`` names a line number in warnings."""
    heading, section = best_section(lines)
    fallback = heading_text(heading.body) if heading else FALLBACK_AREA
    areas = split_areas(section, fallback)
    tasks = [task for area in areas for task in read_area(area)]
    plan = ImportedPlan(areas=[area.name for area in areas], tasks=tasks)
    read_header(plan, lines[: _position(lines, heading)])
    read_parts(plan, lines, heading)
    if plan.year is None and heading is not None:
        plan.year = year_of(heading.body)
    plan.warnings = plan_warnings(plan, areas, where, found_section=heading is not None)
    return _placed(plan, where)


def _placed(plan: ImportedPlan, where: Where) -> ImportedPlan:
    """Each task told where it was read ("Dòng 12", "Bảng 1, hàng 3")."""
    for task in plan.tasks:
        task.place = where(task.line)
    return plan


def _position(lines: list[PlanLine], heading: PlanLine | None) -> int:
    return next((i for i, line in enumerate(lines) if line is heading), len(lines))


def best_section(lines: list[PlanLine]) -> tuple[PlanLine | None, list[PlanLine]]:
    """The content section with the most labelled tasks; the whole text only if no section has any."""
    candidates = [(lines[i], lines[i + 1: end]) for i, end in _content_headings(lines)]
    candidates.append((None, lines))
    return max(candidates, key=_score)


def _content_headings(lines: list[PlanLine]) -> list[tuple[int, int]]:
    """(heading, end) positions of the content headings, at most MAX_HEADINGS_PER_SECTION before one end.

    Headings before the same end open nested sections, each scored by parsing it whole: a file of thousands
    of "NỘI DUNG" lines took minutes. A plan has a handful; past that the first (longest) ones are scored.
    """
    found, end = [], len(lines)
    for index in range(len(lines) - 1, -1, -1):  # backwards, so each line's section end is known
        line = lines[index]
        if is_content_heading(line):
            found.append((index, end))
        if is_section_end(line):
            end = index
    found.reverse()
    return _first_per_end(found)


def _first_per_end(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept, counts = [], {}
    for index, end in found:
        counts[end] = counts.get(end, 0) + 1
        if counts[end] <= MAX_HEADINGS_PER_SECTION:
            kept.append((index, end))
    return kept


def _score(candidate: tuple[PlanLine | None, list[PlanLine]]) -> tuple[bool, bool, int]:
    heading, section = candidate
    tasks = _tasks_of(section, "")
    labelled = sum(1 for t in tasks if t.lead or t.timeframe or t.product)
    return labelled > 0, heading is not None, labelled


def _tasks_of(section: list[PlanLine], fallback: str) -> list[ImportedTask]:
    return [task for area in split_areas(section, fallback) for task in read_area(area)]


def _looks_heading(line: PlanLine) -> bool:
    body = line.body
    upper = body.upper() == body and any(ch.isalpha() for ch in body)
    return len(body) <= 120 and (line.emphasized or upper) and read_label(line) is None


def is_content_heading(line: PlanLine) -> bool:
    """Whether the line opens the section of areas and tasks ("II. NỘI DUNG, NHIỆM VỤ …")."""
    folded = line.folded
    if line.kind == ROMAN:
        return any(word in folded for word in _CONTENT) and not folded.startswith(_END)
    return line.kind == PLAIN and _looks_heading(line) and folded.startswith(_CONTENT)


def is_section_end(line: PlanLine) -> bool:
    """Whether the line closes the content section (next roman heading, "Tổ chức thực hiện", …)."""
    if line.kind == ROMAN:
        return True
    return line.kind in (NUMBER, PLAIN) and _looks_heading(line) and line.folded.startswith(_END)


_NUMBER_LINE = re.compile(r"^Số\s*[:.]?\s*(?P<value>\d.*)$", re.IGNORECASE)
_NUMBER_INLINE = re.compile(r"\bsố\s+(?P<value>\d+\s*/\s*[\wĐđ]+(?:\s*-\s*[\wĐđ]+)*)", re.IGNORECASE)
_YEAR = re.compile(r"\bnăm\s+((?:19|20)\d{2})\b", re.IGNORECASE)
_ANY_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")


def read_header(plan: ImportedPlan, lines: list[PlanLine]) -> None:
    """Fill the plan's number, title and year from the lines before the content section."""
    plan.number = plan_number(lines)
    plan.title = plan_title(lines)
    plan.year = year_of(plan.title) if plan.title else None


def read_parts(plan: ImportedPlan, lines: list[PlanLine], content: PlanLine | None) -> None:
    """Fill the plan's date, legal bases, narrative sections, recipients and signer (see ``plan_parts``)."""
    plan.date = plan_date(lines[: _position(lines, content)])
    plan.bases = legal_bases(lines)
    plan.sections = narrative_sections(lines, content)
    plan.recipients, plan.signer_title, plan.signer = closing(lines)


_BLANK_NUMBER_LINE = re.compile(r"^Số\s*[:.]?\s*/", re.IGNORECASE)


def plan_number(lines: list[PlanLine]) -> str:
    """The document number ("479/QĐ-UBND") from the "Số:" line, else from "… Quyết định số …".

    A "Số: /KH-UBND" line (a draft, its number left blank for the office to fill) means no number yet:
    a number the text cites further down ("Kế hoạch số 125/KH-UBND của UBND tỉnh") is another paper's.
    """
    if any(_BLANK_NUMBER_LINE.match(line.text) for line in lines):
        return ""
    for line in lines:
        found = _NUMBER_LINE.match(line.text) or _NUMBER_INLINE.search(line.text)
        if found:
            value = re.sub(r"\s*([/-])\s*", r"\1", found["value"]).split()[0].rstrip(".,;")
            if "/" in value:
                return value
    return ""


def plan_title(lines: list[PlanLine]) -> str:
    """ "Kế hoạch …" from a "KẾ HOẠCH" heading and its summary line, or a "(Ban hành) Kế hoạch …" line."""
    texts = [ln.text for ln in lines if ln.text]
    for index, text in enumerate(texts):
        folded = heading_text(text).lower()
        start = folded.find("kế hoạch")
        if folded == "kế hoạch" and index + 1 < len(texts):
            return "Kế hoạch " + _lower_first(heading_text(texts[index + 1]))
        if start in (0, len("ban hành ")) and (start == 0 or folded.startswith("ban hành")) and len(text) < 250:
            return "Kế hoạch" + heading_text(text)[start + len("kế hoạch") :]
    return ""


def _lower_first(text: str) -> str:
    words = text.split(" ", 1)
    if words[0][:1].isupper() and not words[0].isupper():
        words[0] = words[0][:1].lower() + words[0][1:]
    return " ".join(words)


def year_of(text: str) -> int | None:
    """The year a title names ("… năm 2024"), or its only four-digit year; None if unclear."""
    found = _YEAR.findall(text)
    if found:
        return int(found[-1])
    years = set(_ANY_YEAR.findall(text))
    return int(years.pop()) if len(years) == 1 else None
