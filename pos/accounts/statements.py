"""A customer's statement: the balance brought forward, then every item on the account
in order (a sale on account, a refund to account, a payment received, a write-off) with
its date, reference, debit or credit, the running balance, its due date and what is
still open, then the closing balance. Read by `ix_account_items_customer_id`; the
customer's invoice details come with it for the PDF."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from pos.accounts.accounts import resolve_customer
from pos.accounts.records import CustomerRef
from pos.db.engine import Database
from pos.db.models import AccountDocument, AccountItem, Customer, CustomerAccount, Sale, Store
from pos.kernel.enums import AccountState, ItemKind
from pos.kernel.errors import UserError
from pos.ledger.account_documents import sale_item_ref

ITEMS = AccountItem.__table__


@dataclass(frozen=True)
class InvoiceDetails:
    """What a fapiao needs, as kept on the customer (empty strings when not given)."""

    company: str = ""
    tax_id: str = ""
    address: str = ""
    phone: str = ""
    bank_name: str = ""
    bank_account: str = ""


@dataclass(frozen=True)
class StatementLine:
    day: date
    ref: str  # T01-000042/1 or S01-RP-000001
    kind: ItemKind
    debit: int  # a sale on account
    credit: int  # a payment, refund or write-off (positive)
    balance: int  # running
    due_date: date | None
    open_amount: int
    tender: str | None = None  # a payment's
    reference: str | None = None  # a payment's bank reference, a write-off's reason


@dataclass(frozen=True)
class Statement:
    customer: CustomerRef
    details: InvoiceDetails
    state: AccountState
    credit_limit: int | None
    term_days: int
    store_code: str  # the store that opened the account
    start: date | None
    end: date | None
    opening: int
    lines: tuple[StatementLine, ...]
    closing: int
    as_of: date

    @property
    def debits(self) -> int:
        return sum(line.debit for line in self.lines)

    @property
    def credits(self) -> int:
        return sum(line.credit for line in self.lines)

    @property
    def overdue(self) -> int:
        return sum(line.open_amount for line in self.lines if line.open_amount > 0
                   and line.due_date is not None and line.due_date < self.as_of)


def _details(conn, customer_id: int) -> InvoiceDetails:
    c = conn.execute(select(Customer.company, Customer.tax_id, Customer.invoice_address,
                            Customer.invoice_phone, Customer.bank_name, Customer.bank_account)
                     .where(Customer.id == customer_id)).first()
    return InvoiceDetails(*(value or "" for value in c))


def lines_query(customer_id: int, start: date | None, end: date | None):
    """The account's items dated in [start, end], in order (ix_account_items_customer_id)."""
    query = (select(ITEMS.c.id, ITEMS.c.kind, ITEMS.c.amount, ITEMS.c.open_amount,
                    ITEMS.c.due_date, ITEMS.c.opened_on, ITEMS.c.payment_position,
                    Sale.receipt_no, AccountDocument.doc_no, AccountDocument.tender,
                    AccountDocument.reference, AccountDocument.reason)
             .select_from(ITEMS.outerjoin(Sale, Sale.id == ITEMS.c.sale_id)
                          .outerjoin(AccountDocument, AccountDocument.id == ITEMS.c.doc_id))
             .where(ITEMS.c.customer_id == customer_id).order_by(ITEMS.c.id))
    if start is not None:
        query = query.where(ITEMS.c.opened_on >= start)
    if end is not None:
        query = query.where(ITEMS.c.opened_on <= end)
    return query


def statement(db: Database, *, customer, start: date | None = None, end: date | None = None,
              today: date | None = None) -> Statement:
    """The statement of items dated in [start, end] (either open-ended)."""
    if start and end and start > end:
        raise UserError("report.period_backwards", start=start.isoformat(), end=end.isoformat())
    with db.read_connection() as conn:
        ref = resolve_customer(conn, customer)
        account = conn.execute(select(CustomerAccount.__table__, Store.code).join(
            Store, Store.id == CustomerAccount.store_id).where(
            CustomerAccount.customer_id == ref.id)).first()
        if account is None:
            raise UserError("account.none", customer=ref.label)
        opening = 0
        if start is not None:
            opening = int(conn.execute(select(func.coalesce(func.sum(ITEMS.c.amount), 0)).where(
                ITEMS.c.customer_id == ref.id, ITEMS.c.opened_on < start)).scalar())
        query = lines_query(ref.id, start, end)
        rows = conn.execute(query).all()
        details = _details(conn, ref.id)
    running, lines = opening, []
    for row in rows:
        amount = int(row.amount)
        running += amount
        kind = ItemKind(row.kind)
        item_ref = (sale_item_ref(row.receipt_no, row.payment_position)
                    if row.receipt_no is not None else row.doc_no)
        note = row.reference if kind is ItemKind.PAYMENT else (
            row.reason if kind is ItemKind.WRITE_OFF else None)
        lines.append(StatementLine(
            row.opened_on, item_ref, kind, max(amount, 0), max(-amount, 0), running,
            row.due_date, int(row.open_amount), row.tender.value if row.tender else None,
            note or None))
    return Statement(ref, details, AccountState(account.state),
                     None if account.credit_limit is None else int(account.credit_limit),
                     account.term_days, account.code, start, end, opening, tuple(lines), running,
                     today or date.today())
