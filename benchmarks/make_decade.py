"""Build a ten-year data folder (2015–2024) for the benchmarks: a commune after a decade of use.

    python benchmarks/make_decade.py DIR

What it holds: the demo commune's year 2024 as shipped (``--demo``), then for each
of 2015–2023 a reform plan and an emulation plan (≈ 3,000 tasks in all, with their
checkpoints and history), a PAR INDEX self-scoring (10 criteria sets in all), the
procedures register, initiatives, and an award dossier with its council and meeting
(Form 07 of Decree 91/2017, 15 nominees a year; ≈ 150 in all with the demo's),
the carried awards written to the award history.

Everything goes through the app's services, so the file is exactly what the app
writes and opens; only the checkpoint statuses (thousands of rows) are written in
one bulk statement per year. DIR must be empty or missing.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

FIRST_YEAR, LAST_YEAR = 2015, 2024  # 2024 is the demo year as shipped
REFORM_TASKS, EMULATION_TASKS = 270, 57  # a year; with the demo's 58: ≈ 3,000 tasks
NOMINEES = 15  # a year; with the demo's two 2024 dossiers: ≈ 150
EXTRA_OFFICIALS = 20
EXTRA_COLLECTIVES = ("Văn phòng HĐND và UBND xã", "Ban Chỉ huy Quân sự xã", "Công an xã",
                     "Trạm Y tế xã", "Bộ phận Địa chính - Xây dựng xã")
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ")
MIDDLE = ("Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Đức", "Thu")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hạnh", "Khánh", "Lan", "Long", "Nam", "Oanh",
         "Phúc", "Quang", "Sơn", "Thảo", "Trung", "Uyên", "Vinh", "Yến")
POSITIONS = (("Công chức Văn hóa - Xã hội", "Văn hóa - Xã hội"), ("Công chức Tư pháp - Hộ tịch", "Tư pháp"),
             ("Công chức Địa chính - Xây dựng", "Địa chính"), ("Công chức Tài chính - Kế toán", "Tài chính"),
             ("Phó Chỉ huy trưởng Quân sự", "Quân sự"), ("Người hoạt động không chuyên trách", "Văn phòng"))


def officials_and_collectives(store, rng: random.Random) -> None:
    from app.services import registers
    from app.services.officials import OfficialData, add_official

    for n in range(EXTRA_OFFICIALS):
        position, department = POSITIONS[n % len(POSITIONS)]
        middle = MIDDLE[n % len(MIDDLE)]
        add_official(store, OfficialData(
            full_name=f"{SURNAMES[n % len(SURNAMES)]} {middle} {GIVEN[n % len(GIVEN)]}",
            gender="Nữ" if middle in ("Thị", "Thu", "Ngọc") else "Nam", birth_year=rng.randint(1968, 1996),
            position=position, department=department, category="Công chức"))
    for name in EXTRA_COLLECTIVES:
        registers.save_collective(store, name)


def criteria_sets(store) -> dict[int, int]:
    """Seven more PAR sets (one per year 2015–2021) beside the three shipped: the year → its set."""
    from app.domain.criteria import PAR
    from app.services.criteria_sets import default_sets, list_sets, save_set

    example = next(data for data in default_sets() if data.kind == PAR)
    by_year = {}
    for year in range(FIRST_YEAR, 2022):
        by_year[year] = save_set(store, replace(
            example, name=f"Bộ chỉ số CCHC cấp xã năm {year}", year=year,
            decision=f"Quyết định số {100 + year % 100}/QĐ-UBND ngày 15/01/{year} của UBND tỉnh")).value
    shipped = next(summary.id for summary in list_sets(store, PAR) if summary.name == example.name)
    return by_year | {2022: shipped, 2023: shipped}


def _templates() -> dict[str, dict]:
    from app.resources import load_json

    return {plan["kind"]: plan for plan in load_json("demo", "plans-2024.json")["plans"]}


def _plan(template: dict, year: int, count: int):
    """The demo's plan of this kind moved to ``year`` and stretched to ``count`` tasks."""
    from app.importers.plan_model import ImportedPlan, ImportedTask
    from app.services.plans import PlanData

    def moved(text: str) -> str:
        return text.replace("2024", str(year)).replace("2023", str(year - 1))

    tasks = [(area["title"], task) for area in template["areas"] for task in area["tasks"]]
    imported = []
    for n in range(count):
        area, task = tasks[n % len(tasks)]
        round_ = n // len(tasks)
        title = moved(task["title"]) + (f" (nội dung {round_ + 1})" if round_ else "")
        imported.append(ImportedTask(area, title, task["lead"], list(task["coordinators"]), moved(task["product"]),
                                     moved(task["timeframe"])))
    issue = date.fromisoformat(template["issue_date"]).replace(year=year)
    data = PlanData(
        year=year, kind=template["kind"], number=template["number"], issue_date=issue, title=moved(template["title"]),
        intro=moved(template.get("intro", "")), legal_bases=tuple(moved(b) for b in template["legal_bases"]),
        recipients=tuple(template["recipients"]), signer_authority=template["signer_authority"],
        signer_title=template["signer_title"], signer_name=template["signer_name"],
        sections=tuple((key, moved(body)) for key, body in template["sections"].items()),
    )
    return ImportedPlan(areas=[area["title"] for area in template["areas"]], tasks=imported), data


