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

from tests.crash.harness import OLD_REVISION, Campaign, Checker, make_old_schema_database, read_log  # noqa: E402
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
        for index in range(40):  # a kill lands between such an ack and its commit in about one trial of four
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
           "old_db": str(root / "old-schema.sqlite3"), "run": 0, "seed": 4, "max_ops": 80}
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
    assert {"add_nomination", "set_votes", "register", "import_registrations", "issue_decision"} <= kinds
    assert {"set_report_text", "reset_report_text"} <= kinds


def test_checker_reports_an_acknowledged_value_that_changed(copy):
    """An official whose saved name differs from the acknowledged one is a loss."""
    official_id = _acks(copy, "add_official")[-1]["id"]
    with sqlite3.connect(copy / "data" / "cchc-xa.sqlite3") as connection:
        connection.execute("UPDATE official SET full_name = 'Đã mất' WHERE id = ?", (official_id,))
    assert any(f"official {official_id}" in loss for loss in _checker(copy).check().losses)


def test_checker_reports_a_half_journal_entry(copy):
    """A step left open, a step without rows, or a newest step the data does not hold is damage."""
    with sqlite3.connect(copy / "data" / "cchc-xa.sqlite3") as connection:
        assert connection.execute("SELECT count(*) FROM journal_action WHERE state = 'done'").fetchone()[0] > 0
        newest = connection.execute("SELECT max(id) FROM journal_action").fetchone()[0]
        # whichever row the newest step wrote (a score, an official…) is removed behind the journal's back
        table, row_id = connection.execute("SELECT table_name, row_id FROM journal_row WHERE action_id = ?"
                                           " AND op != 'D' ORDER BY id DESC", (newest,)).fetchone()
        connection.execute("INSERT INTO journal_action (label, state, made_at) VALUES ('Nửa chừng', 'open', '')")
        connection.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (row_id,))
    damage = " | ".join(_checker(copy).check().damage)
    assert "left 'open'" in damage and "without rows" in damage and "does not match the data" in damage


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


def test_checker_reports_a_folder_lock_still_held(copy):
    """A lock that another live process still holds is reported: the check can fail."""
    import subprocess
    import sys

    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from app import folder_lock; from app.paths import DataFolder; "
         f"folder_lock.acquire(DataFolder(__import__('pathlib').Path({str(copy / 'data')!r})), 'window'); "
         "print('held', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        assert any("lock still held" in problem for problem in _checker(copy).check().damage)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert not any("lock" in problem for problem in _checker(copy).check().problems)


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


# --- the award dossier's writes ----------------------------------------------------------


def test_checker_reports_an_acknowledged_report_text_that_changed_or_vanished(copy):
    """A section text acknowledged as saved must be stored as it was: changed or deleted, it is a loss."""
    last = {line["id"]: line for line in read_log(copy / "ack.jsonl")
            if line["phase"] == "ack" and line["op"] in ("set_report_text", "reset_report_text")}
    saved = [line for line in last.values() if line["text"] is not None]
    period, section = saved[0]["id"].split(":")
    assert _sql(copy, "UPDATE report_text SET text = 'Đã mất' WHERE year = 2024 AND period = ? AND section = ?",
                period, section) == 1
    period2, section2 = saved[1]["id"].split(":")
    assert _sql(copy, "DELETE FROM report_text WHERE year = 2024 AND period = ? AND section = ?",
                period2, section2) == 1
    losses = _checker(copy).check().losses
    assert any(loss.startswith(f"report_text {saved[0]['id']}:") and "Đã mất" in loss for loss in losses)
    assert any(loss.startswith(f"report_text {saved[1]['id']}:") and "None" in loss for loss in losses)


def _sql(root, statement, *parameters):
    with sqlite3.connect(root / "data" / "cchc-xa.sqlite3") as connection:
        return connection.execute(statement, parameters).rowcount


def test_checker_reports_an_acknowledged_nominee_that_vanished(copy):
    """A nominee acknowledged as added to the dossier must still be in it (its votes with it)."""
    nomination_id = _acks(copy, "add_nomination")[-1]["id"]
    assert _sql(copy, "DELETE FROM nomination WHERE id = ?", nomination_id) == 1
    losses = _checker(copy).check().losses
    assert f"nomination {nomination_id} acknowledged but missing" in losses


def test_checker_reports_an_acknowledged_vote_count_that_changed(copy):
    """The council's votes, once acknowledged, are the ones stored."""
    last = {line["id"]: line for line in _acks(copy, "set_votes")}  # the standing count of each nominee
    ack = next(line for line in last.values() if line["votes_for"] is not None)
    assert _sql(copy, "UPDATE nomination_vote SET votes_for = ? WHERE nomination_id = ?",
                ack["votes_for"] + 7, ack["id"]) == 1
    assert any(loss.startswith(f"votes {ack['id']}:") for loss in _checker(copy).check().losses)


