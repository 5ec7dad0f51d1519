"""What an installer's add-on finds on the earlier sale's unit (pos.selling.addons
.unit_history): the sheet's outcomes so far (at the counter and on earlier add-ons), the
card the unit holds and the sale it came from; and what the till's view of an add-on
carries (ui.ops.read_view)."""

from datetime import date

import pytest
from sqlalchemy import select

from pos.aftersale import returns
from pos.db.models import Sale, SaleLine
from pos.kernel.enums import Outcome
from pos.kernel.errors import UserError
from pos.people import customers
from pos.selling import addons, cards, checkout, completion, sheet
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import NOTEBOOK, item_id, new_cart, staff_id, tier_id


def pay(db, cart):
    return completion.complete_sale(db, cart, tenders=[TenderInput(
        "cash", sum(line.total for line in cart.billable_lines()))])


def notebook_sale(db, *, card: str | None = "gold", sold=("backpack", "bag"),
                  declined=("screen-film",)):
    """A notebook for Chen Jie: `sold` and `declined` on its sheet, a `card` (None: the
    card declined)."""
    cart = new_cart(db)
    unit = checkout.add_product(db, cart, code=NOTEBOOK)
    for code in sold:
        sheet.mark_item(db, cart, main_line_id=unit.line_id,
                        item_id=item_id(db, cart, unit.line_id, code), outcome="sold")
    for code in declined:
        sheet.mark_item(db, cart, main_line_id=unit.line_id,
                        item_id=item_id(db, cart, unit.line_id, code), outcome="declined")
    found = customers.find_customer(db, phone="13800138000") or customers.create_customer(
        db, phone="13800138000", name="Chen Jie")
    checkout.set_customer(db, cart, customer_id=found.id)
    if card:
        cards.add_card(db, cart, main_line_id=unit.line_id,
                       tier_id=tier_id(db, cart, unit.line_id, card))
    else:
        cards.decline_card(cart, main_line_id=unit.line_id)
    checkout.set_serial(db, cart, line_id=unit.line_id, serial="SN-VIEW-1")
    return pay(db, cart)


def addon(db, receipt_no, *, sold=(), declined=()):
    cart = addons.open_addon(db, receipt_no=receipt_no, staff_id=staff_id(db, "installer"),
                             terminal="T02")
    unit = cart.main_units()[0]
    for code in sold:
        sheet.mark_item(db, cart, main_line_id=unit.line_id,
                        item_id=item_id(db, cart, unit.line_id, code), outcome="sold")
    for code in declined:
        sheet.mark_item(db, cart, main_line_id=unit.line_id,
                        item_id=item_id(db, cart, unit.line_id, code), outcome="declined")
    return cart, unit


def history_of(db, receipt_no):
    cart, unit = addon(db, receipt_no)
    return addons.unit_history(db, unit_line_id=unit.existing_line_id), cart, unit


def test_the_add_on_finds_what_was_sold_and_declined_at_the_counter_and_the_card_held(demo_db):
    sale = notebook_sale(demo_db)
    history, cart, unit = history_of(demo_db, sale.receipt_no)
    outcomes = {o.item_code: o for o in history.outcomes}
    assert set(outcomes) == {"backpack", "bag", "screen-film"}  # never asked: not listed
    backpack = outcomes["backpack"]
    assert backpack.outcome is Outcome.SOLD and not backpack.on_site
    assert backpack.receipt_no == sale.receipt_no and "Samsonite" in backpack.product
    assert backpack.item_id == item_id(demo_db, cart, unit.line_id, "backpack")
    assert outcomes["screen-film"].outcome is Outcome.DECLINED
    assert outcomes["screen-film"].product is None
    assert history.outcome_of(backpack.item_id, "backpack") is backpack
    assert history.outcome_of(item_id(demo_db, cart, unit.line_id, "sleeve"), "sleeve") is None

    assert (history.receipt_no, history.sold_on) == (sale.receipt_no, date.today())
    assert (history.customer_name, history.customer_phone) == ("Chen Jie", "13800138000")
    assert history.serial == "SN-VIEW-1" and history.unit_name == unit.name
    [gold] = history.cards
    assert gold.tier_name == "Gold card" and gold.start_date == date.today()
    assert gold.end_date is not None and gold.end_date.year == date.today().year + 3
    assert not history.card_declined


