"""Character tables for the legacy Vietnamese encodings TCVN3 (ABC) and VNI Windows.

Both tables are keyed by the text a legacy document shows when its bytes are read
as Latin-1 / Windows-1252 (which is what a paste or a .docx gives us), and map to
Unicode NFC. Rows list the twelve Vietnamese vowels, each with its six tones in
the order: no tone, sắc (acute), huyền (grave), hỏi (hook), ngã (tilde), nặng (dot).
"""

from __future__ import annotations

import unicodedata

VOWELS = "aăâeêioôơuưy"

# TCVN 5712:1993, the VN3 repertoire used by the ABC ".Vn" fonts. One code point per
# lower-case letter; capitals with a tone have no code of their own (they are typed
# with the ".VnTimeH" capital fonts at the lower-case code points).
_TCVN3_ROWS = {
    "a": "a\xb8\xb5\xb6\xb7\xb9",
    "ă": "\xa8\xbe\xbb\xbc\xbd\xc6",
    "â": "\xa9\xca\xc7\xc8\xc9\xcb",
    "e": "e\xd0\xcc\xce\xcf\xd1",
    "ê": "\xaa\xd5\xd2\xd3\xd4\xd6",
    "i": "i\xdd\xd7\xd8\xdc\xde",
    "o": "o\xe3\xdf\xe1\xe2\xe4",
    "ô": "\xab\xe8\xe5\xe6\xe7\xe9",
    "ơ": "\xac\xed\xea\xeb\xec\xee",
    "u": "u\xf3\xef\xf1\xf2\xf4",
    "ư": "\xad\xf8\xf5\xf6\xf7\xf9",
    "y": "y\xfd\xfa\xfb\xfc\xfe",
}
_TCVN3_EXTRA = {
    "\xae": "đ",
    "\xa1": "Ă",
    "\xa2": "Â",
    "\xa3": "Ê",
    "\xa4": "Ô",
    "\xa5": "Ơ",
    "\xa6": "Ư",
    "\xa7": "Đ",
}

# VNI Windows: a base ASCII vowel followed by a marker for the vowel's hat and tone;
# ơ ư đ and most forms of i are single characters, ỵ too. Capitals use the
# upper-case form of every character (marker included).
_VNI_ROWS = {
    "a": ("a", "aù", "aø", "aû", "aõ", "aï"),
    "ă": ("aê", "aé", "aè", "aú", "aü", "aë"),
    "â": ("aâ", "aá", "aà", "aå", "aã", "aä"),
    "e": ("e", "eù", "eø", "eû", "eõ", "eï"),
    "ê": ("eâ", "eá", "eà", "eå", "eã", "eä"),
    "i": ("i", "í", "ì", "æ", "ó", "ò"),
    "o": ("o", "où", "oø", "oû", "oõ", "oï"),
    "ô": ("oâ", "oá", "oà", "oå", "oã", "oä"),
    "ơ": ("ô", "ôù", "ôø", "ôû", "ôõ", "ôï"),
    "u": ("u", "uù", "uø", "uû", "uõ", "uï"),
    "ư": ("ö", "öù", "öø", "öû", "öõ", "öï"),
    "y": ("y", "yù", "yø", "yû", "yõ", "î"),
}

_TONE_MARKS = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")


def _toned(vowel: str) -> list[str]:
    """The six NFC forms of ``vowel``: no tone, sắc, huyền, hỏi, ngã, nặng."""
    return [unicodedata.normalize("NFC", vowel + mark) for mark in _TONE_MARKS]


def _build_tcvn3() -> dict[str, str]:
    """Legacy character -> Unicode letter for TCVN3 (only characters that change)."""
    table = dict(_TCVN3_EXTRA)
    for vowel, codes in _TCVN3_ROWS.items():
        for code, letter in zip(codes, _toned(vowel)):
            if code != letter:
                table[code] = letter
    return table


def _build_vni() -> dict[str, str]:
    """Legacy sequence -> Unicode letter for VNI, lower and upper case."""
    table = {"ñ": "đ", "Ñ": "Đ"}
    for vowel, sequences in _VNI_ROWS.items():
        for sequence, letter in zip(sequences, _toned(vowel)):
            if sequence != letter:
                table[sequence] = letter
                table[sequence.upper()] = letter.upper()
    return table


TCVN3_TO_UNICODE: dict[str, str] = _build_tcvn3()
VNI_TO_UNICODE: dict[str, str] = _build_vni()
