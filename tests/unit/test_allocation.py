"""How a payment settles what is open (pure): the invoices chosen first (no more than
asked or open), then the oldest due; the account's open credits are used before the
payment's own money; what is left over stays unapplied."""

from dataclasses import dataclass
from datetime import date

from hypothesis import given, strategies as st

from pos.accounts.posting import allocations_from, applied_of
from pos.ledger.account_documents import Allocation, allocate_oldest_first


@dataclass(frozen=True)
class Item:
    ref: str
    open_amount: int
    due_date: date | None
    opened_on: date


A = Item("T01-000001/1", 1000, date(2026, 11, 1), date(2026, 10, 2))
B = Item("T01-000002/1", 500, date(2026, 11, 5), date(2026, 10, 6))
C = Item("T01-000003/1", 700, date(2026, 10, 20), date(2026, 10, 17))  # due first


def plan(amount, chosen=()):
    return [(item.ref, part) for item, part in allocate_oldest_first([A, B, C], amount, chosen)]


def test_oldest_due_first_and_split():
    assert plan(1200) == [(C.ref, 700), (A.ref, 500)]


def test_chosen_first_then_oldest():
    assert plan(1200, [(B, 300)]) == [(B.ref, 300), (C.ref, 700), (A.ref, 200)]


def test_chosen_is_never_settled_twice():
    assert plan(2200, [(B, 500)]) == [(B.ref, 500), (C.ref, 700), (A.ref, 1000)]


def test_what_is_left_stays_unapplied():
    assert sum(part for _, part in plan(5000)) == 2200


def test_credits_are_used_before_the_payment():
    pairs = allocate_oldest_first([A, B, C], 900 + 300)
    allocations = allocations_from(pairs, [("T01-000009/1", 300)], "S01-RP-000001")
    assert allocations == (Allocation(C.ref, "T01-000009/1", 300),
                           Allocation(C.ref, "S01-RP-000001", 400),
                           Allocation(A.ref, "S01-RP-000001", 500))
    assert applied_of(allocations) == ((A.ref, 500), (C.ref, 700))


@given(st.integers(min_value=1, max_value=5000), st.integers(min_value=0, max_value=3000),
       st.integers(min_value=0, max_value=600))
def test_never_more_than_open_nor_paid(amount, credit, chosen):
    pairs = allocate_oldest_first([A, B, C], amount + credit, [(B, chosen)] if chosen else ())
    allocations = allocations_from(pairs, [("CR", credit)], "RP")
    per_item = dict(applied_of(allocations))
    for item in (A, B, C):
        assert per_item.get(item.ref, 0) <= item.open_amount
    assert sum(a.amount for a in allocations if a.credit == "CR") <= credit
    assert sum(a.amount for a in allocations) == min(amount + credit, 2200)
    assert all(a.amount > 0 for a in allocations)
