"""The law as dated data: who grants each award, its money and the base salary, on each day."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from app.domain import law
from app.domain.law import COMMUNE, DISTRICT, PROVINCE, grant_on, money_on
from app.resources import load_json

SHIPPED = [raw["key"] for raw in load_json("awards", "award-kinds.json")["kinds"]]
FIRST, LAST = date(2018, 1, 1), date(2027, 12, 31)


def _days(step: int = 1):
    day = FIRST
    while day <= LAST:
        yield day
        day += timedelta(days=step)


@pytest.mark.parametrize("key", SHIPPED)
def test_every_shipped_kind_has_exactly_one_grant_on_every_day(key):
    """From 2018-01-01 to 2027-12-31 each shipped kind has one grant a day: no gap, no overlap."""
    periods = law._grants()[key]
    for day in _days():
        holding = [period for period in periods if period.holds(day)]
        assert len(holding) == 1, (key, day, len(holding))
        assert holding[0].entry["level"] in (COMMUNE, DISTRICT, PROVINCE)


def test_every_grant_and_money_entry_says_its_basis_and_whether_it_was_verified():
    """Each dated fact carries its source and a verified flag, as FORMS.md marks them."""
    entries = load_json("law", "authority.json")["grants"] + load_json("law", "money.json")["coefficients"]
    entries += load_json("law", "money.json")["base_salary"]
    assert all(entry["basis"].strip() and isinstance(entry["verified"], bool) for entry in entries)


def test_money_tables_cover_every_day_once():
    """One coefficient table holds on each day from 2018 to 2027."""
    for day in _days(7):
        assert sum(period.holds(day) for period in law._money_tables()) == 1, day


def test_a_2024_day_sends_cstdcs_and_ttldtt_to_the_district_and_2025_08_to_the_commune():
    """Luật TĐKT 2022 Điều 80.2 until 30/06/2025; NĐ 129/2025 Điều 59 from 01/07/2025."""
    for key in ("cstdcs", "ttldtt"):
        before, after = grant_on(key, date(2024, 12, 5)), grant_on(key, date(2025, 8, 15))
        assert (before.level, before.grantor) == (DISTRICT, "Chủ tịch UBND huyện") and before.verified
        assert "Điều 80 khoản 2" in before.basis
        assert (after.level, after.grantor) == (COMMUNE, "Chủ tịch UBND xã") and "129/2025" in after.basis
    assert grant_on("cstdcs", date(2025, 6, 30)).level == DISTRICT
    assert grant_on("cstdcs", date(2025, 7, 1)).level == COMMUNE
    assert grant_on("ldtt", date(2024, 12, 5)).by_commune and grant_on("giay_khen_xa", date(2019, 3, 1)).by_commune


def test_a_2023_day_gives_nd91_money_a_2024_day_nd98_and_2025_08_nd152():
    """A 2024 decision pays by NĐ 98/2023's table, not NĐ 152's (FORMS.md §6); 2023 by NĐ 91/2017's."""
    assert money_on("cstdcs", "individual", date(2023, 12, 20))[1].startswith("Nghị định 91/2017/NĐ-CP")
    assert money_on("cstdcs", "individual", date(2024, 12, 20))[1].startswith("Nghị định 98/2023/NĐ-CP")
    coefficient, basis = money_on("giay_khen_xa", "collective", date(2025, 8, 15))
    assert coefficient == Decimal("0.6") and basis.startswith("Nghị định 152/2025/NĐ-CP")
    assert money_on("ldtt", "individual", date(2025, 8, 15))[0] == Decimal("0.3")


def test_the_base_salary_and_its_decree_follow_the_day():
    """2.340.000 đ from 01/07/2024 (NĐ 73/2024), 1.800.000 đ before; older values are dated too."""
    assert law.base_salary_on(date(2024, 6, 30)) == 1_800_000 and law.base_salary_on(date(2024, 7, 1)) == 2_340_000
    assert law.base_salary_basis_on(date(2024, 12, 20)) == "Nghị định 73/2024/NĐ-CP"
    assert law.base_salary_on(FIRST) > 0 and law.base_salary_on(date(2017, 1, 1)) == 0
    assert law.money_citation(date(2024, 12, 20), 2_340_000) == (
        "theo Nghị định 98/2023/NĐ-CP, mức lương cơ sở 2.340.000 đồng (Nghị định 73/2024/NĐ-CP)")
    assert law.money_citation(date(2024, 12, 20), 2_000_000).endswith("mức lương cơ sở 2.000.000 đồng")


def test_a_kind_the_clerk_added_keeps_its_own_level_said_as_the_communes_list():
    """A kind the law data does not know: its own authority_level, "theo danh mục của xã"."""
    grant = grant_on("giay_khen_hoi_nong_dan", date(2024, 5, 1), "superior", "Chủ tịch Hội Nông dân huyện")
    assert (grant.level, grant.grantor, grant.basis) == ("superior", "Chủ tịch Hội Nông dân huyện", law.OWN_LIST)
    assert money_on("giay_khen_hoi_nong_dan", "individual", date(2024, 5, 1), Decimal("0.2")) == (
        Decimal("0.2"), law.OWN_LIST)


def test_why_says_which_version_applies_and_the_dossiers_day():
    """"Theo Luật …, Điều 80 khoản 2: từ 01/01/2024 đến 30/6/2025 Chủ tịch UBND huyện tặng; hồ sơ ngày 05/12/2024"."""
    day = date(2024, 12, 5)
    assert law.why(day, grant_on("cstdcs", day)) == (
        "Theo Luật Thi đua, khen thưởng 2022, Điều 80 khoản 2: từ 01/01/2024 đến 30/6/2025 Chủ tịch UBND huyện "
        "tặng; hồ sơ ngày 05/12/2024")
    assert law.authority_history("cstdcs") == "Chủ tịch UBND huyện (đến 30/6/2025); Chủ tịch UBND xã (từ 01/7/2025)"
    assert law.authority_history("ldtt") == "Chủ tịch UBND xã"


def test_the_next_decree_is_one_more_entry_in_the_data(monkeypatch):
    """A decree replacing NĐ 152 from 01/03/2027 is a JSON entry: the code picks it up unchanged."""
    money = load_json("law", "money.json")
    current = dict(money["coefficients"][-1], until="2027-02-28")
    following = dict(current, **{"from": "2027-03-01", "until": None, "basis": "Nghị định (thay thế 152/2025)",
                                 "verified": False, "table": {"ldtt": {"individual": "0.35"}}})
    changed = dict(money, coefficients=money["coefficients"][:-1] + [current, following])
    real = law.load_json
    monkeypatch.setattr(law, "load_json", lambda *parts: changed if parts == ("law", "money.json") else real(*parts))
    law._money_tables.cache_clear()
    try:
        assert money_on("ldtt", "individual", date(2027, 3, 1)) == (Decimal("0.35"), "Nghị định (thay thế 152/2025)")
        assert money_on("ldtt", "individual", date(2027, 2, 28))[1].startswith("Nghị định 152/2025/NĐ-CP")
    finally:
        law._money_tables.cache_clear()
