"""Legacy Vietnamese encodings (TCVN3/ABC and VNI): detection and conversion to Unicode."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.legacy_vietnamese import (
    Detection,
    detect_legacy,
    tcvn3_to_unicode,
    vni_to_unicode,
)
from app.domain.legacy_vietnamese_tables import TCVN3_TO_UNICODE, VNI_TO_UNICODE

SEED = next((Path(__file__).parents[2] / "fixtures" / "seeds").glob("002_*.txt"))

VOWELS = "aăâeêioôơuưy"
TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # ngang sắc huyền hỏi ngã nặng
LOWER_LETTERS = [unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES] + ["đ"]
UPPER_LETTERS = [letter.upper() for letter in LOWER_LETTERS]
TCVN3_DISTINCT_CAPITALS = "ĂÂÊÔƠƯĐ"


# --- test encoders (Unicode -> legacy), written independently of the decoding tables ---

_VNI_TONE = {"": "", "\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_VNI_HAT_TONE = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
_VNI_BREVE_TONE = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
_VNI_I = {"": "i", "\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def _vni_letter(letter: str) -> str:
    """One Unicode letter in VNI Windows, built from the VNI composition rules."""
    if letter in "đĐ":
        return "ñ" if letter == "đ" else "Ñ"
    decomposed = unicodedata.normalize("NFD", letter.lower())
    base, marks = decomposed[0], decomposed[1:]
    if base not in "aeiouy":
        return letter
    tone = next((m for m in marks if m in _VNI_TONE and m), "")
    hat = next((m for m in marks if m in "\u0302\u0306\u031b"), "")
    if base == "i":
        encoded = _VNI_I[tone]
    elif base == "y" and tone == "\u0323":
        encoded = "î"
    elif hat == "\u0302":
        encoded = base + _VNI_HAT_TONE[tone]
    elif hat == "\u0306":
        encoded = base + _VNI_BREVE_TONE[tone]
    elif hat == "\u031b":
        encoded = ("ô" if base == "o" else "ö") + _VNI_TONE[tone]
    else:
        encoded = base + _VNI_TONE[tone]
    return encoded.upper() if letter.isupper() else encoded


def encode_vni(text: str) -> str:
    """Unicode text as a VNI document shows it when read as Windows-1252."""
    return "".join(_vni_letter(ch) for ch in unicodedata.normalize("NFC", text))


_TCVN3_FROM_UNICODE = {letter: code for code, letter in TCVN3_TO_UNICODE.items()}


def encode_tcvn3(text: str) -> str:
    """Unicode text as TCVN3 read as Latin-1; toned capitals take the lower-case code (".VnTimeH")."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in _TCVN3_FROM_UNICODE:
            out.append(_TCVN3_FROM_UNICODE[ch])
        else:
            out.append(_TCVN3_FROM_UNICODE.get(ch.lower(), ch))
    return "".join(out)


