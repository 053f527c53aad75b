"""The BIÊN BẢN of the Emulation and Reward Council's meeting (Decree 30/2020, Phụ lục III mẫu 1.9).

Per FORMS.md §4: "Số: …/BB-HĐTĐKT" and no place/date line under the motto;
"BIÊN BẢN" and the meeting's name; time, place, who attended (present out of
all members, the absent with their reason and whether they voted in writing,
the list with roles), chair and secretary; the discussion; how the council
voted and a table of each nominee's votes out of the members the rule counts,
the base named ("6/7 tổng số thành viên (có 1 phiếu bằng văn bản)", "5/6
thành viên dự họp"), percentages with a Vietnamese comma ("85,71%"), the
threshold and its source (NĐ 98/2023 Điều 30 khoản 7, or the council's own
rules); each absent member's written vote, nominee by nominee; the quorum; the conclusion
naming who is carried; the closing time; THƯ KÝ left, CHỦ TỌA right; "Nơi
nhận: … - Lưu: VT, Hồ sơ.".

The template's guidance in brackets ("(hội nghị, hội thảo)", "(theo diễn biến
cuộc họp …)") is advice to the writer and is not printed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, time
from decimal import Decimal

from app.documents.model import (
    Align,
    Closing,
    Column,
    Document,
    Header,
    Paragraph,
    Recipients,
    Row,
    Signature,
    Table,
    TitleBlock,
    para,
)
from app.documents.papers.achievement_report import position_line
from app.documents.papers.common import number_line, roman, text_paragraphs
from app.domain.vietnamese import fold
from app.queries.models.carried import carried_of, count_text, tally
from app.queries.models.council import METHODS, Meeting, Member, Outcome
from app.queries.models.dossier import OFFICIAL, DossierInfo, Nomination
from app.queries.models.profile import CommuneProfile

COUNCIL = "HỘI ĐỒNG THI ĐUA -\nKHEN THƯỞNG"
COUNCIL_SUFFIX = "HĐTĐKT"
GAP = "……"
METHOD_WORDS = {"secret_ballot": "bỏ phiếu kín", "show_of_hands": "giơ tay"}
# 11 pt: the eight columns fit A4 portrait; "85,71%" and "STT" each stay on one line.
VOTE_COLUMNS = (
    Column("STT", 0.75, Align.CENTER),
    Column("Họ và tên / Tên tập thể", 1.5),
    Column("Chức vụ, đơn vị", 1.5),
    Column("Hình thức đề nghị", 1.4),
    Column("Số phiếu đồng ý / số thành viên tính tỷ lệ", 1.6, Align.CENTER),
    Column("Tỷ lệ %", 1.05, Align.CENTER),
    Column("Tỷ lệ cần đạt, căn cứ", 2.0),
    Column("Kết quả", 0.95, Align.CENTER),
)
PERSONS, COLLECTIVES = "CÁ NHÂN", "TẬP THỂ"


# ----------------------------------------------------------------------------- words shared by the dossier papers


def document_number(number: str, code: str, suffix: str) -> str:
    """ "15/TTr-UBND" as given, "15" completed to "15/TTr-UBND", nothing to "/TTr-UBND" (room to write)."""
    number = number.strip()
    if not number:
        return f"/{code}-{suffix}"
    return number if "/" in number else f"{number}/{code}-{suffix}"


def percent_text(value: Decimal) -> str:
    """ "85,71%", "100%": two decimals at most, a Vietnamese comma."""
    text = format(value.quantize(Decimal("0.01")).normalize(), "f").replace(".", ",")
    return f"{text}%"


def subjects_text(items: Iterable[Nomination]) -> str:
    """ "01 tập thể, 08 cá nhân (09 lượt đề nghị)": each person and collective once (a kind with none is left
    out), the proposals added when someone is proposed for two titles."""
    return tally(items).text()


def lower_first(text: str) -> str:
    """ "Phong trào thi đua…" -> "phong trào thi đua…", to run on inside a sentence."""
    return text[:1].lower() + text[1:] if text else text


def by_subject(items: Iterable[Nomination]) -> list[tuple[str, list[Nomination]]]:
    """("I. CÁ NHÂN", nominations), ("II. TẬP THỂ", …): individuals then collectives, a group with nobody
    left out and the rest numbered on."""
    items = list(items)
    groups = [(PERSONS, [i for i in items if i.subject_kind == OFFICIAL]),
              (COLLECTIVES, [i for i in items if i.subject_kind != OFFICIAL])]
    present = [(title, members) for title, members in groups if members]
    return [(f"{roman(number)}. {title}", members) for number, (title, members) in enumerate(present, start=1)]


def carried(listed: Iterable[Nomination], results: Mapping[int, Outcome]) -> list[Nomination]:
    """The nominations the council carried, in list order (``carried_of``: the one rule every paper reads)."""
    return list(carried_of(listed, results).carried)


def who_line(nomination: Nomination, position: str) -> str:
    return ", ".join(part for part in (nomination.name, position) if part)


# ----------------------------------------------------------------------------- the opening


def _clock(moment: time | None) -> str:
    return f"{moment:%H} giờ {moment:%M} phút" if moment else f"{GAP} giờ {GAP} phút"


def _day(day: date | None, year: int) -> str:
    from app.domain.dates import long_date

    return long_date(day) if day else f"ngày {GAP} tháng {GAP} năm {year}"


def _member(member: Member) -> str:
    text = f"Đ/c {member.full_name}"
    if member.title:
        text += f", {member.title}"
    return f"{text} - {member.role}" if member.role else text


def _absent_text(meeting: Meeting) -> str:
    parts = []
    for item in meeting.absent:
        reason = f"lý do: {item.absence_reason}" if item.absence_reason else "không rõ lý do"
        written = "; đã gửi ý kiến bằng văn bản" if item.written_vote else ""
        parts.append(f"Đ/c {item.member.full_name}, {reason}{written}")
    return f" (vắng: {'; '.join(parts)})" if parts else ""


def attendance_blocks(meeting: Meeting) -> list[Paragraph]:
    """ "Thành phần tham dự:", X/Y members present (the absent, why, written votes), those present with roles."""
    blocks = [para("Thành phần tham dự:", bold=True)]
    blocks.append(para(f"Các thành viên Hội đồng có {meeting.present}/{meeting.total} thành viên tham dự"
                       f"{_absent_text(meeting)}, gồm:"))
    present = [item.member for item in meeting.attendance if item.present]
    for number, member in enumerate(present, start=1):
        blocks.append(para(f"{number}. {_member(member)}{'.' if number == len(present) else ';'}"))
    return blocks


def _officer(label: str, member: Member | None, fallback: str) -> Paragraph:
    if member is None:
        return para(f"{label}: Đ/c {GAP}{GAP}")
    return para(f"{label}: Đ/c {member.full_name}, {member.role or fallback}.")


def opening_blocks(meeting: Meeting) -> list[Paragraph]:
    blocks = [
        para(f"Thời gian bắt đầu: {_clock(meeting.starts_at)}, {_day(meeting.held_on, meeting.year)}."),
        para(f"Địa điểm: {meeting.place or GAP * 4}."),
        *attendance_blocks(meeting),
        _officer("Chủ trì (chủ tọa)", meeting.chair, "Chủ tịch Hội đồng"),
        _officer("Thư ký (người ghi biên bản)", meeting.secretary, "Thư ký Hội đồng"),
    ]
    return blocks


# ----------------------------------------------------------------------------- the votes


def _vote_cells(outcome: Outcome | None) -> tuple[str, str, str, str]:
    """Votes over the named base, the percentage, the threshold with its source, the verdict."""
    needed = outcome.rule.describe() if outcome is not None and outcome.rule is not None else ""
    if outcome is None or outcome.result is None:
        return "", "", needed, "Chưa biểu quyết"
    result = outcome.result
    return (result.base_text(), percent_text(result.percent), needed, "Đạt" if outcome.passed else "Không đạt")


def vote_table(listed: Iterable[Nomination], results: Mapping[int, Outcome], profile: CommuneProfile) -> Table:
    """One row per nominee, individuals then collectives: votes out of the members the award's rule counts
    (the base named), the threshold and where it comes from (a decree or the council's own rules).

    No group rows: a group title would be the only row a page break leaves under the header.
    """
    ordered = [item for _title, members in by_subject(listed) for item in members]
    rows = tuple(Row((number, item.name, position_line(item, profile), item.award_name,
                      *_vote_cells(results.get(item.id)))) for number, item in enumerate(ordered, start=1))
    return Table(VOTE_COLUMNS, rows, title="Kết quả biểu quyết", size=11)


def method_text(meeting: Meeting) -> str:
    """ "Hội đồng đã biểu quyết (bỏ phiếu kín) đối với từng trường hợp …", and how written votes count."""
    how = METHOD_WORDS.get(meeting.method) or METHODS.get(meeting.method, "")
    how = f" ({how})" if how else ""
    written = (f"; {count_text(meeting.written)} thành viên vắng mặt đã gửi ý kiến bằng văn bản, được tính "
               "vào kết quả đối với danh hiệu, hình thức tính tỷ lệ trên tổng số thành viên Hội đồng"
               if meeting.written else "")
    return f"Hội đồng đã biểu quyết{how} đối với từng trường hợp được đề nghị{written}. Kết quả như sau:"


DEFAULT_DISCUSSION = "Hội đồng đã thảo luận, phân tích, đánh giá thành tích của từng tập thể, cá nhân được đề nghị."


def discussion_blocks(meeting: Meeting) -> list[Paragraph]:
    """The clerk's account of the discussion, each line once (a line pasted twice prints once); the standard
    sentence when there is none. The vote sentence after it says only how the council voted: it once
    repeated "Hội đồng đã thảo luận, phân tích, đánh giá…", which the demo's discussion already says."""
    lines = list({fold(line.strip()): line for line in meeting.discussion.split("\n") if line.strip()}.values())
    return text_paragraphs("\n".join(lines)) or [para(DEFAULT_DISCUSSION)]


def written_vote_blocks(meeting: Meeting, listed: Iterable[Nomination], results: Mapping[int, Outcome]) -> list:
    """One sentence per absent member who voted in writing: whom they agreed to, whom not, what is missing."""
    listed = list(listed)
    blocks = []
    for item in meeting.absent:
        if not item.written_vote:
            continue
        member = item.member
        choices: dict[bool | None, list[str]] = {True: [], False: [], None: []}
        for nomination in listed:
            outcome = results.get(nomination.id)
            vote = next((v for v in (outcome.written if outcome else ()) if v.member_id == member.id), None)
            choices[vote.agrees if vote else None].append(f"{nomination.name} ({nomination.award_name})")
        parts = [f"{word} đối với {', '.join(names)}" for word, names in
                 (("đồng ý", choices[True]), ("không đồng ý", choices[False]), ("chưa có ý kiến", choices[None]))
                 if names]
        blocks.append(para(f"Ý kiến bằng văn bản của Đ/c {member.full_name} (vắng mặt): {'; '.join(parts)}."))
    return blocks


def conclusion_blocks(listed: list[Nomination], results: Mapping[int, Outcome], profile: CommuneProfile) -> list:
    passed = carried(listed, results)
    if not passed:
        return [para("Kết luận: không có tập thể, cá nhân nào đạt tỷ lệ phiếu đồng ý cần thiết để đề nghị "
                     "khen thưởng.")]
    authorities = list(dict.fromkeys(item.award.authority for item in passed if item.award and item.award.authority))
    whom = f" {' và '.join(authorities)}" if authorities else " cấp có thẩm quyền"
    blocks: list = [para(f"Hội đồng thống nhất đề nghị{whom} khen thưởng cho {subjects_text(passed)} có tên sau:")]
    ordered = [item for _title, members in by_subject(passed) for item in members]
    for number, item in enumerate(ordered, start=1):
        end = "." if number == len(ordered) else ";"
        blocks.append(para(f"{number}. {who_line(item, position_line(item, profile))}: {item.award_name}{end}"))
    left_out = [item for item in listed if item not in passed]
    if left_out:
        names = "; ".join(f"{item.name} ({item.award_name})" for item in left_out)
        blocks.append(para(f"Không đề nghị khen thưởng đối với: {names}, do chưa đạt tỷ lệ phiếu đồng ý cần thiết "
                           "hoặc chưa biểu quyết."))
    return blocks


# ----------------------------------------------------------------------------- the paper


def minutes_header(profile: CommuneProfile, meeting: Meeting) -> Header:
    """Ô 1–3 with the People's Committee over the council; no place and date (mẫu 1.9)."""
    number = document_number(meeting.number, "BB", COUNCIL_SUFFIX)
    # Decree 30 lets the superior body's name shorten "Ủy ban nhân dân" to "UBND": it then fits one line.
    superior = f"UBND XÃ {profile.commune_name.upper()}" if profile.commune_name else "UBND XÃ"
    return Header(COUNCIL, number_line(number), "", superior)


def minutes_title(dossier: DossierInfo, profile: CommuneProfile) -> TitleBlock:
    commune = f"xã {profile.commune_name}" if profile.commune_name else "xã"
    return TitleBlock("BIÊN BẢN", (f"Họp Hội đồng Thi đua - Khen thưởng {commune}",
                                   f"xét, đề nghị khen thưởng {lower_first(dossier.campaign)}"))


def minutes_closing(meeting: Meeting) -> Closing:
    """THƯ KÝ left, CHỦ TỌA right, their names; recipients below."""
    secretary = meeting.secretary.full_name if meeting.secretary else ""
    chair = meeting.chair.full_name if meeting.chair else ""
    recipients = Recipients.of("Thành viên Hội đồng", archive="Lưu: VT, Hồ sơ")
    return Closing((Signature("THƯ KÝ", secretary), Signature("CHỦ TỌA", chair)), recipients)


def _ending(meeting: Meeting) -> Paragraph:
    clock = f"{meeting.ends_at:%H} giờ {meeting.ends_at:%M}" if meeting.ends_at else f"{GAP} giờ {GAP}"
    return para(f"Cuộc họp kết thúc vào {clock}, {_day(meeting.held_on, meeting.year)}./.")


def council_minutes(dossier: DossierInfo, meeting: Meeting, listed: Iterable[Nomination],
                    results: Mapping[int, Outcome], profile: CommuneProfile) -> Document:
    """The whole BIÊN BẢN, portrait, for PDF and Word; ``results`` from ``council.outcomes``."""
    listed = list(listed)
    blocks: list = [minutes_header(profile, meeting), minutes_title(dossier, profile), *opening_blocks(meeting)]
    blocks.append(para("Nội dung:", bold=True))
    blocks += discussion_blocks(meeting)
    blocks.append(para(method_text(meeting)))
    blocks.append(vote_table(listed, results, profile))
    blocks += written_vote_blocks(meeting, listed, results)
    blocks.append(para(f"Cuộc họp có {meeting.quorum_text()}."))
    blocks += conclusion_blocks(listed, results, profile)
    blocks += [_ending(meeting), minutes_closing(meeting)]
    return Document(
        title=f"Biên bản họp Hội đồng Thi đua - Khen thưởng năm {dossier.year}",
        blocks=tuple(blocks),
        author=f"Hội đồng Thi đua - Khen thưởng xã {profile.commune_name}".strip(),
    )

