"""The commune's self-scoring (tự chấm điểm chỉ số CCHC) of a year: one set, one score per criterion.

A year's scoring is tied to the set it was started with. Scores are entered
on leaves (criteria without sub-criteria); fields and parents add up. The
app proposes where it can (``app/services/proposals.py``); accepting stores the
proposal as the score with ``basis = proposal``, typing another value keeps
it as an override, and both stay visible.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.criteria import PAR, CriterionData, score_problem
from app.domain.text import clean_text
from app.errors import UserError
from app.queries.models.scoring import ScoreLine, ScoreSheet
from app.services.changes import Changes, Done, short
from app.services.criteria_sets import read_set
from app.services.evidence import _check_source, store_file
from app.services.proposals import propose_score, read_facts
from app.services.score_sheet import MANUAL_BASIS, PROPOSAL_BASIS, _assessment, score_sheet
from app.store import Store
from db.models import (
    AssessmentRow,
    CriteriaSetRow,
    CriterionRow,
    EvidenceFileRow,
    ScoreEntryRow,
    ScoreEvidenceRow,
)

__all__ = ["MANUAL_BASIS", "PROPOSAL_BASIS", "ScoreLine", "ScoreSheet", "score_sheet"]


def assessment_set(store: Store, year: int, kind: str = PAR) -> int | None:
    """The set a year's assessment uses, or None when it has not started."""
    with store.transaction() as session:
        row = _assessment(session, year, kind)
        return row.set_id if row else None


def start(store: Store, year: int, set_id: int, kind: str = PAR) -> Changes:
    """Tie the year to a set; switching is allowed only while nothing is scored against the old one."""
    begun, switched = (f"Bắt đầu chấm điểm năm {year}", "Đổi bộ tiêu chí") if kind == PAR else (
        f"Bắt đầu đánh giá thi đua năm {year}", "Đổi bộ tiêu chí thi đua")
    with store.action(begun) as action:
        session = action.session
        chosen = session.get(CriteriaSetRow, set_id)
        if chosen is None or chosen.kind != kind:
            raise UserError("Bộ tiêu chí này không dùng được cho việc này.")
        row = _assessment(session, year, kind)
        if row is None:
            session.add(AssessmentRow(year=year, kind=kind, set_id=set_id))
        elif row.set_id != set_id:
            if _has_entries(session, row.id):
                raise UserError(
                    f"Năm {year} đã chấm theo bộ tiêu chí khác.",
                    "Điểm đã chấm gắn với bộ cũ; không đổi bộ được khi đã có điểm.",
                )
            row.set_id, action.label = set_id, switched
    return action.changes


def _has_entries(session: Session, assessment_id: int) -> bool:
    from db.models import EmulationMarkRow

    return bool(
        session.scalar(select(ScoreEntryRow.id).where(ScoreEntryRow.assessment_id == assessment_id).limit(1))
        or session.scalar(select(EmulationMarkRow.id).where(EmulationMarkRow.assessment_id == assessment_id).limit(1))
    )


# --- edits ------------------------------------------------------------------------------------

def _leaf(session: Session, year: int, criterion_id: int) -> tuple[AssessmentRow, CriterionData]:
    row = _assessment(session, year)
    if row is None:
        raise UserError(f"Năm {year} chưa chọn bộ tiêu chí để chấm điểm.")
    stored = read_set(session, row.set_id)
    code = next((code for code, key in stored.criterion_ids.items() if key == criterion_id), None)
    if code is None:
        raise UserError("Tiêu chí này không thuộc bộ tiêu chí của năm đang chấm.")
    if any(criterion.parent_code == code for criterion in stored.data.criteria):
        raise UserError(f"Tiêu chí {code} có tiêu chí con: điểm của nó là tổng điểm các tiêu chí con.",
                        "Nhập điểm ở từng tiêu chí con.")
    return row, next(criterion for criterion in stored.data.criteria if criterion.code == code)


