"""Customer accounts (receivables), their money documents and ledger items, quotes,
pre-orders with deposits, and invoice (fapiao) requests.

A sale on account (or a refund to account) stays a sale document: its `on_account`
payment becomes one account item, written in the sale's transaction. Payments received,
write-offs, credits applied and deposits are account documents of their own, numbered per
store (S01-RP-000001) and sealed in the journal like sales. Balances and open amounts are
caches of the items and allocations; `journal verify` checks they are.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger, CheckConstraint, Date, ForeignKey, Index, Integer, String, text,
)
from sqlalchemy.orm import Mapped, mapped_column

from pos.db.models.base import Base, UtcDateTime, enum_column
from pos.kernel.enums import (
    AccountDocKind, AccountState, ItemKind, LineKind, PreorderState, QuoteState, Tender,
)


def _partial(name: str, *columns: str, unique: bool = False, where: str | None = None) -> Index:
    condition = text(where or f"{columns[0]} IS NOT NULL")
    return Index(name, *columns, unique=unique, sqlite_where=condition,
                 postgresql_where=condition)


class CustomerAccount(Base):
    """A customer's account: the terms it was opened on (sealed as `account_record`
    events) and its balance (a cache of its items)."""

    __tablename__ = "customer_accounts"

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), primary_key=True,
                                             autoincrement=False)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"))  # the store that opened it
    credit_limit: Mapped[int | None] = mapped_column(BigInteger)  # None: no limit
    term_days: Mapped[int] = mapped_column(Integer)
    state: Mapped[AccountState] = mapped_column(enum_column(AccountState))
    balance: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime())
    opened_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    transferred_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    transferred_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    transfer_note: Mapped[str] = mapped_column(String(200), default="", server_default="")


class AccountDocument(Base):
    """A numbered money document on an account, sealed in the journal (doc_type
    "account"): a payment received, a write-off, a credit applied, a deposit taken or
    paid back."""

    __tablename__ = "account_documents"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        Index("ix_account_documents_customer_id", "customer_id", "id"),
        Index("ix_account_documents_store_id", "store_id", "business_date"),
        _partial("ix_account_documents_shift_id", "shift_id"),
        _partial("ix_account_documents_preorder_id", "preorder_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    doc_no: Mapped[str] = mapped_column(String(24), unique=True)
    kind: Mapped[AccountDocKind] = mapped_column(enum_column(AccountDocKind))
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"))
    terminal_id: Mapped[int | None] = mapped_column(ForeignKey("terminals.id"))
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shifts.id"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    preorder_id: Mapped[int | None] = mapped_column(ForeignKey("preorders.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    amount: Mapped[int] = mapped_column(BigInteger)
    tender: Mapped[Tender | None] = mapped_column(enum_column(Tender))
    reference: Mapped[str | None] = mapped_column(String(64))
    card_last4: Mapped[str | None] = mapped_column(String(4))
    reason: Mapped[str] = mapped_column(String(200), default="", server_default="")
    business_date: Mapped[date] = mapped_column(Date)
    posted_at: Mapped[datetime] = mapped_column(UtcDateTime())
    request_id: Mapped[str] = mapped_column(String(36), unique=True)
    journal_hash: Mapped[str] = mapped_column(String(64))


class AccountItem(Base):
    """One signed amount on an account: an invoice (+) from a sale on account, or a
    credit (-) from a refund to account, a payment or a write-off. `open_amount` moves
    toward zero as allocations settle it."""

    __tablename__ = "account_items"
    __table_args__ = (
        CheckConstraint("(doc_id IS NULL) <> (sale_id IS NULL)", name="one_source"),
        _partial("uq_account_items_sale_id", "sale_id", "payment_position", unique=True),
        _partial("uq_account_items_doc_id", "doc_id", unique=True),
        Index("ix_account_items_customer_id", "customer_id", "id"),
        # aging and the overdue list read only what is still open
        _partial("ix_account_items_open", "store_id", "customer_id", "due_date",
                 "open_amount", where="open_amount <> 0"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"))
    kind: Mapped[ItemKind] = mapped_column(enum_column(ItemKind))
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))
    payment_position: Mapped[int | None] = mapped_column(Integer)
    doc_id: Mapped[int | None] = mapped_column(ForeignKey("account_documents.id"))
    amount: Mapped[int] = mapped_column(BigInteger)  # signed
    open_amount: Mapped[int] = mapped_column(BigInteger)  # same sign, toward 0
    due_date: Mapped[date | None] = mapped_column(Date)  # invoices
    opened_on: Mapped[date] = mapped_column(Date)


class AccountAllocation(Base):
    """Part of a credit (payment, refund, write-off) applied to an invoice, by the
    document that applied it."""

    __tablename__ = "account_allocations"
    __table_args__ = (CheckConstraint("amount > 0", name="amount_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    doc_id: Mapped[int] = mapped_column(ForeignKey("account_documents.id"), index=True)
    debit_item_id: Mapped[int] = mapped_column(ForeignKey("account_items.id"), index=True)
    credit_item_id: Mapped[int] = mapped_column(ForeignKey("account_items.id"), index=True)
    amount: Mapped[int] = mapped_column(BigInteger)


class Quote(Base):
    """A cart saved for a business customer (报价单), valid until a date; its lines and
    prices are sealed as a `quote_issued` event."""

    __tablename__ = "quotes"
    __table_args__ = (
        Index("ix_quotes_store_id", "store_id", "created_at"),
        Index("ix_quotes_state", "state", "valid_until"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    quote_no: Mapped[str] = mapped_column(String(24), unique=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    lead_id: Mapped[int | None] = mapped_column(ForeignKey("leads.id"))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    valid_until: Mapped[date] = mapped_column(Date)
    state: Mapped[QuoteState] = mapped_column(enum_column(QuoteState))
    total: Mapped[int] = mapped_column(BigInteger)
    discount_total: Mapped[int] = mapped_column(BigInteger)
    vat_total: Mapped[int] = mapped_column(BigInteger)
    accepted_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    converted_sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))
    converted_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    cancelled_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    issue_event_id: Mapped[int | None] = mapped_column(ForeignKey("audit_events.id"))
    note: Mapped[str] = mapped_column(String(200), default="", server_default="")
    request_id: Mapped[str] = mapped_column(String(36), unique=True)


class QuoteLine(Base):
    __tablename__ = "quote_lines"

    quote_id: Mapped[int] = mapped_column(ForeignKey("quotes.id"), primary_key=True,
                                          autoincrement=False)
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    parent: Mapped[int | None] = mapped_column(Integer)  # the unit line's position
    kind: Mapped[LineKind] = mapped_column(enum_column(LineKind))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"))
    tier_id: Mapped[int | None] = mapped_column(ForeignKey("service_tiers.id"))
    sheet_item_id: Mapped[int | None] = mapped_column(Integer)
    pack_code: Mapped[str | None] = mapped_column(String(40))
    sku: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[int] = mapped_column(Integer)
    list_price: Mapped[int] = mapped_column(BigInteger)
    unit_price: Mapped[int] = mapped_column(BigInteger)
    discount: Mapped[int] = mapped_column(BigInteger)
    line_total: Mapped[int] = mapped_column(BigInteger)
    vat_rate_bp: Mapped[int] = mapped_column(Integer)


class Preorder(Base):
    """A product promised to a customer against a deposit (预订有礼: with a gift)."""

    __tablename__ = "preorders"
    __table_args__ = (
        CheckConstraint("deposit_held >= 0", name="held_not_negative"),
        Index("ix_preorders_arrivals", "store_id", "product_id", "state", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    preorder_no: Mapped[str] = mapped_column(String(24), unique=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    gift: Mapped[str] = mapped_column(String(200), default="", server_default="")
    price: Mapped[int | None] = mapped_column(BigInteger)  # a promised launch price
    state: Mapped[PreorderState] = mapped_column(enum_column(PreorderState))
    deposit_held: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    completed_sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))
    cancelled_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    notified_at: Mapped[datetime | None] = mapped_column(UtcDateTime())  # working notes
    expected_on: Mapped[date | None] = mapped_column(Date)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class InvoiceRequest(Base):
    """A fapiao asked for a sale, with the customer's details as they were then (sealed
    as an `invoice_requested` event); exported to the accounting system as CSV."""

    __tablename__ = "invoice_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    requested_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    company: Mapped[str] = mapped_column(String(200))
    tax_id: Mapped[str] = mapped_column(String(20))
    address: Mapped[str] = mapped_column(String(300), default="", server_default="")
    phone: Mapped[str] = mapped_column(String(40), default="", server_default="")
    bank_name: Mapped[str] = mapped_column(String(120), default="", server_default="")
    bank_account: Mapped[str] = mapped_column(String(40), default="", server_default="")
    event_id: Mapped[int | None] = mapped_column(ForeignKey("audit_events.id"))
    exported_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


__all__ = ["AccountAllocation", "AccountDocument", "AccountItem", "CustomerAccount",
           "InvoiceRequest", "Preorder", "Quote", "QuoteLine"]
