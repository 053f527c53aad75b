"""The commune Chairman's award decision, and who goes where after the council's vote.

Who grants what depends on the dossier's day (``dossier_day``): until 30/06/2025 the
commune Chairman granted only Lao động tiên tiến and Giấy khen, Chiến sĩ thi đua cơ
sở and Tập thể lao động tiên tiến went to the district Chairman (Luật TĐKT 2022 Điều
80); from 01/07/2025 the commune grants those too (NĐ 129/2025 Điều 59). The dated
law data (``app.domain.law``) gives each nomination's kind its level on that day
(``dossier.judged``), so each nominee the council carried goes to one list or the other.

Issuing the decision writes every award it grants into the award history
(linked to the decision), so next year's eligibility sees it; the decision is
then read-only. Undo of the issue (or "Hủy ban hành") removes exactly those records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain.law import OWN_LIST, base_salary_on, grant_on, routing_text
from app.domain.offices import executors_on
from app.domain.text import clean_line, clean_text
from app.errors import UserError
from app.queries.models.award_decision import (  # noqa: F401 (ui/ reads them here)
    Decision,
    award_money,
    decision_money,
    nominee_money,
)
from app.queries.models.carried import carried_of
from app.resources import load_json
from app.services.changes import Changes, Done, short
from app.services.council import outcomes
from app.services.dossier import Nomination, nominations
from app.services.dossier_day import read_dossier_day
from app.services.offices import read_offices
from app.store import Store
from db.models import AwardDecisionRow, AwardRecordRow, CommuneProfileRow, DossierRow


@dataclass(frozen=True)
class Routing:
    """The carried nominees, split by who grants their award; and those the council did not carry."""

    commune: tuple[Nomination, ...]
    superior: tuple[Nomination, ...]
    not_carried: tuple[Nomination, ...]


def routing(store: Store, dossier_id: int, today: date | None = None) -> Routing:
    return route(nominations(store, dossier_id, today), outcomes(store, dossier_id))


def route(listed, results) -> Routing:
    """Who goes where, from nominations and outcomes already read (the dossier page's view has both).

    Who is carried comes from ``carried_of``, the rule every paper reads; only the split is decided here."""
    voted = carried_of(listed, results)
    carried = voted.carried
    return Routing(
        commune=tuple(item for item in carried if item.award and item.award.authority_level == "commune"),
        superior=tuple(item for item in carried if not item.award or item.award.authority_level != "commune"),
        not_carried=voted.not_carried,
    )


def routing_line(split: Routing, listed, day: date) -> str:
    """ "Chủ tịch UBND xã tặng: Lao động tiên tiến. Trình Chủ tịch UBND huyện: Chiến sĩ thi đua cơ sở (Luật …;
    hồ sơ ngày 05/12/2024)." — of the carried nominees, or of every listed one before the council voted."""
    carried = split.commune + split.superior
    shown = carried or tuple(item for item in listed if item.award)
    commune: list[str] = []
    superior: dict[str, list[str]] = {}
    bases: list[str] = []
    for item in shown:
        if item.award is None:
            continue
        grant = grant_on(item.award_key, day, item.award.authority_level, item.award.authority)
        names = commune if grant.by_commune else superior.setdefault(grant.grantor, [])
        if item.award_name not in names:
            names.append(item.award_name)
        bases.append(grant.basis if grant.basis != OWN_LIST else "")
    return routing_text(commune, superior, bases, day)


def _read(row: AwardDecisionRow) -> Decision:
    return Decision(row.id, row.dossier_id, row.year, row.number, row.signed_on, row.base_salary, row.executors,
                    row.recipients, row.issued_at)


def decision_for(store: Store, dossier_id: int) -> Decision:
    """The dossier's decision; until one is saved, the defaults a new one starts with (reading writes nothing)."""
    with store.transaction() as session:
        return read_decision(session, dossier_id)


def read_decision(session: Session, dossier_id: int) -> Decision:
    """``decision_for`` inside a transaction already open."""
    return _read(_decision_row(session, dossier_id, create=False))


def _decision_row(session: Session, dossier_id: int, create: bool) -> AwardDecisionRow:
    """The saved row, or a new one with sensible defaults: added to the session only with ``create``."""
    row = session.scalar(select(AwardDecisionRow).where(AwardDecisionRow.dossier_id == dossier_id))
    if row is not None:
        return row
    dossier = session.get(DossierRow, dossier_id)
    if dossier is None:
        raise UserError("Không tìm thấy hồ sơ khen thưởng này.")
    row = AwardDecisionRow(
        dossier_id=dossier_id, year=dossier.year, number="", signed_on=None, issued_at=None,
        base_salary=0, executors="", recipients="Như Điều 3\nLưu: VT",
    )
    row.base_salary = _salary_for(session, row)
    row.executors = _executors_for(session, row)
    if create:
        session.add(row)
        session.flush()
    return row


# What the Edit menu says after "Hoàn tác" for an edit of each field (several at once: the decision).
FIELD_LABELS = {
    "number": "Sửa số quyết định khen thưởng", "signed_on": "Sửa ngày ký quyết định",
    "base_salary": "Sửa mức lương cơ sở", "executors": "Sửa Điều 3 của quyết định",
    "recipients": "Sửa nơi nhận quyết định",
}


