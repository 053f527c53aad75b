"""How a package and the files in it are named: ASCII, Windows-safe, short.

The convention (documented for the receiving side too)::

    CCHC_<Xã>_<năm>_<mã nội dung nối bằng “-”>
    CCHC_HoaBinhXuan_2024_KH-BC          kế hoạch + báo cáo
    CCHC_HoaBinhXuan_2024_KH-BC-TLKC     ... + tài liệu kiểm chứng
    CCHC_HoaBinhXuan_2024_KH-BC_2        a second export beside the first

The commune is folded to ASCII (diacritics off, “đ” -> “d”) in CamelCase;
content codes follow the order the contents are listed in. The folder and its
``.zip`` share the name. Vietnamese titles stay inside the files and in
``manifest.json``. Names avoid what Windows refuses (``CON``, ``PRN``, ``AUX``,
``NUL``, ``COM1``…``COM9``, ``LPT1``…``LPT9``, trailing dots or spaces,
``<>:"/\\|?*``) and are short: a package name is at most ``MAX_PACKAGE_NAME``
characters and a file name at most ``MAX_FILE_NAME``, so a path inside the
package stays under ``MAX_RELATIVE_PATH`` characters and the full path well
under Windows' 260 even from a deep destination folder.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from app.domain.vietnamese import fold

PREFIX = "CCHC"
MAX_PACKAGE_NAME = 60
MAX_FILE_NAME = 80
MAX_COMMUNE = 24
MAX_RELATIVE_PATH = MAX_PACKAGE_NAME + 1 + 24 + 1 + MAX_FILE_NAME  # package/subfolder/file
# Device names Windows opens instead of a file, whatever the extension ("NUL.pdf", "nul .txt"):
# the digits 0-9 and the superscripts ¹²³ (Windows counts those as digits too), and the console's own.
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
             *(f"{port}{digit}" for port in ("COM", "LPT") for digit in "0123456789¹²³")}
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_NOT_WORD = re.compile(r"[^A-Za-z0-9]+")
_NOT_FILE_CHAR = re.compile(r"[^A-Za-z0-9._-]+")


def ascii_words(text: str) -> list[str]:
    """ "Hòa Bình Xuân" -> ["hoa", "binh", "xuan"]: folded, split on anything not a letter or digit."""
    return [word for word in _NOT_WORD.split(fold(text)) if word]


def commune_code(commune: str) -> str:
    """ "Hòa Bình Xuân" -> "HoaBinhXuan"; "Xa" when the profile has no name yet."""
    code = "".join(word[:1].upper() + word[1:] for word in ascii_words(commune))
    return code[:MAX_COMMUNE] or "Xa"


def windows_safe(name: str, limit: int = MAX_FILE_NAME) -> str:
    """Cut ``name`` to ``limit`` keeping its extension, drop trailing dots/spaces, dodge reserved device names."""
    name = _FORBIDDEN.sub("-", name)
    stem, dot, extension = name.rpartition(".") if "." in name.strip(".") else (name, "", "")
    extension = extension[:10]
    stem = stem[: max(1, limit - len(dot) - len(extension))].rstrip(" .") or "tep"
    # Windows ignores spaces before the first dot too: "NUL .pdf" and "nul.tar.gz" are the device.
    first, rest = stem.split(".", 1) if "." in stem else (stem, None)
    if first.rstrip(" ").upper() in _RESERVED:
        stem = f"{first.rstrip(' ')}_" + ("" if rest is None else f".{rest}")
    return f"{stem}{dot}{extension}".rstrip(" .")


def package_name(commune: str, year: int, codes: Iterable[str]) -> str:
    """ "CCHC_HoaBinhXuan_2024_KH-BC": the folder and zip name (without ``.zip``)."""
    content = "-".join(code for code in codes if code)
    return windows_safe(f"{PREFIX}_{commune_code(commune)}_{year}_{content}".rstrip("_"), MAX_PACKAGE_NAME)


def free_name(parent: Path, name: str, suffixes: Iterable[str] = ("", ".zip", ".eml")) -> str:
    """``name`` or the first of ``name_2``, ``name_3``… for which nothing with any of ``suffixes`` exists."""
    suffixes = tuple(suffixes)
    taken = {entry.name.casefold() for entry in parent.iterdir()} if parent.is_dir() else set()
    candidate, number = name, 1
    while any(f"{candidate}{suffix}".casefold() in taken for suffix in suffixes):
        number += 1
        candidate = f"{name}_{number}"
    return candidate


def safe_file_name(original: str) -> str:
    """An evidence file's own name made ASCII: "Biên bản kiểm tra.pdf" -> "bien-ban-kiem-tra.pdf"."""
    stem, dot, extension = original.rpartition(".")
    if not dot:
        stem, extension = original, ""
    stem = re.sub(r"-{2,}", "-", _NOT_FILE_CHAR.sub("-", fold(stem))).strip("-.") or "tep"
    extension = _NOT_FILE_CHAR.sub("", fold(extension))
    return windows_safe(f"{stem}.{extension}" if extension else stem)


def unique_in(name: str, used: set[str]) -> str:
    """``name``, or ``stem_2.ext``… if a file of that name (ignoring case, as Windows does) is already in ``used``."""
    stem, dot, extension = name.rpartition(".") if "." in name else (name, "", "")
    candidate, number = name, 1
    while candidate.casefold() in used:
        number += 1
        candidate = f"{stem}_{number}{dot}{extension}"
    used.add(candidate.casefold())
    return candidate
