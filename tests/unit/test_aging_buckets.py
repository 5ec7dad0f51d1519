"""Aging buckets at their edges: due today is current; 1 and 30 days overdue are 1-30;
31 and 60 are 31-60; 61 is over 60. The boundary dates bound into the one aging query
say the same as bucket_of."""

from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from pos.accounts.aging import BUCKETS, Aging, AgingRow, bounds, bucket_of
from pos.kernel.enums import AccountState

AS_OF = date(2026, 12, 2)


@pytest.mark.parametrize("days, bucket", [
    (-5, "current"), (0, "current"), (1, "days_1_30"), (30, "days_1_30"),
    (31, "days_31_60"), (60, "days_31_60"), (61, "days_60_plus"), (400, "days_60_plus"),
])
def test_edges(days, bucket):
    assert bucket_of(AS_OF - timedelta(days=days), AS_OF) == bucket


def test_no_due_date_is_current():
    assert bucket_of(None, AS_OF) == "current"


def test_bounds():
    assert bounds(AS_OF) == {"due_today": AS_OF, "due_30": date(2026, 11, 2),
                             "due_60": date(2026, 10, 3)}


@given(st.integers(min_value=-100, max_value=1000))
def test_each_day_falls_in_exactly_one_bucket_in_order(days):
    bucket = bucket_of(AS_OF - timedelta(days=days), AS_OF)
    assert bucket in BUCKETS
    later = bucket_of(AS_OF - timedelta(days=days + 1), AS_OF)
    assert BUCKETS.index(later) >= BUCKETS.index(bucket)  # older never moves to a younger one


def test_totals_per_store_and_net_of_credit():
    def row(store, current, d30, d60, d61, credit):
        return AgingRow(store, 1, "A", "137", None, AccountState.OPEN, current, d30, d60, d61,
                        credit)
    report = Aging(AS_OF, None, (row("S01", 100, 200, 300, 400, 50),
                                 row("S02", 10, 0, 0, 0, 0)))
    assert report.stores == ("S01", "S02")
    assert report.totals("S01") == {"current": 100, "days_1_30": 200, "days_31_60": 300,
                                    "days_60_plus": 400, "credit": 50, "total": 950}
    assert report.totals()["total"] == 960
    assert report.rows[0].overdue == 900
