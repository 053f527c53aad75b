"""The year's score sheet as the screens and papers read it (``ScoreSheet`` in ``app/queries/models/scoring.py``):
lines, subtotals, the totals of today's shape (bonus, penalty, "Không áp dụng") for the self-score and,
when the province's appraisal is in, for the appraised score. ``app/services/scoring.py`` edits it.

A leaf the appraisers left without a score keeps the self-score in the appraised total: the appraisal
letter lists the criteria it changed, and what it does not change stands.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.criteria import (
    PAR,
    PENALTY,
    CriteriaSetData,
    CriterionData,
    children_by_parent,
    describe_rule,
    rating_for,
    subtotals,
)
from app.domain.score_totals import node_kinds, tally
from app.queries.models.scoring import ScoreEvidence, ScoreLine, ScoreSheet
from app.services.criteria_sets import read_set
from app.services.proposals import propose_score, read_facts
from app.store import Store
from db.models import AssessmentRow, CriteriaSetRow, EvidenceFileRow, ScoreEntryRow, ScoreEvidenceRow

MANUAL_BASIS, PROPOSAL_BASIS = "manual", "proposal"


def _assessment(session: Session, year: int, kind: str = PAR) -> AssessmentRow | None:
    return session.scalar(select(AssessmentRow).where(AssessmentRow.year == year, AssessmentRow.kind == kind))


def _entries(session: Session, assessment_id: int) -> dict[int, ScoreEntryRow]:
    return {row.criterion_id: row for row in session.scalars(
        select(ScoreEntryRow).where(ScoreEntryRow.assessment_id == assessment_id))}


def _depths(criteria: tuple[CriterionData, ...]) -> dict[str, int]:
    by_code = {criterion.code: criterion for criterion in criteria}
    depths: dict[str, int] = {}
    for criterion in criteria:
        depth, code, seen = 0, criterion.parent_code, set()
        while code in by_code and code not in seen:
            seen.add(code)
            depth += 1
            code = by_code[code].parent_code
        depths[criterion.code] = depth
    return depths


def _previous_scores(session: Session, year: int) -> dict[str, Decimal | None] | None:
    """Last year's scores by code, subtotals included (the set may be another version: codes match)."""
    row = _assessment(session, year - 1)
    if row is None:
        return None
    stored = read_set(session, row.set_id)
    by_id = {criterion_id: code for code, criterion_id in stored.criterion_ids.items()}
    scores = {by_id[criterion_id]: entry.points for criterion_id, entry in _entries(session, row.id).items()
              if criterion_id in by_id and not entry.not_applicable}
    if not any(value is not None for value in scores.values()):
        return None
    return subtotals(stored.data.criteria, scores)


def score_sheet(store: Store, year: int, today: date | None = None) -> ScoreSheet | None:
    """The year's scoring as the screen and the papers show it; None before a set is chosen."""
    today = today or date.today()
    with store.transaction() as session:
        row = _assessment(session, year)
        if row is None:
            return None
        stored = read_set(session, row.set_id)
        entries = _entries(session, row.id)
        previous = _previous_scores(session, year)
        facts = read_facts(session, year, today)
        evidence = _evidence_by_entry(session, [entry.id for entry in entries.values()])
        set_row = session.get(CriteriaSetRow, row.set_id)
        set_names = (set_row.name, set_row.issuer, set_row.decision)
        assessment_id = row.id
    by_code = {code: entries[ids] for code, ids in stored.criterion_ids.items() if ids in entries}
    return _sheet(year, stored.id, set_names, stored.data, stored.criterion_ids, by_code, previous, facts, evidence,
                  assessment_id)


def _scores(by_code: dict[str, ScoreEntryRow], appraised: bool) -> dict[str, Decimal | None]:
    if not appraised:
        return {code: entry.points for code, entry in by_code.items()}
    return {code: entry.appraised_points if entry.appraised_points is not None else entry.points
            for code, entry in by_code.items()}


