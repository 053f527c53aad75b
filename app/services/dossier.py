"""The year's award dossier: nominees, each award's eligibility, the achievement report's texts.

A dossier gathers the nominations of one campaign and year. For each, the
eligibility rules of its award kind are applied to what the app knows (the
emulation evaluation, initiatives, discipline, the award history, the other
nominations), and the result is shown with the reason of each failing rule.
The clerk may still propose with a written justification.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.awards import COLLECTIVE as COLLECTIVE_SUBJECT
from app.domain.awards import INDIVIDUAL, Eligibility, check_eligibility, limit_problem
from app.domain.text import clean_line, clean_text
from app.domain.vietnamese import name_key
from app.errors import UserError
from app.queries.models.dossier import (
    COLLECTIVE,
    FORM_VERSIONS,
    OFFICIAL,
    DossierInfo,
    Nomination,
    form_version_for,
)
from app.services.nominee_facts import FactsContext, nominee_facts
from app.services.award_kinds import read_kinds
from app.services.snapshots import revive, row_values
from app.store import Store
from db.models import (
    AwardDecisionRow,
    CollectiveRow,
    CommuneProfileRow,
    CouncilMeetingRow,
    DossierRow,
    MeetingAttendanceRow,
    NominationRow,
    NominationVoteRow,
    OfficialRow,
)


def _info(row: DossierRow) -> DossierInfo:
    return DossierInfo(row.id, row.year, row.campaign, row.form_version, row.letter_number, row.letter_date,
                       row.addressee, row.summary)


def list_dossiers(store: Store, year: int | None = None) -> list[DossierInfo]:
    with store.transaction() as session:
        query = select(DossierRow).order_by(DossierRow.year.desc(), DossierRow.id)
        if year is not None:
            query = query.where(DossierRow.year == year)
        return [_info(row) for row in session.scalars(query)]


def create_dossier(store: Store, year: int, campaign: str, form_version: str | None = None,
                   today: date | None = None) -> DossierInfo:
    campaign = clean_text(campaign)
    if not campaign:
        raise UserError("Chưa nhập tên phong trào, đợt thi đua.",
                        "Ví dụ: “Phong trào thi đua đẩy mạnh cải cách hành chính năm 2024”.")
    version = form_version or form_version_for(today or date.today())
    if version not in FORM_VERSIONS:
        raise UserError(f"Mẫu báo cáo thành tích “{version}” không có trong phần mềm.")
    with store.transaction() as session:
        profile = session.get(CommuneProfileRow, 1)
        addressee = f"Chủ tịch {profile.superior_authority}" if profile and profile.superior_authority else ""
        row = DossierRow(year=year, campaign=campaign, form_version=version, addressee=addressee)
        session.add(row)
        session.flush()
        return _info(row)


def update_dossier(store: Store, dossier_id: int, **values) -> DossierInfo:
    """Change the campaign, form version, letter number/date, addressee or summary; returns the old values."""
    allowed = {"campaign", "form_version", "letter_number", "letter_date", "addressee", "summary"}
    unknown = set(values) - allowed
    if unknown:
        raise ValueError(f"not dossier fields: {unknown}")
    if "form_version" in values and values["form_version"] not in FORM_VERSIONS:
        raise UserError(f"Mẫu báo cáo thành tích “{values['form_version']}” không có trong phần mềm.")
    with store.transaction() as session:
        row = _dossier(session, dossier_id)
        before = _info(row)
        for name, value in values.items():
            if isinstance(value, str):
                value = clean_text(value) if name == "summary" else clean_line(value)
            setattr(row, name, value)
        if "letter_number" in values and row.letter_number:
            _check_letter_number(session, row)
        return before


@dataclass(frozen=True)
class DeletedDossier:
    """What ``delete_dossier`` removed, for ``restore_dossier`` (undo)."""

    dossier: dict
    meeting: dict | None
    attendance: tuple[dict, ...]
    decision: dict | None


def delete_dossier(store: Store, dossier_id: int) -> DeletedDossier:
    """Remove a dossier nobody is proposed in yet (one made by mistake, or for the wrong year).

    One with nominees is refused: their votes and achievement reports would go with it.
    """
    with store.transaction() as session:
        row = _dossier(session, dossier_id)
        count = session.scalar(select(func.count(NominationRow.id)).where(NominationRow.dossier_id == dossier_id))
        if count:
            raise UserError(f"Hồ sơ “{row.campaign}” đã có {count} đề nghị khen thưởng: không xóa hồ sơ được.",
                            "Nếu thật sự muốn xóa, hãy bỏ hết các đề nghị trong danh sách trước.")
        meeting = session.scalar(select(CouncilMeetingRow).where(CouncilMeetingRow.dossier_id == dossier_id))
        attendance = tuple(row_values(item) for item in session.scalars(
            select(MeetingAttendanceRow).where(MeetingAttendanceRow.meeting_id == meeting.id))) if meeting else ()
        decision = session.scalar(select(AwardDecisionRow).where(AwardDecisionRow.dossier_id == dossier_id))
        saved = DeletedDossier(row_values(row), row_values(meeting) if meeting else None, attendance,
                               row_values(decision) if decision else None)
        if decision is not None:  # its key restricts deletion; with no nominee it cannot have been issued
            session.delete(decision)
            session.flush()
        session.delete(row)  # the meeting and its attendance go with it (ON DELETE CASCADE)
        return saved


def restore_dossier(store: Store, saved: DeletedDossier) -> None:
    """Undo ``delete_dossier``: the dossier back with the same id, its meeting and decision as they were."""
    with store.transaction() as session:
        revive(session, DossierRow, saved.dossier)
        session.flush()
        if saved.meeting:
            revive(session, CouncilMeetingRow, saved.meeting)
            session.flush()
            for values in saved.attendance:
                revive(session, MeetingAttendanceRow, values)
        if saved.decision:
            revive(session, AwardDecisionRow, saved.decision)


def _refuse_once_issued(session: Session, dossier_id: int, what: str) -> None:
    """An issued decision fixes its list: the awards are in the history under its number."""
    number = session.scalar(select(AwardDecisionRow.number).where(
        AwardDecisionRow.dossier_id == dossier_id, AwardDecisionRow.issued_at.is_not(None)))
    if number is not None:
        raise UserError(f"Quyết định khen thưởng số {number} của hồ sơ này đã ban hành: không {what} được nữa.",
                        "Nếu thật sự cần sửa, bấm “Hủy ban hành…” ở thẻ Quyết định trước.")


def _check_letter_number(session: Session, row: DossierRow) -> None:
    clash = session.scalar(select(DossierRow.id).where(
        DossierRow.id != row.id, DossierRow.year == row.year, DossierRow.letter_number == row.letter_number))
    if clash:
        raise UserError(f"Số tờ trình “{row.letter_number}” đã dùng cho một hồ sơ khác năm {row.year}.")


def _dossier(session: Session, dossier_id: int) -> DossierRow:
    row = session.get(DossierRow, dossier_id)
    if row is None:
        raise UserError("Không tìm thấy hồ sơ khen thưởng này; có thể đã bị xóa.")
    return row


# --- nominations ------------------------------------------------------------------------------

def _subject(session: Session, subject_kind: str, subject_id: int):
    model = OfficialRow if subject_kind == OFFICIAL else CollectiveRow
    row = session.get(model, subject_id)
    if row is None:
        raise UserError("Không tìm thấy người hoặc tập thể này; có thể đã bị xóa.")
    return row


def add_nomination(store: Store, dossier_id: int, subject_kind: str, subject_id: int, award_key: str,
                   justification: str = "") -> int:
    with store.transaction() as session:
        dossier = _dossier(session, dossier_id)
        _refuse_once_issued(session, dossier_id, "thêm đề nghị")
        kinds = read_kinds(session)
        kind = kinds.get(award_key)
        if kind is None:
            raise UserError("Danh hiệu, hình thức khen thưởng này không có hoặc đã ngừng dùng.")
        subject = _subject(session, subject_kind, subject_id)
        wanted = INDIVIDUAL if subject_kind == OFFICIAL else COLLECTIVE_SUBJECT
        if not kind.applies_to(wanted):
            whom = "cá nhân" if kind.subject == INDIVIDUAL else "tập thể"
            raise UserError(f"“{kind.name}” chỉ xét cho {whom}.")
        name = subject.full_name if subject_kind == OFFICIAL else subject.name
        if session.scalar(select(NominationRow.id).where(
                NominationRow.dossier_id == dossier.id, NominationRow.subject_kind == subject_kind,
                NominationRow.subject_id == subject_id, NominationRow.award_key == award_key)):
            raise UserError(f"{name} đã có trong danh sách đề nghị “{kind.name}”.")
        last = session.scalar(select(func.max(NominationRow.position)).where(NominationRow.dossier_id == dossier.id))
        row = NominationRow(dossier_id=dossier.id, position=(last or 0) + 1, subject_kind=subject_kind,
                            subject_id=subject_id, award_key=award_key, justification=clean_text(justification))
        session.add(row)
        session.flush()
        return row.id


def update_nomination(store: Store, nomination_id: int, **values) -> dict:
    """Change the justification, note, excellent flag or the report's texts; returns the old row for undo."""
    allowed = {"justification", "note", "excellent", "report_duties", "report_achievements", "report_date",
               "identity"}
    unknown = set(values) - allowed
    if unknown:
        raise ValueError(f"not nomination fields: {unknown}")
    with store.transaction() as session:
        row = session.get(NominationRow, nomination_id)
        if row is None:
            raise UserError("Không tìm thấy đề nghị này; có thể đã bị xóa.")
        before = row_values(row)
        for name, value in values.items():
            if name == "identity":
                row.report_identity = json.dumps({key: clean_line(str(text)) for key, text in value.items()},
                                                 ensure_ascii=False)
            elif isinstance(value, str):
                setattr(row, name, clean_text(value))
            else:
                setattr(row, name, value)
        return before