def _entry(session: Session, assessment_id: int, criterion_id: int) -> ScoreEntryRow:
    entry = session.scalar(select(ScoreEntryRow).where(
        ScoreEntryRow.assessment_id == assessment_id, ScoreEntryRow.criterion_id == criterion_id))
    if entry is None:
        entry = ScoreEntryRow(assessment_id=assessment_id, criterion_id=criterion_id, points=None,
                              basis=MANUAL_BASIS, comment="")
        session.add(entry)
    return entry


def _put_score(session: Session, year: int, criterion_id: int, points: Decimal | None, basis: str) -> str:
    """Save a leaf's score inside the caller's action; refuses a value outside 0…maximum. Returns its code."""
    assessment, criterion = _leaf(session, year, criterion_id)
    problem = score_problem(criterion, points)
    if problem:
        raise UserError(problem)
    entry = _entry(session, assessment.id, criterion_id)
    entry.points, entry.basis = points, basis
    if points is not None:
        entry.not_applicable = False  # a score typed on it says the criterion applies after all
    return criterion.code


def set_score(store: Store, year: int, criterion_id: int, points: Decimal | None,
              basis: str = MANUAL_BASIS) -> Changes:
    """Save a leaf's score (None clears it); refuses a value outside 0…maximum."""
    with store.action("Chấm điểm tiêu chí") as action:
        code = _put_score(action.session, year, criterion_id, points, basis)
        action.label = f"Chấm điểm tiêu chí {code}"
    return action.changes


def accept_proposal(store: Store, year: int, criterion_id: int, today: date | None = None) -> Changes:
    """Take the app's proposal as the score."""
    with store.action("Nhận điểm đề xuất") as action:
        session = action.session
        _, criterion = _leaf(session, year, criterion_id)
        proposal = propose_score(criterion, read_facts(session, year, today or date.today()))
        if proposal is None or proposal.points is None:
            reason = proposal.explanation if proposal else "Tiêu chí này không có cách tự tính."
            raise UserError("Chưa có điểm đề xuất để nhận.", reason)
        _put_score(session, year, criterion_id, proposal.points, PROPOSAL_BASIS)
        action.label = f"Nhận điểm đề xuất tiêu chí {criterion.code}"
    return action.changes


def set_not_applicable(store: Store, year: int, criterion_id: int, not_applicable: bool) -> Changes:
    """Mark a leaf "Không áp dụng" (its maximum leaves the total, its score is kept for when it applies again)."""
    label = "Đánh dấu không áp dụng" if not_applicable else "Bỏ đánh dấu không áp dụng"
    with store.action(label) as action:
        assessment, criterion = _leaf(action.session, year, criterion_id)
        if not_applicable and not criterion.na_allowed:
            raise UserError(f"Tiêu chí {criterion.code} không được đánh dấu “Không áp dụng”.",
                            "Bộ tiêu chí quy định mọi xã đều chấm tiêu chí này; hãy nhập điểm.")
        _entry(action.session, assessment.id, criterion_id).not_applicable = bool(not_applicable)
        action.label = f"{label} tiêu chí {criterion.code}"
    return action.changes


def set_declared(store: Store, year: int, criterion_id: int, declared: str) -> Changes:
    """Save a leaf's declared figures (số liệu kê khai, e.g. "45/48 hồ sơ đúng hạn")."""
    with store.action("Sửa số liệu kê khai") as action:
        assessment, criterion = _leaf(action.session, year, criterion_id)
        _entry(action.session, assessment.id, criterion_id).declared = clean_text(declared)
        action.label = f"Sửa số liệu kê khai tiêu chí {criterion.code}"
    return action.changes


def set_comment(store: Store, year: int, criterion_id: int, comment: str) -> Changes:
    with store.action("Sửa giải trình") as action:
        row = _assessment(action.session, year)
        if row is None:
            raise UserError(f"Năm {year} chưa chọn bộ tiêu chí để chấm điểm.")
        entry = _entry(action.session, row.id, criterion_id)
        entry.comment = clean_text(comment)
        action.label = f"Sửa giải trình tiêu chí {_code(action.session, criterion_id)}"
    return action.changes


