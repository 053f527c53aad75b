"""The receiving side's figures for ``run.py``: consolidate 150 packages of one year, and 1,500 of ten years.

Each run is the command the province's specialist types, in a fresh process:
``python -m app consolidate PKGDIR --out OUTDIR --json`` (exit 0 when something was consolidated),
timed from spawning to exit, with its peak RSS. The packages are made once by ``make_packages.py``
(only the .zip of each, as the province receives them) and kept in
``benchmarks/_packages/<generator version>.<fingerprint>-<N>/`` (git ignores it): making the 1,500
takes ≈ 15 min on two cores the first time. The fingerprint hashes the generator and the code that
writes packages (``app/exporters/``, ``app/exchange/``), so packages of an older app are made again
(and the older copy of that size removed) rather than measured. A consolidation that fails (the command missing, an exit code other
than 0) is reported as "n/a (…)" beside its budget, and the other figures go on.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # benchmarks.make_packages, whatever folder run.py is started from
CACHE = HERE / "_packages"
RUNS = (  # figure key, packages, years per commune
    ("consolidate_150", 150, 1),
    ("consolidate_1500", 1500, 10),
)


def packages(count: int, years: int, run_child, log: Callable[[str], None]) -> Path:
    """The cached folder of ``count`` packages, made first when missing (under a .partial name till whole)."""
    folder = cache_folder(count)
    if folder.is_dir():
        return folder
    for older in CACHE.glob(f"*-{count}"):
        shutil.rmtree(older, ignore_errors=True)
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    log(f"making {count} packages once ({count // years} communes × {years} years) into {folder}")
    made = run_child([sys.executable, str(HERE / "make_packages.py"), str(count), str(partial), "--years", str(years),
                      "--no-folders"], "make_packages.py")
    log(made.stdout.strip().splitlines()[-1])
    partial.rename(folder)
    return folder


def say(text: str) -> None:
    print(f"  {text}", file=sys.stderr, flush=True)


def cache_folder(count: int) -> Path:
    """Where ``count`` packages of this generator and this package writer are kept."""
    from benchmarks.make_packages import GENERATOR_VERSION

    return CACHE / f"{GENERATOR_VERSION}.{fingerprint()}-{count}"


def fingerprint() -> str:
    """8 hex digits of the generator's and the package writer's source: a new one when either changes."""
    repo = HERE.parent
    sources = [*sorted(HERE.glob("make_packages.py")), *sorted(HERE.glob("package_*.py")),
               *sorted((repo / "app" / "exporters").rglob("*.py")), *sorted((repo / "app" / "exchange").rglob("*.py")),
               repo / "app" / "__init__.py"]
    digest = hashlib.sha256()
    for path in sources:
        digest.update(path.relative_to(repo).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:8]


def measure(run_child, tmp: Path, runs: int, add, facts: dict, log: Callable[[str], None] = say) -> dict[str, str]:
    """Time ``runs`` consolidations of each set; the figures that could not be had, with why."""
    missing = {}
    for key, count, years in RUNS:
        folder = packages(count, years, run_child, log)
        log(f"consolidating {count} packages: {runs} processes")
        for number in range(runs):
            out = tmp / f"{key}-{number}"
            child = run_child([sys.executable, "-m", "app", "consolidate", str(folder), "--out", str(out), "--json"],
                              key, check=False)
            if child.returncode != 0:
                missing[key] = missing[f"rss_{key}"] = why(child)
                break
            add(key, child.seconds * 1000)
            add(f"rss_{key}", child.max_rss_mb)
            facts[key] = counted(child.stdout)
            shutil.rmtree(out, ignore_errors=True)
    return missing


def why(child) -> str:
    """A short reason for a failed run: its exit code and the last line it wrote on stderr."""
    lines = [line for line in child.stderr.strip().splitlines() if line.strip()]
    return f"exit {child.returncode}: {lines[-1][:90].replace('|', '/')}" if lines else f"exit {child.returncode}"


def counted(stdout: str) -> str:
    """ "150 packages: 148 ok, 2 refused" from the command's ``--json`` answer (its last JSON object)."""
    start = stdout.find("{")
    try:
        answer = json.loads(stdout[start:]) if start >= 0 else None
    except ValueError:
        answer = None
    if not isinstance(answer, dict):
        return "no JSON answer"
    statuses: dict[str, int] = {}
    for entry in answer.get("packages", []):
        statuses[entry.get("status", "?")] = statuses.get(entry.get("status", "?"), 0) + 1
    listed = ", ".join(f"{n} {status}" for status, n in sorted(statuses.items()))
    return f"{sum(statuses.values())} packages: {listed}; {len(answer.get('ranking', []))} ranked"
