"""What the Windows run under Wine (build/windows_run.py) cannot show, named so a skip says why.

A skip here is a gap of Wine 8, never of Windows: the same test runs on real Windows.
"""

from __future__ import annotations

import os
import sys

import pytest

UNDER_WINE = sys.platform == "win32" and os.environ.get("CCHC_UNDER_WINE") == "1"


def wine_gap(reason: str) -> pytest.MarkDecorator:
    """Skip under Wine only, with the Wine gap as the reason."""
    return pytest.mark.skipif(UNDER_WINE, reason=f"Wine 8 gap, not a Windows one: {reason}")


NO_LINKS = wine_gap("os.symlink (CreateSymbolicLinkW) reports success but creates nothing, "
                    "and junctions (FSCTL_SET_REPARSE_POINT) are refused as unsupported")
