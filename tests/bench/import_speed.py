"""How long the importer takes on a 200-page plan, in text and in Word (issue 19: under 5 s).

Run: ``python tests/bench/import_speed.py`` from the repository root. Generates the plan by
repeating the layout families' task lists (about 46 lines of A4 text per page) and prints
seconds per layout. Not a test: it measures and never fails.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from app.importers import read_plan_file  # noqa: E402
from tests.bench.plan_layouts import FAMILIES, TABLE_VOCABULARIES, TEXT_VOCABULARIES, task_lists  # noqa: E402

PAGES = 200
CHARACTERS_PER_PAGE = 3000  # an A4 page of 13-point Times New Roman
TASKS_PER_AREA = 23  # as many as the letters a) … y) number


def big_areas(pages: int = PAGES) -> list[dict]:
    """Areas of ``TASKS_PER_AREA`` tasks, the hand-labelled tasks in turn, enough for ``pages`` pages of text."""
    pool = [task for areas in task_lists() for area in areas for task in area["tasks"]]
    wanted = pages * CHARACTERS_PER_PAGE
    areas, size, turn = [], 0, 0
    while size < wanted:
        tasks = [pool[(turn + i) % len(pool)] for i in range(TASKS_PER_AREA)]
        turn += TASKS_PER_AREA
        areas.append({"name": f"Lĩnh vực {len(areas) + 1}", "tasks": tasks})
        size += sum(len(" ".join(map(str, task.values()))) + 120 for task in tasks)
    return areas


def main() -> None:
    areas = big_areas()
    chosen = ("text: a) tasks, label lines", "text: labels on one line ;", "pasted table: tabs",
              "docx: paragraphs, one line", "docx: table, 2-row header")
    with tempfile.TemporaryDirectory() as folder:
        for family in (f for f in FAMILIES if f.name in chosen):
            vocabulary = next(iter((TEXT_VOCABULARIES if family.vocabularies is TEXT_VOCABULARIES
                                    else TABLE_VOCABULARIES).values()))
            data = family.write(areas, vocabulary)
            path = Path(folder) / f"plan{family.suffix}"
            path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
            started = time.perf_counter()
            plan = read_plan_file(path)
            seconds = time.perf_counter() - started
            print(f"{family.name:<34} {len(plan.tasks):>5} tasks  {seconds:6.2f} s")


if __name__ == "__main__":
    main()
