"""Build the one-folder bundle with PyInstaller, keeping its work files out of the tracked build/.

    python -m pip install -e ".[build]"
    python build/build_bundle.py [--dist DIR] [--work DIR]

The bundle lands in dist/CCHC-Xa/ (ignored by git); PyInstaller's scratch in build/_work/.
``--dist``/``--work`` put them elsewhere (the Windows run under Wine builds beside the Linux bundle).
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    import argparse

    import PyInstaller.__main__

    parser = argparse.ArgumentParser(description="Build the one-folder bundle with PyInstaller.")
    parser.add_argument("--dist", type=Path, default=REPO / "dist", help="where CCHC-Xa/ lands")
    parser.add_argument("--work", type=Path, default=REPO / "build" / "_work", help="PyInstaller's scratch")
    options = parser.parse_args(argv)
    PyInstaller.__main__.run([
        str(REPO / "installer.spec"),
        "--noconfirm",
        "--clean",
        "--workpath", str(options.work),
        "--distpath", str(options.dist),
    ])
    return 0


if __name__ == "__main__":
    sys.exit(main())
