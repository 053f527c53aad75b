"""The TỜ TRÌNH that sends the award dossier upward, with its DANH SÁCH on an attached page.

Decree 30/2020 mẫu 1.4 (FORMS.md §3): "Số: …/TTr-UBND", place and date;
"TỜ TRÌNH" / "V/v đề nghị tặng …"; "Kính gửi:" the dossier's addressee; the
Căn cứ lines (the Law, the decree of the dossier's form version — data in
``report-forms.json`` —, the campaign plan, the council's minutes); the body
after the Quảng Nam template ("Căn cứ thành tích … đã được Hội đồng Thi đua -
Khen thưởng … xét duyệt và thông qua. Ủy ban nhân dân xã … kính đề nghị …
quyết định tặng … cho … tập thể, … cá nhân, gồm: 1. … (Có báo cáo thành tích
kèm theo)"); "Kính đề nghị … xem xét, quyết định./."; recipients; TM. ỦY BAN
NHÂN DÂN / CHỦ TỊCH. When the clerk wrote the dossier's summary, its
paragraphs stand in place of the generated opening.

Who is named: the nominees the council carried whose award is granted above
the commune (``authority_level`` not "commune"); awards the commune grants itself
go to the Chairman's decision, not to this letter. When none of those carried
is for a superior award, the letter names every nominee carried, so it is never
empty while someone passed.

The list (no national form exists; FORMS.md §3 suggests the composition):
"DANH SÁCH ĐỀ NGHỊ …", "(Kèm theo Tờ trình số … ngày … của Ủy ban nhân dân
xã …)", I. CÁ NHÂN / II. TẬP THỂ, columns STT | Họ và tên (Tên tập thể) |
Chức vụ, đơn vị công tác | Hình thức đề nghị | Ghi chú — the note holds the
clerk's justification of a nominee proposed against the rules. The same table
is the Excel sheet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from app.documents.model import (
    Align,
    Closing,
    Column,
    Document,
    GroupRow,
    PageBreak,
    Paragraph,
    Row,
    Style,
    Table,
    TitleBlock,
    para,
)
from app.documents.papers.achievement_report import position_line, report_form
from app.documents.papers.common import (
    basis_lines,
    chairman_signature,
    commune_header,
    recipients,
    text_paragraphs,
)
from app.documents.papers.council_minutes import (
    by_subject,
    carried,
    document_number,
    lower_first,
    subjects_text,
    who_line,
)
from app.domain.dates import long_date, short_date
from app.queries.models.council import Outcome
from app.queries.models.dossier import DossierInfo, Nomination
from app.queries.models.profile import CommuneProfile

LIST_COLUMNS = (
    Column("STT", 0.7, Align.CENTER),
    Column("Họ và tên (Tên tập thể)", 2.1),
    Column("Chức vụ, đơn vị công tác", 2.3),
    Column("Hình thức đề nghị", 2.1),
    Column("Ghi chú", 2.0),
)
GAP = "……"


@dataclass(frozen=True)
class CampaignPlan:
    """The emulation plan the campaign was launched by, as the Căn cứ line cites it (blanks when unknown)."""

    number: str = ""
    issue_date: date | None = None
    title: str = ""


def letter_nominees(listed: Iterable[Nomination], results: Mapping[int, Outcome]) -> list[Nomination]:
    """Those the letter names: carried and not granted by the commune itself (as ``award_decision.routing``
    sorts them: an award kind no longer known goes up); all carried when none goes up."""
    passed = carried(listed, results)
    superior = [item for item in passed if item.award is None or item.award.authority_level != "commune"]
    return superior or passed


def letter_number(dossier: DossierInfo, profile: CommuneProfile) -> str:
    return document_number(dossier.letter_number, "TTr", profile.doc_suffix or "UBND")


def _commune(profile: CommuneProfile) -> str:
    return f"xã {profile.commune_name}" if profile.commune_name else "xã"


def _addressee(dossier: DossierInfo, profile: CommuneProfile) -> str:
    if dossier.addressee:
        return dossier.addressee
    return f"Chủ tịch {profile.superior_authority}" if profile.superior_authority else f"Chủ tịch Ủy ban nhân dân {GAP}"


def _awards(items: Iterable[Nomination]) -> list[str]:
    return list(dict.fromkeys(item.award_name for item in items))


# ----------------------------------------------------------------------------- the letter


def plan_basis(plan: CampaignPlan, dossier: DossierInfo, profile: CommuneProfile) -> str:
    """ "Căn cứ Kế hoạch số 15/KH-UBND ngày 05/02/2024 của Ủy ban nhân dân xã … về …"; blanks for what is unknown."""
    number = document_number(plan.number, "KH", profile.doc_suffix or "UBND")
    number = number if not number.startswith("/") else f"{GAP}{number}"
    day = short_date(plan.issue_date) if plan.issue_date else GAP
    about = plan.title or dossier.campaign
    return f"Căn cứ Kế hoạch số {number} ngày {day} của Ủy ban nhân dân {_commune(profile)} về {lower_first(about)}"


def minutes_basis(held_on: date | None, profile: CommuneProfile) -> str:
    day = long_date(held_on) if held_on else f"ngày {GAP}"
    return f"Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng {_commune(profile)} {day}"


def _intro(dossier: DossierInfo, named: list[Nomination], addressee: str, profile: CommuneProfile) -> list[Paragraph]:
    if dossier.summary.strip():
        return text_paragraphs(dossier.summary)
    awards = _awards(named)
    what = f"quyết định tặng {awards[0]}" if len(awards) == 1 else "xem xét, quyết định khen thưởng"
    return [
        para(f"Căn cứ thành tích của các tập thể, cá nhân trong {lower_first(dossier.campaign)} đã được Hội đồng "
             f"Thi đua - Khen thưởng {_commune(profile)} xét duyệt và thông qua."),
        para(f"Ủy ban nhân dân {_commune(profile)} kính đề nghị {addressee} {what} cho "
             f"{subjects_text(named) or f'{GAP} tập thể, {GAP} cá nhân'}, gồm:"),
    ]


def _named_lines(named: list[Nomination], profile: CommuneProfile) -> list[Paragraph]:
    if not named:
        return [para("(Chưa có tập thể, cá nhân nào được Hội đồng biểu quyết đạt.)", italic=True)]
    several = len(_awards(named)) > 1
    ordered = [item for _title, members in by_subject(named) for item in members]
    lines = []
    for number, item in enumerate(ordered, start=1):
        award = f": {item.award_name}" if several else ""
        end = "." if number == len(ordered) else ";"
        lines.append(para(f"{number}. {who_line(item, position_line(item, profile))}{award}{end}"))
    return lines


def letter_summary(named: list[Nomination]) -> str:
    """ "V/v đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh" (two awards joined by "và"; more: "khen thưởng")."""
    awards = _awards(named)
    if 1 <= len(awards) <= 2:
        return f"V/v đề nghị tặng {' và '.join(awards)}"
    return "V/v đề nghị khen thưởng"


def letter_blocks(dossier: DossierInfo, named: list[Nomination], profile: CommuneProfile, plan: CampaignPlan,
                  held_on: date | None) -> list:
    addressee = _addressee(dossier, profile)
    header = commune_header(profile.commune_name, profile.place_name, letter_number(dossier, profile),
                            dossier.letter_date, dossier.year)
    bases = (*report_form(dossier.form_version)["basis"], plan_basis(plan, dossier, profile),
             minutes_basis(held_on, profile))
    blocks: list = [header, TitleBlock("TỜ TRÌNH", (letter_summary(named),), (addressee,)), *basis_lines(bases)]
    blocks += _intro(dossier, named, addressee, profile)
    blocks += _named_lines(named, profile)
    if not dossier.summary.strip():
        blocks.append(para(f"Đã có thành tích trong {lower_first(dossier.campaign)}."))
    blocks.append(para("(Có báo cáo thành tích kèm theo)", italic=True))
    blocks.append(para(f"Kính đề nghị {addressee} xem xét, quyết định./."))
    signer = chairman_signature(profile)
    # Award proposals go to the office the superior history names for them (Sở Nội vụ "qua Phòng Thi đua,
    # khen thưởng"), else the office receiving papers.
    names = ("Như trên", profile.award_office or profile.receiving_office)
    blocks.append(Closing((signer,), recipients(tuple(name for name in names if name.strip()))))
    return blocks


# ----------------------------------------------------------------------------- the list


def list_note(item: Nomination) -> str:
    """The Ghi chú: the clerk's note, and the justification when the nominee is proposed against the rules."""
    parts = [item.note.strip()] if item.note.strip() else []
    if item.proposed_against_rules and item.justification.strip():
        parts.append(item.justification.strip())
    return "\n".join(parts)


