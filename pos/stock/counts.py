"""Stock counts: a store's stock counted by scanning, then posted as one COUNT document.

A count is started for a scope, `category:CODE` (every product of a category: what is
not scanned was not found) or `shelf:NAME` (only what is scanned is counted). Anyone
logged in scans into its draft (scratch rows like a parked cart, not facts); a manager
posts it: one line per product whose count differs from the books at that moment (qty =
counted − expected, reason count_difference). A serial-tracked product is counted by its
serials: a unit in stock here that was not scanned is taken out (written off), a serial
scanned that is not in stock here is brought in (found) unless it was sold (the receipt
is named) or is in stock at another store or in transit (transfer it first). Stock here
that has no known serial is taken out too: the serials scanned are what there is.

The draft's id is the document's request id, so a count is posted once; the draft and
its scans go in the same transaction as the document.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, or_, select

from pos.db.engine import Database
from pos.db.models import (
    Category, Product, SerialUnit, Staff, StockCountDraft, StockCountScan, Store,
)
from pos.db.models import StockDocument as DocRow
from pos.kernel.clock import utcnow
from pos.kernel.enums import Bucket, StaffRole, StockDocKind, StockReason
from pos.kernel.errors import UserError
from pos.kernel.text import clean_text, printable
from pos.ledger import chain
from pos.ledger.stock_documents import StockDocument, StockLine, stock_doc_number
from pos.ledger.stock_tables import SELLABLE, next_store_number, write_stock_document
from pos.stock.count_tally import bring_in_refusal, checked_serial, serial_text, tally_of
from pos.stock.records import CountLine, CountView, PostedDocument
from pos.store.settings import get_setting

MANAGERS = (StaffRole.MANAGER, StaffRole.ADMIN)
SCOPE_MAX = 120  # stock_documents.scope
MAX_QTY = 1_000_000  # one scan


# --- starting, scanning, looking ---------------------------------------------------------

def start_count(db: Database, *, store: str, scope: str, staff_id: int) -> str:
    """Open a count of `store` (its code) for `scope`; returns the draft's id."""
    with db.write_connection() as conn:
        _active_staff(conn, staff_id)
        store_id = _store_id(conn, store)
        scope = _checked_scope(conn, scope)
        draft_id = str(uuid.uuid4())
        conn.execute(StockCountDraft.__table__.insert().values(
            id=draft_id, store_id=store_id, scope=scope, started_by=staff_id,
            started_at=utcnow()))
        return draft_id


def scan_into_count(db: Database, *, draft_id: str, code: str, qty: int = 1,
                    serial: str | None = None) -> CountLine:
    """Count `qty` more of the product whose barcode or sku is `code` (a negative qty
    takes back an over-scan; the count never goes below zero). A serial-tracked product
    is counted by its serials: `code` may be a known unit's serial (it names the
    product too), or the product's code with `serial`; a negative qty takes that serial
    off the count. Returns the product's line as it stands now."""
    with db.write_connection() as conn:
        draft = _draft(conn, draft_id, lock=True)  # a posting waits for the scan, or it
        product = _scan(conn, draft, code, qty, serial)  # went first
        found = tally_of(conn, draft, only=[product.id])
        return found[0].line() if found else CountLine(product.sku, product.name, 0, 0)


def scan_many_into_count(db: Database, *, draft_id: str,
                         scans: list[tuple[str, int, str | None]]) -> list[tuple[int, UserError]]:
    """Many scans (code, qty, serial) into a count in one transaction, as a file of
    them is read: each is checked as scan_into_count checks one; the refused ones are
    returned as (index, refusal) and, if any is, nothing is kept (all or nothing)."""
    refused: list[tuple[int, UserError]] = []
    try:
        with db.write_connection() as conn:
            draft = _draft(conn, draft_id, lock=True)
            for index, (code, qty, serial) in enumerate(scans):
                try:  # a scan is refused before it writes anything
                    _scan(conn, draft, code, qty, serial)
                except UserError as refusal:
                    refused.append((index, refusal))
            if refused:
                raise _Refused
    except _Refused:
        pass
    return refused


class _Refused(Exception):
    """Rolls back a file's scans when one of them was refused."""


