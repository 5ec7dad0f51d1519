"""A customer's history as the till shows it on F4 (pos.people.followups.customer_record):
their sales, the units they bought with serials, their service cards with tier, end date
and state, and their follow-up calls; newest first, bounded, read in one transaction,
on SQLite and PostgreSQL."""

from datetime import date

import pytest
from sqlalchemy import event

from pos.aftersale import voids
from pos.catalog.coverage import add_months
from pos.kernel.errors import UserError
from pos.people import customers, followups
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import db_state, new_cart, staff_id
from tests.integration.test_corrections import notebook_sale, notebook_sale_again
from tests.integration.test_followups import bag_sale

TODAY = date.today()


def test_the_history_shows_sales_units_with_serials_and_cards_with_their_end(demo_db):
    sale = notebook_sale(demo_db)  # Chen Jie: notebook SN-RET-1 with a gold card
    notebook_sale_again(demo_db)  # Zhou's: none of it is Chen Jie's
    record = followups.customer_record(demo_db, phone="+86 138-0013-8000")
    assert (record.name, record.phone, record.kind) == ("Chen Jie", "13800138000", "consumer")
    assert [(s.receipt_no, s.kind, s.business_date, s.total) for s in record.sales] == [
        (sale.receipt_no, "sale", TODAY, sale.total)]
    assert (record.sales_count, record.spent) == (1, sale.total)
    assert [(u.receipt_no, u.name.startswith("Lenovo"), u.serial, u.returned)
            for u in record.units] == [(sale.receipt_no, True, "SN-RET-1", False)]
    # the gold card: on-site service "from 1 to 3 years", so 36 months from the sale
    assert [(c.tier_name, c.unit_name.startswith("Lenovo"), c.unit_serial, c.start_date,
             c.end_date, c.state) for c in record.cards] == [
        ("Gold card", True, "SN-RET-1", TODAY, add_months(TODAY, 36), "active")]
    assert (record.units_count, record.cards_count, record.calls, record.calls_count) == (
        1, 1, (), 0)
    assert followups.customer_record(demo_db, customer_id=record.id) == record


def test_a_void_shows_as_its_own_document_the_unit_as_returned_and_the_card_cancelled(demo_db):
    sale = notebook_sale(demo_db)
    void = voids.void_sale(demo_db, receipt_no=sale.receipt_no,
                           staff_id=staff_id(demo_db, "manager"))
    record = followups.customer_record(demo_db, phone="13800138000")
    assert [(s.receipt_no, s.kind, s.total) for s in record.sales] == [
        (void.receipt_no, "void", -sale.total), (sale.receipt_no, "sale", sale.total)]
    assert record.spent == 0
    assert [(u.serial, u.returned) for u in record.units] == [("SN-RET-1", True)]
    assert [c.state for c in record.cards] == ["cancelled"]


def test_follow_up_calls_show_who_called_how_it_went_and_the_notes(demo_db):
    bag_sale(demo_db, "13900000002", "Wang", kind="business", company="Acme 科技")
    buyer = followups.recent_buyers(demo_db, days=7)[0]
    seller = staff_id(demo_db, "cashier")
    followups.assign_calls(demo_db, customer_ids=[buyer.customer_id], staff_id=seller)
    call = followups.my_calls(demo_db, staff_id=seller)[0]
    followups.record_call(demo_db, followup_id=call.id, staff_id=seller, outcome="interested",
                          notes="wants a 27\" monitor")
    followups.assign_calls(demo_db, customer_ids=[buyer.customer_id],
                           staff_id=staff_id(demo_db, "manager"), reason="card_renewal")
    record = followups.customer_record(demo_db, phone="13900000002")
    assert (record.kind, record.company) == ("business", "Acme 科技")
    assert [(c.staff_name, c.reason, c.outcome, c.notes, c.called_at is not None)
            for c in record.calls] == [
        ("Zhang Wei", "card_renewal", "not_called", "", False),
        ("Li Na", "recent_purchase", "interested", "wants a 27\" monitor", True)]
    assert record.calls_count == 2


def test_the_history_is_bounded_to_the_newest_rows_with_the_count_of_all(demo_db):
    first = bag_sale(demo_db, "13900000003", "Zhao")
    zhao = customers.find_customer(demo_db, phone="13900000003")
    receipts = [first.receipt_no]
    for _ in range(3):
        receipts.append(_bag_for(demo_db, zhao.id).receipt_no)
    record = followups.customer_record(demo_db, customer_id=zhao.id, limit=2)
    assert [s.receipt_no for s in record.sales] == receipts[::-1][:2]
    assert record.sales_count == 4
    assert record.spent == sum(s.total for s in followups.customer_record(
        demo_db, customer_id=zhao.id).sales)


def _bag_for(db, customer_id):
    cart = new_cart(db)
    checkout.add_product(db, cart, code="BAG-NB-156")
    checkout.set_customer(db, cart, customer_id=customer_id)
    return completion.complete_sale(db, cart, tenders=[TenderInput("cash", cart.lines[0].total)])


def test_the_history_is_read_in_one_transaction_and_writes_nothing(demo_db):
    notebook_sale(demo_db)
    before = db_state(demo_db)
    begins = []

    def began(connection):
        begins.append(connection)

    event.listen(demo_db.engine, "begin", began)
    try:
        record = followups.customer_record(demo_db, phone="13800138000")
    finally:
        event.remove(demo_db.engine, "begin", began)
    assert record.sales and record.units and record.cards
    assert len(begins) == 1
    assert db_state(demo_db) == before


def test_an_unknown_phone_has_no_history_and_bad_input_is_refused(demo_db):
    assert followups.customer_record(demo_db, phone="13912345678") is None
    with pytest.raises(UserError) as bad:
        followups.customer_record(demo_db, phone="abc")
    assert bad.value.message_id == "customer.bad_phone"
    with pytest.raises(UserError) as gone:
        followups.customer_record(demo_db, customer_id=987654)
    assert gone.value.message_id == "customer.gone"
