"""A task's timeframe ("thời gian thực hiện") as the clerk wrote it, read into a schedule.

The clerk's words are kept exactly (``Schedule.text``); everything else is derived
from them and may be overridden by hand. ``parse_timeframe`` never raises: what it
cannot read it says in ``Schedule.problem``, in Vietnamese, with what to do.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from app.domain.dates import short_date
from app.domain.timeframe_words import Clause, Folded, Hit, fold_with_map, split_clauses, trim

KINDS = ("due", "milestones", "recurring", "ongoing", "superior", "unknown")
RECURRENCE_LABELS = {
    "monthly": "hằng tháng",
    "quarterly": "hằng quý",
    "half-yearly": "6 tháng một lần",
    "yearly": "hằng năm",
}
_FINEST_FIRST = ("monthly", "quarterly", "half-yearly", "yearly")
_PERIOD_WORDS = {"thang": "monthly", "quy": "quarterly", "nam": "yearly"}
_PERIOD_MONTHS = {
    "monthly": tuple(range(1, 13)),
    "quarterly": (3, 6, 9, 12),
    "half-yearly": (6, 12),
    "yearly": (12,),
}

NOTE_PERIODIC = "định kỳ theo quy định"
NOTE_ONGOING = "thường xuyên"
NOTE_SUPERIOR = "theo hướng dẫn của cấp trên"


@dataclass(frozen=True)
class Milestone:
    """A fixed date and the words that go with it in the phrase ("ban hành kế hoạch")."""

    due: date
    label: str = ""


@dataclass(frozen=True)
class Schedule:
    """What a timeframe phrase means; ``text`` is the phrase exactly as given."""

    text: str
    kind: str
    milestones: tuple[Milestone, ...] = ()
    recurrence: str | None = None
    year: int | None = None
    problem: str = ""
    # Undated parts understood but carrying no date ("định kỳ theo quy định",
    # "báo cáo sau đợt kiểm tra"), shown by describe().
    notes: tuple[str, ...] = ()

    @property
    def due_dates(self) -> tuple[date, ...]:
        """Milestones plus the period ends of the recurrence in ``year``, sorted, each once."""
        days = {milestone.due for milestone in self.milestones}
        days.update(period_ends(self.recurrence, self.year))
        return tuple(sorted(days))

    @property
    def first_due(self) -> date | None:
        dates = self.due_dates
        return dates[0] if dates else None

    @property
    def last_due(self) -> date | None:
        dates = self.due_dates
        return dates[-1] if dates else None

    def describe(self) -> str:
        """Short Vietnamese for the UI: "Hạn 31/03/2024", "Hằng tháng trong năm 2024"…"""
        return "; ".join([_headline(self), *self.notes])


def period_ends(recurrence: str | None, year: int | None) -> tuple[date, ...]:
    """The last day of every period of ``recurrence`` in ``year`` (none without both)."""
    if recurrence not in _PERIOD_MONTHS or year is None or not 1 <= year <= 9999:
        return ()
    return tuple(_month_end(year, month) for month in _PERIOD_MONTHS[recurrence])


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _headline(schedule: Schedule) -> str:
    year = schedule.year
    if schedule.kind == "due" and schedule.milestones:
        return "Hạn " + _dated(schedule.milestones[0])
    if schedule.kind == "milestones":
        parts = [_dated(milestone) for milestone in schedule.milestones]
        if schedule.recurrence:
            parts.append("định kỳ " + RECURRENCE_LABELS[schedule.recurrence])
        return "; ".join(parts)
    if schedule.kind == "recurring" and schedule.recurrence:
        label = RECURRENCE_LABELS[schedule.recurrence]
        scope = f"(năm {year})" if schedule.recurrence == "yearly" else f"trong năm {year}"
        return f"{label[0].upper()}{label[1:]} {scope}"
    if schedule.kind == "ongoing":
        return f"Thường xuyên trong năm {year}"
    if schedule.kind == "superior":
        return "Theo tiến độ, hướng dẫn của cấp trên"
    return "Chưa xác định hạn"


def _dated(milestone: Milestone) -> str:
    day = short_date(milestone.due)
    return f"{day} ({milestone.label})" if milestone.label else day


@dataclass
class _Reading:
    """What the clauses of one phrase add up to, gathered clause by clause."""

    milestones: list[Milestone] = field(default_factory=list)
    periods: set[str] = field(default_factory=set)
    ongoing: bool = False
    periodic: bool = False
    superior: bool = False
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def parse_timeframe(text: str, default_year: int) -> Schedule:
    """Read a timeframe phrase; never raises. Years left out are ``default_year``
    unless the phrase names one elsewhere ("Quý I ban hành; quý IV/2024 báo cáo")."""
    folded = fold_with_map(text)
    clauses = split_clauses(folded)
    year = _phrase_year(clauses) or default_year
    reading = _Reading()
    for clause in clauses:
        _read(folded, clause, year, reading)
    return _schedule(text, year, reading)


def _schedule(text: str, year: int, reading: _Reading) -> Schedule:
    milestones = tuple(sorted(reading.milestones, key=lambda milestone: milestone.due))
    recurrence = next((period for period in _FINEST_FIRST if period in reading.periods), None)
    kind = _kind(milestones, recurrence, reading)
    problem = " ".join(dict.fromkeys(reading.problems))
    if kind == "unknown":
        problem = problem or _unreadable(text)
    return Schedule(text, kind, milestones, recurrence, year, problem, _notes(kind, reading))


def _kind(milestones: tuple[Milestone, ...], recurrence: str | None, reading: _Reading) -> str:
    if milestones:
        several = len(milestones) > 1 or recurrence or reading.ongoing or reading.periodic
        return "milestones" if several else "due"
    if recurrence:
        return "recurring"
    if reading.ongoing:
        return "ongoing"
    if reading.periodic or reading.superior:
        return "superior"
    return "unknown"


def _notes(kind: str, reading: _Reading) -> tuple[str, ...]:
    notes = [NOTE_PERIODIC] if reading.periodic else []
    if reading.ongoing and kind != "ongoing":
        notes.append(NOTE_ONGOING)
    if reading.superior and not reading.periodic and kind != "superior":
        notes.append(NOTE_SUPERIOR)
    return tuple(dict.fromkeys(notes + reading.notes))


def _unreadable(text: str) -> str:
    shown = " ".join(text.split())
    if not shown:
        return "Chưa ghi thời hạn; hãy ghi thời gian thực hiện hoặc đặt ngày bằng tay."
    if len(shown) > 80:
        shown = shown[:79] + "…"
    return f"Không đọc được thời hạn “{shown}”; hãy đặt ngày bằng tay."


_STRONG = {"day", "month", "quarter", "half", "part"}
_WEAK = {"span", "year", "thisyear"}  # a whole year: a deadline only when nothing else is said
_UNDATED = {"recur", "weekly", "periodic", "ongoing", "superior"}
_LABEL_STOPS = {"recur", "weekly", "periodic", "ongoing"}
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_PART_MONTHS = {"dau": 3, "giua": 6, "cuoi": 12}


def _read(folded: Folded, clause: Clause, year: int, reading: _Reading) -> None:
    """Add what one clause says to ``reading``."""
    kinds = {hit.kind for hit in clause.hits}
    found: list[tuple[Hit, date]] = []
    for hit in _counted_dates(clause.hits, kinds):
        day = _resolve(hit, year)
        if day is None:
            reading.problems.append(_not_real(folded, hit))
        else:
            found.append((hit, day))
    reading.milestones += _labelled(folded, clause, found)
    for hit in clause.hits:
        _read_words(hit, reading)
    if "event" in kinds and not found and not kinds & _UNDATED:
        reading.notes.append(trim(folded, clause.start, clause.end))
    if not kinds & (_STRONG | _WEAK) and re.search("[0-9]", clause.leftover):
        words = folded.original(clause.start, clause.end).strip()
        reading.problems.append(f"Chưa đọc được “{words}”; hãy đặt ngày bằng tay cho phần này.")


def _counted_dates(hits: tuple[Hit, ...], kinds: set[str]) -> list[Hit]:
    """"Thường xuyên trong năm 2024" is ongoing, not due 31/12/2024; "Trong năm 2024" is."""
    strong = [hit for hit in hits if hit.kind in _STRONG]
    if strong or kinds & _UNDATED:
        return strong
    return [hit for hit in hits if hit.kind in _WEAK]


def _read_words(hit: Hit, reading: _Reading) -> None:
    if hit.kind == "recur":
        reading.periods.update(_periods(hit.get("list") or ""))
    elif hit.kind == "weekly":
        reading.ongoing = True
        reading.notes.append("hằng tuần" if hit.get("unit") == "tuan" else "hằng ngày")
    elif hit.kind == "periodic":
        reading.periodic = True
    elif hit.kind == "ongoing":
        reading.ongoing = True
    elif hit.kind == "superior":
        reading.superior = True


def _periods(words: str) -> set[str]:
    """{"monthly", "quarterly", "yearly"} for "thang, quy, nam"."""
    found = re.findall(r"(?:6|sau)\s*thang|nua\s*nam|thang|quy|nam", words)
    return {_PERIOD_WORDS.get(word, "half-yearly") for word in found}


def _named_year(hit: Hit) -> int | None:
    """The year a date hit names, if it names a plausible one."""
    digits = hit.get("y")
    if digits is None:
        return None
    year = int(digits) + (2000 if len(digits) == 2 else 0)
    return year if 1900 <= year <= 2199 else None


def _phrase_year(clauses: list[Clause]) -> int | None:
    """The first year the phrase names in a date, in reading order."""
    for clause in clauses:
        for hit in clause.hits:
            if hit.kind in _STRONG | _WEAK and _named_year(hit):
                return _named_year(hit)
    return None


def _resolve(hit: Hit, default_year: int) -> date | None:
    """The date a hit stands for, or None when there is no such day ("31/02", "Quý V")."""
    year = _named_year(hit) if hit.get("y") else default_year
    if year is None:
        return None
    try:
        return _day_of(hit, year)
    except (ValueError, OverflowError):
        return None


def _day_of(hit: Hit, year: int) -> date | None:
    kind = hit.kind
    if kind == "day":
        return date(year, int(hit.get("m") or 0), int(hit.get("d") or 0))
    if kind == "month":
        return _month_end(year, int(hit.get("m") or 0))
    if kind == "quarter":
        quarter = _QUARTERS.get(hit.get("q") or "")
        return _month_end(year, 3 * quarter) if quarter else None
    if kind == "half":
        return _month_end(year, 6 if hit.get("p") == "dau" else 12)
    if kind == "part":
        return _month_end(year, _PART_MONTHS[hit.get("p") or "cuoi"])
    if kind == "span" and int(hit.get("a") or 0) > year:
        return None
    return _month_end(year, 12)


def _not_real(folded: Folded, hit: Hit) -> str:
    words = folded.original(hit.start, hit.end).strip()
    return f"Không có thời điểm “{words}”; hãy sửa lại hoặc đặt ngày bằng tay."


def _labelled(folded: Folded, clause: Clause, found: list[tuple[Hit, date]]) -> list[Milestone]:
    """Pair each date with its words: those after it ("Quý I/2024 ban hành kế hoạch"), or
    those before it when the clause opens with words ("Hoàn thành … trong quý I/2024")."""
    if not found:
        return []
    hits = [hit for hit, _ in found]
    lead = _whole_year(folded, clause.start, hits[0]) or trim(folded, clause.start, hits[0].start)
    if lead:
        labels = [lead] + [trim(folded, before.end, hit.start) for before, hit in zip(hits, hits[1:])]
    else:
        stops = [hit.start for hit in clause.hits if hit.kind in _LABEL_STOPS] + [clause.end]
        ends = [min([s for s in stops + [h.start for h in hits] if s >= hit.end]) for hit in hits]
        labels = [trim(folded, hit.end, end) for hit, end in zip(hits, ends)]
    return [Milestone(day, label) for (_, day), label in zip(found, labels)]


def _whole_year(folded: Folded, start: int, hit: Hit) -> str:
    """"Cả năm 2027" / "suốt năm 2027": the date's words are "Cả năm", not a bare "Cả"
    (the year's hit starts at "năm", leaving "Cả" alone in front)."""
    before = folded.text[start : hit.start].split()
    if before[-1:] in (["ca"], ["suot"]) and folded.text.startswith("nam", hit.start):
        return trim(folded, start, hit.start + len("nam"))
    return ""
