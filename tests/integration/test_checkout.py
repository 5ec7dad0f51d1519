"""Cart to completed sale on a real database, with the demo store."""

from datetime import date

import pytest
from sqlalchemy import select

from pos.db.engine import Database
from pos.db.models import Product, Sale, ServiceCard, SheetOutcome, StoreStock
from pos.kernel.enums import Outcome, OutcomeSubject
from pos.kernel.errors import UserError
from pos.ledger import verify
from pos.people import customers
from pos.selling import cards, checkout, completion, parking, sheet
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import (
    NOTEBOOK, PHONE, db_state, frozen, item_id, new_cart, staff_id, tier_id,
)

TODAY = date(2026, 11, 23)


def notebook_sale(db):
    """Notebook with a bag and a mouse sold, screen film declined, gold card, serial."""
    cart = new_cart(db)
    unit = checkout.add_product(db, cart, code=NOTEBOOK)
    sheet.mark_item(db, cart, main_line_id=unit.line_id,
                    item_id=item_id(db, cart, unit.line_id, "bag"), outcome="sold")
    sheet.mark_item(db, cart, main_line_id=unit.line_id,
                    item_id=item_id(db, cart, unit.line_id, "wireless-mouse"), outcome="sold")
    sheet.mark_item(db, cart, main_line_id=unit.line_id,
                    item_id=item_id(db, cart, unit.line_id, "screen-film"), outcome="declined")
    customer = customers.create_customer(db, phone="138-0013-8000", name="Chen Jie")
    checkout.set_customer(db, cart, customer_id=customer.id)
    cards.add_card(db, cart, main_line_id=unit.line_id,
                   tier_id=tier_id(db, cart, unit.line_id, "gold"))
    checkout.set_serial(db, cart, line_id=unit.line_id, serial="pf3abc12")
    return cart, unit


def test_a_whole_sale_is_persisted_with_outcomes_card_payments_and_stock(demo_db):
    db = demo_db
    cart, unit = notebook_sale(db)
    due = sum(line.total for line in cart.lines)
    before = db_state(db)
    result = completion.complete_sale(db, cart, tenders=[TenderInput("cash", due + 5000)],
                                      business_date=TODAY)
    assert result.receipt_no == "T01-000001" and result.change == 5000
    with db.read() as session:
        sale = session.get(Sale, result.sale_id)
        assert sale.total == due and [l.kind.value for l in sale.lines] == [
            "main_unit", "accessory", "accessory", "card"]
        assert sale.lines[0].serial == "PF3ABC12"
        assert all(l.parent_line_id == sale.lines[0].id for l in sale.lines[1:])
        outcomes = {o.item_code: o.outcome for o in session.scalars(
            select(SheetOutcome).where(SheetOutcome.sale_id == sale.id))}
        assert outcomes["bag"] is Outcome.SOLD and outcomes["wireless-mouse"] is Outcome.SOLD
        assert outcomes["screen-film"] is Outcome.DECLINED
        assert outcomes["cooling-pad"] is Outcome.NOT_OFFERED
        assert outcomes["service-card"] is Outcome.SOLD
        card = session.scalar(select(ServiceCard).where(ServiceCard.sale_id == sale.id))
        assert card.card_no == result.card_numbers[0] == "T01-C000001"
        # the gold card: on-site service "from 1 to 3 years" ends at sale + 36 months
        assert (card.start_date, card.end_date) == (TODAY, date(2029, 11, 23))
        assert card.unit_serial == "PF3ABC12"
        stock = session.scalar(select(StoreStock.on_hand).join(
            Product, Product.id == StoreStock.product_id).where(Product.barcode == NOTEBOOK))
    assert db_state(db)[-1] == before[-1] - 3  # notebook, bag, mouse
    assert stock >= 0
    assert verify.verify(db).ok


def test_completing_the_same_cart_twice_makes_one_sale(demo_db):
    cart = new_cart(demo_db)
    checkout.add_product(demo_db, cart, code="BAG-NB-156")
    first = completion.complete_sale(demo_db, cart, tenders=[TenderInput("wechat", cart.lines[0].total)])
    again = completion.complete_sale(demo_db, cart, tenders=[TenderInput("wechat", cart.lines[0].total)])
    assert again.receipt_no == first.receipt_no and again.replayed and not first.replayed
    assert db_state(demo_db)[0] == 1


