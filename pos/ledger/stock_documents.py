"""The stock document model: every change to a store's stock that is not a sale line
(an opening, a receipt from a supplier, a transfer sent or received, a count, an
adjustment, a write-off) is one numbered document of one store, built once as frozen
records; the same records are sealed in the journal (`StockDocument.payload`), written
to the tables (pos.ledger.stock_tables) and read back from them for `journal verify`.

A document is never edited: a wrong one is corrected by a new one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from pos.kernel.enums import Bucket, StockDocKind, StockReason, UnitState
from pos.ledger import chain

# How a document's number reads: the store's code, its kind, a six-digit sequence.
PREFIX = {StockDocKind.OPENING: "OP", StockDocKind.RECEIPT: "GR",
          StockDocKind.TRANSFER_OUT: "TO", StockDocKind.TRANSFER_IN: "TI",
          StockDocKind.COUNT: "SC", StockDocKind.ADJUST: "AD", StockDocKind.WRITE_OFF: "WO"}


def stock_doc_number(store_code: str, kind: StockDocKind, sequence: int) -> str:
    return f"{store_code}-{PREFIX[kind]}-{sequence:06d}"


@dataclass(frozen=True, slots=True)
class StockLine:
    """One change to a store's quantity of a product: `qty` units (signed) into or out
    of its on-hand or in-transit bucket; a serial-tracked unit is a line of ±1 with its
    serial. `expected`/`counted`: what the books said and what was found (a count, a
    transfer received); `unit_cost`: what a received unit cost (minor units)."""

    position: int
    store_id: int
    product_id: int
    bucket: Bucket
    qty: int
    serial: str | None = None
    unit_cost: int | None = None
    expected: int | None = None
    counted: int | None = None
    reason: StockReason | None = None

    def sealed(self) -> list:
        return [self.position, self.store_id, self.product_id, self.bucket, self.qty,
                self.serial, self.unit_cost, self.expected, self.counted, self.reason]


@dataclass(frozen=True, slots=True)
class StockDocument:
    kind: StockDocKind
    doc_no: str
    store_id: int
    business_date: date
    posted_at: datetime
    request_id: str
    lines: tuple[StockLine, ...]
    other_store_id: int | None = None  # a transfer's other store
    transfer_no: str | None = None  # a transfer received: the transfer sent
    staff_id: int | None = None
    terminal_id: int | None = None
    supplier: str | None = None
    supplier_ref: str | None = None  # the supplier's delivery note number
    reason: StockReason | None = None
    note: str = ""
    scope: str | None = None  # a count: category:CODE or shelf:NAME
    first_sale_id: int | None = None  # the upgrade's adoption document only

    def payload(self) -> dict:
        return {
            "doc_no": self.doc_no, "kind": self.kind, "store": self.store_id,
            "other_store": self.other_store_id, "transfer": self.transfer_no,
            "staff": self.staff_id, "terminal": self.terminal_id, "supplier": self.supplier,
            "supplier_ref": self.supplier_ref, "reason": self.reason, "note": self.note,
            "scope": self.scope, "business_date": self.business_date.isoformat(),
            "posted_at": chain.sealed_time(self.posted_at), "request_id": self.request_id,
            "first_sale_id": self.first_sale_id,
            "lines": [line.sealed() for line in sorted(self.lines, key=_position)],
        }


def _position(line: StockLine) -> int:
    return line.position


def unit_state_after(*, from_sale: bool, bucket: Bucket, qty: int,
                     reason: StockReason | None) -> UnitState:
    """Where a serial-tracked unit stands after a movement of it (its last one)."""
    if from_sale:
        return UnitState.SOLD if qty < 0 else UnitState.RETURNED
    if qty > 0:
        return UnitState.IN_STOCK if bucket is Bucket.ON_HAND else UnitState.IN_TRANSIT
    if reason is StockReason.REPAIR_OUT:
        return UnitState.REPAIR
    return UnitState.WRITTEN_OFF
