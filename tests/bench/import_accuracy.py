"""Per-field accuracy of the plan importer on the seeds against hand-labelled expectations.

Run: ``python tests/bench/import_accuracy.py`` from the repository root. Prints, per
seed and per field, correct/total and the percentage. Not a test: it never fails,
it measures (the tests in tests/app/importers assert the floor).
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from app.importers import read_plan_file  # noqa: E402

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


def main() -> None:
    for name in SEEDS:
        print(f"{name} ({SEEDS[name]})")
        for field_name, (correct, total) in measure(name).items():
            percent = 100.0 * correct / total if total else 100.0
            print(f"  {field_name:<13} {correct:>3}/{total:<3} {percent:6.1f}%")


if __name__ == "__main__":
    main()