def restore_nomination(store: Store, values: dict) -> None:
    """Put a nomination back as it was (after an edit or a removal)."""
    with store.transaction() as session:
        row = session.get(NominationRow, values["id"])
        if row is None:
            revive(session, NominationRow, values)
        else:
            for name, value in values.items():
                setattr(row, name, value)


def remove_nomination(store: Store, nomination_id: int) -> tuple[dict, dict | None]:
    with store.transaction() as session:
        row = session.get(NominationRow, nomination_id)
        if row is None:
            raise UserError("Đề nghị này đã bị bỏ.")
        _refuse_once_issued(session, row.dossier_id, "bỏ đề nghị")
        vote = session.scalar(select(NominationVoteRow).where(NominationVoteRow.nomination_id == nomination_id))
        saved = (row_values(row), row_values(vote) if vote else None)
        session.delete(row)
        return saved


def restore_removed(store: Store, saved: tuple[dict, dict | None]) -> None:
    values, vote = saved
    with store.transaction() as session:
        revive(session, NominationRow, values)
        session.flush()
        if vote:
            revive(session, NominationVoteRow, vote)


def nominations(store: Store, dossier_id: int, today: date | None = None) -> list[Nomination]:
    """The dossier's nominations in list order, each with its eligibility worked out."""
    from app.services.emulation_evaluation import evaluation

    with store.transaction() as session:
        dossier = _dossier(session, dossier_id)
        year = dossier.year
    verdicts = {}
    evaluated = evaluation(store, year, today)
    if evaluated is not None:
        verdicts = {(subject.kind, subject.id): subject.verdict for subject in evaluated.subjects}
    with store.transaction() as session:
        kinds = read_kinds(session, active_only=False)
        rows = session.scalars(select(NominationRow).where(NominationRow.dossier_id == dossier_id)
                               .order_by(NominationRow.position, NominationRow.id)).all()
        votes = dict(session.execute(
            select(NominationVoteRow.nomination_id, NominationVoteRow.votes_for)
            .where(NominationVoteRow.nomination_id.in_([row.id for row in rows]))).all())
        context = FactsContext(session, year, rows, kinds)
        result = [
            _nomination(session, row, kinds, context, verdicts.get((row.subject_kind, row.subject_id)),
                        votes.get(row.id))
            for row in rows
        ]
    return result


