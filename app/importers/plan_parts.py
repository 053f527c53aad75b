"""The rest of a plan around its tasks: date, legal bases, narrative sections, recipients and signer.

Read from the lines as the document lays them out (a Word header table or signature table
is read cell by cell, in order, so the same rules serve both): the date line "…, ngày 05
tháng 01 năm 2027", the "Căn cứ …" lines, each roman-numbered section other than the one
holding the tasks, the "Nơi nhận:" list, and after it the signer's role and name.
"""

from __future__ import annotations

import re
from datetime import date

from app.importers.plan_lines import BLANK, BULLET, ROMAN, PlanLine, heading_text, strip_end

_DATE = re.compile(r"ngày\s+(\d{1,2})\s*(?:tháng|/|-)\s*(\d{1,2})\s*(?:năm|/|-)\s*(\d{4})", re.IGNORECASE)
_DATE_LINE_MAX = 100
_NAME_WORDS = (2, 6)
_SIGNED = ("da ky", "ky ten", "ky, ghi ro ho ten")


def plan_date(lines: list[PlanLine]) -> str:
    """The date the plan was signed ("2027-01-05"), from its short date line; "" if none is found."""
    for line in lines:
        if len(line.text) > _DATE_LINE_MAX or line.opens_with("can cu"):
            continue
        found = _DATE.search(line.text)
        if found:
            try:
                return date(int(found[3]), int(found[2]), int(found[1])).isoformat()
            except ValueError:
                continue
    return ""


def legal_bases(lines: list[PlanLine]) -> list[str]:
    """The "Căn cứ …" lines, each without its closing ";" or "."."""
    return [strip_end(line.body) for line in lines if line.opens_with("can cu ")]


def narrative_sections(lines: list[PlanLine], content: PlanLine | None) -> list[dict]:
    """Each roman-numbered section but the one whose tasks were read: {"heading", "text"}."""
    sections: list[dict] = []
    current: list[str] | None = None
    for line in lines:
        if line.kind == ROMAN:
            current = None if line is content else []
            if current is not None:
                sections.append({"heading": heading_text(line.body), "text": current})
        elif line.opens_with("noi nhan"):
            current = None
        elif current is not None and line.kind != BLANK:
            current.append(line.text)
    return [{"heading": s["heading"], "text": "\n".join(s["text"])} for s in sections]


def closing(lines: list[PlanLine]) -> tuple[list[str], str, str]:
    """(recipients, signer's role, signer's name) from the "Nơi nhận:" list and the lines after it."""
    start = next((i for i, line in enumerate(lines) if line.opens_with("noi nhan")), None)
    if start is None:
        return [], "", ""
    recipients, index = [], start + 1
    inline = lines[start].body.partition(":")[2].strip()
    if inline:
        recipients.append(strip_end(inline))
    while index < len(lines) and lines[index].kind in (BULLET, BLANK):
        if lines[index].kind == BULLET:
            recipients.append(strip_end(lines[index].body))
        index += 1
    role, name = _signer(lines[index:])
    return recipients, role, name


def _signer(lines: list[PlanLine]) -> tuple[str, str]:
    """The role lines in capitals ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH") and the name that follows them."""
    roles: list[str] = []
    for line in lines[:8]:
        text = line.text.strip("*_ ")
        if not text or line.folded.strip("() ") in _SIGNED:
            continue
        if text.isupper():
            roles.append(text)
        elif roles and _looks_name(text):
            return " - ".join(roles), text
        elif roles:
            break
    return " - ".join(roles), ""


def _looks_name(text: str) -> bool:
    words = text.split()
    return _NAME_WORDS[0] <= len(words) <= _NAME_WORDS[1] and all(word[:1].isupper() for word in words)
