"""Completion checks the final cart, not what it says: every price from the catalog, the
card's band, the pack price or a recorded override; every discount within the seller's
limit or as approved; a cart edited in memory, pickled or parked as JSON gets nothing
past it (issue 12, "enforced in the services, not the screen")."""

import json
import pickle

import pytest
from sqlalchemy import select, text

from pos.db.models import Sale, SaleLine
from pos.kernel.errors import UserError
from pos.kernel.money import percent_of
from pos.people import approvals
from pos.selling import addons, cards, checkout, completion, parking, sheet
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import (
    NOTEBOOK, db_state, item_id, new_cart, staff_id, tier_id,
)

KIT = "PRO-CLN-PC"  # cleaning kit, 39.90


def due(cart) -> int:
    return sum(line.total for line in cart.billable_lines())


def refused_at_completion(db, cart, match, amount=None):
    before = db_state(db)
    with pytest.raises(UserError, match=match):
        completion.complete_sale(db, cart, tenders=[TenderInput("cash", amount or 10**9)])
    assert db_state(db) == before


def sold_lines(db, receipt_no):
    with db.read() as session:
        sale_id = session.scalar(select(Sale.id).where(Sale.receipt_no == receipt_no))
        return session.execute(select(SaleLine.sku, SaleLine.unit_price, SaleLine.discount,
                                      SaleLine.unit_cost, SaleLine.vat_rate_bp, SaleLine.name)
                               .where(SaleLine.sale_id == sale_id)
                               .order_by(SaleLine.position)).all()


def unit_with_card(db, cart=None):
    from pos.people import customers

    cart = cart or new_cart(db)
    unit = checkout.add_product(db, cart, code=NOTEBOOK)
    customer = customers.create_customer(db, phone="13900000123", name="Zhou")
    checkout.set_customer(db, cart, customer_id=customer.id)
    card = cards.add_card(db, cart, main_line_id=unit.line_id,
                          tier_id=tier_id(db, cart, unit.line_id, "gold"))
    checkout.set_serial(db, cart, line_id=unit.line_id, serial="PF3PRICE1")
    return cart, unit, card


# --- limits on the final cart ----------------------------------------------------------


def test_a_discount_within_the_limit_on_ten_kits_is_refused_when_one_kit_is_left(demo_db):
    cart = new_cart(demo_db)
    kits = checkout.add_product(demo_db, cart, code=KIT, quantity=10)
    checkout.discount_line(demo_db, cart, line_id=kits.line_id, percent_bp=1000)  # 10%: allowed
    checkout.set_quantity(cart, line_id=kits.line_id, quantity=1)
    assert kits.discount == kits.gross  # the screen let it through: 100% off one kit
    refused_at_completion(demo_db, cart, "more than a cashier may give")
    checkout.discount_line(demo_db, cart, line_id=kits.line_id, percent_bp=1000)
    sale = completion.complete_sale(demo_db, cart, tenders=[TenderInput("cash", due(cart))])
    assert sale.total == kits.gross - percent_of(kits.gross, 1000)


def test_an_approved_discount_covers_its_line_only_as_large_a_share_as_approved(demo_db):
    cart = new_cart(demo_db)
    kits = checkout.add_product(demo_db, cart, code=KIT, quantity=10)
    value = percent_of(kits.gross, 2000)
    approval = approvals.approve(demo_db, action="discount_beyond_limit",
                                 ref=checkout.line_ref(cart, kits.line_id), amount=value,
                                 requested_by=cart.staff_id,
                                 manager_id=staff_id(demo_db, "manager"), pin="9999")
    checkout.discount_line(demo_db, cart, line_id=kits.line_id, percent_bp=2000,
                           approval_id=approval)
    checkout.set_quantity(cart, line_id=kits.line_id, quantity=5)  # now 40% of the line
    refused_at_completion(demo_db, cart, "no manager approved it as it is now")
    checkout.set_quantity(cart, line_id=kits.line_id, quantity=12)  # a smaller share: fine
    sale = completion.complete_sale(demo_db, cart, tenders=[TenderInput("cash", due(cart))])
    assert sale.total == kits.gross - value


def test_a_managers_big_discount_still_holds_when_a_cashier_resumes_the_cart(demo_db):
    cart = new_cart(demo_db, role="manager")
    bag = checkout.add_product(demo_db, cart, code="BAG-NB-156")
    checkout.discount_line(demo_db, cart, line_id=bag.line_id, percent_bp=3000)
    parking.park_cart(demo_db, cart)
    resumed = parking.resume_cart(demo_db, cart_uuid=cart.uuid,
                                  staff_id=staff_id(demo_db, "cashier"))
    sale = completion.complete_sale(demo_db, resumed, tenders=[TenderInput("cash", due(resumed))])
    assert sale.total == bag.gross - percent_of(bag.gross, 3000)


