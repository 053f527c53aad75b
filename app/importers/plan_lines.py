"""One line of a plan: markup removed, its marker (I., 1., a), -) and whether it is a labelled line.

Plans come from Word through many hands: bold markers (**), heading hashes,
stray dashes before "e)", "-Thực hiện" without a space, labels in bold. Labels
are recognised by the folded words of ``plan_vocabulary``, never by a plan's exact words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from app.domain.text import clean_line
from app.domain.vietnamese import fold
from app.importers.plan_labels import split_labels

ROMAN = "roman"  # I. II. III.
NUMBER = "number"  # 1. 2)
SUBNUMBER = "subnumber"  # 1.1. 2.3
LETTER = "letter"  # a) đ)
BULLET = "bullet"  # - + •
PLAIN = "plain"
BLANK = "blank"

LEAD, COORDINATORS, PRODUCT, TIMEFRAME, TARGET = "lead", "coordinators", "product", "timeframe", "target"

_HASHES = re.compile(r"^\s*#{1,6}\s*")
_EMPHASIS = re.compile(r"\*{2,3}|__")
_ROMAN = re.compile(r"^(?P<m>[IVX]{1,5})\s*[.)/]\s*(?P<b>\S.*)$")
_NUMBER = re.compile(r"^(?P<m>\d{1,2})\s*[.)]\s*(?P<b>[^\d\s].*)$")
_SUBNUMBER = re.compile(r"^(?P<m>\d{1,2}\.\d{1,2})\.?\)?\s+(?P<b>\S.*)$")
_LETTER = re.compile(r"^(?P<m>[a-zđ])\s*\)\s*(?P<b>\S.*)$")
_BULLET = re.compile(r"^(?P<m>[-–—+•·▪◦*])\s*(?P<b>\S.*)$")


@dataclass(frozen=True)
class PlanLine:
    """A cleaned source line: ``kind`` of marker, ``body`` after the marker, ``emphasized`` if bold or a heading."""

    number: int
    text: str
    kind: str
    marker: str
    body: str
    emphasized: bool = False

    @cached_property  # asked of every line by several readers; folding is the costly part of a long plan
    def folded(self) -> str:
        """The body, folded, for keyword matching."""
        return fold(self.body)

    def opens_with(self, folded_prefix: str) -> bool:
        """Whether the body, folded, starts with ``folded_prefix`` (folding only the start of a long line)."""
        return fold(self.body[: len(folded_prefix) + 8]).startswith(folded_prefix)


def strip_markup(raw: str) -> tuple[str, bool]:
    """The line without markdown emphasis or heading hashes, and whether it had any."""
    line = clean_line(raw)
    emphasized = bool(_HASHES.match(line)) or bool(_EMPHASIS.search(line))
    line = _EMPHASIS.sub("", _HASHES.sub("", line))
    if len(line) > 1 and line.startswith("*") and line.endswith("*") and not line.startswith("* "):
        line = line.strip("*")
    line = line.replace("\\", "") if line.endswith("\\") else line
    return clean_line(line), emphasized


def read_line(number: int, raw: str) -> PlanLine:
    """Classify one source line by its leading marker; a dash before "e)" is dropped."""
    text, emphasized = strip_markup(raw)
    if not text:
        return PlanLine(number, "", BLANK, "", "", emphasized)
    for kind, pattern in ((ROMAN, _ROMAN), (SUBNUMBER, _SUBNUMBER), (NUMBER, _NUMBER), (LETTER, _LETTER)):
        found = pattern.match(text)
        if found:
            return PlanLine(number, text, kind, found["m"], clean_line(found["b"]), emphasized)
    bullet = _BULLET.match(text)
    if bullet:
        inner = _LETTER.match(bullet["b"])
        if inner:
            return PlanLine(number, text, LETTER, inner["m"], clean_line(inner["b"]), emphasized)
        return PlanLine(number, text, BULLET, bullet["m"], clean_line(bullet["b"]), emphasized)
    return PlanLine(number, text, PLAIN, "", text, emphasized)


def read_labels(line: PlanLine) -> list[tuple[str, str]] | None:
    """Every (field, value) of a labelled line such as "- Chủ trì: …; phối hợp: …", or None if it is not one."""
    if line.kind not in (BULLET, PLAIN):
        return None
    return split_labels(line.body)


def read_label(line: PlanLine) -> tuple[str, str] | None:
    """The first (field, value) of a labelled line, or None if it is not one."""
    labels = read_labels(line)
    return labels[0] if labels else None


def strip_end(value: str) -> str:
    """A field's value without one trailing full stop or semicolon (an ellipsis is kept)."""
    value = value.strip()
    if value.endswith((";", ",")) or (value.endswith(".") and not value.endswith("..")):
        value = value[:-1].rstrip()
    return value


def heading_text(body: str) -> str:
    """An area heading without its trailing colon or full stop."""
    return clean_line(body).rstrip(" :.;")


def ends_sentence(text: str) -> bool:
    """Whether a text ends like a finished sentence or clause (so the next line is not its continuation)."""
    return text.rstrip().endswith((".", ";", ":", "!", "?"))


WRAPPED = 60  # a line this long that ends mid-sentence was cut by a fixed width (a PDF copy, an e-mail)


def continues(previous: str, line: PlanLine) -> bool:
    """Whether ``line`` carries on ``previous`` broken mid-sentence: it starts in lower case or with a digit,
    or ``previous`` is a long line cut without an end (a hard-wrapped text, where the next word may be a name)."""
    if not previous or line.kind != PLAIN or ends_sentence(previous):
        return False
    first = line.body[:1]
    return first.islower() or first.isdigit() or first in "(&" or len(previous) >= WRAPPED
