"""Moving a year's assessment onto another criteria set (the province's new one) without losing what was scored.

``remap_plan`` reads the proposal: every scored-on criterion (a leaf) of the year's set beside the new
criterion proposed for it (``app/domain/criteria_match.py``), and the new criteria nothing moves onto.
``remap`` does what the clerk confirmed, as one undoable action: each kept score row is moved onto its
new criterion in place, so its points, comment, basis, evidence links and any column added later go
with it; the rows of criteria "không chuyển" are removed (undo brings them back); the year then uses
the new set. Emulation marks of an emulation assessment move the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.criteria import PAR, children_by_parent
from app.domain.criteria_match import HOW_LABELS, Criterion, propose, unmatched_new
from app.errors import UserError
from app.services.changes import Done, short
from app.services.criteria_sets import read_set
from app.store import Store
from db.models import AssessmentRow, CriteriaSetRow, EmulationMarkRow, ScoreEntryRow, ScoreEvidenceRow


@dataclass(frozen=True)
class RemapLine:
    """An old criterion, what was scored on it, and the new one proposed (None: not moved)."""

    old_id: int
    code: str
    name: str
    points: Decimal | None
    scored: bool  # a score, a comment or evidence, or emulation marks, would be moved or dropped
    evidence: int
    proposed: int | None
    how: str  # a HOW_LABELS key

    @property
    def how_label(self) -> str:
        return HOW_LABELS[self.how]


@dataclass(frozen=True)
class RemapPlan:
    year: int
    kind: str
    old_set: str
    new_set_id: int
    new_set: str
    lines: tuple[RemapLine, ...]
    targets: tuple[Criterion, ...]  # the new set's leaves, in order: what a line may move onto
    unmatched_new: tuple[Criterion, ...]  # new leaves nothing is proposed for

    def target(self, criterion_id: int | None) -> Criterion | None:
        return next((item for item in self.targets if item.id == criterion_id), None)


@dataclass(frozen=True)
class Remapped:
    moved: int  # criteria whose scores moved
    dropped: tuple[str, ...]  # codes of scored criteria not moved


def remap_plan(store: Store, year: int, new_set_id: int, kind: str = PAR) -> RemapPlan:
    """The proposal for moving ``year``'s assessment onto ``new_set_id``; refused when there is nothing to move."""
    with store.transaction() as session:
        assessment = _assessment(session, year, kind)
        _check_target(session, assessment, new_set_id, kind)
        old, new = _leaves(session, assessment.set_id), _leaves(session, new_set_id)
        scored = _scored(session, assessment)
        points, evidence = _points_and_evidence(session, assessment)
        old_name = session.get(CriteriaSetRow, assessment.set_id).name
        new_name = session.get(CriteriaSetRow, new_set_id).name
    matches = propose(old, new)
    lines = tuple(RemapLine(item.id, item.code, item.name, points.get(item.id), item.id in scored,
                            evidence.get(item.id, 0), match.new, match.how) for item, match in zip(old, matches))
    return RemapPlan(year, kind, old_name, new_set_id, new_name, lines, tuple(new), unmatched_new(matches, new))


def remap(store: Store, year: int, new_set_id: int, mapping: Mapping[int, int | None],
          kind: str = PAR) -> Done[Remapped]:
    """Move the year's scores as ``mapping`` (old criterion id -> new one, None: not moved) says; one undoable action."""
    with store.action(f"Chuyển năm {year} sang bộ tiêu chí khác") as action:
        session = action.session
        assessment = _assessment(session, year, kind)
        _check_target(session, assessment, new_set_id, kind)
        targets = {item.id: item for item in _leaves(session, new_set_id)}
        codes = {item.id: item.code for item in _leaves(session, assessment.set_id)}
        _check_mapping(mapping, codes, targets)
        action.label = f"Chuyển năm {year} sang bộ “{short(session.get(CriteriaSetRow, new_set_id).name)}”"
        moved, dropped = set(), set()
        for table in (ScoreEntryRow, EmulationMarkRow):
            for row in session.scalars(select(table).where(table.assessment_id == assessment.id)):
                target = mapping.get(row.criterion_id)
                if target is None:
                    dropped.add(codes.get(row.criterion_id, "?"))
                    session.delete(row)
                else:
                    moved.add(row.criterion_id)
                    row.criterion_id = target
        assessment.set_id = new_set_id
    return Done(Remapped(len(moved), tuple(sorted(dropped))), action.changes)


