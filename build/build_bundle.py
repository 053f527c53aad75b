"""Build the one-folder bundle with PyInstaller, keeping its work files out of the tracked build/.

    python -m pip install -e ".[build]"
    python build/build_bundle.py

The bundle lands in dist/CCHC-Xa/ (ignored by git); PyInstaller's scratch in build/_work/.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main() -> int:
    import PyInstaller.__main__

    PyInstaller.__main__.run([
        str(REPO / "installer.spec"),
        "--noconfirm",
        "--clean",
        "--workpath", str(REPO / "build" / "_work"),
        "--distpath", str(REPO / "dist"),
    ])
    return 0


if __name__ == "__main__":
    sys.exit(main())
