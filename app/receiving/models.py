"""The receiving side's read models: frozen values the window, the workbook and the summary paper read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from app.exchange.package_data import PackageData

OK, TEXT_ONLY, REFUSED, REPLACED = "ok", "text_only", "refused", "replaced"
STATUS_LABELS = {OK: "Đã tổng hợp", TEXT_ONLY: "Chỉ có văn bản", REFUSED: "Bị từ chối", REPLACED: "Đã được thay thế"}
PERIOD_LABELS = {"q1": "Quý I", "q2": "Quý II", "h1": "6 tháng", "q3": "9 tháng", "q4": "Quý IV", "year": "Năm",
                 "": "Không kèm báo cáo"}  # a package of the plan or the scores alone (no progress report in it)
PERIOD_ORDER = ("", "q1", "q2", "h1", "q3", "q4", "year")  # the later in a year, the further right


def moment_label(iso: str) -> str:
    """ "09:00 ngày 10/12/2026" from an ISO time (kept as written when it does not parse)."""
    try:
        moment = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso
    return f"{moment:%H:%M} ngày {moment:%d/%m/%Y}"


def period_rank(period: str) -> int:
    """Where a period falls in the year (an unknown one before all): the ranking reads the latest."""
    return PERIOD_ORDER.index(period) if period in PERIOD_ORDER else -1


@dataclass(frozen=True)
class ReceivedRow:
    """One package file seen, as ``received_package`` holds it."""

    id: int
    path: str
    package_name: str
    commune_key: str
    commune_name: str
    province: str
    unit_kind: str
    commune_code: str
    year: int
    period: str
    exported_at: str
    app_version: str
    status: str  # OK | TEXT_ONLY | REFUSED | REPLACED
    reason: str
    self_total: Decimal | None
    rating: str
    set_name: str
    set_version: str
    tasks_total: int
    tasks_done: int
    tasks_overdue: int
    proposals_count: int
    decisions_count: int

    @property
    def commune(self) -> str:
        """ "Xã Hòa Bình Xuân" / "Phường An Phú" ("" when the package could not be read at all)."""
        if not self.commune_name:
            return ""
        return f"{'Phường' if self.unit_kind == 'phuong' else 'Xã'} {self.commune_name}"

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def period_label(self) -> str:
        if self.status == REFUSED:  # not read: its period is not known
            return ""
        return PERIOD_LABELS.get(self.period, self.period)

    @property
    def exported_label(self) -> str:
        return moment_label(self.exported_at)


@dataclass(frozen=True)
class ReceivedPackage:
    """One package with its data file read (``data`` None: text only, refused without data)."""

    row: ReceivedRow
    data: PackageData | None


@dataclass(frozen=True)
class FieldScore:
    """A top-level criterion (lĩnh vực) and the points scored under it (appraised over self when appraised)."""

    code: str
    name: str
    points: Decimal
    max_points: Decimal | None


@dataclass(frozen=True)
class RankingRow:
    package_id: int
    commune_key: str
    commune: str  # "Xã Hòa Bình Xuân"
    province: str
    period: str
    set_name: str
    set_version: str
    self_total: Decimal | None
    appraised_total: Decimal | None  # None: the province has not appraised this commune yet
    score: Decimal | None  # what is ranked: appraised when there is one, else self; None: no scoring
    rating: str  # of ``score`` under the set's bands
    rank: int | None  # 1, 2, 2, 4 within the set; None without scoring
    fields: tuple[FieldScore, ...] = ()
    tasks_total: int = 0
    tasks_done: int = 0
    tasks_overdue: int = 0

    @property
    def set_label(self) -> str:
        return self.set_name or "(không có bảng tự chấm điểm)"


@dataclass(frozen=True)
class AppraisalEntry:
    code: str
    points: Decimal | None
    note: str
    updated_at: str  # ISO


@dataclass(frozen=True)
class ReportLine:
    """One package as a consolidation run reports it."""

    path: str
    commune: str
    province: str
    year: int | None
    period: str
    status: str
    reason: str
    unchanged: bool = False  # seen before with the same size and time: not verified again


@dataclass(frozen=True)
class ConsolidationReport:
    lines: tuple[ReportLine, ...]
    cancelled: bool = False

    @property
    def consolidated(self) -> int:
        """Packages taken in (ok, text only, or taken in and later replaced): not refused."""
        return sum(1 for line in self.lines if line.status != REFUSED)


@dataclass(frozen=True)
class ProposalRow:
    """One nominee a commune proposed for an award in the year (from its ranked package)."""

    commune: str
    nominee: str
    nominee_kind: str  # official | collective
    title: str
    authority: str
    vote_text: str
    dossier: str


@dataclass(frozen=True)
class YearSummary:
    """Everything the workbook and the summary paper of a year show."""

    year: int
    office: str  # "Sở Nội vụ tỉnh Quảng Ngãi"
    province: str
    packages: tuple[ReceivedRow, ...]
    ranking: tuple[RankingRow, ...]
    proposals: tuple[ProposalRow, ...]
    signer: str = ""  # the director's full name under the paper's signature; "" leaves it to write in

    def count(self, status: str) -> int:
        return sum(1 for row in self.packages if row.status == status)
