"""Cleaning text on the way in: NFC, no stray control characters, tidy spaces."""

from __future__ import annotations

import re
import unicodedata

_KEPT_CONTROLS = {"\n", "\t"}
_DROPPED = {"Cc", "Cf"}
# Every character whose category may be Cc or Cf (C0/C1 controls, soft hyphen, bidi and zero-width marks, BOM,
# tags …): only these are looked up one by one, so a long text costs one regex scan instead of a Python call per
# character. tests/app/domain/test_text.py checks the class covers every Cc/Cf character of this Python.
_SUSPECT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001-\U000e007f]"
)


def _drop_control(match: re.Match) -> str:
    return "" if unicodedata.category(match[0]) in _DROPPED else match[0]


def clean_text(text: str | None) -> str:
    """NFC text without control characters (newlines and tabs kept), trimmed."""
    if not text:
        return ""
    normal = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _SUSPECT.sub(_drop_control, normal).strip()


def clean_line(text: str | None) -> str:
    """A one-line field (a name, a title): ``clean_text`` with every run of white space made one space."""
    return " ".join(clean_text(text).split())
