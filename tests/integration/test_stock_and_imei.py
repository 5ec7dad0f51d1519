"""Guards on what a sale takes in (issue 13): a phone's serial is a valid IMEI, at the till
and again at completion; a sale never takes a product's stock below zero unless the
store allows it, and two tills selling the last unit at once sell it once."""

import threading

import pytest
from sqlalchemy import func, select

from pos.aftersale import returns
from pos.aftersale.returns import ReturnItem
from pos.db.models import DocumentCounter, Product, SerialUnit, Store, StoreStock
from pos.kernel.enums import UnitState
from pos.kernel import translations
from pos.kernel.errors import UserError
from pos.kernel.messages import render
from pos.ledger import verify
from pos.selling import checkout, completion, parking
from pos.selling.cart import TenderInput
from pos.store.settings import set_setting
from tests.integration.checkout_helpers import (
    NOTEBOOK, PHONE, db_state, frozen, imei, new_cart, restock, staff_id,
)

TABLET = "TB-HW-MP115"  # Huawei MatePad 11.5, a main unit with a serial
KIT = "PRO-CLN-PC"  # a cleaning kit: an accessory sold by quantity
CHINESE = translations.load_translations("zh_CN").message_template


def setting(db, key, value):
    with db.unit_of_work() as session:
        set_setting(session, key, value)


def stock_of(db, sku):
    with db.read() as session:
        return session.scalar(select(StoreStock.on_hand).join(
            Product, Product.id == StoreStock.product_id).join(
            Store, Store.id == StoreStock.store_id).where(Product.sku == sku, Store.code == "S01"))


def receipts_taken(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.coalesce(func.sum(DocumentCounter.last_number), 0))
                              .where(DocumentCounter.kind == "receipt"))


def pay(db, cart):
    return completion.complete_sale(
        db, cart, tenders=[TenderInput("cash", sum(line.total for line in cart.lines))])


def refused(db, cart, action, message_id):
    """`action` is refused with `message_id`, leaving the cart and the database as they
    were (no receipt number taken either); returns the refusal."""
    cart_before, db_before, numbers = frozen(cart), db_state(db), receipts_taken(db)
    with pytest.raises(UserError) as refusal:
        action()
    assert refusal.value.message_id == message_id
    assert cart == cart_before
    assert db_state(db) == db_before and receipts_taken(db) == numbers
    return refusal.value


# --- IMEIs ----------------------------------------------------------------------------


def test_a_phone_takes_only_a_valid_imei_at_the_till(demo_db):
    db = demo_db
    cart = new_cart(db)
    phone = checkout.add_product(db, cart, code=PHONE)

    def set_it(serial):
        return lambda: checkout.set_serial(db, cart, line_id=phone.line_id, serial=serial)

    refusal = refused(db, cart, set_it("ABCD"), "serial.not_imei")
    assert refusal.params["name"] == phone.name
    assert "not a valid IMEI" in render(refusal)
    refused(db, cart, set_it("49015420323751"), "serial.not_imei")  # 14 digits
    refused(db, cart, set_it("4901542032375180"), "serial.not_imei")  # 16 digits
    refusal = refused(db, cart, set_it("490154203237519"), "serial.imei_check_digit")
    assert "check digit" in render(refusal)
    assert "校验位" in render(refusal, translate=CHINESE)
    assert phone.serial is None
    checkout.set_serial(db, cart, line_id=phone.line_id, serial=" 4901 5420-3237 518 ")
    assert phone.serial == "490154203237518"  # kept without what was typed between groups
    sale = pay(db, cart)
    with db.read() as session:
        assert session.scalar(select(SerialUnit.serial).where(SerialUnit.state == UnitState.SOLD)) == "490154203237518"
    assert sale.receipt_no == "T01-000001"


@pytest.mark.parametrize("bad, message_id", [("ABCD", "serial.not_imei"),
                                             ("490154203237519", "serial.imei_check_digit"),
                                             ("4901-5420-3237-518", "serial.not_imei")])
def test_a_cart_holding_a_bad_imei_is_refused_at_completion(demo_db, bad, message_id):
    """A cart parked, edited or built by hand holds whatever it holds: completion checks
    the IMEI again, writes nothing and takes no number."""
    db = demo_db
    cart = new_cart(db)
    phone = checkout.add_product(db, cart, code=PHONE)
    phone.serial = bad
    parking.park_cart(db, cart)
    cart = parking.resume_cart(db, cart_uuid=cart.uuid, staff_id=cart.staff_id)
    assert cart.lines[0].serial == bad
    refused(db, cart, lambda: pay(db, cart), message_id)
    cart.lines[0].serial = "490154203237518"
    assert pay(db, cart).receipt_no == "T01-000001"  # the refusal used no number


def test_other_units_keep_their_serials(demo_db):
    db = demo_db
    cart = new_cart(db)
    notebook = checkout.add_product(db, cart, code=NOTEBOOK)
    checkout.set_serial(db, cart, line_id=notebook.line_id, serial="pf3abc12")
    tablet = checkout.add_product(db, cart, code=TABLET)
    checkout.set_serial(db, cart, line_id=tablet.line_id, serial="ABCD")
    assert (notebook.serial, tablet.serial) == ("PF3ABC12", "ABCD")
    refused(db, cart, lambda: checkout.set_serial(
        db, cart, line_id=tablet.line_id, serial="AB CD"), "serial.invalid")
    pay(db, cart)
    with db.read() as session:
        assert sorted(session.scalars(select(SerialUnit.serial).where(SerialUnit.state == UnitState.SOLD))) == ["ABCD", "PF3ABC12"]


