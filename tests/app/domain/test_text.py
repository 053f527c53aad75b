"""Text cleaning on the way in."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from app.domain.text import clean_line, clean_text


def test_decomposed_text_becomes_nfc():
    """Text pasted in decomposed form (NFD) is stored composed (NFC)."""
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    assert clean_text(decomposed) == "Nguyễn Thị Ánh"
    assert unicodedata.is_normalized("NFC", clean_text(decomposed))


def test_control_characters_are_removed_but_newlines_kept():
    """Stray control and zero-width characters from other editors go; line breaks stay."""
    assert clean_text("Dòng\u200b một\x07\r\nDòng hai\x00") == "Dòng một\nDòng hai"


def test_clean_line_collapses_white_space():
    assert clean_line("  Trần\tVăn \n Hùng ") == "Trần Văn Hùng"


def test_none_becomes_empty():
    assert clean_text(None) == "" and clean_line(None) == ""


@given(st.text())
def test_cleaning_is_idempotent(text):
    """Cleaning twice changes nothing more than cleaning once."""
    once = clean_line(text)
    assert clean_line(once) == once


def test_every_control_and_format_character_is_dropped():
    """clean_text's quick scan covers every Cc/Cf character of this Python's Unicode (newline and tab kept)."""
    import sys
    import unicodedata

    dropped = [chr(c) for c in range(sys.maxunicode + 1)
               if unicodedata.category(chr(c)) in ("Cc", "Cf") and chr(c) not in "\n\t\r"]
    assert clean_text("a" + "".join(dropped) + "b") == "ab"
    assert clean_text("a\tb\nc\u00e0") == "a\tb\nc\u00e0"
