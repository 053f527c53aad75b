"""What the package's data file (``du-lieu-cchc.json``) says, read from the same read models the papers print.

The tasks are the year's plans as the checklist holds them, each with one status as of ``today`` drawn from
its checkpoints; the self-scoring is the score sheet the biểu tự chấm điểm prints; the proposals are the
nominees of the year's award dossiers with the council's vote and who grants each award on the dossier's
day (as the dossier page and its papers say); the decisions are the commune Chairman's issued ones with the
money each nominee receives as the decision's list prints it. Nothing here re-derives a rule.
"""

from __future__ import annotations

from datetime import date

from app.domain.law import grant_on
from app.domain.progress import DONE, DOING, SKIPPED, is_overdue
from app.exchange.package_data import (
    CommuneInfo,
    DecisionAwardData,
    DecisionData,
    PackageData,
    ProposalData,
    ScoreLineData,
    ScoringData,
    TaskData,
    criteria_version,
)
from app.queries import checklist_view
from app.queries.models.award_decision import nominee_money
from app.queries.models.council import Outcome
from app.queries.models.dossier import DossierInfo, Nomination
from app.queries.models.profile import CommuneProfile
from app.queries.package import issued_decisions
from app.services.criteria_sets import read_set
from app.services.award_decision import route
from app.services.council import outcomes, read_meeting, read_outcomes
from app.services.dossier import judged, list_dossiers, nominations, verdicts
from app.services.dossier_day import dossier_day
from app.services.plan_tree import plan_tree
from app.services.plans import list_plans
from app.services.profile import get_profile
from app.services.score_sheet import score_sheet
from app.store import Store


def package_data(store: Store, year: int, period: str, today: date, exported_at: str = "",
                 app_version: str = "", period_label: str = "") -> PackageData:
    """The data file's content for ``year``'s package exported on ``today`` (``period``: the report's key or "")."""
    profile = get_profile(store)
    dossiers = year_dossiers(store, year, today)
    return PackageData(
        commune=commune_info(profile), year=year, period=period, period_label=period_label,
        exported_at=exported_at, app_version=app_version, tasks=year_tasks(store, year, today),
        scoring=year_scoring(store, year, today), proposals=year_proposals(dossiers, today),
        decisions=year_decisions(store, year, dossiers, today))


def commune_info(profile: CommuneProfile) -> CommuneInfo:
    return CommuneInfo(profile.commune_name, profile.province, profile.unit_kind or "xa", profile.commune_code)


# ---------------------------------------------------------------- tasks


def task_status(checkpoints, today: date) -> str:
    """One task's status from its checkpoints (``TASK_STATUSES``): all skipped → cancelled; one not finished and
    past due → overdue; all done or skipped → done; any begun or done → in_progress; else planned."""
    statuses = [row.status for row in checkpoints]
    if not statuses:
        return "planned"
    if all(status == SKIPPED for status in statuses):
        return "cancelled"
    if any(is_overdue(row.status, row.due, today) for row in checkpoints):
        return "overdue"
    if all(status in (DONE, SKIPPED) for status in statuses):
        return "done"
    if any(status in (DONE, DOING) for status in statuses):
        return "in_progress"
    return "planned"


def year_tasks(store: Store, year: int, today: date) -> tuple[TaskData, ...]:
    """Every task of the year's plans in plan order, with its checkpoints as the checklist holds them."""
    with store.reading() as connection:
        rows = checklist_view.year_checklist(connection, year)
    by_task: dict[int, list] = {}
    for row in rows:
        by_task.setdefault(row.task_id, []).append(row)
    found = []
    for plan in list_plans(store, year):
        label = f"{plan.label} (số {plan.number})" if plan.number else plan.label
        for area in plan_tree(store, plan.id):
            for task in area.tasks:
                checkpoints = by_task.get(task.id, [])
                found.append(_task(label, area.title, task, checkpoints, today))
    return tuple(found)


def _task(label: str, area: str, task, checkpoints: list, today: date) -> TaskData:
    status = task_status(checkpoints, today)
    finished = [row.completed_on for row in checkpoints if row.status == DONE and row.completed_on]
    return TaskData(
        plan=label, area=area, title=" ".join(task.title.split()), lead=task.lead, timeframe=task.timeframe,
        status=status, done_on=max(finished).isoformat() if status == "done" and finished else "",
        checkpoints_done=sum(1 for row in checkpoints if row.status in (DONE, SKIPPED)),
        checkpoints_total=len(checkpoints))


