"""Links inside a folder that came from elsewhere (a package, a USB backup): never followed, never trusted.

On Linux a link is a symbolic link. On Windows it may also be a directory junction or a
mount point, which ``Path.is_symlink()`` does not report: any reparse point whose tag is a
"name surrogate" (it stands for another path). OneDrive's cloud placeholders are reparse
points too but not name surrogates: they are the file itself and stay trusted.
"""

from __future__ import annotations

import os
import stat

# IsReparseTagNameSurrogate(): bit 29 of a reparse tag (symlinks, junctions, WSL links have it).
NAME_SURROGATE = 0x20000000


def is_link(path: str | os.PathLike[str]) -> bool:
    """True for a symbolic link, a junction or another reparse point naming another path."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    if stat.S_ISLNK(info.st_mode):
        return True
    reparse_point = getattr(info, "st_file_attributes", 0) & stat.FILE_ATTRIBUTE_REPARSE_POINT
    return bool(reparse_point) and bool(getattr(info, "st_reparse_tag", 0) & NAME_SURROGATE)
