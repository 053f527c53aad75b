"""The performance figures against their budgets: one command, a table, a JSON file.

    python benchmarks/run.py [--runs 5] [--heavy-runs 3] [--quick] [--start-only] [--compare OLD.json] [--strict]

Builds its data in a temporary folder (the demo commune; a ten-year database from
``make_decade.py``; a 10,000-task plan), runs every measurement in a fresh process
(offscreen), and prints the median of the runs of each figure beside its budget.
Start-up is timed from before the process is spawned to the first paint of its
main window (the clerk sees the program), and to the moment ``--exit-after-show``
closes it, once the page in view shows its data (``start_probe.py`` notes both),
and to the process's exit; each beside the bare window of the same run (× bare).
The longest event-loop stall is watched for the first 5 s of a start left running
(``start_probe.py --watch``): how long a click made then could wait.
The other figures inside their worker (``measure.py``). Peak memory is each process's
maximum RSS (``os.wait4``).
The figures go to ``benchmarks/results/<date>-<host>.json``; ``--compare`` prints
the change against an earlier file. Exit code 0 even when a budget is missed,
unless ``--strict`` (then 1).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from consolidation import measure as measure_consolidation
from machine import machine

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PYTHON = sys.executable


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    unit: str  # ms | MB
    budget: Callable[[dict], float] | float | None = None
    budget_text: str = ""
    floor: str = ""  # the bare window's figure this one is compared with (× bare)


FIGURES = (
    Figure("start_bare", "Start → window shown: bare PySide6 (the floor)", "ms"),
    Figure("start_bare_exit", "  the same, until the bare window's process has exited", "ms"),
    Figure("start_app", "Start → main window shown (first paint): demo commune", "ms",
           lambda got: 1.3 * got["start_bare"], "≤ 1.3 × floor", "start_bare"),
    Figure("start_app_ready", "  the same, until the first page shows its data", "ms",
           lambda got: 2 * got["start_bare"], "≤ 2 × floor", "start_bare"),
    Figure("start_app_exit", "  the same, until the process has exited (--exit-after-show)", "ms",
           lambda got: 2.5 * got["start_bare_exit"], "≤ 2.5 × bare exit", "start_bare_exit"),
    Figure("start_app_decade", "Start → main window shown (first paint): 10-year database", "ms",
           lambda got: 1.3 * got["start_bare"], "≤ 1.3 × floor", "start_bare"),
    Figure("start_app_decade_ready", "  the same, until the first page shows its data", "ms",
           lambda got: 2 * got["start_bare"], "≤ 2 × floor", "start_bare"),
    Figure("start_app_decade_exit", "  the same, until the process has exited (--exit-after-show)", "ms",
           lambda got: 2.5 * got["start_bare_exit"], "≤ 2.5 × bare exit", "start_bare_exit"),
    Figure("stall_bare", "Longest event-loop stall, first 5 s: bare PySide6 window", "ms"),
    Figure("stall_app", "Longest event-loop stall, first 5 s: demo commune (ORM warmed meanwhile)", "ms",
           100.0, "", "stall_bare"),
    Figure("stall_app_decade", "Longest event-loop stall, first 5 s: 10-year database", "ms", 100.0, "", "stall_bare"),
    Figure("open_decade", "Open the 10-year database (open_store + main window shown)", "ms", 1000.0),
    Figure("open_decade_store", "  of which open_store (check, migrate, no backup)", "ms"),
    Figure("daily_backup_decade", "Automatic backup of the 10-year database (first start of a day)", "ms"),
    Figure("checklist_load", "Checklist page, 10,000 tasks (17,500 rows): first shown (reads the year)", "ms"),
    Figure("filter_overdue", "Checklist, 10,000 tasks: tick “overdue only” (table repainted)", "ms", 50.0),
    Figure("filter_lead", "Checklist, 10,000 tasks: choose one lead", "ms", 50.0),
    Figure("search_folded", "Checklist, 10,000 tasks: search “cai cach thu tuc 123” (pasted)", "ms", 50.0),
    Figure("sort_due", "Checklist, 10,000 tasks: sort by the due column", "ms"),
    Figure("doc_first_cold", "First paper of a process (plan papers; loads the renderers)", "ms"),
    Figure("doc_plan", "Plan papers, 270-task plan (PDF, Word, appendix PDF + Excel)", "ms"),
    Figure("doc_report", "Progress report, year 2023, 330 tasks (PDF, Word, Excel)", "ms"),
    Figure("doc_scoring", "Scoring table 2023 (PDF, Excel)", "ms"),
    Figure("doc_dossier", "Award dossier 2023: Form 07 reports × 15, minutes, letter, list", "ms"),
    Figure("package_demo", "Whole demo-year package (all 5 contents, PDF + Excel, zip), first in process", "ms", 3000.0),
    Figure("package_demo_warm", "  the same, second in process", "ms"),
    Figure("package_demo_word", "  the same with the Word copies ticked (second in process)", "ms"),
    Figure("edit_plain", "An official edited, plain transaction (fsync'd commit; median of 200)", "ms"),
    Figure("edit_journaled", "  the same edit as a journaled action (its undo step written with it)", "ms"),
    Figure("journal_overhead", "  the journal's cost per edit (journaled − plain)", "ms"),
    Figure("undo_step", "Undo one step through the journal (median of 50)", "ms"),
    Figure("rss_start_bare", "Peak RSS: bare PySide6 window", "MB"),
    Figure("rss_start_app", "Peak RSS: start, demo commune", "MB", 250.0),
    Figure("rss_open_decade", "Peak RSS: start, 10-year database", "MB", 250.0),
    Figure("rss_checklist", "Peak RSS: checklist of 10,000 tasks", "MB", 250.0),
    Figure("rss_documents", "Peak RSS: the papers of 2023", "MB", 250.0),
    Figure("rss_package", "Peak RSS: the demo package", "MB", 250.0),
    Figure("consolidate_150", "Consolidate 150 packages of one year (`consolidate --json`)", "ms", 10000.0),
    Figure("consolidate_1500", "Consolidate 1,500 packages (150 communes × 10 years)", "ms", 60000.0),
    Figure("rss_consolidate_150", "Peak RSS: consolidating 150 packages", "MB", 250.0),
    Figure("rss_consolidate_1500", "Peak RSS: consolidating 1,500 packages", "MB", 250.0),
)


# ----------------------------------------------------------------------------- child processes


@dataclass(frozen=True)
class Child:
    spawned_at: float  # time.time() just before spawning, to compare with what the child notes
    seconds: float
    cpu_seconds: float  # user + system: what a busy machine inflates least
    max_rss_mb: float
    stdout: str
    stderr: str
    returncode: int = 0


PYCACHE: Path | None = None  # set by main: the children's bytecode cache, outside the source tree


def run_child(args: list[str], timeout_note: str, check: bool = True) -> Child:
    """Run ``args`` to its end; wall time from before spawning to reaping, and its own peak RSS.

    Children may write bytecode (an installed app has its .pyc files) into a cache of their own, even
    where the shell sets PYTHONDONTWRITEBYTECODE: without it every start compiles app/, ui/ and db/.
    """
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    if PYCACHE is not None:
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        spawned_at, start = time.time(), time.perf_counter()
        process = subprocess.Popen(args, cwd=REPO, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    if check and process.returncode != 0:
        raise SystemExit(f"{timeout_note} failed (exit {process.returncode}):\n{stderr[-3000:]}")
    return Child(spawned_at, seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stdout, stderr,  # KiB
                 process.returncode)


def worker(what: str, folder: Path, *extra: str) -> tuple[dict, float]:
    child = run_child([PYTHON, str(HERE / "measure.py"), what, str(folder), *extra], f"measure.py {what}")
    return json.loads(child.stdout.strip().splitlines()[-1]), child.max_rss_mb


LOADS: list[tuple[str, float]] = []  # (phase, 1-minute load average as it began): a busy machine shows here
YARDSTICK: list[float] = []  # ms for a fixed pure-Python loop as each phase began: a slowed-down CPU shows here


def yardstick() -> float:
    """The best of three timings of a fixed pure-Python loop (≈ 0.1 s): the machine's speed just now.

    A shared virtual machine's CPU is sometimes slower for minutes at a time, which the load average
    does not show; figures of two runs compare only when their yardsticks are alike.
    """
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        sum(i * i for i in range(1_000_000))
        best = min(best, (time.perf_counter() - start) * 1000)
    return round(best, 1)


def progress(text: str) -> None:
    LOADS.append((text.split(":")[0], round(os.getloadavg()[0], 2)))
    YARDSTICK.append(yardstick())
    print(f"… {text}", file=sys.stderr, flush=True)


# ----------------------------------------------------------------------------- the measurements


def measure_all(tmp: Path, runs: int, heavy: int, start_only: bool = False,
                quick: bool = False) -> tuple[dict[str, list[float]], dict]:
    samples: dict[str, list[float]] = {}
    facts: dict = {}

    def add(key: str, values) -> None:
        samples.setdefault(key, []).extend(values if isinstance(values, list) else [values])

    demo, decade, tasks = tmp / "demo", tmp / "decade", tmp / "checklist"
    progress("building the demo commune and the 10-year database (≈ 30 s)")
    facts.update(worker("demo-folder", demo)[0])
    made = run_child([PYTHON, str(HERE / "make_decade.py"), str(decade)], "make_decade.py")
    facts["decade"] = made.stdout.strip().splitlines()[-1].split(": ", 1)[-1]  # without the temporary folder

    progress(f"start-up: {runs} runs each of the bare window and the app (demo, 10-year)")
    shown_file = tmp / "shown.txt"
    probe = [PYTHON, str(HERE / "start_probe.py"), str(shown_file)]
    starts = {
        "start_bare": [*probe, str(HERE / "bare_window.py")],
        "start_app": [*probe, "-m", "app", "--data-dir", str(demo), "--exit-after-show"],
        "start_app_decade": [*probe, "-m", "app", "--data-dir", str(decade), "--exit-after-show"],
    }
    for args in starts.values():  # warm-up: .pyc files written, the OS file cache filled, today's backup taken
        run_child(args, "warm-up")
    for _ in range(runs):  # interleaved, so a slow moment of the machine hits all three alike
        for key, args in starts.items():
            shown_file.unlink(missing_ok=True)
            child = run_child(args, key)
            painted, ready = (float(line) for line in shown_file.read_text().split())
            add(key, (painted - child.spawned_at) * 1000)
            add(f"{key}_ready", (ready - child.spawned_at) * 1000)
            add(f"{key}_exit", child.seconds * 1000)
            facts.setdefault("start_cpu_ms", {}).setdefault(key, []).append(round(child.cpu_seconds * 1000))
            add(key.replace("start_", "rss_start_") if key != "start_app_decade" else "rss_open_decade",
                child.max_rss_mb)

    progress(f"event-loop stalls: {runs} starts each of the bare window and the app, watched for 5 s")
    stall_file = tmp / "stall.txt"
    for _ in range(runs):
        for key, args in starts.items():
            watched = [*args[:2], "--watch", "5", *args[2:]]
            watched = [arg for arg in watched if arg != "--exit-after-show"]
            stall_file.unlink(missing_ok=True)
            run_child([*watched[:4], str(stall_file), *watched[5:]], f"{key} watched")
            add(key.replace("start_", "stall_"), float(stall_file.read_text().split()[2]))
    if start_only:
        return samples, facts

    progress(f"opening the 10-year database: {runs} processes")
    for _ in range(runs):
        figures, rss = worker("open-decade", decade)
        for key, value in figures.items():
            add(key, value)
        add("rss_open_decade", rss)

    progress(f"checklist of 10,000 tasks: {heavy} processes, the filters 3 times each (building it takes ≈ 15 s)")
    facts.update(worker("checklist-folder", tasks)[0])
    for _ in range(heavy):
        figures, rss = worker("checklist", tasks, "--runs", "3")
        facts["checklist_rows"] = figures.pop("checklist_rows")
        for key, values in figures.items():
            add(key, values)
        add("rss_checklist", rss)

    progress(f"the papers of 2023 on the 10-year database: {heavy} runs")
    figures, rss = worker("documents", decade, "--runs", str(heavy))
    for key, values in figures.items():
        add(key, values)
    add("rss_documents", rss)

    progress(f"the demo package: {heavy} processes")
    for _ in range(heavy):
        figures, rss = worker("package", demo)
        facts["package_files"] = figures.pop("package_files")
        facts.setdefault("package_cpu_ms", []).append(figures.pop("package_cpu_ms"))
        for key, value in figures.items():
            add(key, value)
        add("rss_package", rss)

    progress("the undo journal: one edit 200 times, plain and journaled, then undone")
    child = run_child([PYTHON, str(HERE / "journal_edit.py"), str(demo), "--runs", "200"], "journal_edit.py")
    for key, value in json.loads(child.stdout.strip().splitlines()[-1]).items():
        add(key, value)
    if not quick:  # the receiving side: packages made once (cached), each consolidation a fresh process
        progress(f"consolidating the communes' packages: {heavy} processes each")
        facts["not_measured"] = measure_consolidation(run_child, tmp, heavy, add, facts)
    return samples, facts


# ----------------------------------------------------------------------------- the table and the file


def summarise(samples: dict[str, list[float]], missing: dict[str, str] | None = None) -> dict[str, dict]:
    """Each measured figure against its budget; one that could not be had is kept with ``missing`` (why)."""
    medians = {key: statistics.median(values) for key, values in samples.items()}
    out = {}
    for figure in FIGURES:
        if figure.key in (missing or {}):
            out[figure.key] = {"label": figure.label, "unit": figure.unit, "value": None, "missing": missing[figure.key],
                               "budget": figure.budget, "budget_text": "", "holds": None}
        if figure.key not in medians:
            continue
        budget = figure.budget(medians) if callable(figure.budget) else figure.budget
        value = max(samples[figure.key]) if figure.unit == "MB" else medians[figure.key]
        out[figure.key] = {
            "label": figure.label, "unit": figure.unit, "value": round(value, 1),
            "samples": [round(v, 1) for v in samples[figure.key]],
            "budget": None if budget is None else round(budget, 1), "budget_text": figure.budget_text,
            "holds": None if budget is None else value <= budget,
            "times_bare": round(value / medians[figure.floor], 2) if medians.get(figure.floor) else None,
        }
    return out


def shown(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value / 1000:.2f} s" if value >= 1000 else f"{value:.0f} ms"


def table(figures: dict[str, dict]) -> str:
    lines = ["| figure | median | × bare | budget | holds |", "| --- | ---: | ---: | ---: | --- |"]
    for figure in figures.values():
        ratio = f"{figure['times_bare']:.2f} ×" if figure.get("times_bare") else ""
        budget = "" if figure["budget"] is None else shown(figure["budget"], figure["unit"])
        if figure["budget_text"]:
            budget = f"{figure['budget_text']} = {budget}"
        holds = {None: "", True: "yes", False: "**NO**"}[figure["holds"]]
        value = f"n/a ({figure['missing']})" if figure["value"] is None else shown(figure["value"], figure["unit"])
        lines.append(f"| {figure['label']} | {value} | {ratio} | {budget} | {holds} |")
    return "\n".join(lines)


def comparison(old: dict, new: dict) -> str:
    lines = ["| figure | before | now | change |", "| --- | ---: | ---: | ---: |"]
    for key, figure in new["figures"].items():
        before = old.get("figures", {}).get(key)
        if before is None or before.get("value") is None or figure["value"] is None:
            continue
        change = (figure["value"] - before["value"]) / before["value"] * 100 if before["value"] else 0.0
        lines.append(f"| {figure['label']} | {shown(before['value'], figure['unit'])} | "
                     f"{shown(figure['value'], figure['unit'])} | {change:+.0f}% |")
    return "\n".join(lines)


def print_report(result: dict, out: Path, seconds: float) -> list[str]:
    """The table and what to read beside it; returns the figures that miss their budget."""
    about, facts, figures = result["machine"], result["facts"], result["figures"]
    runs, heavy = result["runs"], result["heavy_runs"]
    print(f"CCHC Xã benchmarks, {about['cpus']} CPUs, Python {about['python']}, PySide6 {about['pyside6']}; "
          f"median of {runs} runs (checklist, papers, package: {heavy}; the checklist's filters: {3 * heavy}); "
          "RSS: the largest of the runs")
    print(f"10-year database: {facts['decade']}; checklist: {facts.get('checklist_rows', '-')} rows; "
          f"demo package: {facts.get('package_files', '-')} files")
    for key in [key for key in ("consolidate_150", "consolidate_1500") if key in facts]:
        print(f"{key.replace('_', ' ')}: {facts[key]}")
    if facts.get("demo_dossiers_given_a_letter"):
        print("Demo dossiers without a letter number/date, given one so the package takes them: "
              + "; ".join(facts["demo_dossiers_given_a_letter"]))
    print(table(figures))
    cpu = {key: statistics.median(values) for key, values in facts["start_cpu_ms"].items()}
    package_cpu = statistics.median(first for first, *_ in facts.get("package_cpu_ms", [[0]]))
    print(f"\nCPU time (user + system, median), which a busy machine inflates least: starts to exit: bare "
          f"{cpu['start_bare']:.0f} ms, app {cpu['start_app']:.0f} ms ({cpu['start_app'] / cpu['start_bare']:.1f} ×), "
          f"10-year {cpu['start_app_decade']:.0f} ms; the package, first in process: {package_cpu:.0f} ms.")
    loads = [*facts["load_by_phase"].values(), facts["load_average"][1]]
    busy = max(loads) > 1 + 0.25 * (about["cpus"] or 1)  # this run's own process makes 1
    print("Load average (1 min) as each part began: " + ", ".join(f"{k} {v}" for k, v in facts["load_by_phase"].items())
          + f"; at the end {facts['load_average'][1]}"
          + (". The machine was busy with other work: those times are high; run again when it is idle." if busy else "."))
    print(f"Yardstick (a fixed pure-Python loop, as each part began and at the end): "
          f"{', '.join(f'{ms:.0f}' for ms in facts['yardstick_ms'])} ms; compare runs only when these are alike.")
    missed = [f["label"].strip() for f in figures.values() if f["holds"] is False]
    where = out.relative_to(REPO) if out.is_relative_to(REPO) else out
    print(f"\n{len(missed)} budget(s) missed" + (": " + "; ".join(missed) if missed else "") +
          f". Written to {where} in {seconds:.0f} s.")
    return missed


def print_comparison(old: dict, new: dict, old_path: Path) -> None:
    before = old.get("facts", {}).get("yardstick_ms")
    then = f"{statistics.median(before):.0f} ms" if before else "not measured"
    print(f"\nCompared with {old_path} ({old.get('date', '?')}, {old.get('machine', {}).get('commit', '?')}; "
          f"yardstick then {then}, now {statistics.median(new['facts']['yardstick_ms']):.0f} ms):")
    print(comparison(old, new))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="start-up and database-open runs (default 5)")
    parser.add_argument("--heavy-runs", type=int, default=3, help="checklist, papers and package runs (default 3)")
    parser.add_argument("--quick", action="store_true", help="3 and 1 runs: a smoke test, not figures to keep")
    parser.add_argument("--start-only", action="store_true", help="only the start-up figures and stalls")
    parser.add_argument("--compare", type=Path, metavar="OLD.json", help="print the change against an earlier run")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a budget is missed")
    parser.add_argument("--out", type=Path, help="the JSON file (default benchmarks/results/<date>-<host>.json)")
    args = parser.parse_args(argv)
    runs, heavy = (3, 1) if args.quick else (args.runs, args.heavy_runs)
    old = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else None
    started, load_before = time.perf_counter(), os.getloadavg()[0]
    global PYCACHE
    with tempfile.TemporaryDirectory(prefix="cchc-bench-") as tmp:
        PYCACHE = Path(tmp) / "pycache"
        samples, facts = measure_all(Path(tmp), runs, heavy, args.start_only, args.quick)
    YARDSTICK.append(yardstick())
    facts.update(load_average=[round(load_before, 2), round(os.getloadavg()[0], 2)], load_by_phase=dict(LOADS),
                 yardstick_ms=list(YARDSTICK))
    about = machine()
    result = {"date": date.today().isoformat(), "machine": about, "runs": runs, "heavy_runs": heavy,
              "facts": facts, "figures": summarise(samples, facts.get("not_measured"))}
    host = "".join(c if c.isalnum() or c in "-_" else "-" for c in about["host"]) or "host"
    out = args.out or HERE / "results" / f"{result['date']}-{host}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    missed = print_report(result, out, time.perf_counter() - started)
    if old is not None:
        print_comparison(old, result, args.compare)
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