def _sheet(year, set_id, set_names, data: CriteriaSetData, ids, by_code, previous, facts, evidence,
           assessment_id) -> ScoreSheet:
    criteria = data.criteria
    children = children_by_parent(criteria)
    na_codes = {code for code, entry in by_code.items() if entry.not_applicable and code not in children}
    has_appraisal = any(entry.appraised_points is not None for entry in by_code.values())
    own = tally(criteria, _scores(by_code, False), na_codes, data.na_rule)
    checked = tally(criteria, _scores(by_code, True), na_codes, data.na_rule) if has_appraisal else None
    values = subtotals(criteria, {code: value for code, value in _scores(by_code, False).items() if code not in na_codes})
    appraised_values = subtotals(criteria, {code: value for code, value in _scores(by_code, True).items()
                                            if code not in na_codes}) if has_appraisal else {}
    kinds, depths = node_kinds(criteria), _depths(criteria)
    lines = []
    for criterion in criteria:
        entry = by_code.get(criterion.code)
        is_leaf = criterion.code not in children
        appraised = appraised_values.get(criterion.code)
        if is_leaf:  # a leaf shows what the appraisers wrote, not the self-score it keeps in the total
            appraised = entry.appraised_points if entry is not None and criterion.code not in na_codes else None
        lines.append(ScoreLine(
            criterion_id=ids[criterion.code], code=criterion.code, name=criterion.name, level=criterion.level,
            depth=depths[criterion.code], max_points=criterion.max_points, rule=describe_rule(criterion.rule),
            evidence_expected=criterion.evidence, is_leaf=is_leaf,
            points=values.get(criterion.code), basis=entry.basis if entry else MANUAL_BASIS,
            comment=entry.comment if entry else "",
            proposal=propose_score(criterion, facts) if is_leaf else None,
            previous=previous.get(criterion.code) if previous else None,
            evidence=evidence.get(entry.id, ()) if entry else (), parent_code=criterion.parent_code,
            node_kind=kinds[criterion.code], na_allowed=criterion.na_allowed,
            not_applicable=criterion.code in na_codes, declared=entry.declared if entry else "",
            appraised=appraised, appraisal_note=entry.appraisal_note if entry else "",
        ))
    leaves = [line for line in lines if line.is_leaf]
    previous_total = None
    if previous:
        previous_total = sum(((-1 if root.node_kind == PENALTY else 1) * (previous.get(root.code) or Decimal(0))
                              for root in criteria if not root.parent_code), Decimal(0))
    name, issuer, decision = set_names
    return ScoreSheet(
        year=year, set_id=set_id, set_name=name, set_issuer=issuer, set_decision=decision,
        lines=tuple(lines), total=own.total, max_total=own.applicable_max, rating=rating_for(own.scaled, data.ratings),
        previous_total=previous_total,
        scored=sum(1 for line in leaves if line.points is not None or line.not_applicable), leaves=len(leaves),
        totals=own, appraised=checked,
        appraised_rating=rating_for(checked.scaled, data.ratings) if checked else "", assessment_id=assessment_id,
    )


def _evidence_by_entry(session: Session, entry_ids: list[int]) -> dict[int, tuple[ScoreEvidence, ...]]:
    if not entry_ids:
        return {}
    result: dict[int, list[ScoreEvidence]] = {}
    query = (select(ScoreEvidenceRow, EvidenceFileRow.stored_as)
             .join(EvidenceFileRow, EvidenceFileRow.id == ScoreEvidenceRow.file_id)
             .where(ScoreEvidenceRow.entry_id.in_(entry_ids)).order_by(ScoreEvidenceRow.id))
    for link, stored_as in session.execute(query):
        result.setdefault(link.entry_id, []).append(ScoreEvidence(link.id, link.file_id, link.original_name, stored_as))
    return {key: tuple(value) for key, value in result.items()}
