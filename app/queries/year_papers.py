"""What the year's reporting papers read: the progress report, the self-scoring, the emulation evaluation.

Each paper is made as of its own date (``app.services.paper_dates``): the date the clerk set,
or the deadline of a past period, or today for a period still running; its profile is
addressed to the superior in force on that date (``CommuneProfile.addressed_on``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.queries.models.emulation import Evaluation
from app.queries.models.profile import CommuneProfile
from app.queries.models.progress_report import ProgressReport
from app.queries.models.scoring import ScoreSheet
from app.services.emulation_evaluation import evaluation
from app.services.paper_dates import EMULATION, REPORT, SCORING, paper_day
from app.services.profile import get_profile
from app.services.progress_report import progress_report
from app.services.scoring import score_sheet
from app.store import Store


@dataclass(frozen=True)
class ReportPaperFacts:
    report: ProgressReport
    profile: CommuneProfile


def report_paper_facts(store: Store, year: int, period_key: str, today: date) -> ReportPaperFacts:
    """The period's report as of its own date with the stored narrative, and the profile its header,
    addressee and recipients print (the superior in force on that date)."""
    day = paper_day(store, REPORT, year, period_key, today)
    return ReportPaperFacts(progress_report(store, year, period_key, day), get_profile(store).addressed_on(day))


def report_addressee(store: Store, year: int, period_key: str, today: date) -> str:
    """Who the package of ``year`` and ``period_key`` goes to (the e-mail draft's "Kính gửi"): the
    receiving office in force on the period's report date, else the authority."""
    profile = get_profile(store).addressed_on(paper_day(store, REPORT, year, period_key, today))
    return profile.receiving_office or profile.superior_authority


def scoring_day(store: Store, year: int, today: date | None = None) -> date:
    """The date the year's self-scoring table prints."""
    return paper_day(store, SCORING, year, "year", today)


def emulation_day(store: Store, year: int, today: date | None = None) -> date:
    """The date the year's emulation evaluation prints."""
    return paper_day(store, EMULATION, year, "year", today)


def year_scoring(store: Store, year: int, today: date | None = None) -> ScoreSheet | None:
    """The year's self-scoring; None when the year has no criteria set chosen."""
    return score_sheet(store, year, today)


def year_emulation(store: Store, year: int, today: date | None = None) -> Evaluation | None:
    """The year's emulation evaluation; None when it has not started."""
    return evaluation(store, year, today)