# ---------------------------------------------------------------- self-scoring


def year_scoring(store: Store, year: int, today: date | None = None) -> ScoringData | None:
    """The year's PAR self-scoring as the score sheet reads it; None when the year has no set chosen."""
    sheet = score_sheet(store, year, today)
    if sheet is None:
        return None
    with store.transaction() as session:
        data = read_set(session, sheet.set_id).data
    lines = tuple(ScoreLineData(
        code=line.code, name=line.name, parent_code=line.parent_code, max_points=line.max_points,
        node_kind=line.node_kind, is_leaf=line.is_leaf, points=line.points if line.is_leaf else None,
        not_applicable=line.not_applicable, declared=line.declared, comment=line.comment,
        appraised=line.appraised if line.is_leaf else None, appraisal_note=line.appraisal_note)
        for line in sheet.lines)
    return ScoringData(sheet.set_name, data.year, sheet.set_issuer, sheet.set_decision, criteria_version(lines),
                       data.na_rule, tuple(data.ratings), lines)


# ---------------------------------------------------------------- awards


def _letter(number: str, day: date | None, kind: str) -> str:
    if not number and day is None:
        return ""
    text = f"{kind} số {number}" if number else f"{kind} chưa có số"
    return text + (f" ngày {day:%d/%m/%Y}" if day else "")


def _proposal(item: Nomination, outcome, day: date, letter: str) -> ProposalData:
    grantor = ""
    if item.award is not None:
        grantor = grant_on(item.award_key, day, item.award.authority_level, item.award.authority).grantor
    result = outcome.result if outcome is not None else None
    return ProposalData(
        nominee=item.name, nominee_kind=item.subject_kind, award_key=item.award_key, title=item.award_name,
        authority=grantor, votes_for=result.votes_for if result else item.votes_for,
        votes_total=result.base if result else None,
        vote_text=outcome.text() if outcome is not None else "Chưa nhập số phiếu", dossier=letter)


DossierRead = tuple[DossierInfo, list[Nomination], dict[int, Outcome], "date | None"]


def year_proposals(dossiers: list[DossierRead], today: date) -> tuple[ProposalData, ...]:
    """Every nominee of the year's award dossiers, in the dossiers' order, as their papers print them."""
    found = []
    for dossier, listed, results, held_on in dossiers:
        day = dossier_day(dossier.letter_date, held_on, today, dossier.year)
        letter = _letter(dossier.letter_number, dossier.letter_date, "Tờ trình")
        found += [_proposal(item, results.get(item.id), day, letter) for item in listed]
    return tuple(found)


def year_decisions(store: Store, year: int, dossiers: list[DossierRead], today: date) -> tuple[DecisionData, ...]:
    """The commune Chairman's issued award decisions of the year with each award and its money."""
    read = {dossier.id: (listed, results) for dossier, listed, results, _ in dossiers}
    found = []
    for decision in issued_decisions(store, year):
        listed, results = read.get(decision.dossier_id) or _one_dossier(store, decision.dossier_id, today)
        granted = route(listed, results).commune  # what the decision's list prints (decision_paper_facts)
        awards = tuple(DecisionAwardData(item.name, item.subject_kind, item.award_key, item.award_name,
                                         nominee_money(item, decision.base_salary)) for item in granted)
        found.append(DecisionData(decision.number, decision.signed_on.isoformat() if decision.signed_on else "",
                                  awards))
    return tuple(found)


def year_dossiers(store: Store, year: int, today: date) -> list[DossierRead]:
    """(dossier, nominations, outcomes, meeting day) of each of the year's dossiers: the emulation verdicts read
    once for the year and every dossier in one transaction, instead of once per paper's facts."""
    dossiers = list_dossiers(store, year)
    if not dossiers:
        return []
    found = verdicts(store, year, today)
    with store.transaction() as session:
        return [(dossier, judged(session, dossier.id, year, found, today), read_outcomes(session, dossier.id),
                 read_meeting(session, dossier.id).held_on) for dossier in dossiers]


def _one_dossier(store: Store, dossier_id: int, today: date):
    return nominations(store, dossier_id, today), outcomes(store, dossier_id)
