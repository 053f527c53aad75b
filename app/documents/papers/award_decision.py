"""The commune Chairman's QUYẾT ĐỊNH granting the awards within the commune's authority, with its DANH SÁCH.

Decree 30/2020 Phụ lục III mẫu 1.2 "Quyết định (cá biệt) quy định trực tiếp"
[verified S19]: header (ỦY BAN NHÂN DÂN / XÃ …, "Số: …/QĐ-<doc_suffix>", place
and date); "QUYẾT ĐỊNH" / "Về việc …" with a rule under it; the authority on a
line of its own ("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …", note 6 of the form: the head's
title when the head decides); the Căn cứ lines and "Theo đề nghị của …" (italic,
";" each, the last "."); "QUYẾT ĐỊNH:"; Điều 1 (who gets what), Điều 2 (the
money: coefficient × base salary, by the table and base salary in force on the
signing date — ``resources/law/money.json`` — whose decrees it cites), Điều 3 (effect and who executes, "./."); Nơi nhận "- Như Điều 3; …
- Lưu: VT." left, the signature right: "CHỦ TỊCH" (the Chairman signs in his
own right, no "TM."; a vice-chairman signs "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH").

Decree 30 Phụ lục I §II.6a: a Law is cited by name and date only, other
documents by type, number, date, issuer and summary. The decree of the date is
the one ``report-forms.json`` holds for the form version in force on the
signing date (``form_version_for``), so the decree lines stay data.

The attached list follows mẫu 2.1 (title, "(Kèm theo Quyết định số … ngày …
tháng … năm … của …)"): I. CÁ NHÂN / II. TẬP THỂ, columns STT | Họ và tên (Tên
tập thể) | Chức vụ, đơn vị | Danh hiệu, hình thức | Số tiền (đồng), a total row.
On paper the money has Vietnamese thousands dots ("702.000"); in Excel it is a
number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from decimal import Decimal

from app.documents.model import (
    Align,
    Closing,
    Column,
    Document,
    GroupRow,
    PageBreak,
    Paragraph,
    Row,
    Run,
    Signature,
    Style,
    Table,
    TitleBlock,
    para,
)
from app.documents.papers.achievement_report import position_line, report_form
from app.documents.papers.common import basis_lines, commune_header, recipients
from app.documents.papers.council_minutes import (
    by_subject,
    count_text,
    document_number,
    lower_first,
    subjects_text,
)
from app.documents.papers.submission_letter import minutes_basis
from app.domain.dates import long_date
from app.domain.law import kind_on, money_citation
from app.domain.vietnamese import fold
from app.queries.models.award_decision import Decision, nominee_money
from app.queries.models.dossier import OFFICIAL, DossierInfo, Nomination, form_version_for
from app.queries.models.profile import CommuneProfile

GAP = "……"
LIST_COLUMNS = (
    Column("STT", 0.7, Align.CENTER),
    Column("Họ và tên (Tên tập thể)", 2.2),
    Column("Chức vụ, đơn vị", 2.4),
    Column("Danh hiệu, hình thức", 2.0),
    Column("Số tiền (đồng)", 1.4, Align.RIGHT),
)
# The Law on the organisation of local government, by the signing date. From 01/07/2025: Luật số 72/2025/QH15
# ngày 16/6/2025, as Hà Nội QĐ 71/2025/QĐ-UBND cites it [verified S13]; that it applies from 01/07/2025 is
# [unverified] (memory: two-level local government from that day). Earlier versions (2015, amended 2019; a
# law of 19/02/2025) are [unverified]: the line then names the Law without a date, for the clerk to complete.
LOCAL_GOVERNMENT_LAW = (
    (date(2025, 7, 1), "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025"),
)
LOCAL_GOVERNMENT_LAW_UNDATED = "Căn cứ Luật Tổ chức chính quyền địa phương"
# Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022 [verified S13], in force from 01/01/2024 with
# Decree 98/2023 (FORMS.md §0); before that the 2003 Law as the ND 91 form version cites it.
EMULATION_LAW = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"
FUND = "quỹ thi đua, khen thưởng của xã"


# ----------------------------------------------------------------------------- words


def money_text(amount: int) -> str:
    """ "702.000": Vietnamese thousands separated by dots."""
    return f"{amount:,}".replace(",", ".")


def coefficient_text(value: Decimal) -> str:
    """ "0,3", "1,0", "1,5": as Decree 152 Điều 50 writes coefficients (a comma, at least one decimal)."""
    text = format(value.normalize(), "f")
    return text.replace(".", ",") if "." in text else f"{text},0"


_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_GROUPS = ("", "nghìn", "triệu", "tỷ")


def _three_digits(number: int, full: bool) -> list[str]:
    """Words of 0–999; ``full`` reads the hundreds and "linh" even when zero (not the leading group)."""
    hundreds, tens, ones = number // 100, number // 10 % 10, number % 10
    words = [_DIGITS[hundreds], "trăm"] if full or hundreds else []
    if tens == 0:
        if ones and words:
            words.append("linh")
    else:
        words += ["mười"] if tens == 1 else [_DIGITS[tens], "mươi"]
    if ones:
        words.append("mốt" if ones == 1 and tens >= 2 else "lăm" if ones == 5 and tens >= 1 else _DIGITS[ones])
    return words


def amount_words(amount: int) -> str:
    """ "Hai triệu một trăm linh sáu nghìn đồng": an amount of money in words, as decisions write the total."""
    if amount <= 0:
        return "Không đồng"
    groups, rest = [], amount
    while rest:
        groups.append(rest % 1000)
        rest //= 1000
    if len(groups) > len(_GROUPS):
        return f"{money_text(amount)} đồng"
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        if groups[index]:
            words += _three_digits(groups[index], full=bool(words))
            if index:
                words.append(_GROUPS[index])
    text = " ".join(words) + " đồng"
    return text[:1].upper() + text[1:]


def _join(parts: list[str]) -> str:
    """ "A", "A và B", "A, B và C"."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " và " + parts[-1]


