"""Service-card dates that keep the card's promise, on SQLite and PostgreSQL: the gold
card ends 36 months after the sale, a hardware extension follows the maker's warranty
of the unit (its product's, else its category's), and the maker's warranty comes from
the catalog CSV's optional warranty_months column."""

from datetime import date

import pytest
from sqlalchemy import select, update

from pos.catalog import products
from pos.db.models import Category, Product, ServiceCard
from pos.kernel.errors import UserError
from pos.people import customers
from pos.printjobs.records import load_card, load_sale
from pos.selling import addons, cards, checkout, completion
from pos.selling.cart import TenderInput
from printing.labels import say
from tests.integration.checkout_helpers import NOTEBOOK, db_state, new_cart, staff_id, tier_id

SALE_DAY = date(2026, 11, 23)


def sell_notebook(db, card: str, *, day: date = SALE_DAY, serial: str = "PF3COVER1"):
    """A notebook with one service card, paid in cash on `day`."""
    cart = notebook_cart(db, card, serial=serial)
    due = sum(line.total for line in cart.lines)
    return completion.complete_sale(db, cart, tenders=[TenderInput("cash", due)],
                                    business_date=day)


def notebook_cart(db, card: str, *, serial: str = "PF3COVER1"):
    cart = new_cart(db)
    unit = checkout.add_product(db, cart, code=NOTEBOOK)
    customer = (customers.find_customer(db, phone="13800138000")
                or customers.create_customer(db, phone="13800138000", name="Chen Jie"))
    checkout.set_customer(db, cart, customer_id=customer.id)
    cards.add_card(db, cart, main_line_id=unit.line_id,
                   tier_id=tier_id(db, cart, unit.line_id, card))
    checkout.set_serial(db, cart, line_id=unit.line_id, serial=serial)
    return cart


def card_dates(db, sale) -> tuple[date, date | None]:
    with db.read() as session:
        card = session.scalar(select(ServiceCard).where(ServiceCard.sale_id == sale.sale_id))
        return card.start_date, card.end_date


def set_warranty(db, *, product: int | None = None, category: int | None = None,
                 clear_product: bool = False) -> None:
    with db.unit_of_work() as session:
        if product is not None or clear_product:
            session.execute(update(Product).where(Product.barcode == NOTEBOOK)
                            .values(warranty_months=product))
        session.execute(update(Category).where(Category.code == "NOTEBOOK")
                        .values(warranty_months=category))


def test_the_gold_card_ends_36_months_after_the_sale(demo_db):
    sale = sell_notebook(demo_db, "gold")
    assert card_dates(demo_db, sale) == (SALE_DAY, date(2029, 11, 23))
    receipt = load_sale(demo_db, receipt_no=sale.receipt_no)
    assert say(receipt.cards[0].terms, "en") == (
        "On-site software service for 36 months from the sale (to 2029-11-23)")


def test_a_two_year_extension_runs_from_month_12_to_month_36_of_a_12_month_warranty(demo_db):
    sale = sell_notebook(demo_db, "hw-2y")
    assert card_dates(demo_db, sale) == (date(2027, 11, 23), date(2029, 11, 23))
    store, card = load_card(demo_db, card_no=sale.card_numbers[0])
    assert say(card.terms, "zh_CN") == "厂商12个月保修期满后送修硬件保修24个月（2027-11-23至2029-11-23）"
    assert load_sale(demo_db, receipt_no=sale.receipt_no).warranties == {1: 12}


def test_a_products_own_24_month_warranty_moves_the_extension(demo_db):
    set_warranty(demo_db, product=24, category=12)
    sale = sell_notebook(demo_db, "hw-2y")
    assert card_dates(demo_db, sale) == (date(2028, 11, 23), date(2030, 11, 23))
    record = load_sale(demo_db, receipt_no=sale.receipt_no)
    assert record.warranties == {1: 24} and record.sheets[0].warranty_months == 24


def test_an_extension_for_a_unit_of_unknown_warranty_is_refused(demo_db):
    set_warranty(demo_db, category=None, clear_product=True)
    cart = new_cart(demo_db)
    unit = checkout.add_product(demo_db, cart, code=NOTEBOOK)
    customer = customers.create_customer(demo_db, phone="13800138000", name="Chen Jie")
    checkout.set_customer(demo_db, cart, customer_id=customer.id)
    with pytest.raises(UserError) as refused:
        cards.add_card(demo_db, cart, main_line_id=unit.line_id,
                       tier_id=tier_id(demo_db, cart, unit.line_id, "hw-1y"))
    assert refused.value.message_id == "card.unit_warranty_unknown"
    assert not cart.card_lines(unit.line_id)
    # a card that starts at the sale needs no warranty
    assert sell_notebook(demo_db, "gold", serial="PF3COVER2").card_numbers


def test_completion_refuses_an_extension_whose_warranty_went_missing_and_writes_nothing(demo_db):
    cart = notebook_cart(demo_db, "hw-1y")  # offered while the category said 12 months
    set_warranty(demo_db, category=None, clear_product=True)
    before = db_state(demo_db)
    due = sum(line.total for line in cart.lines)
    with pytest.raises(UserError) as refused:
        completion.complete_sale(demo_db, cart, tenders=[TenderInput("cash", due)],
                                 business_date=SALE_DAY)
    assert refused.value.message_id == "card.unit_warranty_unknown"
    assert db_state(demo_db) == before


