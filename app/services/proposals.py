"""What the app can work out itself: proposed scores and emulation marks, each with a one-line reason.

A criterion names its computed source in ``source``. The facts of a year are
read once (``read_facts``), so proposing for every criterion and every official
costs a few queries, not one per row. The clerk accepts or overrides; nothing
here writes.

Sources:
- ``tasks_on_time``: checkpoints of the year's reform plan due so far, done on time;
- ``reports_on_time``: the same, for tasks that are reports (title starts "Báo cáo" …);
- ``procedures_on_time``: procedures settled on time, from the quarterly figures;
- ``no_discipline``: nobody (the official, the collective's members, the commune) disciplined that year;
- ``plan_tasks_completed``: every checkpoint of the tasks one leads done on time;
- ``has_initiative``: an initiative recognised that year with the official (a member) as author;
- ``procedures_all_on_time``: 100 % of procedures settled on time;
- ``par_score_rising``: the self-scoring total above the previous year's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.criteria import (
    MANUAL,
    OPTIONS,
    PAR,
    PASSFAIL,
    RATIO,
    YESNO,
    CriterionData,
    band_points,
)
from app.domain.criteria_text import format_band_condition
from app.domain.score_totals import tally
from app.domain.emulation import MET, NOT_MET, UNKNOWN
from app.domain.plan_kinds import REFORM
from app.domain.points import format_percent, format_points, rounded
from app.domain.vietnamese import fold
from app.queries.models.scoring import Proposal
from db.models import (
    AreaRow,
    AssessmentRow,
    CollectiveRow,
    CriterionRow,
    DisciplineRow,
    InitiativeAuthorRow,
    InitiativeRow,
    OccurrenceRow,
    OfficialRow,
    PlanRow,
    ProcedureStatRow,
    ScoreEntryRow,
    TaskRow,
)

OFFICIAL, COLLECTIVE = "official", "collective"
SOURCES = {
    "tasks_on_time": "Tỷ lệ nhiệm vụ kế hoạch CCHC hoàn thành đúng hạn",
    "reports_on_time": "Tỷ lệ báo cáo gửi đúng hạn",
    "procedures_on_time": "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn",
    "no_discipline": "Không có cán bộ, công chức bị kỷ luật",
    "plan_tasks_completed": "Hoàn thành các nhiệm vụ chủ trì trong kế hoạch CCHC",
    "has_initiative": "Có sáng kiến được công nhận",
    "procedures_all_on_time": "100% hồ sơ TTHC đúng hạn",
    "par_score_rising": "Điểm chỉ số CCHC tăng so với năm trước",
}


@dataclass(frozen=True)
class Checkpoint:
    number: str
    title: str
    product: str
    lead_official_id: int | None
    due: date
    status: str
    completed_on: date | None

    @property
    def on_time(self) -> bool:
        return self.status == "done" and (self.completed_on is None or self.completed_on <= self.due)


@dataclass(frozen=True)
class Measure:
    """What a source found: a percentage or a yes/no, and how, in one line."""

    percent: Decimal | None = None
    met: bool | None = None
    text: str = ""


@dataclass(frozen=True)
class MarkProposal:
    status: str
    reason: str


@dataclass
class Facts:
    """Everything the sources read for one year, read once."""

    year: int
    cutoff: date
    checkpoints: list[Checkpoint] = field(default_factory=list)
    departments: dict[int, str] = field(default_factory=dict)  # official id -> department
    offices: dict[int, int | None] = field(default_factory=dict)  # official id -> office (a collective with a kind)
    names: dict[int, str] = field(default_factory=dict)
    discipline: dict[int, list[str]] = field(default_factory=dict)  # official id -> measures
    initiatives: dict[int, list[str]] = field(default_factory=dict)  # official id -> titles
    procedures: tuple[int, int] | None = None  # (received, on time) over the year; None if not entered
    par_totals: dict[int, Decimal] = field(default_factory=dict)  # year -> total of entered scores


def read_facts(session: Session, year: int, today: date) -> Facts:
    facts = Facts(year, min(today, date(year, 12, 31)))
    query = (
        select(TaskRow.title, TaskRow.product, TaskRow.position, AreaRow.position, TaskRow.lead_official_id, OccurrenceRow.due,
               OccurrenceRow.status, OccurrenceRow.completed_on)
        .join(TaskRow, OccurrenceRow.task_id == TaskRow.id)
        .join(AreaRow, TaskRow.area_id == AreaRow.id)
        .join(PlanRow, AreaRow.plan_id == PlanRow.id)
        .where(PlanRow.year == year, PlanRow.kind == REFORM, OccurrenceRow.due.is_not(None),
               OccurrenceRow.due <= facts.cutoff)
        .order_by(AreaRow.position, TaskRow.position, OccurrenceRow.due)
    )
    for title, product, task_position, area_position, lead, due, status, completed_on in session.execute(query):
        facts.checkpoints.append(
            Checkpoint(f"{area_position}.{task_position}", title, product, lead, due, status, completed_on))
    for official_id, name, department, office_id in session.execute(
        select(OfficialRow.id, OfficialRow.full_name, OfficialRow.department, OfficialRow.office_id)
    ):
        facts.names[official_id] = name
        facts.departments[official_id] = department
        facts.offices[official_id] = office_id
    for official_id, form, number in session.execute(
        select(DisciplineRow.official_id, DisciplineRow.form, DisciplineRow.decision_number)
        .where(DisciplineRow.year == year)
    ):
        facts.discipline.setdefault(official_id, []).append(f"{form} (QĐ số {number})" if number else form)
    for official_id, title, body, number in session.execute(
        select(InitiativeAuthorRow.official_id, InitiativeRow.title, InitiativeRow.recognised_by,
               InitiativeRow.decision_number)
        .join(InitiativeRow, InitiativeRow.id == InitiativeAuthorRow.initiative_id)
        .where(InitiativeRow.year == year)
    ):
        recognised = ", ".join(part for part in (f"QĐ số {number}" if number else "", body) if part)
        facts.initiatives.setdefault(official_id, []).append(f"“{title}”" + (f" ({recognised})" if recognised else ""))
    stats = session.execute(
        select(ProcedureStatRow.received, ProcedureStatRow.on_time).where(ProcedureStatRow.year == year)
    ).all()
    if any(received for received, _ in stats):
        facts.procedures = (sum(row[0] for row in stats), sum(row[1] for row in stats))
    for past in (year - 1, year):
        value = par_total(session, past)
        if value is not None:
            facts.par_totals[past] = value
    return facts


def par_total(session: Session, year: int) -> Decimal | None:
    """The total of the scores entered for a year's self-scoring (scaled for "Không áp dụng"); None without one."""
    from app.services.criteria_sets import read_set

    assessment = session.scalar(select(AssessmentRow).where(AssessmentRow.year == year, AssessmentRow.kind == PAR))
    if assessment is None:
        return None
    stored = read_set(session, assessment.set_id)
    by_id = {criterion_id: code for code, criterion_id in stored.criterion_ids.items()}
    scores, not_applicable = {}, set()
    for criterion_id, points, na in session.execute(
        select(ScoreEntryRow.criterion_id, ScoreEntryRow.points, ScoreEntryRow.not_applicable)
        .join(CriterionRow, CriterionRow.id == ScoreEntryRow.criterion_id)
        .where(ScoreEntryRow.assessment_id == assessment.id)
    ):
        if criterion_id in by_id:
            scores[by_id[criterion_id]] = points
            if na:
                not_applicable.add(by_id[criterion_id])
    if not any(value is not None for value in scores.values()):
        return None
    # the total the rating reads: two years with different criteria "Không áp dụng" compare on one scale
    return tally(stored.data.criteria, scores, not_applicable, stored.data.na_rule).scaled


