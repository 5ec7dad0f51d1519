"""Transfers between stores. Sending seals a TRANSFER_OUT document of the sending store
(S01-TO-000001): each unit leaves its on-hand and is in transit to the other store.
Receiving seals a TRANSFER_IN document of the receiving store (S02-TI-000001) naming
the transfer: what was sent leaves transit, what arrived is on hand, and what did not
arrive is its own `transit_short` line (expected: sent, counted: received), so a
transfer received short shows the difference; a serial that was not scanned on arrival
is written off so. A transfer is received once.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from pos.db.engine import Database
from pos.db.models import Product, StockMove, Store
from pos.db.models import StockDocument as DocRow
from pos.kernel.enums import Bucket, StockDocKind, StockReason
from pos.kernel.errors import UserError
from pos.kernel.text import printable
from pos.stock import posting, unit_lookup
from pos.stock.records import MoveInput, PostedDocument, Shortage, TransferLine, TransferView

MAX_OPEN = 500  # transfers an open list shows


def send_transfer(db: Database, *, from_store: str, to_store: str, staff_id: int,
                  lines: list[MoveInput], request_id: str, note: str = "") -> PostedDocument:
    """Send goods from one store to another (any active staff member), exactly once per
    `request_id`. Each serial must be in stock at the sending store; a quantity more
    than it holds is refused unless the store allows stock below zero."""
    note = posting.note_text(note)
    lines = list(lines)
    if not lines:
        raise UserError("stock.nothing_to_post")
    for line in lines:
        posting.quantity(line.qty)

    def build(conn) -> PostedDocument:
        posting.staff_role(conn, staff_id)
        source = posting.store_row(conn, from_store)
        target = posting.store_row(conn, to_store)
        if source.id == target.id:
            raise UserError("stock.same_store", store=source.code)
        products = posting.products_by_code(conn, (line.code for line in lines))
        serials = unit_lookup.Serials(conn)
        planned = []  # (product, qty, serial)
        seen: set[tuple[int, str]] = set()
        for line in lines:
            product = products[posting.code_text(line.code)]
            serial = _serial_out(line, product, serials)
            if serial is not None:
                if (product.id, serial) in seen:
                    raise UserError("stock.serial_repeated", serial=serial)
                seen.add((product.id, serial))
            planned.append((product, line.qty, serial))
        units = unit_lookup.units_of(conn, seen)
        taking: dict[int, int] = {}
        by_id = {product.id: product for product, _, _ in planned}
        for product, qty, serial in planned:
            if serial is not None:
                unit_lookup.check_in_stock(conn, units.get((product.id, serial)), serial, source)
            taking[product.id] = taking.get(product.id, 0) + qty
        posting.check_on_hand(conn, source, taking, by_id)
        draft = posting.Draft(StockDocKind.TRANSFER_OUT, source, staff_id, request_id,
                              reason=StockReason.TRANSFER, other_store_id=target.id, note=note)
        for product, qty, serial in planned:
            draft.add(source.id, product.id, Bucket.ON_HAND, -qty, serial=serial,
                      reason=StockReason.TRANSFER)
            draft.add(target.id, product.id, Bucket.TRANSIT, qty, serial=serial,
                      reason=StockReason.TRANSFER)
        return posting.write(conn, draft)

    return posting.post_once(db, request_id, (StockDocKind.TRANSFER_OUT,), build)


def _serial_out(line: MoveInput, product: posting.ProductRow,
                serials: unit_lookup.Serials) -> str | None:
    given = posting.given_serial(line, product)
    return serials.known(given, product) if given is not None else None


# --- receiving a transfer ---------------------------------------------------------------

@dataclass
class _Sent:
    """What a transfer sent of one product, in the order it was sent."""

    product_id: int
    qty: int = 0
    serials: list[str] | None = None


def receive_transfer(db: Database, *, transfer_no: str, staff_id: int,
                     lines: list[MoveInput] | None = None, request_id: str,
                     store: str | None = None) -> PostedDocument:
    """Receive a transfer at its store (any active staff member), exactly once per
    `request_id` and once per transfer. `lines`: what arrived (None: everything sent);
    what was sent and is not in them is received short. `store`: the store receiving
    (refused if the transfer goes elsewhere)."""
    number = posting.code_text(transfer_no).upper()
    given = list(lines) if lines is not None else None
    for line in given or ():
        posting.quantity(line.qty)

    def build(conn) -> PostedDocument:
        posting.staff_role(conn, staff_id)
        sent_doc = _transfer_row(conn, number)
        target = posting.StoreRow(sent_doc.other_store_id,
                                  posting.store_code(conn, sent_doc.other_store_id), "")
        received_doc = _received_by(conn, sent_doc.id)
        if received_doc is not None:
            raise UserError("stock.transfer_already_received", transfer=number,
                            doc=received_doc)
        if store is not None and posting.store_row(conn, store).id != target.id:
            raise UserError("stock.transfer_not_for_store", transfer=number, store=target.code)
        sent = _sent(conn, sent_doc.id, target.id)
        products = posting.products_by_id(conn, sent)
        received = _received(conn, given, sent, products, number)
        draft = posting.Draft(StockDocKind.TRANSFER_IN, target, staff_id, request_id,
                              reason=StockReason.TRANSFER, other_store_id=sent_doc.store_id,
                              transfer_no=number)
        shortages = []
        for product_id, what in sent.items():
            got = received.get(product_id, 0 if what.serials is None else set())
            if what.serials is None:
                if got:
                    draft.add(target.id, product_id, Bucket.TRANSIT, -got,
                              reason=StockReason.TRANSFER)
                    draft.add(target.id, product_id, Bucket.ON_HAND, got,
                              reason=StockReason.TRANSFER)
                if got < what.qty:
                    draft.add(target.id, product_id, Bucket.TRANSIT, got - what.qty,
                              expected=what.qty, counted=got, reason=StockReason.TRANSIT_SHORT)
                count, missing = got, ()
            else:
                for serial in what.serials:
                    if serial in got:
                        draft.add(target.id, product_id, Bucket.TRANSIT, -1, serial=serial,
                                  reason=StockReason.TRANSFER)
                        draft.add(target.id, product_id, Bucket.ON_HAND, 1, serial=serial,
                                  reason=StockReason.TRANSFER)
                missing = tuple(s for s in what.serials if s not in got)
                count = what.qty - len(missing)
                for serial in missing:
                    draft.add(target.id, product_id, Bucket.TRANSIT, -1, serial=serial,
                              expected=what.qty, counted=count,
                              reason=StockReason.TRANSIT_SHORT)
            if count < what.qty:
                product = products[product_id]
                shortages.append(Shortage(product.sku, product.name, what.qty, count, missing))
        return posting.write(conn, draft, shortages=tuple(shortages))

    def conflict(conn) -> UserError | None:
        """Received at the same moment by another request (the unique transfer_id)."""
        row = conn.execute(select(DocRow.id).where(DocRow.doc_no == number)).first()
        done = _received_by(conn, row.id) if row is not None else None
        return (UserError("stock.transfer_already_received", transfer=number, doc=done)
                if done is not None else None)

    return posting.post_once(db, request_id, (StockDocKind.TRANSFER_IN,), build, conflict)


def _transfer_row(conn, number: str):
    row = conn.execute(select(DocRow.id, DocRow.store_id, DocRow.other_store_id).where(
        DocRow.doc_no == number, DocRow.kind == StockDocKind.TRANSFER_OUT)).first()
    if row is None or row.other_store_id is None:
        raise UserError("stock.transfer_unknown", transfer=printable(number)[:24])
    return row


def _received_by(conn, transfer_id: int) -> str | None:
    return conn.execute(select(DocRow.doc_no).where(DocRow.transfer_id == transfer_id)).scalar()


def _sent(conn, transfer_id: int, target_id: int) -> dict[int, _Sent]:
    """Product id -> what the transfer put in transit to its store, in order."""
    sent: dict[int, _Sent] = {}
    for product_id, qty, serial in conn.execute(
            select(StockMove.product_id, StockMove.qty, StockMove.serial).where(
                StockMove.doc_id == transfer_id, StockMove.bucket == Bucket.TRANSIT,
                StockMove.store_id == target_id).order_by(StockMove.position)):
        what = sent.setdefault(product_id, _Sent(product_id))
        what.qty += qty
        if serial is not None:
            what.serials = (what.serials or []) + [serial]
    return sent


def _received(conn, given: list[MoveInput] | None, sent: dict[int, _Sent],
              products: dict[int, posting.ProductRow], number: str) -> dict:
    """Product id -> the quantity (or the set of serials) that arrived."""
    if given is None:
        return {pid: (what.qty if what.serials is None else set(what.serials))
                for pid, what in sent.items()}
    by_code = posting.products_by_code(conn, (line.code for line in given))
    serials = unit_lookup.Serials(conn)
    received: dict = {}
    for line in given:
        product = by_code[posting.code_text(line.code)]
        what = sent.get(product.id)
        serial = _serial_out(line, product, serials)
        if serial is not None:
            if what is None or serial not in (what.serials or ()):
                raise UserError("stock.transfer_serial_not_sent", serial=serial, transfer=number)
            got = received.setdefault(product.id, set())
            if serial in got:
                raise UserError("stock.serial_repeated", serial=serial)
            got.add(serial)
            continue
        total = received.get(product.id, 0) + line.qty
        sent_qty = what.qty if what is not None else 0
        if total > sent_qty:
            raise UserError("stock.transfer_more_than_sent", name=product.name, sent=sent_qty,
                            received=total)
        received[product.id] = total
    return received


# --- looking at transfers ----------------------------------------------------------------

def open_transfers(db: Database, *, store: str | None = None,
                   incoming: bool = True) -> list[TransferView]:
    """Transfers sent and not yet received, oldest first: to the store (`incoming`) or
    from it; every store's when `store` is None."""
    with db.read_connection() as conn:
        received = DocRow.__table__.alias("received")
        query = (select(DocRow.id).outerjoin(received, received.c.transfer_id == DocRow.id)
                 .where(DocRow.kind == StockDocKind.TRANSFER_OUT, received.c.id.is_(None)))
        if store is not None:
            where = posting.store_row(conn, store)
            query = query.where((DocRow.other_store_id if incoming else DocRow.store_id)
                                == where.id)
        ids = conn.execute(query.order_by(DocRow.posted_at, DocRow.id).limit(MAX_OPEN)).scalars()
        return [_view(conn, doc_id) for doc_id in ids]


