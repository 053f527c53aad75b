"""The year's award dossier: nominees, each award's eligibility, the achievement report's texts.

A dossier gathers the nominations of one campaign and year. For each, the
eligibility rules of its award kind are applied to what the app knows (the
emulation evaluation, initiatives, discipline, the award history, the other
nominations), and the result is shown with the reason of each failing rule.
The clerk may still propose with a written justification.
"""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.awards import COLLECTIVE as COLLECTIVE_SUBJECT
from app.domain.awards import INDIVIDUAL, AwardKind, Eligibility, check_eligibility, limit_problem
from app.domain.law import kind_on
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
from app.services.dossier_day import read_dossier_day
from app.services.changes import Changes, Done, short
from app.services.paper_dates import DOSSIER, default_day
from app.services.profile import read_profile
from app.store import Store
from db.models import (
    AwardDecisionRow,
    CollectiveRow,
    CommuneProfileRow,
    DossierRow,
    NominationRow,
    NominationVoteRow,
    OfficialRow,
)


def _info(row: DossierRow) -> DossierInfo:
    return DossierInfo(row.id, row.year, row.campaign, row.form_version, row.letter_number, row.letter_date,
                       row.addressee, row.summary)


def list_dossiers(store: Store, year: int | None = None) -> list[DossierInfo]:
    with store.transaction() as session:
        return dossier_infos(session, year)


def dossier_infos(session: Session, year: int | None = None) -> list[DossierInfo]:
    """``list_dossiers`` inside a transaction already open: the latest year first, then in the order made."""
    query = select(DossierRow).order_by(DossierRow.year.desc(), DossierRow.id)
    if year is not None:
        query = query.where(DossierRow.year == year)
    return [_info(row) for row in session.scalars(query)]


def create_dossier(store: Store, year: int, campaign: str, form_version: str | None = None,
                   today: date | None = None) -> Done[DossierInfo]:
    campaign = clean_text(campaign)
    if not campaign:
        raise UserError("Chưa nhập tên phong trào, đợt thi đua.",
                        "Ví dụ: “Phong trào thi đua đẩy mạnh cải cách hành chính năm 2024”.")
    version = form_version or form_version_for(today or date.today())
    if version not in FORM_VERSIONS:
        raise UserError(f"Mẫu báo cáo thành tích “{version}” không có trong phần mềm.")
    with store.action(f"Lập hồ sơ “{short(campaign)}”") as action:
        session = action.session
        addressee = _default_addressee(session, year, today or date.today())
        row = DossierRow(year=year, campaign=campaign, form_version=version, addressee=addressee)
        session.add(row)
        session.flush()
        made = _info(row)
    return Done(made, action.changes)


def _default_addressee(session: Session, year: int, today: date) -> str:
    """ "Chủ tịch Ủy ban nhân dân huyện …" for a dossier of 2024: the superior in force on the dossier's
    date (the dossier deadline of a past year, today for the current one), as the profile and its history
    name it."""
    if session.get(CommuneProfileRow, 1) is None:
        return ""
    superior = read_profile(session).addressed_on(default_day(DOSSIER, year, "year", today)[0])
    return f"Chủ tịch {superior.superior_authority}" if superior.superior_authority else ""


def update_dossier(store: Store, dossier_id: int, label: str = "Sửa hồ sơ khen thưởng", **values) -> Changes:
    """Change the campaign, form version, letter number/date, addressee or summary."""
    allowed = {"campaign", "form_version", "letter_number", "letter_date", "addressee", "summary"}
    unknown = set(values) - allowed
    if unknown:
        raise ValueError(f"not dossier fields: {unknown}")
    if "form_version" in values and values["form_version"] not in FORM_VERSIONS:
        raise UserError(f"Mẫu báo cáo thành tích “{values['form_version']}” không có trong phần mềm.")
    with store.action(label) as action:
        row = _dossier(action.session, dossier_id)
        for name, value in values.items():
            if isinstance(value, str):
                value = clean_text(value) if name == "summary" else clean_line(value)
            setattr(row, name, value)
        if "letter_number" in values and row.letter_number:
            _check_letter_number(action.session, row)
    return action.changes