def seed_sentences() -> list[str]:
    """Body sentences from the real commune decision, markdown stripped."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    return [
        re.sub(r"[*#]", "", line).strip()
        for line in lines
        if line.startswith(("*Căn cứ", "**Điều"))
    ]


# --- the tables against the standards ---


def test_tcvn3_decodes_well_known_strings():
    """Strings every Vietnamese office has seen in .VnTime decode to the right Unicode."""
    assert tcvn3_to_unicode("KÕ ho¹ch c¶i c¸ch hµnh chÝnh") == "Kế hoạch cải cách hành chính"
    assert tcvn3_to_unicode("Céng hoµ x· héi chñ nghÜa ViÖt Nam") == "Cộng hoà xã hội chủ nghĩa Việt Nam"
    assert tcvn3_to_unicode("§éc lËp - Tù do - H¹nh phóc") == "Độc lập - Tự do - Hạnh phúc"
    assert tcvn3_to_unicode("®i ®Õn") == "đi đến"


def test_tcvn3_code_points_of_the_a_row():
    """TCVN3 codes 0xB5..0xB9 are à ả ã á ạ, 0xA8/0xA9 are ă/â, 0xA7/0xAE are Đ/đ."""
    assert tcvn3_to_unicode("\xb5\xb6\xb7\xb8\xb9\xa8\xa9\xa7\xae") == "àảãáạăâĐđ"


def test_vni_decodes_well_known_strings():
    """Strings every Vietnamese office has seen in VNI-Times decode to the right Unicode."""
    assert vni_to_unicode("Keá hoaïch caûi caùch haønh chính") == "Kế hoạch cải cách hành chính"
    assert vni_to_unicode("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam") == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert vni_to_unicode("Ñoäc laäp - Töï do - Haïnh phuùc") == "Độc lập - Tự do - Hạnh phúc"
    assert vni_to_unicode("COÄNG HOØA XAÕ HOÄI") == "CỘNG HÒA XÃ HỘI"


def test_tables_cover_every_vietnamese_letter():
    """Every non-ASCII Vietnamese letter is the image of some legacy code in both tables."""
    non_ascii = {letter for letter in LOWER_LETTERS + UPPER_LETTERS if not letter.isascii()}
    assert len(non_ascii) == 134
    assert non_ascii <= set(VNI_TO_UNICODE.values()) | {"í", "ì", "Í", "Ì"}
    tcvn3_expected = {letter for letter in LOWER_LETTERS if not letter.isascii()}
    tcvn3_expected |= set(TCVN3_DISTINCT_CAPITALS)
    assert tcvn3_expected <= set(TCVN3_TO_UNICODE.values()) | {"ý"}


# --- round trips ---


@pytest.mark.parametrize("letter", LOWER_LETTERS + UPPER_LETTERS)
def test_vni_round_trip_of_every_letter(letter):
    """All 72 vowel forms (12 vowels × 6 tones) and đ, in both cases, survives VNI encode then decode."""
    word = f"t{letter}n"
    assert vni_to_unicode(encode_vni(word)) == word


@pytest.mark.parametrize("letter", LOWER_LETTERS + list(TCVN3_DISTINCT_CAPITALS))
def test_tcvn3_round_trip_of_every_encodable_letter(letter):
    """Each lower-case letter and each capital TCVN3 codes distinctly survives encode then decode."""
    word = f"t{letter}n"
    assert tcvn3_to_unicode(encode_tcvn3(word), restore_capitals=False) == word


def test_tcvn3_toned_capitals_come_back_lower_case():
    """A toned capital has no TCVN3 code of its own, so the bytes give back the lower-case letter."""
    assert tcvn3_to_unicode(encode_tcvn3("Ủy ban"), restore_capitals=False) == "ủy ban"


def test_tcvn3_restores_capitals_of_a_capital_line():
    """A heading typed in capitals comes back in capitals, short words like "XÃ" included."""
    encoded = encode_tcvn3("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nỦY BAN NHÂN DÂN")
    assert encoded == "CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM\nñY BAN NH¢N D¢N"
    assert tcvn3_to_unicode(encoded) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nỦY BAN NHÂN DÂN"


def test_tcvn3_restores_capitals_of_capital_words_in_a_normal_line():
    """In a normal line only words with two or more ASCII capitals are upper-cased."""
    assert tcvn3_to_unicode("Th\xadêng trùc H§ND vµ ñY ban") == "Thường trực HĐND và ủY ban"


def test_tcvn3_line_of_abbreviations_is_not_upper_cased():
    """A line of abbreviations with one toned word ("Sè: 15/KH-UBND") keeps the word's lower case."""
    assert tcvn3_to_unicode("Sè: 15/KH-UBND") == "Số: 15/KH-UBND"
    assert tcvn3_to_unicode("Sè: 135 /KH - L§L§") == "Số: 135 /KH - LĐLĐ"


@pytest.mark.parametrize("sentence", seed_sentences())
def test_seed_sentence_in_vni_is_detected_and_restored(sentence):
    """A real plan sentence typed in VNI is detected as VNI and converted back exactly."""
    result = detect_legacy(encode_vni(sentence))
    assert result.encoding == "vni" and result.confidence >= 0.8
    assert result.converted == sentence


@pytest.mark.parametrize("sentence", seed_sentences())
def test_seed_sentence_in_tcvn3_is_detected_and_restored(sentence):
    """A real plan sentence typed in TCVN3 is detected as TCVN3 and converted back exactly."""
    result = detect_legacy(encode_tcvn3(sentence))
    assert result.encoding == "tcvn3" and result.confidence >= 0.8
    assert result.converted == sentence


def test_seed_sentences_exist():
    """The seed file still gives the round-trip tests sentences to work on."""
    assert len(seed_sentences()) >= 5


