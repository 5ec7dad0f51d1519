"""Helpers for the stock movement tests (receiving, transfers, adjustments, levels): a
second store, request ids, the stock as it stands, and a refusal that must change
nothing."""

import uuid

import pytest
from sqlalchemy import func, select

from pos.db.models import (
    AuditEvent, JournalEntry, Product, SerialUnit, StockDocument, StockMove, Store,
    StoreCounter, StoreStock,
)
from pos.kernel.errors import UserError
from pos.ledger import verify
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import new_cart, staff_id

KIT = "PRO-CLN-PC"  # a cleaning kit: an accessory counted by quantity
NOTEBOOK = "NB-LEN-XXPRO14"  # serial-tracked (barcode 6923150020022)
NOTEBOOK_BARCODE = "6923150020022"
PHONE = "PH-APL-IP15"  # serial-tracked, its serial an IMEI


def rid() -> str:
    return str(uuid.uuid4())


def add_store(db, code: str = "S02", name: str = "Second store") -> str:
    """A store of the chain (until `pos store add` exists): added if missing."""
    with db.write_connection() as conn:
        if conn.execute(select(Store.id).where(Store.code == code)).scalar() is None:
            conn.execute(Store.__table__.insert().values(
                code=code, name=name, address="", phone="", tax_id="", currency="CNY",
                locale="en", receipt_footer=""))
    return code


def cashier(db) -> int:
    return staff_id(db, "cashier")


def manager(db) -> int:
    return staff_id(db, "manager")


def on_hand(db, store: str, sku: str) -> int:
    return _held(db, store, sku)[0]


def in_transit(db, store: str, sku: str) -> int:
    return _held(db, store, sku)[1]


def _held(db, store: str, sku: str) -> tuple[int, int]:
    with db.read_connection() as conn:
        row = conn.execute(select(StoreStock.on_hand, StoreStock.in_transit)
                           .join(Product, Product.id == StoreStock.product_id)
                           .join(Store, Store.id == StoreStock.store_id)
                           .where(Product.sku == sku, Store.code == store)).first()
    return (row[0], row[1]) if row is not None else (0, 0)


def unit(db, serial: str) -> tuple[str, str | None] | None:
    """(state, store code) of the unit of a serial, or None."""
    with db.read_connection() as conn:
        row = conn.execute(select(SerialUnit.state, Store.code)
                           .outerjoin(Store, Store.id == SerialUnit.store_id)
                           .where(SerialUnit.serial == serial)).first()
    return (row[0].value, row[1]) if row is not None else None


def snapshot(db) -> tuple:
    """Everything a stock posting could change."""
    with db.read_connection() as conn:
        counts = tuple(conn.execute(select(func.count()).select_from(model)).scalar()
                       for model in (StockDocument, StockMove, JournalEntry, SerialUnit,
                                     AuditEvent))
        numbers = conn.execute(select(func.coalesce(func.sum(StoreCounter.last_number), 0))
                               ).scalar()
        stock = tuple(conn.execute(select(
            StoreStock.store_id, StoreStock.product_id, StoreStock.on_hand,
            StoreStock.in_transit, StoreStock.reorder_point)
            .order_by(StoreStock.store_id, StoreStock.product_id)).all())
        units = tuple(conn.execute(select(SerialUnit.serial, SerialUnit.state,
                                          SerialUnit.store_id).order_by(SerialUnit.id)).all())
    return counts, numbers, stock, units


def refused(db, action, message_id: str) -> UserError:
    """`action` is refused with `message_id` and changes nothing (no document, movement,
    journal entry, unit, audit event, document number or quantity)."""
    before = snapshot(db)
    with pytest.raises(UserError) as refusal:
        action()
    assert refusal.value.message_id == message_id, refusal.value.params
    assert snapshot(db) == before
    return refusal.value


def documents(db) -> int:
    with db.read_connection() as conn:
        return conn.execute(select(func.count()).select_from(StockDocument)).scalar()


def moves_of(db, doc_no: str) -> list:
    with db.read_connection() as conn:
        return conn.execute(select(
            Store.code, Product.sku, StockMove.bucket, StockMove.qty, StockMove.serial,
            StockMove.unit_cost, StockMove.expected, StockMove.counted, StockMove.reason)
            .join(StockDocument, StockDocument.id == StockMove.doc_id)
            .join(Store, Store.id == StockMove.store_id)
            .join(Product, Product.id == StockMove.product_id)
            .where(StockDocument.doc_no == doc_no).order_by(StockMove.position)).all()


def verified(db) -> None:
    report = verify.verify(db)
    assert report.ok, report


def sell_serial(db, code: str, serial: str) -> str:
    """Sell one unit with this serial at T01 (store S01); its receipt number."""
    cart = new_cart(db)
    line = checkout.add_product(db, cart, code=code)
    checkout.set_serial(db, cart, line_id=line.line_id, serial=serial)
    sale = completion.complete_sale(
        db, cart, tenders=[TenderInput("cash", sum(item.total for item in cart.lines))])
    return sale.receipt_no
