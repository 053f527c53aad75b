"""The superior history with dates: papers address the period of their own date; periods never overlap."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import UserError
from app.services.profile import CommuneProfile, get_profile, save_profile
from app.services.superiors import PeriodData, add_period, list_periods, remove_period, update_period

DISTRICT = PeriodData(None, date(2025, 6, 30), "district", "Ủy ban nhân dân huyện Bình Xuân",
                      "Phòng Nội vụ huyện Bình Xuân")
PROVINCE = PeriodData(date(2025, 7, 1), None, "province", "Ủy ban nhân dân tỉnh Quảng Ngãi",
                      "Sở Nội vụ tỉnh Quảng Ngãi", "Sở Nội vụ (qua Phòng Thi đua, khen thưởng)")


def test_addressed_on_reads_the_history_for_2024_and_2026(store):
    """A 2024 paper addresses the district of the history, a 2026 one the province; the fields are not read."""
    save_profile(store, CommuneProfile(superior_authority="Tên cũ trong hồ sơ", receiving_office="Phòng cũ"))
    add_period(store, DISTRICT)
    add_period(store, PROVINCE)
    profile = get_profile(store)
    old, new = profile.addressed_on(date(2024, 12, 5)), profile.addressed_on(date(2026, 3, 1))
    assert (old.superior_authority, old.receiving_office) == (DISTRICT.authority, DISTRICT.office)
    assert (new.superior_authority, new.receiving_office) == (PROVINCE.authority, PROVINCE.office)


def test_a_day_no_period_covers_falls_back_to_the_profile_fields(store):
    """Without a district period, a 2024 paper reads the district fields by the law's level, as before."""
    save_profile(store, CommuneProfile(district_authority="Ủy ban nhân dân huyện Sơn Hà"))
    add_period(store, PROVINCE)
    assert get_profile(store).addressed_on(date(2024, 5, 1)).superior_authority == "Ủy ban nhân dân huyện Sơn Hà"


def test_overlapping_periods_are_refused_naming_both_rows(store):
    """A province period from 01/06/2025 overlaps the district's until 30/06/2025: both rows are named."""
    add_period(store, DISTRICT)
    with pytest.raises(UserError) as refused:
        add_period(store, PeriodData(date(2025, 6, 1), None, "province", "Ủy ban nhân dân tỉnh Quảng Ngãi", ""))
    assert refused.value.message == (
        "Dòng 1 (Ủy ban nhân dân huyện Bình Xuân, đến 30/06/2025) và dòng 2 "
        "(Ủy ban nhân dân tỉnh Quảng Ngãi, từ 01/06/2025) trùng thời gian.")
    assert len(list_periods(store)) == 1


def test_an_edit_that_would_overlap_is_refused_and_changes_nothing(store):
    """Moving the province's start into the district's span is refused; the saved period stays."""
    add_period(store, DISTRICT)
    province = add_period(store, PROVINCE).value
    with pytest.raises(UserError, match="trùng thời gian"):
        update_period(store, province, PeriodData(date(2025, 1, 1), None, "province", PROVINCE.authority, ""))
    assert list_periods(store)[1].valid_from == date(2025, 7, 1)


def test_edit_and_remove_are_each_one_undo_step(store):
    """Each returns the changes of one journal step touching the profile."""
    period = add_period(store, PROVINCE).value
    edited = update_period(store, period, PeriodData(date(2025, 7, 1), None, "province", "UBND tỉnh Quảng Ngãi", ""))
    assert edited.step and edited.touches("profile")
    assert remove_period(store, period).step
    assert list_periods(store) == ()


def test_an_end_before_the_start_and_a_blank_authority_are_refused(store):
    """The messages say what is wrong and what to do."""
    with pytest.raises(UserError, match="“Đến ngày” 30/06/2025 trước “Từ ngày” 01/07/2025"):
        add_period(store, PeriodData(date(2025, 7, 1), date(2025, 6, 30), "province", "UBND tỉnh", ""))
    with pytest.raises(UserError, match="Chưa nhập tên cơ quan cấp trên"):
        add_period(store, PeriodData(None, None, "province", " ", ""))


def test_the_award_office_of_the_period_is_the_profiles_award_office_that_day(store):
    """A 2026 paper's award proposals go “qua Phòng Thi đua, khen thưởng”; without one, to the receiving office."""
    add_period(store, DISTRICT)
    add_period(store, PROVINCE)
    profile = get_profile(store)
    assert profile.addressed_on(date(2026, 12, 1)).award_office == "Sở Nội vụ (qua Phòng Thi đua, khen thưởng)"
    assert profile.addressed_on(date(2024, 12, 1)).award_office == "Phòng Nội vụ huyện Bình Xuân"
