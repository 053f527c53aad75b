"""Plans laid out differently from the seeds: each generated layout family is read whole, file by file."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from app.importers import read_plan_file

TESTS = Path(__file__).resolve().parents[2]
FLOOR_TASKS = 90.0
FLOOR_FIELDS = 90.0


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, TESTS / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BENCH = _load("import_accuracy")
FAMILIES = BENCH.FAMILIES


@pytest.mark.parametrize("family", FAMILIES, ids=[family.name for family in FAMILIES])
def test_layout_family_is_read_above_the_floor(family, tmp_path):
    """Every vocabulary × task list of the family: ≥ 90 % of tasks found and ≥ 90 % of their fields right."""
    counts = BENCH.measure_family(family, tmp_path)
    found, fields = BENCH.percentages(counts)
    assert found >= FLOOR_TASKS, f"{family.name}: {found:.1f}% of tasks found"
    assert fields >= FLOOR_FIELDS, f"{family.name}: {fields:.1f}% of fields right"


def test_families_cover_ten_layouts_text_and_word():
    """The generator has at least ten families, in text, pasted tables and Word files."""
    suffixes = {family.suffix for family in FAMILIES}
    assert len(FAMILIES) >= 10 and suffixes == {".txt", ".docx"}


@pytest.mark.parametrize("family", FAMILIES, ids=[family.name for family in FAMILIES])
def test_no_task_is_invented(family, tmp_path):
    """No family yields a task that is not in its hand-labelled list (a sub-heading or header row as a task)."""
    counts = BENCH.measure_family(family, tmp_path)
    assert counts["extra"] == 0


def test_a_generated_word_table_reads_back_from_disk(tmp_path):
    """A generated two-row-header Word table, written to disk, gives its areas in order."""
    family = next(f for f in FAMILIES if "2-row" in f.name)
    _vocabulary, name, data, areas = next(BENCH.documents(family))
    path = tmp_path / name
    path.write_bytes(data)
    plan = read_plan_file(path)
    assert plan.areas == [area["name"] for area in areas]
