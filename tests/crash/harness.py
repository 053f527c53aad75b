"""Crash trials: start the writer, SIGKILL it at a seeded random moment, then check the data folder.

After every kill ``check`` asks:

* the database passes ``PRAGMA integrity_check`` and opens through ``app.startup.open_store``;
* every acknowledged write is there with its value (officials, tasks, statuses, the
  plan); a write that was begun but never acknowledged may or may not be there;
* every acknowledged evidence link is there, and its stored file exists with the
  right sha256; every file under ``evidence/`` is named by its own sha256 (``.part``
  leftovers excepted, and no row points at one);
* the award dossier: every acknowledged nominee is in its dossier, every acknowledged
  vote count (or cleared count) stands, every acknowledged registration is there, and
  the decision is issued (with the award records it wrote) or withdrawn (with none) as
  last acknowledged;
* the progress report's narrative: every acknowledged section text of the year (or its
  reset to the suggestion: no row) is the one stored;
* every acknowledged backup is listed, every listed backup passes its check and
  holds the officials and tasks acknowledged before it; ``.partial`` files are not listed;
* every acknowledged migration (the main folder's, and the side copies) left the
  file at ``HEAD`` with its old data and a whole pre-migration backup;
* the data folder's lock, held by the writer as the window holds it, can be taken
  at once by another process (this one): a kill or a power cut never leaves a
  stale lock that would keep the clerk out.

The next trial continues on the same folder. POSIX only (fork, SIGKILL).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import func, select

from app import folder_lock
from app.paths import DataFolder
from app.startup import open_store
from db import migrate
from db.backup import latest_good_backup, list_backups
from db.engine import make_engine
from db import journal
from db.integrity import integrity_problems, is_intact
from db.models import (
    AwardDecisionRow,
    AwardKindRow,
    AwardRecordRow,
    CriteriaSetRow,
    DossierRow,
    EvidenceFileRow,
    EvidenceLinkRow,
    NominationRow,
    NominationVoteRow,
    OccurrenceRow,
    OfficialRow,
    PlanRow,
    RegistrationRow,
    ReportTextRow,
    ScoreEntryRow,
    TaskRow,
)
from tests.crash.writer import (
    REPORT_PERIOD_KEYS, REPORT_SECTIONS, YEAR, Zygote, registration_key, report_text_key, spawn_trial,
)

OLD_REVISION = "0001"
OLD_OFFICIAL = "Lê Thị Cũ Trước Nâng Cấp"
WAIT_RANGE = (0.05, 0.6)
FIELDS = {
    "official": ("full_name", "birth_year", "position"),
    "task": ("title", "timeframe", "product", "target_value"),
    "status": ("status", "completed_on", "reason"),
    "plan": ("title", "year"),
    "score": ("points",),
    "dossier": ("year", "campaign"),
    "nomination": ("dossier_id", "subject_kind", "subject_id", "award_key"),
    "votes": ("votes_for",),  # None: cleared
    "decision": ("issued", "records"),  # records: award history rows the issue wrote
    "report_text": ("text",),  # None: reset to the suggestion (no row)
}
KIND_OF_OP = {"add_official": "official", "update_official": "official", "add_task": "task",
              "update_task": "task", "set_status": "status", "create_plan": "plan",
              "set_score": "score", "create_dossier": "dossier", "add_nomination": "nomination",
              "set_votes": "votes", "issue_decision": "decision", "withdraw_decision": "decision",
              "set_report_text": "report_text", "reset_report_text": "report_text"}
REGISTRATION_OPS = ("register", "import_registrations")


def make_old_schema_database(path: Path) -> None:
    """A database at revision 0001 holding one official, as an old release left it."""
    engine = make_engine(path)
    migrate.upgrade(engine, OLD_REVISION)
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO official (id, full_name, gender, birth_year, position, department, category, active)"
            f" VALUES (1, '{OLD_OFFICIAL}', 'Nữ', 1970, 'Văn phòng', '', 'Công chức', 1)")
    engine.dispose()


# --- what the log promises --------------------------------------------------------------


@dataclass
class Promises:
    """The acknowledged state: last acked value per record, and values begun after it."""

    acked: dict = field(default_factory=dict)  # (kind, id) -> values
    pending: dict = field(default_factory=dict)  # (kind, id) -> [values begun, not acknowledged]
    evidence: list = field(default_factory=list)
    backups: list = field(default_factory=list)
    side_migrations: list = field(default_factory=list)
    registrations: set = field(default_factory=set)  # registration keys acknowledged (only ever added)
    main_migrated: dict | None = None
    ack_count: int = 0


def read_log(path: Path) -> list[dict]:
    if not path.exists():
        return []
    lines = []
    for text in path.read_text(encoding="utf-8").splitlines():
        try:
            lines.append(json.loads(text))
        except json.JSONDecodeError:  # a line cut by the kill cannot be an ack that returned
            continue
    return lines


def promises_of(lines: list[dict]) -> Promises:
    found = Promises()
    for line in lines:
        kind = KIND_OF_OP.get(line["op"])
        key = (kind, line.get("id") if kind != "plan" else line.get("plan_id"))
        values = {name: line.get(name) for name in FIELDS.get(kind, ())}
        if line["phase"] == "intent":
            if kind and key[1] is not None:
                found.pending.setdefault(key, []).append(values)
            continue
        found.ack_count += 1
        if kind:
            found.acked[key], found.pending[key] = values, []
        elif line["op"] in REGISTRATION_OPS:
            found.registrations.update(line["keys"])
        elif line["op"] == "attach":
            found.evidence.append(line)
        elif line["op"] == "backup":
            found.backups.append(line)
        elif line["op"] == "migrate_copy":
            found.side_migrations.append(line)
        elif line["op"] == "migrate_main":
            found.main_migrated = line
    return found


# --- the checks -------------------------------------------------------------------------


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def _query(database: Path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def raw_revision(database: Path) -> str | None:
    try:
        return _query(database, "SELECT version_num FROM alembic_version")[0][0]
    except (sqlite3.Error, IndexError):
        return None


def raw_ids(database: Path, table: str) -> set[int]:
    return {row[0] for row in _query(database, f"SELECT id FROM {table}")}


@dataclass
class CheckResult:
    checked: int = 0
    losses: list[str] = field(default_factory=list)  # acknowledged data missing or wrong
    damage: list[str] = field(default_factory=list)  # unopenable files, half files taken for whole
    leftovers: int = 0  # .part/.partial files a kill left behind (allowed)

    @property
    def problems(self) -> list[str]:
        return self.losses + self.damage


class Checker:
    """Checks one data folder against its log; remembers files it already proved whole."""

    def __init__(self, folder: DataFolder, log: Path) -> None:
        self.folder, self.log = folder, log
        self._hashes: dict[tuple, str] = {}
        self._good_backups: set[tuple] = set()
        self._checked_backups: set[str] = set()
        self._opened_sides: set[str] = set()

    def check(self) -> CheckResult:
        result = CheckResult()
        self._check_lock_free(result)
        promises = promises_of(read_log(self.log))
        database = self.folder.database
        if not database.exists():
            if promises.ack_count:
                result.losses.append(f"database missing after {promises.ack_count} acknowledged writes")
            return result
        problems = integrity_problems(database)
        if problems:
            result.damage.append(f"integrity_check: {problems[:3]}")
            return result
        revision = raw_revision(database)
        if promises.main_migrated and revision != migrate.HEAD:
            result.losses.append(f"acknowledged migration lost: revision {revision}")
        try:
            store, _report = open_store(self.folder)
        except Exception as error:  # noqa: BLE001 — any failure to open is the finding
            result.damage.append(f"open_store failed: {type(error).__name__}: {error}")
            return result
        try:
            _report_unseeded(result, shipped_data_missing(store, self.folder.root.name))
            self._check_records(store, promises, result)
            self._check_evidence(store, promises, result)
            result.damage.extend(journal_problems(database))
        finally:
            store.close()
        self._check_backups(self.folder, promises, result)
        self._check_side_migrations(promises, result)
        return result

    def _check_lock_free(self, result: CheckResult) -> None:
        """The dead writer's lock must be gone: taken here at once (never waited for), then let go."""
        if not self.folder.root.exists():
            return
        try:
            folder_lock.acquire(self.folder, "checker").release()
        except folder_lock.FolderBusyError as busy:
            result.damage.append(f"folder lock still held after the kill: {busy.details}")

    def _check_records(self, store, promises: Promises, result: CheckResult) -> None:
        with store.transaction() as session:
            actual = {
                "official": {r.id: r for r in session.scalars(select(OfficialRow))},
                "task": {r.id: r for r in session.scalars(select(TaskRow))},
                "status": {r.id: r for r in session.scalars(select(OccurrenceRow))},
                "plan": {r.id: r for r in session.scalars(select(PlanRow))},
                "score": {r.criterion_id: r for r in session.scalars(select(ScoreEntryRow))},
                **_award_rows(session),
                "report_text": _report_texts(session),
            }
            if 1 not in actual["official"]:
                result.losses.append("the official from the old-schema database is gone")
            for (kind, record_id), expected in promises.acked.items():
                result.checked += 1
                row = actual[kind].get(record_id)
                if row is None:
                    result.losses.append(f"{kind} {record_id} acknowledged but missing")
                    continue
                values = {name: _plain(getattr(row, name)) for name in FIELDS[kind]}
                if values != expected and values not in promises.pending.get((kind, record_id), []):
                    result.losses.append(f"{kind} {record_id}: acknowledged {expected}, found {values}")
            registered = {registration_key(r.subject_kind, r.subject_id, r.award_key)
                          for r in session.scalars(select(RegistrationRow).where(RegistrationRow.year == YEAR))}
            for key in sorted(promises.registrations):
                result.checked += 1
                if key not in registered:
                    result.losses.append(f"registration {key} acknowledged but missing")

    def _check_evidence(self, store, promises: Promises, result: CheckResult) -> None:
        evidence = self.folder.evidence
        with store.transaction() as session:
            files = {r.id: (r.sha256, r.stored_as) for r in session.scalars(select(EvidenceFileRow))}
            links = {r.id: (r.task_id, r.occurrence_id, r.file_id) for r in session.scalars(select(EvidenceLinkRow))}
        for sha, stored_as in files.values():
            path = evidence / stored_as
            if stored_as.endswith(".part") or not path.is_file():
                result.losses.append(f"evidence row {sha[:12]} points at a missing or temporary file {stored_as}")
            elif self._hash(path) != sha:
                result.damage.append(f"evidence file {stored_as} does not hold its recorded content")
        for ack in promises.evidence:
            result.checked += 1
            link = links.get(ack["link_id"])
            if link is None:
                result.losses.append(f"evidence link {ack['link_id']} ({ack['name']}) acknowledged but missing")
            elif link[:2] != (ack["task_id"], ack["occurrence_id"]) or files[link[2]][0] != ack["sha256"]:
                result.losses.append(f"evidence link {ack['link_id']} changed: {link}, {files[link[2]]}")
        for path in evidence.rglob("*"):
            if not path.is_file():
                continue
            if path.name.endswith(".part"):
                result.leftovers += 1
            elif path.name.split(".")[0] != self._hash(path) or path.parent.name != path.name[:2]:
                result.damage.append(f"evidence/{path.relative_to(evidence)} is not named by its content's sha256")

    def _hash(self, path: Path) -> str:
        stat = path.stat()
        key = (str(path), stat.st_size, stat.st_mtime_ns)
        if key not in self._hashes:
            self._hashes[key] = sha256_of(path)
        return self._hashes[key]

    def _check_backups(self, folder: DataFolder, promises: Promises, result: CheckResult) -> None:
        listed = {backup.path.name: backup for backup in list_backups(folder.backups)}
        for name, backup in listed.items():
            stat = backup.path.stat()
            key = (name, stat.st_size, stat.st_mtime_ns)
            if key in self._good_backups:
                continue
            if name.endswith(".partial") or (backup.kind != "damaged" and not is_intact(backup.path)):
                result.damage.append(f"backup {name} is listed but not whole")
            else:
                self._good_backups.add(key)
        if folder.backups.is_dir():
            result.leftovers += sum(1 for path in folder.backups.iterdir() if path.name.endswith(".partial"))
        wanted = list(promises.backups)
        if promises.main_migrated and promises.main_migrated.get("backup"):
            wanted.append({"name": promises.main_migrated["backup"], "official_ids": [1]})
        for ack in wanted:
            result.checked += 1
            if ack["name"] not in listed:
                result.losses.append(f"acknowledged backup {ack['name']} is not listed")
            elif ack["name"] not in self._checked_backups:
                self._check_backup_holds(listed[ack["name"]].path, ack, result)
                self._checked_backups.add(ack["name"])
        if wanted and latest_good_backup(folder.backups) is None:
            result.losses.append("backups were acknowledged but none is good")

    @staticmethod
    def _check_backup_holds(path: Path, ack: dict, result: CheckResult) -> None:
        for table, key in ((OfficialRow.__tablename__, "official_ids"), (TaskRow.__tablename__, "task_ids")):
            if key not in ack:
                continue
            missing = set(ack.get(key, ())) - raw_ids(path, table)
            if missing:
                result.losses.append(f"backup {path.name} lacks {table} rows acknowledged before it: {sorted(missing)[:5]}")

    def _check_side_migrations(self, promises: Promises, result: CheckResult) -> None:
        acked = {ack["folder"]: ack for ack in promises.side_migrations}
        root = self.folder.root / "migration-trials"
        for side_root in sorted(root.iterdir()) if root.is_dir() else ():
            side = DataFolder(side_root)
            ack = acked.get(side_root.name)
            if ack:
                if str(side_root) not in self._opened_sides:
                    result.checked += 1
                    self._check_acked_migration(side, ack, result)
            elif side.database.exists() and str(side_root) not in self._opened_sides:
                self._open_unacked(side, result)
            self._opened_sides.add(str(side_root))

    @staticmethod
    def _check_acked_migration(side: DataFolder, ack: dict, result: CheckResult) -> None:
        where = side.root.name
        if integrity_problems(side.database) or raw_revision(side.database) != migrate.HEAD:
            result.losses.append(f"acknowledged migration {where} is not whole at {migrate.HEAD}")
        elif 1 not in raw_ids(side.database, OfficialRow.__tablename__):
            result.losses.append(f"acknowledged migration {where} lost the old official")
        backup = side.backups / (ack["backup"] or "")
        if not ack["backup"] or not is_intact(backup) or raw_revision(backup) != OLD_REVISION:
            result.losses.append(f"migration {where}: pre-migration backup {ack['backup']} missing or not whole")

    @staticmethod
    def _open_unacked(side: DataFolder, result: CheckResult) -> None:
        """A migration cut short must leave a file that still opens (and then migrates)."""
        try:
            store, _report = open_store(side)
            try:
                _report_unseeded(result, shipped_data_missing(store, side.root.name))
            finally:
                store.close()
        except Exception as error:  # noqa: BLE001
            result.damage.append(f"interrupted migration {side.root.name} does not open: {type(error).__name__}: {error}")
            return
        if raw_revision(side.database) != migrate.HEAD:
            result.damage.append(f"interrupted migration {side.root.name} did not reach {migrate.HEAD} when reopened")


