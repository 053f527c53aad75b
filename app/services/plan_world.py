"""A plan copied to a new year: its texts moved to the year, read against that year's world, and the
replacements the clerk accepted written into them.

``draft_copy`` is the one place a copy's texts are made (years shifted), so the preview the clerk
reads and the copy that is saved start from the same words; a proposal points into them by
field and position.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select

from app.domain.plan_kinds import plan_kind
from app.domain.world_update import PlanText, Proposal, Unresolved, World, world_for
from app.domain.year_shift import shift_years
from app.errors import UserError
from app.queries.models.plans import Plan, PlanData
from app.services.profile import get_profile
from app.store import Store
from db.models import AreaRow, TaskRow

# the task columns a copy rewrites, and how the preview names them
TASK_TEXTS = {"title": "Nội dung", "detail": "Chi tiết", "product": "Sản phẩm", "timeframe": "Thời gian",
              "lead_text": "Chủ trì", "coordinators": "Phối hợp"}
_SHIFTED = ("title", "detail", "product", "timeframe")


@dataclass(frozen=True)
class CopyPreview:
    """What copying to ``year`` proposes (all offered checked) and what the clerk must decide alone."""

    year: int
    proposals: tuple[Proposal, ...]
    unresolved: tuple[Unresolved, ...]


@dataclass
class CopyDraft:
    """The copy before it is saved: the plan's fields, and each area (position, title) with its tasks' columns."""

    data: PlanData
    areas: list[tuple[int, str, list[dict]]]


def _row_values(row) -> dict:
    """Every column of ``row`` by attribute name (a task copied to a new year keeps all it says)."""
    return {column.key: getattr(row, column.key) for column in row.__table__.columns}


def _blank_number(number: str) -> str:
    """ "15/KH-UBND" -> "/KH-UBND": keep the symbol, drop last year's number."""
    return number[number.index("/"):] if "/" in number else ""


def draft_copy(session, source: Plan, to_year: int) -> CopyDraft:
    """``source`` for ``to_year``: years in titles, texts and timeframes moved; number and issue date cleared.

    Legal bases are kept as they were (a shifted citation would look right and be wrong): their
    successors are proposals the clerk accepts.
    """
    def shift(text: str) -> str:
        return shift_years(text or "", source.year, to_year - source.year)

    data = replace(
        source.data, year=to_year, number=_blank_number(source.number), issue_date=None,
        title=shift(source.title), intro=shift(source.intro),
        sections=tuple((key, shift(body)) for key, body in source.sections),
    )
    areas = []
    query = select(AreaRow).where(AreaRow.plan_id == source.id).order_by(AreaRow.position)
    for area in list(session.scalars(query)):
        tasks = []
        for task in session.scalars(select(TaskRow).where(TaskRow.area_id == area.id).order_by(TaskRow.position)):
            values = _row_values(task)
            values.update({name: shift(values[name]) for name in _SHIFTED})
            tasks.append(values)
        areas.append((area.position, shift(area.title), tasks))
    return CopyDraft(data, areas)


def texts_of(draft: CopyDraft) -> list[PlanText]:
    """Every text of the draft a proposal may point into, with its address and its place in words."""
    data = draft.data
    texts = [PlanText("title", "Trích yếu", data.title), PlanText("intro", "Mở đầu", data.intro)]
    texts += [PlanText(f"legal_bases/{i}", f"Căn cứ, dòng {i + 1}", line) for i, line in enumerate(data.legal_bases)]
    headings = {section.key: section.heading for section in plan_kind(data.kind).sections}
    texts += [PlanText(f"section/{key}", f"Mục “{headings.get(key, key)}”", body) for key, body in data.sections]
    texts += [PlanText(f"recipients/{i}", f"Nơi nhận, dòng {i + 1}", line) for i, line in enumerate(data.recipients)]
    for area_no, (_position, _title, tasks) in enumerate(draft.areas, start=1):
        for task_no, values in enumerate(tasks, start=1):
            texts += [PlanText(f"task/{values['id']}/{name}", f"Nhiệm vụ {area_no}.{task_no} – {label}",
                               values[name] or "") for name, label in TASK_TEXTS.items()]
    return [text for text in texts if text.text]


def world_of(store: Store, year: int, today: date | None = None) -> World:
    """The world of ``year`` for this commune: its profile's names, the law's tables."""
    from app.resources import load_json

    tables = load_json("law", "successors.json")
    return world_for(get_profile(store), year, today or date.today(), load_json("law", "hierarchy.json")["levels"],
                     tables["successors"], tables["periods"])


def apply_accepted(draft: CopyDraft, accepted: Sequence[Proposal]) -> CopyDraft:
    """The draft with every accepted replacement written in, the last in a text first (earlier positions hold);
    a legal basis replaced by nothing is dropped (``validated`` leaves out empty lines), new bases go last."""
    texts = {text.field: text.text for text in texts_of(draft)}
    new_lines = sorted((p for p in accepted if p.start < 0), key=lambda p: int(p.field.rpartition("/")[2]))
    for proposal in sorted((p for p in accepted if p.start >= 0), key=lambda p: (p.field, -p.start)):
        text = texts.get(proposal.field, "")
        end = proposal.start + len(proposal.before)
        if text[proposal.start:end] != proposal.before:
            raise UserError(
                f"Kế hoạch đã thay đổi sau khi xem trước: ở {proposal.location} không còn “{proposal.before}”.",
                "Đóng hộp thoại rồi chọn lại “Sao chép…” để xem các đề xuất mới.")
        texts[proposal.field] = text[:proposal.start] + proposal.after + text[end:]
    return _rebuilt(draft, texts, [p.after for p in new_lines])


def _rebuilt(draft: CopyDraft, texts: dict[str, str], added: list[str]) -> CopyDraft:
    data = draft.data
    data = replace(
        data, title=texts.get("title", ""), intro=texts.get("intro", ""),
        legal_bases=tuple(texts.get(f"legal_bases/{i}", "") for i in range(len(data.legal_bases))) + tuple(added),
        recipients=tuple(texts.get(f"recipients/{i}", "") for i in range(len(data.recipients))),
        sections=tuple((key, texts.get(f"section/{key}", "")) for key, _body in data.sections),
    )
    areas = []
    for position, title, tasks in draft.areas:
        new_tasks = []
        for values in tasks:
            edited = {name: texts.get(f"task/{values['id']}/{name}", "") for name in TASK_TEXTS if values[name]}
            new_tasks.append({**values, **edited})
        areas.append((position, title, new_tasks))
    return CopyDraft(data, areas)