def delete_dossier(store: Store, dossier_id: int) -> Changes:
    """Remove a dossier nobody is proposed in yet (one made by mistake, or for the wrong year).

    One with nominees is refused: their votes and achievement reports would go with it.
    Undo (through the journal) brings back the dossier, its meeting and its decision with the same ids.
    """
    with store.action("Xóa hồ sơ khen thưởng") as action:
        session = action.session
        row = _dossier(session, dossier_id)
        action.label = f"Xóa hồ sơ “{short(row.campaign)}”"
        count = session.scalar(select(func.count(NominationRow.id)).where(NominationRow.dossier_id == dossier_id))
        if count:
            raise UserError(f"Hồ sơ “{row.campaign}” đã có {count} đề nghị khen thưởng: không xóa hồ sơ được.",
                            "Nếu thật sự muốn xóa, hãy bỏ hết các đề nghị trong danh sách trước.")
        decision = session.scalar(select(AwardDecisionRow).where(AwardDecisionRow.dossier_id == dossier_id))
        if decision is not None:  # its key restricts deletion; with no nominee it cannot have been issued
            session.delete(decision)
            session.flush()
        session.delete(row)  # the meeting and its attendance go with it (ON DELETE CASCADE)
    return action.changes


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
                   justification: str = "") -> Done[int]:
    """Propose one person or collective; the new nomination's id."""
    added = add_nominations(store, dossier_id, [(subject_kind, subject_id)], award_key, justification)
    return Done(added.value[0], added.changes)


def add_nominations(store: Store, dossier_id: int, picks: list[tuple[str, int]], award_key: str,
                    justification: str = "") -> Done[list[int]]:
    """Propose each pick for ``award_key``, all in one action (one refused: none is added); the new ids."""
    with store.action("Thêm đề nghị") as action:
        session = action.session
        dossier = _dossier(session, dossier_id)
        _refuse_once_issued(session, dossier_id, "thêm đề nghị")
        kind = read_kinds(session).get(award_key)
        if kind is None:
            raise UserError("Danh hiệu, hình thức khen thưởng này không có hoặc đã ngừng dùng.")
        ids = [_add_one(session, dossier, kind, subject_kind, subject_id, justification)
               for subject_kind, subject_id in picks]
        action.label = f"Thêm {len(ids)} đề nghị “{short(kind.name)}”"
    return Done(ids, action.changes)


def _add_one(session: Session, dossier: DossierRow, kind: AwardKind, subject_kind: str, subject_id: int,
             justification: str) -> int:
    subject = _subject(session, subject_kind, subject_id)
    wanted = INDIVIDUAL if subject_kind == OFFICIAL else COLLECTIVE_SUBJECT
    if not kind.applies_to(wanted):
        whom = "cá nhân" if kind.subject == INDIVIDUAL else "tập thể"
        raise UserError(f"“{kind.name}” chỉ xét cho {whom}.")
    name = subject.full_name if subject_kind == OFFICIAL else subject.name
    if session.scalar(select(NominationRow.id).where(
            NominationRow.dossier_id == dossier.id, NominationRow.subject_kind == subject_kind,
            NominationRow.subject_id == subject_id, NominationRow.award_key == kind.key)):
        raise UserError(f"{name} đã có trong danh sách đề nghị “{kind.name}”.")
    last = session.scalar(select(func.max(NominationRow.position)).where(NominationRow.dossier_id == dossier.id))
    row = NominationRow(dossier_id=dossier.id, position=(last or 0) + 1, subject_kind=subject_kind,
                        subject_id=subject_id, award_key=kind.key, justification=clean_text(justification))
    session.add(row)
    session.flush()
    return row.id


