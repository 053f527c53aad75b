"""The crash-trial worker: performs the app's write paths in a loop until it is killed.

Run as a script (``python tests/crash/writer.py``) with the repository on
``PYTHONPATH``; no Qt. Two ways to start it:

* ``--job JSON``: one run in this process; prints ``ready`` once imported.
* ``--zygote``: import everything once, then for every job line read on stdin
  fork a child that does the run; prints ``pid N`` when it forked and
  ``exited N STATUS`` when the child is gone. The fork keeps a trial cheap on an
  old machine (importing SQLAlchemy and the app costs about a second here).

Besides the plan, checklist, scoring, evidence, backup and migration writes, a
run takes the award dossier's path: nominees added to the year's dossier, the
council's votes set, registrations ticked or imported, the Chairman's decision
issued and withdrawn; and the progress report's narrative parts saved or reset to
the suggestion (``report_text``).

A job names the data folder, the acknowledgement log, a scratch folder for the
evidence sources, the old-schema database to migrate, a run number and a seed.
Before each operation the worker appends an ``intent`` line (what it is about to
write); only after the service call has returned does it append the ``ack``
line (what was committed). Both are flushed and fsynced. With
``"fault": "ack-before-commit"`` updates are acknowledged before the call, which
the harness must catch as a loss. ``Zygote`` and ``spawn_trial`` below are the
harness's end of this protocol, kept beside the worker's end.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from select import select as wait_readable

from sqlalchemy import select

from app.backups import backup_now
from app.domain.progress import DOING, DONE, SKIPPED, TODO
from app.paths import DataFolder
from app.services import award_decision, council, registration, scoring
from app.services.award_kinds import award_kinds
from app.services.checklist import set_status, year_checklist
from app.services.criteria_sets import list_sets, load_set
from app.services.dossier import add_nomination, create_dossier, list_dossiers
from app.services.evidence import attach
from app.services.officials import OfficialData, add_official, list_officials, update_official
from app.services.plan_tree import TaskData, add_task, plan_tree, update_task
from app.services.plans import PlanData, create_plan, list_plans
from app.services.report_texts import reset_text, set_text
from app import folder_lock
from app.startup import open_store
from db import migrate
from db.models import NominationRow, OccurrenceRow, RegistrationRow, TaskRow

REPO = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).resolve()
YEAR = 2024
PLAN_TITLE = "Kế hoạch cải cách hành chính năm 2024 (thử mất điện)"
TIMEFRAMES = ("Quý I", "Quý II", "Tháng 3", "Hằng quý", "Trước ngày 30/6", "Trong năm 2024", "6 tháng đầu năm")
SUFFIXES = (".pdf", ".docx", ".jpg", ".xlsx")
DOSSIER_CAMPAIGN = "Phong trào thi đua cải cách hành chính năm 2024 (thử mất điện)"
COUNCIL = ("Chủ tịch Hội đồng", "Phó Chủ tịch Hội đồng", "Ủy viên", "Ủy viên", "Thư ký")
NOMINATED_AWARDS = ("ldtt", "cstdcs", "giay_khen_xa", "bang_khen_tinh")  # three the commune grants, one it does not
COMMUNE_AWARDS = ("ldtt", "cstdcs", "giay_khen_xa")
REGISTERED_AWARDS = ("ldtt", "cstdcs")
MAX_NOMINATIONS = 40  # the eligibility read by issuing grows with the list; enough to exercise the paths
OPERATIONS = (  # (name, weight)
    ("add_official", 2), ("update_official", 3), ("add_task", 2), ("update_task", 3),
    ("set_status", 5), ("attach", 3), ("backup", 1), ("migrate_copy", 0.4), ("set_score", 3),
    ("nominate", 1.5), ("set_votes", 2), ("register", 1.5), ("decide", 1), ("report_text", 2),
)
REPORT_PERIOD_KEYS = ("q1", "h1", "q3", "year")
REPORT_SECTIONS = ("deployment", "results", "shortcomings", "direction")


class AckLog:
    """Appends one JSON line per event, flushed and fsynced before returning."""

    def __init__(self, path: Path, run: int) -> None:
        self._handle = open(path, "a", encoding="utf-8")
        self.run = run
        self.step = 0

    def write(self, phase: str, op: str, **values) -> None:
        line = {"run": self.run, "step": self.step, "phase": phase, "op": op, **values}
        self._handle.write(json.dumps(line, ensure_ascii=False, default=str) + "\n")
        self._handle.flush()
        os.fsync(self._handle.fileno())


@dataclass
class State:
    """What the worker knows of the data folder: read back from the database at start."""

    plan_id: int = 0
    area_ids: list[int] = field(default_factory=list)
    official_ids: list[int] = field(default_factory=list)
    task_ids: list[int] = field(default_factory=list)
    occurrences: list[tuple[int, int]] = field(default_factory=list)  # (occurrence id, task id)
    contents: list[tuple[int, int]] = field(default_factory=list)  # (content seed, size) attached this run
    leaves: list[tuple[int, int]] = field(default_factory=list)  # (criterion id, max points) of the PAR set
    dossier_id: int = 0
    decision_id: int = 0
    issued: bool = False
    voters: int = 0  # council members of YEAR (all present: no attendance is marked)
    award_kinds: bool = True  # False when the shipped award kinds are missing (see _score_leaves)
    nominations: dict[tuple[int, str], int] = field(default_factory=dict)  # (official id, award key) -> id
    registered: set[str] = field(default_factory=set)  # registration keys, see registration_key


def evidence_bytes(content_seed: int, size: int) -> bytes:
    return random.Random(content_seed).randbytes(size)


def evidence_size(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.15:
        return rng.randint(1_000_000, 5_000_000)
    if roll < 0.35:
        return rng.randint(100_000, 1_000_000)
    return rng.randint(1, 100_000)


class Writer:
    def __init__(self, job: dict) -> None:
        self.job = job
        self.folder = DataFolder(Path(job["folder"]))
        self.scratch = Path(job["scratch"])
        self.rng = random.Random(job["seed"])
        self.log = AckLog(Path(job["log"]), job["run"])
        self.fault = job.get("fault", "")
        self.store = None
        self.state = State()

    # --- start: the migration of an old-schema copy, then the plan ------------------------

    def start(self) -> None:
        self.lock = folder_lock.acquire(self.folder, folder_lock.WINDOW)  # held as the window holds it, until killed
        fresh = not self.folder.database.exists()
        if fresh:
            self._place_old_database(self.folder)
            self.log.write("intent", "migrate_main")
        self.store, report = open_store(self.folder)
        if fresh:
            backup = report.pre_migration_backup
            self.log.write("ack", "migrate_main", revision=migrate.HEAD, backup=backup.path.name if backup else None)
        self._read_state()

    def _place_old_database(self, folder: DataFolder) -> None:
        folder.create()
        temp = folder.database.with_name("old-schema.copying")
        shutil.copyfile(self.job["old_db"], temp)
        os.replace(temp, folder.database)

    def _read_state(self) -> None:
        state = self.state
        plans = [p for p in list_plans(self.store, YEAR) if p.title == PLAN_TITLE]
        if plans:
            state.plan_id = plans[0].id
        else:
            self.log.write("intent", "create_plan", title=PLAN_TITLE)
            plan = create_plan(self.store, PlanData(year=YEAR, title=PLAN_TITLE)).value
            self.log.write("ack", "create_plan", plan_id=plan.id, title=plan.title, year=plan.year)
            state.plan_id = plan.id
        tree = plan_tree(self.store, state.plan_id)
        state.area_ids = [area.id for area in tree]
        state.task_ids = [task.id for area in tree for task in area.tasks]
        state.official_ids = [official.id for official in list_officials(self.store)]
        state.occurrences = [(row.occurrence_id, row.task_id) for row in year_checklist(self.store, YEAR)]
        state.leaves = self._score_leaves()
        self._dossier_state()

    def _dossier_state(self) -> None:
        """The year's dossier, its council and its decision's number and date (made once, idempotently)."""
        state = self.state
        dossiers = [item for item in list_dossiers(self.store, YEAR) if item.campaign == DOSSIER_CAMPAIGN]
        if dossiers:
            state.dossier_id = dossiers[0].id
        else:
            self.log.write("intent", "create_dossier", year=YEAR, campaign=DOSSIER_CAMPAIGN)
            made = create_dossier(self.store, YEAR, DOSSIER_CAMPAIGN, today=date(YEAR, 11, 1)).value
            self.log.write("ack", "create_dossier", id=made.id, year=made.year, campaign=made.campaign)
            state.dossier_id = made.id
        present = {member.full_name for member in council.members(self.store, YEAR)}
        for number, role in enumerate(COUNCIL, start=1):
            name = f"Thành viên Hội đồng thử {number}"
            if name not in present:
                council.add_member(self.store, YEAR, role, full_name=name, title=role)
        state.voters = len(COUNCIL)
        state.award_kinds = bool(award_kinds(self.store))
        decision = award_decision.decision_for(self.store, state.dossier_id)
        if not decision.issued and (not decision.number or decision.signed_on is None):
            award_decision.update_decision(self.store, state.dossier_id, number="15/QĐ-UBND",
                                           signed_on=date(YEAR, 12, 20))
            decision = award_decision.decision_for(self.store, state.dossier_id)  # now saved, with its id
        state.decision_id, state.issued = decision.id, decision.issued
        with self.store.transaction() as session:
            state.nominations = {(row.subject_id, row.award_key): row.id for row in session.scalars(
                select(NominationRow).where(NominationRow.dossier_id == state.dossier_id,
                                            NominationRow.subject_kind == "official"))}
            state.registered = {registration_key(row.subject_kind, row.subject_id, row.award_key)
                                for row in session.scalars(select(RegistrationRow).where(RegistrationRow.year == YEAR))}

    def _score_leaves(self) -> list[tuple[int, int]]:
        """The leaves of the shipped PAR set, the year's scoring started on it (once).

        Empty when the set is missing (a kill between the schema upgrade and the seeding, which the
        checker reports): the run goes on without scores.
        """
        par = next(iter(list_sets(self.store, "par")), None)
        if par is None:
            return []
        if scoring.assessment_set(self.store, YEAR) is None:
            scoring.start(self.store, YEAR, par.id)
        stored = load_set(self.store, par.id)
        parents = {item.parent_code for item in stored.data.criteria}
        return [(stored.criterion_ids[item.code], int(item.max_points)) for item in stored.data.criteria
                if item.code not in parents and item.rule.kind == "manual"]

    # --- the loop --------------------------------------------------------------------------

    def run(self, max_ops: int | None = None) -> None:
        self.start()
        names, weights = zip(*OPERATIONS)
        done = 0
        while max_ops is None or done < max_ops:
            self.log.step += 1
            operation = self.rng.choices(names, weights)[0]
            getattr(self, operation)()
            done += 1
        self.store.close()
        self.lock.release()

    def _tag(self) -> str:
        return f"{self.log.run}-{self.log.step}"

    def add_official(self) -> None:
        data = OfficialData(full_name=f"Nguyễn Thị Thử {self._tag()}", gender="Nữ",
                            birth_year=self.rng.randint(1960, 2000), position="Công chức Văn phòng - Thống kê")
        self.log.write("intent", "add_official", **_official_values(data))
        official = add_official(self.store, data).value
        self.log.write("ack", "add_official", id=official.id, **_official_values(official))
        self.state.official_ids.append(official.id)

    def update_official(self) -> None:
        if not self.state.official_ids:
            return self.add_official()
        official_id = self.rng.choice(self.state.official_ids)
        data = OfficialData(full_name=f"Trần Văn Sửa {self._tag()}", gender="Nam",
                            birth_year=self.rng.randint(1960, 2000), position=f"Chức vụ {self._tag()}")
        self._update("update_official", official_id, _official_values(data),
                     lambda: update_official(self.store, official_id, data).value)

    def add_task(self) -> None:
        area_id = self.rng.choice(self.state.area_ids)
        data = TaskData(title=f"Nhiệm vụ thử {self._tag()}", timeframe=self.rng.choice(TIMEFRAMES),
                        product="Báo cáo", target_value=float(self.rng.randint(0, 100)))
        self.log.write("intent", "add_task", area_id=area_id, **_task_values(data))
        task = add_task(self.store, area_id, data).value
        self.log.write("ack", "add_task", id=task.id, area_id=area_id, **_task_values(task))
        self.state.task_ids.append(task.id)
        self.state.occurrences += [(occurrence_id, task.id) for occurrence_id in self._occurrences_of(task.id)]

    def _occurrences_of(self, task_id: int) -> list[int]:
        with self.store.transaction() as session:
            return list(session.scalars(select(OccurrenceRow.id).where(OccurrenceRow.task_id == task_id)))

    def update_task(self) -> None:
        if not self.state.task_ids:
            return self.add_task()
        task_id = self.rng.choice(self.state.task_ids)
        # The timeframe is kept: changing it may rightly remove an untouched checkpoint.
        with self.store.transaction() as session:
            timeframe = session.get(TaskRow, task_id).timeframe
        data = TaskData(title=f"Nhiệm vụ sửa {self._tag()}", timeframe=timeframe,
                        product=f"Sản phẩm {self._tag()}", target_value=float(self.rng.randint(0, 100)))
        self._update("update_task", task_id, _task_values(data), lambda: update_task(self.store, task_id, data))

    def set_status(self) -> None:
        if not self.state.occurrences:
            return self.add_task()
        occurrence_id, _task = self.rng.choice(self.state.occurrences)
        status = self.rng.choice((TODO, DOING, DONE, SKIPPED))
        completed_on = date(YEAR, self.rng.randint(1, 12), self.rng.randint(1, 28)) if status == DONE else None
        reason = f"Lý do {self._tag()}" if status == SKIPPED else ""
        values = {"status": status, "completed_on": completed_on and completed_on.isoformat(), "reason": reason}
        self._update("set_status", occurrence_id, values,
                     lambda: set_status(self.store, occurrence_id, status, completed_on, reason))

    def set_score(self) -> None:
        if not self.state.leaves:
            return self.set_status()
        criterion_id, maximum = self.rng.choice(self.state.leaves)
        points = Decimal(self.rng.randint(0, maximum * 4)) / 4
        self._update("set_score", criterion_id, {"points": str(points)},
                     lambda: scoring.set_score(self.store, YEAR, criterion_id, points))

    # --- the award dossier: nominees, the council's votes, registration, the decision --------

    def nominate(self) -> None:
        """A nominee added to the dossier (an official not yet proposed for that award)."""
        if not self.state.award_kinds:
            return self.add_official()
        if self.state.issued:  # an issued decision fixes the list: withdraw it first, as the clerk would
            return self.decide()
        if len(self.state.nominations) >= MAX_NOMINATIONS:
            return self.set_votes()
        free = [(official_id, key) for official_id in self.state.official_ids for key in NOMINATED_AWARDS
                if (official_id, key) not in self.state.nominations]
        if not free:
            return self.add_official()
        official_id, award_key = self.rng.choice(free)
        values = {"dossier_id": self.state.dossier_id, "subject_kind": "official", "subject_id": official_id,
                  "award_key": award_key}
        self.log.write("intent", "add_nomination", **values)
        nomination_id = add_nomination(self.store, self.state.dossier_id, "official", official_id, award_key,
                                       justification=f"Đề nghị thử {self._tag()}").value
        self.log.write("ack", "add_nomination", id=nomination_id, **values)
        self.state.nominations[(official_id, award_key)] = nomination_id

    def set_votes(self, nomination_id: int | None = None, votes: int | None = None) -> None:
        """The council's votes for a nominee (sometimes cleared); after an issue the decision is withdrawn first."""
        if self.state.issued:
            return self.decide()
        if nomination_id is None:
            if not self.state.nominations:
                return self.nominate()
            nomination_id = self.rng.choice(sorted(self.state.nominations.values()))
            roll = self.rng.random()
            votes = None if roll < 0.1 else self.state.voters if roll < 0.6 else self.rng.randint(0, self.state.voters)
        self._update("set_votes", nomination_id, {"votes_for": votes},
                     lambda: council.set_votes(self.store, nomination_id, votes))

    def register(self) -> None:
        """Registrations added: one ticked, or (an import) the year's list replaced by itself and a few more."""
        if not self.state.award_kinds:
            return self.add_official()
        free = [registration_key("official", official_id, key) for official_id in self.state.official_ids
                for key in REGISTERED_AWARDS]
        free = [key for key in free if key not in self.state.registered]
        if not free:
            return self.add_official()
        if self.rng.random() < 0.3:
            added = self.rng.sample(free, min(len(free), self.rng.randint(1, 3)))
            keys = sorted(self.state.registered | set(added))
            items = [registration.Registration(*_registration_parts(key)) for key in keys]
            self.log.write("intent", "import_registrations", keys=keys)
            registration.replace_year(self.store, YEAR, items)
            self.log.write("ack", "import_registrations", keys=keys)
        else:
            keys = [self.rng.choice(free)]
            kind, subject_id, award_key = _registration_parts(keys[0])
            self.log.write("intent", "register", keys=keys)
            registration.set_registered(self.store, YEAR, kind, subject_id, award_key, True)
            self.log.write("ack", "register", keys=keys)
        self.state.registered.update(keys)

    def decide(self) -> None:
        """Issue the Chairman's decision (carrying a nominee first if none is), or withdraw the issued one."""
        dossier_id, decision_id = self.state.dossier_id, self.state.decision_id
        if self.state.issued:
            self._update("withdraw_decision", decision_id, {"issued": False, "records": 0},
                         lambda: award_decision.withdraw(self.store, dossier_id))
            self.state.issued = False
            return
        granted = award_decision.routing(self.store, dossier_id).commune
        if not granted:
            ours = [nomination_id for (_official, key), nomination_id in sorted(self.state.nominations.items())
                    if key in COMMUNE_AWARDS]
            if not ours:
                return self.nominate()
            return self.set_votes(self.rng.choice(ours), self.state.voters)
        count = len(granted)

        def call() -> None:
            issued = award_decision.issue(self.store, dossier_id).value
            if issued != count:
                raise AssertionError(f"issue granted {issued} awards, routing said {count}")

        self._update("issue_decision", decision_id, {"issued": True, "records": count}, call)
        self.state.issued = True

    # --- the progress report's narrative ------------------------------------------------------

    def report_text(self) -> None:
        """A section of a period's report saved as the clerk typed it, or (one time in five) reset to the suggestion."""
        period, section = self.rng.choice(REPORT_PERIOD_KEYS), self.rng.choice(REPORT_SECTIONS)
        text = None if self.rng.random() < 0.2 else f"Nội dung báo cáo {self._tag()}\nĐoạn thứ hai có dấu: ầ ễ ự."
        op = "reset_report_text" if text is None else "set_report_text"
        self._update(op, report_text_key(period, section), {"text": text},
                     lambda: (reset_text(self.store, YEAR, period, section) if text is None
                              else set_text(self.store, YEAR, period, section, text)))

    def _update(self, op: str, target: int | str, values: dict, call) -> None:
        """Intent, then the call, then the ack; the faulty worker acknowledges before the call."""
        self.log.write("intent", op, id=target, **values)
        if self.fault == "ack-before-commit":
            self.log.write("ack", op, id=target, **values)
            call()
            return
        call()
        self.log.write("ack", op, id=target, **values)

    def attach(self) -> None:
        if not self.state.task_ids:
            return self.add_task()
        task_id = self.rng.choice(self.state.task_ids)
        occurrences = [o for o, t in self.state.occurrences if t == task_id]
        occurrence_id = self.rng.choice(occurrences) if occurrences and self.rng.random() < 0.5 else None
        if self.state.contents and self.rng.random() < 0.15:
            content_seed, size = self.rng.choice(self.state.contents)  # the same file again: stored once
        else:
            content_seed, size = self.rng.randrange(2**63), evidence_size(self.rng)
        self.scratch.mkdir(parents=True, exist_ok=True)
        source = self.scratch / f"bien-ban-{self._tag()}{self.rng.choice(SUFFIXES)}"
        source.write_bytes(evidence_bytes(content_seed, size))
        self.log.write("intent", "attach", task_id=task_id, occurrence_id=occurrence_id, name=source.name)
        evidence = attach(self.store, task_id, source, occurrence_id=occurrence_id).value
        self.log.write("ack", "attach", link_id=evidence.link_id, task_id=task_id, occurrence_id=occurrence_id,
                       name=evidence.original_name, sha256=evidence.sha256, size=evidence.size)
        self.state.contents.append((content_seed, size))
        source.unlink()

    def backup(self) -> None:
        self.log.write("intent", "backup")
        backup = backup_now(self.folder, "manual")
        self.log.write("ack", "backup", name=backup.path.name,
                       official_ids=sorted(self.state.official_ids), task_ids=sorted(self.state.task_ids))

    def migrate_copy(self) -> None:
        """Another old-schema copy, migrated through ``open_store`` in a folder of its own."""
        side = DataFolder(self.folder.root / "migration-trials" / self._tag())
        self.log.write("intent", "migrate_copy", folder=side.root.name)
        self._place_old_database(side)
        store, report = open_store(side)
        store.close()
        backup = report.pre_migration_backup
        self.log.write("ack", "migrate_copy", folder=side.root.name, revision=migrate.HEAD,
                       backup=backup.path.name if backup else None)


