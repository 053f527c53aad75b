"""Crash trials: the writer is SIGKILLed at random moments and nothing it acknowledged is lost.

The long set is ``python tests/crash/run_long.py --kills 200``; here run the
fast set and the checks that prove the harness can fail.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="crash trials fork and SIGKILL: POSIX only")

from tests.crash.harness import Campaign, Checker, make_old_schema_database, read_log  # noqa: E402
from tests.crash.writer import run_job  # noqa: E402

FAST_SEED = 20241205
FAST_KILLS = 30


def _failures(results) -> list[str]:
    return [f"trial {r.index} (worker seed {r.worker_seed}, wait {r.wait:.3f}s): {r.check.problems}"
            for r in results if r.check.problems or not r.killed]


def test_thirty_kills_lose_no_acknowledged_write(tmp_path):
    """Thirty SIGKILLs at random moments leave a whole database holding every acknowledged write."""
    campaign = Campaign(tmp_path / "trials", FAST_SEED)
    try:
        results = [campaign.trial(index) for index in range(FAST_KILLS)]
    finally:
        campaign.close()
    assert _failures(results) == [], f"seed {FAST_SEED}; rerun with run_long.py --kills {FAST_KILLS} --seed {FAST_SEED}"
    assert results[-1].acknowledged > FAST_KILLS
    assert sum(r.check.checked for r in results) > FAST_KILLS


def test_a_fresh_interpreter_per_kill_also_loses_nothing(tmp_path):
    """The plain subprocess path (no fork server) gives the same guarantee on a couple of kills."""
    campaign = Campaign(tmp_path / "trials", FAST_SEED + 1, spawn=True)
    results = [campaign.trial(index) for index in range(2)]
    assert _failures(results) == []


def test_acknowledging_before_the_commit_is_caught_as_a_loss(tmp_path):
    """A worker that acknowledges an update before saving it is reported as losing writes."""
    campaign = Campaign(tmp_path / "trials", FAST_SEED, fault="ack-before-commit")
    try:
        losses = []
        for index in range(15):
            losses = campaign.trial(index).check.losses
            if losses:
                break
    finally:
        campaign.close()
    assert any("acknowledged" in loss for loss in losses)


# --- the checker on a folder the writer filled without being killed ----------------------


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """A data folder after 80 uninterrupted operations of the writer (its log beside it)."""
    root = tmp_path_factory.mktemp("written")
    make_old_schema_database(root / "old-schema.sqlite3")
    job = {"folder": str(root / "data"), "log": str(root / "ack.jsonl"), "scratch": str(root / "scratch"),
           "old_db": str(root / "old-schema.sqlite3"), "run": 0, "seed": 3, "max_ops": 80}
    run_job(job)
    return root


@pytest.fixture
def copy(written, tmp_path):
    root = tmp_path / "copy"
    shutil.copytree(written, root)
    return root


def _checker(root):
    from app.paths import DataFolder

    return Checker(DataFolder(root / "data"), root / "ack.jsonl")


def _acks(root, op):
    return [line for line in read_log(root / "ack.jsonl") if line["phase"] == "ack" and line["op"] == op]


def test_checker_passes_an_untouched_folder(copy):
    """With nothing tampered, every acknowledged write of every kind is found."""
    result = _checker(copy).check()
    kinds = {line["op"] for line in read_log(copy / "ack.jsonl") if line["phase"] == "ack"}
    assert result.problems == []
    assert {"add_official", "update_task", "set_status", "attach", "backup", "migrate_main"} <= kinds


def test_checker_reports_an_acknowledged_value_that_changed(copy):
    """An official whose saved name differs from the acknowledged one is a loss."""
    official_id = _acks(copy, "add_official")[-1]["id"]
    with sqlite3.connect(copy / "data" / "cchc-xa.sqlite3") as connection:
        connection.execute("UPDATE official SET full_name = 'Đã mất' WHERE id = ?", (official_id,))
    assert any(f"official {official_id}" in loss for loss in _checker(copy).check().losses)


def test_checker_reports_an_evidence_file_not_named_by_its_content(copy):
    """A stored evidence file whose bytes no longer match its sha256 name is damage."""
    sha = _acks(copy, "attach")[0]["sha256"]
    stored = next((copy / "data" / "evidence" / sha[:2]).glob(f"{sha}*"))
    stored.write_bytes(b"half a file")
    assert any(stored.name in problem for problem in _checker(copy).check().damage)


def test_checker_reports_a_half_backup_under_a_final_name(copy):
    """Half a backup is a harmless leftover as ``.partial``, but damage once it carries a backup's name."""
    backups = copy / "data" / "backups"
    whole = backups / _acks(copy, "backup")[0]["name"]
    half = whole.read_bytes()[: whole.stat().st_size // 2]
    (backups / "cchc-xa_20240101-000000_manual.sqlite3.partial").write_bytes(half)
    assert _checker(copy).check().problems == []
    (backups / "cchc-xa_20240101-000000_manual.sqlite3").write_bytes(half)
    assert any("not whole" in problem for problem in _checker(copy).check().damage)


def test_checker_reports_an_acknowledged_backup_that_vanished(copy):
    """A backup the writer was told was taken must still be in the list."""
    name = _acks(copy, "backup")[0]["name"]
    (copy / "data" / "backups" / name).unlink()
    assert any(name in loss for loss in _checker(copy).check().losses)


def test_log_lines_cut_by_a_kill_are_ignored(copy):
    """A half-written last line of the log (killed mid-write) is not read as an acknowledgement."""
    with open(copy / "ack.jsonl", "a", encoding="utf-8") as log:
        log.write(json.dumps({"run": 0, "step": 99, "phase": "ack", "op": "backup", "name": "x"})[:30])
    assert _checker(copy).check().problems == []
