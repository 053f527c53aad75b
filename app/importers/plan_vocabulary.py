"""Which task field a label or a table header names, from one vocabulary kept as data.

The words are in ``resources/defaults/plan_labels.json`` (its "note" says how they
match): text labels ("Cơ quan chủ trì: …") and table headers ("Đơn vị, cá nhân thực
hiện") are read by the same words, so the two never disagree, and a commune's new
label word is one line of data, not a new rule in code.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.domain.vietnamese import fold
from app.resources import load_json

MAX_LABEL_WORDS = 8


@lru_cache(maxsize=1)
def _vocabulary() -> dict:
    return load_json("defaults", "plan_labels.json")


def folded_words(text: str) -> str:
    """``text`` folded, punctuation made spaces, one space between words."""
    return " ".join(re.sub(r"[^\w\s]", " ", fold(text)).split())


def _strip_subjects(words: str) -> tuple[str, bool]:
    """The words without leading subject words ("cơ quan", "công chức" …), and whether there were any."""
    subjects = _vocabulary()["subjects"]
    stripped = False
    while True:
        found = next((s for s in subjects if words == s or words.startswith(s + " ")), None)
        if found is None:
            return words, stripped
        words, stripped = words[len(found):].strip(), True


def _parts(label: str) -> tuple[str, bool] | None:
    """The label's deciding words and whether subjects preceded them; None if a part before "," or "/" says more."""
    pieces = [folded_words(piece) for piece in re.split(r"[,/]", label)]
    pieces = [piece for piece in pieces if piece]
    if not pieces:
        return None
    for piece in pieces[:-1]:
        if _strip_subjects(piece)[0]:
            return None
    words, stripped = _strip_subjects(pieces[-1])
    return words, stripped or len(pieces) > 1


def _matches(entry: dict, words: str, after_subject: bool) -> bool:
    if words in entry.get("whole", ()):
        return True
    phrases = list(entry.get("starts", ())) + (list(entry.get("after_subject", ())) if after_subject else [])
    return any(words == phrase or words.startswith(phrase + " ") for phrase in phrases)


@lru_cache(maxsize=65536)  # a plan repeats its labels hundreds of times; folding each again was most of the time
def label_field(label: str, table: bool = False) -> str | None:
    """The field a label names ("Cơ quan chủ trì" -> "lead"), None if none; ``table`` for column headers.

    Fields: lead, coordinators, product, timeframe, target (text and tables); stt, title, note (tables only).
    """
    if len(label.split()) > 2 * MAX_LABEL_WORDS or len(folded_words(label).split()) > MAX_LABEL_WORDS:
        return None
    parts = _parts(label)
    if parts is None:  # "Phối hợp, theo dõi": the first part names the field, the rest adds to it
        first = re.split(r"[,/]", label, maxsplit=1)[0]
        return label_field(first, table) if first.strip() and first != label else None
    if not parts[0]:
        return None
    words, after_subject = parts
    for entry in _vocabulary()["fields"]:
        if entry.get("table_only") and not table:
            continue
        if _matches(entry, words, after_subject):
            return entry["field"]
    return _contained(words) if table else None


def _contained(words: str) -> str | None:
    """A header naming a field's phrase further in ("Nội dung, thời gian thực hiện" aside): first phrase found."""
    for entry in _vocabulary()["fields"]:
        for phrase in entry.get("starts", ()):
            if " " in phrase and f" {phrase} " in f" {words} ":
                return entry["field"]
    return None


@lru_cache(maxsize=65536)
def is_subheading(text: str) -> bool:
    """Whether an item's text before any ":" is a sub-heading word ("Mục tiêu", "Nhiệm vụ, giải pháp")."""
    head = text.split(":", 1)[0]
    if len(head.split()) > MAX_LABEL_WORDS:
        return False
    head = folded_words(head)
    return head in _vocabulary()["subheadings"]
