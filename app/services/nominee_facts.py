"""What a nominee's eligibility reads: the year's officials, collectives, discipline, initiatives, the other
proposals of the dossier (loaded once per dossier), and the facts of one nominee drawn from them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.awards import COLLECTIVE as COLLECTIVE_SUBJECT
from app.domain.awards import INDIVIDUAL, AwardKind, NomineeFacts
from app.services.award_history import history_of
from db.models import CollectiveRow, DisciplineRow, InitiativeAuthorRow, InitiativeRow, NominationRow, OfficialRow

OFFICIAL = "official"  # a nomination's subject kind, as app.services.dossier names it


class FactsContext:
    """What every nominee's eligibility reads, loaded once per dossier."""

    def __init__(self, session: Session, year: int, rows, kinds: dict[str, AwardKind]) -> None:
        self.year = year
        self.officials = {row.id: row for row in session.scalars(select(OfficialRow))}
        self.collectives = {row.id: row for row in session.scalars(select(CollectiveRow))}
        self.discipline: dict[int, list[str]] = {}
        for official_id, form in session.execute(
                select(DisciplineRow.official_id, DisciplineRow.form).where(DisciplineRow.year == year)):
            self.discipline.setdefault(official_id, []).append(form)
        self.initiatives: dict[int, list[str]] = {}
        for official_id, title in session.execute(
                select(InitiativeAuthorRow.official_id, InitiativeRow.title)
                .join(InitiativeRow, InitiativeRow.id == InitiativeAuthorRow.initiative_id)
                .where(InitiativeRow.year == year)):
            self.initiatives.setdefault(official_id, []).append(f"“{title}”")
        self.proposed: dict[tuple[str, int], list[str]] = {}
        for row in rows:
            self.proposed.setdefault((row.subject_kind, row.subject_id), []).append(row.award_key)
        self.counts: dict[str, int] = {}
        for row in rows:
            self.counts[row.award_key] = self.counts.get(row.award_key, 0) + 1

    def members(self, collective: CollectiveRow) -> list[int]:
        active = [official for official in self.officials.values() if official.active]
        if collective.kind:  # an office of the UBND: the officials working in it
            return [official.id for official in active if official.office_id == collective.id]
        if not collective.department:
            return [official.id for official in active]
        return [official.id for official in active if official.department == collective.department]


def nominee_facts(session: Session, row: NominationRow, context: FactsContext, verdict) -> NomineeFacts:
    year = context.year
    history = history_of(session, row.subject_kind, row.subject_id)
    proposed = tuple(key for key in context.proposed.get((row.subject_kind, row.subject_id), ())
                     if key != row.award_key)
    from app.services.registration import registered_keys

    common = dict(
        year=year, history=history, proposed=proposed,
        registered=registered_keys(session, year, row.subject_kind, row.subject_id),
        emulation_qualified=verdict.qualifies if verdict else None,
        emulation_summary=verdict.summary if verdict else "chưa đánh giá tiêu chuẩn thi đua năm này",
    )
    if row.subject_kind == OFFICIAL:
        return NomineeFacts(
            subject=INDIVIDUAL, initiatives=tuple(context.initiatives.get(row.subject_id, ())),
            excellent=row.excellent, discipline=tuple(context.discipline.get(row.subject_id, ())), **common)
    collective = context.collectives.get(row.subject_id)
    members = context.members(collective) if collective else []
    members_with: dict[str, int] = {}
    for member in members:
        held = {record.award_key for record in history_of(session, OFFICIAL, member) if record.year == year}
        held |= set(context.proposed.get((OFFICIAL, member), ()))
        for key in held:
            members_with[key] = members_with.get(key, 0) + 1
    discipline = tuple(form for member in members for form in context.discipline.get(member, ()))
    initiatives = tuple(title for member in members for title in context.initiatives.get(member, ()))
    return NomineeFacts(subject=COLLECTIVE_SUBJECT, initiatives=initiatives, excellent=row.excellent,
                        discipline=discipline, members=len(members), members_with=members_with, **common)
