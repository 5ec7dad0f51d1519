"""Stock per store: the quantities each store holds (a cache of its movements), the
stock documents that move goods without a sale (receipts, transfers, counts,
adjustments, write-offs; sealed in the journal like sales), the movements themselves
(one row per change, from a sale line or a stock document's line), the serial-tracked
units with their place and state, and the scratch state of a count being scanned.

Nothing here is ever updated except the caches (store_stock, serial_units) and a count's
scratch rows: a wrong document is corrected by a new one.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger, CheckConstraint, Date, ForeignKey, Index, Integer, String, UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from pos.db.models.base import Base, UtcDateTime, enum_column
from pos.kernel.enums import Bucket, StockDocKind, StockReason, UnitState


def _partial(name: str, *columns: str, unique: bool = False, where: str | None = None) -> Index:
    condition = text(where or f"{columns[0]} IS NOT NULL")
    return Index(name, *columns, unique=unique, sqlite_where=condition,
                 postgresql_where=condition)


class StoreStock(Base):
    """What a store holds of a product: on hand and on its way in. A cache of the
    movements (`journal verify` checks it equals their sum); the reorder point is the
    store's planning, not a fact."""

    __tablename__ = "store_stock"
    __table_args__ = (Index("ix_store_stock_product_id", "product_id", "store_id"),)

    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"), primary_key=True,
                                          autoincrement=False)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), primary_key=True,
                                            autoincrement=False)
    on_hand: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    in_transit: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    reorder_point: Mapped[int | None] = mapped_column(Integer)


class StockDocument(Base):
    """A numbered stock document of one store (S01-GR-000001), sealed in the journal."""

    __tablename__ = "stock_documents"
    __table_args__ = (
        Index("ix_stock_documents_store_id", "store_id", "posted_at"),
        _partial("ix_stock_documents_other_store_id", "other_store_id"),
        # a transfer is received once
        _partial("uq_stock_documents_transfer_id", "transfer_id", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    doc_no: Mapped[str] = mapped_column(String(24), unique=True)
    kind: Mapped[StockDocKind] = mapped_column(enum_column(StockDocKind))
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"))
    other_store_id: Mapped[int | None] = mapped_column(ForeignKey("stores.id"))
    transfer_id: Mapped[int | None] = mapped_column(ForeignKey("stock_documents.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    terminal_id: Mapped[int | None] = mapped_column(ForeignKey("terminals.id"))
    supplier: Mapped[str | None] = mapped_column(String(120))
    supplier_ref: Mapped[str | None] = mapped_column(String(60))
    reason: Mapped[StockReason | None] = mapped_column(enum_column(StockReason))
    note: Mapped[str] = mapped_column(String(200), default="", server_default="")
    scope: Mapped[str | None] = mapped_column(String(120))
    business_date: Mapped[date] = mapped_column(Date)
    posted_at: Mapped[datetime] = mapped_column(UtcDateTime())
    request_id: Mapped[str] = mapped_column(String(36), unique=True)
    # The upgrade's adoption document: sales from this id on move stock by rows here.
    first_sale_id: Mapped[int | None] = mapped_column(Integer)
    journal_hash: Mapped[str] = mapped_column(String(64))


class StockMove(Base):
    """One change to a store's quantity of a product (one unit, for a serial): from a
    line of a stock document or from a sale line, never both."""

    __tablename__ = "stock_moves"
    __table_args__ = (
        CheckConstraint("(doc_id IS NULL) <> (sale_line_id IS NULL)", name="one_source"),
        UniqueConstraint("doc_id", "position"),
        _partial("uq_stock_moves_sale_line_id", "sale_line_id", unique=True),
        Index("ix_stock_moves_store_id", "store_id", "product_id", "at"),
        _partial("ix_stock_moves_serial", "serial"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    doc_id: Mapped[int | None] = mapped_column(ForeignKey("stock_documents.id"))
    position: Mapped[int | None] = mapped_column(Integer)
    sale_line_id: Mapped[int | None] = mapped_column(ForeignKey("sale_lines.id"))
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    bucket: Mapped[Bucket] = mapped_column(enum_column(Bucket))
    qty: Mapped[int] = mapped_column(Integer)  # signed
    serial: Mapped[str | None] = mapped_column(String(64))
    unit_cost: Mapped[int | None] = mapped_column(BigInteger)  # minor units, receipts
    expected: Mapped[int | None] = mapped_column(Integer)  # counts, transfers received
    counted: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[StockReason | None] = mapped_column(enum_column(StockReason))
    at: Mapped[datetime] = mapped_column(UtcDateTime())


class SerialUnit(Base):
    """A serial-tracked unit the store knows: where it is and what became of it. Its
    state follows from its last movement (`journal verify` checks it does); a unit is
    never sold twice (the unique key)."""

    __tablename__ = "serial_units"
    __table_args__ = (
        UniqueConstraint("product_id", "serial"),
        Index("ix_serial_units_serial", "serial"),
        Index("ix_serial_units_store_id", "store_id", "state", "product_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    serial: Mapped[str] = mapped_column(String(64))
    state: Mapped[UnitState] = mapped_column(enum_column(UnitState))
    # Where it is (or is heading, in transit; or was sold)
    store_id: Mapped[int | None] = mapped_column(ForeignKey("stores.id"))
    sale_line_id: Mapped[int | None] = mapped_column(ForeignKey("sale_lines.id"))
    # None only for units sold before stock was kept per store (the upgrade's)
    last_move_id: Mapped[int | None] = mapped_column(ForeignKey("stock_moves.id"))


class StoreCounter(Base):
    """The last number of each kind of stock document per store (gapless)."""

    __tablename__ = "store_counters"

    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"), primary_key=True,
                                          autoincrement=False)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer)


class StockCountDraft(Base):
    """A stock count being scanned: scratch state like a parked cart, deleted when the
    count is posted (its id becomes the posted document's request id)."""

    __tablename__ = "stock_count_drafts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"))
    scope: Mapped[str] = mapped_column(String(120))
    started_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())


class StockCountScan(Base):
    __tablename__ = "stock_count_scans"
    __table_args__ = (Index("ix_stock_count_scans_draft_id", "draft_id", "product_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[str] = mapped_column(ForeignKey("stock_count_drafts.id",
                                                     ondelete="CASCADE"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    serial: Mapped[str | None] = mapped_column(String(64))
    qty: Mapped[int] = mapped_column(Integer)
