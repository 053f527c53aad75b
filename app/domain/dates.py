"""Dates as official papers write them (Decree 30/2020)."""

from __future__ import annotations

from datetime import date


def short_date(day: date) -> str:
    """ "05/02/2024" """
    return f"{day:%d/%m/%Y}"


def long_date(day: date) -> str:
    """ "ngày 05 tháng 02 năm 2024": a leading zero for days below 10 and for months 1 and 2."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def place_and_date(place: str, day: date) -> str:
    """ "Hòa Bình Xuân, ngày 05 tháng 02 năm 2024", or the date alone without a place."""
    return f"{place}, {long_date(day)}" if place else long_date(day).capitalize()
