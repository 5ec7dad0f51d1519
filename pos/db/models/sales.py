"""Completed sales and what hangs off them: lines, sheet outcomes, service cards,
payments; receipt counters, the journal chain, parked carts.

A completed sale is never updated: corrections are new documents.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pos.db.models.base import Base, UtcDateTime, enum_column
from pos.kernel.clock import utcnow
from pos.kernel.enums import (
    CardState, DocumentKind, LineKind, Outcome, OutcomeSubject, SaleState, Tender,
)


def _where_set(name: str, column: str) -> Index:
    """An index of only the rows where the column is set (a partial index): rows
    without a value cost it nothing, and `column = ?` lookups still use it."""
    condition = text(f"{column} IS NOT NULL")
    return Index(name, column, sqlite_where=condition, postgresql_where=condition)


class Sale(Base):
    __tablename__ = "sales"

    id: Mapped[int] = mapped_column(primary_key=True)
    cart_uuid: Mapped[str] = mapped_column(String(36), unique=True)  # idempotent completion
    receipt_no: Mapped[str] = mapped_column(String(24), unique=True)
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminals.id"))
    sequence: Mapped[int] = mapped_column(Integer)  # per terminal, gapless
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    state: Mapped[SaleState] = mapped_column(enum_column(SaleState))
    completed_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    business_date: Mapped[date] = mapped_column(Date)  # indexed with the till, below
    total: Mapped[int] = mapped_column(BigInteger)
    discount_total: Mapped[int] = mapped_column(BigInteger)
    vat_total: Mapped[int] = mapped_column(BigInteger)
    tendered: Mapped[int] = mapped_column(BigInteger)
    change_given: Mapped[int] = mapped_column(BigInteger)
    journal_hash: Mapped[str] = mapped_column(String(64))
    kind: Mapped[DocumentKind] = mapped_column(
        enum_column(DocumentKind), default=DocumentKind.SALE, server_default="sale")
    original_sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shifts.id"), index=True)
    # A sale made on a service job (sealed by the job's "sold" event, not in the payload).
    # No foreign key: adding one would rebuild the sales table on SQLite.
    job_id: Mapped[int | None] = mapped_column(Integer, index=True)

    lines: Mapped[list[SaleLine]] = relationship(
        back_populates="sale", order_by="SaleLine.position", cascade="all, delete-orphan")
    payments: Mapped[list[Payment]] = relationship(
        back_populates="sale", order_by="Payment.position", cascade="all, delete-orphan")
    outcomes: Mapped[list[SheetOutcome]] = relationship(
        back_populates="sale", order_by="SheetOutcome.id", cascade="all, delete-orphan")

    # Every index is a page more that each sale writes and syncs, so a sale keeps only
    # those a lookup needs: the unique key serves "by terminal", and corrections (rare)
    # are indexed only where they exist. Reports start from the day's documents: by
    # business date, and within it by till (a till's or a store's day is found in the
    # index without reading the other tills' sales).
    __table_args__ = (UniqueConstraint("terminal_id", "sequence"),
                      _where_set("ix_sales_original_sale_id", "original_sale_id"),
                      Index("ix_sales_business_date_terminal_id", "business_date", "terminal_id"))


class SaleLine(Base):
    __tablename__ = "sale_lines"
    # The unique key serves "lines of a sale"; serials, attachments and returned lines
    # are indexed only where set (most lines have none).
    __table_args__ = (UniqueConstraint("sale_id", "position"),
                      _where_set("ix_sale_lines_parent_line_id", "parent_line_id"),
                      _where_set("ix_sale_lines_serial", "serial"),
                      _where_set("ix_sale_lines_original_line_id", "original_line_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[LineKind] = mapped_column(enum_column(LineKind))
    parent_line_id: Mapped[int | None] = mapped_column(ForeignKey("sale_lines.id"))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"))
    tier_id: Mapped[int | None] = mapped_column(ForeignKey("service_tiers.id"))
    sheet_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("sheet_items.id", ondelete="SET NULL"))
    pack_code: Mapped[str | None] = mapped_column(String(40))
    sku: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[int] = mapped_column(Integer)
    list_price: Mapped[int] = mapped_column(BigInteger)  # catalog price, per unit
    unit_price: Mapped[int] = mapped_column(BigInteger)  # charged per unit before discount
    discount: Mapped[int] = mapped_column(BigInteger)  # off the whole line
    line_total: Mapped[int] = mapped_column(BigInteger)
    unit_cost: Mapped[int] = mapped_column(BigInteger)
    vat_rate_bp: Mapped[int] = mapped_column(Integer)
    serial: Mapped[str | None] = mapped_column(String(64))
    override_reason: Mapped[str | None] = mapped_column(String(200))
    seller_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    original_line_id: Mapped[int | None] = mapped_column(ForeignKey("sale_lines.id"))

    sale: Mapped[Sale] = relationship(back_populates="lines")


class SheetOutcome(Base):
    """How one sheet item (or the service card) ended for one main unit of a sale."""

    __tablename__ = "sheet_outcomes"

    id: Mapped[int] = mapped_column(primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), index=True)
    main_line_id: Mapped[int] = mapped_column(ForeignKey("sale_lines.id"))
    subject: Mapped[OutcomeSubject] = mapped_column(enum_column(OutcomeSubject))
    # Not indexed, nor is main_line_id: a sale writes ~20 outcomes, and an index on the
    # item costs a page per outcome; only removing a sheet item (a rare edit of the
    # checklists) looks outcomes up by item. A unit's outcomes are found by sale.
    sheet_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("sheet_items.id", ondelete="SET NULL"))
    item_code: Mapped[str] = mapped_column(String(40))  # snapshot: the sheet may change
    item_name: Mapped[str] = mapped_column(String(120))
    outcome: Mapped[Outcome] = mapped_column(enum_column(Outcome))
    sold_line_id: Mapped[int | None] = mapped_column(ForeignKey("sale_lines.id"))
    added_on_site: Mapped[bool] = mapped_column(
        Boolean(create_constraint=True, name="added_on_site_is_boolean"), default=False,
        server_default="0")

    sale: Mapped[Sale] = relationship(back_populates="outcomes")


class ServiceCard(Base):
    __tablename__ = "service_cards"

    id: Mapped[int] = mapped_column(primary_key=True)
    card_no: Mapped[str] = mapped_column(String(32), unique=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), index=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("sale_lines.id"))
    # a unit's cards (an installer's add-on asks whether the unit has one)
    main_line_id: Mapped[int] = mapped_column(ForeignKey("sale_lines.id"), index=True)
    tier_id: Mapped[int] = mapped_column(ForeignKey("service_tiers.id"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    unit_serial: Mapped[str | None] = mapped_column(String(64))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date, index=True)  # None: lifetime
    state: Mapped[CardState] = mapped_column(enum_column(CardState))


class Payment(Base):
    __tablename__ = "payments"
    __table_args__ = (UniqueConstraint("sale_id", "position"),)  # also "payments of a sale"

    id: Mapped[int] = mapped_column(primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"))
    position: Mapped[int] = mapped_column(Integer)
    tender: Mapped[Tender] = mapped_column(enum_column(Tender))
    amount: Mapped[int] = mapped_column(BigInteger)  # as tendered (cash may exceed what is due)
    reference: Mapped[str | None] = mapped_column(String(64))
    card_last4: Mapped[str | None] = mapped_column(String(4))
    due_date: Mapped[date | None] = mapped_column(Date)  # on account

    sale: Mapped[Sale] = relationship(back_populates="payments")


class DocumentCounter(Base):
    """The last number issued per terminal and document kind (receipts, cards, ...)."""

    __tablename__ = "document_counters"

    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminals.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    last_number: Mapped[int] = mapped_column(BigInteger, default=0)


class JournalEntry(Base):
    """One sealed document in the tamper-evident chain (pos.ledger.chain). Version 1
    hashed the previous hash and the document; version 2 also its sequence number, type,
    reference and time."""

    __tablename__ = "journal_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    doc_type: Mapped[str] = mapped_column(String(20))
    doc_ref: Mapped[str] = mapped_column(String(40))  # read in chain order, never looked up
    payload: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    version: Mapped[int] = mapped_column(Integer, server_default="1")


class JournalHead(Base):
    """A single row naming the chain's end; updating it serialises writers. `mac`
    authenticates the end with the store's key (kept outside the database)."""

    __tablename__ = "journal_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    last_seq: Mapped[int] = mapped_column(BigInteger)
    last_hash: Mapped[str] = mapped_column(String(64))
    mac: Mapped[str | None] = mapped_column(String(64))


class ParkedCart(Base):
    __tablename__ = "parked_carts"

    cart_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminals.id"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    label: Mapped[str] = mapped_column(String(120))
    parked_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    cart_json: Mapped[str] = mapped_column(Text)
