"""What a user action changed, so each screen refreshes only when it cares (Anki's ``OpChanges``).

A ``Changes`` is computed from the undo journal's rows (``db/journal.py``), never declared by
hand: the kinds of things touched and, per table, which rows. ``KIND_OF_TABLE`` is the one
place that says which screen-kind a table belongs to; a test checks that every table has one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar

Kind = Literal["profile", "officials", "plans", "reports", "periods", "scoring", "awards", "receiving", "backups", "everything"]

PROFILE: Kind = "profile"
OFFICIALS: Kind = "officials"
PLANS: Kind = "plans"
REPORTS: Kind = "reports"  # the progress report's narrative: only the open report dialog shows it
PERIODS: Kind = "periods"  # reporting periods: the dashboard's report deadlines, the report's window
SCORING: Kind = "scoring"  # criteria sets, scores, emulation marks and the registers they read (offices too)
AWARDS: Kind = "awards"  # award dossiers: nominations, council, votes, the letter, the commune's own awards
RECEIVING: Kind = "receiving"  # the province's side: packages received, its appraisal, its office
BACKUPS: Kind = "backups"  # a backup file written (no table changes; the status bar shows the latest)
EVERYTHING: Kind = "everything"  # a restore or a new data folder

KIND_OF_TABLE: Mapping[str, Kind] = {
    "commune_profile": PROFILE,
    "superior_period": PROFILE,  # the superior's history with dates: part of the profile
    "official": OFFICIALS,
    **dict.fromkeys(("plan", "plan_section", "plan_area", "plan_task", "task_occurrence", "task_history",
                     "evidence_file", "evidence_link"), PLANS),
    "report_text": REPORTS,
    "paper_date": REPORTS,  # a paper's own date: the report and package dialogs show it
    "reporting_period": PERIODS,
    **dict.fromkeys(("criteria_set", "criterion", "rating_band", "assessment", "score_entry", "score_evidence",
                     "emulation_mark", "collective", "initiative", "initiative_author", "discipline",
                     "procedure_stat"), SCORING),
    **dict.fromkeys(("award_kind", "award_record", "dossier", "nomination", "council_member", "council_meeting",
                     "meeting_attendance", "nomination_vote", "registration", "award_decision",
                     "certificate_layout", "council_rule", "council_threshold", "written_vote"), AWARDS),
    **dict.fromkeys(("received_package", "province_appraisal", "receiving_office"), RECEIVING),
}


@dataclass(frozen=True)
class Changes:
    kinds: frozenset[str]
    rows: Mapping[str, frozenset[int]] = field(default_factory=dict)  # table -> ids touched
    label: str = ""  # the action's name, as the Edit menu shows it
    step: int = 0  # the journal step that holds it (0: none), which undo and redo name
    origin: object = field(default=None, compare=False)  # the screen that made it, which need not reload

    @classmethod
    def of(cls, *kinds: str) -> "Changes":
        return cls(frozenset(kinds))

    @classmethod
    def from_rows(cls, touched: Iterable[tuple[str, int]], label: str = "", step: int = 0) -> "Changes":
        """The changes of journal rows ``(table, id)``."""
        rows: dict[str, set[int]] = {}
        for table, row_id in touched:
            rows.setdefault(table, set()).add(row_id)
        kinds = frozenset(KIND_OF_TABLE.get(table, EVERYTHING) for table in rows)
        return cls(kinds, {table: frozenset(ids) for table, ids in rows.items()}, label, step)

    def touches(self, kind: str, screen: object = None) -> bool:
        """Whether a screen showing ``kind`` must reload (never the screen that made the change itself)."""
        if screen is not None and screen is self.origin:
            return False
        return kind in self.kinds or EVERYTHING in self.kinds

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def ids(self, table: str) -> frozenset[int]:
        return self.rows.get(table, frozenset())

    def __or__(self, other: "Changes") -> "Changes":
        tables = set(self.rows) | set(other.rows)
        rows = {table: self.ids(table) | other.ids(table) for table in tables}
        return Changes(self.kinds | other.kinds, rows, other.label or self.label, other.step or self.step)


NOTHING = Changes(frozenset())


T = TypeVar("T")


@dataclass(frozen=True)
class Done(Generic[T]):
    """What a write returns when its caller needs a result too (Anki's ``OpChangesWith…``)."""

    value: T
    changes: Changes


def short(text: str, length: int = 40) -> str:
    """A name cut for an undo label ("Hoàn tác “Sửa trạng thái …”"), with "…" where it was cut."""
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"