def test_an_installers_extension_counts_from_the_day_the_unit_was_sold(demo_db):
    sale = sell_notebook(demo_db, "gold")
    cart = addons.open_addon(demo_db, receipt_no=sale.receipt_no,
                             staff_id=staff_id(demo_db, "installer"), terminal="T02")
    unit = cart.main_units()[0]
    cards.add_card(demo_db, cart, main_line_id=unit.line_id,
                   tier_id=tier_id(demo_db, cart, unit.line_id, "hw-1y"))
    due = sum(line.total for line in cart.lines)
    addon = completion.complete_sale(demo_db, cart, tenders=[TenderInput("cash", due)],
                                     business_date=date(2027, 1, 5))
    assert card_dates(demo_db, addon) == (date(2027, 11, 23), date(2028, 11, 23))
    record = load_sale(demo_db, receipt_no=sale.receipt_no)
    later = [card for card in record.sheets[0].cards if card.card_no == addon.card_numbers[0]]
    assert say(later[0].terms, "en") == ("Carry-in hardware warranty for 12 months after the "
                                         "maker's 12-month warranty (2027-11-23 to 2028-11-23)")


def test_the_tills_offer_states_the_promise_for_this_unit(demo_db):
    cart = new_cart(demo_db)
    unit = checkout.add_product(demo_db, cart, code=NOTEBOOK)
    offers = {o.code: o for o in cards.eligible_tiers(demo_db, cart, main_line_id=unit.line_id)}
    assert offers["hw-2y"].warranty_months == 12
    assert say(offers["hw-2y"].terms, "en") == (
        "Carry-in hardware warranty for 24 months after the maker's 12-month warranty")
    assert say(offers["silver"].terms, "zh_CN") == "自购买之日起终身送修软件服务"


# --- the maker's warranty in the catalog CSV -------------------------------------------

HEADER = "sku,barcode,name,category,price,cost,stock,role,serial_tracked,vat_rate"
ROW = "NB-LEN-XXPRO14,6923150020022,Lenovo Xiaoxin Pro 14,NOTEBOOK,6499,6049,10,mainstream,yes,13"


def warranties(db) -> tuple[int | None, int | None]:
    with db.read() as session:
        return session.execute(
            select(Product.warranty_months, Category.warranty_months).join(Category)
            .where(Product.sku == "NB-LEN-XXPRO14")).one()


def test_the_catalog_sets_a_products_warranty_and_a_file_without_the_column_keeps_it(demo_db):
    assert warranties(demo_db) == (None, 12)  # the category's
    products.import_catalog_file(demo_db, data=f"{HEADER},warranty_months\n{ROW},24\n".encode())
    assert warranties(demo_db) == (24, 12)
    products.import_catalog_file(demo_db, data=f"{HEADER}\n{ROW}\n".encode())
    assert warranties(demo_db) == (24, 12)  # the column left out: unchanged
    products.import_catalog_file(demo_db, data=f"{HEADER},warranty_months\n{ROW},\n".encode())
    assert warranties(demo_db) == (None, 12)  # empty: the category's again
    exported = products.export_catalog(demo_db).decode("utf-8-sig")
    assert exported.splitlines()[0] == HEADER + ",warranty_months"


def test_categories_carry_the_default_warranty(demo_db):
    products.import_categories_file(demo_db, data=(
        "code,name,kind,sheet_layout,warranty_months\n"
        "NOTEBOOK,Notebooks,main_unit,notebook,18\n").encode())
    assert warranties(demo_db) == (None, 18)
    assert "NOTEBOOK,Notebooks,main_unit,notebook,18" in \
        products.export_categories(demo_db).decode("utf-8-sig")


@pytest.mark.parametrize("value", ["-1", "121", "12.5", "twelve", "１２", "9" * 30])
def test_a_bad_warranty_is_refused_with_its_line_and_nothing_changes(demo_db, value):
    before = products.export_catalog(demo_db)
    data = f"{HEADER},warranty_months\n{ROW},24\n{ROW.replace('XXPRO14', 'OTHER')},{value}\n"
    with pytest.raises(UserError) as refused:
        products.import_catalog_file(demo_db, data=data.replace(
            "OTHER,6923150020022", "OTHER,").encode())
    assert [str(detail) for detail in refused.value.details] == [
        f"line 3, warranty_months: '{value[:24]}{'…' if len(value) > 24 else ''}' is not a "
        "warranty: write the maker's warranty in whole months from 0 to 120, or leave it "
        "empty for the category's"]
    assert products.export_catalog(demo_db) == before
    assert warranties(demo_db) == (None, 12)


# --- tiers from before revision 0011 -------------------------------------------------


def test_tiers_from_before_keep_their_dates_and_the_demos_extensions_say_hardware(tmp_path):
    from sqlalchemy import text

    from pos.db import schema
    from pos.db.engine import Database

    database = Database(f"sqlite:///{tmp_path / 'old.db'}")
    schema.upgrade(database.engine, target="0010")
    with database.engine.begin() as connection:
        for position, code in enumerate(("gold", "hw-2y", "screen-break"), start=1):
            connection.execute(text(
                "INSERT INTO service_tiers (code, name, description, audience, term_months, "
                "service_mode, units_covered, position, active) VALUES "
                "(:code, :code, '', 'consumer', 24, 'carry_in', 1, :position, 1)"),
                {"code": code, "position": position})
    schema.upgrade(database.engine)
    with database.engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT code, scope, starts FROM service_tiers ORDER BY position")).all()
    database.dispose()
    assert [tuple(row) for row in rows] == [("gold", "software", "sale"),
                                            ("hw-2y", "hardware", "sale"),
                                            ("screen-break", "screen", "sale")]
