"""Cross-checks of a dossier's papers against each other: warnings, not gaps.

A gap (``dossier_readiness.missing_of``) stops the papers from being printed whole; a warning says that
papers which can be printed disagree with each other or with the law's common sense — a Chairman certifying
his own report, a report dated after the letter it goes with, a count the clerk typed that the list does
not bear out. The clerk may still print: each warning says what is wrong, where, and what to do.

Each check is its own function on what was already read (nothing is read here); ``warnings_of`` runs them
all in the order the banner lists them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from app.domain.dates import short_date
from app.domain.vietnamese import name_key
from app.queries.models.award_history import Record, known_on
from app.queries.models.carried import Tally, carried_of, count_text, tally
from app.queries.models.council import Meeting, Outcome
from app.queries.models.dossier import OFFICIAL, DossierInfo, Nomination
from app.services.dossier_readiness import DECISION, LETTER, MEETING, NOMINATION, Missing


@dataclass(frozen=True)
class CheckFacts:
    """What the cross-checks read besides the dossier, the meeting, the nominees and their outcomes."""

    chairman_name: str = ""  # the commune Chairman: the "xác nhận" signer of every report form
    records: Mapping[int, tuple[Record, ...]] | None = None  # each nomination's award history, by nomination id
    named: tuple[Nomination, ...] = ()  # those the letter proposes
    granted: tuple[Nomination, ...] = ()  # those the commune's own decision grants
    decision_number: str = ""
    decision_awards: frozenset[tuple[str, int, str]] | None = None  # what the issued decision wrote; None: not issued


def _who(item: Nomination) -> str:
    return f"{item.name} ({item.award_name})"


def self_certified(listed: Iterable[Nomination], chairman_name: str) -> list[Missing]:
    """The Chairman signs the "xác nhận" block of every report: on his own report both signatures are his."""
    if not chairman_name.strip():
        return []
    chairman = name_key(chairman_name)
    return [Missing(f"{_who(item)}: người ký xác nhận báo cáo thành tích là Chủ tịch UBND xã, cũng chính là "
                    "người được đề nghị. Nên để Phó Chủ tịch UBND xã (người được phân công) ký xác nhận "
                    "thay trên bản in.", NOMINATION, item.id)
            for item in listed if item.subject_kind == OFFICIAL and name_key(item.name) == chairman]


def chairs_own_vote(held: Meeting, listed: Iterable[Nomination]) -> list[Missing]:
    """The member who chairs the meeting is himself a nominee voted on there."""
    chair = held.chair
    if chair is None:
        return []

    def is_chair(item: Nomination) -> bool:
        if item.subject_kind != OFFICIAL:
            return False
        if chair.official_id is not None:
            return chair.official_id == item.subject_id
        return name_key(chair.full_name) == name_key(item.name)

    return [Missing(f"{_who(item)}: người chủ trì cuộc họp Hội đồng cũng là người được xét. Nên giao Phó Chủ "
                    "tịch Hội đồng chủ trì phần xét trường hợp này và ghi rõ trong biên bản.", MEETING, item.id)
            for item in listed if is_chair(item)]


def reports_after_letter(dossier: DossierInfo, listed: Iterable[Nomination]) -> list[Missing]:
    """A report goes with the letter: it cannot be dated after it."""
    if dossier.letter_date is None:
        return []
    return [Missing(f"{_who(item)}: báo cáo thành tích ghi ngày {short_date(item.report_date)}, sau ngày tờ "
                    f"trình ({short_date(dossier.letter_date)}). Sửa ngày báo cáo cho không muộn hơn tờ trình.",
                    NOMINATION, item.id)
            for item in listed if item.report_date is not None and item.report_date > dossier.letter_date]


def cites_later_decision(dossier: DossierInfo, listed: Iterable[Nomination],
                         records: Mapping[int, tuple[Record, ...]]) -> list[Missing]:
    """The report's own text cites a decision of the history signed after the report's date.

    Part III never does (``records_as_of``); the clerk's text may ("… theo Quyết định số 52/QĐ-UBND").
    """
    found = []
    for item in listed:
        text = f"{item.duties}\n{item.achievements}"
        for record in records.get(item.id, ()):
            if (record.decision_number and record.decision_number in text
                    and not known_on(record, item.report_date, dossier.year)):
                when = f"ghi ngày {short_date(item.report_date)}" if item.report_date else "chưa có ngày"
                day = f" ngày {short_date(record.decision_date)}" if record.decision_date else f" năm {record.year}"
                found.append(Missing(
                    f"{_who(item)}: báo cáo thành tích {when} nhưng nêu Quyết định số {record.decision_number}"
                    f"{day}, ban hành sau ngày báo cáo. Bỏ câu đó khỏi phần thành tích, hoặc sửa ngày báo cáo.",
                    NOMINATION, item.id))
                break
    return found


def reports_not_carried(listed: Iterable[Nomination], results: Mapping[int, Outcome]) -> list[Missing]:
    """A report written for a nominee the council did not carry: it is left out of the papers, and says so."""
    left_out = [item for item in carried_of(listed, results).not_carried
                if item.achievements.strip() and results.get(item.id) is not None
                and results[item.id].passed is False]
    return [Missing(f"{_who(item)}: Hội đồng không biểu quyết đạt ({results[item.id].text()}), nên báo cáo "
                    "thành tích không được đưa vào hồ sơ xuất ra. Nếu số phiếu nhập sai, sửa ở thẻ Hội đồng.",
                    NOMINATION, item.id) for item in left_out]


_TYPED_COUNT = re.compile(r"(\d+)\s+(cá nhân|tập thể)", re.IGNORECASE)


def typed_counts(dossier: DossierInfo, named: Iterable[Nomination]) -> list[Missing]:
    """A count the clerk typed in the letter's opening ("09 cá nhân") that the letter's list does not bear out."""
    counted: Tally = tally(named)
    expected = {"cá nhân": counted.persons, "tập thể": counted.collectives}
    wrong = []
    for number, kind in _TYPED_COUNT.findall(dossier.summary):
        if int(number) != expected[kind.lower()]:
            wrong.append(f"“{number} {kind}”")
    if not wrong:
        return []
    return [Missing(f"Phần mở đầu tờ trình ghi {', '.join(dict.fromkeys(wrong))} nhưng danh sách đề nghị có "
                    f"{counted.text() or 'không ai'}. Sửa phần mở đầu ở thẻ Tờ trình cho khớp (mỗi người, mỗi tập "
                    "thể tính một lần).", LETTER)]


def decision_against_votes(facts: CheckFacts) -> list[Missing]:
    """The issued decision wrote its awards into the history; the council's result may have changed since."""
    if facts.decision_awards is None:
        return []
    now = {(item.subject_kind, item.subject_id, item.award_key) for item in facts.granted}
    if now == facts.decision_awards:
        return []
    number = f"số {facts.decision_number}" if facts.decision_number else "của xã"
    granted = tally(facts.granted).text("lượt") or "không ai"
    return [Missing(f"Quyết định {number} đã ban hành cho {count_text(len(facts.decision_awards))} lượt khen "
                    f"thưởng, nhưng theo kết quả biểu quyết hiện nay xã tặng {granted}. Xem lại số phiếu; nếu "
                    "quyết định sai, hủy ban hành, sửa rồi ban hành lại.", DECISION)]


def warnings_of(dossier: DossierInfo, held: Meeting, listed, results: Mapping[int, Outcome],
                facts: CheckFacts) -> list[Missing]:
    """Every cross-check's warnings, in the order the banner lists them."""
    listed = list(listed)
    return [*self_certified(listed, facts.chairman_name), *chairs_own_vote(held, listed),
            *reports_after_letter(dossier, listed), *cites_later_decision(dossier, listed, facts.records or {}),
            *reports_not_carried(listed, results), *typed_counts(dossier, facts.named),
            *decision_against_votes(facts)]
