"""The start-up path must not import the document renderers: reportlab, openpyxl, docx.

    python benchmarks/check_imports.py [--data-dir DIR] [--top 25]

Runs ``python -X importtime -m app --data-dir DIR --exit-after-show`` offscreen (DIR:
a fresh demo commune in a temporary folder unless given), prints every module of
those packages that was imported with the chain of imports that pulled it in,
and exits 1 if there is any. ``--top N`` also lists the N slowest imports
(cumulative), the place to start when start-up misses its budget.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FORBIDDEN = ("reportlab", "openpyxl", "docx")
_LINE = re.compile(r"^import time:\s+(\d+)\s+\|\s+(\d+)\s+\|( *)(\S+)\s*$")


@dataclass(frozen=True)
class Imported:
    module: str
    self_us: int
    cumulative_us: int
    depth: int
    index: int


def parse(stderr: str) -> list[Imported]:
    """The ``-X importtime`` lines in order (a module comes after everything it imported)."""
    found = []
    for line in stderr.splitlines():
        match = _LINE.match(line)
        if match:
            self_us, cumulative_us, indent, module = match.groups()
            found.append(Imported(module, int(self_us), int(cumulative_us), (len(indent) - 1) // 2, len(found)))
    return found


def chain(imports: list[Imported], item: Imported) -> list[str]:
    """Who imported ``item``: each ancestor is the first later line one level shallower."""
    out, depth = [item.module], item.depth
    for later in imports[item.index + 1:]:
        if later.depth < depth:
            out.append(later.module)
            depth = later.depth
            if depth == 0:
                break
    return list(reversed(out))


def offenders(imports: list[Imported]) -> list[Imported]:
    """The outermost imports of a forbidden package (its submodules are left out)."""
    hits = [item for item in imports if item.module.split(".")[0] in FORBIDDEN]
    return [item for item in hits if not any(
        parent.module.split(".")[0] == item.module.split(".")[0] for parent in _ancestors(imports, item))]


def _ancestors(imports: list[Imported], item: Imported) -> list[Imported]:
    out, depth = [], item.depth
    for later in imports[item.index + 1:]:
        if later.depth < depth:
            out.append(later)
            depth = later.depth
    return out


def run_app(data_dir: Path) -> str:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    args = [sys.executable, "-X", "importtime", "-m", "app", "--data-dir", str(data_dir), "--exit-after-show"]
    done = subprocess.run(args, cwd=REPO, env=env, capture_output=True, text=True, encoding="utf-8",
                          errors="replace", check=False)
    if done.returncode != 0:
        raise SystemExit(f"the app did not start (exit {done.returncode}):\n{done.stderr[-3000:]}")
    return done.stderr


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, help="an existing data folder (default: a new demo commune)")
    parser.add_argument("--top", type=int, default=0, help="also list the N slowest imports (cumulative)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cchc-imports-") as tmp:
        folder = args.data_dir
        if folder is None:
            folder = Path(tmp) / "demo"
            subprocess.run([sys.executable, str(Path(__file__).with_name("measure.py")), "demo-folder", str(folder)],
                           cwd=REPO, check=True, capture_output=True)
        imports = parse(run_app(folder))
    if not imports:
        raise SystemExit("no -X importtime lines: is this CPython 3.7 or newer?")
    if args.top:
        total = sum(item.self_us for item in imports)
        print(f"{len(imports)} modules imported, {total / 1000:.0f} ms in all; the {args.top} slowest (cumulative):")
        for item in sorted((i for i in imports if i.depth == 0), key=lambda i: -i.cumulative_us)[:args.top]:
            print(f"  {item.cumulative_us / 1000:8.1f} ms  {item.module}")
    bad = offenders(imports)
    if not bad:
        print(f"Start-up imports none of {', '.join(FORBIDDEN)}.")
        return 0
    print(f"Start-up imports {len(bad)} forbidden package(s):")
    for item in bad:
        print(f"  {item.module} ({item.cumulative_us / 1000:.0f} ms) via {' → '.join(chain(imports, item))}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
