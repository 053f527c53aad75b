"""The totals of a score sheet of today's shape: ordinary contents, bonus and penalty, "Không áp dụng".

A set's top-level node (and everything under it) is one of three kinds:
- ordinary (``""``): the contents scored against the set's scale (100 in the provinces' sets);
- ``bonus`` (điểm thưởng): added, never more than the bonus node's own maximum;
- ``penalty`` (điểm trừ): subtracted, never more than the penalty node's own maximum.
The total is Σ ordinary contents + bonus − penalty (Hà Nội QĐ 5666/QĐ-UBND 2025, content 9; the scorers
of section D of shared/criteria/provincial-2025-partial.md rank by "tổng + điểm thưởng − điểm phạt").

"Không áp dụng" (N/A) is rule data of the set (``na_rule``), not code. The one rule so far:
- ``scale``: an N/A criterion's maximum leaves the applicable maximum; the percentage is ordinary points
  ÷ applicable maximum; the rating bands read the total brought back to the set's scale:
  ordinary × full maximum ÷ applicable maximum (two decimals, half up) + bonus − penalty. Bonus and
  penalty are not scaled: their maxima do not depend on which criteria apply.
Without N/A the scaled total is the total itself, so older sets rate exactly as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from app.domain.criteria import (
    BONUS,
    NA_RULES,
    NODE_KINDS,
    ORDINARY,
    PENALTY,
    SCALE,
    CriterionData,
    children_by_parent,
    roots,
    subtotals,
)
from app.domain.points import rounded

__all__ = ["BONUS", "NA_RULES", "NODE_KINDS", "ORDINARY", "PENALTY", "SCALE", "Totals", "node_kinds",
           "not_applicable_max", "tally"]
_ZERO = Decimal(0)


@dataclass(frozen=True)
class Totals:
    ordinary: Decimal  # Σ ordinary contents (N/A criteria count nothing)
    bonus: Decimal  # capped at the bonus maximum
    penalty: Decimal  # capped at the penalty maximum; a positive number that is subtracted
    total: Decimal  # ordinary + bonus − penalty
    full_max: Decimal  # Σ maxima of the ordinary contents (the set's scale)
    applicable_max: Decimal  # full_max without the maxima of N/A criteria
    scaled: Decimal  # what the rating bands read (= total without N/A)
    bonus_max: Decimal = _ZERO
    penalty_max: Decimal = _ZERO

    @property
    def percent(self) -> Decimal | None:
        """Ordinary points ÷ applicable maximum × 100, two decimals; None when nothing applies."""
        return rounded(self.ordinary * 100 / self.applicable_max) if self.applicable_max else None


def node_kinds(criteria: tuple[CriterionData, ...]) -> dict[str, str]:
    """Every code's effective kind: its top-level ancestor's ``node_kind``."""
    by_code = {criterion.code: criterion for criterion in criteria}
    result: dict[str, str] = {}
    for criterion in criteria:
        code, seen = criterion.code, set()
        while by_code.get(code) and by_code[code].parent_code in by_code and code not in seen:
            seen.add(code)
            code = by_code[code].parent_code
        result[criterion.code] = by_code[code].node_kind if code in by_code else ORDINARY
    return result


def not_applicable_max(criteria: tuple[CriterionData, ...], na_codes: set[str]) -> dict[str, Decimal]:
    """Per node, the maximum its N/A leaves take away (capped at the node's own maximum)."""
    children = children_by_parent(criteria)
    by_code = {criterion.code: criterion for criterion in criteria}
    result: dict[str, Decimal] = {}

    def visit(code: str) -> Decimal:
        if code in result:
            return result[code]
        result[code] = _ZERO  # a loop of parent codes stops here
        kids = children.get(code, [])
        if not kids:
            value = (by_code[code].max_points or _ZERO) if code in na_codes else _ZERO
        else:
            value = sum((visit(kid.code) for kid in kids), _ZERO)
            value = min(value, by_code[code].max_points or value)
        result[code] = value
        return value

    for criterion in criteria:
        visit(criterion.code)
    return result


def tally(criteria: tuple[CriterionData, ...], scores: dict[str, Decimal | None],
          na_codes: set[str] | frozenset[str] = frozenset(), na_rule: str = SCALE) -> Totals:
    """The totals of ``scores`` (leaf code → points) with ``na_codes`` not applicable, under ``na_rule``."""
    applicable = {code: value for code, value in scores.items() if code not in na_codes}
    values = subtotals(criteria, applicable)
    taken = not_applicable_max(criteria, set(na_codes))
    sums = {ORDINARY: _ZERO, BONUS: _ZERO, PENALTY: _ZERO}
    maxima = dict(sums)
    minus = _ZERO
    for root in roots(criteria):
        kind = root.node_kind if root.node_kind in sums else ORDINARY
        sums[kind] += values.get(root.code) or _ZERO
        maxima[kind] += root.max_points or _ZERO
        if kind == ORDINARY:
            minus += taken.get(root.code, _ZERO)
    bonus, penalty = min(sums[BONUS], maxima[BONUS]), min(sums[PENALTY], maxima[PENALTY])
    full = maxima[ORDINARY]
    applicable_max = max(full - minus, _ZERO)
    total = sums[ORDINARY] + bonus - penalty
    scaled = total
    if na_rule == SCALE and minus and applicable_max:
        scaled = rounded(sums[ORDINARY] * full / applicable_max) + bonus - penalty
    return Totals(sums[ORDINARY], bonus, penalty, total, full, applicable_max, scaled, maxima[BONUS],
                  maxima[PENALTY])
