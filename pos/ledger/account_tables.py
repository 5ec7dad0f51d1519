"""Account documents written and read back (pos.ledger.account_documents holds the
records): the document's row sealed in the journal, its item on the account (payments
and write-offs), the invoices its allocations settle, the account's balance, and a
deposit's pre-order. Every check that guards money is one conditional statement under
the journal's head lock: an item settled only while that much is open, a deposit paid
back only while it is held whole.

Lock order (as every writer): the store's number, the shift, the journal's head, the
account's row, its items, the pre-order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, select

from pos.db.models import (
    AccountAllocation, AccountDocument as DocRow, AccountItem, Customer, CustomerAccount, Payment,
    Preorder, Product, Sale,
)
from pos.kernel.enums import AccountDocKind, ItemKind, PreorderState, Tender
from pos.kernel.errors import UserError
from pos.ledger import chain
from pos.ledger.account_documents import (
    AccountDocument, Allocation, PreorderTerms, counter_key, sale_item_ref,
)
from pos.ledger.stock_tables import next_store_number

DOCS = DocRow.__table__
ITEMS = AccountItem.__table__
ALLOCS = AccountAllocation.__table__
ACCOUNTS = CustomerAccount.__table__
PREORDERS = Preorder.__table__
SALES = Sale.__table__
PAYMENTS = Payment.__table__


@dataclass(frozen=True, slots=True)
class WrittenAccount:
    doc_id: int
    item_id: int | None


@dataclass(frozen=True, slots=True)
class OpenItem:
    """An item still open on an account, as allocation and the screens see it."""

    id: int
    ref: str
    kind: ItemKind
    amount: int
    open_amount: int
    due_date: date | None
    opened_on: date
    store_id: int


def customer_label(conn, customer_id: int | None) -> str:
    row = conn.execute(select(Customer.name, Customer.phone).where(
        Customer.id == customer_id)).first()
    return f"{row.name} ({row.phone})" if row is not None else f"#{customer_id}"


def next_account_number(conn, store_id: int, kind: AccountDocKind) -> int:
    """The next number of the store's sequence of this kind (taken first, before the
    journal's head)."""
    return next_store_number(conn, store_id, counter_key(kind))


def lock_account(conn, customer_id: int):
    """The account's row, locked until commit (after the journal's head), or None."""
    return conn.execute(select(ACCOUNTS).where(ACCOUNTS.c.customer_id == customer_id)
                        .with_for_update()).first()


def _ref_columns():
    return (ITEMS.c.id, ITEMS.c.kind, ITEMS.c.amount, ITEMS.c.open_amount, ITEMS.c.due_date,
            ITEMS.c.opened_on, ITEMS.c.store_id, SALES.c.receipt_no,
            ITEMS.c.payment_position, DOCS.c.doc_no)


def _item_from(row) -> OpenItem:
    ref = (sale_item_ref(row.receipt_no, row.payment_position) if row.receipt_no is not None
           else row.doc_no)
    return OpenItem(row.id, ref, ItemKind(row.kind), int(row.amount), int(row.open_amount),
                    row.due_date, row.opened_on, row.store_id)


def _items_query():
    return (select(*_ref_columns()).select_from(
        ITEMS.outerjoin(SALES, SALES.c.id == ITEMS.c.sale_id)
        .outerjoin(DOCS, DOCS.c.id == ITEMS.c.doc_id)))


def open_items(conn, customer_id: int) -> list[OpenItem]:
    """The account's items still open (invoices +, unapplied credits -), oldest first."""
    rows = conn.execute(_items_query().where(
        ITEMS.c.customer_id == customer_id, ITEMS.c.open_amount != 0)
        .order_by(ITEMS.c.id)).all()
    return [_item_from(row) for row in rows]


def item_by_ref(conn, ref: str) -> OpenItem | None:
    """The item a reference names (``T01-000042/1`` or a document's number)."""
    if "/" in ref:
        receipt, _, position = ref.rpartition("/")
        if not position.isdigit():
            return None
        condition = and_(SALES.c.receipt_no == receipt,
                         ITEMS.c.payment_position == int(position))
    else:
        condition = DOCS.c.doc_no == ref
    row = conn.execute(_items_query().where(condition)).first()
    return _item_from(row) if row is not None else None