def _assessment(session: Session, year: int, kind: str) -> AssessmentRow:
    row = session.scalar(select(AssessmentRow).where(AssessmentRow.year == year, AssessmentRow.kind == kind))
    if row is None:
        raise UserError(f"Năm {year} chưa bắt đầu chấm điểm nên không có gì để chuyển.",
                        "Chọn bộ tiêu chí mới cho năm này ở trang Chấm điểm là đủ.")
    return row


def _check_target(session: Session, assessment: AssessmentRow, new_set_id: int, kind: str) -> None:
    chosen = session.get(CriteriaSetRow, new_set_id)
    if chosen is None or chosen.kind != kind:
        raise UserError("Bộ tiêu chí được chọn không dùng được cho việc này.",
                        "Chọn một bộ cùng loại (bộ chỉ số CCHC cho việc tự chấm điểm).")
    if chosen.id == assessment.set_id:
        raise UserError(f"Năm {assessment.year} đang dùng chính bộ “{chosen.name}”.", "Chọn một bộ tiêu chí khác.")


def _check_mapping(mapping: Mapping[int, int | None], codes: Mapping[int, str], targets: Mapping[int, Criterion]) -> None:
    onto: dict[int, int] = {}
    for old, new in mapping.items():
        if new is None:
            continue
        if new not in targets or old not in codes:
            raise UserError("Có tiêu chí được chuyển sang một tiêu chí không thuộc bộ mới (hoặc không chấm điểm được).",
                            "Đóng hộp thoại rồi mở lại để chọn lại.")
        if new in onto:
            raise UserError(f"Tiêu chí {codes[onto[new]]} và {codes[old]} cùng được chuyển sang tiêu chí "
                            f"{targets[new].code} của bộ mới.",
                            "Mỗi tiêu chí của bộ mới chỉ nhận điểm của một tiêu chí cũ: chọn “không chuyển” cho một "
                            "trong hai, hoặc chuyển sang tiêu chí khác.")
        onto[new] = old


def _leaves(session: Session, set_id: int) -> list[Criterion]:
    """The criteria scored directly (no children), in the set's order."""
    stored = read_set(session, set_id)
    parents = children_by_parent(stored.data.criteria)
    return [Criterion(stored.criterion_ids[item.code], item.code, item.name)
            for item in stored.data.criteria if item.code not in parents]


def _scored(session: Session, assessment: AssessmentRow) -> set[int]:
    ids = set(session.scalars(select(ScoreEntryRow.criterion_id).where(ScoreEntryRow.assessment_id == assessment.id)))
    return ids | set(session.scalars(select(EmulationMarkRow.criterion_id)
                                     .where(EmulationMarkRow.assessment_id == assessment.id)))


def _points_and_evidence(session: Session, assessment: AssessmentRow) -> tuple[dict[int, Decimal | None], dict[int, int]]:
    entries = session.execute(select(ScoreEntryRow.criterion_id, ScoreEntryRow.points, func.count(ScoreEvidenceRow.id))
                              .join(ScoreEvidenceRow, ScoreEvidenceRow.entry_id == ScoreEntryRow.id, isouter=True)
                              .where(ScoreEntryRow.assessment_id == assessment.id)
                              .group_by(ScoreEntryRow.id)).all()
    return {cid: points for cid, points, _n in entries}, {cid: n for cid, _points, n in entries}
