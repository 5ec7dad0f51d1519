"""The records the stock reports (pos.stock.reports) give: plain frozen dataclasses for
the screen, the CSV and the PDF. Money in integer minor units."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from pos.kernel.enums import Bucket, StockReason


@dataclass(frozen=True, slots=True)
class CategoryValue:
    category: str  # its code
    name: str
    units: int
    value: int  # minor units, at cost


@dataclass(frozen=True, slots=True)
class StoreValue:
    store: str
    name: str
    units: int
    value: int
    categories: tuple[CategoryValue, ...]


@dataclass(frozen=True, slots=True)
class StockValue:
    store: str | None  # None: every store
    at: datetime
    stores: tuple[StoreValue, ...]
    categories: tuple[CategoryValue, ...]  # over the stores reported

    @property
    def units(self) -> int:
        return sum(s.units for s in self.stores)

    @property
    def value(self) -> int:
        return sum(s.value for s in self.stores)


@dataclass(frozen=True, slots=True)
class MoveRow:
    at: datetime
    store: str
    document: str  # S01-GR-000001, or a sale's receipt T01-000042
    kind: str  # a StockDocKind value, or the sale document's kind (sale, refund, void, addon)
    sku: str
    name: str
    qty: int  # signed
    bucket: Bucket
    serial: str | None
    reason: StockReason | None


@dataclass(frozen=True, slots=True)
class Movements:
    start: date
    end: date  # included
    store: str | None
    kind: str | None
    rows: tuple[MoveRow, ...]


@dataclass(frozen=True, slots=True)
class AgedRow:
    store: str
    sku: str
    name: str
    serial: str | None  # a serial unit; None: the product's units without a serial
    qty: int
    received: datetime | None  # a unit's arrival; None: before the cut-off (FIFO)
    cost: int  # per unit, minor units

    @property
    def value(self) -> int:
        return self.qty * self.cost


@dataclass(frozen=True, slots=True)
class AgedStock:
    store: str | None
    days: int
    at: datetime
    cutoff: datetime  # in stock since before this
    rows: tuple[AgedRow, ...]

    @property
    def units(self) -> int:
        return sum(r.qty for r in self.rows)

    @property
    def value(self) -> int:
        return sum(r.value for r in self.rows)


@dataclass(frozen=True, slots=True)
class SellThroughRow:
    store: str
    sku: str
    name: str
    opening: int  # on hand at the start of the period
    received: int  # received in the period
    sold: int  # sold in the period, net of returns and voids

    @property
    def basis(self) -> int:
        return self.opening + self.received

    @property
    def rate_bp(self) -> int | None:
        """sold ÷ (opening + received) in basis points, rounded; None when nothing was
        there to sell."""
        if self.basis <= 0:
            return None
        return (self.sold * 20_000 + self.basis) // (2 * self.basis)


@dataclass(frozen=True, slots=True)
class SellThrough:
    start: date
    end: date  # included
    store: str | None
    rows: tuple[SellThroughRow, ...]
