"""Matching the criteria of one set to another's, for moving a year's scores onto the province's new set.

A province's set for the year often arrives after the commune began scoring on last year's (issue 18):
codes are renumbered, a criterion is split or dropped, names are retyped. Matches are proposed in
order of certainty, each new criterion taken once: the same code and the same name, then the same name
under another code, then the same code with a name close enough, then a name close enough. Names are
compared normalised (NFC, case-folded, whitespace collapsed, trailing punctuation dropped), never
diacritic-folded: "Công khai" and "Công khái" are different words. The clerk confirms every proposal.
Standard library only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

SAME, SAME_NAME, SAME_CODE, SIMILAR, NONE = "same", "name", "code", "similar", ""
HOW_LABELS = {SAME: "trùng mã và tên", SAME_NAME: "trùng tên, khác mã", SAME_CODE: "trùng mã, tên gần giống",
              SIMILAR: "tên gần giống", NONE: "không tìm thấy"}
CODE_NAME_LIKENESS = 0.6  # a shared code is trusted with a name this alike (renumbered sets reuse codes)
NAME_LIKENESS = 0.8  # without a shared code, the names must be this alike


@dataclass(frozen=True)
class Criterion:
    """A criterion as matching sees it: its id in its set, its code and its name."""

    id: int
    code: str
    name: str


@dataclass(frozen=True)
class Match:
    old: int
    new: int | None
    how: str


def normalised(name: str) -> str:
    """NFC, case-folded, whitespace collapsed, without the trailing punctuation a retyped name gains or loses."""
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", name or "")).strip().casefold()
    return text.rstrip(" .;:,")


def likeness(first: str, second: str) -> float:
    return SequenceMatcher(None, normalised(first), normalised(second)).ratio()


def propose(old: Sequence[Criterion], new: Sequence[Criterion]) -> tuple[Match, ...]:
    """One proposal per old criterion, in its order; a new criterion is proposed for at most one old one."""
    chosen: dict[int, Match] = {}
    taken: set[int] = set()
    for how, pairs in ((SAME, _same), (SAME_NAME, _same_name), (SAME_CODE, _same_code), (SIMILAR, _similar)):
        for old_item, new_item in pairs([o for o in old if o.id not in chosen], [n for n in new if n.id not in taken]):
            if old_item.id not in chosen and new_item.id not in taken:
                chosen[old_item.id] = Match(old_item.id, new_item.id, how)
                taken.add(new_item.id)
    return tuple(chosen.get(item.id, Match(item.id, None, NONE)) for item in old)


def unmatched_new(matches: Sequence[Match], new: Sequence[Criterion]) -> tuple[Criterion, ...]:
    """The new criteria no old one is moved onto (scored from nothing)."""
    used = {match.new for match in matches}
    return tuple(item for item in new if item.id not in used)


def _same(old, new):
    by_key = {(item.code, normalised(item.name)): item for item in new}
    return [(item, by_key[key]) for item in old if (key := (item.code, normalised(item.name))) in by_key]


def _same_name(old, new):
    """Only names that occur once on each side: two "Khác" criteria are no evidence of anything."""
    def unique(items):
        names: dict[str, list[Criterion]] = {}
        for item in items:
            names.setdefault(normalised(item.name), []).append(item)
        return {name: found[0] for name, found in names.items() if len(found) == 1}
    old_names, new_names = unique(old), unique(new)
    return [(item, new_names[name]) for name, item in old_names.items() if name in new_names]


def _same_code(old, new):
    by_code = {item.code: item for item in new}
    return [(item, by_code[item.code]) for item in old
            if item.code in by_code and likeness(item.name, by_code[item.code].name) >= CODE_NAME_LIKENESS]


def _similar(old, new):
    """Best pairs first, so a criterion split in two goes to the closer half."""
    scored = sorted(((likeness(o.name, n.name), index, o, n) for index, o in enumerate(old) for n in new),
                    key=lambda item: (-item[0], item[1]))
    return [(o, n) for ratio, _index, o, n in scored if ratio >= NAME_LIKENESS]
