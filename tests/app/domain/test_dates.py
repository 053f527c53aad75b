"""Dates in the Decree 30/2020 way."""

from __future__ import annotations

from datetime import date

from app.domain.dates import long_date, place_and_date, short_date


def test_short_date_is_day_month_year():
    assert short_date(date(2024, 2, 5)) == "05/02/2024"


def test_leading_zero_for_small_days_and_the_first_two_months():
    """Decree 30/2020: days below 10 and months 1 and 2 take a leading zero; other months do not."""
    assert long_date(date(2024, 2, 5)) == "ngày 05 tháng 02 năm 2024"
    assert long_date(date(2024, 11, 20)) == "ngày 20 tháng 11 năm 2024"
    assert long_date(date(2024, 3, 1)) == "ngày 01 tháng 3 năm 2024"


def test_place_and_date():
    assert place_and_date("Hành Minh", date(2024, 2, 21)) == "Hành Minh, ngày 21 tháng 02 năm 2024"
    assert place_and_date("", date(2024, 2, 21)) == "Ngày 21 tháng 02 năm 2024"