def test_checker_reports_an_acknowledged_registration_that_vanished(copy):
    """A registration acknowledged (ticked or imported) must still be there."""
    kind, subject_id, award_key = _acks(copy, "import_registrations")[-1]["keys"][0].split(":")
    assert _sql(copy, "DELETE FROM registration WHERE subject_kind = ? AND subject_id = ? AND award_key = ?",
                kind, int(subject_id), award_key) == 1
    assert f"registration {kind}:{subject_id}:{award_key} acknowledged but missing" in _checker(copy).check().losses


def _decided(root, wanted: str) -> dict:
    """Run the writer's decision step on the folder until its last acknowledged decision is ``wanted``."""
    from tests.crash.writer import Writer

    writer = Writer({"folder": str(root / "data"), "log": str(root / "ack.jsonl"), "scratch": str(root / "scratch"),
                     "old_db": str(root / "old-schema.sqlite3"), "run": 1, "seed": 5})
    writer.start()
    try:
        for _ in range(6):  # at most: carry a nominee, issue, withdraw, issue
            decisions = [line for line in read_log(root / "ack.jsonl")
                         if line["phase"] == "ack" and line["op"] in ("issue_decision", "withdraw_decision")]
            if decisions and decisions[-1]["op"] == wanted and decisions[-1]["run"] == 1:
                return decisions[-1]
            writer.log.step += 1
            writer.decide()
    finally:
        writer.store.close()
        writer.lock.release()
    raise AssertionError(f"the writer did not reach {wanted}")


def test_checker_reports_a_withdrawn_decision_issued_again(copy):
    """An acknowledged withdrawal of the Chairman's decision stays withdrawn."""
    withdrawn = _decided(copy, "withdraw_decision")
    assert _checker(copy).check().problems == []
    assert _sql(copy, "UPDATE award_decision SET issued_at = '2024-12-20 08:00:00.000000' WHERE id = ?",
                withdrawn["id"]) == 1
    assert any(loss.startswith(f"decision {withdrawn['id']}: acknowledged {{'issued': False")
               for loss in _checker(copy).check().losses)


def test_checker_reports_an_issued_decision_without_its_award_records(copy):
    """An acknowledged issue keeps the award history records it wrote."""
    issued = _decided(copy, "issue_decision")
    assert issued["records"] > 0 and _checker(copy).check().problems == []
    assert _sql(copy, "DELETE FROM award_record WHERE decision_id = ?", issued["id"]) == issued["records"]
    assert any(loss.startswith(f"decision {issued['id']}: acknowledged {{'issued': True")
               for loss in _checker(copy).check().losses)


# --- a kill between the schema upgrade and the seeding of the shipped data ------------------


def _upgraded_without_seeding(root):
    """What a kill right after ``migrate.upgrade`` committed leaves: the database at HEAD, nothing shipped yet,
    the installs noted as pending (as ``bring_up_to_date`` notes them before it upgrades)."""
    from app import builtin_data
    from app.paths import DataFolder
    from app.store import Store
    from db import migrate

    folder = DataFolder(root / "data")
    folder.create()
    make_old_schema_database(folder.database)
    store = Store(folder)
    builtin_data.mark_pending(store, builtin_data.brought_by(OLD_REVISION))
    migrate.upgrade(store.engine)
    store.close()
    return folder


def test_checker_reports_a_database_at_head_without_its_shipped_data(tmp_path):
    """The checker does not take such a database for whole: it is damage unless the next start installs it."""
    folder = _upgraded_without_seeding(tmp_path)
    from app.store import Store
    from tests.crash.harness import shipped_data_missing

    store = Store(folder)
    try:
        missing = shipped_data_missing(store, "data")
    finally:
        store.close()
    assert any("without the shipped criteria sets and the award kinds" in problem for problem in missing)


def test_a_kill_between_the_upgrade_and_the_install_is_finished_at_the_next_start(tmp_path):
    """The installs a kill interrupted stay pending (SQLite's user_version) and the next open_store makes them."""
    from app import builtin_data
    from app.startup import open_store
    from tests.crash.harness import shipped_data_missing

    store, _report = open_store(_upgraded_without_seeding(tmp_path))
    try:
        assert shipped_data_missing(store, "data") == []
        assert builtin_data.pending(store) == 0
    finally:
        store.close()


def test_the_writer_finishes_an_interrupted_install_and_carries_on(tmp_path):
    """A worker started on such a folder opens it (finishing the install), writes, and the checker finds it whole."""
    folder = _upgraded_without_seeding(tmp_path)
    make_old_schema_database(tmp_path / "old-schema.sqlite3")
    run_job({"folder": str(folder.root), "log": str(tmp_path / "ack.jsonl"), "scratch": str(tmp_path / "scratch"),
             "old_db": str(tmp_path / "old-schema.sqlite3"), "run": 0, "seed": 11, "max_ops": 40})
    result = Checker(folder, tmp_path / "ack.jsonl").check()
    assert result.losses == [] and result.checked > 20
    assert result.damage == [], result.damage  # the writer's own open_store finished the install