def test_receipt_numbers_run_without_gaps_per_terminal(demo_db):
    numbers = []
    for terminal in ("T01", "T02", "T01", "T01", "T02"):
        cart = new_cart(demo_db, terminal=terminal)
        checkout.add_product(demo_db, cart, code="BAG-NB-156")
        numbers.append(completion.complete_sale(
            demo_db, cart, tenders=[TenderInput("cash", 100000)]).receipt_no)
    assert numbers == ["T01-000001", "T02-000001", "T01-000002", "T01-000003", "T02-000002"]


def test_two_phones_have_two_sheets_and_their_own_outcomes(demo_db):
    db = demo_db
    cart = new_cart(db)
    first = checkout.add_product(db, cart, code=PHONE)
    second = checkout.add_product(db, cart, code=PHONE)
    assert first.line_id != second.line_id and len(cart.main_units()) == 2
    case = item_id(db, cart, first.line_id, "case")
    sheet.mark_item(db, cart, main_line_id=first.line_id, item_id=case, outcome="sold")
    sheet.mark_item(db, cart, main_line_id=second.line_id, item_id=case, outcome="declined")
    rows_first = {r.code: r.outcome for r in sheet.sheet_rows(db, cart, main_line_id=first.line_id)}
    rows_second = {r.code: r.outcome for r in sheet.sheet_rows(db, cart, main_line_id=second.line_id)}
    assert rows_first["case"] == "sold" and rows_second["case"] == "declined"
    checkout.set_serial(db, cart, line_id=first.line_id, serial="356938035643809")
    checkout.set_serial(db, cart, line_id=second.line_id, serial="356938035643817")
    total = sum(l.total for l in cart.lines)
    sale = completion.complete_sale(db, cart, tenders=[TenderInput("alipay", total)])
    with db.read() as session:
        outcomes = session.scalars(select(SheetOutcome).where(
            SheetOutcome.sale_id == sale.sale_id, SheetOutcome.item_code == "case")).all()
        assert sorted(o.outcome.value for o in outcomes) == ["declined", "sold"]
        cards = session.scalars(select(SheetOutcome).where(
            SheetOutcome.sale_id == sale.sale_id,
            SheetOutcome.subject == OutcomeSubject.SERVICE_CARD)).all()
        assert [c.outcome for c in cards] == [Outcome.NOT_OFFERED, Outcome.NOT_OFFERED]


def test_sheet_candidates_come_highest_price_first_with_stock(demo_db):
    cart = new_cart(demo_db)
    unit = checkout.add_product(demo_db, cart, code=NOTEBOOK)
    for row in sheet.sheet_rows(demo_db, cart, main_line_id=unit.line_id):
        if row.pack_price is None:
            prices = [c.price for c in row.candidates]
            assert prices == sorted(prices, reverse=True)
        assert all(c.stock >= 0 for c in row.candidates)
        assert row.script


def test_a_gift_pack_adds_its_parts_adding_up_to_the_pack_price(demo_db):
    cart = new_cart(demo_db)
    unit = checkout.add_product(demo_db, cart, code=NOTEBOOK)
    pack = next(r for r in sheet.sheet_rows(demo_db, cart, main_line_id=unit.line_id)
                if r.pack_price is not None and len(r.candidates) > 2)
    sheet.mark_item(demo_db, cart, main_line_id=unit.line_id, item_id=pack.item_id, outcome="sold")
    parts = [l for l in cart.lines if l.pack_code == pack.code]
    assert len(parts) == len(pack.candidates)
    assert sum(l.total for l in parts) == pack.pack_price
    # marking it declined takes the parts out again
    sheet.mark_item(demo_db, cart, main_line_id=unit.line_id, item_id=pack.item_id,
                    outcome="declined")
    assert not [l for l in cart.lines if l.pack_code == pack.code]


def test_card_status_tells_chosen_declined_or_not_asked(demo_db):
    cart, unit = notebook_sale(demo_db)
    assert cart.card_status(unit.line_id) == "chosen"
    other = checkout.add_product(demo_db, cart, code="6923150020039")
    assert cart.card_status(other.line_id) == "not_asked"
    cards.decline_card(cart, main_line_id=other.line_id)
    assert cart.card_status(other.line_id) == "declined"


def test_card_price_follows_the_units_price_band(demo_db):
    cart = new_cart(demo_db)
    dear = checkout.add_product(demo_db, cart, code="6923150020015")  # 9999.00
    cheap = checkout.add_product(demo_db, cart, code="6923150020046")  # 3299.00
    dear_offer = {o.code: o.price for o in cards.eligible_tiers(demo_db, cart, main_line_id=dear.line_id)}
    cheap_offer = {o.code: o.price for o in cards.eligible_tiers(demo_db, cart, main_line_id=cheap.line_id)}
    assert dear_offer["gold"] > cheap_offer["gold"]
    assert "digital-1y" not in dear_offer and "screen-break" not in dear_offer


