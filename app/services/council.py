"""The Emulation and Reward Council: its members for a year, the meeting for a dossier, the votes.

The result of each nomination follows from the numbers: the quorum (a setting,
default 2/3 of all members), the award kind's vote rule (e.g. 80 % of all
members for Chiến sĩ thi đua cơ sở, absent members voting in writing) and
the votes entered.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.awards import Quorum
from app.domain.vote_rules import tally
from app.domain.text import clean_line, clean_text
from app.errors import UserError
from app.queries.models.council import METHODS, Attendance, Meeting, Member, Outcome
from app.resources import load_json
from app.services.award_kinds import read_kinds
from app.services.changes import Changes, Done, short
from app.services.council_rules import default_quorum, dossier_day, read_rules, vote_rule
from app.services.written_votes import forget_member, read_written
from app.store import Store
from db.models import (
    AwardDecisionRow,
    CouncilMeetingRow,
    CouncilMemberRow,
    DossierRow,
    MeetingAttendanceRow,
    NominationRow,
    NominationVoteRow,
    OfficialRow,
)

def council_roles() -> list[str]:
    return list(load_json("awards", "council-rules.json")["roles"])


def quorum() -> Quorum:
    """The shipped default quorum (a year's own is in ``council_rules.read_rules``)."""
    return default_quorum()


def members(store: Store, year: int) -> list[Member]:
    with store.transaction() as session:
        return _members(session, year)


def _members(session: Session, year: int) -> list[Member]:
    rows = session.scalars(select(CouncilMemberRow).where(CouncilMemberRow.year == year)
                           .order_by(CouncilMemberRow.position, CouncilMemberRow.id))
    return [Member(row.id, row.year, row.full_name, row.title, row.role, row.official_id) for row in rows]


def add_member(store: Store, year: int, role: str, official_id: int | None = None, full_name: str = "",
               title: str = "") -> Done[int]:
    """Add a member to the year's council; the new member's id."""
    role = clean_line(role)
    if not role:
        raise UserError("Chưa chọn vai trò trong Hội đồng.", "Ví dụ: " + ", ".join(council_roles()[:3]) + ".")
    with store.action("Thêm thành viên Hội đồng") as action:
        session = action.session
        if official_id is not None:
            official = session.get(OfficialRow, official_id)
            if official is None:
                raise UserError("Không tìm thấy cán bộ, công chức này.")
            full_name = full_name or official.full_name
            title = title or official.position
        full_name, title = clean_line(full_name), clean_line(title)
        if not full_name:
            raise UserError("Chưa nhập họ tên thành viên Hội đồng.")
        if session.scalar(select(CouncilMemberRow.id).where(
                CouncilMemberRow.year == year, CouncilMemberRow.full_name == full_name)):
            raise UserError(f"{full_name} đã có trong Hội đồng năm {year}.")
        last = session.scalar(select(func.max(CouncilMemberRow.position)).where(CouncilMemberRow.year == year))
        row = CouncilMemberRow(year=year, position=(last or 0) + 1, official_id=official_id, full_name=full_name,
                               title=title, role=role)
        session.add(row)
        session.flush()
        action.label = f"Thêm {short(full_name)} vào Hội đồng năm {year}"
    return Done(row.id, action.changes)


def remove_member(store: Store, member_id: int) -> Changes:
    """Take a member off the council: their attendance marks go, a meeting they chaired or minuted loses them."""
    with store.action("Bỏ thành viên khỏi Hội đồng") as action:
        session = action.session
        row = session.get(CouncilMemberRow, member_id)
        if row is None:
            raise UserError("Thành viên này đã được bỏ khỏi Hội đồng.")
        action.label = f"Bỏ {short(row.full_name)} khỏi Hội đồng"
        for meeting in session.scalars(select(CouncilMeetingRow).where(
                (CouncilMeetingRow.chair_id == member_id) | (CouncilMeetingRow.secretary_id == member_id))):
            if meeting.chair_id == member_id:
                meeting.chair_id = None
            if meeting.secretary_id == member_id:
                meeting.secretary_id = None
        session.delete(row)  # the attendance marks go with it (ON DELETE CASCADE)
    return action.changes


def copy_members(store: Store, from_year: int, to_year: int) -> Done[int]:
    """Start a year's council from last year's (the clerk then edits who changed); how many were copied."""
    with store.action(f"Chép Hội đồng năm {from_year} sang năm {to_year}") as action:
        session = action.session
        if session.scalar(select(CouncilMemberRow.id).where(CouncilMemberRow.year == to_year).limit(1)):
            raise UserError(f"Hội đồng năm {to_year} đã có thành viên.")
        count = 0
        for member in _members(session, from_year):
            session.add(CouncilMemberRow(year=to_year, position=count + 1, official_id=member.official_id,
                                         full_name=member.full_name, title=member.title, role=member.role))
            count += 1
    return Done(count, action.changes)


# --- the meeting ------------------------------------------------------------------------------

def meeting(store: Store, dossier_id: int) -> Meeting:
    """The dossier's meeting (created empty on first use), attendance listing every member of the year."""
    with store.transaction() as session:
        return read_meeting(session, dossier_id)


def read_meeting(session: Session, dossier_id: int) -> Meeting:
    """``meeting`` inside a transaction already open (a read writes nothing: the blank meeting is not saved)."""
    dossier = session.get(DossierRow, dossier_id)
    if dossier is None:
        raise UserError("Không tìm thấy hồ sơ khen thưởng này.")
    row = _meeting_row(session, dossier_id, create=False)
    everyone = _members(session, dossier.year)
    marks = _attendance_marks(session, row)
    by_id = {member.id: member for member in everyone}
    attendance = tuple(
        Attendance(member, marks[member.id].present, marks[member.id].absence_reason,
                   marks[member.id].written_vote) if member.id in marks else Attendance(member, True, "", False)
        for member in everyone
    )
    return Meeting(dossier_id, dossier.year, row.number, row.held_on, row.starts_at, row.ends_at, row.place,
                   by_id.get(row.chair_id), by_id.get(row.secretary_id), row.method, row.discussion,
                   attendance, read_rules(session, dossier.year).quorum)


def _meeting_row(session: Session, dossier_id: int, create: bool = True) -> CouncilMeetingRow:
    """The saved meeting, or a blank one: added to the session only with ``create`` (a read writes nothing)."""
    row = session.scalar(select(CouncilMeetingRow).where(CouncilMeetingRow.dossier_id == dossier_id))
    if row is None:
        row = CouncilMeetingRow(dossier_id=dossier_id, number="", place="", method="show_of_hands", discussion="")
        if create:
            session.add(row)
            session.flush()
    return row


def _attendance_marks(session: Session, row: CouncilMeetingRow) -> dict:
    if row.id is None:  # no meeting saved yet: nobody marked
        return {}
    return {item.member_id: item for item in session.scalars(
        select(MeetingAttendanceRow).where(MeetingAttendanceRow.meeting_id == row.id))}


def update_meeting(store: Store, dossier_id: int, label: str = "Sửa biên bản họp Hội đồng", **values) -> Changes:
    """Set number, date, times, place, chair/secretary (member ids), method or discussion."""
    allowed = {"number", "held_on", "starts_at", "ends_at", "place", "chair_id", "secretary_id", "method",
               "discussion"}
    unknown = set(values) - allowed
    if unknown:
        raise ValueError(f"not meeting fields: {unknown}")
    if "method" in values and values["method"] not in METHODS:
        raise UserError("Hình thức biểu quyết không hợp lệ.")
    with store.action(label) as action:
        row = _meeting_row(action.session, dossier_id)
        for name, value in values.items():
            if isinstance(value, str):
                value = clean_text(value) if name == "discussion" else clean_line(value)
            setattr(row, name, value)
        if row.starts_at and row.ends_at and row.ends_at <= row.starts_at:
            raise UserError(f"Giờ kết thúc ({row.ends_at:%H:%M}) phải sau giờ bắt đầu ({row.starts_at:%H:%M}).")
    return action.changes


def set_attendance(store: Store, dossier_id: int, member_id: int, present: bool, absence_reason: str = "",
                   written_vote: bool = False, label: str = "Đánh dấu dự họp") -> Changes:
    """Mark a member present or absent (with reason, and whether they voted in writing)."""
    if present and written_vote:
        written_vote = False
    with store.action(label) as action:
        session = action.session
        row = _meeting_row(session, dossier_id)
        mark = session.scalar(select(MeetingAttendanceRow).where(
            MeetingAttendanceRow.meeting_id == row.id, MeetingAttendanceRow.member_id == member_id))
        if mark is None:
            mark = MeetingAttendanceRow(meeting_id=row.id, member_id=member_id)
            session.add(mark)
        mark.present, mark.absence_reason, mark.written_vote = present, clean_line(absence_reason), written_vote
        if not written_vote:
            forget_member(session, dossier_id, member_id)
        session.flush()
        _check_votes_fit(session, dossier_id)
    return action.changes


def _check_votes_fit(session: Session, dossier_id: int) -> None:
    """After attendance changes, no nominee may have more votes at the meeting than members present."""
    counts = meeting_counts(session, dossier_id)
    for votes_for in session.scalars(
            select(NominationVoteRow.votes_for)
            .join(NominationRow, NominationVoteRow.nomination_id == NominationRow.id)
            .where(NominationRow.dossier_id == dossier_id)):
        if votes_for > counts["present"]:
            raise UserError(f"Đã có đề nghị được {votes_for} phiếu đồng ý tại cuộc họp, nhiều hơn số thành viên "
                            f"dự họp ({counts['present']}).",
                            "Sửa số phiếu trước rồi đánh dấu vắng mặt.")


def set_votes(store: Store, nomination_id: int, votes_for: int | None, label: str = "Nhập số phiếu") -> Changes:
    """Record the votes for a nominee (None clears them); nothing changed when the count is the same."""
    with store.action(label) as action:
        _write_votes(action.session, nomination_id, votes_for)
    return action.changes


def _write_votes(session: Session, nomination_id: int, votes_for: int | None) -> None:
    nomination = session.get(NominationRow, nomination_id)
    if nomination is None:
        raise UserError("Không tìm thấy đề nghị này.")
    issued = session.scalar(select(AwardDecisionRow.issued_at).where(
        AwardDecisionRow.dossier_id == nomination.dossier_id))
    if issued is not None:
        raise UserError("Quyết định khen thưởng của hồ sơ này đã ban hành; không sửa số phiếu được nữa.",
                        "Nếu cần sửa, bấm “Hủy ban hành…” ở thẻ Quyết định trước.")
    vote = session.scalar(select(NominationVoteRow).where(NominationVoteRow.nomination_id == nomination_id))
    if votes_for is None:
        if vote is not None:
            session.delete(vote)
        return
    current = meeting_counts(session, nomination.dossier_id)
    if votes_for < 0:
        raise UserError("Số phiếu đồng ý không được âm.")
    if current["total"] == 0:
        raise UserError(f"Hội đồng năm {current['year']} chưa có thành viên.", "Nhập danh sách Hội đồng trước.")
    if votes_for > current["present"]:
        raise UserError(
            f"Số phiếu đồng ý tại cuộc họp ({votes_for}) nhiều hơn số thành viên dự họp ({current['present']}).",
            "Ý kiến bằng văn bản của thành viên vắng mặt nhập riêng ở bảng “Ý kiến bằng văn bản”.")
    if vote is None:
        vote = NominationVoteRow(nomination_id=nomination_id, votes_for=votes_for)
        session.add(vote)
    vote.votes_for = votes_for


def meeting_counts(session: Session, dossier_id: int) -> dict:
    dossier = session.get(DossierRow, dossier_id)
    row = _meeting_row(session, dossier_id, create=False)
    everyone = _members(session, dossier.year)
    marks = _attendance_marks(session, row)
    present = sum(1 for member in everyone if member.id not in marks or marks[member.id].present)
    written = sum(1 for member in everyone if member.id in marks and not marks[member.id].present
                  and marks[member.id].written_vote)
    return {"year": dossier.year, "total": len(everyone), "present": present, "written": written}


def outcomes(store: Store, dossier_id: int) -> dict[int, Outcome]:
    """Each nomination's vote result under its award kind's rule."""
    with store.transaction() as session:
        return read_outcomes(session, dossier_id)


def read_outcomes(session: Session, dossier_id: int) -> dict[int, Outcome]:
    """``outcomes`` inside a transaction already open: each nominee's rule (by the dossier's day) and tally."""
    counts = meeting_counts(session, dossier_id)
    kinds = read_kinds(session, active_only=False)
    day = dossier_day(session, dossier_id)
    written = read_written(session, dossier_id)
    rows = session.execute(
        select(NominationRow.id, NominationRow.award_key, NominationVoteRow.votes_for)
        .outerjoin(NominationVoteRow, NominationVoteRow.nomination_id == NominationRow.id)
        .where(NominationRow.dossier_id == dossier_id)).all()
    met = read_rules(session, counts["year"]).quorum.met(counts["present"], counts["total"])
    result = {}
    for nomination_id, award_key, votes_for in rows:
        kind = kinds.get(award_key)
        rule = vote_rule(session, kind, day, counts["year"]) if kind is not None else None
        opinions = written.get(nomination_id, ())
        counted = None
        if votes_for is not None and rule is not None and counts["total"] and votes_for <= counts["present"]:
            agreed = tuple(vote.agrees is True for vote in opinions if vote.agrees is not None)
            counted = tally(rule, votes_for, counts["present"], counts["total"], agreed)
        result[nomination_id] = Outcome(nomination_id, counted, met, rule, opinions)
    return result
