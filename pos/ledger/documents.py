"""The one document model for sales and corrections (add-ons, refunds, voids).

A document is built once as typed, frozen records; the same records are sealed in the
journal (`SaleDocument.payload`), written to the tables with everything that follows
from them and read back from them (pos.ledger.tables) for `journal verify` and for
reprints. A correction is a document like a sale: negative lines that point at the
lines they correct and payments that go back.

A document rebuilt for an entry sealed as version 1 reads exactly as documents were
sealed then, so a database written by an earlier version still verifies; version 2
seals every column a document is stored with, and its time.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from pos.kernel.enums import DocumentKind, LineKind, Outcome, OutcomeSubject, Tender
from pos.kernel.vat import vat_by_rate
from pos.ledger import chain

LINE_FIELDS = (
    "position", "kind", "sku", "name", "product_id", "tier_id", "parent", "quantity",
    "list_price", "unit_price", "discount", "line_total", "unit_cost", "vat_rate_bp", "serial",
    "pack", "override_reason", "seller_id",
)
_LINE_VALUES = operator.attrgetter(*LINE_FIELDS)
# original_line and parent_line are sealed only when set, so documents sealed before
# they existed still verify.


@dataclass(frozen=True, slots=True)
class DocLine:
    position: int
    kind: LineKind
    sku: str
    name: str
    product_id: int | None
    tier_id: int | None
    parent: int | None  # the position of the line it hangs under, in this document
    quantity: int  # negative on a correction
    list_price: int
    unit_price: int
    discount: int  # negative on a correction
    line_total: int  # negative on a correction
    unit_cost: int
    vat_rate_bp: int
    serial: str | None
    pack: str | None
    override_reason: str | None
    seller_id: int
    original_line: int | None = None  # a correction: the line it takes back
    parent_line: int | None = None  # an add-on: the earlier sale's unit it hangs under
    sheet_item_id: int | None = None  # sealed from version 2

    def sealed(self, version: int) -> dict:
        values = dict(zip(LINE_FIELDS, _LINE_VALUES(self)))  # enums are str: JSON writes them
        if self.original_line:
            values["original_line"] = self.original_line
        if self.parent_line:
            values["parent_line"] = self.parent_line
        if version >= 2:
            values["sheet_item"] = self.sheet_item_id
        return values


@dataclass(frozen=True, slots=True)
class DocOutcome:
    """How one sheet item, or the unit's service card, ended for one unit."""

    main: int | None  # the unit's position; None when the unit is an earlier sale's
    subject: OutcomeSubject
    item_code: str
    outcome: Outcome
    sold: int | None  # the position of the line it was sold as
    sheet_item_id: int | None = None  # not sealed, nor the rest
    item_name: str = ""
    main_line: int | None = None  # the earlier sale's unit (add-ons)
    added_on_site: bool = False

    def sealed(self, version: int) -> list:
        if version >= 2:  # every column it is stored with
            return [self.main, self.subject, self.item_code, self.outcome, self.sold,
                    self.sheet_item_id, self.item_name, self.main_line, self.added_on_site]
        return [self.main, self.subject, self.item_code, self.outcome, self.sold]


@dataclass(frozen=True, slots=True)
class DocPayment:
    position: int
    tender: Tender
    amount: int  # negative: money back
    reference: str | None = None
    card_last4: str | None = None
    due_date: date | None = None  # paid on account

    def sealed(self) -> list:
        return [self.position, self.tender, self.amount, self.reference,
                self.card_last4, self.due_date.isoformat() if self.due_date else None]


@dataclass(frozen=True, slots=True)
class DocCard:
    card_no: str
    tier_id: int
    main: int | None  # the covered unit's position; None when an earlier sale's
    customer_id: int | None
    unit_serial: str | None
    start_date: date
    end_date: date | None  # None: lifetime
    line: int  # the card line's position (not sealed, nor main_line)
    main_line: int | None = None

    def sealed(self, version: int) -> list:
        values = [self.card_no, self.tier_id, self.main, self.customer_id, self.unit_serial,
                  self.start_date.isoformat(), self.end_date.isoformat() if self.end_date else None]
        if version >= 2:
            values += [self.line, self.main_line]
        return values


@dataclass(frozen=True, slots=True)
class Totals:
    total: int
    discount_total: int
    vat_total: int


def totals_of(lines: Iterable[DocLine]) -> Totals:
    """A document's totals from its lines (VAT by pos.kernel.vat's rule)."""
    lines = list(lines)
    vat = vat_by_rate((line.vat_rate_bp, line.line_total) for line in lines)
    return Totals(sum(line.line_total for line in lines), sum(line.discount for line in lines),
                  sum(v.vat for v in vat))


@dataclass(frozen=True, slots=True)
class SaleDocument:
    kind: DocumentKind
    receipt_no: str
    cart_uuid: str
    terminal_id: int
    sequence: int
    staff_id: int
    customer_id: int | None
    business_date: date
    total: int
    discount_total: int
    vat_total: int
    tendered: int
    change: int
    lines: tuple[DocLine, ...]
    outcomes: tuple[DocOutcome, ...] = ()
    payments: tuple[DocPayment, ...] = ()
    cards: tuple[DocCard, ...] = ()
    original_receipt: str | None = None  # what a correction or an add-on refers to
    original_sale_id: int | None = None  # not sealed, nor what follows
    shift_id: int | None = None
    completed_at: datetime | None = None

    def payload(self, version: int = chain.VERSION) -> dict:
        """What the journal seals. From version 2 the time of completion is sealed too
        (the journal's own entry seals its time, type and reference)."""
        header = {
            "receipt_no": self.receipt_no, "cart_uuid": self.cart_uuid,
            "terminal_id": self.terminal_id, "sequence": self.sequence,
            "staff_id": self.staff_id, "customer_id": self.customer_id,
            "business_date": self.business_date.isoformat(), "total": self.total,
            "discount_total": self.discount_total, "vat_total": self.vat_total,
            "tendered": self.tendered, "change": self.change,
        }
        if self.kind is not DocumentKind.SALE or version >= 2:  # version 1 sales: without
            header |= {"kind": self.kind, "original": self.original_receipt}
        if version >= 2:
            header |= {"completed_at": chain.sealed_time(self.completed_at),
                       "shift": self.shift_id}
        return {
            **header,
            "lines": [line.sealed(version) for line in self.lines],
            "outcomes": sorted((o.sealed(version) for o in self.outcomes),
                               key=lambda row: (row[0] or 0, row[1], row[2])),
            "payments": sorted(p.sealed() for p in self.payments),
            "cards": sorted(c.sealed(version) for c in self.cards),
        }

    def line(self, position: int) -> DocLine:
        return next(line for line in self.lines if line.position == position)
