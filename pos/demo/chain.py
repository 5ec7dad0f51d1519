"""The demo chain around the demo store (pos.demo.data): two more stores with their
opening stock, serial-tracked units received at S01 from suppliers (serials DEMO-…) and
one transfer S01 -> S02 sent and received, each a sealed stock document dated back a
little (a month for the openings, days for the deliveries), so that the stock screens,
aged stock and sell-through have something to show.

S01 ends holding exactly the catalog's quantities: its opening holds them less what the
deliveries bring, plus what the transfer takes away.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import select

from pos.db.engine import Database
from pos.db.models import Product, Staff, Store
from pos.demo import data
from pos.kernel.clock import utcnow
from pos.kernel.enums import Bucket, StaffRole, StockDocKind, StockReason
from pos.ledger.stock_documents import StockDocument, StockLine, stock_doc_number
from pos.ledger.stock_opening import set_store_stock
from pos.ledger.stock_tables import next_store_number, write_stock_document


def load_chain(db: Database, *, locale: str) -> None:
    with db.unit_of_work() as session:
        for header in data.other_stores(locale):
            if session.scalar(select(Store.id).where(Store.code == header["code"])) is None:
                session.add(Store(**header))
    now = utcnow()
    with db.write_connection() as conn:
        products = dict(conn.execute(select(Product.sku, Product.id)).all())
        costs = dict(conn.execute(select(Product.id, Product.cost)).all())
        stores = dict(conn.execute(select(Store.code, Store.id)).all())
        manager = conn.execute(select(Staff.id).where(Staff.role == StaffRole.MANAGER)
                               .order_by(Staff.id).limit(1)).scalar()
        opened = now - timedelta(days=data.OPENED_DAYS_AGO)
        held = {products[row["sku"]]: int(row["stock"]) for row in data.products(locale)}
        for delivery in data.DELIVERIES:
            for sku, serials in delivery.units:
                held[products[sku]] -= len(serials)
        for sku, serials in data.TRANSFER_SERIALS:
            held[products[sku]] += len(serials)
        for sku, quantity in data.TRANSFER_QUANTITIES.items():
            held[products[sku]] += quantity
        set_store_stock(conn, store_id=stores["S01"], quantities=held, staff_id=manager,
                        note="demo", posted_at=opened)
        for code, stock in data.OTHER_STORE_STOCK.items():
            set_store_stock(conn, store_id=stores[code], staff_id=manager, note="demo",
                            quantities={products[sku]: qty for sku, qty in stock.items()},
                            posted_at=opened)
        s01, s02 = stores["S01"], stores["S02"]
        for delivery in data.DELIVERIES:
            lines = [(s01, products[sku], Bucket.ON_HAND, 1, serial, costs[products[sku]],
                      StockReason.SUPPLIER)
                     for sku, serials in delivery.units for serial in serials]
            supplier = delivery.supplier_zh if locale == "zh_CN" else delivery.supplier_en
            _post(conn, StockDocKind.RECEIPT, s01, lines, now - timedelta(days=delivery.days_ago),
                  staff=manager, supplier=supplier, supplier_ref=delivery.note_no)
        sent_at = now - timedelta(days=data.TRANSFER_DAYS_AGO)
        moved = [(products[sku], serial, 1) for sku, serials in data.TRANSFER_SERIALS
                 for serial in serials]
        moved += [(products[sku], None, qty) for sku, qty in data.TRANSFER_QUANTITIES.items()]
        out = _post(conn, StockDocKind.TRANSFER_OUT, s01, [
            line for pid, serial, qty in moved for line in (
                (s01, pid, Bucket.ON_HAND, -qty, serial, None, StockReason.TRANSFER),
                (s02, pid, Bucket.TRANSIT, qty, serial, None, StockReason.TRANSFER))],
            sent_at, staff=manager, other=s02)
        _post(conn, StockDocKind.TRANSFER_IN, s02, [
            line for pid, serial, qty in moved for line in (
                (s02, pid, Bucket.TRANSIT, -qty, serial, None, StockReason.TRANSFER),
                (s02, pid, Bucket.ON_HAND, qty, serial, None, StockReason.TRANSFER))],
            sent_at + timedelta(hours=3), staff=manager, other=s01, transfer=out)


def _post(conn, kind: StockDocKind, store_id: int, lines: list[tuple], at, *, staff,
          other=None, transfer=None, supplier=None, supplier_ref=None) -> str:
    code = conn.execute(select(Store.code).where(Store.id == store_id)).scalar_one()
    number = stock_doc_number(code, kind, next_store_number(conn, store_id, kind))
    write_stock_document(conn, StockDocument(
        kind=kind, doc_no=number, store_id=store_id, business_date=at.astimezone().date(),
        posted_at=at, request_id=str(uuid.uuid4()), other_store_id=other, transfer_no=transfer,
        staff_id=staff, supplier=supplier, supplier_ref=supplier_ref,
        reason=StockReason.SUPPLIER if kind is StockDocKind.RECEIPT else StockReason.TRANSFER,
        lines=tuple(StockLine(position, store, product, bucket, qty, serial=serial,
                              unit_cost=cost, reason=reason)
                    for position, (store, product, bucket, qty, serial, cost, reason)
                    in enumerate(lines, 1))))
    return number
