"""Payments received on account (issue 19, point 1): oldest first, chosen invoices,
split across invoices, credits used first, more than owed refused unless kept as a
credit, exactly once, cash at a till in its shift with its slip queued; every refusal
changes nothing. SQLite and PostgreSQL, each ending with a clean verify."""

import uuid

import pytest
from sqlalchemy import func, select

from pos.accounts.accounts import open_account
from pos.accounts.payments import InvoicePick, take_payment
from pos.db.models import AccountDocument, AccountItem, PrintJob, Shift, Terminal
from pos.kernel.enums import JobKind, ShiftState
from pos.kernel.errors import UserError
from pos.ledger.verify import verify
from pos.printjobs.print_queue import PrintRequest
from tests.integration.checkout_helpers import staff_id
from tests.integration.test_account_ledger import balance, business, sell_on_account


def rid():
    return str(uuid.uuid4())


def snapshot(db):
    with db.read() as session:
        return (session.scalar(select(func.count()).select_from(AccountDocument)),
                tuple(session.scalars(select(AccountItem.open_amount).order_by(AccountItem.id))),
                session.scalar(select(func.count()).select_from(PrintJob)))


def account_with_two_invoices(db, phone="13700000001"):
    buyer = business(db, phone)
    open_account(db, customer=buyer.id, staff_id=staff_id(db, "manager"), credit_limit=None)
    first, due = sell_on_account(db, buyer.id)
    second, _ = sell_on_account(db, buyer.id)
    return buyer, first.receipt_no, second.receipt_no, due


def pay(db, buyer, amount, **kw):
    kw.setdefault("tender", "transfer")
    return take_payment(db, customer=buyer.phone, amount=amount, staff_id=staff_id(db, "cashier"),
                        request_id=kw.pop("request_id", None) or rid(), **kw)


def opens(db, buyer):
    with db.read() as session:
        return list(session.scalars(select(AccountItem.open_amount).where(
            AccountItem.customer_id == buyer.id).order_by(AccountItem.id)))


def test_oldest_first_split_across_invoices(demo_db):
    db = demo_db
    buyer, first, second, due = account_with_two_invoices(db)
    paid = pay(db, buyer, due + 1000, reference="BANK-77")
    assert paid.doc_no == "S01-RP-000001"
    assert paid.applied == ((f"{first}/1", due), (f"{second}/1", 1000))
    assert paid.unapplied == 0 and not paid.replayed
    assert paid.balance == due - 1000 == balance(db, buyer.id)
    assert opens(db, buyer) == [0, due - 1000, 0]
    assert verify(db).ok


def test_chosen_invoice_first_then_oldest(demo_db):
    db = demo_db
    buyer, first, second, due = account_with_two_invoices(db)
    paid = pay(db, buyer, 3000, invoices=[InvoicePick(second, 2000)])
    assert paid.applied == ((f"{first}/1", 1000), (f"{second}/1", 2000))
    paid = pay(db, buyer, due - 2000, invoices=[second])  # all that is open of it
    assert paid.applied == ((f"{second}/1", due - 2000),)
    assert opens(db, buyer) == [due - 1000, 0, 0, 0]
    assert verify(db).ok


def test_more_than_owed_is_refused_unless_kept_as_a_credit(demo_db):
    db = demo_db
    buyer, first, second, due = account_with_two_invoices(db)
    before = snapshot(db)
    with pytest.raises(UserError) as refused:
        pay(db, buyer, 2 * due + 1)
    assert refused.value.message_id == "account.payment_over_balance"
    assert refused.value.params["balance"] == 2 * due
    assert snapshot(db) == before
    paid = pay(db, buyer, 2 * due + 5000, as_credit=True)
    assert paid.unapplied == 5000 and paid.balance == -5000
    # the credit is used first by what is sold next and paid
    third, _ = sell_on_account(db, buyer.id)
    paid = pay(db, buyer, due - 5000)
    assert paid.applied == ((f"{third.receipt_no}/1", due),)
    assert paid.balance == 0 and opens(db, buyer) == [0, 0, 0, 0, 0]
    assert verify(db).ok


def test_a_request_id_posts_once(demo_db):
    db = demo_db
    buyer, first, second, due = account_with_two_invoices(db)
    request = rid()
    paid = pay(db, buyer, 1000, request_id=request)
    again = pay(db, buyer, 1000, request_id=request)
    assert again.replayed and again.doc_no == paid.doc_no and again.applied == paid.applied
    assert balance(db, buyer.id) == 2 * due - 1000
    assert snapshot(db)[0] == 1
    assert verify(db).ok