def journal_problems(database: Path) -> list[str]:
    """A kill during an action must leave the whole action and its whole journal entry, or neither.

    So: no step left open, none without rows, no row without its step, and the newest step's rows
    as the data holds them now (its undo is not refused).
    """
    problems = []
    # closed before returning: a connection left to the garbage collector would later delete the -wal
    # file of whatever database then bears this name (a restore replaces the file), losing its commits
    with closing(sqlite3.connect(database)) as conn:
        for state, count in conn.execute("SELECT state, count(*) FROM journal_action WHERE state NOT IN"
                                         " ('done', 'undone') GROUP BY state"):
            problems.append(f"journal: {count} step(s) left {state!r}")
        empty = conn.execute("SELECT count(*) FROM journal_action a WHERE NOT EXISTS"
                             " (SELECT 1 FROM journal_row r WHERE r.action_id = a.id)").fetchone()[0]
        if empty:
            problems.append(f"journal: {empty} step(s) without rows")
        if conn.execute("PRAGMA foreign_key_check(journal_row)").fetchall():
            problems.append("journal: rows without their step")
        conn.isolation_level = None
        conn.execute("BEGIN")
        try:
            journal.undo(conn)
        except journal.JournalConflict as conflict:
            problems.append(f"journal: the newest step does not match the data ({conflict.table} {conflict.row_id})")
        finally:
            conn.execute("ROLLBACK")
    return problems


