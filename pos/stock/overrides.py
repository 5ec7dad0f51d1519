"""A manager's override at the till: a serial-tracked unit the till refused because it is
not in stock here (in stock at another store, in transit, or, where the store sells only
received serials, never received) is brought here by a sealed ADJUST document with the
reason till_override, so the sale that follows takes it from this store's stock:

- from another store: −1 on hand there, +1 on hand here;
- from transit: −1 in transit (at the store it was heading to), +1 on hand here;
- never received: +1 on hand here, found.

It uses up a manager's approval (pos.people.approvals; a manager or admin needs none),
and the override is an audit event naming the approval and the document. A sold unit is
never overridden (a customer's unit comes back through Returns)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from pos.db.engine import Database
from pos.db.models import Product, StockMove, Store, Terminal
from pos.db.models import StockDocument as DocRow
from pos.kernel.clock import utcnow
from pos.kernel.enums import Bucket, StockDocKind, StockReason, UnitState
from pos.kernel.errors import UserError
from pos.ledger import audit
from pos.ledger.stock_documents import StockDocument, StockLine, stock_doc_number
from pos.ledger.stock_tables import (
    SELLABLE, STATE_NAMES, find_unit, next_store_number, write_stock_document,
)
from pos.people.permissions import authorise
from pos.stock.records import PostedDocument
from pos.store.settings import get_setting

ACTION = "serial_override"  # pos.people.permissions.ACTIONS
REQUEST_MAX = 36  # stock_documents.request_id


def override_ref(product_id: int, serial: str) -> str:
    """What a manager's approval of an override is bound to: the product's unit."""
    return f"{product_id}:{serial}"


def bring_serial_here(db: Database, *, terminal: str, product_id: int, serial: str,
                      approval_id: int | None, staff_id: int,
                      request_id: str | None = None) -> PostedDocument:
    """Bring a product's unit to the store of the till `terminal` (see the module), with
    a manager's approval (`approval_id`, for ACTION on override_ref; none needed by a
    manager). `serial` is as the till checked it. Posting the same `request_id` again
    returns the document already posted."""
    request_id = request_id or str(uuid.uuid4())
    if not isinstance(request_id, str) or not 0 < len(request_id) <= REQUEST_MAX:
        raise ValueError("request_id is a uuid's text")
    try:
        with db.write_connection() as conn:
            done = _posted(conn, request_id)
            if done is not None:
                return done
            return _bring(conn, terminal=terminal, product_id=product_id, serial=serial,
                          approval_id=approval_id, staff_id=staff_id, request_id=request_id)
    except IntegrityError:  # the same request posted at the same moment
        with db.read_connection() as conn:
            done = _posted(conn, request_id)
        if done is None:
            raise
        return done


def _bring(conn, *, terminal: str, product_id: int, serial: str, approval_id: int | None,
           staff_id: int, request_id: str) -> PostedDocument:
    till = conn.execute(select(Terminal.id, Terminal.store_id, Store.code)
                        .join(Store, Store.id == Terminal.store_id)
                        .where(Terminal.code == terminal)).first()
    if till is None:
        raise UserError("terminal.not_set_up", terminal=terminal)
    product = conn.execute(select(Product.name, Product.serial_tracked)
                           .where(Product.id == product_id)).first()
    if product is None:
        raise UserError("stock.product_unknown", code=str(product_id))
    if not product.serial_tracked:
        raise UserError("stock.serial_not_tracked", name=product.name)
    here = till.store_id
    unit = find_unit(conn, product_id, serial)
    if unit is None:  # never received: found here
        lines = [(here, Bucket.ON_HAND, 1, StockReason.FOUND)]
        came_from = None
    else:
        state = UnitState(unit.state)
        if state is UnitState.SOLD:
            raise UserError("serial.sold", serial=serial, name=product.name)
        if state in SELLABLE and unit.store_id == here:
            raise UserError("stock.serial_already_here", serial=serial, store=till.code)
        if state in SELLABLE:
            out = (unit.store_id, Bucket.ON_HAND, -1, StockReason.TILL_OVERRIDE)
        elif state is UnitState.IN_TRANSIT:
            out = (unit.store_id, Bucket.TRANSIT, -1, StockReason.TILL_OVERRIDE)
        else:  # at repair, written off: not something a till brings back
            raise UserError("stock.serial_unavailable", serial=serial, state=STATE_NAMES[state])
        lines = [out, (here, Bucket.ON_HAND, 1, StockReason.TILL_OVERRIDE)]
        came_from = unit.store_id
    auth = authorise(conn, action=ACTION, ref=override_ref(product_id, serial),
                     staff_id=staff_id, approval_id=approval_id)
    number = stock_doc_number(till.code, StockDocKind.ADJUST,
                              next_store_number(conn, here, StockDocKind.ADJUST))
    document = StockDocument(
        kind=StockDocKind.ADJUST, doc_no=number, store_id=here, business_date=date.today(),
        posted_at=utcnow(), request_id=request_id,
        lines=tuple(StockLine(position, store_id, product_id, bucket, qty, serial=serial,
                              reason=reason)
                    for position, (store_id, bucket, qty, reason) in enumerate(lines, 1)),
        other_store_id=came_from if came_from != here else None, staff_id=staff_id,
        terminal_id=till.id, reason=StockReason.TILL_OVERRIDE,
        note=f"approved by staff {auth.approved_by or staff_id}")
    written = write_stock_document(
        conn, document,
        negative_stock_allowed=lambda: get_setting(conn, "allow_negative_stock") is True)
    audit.record(conn, staff_id=staff_id, action=ACTION, ref=number, details={
        "serial": serial, "product": product_id, "from_store": came_from, "to_store": here,
        "approval": approval_id, "approved_by": auth.approved_by})
    return PostedDocument(number, StockDocKind.ADJUST, till.code, len(lines),
                          sum(abs(line[2]) for line in lines), written.anchor)


def _posted(conn, request_id: str) -> PostedDocument | None:
    """The override this request already posted (replayed), or None."""
    row = conn.execute(select(DocRow.id, DocRow.doc_no, DocRow.kind, Store.code)
                       .join(Store, Store.id == DocRow.store_id)
                       .where(DocRow.request_id == request_id)).first()
    if row is None:
        return None
    moves = conn.execute(select(StockMove.qty).where(StockMove.doc_id == row.id)).scalars().all()
    return PostedDocument(row.doc_no, StockDocKind(row.kind), row.code, len(moves),
                          sum(abs(q) for q in moves), replayed=True)