def _is_report(point: Checkpoint) -> bool:
    """A reporting task: "… chế độ thông tin báo cáo …" in its title, or a product that is a report."""
    return "bao cao" in fold(point.title) or fold(point.product).startswith("bao cao")


# --- measures -----------------------------------------------------------------------------

def _share(checkpoints: list[Checkpoint], what: str, year: int, cutoff: date) -> Measure:
    if not checkpoints:
        return Measure(text=f"Chưa có {what} nào đến hạn tính đến {cutoff:%d/%m/%Y} trong kế hoạch CCHC năm {year}")
    done = sum(1 for point in checkpoints if point.on_time)
    percent = Decimal(done) * 100 / len(checkpoints)
    so_far = "" if cutoff == date(year, 12, 31) else f" (tính đến {cutoff:%d/%m/%Y})"
    return Measure(
        percent=percent, met=done == len(checkpoints),
        text=f"{done}/{len(checkpoints)} {what} của kế hoạch CCHC năm {year} hoàn thành đúng hạn"
             f" ({format_percent(percent)}){so_far}",
    )


def measure(source: str, facts: Facts) -> Measure | None:
    """The commune-wide measure of a source (for self-scoring); None for an unknown source."""
    if source == "tasks_on_time":
        return _share(facts.checkpoints, "kỳ việc", facts.year, facts.cutoff)
    if source == "reports_on_time":
        reports = [point for point in facts.checkpoints if _is_report(point)]
        return _share(reports, "kỳ báo cáo", facts.year, facts.cutoff)
    if source in ("procedures_on_time", "procedures_all_on_time"):
        if facts.procedures is None:
            return Measure(text=f"Chưa nhập số hồ sơ TTHC theo quý của năm {facts.year} (Thi đua → Số liệu TTHC)")
        received, on_time = facts.procedures
        percent = Decimal(on_time) * 100 / received
        return Measure(percent, on_time == received,
                       f"{on_time}/{received} hồ sơ TTHC năm {facts.year} giải quyết đúng hạn ({format_percent(percent)})")
    if source == "no_discipline":
        return _discipline_measure(list(facts.names), facts, "cán bộ, công chức nào của xã")
    if source == "par_score_rising":
        now, before = facts.par_totals.get(facts.year), facts.par_totals.get(facts.year - 1)
        if now is None or before is None:
            missing = facts.year if now is None else facts.year - 1
            return Measure(text=f"Chưa có điểm tự chấm chỉ số CCHC năm {missing} để so sánh")
        change = now - before
        word = "tăng" if change > 0 else ("giảm" if change < 0 else "không đổi")
        return Measure(met=change > 0, text=(
            f"Tổng điểm tự chấm năm {facts.year} là {format_points(now)}, năm {facts.year - 1} là "
            f"{format_points(before)}: {word}" + (f" {format_points(abs(change))} điểm" if change else "")))
    return None


