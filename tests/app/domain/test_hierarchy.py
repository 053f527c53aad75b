"""The superior of a day: the level is the law's (dated data), the names the commune's profile."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

from app.domain.hierarchy import bundled_levels, default_paper_day, level_on, superior_on

PROFILE = SimpleNamespace(
    district_authority="Ủy ban nhân dân huyện Bình Xuân", district_office="Phòng Nội vụ huyện Bình Xuân",
    superior_authority="Ủy ban nhân dân tỉnh Quảng Ngãi", receiving_office="Sở Nội vụ tỉnh Quảng Ngãi",
)


def test_a_paper_of_30_june_2025_goes_to_the_district():
    """The last day of the district level: UBND huyện and its Phòng Nội vụ."""
    superior = superior_on(PROFILE, date(2025, 6, 30))
    assert (superior.authority, superior.receiving_office, superior.level) == (
        "Ủy ban nhân dân huyện Bình Xuân", "Phòng Nội vụ huyện Bình Xuân", "district")


def test_a_paper_of_1_july_2025_goes_to_the_province():
    """From 01/07/2025 there is no district: UBND tỉnh and its Sở Nội vụ."""
    superior = superior_on(PROFILE, date(2025, 7, 1))
    assert (superior.authority, superior.receiving_office, superior.level) == (
        "Ủy ban nhân dân tỉnh Quảng Ngãi", "Sở Nội vụ tỉnh Quảng Ngãi", "province")


def test_a_district_left_blank_never_borrows_the_provinces_names():
    """A commune that never named its former district gets blanks for 2024, not the province."""
    superior = superior_on(SimpleNamespace(superior_authority="Ủy ban nhân dân tỉnh X", receiving_office="Sở"),
                           date(2024, 11, 20))
    assert (superior.authority, superior.receiving_office, superior.level) == ("", "", "district")


def test_a_next_level_is_data_not_code():
    """A third period added to the table is followed without a change of code."""
    levels = [*bundled_levels()[:1], {**bundled_levels()[1], "to": "2027-02-28"},
              {"level": "region", "from": "2027-03-01", "to": None, "authority_field": "province",
               "office_field": "province"}]
    profile = SimpleNamespace(**vars(PROFILE), province="Vùng X")
    assert superior_on(profile, date(2027, 3, 1), levels).level == "region"
    assert superior_on(profile, date(2027, 2, 28), levels).level == "province"


def test_the_bundled_table_covers_every_day_with_a_source():
    """No gap or overlap between levels; each names its basis, its source and whether it is verified."""
    levels = bundled_levels()
    for before, after in zip(levels, levels[1:]):
        assert date.fromisoformat(before["to"]) + timedelta(days=1) == date.fromisoformat(after["from"])
    assert levels[0]["from"] is None and levels[-1]["to"] is None
    assert all(level["basis"] and level["source"] and isinstance(level["verified"], bool) for level in levels)
    assert level_on(date(2000, 1, 1), levels)["level"] == "district"


def test_a_past_periods_paper_is_dated_at_its_deadline():
    """The 2024 year report exported in December 2026 carries its deadline, 20/11/2024."""
    assert default_paper_day(date(2024, 11, 20), date(2024, 12, 31), date(2026, 12, 6)) == date(2024, 11, 20)


def test_a_running_periods_paper_is_dated_today():
    """The 2026 year report exported on 06/12/2026 (the year not over) carries the export day."""
    assert default_paper_day(date(2026, 11, 20), date(2026, 12, 31), date(2026, 12, 6)) == date(2026, 12, 6)


def test_a_default_date_is_never_in_the_future():
    """A deadline after today (the period just ended) gives today; no deadline gives the period's end."""
    assert default_paper_day(date(2024, 4, 5), date(2024, 3, 31), date(2024, 4, 2)) == date(2024, 4, 2)
    assert default_paper_day(None, date(2024, 3, 31), date(2026, 1, 1)) == date(2024, 3, 31)
