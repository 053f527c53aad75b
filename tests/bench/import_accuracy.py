"""Per-field accuracy of the plan importer: on the seeds, and on every generated layout family.

Run: ``python tests/bench/import_accuracy.py`` from the repository root. Prints, per
seed and per field, correct/total and the percentage; then, per layout family of
``plan_layouts.py``, the tasks found and the fields right (over every expected task,
so a task not found counts all its fields wrong), per field and overall. Not a test:
it never fails, it measures (the tests in tests/app/importers assert the floor).
"""

from __future__ import annotations

import json
import sys
import tempfile
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from app.importers import read_plan_file  # noqa: E402
from tests.bench.plan_layouts import FAMILIES, documents  # noqa: E402

EXPECTED = REPO / "tests" / "fixtures" / "expected"
SEEDS = {"seed002.json": "002_ddfdc451bd3e8b7f.txt", "seed000.json": "000_060e3244ce13f715.txt"}
FIELDS = ("found", "area", "lead", "coordinators", "product", "timeframe")


def norm(text) -> str:
    """NFC text with runs of white space made one space (lists joined with " | ")."""
    if isinstance(text, list):
        return " | ".join(norm(item) for item in text)
    return " ".join(unicodedata.normalize("NFC", str(text or "")).split())


def _match(expected_tasks: list[dict], actual_tasks: list) -> list:
    """For each expected task, the first unused actual task whose title starts with its title_start."""
    used: set[int] = set()
    matches = []
    for want in expected_tasks:
        start = norm(want["title_start"])
        index = next(
            (i for i, task in enumerate(actual_tasks) if i not in used and norm(task.title).startswith(start)),
            None,
        )
        if index is not None:
            used.add(index)
        matches.append(None if index is None else actual_tasks[index])
    return matches


def score(plan, expected: dict) -> dict[str, tuple[int, int]]:
    """correct/total per field: areas (by position), header facts, and each task field."""
    result = {"areas": (sum(1 for a, b in zip(plan.areas, expected["areas"]) if norm(a) == norm(b)),
                        max(len(plan.areas), len(expected["areas"])))}
    for key in ("title", "number", "year"):
        result[key] = (int(norm(getattr(plan, key)) == norm(expected[key])), 1)
    matches = _match(expected["tasks"], plan.tasks)
    counts = {name: 0 for name in FIELDS}
    for want, got in zip(expected["tasks"], matches):
        if got is None:
            continue
        counts["found"] += 1
        for name in FIELDS[1:]:
            counts[name] += int(norm(getattr(got, name)) == norm(want[name]))
    total = len(expected["tasks"])
    result.update({name: (counts[name], total) for name in FIELDS})
    result["extra tasks"] = (len(plan.tasks) - counts["found"], len(plan.tasks))
    return result


def measure(expected_name: str) -> dict[str, tuple[int, int]]:
    """Read one seed and score it against its expectation file."""
    expected = json.loads((EXPECTED / expected_name).read_text(encoding="utf-8"))
    plan = read_plan_file(REPO / "tests" / "fixtures" / "seeds" / SEEDS[expected_name])
    return score(plan, expected)


LAYOUT_FIELDS = ("area", "title", "lead", "coordinators", "product", "timeframe")


def _title(text: str) -> str:
    return norm(text).rstrip(" .;")


def layout_counts(plan, areas: list[dict]) -> dict[str, int]:
    """Expected tasks, tasks found (by the start of their title) and right fields per field, for one document."""
    expected = [dict(task, area=area["name"]) for area in areas for task in area["tasks"]]
    counts = {"tasks": len(expected), "found": 0, **{name: 0 for name in LAYOUT_FIELDS}}
    for want, got in zip(expected, _pairs(plan.tasks, expected)):
        if got is None:
            continue
        counts["found"] += 1
        for name in LAYOUT_FIELDS:
            if name == "title":
                counts[name] += int(_title(got.title) == _title(want["title"]))
            else:
                counts[name] += int(norm(getattr(got, name)) == norm(want[name]))
    counts["extra"] = len(plan.tasks) - counts["found"]
    return counts


def _pairs(tasks: list, expected: list[dict]) -> list:
    """The task read for each expected one: same title first, then the same first 40 characters."""
    used: set[int] = set()
    found: list = [None] * len(expected)
    for same in (lambda got, want: got == want, lambda got, want: got.startswith(want[:40])):
        for position, want in enumerate(expected):
            if found[position] is not None:
                continue
            index = next((i for i, task in enumerate(tasks) if i not in used and same(_title(task.title),
                                                                                       _title(want["title"]))), None)
            if index is not None:
                used.add(index)
                found[position] = tasks[index]
    return found


def measure_family(family, folder: Path) -> dict[str, int]:
    """The summed counts of every document of one family (each vocabulary × task list)."""
    total: dict[str, int] = {}
    for _vocabulary, name, data, areas in documents(family):
        path = folder / name
        path.write_bytes(data)
        for key, value in layout_counts(read_plan_file(path), areas).items():
            total[key] = total.get(key, 0) + value
    return total


def percentages(counts: dict[str, int]) -> tuple[float, float]:
    """(tasks found %, fields right %) of a family's counts."""
    fields = sum(counts[name] for name in LAYOUT_FIELDS)
    return 100.0 * counts["found"] / counts["tasks"], 100.0 * fields / (counts["tasks"] * len(LAYOUT_FIELDS))


def print_layouts() -> None:
    header = "".join(f"{name[:6]:>7}" for name in LAYOUT_FIELDS)
    print(f"{'layout family':<34}{'tasks':>7}{'fields':>7}  |{header}{'extra':>7}")
    overall: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as folder:
        for family in FAMILIES:
            counts = measure_family(family, Path(folder))
            for key, value in counts.items():
                overall[key] = overall.get(key, 0) + value
            _print_row(family.name, counts)
    _print_row("OVERALL", overall)


def _print_row(name: str, counts: dict[str, int]) -> None:
    found, fields = percentages(counts)
    per_field = "".join(f"{100.0 * counts[field] / counts['tasks']:>7.1f}" for field in LAYOUT_FIELDS)
    print(f"{name:<34}{found:>7.1f}{fields:>7.1f}  |{per_field}{counts['extra']:>7}")


def main() -> None:
    for name in SEEDS:
        print(f"{name} ({SEEDS[name]})")
        for field_name, (correct, total) in measure(name).items():
            percent = 100.0 * correct / total if total else 100.0
            print(f"  {field_name:<13} {correct:>3}/{total:<3} {percent:6.1f}%")
    print()
    print_layouts()


if __name__ == "__main__":
    main()