# --- prices the cart cannot set --------------------------------------------------------


def test_a_unit_price_edited_in_the_cart_is_refused_and_nothing_is_written(demo_db):
    cart = new_cart(demo_db)
    kit = checkout.add_product(demo_db, cart, code=KIT)
    kit.unit_price = 1  # 39.90 for 0.01
    refused_at_completion(demo_db, cart, r"The price of .* is 39\.90", amount=1)
    kit.list_price = kit.unit_price = 1  # the list price too: still the catalog's
    refused_at_completion(demo_db, cart, "no approved override", amount=1)


def test_a_pickled_cart_with_an_edited_price_is_refused(demo_db):
    cart = new_cart(demo_db)
    checkout.add_product(demo_db, cart, code=NOTEBOOK)
    edited = pickle.loads(pickle.dumps(cart))
    edited.lines[0].unit_price = 1
    edited.lines[0].serial = "PF3PICKLE1"
    refused_at_completion(demo_db, edited, "The price of", amount=1)


def test_a_parked_cart_edited_in_the_database_cannot_sell_below_the_catalog(demo_db):
    cart = new_cart(demo_db)
    checkout.add_product(demo_db, cart, code=KIT)
    parking.park_cart(demo_db, cart, label="back soon")
    with demo_db.unit_of_work() as session:
        data = json.loads(session.execute(text("SELECT cart_json FROM parked_carts")).scalar())
        data["lines"][0]["unit_price"] = data["lines"][0]["list_price"] = 1
        data["lines"][0]["price_event"] = 1  # pointing at some event: not an override of it
        session.execute(text("UPDATE parked_carts SET cart_json = :j"), {"j": json.dumps(data)})
    resumed = parking.resume_cart(demo_db, cart_uuid=cart.uuid, staff_id=cart.staff_id)
    refused_at_completion(demo_db, resumed, "The price of", amount=1)


def test_a_damaged_parked_cart_is_listed_and_refused_with_a_message(demo_db):
    cart = new_cart(demo_db)
    checkout.add_product(demo_db, cart, code=KIT)
    parking.park_cart(demo_db, cart)
    with demo_db.unit_of_work() as session:
        session.execute(text("""UPDATE parked_carts SET cart_json = '{"lines": [{"x": 1}]}'"""))
    assert [p.cart_uuid for p in parking.list_parked(demo_db, terminal="T01")] == [cart.uuid]
    with pytest.raises(UserError, match="damaged"):
        parking.resume_cart(demo_db, cart_uuid=cart.uuid, staff_id=cart.staff_id)


def test_a_price_override_lets_that_line_of_that_cart_sell_at_that_price_only(demo_db):
    manager_cart = new_cart(demo_db, role="manager")
    kit = checkout.add_product(demo_db, manager_cart, code=KIT)
    checkout.override_price(demo_db, manager_cart, line_id=kit.line_id, price=2990,
                            reason="display model")
    other = new_cart(demo_db)
    copied = checkout.add_product(demo_db, other, code=KIT)
    copied.unit_price, copied.price_event = 2990, kit.price_event  # another cart's override
    refused_at_completion(demo_db, other, "no approved override", amount=2990)
    kit.unit_price = 990  # not the price the override was for
    refused_at_completion(demo_db, manager_cart, "no approved override", amount=990)
    kit.unit_price = 2990
    sale = completion.complete_sale(demo_db, manager_cart, tenders=[TenderInput("cash", 2990)])
    assert sold_lines(demo_db, sale.receipt_no)[0][1] == 2990


def test_a_card_below_its_band_or_a_cheaper_band_is_refused(demo_db):
    cart, unit, card = unit_with_card(demo_db)
    price = card.unit_price
    card.unit_price = card.list_price = 100
    refused_at_completion(demo_db, cart, "The price of .* is")
    card.unit_price = card.list_price = price
    unit.unit_price = 100  # a cheap unit would put the card in a cheaper band
    refused_at_completion(demo_db, cart, "The price of")