def plans(store, year: int, templates: dict) -> None:
    from app.services.plan_import import save_imported_plan

    for kind, count in (("reform", REFORM_TASKS), ("emulation", EMULATION_TASKS)):
        save_imported_plan(store, *_plan(templates[kind], year, count))


LABELS = {"todo": "Chưa thực hiện", "doing": "Đang thực hiện", "done": "Đã hoàn thành", "skipped": "Không thực hiện"}


def statuses(store, year: int, rng: random.Random) -> int:
    """A past year's checkpoints mostly done (some late, some skipped), each change in the task's history.

    One bulk UPDATE and one bulk INSERT: the service (``set_status``) is one transaction per checkpoint.
    """
    from sqlalchemy import insert, select, update

    from db.models import AreaRow, OccurrenceRow, PlanRow, TaskHistoryRow, TaskRow

    with store.transaction() as session:
        rows = session.execute(
            select(OccurrenceRow.id, OccurrenceRow.task_id, OccurrenceRow.label, OccurrenceRow.due)
            .join(TaskRow, OccurrenceRow.task_id == TaskRow.id).join(AreaRow).join(PlanRow)
            .where(PlanRow.year == year)).all()
        changes, history = [], []
        for occurrence_id, task_id, label, due in rows:
            due = due or date(year, 12, 20)
            draw = rng.random()
            if draw < 0.80:
                done = due + timedelta(days=rng.randint(-12, 3) if draw < 0.72 else rng.randint(4, 30))
                change = {"status": "done", "completed_on": min(done, date(year, 12, 31)), "reason": ""}
            elif draw < 0.87:
                change = {"status": "skipped", "completed_on": None, "reason": "Không phát sinh trong kỳ"}
            elif draw < 0.95:
                change = {"status": "doing", "completed_on": None, "reason": ""}
            else:
                continue
            changes.append({"id": occurrence_id, **change})
            when = change["completed_on"] or due
            what = f"Trạng thái kỳ “{label}”: {LABELS['todo']} → {LABELS[change['status']]}" if label else \
                f"Trạng thái: {LABELS['todo']} → {LABELS[change['status']]}"
            history.append({"task_id": task_id, "occurrence_id": occurrence_id,
                            "at": datetime.combine(when, datetime.min.time()).replace(hour=16), "what": what})
        if changes:
            session.execute(update(OccurrenceRow), changes)
            session.execute(insert(TaskHistoryRow), history)
    return len(rows)


def registers_of(store, year: int, people: list[int], rng: random.Random) -> None:
    from app.services import registers

    for quarter in range(1, 5):
        received = rng.randint(120, 420)
        registers.set_procedure_stat(store, year, quarter, received, received - rng.randint(0, 6))
    for n in range(2):
        registers.save_initiative(store, registers.InitiativeData(
            year=year, title=f"Giải pháp số hóa hồ sơ một cửa năm {year}, phần {n + 1}",
            author_ids=tuple(rng.sample(people, 2)), recognised_by="Hội đồng sáng kiến xã",
            decision_number=f"{20 + n}/QĐ-UBND", decision_date=date(year, 11, 10 + n)))


def self_scoring(store, year: int, set_id: int, rng: random.Random) -> None:
    from app.domain.criteria import YESNO
    from app.errors import UserError
    from app.services import scoring
    from app.services.criteria_sets import load_set

    scoring.start(store, year, set_id)
    stored = load_set(store, set_id)
    parents = {item.parent_code for item in stored.data.criteria}
    for item in stored.data.criteria:
        if item.code in parents or item.max_points is None:
            continue
        full = item.max_points
        points = full if item.rule.kind == YESNO or rng.random() < 0.7 else (full / 2).quantize(Decimal("0.01"))
        try:
            scoring.set_score(store, year, stored.criterion_ids[item.code], points)
        except UserError:
            scoring.set_score(store, year, stored.criterion_ids[item.code], full)


