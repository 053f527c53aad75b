"""The state of one self-scoring entry kept for undo, and how a score was given. The sheet itself (lines,
totals, rating) is a read model in ``app/queries/models/scoring.py``; ``app/services/scoring.py`` edits both."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

MANUAL_BASIS, PROPOSAL_BASIS = "manual", "proposal"


@dataclass(frozen=True)
class ScoreState:
    """A criterion's entry as it was, for undo."""

    year: int
    criterion_id: int
    points: Decimal | None
    basis: str
    comment: str