def transfer_view(db: Database, *, transfer_no: str) -> TransferView:
    """A transfer: what it sent, and the document that received it (if any)."""
    number = posting.code_text(transfer_no).upper()
    with db.read_connection() as conn:
        return _view(conn, _transfer_row(conn, number).id)


def _view(conn, doc_id: int) -> TransferView:
    doc = conn.execute(select(DocRow.doc_no, DocRow.store_id, DocRow.other_store_id,
                              DocRow.posted_at, DocRow.business_date)
                       .where(DocRow.id == doc_id)).one()
    codes = dict(conn.execute(select(Store.id, Store.code).where(
        Store.id.in_([doc.store_id, doc.other_store_id]))).all())
    lines: dict[int, list] = {}
    for sku, name, product_id, qty, serial in conn.execute(
            select(Product.sku, Product.name, StockMove.product_id, StockMove.qty,
                   StockMove.serial).join(Product, Product.id == StockMove.product_id)
            .where(StockMove.doc_id == doc_id, StockMove.bucket == Bucket.TRANSIT)
            .order_by(StockMove.position)):
        line = lines.setdefault(product_id, [sku, name, 0, []])
        line[2] += qty
        if serial is not None:
            line[3].append(serial)
    return TransferView(doc.doc_no, codes[doc.store_id], codes[doc.other_store_id],
                        doc.posted_at, doc.business_date,
                        tuple(TransferLine(sku, name, qty, tuple(serials))
                              for sku, name, qty, serials in lines.values()),
                        _received_by(conn, doc_id))