def test_earlier_add_ons_count_and_a_later_decline_never_hides_a_sale(demo_db):
    sale = notebook_sale(demo_db)
    cart, _unit = addon(demo_db, sale.receipt_no, sold=("cooling-pad",),
                        declined=("backpack", "sleeve"))
    first = pay(demo_db, cart)
    history, _cart, _unit = history_of(demo_db, sale.receipt_no)
    outcomes = {o.item_code: o for o in history.outcomes}
    assert outcomes["backpack"].outcome is Outcome.SOLD  # sold at the counter stands
    assert not outcomes["backpack"].on_site
    pad = outcomes["cooling-pad"]
    assert (pad.outcome, pad.on_site, pad.receipt_no) == (Outcome.SOLD, True, first.receipt_no)
    assert outcomes["sleeve"].outcome is Outcome.DECLINED and outcomes["sleeve"].on_site


def test_an_item_returned_or_a_card_refunded_is_no_longer_held(demo_db):
    sale = notebook_sale(demo_db)
    with demo_db.read() as session:
        sale_id = session.scalar(select(Sale.id).where(Sale.receipt_no == sale.receipt_no))
        positions = {line.name: line.position for line in session.scalars(
            select(SaleLine).where(SaleLine.sale_id == sale_id))}
    bag = next(position for name, position in positions.items() if "Targus" in name)
    gold = next(position for name, position in positions.items() if "Gold" in name)
    returns.refund(demo_db, receipt_no=sale.receipt_no, staff_id=staff_id(demo_db, "manager"),
                   items=[returns.ReturnItem(bag, 1), returns.ReturnItem(gold, 1)],
                   back_in="cash")
    history, _cart, _unit = history_of(demo_db, sale.receipt_no)
    codes = {o.item_code: o.outcome for o in history.outcomes}
    assert "bag" not in codes and codes["backpack"] is Outcome.SOLD
    assert history.cards == () and not history.card_declined


def test_a_card_declined_at_the_counter_is_known(demo_db):
    sale = notebook_sale(demo_db, card=None, sold=(), declined=())
    history, _cart, _unit = history_of(demo_db, sale.receipt_no)
    assert history.cards == () and history.card_declined and history.outcomes == ()


def test_a_line_that_is_no_unit_is_refused(demo_db):
    sale = notebook_sale(demo_db)
    with demo_db.read() as session:
        card_line = session.scalar(select(SaleLine.id).join(Sale).where(
            Sale.receipt_no == sale.receipt_no, SaleLine.name.like("Gold%")))
    with pytest.raises(UserError, match=f"line number {card_line}"):
        addons.unit_history(demo_db, unit_line_id=card_line)


def test_the_tills_view_of_an_add_on_carries_the_units_history(demo_db):
    from ui.ops.cart import read_view

    sale = notebook_sale(demo_db)
    cart, unit = addon(demo_db, sale.receipt_no, sold=("cooling-pad",))
    view = read_view(demo_db, cart, unit.line_id)
    assert view.earlier is not None and view.earlier.receipt_no == sale.receipt_no
    assert {o.item_code for o in view.earlier.outcomes} == {"backpack", "bag", "screen-film"}
    rows = {row.code: row.outcome for row in view.rows}
    assert rows["cooling-pad"] is Outcome.SOLD  # this add-on's own marks, as before
    assert rows["backpack"] is Outcome.NOT_OFFERED  # not asked on this add-on
    # a new sale's view has no history
    fresh = new_cart(demo_db)
    line = checkout.add_product(demo_db, fresh, code=NOTEBOOK)
    assert read_view(demo_db, fresh, line.line_id).earlier is None


def test_the_payment_counts_as_unasked_only_what_was_never_asked(demo_db):
    from ui.ops.paying import payment_step

    sale = notebook_sale(demo_db)  # backpack and bag sold, film declined
    cart, unit = addon(demo_db, sale.receipt_no, sold=("cooling-pad",))
    items = len(sheet.sheet_rows(demo_db, cart, main_line_id=unit.line_id))
    step = payment_step(cart, prompted=frozenset())(demo_db)
    assert step.unasked == items - 4  # three answered at the counter, one here
