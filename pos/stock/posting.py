"""What every stock service shares: the store, the staff member and the products a
document names (looked up in chunks, so a delivery of 10,000 serials is a few dozen
statements, not 10,000; serial units: pos.stock.unit_lookup), and posting exactly once.

Posting: the caller names each attempt with a `request_id` (a uuid; the screen or the
command makes one per attempt). `stock_documents.request_id` is unique, so the same
request posted again (a retry after a lost answer, a double click) returns the document
already posted, marked `replayed`, and never writes a second one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from pos.db.engine import Database
from pos.db.models import Product, Staff, StockMove, Store, StoreStock, Terminal
from pos.db.models import StockDocument as DocRow
from pos.kernel.clock import utcnow
from pos.kernel.enums import Bucket, StaffRole, StockDocKind, StockReason
from pos.kernel.errors import UserError
from pos.kernel.text import clean_text, printable
from pos.ledger import chain
from pos.ledger.stock_documents import StockDocument, StockLine, stock_doc_number
from pos.ledger.stock_tables import next_store_number, write_stock_document
from pos.stock.records import PostedDocument, Shortage
from pos.store.settings import get_setting

CHUNK = 500  # values of one IN list
MANAGERS = (StaffRole.MANAGER, StaffRole.ADMIN)
_REQUEST_ID = re.compile(r"[0-9A-Za-z-]{8,36}")
NOTE_MAX = 200


def chunks(values: list, size: int = CHUNK):
    for start in range(0, len(values), size):
        yield values[start:start + size]


# --- who and where ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class StoreRow:
    id: int
    code: str
    name: str


def store_row(conn, code: str | None) -> StoreRow:
    """The store with this code (as typed, or in capitals); `store.unknown` if none."""
    text = code.strip() if isinstance(code, str) else ""
    row = None
    if text:
        row = conn.execute(select(Store.id, Store.code, Store.name).where(
            Store.code.in_({text, text.upper()})).order_by(Store.id)).first()
    if row is None:
        raise UserError("store.unknown", store=printable(text)[:20])
    return StoreRow(*row)


def store_code(conn, store_id: int) -> str:
    return conn.execute(select(Store.code).where(Store.id == store_id)).scalar_one()


def staff_role(conn, staff_id: int) -> StaffRole:
    """The role of an active staff member; `permission.log_in_first` for anyone else."""
    role = conn.execute(select(Staff.role).where(Staff.id == staff_id,
                                                 Staff.active.is_(True))).scalar()
    if role is None:
        raise UserError("permission.log_in_first")
    return StaffRole(role)


def require_manager(conn, staff_id: int, action: str) -> None:
    """Only an active manager or administrator; `action` is the message id of what they
    would do ("stock.action.adjust")."""
    if staff_role(conn, staff_id) not in MANAGERS:
        raise UserError("stock.managers_only", action=action)


def terminal_id(conn, code: str | None) -> int | None:
    if code is None:
        return None
    found = conn.execute(select(Terminal.id).where(Terminal.code == code.strip())).scalar()
    if found is None:
        raise UserError("terminal.not_set_up", terminal=printable(code)[:20])
    return found


def note_text(note: str | None) -> str:
    return clean_text(note or "", max_length=NOTE_MAX, field="field.notes")


def negative_allowed(conn) -> Callable[[], bool]:
    return lambda: bool(get_setting(conn, "allow_negative_stock"))


# --- products and quantities -----------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ProductRow:
    id: int
    sku: str
    name: str
    serial_tracked: bool
    cost: int
    category_id: int | None


_PRODUCT = (Product.id, Product.sku, Product.name, Product.serial_tracked, Product.cost,
            Product.category_id)


def code_text(code) -> str:
    return code.strip() if isinstance(code, str) else ""


def products_by_code(conn, codes: Iterable[str]) -> dict[str, ProductRow]:
    """Each code (a barcode, else a sku) -> its product, read a chunk at a time; the
    first code the catalog does not know is refused (`stock.product_unknown`)."""
    wanted = list(dict.fromkeys(code_text(code) for code in codes))
    found: dict[str, ProductRow] = {}
    for part in chunks([code for code in wanted if code]):
        for row in conn.execute(select(Product.barcode, *_PRODUCT).where(
                Product.barcode.in_(part))):
            found[row[0]] = ProductRow(*row[1:])
        rest = [code for code in part if code not in found]
        if rest:
            for row in conn.execute(select(Product.sku, *_PRODUCT).where(Product.sku.in_(rest))):
                found[row[0]] = ProductRow(*row[1:])
    for code in wanted:
        if code not in found:
            raise UserError("stock.product_unknown", code=printable(code)[:64])
    return found


def products_by_id(conn, ids: Iterable[int]) -> dict[int, ProductRow]:
    found: dict[int, ProductRow] = {}
    for part in chunks(sorted(set(ids))):
        for row in conn.execute(select(*_PRODUCT).where(Product.id.in_(part))):
            found[row[0]] = ProductRow(*row)
    return found


def quantity(value, *, signed: bool = False) -> int:
    """A line's quantity: a whole number of at least 1 (`signed`: any but 0)."""
    good = isinstance(value, int) and not isinstance(value, bool) and (
        value != 0 if signed else value >= 1)
    if not good:
        raise UserError("stock.negative_quantity", text=printable(str(value))[:20])
    return value


