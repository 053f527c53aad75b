"""Criteria sets in the database: list, load, save a new version, delete when unused, the shipped defaults."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.domain.criteria import (
    OPTIONS,
    RATIO,
    SCALE,
    SET_KINDS,
    CriteriaSetData,
    CriterionData,
    RatingBand,
    Rule,
    set_problems,
)
from app.domain.criteria_text import (
    format_bands,
    format_options,
    parse_bands,
    parse_options,
)
from app.domain.points import parse_points
from app.domain.text import clean_line, clean_text
from app.errors import UserError
from app.resources import load_json
from app.services.changes import Changes, Done, short
from app.read_once import remembered
from app.store import Store
from db.models import AssessmentRow, CriteriaSetRow, CriterionRow, RatingBandRow

DEFAULT_SETS = ("par-commune-example.json", "emulation-seed000-2024.json", "emulation-seed001-2024.json")
# Sets of today's shape (bonus and penalty, "Không áp dụng"), installed with revision 0012 (app/builtin_data.py).
SHAPED_SETS = ("par-commune-2025-example.json",)


@dataclass(frozen=True)
class SetSummary:
    id: int
    kind: str
    name: str
    year: int
    issuer: str
    decision: str
    criteria_count: int
    used_in_years: tuple[int, ...]

    @property
    def title(self) -> str:
        """One line for a picker: "Bộ chỉ số … (2024, UBND tỉnh …)"."""
        issuer = f", {self.issuer}" if self.issuer else ""
        return f"{self.name} ({self.year}{issuer})"


@dataclass(frozen=True)
class StoredSet:
    id: int
    data: CriteriaSetData
    criterion_ids: dict[str, int]  # code -> criterion id


def list_sets(store: Store, kind: str | None = None) -> list[SetSummary]:
    with store.transaction() as session:
        counts = dict(session.execute(
            select(CriterionRow.set_id, func.count()).group_by(CriterionRow.set_id)
        ).all())
        used: dict[int, list[int]] = {}
        for set_id, year in session.execute(select(AssessmentRow.set_id, AssessmentRow.year)):
            used.setdefault(set_id, []).append(year)
        query = select(CriteriaSetRow).order_by(CriteriaSetRow.kind, CriteriaSetRow.year.desc(), CriteriaSetRow.id)
        if kind:
            query = query.where(CriteriaSetRow.kind == kind)
        return [
            SetSummary(row.id, row.kind, row.name, row.year, row.issuer, row.decision, counts.get(row.id, 0),
                       tuple(sorted(used.get(row.id, []))))
            for row in session.scalars(query)
        ]


def load_set(store: Store, set_id: int) -> StoredSet:
    with store.transaction() as session:
        return read_set(session, set_id)


def read_set(session: Session, set_id: int) -> StoredSet:
    """The set with its criteria and bands (read once per ``read_once`` block: a set's rows never change)."""
    return remembered(("criteria_set", set_id), lambda: _read_set(session, set_id))


def _read_set(session: Session, set_id: int) -> StoredSet:
    row = session.get(CriteriaSetRow, set_id)
    if row is None:
        raise UserError("Không tìm thấy bộ tiêu chí này; có thể đã bị xóa.")
    criteria_rows = session.scalars(
        select(CriterionRow).where(CriterionRow.set_id == set_id).order_by(CriterionRow.position)
    ).all()
    bands = session.scalars(
        select(RatingBandRow).where(RatingBandRow.set_id == set_id).order_by(RatingBandRow.position)
    ).all()
    data = CriteriaSetData(
        kind=row.kind, name=row.name, year=row.year, issuer=row.issuer, decision=row.decision, note=row.note,
        criteria=tuple(_criterion(item) for item in criteria_rows),
        ratings=tuple(RatingBand(band.label, band.min_points) for band in bands), na_rule=row.na_rule,
    )
    return StoredSet(row.id, data, {item.code: item.id for item in criteria_rows})


def _criterion(row: CriterionRow) -> CriterionData:
    return CriterionData(
        code=row.code, name=row.name, level=row.level, parent_code=row.parent_code, max_points=row.max_points,
        rule=rule_from_text(row.rule_kind, row.rule_levels), evidence=row.evidence, source=row.source,
        subject=row.subject, node_kind=row.node_kind, na_allowed=bool(row.na_allowed),
    )


def rule_from_text(kind: str, levels: str) -> Rule:
    if kind == RATIO:
        return Rule(kind, bands=parse_bands(levels))
    if kind == OPTIONS:
        return Rule(kind, options=parse_options(levels))
    return Rule(kind)


def rule_text(rule: Rule) -> str:
    if rule.kind == RATIO:
        return format_bands(rule.bands)
    if rule.kind == OPTIONS:
        return format_options(rule.options)
    return ""


def cleaned(data: CriteriaSetData) -> CriteriaSetData:
    """NFC, single spaces, trimmed: what is saved."""
    return CriteriaSetData(
        kind=data.kind, name=clean_line(data.name), year=data.year, issuer=clean_line(data.issuer),
        decision=clean_line(data.decision), note=clean_text(data.note),
        criteria=tuple(
            CriterionData(
                code=clean_line(item.code), name=clean_text(item.name), level=item.level,
                parent_code=clean_line(item.parent_code), max_points=item.max_points, rule=item.rule,
                evidence=clean_text(item.evidence), source=clean_line(item.source), subject=item.subject,
                node_kind=item.node_kind, na_allowed=item.na_allowed,
            )
            for item in data.criteria
        ),
        ratings=tuple(RatingBand(clean_line(band.label), band.min_points) for band in data.ratings),
        na_rule=data.na_rule,
    )


def save_set(store: Store, data: CriteriaSetData, now: datetime | None = None) -> Done[int]:
    """Save ``data`` as a new set (a new version when one of the same name exists); refuses a broken set.

    The import of a workbook is this action: undoing it removes the set again. Returns the new set's id.
    """
    data = cleaned(data)
    problems = set_problems(data)
    if problems:
        lines = [f"Tiêu chí {problem.code}: {problem.message}" if problem.code else problem.message
                 for problem in problems]
        raise UserError("Bộ tiêu chí có lỗi, chưa lưu:", "\n".join(lines[:30]))
    with store.action(f"Nhập bộ tiêu chí “{short(data.name)}”") as action:
        set_id = insert_set(action.session, data, now or datetime.now())
    return Done(set_id, action.changes)


def insert_set(session: Session, data: CriteriaSetData, now: datetime) -> int:
    row = CriteriaSetRow(kind=data.kind, name=data.name, year=data.year, issuer=data.issuer,
                         decision=data.decision, note=data.note, na_rule=data.na_rule, added_at=now)
    session.add(row)
    session.flush()
    for position, item in enumerate(data.criteria):
        session.add(CriterionRow(
            set_id=row.id, position=position, code=item.code, parent_code=item.parent_code, level=item.level,
            name=item.name, max_points=item.max_points, rule_kind=item.rule.kind, rule_levels=rule_text(item.rule),
            evidence=item.evidence, source=item.source, subject=item.subject, node_kind=item.node_kind,
            na_allowed=item.na_allowed,
        ))
    for position, band in enumerate(data.ratings):
        session.add(RatingBandRow(set_id=row.id, position=position, label=band.label, min_points=band.min_points))
    session.flush()
    return row.id


def delete_set(store: Store, set_id: int) -> Changes:
    """Delete a set no year uses, with its criteria and bands (the journal keeps them for undo)."""
    with store.action("Xóa bộ tiêu chí") as action:
        session = action.session
        years = session.scalars(select(AssessmentRow.year).where(AssessmentRow.set_id == set_id)).all()
        if years:
            listed = ", ".join(str(year) for year in sorted(years))
            raise UserError(
                "Không xóa được bộ tiêu chí đang dùng.",
                f"Bộ này đang dùng để chấm điểm năm {listed}; điểm đã chấm gắn với nó.",
            )
        row = session.get(CriteriaSetRow, set_id)
        if row is None:
            raise UserError("Không tìm thấy bộ tiêu chí này; có thể đã bị xóa.")
        action.label = f"Xóa bộ tiêu chí “{short(row.name)}”"
        session.execute(delete(CriterionRow).where(CriterionRow.set_id == set_id))
        session.execute(delete(RatingBandRow).where(RatingBandRow.set_id == set_id))
        session.delete(row)
    return action.changes


# --- the shipped defaults ----------------------------------------------------------------------

def set_from_json(raw: dict) -> CriteriaSetData:
    """A set as ``resources/criteria/*.json`` writes it (points as text with a dot or comma)."""
    return CriteriaSetData(
        kind=raw["kind"], name=raw["name"], year=int(raw["year"]), issuer=raw.get("issuer", ""),
        decision=raw.get("decision", ""), note=raw.get("note", ""),
        criteria=tuple(
            CriterionData(
                code=str(item["code"]), name=item["name"], level=item.get("level", "criterion"),
                parent_code=str(item.get("parent_code", "")),
                max_points=parse_points(item.get("max_points")),
                rule=rule_from_text(item.get("rule", "manual"), item.get("levels", "")),
                evidence=item.get("evidence", ""), source=item.get("source", ""), subject=item.get("subject", ""),
                node_kind=item.get("node_kind", ""), na_allowed=bool(item.get("na_allowed", True)),
            )
            for item in raw["criteria"]
        ),
        ratings=tuple(RatingBand(band["label"], Decimal(str(band["min_points"]))) for band in raw.get("ratings", [])),
        na_rule=raw.get("na_rule", SCALE),
    )


def default_sets(names: tuple[str, ...] = DEFAULT_SETS + SHAPED_SETS) -> list[CriteriaSetData]:
    return [set_from_json(load_json("criteria", name)) for name in names]


def install_default_sets(store: Store, now: datetime | None = None) -> Done[int]:
    """Add the shipped sets that are not there yet (same kind, name and year); how many were added."""
    with store.action("Thêm các bộ tiêu chí có sẵn") as action:
        added = add_default_sets(action.session, now)
    return Done(added, action.changes)


def add_default_sets(session: Session, now: datetime | None = None,
                     names: tuple[str, ...] = DEFAULT_SETS + SHAPED_SETS) -> int:
    """``install_default_sets`` inside the caller's transaction (``names``: only these files)."""
    added = 0
    present = set(session.execute(select(CriteriaSetRow.kind, CriteriaSetRow.name, CriteriaSetRow.year)).all())
    for data in default_sets(names):
        if (data.kind, data.name, data.year) not in present:
            insert_set(session, cleaned(data), now or datetime.now())
            added += 1
    return added


def kind_label(kind: str) -> str:
    return SET_KINDS.get(kind, kind)