def sale_items(conn, sale_id: int) -> list[OpenItem]:
    rows = conn.execute(_items_query().where(ITEMS.c.sale_id == sale_id)
                        .order_by(ITEMS.c.payment_position)).all()
    return [_item_from(row) for row in rows]


def _settle(conn, document: AccountDocument, doc_id: int) -> None:
    """Each allocation settles its invoice and uses its credit, each only while that
    much is open (account.balance_changed when another till got there first)."""
    for allocation in sorted(document.allocations, key=lambda a: (a.debit, a.credit)):
        debit = item_by_ref(conn, allocation.debit)
        credit = item_by_ref(conn, allocation.credit)
        if debit is None or credit is None or allocation.amount <= 0:
            raise UserError("account.balance_changed")
        done = conn.execute(ITEMS.update().where(
            ITEMS.c.id == debit.id, ITEMS.c.customer_id == document.customer_id,
            ITEMS.c.open_amount >= allocation.amount)
            .values(open_amount=ITEMS.c.open_amount - allocation.amount)).rowcount
        done += conn.execute(ITEMS.update().where(
            ITEMS.c.id == credit.id, ITEMS.c.customer_id == document.customer_id,
            ITEMS.c.open_amount <= -allocation.amount)
            .values(open_amount=ITEMS.c.open_amount + allocation.amount)).rowcount
        if done != 2:
            raise UserError("account.balance_changed")
        conn.execute(ALLOCS.insert().values(doc_id=doc_id, debit_item_id=debit.id,
                                            credit_item_id=credit.id,
                                            amount=allocation.amount))


def _preorder(conn, document: AccountDocument) -> int | None:
    if document.preorder is None:
        return None
    number = document.preorder.preorder_no
    row = conn.execute(select(PREORDERS.c.id, PREORDERS.c.customer_id).where(
        PREORDERS.c.preorder_no == number)).first()
    if row is None:
        raise UserError("preorder.unknown", preorder=number)
    if row.customer_id != document.customer_id:
        raise UserError("deposit.other_customer", preorder=number)
    if document.kind is AccountDocKind.DEPOSIT:
        changed = conn.execute(PREORDERS.update().where(
            PREORDERS.c.id == row.id, PREORDERS.c.state == PreorderState.OPEN.value)
            .values(deposit_held=PREORDERS.c.deposit_held + document.amount)).rowcount
    else:  # a deposit paid back: whole, once
        changed = conn.execute(PREORDERS.update().where(
            PREORDERS.c.id == row.id, PREORDERS.c.state == PreorderState.OPEN.value,
            PREORDERS.c.deposit_held == document.amount)
            .values(deposit_held=0, state=PreorderState.CANCELLED.value,
                    cancelled_at=document.posted_at)).rowcount
    if changed != 1:
        raise UserError("preorder.cancelled", preorder=number)
    return row.id


