"""What a plan copied to a new year should say about the world of that year.

Last year's plan may name a superior level the law has since abolished ("UBND huyện",
"Phòng Nội vụ huyện"), a period that has ended ("giai đoạn 2021 - 2025") and legal bases that
were replaced. ``propose`` reads the plan's texts (already moved to the new year by
``year_shift``) against the target year's ``World`` and returns:

- ``Proposal`` lines: one replacement each, at a place in one text, that the clerk accepts or not;
- ``Unresolved`` lines: what the software cannot decide (a cited district plan, the drafting
  office that changed, the name of a former commune) and lists for the clerk.

The rules of the law are data: the superior level in force (``resources/law/hierarchy.json``),
the successors of legal bases and the periods (``resources/law/successors.json``). Pure functions
on plain values; every text returned is NFC.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from app.domain.timeframe_words import CITATION, fold_with_map
from app.domain.vietnamese import fold
from app.domain.world_rules import (
    World, clause, district_hits, leftover_district, period_hits, proper_name, since_words,
)


@dataclass(frozen=True)
class PlanText:
    """One text of a plan: ``field`` addresses it ("title", "legal_bases/2", "task/17/product"),
    ``location`` says where it is in words the clerk reads."""

    field: str
    location: str
    text: str


@dataclass(frozen=True)
class Proposal:
    """Replace ``before`` (at ``start`` in the field's text) by ``after``; ``start`` −1 adds a new line.
    ``context`` is the sentence ``before`` stands in, for the clerk to judge ("kế hoạch của UBND tỉnh, huyện")."""

    field: str
    location: str
    before: str
    after: str
    why: str
    start: int = 0
    context: str = ""


@dataclass(frozen=True)
class Unresolved:
    field: str
    location: str
    text: str
    why: str


def world_for(profile: object, year: int, today: date, levels: Sequence[Mapping],
              successors: Sequence[Mapping], periods: Sequence[Mapping]) -> World:
    """The ``World`` of ``year`` for a commune ``profile`` (a ``CommuneProfile``, not addressed yet)."""
    from app.domain.hierarchy import level_on, superior_on

    first = date(year, 1, 1)
    level = level_on(first, levels)
    superior = superior_on(profile, first, levels)
    district = str(getattr(profile, "district_authority", "") or getattr(profile, "district_office", "") or "")
    return World(
        year=year, day=max(first, today), reformed=level["level"] != "district", level_name=level.get("name", ""),
        since=date.fromisoformat(level["from"]) if level.get("from") else None,
        superior_authority=superior.authority, receiving_office=superior.receiving_office,
        commune_name=str(getattr(profile, "commune_name", "") or ""), district_name=_district_name(district),
        successors=tuple(successors), periods=tuple(periods),
    )


def _district_name(names: str) -> str:
    """ "Ủy ban nhân dân huyện Sơn Tịnh" -> "Sơn Tịnh"; "" when the profile names no district."""
    match = re.search(r"(?:huyện|quận|thị xã|thành phố)\s+(.+)$", unicodedata.normalize("NFC", names), re.I)
    return match.group(1).strip() if match else ""


def propose(texts: Sequence[PlanText], world: World) -> tuple[tuple[Proposal, ...], tuple[Unresolved, ...]]:
    """Every replacement the target year calls for in ``texts``, and what cannot be decided."""
    texts = [PlanText(t.field, t.location, unicodedata.normalize("NFC", t.text)) for t in texts]
    proposals: list[Proposal] = []
    unresolved: list[Unresolved] = []
    bases = [t for t in texts if t.field.startswith("legal_bases/")]
    _bases(bases, world, proposals, unresolved)
    for text in texts:
        if text.field.startswith("legal_bases/"):
            continue
        found = _text_proposals(text, world, unresolved)
        proposals.extend(found)
        _leftovers(text, world, found, unresolved)
        _former_commune(text, world, unresolved)
    _drafting_office(texts, world, unresolved)
    return tuple(proposals), tuple(unresolved)


def _text_proposals(text: PlanText, world: World, unresolved: list[Unresolved]) -> list[Proposal]:
    found: list[Proposal] = []
    if world.reformed:
        for start, before, after, why in district_hits(text.text, world):
            if after:
                found.append(Proposal(text.field, text.location, before, after, why, start, clause(text.text, start)))
            else:
                unresolved.append(Unresolved(text.field, text.location, before, why))
    for start, before, after, why in period_hits(text.text, world):
        if _in_citation(text.text, start):
            unresolved.append(Unresolved(
                text.field, text.location, clause(text.text, start, whole_sentence=True),
                f"Câu này trích một văn bản của giai đoạn {before}: tên văn bản không đổi theo năm. "
                "Kiểm tra văn bản đó còn hiệu lực không; sửa hoặc bỏ câu này sau khi sao chép."))
        else:
            found.append(Proposal(text.field, text.location, before, after, why, start, clause(text.text, start)))
    return found


def _leftovers(text: PlanText, world: World, found: list[Proposal], unresolved: list[Unresolved]) -> None:
    """A mention of the district no rule could replace ("Huyện ủy", "huyện Sơn Tịnh", "hướng dẫn của huyện")."""
    if not world.reformed:
        return
    spans = [(p.start, p.start + len(p.before)) for p in found]
    spans += [(u_start, u_start + len(u.text)) for u in unresolved if u.field == text.field
              for u_start in [text.text.find(u.text)] if u_start >= 0]
    left = leftover_district(text.text, spans)
    if left:
        unresolved.append(Unresolved(
            text.field, text.location, left,
            f"Nhắc đến cấp huyện, không còn {since_words(world).lower()}: phần mềm không biết thay bằng gì. "
            "Sửa câu này sau khi sao chép (cấp trên nay là UBND tỉnh, Sở Nội vụ)."))


def _former_commune(text: PlanText, world: World, unresolved: list[Unresolved]) -> None:
    """ "xã Tịnh Minh" in a merged commune's plan: a former commune's name (the profile names another)."""
    if not (world.reformed and world.commune_name):
        return
    own = fold(world.commune_name)
    for match in re.finditer(r"\bxã\s+", text.text):
        name = proper_name(text.text[match.end():])
        if name and fold(name) != own:
            unresolved.append(Unresolved(
                text.field, text.location, f"{match.group(0)}{name}",
                f"Tên xã “{name}” khác tên xã trong Thông tin đơn vị (“{world.commune_name}”): có thể là tên "
                "một xã cũ trước khi sắp xếp. Sửa tên sau khi sao chép nếu đúng là xã cũ."))
            return


_LEADS = re.compile(r"van phong\s*[-–]?\s*thong ke|\bvp\s*[-–]\s*tk\b")


def _drafting_office(texts: Sequence[PlanText], world: World, unresolved: list[Unresolved]) -> None:
    """Tasks led by "Công chức Văn phòng - Thống kê": one line for all (the office that drafts changed)."""
    if not world.reformed:
        return
    led = [t for t in texts if t.field.endswith("/lead_text") and _LEADS.search(fold(t.text))]
    if led:
        places = ", ".join(t.location.split(" – ")[0].removeprefix("Nhiệm vụ ") for t in led)
        unresolved.append(Unresolved(
            "lead_text", f"{len(led)} nhiệm vụ: {places}", led[0].text,
            f"{since_words(world)} xã có Văn phòng HĐND và UBND, Phòng Văn hóa - Xã hội (lĩnh vực Nội vụ làm cải "
            "cách hành chính), Phòng Kinh tế (NĐ 150/2025/NĐ-CP): chức danh “Văn phòng - Thống kê” không còn. "
            "Chọn lại người hoặc phòng chủ trì từng nhiệm vụ sau khi sao chép."))


def _bases(bases: Sequence[PlanText], world: World, proposals: list[Proposal], unresolved: list[Unresolved]) -> None:
    """Each legal basis against the successor table; then the bases the year should cite and does not."""
    present = {fold(basis.text) for basis in bases}
    for basis in bases:
        entry = _first_match(basis.text, world)
        if entry is None:
            _basis_period(basis, world, unresolved)
        elif entry["new"] is None:
            unresolved.append(Unresolved(basis.field, basis.location, basis.text, entry["why"]))
        elif fold(entry["new"]) != fold(basis.text):
            proposals.append(_successor(basis, entry, present))
            present.add(fold(entry["new"]))
    if not bases:
        return  # a plan without bases is the clerk's choice; the missing ones are said only beside the others
    cited = " ".join(fold(b.text) for b in bases) + " " + " ".join(fold(p.after) for p in proposals)
    position = len(bases)
    for entry in world.successors:
        if entry.get("old") is None and _in_force(entry, world) and not re.search(entry["cited"], cited):
            proposals.append(Proposal(f"legal_bases/{position}", f"Căn cứ (thêm dòng {position + 1})", "",
                                      entry["new"], entry["why"], -1))
            position += 1


def _successor(basis: PlanText, entry: Mapping, present: set[str]) -> Proposal:
    """The basis replaced by its successor, or dropped (``after`` empty) when the successor is cited already."""
    if fold(entry["new"]) in present:
        return Proposal(basis.field, basis.location, basis.text, "",
                        f"{entry['why']} Kế hoạch đã có căn cứ “{entry['new']}”: bỏ dòng này.")
    return Proposal(basis.field, basis.location, basis.text, entry["new"], entry["why"])


def _first_match(text: str, world: World) -> Mapping | None:
    folded = fold(text)
    for entry in world.successors:
        if entry.get("old") and _in_force(entry, world) and re.search(entry["old"], folded):
            return entry
    return None


def _in_force(entry: Mapping, world: World) -> bool:
    return date.fromisoformat(entry["from"]) <= world.day


def _basis_period(basis: PlanText, world: World, unresolved: list[Unresolved]) -> None:
    """A basis for an ended period with no entry in the table: the clerk decides."""
    for _start, before, _after, _why in period_hits(basis.text, world):
        unresolved.append(Unresolved(
            basis.field, basis.location, basis.text,
            f"Căn cứ là văn bản của giai đoạn {before}, đã kết thúc; không có văn bản thay thế trong danh mục. "
            "Thay bằng văn bản của giai đoạn mới hoặc bỏ căn cứ này."))
        return


_CITATION = re.compile(CITATION)
_CITED_KIND = re.compile(r"\b(?:nghi quyet|quyet dinh|chi thi|ke hoach so|chuong trinh so|thong tu|nghi dinh)\b")


def _in_citation(text: str, at: int) -> bool:
    """The period at ``at`` belongs to a cited paper's title ("Nghị quyết số 04-NQ/TU … giai đoạn 2021 - 2025")."""
    folded = fold_with_map(clause(text, at, whole_sentence=True)).text
    return bool(_CITATION.search(folded) and _CITED_KIND.search(folded))
