"""The commune's profile as papers print it: name, province, superior level, signers."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from app.domain.hierarchy import SuperiorPeriod, superior_on


@dataclass(frozen=True)
class CommuneProfile:
    commune_name: str = ""
    province: str = ""
    superior_authority: str = ""  # the province's names: papers dated from 01/07/2025
    receiving_office: str = ""
    place_name: str = ""
    chairman_name: str = ""
    chairman_title: str = ""
    clerk_name: str = ""
    doc_suffix: str = "UBND"
    district_authority: str = ""  # the former district's names: papers dated before 01/07/2025
    district_office: str = ""
    unit_kind: str = "xa"  # "xa" | "phuong"
    commune_code: str = ""  # mã đơn vị hành chính (digits) when the clerk typed it: the package's data file carries it
    drafting_office_id: int | None = None  # the office that drafts the CCHC papers
    # Read beside the row (not profile fields the clerk types): the drafting office's name, the superior history.
    drafting_office: str = ""
    superiors: tuple[SuperiorPeriod, ...] = ()
    award_office: str = ""  # set by ``addressed_on``: who receives award proposals that day
    addressed_day: date | None = None  # set by ``addressed_on``: the day the superior fields are for

    @property
    def unit_word(self) -> str:
        """ "xã" or "phường" as papers write it."""
        return "phường" if self.unit_kind == "phuong" else "xã"

    def addressed_on(self, day: date) -> CommuneProfile:
        """The profile as a paper dated ``day`` prints it: ``superior_authority`` and ``receiving_office``
        are the names of the superior in force that day (the commune's history ``superiors``, else the
        law's level and the profile's fields: ``app.domain.hierarchy``), so every paper builder
        reads the two fields it always read. Refuses to re-address a profile addressed for another day
        (its province fields may already hold the district's names)."""
        if self.addressed_day is not None:
            if self.addressed_day != day:
                raise ValueError(f"profile already addressed for {self.addressed_day}, not {day}")
            return self
        superior = superior_on(self, day)
        return replace(self, superior_authority=superior.authority, receiving_office=superior.receiving_office,
                       award_office=superior.award_office, addressed_day=day)
