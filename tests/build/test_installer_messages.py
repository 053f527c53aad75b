"""The installer builds on a stock Inno Setup and speaks Vietnamese: build/installer.iss names a
messages file shipped in build/, which has every message of Inno Setup's Default.isl."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BUILD = REPO / "build"
SCRIPT = BUILD / "installer.iss"
MESSAGES = BUILD / "Vietnamese.isl"
DEFAULT_NAMES = REPO / "tests" / "fixtures" / "inno_default_messages.txt"
PLACEHOLDER = re.compile(r"%[1-9n]|\[(?:name/ver|name|mb|gb|kb)\]")
# Default.isl leaves these empty on purpose (notes a translator or a script may fill).
EMPTY_IN_DEFAULT = {"HelpTextNote", "BeveledLabel", "AboutSetupNote", "TranslatorNote"}


def _sections(path: Path) -> dict[str, dict[str, str]]:
    """An .isl/.iss file's ``name=value`` lines, per ``[Section]`` (comments skipped)."""
    sections: dict[str, dict[str, str]] = {}
    current = sections.setdefault("", {})
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if line.startswith(";") or not line.strip():
            continue
        if re.fullmatch(r"\[[A-Za-z]+\]", line.strip()):
            current = sections.setdefault(line.strip()[1:-1], {})
        elif "=" in line:
            name, value = line.split("=", 1)
            current[name.strip()] = value
    return sections


def _default_messages() -> dict[str, Counter]:
    """Message name -> the placeholders Default.isl's text carries (tests/fixtures, from Inno Setup)."""
    names = {}
    for line in DEFAULT_NAMES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _tab, tokens = line.partition("\t")
            names[name] = Counter(tokens.split())
    return names


def _messages_files() -> list[str]:
    return re.findall(r'MessagesFile:\s*"([^"]+)"', SCRIPT.read_text(encoding="utf-8-sig"))


def test_the_script_names_a_messages_file_shipped_beside_it():
    """Every MessagesFile of installer.iss is a file in build/, none in the compiler's folder."""
    files = _messages_files()
    assert files, "installer.iss has no [Languages] entry"
    for name in files:
        assert not name.lower().startswith("compiler:"), f"{name} depends on what Inno Setup installs"
        assert (BUILD / name.replace("\\", "/")).is_file(), f"{name} is not in build/"
    assert "Vietnamese.isl" in files


def test_the_vietnamese_file_has_every_message_of_default_isl():
    """No message falls back to English: every [Messages] name of Default.isl is there, and no unknown one."""
    expected = set(_default_messages())
    present = set(_sections(MESSAGES)["Messages"])
    assert len(expected) > 250
    assert sorted(expected - present) == []
    assert sorted(present - expected) == []


def test_every_message_keeps_its_placeholders_and_says_something():
    """%1, %n, [name] ... of each English message are all in its Vietnamese text, which is not empty."""
    messages = _sections(MESSAGES)["Messages"]
    for name, tokens in _default_messages().items():
        text = messages[name]
        assert Counter(PLACEHOLDER.findall(text)) == tokens, name
        assert text.strip() or name in EMPTY_IN_DEFAULT, f"{name} is empty"


def test_the_language_is_vietnamese_in_unicode():
    """LanguageName Tiếng Việt, LanguageID 1066 ($042A), LanguageCodePage 0 (Unicode only)."""
    options = _sections(MESSAGES)["LangOptions"]
    assert options["LanguageName"] == "Tiếng Việt"
    assert int(options["LanguageID"].lstrip("$"), 16) == 1066
    assert options["LanguageCodePage"] == "0"


def test_the_texts_are_vietnamese_with_full_diacritics_in_nfc():
    """Both files are UTF-8 in NFC, and the wizard's buttons read in Vietnamese."""
    for path in (SCRIPT, MESSAGES):
        text = path.read_text(encoding="utf-8-sig")
        assert unicodedata.normalize("NFC", text) == text, path.name
    messages = _sections(MESSAGES)["Messages"]
    assert messages["ButtonNext"] == "&Tiếp >"
    assert messages["ButtonCancel"] == "Hủy"
    assert messages["WizardSelectDir"] == "Chọn nơi cài đặt"
