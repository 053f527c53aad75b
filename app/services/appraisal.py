"""The province's appraisal of the self-scoring (điểm thẩm định, ý kiến thẩm định) beside the self-score.

Typed from the province's result letter, one criterion at a time (``set_appraisal``), or taken in one step
from a list of rows (``import_appraisal``: what issue 21's import of the province's file calls). Both are
undoable actions; a list with one wrong row imports nothing and says which rows are wrong.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.criteria import CriterionData, children_by_parent, score_problem
from app.domain.points import format_points
from app.domain.text import clean_text
from app.errors import UserError
from app.services.changes import Changes, Done
from app.services.criteria_sets import read_set
from app.services.score_sheet import MANUAL_BASIS, _assessment
from app.store import Store
from db.models import AssessmentRow, ScoreEntryRow


@dataclass(frozen=True)
class AppraisalRow:
    """One criterion of the province's result: its code in the year's set, the appraised points, the note."""

    code: str
    points: Decimal | None
    note: str = ""


def _leaves(session: Session, assessment: AssessmentRow) -> tuple[dict[str, CriterionData], dict[str, int], set[str]]:
    stored = read_set(session, assessment.set_id)
    parents = set(children_by_parent(stored.data.criteria))
    return ({item.code: item for item in stored.data.criteria}, stored.criterion_ids, parents)


def _problem(code: str, points: Decimal | None, found: dict[str, CriterionData], parents: set[str]) -> str | None:
    if code not in found:
        return f"Mã {code} không có trong bộ tiêu chí của năm."
    if code in parents:
        return f"Tiêu chí {code} có tiêu chí con: điểm thẩm định nhập ở từng tiêu chí con."
    return score_problem(found[code], points)


def _put(session: Session, assessment: AssessmentRow, criterion_id: int, points: Decimal | None, note: str) -> None:
    entry = session.scalar(select(ScoreEntryRow).where(
        ScoreEntryRow.assessment_id == assessment.id, ScoreEntryRow.criterion_id == criterion_id))
    if entry is None:
        entry = ScoreEntryRow(assessment_id=assessment.id, criterion_id=criterion_id, points=None,
                              basis=MANUAL_BASIS, comment="")
        session.add(entry)
    entry.appraised_points, entry.appraisal_note = points, clean_text(note)


def set_appraisal(store: Store, assessment_id: int, criterion_code: str, points: Decimal | None,
                  note: str = "") -> Changes:
    """Save the appraised points (None clears them) and the appraisers' note of one leaf."""
    with store.action(f"Nhập điểm thẩm định tiêu chí {criterion_code}") as action:
        assessment = action.session.get(AssessmentRow, assessment_id)
        if assessment is None:
            raise UserError("Không tìm thấy kỳ chấm điểm này; có thể đã bị xóa.")
        found, ids, parents = _leaves(action.session, assessment)
        problem = _problem(criterion_code, points, found, parents)
        if problem:
            raise UserError(problem.replace("Điểm tối đa", "Điểm thẩm định tối đa", 1))
        _put(action.session, assessment, ids[criterion_code], points, note)
    return action.changes


def import_appraisal(store: Store, year: int, rows: Iterable[AppraisalRow]) -> Done[int]:
    """Save every row's appraisal in one undoable step; how many criteria were appraised.

    Refuses the whole list (nothing saved) when a row names no leaf of the year's set or gives points out
    of range, listing each wrong row.
    """
    rows = list(rows)
    with store.action(f"Nhập kết quả thẩm định năm {year}") as action:
        assessment = _assessment(action.session, year)
        if assessment is None:
            raise UserError(f"Năm {year} chưa tự chấm điểm nên chưa nhận được kết quả thẩm định.",
                            f"Vào mục Chấm điểm, chọn bộ tiêu chí cho năm {year} rồi nhập lại.")
        found, ids, parents = _leaves(action.session, assessment)
        problems = [f"Dòng {number} (mã {row.code}, {format_points(row.points, 'trống')} điểm): {problem}"
                    for number, row in enumerate(rows, 1)
                    if (problem := _problem(row.code.strip(), row.points, found, parents))]
        if problems:
            raise UserError(f"Chưa nhập được kết quả thẩm định năm {year} ({len(problems)} dòng lỗi):",
                            "\n".join(problems[:30]) + "\nSửa các dòng trên rồi nhập lại; chưa có gì được nhập.")
        for row in rows:
            _put(action.session, assessment, ids[row.code.strip()], row.points, row.note)
    return Done(len(rows), action.changes)
