"""Helpers of the stock-count, serial and identity tests (part P2b): a second store,
stock documents written straight through the ledger (receipts, transfers, write-offs:
the services of part P2a were written at the same time), and small reads."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import func, select

from pos.db.models import (
    Product, SerialUnit, StockCountDraft, StockCountScan, StockDocument as DocRow, StockMove,
    Store, StoreStock,
)
from pos.kernel.clock import utcnow
from pos.kernel.enums import Bucket, StockDocKind, StockReason
from pos.ledger.stock_documents import StockDocument, StockLine, stock_doc_number
from pos.ledger.stock_tables import next_store_number, write_stock_document
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import staff_id


def add_store(db, code: str, name: str | None = None) -> int:
    with db.write_connection() as conn:
        found = conn.execute(select(Store.id).where(Store.code == code)).scalar()
        if found is not None:
            return found
        conn.execute(Store.__table__.insert().values(code=code, name=name or f"Store {code}"))
        return conn.execute(select(Store.id).where(Store.code == code)).scalar_one()


def ids(db, table_code: str, code: str) -> int:
    model = {"store": (Store, Store.code), "product": (Product, Product.sku)}[table_code]
    with db.read() as session:
        return session.scalar(select(model[0].id).where(model[1] == code))


def on_hand(db, store: str, sku: str, bucket: str = "on_hand") -> int:
    column = StoreStock.on_hand if bucket == "on_hand" else StoreStock.in_transit
    with db.read() as session:
        value = session.scalar(select(column).join(Store, Store.id == StoreStock.store_id)
                               .join(Product, Product.id == StoreStock.product_id)
                               .where(Store.code == store, Product.sku == sku))
    return value or 0


def unit(db, serial: str):
    """(state, store code) of the unit with this serial, or None."""
    with db.read() as session:
        row = session.execute(select(SerialUnit.state, Store.code)
                              .outerjoin(Store, Store.id == SerialUnit.store_id)
                              .where(SerialUnit.serial == serial)).first()
    return None if row is None else (row[0].value if hasattr(row[0], "value") else row[0],
                                      row[1])


def post(db, kind: StockDocKind, store: str, lines: list[tuple], *, other: str | None = None,
         transfer_no: str | None = None, reason: StockReason | None = None,
         negative: bool = False) -> str:
    """Write one stock document straight through the ledger. `lines`: (store code, sku,
    bucket, qty, serial or None, reason)."""
    with db.write_connection() as conn:
        stores = dict(conn.execute(select(Store.code, Store.id)).all())
        products = dict(conn.execute(select(Product.sku, Product.id).where(
            Product.sku.in_({line[1] for line in lines}))).all())
        number = stock_doc_number(store, kind, next_store_number(conn, stores[store], kind))
        document = StockDocument(
            kind=kind, doc_no=number, store_id=stores[store], business_date=date.today(),
            posted_at=utcnow(), request_id=str(uuid.uuid4()),
            lines=tuple(StockLine(position, stores[s], products[sku], Bucket(bucket), qty,
                                  serial=serial, reason=why)
                        for position, (s, sku, bucket, qty, serial, why) in enumerate(lines, 1)),
            other_store_id=stores[other] if other else None, transfer_no=transfer_no,
            reason=reason)
        write_stock_document(conn, document, negative_stock_allowed=lambda: negative)
        return number


def receive(db, store: str, sku: str, *, qty: int = 0, serials: tuple[str, ...] = ()) -> str:
    lines = [(store, sku, "on_hand", 1, serial, StockReason.SUPPLIER) for serial in serials]
    if qty:
        lines.append((store, sku, "on_hand", qty, None, StockReason.SUPPLIER))
    return post(db, StockDocKind.RECEIPT, store, lines, reason=StockReason.SUPPLIER)


def send(db, source: str, target: str, sku: str, *, qty: int = 0,
         serials: tuple[str, ...] = ()) -> str:
    lines = []
    for serial in serials:
        lines += [(source, sku, "on_hand", -1, serial, StockReason.TRANSFER),
                  (target, sku, "transit", 1, serial, StockReason.TRANSFER)]
    if qty:
        lines += [(source, sku, "on_hand", -qty, None, StockReason.TRANSFER),
                  (target, sku, "transit", qty, None, StockReason.TRANSFER)]
    return post(db, StockDocKind.TRANSFER_OUT, source, lines, other=target,
                reason=StockReason.TRANSFER)


def arrive(db, transfer_no: str, source: str, target: str, sku: str, *, qty: int = 0,
           serials: tuple[str, ...] = ()) -> str:
    lines = []
    for serial in serials:
        lines += [(target, sku, "transit", -1, serial, StockReason.TRANSFER),
                  (target, sku, "on_hand", 1, serial, StockReason.TRANSFER)]
    if qty:
        lines += [(target, sku, "transit", -qty, None, StockReason.TRANSFER),
                  (target, sku, "on_hand", qty, None, StockReason.TRANSFER)]
    return post(db, StockDocKind.TRANSFER_IN, target, lines, other=source,
                transfer_no=transfer_no, reason=StockReason.TRANSFER)


def write_off(db, store: str, sku: str, *, qty: int = 0, serials: tuple[str, ...] = (),
              reason: StockReason = StockReason.DAMAGED) -> str:
    lines = [(store, sku, "on_hand", -1, serial, reason) for serial in serials]
    if qty:
        lines.append((store, sku, "on_hand", -qty, None, reason))
    return post(db, StockDocKind.WRITE_OFF, store, lines, reason=reason)


def sell(db, code: str, *, qty: int = 1, serial: str | None = None, terminal: str = "T01",
         role: str = "cashier") -> str:
    cart = checkout.open_cart(db, staff_id=staff_id(db, role), terminal=terminal)
    line = checkout.add_product(db, cart, code=code, quantity=qty)
    if serial is not None:
        checkout.set_serial(db, cart, line_id=line.line_id, serial=serial)
    due = sum(line.total for line in cart.lines)
    return completion.complete_sale(db, cart, tenders=[TenderInput("cash", due)]).receipt_no


def scratch_rows(db) -> tuple[int, int]:
    with db.read() as session:
        return (session.scalar(select(func.count()).select_from(StockCountDraft)),
                session.scalar(select(func.count()).select_from(StockCountScan)))


def stock_state(db) -> tuple:
    """Everything a stock document changes, to compare before and after a refusal."""
    with db.read() as session:
        return (
            session.scalar(select(func.count()).select_from(DocRow)),
            session.scalar(select(func.count()).select_from(StockMove)),
            tuple(session.execute(select(StoreStock.store_id, StoreStock.product_id,
                                         StoreStock.on_hand, StoreStock.in_transit)
                                  .order_by(StoreStock.store_id, StoreStock.product_id)).all()),
            tuple(session.execute(select(SerialUnit.serial, SerialUnit.state, SerialUnit.store_id)
                                  .order_by(SerialUnit.id)).all()),
        )