def report_text_key(period: str, section: str) -> str:
    return f"{period}:{section}"


def registration_key(subject_kind: str, subject_id: int, award_key: str) -> str:
    return f"{subject_kind}:{subject_id}:{award_key}"


def _registration_parts(key: str) -> tuple[str, int, str]:
    kind, subject_id, award_key = key.split(":")
    return kind, int(subject_id), award_key


def _official_values(data) -> dict:
    return {"full_name": data.full_name, "birth_year": data.birth_year, "position": data.position}


def _task_values(data) -> dict:
    return {"title": data.title, "timeframe": data.timeframe, "product": data.product,
            "target_value": data.target_value}


# --- the harness's side: starting and killing the worker ---------------------------------


class LineReader:
    """Lines from a pipe, with a timeout (no buffering that select() cannot see)."""

    def __init__(self, pipe) -> None:
        self.fd, self.buffer = pipe.fileno(), b""

    def readline(self, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while b"\n" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not wait_readable([self.fd], [], [], remaining)[0]:
                raise TimeoutError("worker did not answer")
            chunk = os.read(self.fd, 4096)
            if not chunk:
                raise EOFError("worker closed its output")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode()


def _worker_env() -> dict:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    env.pop("QT_QPA_PLATFORM", None)
    return env


class Zygote:
    """One pre-imported writer process that forks a fresh worker per trial."""

    def __init__(self, stderr: Path) -> None:
        self._stderr = stderr.open("ab")
        self.process = subprocess.Popen([sys.executable, str(WRITER), "--zygote"], cwd=REPO, env=_worker_env(),
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr, bufsize=0)
        self.lines = LineReader(self.process.stdout)
        if self.lines.readline(60) != "ready":
            raise RuntimeError("writer zygote did not start")

    def trial(self, job: dict, wait: float) -> int:
        """Fork a worker, SIGKILL it after ``wait`` seconds; returns its wait status."""
        self.process.stdin.write((json.dumps(job) + "\n").encode())
        pid = int(self.lines.readline(30).split()[1])
        time.sleep(wait)
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        _, reaped, status = self.lines.readline(30).split()
        assert int(reaped) == pid
        return int(status)

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)
        self._stderr.close()