def _discipline_measure(official_ids: list[int], facts: Facts, nobody: str) -> Measure:
    found = [f"{facts.names.get(official_id, '?')}: {', '.join(facts.discipline[official_id])}"
             for official_id in official_ids if official_id in facts.discipline]
    if found:
        return Measure(met=False, text=f"Năm {facts.year} có kỷ luật: " + "; ".join(found))
    return Measure(met=True, text=f"Sổ theo dõi không ghi {nobody} bị kỷ luật năm {facts.year}")


# --- self-scoring -----------------------------------------------------------------------------------

def propose_score(criterion: CriterionData, facts: Facts) -> Proposal | None:
    """The score the app proposes for a criterion with a computed source; None when it has none."""
    if not criterion.source:
        return None
    found = measure(criterion.source, facts)
    if found is None:
        return None
    maximum = criterion.max_points or Decimal(0)
    kind = criterion.rule.kind
    if kind == RATIO and found.percent is not None:
        points, band = band_points(criterion.rule, maximum, found.percent)
        how = ""
        if band is not None:
            how = " theo tỷ lệ" if band.prorata else ""
            how = f" (mức “{format_band_condition(band)}”{how})"
        return Proposal(points, f"{found.text} → {format_points(points)} điểm{how}.")
    if found.met is not None and kind in (YESNO, RATIO, PASSFAIL):
        points = maximum if found.met else Decimal(0)
        return Proposal(points, f"{found.text} → {format_points(points)} điểm.")
    if found.percent is not None and kind in (MANUAL, OPTIONS):
        points = min(maximum, rounded(found.percent / 100 * maximum))
        return Proposal(points, f"{found.text} → {format_points(points)} điểm (tỷ lệ × điểm tối đa).")
    if found.met is not None:
        points = maximum if found.met else Decimal(0)
        return Proposal(points, f"{found.text} → {format_points(points)} điểm.")
    return Proposal(None, found.text.rstrip(".") + ".")