@pytest.mark.parametrize("picks, message", [
    (["T01-999999"], "account.invoice_unknown"),
    ([InvoicePick("SECOND", 10**9)], "account.pick_over_open"),
    (["OTHER"], "account.invoice_other_customer"),
    (["SETTLED"], "account.invoice_settled"),
])
def test_chosen_invoices_are_checked(demo_db, picks, message):
    db = demo_db
    buyer, first, second, due = account_with_two_invoices(db)
    other = business(db, "13700000009")
    open_account(db, customer=other.id, staff_id=staff_id(db, "manager"), credit_limit=None)
    theirs, _ = sell_on_account(db, other.id)
    pay(db, buyer, due, invoices=[first])
    names = {"SECOND": second, "OTHER": theirs.receipt_no, "SETTLED": first}
    picks = [InvoicePick(names.get(p.ref, p.ref), p.amount) if isinstance(p, InvoicePick)
             else names.get(p, p) for p in picks]
    before = snapshot(db)
    with pytest.raises(UserError) as refused:
        pay(db, buyer, 100, invoices=picks)
    assert refused.value.message_id == message
    assert snapshot(db) == before
    assert verify(db).ok


@pytest.mark.parametrize("kw, message", [
    ({"tender": "voucher"}, "account.bad_tender"),
    ({"tender": "on_account"}, "account.bad_tender"),
    ({"tender": "cash"}, "account.cash_needs_till"),
    ({"amount": 0}, "account.payment_not_positive"),
    ({"amount": -5}, "account.payment_not_positive"),
    ({"customer": "13999999999"}, "customer.unknown"),
    ({"customer": "NOACCOUNT"}, "account.none"),
    ({"reference": "6222 0212 3456 7890"}, "tender.card_number_typed"),
])
def test_bad_payments_change_nothing(demo_db, kw, message):
    db, kw = demo_db, dict(kw)  # the parameters are shared by both databases' runs
    buyer, *_ = account_with_two_invoices(db)
    plain = business(db, "13700000008")
    if kw.get("customer") == "NOACCOUNT":
        kw["customer"] = plain.phone
    before = snapshot(db)
    with pytest.raises(UserError) as refused:
        take_payment(db, customer=kw.pop("customer", buyer.phone), amount=kw.pop("amount", 100),
                     tender=kw.pop("tender", "transfer"), staff_id=staff_id(db, "cashier"),
                     request_id=rid(), **kw)
    assert refused.value.message_id == message
    assert snapshot(db) == before
    assert verify(db).ok


def test_cash_at_a_till_lands_in_its_shift_and_queues_the_slip(demo_db):
    db = demo_db
    buyer, first, second, due = account_with_two_invoices(db)
    paid = pay(db, buyer, 20000, tender="cash", terminal="T01",
               print_requests=[PrintRequest(JobKind.ACCOUNT, "pdf:/tmp/x", options={"paper_mm": 80})])
    with db.read() as session:
        doc = session.scalars(select(AccountDocument).where(
            AccountDocument.doc_no == paid.doc_no)).one()
        terminal = session.scalars(select(Terminal).where(Terminal.code == "T01")).one()
        shift = session.scalars(select(Shift).where(Shift.terminal_id == terminal.id,
                                                    Shift.state == ShiftState.OPEN)).one()
        job = session.scalars(select(PrintJob).where(PrintJob.ref == paid.doc_no)).one()
        assert (doc.terminal_id, doc.shift_id) == (terminal.id, shift.id)
        assert job.kind is JobKind.ACCOUNT
    card = pay(db, buyer, 100, tender="bank_card", card_last4="1234")
    with db.read() as session:
        doc = session.scalars(select(AccountDocument).where(
            AccountDocument.doc_no == card.doc_no)).one()
        assert doc.shift_id is None and doc.card_last4 == "1234"  # not at a till: no shift
    assert verify(db).ok


def test_cash_taken_on_account_is_in_the_drawer_x_and_z(demo_db):
    from pos.day import shifts

    db = demo_db
    buyer, first, second, due = account_with_two_invoices(db)
    before = shifts.x_report(db, terminal="T01")
    pay(db, buyer, 20000, tender="cash", terminal="T01")
    pay(db, buyer, 5000, tender="wechat", terminal="T01")
    pay(db, buyer, 700, tender="transfer")  # not at the till: not in its shift
    x = shifts.x_report(db, terminal="T01")
    assert x.expected_cash == before.expected_cash + 20000
    assert x.account_in == {"cash": 20000, "wechat": 5000}
    assert x.expected_cash % 10 == 0
    counts = {10: x.expected_cash // 10}  # counted exactly, in 0.10 coins
    z = shifts.close_shift(db, terminal="T01", staff_id=staff_id(db, "manager"), counts=counts)
    assert z.account_in == {"cash": 20000, "wechat": 5000} and z.over_short == 0
    assert verify(db).ok