def test_on_account_is_due_in_3_days_for_consumers_and_30_for_business(demo_db):
    from pos.accounts.accounts import open_account
    from pos.db.models import Payment

    due_dates = []
    for kind, phone in (("consumer", "13900000001"), ("business", "13900000002")):
        cart = new_cart(demo_db)
        checkout.add_product(demo_db, cart, code="BAG-NB-156")
        customer = customers.create_customer(demo_db, phone=phone, name="Buyer", kind=kind,
                                             company="Acme Ltd" if kind == "business" else None)
        checkout.set_customer(demo_db, cart, customer_id=customer.id)
        open_account(demo_db, customer=customer.id, staff_id=staff_id(demo_db, "manager"))
        sale = completion.complete_sale(demo_db, cart, business_date=TODAY,
                                        tenders=[TenderInput("on_account", cart.lines[0].total)])
        with demo_db.read() as session:
            due_dates.append(session.scalar(select(Payment.due_date).where(Payment.sale_id == sale.sale_id)))
    assert due_dates == [date(2026, 11, 26), date(2026, 12, 23)]


def test_parked_carts_survive_a_restart(demo_db):
    cart, unit = notebook_sale(demo_db)
    parking.park_cart(demo_db, cart, label="Chen Jie notebook")
    restarted = Database(demo_db.url)
    parked = parking.list_parked(restarted, terminal="T01")
    assert [(p.label, p.lines) for p in parked] == [("Chen Jie notebook", 4)]
    resumed = parking.resume_cart(restarted, cart_uuid=parked[0].cart_uuid, staff_id=cart.staff_id)
    assert resumed == cart
    assert parking.list_parked(restarted, terminal="T01") == []
    due = sum(l.total for l in resumed.lines)
    completion.complete_sale(restarted, resumed, tenders=[TenderInput("cash", due)])
    restarted.dispose()


def test_a_discount_beyond_the_limit_takes_a_managers_approval_for_that_line(demo_db):
    from pos.ledger import audit
    from pos.people import approvals
    from tests.integration.checkout_helpers import staff_id

    cart = new_cart(demo_db)
    line = checkout.add_product(demo_db, cart, code="BAG-NB-156")
    other = checkout.add_product(demo_db, cart, code="PRO-CLN-PC")
    approval = approvals.approve(demo_db, action="discount_beyond_limit",
                                 ref=checkout.line_ref(cart, line.line_id),
                                 amount=line.gross // 5,  # the 20% it is for
                                 requested_by=cart.staff_id, manager_id=staff_id(demo_db, "manager"),
                                 pin="9999")
    refused(demo_db, cart, lambda: checkout.discount_line(
        demo_db, cart, line_id=other.line_id, percent_bp=2000, approval_id=approval),
        "given for something else")
    checkout.discount_line(demo_db, cart, line_id=line.line_id, percent_bp=2000,
                           approval_id=approval)
    assert line.discount == line.gross // 5
    assert any(e.action == "discount_beyond_limit" for e in audit.list_audit(demo_db))


def test_a_discount_within_the_limit_is_applied(demo_db):
    cart = new_cart(demo_db)
    line = checkout.add_product(demo_db, cart, code="BAG-NB-156")
    checkout.discount_line(demo_db, cart, line_id=line.line_id, percent_bp=1000)
    assert line.discount == line.gross // 10
    manager_cart = new_cart(demo_db, role="manager")
    big = checkout.add_product(demo_db, manager_cart, code="BAG-NB-156")
    checkout.discount_line(demo_db, manager_cart, line_id=big.line_id, percent_bp=3000)
    assert big.discount > 0


# --- refusals: a clear UserError, the cart and the database unchanged ---------------


def refused(db, cart, action, match):
    cart_before, db_before = frozen(cart), db_state(db)
    with pytest.raises(UserError, match=match):
        action()
    assert cart == cart_before
    assert db_state(db) == db_before


