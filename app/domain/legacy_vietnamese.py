"""Legacy Vietnamese text (TCVN3/ABC ".Vn" fonts, VNI fonts): detect it and convert it to Unicode.

Old plans typed with ".VnTime" (TCVN3) or "VNI-Times" fonts arrive, once pasted or
read from a file, as Latin-1-looking text: "KÕ ho¹ch c¶i c¸ch" (TCVN3) or
"Keá hoaïch caûi caùch" (VNI) for "Kế hoạch cải cách". Detection converts every
word that carries a non-ASCII character both ways and counts how many become
well-formed Vietnamese syllables compared with the text as it stands; a legacy
encoding wins only when it turns clearly more words into Vietnamese.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

from app.domain.legacy_vietnamese_tables import TCVN3_TO_UNICODE, VNI_TO_UNICODE

UNICODE, TCVN3, VNI = "unicode", "tcvn3", "vni"

_TCVN3_TRANSLATION = str.maketrans(TCVN3_TO_UNICODE)
_VNI_PATTERN = re.compile(
    "|".join(re.escape(key) for key in sorted(VNI_TO_UNICODE, key=len, reverse=True))
)

# A word: a run of anything but white space, digits and ASCII punctuation (TCVN3
# letters such as "¸" or "·" are symbols in Latin-1, so they must stay inside words).
_WORD = re.compile(r"[^\s0-9!-/:-@\[-`{-~]+")
_EDGE_PUNCTUATION = "“”‘’…–—«»‹›„¿¡"

# Syllable shape: onset, vowel nucleus, final consonant (tone marks removed first).
_ONSET = "ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx]"
_NUCLEI = (
    "iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyê uyu "
    "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi ưu ươ yê "
    "a ă â e ê i o ô ơ u ư y"
).split()
_SYLLABLE = re.compile(
    rf"(?:{_ONSET})?(?:{'|'.join(_NUCLEI)})(?P<coda>ng|nh|ch|[cmnpt])?"
)
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_STOP_TONES = {"\u0301", "\u0323"}  # syllables ending in c, ch, p, t take only sắc or nặng

_MIN_GAIN = 2  # words that must turn Vietnamese before a legacy reading is believed
_MIN_SHARE = 0.5  # share of non-ASCII words that must read as Vietnamese
_MIN_ASCII_PRIOR = 0.5  # share of plain-ASCII words that must look Vietnamese too
_SAMPLE_WORDS = 4


@dataclass(frozen=True)
class Detection:
    """What a piece of text is encoded in, and the text converted for the clerk to check."""

    encoding: str  # "unicode" | "tcvn3" | "vni"
    confidence: float  # 0..1
    converted: str  # NFC Unicode text ("" when encoding == "unicode")
    sample: str  # a short "before → after" excerpt, e.g. "KÕ ho¹ch → Kế hoạch"


def tcvn3_to_unicode(text: str, *, restore_capitals: bool = True) -> str:
    """TCVN3 (ABC) text read as Latin-1 -> Unicode NFC: "KÕ ho¹ch" -> "Kế hoạch".

    TCVN3 has codes only for lower-case toned letters and for Ă Â Ê Ô Ơ Ư Đ; capitals
    with a tone were typed with a separate capital font (".VnTimeH") at the
    lower-case codes, so plain text loses them. The bytes are converted as they
    stand, except that with ``restore_capitals`` a word whose ASCII letters (two or
    more) are all capitals is upper-cased whole ("CéNG HOµ" -> "CỘNG HOÀ"), and so
    is a line with no lower-case ASCII letter where at least half of the words
    holding TCVN3 letters are such capital words ("X· TÞNH MINH" -> "XÃ TỊNH MINH").
    Elsewhere a lone capital before a toned letter stays as the bytes say ("ñY" -> "ủY").
    """
    converted = text.translate(_TCVN3_TRANSLATION)
    if restore_capitals:
        converted = "".join(
            line.upper() if _is_capital_line(line) else _WORD.sub(_upper_if_capital_word, line)
            for line in converted.splitlines(keepends=True)
        )
    return unicodedata.normalize("NFC", converted)


def vni_to_unicode(text: str) -> str:
    """VNI Windows text read as Windows-1252 -> Unicode NFC: "Keá hoaïch" -> "Kế hoạch"."""
    converted = _VNI_PATTERN.sub(lambda match: VNI_TO_UNICODE[match.group()], text)
    return unicodedata.normalize("NFC", converted)


_CONVERTERS = {TCVN3: tcvn3_to_unicode, VNI: vni_to_unicode}


def detect_legacy(text: str) -> Detection:
    """Decide whether ``text`` is Unicode, TCVN3 or VNI, converting it if legacy; never raises.

    Only words mixing ASCII letters with other characters are evidence. A legacy
    reading is chosen when it makes at least two more of them well-formed Vietnamese
    syllables than the text as it stands, when at least half of them read as
    Vietnamese after conversion, and when the plain-ASCII words look Vietnamese too
    (which keeps French "où" or German "über" from being read as VNI or TCVN3).
    """
    words = _WORD.findall(text) if isinstance(text, str) else []
    evidence = [word for word in words if _is_mixed(word)]
    if not evidence:
        return Detection(UNICODE, 1.0, "", "")
    as_is = sum(_reads_vietnamese(word) for word in evidence)
    best_name, best_valid = UNICODE, as_is
    for name, convert in _CONVERTERS.items():
        valid = sum(_reads_vietnamese(convert(word)) for word in evidence)
        if valid > best_valid:
            best_name, best_valid = name, valid
    share, gain = best_valid / len(evidence), best_valid - as_is
    legacy_confidence = share * (1 - 0.5**gain) if _ascii_prior_ok(words) else 0.0
    if best_name == UNICODE or gain < _MIN_GAIN or share < _MIN_SHARE or not legacy_confidence:
        confidence = max(as_is / len(evidence), 1 - legacy_confidence)
        return Detection(UNICODE, round(confidence, 3), "", "")
    convert = _CONVERTERS[best_name]
    return Detection(best_name, round(legacy_confidence, 3), convert(text), _sample(text, convert))


def _is_mixed(word: str) -> bool:
    """True for a word holding at least one ASCII letter and one non-ASCII character."""
    has_ascii_letter = any(ch.isascii() and ch.isalpha() for ch in word)
    return has_ascii_letter and any(ord(ch) > 127 for ch in word)


def _reads_vietnamese(word: str) -> bool:
    """True when ``word`` (quotes and dashes at its edges ignored) is one Vietnamese syllable."""
    bare = word.strip(_EDGE_PUNCTUATION)
    decomposed = unicodedata.normalize("NFD", bare.lower())
    tones = [ch for ch in decomposed if ch in _TONE_MARKS]
    if len(tones) > 1:
        return False
    letters = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    match = _SYLLABLE.fullmatch(letters)
    if match is None:
        return False
    if match.group("coda") in {"c", "ch", "p", "t"}:
        return bool(tones) and tones[0] in _STOP_TONES
    return True


def _ascii_prior_ok(words: list[str]) -> bool:
    """True unless the plain-ASCII words (three or more, abbreviations left out) mostly aren't Vietnamese."""
    plain = [
        word
        for word in words
        if word.isascii() and word.isalpha() and not (len(word) > 1 and word.isupper())
    ]
    if len(plain) < 3:
        return True
    return sum(_reads_vietnamese(word) for word in plain) / len(plain) >= _MIN_ASCII_PRIOR