def _commune(profile: CommuneProfile) -> str:
    return f"xã {profile.commune_name}" if profile.commune_name else "xã"


def award_name(item: Nomination, profile: CommuneProfile) -> str:
    """The award as the Chairman's own decision names it: "Giấy khen", not "Giấy khen của Chủ tịch UBND xã"."""
    name = item.award_name
    head, _, tail = name.partition(" của ")
    own = {"chu tich ubnd xa", "chu tich uy ban nhan dan xa"}
    own |= {f"{value} {fold(profile.commune_name)}" for value in own} if profile.commune_name else set()
    return head if tail and fold(tail) in own else name


def _is_title(item: Nomination) -> bool:
    return item.award is not None and item.award.kind == "title"


def award_phrase(item: Nomination, profile: CommuneProfile) -> str:
    """ "danh hiệu “Lao động tiên tiến”" for a title, "Giấy khen" for a form."""
    return f"danh hiệu “{award_name(item, profile)}”" if _is_title(item) else award_name(item, profile)


def _awards(granted: list[Nomination]) -> list[Nomination]:
    """One nomination standing for each award granted, in list order."""
    first: dict[str, Nomination] = {}
    for item in granted:
        first.setdefault(item.award_key, item)
    return list(first.values())


def awards_text(granted: list[Nomination], profile: CommuneProfile) -> str:
    """ "danh hiệu “Lao động tiên tiến”, “Tập thể lao động tiên tiến” và Giấy khen"."""
    awards = _awards(granted)
    titles = [f"“{award_name(item, profile)}”" for item in awards if _is_title(item)]
    forms = [award_name(item, profile) for item in awards if not _is_title(item)]
    parts = [f"danh hiệu {', '.join(titles) if forms else _join(titles)}"] if titles else []
    return _join(parts + forms) if parts + forms else GAP


def decision_summary(granted: list[Nomination], profile: CommuneProfile, year: int) -> str:
    return f"Về việc tặng {awards_text(granted, profile)} năm {year}"


