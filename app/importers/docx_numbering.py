"""The "1.", "a)", "-" that Word draws for automatically numbered paragraphs, which are not in their text.

A clerk's plan numbers its areas and letters its tasks with Word's list numbering
more often than by typing; without the markers the parser could not tell an area
from a task. Counters follow the document's numbering definitions (numbering.xml).
"""

from __future__ import annotations

import re

from docx.oxml.ns import qn

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(number: int) -> str:
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def _letter(number: int) -> str:
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def format_number(fmt: str, number: int) -> str:
    """One level's counter in Word's format (decimal, lowerLetter, upperRoman, …)."""
    if fmt == "lowerLetter":
        return _letter(number)
    if fmt == "upperLetter":
        return _letter(number).upper()
    if fmt == "lowerRoman":
        return _roman(number).lower()
    if fmt == "upperRoman":
        return _roman(number)
    return str(number)


class Numbering:
    """Turns a paragraph's numbering properties into the marker Word shows before it."""

    def __init__(self, document) -> None:
        self._levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (AttributeError, KeyError, NotImplementedError):
            return
        abstract = {a.get(qn("w:abstractNumId")): a for a in root.findall(qn("w:abstractNum"))}
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is not None and ref.get(qn("w:val")) in abstract:
                self._levels[num.get(qn("w:numId"))] = _levels_of(abstract[ref.get(qn("w:val"))])

    def marker(self, paragraph, style) -> str:
        """"1.", "a)", "-" or "" for a paragraph of ``style``, advancing the list's counters."""
        num_id, level = _num_props(paragraph, style)
        levels = self._levels.get(num_id)
        if levels is None or level not in levels:
            return ""
        fmt, text, _start = levels[level]
        if fmt == "bullet":
            return "-"
        counters = self._counters.setdefault(num_id, {})
        counters[level] = counters.get(level, levels[level][2] - 1) + 1
        for deeper in [lvl for lvl in counters if lvl > level]:
            del counters[deeper]
        return re.sub(r"%(\d)", lambda m: self._part(num_id, int(m[1]) - 1), text).strip()

    def _part(self, num_id: str, level: int) -> str:
        levels = self._levels[num_id]
        if level not in levels:
            return ""
        count = self._counters[num_id].get(level, levels[level][2])
        return format_number(levels[level][0], count)


def _levels_of(abstract) -> dict[int, tuple[str, str, int]]:
    levels = {}
    for lvl in abstract.findall(qn("w:lvl")):
        fmt, text, start = lvl.find(qn("w:numFmt")), lvl.find(qn("w:lvlText")), lvl.find(qn("w:start"))
        levels[int(lvl.get(qn("w:ilvl"), "0"))] = (
            fmt.get(qn("w:val"), "decimal") if fmt is not None else "decimal",
            text.get(qn("w:val"), "") if text is not None else "",
            int(start.get(qn("w:val"), "1")) if start is not None else 1,
        )
    return levels


def _num_props(paragraph, style) -> tuple[str | None, int]:
    """The list and level of a paragraph: its own numbering, else its style's (List Number, List Bullet …)."""
    num_pr = _own_num_pr(paragraph._p.pPr)
    while num_pr is None and style is not None:
        num_pr = _own_num_pr(style.element.pPr)
        style = style.base_style
    if num_pr is None:
        return None, 0
    level = num_pr.ilvl.val if num_pr.ilvl is not None else 0
    return str(num_pr.numId.val), int(level)


def _own_num_pr(ppr):
    num_pr = ppr.numPr if ppr is not None else None
    return num_pr if num_pr is not None and num_pr.numId is not None else None
