"""What a stock count adds up to (pos.stock.counts): per product, what the books say at
the count's store now and what was scanned; for a serial-tracked product the units in
stock there and the serials scanned, and the document lines that make the books say
what was counted. Also how a scanned serial is read."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from pos.db import prepared
from pos.db.models import Category, Product, SerialUnit, StockCountScan, StoreStock
from pos.kernel.enums import Bucket, StockReason, UnitState
from pos.kernel.errors import UserError
from pos.kernel.imei import is_imei
from pos.kernel.serials import SERIAL
from pos.kernel.text import printable
from pos.ledger.stock_documents import StockLine
from pos.ledger.stock_tables import SELLABLE, find_unit, unit_refusal
from pos.stock.records import CountLine



@dataclass
class Tally:
    product_id: int
    sku: str
    name: str
    serial_tracked: bool
    expected: int = 0  # on hand at the store now
    counted: int = 0
    units: set[str] = field(default_factory=set)  # serials in stock here now
    scanned: set[str] = field(default_factory=set)

    def line(self) -> CountLine:
        missing = extra = ()
        if self.serial_tracked:
            missing = tuple(sorted(self.units - self.scanned))
            extra = tuple(sorted(self.scanned - self.units))
        return CountLine(self.sku, self.name, self.expected, self.counted, missing, extra)

    def stock_lines(self, conn, store_id: int, *, start: int) -> list[StockLine]:
        """The document's lines for this product: none when the count agrees."""
        out: list[StockLine] = []

        def add(qty: int, *, serial=None, expected: int, counted: int, reason) -> None:
            out.append(StockLine(start + len(out), store_id, self.product_id, Bucket.ON_HAND,
                                 qty, serial=serial, expected=expected, counted=counted,
                                 reason=reason))

        if not self.serial_tracked:
            if self.counted != self.expected:
                add(self.counted - self.expected, expected=self.expected, counted=self.counted,
                    reason=StockReason.COUNT_DIFFERENCE)
            return out
        for serial in sorted(self.units - self.scanned):  # not found: written off
            add(-1, serial=serial, expected=1, counted=0, reason=StockReason.COUNT_DIFFERENCE)
        for serial in sorted(self.scanned - self.units):  # found here
            refusal = bring_in_refusal(conn, store_id, self.product_id, serial)
            if refusal is not None:
                raise refusal
            add(1, serial=serial, expected=0, counted=1, reason=StockReason.FOUND)
        unserialled = self.expected - len(self.units)  # stock with no known serial
        if unserialled:
            add(-unserialled, expected=unserialled, counted=0,
                reason=StockReason.COUNT_DIFFERENCE)
        return out


def tally_of(conn, draft, *, only: list[int] | None = None) -> list[Tally]:
    """Per product in the count (scanned, or for a category count also held here), what
    the books say and what was counted, by sku."""
    scans, units, stock = (StockCountScan.__table__, SerialUnit.__table__,
                           StoreStock.__table__)
    products = Product.__table__
    scanned = conn.execute(select(scans.c.product_id, scans.c.serial, scans.c.qty).where(
        scans.c.draft_id == draft.id)).all()
    ids = {row.product_id for row in scanned}
    if draft.scope.startswith("shelf:"):
        counted_ids = {row.product_id for row in scanned if row.serial is not None}
        totals: dict[int, int] = {}
        for row in scanned:
            if row.serial is None:
                totals[row.product_id] = totals.get(row.product_id, 0) + row.qty
        # a product scanned and taken back to nothing was not counted on this shelf
        ids = counted_ids | {pid for pid, total in totals.items() if total}
    if only is not None:
        ids = set(only)
    elif draft.scope.startswith("category:"):
        in_category = (select(products.c.id).join(Category, Category.id == products.c.category_id)
                       .where(Category.code == draft.scope.partition(":")[2]))
        ids |= set(conn.execute(select(stock.c.product_id).where(
            stock.c.store_id == draft.store_id, stock.c.on_hand != 0,
            stock.c.product_id.in_(in_category))).scalars())
        ids |= set(conn.execute(select(units.c.product_id).where(
            units.c.store_id == draft.store_id, units.c.state.in_(SELLABLE),
            units.c.product_id.in_(in_category))).scalars())
    if not ids:
        return []
    tallies: dict[int, Tally] = {}
    for pid, sku, name, tracked, on_hand in conn.execute(
            select(products.c.id, products.c.sku, products.c.name, products.c.serial_tracked,
                   func.coalesce(stock.c.on_hand, 0))
            .select_from(products.outerjoin(stock, (stock.c.product_id == products.c.id)
                                            & (stock.c.store_id == draft.store_id)))
            .where(products.c.id.in_(sorted(ids)))):
        tallies[pid] = Tally(pid, sku, name, bool(tracked), expected=on_hand)
    for pid, serial in conn.execute(select(units.c.product_id, units.c.serial).where(
            units.c.store_id == draft.store_id, units.c.state.in_(SELLABLE),
            units.c.product_id.in_(sorted(ids)))):
        tallies[pid].units.add(serial)
    for row in scanned:
        tally = tallies.get(row.product_id)
        if tally is None:
            continue
        if row.serial is not None:
            tally.scanned.add(row.serial)
        else:
            tally.counted += row.qty
    for tally in tallies.values():
        if tally.serial_tracked:
            tally.counted = len(tally.scanned)
    return sorted(tallies.values(), key=lambda t: t.sku)


def bring_in_refusal(conn, store_id: int, product_id: int, serial: str) -> UserError | None:
    """Why a serial counted here that is not in stock here cannot be brought in as
    found: sold (on which receipt), in stock at another store, in transit."""
    unit = find_unit(conn, product_id, serial)
    if unit is None:
        return None
    state = UnitState(unit.state)
    if state in SELLABLE and unit.store_id == store_id:
        return None
    if state in (UnitState.WRITTEN_OFF, UnitState.REPAIR):
        return None  # turned up again
    run = prepared.on(conn)
    return unit_refusal(run, unit, serial=serial, store_id=store_id,
                        receiving=state is UnitState.SOLD)


def serial_text(text: str) -> str:
    serial = text.strip().upper()
    compact = serial.replace(" ", "").replace("-", "")
    return compact if is_imei(compact) else serial


def checked_serial(text: str) -> str:
    serial = serial_text(text) if isinstance(text, str) else ""
    if not SERIAL.fullmatch(serial):
        raise UserError("serial.invalid", serial=printable(serial)[:64])
    return serial
