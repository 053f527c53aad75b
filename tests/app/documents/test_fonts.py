"""Font lookup: Times New Roman when complete and Vietnamese-capable, else bundled Liberation Serif."""

from __future__ import annotations

import shutil

from app.documents.fonts import VIETNAMESE_SAMPLE, bundled_font_set, covers, find_font_set, text_width_pt

WINDOWS_NAMES = {"regular": "times.ttf", "bold": "timesbd.ttf", "italic": "timesi.ttf", "bold_italic": "timesbi.ttf"}


def _fake_times(folder, names=WINDOWS_NAMES):
    """Copies of the bundled faces under Times New Roman file names (same metrics, full coverage)."""
    folder.mkdir(parents=True, exist_ok=True)
    for face, path in bundled_font_set().faces().items():
        if face in names:
            shutil.copyfile(path, folder / names[face])
    return folder


def test_bundled_faces_exist_and_cover_vietnamese():
    """All four Liberation Serif faces ship and draw every Vietnamese letter."""
    for path in bundled_font_set().faces().values():
        assert path.is_file()
        assert covers(path, VIETNAMESE_SAMPLE + "ầẫặểễệỗộờởỡợừửữựỳỷỹỵĐđ")


def test_no_times_means_liberation(tmp_path):
    """An empty font folder falls back to the bundled family."""
    assert find_font_set([tmp_path]) == bundled_font_set()


def test_complete_times_is_preferred(tmp_path):
    """Four Times New Roman faces in a nested system folder are used."""
    folder = _fake_times(tmp_path / "truetype" / "msttcorefonts")
    chosen = find_font_set([tmp_path])
    assert chosen.family == "Times New Roman"
    assert chosen.bold == folder / "timesbd.ttf"


def test_macos_file_names_are_recognised(tmp_path):
    """"Times New Roman Bold.ttf" and friends count as Times New Roman."""
    names = {face: f"Times New Roman{suffix}.ttf" for face, suffix in
             (("regular", ""), ("bold", " Bold"), ("italic", " Italic"), ("bold_italic", " Bold Italic"))}
    _fake_times(tmp_path, names)
    assert find_font_set([tmp_path]).family == "Times New Roman"


def test_incomplete_times_is_not_used(tmp_path):
    """Times New Roman without its bold italic face falls back, rather than faking a face."""
    _fake_times(tmp_path, {k: v for k, v in WINDOWS_NAMES.items() if k != "bold_italic"})
    assert find_font_set([tmp_path]) == bundled_font_set()


def test_unreadable_times_is_not_used(tmp_path):
    """A broken times.ttf never reaches a paper: its glyphs cannot be vouched for."""
    _fake_times(tmp_path)
    (tmp_path / "times.ttf").write_bytes(b"not a font")
    assert find_font_set([tmp_path]) == bundled_font_set()


def test_text_width_grows_with_size_and_weight():
    """Widths follow Times metrics: bold is wider, double size doubles the width."""
    plain = text_width_pt("Độc lập - Tự do - Hạnh phúc", 13)
    assert text_width_pt("Độc lập - Tự do - Hạnh phúc", 13, bold=True) > plain
    assert text_width_pt("Độc lập - Tự do - Hạnh phúc", 26) == 2 * plain