def test_whole_paragraph_round_trip_is_nfc():
    """A multi-line paragraph converts back to the same NFC text through either encoding."""
    paragraph = "\n".join(seed_sentences())
    for encode, name in ((encode_tcvn3, "tcvn3"), (encode_vni, "vni")):
        result = detect_legacy(encode(paragraph))
        assert (result.encoding, result.converted) == (name, paragraph)
        assert unicodedata.is_normalized("NFC", result.converted)


@pytest.mark.parametrize(
    "text",
    [
        "Số: 15/KH-UBND, Quý I/2024: hoàn thành 100% nhiệm vụ (trước 30/3).",
        "Kế hoạch số 07/KH-UBND ngày 04/01/2024 về cải cách hành chính; Quý II/2024.",
    ],
)
def test_numbers_and_punctuation_survive_both_conversions(text):
    """Document numbers, dates, percentages and brackets come through conversion untouched."""
    assert detect_legacy(encode_vni(text)).converted == text
    assert detect_legacy(encode_tcvn3(text)).converted == text


def test_sample_shows_before_and_after():
    """The sample shows the clerk the first converted words next to their Unicode form."""
    result = detect_legacy("KÕ ho¹ch c¶i c¸ch hµnh chÝnh n¨m 2024")
    assert result.sample == "KÕ ho¹ch c¶i c¸ch → Kế hoạch cải cách"


# --- text that must be left alone ---


@pytest.mark.parametrize(
    "text",
    seed_sentences()[:3]
    + [
        "Kế hoạch cải cách hành chính năm 2024 xã Tịnh Minh",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc",
        "ở đó ý kiến",
    ],
)
def test_unicode_vietnamese_stays_unicode(text):
    """Genuine Unicode Vietnamese is recognised as Unicode with full confidence and no conversion."""
    assert detect_legacy(text) == Detection("unicode", 1.0, "", "")


@pytest.mark.parametrize(
    "text",
    [
        "The administrative reform plan for 2024, Q1 report.",
        "Le garçon est allé à l'école. Où est-il ? Très bien, déjà vu, à bientôt.",
        "Je ne sais pas où il est ; il fait 25°C, café crème à la française.",
        "Müller über die Straße, schön und größer — © 2024 ACME®",
        "« Bonjour » dit la naïve Noël à l'hôtel.",
        "Je ne sais pas où il est.",
        "Dis-moi où et là où tu vas.",
        "",
    ],
)
def test_english_french_german_and_symbols_stay_unicode(text):
    """Plain ASCII and ordinary Latin-1 (French, German, °, ©, «») are not mistaken for legacy text."""
    result = detect_legacy(text)
    assert result.encoding == "unicode" and result.converted == ""
    assert result.confidence >= 0.5


def test_one_ambiguous_word_is_not_enough_evidence():
    """Unaccented Vietnamese with one French word that VNI could read ("où" -> "ó") stays Unicode."""
    result = detect_legacy("Chuc mung nam moi, hen gap lai o quan café où ta gap nhau")
    assert result.encoding == "unicode" and result.converted == ""


# --- properties ---

LEGACY_CHARACTERS = "".join(sorted(set(TCVN3_TO_UNICODE) | set("".join(VNI_TO_UNICODE))))


@given(st.text())
def test_detect_never_raises_on_any_text(text):
    """Any text at all gives a Detection with a known encoding and a confidence in 0..1."""
    result = detect_legacy(text)
    assert result.encoding in {"unicode", "tcvn3", "vni"}
    assert 0.0 <= result.confidence <= 1.0


@given(st.text(alphabet=LEGACY_CHARACTERS + "abcdeghiklmnopqrstuvxy ABCNT.,/0123456789\n"))
def test_detect_never_raises_on_legacy_looking_text(text):
    """Text built from legacy marker characters is detected without error, converted text in NFC."""
    result = detect_legacy(text)
    assert 0.0 <= result.confidence <= 1.0
    assert unicodedata.is_normalized("NFC", result.converted)
    assert (result.converted == "") == (result.encoding == "unicode")


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_conversions_leave_ascii_alone(text):
    """Both conversions are the identity on plain ASCII, so converting twice changes nothing."""
    assert tcvn3_to_unicode(text) == text == vni_to_unicode(text)
    assert detect_legacy(text).encoding == "unicode"


@given(st.text(alphabet="".join(LOWER_LETTERS + UPPER_LETTERS) + "bcdghklmnpqrstvx .,"))
def test_vni_round_trip_of_arbitrary_vietnamese_text(text):
    """Any string of Vietnamese letters survives VNI encode then decode unchanged."""
    assert vni_to_unicode(encode_vni(text)) == text