def on_hand(conn, store_id: int, product_ids: Iterable[int]) -> dict[int, int]:
    """Product id -> on hand at the store (0 for a product it never held)."""
    ids = sorted(set(product_ids))
    held = dict.fromkeys(ids, 0)
    for part in chunks(ids):
        held.update(conn.execute(select(StoreStock.product_id, StoreStock.on_hand).where(
            StoreStock.store_id == store_id, StoreStock.product_id.in_(part))).all())
    return held


def check_on_hand(conn, store: StoreRow, taking: dict[int, int],
                  products: dict[int, ProductRow]) -> None:
    """Refuse (`stock.short_at_store`) taking more than the store holds, unless the store
    allows stock below zero (the ledger checks again as it takes)."""
    if not taking:
        return
    held = on_hand(conn, store.id, taking)
    for product_id, asked in taking.items():
        if asked > held[product_id] and not get_setting(conn, "allow_negative_stock"):
            raise UserError("stock.short_at_store", name=products[product_id].name,
                            store=store.code, stock=held[product_id], asked=asked)


# --- posting ---------------------------------------------------------------------------

def check_request_id(request_id) -> str:
    """An id the caller made for this attempt (a uuid: 8 to 36 letters, digits and
    dashes). Anything else is a bug in the caller."""
    if not (isinstance(request_id, str) and _REQUEST_ID.fullmatch(request_id)):
        raise ValueError("a request id is a uuid string")
    return request_id


@dataclass
class Draft:
    """A document being built: its header, and lines added in order."""

    kind: StockDocKind
    store: StoreRow
    staff_id: int | None
    request_id: str
    reason: StockReason | None = None
    other_store_id: int | None = None
    transfer_no: str | None = None
    terminal_id: int | None = None
    supplier: str | None = None
    supplier_ref: str | None = None
    note: str = ""
    scope: str | None = None

    def __post_init__(self):
        self.lines: list[StockLine] = []

    def add(self, store_id: int, product_id: int, bucket: Bucket, qty: int, *,
            serial: str | None = None, unit_cost: int | None = None,
            expected: int | None = None, counted: int | None = None,
            reason: StockReason | None = None) -> None:
        self.lines.append(StockLine(len(self.lines) + 1, store_id, product_id, bucket, qty,
                                    serial, unit_cost, expected, counted, reason))


def write(conn, draft: Draft, *, shortages: tuple[Shortage, ...] = ()) -> PostedDocument:
    """Number the draft (the store's counter first), seal and write it."""
    if not draft.lines:
        raise UserError("stock.nothing_to_post")
    number = stock_doc_number(draft.store.code, draft.kind,
                              next_store_number(conn, draft.store.id, draft.kind))
    document = StockDocument(
        kind=draft.kind, doc_no=number, store_id=draft.store.id, business_date=date.today(),
        posted_at=utcnow(), request_id=draft.request_id, lines=tuple(draft.lines),
        other_store_id=draft.other_store_id, transfer_no=draft.transfer_no,
        staff_id=draft.staff_id, terminal_id=draft.terminal_id, supplier=draft.supplier,
        supplier_ref=draft.supplier_ref, reason=draft.reason, note=draft.note,
        scope=draft.scope)
    written = write_stock_document(conn, document, negative_stock_allowed=negative_allowed(conn))
    return PostedDocument(number, draft.kind, draft.store.code, len(draft.lines),
                          _units(draft.lines), written.anchor, shortages)