def _scan(conn, draft, code: str, qty: int, serial: str | None):
    """One scan into the draft, checked; returns its product."""
    if isinstance(qty, bool) or not isinstance(qty, int):
        raise TypeError("qty is a whole number")
    if qty == 0 or abs(qty) > MAX_QTY:
        raise UserError("stock.negative_quantity", text=str(qty))
    product, serial = _product_and_serial(conn, draft, code, serial)
    if draft.scope.startswith("category:"):
        category = draft.scope.partition(":")[2]
        if product.category != category:
            raise UserError("stock.count_other_category", name=product.name,
                            category=product.category, scope=draft.scope)
    scans = StockCountScan.__table__
    if product.serial_tracked:
        if serial is None:
            raise UserError("stock.serial_needed", name=product.name)
        if abs(qty) != 1:
            raise UserError("stock.serial_count_mismatch", name=product.name,
                            quantity=abs(qty), serials=1)
        already = conn.execute(select(scans.c.id).where(
            scans.c.draft_id == draft.id, scans.c.product_id == product.id,
            scans.c.serial == serial)).scalar()
        if qty < 0:
            if already is None:
                raise UserError("stock.count_serial_not_scanned", serial=serial)
            conn.execute(delete(scans).where(scans.c.id == already))
        else:
            if already is not None:
                raise UserError("stock.serial_repeated", serial=serial)
            refusal = bring_in_refusal(conn, draft.store_id, product.id, serial)
            if refusal is not None:
                raise refusal
            conn.execute(scans.insert().values(draft_id=draft.id, product_id=product.id,
                                               serial=serial, qty=1))
    else:
        if serial is not None:
            raise UserError("stock.serial_not_tracked", name=product.name)
        counted = conn.execute(select(func.coalesce(func.sum(scans.c.qty), 0)).where(
            scans.c.draft_id == draft.id, scans.c.product_id == product.id)).scalar_one()
        if counted + qty < 0:
            raise UserError("stock.negative_count", text=str(counted + qty))
        conn.execute(scans.insert().values(draft_id=draft.id, product_id=product.id,
                                           serial=None, qty=qty))
    return product


def count_view(db: Database, *, draft_id: str) -> CountView:
    """The count as it stands: per product, what the books say now at its store, what
    was counted, and for serial-tracked products the serials missing and extra."""
    with db.read() as session:
        conn = session.connection()
        return _view(conn, _draft(conn, draft_id))


def open_counts(db: Database, *, store: str | None = None) -> list[CountView]:
    """The counts started and not yet posted or discarded (of one store, or all), oldest
    first."""
    drafts = StockCountDraft.__table__
    with db.read() as session:
        conn = session.connection()
        query = select(drafts.c.id).order_by(drafts.c.started_at, drafts.c.id)
        if store is not None:
            query = query.where(drafts.c.store_id == _store_id(conn, store))
        return [_view(conn, _draft(conn, draft_id)) for draft_id in conn.execute(query).scalars()]


def discard_count(db: Database, *, draft_id: str, staff_id: int) -> None:
    """Drop a count not posted, with its scans: by whoever started it, or a manager."""
    with db.write_connection() as conn:
        role = _active_staff(conn, staff_id)
        draft = _draft(conn, draft_id, lock=True)
        if role not in MANAGERS and draft.started_by != staff_id:
            name = conn.execute(select(Staff.name).where(Staff.id == draft.started_by)).scalar()
            raise UserError("stock.count_not_yours", count=draft.id, name=name or "")
        _drop(conn, draft.id)


# --- posting -------------------------------------------------------------------------------

def post_count(db: Database, *, draft_id: str, staff_id: int) -> PostedDocument:
    """Post the count (a manager or an administrator): its differences from the books,
    now, become one sealed COUNT document of its store, and the draft goes."""
    with db.write_connection() as conn:
        role = _active_staff(conn, staff_id)
        if role not in MANAGERS:
            raise UserError("stock.count_managers_only")
        draft = _draft(conn, draft_id)
        store_code = conn.execute(select(Store.code).where(Store.id == draft.store_id)).scalar_one()
        sequence = next_store_number(conn, draft.store_id, StockDocKind.COUNT)
        chain.lock_head(conn)  # the books are read as no sale can change them any more
        draft = _draft(conn, draft_id, lock=True)  # posted meanwhile by another manager?
        tallies = tally_of(conn, draft)
        lines: list[StockLine] = []
        for tally in tallies:
            lines.extend(tally.stock_lines(conn, draft.store_id, start=len(lines) + 1))
        if not lines:  # everything as the books say: the count is still a fact
            lines = [StockLine(position, draft.store_id, tally.product_id, Bucket.ON_HAND, 0,
                               expected=tally.expected, counted=tally.counted,
                               reason=StockReason.COUNT_DIFFERENCE)
                     for position, tally in enumerate(tallies, 1)]
        if not lines:
            raise UserError("stock.nothing_to_post")
        posted_at = utcnow()
        document = StockDocument(
            kind=StockDocKind.COUNT,
            doc_no=stock_doc_number(store_code, StockDocKind.COUNT, sequence),
            store_id=draft.store_id, business_date=date.today(), posted_at=posted_at,
            request_id=draft.id, lines=tuple(lines), staff_id=staff_id,
            reason=StockReason.COUNT_DIFFERENCE, scope=draft.scope)
        negative = bool(get_setting(conn, "allow_negative_stock"))
        written = write_stock_document(conn, document, negative_stock_allowed=lambda: negative)
        _drop(conn, draft.id)
        return PostedDocument(document.doc_no, StockDocKind.COUNT, store_code, len(lines),
                              sum(abs(line.qty) for line in lines), anchor=written.anchor)


