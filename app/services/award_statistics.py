"""How many awards the commune received, per year: by award and by department (thống kê khen thưởng).

Read from the award history (sổ theo dõi khen thưởng), every record counting
once. An award is named as its kind is named today when the record is linked
to a known kind (``award_key``), else as the record writes it, so one award
entered under two spellings that both matched the kind counts as one row.

A person's department is their department today (the app keeps no history of
moves); a record not linked to an official, or an official with no
department, counts under ``NO_DEPARTMENT``; every collective counts under
``COLLECTIVES``. Departments come in the order of the shipped defaults, then
others alphabetically, then those two.
"""

from __future__ import annotations

from sqlalchemy import select

from app.domain.vietnamese import collation_key
from app.errors import UserError
from app.queries.models.award_statistics import Statistics
from app.resources import load_json
from app.services.award_kinds import read_kinds
from app.store import Store
from db.models import AwardRecordRow, OfficialRow

OFFICIAL = "official"
COLLECTIVES = "Tập thể"
NO_DEPARTMENT = "Chưa rõ bộ phận"
MAX_SPAN = 50


def check_span(first_year: int, last_year: int) -> None:
    if first_year > last_year:
        raise UserError(f"Năm bắt đầu ({first_year}) sau năm kết thúc ({last_year}).",
                        "Chọn lại giai đoạn: năm bắt đầu không được sau năm kết thúc.")
    if last_year - first_year + 1 > MAX_SPAN:
        raise UserError(f"Giai đoạn {first_year} - {last_year} dài quá {MAX_SPAN} năm.", "Chọn giai đoạn ngắn hơn.")


def award_statistics(store: Store, first_year: int, last_year: int) -> Statistics:
    """Count the history's records of ``first_year``…``last_year`` by year and award, and by year and department."""
    check_span(first_year, last_year)
    with store.transaction() as session:
        kinds = read_kinds(session, active_only=False)
        departments = dict(session.execute(select(OfficialRow.id, OfficialRow.department)).all())
        records = session.execute(
            select(AwardRecordRow.year, AwardRecordRow.subject_kind, AwardRecordRow.subject_id,
                   AwardRecordRow.award_key, AwardRecordRow.award_name)
            .where(AwardRecordRow.year >= first_year, AwardRecordRow.year <= last_year)).all()
    by_award: dict[tuple[int, str], int] = {}
    by_department: dict[tuple[int, str], int] = {}
    for year, subject_kind, subject_id, award_key, written in records:
        award = kinds[award_key].name if award_key in kinds else written
        department = _department(subject_kind, subject_id, departments)
        by_award[(year, award)] = by_award.get((year, award), 0) + 1
        by_department[(year, department)] = by_department.get((year, department), 0) + 1
    names = [kind.name for kind in kinds.values()]
    return Statistics(first_year, last_year, _ordered({award for _, award in by_award}, names),
                      _departments({department for _, department in by_department}), by_award, by_department)


def _department(subject_kind: str, subject_id: int | None, departments: dict[int, str]) -> str:
    if subject_kind != OFFICIAL:
        return COLLECTIVES
    return (departments.get(subject_id) or "").strip() or NO_DEPARTMENT


def _ordered(found: set[str], known: list[str]) -> tuple[str, ...]:
    """``found`` in the order of ``known``, the rest alphabetically (Vietnamese order) after them."""
    first = [name for name in dict.fromkeys(known) if name in found]
    return tuple(first + sorted(found - set(first), key=collation_key))


def _departments(found: set[str]) -> tuple[str, ...]:
    defaults = list(load_json("defaults", "departments.json")["departments"])
    named = _ordered(found - {NO_DEPARTMENT, COLLECTIVES}, defaults)
    return named + tuple(name for name in (NO_DEPARTMENT, COLLECTIVES) if name in found)
