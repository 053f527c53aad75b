"""A generated commune's award dossier for one year (``make_packages.py``): council, meeting, nominees, votes.

Through the app's services, as ``make_decade.py`` and the demo's dossier do: the nominees are the
commune's own officials (their generated names), proposed for titles the commune grants and for one
its superior grants (Giấy khen of the district's Chairman before 1 July 2025, Bằng khen of the
province's after), each with a vote count so some are carried and a few are not.
"""

from __future__ import annotations

import random
from datetime import date, time

UPWARD_BEFORE, UPWARD_AFTER = "giay_khen_huyen", "bang_khen_tinh"  # resources/awards/award-kinds.json
AT_HOME = ("ldtt", "giay_khen_xa")
ROLES = ("Chủ tịch Hội đồng", "Phó Chủ tịch Hội đồng", "Ủy viên thường trực", "Ủy viên", "Ủy viên", "Thư ký")


def nominations(store, commune, year: int, people: list[tuple[int, str]], rng: random.Random) -> int:
    """The year's dossier with 3–6 nominees; returns its id."""
    from app.services import council
    from app.services.achievement_draft import draft_report
    from app.services.dossier import add_nomination, create_dossier, update_dossier, update_nomination

    made = create_dossier(store, year, f"Phong trào thi đua đẩy mạnh cải cách hành chính năm {year}").value
    update_dossier(store, made.id, letter_number=f"{rng.randint(100, 400)}/TTr-UBND", letter_date=date(year, 12, 2),
                   summary=f"Năm {year}, các cá nhân có tên dưới đây đã hoàn thành xuất sắc nhiệm vụ được giao.")
    members = [council.add_member(store, year, role, official_id=official_id).value
               for role, (official_id, _) in zip(ROLES, people)]
    council.update_meeting(
        store, made.id, number=f"{rng.randint(1, 9):02d}/BB-HĐTĐKT", held_on=date(year, 11, 28), starts_at=time(8),
        ends_at=time(10, 30), place=f"Hội trường Ủy ban nhân dân {commune.unit_word} {commune.name}",
        chair_id=members[0], secretary_id=members[-1], method="show_of_hands",
        discussion="Hội đồng đã thảo luận, đánh giá thành tích của từng cá nhân theo tiêu chuẩn thi đua.")
    upward = UPWARD_BEFORE if year < 2025 else UPWARD_AFTER
    for n, (official_id, name) in enumerate(rng.sample(people[1:], rng.randint(3, 6))):
        award = upward if n == 0 else rng.choice(AT_HOME + (upward,))
        nomination = add_nomination(store, made.id, "official", official_id, award,
                                    "Đề nghị theo kết quả bình xét của Hội đồng Thi đua - Khen thưởng.").value
        draft = draft_report(store, nomination, date(year, 11, 20))
        update_nomination(store, nomination, identity=draft.identity, report_duties=draft.duties,
                          report_achievements=draft.achievements or f"Hoàn thành xuất sắc nhiệm vụ năm {year}.",
                          report_date=date(year, 11, 25))
        council.set_votes(store, nomination, len(members) if n == 0 else rng.randint(2, len(members)))
    return made.id
