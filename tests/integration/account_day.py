"""A day of customer accounts for the account verify and tamper tests (issue 19), built
on the ledger's own functions (pos.ledger.account_tables): a business customer's account
with two sales on account, a cash payment at the till settling the older invoice and
part of the other, a write-off of part of what is left, a pre-order's deposit spent by a
sale, another pre-order cancelled with its deposit paid back, and a second account passed
to the big-account team. Every document is sealed; `journal verify` passes after it."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select

from pos.accounts.accounts import open_account, transfer_to_big_accounts
from pos.db.models import Preorder, Product, Store, Terminal
from pos.kernel.clock import utcnow
from pos.kernel.enums import AccountDocKind, PreorderState, Tender
from pos.ledger.account_documents import (
    AccountDocument, Allocation, PreorderTerms, account_doc_number, allocate_oldest_first,
)
from pos.ledger.account_tables import next_account_number, open_items, write_account_document
from pos.ledger.drawer import shift_for_sale
from pos.ledger.stock_tables import next_store_number
from pos.people import customers
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import new_cart, staff_id

BAG = "BAG-NB-156"


def business(db, phone: str, name: str = "Acme buyer"):
    return customers.create_customer(db, phone=phone, name=name, kind="business",
                                     company=f"{name} Ltd")


def sell(db, customer_id: int, tenders=None, code: str = BAG, terminal: str = "T01"):
    """A bag sold to the customer, on account unless `tenders` (a function of the amount
    due) says otherwise."""
    cart = new_cart(db, terminal=terminal)
    checkout.add_product(db, cart, code=code)
    checkout.set_customer(db, cart, customer_id=customer_id)
    due = sum(line.total for line in cart.lines)
    paid = tenders(due) if tenders else [TenderInput("on_account", due)]
    return completion.complete_sale(db, cart, tenders=paid)


def post(db, kind: AccountDocKind, customer_id: int, amount: int, *, tender=None,
         terminal: str | None = "T01", settle=(), oldest: bool = False, preorder=None,
         reason: str = "", staff: str = "manager", request_id: str | None = None) -> str:
    """An account document posted as the services do (the store's number, the till's
    shift when money crosses it, then the document). `settle`: (ref, amount) pairs the
    document's own credit settles; `oldest`: settle oldest first with all of it."""
    by = staff_id(db, staff)
    with db.write_connection() as conn:
        if terminal is not None:
            terminal_id, store_id = conn.execute(select(Terminal.id, Terminal.store_id).where(
                Terminal.code == terminal)).one()
        else:
            terminal_id, store_id = None, conn.execute(select(Store.id).where(
                Store.code == "S01")).scalar_one()
        code = conn.execute(select(Store.code).where(Store.id == store_id)).scalar_one()
        number = account_doc_number(code, kind, next_account_number(conn, store_id, kind))
        shift_id = shift_for_sale(conn, terminal_id, by) if terminal_id is not None else None
        if oldest:
            settle = [(item.ref, part) for item, part in allocate_oldest_first(
                open_items(conn, customer_id), amount)]
        write_account_document(conn, AccountDocument(
            kind=kind, doc_no=number, store_id=store_id, customer_id=customer_id,
            business_date=date.today(), posted_at=utcnow(),
            request_id=request_id or str(uuid.uuid4()), amount=amount,
            tender=Tender(tender) if tender else None, terminal_id=terminal_id,
            shift_id=shift_id, staff_id=by, reason=reason, preorder=preorder,
            allocations=tuple(Allocation(ref, number, part) for ref, part in settle)))
    return number


