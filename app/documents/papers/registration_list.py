"""The DANH SÁCH ĐĂNG KÝ THI ĐUA of a year: who registered for which title at the start of the year.

Laid out as a Decree 30/2020 paper with a type name (Phụ lục III mẫu 1.4):
header with "Số: …/DS-<doc_suffix>" (blank by default: the clerk numbers it
when it is issued) and the place/date line (blank day and month when not
given); "DANH SÁCH" / "Đăng ký thi đua năm …"; one sentence; parts
"I. CÁ NHÂN" (STT | Họ và tên | Chức vụ | Danh hiệu đăng ký) and "II. TẬP THỂ"
(STT | Tên tập thể | Danh hiệu đăng ký), a part with nobody left out;
TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH. A person registered for several titles has one
row, the titles joined in the catalogue's order. The same tables are the Excel
sheets.

"Danh sách" is not among the type names of Phụ lục III (its table has no "DS");
communes use it all the same, as the brief asks.
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
    Row,
    Table,
    TitleBlock,
    heading,
    para,
)
from app.documents.papers.award_decision import padded_number
from app.documents.papers.common import chairman_signature, commune_header, recipients, roman
from app.documents.papers.council_minutes import document_number
from app.domain.awards import AwardKind

PERSON_COLUMNS = (
    Column("STT", 0.7, Align.CENTER),
    Column("Họ và tên", 2.4),
    Column("Chức vụ", 2.6),
    Column("Danh hiệu đăng ký", 2.8),
)
GROUP_COLUMNS = (
    Column("STT", 0.7, Align.CENTER),
    Column("Tên tập thể", 4.4),
    Column("Danh hiệu đăng ký", 3.4),
)


@dataclass(frozen=True)
class Registrant:
    """One line of the list: a person (with position) or a collective, and the titles registered."""

    name: str
    position: str
    titles: tuple[str, ...]


def registrants(registered: Iterable, subjects: Iterable[tuple[int, str, str]], kind: str,
                kinds: Mapping[str, AwardKind]) -> list[Registrant]:
    """The lines of one part, in the order of ``subjects`` ((id, name, position) for ``kind``: "official" or
    "collective"); titles in the catalogue's order, an unknown key as written."""
    order = {key: index for index, key in enumerate(kinds)}
    keys: dict[int, list[str]] = {}
    for item in registered:
        if item.subject_kind == kind:
            keys.setdefault(item.subject_id, []).append(item.award_key)
    lines = []
    for subject_id, name, position in subjects:
        if subject_id in keys:
            ordered = sorted(set(keys[subject_id]), key=lambda key: (order.get(key, len(order)), key))
            lines.append(Registrant(name, position, tuple(kinds[key].name if key in kinds else key
                                                          for key in ordered)))
    return lines


def _titles(line: Registrant) -> str:
    return "; ".join(line.titles)


def person_table(lines: list[Registrant], title: str = "") -> Table:
    rows = tuple(Row((number, line.name, line.position, _titles(line))) for number, line in enumerate(lines, 1))
    return Table(PERSON_COLUMNS, rows, title=title, size=12)


def group_table(lines: list[Registrant], title: str = "") -> Table:
    rows = tuple(Row((number, line.name, _titles(line))) for number, line in enumerate(lines, 1))
    return Table(GROUP_COLUMNS, rows, title=title, size=12)


def _commune(profile) -> str:
    return f"xã {profile.commune_name}" if profile.commune_name else "xã"


def registration_list(year: int, persons: list[Registrant], groups: list[Registrant], profile,
                      number: str = "", day: date | None = None) -> Document:
    """The list as a paper, portrait, for PDF and Word; ``number`` and ``day`` blank for the clerk by default."""
    header = commune_header(profile.commune_name, profile.place_name,
                            document_number(padded_number(number), "DS", profile.doc_suffix or "UBND"), day, year)
    blocks: list = [header, TitleBlock("DANH SÁCH", (f"Đăng ký thi đua năm {year}",)),
                    para(f"Ủy ban nhân dân {_commune(profile)} tổng hợp danh sách cá nhân, tập thể đăng ký danh hiệu "
                         f"thi đua năm {year} như sau:")]
    parts = [("CÁ NHÂN", persons, person_table), ("TẬP THỂ", groups, group_table)]
    present = [(name, lines, table) for name, lines, table in parts if lines]
    for number_of_part, (name, lines, table) in enumerate(present, start=1):
        blocks += [heading(f"{roman(number_of_part)}. {name}"), table(lines)]
    signer = chairman_signature(profile)
    # the superior's office of the list's own date (registration opens the year: its 1 January when blank)
    addressed = profile.addressed_on(day or date(year, 1, 1))
    names = (addressed.receiving_office, "Hội đồng Thi đua - Khen thưởng xã")
    blocks.append(Closing((signer,), recipients(tuple(name for name in names if name.strip()))))
    return Document(title=f"Danh sách đăng ký thi đua năm {year}", blocks=tuple(blocks),
                    author=f"UBND {_commune(profile)}")


def registration_workbook(year: int, persons: list[Registrant], groups: list[Registrant]) -> Document:
    """The two parts as Excel sheets (names and titles as text, STT numbers)."""
    tables = []
    if persons:
        tables.append(person_table(persons, f"Cá nhân đăng ký thi đua {year}"))
    if groups:
        tables.append(group_table(groups, f"Tập thể đăng ký thi đua {year}"))
    return Document(title=f"Danh sách đăng ký thi đua năm {year}", blocks=tuple(tables))
