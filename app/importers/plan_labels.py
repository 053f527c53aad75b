"""Labelled text: one or several "label: value" pairs on a line, or in brackets after a task's sentence.

"Cơ quan chủ trì: …; cơ quan phối hợp: …; sản phẩm: …; thời hạn: …" is one line of four
labels, separated by ";", "." or ","; "- Rà soát … (Chủ trì: …; phối hợp: …)." carries its
labels in brackets. A value may itself hold ";", "," or "." ("Quý I/2024 ban hành kế
hoạch; định kỳ báo cáo"): a line is cut only where a known label (see ``plan_vocabulary``)
stands before a colon, never at every separator.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.importers.plan_vocabulary import label_field

Label = tuple[str, str]  # (field, value)

_COLON = re.compile(r"[:：]")
_HARD = re.compile(r";|\.\s")  # a label never spans these
_SOFT = re.compile(r",|\s[-–]\s")  # a label may start after these ("…, phối hợp: …", "… - Thời hạn: …")
_SENTENCE_END = re.compile(r"[.;]\s+|\s[-–]\s")


def _value(text: str) -> str:
    """A value without the separator that ended it (one ";", "," or "." — an ellipsis is kept)."""
    value = re.sub(r"\s+[-–]$", "", " ".join(text.split()))  # "… Thống kê - Phối hợp: …" cut before the dash
    if value.endswith((";", ",")) or (value.endswith(".") and not value.endswith("..")):
        value = value[:-1].rstrip()
    return value


def _hard_start(text: str, floor: int, colon: int) -> tuple[int, bool]:
    """Where a label before ``colon`` may begin at the earliest (after the last ";", ". " or unclosed "("),
    and whether such a separator was found (else the label could begin anywhere after ``floor``)."""
    start, hard = floor, False
    for found in _HARD.finditer(text, floor, colon):
        start, hard = found.end(), True
    depth_open = [i for i in range(start, colon) if text[i] == "("]
    for index in reversed(depth_open):
        if ")" not in text[index:colon]:
            return index + 1, True
    return start, hard


def _label_before(text: str, floor: int, colon: int) -> tuple[int, str] | None:
    """(start, field) of the known label ending at ``colon``, trying "," and " - " cuts.

    The line's first label, or one after a ";" or ". ", is the longest ("Đơn vị, cá nhân thực hiện");
    one after only "," is the shortest, so "Chủ trì: Các công chức chuyên môn, sản phẩm: …" keeps
    the lead's words in the lead.
    """
    start, hard = _hard_start(text, floor, colon)
    candidates = [start] + [found.end() for found in _SOFT.finditer(text, start, colon)]
    if floor and not hard:
        candidates.reverse()
    for candidate in candidates:
        label = text[candidate:colon]
        if not label.strip():
            continue
        field = label_field(label)
        if field is not None:
            return candidate, field
    return None


@lru_cache(maxsize=65536)  # every section candidate reads the same lines again
def _split_labels(text: str) -> tuple[Label, ...] | None:
    labels = _labels_of(text)
    return tuple(labels) if labels is not None else None


def split_labels(text: str) -> list[Label] | None:
    """Every (field, value) of a text that opens with a known label; None if it does not open with one."""
    labels = _split_labels(text)
    return list(labels) if labels is not None else None


def _labels_of(text: str) -> list[Label] | None:
    """Every (field, value) of a text that opens with a known label; None if it does not open with one."""
    found: list[tuple[str, int, int]] = []  # field, label start, value start
    floor = 0
    for colon in (match.start() for match in _COLON.finditer(text)):
        label = _label_before(text, floor, colon)
        if label is None:
            continue
        start, field = label
        if not found and text[:start].strip(" -–+•*\t"):
            return None
        found.append((field, start, colon + 1))
        floor = colon + 1
    if not found:
        return None
    ends = [start for _field, start, _value_start in found[1:]] + [len(text)]
    return [(field, _value(text[value_start:end])) for (field, _start, value_start), end in zip(found, ends)]


def trailing_labels(sentence: str) -> tuple[str, list[Label]]:
    """A task's sentence without the labels written after it, and those labels.

    "Rà soát … (Chủ trì: X; phối hợp: Y)." and "Rà soát …. Chủ trì: X; phối hợp: Y." both give
    ("Rà soát …", [("lead", "X"), ("coordinators", "Y")]); a sentence without labels comes back whole.
    """
    body = sentence.rstrip().rstrip(".;").rstrip()
    if body.endswith(")"):
        opening = _opening_bracket(body)
        if opening is not None:
            labels = split_labels(body[opening + 1 : -1])
            if labels:
                return body[:opening].rstrip(" ,;:-"), labels
    for boundary in _SENTENCE_END.finditer(sentence):
        labels = split_labels(sentence[boundary.end():])
        if labels:
            return sentence[: boundary.start() + 1].rstrip(), labels
    return sentence, []


def _opening_bracket(body: str) -> int | None:
    depth = 0
    for index in range(len(body) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(body[index], 0)
        if depth == 0:
            return index
    return None