def list_table(named: list[Nomination], profile: CommuneProfile, title: str = "") -> Table:
    rows: list[Row | GroupRow] = []
    for group, members in by_subject(named):
        rows.append(GroupRow(group))
        for number, item in enumerate(members, start=1):
            rows.append(Row((number, item.name, position_line(item, profile), item.award_name, list_note(item))))
    return Table(LIST_COLUMNS, tuple(rows), title=title, size=12)


def list_title(named: list[Nomination]) -> str:
    awards = _awards(named)
    if len(awards) == 1:
        return f"DANH SÁCH ĐỀ NGHỊ TẶNG {awards[0].upper()}"
    return "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG"


def list_caption(dossier: DossierInfo, profile: CommuneProfile) -> str:
    number = letter_number(dossier, profile)
    number = number if not number.startswith("/") else f"{GAP}{number}"
    day = short_date(dossier.letter_date) if dossier.letter_date else GAP
    return f"(Kèm theo Tờ trình số {number} ngày {day} của Ủy ban nhân dân {_commune(profile)})"


def list_blocks(dossier: DossierInfo, named: list[Nomination], profile: CommuneProfile) -> list:
    return [
        para(list_title(named), Style.CENTERED, bold=True),
        para(list_caption(dossier, profile), Style.CENTERED, italic=True),
        list_table(named, profile),
    ]


