"""A province is named on a paper as it was on the paper's day: "tỉnh …", or "thành phố …" for the six
centrally-run cities (Huế from 01/01/2025); a name typed with its level stays as typed."""

from __future__ import annotations

from datetime import date

from app.domain.province_names import province_title

DAY = date(2026, 12, 7)


def test_a_province_and_the_centrally_run_cities():
    assert province_title("Quảng Ngãi", DAY) == "tỉnh Quảng Ngãi"
    assert province_title("Hà Nội", DAY) == "thành phố Hà Nội"
    assert province_title("ha noi", DAY) == "thành phố Hà Nội"
    assert province_title("TP.HCM", DAY) == "Thành phố Hồ Chí Minh"
    assert province_title("Cần Thơ", DAY) == "thành phố Cần Thơ"


def test_hue_became_a_city_on_1_january_2025():
    assert province_title("Thừa Thiên Huế", date(2024, 12, 31)) == "tỉnh Thừa Thiên Huế"
    assert province_title("Thừa Thiên Huế", date(2025, 1, 1)) == "thành phố Huế"
    assert province_title("Huế", DAY) == "thành phố Huế"


def test_a_name_typed_with_its_level_is_kept_and_nothing_stays_nothing():
    assert province_title("thành phố Huế", DAY) == "thành phố Huế"
    assert province_title("tỉnh  Lào Cai", DAY) == "tỉnh Lào Cai"
    assert province_title("  ", DAY) == ""
