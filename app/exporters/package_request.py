"""What a package is asked for, and what each kind of content hands it: the request, the items, the kinds.

Kept apart from ``package.py`` so that the contents (``package_contents.py``) and the files they write
(``dossier_files.py``) can name these without importing the package builder, which imports them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.domain.package_due import DueContent
from app.domain.package_due import due_contents as _due_contents
from app.domain.reporting_periods import ReportWindow
from app.queries.reporting_periods import report_windows as read_report_windows
from app.resources import load_json
from app.store import Store

EVIDENCE_FOLDER = "tai-lieu-kiem-chung"


@dataclass(frozen=True)
class PackageRequest:
    year: int
    contents: tuple[str, ...] = ("plan", "report")
    period: str | None = None  # the report's period key; None: ``suggested_period``
    make_zip: bool = True
    narrative: Mapping[str, str] | None = None
    today: date | None = None
    # Word copies are for editing, and the clerk edits before sending: the package carries the papers as
    # PDF (to read and print) and Excel (to compile); a superior that asks for Word gets it when ticked.
    word_copies: bool = False
    # The award dossiers going upward, by id; None: every dossier of the year with a nominee going upward.
    dossiers: tuple[int, ...] | None = None


@dataclass(frozen=True)
class PackItem:
    """One file to put in the package: where it is now, its ASCII name there, and what it is."""

    source: Path
    name: str
    kind: str
    title: str
    period: str = ""
    subfolder: str = ""


@dataclass(frozen=True)
class ContentKind:
    """A kind of content: ``build(store, request, scratch)`` renders into ``scratch`` and lists the files."""

    key: str
    code: str  # in the package name: CCHC_Xa_2024_<codes>
    title: str  # Vietnamese, for the dialog, DANH_MUC.txt and the e-mail
    build: Callable[[Store, PackageRequest, Path], list[PackItem]]
    optional: bool = False  # not chosen unless asked for


def report_windows(store: Store, year: int) -> tuple[ReportWindow, ...]:
    """The year's four reports as the commune's Kỳ báo cáo table has them (window and deadline, by the year's
    version): the package counts and dates its report by the same rule as the report and the dashboard."""
    with store.reading() as connection:
        return read_report_windows(connection, year)


def default_period(store: Store, year: int, today: date) -> str:
    """The latest report period of ``year`` whose data cut-off has passed; "year" when none has (or the year
    is over)."""
    ended = [window.key for window in report_windows(store, year) if window.end < today]
    return ended[-1] if ended else "year"


def due_contents(store: Store, year: int, today: date) -> tuple[DueContent, ...]:
    """The contents of ``year``'s package due on ``today``, as ``resources/defaults/package-due.json`` says;
    a report's deadline is the one its period has that year (``report_windows``), the others
    ``deadlines.json``'s."""
    deadlines = {window.key: window.deadline for window in report_windows(store, year)}
    table = [dict(entry, month=deadlines[entry["period"]].month, day=deadlines[entry["period"]].day)
             if entry.get("period") in deadlines else entry
             for entry in load_json("defaults", "deadlines.json")["deadlines"]]
    return _due_contents(load_json("defaults", "package-due.json")["due"], table, year, today)


def suggested_period(store: Store, year: int, today: date) -> str:
    """The report period due on ``today`` (package-due.json); else the latest period ended (``default_period``)."""
    report = next((due for due in due_contents(store, year, today) if due.key == "report"), None)
    return report.period if report else default_period(store, year, today)
