"""Is the dossier ready to print? Everything missing, each with where to go to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.services import council
from app.services.dossier import list_dossiers, nominations
from app.store import Store

LETTER, MEETING, MEMBERS, NOMINATION = "letter", "meeting", "members", "nomination"


@dataclass(frozen=True)
class Missing:
    what: str  # one line, Vietnamese
    where: str  # letter | meeting | members | nomination
    target: int | None = None  # the nomination's id


def readiness(store: Store, dossier_id: int, today: date | None = None) -> list[Missing]:
    """What stops the dossier from being printed whole; empty when it is ready."""
    dossier = next(item for item in list_dossiers(store) if item.id == dossier_id)
    missing: list[Missing] = []
    if not dossier.letter_number:
        missing.append(Missing("Tờ trình chưa có số.", LETTER))
    if dossier.letter_date is None:
        missing.append(Missing("Tờ trình chưa có ngày.", LETTER))
    if not dossier.addressee:
        missing.append(Missing("Tờ trình chưa có nơi nhận (Kính gửi).", LETTER))
    held = council.meeting(store, dossier_id)
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
    listed = nominations(store, dossier_id, today)
    if not listed:
        missing.append(Missing("Chưa có ai trong danh sách đề nghị.", NOMINATION))
    results = council.outcomes(store, dossier_id)
    for item in listed:
        who = f"{item.name} ({item.award_name})"
        if not item.achievements.strip():
            missing.append(Missing(f"{who}: chưa có báo cáo thành tích.", NOMINATION, item.id))
        if item.eligibility.eligible is False and not item.justification.strip():
            missing.append(Missing(f"{who}: chưa đủ điều kiện và chưa ghi lý do vẫn đề nghị.", NOMINATION, item.id))
        outcome = results.get(item.id)
        if outcome is None or outcome.result is None:
            missing.append(Missing(f"{who}: chưa nhập số phiếu.", NOMINATION, item.id))
        # A nominee the council did not carry is a result, not a gap: the minutes record it, the letter omits it.
    return missing
