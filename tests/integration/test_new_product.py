"""A manager adds a product for a barcode the catalog does not know, at the till
(pos.catalog.new_product): checked like a catalog row, audited, its stock sealed, found
by its barcode and by name at once; anyone else, or any bad value, changes nothing."""

import json

import pytest
from sqlalchemy import func, select

from pos.catalog.new_product import create_product
from pos.catalog.products import find_by_code, search_products
from pos.db.models import AuditEvent, Product
from pos.kernel.barcodes import make_ean13
from pos.kernel.enums import CategoryKind
from pos.kernel.errors import UserError
from pos.ledger import verify
from pos.people import staff
from pos.selling.cart import Cart
from pos.selling.checkout import add_product

NEW_CODE = make_ean13("690123456789")


def staff_id(db, name: str) -> int:
    return next(s.id for s in staff.list_staff(db) if s.name == name)


def state(db):
    with db.read() as session:
        return (session.scalar(select(func.count()).select_from(Product)),
                session.scalar(select(func.count()).select_from(AuditEvent)))


def add(db, **changes):
    values = dict(staff_id=staff_id(db, "Zhang Wei"), barcode=NEW_CODE,
                  name="Baseus 65W GaN charger", category_code="POWER", price=19900,
                  cost=9900, stock=6)
    values.update(changes)
    return create_product(db, **values)


def test_a_manager_adds_a_product_that_the_till_then_finds_and_sells(demo_db):
    product = add(demo_db)
    assert (product.sku, product.barcode, product.name) == (NEW_CODE, NEW_CODE,
                                                            "Baseus 65W GaN charger")
    assert (product.price, product.cost, product.stock, product.vat_rate_bp) == (19900, 9900, 6,
                                                                               1300)
    assert product.category_code == "POWER" and not product.serial_tracked
    assert find_by_code(demo_db, NEW_CODE) == product
    assert product in search_products(demo_db, "gan charger")
    cart = Cart.new(staff_id=staff_id(demo_db, "Li Na"), terminal="T01")
    line = add_product(demo_db, cart, code=NEW_CODE)
    assert line.product_id == product.id and line.total == 19900
    with demo_db.read() as session:
        event = session.execute(select(AuditEvent.staff_id, AuditEvent.ref,
                                       AuditEvent.details_json)
                                .where(AuditEvent.action == "product_added")).one()
    assert event.staff_id == staff_id(demo_db, "Zhang Wei") and event.ref == NEW_CODE
    details = json.loads(event.details_json)
    assert details["price"] == 19900 and details["stock"] == 6 and details["by"] == "Zhang Wei"
    assert verify.verify(demo_db).ok  # the stock it set is sealed in the journal


def test_a_main_unit_asks_for_its_serial_and_a_service_takes_the_service_rate(demo_db):
    from pos.catalog.products import list_categories

    kinds = {c.kind: c.code for c in list_categories(demo_db)}
    unit = add(demo_db, category_code=kinds[CategoryKind.MAIN_UNIT], name="A notebook")
    assert unit.serial_tracked and unit.vat_rate_bp == 1300
    service = add(demo_db, barcode=make_ean13("690123456790"),
                  category_code=kinds[CategoryKind.SERVICE], name="A service card")
    assert not service.serial_tracked and service.vat_rate_bp == 600


@pytest.mark.parametrize("name", ["Li Na", "Wang Qiang"])
def test_only_a_manager_or_an_administrator_may_add_a_product(demo_db, name):
    before = state(demo_db)
    with pytest.raises(UserError) as refused:
        add(demo_db, staff_id=staff_id(demo_db, name))
    assert refused.value.message_id == "catalog.add_managers_only"
    assert state(demo_db) == before


@pytest.mark.parametrize("changes, message_id", [
    (dict(barcode="6923150020022"), "catalog.barcode_taken"),  # the demo's notebook
    (dict(barcode="6901234567890"), "barcode.bad_check_digit"),
    (dict(barcode="12AB"), "barcode.not_digits"),
    (dict(name="   "), "text.required"),
    (dict(name="x" * 201), "text.too_long"),
    (dict(name="bad\x1bname"), "text.control_characters"),
    (dict(category_code="NOPE"), "catalog.unknown_category"),
    (dict(price=0), "catalog.price_positive"),
    (dict(price=-100), "catalog.price_positive"),
    (dict(price=10_000_000_000), "amount.too_large"),
    (dict(cost=-1), "value.negative"),
    (dict(stock=-1), "value.negative"),
    (dict(stock=1_000_001), "value.too_large"),
    (dict(vat_rate_bp=10_001), "catalog.vat_over_100"),
])
def test_a_bad_value_is_refused_naming_it_and_nothing_is_written(demo_db, changes, message_id):
    before = state(demo_db)
    with pytest.raises(UserError) as refused:
        add(demo_db, **changes)
    assert refused.value.message_id == message_id
    assert state(demo_db) == before


def test_a_barcode_added_twice_is_refused_the_second_time_naming_the_first(demo_db):
    add(demo_db)
    before = state(demo_db)
    with pytest.raises(UserError) as refused:
        add(demo_db, name="Another name")
    assert refused.value.message_id == "catalog.barcode_taken"
    assert refused.value.params["owner"] == NEW_CODE
    assert state(demo_db) == before


def test_money_is_integer_minor_units(demo_db):
    with pytest.raises(TypeError):
        add(demo_db, price=199.0)
