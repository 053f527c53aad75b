"""Is the dossier ready to print? Everything missing, each with where to go to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.law import grant_on, vn_day, why
from app.errors import UserError
from app.queries.models.award_decision import Decision
from app.services.council import Meeting, Outcome
from app.services.dossier import DossierInfo
from app.store import Store
from db.models import AwardRecordRow

LETTER, MEETING, MEMBERS, NOMINATION = "letter", "meeting", "members", "nomination"
DECISION = "decision"  # the commune's own decision (a cross-check's warning, ``dossier_checks``)


@dataclass(frozen=True)
class Missing:
    what: str  # one line, Vietnamese
    where: str  # letter | meeting | members | nomination | decision
    target: int | None = None  # the nomination's id


def readiness(store: Store, dossier_id: int, today: date | None = None) -> list[Missing]:
    """What stops the dossier from being printed whole; empty when it is ready."""
    from app.services.dossier_view import read_view  # the view lists what is missing, from one reading

    view = read_view(store, dossier_id, today)
    if view is None:
        raise UserError("Không tìm thấy hồ sơ khen thưởng này; có thể đã bị xóa.")
    return list(view.missing)


def warnings(store: Store, dossier_id: int, today: date | None = None) -> list[Missing]:
    """What the papers say that disagrees (``dossier_checks``): printed all the same; empty when they agree."""
    from app.services.dossier_view import read_view

    view = read_view(store, dossier_id, today)
    if view is None:
        raise UserError("Không tìm thấy hồ sơ khen thưởng này; có thể đã bị xóa.")
    return list(view.warnings)


def missing_of(dossier: DossierInfo, held: Meeting, listed, results: dict[int, Outcome]) -> list[Missing]:
    """What stops a dossier from being printed whole, from what was read of it (nothing is read here)."""
    missing: list[Missing] = []
    if not dossier.letter_number:
        missing.append(Missing("Tờ trình chưa có số.", LETTER))
    if dossier.letter_date is None:
        missing.append(Missing("Tờ trình chưa có ngày.", LETTER))
    if not dossier.addressee:
        missing.append(Missing("Tờ trình chưa có nơi nhận (Kính gửi).", LETTER))
    if held.total == 0:
        missing.append(Missing(f"Chưa có danh sách Hội đồng Thi đua - Khen thưởng năm {dossier.year}.", MEMBERS))
    else:
        for label, value in (("ngày họp", held.held_on), ("giờ bắt đầu", held.starts_at),
                             ("giờ kết thúc", held.ends_at), ("địa điểm", held.place),
                             ("người chủ trì", held.chair), ("thư ký", held.secretary)):
            if not value:
                missing.append(Missing(f"Biên bản họp Hội đồng chưa có {label}.", MEETING))
        if not held.quorum_met:
            missing.append(Missing(held.quorum_text() + ".", MEETING))
    if not listed:
        missing.append(Missing("Chưa có ai trong danh sách đề nghị.", NOMINATION))
    for item in listed:
        who = f"{item.name} ({item.award_name})"
        outcome = results.get(item.id)
        rejected = outcome is not None and outcome.passed is False  # no report of theirs is printed
        if not item.achievements.strip() and not rejected:
            missing.append(Missing(f"{who}: chưa có báo cáo thành tích.", NOMINATION, item.id))
        if item.eligibility.eligible is False and not item.justification.strip():
            missing.append(Missing(f"{who}: chưa đủ điều kiện và chưa ghi lý do vẫn đề nghị.", NOMINATION, item.id))
        outcome = results.get(item.id)
        if outcome is None or outcome.result is None:
            missing.append(Missing(f"{who}: chưa nhập số phiếu.", NOMINATION, item.id))
        # A nominee the council did not carry is a result, not a gap: the minutes record it, the letter omits it.
    missing += written_vote_gaps(listed, results)
    return missing


# --- authority by date (issue 17): a decision grants only what the commune could grant on the dossier's day


def granted_records(session: Session, decision: Decision) -> tuple[tuple[str, str, str], ...]:
    """(award key, award name, who) of every award an issued decision wrote into the history; none unissued."""
    if decision.id is None or not decision.issued:
        return ()
    return tuple(session.execute(select(AwardRecordRow.award_key, AwardRecordRow.award_name,
                                        AwardRecordRow.subject_name)
                                 .where(AwardRecordRow.decision_id == decision.id)
                                 .order_by(AwardRecordRow.id)).all())


def authority_missing(day: date, decision: Decision, granted) -> list[Missing]:
    """Each award of the issued decision that the commune Chairman could not grant on ``day``, with what to do."""
    beyond: dict[str, list[str]] = {}
    grants = {}
    for key, name, who in granted:
        grant = grant_on(key, day) if key else None
        if grant is not None and not grant.by_commune and grant.basis:
            grants[name] = grant
            beyond.setdefault(name, []).append(who)
    number = decision.number or "chưa có số"
    return [Missing(f"Quyết định {number} tặng “{name}” cho {', '.join(people)}, nhưng ngày "
                    f"{vn_day(day)} Chủ tịch UBND xã chưa có thẩm quyền ({why(day, grants[name])}). "
                    f"Bấm “Hủy ban hành…” ở thẻ Quyết định rồi ban hành lại: “{name}” sẽ chuyển sang tờ trình "
                    f"đề nghị {grants[name].grantor}.", DECISION)
            for name, people in beyond.items()]


def abolished_missing(day: date, listed) -> list[Missing]:
    """Each nominee proposed for an award no one can grant on ``day`` (Giấy khen of the district Chairman after
    30/06/2025: the district is gone), with the law data's advice."""
    found = []
    for item in listed:
        grant = grant_on(item.award_key, day)
        if grant.note:
            found.append(Missing(f"{item.name} ({item.award_name}): hồ sơ ngày {vn_day(day)}. {grant.note}",
                                 NOMINATION, item.id))
    return found


def written_vote_gaps(listed, results: dict[int, Outcome]) -> list[Missing]:
    """A nominee whose rule counts all members (NĐ 98/2023 Điều 30.7) lacks the written vote of a member
    marked absent with a written opinion: the tally and the minutes would be short of it."""
    gaps = []
    for item in listed:
        outcome = results.get(item.id)
        names = outcome.missing_written if outcome is not None else ()
        if names:
            gaps.append(Missing(f"{item.name} ({item.award_name}): chưa nhập ý kiến bằng văn bản của "
                                f"{', '.join(names)} (tỷ lệ tính trên tổng số thành viên Hội đồng).",
                                NOMINATION, item.id))
    return gaps