def _units(lines: Iterable) -> int:
    return sum(abs(line.qty) for line in lines if Bucket(line.bucket) is Bucket.ON_HAND)


def post_once(db: Database, request_id: str, kinds: tuple[StockDocKind, ...],
              build: Callable[..., PostedDocument],
              conflict: Callable[..., UserError | None] | None = None) -> PostedDocument:
    """`build(conn)` in one write transaction, unless this request already posted: then
    the document it posted, `replayed`. Two attempts racing: the second loses on the
    unique request id (or on the units the first moved) and answers the first's.
    `conflict(conn)`: after another request won a race on a unique key (a transfer
    received twice at once), the refusal to give instead of the database's error."""
    check_request_id(request_id)
    try:
        with db.write_connection() as conn:
            done = replayed(conn, request_id, kinds)
            if done is not None:
                return done
            return build(conn)
    except (IntegrityError, UserError) as error:
        with db.read_connection() as conn:
            done = replayed(conn, request_id, kinds)
            refusal = (conflict(conn) if done is None and conflict is not None
                       and isinstance(error, IntegrityError) else None)
        if refusal is not None:
            raise refusal from error
        if done is None:
            raise
        return done


def replayed(conn, request_id: str, kinds: tuple[StockDocKind, ...]) -> PostedDocument | None:
    """The document this request posted, or None; a request id used for another kind of
    document is refused."""
    doc = conn.execute(select(DocRow.id, DocRow.doc_no, DocRow.kind, DocRow.store_id,
                              DocRow.journal_hash).where(DocRow.request_id == request_id)).first()
    if doc is None:
        return None
    if StockDocKind(doc.kind) not in kinds:
        raise UserError("stock.request_reused", doc=doc.doc_no)
    lines = conn.execute(select(StockMove.product_id, StockMove.bucket, StockMove.qty,
                                StockMove.serial, StockMove.expected, StockMove.counted,
                                StockMove.reason).where(StockMove.doc_id == doc.id)
                         .order_by(StockMove.position)).all()
    return PostedDocument(doc.doc_no, StockDocKind(doc.kind), store_code(conn, doc.store_id),
                          len(lines), _units(lines), chain.anchor_code(doc.journal_hash),
                          shortages_of(conn, lines), replayed=True)


def shortages_of(conn, lines) -> tuple[Shortage, ...]:
    """A transfer received short: each product's `transit_short` lines say what was sent
    (expected), received (counted) and which serials did not come."""
    short: dict[int, list] = {}
    for line in lines:
        if line.reason is not None and StockReason(line.reason) is StockReason.TRANSIT_SHORT:
            entry = short.setdefault(line.product_id, [line.expected, line.counted, []])
            if line.serial:
                entry[2].append(line.serial)
    if not short:
        return ()
    products = products_by_id(conn, short)
    return tuple(Shortage(products[pid].sku, products[pid].name, sent, received, tuple(serials))
                 for pid, (sent, received, serials) in short.items())


def given_serial(line, product) -> str | None:
    """A line's serial as given, checked against its product: a serial-tracked
    product's line is one unit with its serial (stock.serial_needed,
    stock.serial_count_mismatch), any other product's has none (stock.serial_not_tracked)."""
    given = line.serial if isinstance(line.serial, str) and line.serial.strip() else None
    if not product.serial_tracked:
        if given is not None:
            raise UserError("stock.serial_not_tracked", name=product.name)
        return None
    if given is None:
        raise UserError("stock.serial_needed", name=product.name)
    if line.qty != 1:
        raise UserError("stock.serial_count_mismatch", name=product.name, quantity=line.qty,
                        serials=1)
    return given