def preview_eligibility(store: Store, dossier_id: int, picks: list[tuple[str, int]], award_key: str,
                        today: date | None = None) -> dict[tuple[str, int], Eligibility]:
    """Each pick's eligibility for ``award_key`` as if it were added to the dossier now (nothing is written):
    every rule of the award, the limits counted with the picks in the list."""
    from app.services.emulation_evaluation import evaluation

    with store.transaction() as session:
        year = _dossier(session, dossier_id).year
    evaluated = evaluation(store, year, today)
    verdicts = {(subject.kind, subject.id): subject.verdict for subject in evaluated.subjects} if evaluated else {}
    with store.transaction() as session:
        kinds = read_kinds(session, active_only=False)
        kind = kinds.get(award_key)
        if kind is None:
            return {}
        rows = list(session.scalars(select(NominationRow).where(NominationRow.dossier_id == dossier_id)))
        trial = [NominationRow(dossier_id=dossier_id, subject_kind=subject_kind, subject_id=subject_id,
                               award_key=award_key, position=0, excellent=False, justification="", note="",
                               report_identity="", report_duties="", report_achievements="")
                 for subject_kind, subject_id in picks]  # never added to the session: nothing is written
        context = FactsContext(session, year, rows + trial, kinds)
        return {(row.subject_kind, row.subject_id):
                _nomination(session, row, kinds, context, verdicts.get((row.subject_kind, row.subject_id)),
                            None).eligibility
                for row in trial}