def test_refusals_leave_cart_and_database_unchanged(demo_db):
    db = demo_db
    cart = new_cart(db)
    unit = checkout.add_product(db, cart, code=NOTEBOOK)
    bag = checkout.add_product(db, cart, code="BAG-NB-156")
    refused(db, cart, lambda: checkout.add_product(db, cart, code="0000000000000"),
            "No product has the barcode")
    refused(db, cart, lambda: checkout.add_product(db, cart, code="BAG-NB-156", quantity=0),
            "above zero")
    refused(db, cart, lambda: checkout.set_quantity(cart, line_id=bag.line_id, quantity=-2),
            "above zero")
    refused(db, cart, lambda: checkout.discount_line(db, cart, line_id=bag.line_id, percent_bp=1500),
            "at most 10% of a line; this needs a manager")
    gold = tier_id(db, cart, unit.line_id, "gold")
    refused(db, cart, lambda: cards.add_card(db, cart, main_line_id=unit.line_id, tier_id=gold),
            "needs the customer")
    consumer = customers.create_customer(db, phone="13700000000", name="Li")
    checkout.set_customer(db, cart, customer_id=consumer.id)
    blue = tier_id(db, cart, unit.line_id, "blue-gold")
    refused(db, cart, lambda: cards.add_card(db, cart, main_line_id=unit.line_id, tier_id=blue),
            "for business customers")
    camera_tier = None
    from pos.db.models import ServiceTier
    with db.read() as session:
        camera_tier = session.scalar(select(ServiceTier.id).where(ServiceTier.code == "digital-1y"))
    refused(db, cart, lambda: cards.add_card(db, cart, main_line_id=unit.line_id, tier_id=camera_tier),
            "not available")
    due = sum(l.total for l in cart.lines)
    refused(db, cart, lambda: completion.complete_sale(db, cart, tenders=[TenderInput("cash", due)]),
            "serial number of")
    checkout.set_serial(db, cart, line_id=unit.line_id, serial="SN-0001")
    refused(db, cart, lambda: completion.complete_sale(db, cart, tenders=[TenderInput("cash", due - 1)]),
            "Not enough tendered")
    refused(db, cart, lambda: completion.complete_sale(db, cart, tenders=[TenderInput("bank_card", due + 100)]),
            "cannot exceed")
    refused(db, cart, lambda: completion.complete_sale(
        db, cart, tenders=[TenderInput("bank_card", due, reference="6222 0200 1234 5678")]),
            "Never type a card number")
    completion.complete_sale(db, cart, tenders=[TenderInput("bank_card", due, reference="A1B2",
                                                            card_last4="5678")])
    again = new_cart(db)
    second = checkout.add_product(db, again, code=NOTEBOOK)
    refused(db, again, lambda: checkout.set_serial(db, again, line_id=second.line_id, serial="sn-0001"),
            "already been sold")
    third = checkout.add_product(db, again, code=NOTEBOOK)
    checkout.set_serial(db, again, line_id=second.line_id, serial="SN-0002")
    refused(db, again, lambda: checkout.set_serial(db, again, line_id=third.line_id, serial="SN-0002"),
            "already on another line")


# --- the journal --------------------------------------------------------------------


def three_sales(db):
    for _ in range(3):
        cart = new_cart(db)
        checkout.add_product(db, cart, code="BAG-NB-156")
        completion.complete_sale(db, cart, tenders=[TenderInput("cash", 100000)])


def seq_of(db, receipt_no: str) -> int:
    from pos.db.models import JournalEntry

    with db.read() as session:
        return session.scalar(select(JournalEntry.seq).where(JournalEntry.doc_ref == receipt_no))


# {n} is the journal place of sale T01-000002 (the demo store's staff come first)
@pytest.mark.parametrize(
    "tamper, problem",
    [
        ("UPDATE sales SET total = total - 100 WHERE receipt_no = 'T01-000002'",
         "journal #{n} (sale T01-000002): the sale was altered"),
        ("UPDATE sale_lines SET unit_price = 1 WHERE sale_id = "
         "(SELECT id FROM sales WHERE receipt_no = 'T01-000002')",
         "journal #{n} (sale T01-000002): the sale was altered"),
        ("UPDATE journal_entries SET payload = replace(payload, '\"total\"', '\"totals\"') "
         "WHERE seq = {n}", "journal #{n} (sale T01-000002): the journal entry was altered"),
        ("DELETE FROM journal_entries WHERE seq = {n}", "journal #{n} is missing"),
        ("UPDATE journal_entries SET seq = seq + 10 WHERE seq = {n}", "journal #{n} is missing"),
    ],
)
def test_journal_verify_finds_the_first_tampered_document(demo_db, tamper, problem):
    from sqlalchemy import text

    three_sales(demo_db)
    assert verify.verify(demo_db).ok
    n = seq_of(demo_db, "T01-000002")
    with demo_db.unit_of_work() as session:
        session.execute(text(tamper.replace("{n}", str(n))))
    result = verify.verify(demo_db)
    assert not result.ok and result.problem.startswith(problem.format(n=n))


