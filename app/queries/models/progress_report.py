"""The periodic progress report as its paper prints it: counts per area, the checkpoints, the narrative."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from app.domain.reporting_periods import window_statement


@dataclass(frozen=True)
class Counts:
    total: int = 0
    done: int = 0
    done_late: int = 0
    doing: int = 0
    todo: int = 0
    overdue: int = 0
    skipped: int = 0
    undated: int = 0
    undated_done: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(self.values(), other.values())))

    def values(self) -> tuple[int, ...]:
        return tuple(getattr(self, name) for name in self.__dataclass_fields__)

    def table_values(self) -> tuple[int, ...]:
        """The summary table's numbers: total, done, of which late, doing, todo, overdue, skipped."""
        return (self.total, self.done, self.done_late, self.doing, self.todo, self.overdue, self.skipped)


@dataclass(frozen=True)
class AreaCounts:
    area_id: int
    plan_id: int
    title: str
    counts: Counts


@dataclass(frozen=True)
class ReportItem:
    """One checkpoint of the period, as the detailed table prints it."""

    occurrence_id: int
    task_id: int
    area_id: int
    number: str
    title: str
    area_title: str
    lead: str
    period: str
    due: date | None
    status: str
    state: str  # "Quá hạn (chưa thực hiện)", "Hoàn thành trễ hạn", "Đang thực hiện" …
    completed_on: date | None
    reason: str
    evidence_count: int


@dataclass(frozen=True)
class EvidenceItem:
    number: str
    task_title: str
    original_name: str
    note: str


@dataclass(frozen=True)
class PlanRef:
    id: int
    kind: str
    title: str
    number: str
    issue_date: date | None


@dataclass(frozen=True)
class NarrativeSection:
    """One narrative part: ``text`` is what the paper prints, the clerk's stored text when ``stored``,
    otherwise ``suggestion`` (written from the numbers)."""

    key: str
    heading: str
    text: str
    suggestion: str = ""
    stored: bool = False


SECTION_HEADINGS = (
    ("deployment", "Tình hình triển khai"),
    ("results", "Kết quả đạt được"),
    ("shortcomings", "Tồn tại, hạn chế"),
    ("direction", "Phương hướng, nhiệm vụ thời gian tới"),
)


@dataclass(frozen=True)
class ProgressReport:
    year: int
    period_key: str
    period_label: str  # "quý I", "6 tháng", "9 tháng", "năm"
    start: date
    end: date
    today: date
    commune_name: str
    plans: tuple[PlanRef, ...]
    areas: tuple[AreaCounts, ...]
    totals: Counts
    items: tuple[ReportItem, ...]  # dated ones of the period in plan order, then the undated ones
    issues: tuple[ReportItem, ...]  # overdue, done late or not done
    evidence: tuple[EvidenceItem, ...]
    upcoming: int  # checkpoints due after the period, to the end of the year
    narrative: tuple[NarrativeSection, ...]
    drafting_office: str = ""  # the office the profile names as drafting CCHC papers ("" before offices)

    @property
    def data_window(self) -> str:
        """ "Số liệu tính từ ngày 15/12/2025 đến ngày 14/6/2026": the period's cut-off window, as the paper says it."""
        return window_statement(self.start, self.end)

    @property
    def span(self) -> str:
        """ "quý I năm 2024", "6 tháng đầu năm 2024", "năm 2024": how the paper names the period."""
        return period_span(self.period_label, self.year)

    def with_narrative(self, texts: Mapping[str, str] | None) -> ProgressReport:
        """The same report with the clerk's edited texts (keys of ``SECTION_HEADINGS``; others kept)."""
        if not texts:
            return self
        sections = tuple(replace(s, text=texts.get(s.key, s.text)) for s in self.narrative)
        return replace(self, narrative=sections)


def period_span(label: str, year: int) -> str:
    if label in ("6 tháng", "9 tháng"):
        return f"{label} đầu năm {year}"
    return f"{label} năm {year}" if label != "năm" else f"năm {year}"


def percent(part: int, whole: int) -> str:
    """ "57,5%": one decimal, Vietnamese comma, ".0" dropped."""
    if not whole:
        return "0%"
    value = round(part * 100 / whole, 1)
    return f"{value:g}".replace(".", ",") + "%"