def shipped_data_missing(store, where: str) -> list[str]:
    """A database opened at HEAD must hold what the migration ships: the PAR criteria set and the award kinds.

    (The writer never deletes them.) A kill between the schema upgrade and the seeding must not leave a
    database that says it is up to date without them.
    """
    with store.transaction() as session:
        par = session.scalar(select(func.count(CriteriaSetRow.id)).where(CriteriaSetRow.kind == "par"))
        kinds = session.scalar(select(func.count(AwardKindRow.id)))
    missing = [what for what, count in (("the shipped criteria sets", par), ("the award kinds", kinds)) if not count]
    return [f"{where}: at {migrate.HEAD} but without {' and '.join(missing)}"] if missing else []


def _report_unseeded(result: CheckResult, missing: list[str]) -> None:
    result.damage.extend(missing)


def _award_rows(session) -> dict:
    """The dossier's records as the checker compares them: votes per nomination, the decision's state."""
    nominations = {r.id: r for r in session.scalars(select(NominationRow))}
    votes = dict(session.execute(select(NominationVoteRow.nomination_id, NominationVoteRow.votes_for)).all())
    records = dict(session.execute(select(AwardRecordRow.decision_id, func.count(AwardRecordRow.id))
                                   .where(AwardRecordRow.decision_id.is_not(None))
                                   .group_by(AwardRecordRow.decision_id)).all())
    return {
        "dossier": {r.id: r for r in session.scalars(select(DossierRow))},
        "nomination": nominations,
        "votes": {nomination_id: SimpleNamespace(votes_for=votes.get(nomination_id)) for nomination_id in nominations},
        "decision": {r.id: SimpleNamespace(issued=r.issued_at is not None, records=records.get(r.id, 0))
                     for r in session.scalars(select(AwardDecisionRow))},
    }


