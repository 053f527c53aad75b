"""The bands and options of a criterion's rule, and their text form: the "Các mức" column a clerk types.

A ratio rule is a list of bands on a percentage ("100%: 1 | từ 90% đến dưới
100%: 0,5 | dưới 90%: 0"; "theo tỷ lệ" for pro-rata points); a levels rule a
list of options ("Trực tuyến: 0,5 | Truyền thống: 0,5"). Items are split on
"|", ";" or a new line; a condition is read diacritics aside, its words other
than the range's dropped ("Hoàn thành 100% kế hoạch" reads as "100%").
Text that cannot be read raises ValueError, most often naming the piece at fault.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from app.domain.points import format_points, parse_points
from app.domain.vietnamese import fold

PRORATA_WORDS = ("theo tỷ lệ", "theo ty le", "tỷ lệ", "ty le")


@dataclass(frozen=True)
class Option:
    label: str
    points: Decimal


@dataclass(frozen=True)
class Band:
    """A range of percentages and the points it earns (``None`` points: pro-rata)."""

    low: Decimal | None = None
    low_inclusive: bool = True
    high: Decimal | None = None
    high_inclusive: bool = False
    points: Decimal | None = Decimal(0)

    def contains(self, percent: Decimal) -> bool:
        if self.low is not None and (percent < self.low or (percent == self.low and not self.low_inclusive)):
            return False
        if self.high is not None and (percent > self.high or (percent == self.high and not self.high_inclusive)):
            return False
        return True

    @property
    def prorata(self) -> bool:
        return self.points is None


_PERCENT = r"(\d+(?:[.,]\d+)?)\s*%?"
_RANGE_WORDS = {"tu", "den", "duoi", "tren", "tro", "len", "toi", "da"}


def _number(text: str) -> Decimal:
    value = parse_points(text)
    if value is None:  # "Có kế hoạch:" with no points: a ValueError like any other unreadable item
        raise ValueError(text)
    return value


def parse_band_condition(text: str) -> Band:
    """"từ 90% đến dưới 100%" → Band(90, incl, 100, excl); raises ValueError if it is not a range."""
    folded = fold(text).replace("≥", ">=").replace("≤", "<=")
    # Keep the words of the range only: "Hoàn thành 100% kế hoạch đúng hạn" reads as "100%".
    tokens = re.findall(r"\d+(?:[.,]\d+)?\s*%?|>=|<=|[<>-]|[a-z]+", folded)
    folded = " ".join(token.replace(" ", "") for token in tokens if not token.isalpha() or token in _RANGE_WORDS)
    folded = re.sub(r"\s+", " ", folded).strip(" .;")
    patterns: list[tuple[str, object]] = [
        (rf"^tu {_PERCENT} den duoi {_PERCENT}$", lambda a, b: Band(_number(a), True, _number(b), False)),
        (rf"^tu {_PERCENT} den {_PERCENT}$", lambda a, b: Band(_number(a), True, _number(b), True)),
        (rf"^tren {_PERCENT} den duoi {_PERCENT}$", lambda a, b: Band(_number(a), False, _number(b), False)),
        (rf"^tren {_PERCENT} den {_PERCENT}$", lambda a, b: Band(_number(a), False, _number(b), True)),
        (rf"^{_PERCENT} ?- ?{_PERCENT}$", lambda a, b: Band(_number(a), True, _number(b), True)),
        (rf"^(?:tu|>=) ?{_PERCENT}(?: tro len)?$", lambda a: Band(_number(a), True, None, False)),
        (rf"^(?:tren|>) ?{_PERCENT}$", lambda a: Band(_number(a), False, None, False)),
        (rf"^(?:duoi|<) ?{_PERCENT}$", lambda b: Band(None, True, _number(b), False)),
        (rf"^(?:den|toi da|<=) ?{_PERCENT}$", lambda b: Band(None, True, _number(b), True)),
        (rf"^{_PERCENT}$", lambda a: Band(_number(a), True, _number(a), True)),
    ]
    for pattern, build in patterns:
        match = re.match(pattern, folded)
        if match:
            return build(*match.groups())  # type: ignore[operator]
    raise ValueError(text)


def format_band_condition(band: Band) -> str:
    low = None if band.low is None else format_points(band.low) + "%"
    high = None if band.high is None else format_points(band.high) + "%"
    if low is not None and high is not None and band.low == band.high:
        return low
    if low is None and high is None:
        return "từ 0%"
    if low is None:
        return ("đến " if band.high_inclusive else "dưới ") + high  # type: ignore[operator]
    start = ("từ " if band.low_inclusive else "trên ") + low
    if high is None:
        return start + (" trở lên" if band.low_inclusive else "")
    return f"{start} đến {'' if band.high_inclusive else 'dưới '}{high}"


def _split_items(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"\s*[|;\n]\s*", text or "") if part.strip()]


def _split_points(item: str) -> tuple[str, str]:
    """"Hoàn thành 100% kế hoạch: 1 điểm" → ("Hoàn thành 100% kế hoạch", "1 điểm")."""
    if ":" not in item:
        raise ValueError(item)
    label, points = item.rsplit(":", 1)
    return label.strip(), points.strip()


def parse_bands(text: str) -> tuple[Band, ...]:
    """The ratio bands column, e.g. "100%: 1 | từ 90% đến dưới 100%: theo tỷ lệ | dưới 90%: 0"."""
    bands = []
    for item in _split_items(text):
        condition, points = _split_points(item)
        band = parse_band_condition(condition)
        if fold(points).strip(" .") in {fold(word) for word in PRORATA_WORDS}:
            bands.append(Band(band.low, band.low_inclusive, band.high, band.high_inclusive, None))
        else:
            bands.append(Band(band.low, band.low_inclusive, band.high, band.high_inclusive, _number(points)))
    return tuple(bands)


def format_bands(bands: tuple[Band, ...]) -> str:
    return " | ".join(
        f"{format_band_condition(band)}: {'theo tỷ lệ' if band.prorata else format_points(band.points)}"
        for band in bands
    )


def parse_options(text: str) -> tuple[Option, ...]:
    """"Trực tuyến: 0,5 | Truyền thống: 0,5" → two options."""
    options = []
    for item in _split_items(text):
        label, points = _split_points(item)
        options.append(Option(label, _number(points)))
    return tuple(options)


def format_options(options: tuple[Option, ...]) -> str:
    return " | ".join(f"{option.label}: {format_points(option.points)}" for option in options)