def update_nomination(store: Store, nomination_id: int, label: str = "Sửa đề nghị", **values) -> Changes:
    """Change the justification, note, excellent flag or the report's texts."""
    allowed = {"justification", "note", "excellent", "report_duties", "report_achievements", "report_date",
               "identity"}
    unknown = set(values) - allowed
    if unknown:
        raise ValueError(f"not nomination fields: {unknown}")
    with store.action(label) as action:
        row = action.session.get(NominationRow, nomination_id)
        if row is None:
            raise UserError("Không tìm thấy đề nghị này; có thể đã bị xóa.")
        for name, value in values.items():
            if name == "identity":
                row.report_identity = json.dumps({key: clean_line(str(text)) for key, text in value.items()},
                                                 ensure_ascii=False)
            elif isinstance(value, str):
                setattr(row, name, clean_text(value))
            else:
                setattr(row, name, value)
    return action.changes


def remove_nomination(store: Store, nomination_id: int, label: str = "Bỏ đề nghị") -> Changes:
    """Take a nominee off the list (their votes go too; undo brings both back)."""
    with store.action(label) as action:
        row = action.session.get(NominationRow, nomination_id)
        if row is None:
            raise UserError("Đề nghị này đã bị bỏ.")
        _refuse_once_issued(action.session, row.dossier_id, "bỏ đề nghị")
        action.session.delete(row)  # its vote goes with it (ON DELETE CASCADE)
    return action.changes


def nominations(store: Store, dossier_id: int, today: date | None = None) -> list[Nomination]:
    """The dossier's nominations in list order, each with its eligibility worked out."""
    with store.transaction() as session:
        year = _dossier(session, dossier_id).year
    found = verdicts(store, year, today)
    with store.transaction() as session:
        return judged(session, dossier_id, year, found, today)


def verdicts(store: Store, year: int, today: date | None = None) -> dict[tuple[str, int], object]:
    """Each subject's emulation verdict for the year (the evaluation eligibility reads), by (kind, id)."""
    from app.services.emulation_evaluation import evaluation

    evaluated = evaluation(store, year, today)
    return {(subject.kind, subject.id): subject.verdict for subject in evaluated.subjects} if evaluated else {}


def judged(session: Session, dossier_id: int, year: int, found: dict, today: date | None = None) -> list[Nomination]:
    """The nominations of a dossier, each judged against its award's rules (``found``: ``verdicts``).

    Each nomination's ``award`` is the kind as in force on the dossier's day (``dossier_day``): who grants
    it and its money follow the dated law data, so every reader of ``award.authority_level`` routes by date.
    """
    day = read_dossier_day(session, dossier_id, today)
    kinds = {key: kind_on(kind, day) for key, kind in read_kinds(session, active_only=False).items()}
    rows = session.scalars(select(NominationRow).where(NominationRow.dossier_id == dossier_id)
                           .order_by(NominationRow.position, NominationRow.id)).all()
    votes = dict(session.execute(
        select(NominationVoteRow.nomination_id, NominationVoteRow.votes_for)
        .where(NominationVoteRow.nomination_id.in_([row.id for row in rows]))).all())
    context = FactsContext(session, year, rows, kinds)
    return [_nomination(session, row, kinds, context, found.get((row.subject_kind, row.subject_id)),
                        votes.get(row.id)) for row in rows]


def preview_eligibility(store: Store, dossier_id: int, picks: list[tuple[str, int]], award_key: str,
                        today: date | None = None) -> dict[tuple[str, int], Eligibility]:
    """Each pick's eligibility for ``award_key`` as if it were added to the dossier now (nothing is written):
    every rule of the award, the limits counted with the picks in the list."""
    with store.transaction() as session:
        year = _dossier(session, dossier_id).year
    found = verdicts(store, year, today)
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
                _nomination(session, row, kinds, context, found.get((row.subject_kind, row.subject_id)),
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