def update_decision(store: Store, dossier_id: int, **values) -> Done[Decision]:
    """Set number, signed_on, base_salary, executors or recipients (one undoable action); the decision saved."""
    unknown = set(values) - set(FIELD_LABELS)
    if unknown:
        raise ValueError(f"not decision fields: {unknown}")
    label = FIELD_LABELS[next(iter(values))] if len(values) == 1 else "Sửa quyết định khen thưởng"
    with store.action(label) as action:
        row = _decision_row(action.session, dossier_id, create=True)
        if row.issued_at is not None:
            raise UserError("Quyết định đã ban hành; không sửa được nữa.",
                            "Nếu cần sửa, bấm “Hủy ban hành…” trước.")
        follows = "base_salary" not in values and row.base_salary == _salary_for(action.session, row)
        # Điều 3 the clerk did not type follows the signing date too (the offices in force that day).
        executors_follow = "executors" not in values and row.executors == _executors_for(action.session, row)
        for name, value in values.items():
            if isinstance(value, str):
                value = clean_text(value) if name in ("executors", "recipients") else clean_line(value)
            setattr(row, name, value)
        if follows:  # a base salary the clerk did not type follows the signing date (a new decree may apply)
            row.base_salary = _salary_for(action.session, row)
        if executors_follow:
            row.executors = _executors_for(action.session, row)
        if row.signed_on is not None and row.signed_on.year != row.year and row.signed_on.year != row.year + 1:
            raise UserError(f"Ngày ký {row.signed_on:%d/%m/%Y} không thuộc năm {row.year} hoặc đầu năm sau.")
        if row.base_salary < 0:
            raise UserError("Mức lương cơ sở không được âm.")
        if row.number:
            _check_number(action.session, row)
        saved = _read(row)
    return Done(saved, action.changes)


def _salary_for(session: Session, row: AwardDecisionRow) -> int:
    """The base salary on the signing date; before it is set, on the dossier's day (else 31/12 of the year)."""
    return base_salary_on(row.signed_on or read_dossier_day(session, row.dossier_id, date(row.year, 12, 31)))


def _executors_for(session: Session, row: AwardDecisionRow) -> str:
    """Điều 3 by the decision's day (signing date, else the dossier's): the offices in force then, or the
    officials' titles before the commune had offices (resources/defaults/decision-executors.json)."""
    day = row.signed_on or read_dossier_day(session, row.dossier_id, date(row.year, 12, 31))
    offices = [(office.kind, office.name) for office in read_offices(session, day)]
    profile = session.get(CommuneProfileRow, 1)
    unit = "phường" if profile is not None and profile.unit_kind == "phuong" else "xã"
    return executors_on(day, load_json("defaults", "decision-executors.json")["wordings"], offices, unit)


def _check_number(session: Session, row: AwardDecisionRow) -> None:
    """Decision numbers are unique per issuing body and year (a new series each year)."""
    clash = session.scalar(select(AwardDecisionRow.id).where(
        AwardDecisionRow.id != row.id, AwardDecisionRow.year == row.year, AwardDecisionRow.number == row.number))
    if clash:
        raise UserError(f"Số quyết định “{row.number}” đã dùng cho một quyết định khác năm {row.year}.")


def issue(store: Store, dossier_id: int, now: datetime | None = None, today: date | None = None) -> Done[int]:
    """Issue the decision: every award it grants enters the history (one undoable action). Returns how many."""
    granted = routing(store, dossier_id, today).commune
    decision = decision_for(store, dossier_id)
    if decision.issued:
        raise UserError("Quyết định này đã ban hành.")
    if not decision.number or decision.signed_on is None:
        raise UserError("Quyết định chưa có số hoặc ngày ký.", "Nhập số và ngày ký rồi ban hành.")
    if not granted:
        raise UserError("Không có ai được Hội đồng đề nghị khen thưởng thuộc thẩm quyền của xã.")
    with store.action(f"Ban hành quyết định {short(decision.number)}") as action:
        session = action.session
        row = session.get(AwardDecisionRow, decision.id)
        profile = session.get(CommuneProfileRow, 1)
        authority = f"Chủ tịch UBND xã {profile.commune_name}" if profile and profile.commune_name else "Chủ tịch UBND xã"
        for item in granted:
            session.add(AwardRecordRow(
                subject_kind=item.subject_kind, subject_id=item.subject_id, subject_name=item.name,
                year=row.year, award_key=item.award_key, award_name=item.award_name, authority=authority,
                decision_number=row.number, decision_date=row.signed_on, source="decision", decision_id=row.id,
            ))
        row.issued_at = now or datetime.now()
    return Done(len(granted), action.changes)


def withdraw(store: Store, dossier_id: int) -> Changes:
    """Hủy ban hành: the records the issue wrote leave the history and the decision can be edited again.

    A domain act (it works in any later session, whatever was done since), and an action in the
    journal like any other, so it can itself be undone.
    """
    with store.action("Hủy ban hành quyết định") as action:
        session = action.session
        row = session.scalar(select(AwardDecisionRow).where(AwardDecisionRow.dossier_id == dossier_id))
        if row is None or row.issued_at is None:
            raise UserError("Quyết định này chưa ban hành nên không có gì để hủy.", "Tải lại hồ sơ rồi xem lại.")
        action.label = f"Hủy ban hành quyết định {short(row.number)}"
        session.execute(delete(AwardRecordRow).where(AwardRecordRow.decision_id == row.id))
        row.issued_at = None
    return action.changes
