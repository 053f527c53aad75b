"""Zip entries dated inside the ZIP format's range, whatever the computer clock says.

A ZIP entry stores its date from 1980 to 2107; Python refuses an entry outside
it (``ValueError: ZIP does not support timestamps before 1980``). openpyxl
(.xlsx) and python-docx (.docx) date every entry by the clock, so on a PC
whose BIOS battery died (1970) no paper could be written. ``ClampedZipFile``
dates such entries at the nearest end of the range instead; both libraries
are pointed at it once, at import of their renderer (their ``ZipFile`` is a
module-level name, so only their writes are affected). The package's own zip
uses ``strict_timestamps=False``, the standard library's clamp for files.
"""

from __future__ import annotations

import time
import zipfile

ZIP_FIRST = (1980, 1, 1, 0, 0, 0)
ZIP_LAST = (2107, 12, 31, 23, 59, 58)  # two-second resolution: 59 would round past the end


def zip_date_time(moment: tuple[int, ...] | None = None) -> tuple[int, int, int, int, int, int]:
    """``moment`` (local time now by default) as a ZIP date: clamped to 1980–2107."""
    moment = tuple((moment or time.localtime())[:6])
    return min(max(moment, ZIP_FIRST), ZIP_LAST)


class ClampedZipFile(zipfile.ZipFile):
    """A ZipFile whose entries written by name get a date inside the ZIP range, never a ValueError."""

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            info = zipfile.ZipInfo(zinfo_or_arcname, zip_date_time())
            info.compress_type = self.compression
            # As ZipFile.writestr does for a name: a folder is drwxrwxr-x (with the MS-DOS flag), a file rw-------.
            info.external_attr = (0o40775 << 16) | 0x10 if info.filename.endswith("/") else 0o600 << 16
            zinfo_or_arcname = info
            compresslevel = self.compresslevel if compresslevel is None else compresslevel
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)


def clamp_openpyxl() -> None:
    """Make openpyxl's workbook writer use ``ClampedZipFile`` (idempotent)."""
    import openpyxl.writer.excel as excel

    excel.ZipFile = ClampedZipFile


def clamp_python_docx() -> None:
    """Make python-docx's package writer use ``ClampedZipFile`` (idempotent)."""
    import docx.opc.phys_pkg as package

    package.ZipFile = ClampedZipFile
