"""Areas and tasks out of the lines of a plan's content section.

Areas are the numbered headings ("1. Cải cách thể chế") or, when the section has
none, its lettered items ("a) Cải cách thể chế"). Inside an area the tasks are its
lettered (or "1.1") items; failing those its "-" bullets; failing those each
paragraph followed by labelled lines. A block of labelled lines belongs to the
task above it; when tasks are bullets, a closing block ("Bộ phận thực hiện: …")
belongs to every bullet since the previous block.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.importers.plan_fields import add_detail, extend_field, set_field
from app.importers.plan_lines import (
    BLANK,
    BULLET,
    LETTER,
    NUMBER,
    PLAIN,
    SUBNUMBER,
    PlanLine,
    continues,
    heading_text,
    read_label,
    read_labels,
)
from app.importers.plan_labels import trailing_labels
from app.importers.plan_model import ImportedTask
from app.importers.plan_vocabulary import is_subheading

PARAGRAPH = "paragraph"


@dataclass
class Area:
    """An area heading and the lines under it."""

    name: str
    line: int
    lines: list[PlanLine] = field(default_factory=list)
    unplaced: list[PlanLine] = field(default_factory=list)  # read, but belonging to no task


def split_areas(lines: list[PlanLine], fallback: str) -> list[Area]:
    """The section cut at its area headings; lines before the first heading are an introduction.

    Lettered items are areas only when the section has no numbered ones and its
    tasks are "-" bullets; otherwise they are the tasks of one ``fallback`` area.
    """
    kind = NUMBER if any(ln.kind == NUMBER for ln in lines) else LETTER
    bullets = any(ln.kind == BULLET and read_label(ln) is None for ln in lines)
    if not any(ln.kind == kind for ln in lines) or (kind == LETTER and not bullets):
        first = next((ln.number for ln in lines if ln.kind != BLANK), 0)
        return [Area(fallback, first, list(lines))]
    areas: list[Area] = []
    for line in lines:
        if line.kind == kind:
            areas.append(Area(heading_text(line.body), line.number))
        elif areas:
            areas[-1].lines.append(line)
    return areas


def is_subheading_line(line: PlanLine) -> bool:
    """A lettered or numbered item that heads a part of an area ("a) Mục tiêu", "c) Nhiệm vụ, giải pháp:")."""
    return line.kind in (LETTER, SUBNUMBER) and is_subheading(line.body)


def task_kind(area: Area) -> str:
    """Which lines start a task in this area (sub-headings such as "b) Chỉ tiêu: …" never do)."""
    kinds = {ln.kind for ln in area.lines if not is_subheading_line(ln)}
    for kind in (LETTER, SUBNUMBER):
        if kind in kinds:
            return kind
    if any(ln.kind == BULLET and read_label(ln) is None for ln in area.lines):
        return BULLET
    return PARAGRAPH


@dataclass
class _Reader:
    """The state of reading one area: its tasks, the open label group, the last text a broken line may continue."""

    area: str
    kind: str
    tasks: list[ImportedTask] = field(default_factory=list)
    group_start: int = 0
    labelled: bool = False
    last_field: str | None = None
    last_raw: str = ""
    pending: str | None = None  # a label whose value is on the next line


def read_area(area: Area) -> list[ImportedTask]:
    """The tasks of one area, each with the labelled lines that belong to it."""
    reader = _Reader(area.name, task_kind(area))
    lines = [ln for ln in area.lines if ln.kind != BLANK]
    for index, line in enumerate(lines):
        after = lines[index + 1] if index + 1 < len(lines) else None
        if _belongs_to_no_task(reader, line, after):
            if not _bare_subheading(line):
                area.unplaced.append(line)
            continue
        _read_one(reader, line, after)
        if reader.tasks:  # the original beside the reading, for the preview
            task = reader.tasks[-1]
            task.source = f"{task.source}\n{line.text}" if task.source else line.text
    return reader.tasks


def _belongs_to_no_task(reader: _Reader, line: PlanLine, after: PlanLine | None) -> bool:
    """A line before the area's first task, or a sub-heading with its own text ("b) Chỉ tiêu: 100% …")."""
    if is_subheading_line(line):
        return not _bare_subheading(line)
    return not reader.tasks and not _starts_task(reader, line, after)


def _bare_subheading(line: PlanLine) -> bool:
    """ "c) Nhiệm vụ, giải pháp:" — a sub-heading that only announces what follows."""
    return is_subheading_line(line) and not line.body.partition(":")[2].strip()


def _read_one(reader: _Reader, line: PlanLine, after: PlanLine | None) -> None:
    labels = read_labels(line)
    if reader.pending and labels is None and line.kind == PLAIN:
        _apply_label(reader, reader.pending, line.body)
    elif labels is not None:
        for label in labels:
            _apply_label(reader, *label)
        reader.last_raw = line.body  # as written, so a full stop at its end closes the field
    elif is_subheading_line(line):
        reader.last_field, reader.last_raw = "detail", ""
    elif _starts_task(reader, line, after):
        _start_task(reader, line)
    elif reader.tasks and continues(reader.last_raw, line):
        extend_field(reader.tasks[-1], reader.last_field, line.body)
        reader.last_raw = line.body
    elif reader.tasks:
        add_detail(reader.tasks[-1], line.text)
        reader.last_field, reader.last_raw = "detail", ""


def _starts_task(reader: _Reader, line: PlanLine, after: PlanLine | None) -> bool:
    if reader.kind != PARAGRAPH:
        return line.kind == reader.kind and not is_subheading_line(line)
    if line.kind != PLAIN or (reader.tasks and continues(reader.last_raw, line)):
        return False
    followed_by_label = after is not None and read_label(after) is not None
    return followed_by_label and (not reader.tasks or reader.labelled)


def _start_task(reader: _Reader, line: PlanLine) -> None:
    if reader.labelled or reader.kind != BULLET:
        reader.group_start = len(reader.tasks)
    reader.labelled = False
    title, labels = trailing_labels(line.body)
    reader.tasks.append(ImportedTask(area=reader.area, title=title, line=line.number))
    reader.last_field, reader.last_raw = None, line.body
    if labels:
        reader.group_start = len(reader.tasks) - 1
        for label in labels:
            _apply_label(reader, *label)
        reader.last_raw = line.body


def _apply_label(reader: _Reader, field_name: str, value: str) -> None:
    if not reader.tasks:
        return
    reader.pending = None if value else field_name
    for task in reader.tasks[reader.group_start :]:
        if value:
            set_field(task, field_name, value)
    reader.labelled = True
    reader.last_field, reader.last_raw = field_name, value

