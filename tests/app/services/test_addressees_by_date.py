"""A new dossier's addressee and a new plan's recipient follow the superior in force on their date."""

from __future__ import annotations

from datetime import date

from app.services.dossier import create_dossier
from app.services.plans import new_plan_data

EXPORTED = date(2026, 12, 6)


def test_a_2024_dossier_made_today_goes_to_the_district_chairman(demo_store):
    """Dated at the 2024 dossier deadline (10/12/2024), the letter is addressed to the district's Chairman."""
    made = create_dossier(demo_store, 2024, "Khen thưởng chuyên đề năm 2024", today=EXPORTED).value
    assert made.addressee == "Chủ tịch Ủy ban nhân dân huyện Bình Xuân"


def test_a_dossier_of_the_current_year_goes_to_the_province_chairman(demo_store):
    """A 2026 dossier made on 06/12/2026 is addressed to the province's Chairman."""
    made = create_dossier(demo_store, 2026, "Phong trào thi đua CCHC năm 2026", today=EXPORTED).value
    assert made.addressee == "Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi"


def test_a_new_plans_recipient_is_the_superior_of_its_year(demo_store):
    """A 2024 plan made today is sent to UBND huyện; a 2026 plan to UBND tỉnh."""
    assert new_plan_data(demo_store, 2024, today=EXPORTED).recipients[0] == "Ủy ban nhân dân huyện Bình Xuân"
    assert new_plan_data(demo_store, 2026, today=EXPORTED).recipients[0] == "Ủy ban nhân dân tỉnh Quảng Ngãi"