def take_deposit(db, customer_id: int, amount: int, *, code: str = BAG, gift: str = "a mouse",
                 tender: str = "cash", terminal: str | None = "T01") -> tuple[str, str]:
    """A pre-order of one unit and its deposit (as pos.accounts.preorders does it):
    (pre-order number, deposit document number)."""
    by = staff_id(db, "cashier")
    with db.write_connection() as conn:
        product_id = conn.execute(select(Product.id).where(Product.sku == code)).scalar_one()
        if terminal is not None:
            terminal_id, store_id = conn.execute(select(Terminal.id, Terminal.store_id).where(
                Terminal.code == terminal)).one()
        else:
            terminal_id, store_id = None, conn.execute(select(Store.id).where(
                Store.code == "S01")).scalar_one()
        store = conn.execute(select(Store.code).where(Store.id == store_id)).scalar_one()
        number = f"{store}-PO-{next_store_number(conn, store_id, 'preorder'):06d}"
        doc_no = account_doc_number(store, AccountDocKind.DEPOSIT, next_account_number(
            conn, store_id, AccountDocKind.DEPOSIT))
        shift_id = shift_for_sale(conn, terminal_id, by) if terminal_id is not None else None
        now = utcnow()
        conn.execute(Preorder.__table__.insert().values(
            preorder_no=number, store_id=store_id, customer_id=customer_id,
            product_id=product_id, quantity=1, gift=gift, price=None,
            state=PreorderState.OPEN.value, deposit_held=0, created_by=by, created_at=now))
        write_account_document(conn, AccountDocument(
            kind=AccountDocKind.DEPOSIT, doc_no=doc_no, store_id=store_id,
            customer_id=customer_id, business_date=date.today(), posted_at=now,
            request_id=str(uuid.uuid4()), amount=amount, tender=Tender(tender),
            terminal_id=terminal_id, shift_id=shift_id, staff_id=by,
            preorder=PreorderTerms(number, product_id, code, 1, gift, None)))
    return number, doc_no


def terms_of(db, preorder_no: str) -> PreorderTerms:
    with db.read_connection() as conn:
        row = conn.execute(select(Preorder.__table__, Product.sku).join(
            Product, Product.id == Preorder.product_id).where(
            Preorder.preorder_no == preorder_no)).one()
    return PreorderTerms(row.preorder_no, row.product_id, row.sku, row.quantity, row.gift,
                         None if row.price is None else int(row.price))


def refund_deposit(db, customer_id: int, preorder_no: str, amount: int,
                   terminal: str | None = "T01") -> str:
    return post(db, AccountDocKind.DEPOSIT_REFUND, customer_id, amount, tender="cash",
                terminal=terminal, preorder=terms_of(db, preorder_no), reason="cancelled")


def an_account_day(db) -> dict:
    manager = staff_id(db, "manager")
    buyer = business(db, "13700000001", "Acme")
    open_account(db, customer=buyer.id, staff_id=manager, credit_limit=1_000_000)
    first = sell(db, buyer.id)
    second = sell(db, buyer.id)
    due = first.total
    payment = post(db, AccountDocKind.PAYMENT, buyer.id, due + 1000, tender="cash",
                   oldest=True)
    write_off = post(db, AccountDocKind.WRITE_OFF, buyer.id, 500, terminal=None,
                     settle=[(f"{second.receipt_no}/1", 500)], reason="damaged box")
    preorder, deposit = take_deposit(db, buyer.id, 5000)
    spent = sell(db, buyer.id, tenders=lambda total: [
        TenderInput("deposit", 5000, reference=preorder), TenderInput("cash", total - 5000)])
    cancelled, deposit_2 = take_deposit(db, buyer.id, 3000)
    refunded = refund_deposit(db, buyer.id, cancelled, 3000)
    other = business(db, "13700000002", "Bolt")
    open_account(db, customer=other.id, staff_id=manager, credit_limit=None)
    third = sell(db, other.id)
    transfer_to_big_accounts(db, customer=other.id, staff_id=manager, note="overdue 45 days")
    return {"buyer": buyer.id, "buyer_phone": buyer.phone, "other": other.id,
            "first": first.receipt_no, "second": second.receipt_no, "due": due,
            "payment": payment, "write_off": write_off, "preorder": preorder,
            "deposit": deposit, "spent": spent.receipt_no, "cancelled": cancelled,
            "deposit_2": deposit_2, "refunded": refunded, "third": third.receipt_no}



def invoice_request(db, receipt_no: str, staff: str = "cashier") -> None:
    """A fapiao asked for a sale (pos.people.customers.record_invoice_request: the sealed
    `invoice_requested` event and the row with the customer's details as they are now),
    the customer's details set first."""
    from pos.db.models import Customer, Sale
    from pos.people.customers import record_invoice_request

    by = staff_id(db, staff)
    with db.write_connection() as conn:
        sale_id, customer_id = conn.execute(select(Sale.id, Sale.customer_id).where(
            Sale.receipt_no == receipt_no)).one()
        conn.execute(Customer.__table__.update().where(Customer.id == customer_id).values(
            tax_id="91310000MA1FL0XX1X", invoice_address="1 Road, Shanghai",
            invoice_phone="021-5555", bank_name="ICBC", bank_account="6222020200112233"))
        record_invoice_request(conn, sale_id=sale_id, receipt_no=receipt_no,
                               customer_id=customer_id, staff_id=by)
