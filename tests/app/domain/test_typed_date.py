"""A date as a clerk types it, read whole."""

from datetime import date

import pytest

from app.domain.typed_date import is_complete, parse_typed_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20/12/2024", date(2024, 12, 20)),
        (" 5/2/2026 ", date(2026, 2, 5)),
        ("20-12-2024", date(2024, 12, 20)),
        ("20.12.24", date(2024, 12, 20)),
        ("20/12", date(2026, 12, 20)),
        ("20122024", date(2024, 12, 20)),
        ("2012", date(2026, 12, 20)),
    ],
)
def test_typed_forms_name_the_day(text, expected):
    """Every way a clerk writes a day, with or without the year, names that day (the year in view when none is typed)."""
    assert parse_typed_date(text, 2026) == expected


@pytest.mark.parametrize("text", ["", "32/12/2024", "29/02/2025", "12/13", "20/12/202", "hôm nay", "2024-12-20"])
def test_what_names_no_day_is_refused(text):
    """A text that names no real day (a 32nd, 29/02 of a common year, a month 13, three-digit year, words) gives None."""
    assert parse_typed_date(text, 2026) is None


def test_complete_only_with_a_four_digit_year():
    """A date counts as typed whole only once its four-digit year is there ("20/12/2" is still being typed)."""
    assert is_complete("20/12/2024") and is_complete("20122024")
    assert not is_complete("20/12") and not is_complete("20/12/20") and not is_complete("20/12/2")