def spawn_trial(job: dict, wait: float) -> int:
    """A fresh interpreter per trial (slower: imports count against the wait, which starts at ``ready``)."""
    process = subprocess.Popen([sys.executable, str(WRITER), "--job", json.dumps(job)], cwd=REPO, env=_worker_env(),
                               stdout=subprocess.PIPE, stderr=open(job["stderr"], "ab"), bufsize=0)
    if LineReader(process.stdout).readline(60) != "ready":
        raise RuntimeError("writer did not start")
    time.sleep(wait)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    process.stdout.close()
    return signal.SIGKILL if process.returncode == -signal.SIGKILL else (process.returncode & 0xFF) << 8



# --- the worker's side ------------------------------------------------------------------


def run_job(job: dict) -> None:
    Writer(job).run(job.get("max_ops"))


def _preload() -> None:
    """Import what a child would import lazily, so forked children start writing at once."""
    import alembic.command  # noqa: F401
    import alembic.script  # noqa: F401

    migrate.head_revision()


def zygote() -> None:
    _preload()
    print("ready", flush=True)
    for line in sys.stdin:
        job = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _child(job)
        print(f"pid {pid}", flush=True)
        _, status = os.waitpid(pid, 0)
        print(f"exited {pid} {status}", flush=True)


def _child(job: dict) -> None:
    """The forked worker: stdin closed, stderr to the job's file; never returns."""
    code = 0
    try:
        os.dup2(os.open(job["stderr"], os.O_WRONLY | os.O_CREAT | os.O_APPEND), 2)
        sys.stdin.close()
        run_job(job)
    except BaseException:
        traceback.print_exc()
        sys.stderr.flush()
        code = 1
    os._exit(code)


def main(argv: list[str]) -> None:
    if argv[:1] == ["--zygote"]:
        zygote()
    elif argv[:1] == ["--job"]:
        print("ready", flush=True)
        run_job(json.loads(argv[1]))
    else:
        raise SystemExit("usage: writer.py --zygote | --job JSON")


if __name__ == "__main__":
    main(sys.argv[1:])
