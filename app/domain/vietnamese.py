"""Vietnamese text: diacritic-free folding for search, and dictionary order for sorting.

Order follows the Vietnamese alphabet (a ă â b c d đ e ê g h i k l m n o ô ơ
p q r s t u ư v x y, with f j w z placed as in Latin for foreign words); letters
compare first, tones break ties in dictionary order: ngang, huyền, hỏi, ngã,
sắc, nặng. Keys are plain strings so any string comparison (Python, Qt's
proxy models, SQLite) sorts them correctly.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {letter: index for index, letter in enumerate(ALPHABET)}

# Combining marks that make a new letter (ă â ê ô ơ ư) versus those that carry a tone.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

_TONE_SEPARATOR = "\x01"
_GIVEN_NAME_SEPARATOR = "\x00"


def fold(text: str) -> str:
    """Lower-case, diacritic-free text for search: "Cải cách Đất" -> "cai cach dat"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.lower().split())


def _letter_and_tone(char: str) -> tuple[str, int]:
    decomposed = unicodedata.normalize("NFD", char.lower())
    base, marks = decomposed[:1], decomposed[1:]
    letter_marks = "".join(mark for mark in marks if mark in _LETTER_MARKS)
    tone = next((_TONES[mark] for mark in marks if mark in _TONES), 0)
    return unicodedata.normalize("NFC", base + letter_marks), tone


def collation_key(text: str) -> str:
    """A string whose plain order is Vietnamese dictionary order of ``text``."""
    keys = [_char_key(char) for char in " ".join(text.split())]
    return "".join(letter for letter, _ in keys) + _TONE_SEPARATOR + "".join(tone for _, tone in keys)


@lru_cache(maxsize=4096)
def _char_key(char: str) -> tuple[str, str]:
    """The letter's rank and the tone's rank of one character (cached: a text repeats its few dozen letters)."""
    letter, tone = _letter_and_tone(char)
    if letter in _RANK:
        rank = chr(0x100 + _RANK[letter])
    elif letter.isdigit():
        rank = chr(0x30 + int(letter)) if letter in "0123456789" else letter
    elif letter == " ":
        rank = " "
    else:
        rank = chr(0x200 + ord(letter)) if ord(letter) < 0xFD00 else letter
    return rank, chr(0x41 + tone)


def split_name(full_name: str) -> tuple[str, str]:
    """("Nguyễn Văn", "An") for "Nguyễn Văn An": the family and middle names, then the given name."""
    parts = full_name.split()
    if not parts:
        return "", ""
    return " ".join(parts[:-1]), parts[-1]


def name_key(full_name: str) -> str:
    """Sort key for a person's name: by given name, then family and middle names."""
    rest, given = split_name(full_name)
    return collation_key(given) + _GIVEN_NAME_SEPARATOR + collation_key(rest)


def by_folded_name(rows) -> dict:
    """``(id, name)`` pairs as folded name -> id; a name two share links to nobody (None), never to the wrong one."""
    found: dict = {}
    for row_id, name in rows:
        key = fold(name)
        found[key] = None if key in found else row_id
    return found