# --- emulation marks ---------------------------------------------------------------------------------

def subject_members(facts: Facts, subject_kind: str, subject_id: int, collectives: dict[int, CollectiveRow]) -> list[int]:
    if subject_kind == OFFICIAL:
        return [subject_id]
    collective = collectives.get(subject_id)
    if collective is None:
        return []
    if collective.kind:  # an office of the UBND: the officials working in it
        return [official_id for official_id, office_id in facts.offices.items() if office_id == collective.id]
    if not collective.department:
        return list(facts.names)
    return [official_id for official_id, department in facts.departments.items()
            if department == collective.department]


def propose_mark(criterion: CriterionData, subject_kind: str, subject_id: int, facts: Facts,
                 collectives: dict[int, CollectiveRow]) -> MarkProposal | None:
    """Met / not met / unknown for a computable emulation criterion; None when the app cannot judge it."""
    source = criterion.source
    if not source:
        return None
    members = subject_members(facts, subject_kind, subject_id, collectives)
    whole_commune = subject_kind == COLLECTIVE and collectives.get(subject_id) is not None \
        and not collectives[subject_id].department and not collectives[subject_id].kind
    if source == "no_discipline":
        nobody = "người này" if subject_kind == OFFICIAL else "thành viên nào của tập thể"
        return _mark(_discipline_measure(members, facts, nobody))
    if source == "has_initiative":
        found = [f"{facts.names.get(member, '?')}: {'; '.join(facts.initiatives[member])}"
                 for member in members if member in facts.initiatives]
        if found:
            return MarkProposal(MET, "Sáng kiến " + "; ".join(found))
        who = "người này" if subject_kind == OFFICIAL else "thành viên nào của tập thể"
        return MarkProposal(NOT_MET, f"Sổ sáng kiến năm {facts.year} không có sáng kiến nào của {who}")
    if source == "plan_tasks_completed":
        points = facts.checkpoints if whole_commune else [
            point for point in facts.checkpoints if point.lead_official_id in set(members)]
        if not points:
            who = "Người này" if subject_kind == OFFICIAL else "Tập thể"
            return MarkProposal(UNKNOWN, f"{who} không chủ trì nhiệm vụ nào đến hạn trong kế hoạch CCHC năm "
                                         f"{facts.year}; cần đánh giá trực tiếp")
        late = [point for point in points if not point.on_time]
        if late:
            listed = "; ".join(f"{point.title} (hạn {point.due:%d/%m/%Y})" for point in late[:3])
            more = f" và {len(late) - 3} kỳ khác" if len(late) > 3 else ""
            return MarkProposal(NOT_MET, f"{len(late)}/{len(points)} kỳ việc chưa hoàn thành đúng hạn: {listed}{more}")
        return MarkProposal(MET, f"{len(points)}/{len(points)} kỳ việc chủ trì trong kế hoạch CCHC năm "
                                 f"{facts.year} hoàn thành đúng hạn")
    if source in ("procedures_all_on_time", "procedures_on_time", "par_score_rising", "tasks_on_time",
                  "reports_on_time"):
        return _mark(measure(source, facts))
    return None


def _mark(found: Measure | None) -> MarkProposal | None:
    if found is None:
        return None
    if found.met is None:
        return MarkProposal(UNKNOWN, found.text)
    return MarkProposal(MET if found.met else NOT_MET, found.text)