def _subjects(items: Iterable[Nomination]) -> str:
    """ "01 tập thể, 02 cá nhân", each person or collective counted once whatever they receive."""
    return subjects_text({(item.subject_kind, item.subject_id): item for item in items}.values())


# ----------------------------------------------------------------------------- the decision


def padded_number(number: str) -> str:
    """Decree 30 ô 3: a number below 10 takes a leading zero: "5" and "5/QĐ-UBND" become "05", "05/QĐ-UBND"."""
    return re.sub(r"^(\d)(?=/|$)", r"0\1", number.strip())


def decision_number(decision: Decision, profile: CommuneProfile) -> str:
    """ "45/QĐ-UBND": the Chairman's decision carries the commune's symbol as the profile gives it."""
    return document_number(padded_number(decision.number), "QĐ", profile.doc_suffix or "UBND")


def authority_line(profile: CommuneProfile) -> str:
    """Mẫu 1.2 note 6: the title of the head who decides, in capitals."""
    return f"CHỦ TỊCH ỦY BAN NHÂN DÂN {_commune(profile).upper()}"


def decision_bases(signed_on: date, held_on: date | None, profile: CommuneProfile) -> list[str]:
    """The Căn cứ lines in force on the signing date, then the council's minutes and who proposed."""
    law = next((text for since, text in reversed(LOCAL_GOVERNMENT_LAW) if signed_on >= since),
               LOCAL_GOVERNMENT_LAW_UNDATED)
    version = form_version_for(signed_on)
    emulation = list(report_form(version)["basis"])
    if version != "nd91-m07":
        emulation[0] = EMULATION_LAW  # Decree 30: a Law by name and date, no number
    return [law, *emulation, minutes_basis(held_on, profile),
            f"Theo đề nghị của Hội đồng Thi đua - Khen thưởng {_commune(profile)}"]


def _article(number: int, text: str) -> Paragraph:
    """Decree 30 Phụ lục I §II.6đ: "Điều 1." bold, the text upright, indented as the body."""
    return Paragraph((Run(f"Điều {number}.", bold=True), Run(f" {text}")), Style.BODY)


def article_one(granted: list[Nomination], dossier: DossierInfo, profile: CommuneProfile) -> list[Paragraph]:
    awards = _awards(granted)
    achieved = f"đã có thành tích trong {lower_first(dossier.campaign)}" if dossier.campaign else "đã có thành tích"
    whom = f"{_subjects(granted)} có tên tại danh sách kèm theo"
    if len(awards) == 1:
        return [_article(1, f"Tặng {award_phrase(awards[0], profile)} năm {dossier.year} cho {whom}, {achieved}.")]
    kinds = {_is_title(item) for item in awards}
    what = {frozenset({True}): "danh hiệu thi đua", frozenset({False}): "hình thức khen thưởng"}.get(
        frozenset(kinds), "danh hiệu thi đua và hình thức khen thưởng")
    blocks = [_article(1, f"Tặng {what} năm {dossier.year} cho {whom}, {achieved}, gồm:")]
    for number, award in enumerate(awards, start=1):
        members = [item for item in granted if item.award_key == award.award_key]
        name = award_phrase(award, profile)
        end = "." if number == len(awards) else ";"
        blocks.append(para(f"{number}. {name[:1].upper()}{name[1:]}: {_subjects(members)}{end}"))
    return blocks