def _nomination(session: Session, row: NominationRow, kinds, context: FactsContext, verdict, votes_for) -> Nomination:
    kind = kinds.get(row.award_key)
    facts = nominee_facts(session, row, context, verdict)
    eligibility = check_eligibility(kind, facts, kinds) if kind else Eligibility(())
    limit = limit_problem(kind, context.counts.get(row.award_key, 0), context.counts, kinds) if kind else ""
    if limit:
        from app.domain.awards import Check

        eligibility = Eligibility(eligibility.checks + (Check("limit", False, limit.rstrip(".")),))
    if row.subject_kind == OFFICIAL:
        person = context.officials.get(row.subject_id)
        name, title, unit = (person.full_name, person.position, "") if person else ("(đã xóa)", "", "")
    else:
        group = context.collectives.get(row.subject_id)
        name, title, unit = (group.name, "Tập thể", "") if group else ("(đã xóa)", "", "")
    return Nomination(
        id=row.id, position=row.position, subject_kind=row.subject_kind, subject_id=row.subject_id, name=name,
        title=title, unit=unit, award_key=row.award_key, award=kind, eligibility=eligibility,
        excellent=row.excellent, justification=row.justification, note=row.note,
        identity=json.loads(row.report_identity) if row.report_identity else {}, duties=row.report_duties,
        achievements=row.report_achievements, report_date=row.report_date, votes_for=votes_for,
    )


def candidates(store: Store) -> list[tuple[str, int, str]]:
    """Everyone who may be nominated: (kind, id, name), collectives first, officials by given name."""
    with store.transaction() as session:
        groups = [(COLLECTIVE, row.id, row.name) for row in session.scalars(
            select(CollectiveRow).where(CollectiveRow.active.is_(True)).order_by(CollectiveRow.position))]
        people = sorted(((OFFICIAL, row.id, row.full_name) for row in session.scalars(
            select(OfficialRow).where(OfficialRow.active.is_(True)))), key=lambda item: name_key(item[2]))
    return groups + people
