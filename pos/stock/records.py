"""What the stock services take and give back: plain frozen records, no SQLAlchemy, so
screens and commands can hold them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from pos.kernel.enums import StockDocKind, StockReason, UnitState


@dataclass(frozen=True, slots=True)
class MoveInput:
    """One line a person or a file gives: a product by barcode or sku, a quantity (one
    per serial for a serial-tracked product), and what else the document takes."""

    code: str
    qty: int = 1
    serial: str | None = None
    unit_cost: int | None = None  # minor units (a receipt from a supplier)
    reason: StockReason | str | None = None
    line_no: int | None = None  # the file's line, to name in a refusal


@dataclass(frozen=True, slots=True)
class Shortage:
    """A transfer received short (or over): the difference, per product."""

    sku: str
    name: str
    sent: int
    received: int
    serials_missing: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PostedDocument:
    doc_no: str
    kind: StockDocKind
    store: str  # its store's code
    lines: int  # movement lines written
    units: int  # total quantity moved (absolute)
    anchor: str = ""  # the journal entry's anchor code
    shortages: tuple[Shortage, ...] = ()
    replayed: bool = False  # the same request posted before: nothing new was written


@dataclass(frozen=True, slots=True)
class StockRow:
    """A product's stock at one store (pos stock list)."""

    store: str
    sku: str
    name: str
    on_hand: int
    reserved: int  # in parked carts at this store
    in_transit: int  # on its way in
    reorder_point: int | None
    cost: int  # minor units, per unit

    @property
    def low(self) -> bool:
        return self.reorder_point is not None and self.on_hand <= self.reorder_point


@dataclass(frozen=True, slots=True)
class StoreHolding:
    store: str
    store_name: str
    on_hand: int
    in_transit: int
    reorder_point: int | None
    serials: tuple[str, ...] = ()  # units in stock there (serial-tracked products)


@dataclass(frozen=True, slots=True)
class ProductAcrossStores:
    sku: str
    name: str
    serial_tracked: bool
    stores: tuple[StoreHolding, ...]


@dataclass(frozen=True, slots=True)
class SerialEvent:
    at: datetime
    kind: str  # a stock document kind (StockDocKind) or a sale document kind
    document: str  # its number: S01-GR-000001, T01-000042
    store: str  # where the unit went (or was sold)
    state: UnitState  # its state after this
    staff: str | None = None
    reason: StockReason | None = None


@dataclass(frozen=True, slots=True)
class SerialHistory:
    serial: str
    sku: str
    name: str
    state: UnitState
    store: str | None
    events: tuple[SerialEvent, ...]


@dataclass(frozen=True, slots=True)
class CountLine:
    sku: str
    name: str
    expected: int  # on the books when the count is posted
    counted: int
    serials_missing: tuple[str, ...] = ()
    serials_extra: tuple[str, ...] = ()

    @property
    def difference(self) -> int:
        return self.counted - self.expected


@dataclass(frozen=True, slots=True)
class CountView:
    draft_id: str
    store: str
    scope: str
    started_at: datetime
    lines: tuple[CountLine, ...]


@dataclass(frozen=True, slots=True)
class TransferLine:
    sku: str
    name: str
    qty: int
    serials: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TransferView:
    doc_no: str
    from_store: str
    to_store: str
    sent_at: datetime
    business_date: date
    lines: tuple[TransferLine, ...]
    received_doc: str | None = None  # the transfer-in that received it
