"""The emulation evaluation of a year: every official and collective against the launch plan's criteria.

Individual criteria apply to officials, collective criteria to collectives
(``CriterionData.subject``). A mark the clerk sets is stored; otherwise the app's
own judgement (``propose_mark``) is shown, or "Chưa rõ". The verdict says who
qualifies and, for the others, which criteria fail and why.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.criteria import COLLECTIVE as COLLECTIVE_SUBJECT
from app.domain.criteria import EMULATION, INDIVIDUAL, CriterionData, children_by_parent
from app.domain.emulation import MARKS, UNKNOWN, Mark, verdict
from app.domain.text import clean_text
from app.domain.vietnamese import name_key
from app.errors import UserError
from app.queries.models.emulation import SUBJECT_LABELS, Evaluation, Subject  # noqa: F401 (SUBJECT_LABELS: ui/ reads it here)
from app.services.changes import Changes
from app.services.criteria_sets import read_set
from app.services.proposals import COLLECTIVE, OFFICIAL, propose_mark, read_facts
from app.read_once import remembered
from app.store import Store
from db.models import AssessmentRow, CollectiveRow, EmulationMarkRow, OfficialRow


def _assessment(session: Session, year: int) -> AssessmentRow | None:
    return session.scalar(select(AssessmentRow).where(AssessmentRow.year == year, AssessmentRow.kind == EMULATION))


def leaves_for(criteria: tuple[CriterionData, ...], subject: str) -> list[CriterionData]:
    """The criteria that are judged (no children) for collectives or individuals."""
    children = children_by_parent(criteria)
    return [criterion for criterion in criteria if criterion.code not in children and criterion.subject == subject]


def evaluation(store: Store, year: int, today: date | None = None) -> Evaluation | None:
    """Everyone's marks and verdicts for the year; None before the year's criteria set is chosen (read once per
    ``read_once`` block: every nominee list of a package judges against the same verdicts)."""
    return remembered(("emulation_evaluation", year, today), lambda: _evaluation(store, year, today))


def _evaluation(store: Store, year: int, today: date | None) -> Evaluation | None:
    with store.transaction() as session:
        row = _assessment(session, year)
        if row is None:
            return None
        stored = read_set(session, row.set_id)
        facts = read_facts(session, year, today or date.today())
        collectives = {item.id: item for item in session.scalars(
            select(CollectiveRow).where(CollectiveRow.active.is_(True)).order_by(CollectiveRow.position))}
        officials = sorted(session.scalars(select(OfficialRow).where(OfficialRow.active.is_(True))),
                           key=lambda official: name_key(official.full_name))
        stored_marks = {
            (mark.criterion_id, mark.subject_kind, mark.subject_id): mark
            for mark in session.scalars(select(EmulationMarkRow).where(EmulationMarkRow.assessment_id == row.id))
        }
        set_name = stored.data.name
    ids = stored.criterion_ids
    subjects = []
    for kind, items, criteria in (
        (COLLECTIVE, [(c.id, c.name, c.department and f"Bộ phận {c.department}" or "Toàn xã")
                      for c in collectives.values()], leaves_for(stored.data.criteria, COLLECTIVE_SUBJECT)),
        (OFFICIAL, [(o.id, o.full_name, o.position) for o in officials],
         leaves_for(stored.data.criteria, INDIVIDUAL)),
    ):
        for subject_id, name, detail in items:
            marks = []
            for criterion in criteria:
                proposal = propose_mark(criterion, kind, subject_id, facts, collectives)
                saved = stored_marks.get((ids[criterion.code], kind, subject_id))
                if saved is not None:
                    marks.append(Mark(criterion.code, criterion.name, saved.status, saved.reason, False,
                                      proposal.status if proposal else None, proposal.reason if proposal else ""))
                elif proposal is not None:
                    marks.append(Mark(criterion.code, criterion.name, proposal.status, proposal.reason, True,
                                      proposal.status, proposal.reason))
                else:
                    marks.append(Mark(criterion.code, criterion.name, UNKNOWN, "", False))
            subjects.append(Subject(kind, subject_id, name, detail, tuple(marks), verdict(marks)))
    return Evaluation(year, row.set_id, set_name, tuple(subjects), dict(ids))


def set_mark(store: Store, year: int, criterion_id: int, subject_kind: str, subject_id: int,
             status: str | None, reason: str = "") -> Changes:
    """Set (or with ``status`` None, clear back to the app's judgement) one mark."""
    if status is not None and status not in MARKS:
        raise UserError(f"Kết quả “{status}” không hợp lệ.", "Chọn Đạt, Không đạt hoặc Chưa rõ.")
    reason = clean_text(reason)
    with store.action("Chấm tiêu chuẩn thi đua") as action:
        session = action.session
        row = _assessment(session, year)
        if row is None:
            raise UserError(f"Năm {year} chưa chọn bộ tiêu chuẩn thi đua.")
        codes = {key: code for code, key in read_set(session, row.set_id).criterion_ids.items()}
        if criterion_id not in codes:
            raise UserError("Tiêu chí này không thuộc bộ tiêu chuẩn của năm.")
        mark = session.scalar(select(EmulationMarkRow).where(
            EmulationMarkRow.assessment_id == row.id, EmulationMarkRow.criterion_id == criterion_id,
            EmulationMarkRow.subject_kind == subject_kind, EmulationMarkRow.subject_id == subject_id))
        action.label = _mark_label(codes[criterion_id], _subject_name(session, subject_kind, subject_id),
                                   mark.status if mark else None, status)
        if status is None:
            if mark is not None:
                session.delete(mark)
        else:
            if mark is None:
                mark = EmulationMarkRow(assessment_id=row.id, criterion_id=criterion_id,
                                        subject_kind=subject_kind, subject_id=subject_id)
                session.add(mark)
            mark.status, mark.reason = status, reason
    return action.changes


def _subject_name(session: Session, kind: str, subject_id: int) -> str:
    row = session.get(CollectiveRow if kind == COLLECTIVE else OfficialRow, subject_id)
    if row is None:
        return ""
    return row.name if kind == COLLECTIVE else row.full_name


def _mark_label(code: str, name: str, stored: str | None, status: str | None) -> str:
    """The Edit menu's name of a mark: "Chấm 1.2 “Đạt” — Nguyễn Văn An", "Sửa lý do …", "Theo phần mềm: …"."""
    if status is None:
        return f"Theo phần mềm: {code} — {name}"
    if status == stored:
        return f"Sửa lý do {code} — {name}"
    return f"Chấm {code} “{MARKS[status]}” — {name}"