def dossier(store, year: int, people: list[tuple[int, str]], groups: list[tuple[int, str]],
            rng: random.Random) -> int:
    """The year's award dossier on Form 07 (Decree 91/2017), ready to print; returns how many nominees."""
    from app.services import council
    from app.services.achievement_draft import draft_report
    from app.services.award_history import RecordData, add_record
    from app.services.dossier import add_nomination, create_dossier, update_dossier, update_nomination

    made = create_dossier(store, year, f"Phong trào thi đua đẩy mạnh cải cách hành chính năm {year}", "nd91-m07").value
    update_dossier(store, made.id, letter_number=f"{200 + year % 100}/TTr-UBND", letter_date=date(year, 12, 5),
                   addressee="Chủ tịch Ủy ban nhân dân huyện Bình Xuân",
                   summary=f"Năm {year}, các tập thể, cá nhân có tên dưới đây đã hoàn thành tốt nhiệm vụ được giao.")
    if not council.members(store, year):
        council.copy_members(store, LAST_YEAR, year)
    members = council.members(store, year)
    chair = next(m.id for m in members if m.role.startswith("Chủ tịch"))
    secretary = next(m.id for m in members if m.role == "Thư ký")
    council.update_meeting(
        store, made.id, number=f"0{year % 10}/BB-HĐTĐKT", held_on=date(year, 11, 28), starts_at=datetime(2000, 1, 1, 8).time(),
        ends_at=datetime(2000, 1, 1, 10, 30).time(), place="Hội trường Ủy ban nhân dân xã", chair_id=chair,
        secretary_id=secretary, method="show_of_hands",
        discussion="Hội đồng đã thảo luận, đánh giá thành tích của từng tập thể, cá nhân theo tiêu chuẩn thi đua.")
    count = NOMINEES
    chosen = [("collective", gid, name, "ttldtt") for gid, name in rng.sample(groups, 3)]
    chosen += [("official", pid, name, rng.choice(("ldtt", "ldtt", "cstdcs", "giay_khen_xa")))
               for pid, name in rng.sample(people, count - 3)]
    for kind, subject, name, award in chosen:
        nomination = add_nomination(store, made.id, kind, subject, award,
                                    "Đề nghị theo kết quả bình xét của tập thể và Hội đồng Thi đua - Khen thưởng xã.").value
        draft = draft_report(store, nomination, date(year, 11, 20))
        update_nomination(store, nomination, identity=draft.identity, report_duties=draft.duties,
                          report_achievements=draft.achievements or f"Hoàn thành xuất sắc nhiệm vụ năm {year}.",
                          report_date=date(year, 11, 25))
        votes = rng.randint(5, len(members))
        council.set_votes(store, nomination, votes)
        if votes * 2 > len(members) and year < LAST_YEAR:
            add_record(store, RecordData(kind, name, year, award_name=_award_name(store, award),
                                         authority="Chủ tịch UBND xã", decision_number=f"{300 + year % 100}/QĐ-UBND",
                                         decision_date=date(year, 12, 20), subject_id=subject, award_key=award))
    return count


def _award_name(store, key: str) -> str:
    from app.services.award_kinds import award_kinds

    return award_kinds(store, active_only=False)[key].name


def build(folder: Path, seed: int = 2024, log=print) -> dict:
    """Fill ``folder`` (a new data folder) with ten years; returns the table counts."""
    from app.paths import DataFolder
    from app.services import registers
    from app.startup import open_store

    rng = random.Random(seed)
    started = time.perf_counter()
    store, _ = open_store(DataFolder(folder), demo=True)
    try:
        officials_and_collectives(store, rng)
        sets = criteria_sets(store)
        templates = _templates()
        people = registers.official_names(store, active_only=True)
        groups = [(item.id, item.name) for item in registers.list_collectives(store)]
        for year in range(FIRST_YEAR, LAST_YEAR):
            plans(store, year, templates)
            statuses(store, year, rng)
            registers_of(store, year, [pid for pid, _ in people], rng)
            if year != 2023:  # the demo scored 2023 already
                self_scoring(store, year, sets[year], rng)
            dossier(store, year, people, groups, rng)
            log(f"  {year} done ({time.perf_counter() - started:.1f} s)")
        counts = table_counts(store)
    finally:
        store.close()
    return counts


def table_counts(store) -> dict[str, int]:
    from sqlalchemy import func, select

    from db.models import CriteriaSetRow, NominationRow, OccurrenceRow, PlanRow, TaskHistoryRow, TaskRow

    with store.transaction() as session:
        return {name: session.scalar(select(func.count()).select_from(model)) for name, model in (
            ("plans", PlanRow), ("tasks", TaskRow), ("checkpoints", OccurrenceRow), ("history", TaskHistoryRow),
            ("criteria sets", CriteriaSetRow), ("nominees", NominationRow))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a new (empty or missing) data folder")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    folder = args.folder.expanduser().resolve()
    if folder.exists() and any(folder.iterdir()):
        parser.error(f"{folder} is not empty")
    started = time.perf_counter()
    counts = build(folder, args.seed)
    size = (folder / "cchc-xa.sqlite3").stat().st_size / 2**20
    print(f"{folder}: {', '.join(f'{n} {name}' for name, n in counts.items())}; {size:.1f} MB; "
          f"built in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
