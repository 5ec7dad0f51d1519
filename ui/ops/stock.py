"""The stock screen's calls (ui.stock): a product or a serial looked up across the stores,
the stock list (the low ones), the stores, goods received from a supplier, transfers sent
and received, and a stock count scanned and posted (pos.stock). Each posting takes the
request id the screen made for that attempt, so a retry after an error never posts
twice. The screen holds plain LineDraft values; pos.stock.records.MoveInput is built
here, on the worker."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pos.kernel.errors import UserError

if TYPE_CHECKING:
    from ui.ops.running import Call

NOT_A_PRODUCT = "stock.product_unknown"


@dataclass(frozen=True, slots=True)
class LineDraft:
    """One line scanned on the screen: a product by barcode or sku, how many (1 per
    serial), the serial of a serial-tracked unit, the unit cost of a receipt (minor
    units; None: the catalog's)."""

    code: str
    qty: int = 1
    serial: str | None = None
    unit_cost: int | None = None


@dataclass(frozen=True, slots=True)
class LookedUp:
    """What a code is: a product across the stores (pos.stock.records.ProductAcrossStores),
    or the histories of the units carrying that serial (SerialHistory, one per product);
    text that is neither: the stock rows (StockRow) of every store whose product's name
    or sku holds it."""

    code: str
    product: object | None = None
    serials: tuple = ()
    rows: tuple = ()  # no code: the stock rows whose product's name or sku holds the text


def _moves(lines):
    from pos.stock.records import MoveInput

    return [MoveInput(code=line.code, qty=line.qty, serial=line.serial,
                      unit_cost=line.unit_cost, line_no=number)
            for number, line in enumerate(lines, start=1)]


def _histories(answer) -> tuple:
    if answer is None:
        return ()
    return tuple(answer) if isinstance(answer, (list, tuple)) else (answer,)


@dataclass(frozen=True, slots=True)
class UnitProduct:
    """The product of a unit found by its serial (what a line needs of it)."""

    sku: str
    name: str
    serial_tracked: bool = True


def _what_is(db, code: str):
    """(the product, the serial, the serial's histories) a scanned code names: a known
    unit's serial names its product; else a barcode or sku its product (a
    ProductAcrossStores); else (None, None, ())."""
    from pos.stock.levels import lookup
    from pos.stock.serials import serial_history

    try:
        histories = _histories(serial_history(db, serial=code))
    except UserError as error:
        if error.message_id.startswith("db."):
            raise
        histories = ()  # no unit has it (or it cannot be a serial): a product's code?
    if histories:
        first = histories[0]
        return UnitProduct(first.sku, first.name), first.serial, histories
    try:
        return lookup(db, code=code), None, ()
    except UserError as error:
        if error.message_id != NOT_A_PRODUCT:
            raise
        return None, None, ()


def look_up(code: str, *, limit: int = 200) -> Call:
    """A serial: the history of each unit carrying it; else a barcode or sku: its
    product across every store; else the stock rows of the products whose name or sku
    holds the text. None of these: refused with stock.lookup_nothing."""
    def call(db):
        from pos.stock.levels import list_stock as listed

        product, _serial, histories = _what_is(db, code)
        if histories:
            return LookedUp(code, serials=histories)
        if product is not None:
            return LookedUp(code, product=product)
        rows = tuple(listed(db, store=None, search=code, limit=limit))
        if not rows:
            raise UserError("stock.lookup_nothing", code=code[:64])
        return LookedUp(code, rows=rows)
    return call


def line_product(code: str) -> Call:
    """What a code scanned into a document's lines names: (its product, None) for a
    barcode or sku; (the unit's product, the serial) for the serial of a unit the store
    knows; (None, None) otherwise (a new unit's serial, or a mistake). The product has
    its sku, name and whether it takes serials."""
    def call(db):
        product, serial, _histories = _what_is(db, code)
        return product, serial
    return call


def list_stock(*, store: str | None, low: bool = False, search: str = "",
               limit: int = 200) -> Call:
    """The stock of a store (every store: None), the low ones only (StockRow)."""
    def call(db):
        from pos.stock.levels import list_stock as listed

        options = {"search": search} if search else {}
        return listed(db, store=store, low=low, limit=limit, **options)
    return call


def set_reorder_point(*, store: str, code: str, point: int | None, staff_id: int) -> Call:
    """A manager sets (None: clears) the product's reorder point at `store`; the answer is
    the product across the stores, as it is now."""
    def call(db):
        from pos.stock.levels import lookup
        from pos.stock.levels import set_reorder_point as set_point

        set_point(db, store=store, code=code, point=point, staff_id=staff_id)
        return lookup(db, code=code)
    return call


def stock_stores() -> Call:
    """Every store: (code, name), by code; to send a transfer to."""
    def call(db):
        from pos.stock.levels import stores

        return stores(db)
    return call


def receive_goods(*, store: str, staff_id: int, supplier: str, supplier_ref: str,
                  lines: list[LineDraft], request_id: str, terminal: str | None) -> Call:
    """Post the goods received from a supplier (PostedDocument)."""
    def call(db):
        from pos.stock.receiving import receive

        return receive(db, store=store, staff_id=staff_id, supplier=supplier,
                       supplier_ref=supplier_ref, lines=_moves(lines), request_id=request_id,
                       terminal=terminal)
    return call


def send_transfer(*, from_store: str, to_store: str, staff_id: int, lines: list[LineDraft],
                  request_id: str) -> Call:
    """Send goods to another store: they are in transit until received there."""
    def call(db):
        from pos.stock.transfers import send_transfer as send

        return send(db, from_store=from_store, to_store=to_store, staff_id=staff_id,
                    lines=_moves(lines), request_id=request_id)
    return call


def incoming_transfers(store: str) -> Call:
    """The transfers on their way to `store`, not yet received (TransferView)."""
    def call(db):
        from pos.stock.transfers import open_transfers

        return open_transfers(db, store=store, incoming=True)
    return call


def receive_transfer(*, transfer_no: str, staff_id: int, lines: list[LineDraft] | None,
                     request_id: str, store: str) -> Call:
    """Receive a transfer: what was scanned (None: all as sent); the difference comes
    back as the PostedDocument's shortages."""
    def call(db):
        from pos.stock.transfers import receive_transfer as receive

        return receive(db, transfer_no=transfer_no, staff_id=staff_id,
                       lines=None if lines is None else _moves(lines),
                       request_id=request_id, store=store)
    return call


def open_counts(store: str) -> Call:
    """The counts started at `store` and not posted (CountView), to resume one."""
    def call(db):
        from pos.stock.counts import open_counts as listed

        return listed(db, store=store)
    return call


def start_count(*, store: str, scope: str, staff_id: int) -> Call:
    """A new count of `scope` (category:CODE or shelf:NAME): its view, empty."""
    def call(db):
        from pos.stock.counts import count_view as view
        from pos.stock.counts import start_count as start

        draft_id = start(db, store=store, scope=scope, staff_id=staff_id)
        return view(db, draft_id=draft_id)
    return call


def count_view(draft_id: str) -> Call:
    """A count as it stands (CountView): to resume one left open."""
    def call(db):
        from pos.stock.counts import count_view as view

        return view(db, draft_id=draft_id)
    return call


def scan_into_count(*, draft_id: str, code: str, qty: int = 1,
                    serials_of: str | None = None) -> Call:
    """One scan into the count, then (the count as it stands, the sku whose serials are
    being scanned or None). A serial-tracked product's barcode starts its serials: each
    scan after it that is no product's code is one unit's serial (`serials_of`), until
    another product is scanned. A known unit's serial names its product by itself."""
    def call(db):
        from pos.stock.counts import count_view as view
        from pos.stock.counts import scan_into_count as scan

        product, serial, _histories = _what_is(db, code)
        if serial is not None:  # a known unit: the count finds its product itself
            scan(db, draft_id=draft_id, code=code, qty=qty)
            return view(db, draft_id=draft_id), serials_of
        if product is None and serials_of is not None:  # a unit the store did not know
            scan(db, draft_id=draft_id, code=serials_of, qty=qty, serial=code)
            return view(db, draft_id=draft_id), serials_of
        if product is not None and product.serial_tracked:
            return view(db, draft_id=draft_id), product.sku  # its serials come next
        scan(db, draft_id=draft_id, code=code, qty=qty)
        return view(db, draft_id=draft_id), None
    return call


def discard_count(*, draft_id: str, staff_id: int) -> Call:
    """Drop a count not posted, with its scans (whoever started it, or a manager)."""
    def call(db):
        from pos.stock.counts import discard_count as discard

        discard(db, draft_id=draft_id, staff_id=staff_id)
    return call


def post_count(*, draft_id: str, staff_id: int) -> Call:
    """Post the count (a manager): the differences become its lines (PostedDocument)."""
    def call(db):
        from pos.stock.counts import post_count as post

        return post(db, draft_id=draft_id, staff_id=staff_id)
    return call
