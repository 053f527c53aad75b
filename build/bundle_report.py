"""The built bundle's size: its largest pieces, its total, and a limit it must stay under.

    python build/bundle_report.py [BUNDLE] [--limit-mb 150] [--top 15]

BUNDLE defaults to dist/CCHC-Xa. Sizes are in MB of 2**20 bytes (as ``du -m`` counts); symbolic
links count as nothing (they point at a file counted once). Exit 1 when the total is above the
limit, 2 when there is no bundle: CI (.ci/run) fails on either.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LIMIT_MB = 150.0
MB = 2**20


def pieces(bundle: Path) -> list[tuple[int, str]]:
    """(size in bytes, path inside the bundle) of every regular file, largest first."""
    found = [(path.lstat().st_size, path.relative_to(bundle).as_posix())
             for path in bundle.rglob("*") if path.is_file() and not path.is_symlink()]
    return sorted(found, key=lambda piece: (-piece[0], piece[1]))


def report(bundle: Path, limit_mb: float, top: int) -> tuple[str, bool]:
    """The report's text and whether the bundle is within the limit."""
    found = pieces(bundle)
    total = sum(size for size, _name in found) / MB
    lines = [f"Bundle {bundle}: the {min(top, len(found))} largest of {len(found)} files"]
    lines += [f"{size / MB:8.1f} MB  {name}" for size, name in found[:top]]
    within = total <= limit_mb
    verdict = "within" if within else "ABOVE"
    lines.append(f"Bundle total: {total:.1f} MB ({verdict} the limit of {limit_mb:g} MB)")
    return "\n".join(lines), within


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=REPO / "dist" / "CCHC-Xa")
    parser.add_argument("--limit-mb", type=float, default=LIMIT_MB)
    parser.add_argument("--top", type=int, default=15)
    options = parser.parse_args(argv)
    if not options.bundle.is_dir():
        print(f"No bundle at {options.bundle}: build it first (python build/build_bundle.py).", file=sys.stderr)
        return 2
    text, within = report(options.bundle, options.limit_mb, options.top)
    print(text)
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