def test_a_pack_part_off_its_share_or_a_pack_missing_a_part_is_refused(demo_db):
    cart = new_cart(demo_db)
    unit = checkout.add_product(demo_db, cart, code=NOTEBOOK)
    checkout.set_serial(demo_db, cart, line_id=unit.line_id, serial="PF3PACK01")
    pack = next(r for r in sheet.sheet_rows(demo_db, cart, main_line_id=unit.line_id)
                if r.pack_price is not None and len(r.candidates) > 2)
    sheet.mark_item(demo_db, cart, main_line_id=unit.line_id, item_id=pack.item_id,
                    outcome="sold")
    parts = [line for line in cart.lines if line.pack_code == pack.code]
    parts[0].unit_price, parts[1].unit_price = parts[0].unit_price - 100, parts[1].unit_price + 100
    refused_at_completion(demo_db, cart, "The price of")  # the total is right; the split is not
    parts[0].unit_price, parts[1].unit_price = parts[0].unit_price + 100, parts[1].unit_price - 100
    cart.lines.remove(parts[-1])  # the pack's price for fewer parts
    refused_at_completion(demo_db, cart, "does not match the store's records")


def test_names_costs_and_vat_come_from_the_catalog_not_the_cart(demo_db):
    cart = new_cart(demo_db)
    kit = checkout.add_product(demo_db, cart, code=KIT)
    expected = (kit.sku, kit.unit_price, 0, kit.unit_cost, kit.vat_rate_bp, kit.name)
    kit.unit_cost, kit.vat_rate_bp, kit.name = 1, 0, "Free kit"
    sale = completion.complete_sale(demo_db, cart, tenders=[TenderInput("cash", due(cart))])
    assert tuple(sold_lines(demo_db, sale.receipt_no)[0]) == expected


def test_a_unit_passed_off_as_an_accessory_or_without_its_serial_tracking_is_refused(demo_db):
    cart = new_cart(demo_db)
    unit = checkout.add_product(demo_db, cart, code=NOTEBOOK)
    unit.serial_tracked = False  # no serial asked
    refused_at_completion(demo_db, cart, "Scan or type the serial number")
    unit.kind = "accessory"
    refused_at_completion(demo_db, cart, "does not match the store's records")


def test_a_sheet_item_marked_sold_without_its_line_is_refused(demo_db):
    cart = new_cart(demo_db)
    unit = checkout.add_product(demo_db, cart, code=NOTEBOOK)
    checkout.set_serial(demo_db, cart, line_id=unit.line_id, serial="PF3MARK01")
    sheet.mark_item(demo_db, cart, main_line_id=unit.line_id,
                    item_id=item_id(demo_db, cart, unit.line_id, "bag"), outcome="sold")
    cart.lines = [unit]  # the bag's line gone, its "sold" mark kept: attach rate for free
    refused_at_completion(demo_db, cart, "does not match the store's records")


def test_an_add_on_cannot_cheapen_the_earlier_unit_to_get_a_cheaper_card(demo_db):
    from pos.people import customers

    cart = new_cart(demo_db)
    unit = checkout.add_product(demo_db, cart, code=NOTEBOOK)
    customer = customers.create_customer(demo_db, phone="13900000456", name="Qian")
    checkout.set_customer(demo_db, cart, customer_id=customer.id)
    cards.decline_card(cart, main_line_id=unit.line_id)
    checkout.set_serial(demo_db, cart, line_id=unit.line_id, serial="PF3ADDON9")
    sale = completion.complete_sale(demo_db, cart, tenders=[TenderInput("cash", due(cart))])
    addon = addons.open_addon(demo_db, receipt_no=sale.receipt_no,
                              staff_id=staff_id(demo_db, "installer"), terminal="T01")
    earlier = addon.lines[0]
    honest = cards.eligible_tiers(demo_db, addon, main_line_id=earlier.line_id)
    earlier.unit_price = 100
    cheap = {o.tier_id: o.price for o in cards.eligible_tiers(
        demo_db, addon, main_line_id=earlier.line_id)}
    offer = next(o for o in honest if cheap[o.tier_id] < o.price)
    cards.add_card(demo_db, addon, main_line_id=earlier.line_id, tier_id=offer.tier_id)
    refused_at_completion(demo_db, addon, "The price of")


def test_an_exchange_prices_its_new_cart_as_completion_does(demo_db):
    from pos.aftersale.exchange import exchange
    from pos.aftersale.returns import ReturnItem

    first = new_cart(demo_db)
    checkout.add_product(demo_db, first, code="BAG-NB-156")
    sold = completion.complete_sale(demo_db, first, tenders=[TenderInput("cash", due(first))])
    cart = new_cart(demo_db)
    kit = checkout.add_product(demo_db, cart, code=KIT)
    kit.unit_price = 1
    before = db_state(demo_db)
    with pytest.raises(UserError, match="The price of"):
        exchange(demo_db, receipt_no=sold.receipt_no, staff_id=staff_id(demo_db, "manager"),
                 items=[ReturnItem(1, 1)], cart=cart, tenders=[TenderInput("cash", 10**6)])
    assert db_state(demo_db) == before
