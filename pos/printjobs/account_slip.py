"""What the slip of an account document prints from (a payment received on account, a
pre-order's deposit taken or paid back): the store's header, the document, who took it
at which till, the customer, the money and its tender, the invoices it settled and the
balance it left. Read-only; no Qt, no printing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from pos.db.engine import Database
from pos.db.models import AccountItem, Customer, Staff, Store, Terminal
from pos.db.models import AccountDocument as DocRow
from pos.kernel.enums import AccountDocKind, Tender
from pos.kernel.errors import UserError
from pos.ledger.account_tables import account_from_rows
from pos.printjobs.records import StoreHeader, store_header


@dataclass(frozen=True)
class AccountSlipRecord:
    doc_no: str
    kind: AccountDocKind
    store: StoreHeader
    posted_at: datetime
    terminal: str | None
    staff: str | None
    customer_name: str
    customer_phone: str
    company: str | None
    amount: int
    tender: Tender | None
    reference: str | None
    card_last4: str | None
    applied: tuple[tuple[str, int], ...]  # (invoice ref, amount) settled by it
    unapplied: int  # kept as a credit, when the slip was printed
    balance_after: int | None  # the account's balance once it was posted
    preorder: str | None = None  # a deposit's pre-order number
    gift: str = ""


def load_account_slip(db: Database, *, doc_no: str) -> AccountSlipRecord:
    """The slip of the document `doc_no`; UserError print.no_account_doc if unknown."""
    with db.read_connection() as conn:
        row = conn.execute(select(DocRow.__table__).where(DocRow.doc_no == doc_no)).first()
        if row is None:
            raise UserError("print.no_account_doc", doc=doc_no)
        document = account_from_rows(conn, row)
        store = conn.execute(select(Store.__table__).where(Store.id == row.store_id)).one()
        terminal = conn.execute(select(Terminal.code).where(
            Terminal.id == row.terminal_id)).scalar() if row.terminal_id else None
        staff = conn.execute(select(Staff.name).where(Staff.id == row.staff_id)).scalar()
        customer = conn.execute(select(Customer.name, Customer.phone, Customer.company).where(
            Customer.id == row.customer_id)).one()
        item = conn.execute(select(AccountItem.id, AccountItem.open_amount).where(
            AccountItem.doc_id == row.id)).first()
        balance = None
        if item is not None:  # what the account owed once this was posted
            balance = int(conn.execute(select(func.coalesce(func.sum(AccountItem.amount), 0))
                                       .where(AccountItem.customer_id == row.customer_id,
                                              AccountItem.id <= item.id)).scalar())
    applied: dict[str, int] = {}
    for allocation in document.allocations:
        applied[allocation.debit] = applied.get(allocation.debit, 0) + allocation.amount
    return AccountSlipRecord(
        document.doc_no, document.kind, store_header(store), document.posted_at, terminal,
        staff, customer.name, customer.phone, customer.company, document.amount,
        document.tender, document.reference, document.card_last4,
        tuple(sorted(applied.items())), -int(item.open_amount) if item is not None else 0,
        balance, document.preorder.preorder_no if document.preorder else None,
        document.preorder.gift if document.preorder else "")
