"""The package naming convention: ASCII, Windows-safe, short, never reusing a taken name."""

from __future__ import annotations

from app.exporters.package_names import (
    MAX_FILE_NAME,
    MAX_PACKAGE_NAME,
    commune_code,
    free_name,
    package_name,
    safe_file_name,
    unique_in,
    windows_safe,
)


def test_package_name_folds_the_commune_and_joins_the_codes():
    """Hòa Bình Xuân, 2024, plan + report gives the documented example name."""
    assert package_name("Hòa Bình Xuân", 2024, ["KH", "BC"]) == "CCHC_HoaBinhXuan_2024_KH-BC"
    assert package_name("Đắk Ơ", 2025, ["KH"]) == "CCHC_DakO_2025_KH"


def test_a_commune_without_a_name_still_gives_a_name():
    """An empty profile yields "Xa" rather than a double underscore."""
    assert commune_code("  ") == "Xa"


def test_a_long_commune_name_keeps_the_package_name_short():
    """Even an absurdly long commune name stays within the length limit."""
    name = package_name("Xã " + "Rất Dài " * 30, 2024, ["KH", "BC", "TLKC"])
    assert len(name) <= MAX_PACKAGE_NAME and name.isascii()


def test_reserved_device_names_and_trailing_dots_are_avoided():
    """CON, com1.txt and a trailing dot or space are made acceptable to Windows."""
    assert windows_safe("CON") == "CON_"
    assert windows_safe("com1.txt") == "com1_.txt"
    assert windows_safe("bao cao. ") == "bao cao"


def test_evidence_names_become_ascii_and_keep_their_extension():
    """Diacritics and forbidden characters go; the extension stays; the length is capped."""
    assert safe_file_name("Biên bản: kiểm tra?.PDF") == "bien-ban-kiem-tra.pdf"
    assert safe_file_name("NUL.pdf") == "nul_.pdf"
    long_name = safe_file_name("Tài liệu " * 40 + ".docx")
    assert len(long_name) <= MAX_FILE_NAME and long_name.endswith(".docx")


def test_free_name_adds_a_suffix_when_the_folder_or_zip_exists(tmp_path):
    """A taken folder or zip name (any case) moves the new package to _2, then _3."""
    assert free_name(tmp_path, "CCHC_X_2024_KH") == "CCHC_X_2024_KH"
    (tmp_path / "CCHC_X_2024_KH").mkdir()
    assert free_name(tmp_path, "CCHC_X_2024_KH") == "CCHC_X_2024_KH_2"
    (tmp_path / "cchc_x_2024_kh_2.zip").write_bytes(b"")
    assert free_name(tmp_path, "CCHC_X_2024_KH") == "CCHC_X_2024_KH_3"


def test_unique_in_separates_files_that_differ_only_in_case():
    """Two evidence files named alike get distinct names, as Windows would need."""
    used: set[str] = set()
    assert [unique_in(n, used) for n in ("a.pdf", "A.pdf", "a.pdf")] == ["a.pdf", "A_2.pdf", "a_3.pdf"]
