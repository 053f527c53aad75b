"""How a score was given. The sheet itself (lines, totals, rating) is a read model in
``app/queries/models/scoring.py``; ``app/services/scoring.py`` reads and edits it."""

from __future__ import annotations

MANUAL_BASIS, PROPOSAL_BASIS = "manual", "proposal"
