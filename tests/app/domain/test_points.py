from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.points import format_percent, format_points, parse_points, rounded


@pytest.mark.parametrize(
    ("text", "value"),
    [("0,5", "0.5"), ("0.5", "0.5"), (" 10 ", "10"), ("1,25", "1.25"), (",5", "0.5"), ("2 điểm", "2"), ("0,5đ", "0.5"),
     ("-1", "-1"), (3, "3"), (Decimal("0.75"), "0.75"), (0.25, "0.25")],
)
def test_parse_points_reads_vietnamese_and_english_decimals(text, value):
    assert parse_points(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "   ", None])
def test_blank_is_no_score(text):
    assert parse_points(text) is None


@pytest.mark.parametrize("text", ["hai", "1,2,3", "1.000,5", "1e3", "=1+1", "nan", True])
def test_anything_else_is_refused(text):
    with pytest.raises(ValueError):
        parse_points(text)


@pytest.mark.parametrize(
    ("value", "text"),
    [(Decimal("0.5"), "0,5"), (Decimal("10"), "10"), (Decimal("10.00"), "10"), (Decimal("1.25"), "1,25"),
     (Decimal("0.125"), "0,13"), (Decimal("100"), "100"), (Decimal("-0"), "0"), (None, "")],
)
def test_format_points_uses_a_comma_and_drops_trailing_zeros(value, text):
    assert format_points(value) == text


def test_rounding_is_half_up_to_hundredths():
    assert rounded(Decimal(2) / 3) == Decimal("0.67")
    assert rounded(Decimal("0.125")) == Decimal("0.13")
    assert format_percent(Decimal(60) * 100 / 101) == "59,4%"


@given(st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False, allow_infinity=False))
def test_format_then_parse_gives_the_value_back(value):
    assert parse_points(format_points(value)) == value