def write_account_document(conn, document: AccountDocument) -> WrittenAccount:
    """Seal the document and write it inside the caller's transaction (which took its
    number first): its row, its own item (a payment or write-off: a credit on the
    account), its allocations, the account's balance, a deposit's pre-order. Refused
    (UserError; the caller rolls back) when the account does not exist, an allocation
    finds less open than it settles, or a pre-order is not open."""
    if document.amount <= 0:
        raise UserError("account.payment_not_positive")
    sealed = chain.append(conn, document.payload(), doc_type="account",
                          doc_ref=document.doc_no, at=document.posted_at)
    preorder_id = _preorder(conn, document)
    doc_id = conn.execute(DOCS.insert().values(
        doc_no=document.doc_no, kind=document.kind.value, store_id=document.store_id,
        terminal_id=document.terminal_id, shift_id=document.shift_id,
        customer_id=document.customer_id, preorder_id=preorder_id,
        staff_id=document.staff_id, approved_by=document.approved_by,
        amount=document.amount, tender=document.tender.value if document.tender else None,
        reference=document.reference, card_last4=document.card_last4,
        reason=document.reason, business_date=document.business_date,
        posted_at=document.posted_at, request_id=document.request_id,
        journal_hash=sealed.hash).returning(DOCS.c.id)).scalar_one()
    item_id = None
    if document.credit:
        if lock_account(conn, document.customer_id) is None:
            raise UserError("account.none", customer=customer_label(conn, document.customer_id))
        item_id = conn.execute(ITEMS.insert().values(
            customer_id=document.customer_id, store_id=document.store_id,
            kind=(ItemKind.PAYMENT if document.kind is AccountDocKind.PAYMENT
                  else ItemKind.WRITE_OFF).value,
            sale_id=None, payment_position=None, doc_id=doc_id, amount=document.credit,
            open_amount=document.credit, due_date=None, opened_on=document.business_date,
        ).returning(ITEMS.c.id)).scalar_one()
        conn.execute(ACCOUNTS.update().where(ACCOUNTS.c.customer_id == document.customer_id)
                     .values(balance=ACCOUNTS.c.balance + document.credit))
    elif document.allocations:
        lock_account(conn, document.customer_id)
    _settle(conn, document, doc_id)
    return WrittenAccount(doc_id, item_id)


def load_account_document(conn, doc_id: int) -> AccountDocument | None:
    """The document as its rows now stand (for verify: equal to the sealed payload)."""
    row = conn.execute(select(DOCS).where(DOCS.c.id == doc_id)).first()
    if row is None:
        return None
    return account_from_rows(conn, row)


def account_from_rows(conn, row) -> AccountDocument:
    refs = {}
    allocations = conn.execute(select(ALLOCS.c.debit_item_id, ALLOCS.c.credit_item_id,
                                      ALLOCS.c.amount).where(ALLOCS.c.doc_id == row.id)).all()
    ids = {a.debit_item_id for a in allocations} | {a.credit_item_id for a in allocations}
    if ids:
        for item in conn.execute(_items_query().where(ITEMS.c.id.in_(ids))).all():
            refs[item.id] = _item_from(item).ref
    preorder = None
    if row.preorder_id is not None:
        p = conn.execute(select(PREORDERS).where(PREORDERS.c.id == row.preorder_id)).first()
        sku = conn.execute(select(Product.sku).where(Product.id == p.product_id)).scalar()
        preorder = PreorderTerms(p.preorder_no, p.product_id, sku or "", p.quantity, p.gift,
                                 None if p.price is None else int(p.price))
    return account_from_parts(row, allocations, refs, preorder)


def account_from_parts(row, allocations, refs: dict, preorder) -> AccountDocument:
    """The document from its row, its allocation rows, the references of the items they
    name (id -> ref) and its pre-order's terms (read one by one above, or for a whole
    batch of journal entries by pos.ledger.batch)."""
    return AccountDocument(
        kind=AccountDocKind(row.kind), doc_no=row.doc_no, store_id=row.store_id,
        customer_id=row.customer_id, business_date=row.business_date,
        posted_at=row.posted_at, request_id=row.request_id, amount=int(row.amount),
        tender=Tender(row.tender) if row.tender else None, reference=row.reference,
        card_last4=row.card_last4, terminal_id=row.terminal_id, shift_id=row.shift_id,
        staff_id=row.staff_id, approved_by=row.approved_by, reason=row.reason,
        preorder=preorder,
        allocations=tuple(Allocation(refs.get(a.debit_item_id, f"#{a.debit_item_id}"),
                                     refs.get(a.credit_item_id, f"#{a.credit_item_id}"),
                                     int(a.amount)) for a in allocations))


def balance_of(conn, customer_id: int) -> int:
    return int(conn.execute(select(func.coalesce(func.sum(ITEMS.c.amount), 0)).where(
        ITEMS.c.customer_id == customer_id)).scalar())
