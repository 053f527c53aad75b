"""run.py's consolidation figures: a consolidation that cannot be had is “n/a (why)” and the run goes on."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture
def bench(monkeypatch):
    """benchmarks/run.py and consolidation.py imported the way ``python benchmarks/run.py`` sees them."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    for name in ("run", "consolidation", "machine"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    import consolidation
    import run

    return run, consolidation


def test_a_consolidation_that_fails_is_reported_not_available_with_its_reason(bench, tmp_path, monkeypatch):
    """A folder with no package makes the command exit non-zero: the figure and its RSS are n/a with the exit code."""
    run, consolidation = bench
    monkeypatch.setattr(consolidation, "CACHE", tmp_path / "cache")
    monkeypatch.setattr(consolidation, "RUNS", (("consolidate_150", 3, 1),))
    consolidation.cache_folder(3).mkdir(parents=True)  # "made" already: nothing in it
    samples, facts = {}, {}
    missing = run.measure_consolidation(run.run_child, tmp_path, 2, lambda key, value: samples.setdefault(key, []),
                                        facts, lambda text: None)
    assert set(missing) == {"consolidate_150", "rss_consolidate_150"} and not samples
    assert missing["consolidate_150"].startswith("exit 2")
    table = run.table(run.summarise({"rss_package": [120.0]}, missing))
    assert "| Consolidate 150 packages of one year (`consolidate --json`) | n/a (exit 2" in table
    assert "| Peak RSS: the demo package | 120 MB |" in table


def test_the_answer_of_consolidate_json_is_counted_by_status(bench):
    """The command's --json answer is summed up per status, with how many communes were ranked."""
    _, consolidation = bench
    answer = {"packages": [{"status": "ok"}, {"status": "ok"}, {"status": "refused"}, {"status": "replaced"}],
              "ranking": [{"commune": "Hòa Bình"}, {"commune": "An Phú"}]}
    said = consolidation.counted("Đang tổng hợp…\n" + json.dumps(answer, ensure_ascii=False))
    assert said == "4 packages: 2 ok, 1 refused, 1 replaced; 2 ranked"
    assert consolidation.counted("không có JSON") == "no JSON answer"
