"""Money parsing, formatting and rounding: integers of minor units, exact both ways."""

from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from pos.kernel.errors import UserError
from pos.kernel.money import (
    format_money, parse_amount, parse_percent, percent_of, percent_string, round_half_up,
    to_decimal_string,
)

amounts = st.integers(min_value=-10**15, max_value=10**15)


@given(amounts)
def test_decimal_string_parses_back_to_the_same_amount(amount):
    assert parse_amount(to_decimal_string(amount), allow_negative=True) == amount


@pytest.mark.parametrize(
    "text, expected",
    [("4999", 499900), ("4999.00", 499900), ("4999.5", 499950), ("0.01", 1),
     ("4,999.90", 499990), ("¥39.90", 3990), (" 12 ", 1200), ("1.230", 123), ("0", 0)],
)
def test_plain_decimal_strings_parse_to_minor_units(text, expected):
    assert parse_amount(text) == expected


@pytest.mark.parametrize(
    "text, reason",
    [("1.234", "more than 2 decimal places"), ("abc", "not an amount"), ("1e5", "not an amount"),
     ("-3", "negative"), ("", "required"), ("12.3.4", "not an amount"), ("NaN", "not an amount"),
     ("1 000", "not an amount")],
)
def test_malformed_negative_or_over_precise_amounts_are_refused(text, reason):
    with pytest.raises(UserError, match=reason):
        parse_amount(text)


def test_yen_has_no_minor_unit():
    assert parse_amount("500", currency="JPY") == 500
    with pytest.raises(UserError):
        parse_amount("500.5", currency="JPY")


def test_floats_never_become_money():
    with pytest.raises(TypeError):
        parse_amount(49.99)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        to_decimal_string(49.99)  # type: ignore[arg-type]


def test_money_is_formatted_per_locale():
    assert format_money(499900, locale="zh_CN") == "¥4,999.00"
    assert format_money(-1050, locale="en") == "-CN¥10.50"


@given(st.integers(min_value=-10**12, max_value=10**12), st.integers(min_value=1, max_value=10**6))
def test_round_half_up_matches_decimal_rounding(numerator, denominator):
    expected = (Decimal(numerator) / Decimal(denominator)).quantize(
        Decimal(1), rounding="ROUND_HALF_UP")
    assert round_half_up(numerator, denominator) == int(expected)


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=10_000))
def test_a_percentage_of_an_amount_never_exceeds_the_amount(amount, basis_points):
    share = percent_of(amount, basis_points)
    assert 0 <= share <= amount


@pytest.mark.parametrize("text, bp", [("13", 1300), ("6", 600), ("13.5", 1350), ("10%", 1000)])
def test_percentages_parse_to_basis_points_and_back(text, bp):
    assert parse_percent(text) == bp
    assert parse_percent(percent_string(bp)) == bp