def _report_texts(session) -> dict:
    """Every section of every period of the year, with its stored text or None (the suggestion)."""
    stored = {report_text_key(r.period, r.section): r.text
              for r in session.scalars(select(ReportTextRow).where(ReportTextRow.year == YEAR))}
    return {report_text_key(period, section): SimpleNamespace(text=stored.get(report_text_key(period, section)))
            for period in REPORT_PERIOD_KEYS for section in REPORT_SECTIONS}


def _plain(value):
    if isinstance(value, Decimal):
        return str(value)
    return value.isoformat() if hasattr(value, "isoformat") else value


# --- one trial ---------------------------------------------------------------------------


@dataclass
class TrialResult:
    index: int
    worker_seed: int
    wait: float
    killed: bool
    acknowledged: int  # acknowledged writes in the log so far
    check: CheckResult


class Campaign:
    """Trials on one data folder under ``root``, reproducible from ``seed``."""

    def __init__(self, root: Path, seed: int, spawn: bool = False, fault: str = "") -> None:
        self.root, self.seed, self.spawn, self.fault = root, seed, spawn, fault
        root.mkdir(parents=True, exist_ok=True)
        self.folder = DataFolder(root / "data")
        self.log, self.stderr = root / "ack.jsonl", root / "worker-stderr.txt"
        self.old_db = root / "old-schema.sqlite3"
        if not self.old_db.exists():
            make_old_schema_database(self.old_db)
        self.checker = Checker(self.folder, self.log)
        self.zygote = None if spawn else Zygote(self.stderr)

    def trial(self, index: int) -> TrialResult:
        rng = random.Random(f"{self.seed}:{index}")
        job = {"folder": str(self.folder.root), "log": str(self.log), "scratch": str(self.root / "scratch"),
               "old_db": str(self.old_db), "stderr": str(self.stderr), "run": index,
               "seed": rng.randrange(2**32), "fault": self.fault}
        wait = rng.uniform(*WAIT_RANGE)
        status = spawn_trial(job, wait) if self.spawn else self.zygote.trial(job, wait)
        killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        check = self.checker.check()
        if not killed:
            check.damage.append(f"worker stopped by itself (status {status}): {self.stderr_tail()}")
        acknowledged = promises_of(read_log(self.log)).ack_count
        return TrialResult(index, job["seed"], wait, killed, acknowledged, check)

    def stderr_tail(self, chars: int = 2000) -> str:
        return self.stderr.read_text(errors="replace")[-chars:] if self.stderr.exists() else ""

    def close(self) -> None:
        if self.zygote:
            self.zygote.close()
