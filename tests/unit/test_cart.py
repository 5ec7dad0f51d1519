"""Cart arithmetic: totals, VAT, gift-pack splitting and tenders, property-tested."""

import pytest
from hypothesis import given, strategies as st

from pos.kernel.errors import UserError
from pos.kernel.vat import vat_included
from pos.selling.cart import CartLine, TenderInput, check_tenders, split_pack_price, totals

rates = st.sampled_from([0, 600, 900, 1300])


@st.composite
def cart_lines(draw):
    result = []
    for index in range(draw(st.integers(min_value=0, max_value=12))):
        price = draw(st.integers(min_value=0, max_value=5_000_000))
        quantity = draw(st.integers(min_value=1, max_value=20))
        discount = draw(st.integers(min_value=0, max_value=price * quantity))
        result.append(CartLine(
            line_id=str(index), product_id=index, sku=f"S{index}", name="x", kind="accessory",
            quantity=quantity, list_price=price, unit_price=price, unit_cost=0,
            vat_rate_bp=draw(rates), discount=discount))
    return result


@given(cart_lines())
def test_the_total_is_always_the_sum_of_the_lines(lines):
    result = totals(lines)
    assert result.total == sum(line.total for line in lines)
    assert result.gross - result.discount == result.total
    assert sum(v.gross for v in result.vat) == result.total


@given(cart_lines())
def test_vat_is_never_negative_nor_more_than_the_gross(lines):
    for vat_line in totals(lines).vat:
        assert 0 <= vat_line.vat <= vat_line.gross


def test_vat_included_in_a_price_is_rounded_half_up_once_per_rate():
    assert vat_included(11300, 1300) == 1300  # 113.00 at 13% holds 13.00 VAT
    assert vat_included(100, 1300) == 12  # 11.504... -> 12
    assert vat_included(10600, 600) == 600


@given(st.integers(min_value=0, max_value=10_000_000),
       st.lists(st.integers(min_value=0, max_value=2_000_000), min_size=1, max_size=6))
def test_pack_shares_add_up_exactly_to_the_pack_price(pack_price, list_prices):
    shares = split_pack_price(pack_price, list_prices)
    assert sum(shares) == pack_price
    assert all(share >= 0 for share in shares)
    assert len(shares) == len(list_prices)


def test_pack_shares_follow_the_parts_list_prices():
    assert split_pack_price(69900, [49900, 39900]) == [38842, 31058]


tender_kinds = st.sampled_from(["cash", "bank_card", "wechat", "alipay", "voucher", "on_account"])


@given(st.integers(min_value=1, max_value=10_000_000),
       st.lists(st.tuples(tender_kinds, st.integers(min_value=1, max_value=10_000_000)),
                min_size=1, max_size=4))
def test_tenders_never_give_negative_change_nor_create_money(due, raw):
    tenders = [TenderInput(kind, amount) for kind, amount in raw]
    try:
        result = check_tenders(due, tenders)
    except UserError:
        paid = sum(a for _, a in raw)
        non_cash = sum(a for k, a in raw if k != "cash")
        assert paid < due or non_cash > due
        return
    assert result.change >= 0
    assert result.tendered - result.change == due  # what the store keeps is what was due
    assert result.change <= sum(a for k, a in raw if k == "cash")


def test_a_short_payment_is_refused():
    with pytest.raises(UserError, match="Not enough tendered: 0.01 still due"):
        check_tenders(10000, [TenderInput("cash", 9999)])


def test_a_card_cannot_overpay():
    with pytest.raises(UserError, match="cannot exceed"):
        check_tenders(10000, [TenderInput("bank_card", 10100)])


def test_change_comes_from_cash_when_card_and_cash_are_mixed():
    result = check_tenders(10000, [TenderInput("bank_card", 6000), TenderInput("cash", 5000)])
    assert (result.tendered, result.change) == (11000, 1000)


@pytest.mark.parametrize("amount", [0, -100])
def test_zero_or_negative_payments_are_refused(amount):
    with pytest.raises(UserError, match="more than zero"):
        check_tenders(100, [TenderInput("cash", amount)])


def test_a_copy_of_the_cart_changes_without_touching_the_cart():
    from pos.kernel.enums import LineKind, Outcome
    from pos.selling.cart import Cart, CartLine, outcome_key

    cart = Cart.new(staff_id=1, terminal="T01")
    cart.lines.append(CartLine(line_id="a", product_id=1, sku="NB", name="Notebook",
                               kind=LineKind.MAIN_UNIT, quantity=1, list_price=500000,
                               unit_price=500000, unit_cost=400000, vat_rate_bp=1300))
    mine = cart.copy()
    mine.lines[0].quantity = 2
    mine.lines.append(mine.lines[0])
    mine.outcomes[outcome_key("a", 7)] = Outcome.SOLD
    mine.cards_declined.append("a")
    assert mine == mine.copy() and mine != cart
    assert (len(cart.lines), cart.lines[0].quantity, cart.outcomes, cart.cards_declined) == (
        1, 1, {}, [])
