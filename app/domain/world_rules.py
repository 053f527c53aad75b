"""The phrases a copied plan must change after the reform: where the district is named, where a period ended.

Matching works on folded text (``fold_with_map``: "UBND huyện", "Ủy ban nhân dân Huyện" and "Uỷ ban …"
read alike) and cuts every ``before`` from the clerk's own words. Each hit is a tuple
``(start, before, after, why)``; an empty ``after`` means the world has no name to put there.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from app.domain.timeframe_words import fold_with_map
from app.domain.vietnamese import fold


@dataclass(frozen=True)
class World:
    """The target year as the copy sees it.

    ``reformed``: the superior level in force on 01/01 of the year is not the district (hierarchy table);
    ``day``: the day legal bases are judged on (01/01 of the year, or today when later).
    """

    year: int
    day: date
    reformed: bool
    level_name: str  # "cấp tỉnh"
    since: date | None  # the level's first day (01/07/2025 for the province)
    superior_authority: str
    receiving_office: str
    commune_name: str = ""
    district_name: str = ""  # "Sơn Tịnh", read from the profile's district fields
    successors: tuple[Mapping, ...] = ()
    periods: tuple[Mapping, ...] = ()

Hit = tuple[int, str, str, str]

# (folded pattern, what replaces it, whether the district's own name may follow)
_DISTRICT = (
    (re.compile(r"\b(?:uy ban nhan dan|ubnd)\s+huyen\b"), "authority", True),
    (re.compile(r"\bphong noi vu(?:\s+huyen\b)?"), "office", True),
    (re.compile(r"\bcap huyen\b"), "level", False),
    (re.compile(r"\btinh\s*,\s*huyen\b"), "province", False),
)
_HUYEN = re.compile(r"\bhuyen\b")
_CLAUSE_END = re.compile(r"[.;]\s|\n")
_SENTENCE_END = re.compile(r"\.\s|\n")


def district_hits(text: str, world: World) -> list[Hit]:
    """Every naming of the district as the commune's superior in ``text``, with what replaces it."""
    folded = fold_with_map(text)
    hits: list[Hit] = []
    taken = -1
    for start, end, role, named in sorted(_district_matches(folded.text), key=lambda m: m[0]):
        if start < taken:
            continue  # overlaps an earlier hit
        begin, stop = folded.at(start), folded.at(end)
        if named:
            stop += _name_length(text[stop:], world.district_name)
        hits.append((begin, text[begin:stop], *_replacement(role, text[begin:stop], world)))
        taken = end
    return hits


def _district_matches(folded: str):
    for pattern, role, named in _DISTRICT:
        for match in pattern.finditer(folded):
            yield match.start(), match.end(), role, named


def _name_length(rest: str, district_name: str) -> int:
    """How much of ``rest`` is the district's own name after "UBND huyện" (" Sơn Tịnh"); 0 when none."""
    gap = len(rest) - len(rest.lstrip(" "))
    if not gap:
        return 0
    words = rest[gap:]
    if district_name and fold(words).startswith(fold(district_name)):
        return gap + len(district_name)
    name = proper_name(words)
    return gap + len(name) if name else 0


def proper_name(text: str) -> str:
    """The capitalised words at the start of ``text`` ("Tịnh Minh năm 2024" -> "Tịnh Minh"), at most four."""
    words = []
    for word in re.split(r"\s", text)[:4]:  # one white space between words; a line end ends the name
        bare = word.rstrip(".,;:)")
        if not bare or not bare[0].isupper() or not bare.replace("-", "").isalpha():
            break
        words.append(bare)
        if bare != word:
            break
    return " ".join(words)


def since_words(world: World) -> str:
    """ "Từ 01/7/2025" (the superior level's first day, written as papers write dates), or "Nay"."""
    return f"Từ {world.since.day:02d}/{world.since.month}/{world.since.year}" if world.since else "Nay"


def _replacement(role: str, before: str, world: World) -> tuple[str, str]:
    since = since_words(world)
    if role == "authority":
        return world.superior_authority, _named(
            world.superior_authority, f"{since} không còn cấp huyện; cơ quan cấp trên của xã năm {world.year} là "
            f"{world.superior_authority}.", "tên cơ quan cấp trên (Ủy ban nhân dân tỉnh …)")
    if role == "office":
        return world.receiving_office, _named(
            world.receiving_office, f"{since} không còn Phòng Nội vụ huyện; cơ quan nhận báo cáo, hồ sơ của xã năm "
            f"{world.year} là {world.receiving_office}.", "tên cơ quan nhận hồ sơ (Sở Nội vụ tỉnh …)")
    if role == "level":
        after = _same_case(before, world.level_name)
        return after, f"{since} chính quyền địa phương hai cấp: cấp trên trực tiếp của xã là {world.level_name}."
    return _same_case(before, "tỉnh"), f"{since} không còn cấp huyện: văn bản chỉ còn của cấp tỉnh."


def _named(name: str, why: str, missing: str) -> str:
    if name:
        return why
    return (f"Thông tin đơn vị chưa ghi {missing}: phần mềm không biết thay bằng gì. Ghi vào Thông tin đơn vị rồi "
            "sao chép lại, hoặc sửa câu này sau khi sao chép.")


def _same_case(before: str, after: str) -> str:
    """ "Cấp huyện" -> "Cấp tỉnh", "cấp huyện" -> "cấp tỉnh"."""
    return after[:1].upper() + after[1:] if before[:1].isupper() else after


def period_hits(text: str, world: World) -> list[Hit]:
    """Every ended period of the table ("2021 - 2025") named in ``text``, when the year falls in the next one."""
    hits: list[Hit] = []
    for period in world.periods:
        (old_from, old_to), (new_from, new_to) = period["old"], period["new"]
        if not new_from <= world.year <= new_to:
            continue
        pattern = rf"(?<![0-9]){old_from}(\s*[-–]\s*){old_to}(?![0-9])"
        for match in re.finditer(pattern, text):
            after = f"{new_from}{match.group(1)}{new_to}"
            hits.append((match.start(), match.group(0), after, period["why"].format(year=world.year)))
    return hits


def clause(text: str, at: int, whole_sentence: bool = False) -> str:
    """The clause around position ``at`` (cut at "." or ";" before a space, or a line end; with
    ``whole_sentence`` not at ";", so a cited paper's number and its title stay together)."""
    ends = _SENTENCE_END if whole_sentence else _CLAUSE_END
    start = max((m.end() for m in ends.finditer(text, 0, at)), default=0)
    end = ends.search(text, at)
    return text[start: end.start() if end else len(text)].strip().strip(".;").strip()


def leftover_district(text: str, spans: list[tuple[int, int]]) -> str:
    """The sentence of the first "huyện" outside ``spans`` (the hits already listed); "" when none."""
    folded = fold_with_map(text)
    for match in _HUYEN.finditer(folded.text):
        at = folded.at(match.start())
        if not any(start <= at < end for start, end in spans):
            return clause(text, at)
    return ""
