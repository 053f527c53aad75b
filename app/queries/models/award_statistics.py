"""The award statistics over a span of years as the paper and the workbook print them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Statistics:
    """Counts over ``first_year``…``last_year``; the mappings hold only counts above zero (read with ``count``)."""

    first_year: int
    last_year: int
    awards: tuple[str, ...]
    departments: tuple[str, ...]
    by_year_award: dict[tuple[int, str], int] = field(default_factory=dict)
    by_year_department: dict[tuple[int, str], int] = field(default_factory=dict)

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(range(self.first_year, self.last_year + 1))

    def award_count(self, year: int, award: str) -> int:
        return self.by_year_award.get((year, award), 0)

    def department_count(self, year: int, department: str) -> int:
        return self.by_year_department.get((year, department), 0)

    def award_total(self, award: str) -> int:
        return sum(self.award_count(year, award) for year in self.years)

    def department_total(self, department: str) -> int:
        return sum(self.department_count(year, department) for year in self.years)

    def year_total(self, year: int) -> int:
        return sum(self.award_count(year, award) for award in self.awards)

    @property
    def total(self) -> int:
        return sum(self.by_year_award.values())