def _code(session: Session, criterion_id: int) -> str:
    row = session.get(CriterionRow, criterion_id)
    return row.code if row is not None else str(criterion_id)


def attach_evidence(store: Store, year: int, criterion_id: int, source: Path,
                    now: datetime | None = None) -> Done[int]:
    """Copy a new file into the evidence store and link it to the criterion's score; the link's id.

    The stored file stays on disk when the link is undone, so redo can bring it back.
    """
    _check_source(source)
    try:
        sha256, size, relative = store_file(store.folder, source)
    except OSError as error:
        raise UserError(f"Không chép được tệp “{source.name}” vào thư mục dữ liệu.",
                        "Kiểm tra ổ đĩa còn chỗ trống và tệp không bị khóa.", f"{source}: {error}") from error
    now = now or datetime.now()
    with store.action(f"Gắn tài liệu “{short(source.name)}”") as action:
        session = action.session
        file_row = session.scalar(select(EvidenceFileRow).where(EvidenceFileRow.sha256 == sha256))
        if file_row is None:
            file_row = EvidenceFileRow(sha256=sha256, size=size, stored_as=relative, added_at=now)
            session.add(file_row)
            session.flush()
        link_id = _link(session, year, criterion_id, file_row.id, source.name, now)
    return Done(link_id, action.changes)


def link_evidence(store: Store, year: int, criterion_id: int, file_id: int, name: str,
                  now: datetime | None = None) -> Done[int]:
    """Link a file the checklist already holds (no copy); the link's id."""
    with store.action(f"Gắn tài liệu “{short(name)}”") as action:
        if action.session.get(EvidenceFileRow, file_id) is None:
            raise UserError("Không tìm thấy tệp kiểm chứng này.")
        link_id = _link(action.session, year, criterion_id, file_id, name, now or datetime.now())
    return Done(link_id, action.changes)


def _link(session: Session, year: int, criterion_id: int, file_id: int, name: str, now: datetime) -> int:
    row = _assessment(session, year)
    if row is None:
        raise UserError(f"Năm {year} chưa chọn bộ tiêu chí để chấm điểm.")
    entry = _entry(session, row.id, criterion_id)
    session.flush()
    already = session.scalar(select(ScoreEvidenceRow.id).where(
        ScoreEvidenceRow.entry_id == entry.id, ScoreEvidenceRow.file_id == file_id))
    if already:
        return already
    link = ScoreEvidenceRow(entry_id=entry.id, file_id=file_id, original_name=name[:260], attached_at=now)
    session.add(link)
    session.flush()
    return link.id


def detach_evidence(store: Store, link_id: int) -> Changes:
    """Remove a file from a criterion (the stored file stays: undo brings the link back)."""
    with store.action("Gỡ tài liệu") as action:
        link = action.session.get(ScoreEvidenceRow, link_id)
        if link is None:
            raise UserError("Tệp kiểm chứng này đã được gỡ.")
        action.label = f"Gỡ tài liệu “{short(link.original_name)}”"
        action.session.delete(link)
    return action.changes


def evidence_file(store: Store, link_id: int) -> Path:
    with store.transaction() as session:
        link = session.get(ScoreEvidenceRow, link_id)
        if link is None:
            raise UserError("Tệp kiểm chứng này đã được gỡ.")
        stored_as = session.get(EvidenceFileRow, link.file_id).stored_as
    path = store.folder.evidence / stored_as
    if not path.is_file():
        raise UserError("Không tìm thấy tệp kiểm chứng trong thư mục dữ liệu.", "Hãy khôi phục từ bản sao lưu.")
    return path


def scoring_years(store: Store) -> list[int]:
    with store.transaction() as session:
        return sorted(session.scalars(select(AssessmentRow.year).where(AssessmentRow.kind == PAR)), reverse=True)

