"""The self-scoring of a year as the screens and papers read it: its lines (with the app's proposal), totals
and rating. ``app/services/scoring.py`` fills them."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from app.domain.score_totals import Totals


@dataclass(frozen=True)
class Proposal:
    points: Decimal | None  # None: the app cannot say (the reason says what is missing)
    explanation: str


@dataclass(frozen=True)
class ScoreEvidence:
    id: int
    file_id: int
    original_name: str
    stored_as: str


@dataclass(frozen=True)
class ScoreLine:
    criterion_id: int
    code: str
    name: str
    level: str
    depth: int
    max_points: Decimal | None
    rule: str  # how it is scored, one line
    evidence_expected: str
    is_leaf: bool
    points: Decimal | None  # entered (leaves) or the subtotal (parents)
    basis: str
    comment: str
    proposal: Proposal | None
    previous: Decimal | None  # last year's score of the same code
    evidence: tuple[ScoreEvidence, ...] = ()
    parent_code: str = ""  # "" for a field: the tree's shape, without reading the set again
    node_kind: str = ""  # "" ordinary, "bonus" or "penalty": its top-level content's (printed "+" / "−")
    na_allowed: bool = True
    not_applicable: bool = False  # "Không áp dụng": the points (kept) count nothing, the maximum leaves the total
    declared: str = ""  # số liệu kê khai
    appraised: Decimal | None = None  # điểm thẩm định: a leaf's as typed or imported, a parent's the subtotal
    appraisal_note: str = ""

    @property
    def difference(self) -> Decimal | None:
        if self.points is None or self.previous is None:
            return None
        return self.points - self.previous

    @property
    def overridden(self) -> bool:
        """The clerk typed a score other than what the app proposes."""
        return (self.is_leaf and self.points is not None and self.proposal is not None
                and self.proposal.points is not None and self.proposal.points != self.points)


@dataclass(frozen=True)
class ScoreSheet:
    year: int
    set_id: int
    set_name: str
    set_issuer: str
    set_decision: str
    lines: tuple[ScoreLine, ...]
    total: Decimal
    max_total: Decimal
    rating: str
    previous_total: Decimal | None
    scored: int  # leaves with a score (or "Không áp dụng")
    leaves: int
    totals: Totals | None = None  # ordinary, bonus, penalty, applicable maximum, the scaled total the bands read
    appraised: Totals | None = None  # the same for the appraised scores; None when the year has no appraisal
    appraised_rating: str = ""
    assessment_id: int = 0

    @property
    def has_appraisal(self) -> bool:
        return self.appraised is not None

    def line(self, criterion_id: int) -> ScoreLine:
        return next(line for line in self.lines if line.criterion_id == criterion_id)
