"""What the year's reporting papers read: the progress report, the self-scoring, the emulation evaluation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.queries.models.emulation import Evaluation
from app.queries.models.profile import CommuneProfile
from app.queries.models.progress_report import ProgressReport
from app.queries.models.scoring import ScoreSheet
from app.services.emulation_evaluation import evaluation
from app.services.profile import get_profile
from app.services.progress_report import progress_report
from app.services.scoring import score_sheet
from app.store import Store


@dataclass(frozen=True)
class ReportPaperFacts:
    report: ProgressReport
    profile: CommuneProfile


def report_paper_facts(store: Store, year: int, period_key: str, today: date) -> ReportPaperFacts:
    """The period's report with the stored narrative, and the profile its header and signature print."""
    return ReportPaperFacts(progress_report(store, year, period_key, today), get_profile(store))


def year_scoring(store: Store, year: int, today: date | None = None) -> ScoreSheet | None:
    """The year's self-scoring; None when the year has no criteria set chosen."""
    return score_sheet(store, year, today)


def year_emulation(store: Store, year: int, today: date | None = None) -> Evaluation | None:
    """The year's emulation evaluation; None when it has not started."""
    return evaluation(store, year, today)
