"""Filling a task's fields from labelled lines: who leads, who coordinates, product, timeframe."""

from __future__ import annotations

import re

from app.domain.text import clean_line
from app.importers.plan_lines import COORDINATORS, LEAD, PRODUCT, TARGET, TIMEFRAME, strip_end
from app.importers.plan_model import ImportedTask

# "CC VP-TK phối hợp (với) các công chức liên quan": a lead that names its coordinators.
_LEAD_WITH_PARTNERS = re.compile(r"^(?P<lead>.+?)\s+phối hợp(?:\s+với)?\s+(?P<rest>.+)$", re.IGNORECASE)


def split_coordinators(value: str) -> list[str]:
    """Units named in a "Phối hợp" value: split on ";" and on "," only before a capitalised name.

    "Cán bộ, công chức có liên quan" and "tổ chức, cá nhân có liên quan" stay whole;
    "Công chức Tư pháp - Hộ tịch, Công chức Văn hóa - Xã hội" gives two units.
    """
    units: list[str] = []
    for part in _split_outside_brackets(value, ";"):
        units.extend(_split_named(part))
    return [unit for unit in (strip_end(clean_line(u)) for u in units) if unit]


def _split_outside_brackets(value: str, separator: str) -> list[str]:
    parts, depth, current = [], 0, []
    for char in value:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == separator and depth <= 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _split_named(part: str) -> list[str]:
    pieces = _split_outside_brackets(part, ",")
    units = [pieces[0]]
    for piece in pieces[1:]:
        stripped = piece.strip()
        if stripped[:1].isupper() and not stripped.startswith("..."):
            units.append(piece)
        else:
            units[-1] = units[-1] + "," + piece
    return units


def set_field(task: ImportedTask, field: str, value: str) -> None:
    """Put a labelled value into ``task``; a repeated label adds to what is there."""
    if field == LEAD:
        _set_lead(task, value)
    elif field == COORDINATORS:
        task.coordinators.extend(u for u in split_coordinators(value) if u not in task.coordinators)
    elif field == PRODUCT:
        task.product = _joined(task.product, strip_end(value))
    elif field == TIMEFRAME:
        task.timeframe = _joined(task.timeframe, strip_end(value))
    elif field == TARGET:
        add_detail(task, "Chỉ tiêu: " + value)


def _set_lead(task: ImportedTask, value: str) -> None:
    found = _LEAD_WITH_PARTNERS.match(strip_end(value))
    if found:
        value = found["lead"]
        task.coordinators.extend(split_coordinators(found["rest"]))
    task.lead = _joined(task.lead, strip_end(value))


def _joined(old: str, new: str) -> str:
    if not old:
        return new
    return old if not new or new == old else f"{old}; {new}"


def add_detail(task: ImportedTask, text: str) -> None:
    """Keep a line under the task that is not one of its labelled lines."""
    text = clean_line(text)
    if text:
        task.detail = f"{task.detail}\n{text}" if task.detail else text


def extend_field(task: ImportedTask, field: str | None, text: str) -> None:
    """Carry a field (or the title when ``field`` is None) on with a line broken mid-sentence."""
    text = clean_line(text)
    if field is None:
        task.title = f"{task.title} {text}"
    elif field == LEAD:
        task.lead = strip_end(f"{task.lead} {text}")
    elif field == PRODUCT:
        task.product = strip_end(f"{task.product} {text}")
    elif field == TIMEFRAME:
        task.timeframe = strip_end(f"{task.timeframe} {text}")
    elif field == COORDINATORS and task.coordinators:
        task.coordinators[-1] = strip_end(f"{task.coordinators[-1]} {text}")
    else:
        add_detail(task, text)

