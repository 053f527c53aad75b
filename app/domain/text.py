"""Cleaning text on the way in: NFC, no stray control characters, tidy spaces."""

from __future__ import annotations

import unicodedata

_KEPT_CONTROLS = {"\n", "\t"}


def clean_text(text: str | None) -> str:
    """NFC text without control characters (newlines and tabs kept), trimmed."""
    if not text:
        return ""
    normal = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    kept = "".join(
        ch for ch in normal if ch in _KEPT_CONTROLS or unicodedata.category(ch) not in {"Cc", "Cf"}
    )
    return kept.strip()


def clean_line(text: str | None) -> str:
    """A one-line field (a name, a title): ``clean_text`` with every run of white space made one space."""
    return " ".join(clean_text(text).split())