def money_lines(granted: list[Nomination], base_salary: int, profile: CommuneProfile) -> tuple[list[str], int]:
    """One line per award and kind of subject that carries money, and the total (0 without a base salary)."""
    lines, total = [], 0
    groups: dict[tuple[str, str], list[Nomination]] = {}
    for item in granted:
        groups.setdefault((item.award_key, item.subject_kind), []).append(item)
    for members in groups.values():
        first = members[0]
        coefficient = first.award.coefficient_for(first.subject_kind) if first.award else None
        if coefficient is None:
            continue
        amount = nominee_money(first, base_salary)
        who = "cá nhân" if first.subject_kind == OFFICIAL else "tập thể"
        how = f"đạt {award_phrase(first, profile)}" if _is_title(first) else f"được tặng {award_phrase(first, profile)}"
        each = f"{money_text(amount)} đồng" if amount else f"{GAP} đồng"
        count = f"{count_text(len(members))} {who}"
        subtotal = f", thành tiền {money_text(amount * len(members))} đồng" if amount else ""
        lines.append(f"Mỗi {who} {how} được thưởng {coefficient_text(coefficient)} lần mức lương cơ sở: {each} "
                     f"({count}{subtotal})")
        total += amount * len(members)
    return lines, total


def dated_for_money(granted: Iterable[Nomination], signed: date) -> list[Nomination]:
    """The granted nominees with their award's money as in force on the signing date."""
    return [replace(item, award=kind_on(item.award, signed)) if item.award else item for item in granted]


def article_two(granted: list[Nomination], decision: Decision, profile: CommuneProfile,
                signed: date | None = None) -> list[Paragraph]:
    lines, total = money_lines(granted, decision.base_salary, profile)
    if not lines:
        return [_article(2, "Các danh hiệu, hình thức khen thưởng tại Điều 1 không kèm theo tiền thưởng.")]
    base = f"{money_text(decision.base_salary)} đồng" if decision.base_salary else f"{GAP} đồng"
    cited = money_citation(signed, decision.base_salary) if signed else f"theo mức lương cơ sở {base}"
    blocks = [_article(2, f"Kèm theo danh hiệu, hình thức khen thưởng tại Điều 1, các tập thể, cá nhân được "
                          f"thưởng {cited} như sau:")]
    blocks += [para(f"- {line};") for line in lines]
    amount = (f"{money_text(total)} đồng ({amount_words(total)})" if total else f"{GAP} đồng")
    blocks.append(para(f"Tổng số tiền thưởng: {amount}, chi từ {FUND} năm {decision.year}."))
    return blocks


def article_three(decision: Decision) -> Paragraph:
    executors = decision.executors.strip().rstrip(".;") or "Các tập thể, cá nhân có tên tại Điều 1"
    executors = executors[:1].upper() + executors[1:]
    return _article(3, f"Quyết định này có hiệu lực kể từ ngày ký. {executors} chịu trách nhiệm thi hành "
                       "Quyết định này./.")


def chairman_signature(profile: CommuneProfile) -> Signature:
    """ "CHỦ TỊCH" in his own right; a vice-chairman signs for him (Decree 30 Phụ lục I §II.7b: "KT.")."""
    if fold(profile.chairman_title).startswith("pho chu tich"):
        return Signature("PHÓ CHỦ TỊCH", profile.chairman_name, "KT. CHỦ TỊCH")
    return Signature("CHỦ TỊCH", profile.chairman_name)


def decision_blocks(dossier: DossierInfo, decision: Decision, granted: list[Nomination], profile: CommuneProfile,
                    held_on: date | None, today: date | None = None) -> list:
    signed = decision.signed_on or today or date(decision.year, 12, 31)
    header = commune_header(profile.commune_name, profile.place_name, decision_number(decision, profile),
                            decision.signed_on, decision.year)
    blocks: list = [header, TitleBlock("QUYẾT ĐỊNH", (decision_summary(granted, profile, decision.year),)),
                    para(authority_line(profile), Style.CENTERED, bold=True),
                    *basis_lines(tuple(decision_bases(signed, held_on, profile))),
                    para("QUYẾT ĐỊNH:", Style.CENTERED, bold=True)]
    blocks += article_one(granted, dossier, profile)
    blocks += article_two(granted, decision, profile, signed)
    blocks.append(article_three(decision))
    lines = tuple(line for line in decision.recipients.split("\n") if line.strip()) or ("Như Điều 3",)
    blocks.append(Closing((chairman_signature(profile),), recipients(lines)))
    return blocks


# ----------------------------------------------------------------------------- the list