def _view(conn, draft) -> CountView:
    store = conn.execute(select(Store.code).where(Store.id == draft.store_id)).scalar_one()
    return CountView(draft.id, store, draft.scope, draft.started_at,
                     tuple(tally.line() for tally in tally_of(conn, draft)))


# --- small reads ---------------------------------------------------------------------------

def _active_staff(conn, staff_id: int) -> StaffRole:
    role = conn.execute(select(Staff.role).where(Staff.id == staff_id,
                                                 Staff.active.is_(True))).scalar()
    if role is None:
        raise UserError("permission.log_in_first")
    return StaffRole(role)


def _store_id(conn, code: str) -> int:
    found = conn.execute(select(Store.id).where(Store.code == (code or "").strip())).scalar()
    if found is None:
        raise UserError("store.unknown", store=printable(code or "")[:40])
    return found


def _checked_scope(conn, scope: str) -> str:
    kind, colon, name = (scope or "").strip().partition(":")
    kind, name = kind.strip().lower(), name.strip()
    if not colon or kind not in ("category", "shelf") or not name:
        raise UserError("stock.scope_invalid", scope=printable(scope or "")[:SCOPE_MAX])
    if kind == "category":
        code = conn.execute(select(Category.code).where(
            or_(Category.code == name, Category.code == name.upper()))).scalar()
        if code is None:
            raise UserError("catalog.unknown_category", code=printable(name)[:40])
        return f"category:{code}"
    name = clean_text(name, max_length=SCOPE_MAX - len("shelf:"), field="field.name")
    return f"shelf:{name}"


def _draft(conn, draft_id: str, *, lock: bool = False):
    drafts = StockCountDraft.__table__
    query = select(drafts).where(drafts.c.id == str(draft_id))
    if lock:
        query = query.with_for_update()
    draft = conn.execute(query).first()
    if draft is None:
        posted = conn.execute(select(DocRow.doc_no).where(
            DocRow.request_id == str(draft_id))).scalar()
        if posted is not None:
            raise UserError("stock.count_already_posted", count=posted)
        raise UserError("stock.count_unknown", count=printable(str(draft_id))[:40])
    return draft


def _drop(conn, draft_id: str) -> None:
    conn.execute(delete(StockCountScan.__table__).where(
        StockCountScan.__table__.c.draft_id == draft_id))
    conn.execute(delete(StockCountDraft.__table__).where(
        StockCountDraft.__table__.c.id == draft_id))


@dataclass(frozen=True)
class _Product:
    id: int
    sku: str
    name: str
    serial_tracked: bool
    category: str


def _product_and_serial(conn, draft, code: str, serial: str | None):
    """The product a scan names (its barcode or sku, or the serial of a known unit) and
    the serial it counts, if any."""
    text = (code or "").strip()
    products = Product.__table__
    columns = (products.c.id, products.c.sku, products.c.name, products.c.serial_tracked,
               Category.code)
    base = select(*columns).join(Category, Category.id == products.c.category_id)
    row = conn.execute(base.where(or_(products.c.barcode == text, products.c.sku == text))
                       .order_by(products.c.id).limit(1)).first() if text else None
    if row is not None:
        return _Product(*row), (checked_serial(serial) if serial is not None else None)
    if serial is None and text:
        as_serial = serial_text(text)
        units = SerialUnit.__table__
        rows = conn.execute(base.add_columns(units.c.store_id, units.c.state).join(
            units, units.c.product_id == products.c.id).where(units.c.serial == as_serial)
            .order_by(products.c.sku)).all()
        if len(rows) > 1:  # the same serial on two products: the one in stock here
            here = [r for r in rows if r.store_id == draft.store_id and r.state in SELLABLE]
            if len(here) != 1:
                raise UserError("stock.serial_several_products", serial=as_serial,
                                names=[r.name for r in rows])
            rows = here
        if rows:
            return _Product(*rows[0][:5]), as_serial
    raise UserError("stock.product_unknown", code=printable(text)[:40])
