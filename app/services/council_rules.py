"""The council's own rules per year (quy chế: quorum, the thresholds the law leaves to it) and the one
resolver that says which vote an award needs for a dossier, and why.

The law's thresholds are dated data (``resources/law/votes.json``); the council's defaults come
from ``resources/awards/council-rules.json`` (quorum) and each award kind's own vote.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain.awards import AwardKind, Quorum, VoteRule
from app.domain.vote_rules import ALL, PRESENT, CouncilRules, SourcedRule, law_entry, resolve
from app.errors import UserError
from app.resources import load_json
from app.services.award_kinds import read_kinds
from app.services.changes import Changes
from app.services.dossier_day import read_dossier_day
from app.store import Store
from db.models import CouncilRuleRow, CouncilThresholdRow, DossierRow


def default_quorum() -> Quorum:
    raw = load_json("awards", "council-rules.json")["quorum"]
    return Quorum(int(raw["numerator"]), int(raw["denominator"]))


def law_votes() -> Mapping:
    return load_json("law", "votes.json")


def read_rules(session: Session, year: int) -> CouncilRules:
    """The year's rules as saved, or the defaults when the clerk never saved them."""
    row = session.scalar(select(CouncilRuleRow).where(CouncilRuleRow.year == year))
    thresholds = {item.award_key: VoteRule(Decimal(item.percent), item.base, item.strictly_more, item.secret_ballot)
                  for item in session.scalars(select(CouncilThresholdRow).where(CouncilThresholdRow.year == year))}
    quorum = Quorum(row.quorum_numerator, row.quorum_denominator) if row else default_quorum()
    return CouncilRules(year, quorum, thresholds, row is not None)


def rules(store: Store, year: int) -> CouncilRules:
    with store.transaction() as session:
        return read_rules(session, year)


def dossier_day(session: Session, dossier_id: int) -> date:
    """The day that chooses the law's version (``app.services.dossier_day``, the one rule)."""
    return read_dossier_day(session, dossier_id)


def vote_rule(session: Session, kind: AwardKind, day: date, year: int) -> SourcedRule:
    """The resolver: the vote ``kind`` needs for a dossier of ``day`` in ``year``, and its source."""
    return resolve(kind, day, read_rules(session, year), law_votes())


@dataclass(frozen=True)
class KindRule:
    """One award kind in the rules screen: the council's rule and, where the law sets one, the law's."""

    key: str
    name: str
    council: VoteRule
    law: SourcedRule | None  # the law's rule on the dossier's day: the council's does not apply


@dataclass(frozen=True)
class RulesView:
    rules: CouncilRules
    day: date
    kinds: tuple[KindRule, ...]


def dossier_rules_view(store: Store, dossier_id: int) -> RulesView:
    """The rules screen for a dossier: its year, and the law's versions in force on its day."""
    with store.transaction() as session:
        dossier = session.get(DossierRow, dossier_id)
        if dossier is None:
            raise UserError("Không tìm thấy hồ sơ khen thưởng này; có thể đã bị xóa.")
        year, day = dossier.year, dossier_day(session, dossier_id)
    return rules_view(store, year, day)


def rules_view(store: Store, year: int, day: date) -> RulesView:
    """What the screen “Quy chế của Hội đồng năm …” shows, for a dossier of ``day``."""
    with store.transaction() as session:
        council = read_rules(session, year)
        kinds = read_kinds(session, active_only=True)
    law = law_votes()
    rows = []
    for kind in kinds.values():
        entry = law_entry(law, kind.key, day)
        by_law = resolve(kind, day, council, law) if entry is not None and entry.get("vote") else None
        rows.append(KindRule(kind.key, kind.name, council.thresholds.get(kind.key, kind.vote), by_law))
    return RulesView(council, day, tuple(rows))


def save_rules(store: Store, year: int, quorum: Quorum, thresholds: Mapping[str, VoteRule]) -> Changes:
    """Save the council's rules of ``year`` (one undoable action); nothing when they are the same."""
    _check(quorum, thresholds)
    with store.action(f"Sửa quy chế của Hội đồng năm {year}") as action:
        session = action.session
        current = read_rules(session, year)
        row = session.scalar(select(CouncilRuleRow).where(CouncilRuleRow.year == year))
        if row is None:
            row = CouncilRuleRow(year=year)
            session.add(row)
        if (row.quorum_numerator, row.quorum_denominator) != (quorum.numerator, quorum.denominator):
            row.quorum_numerator, row.quorum_denominator = quorum.numerator, quorum.denominator
        _save_thresholds(session, year, current.thresholds, thresholds)
    return action.changes


def _save_thresholds(session: Session, year: int, before: Mapping[str, VoteRule],
                     after: Mapping[str, VoteRule]) -> None:
    gone = set(before) - set(after)
    if gone:
        session.execute(delete(CouncilThresholdRow).where(CouncilThresholdRow.year == year,
                                                          CouncilThresholdRow.award_key.in_(gone)))
    for key, rule in after.items():
        if before.get(key) == rule:
            continue
        row = session.scalar(select(CouncilThresholdRow).where(CouncilThresholdRow.year == year,
                                                               CouncilThresholdRow.award_key == key))
        if row is None:
            row = CouncilThresholdRow(year=year, award_key=key)
            session.add(row)
        row.percent, row.base = format(rule.percent.normalize(), "f"), rule.base
        row.strictly_more, row.secret_ballot = rule.strictly_more, rule.secret_ballot


def _check(quorum: Quorum, thresholds: Mapping[str, VoteRule]) -> None:
    if not 0 < quorum.numerator <= quorum.denominator:
        raise UserError(f"Số người dự họp tối thiểu {quorum.numerator}/{quorum.denominator} không hợp lệ.",
                        "Nhập một phân số không lớn hơn 1, ví dụ 2/3 hoặc 1/2.")
    for key, rule in thresholds.items():
        try:
            valid = Decimal(0) < rule.percent <= Decimal(100)
        except (InvalidOperation, TypeError):
            valid = False
        if not valid:
            raise UserError(f"Tỷ lệ phiếu của “{key}” phải lớn hơn 0% và không quá 100%.",
                            "Sửa tỷ lệ trong màn hình Quy chế của Hội đồng rồi lưu lại.")
        if rule.base not in (ALL, PRESENT):
            raise UserError(f"Cách tính tỷ lệ của “{key}” không hợp lệ.",
                            "Chọn “tổng số thành viên” hoặc “số thành viên dự họp”.")