def list_title(granted: list[Nomination], profile: CommuneProfile, year: int) -> str:
    kinds = {item.subject_kind == OFFICIAL for item in granted}
    who = {frozenset({True}): "CÁ NHÂN", frozenset({False}): "TẬP THỂ"}.get(frozenset(kinds), "TẬP THỂ, CÁ NHÂN")
    return f"{who} ĐƯỢC TẶNG {awards_text(granted, profile).upper()} NĂM {year}"


def list_caption(decision: Decision, profile: CommuneProfile) -> str:
    """Mẫu 2.1: "(Kèm theo Quyết định số 45/QĐ-UBND ngày 10 tháng 12 năm 2025 của Chủ tịch Ủy ban nhân dân xã …)"."""
    number = decision_number(decision, profile)
    number = number if not number.startswith("/") else f"{GAP}{number}"
    day = long_date(decision.signed_on) if decision.signed_on else f"ngày {GAP} tháng {GAP} năm {decision.year}"
    return f"(Kèm theo Quyết định số {number} {day} của Chủ tịch Ủy ban nhân dân {_commune(profile)})"


def list_table(granted: list[Nomination], base_salary: int, profile: CommuneProfile, *, paper: bool,
               title: str = "") -> Table:
    """The list; ``paper`` writes money as "702.000" (PDF, Word), else as numbers (Excel). Blank money: none due."""
    def shown(amount: int):
        return (money_text(amount) if amount else "") if paper else (amount or None)

    rows: list[Row | GroupRow] = []
    total = 0
    for group, members in by_subject(granted):
        rows.append(GroupRow(group))
        for number, item in enumerate(members, start=1):
            amount = nominee_money(item, base_salary)
            total += amount
            rows.append(Row((number, item.name, position_line(item, profile), award_name(item, profile),
                             shown(amount))))
    rows.append(Row((None, "Tổng cộng", None, None, shown(total)), bold=True))
    return Table(LIST_COLUMNS, tuple(rows), title=title, size=12)


def list_blocks(decision: Decision, granted: list[Nomination], profile: CommuneProfile) -> list:
    return [
        para("DANH SÁCH", Style.CENTERED, bold=True),
        para(list_title(granted, profile, decision.year), Style.CENTERED, bold=True),
        para(list_caption(decision, profile), Style.CENTERED, italic=True),
        list_table(granted, decision.base_salary, profile, paper=True),
    ]


# ----------------------------------------------------------------------------- the documents


def award_decision(dossier: DossierInfo, decision: Decision, granted: Iterable[Nomination],
                   profile: CommuneProfile, held_on: date | None = None, today: date | None = None) -> Document:
    """The QUYẾT ĐỊNH and, on a new page, its DANH SÁCH; portrait, for PDF and Word.

    ``granted`` is ``award_decision.routing(...).commune``; ``held_on`` the council meeting's date. The Căn cứ
    lines follow ``decision.signed_on`` (``today`` stands in for a draft without a date).
    """
    granted = dated_for_money(granted, decision.signed_on or today or date(decision.year, 12, 31))
    blocks = decision_blocks(dossier, decision, granted, profile, held_on, today)
    blocks += [PageBreak(), *list_blocks(decision, granted, profile)]
    return Document(
        title=f"Quyết định khen thưởng năm {decision.year}",
        blocks=tuple(blocks),
        author=f"UBND {_commune(profile)}",
        subject=dossier.campaign,
    )


def decision_list_workbook(decision: Decision, granted: Iterable[Nomination], profile: CommuneProfile) -> Document:
    """The DANH SÁCH for Excel: names as text, money as numbers, the total a value."""
    granted = dated_for_money(granted, decision.signed_on or date(decision.year, 12, 31))
    table = list_table(granted, decision.base_salary, profile, paper=False,
                       title=f"Danh sách khen thưởng năm {decision.year}")
    return Document(title=f"Danh sách kèm theo Quyết định khen thưởng năm {decision.year}", blocks=(table,),
                    author=f"UBND {_commune(profile)}")