def test_tablets_need_an_imei_once_the_store_lists_them(demo_db):
    db = demo_db
    before = new_cart(db)  # a tablet given a plain serial while that was still allowed
    tablet = checkout.add_product(db, before, code=TABLET)
    checkout.set_serial(db, before, line_id=tablet.line_id, serial="SN-TAB-1")
    setting(db, "imei_categories", ["PHONE", "TABLET"])
    cart = new_cart(db)
    line = checkout.add_product(db, cart, code=TABLET)
    refused(db, cart, lambda: checkout.set_serial(db, cart, line_id=line.line_id,
                                                  serial="SN-TAB-2"), "serial.not_imei")
    refused(db, before, lambda: pay(db, before), "serial.not_imei")
    checkout.set_serial(db, cart, line_id=line.line_id, serial=imei(1))
    pay(db, cart)
    setting(db, "imei_categories", ["TABLET"])  # phones no longer: any serial will do
    phones = new_cart(db)
    phone = checkout.add_product(db, phones, code=PHONE)
    checkout.set_serial(db, phones, line_id=phone.line_id, serial="ABCD")
    pay(db, phones)
    assert verify.verify(db).ok


# --- stock ----------------------------------------------------------------------------


def test_selling_more_than_is_in_stock_is_refused_and_writes_nothing(demo_db):
    db = demo_db
    restock(db, {KIT: 10})
    cart = new_cart(db)
    kits = checkout.add_product(db, cart, code=KIT, quantity=50)  # the till only warns
    assert kits.stock == 10
    refusal = refused(db, cart, lambda: pay(db, cart), "stock.short")
    assert refusal.params == {"name": kits.name, "stock": 10, "asked": 50}
    text = render(refusal)
    assert kits.name in text and "10" in text and "50" in text
    assert stock_of(db, KIT) == 10
    checkout.set_quantity(cart, line_id=kits.line_id, quantity=10)  # all there is
    assert pay(db, cart).receipt_no == "T01-000001"  # the refusal used no number
    assert stock_of(db, KIT) == 0
    assert verify.verify(db).ok


def test_two_units_of_the_last_phone_are_refused_together(demo_db):
    """Each unit has a line of its own: what the sale takes of a product is their sum."""
    db = demo_db
    restock(db, {"PH-APL-IP15": 1})
    cart = new_cart(db)
    for number in (1, 2):
        unit = checkout.add_product(db, cart, code=PHONE)
        checkout.set_serial(db, cart, line_id=unit.line_id, serial=imei(number))
    refusal = refused(db, cart, lambda: pay(db, cart), "stock.short")
    assert (refusal.params["stock"], refusal.params["asked"]) == (1, 2)
    assert stock_of(db, "PH-APL-IP15") == 1


def test_a_store_may_allow_selling_below_zero_and_returns_put_stock_back(demo_db):
    db = demo_db
    restock(db, {KIT: 10})
    setting(db, "allow_negative_stock", True)
    cart = new_cart(db)
    checkout.add_product(db, cart, code=KIT, quantity=50)
    sale = pay(db, cart)
    assert stock_of(db, KIT) == -40
    setting(db, "allow_negative_stock", False)
    more = new_cart(db)
    checkout.add_product(db, more, code=KIT)
    refusal = refused(db, more, lambda: pay(db, more), "stock.short")
    assert (refusal.params["stock"], refusal.params["asked"]) == (-40, 1)
    refund = sum(line.total for line in cart.lines)
    returns.refund(db, receipt_no=sale.receipt_no, staff_id=staff_id(db, "manager"),
                   items=[ReturnItem(1, 50)], tenders=[TenderInput("cash", refund)])
    assert stock_of(db, KIT) == 10
    assert verify.verify(db).ok


def race(db, carts) -> dict[str, str]:
    """Complete the carts on threads of their own, released at the same moment: terminal
    -> the receipt number, or the id of the refusal."""
    start, outcomes = threading.Barrier(len(carts)), {}

    def till(cart):
        start.wait()
        try:
            outcomes[cart.terminal] = pay(db, cart).receipt_no
        except UserError as refusal:
            outcomes[cart.terminal] = refusal.message_id

    threads = [threading.Thread(target=till, args=(cart,)) for cart in carts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return outcomes


def test_the_last_unit_sold_on_two_tills_at_once_sells_once(demo_db):
    """Both tills built their carts while one unit was there; they pay at the same
    moment. The stock is checked and taken in one statement, so one sale is refused."""
    db = demo_db
    for round_ in range(4):
        restock(db, {KIT: 1})
        carts = []
        for terminal in ("T01", "T02"):
            cart = new_cart(db, terminal=terminal)
            checkout.add_product(db, cart, code=KIT)
            carts.append(cart)
        outcomes = race(db, carts)
        refusals = [o for o in outcomes.values() if o == "stock.short"]
        sold = [o for o in outcomes.values() if o.startswith(("T01-", "T02-"))]
        assert (len(refusals), len(sold)) == (1, 1), outcomes
        assert stock_of(db, KIT) == 0, round_
    assert verify.verify(db).ok


def test_a_line_ticked_on_the_sheet_carries_its_stock_for_the_warning(demo_db):
    from pos.selling import sheet
    from pos.selling.cart import short_of_stock
    from tests.integration.checkout_helpers import NOTEBOOK, item_id, new_cart

    restock(demo_db, {"BAG-NB-156": 0})
    cart = new_cart(demo_db)
    unit = checkout.add_product(demo_db, cart, code=NOTEBOOK)
    sheet.mark_item(demo_db, cart, main_line_id=unit.line_id,
                    item_id=item_id(demo_db, cart, unit.line_id, "bag"), outcome="sold")
    bag = next(line for line in cart.lines if line.sku == "BAG-NB-156")
    assert bag.stock == 0 and short_of_stock(cart) == {bag.line_id: 0}
