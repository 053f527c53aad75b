"""Which TrueType files draw the serif text of a PDF, and how wide a line of it is.

Contract: Times New Roman when the machine has all four faces *and* they cover
Vietnamese; otherwise the bundled Liberation Serif (metric-compatible with Times
New Roman, SIL OFL 1.1, full Vietnamese coverage). A paper therefore never
prints a missing glyph, and line breaks are the same with either family.
reportlab is imported inside functions only: start-up must not load it.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app.documents import layout as L
from app.documents.model import Header
from app.paths import resource

# Letters a Vietnamese paper cannot do without; a face missing any of them is refused.
VIETNAMESE_SAMPLE = "ầẫặểễệỗộờởỡợừửữựỳỷỹỵĐđẮằẳẵÂÊÔƠƯăâêôơư" "ÀÁẢÃẠÈÉẺẼẸÌÍỈĨỊÒÓỎÕỌÙÚỦŨỤỲÝỶỸỴ–“”…"

# File names of each face, lower-cased: Windows, macOS, Debian's ttf-mscorefonts.
_TIMES_NAMES = {
    "regular": ("times.ttf", "times new roman.ttf", "times_new_roman.ttf"),
    "bold": ("timesbd.ttf", "times new roman bold.ttf", "times_new_roman_bold.ttf"),
    "italic": ("timesi.ttf", "times new roman italic.ttf", "times_new_roman_italic.ttf"),
    "bold_italic": ("timesbi.ttf", "times new roman bold italic.ttf", "times_new_roman_bold_italic.ttf"),
}


@dataclass(frozen=True)
class FontSet:
    """The four faces of one serif family, as file paths; ``family`` is its human name."""

    family: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path

    def faces(self) -> dict[str, Path]:
        """Face name ("regular", "bold", "italic", "bold_italic") to file."""
        return {
            "regular": self.regular,
            "bold": self.bold,
            "italic": self.italic,
            "bold_italic": self.bold_italic,
        }


def bundled_font_set() -> FontSet:
    """Liberation Serif from ``resources/fonts`` (always present in the source tree and the bundle)."""
    folder = resource("fonts")
    return FontSet(
        "Liberation Serif",
        folder / "LiberationSerif-Regular.ttf",
        folder / "LiberationSerif-Bold.ttf",
        folder / "LiberationSerif-Italic.ttf",
        folder / "LiberationSerif-BoldItalic.ttf",
    )


def system_font_dirs() -> list[Path]:
    """The usual font folders of Windows, macOS and Linux for this user, existing or not."""
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [
            Path("/System/Library/Fonts/Supplemental"),
            Path("/Library/Fonts"),
            home / "Library" / "Fonts",
        ]
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local" / "share" / "fonts",
        home / ".fonts",
    ]


def _index_font_files(folders: list[Path]) -> dict[str, Path]:
    """Lower-cased file name to path for every .ttf under the folders (first found wins)."""
    found: dict[str, Path] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for root, _dirs, files in os.walk(folder):
            for name in files:
                if name.lower().endswith(".ttf"):
                    found.setdefault(name.lower(), Path(root) / name)
    return found


def _times_in(folders: list[Path]) -> FontSet | None:
    """Times New Roman's four faces in the folders, or None if any face is missing."""
    index = _index_font_files(folders)
    faces: dict[str, Path] = {}
    for face, names in _TIMES_NAMES.items():
        path = next((index[name] for name in names if name in index), None)
        if path is None:
            return None
        faces[face] = path
    return FontSet("Times New Roman", **faces)


def covers(path: Path, sample: str = VIETNAMESE_SAMPLE) -> bool:
    """True when the TrueType file has a glyph for every character of the sample."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    try:
        cmap = TTFontFile(str(path)).charToGlyph
    except Exception:  # an unreadable or unsupported font file is simply not used
        return False
    return all(ord(char) in cmap for char in sample)


def find_font_set(folders: list[Path] | None = None) -> FontSet:
    """Times New Roman from the folders (default: the system's) if complete and Vietnamese-capable, else Liberation."""
    times = _times_in(system_font_dirs() if folders is None else folders)
    if times is not None and all(covers(path) for path in times.faces().values()):
        return times
    return bundled_font_set()


@lru_cache(maxsize=1)
def default_font_set() -> FontSet:
    """:func:`find_font_set` for this machine, looked up once per process."""
    return find_font_set()


# reportlab names for the registered faces; one family name maps <b>/<i> to them.
PDF_FAMILY = "CCHCSerif"
PDF_FACE_NAMES = {
    "regular": PDF_FAMILY,
    "bold": PDF_FAMILY + "-Bold",
    "italic": PDF_FAMILY + "-Italic",
    "bold_italic": PDF_FAMILY + "-BoldItalic",
}


@lru_cache(maxsize=None)
def register_pdf_fonts(font_set: FontSet | None = None) -> str:
    """Register the four faces with reportlab (once) and return the family name to use in styles."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    chosen = font_set or default_font_set()
    for face, path in chosen.faces().items():
        pdfmetrics.registerFont(TTFont(PDF_FACE_NAMES[face], str(path)))
    for bold in (0, 1):
        for italic in (0, 1):
            face = {(0, 0): "regular", (1, 0): "bold", (0, 1): "italic", (1, 1): "bold_italic"}[(bold, italic)]
            addMapping(PDF_FAMILY, bold, italic, PDF_FACE_NAMES[face])
    return PDF_FAMILY


def face_name(bold: bool = False, italic: bool = False) -> str:
    """The registered reportlab face for a weight and slant (after :func:`register_pdf_fonts`)."""
    key = ("bold_" if bold else "") + ("italic" if italic else "")
    return PDF_FACE_NAMES[key.rstrip("_") or "regular"]


def text_width_pt(text: str, size: float, *, bold: bool = False, italic: bool = False) -> float:
    """Width in points of one line of text in the serif family (Times metrics either way)."""
    from reportlab.pdfbase import pdfmetrics

    register_pdf_fonts()
    return pdfmetrics.stringWidth(text, face_name(bold, italic), size)


def header_right_needed_pt(header: Header) -> float:
    """Points the right header column needs to keep the national title, motto and date each on one line."""
    return 2 + max(
        text_width_pt(header.national_title, L.NATIONAL_TITLE_SIZE, bold=True),
        text_width_pt(header.motto, L.MOTTO_SIZE, bold=True),
        text_width_pt(header.place_date, L.PLACE_DATE_SIZE, italic=True),
    )