# ----------------------------------------------------------------------------- the documents


def submission_letter(dossier: DossierInfo, listed: Iterable[Nomination], results: Mapping[int, Outcome],
                      profile: CommuneProfile, plan: CampaignPlan = CampaignPlan(),
                      held_on: date | None = None) -> Document:
    """The TỜ TRÌNH and, on a new page, its DANH SÁCH; portrait, for PDF and Word.

    ``results`` from ``council.outcomes``; ``held_on`` is the council meeting's date (the minutes' Căn cứ).
    """
    named = letter_nominees(listed, results)
    blocks = letter_blocks(dossier, named, profile, plan, held_on)
    blocks += [PageBreak(), *list_blocks(dossier, named, profile)]
    return Document(
        title=f"Tờ trình đề nghị khen thưởng năm {dossier.year}",
        blocks=tuple(blocks),
        author=f"UBND {_commune(profile)}",
        subject=dossier.campaign,
    )


def nominee_list_workbook(dossier: DossierInfo, listed: Iterable[Nomination], results: Mapping[int, Outcome],
                          profile: CommuneProfile) -> Document:
    """The DANH SÁCH for Excel: the same rows, names and notes as text cells."""
    named = letter_nominees(listed, results)
    table = list_table(named, profile, title="Danh sách đề nghị khen thưởng")
    return Document(title=f"Danh sách đề nghị khen thưởng năm {dossier.year}", blocks=(table,),
                    author=f"UBND {_commune(profile)}")
