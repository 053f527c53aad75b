"""Moving a copied plan's years forward."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.year_shift import shift_years


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Kế hoạch cải cách hành chính năm 2024", "Kế hoạch cải cách hành chính năm 2025"),
        ("Quý I/2024", "Quý I/2025"),
        ("Quý I /2024", "Quý I /2025"),
        ("Quý IV năm 2024 ban hành Kế hoạch.", "Quý IV năm 2025 ban hành Kế hoạch."),
        ("Trước ngày 15/12/2024", "Trước ngày 15/12/2025"),
        ("Thường xuyên trong năm 2024.", "Thường xuyên trong năm 2025."),
        ("Quý I/2025 báo cáo tổng kết", "Quý I/2026 báo cáo tổng kết"),
        ("Trước ngày 10/12", "Trước ngày 10/12"),
        ("năm học 2024-2025", "năm học 2025-2026"),
        ("năm học 2023 - 2024", "năm học 2024 - 2025"),
    ],
)
def test_the_plans_years_move_forward(before, after):
    """The plan year and the year after it, written as years or in dates and quarters, move by one."""
    assert shift_years(before, 2024) == after


@pytest.mark.parametrize(
    "text",
    [
        "Theo Kế hoạch số 140/KH-UBND ngày 14/10/2021 của Chủ tịch UBND tỉnh",
        "Nghị định số 130/2005/NĐ-CP ngày 17/10/2005",
        "Quyết định Số 07/2024/QĐ-UBND",
        "Thông tư số 01/2023/TT-VPCP ngày 05/4/2023",
        "giai đoạn 2021-2025",
        "giai đoạn 2021 - 2030",
        "năm 2023",
    ],
)
def test_citations_document_numbers_and_older_years_stay(text):
    """Years of cited papers, inside document numbers, of long periods and before the plan stay put."""
    assert shift_years(text, 2024) == text


def test_the_date_of_a_cited_paper_of_this_year_stays():
    """A paper cited from the plan's own year keeps its date; the plan's deadline moves."""
    text = "Theo Kế hoạch số 12/KH-UBND ngày 05/01/2024, hoàn thành trước ngày 30/6/2024"
    assert shift_years(text, 2024) == "Theo Kế hoạch số 12/KH-UBND ngày 05/01/2024, hoàn thành trước ngày 30/6/2025"


def test_shift_by_more_than_one_year():
    """``by`` moves the plan's years by that many years."""
    assert shift_years("Quý I/2024; năm 2025", 2024, by=2) == "Quý I/2026; năm 2027"


def test_leap_day_becomes_the_last_day_of_february():
    """29/02/2024 copied into 2025 becomes 28/02/2025, a day that exists."""
    assert shift_years("Trước ngày 29/02/2024", 2024) == "Trước ngày 28/02/2025"


def test_output_is_nfc():
    """Decomposed (NFD) text comes back composed (NFC) with its years moved."""
    nfd = unicodedata.normalize("NFD", "Quý I năm 2024")
    assert shift_years(nfd, 2024) == "Quý I năm 2025"


@settings(max_examples=300, deadline=None)
@given(text=st.text(), source_year=st.integers(), by=st.integers(-5, 5))
def test_shift_never_raises(text, source_year, by):
    """Any text, year and step give back NFC text."""
    result = shift_years(text, source_year, by)
    assert result == unicodedata.normalize("NFC", result)


YEARS = st.integers(2015, 2025)
year_bits = st.one_of(
    YEARS.map(lambda y: f"năm {y}"),
    YEARS.map(lambda y: f"Quý IV/{y}"),
    st.tuples(st.integers(1, 28), st.integers(1, 12), YEARS).map(lambda t: f"{t[0]:02d}/{t[1]:02d}/{t[2]}"),
    st.integers(2015, 2024).map(lambda y: f"{y}-{y + 1}"),
    st.integers(2015, 2020).map(lambda y: f"giai đoạn {y}-{y + 5}"),
    YEARS.map(lambda y: f"Số 07/{y}/QĐ-UBND"),
    YEARS.map(lambda y: f"Kế hoạch số 140/KH-UBND ngày 14/10/{y}"),
    st.sampled_from(["Thường xuyên", "ban hành kế hoạch", ";", ",", "Trước ngày 10/12", "Quý I"]),
)


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(year_bits, min_size=1, max_size=8))
def test_shift_forward_then_back_is_the_original(parts):
    """Shifting a 2024 plan's phrase to 2025 and back gives the phrase again (no year after 2025, no 29/02)."""
    text = " ".join(parts)
    assert shift_years(shift_years(text, 2024, 1), 2025, -1) == text
