"""What a user action changed, so each screen refreshes only when it cares."""

from __future__ import annotations

from dataclasses import dataclass

PROFILE = "profile"
OFFICIALS = "officials"
PLANS = "plans"
SCORING = "scoring"  # criteria sets, scores, emulation marks and the registers they read
AWARDS = "awards"  # award dossiers: nominations, council, votes, the letter
EVERYTHING = "everything"  # a restore or a new data folder


@dataclass(frozen=True)
class Changes:
    kinds: frozenset[str]

    @classmethod
    def of(cls, *kinds: str) -> "Changes":
        return cls(frozenset(kinds))

    def touches(self, kind: str) -> bool:
        return kind in self.kinds or EVERYTHING in self.kinds
