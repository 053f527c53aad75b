"""Moving a plan's years forward when last year's plan is copied for the new year.

Only the plan's own years move: ``source_year`` and the year after it ("năm 2024",
"Quý I/2024", "15/12/2024", "năm học 2024-2025"). Older years stay, and so do years
inside document numbers ("Số 07/2024/QĐ-UBND") and the dates of cited papers
("Kế hoạch số 140/KH-UBND ngày 14/10/2021"): they name documents that do not change.
A span of consecutive years moves as one ("2023-2024" becomes "2024-2025"); a longer
span ("giai đoạn 2021-2025") is a fixed period and stays.
"""

from __future__ import annotations

import calendar
import re
import unicodedata

from app.domain.timeframe_words import CITATION, fold_with_map

_CITATION = re.compile(CITATION)
_YEARS = re.compile(
    r"(?<![0-9])(?:(?P<d>[0-9]{1,2})(?P<s1>\s*[/.-]\s*)(?P<m>[0-9]{1,2})(?P<s2>\s*[/.-]\s*))?"
    r"(?P<y>[0-9]{4})(?:(?P<sep>\s*[-–]\s*)(?P<y2>[0-9]{4}))?(?![0-9])"
)


def shift_years(text: str, source_year: int, by: int = 1) -> str:
    """``text`` (made NFC) with the plan's years moved by ``by``; never raises.

    A 29/02 that lands in a year without one becomes 28/02, the last day of that February.
    """
    source = unicodedata.normalize("NFC", text)
    targets = {source_year, source_year + 1}
    protected = _citations(source)
    pieces: list[str] = []
    last = 0
    for match in _YEARS.finditer(source):
        if any(start <= match.start("y") < end for start, end in protected):
            continue
        pieces.append(source[last : match.start()])
        pieces.append(_shifted(match, targets, by))
        last = match.end()
    pieces.append(source[last:])
    return "".join(pieces)


def _citations(source: str) -> list[tuple[int, int]]:
    """Where document numbers and the dates of cited papers are, in ``source``."""
    folded = fold_with_map(source)
    return [(folded.at(m.start()), folded.at(m.end())) for m in _CITATION.finditer(folded.text)]


def _shifted(match: re.Match[str], targets: set[int], by: int) -> str:
    year = int(match["y"])
    if match["y2"] is not None:
        end = int(match["y2"])
        moves = end == year + 1 and (year in targets or end in targets)
        span = f"{year + by}{match['sep']}{end + by}" if moves else f"{year}{match['sep']}{match['y2']}"
        return _day_month(match, year, year + by if moves else year) + span
    new_year = year + by if year in targets else year
    return _day_month(match, year, new_year) + (str(new_year) if new_year != year else match["y"])


def _day_month(match: re.Match[str], year: int, new_year: int) -> str:
    if match["d"] is None:
        return ""
    day = match["d"]
    if int(day) == 29 and int(match["m"]) == 2 and calendar.isleap(year) and not _is_leap(new_year):
        day = "28"
    return f"{day}{match['s1']}{match['m']}{match['s2']}"


def _is_leap(year: int) -> bool:
    return year > 0 and calendar.isleap(year)
