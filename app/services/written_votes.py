"""Absent members' written votes, one per nominee (NĐ 98/2023 Điều 30 khoản 7: "nếu thành viên Hội đồng
vắng mặt thì lấy ý kiến bằng văn bản và được thể hiện trong Biên bản").

Only a member marked absent with a written opinion ("Ý kiến văn bản") has written votes; they
count in a tally whose base is all members and are recorded in the minutes always.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.queries.models.council import WrittenVote
from app.services.changes import Changes, short
from app.store import Store
from db.models import (
    AwardDecisionRow,
    CouncilMeetingRow,
    CouncilMemberRow,
    MeetingAttendanceRow,
    NominationRow,
    WrittenVoteRow,
)


def writers(session: Session, dossier_id: int) -> list[CouncilMemberRow]:
    """The members absent from the dossier's meeting who gave their opinion in writing, in council order."""
    return list(session.scalars(
        select(CouncilMemberRow)
        .join(MeetingAttendanceRow, MeetingAttendanceRow.member_id == CouncilMemberRow.id)
        .join(CouncilMeetingRow, CouncilMeetingRow.id == MeetingAttendanceRow.meeting_id)
        .where(CouncilMeetingRow.dossier_id == dossier_id, MeetingAttendanceRow.present.is_(False),
               MeetingAttendanceRow.written_vote.is_(True))
        .order_by(CouncilMemberRow.position, CouncilMemberRow.id)))


def read_written(session: Session, dossier_id: int) -> dict[int, tuple[WrittenVote, ...]]:
    """Per nomination, the written votes of the members who wrote in (a member's missing vote: ``agrees`` None)."""
    members = writers(session, dossier_id)
    saved = {(row.nomination_id, row.member_id): row.agrees for row in session.scalars(
        select(WrittenVoteRow).join(NominationRow, NominationRow.id == WrittenVoteRow.nomination_id)
        .where(NominationRow.dossier_id == dossier_id))}
    nominations = session.scalars(select(NominationRow.id).where(NominationRow.dossier_id == dossier_id))
    return {nomination_id: tuple(WrittenVote(member.id, member.full_name, saved.get((nomination_id, member.id)))
                                 for member in members) for nomination_id in nominations}


def set_written_vote(store: Store, nomination_id: int, member_id: int, agrees: bool | None,
                     label: str = "") -> Changes:
    """Record an absent member's written vote on one nominee (None clears it)."""
    with store.action(label or "Nhập ý kiến bằng văn bản") as action:
        session = action.session
        nomination = session.get(NominationRow, nomination_id)
        if nomination is None:
            raise UserError("Không tìm thấy đề nghị này.")
        _check_open(session, nomination.dossier_id)
        member = session.get(CouncilMemberRow, member_id)
        if member is None or member.id not in {item.id for item in writers(session, nomination.dossier_id)}:
            who = member.full_name if member else "Thành viên này"
            raise UserError(f"{who} không được đánh dấu vắng mặt có ý kiến bằng văn bản.",
                            "Ở bảng “Thành viên dự họp”, bỏ dấu “Có mặt” và đánh dấu “Ý kiến văn bản” trước.")
        if not label:
            action.label = f"Ý kiến văn bản của {short(member.full_name)}"
        row = session.scalar(select(WrittenVoteRow).where(WrittenVoteRow.nomination_id == nomination_id,
                                                          WrittenVoteRow.member_id == member_id))
        if agrees is None:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(WrittenVoteRow(nomination_id=nomination_id, member_id=member_id, agrees=agrees))
        elif row.agrees != agrees:
            row.agrees = agrees
    return action.changes


def _check_open(session: Session, dossier_id: int) -> None:
    issued = session.scalar(select(AwardDecisionRow.issued_at).where(AwardDecisionRow.dossier_id == dossier_id))
    if issued is not None:
        raise UserError("Quyết định khen thưởng của hồ sơ này đã ban hành; không sửa ý kiến bằng văn bản được nữa.",
                        "Nếu cần sửa, bấm “Hủy ban hành…” ở thẻ Quyết định trước.")


def forget_member(session: Session, dossier_id: int, member_id: int) -> None:
    """A member marked present again (or no longer writing in): their written votes on this dossier go."""
    for row in session.scalars(
            select(WrittenVoteRow).join(NominationRow, NominationRow.id == WrittenVoteRow.nomination_id)
            .where(NominationRow.dossier_id == dossier_id, WrittenVoteRow.member_id == member_id)):
        session.delete(row)