def _ascii_letters(word: str) -> str:
    """The ASCII letters of ``word``."""
    return "".join(ch for ch in word if ch.isascii() and ch.isalpha())


def _is_capital_word(word: str) -> bool:
    """True for a word with two or more ASCII letters, all of them capitals."""
    letters = _ascii_letters(word)
    return len(letters) >= 2 and letters.isupper()


def _upper_if_capital_word(match: re.Match[str]) -> str:
    """Upper-case a converted TCVN3 word whose ASCII letters (two or more) are all capitals."""
    word = match.group()
    return word.upper() if _is_capital_word(word) else word


def _is_capital_line(line: str) -> bool:
    """True for a converted TCVN3 line typed in capitals: no lower-case ASCII letter, and at
    least half of the words holding converted vowels are capital words (đ/Đ alone, as in
    abbreviations like "LĐLĐ", is not counted)."""
    if _ascii_letters(line) != _ascii_letters(line).upper():
        return False
    converted = [
        word
        for word in _WORD.findall(line)
        if _ascii_letters(word) and not word.replace("đ", "").replace("Đ", "").isascii()
    ]
    capital = sum(_is_capital_word(word) for word in converted)
    return bool(converted) and 2 * capital >= len(converted)


def _sample(text: str, convert) -> str:
    """A few words around the first word the conversion changes, as "before → after"."""
    for match in _WORD.finditer(text):
        if convert(match.group()) != match.group():
            following = list(itertools.islice(_WORD.finditer(text, match.start()), _SAMPLE_WORDS))
            before = " ".join(text[match.start() : following[-1].end()].split())
            return f"{before} → {convert(before)}"
    return ""