def test_journal_verify_notices_swapped_entries(demo_db):
    from sqlalchemy import text

    three_sales(demo_db)
    second, third = seq_of(demo_db, "T01-000002"), seq_of(demo_db, "T01-000003")
    with demo_db.unit_of_work() as session:
        session.execute(text(f"UPDATE journal_entries SET seq = -seq WHERE seq IN ({second}, {third})"))
        session.execute(text(f"UPDATE journal_entries SET seq = {third} WHERE seq = -{second}"))
        session.execute(text(f"UPDATE journal_entries SET seq = {second} WHERE seq = -{third}"))
    result = verify.verify(demo_db)
    assert not result.ok and (f"journal #{second} (sale T01-000003): the journal entry was "
                              "altered or moved") in result.problem


def test_pos_journal_verify_exits_non_zero_on_a_broken_chain(sqlite_demo_db, capsys):
    from sqlalchemy import text

    from pos.cli import main

    three_sales(sqlite_demo_db)
    url = f"--db={sqlite_demo_db.url}"
    assert main([url, "journal", "verify"]) == 0
    # the demo's catalog stock and staff (each added and sealed), the shift the first
    # sale opened, 3 sales
    assert "journal intact: 11 documents verified" in capsys.readouterr().out
    with sqlite_demo_db.unit_of_work() as session:
        session.execute(text("UPDATE sale_lines SET unit_price = unit_price + 1 WHERE sale_id "
                             "= (SELECT id FROM sales WHERE receipt_no = 'T01-000003')"))
    assert main([url, "journal", "verify"]) == 2
    n = seq_of(sqlite_demo_db, "T01-000003")
    assert f"journal #{n} (sale T01-000003): the sale was altered" in capsys.readouterr().err


def test_a_price_override_needs_a_reason_and_a_manager_and_is_kept_on_the_sale(demo_db):
    from pos.ledger import audit
    from pos.people import approvals
    from tests.integration.checkout_helpers import staff_id

    cart = new_cart(demo_db)
    line = checkout.add_product(demo_db, cart, code="BAG-NB-156")
    refused(demo_db, cart, lambda: checkout.override_price(demo_db, cart, line_id=line.line_id,
                                                           price=100, reason=" "), "needs a reason")
    refused(demo_db, cart, lambda: checkout.override_price(
        demo_db, cart, line_id=line.line_id, price=9900, reason="matched JD.com price"),
        "A manager must approve this")
    approval = approvals.approve(demo_db, action="price_override",
                                 ref=checkout.line_ref(cart, line.line_id), amount=9900,
                                 requested_by=cart.staff_id, manager_id=staff_id(demo_db, "manager"),
                                 pin="9999")
    checkout.override_price(demo_db, cart, line_id=line.line_id, price=9900,
                            reason="matched JD.com price", approval_id=approval)
    assert any(e.action == "price_override" and e.details["to"] == 9900
               for e in audit.list_audit(demo_db))
    sale = completion.complete_sale(demo_db, cart, tenders=[TenderInput("cash", 9900)])
    with demo_db.read() as session:
        from pos.db.models import SaleLine
        row = session.scalar(select(SaleLine).where(SaleLine.sale_id == sale.sale_id))
        assert (row.unit_price, row.override_reason) == (9900, "matched JD.com price")
        assert row.list_price > row.unit_price


def test_removing_a_unit_removes_what_was_sold_with_it(demo_db):
    cart, unit = notebook_sale(demo_db)
    loose = checkout.add_product(demo_db, cart, code="BAG-NB-156")
    checkout.set_quantity(cart, line_id=loose.line_id, quantity=2)
    checkout.remove_line(cart, line_id=unit.line_id)
    assert [(l.sku, l.quantity) for l in cart.lines] == [("BAG-NB-156", 2)]
    assert cart.outcomes == {}


def test_scanning_a_loose_accessory_twice_adds_to_its_quantity(demo_db):
    cart = new_cart(demo_db)
    first = checkout.add_product(demo_db, cart, code="BAG-NB-156")
    again = checkout.add_product(demo_db, cart, code="BAG-NB-156")
    assert first is again and first.quantity == 2 and len(cart.lines) == 1
