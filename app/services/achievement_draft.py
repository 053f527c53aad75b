"""A first draft of a nominee's achievement report from what the app knows, for the clerk to edit.

Part I (identification) is filled from the profile and the officials list;
the duties from the tasks the person leads in the year's reform plan; the
achievements from the checklist (done on time), the initiatives register, the
self-scoring (for the commune as a collective) and the emulation evaluation.
Nothing is invented: a fact the app does not hold is left for the clerk.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from app.domain.plan_kinds import REFORM
from app.domain.points import format_percent, format_points
from app.domain.vietnamese import fold
from app.errors import UserError
from app.services.proposals import read_facts
from app.store import Store
from db.models import (
    AreaRow,
    CollectiveRow,
    CommuneProfileRow,
    DossierRow,
    NominationRow,
    OfficialRow,
    PlanRow,
    TaskRow,
)

PERSON_FIELDS = ("Họ và tên", "Sinh ngày, tháng, năm", "Giới tính", "Quê quán", "Trú quán", "Đơn vị công tác",
                 "Chức vụ", "Trình độ chuyên môn, nghiệp vụ")
# "Quá trình thành lập và phát triển": part I of the annual collective forms (NĐ 91 Mẫu 01 and its successors).
COLLECTIVE_FIELDS = ("Tên tập thể", "Địa chỉ trụ sở", "Điện thoại", "Quá trình thành lập và phát triển",
                     "Số lượng thành viên", "Chức năng, nhiệm vụ")


@dataclass(frozen=True)
class Draft:
    identity: dict
    duties: str
    achievements: str


def draft_report(store: Store, nomination_id: int, today: date | None = None) -> Draft:
    from app.services.scoring import score_sheet

    with store.transaction() as session:
        row = session.get(NominationRow, nomination_id)
        if row is None:
            raise UserError("Không tìm thấy đề nghị này.")
        dossier = session.get(DossierRow, row.dossier_id)
        year = dossier.year
        profile = session.get(CommuneProfileRow, 1)
        commune = f"UBND xã {profile.commune_name}" if profile and profile.commune_name else "UBND xã"
        facts = read_facts(session, year, today or date.today())
        led = _tasks_led(session, year)
        if row.subject_kind == "official":
            person = session.get(OfficialRow, row.subject_id)
            if person is None:
                raise UserError("Không tìm thấy cán bộ, công chức này.")
            return _person(person, commune, year, facts, led.get(person.id, []))
        group = session.get(CollectiveRow, row.subject_id)
        if group is None:
            raise UserError("Không tìm thấy tập thể này.")
        members = [official for official in session.scalars(select(OfficialRow).where(OfficialRow.active.is_(True)))
                   if not group.department or official.department == group.department]
    sheet = score_sheet(store, year, today) if not group.department else None
    return _collective(group, commune, year, facts, members, sheet)


def _tasks_led(session, year: int) -> dict[int, list[str]]:
    result: dict[int, list[str]] = {}
    query = (select(TaskRow.lead_official_id, TaskRow.title).join(AreaRow, TaskRow.area_id == AreaRow.id)
             .join(PlanRow, AreaRow.plan_id == PlanRow.id)
             .where(PlanRow.year == year, PlanRow.kind == REFORM, TaskRow.lead_official_id.is_not(None))
             .order_by(AreaRow.position, TaskRow.position))
    for official_id, title in session.execute(query):
        result.setdefault(official_id, []).append(title)
    return result


def _share(points) -> str:
    if not points:
        return ""
    done = sum(1 for point in points if point.on_time)
    return (f"{done}/{len(points)} kỳ việc hoàn thành đúng hạn "
            f"({format_percent(Decimal(done) * 100 / len(points))})")


def _person(person: OfficialRow, commune: str, year: int, facts, tasks: list[str]) -> Draft:
    identity = {
        "Họ và tên": person.full_name,
        "Sinh ngày, tháng, năm": str(person.birth_year or ""),
        "Giới tính": person.gender,
        "Quê quán": "",
        "Trú quán": "",
        "Đơn vị công tác": commune,
        "Chức vụ": person.position,
        "Trình độ chuyên môn, nghiệp vụ": "",
    }
    duties = f"{person.position or 'Cán bộ, công chức'} {commune}."
    if tasks:
        duties += (f" Trong Kế hoạch cải cách hành chính năm {year}, được giao chủ trì {len(tasks)} nhiệm vụ: "
                   + "; ".join(tasks) + ".")
    lines = []
    points = [point for point in facts.checkpoints if point.lead_official_id == person.id]
    if points:
        lines.append(f"- Thực hiện các nhiệm vụ chủ trì trong Kế hoạch cải cách hành chính năm {year}: "
                     f"{_share(points)}.")
    for title in facts.initiatives.get(person.id, []):
        lines.append(f"- Có sáng kiến {title}.")
    if person.id not in facts.discipline:
        lines.append(f"- Chấp hành nghiêm kỷ luật, kỷ cương hành chính; không bị xử lý kỷ luật năm {year}.")
    return Draft(identity, duties, "\n".join(lines))


def _collective(group: CollectiveRow, commune: str, year: int, facts, members, sheet) -> Draft:
    identity = {
        "Tên tập thể": group.name,
        "Địa chỉ trụ sở": "",
        "Điện thoại": "",
        "Số lượng thành viên": str(len(members)),
        "Chức năng, nhiệm vụ": "",
    }
    ids = {member.id for member in members}
    whole = not group.department
    points = facts.checkpoints if whole else [point for point in facts.checkpoints if point.lead_official_id in ids]
    lines = []
    if points:
        lines.append(f"- Thực hiện Kế hoạch cải cách hành chính năm {year}: {_share(points)}.")
    if whole and facts.procedures:
        received, on_time = facts.procedures
        share = format_percent(Decimal(on_time) * 100 / received)
        lines.append(f"- Giải quyết thủ tục hành chính: {on_time}/{received} hồ sơ đúng hạn ({share}).")
    if sheet is not None and sheet.scored:
        text = (f"- Tự chấm điểm Chỉ số cải cách hành chính năm {year}: "
                f"{format_points(sheet.total)}/{format_points(sheet.max_total)} điểm")
        if sheet.rating:
            text += f", xếp loại {sheet.rating}"
        if sheet.previous_total is not None:
            change = sheet.total - sheet.previous_total
            word = "tăng" if change > 0 else ("giảm" if change < 0 else "bằng")
            text += f" ({word} {format_points(abs(change))} điểm so với năm {year - 1})" if change \
                else f" (bằng năm {year - 1})"
        lines.append(text + ".")
    initiatives = list(dict.fromkeys(title for member in members for title in facts.initiatives.get(member.id, [])))
    if initiatives:
        lines.append(f"- Có {len(initiatives)} sáng kiến được công nhận: " + "; ".join(initiatives) + ".")
    disciplined = [member.full_name for member in members if member.id in facts.discipline]
    if not disciplined:
        lines.append(f"- Không có cán bộ, công chức bị xử lý kỷ luật năm {year}.")
    whole_committee = fold(group.name).startswith(("uy ban nhan dan", "ubnd"))
    duties = "" if whole_committee else f"{group.name} thuộc {commune}."
    return Draft(identity, duties, "\n".join(lines))
