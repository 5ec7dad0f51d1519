"""The stock reports, per store or for every store, as plain records (for the screen,
`pos report stock-…`, CSV here and PDF in printing.stock_reports):

- stock value at cost: on hand × the product's cost, per store and category, per store
  and in all;
- the movements of a period: every stock movement of the days from–to (both included)
  with the document that made it (a stock document's number and kind, or the sale's
  receipt), product, quantity and reason;
- aged stock: what has been in stock longer than N days. A serial unit in stock (or
  returned) ages from the last movement that brought it into the chain's stock (a
  receipt, an opening, a count or adjustment that found it; a transfer between stores
  does not make it younger). Other stock, first in first out: of what a store holds, the
  units still there are the latest to come in, so what came in during the last N days
  (every inbound on-hand movement at the store: receipts, transfers in, openings,
  returns) is young and the rest is old;
- sell-through of a period per product: sold (net of returns and voids) ÷ (on hand at
  the start + received in the period: supplier receipts, transfers in, openings), in
  basis points.

Every statement reads the movements through their index (store, product, time) with
both ends of the time bounded, the units through (store, state, product), the stock
through the store's key: the cost follows the period and the catalog, not the years of
history. Money is integer minor units. The records are in pos.stock.report_records, the
CSV files in pos.stock.report_csv.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import and_, case, func, literal, select

from pos.db.engine import Database, longer_limit
from pos.db.models import (
    Category, Product, Sale, SaleLine, SerialUnit, StockDocument, StockMove, Store, StoreStock,
)
from pos.kernel.clock import utcnow
from pos.kernel.enums import Bucket, StockDocKind, StockReason, UnitState
from pos.kernel.errors import UserError
from pos.stock.report_records import (
    AgedRow, AgedStock, CategoryValue, Movements, MoveRow, SellThrough, SellThroughRow,
    StockValue, StoreValue,
)

MAX_PERIOD_DAYS = 366
REPORT_LIMIT_S = 120  # a report's statements may run longer than a till's (pos.day.kpis)
SALE_KIND = "sale"  # the movements of sale documents (sales, returns, voids, add-ons)
KINDS = tuple(k.value for k in StockDocKind) + (SALE_KIND,)
RECEIVED_KINDS = (StockDocKind.RECEIPT, StockDocKind.TRANSFER_IN, StockDocKind.OPENING)
# Kinds of documents that bring a serial unit into the chain's stock (not a transfer,
# not back from repair): its age runs from the latest of them.
_NOT_ARRIVALS = (StockDocKind.TRANSFER_IN.value, StockDocKind.TRANSFER_OUT.value)
_NOT_ARRIVAL_REASONS = (StockReason.REPAIR_BACK.value,)
IN_STOCK = (UnitState.IN_STOCK, UnitState.RETURNED)


# --- helpers ---------------------------------------------------------------------------

def day_start(day: date) -> datetime:
    """The moment a business day starts on the store's clock, in UTC."""
    return datetime.combine(day, time()).astimezone().astimezone(timezone.utc)


def check_period(start: date, end: date) -> None:
    if end < start:
        raise UserError("report.period_backwards", start=start.isoformat(), end=end.isoformat())
    if (end - start).days >= MAX_PERIOD_DAYS:
        raise UserError("report.period_too_long", days=MAX_PERIOD_DAYS)


def _stores(conn, store: str | None) -> list[tuple[int, str, str]]:
    """(id, code, name) of the store asked for, or of every store by code."""
    query = select(Store.id, Store.code, Store.name).order_by(Store.code)
    if store:
        query = query.where(Store.code == store)
    found = [tuple(row) for row in conn.execute(query)]
    if store and not found:
        raise UserError("store.unknown", store=store)
    return found


def _period(start: date, end: date) -> tuple[datetime, datetime]:
    check_period(start, end)
    return day_start(start), day_start(end + timedelta(days=1))


# --- stock value -----------------------------------------------------------------------

def stock_value(db: Database, *, store: str | None = None) -> StockValue:
    """What each store holds, at cost (on hand × the product's cost now), per category."""
    held = StoreStock.on_hand
    with db.read_connection() as conn:
        longer_limit(conn, REPORT_LIMIT_S)
        stores, totals = [], {}
        for store_id, code, name in _stores(conn, store):
            categories = []
            for cat_code, cat_name, units, value in conn.execute(
                    select(Category.code, Category.name, func.sum(held),
                           func.sum(held * Product.cost))
                    .select_from(StoreStock)
                    .join(Product, Product.id == StoreStock.product_id)
                    .join(Category, Category.id == Product.category_id)
                    .where(StoreStock.store_id == store_id, held != 0)
                    .group_by(Category.code, Category.name).order_by(Category.code)):
                categories.append(CategoryValue(cat_code, cat_name, int(units), int(value)))
                total = totals.setdefault(cat_code, [cat_name, 0, 0])
                total[1] += int(units)
                total[2] += int(value)
            stores.append(StoreValue(code, name, sum(c.units for c in categories),
                                     sum(c.value for c in categories), tuple(categories)))
    return StockValue(store, utcnow(), tuple(stores), tuple(
        CategoryValue(code, name, units, value)
        for code, (name, units, value) in sorted(totals.items())))


# --- movements -------------------------------------------------------------------------

PART = 2_000  # products whose movements one statement reads


def _held(conn, store_id: int, *, positive: bool = False) -> dict[int, int]:
    """The store's stock rows, product -> on hand (by the store's key): every product the
    store ever moved has one."""
    query = select(StoreStock.product_id, StoreStock.on_hand).where(
        StoreStock.store_id == store_id)
    if positive:
        query = query.where(StoreStock.on_hand > 0)
    return dict(conn.execute(query).all())


def _parts(ids) -> list[list[int]]:
    ordered = sorted(ids)
    return [ordered[i:i + PART] for i in range(0, len(ordered), PART)]


def _moves_of(store_id: int, products: list[int], start: datetime, end: datetime):
    """The condition on movements that the index (store, product, time) serves whole:
    the store, a list of its products and both ends of the time. Never the store alone,
    which would read its whole history."""
    return and_(StockMove.store_id == store_id, StockMove.product_id.in_(products),
                StockMove.at >= start, StockMove.at < end)


def movements(db: Database, *, store: str | None = None, start: date, end: date,
              kind: str | None = None) -> Movements:
    """Every stock movement at the store (or every store) of the days start..end, oldest
    first; `kind`: one kind of stock document, or "sale" for the sales' own."""
    if kind is not None and kind not in KINDS:
        raise UserError("stock.report_kind_unknown", kind=kind, allowed=list(KINDS))
    since, until = _period(start, end)
    rows: list[tuple[MoveRow, int]] = []
    with db.read_connection() as conn:
        longer_limit(conn, REPORT_LIMIT_S)
        for store_id, code, _name in _stores(conn, store):
            for products in _parts(_held(conn, store_id)):
                rows += _movements_of(conn, store_id, code, products, since, until, kind)
    rows.sort(key=lambda r: (r[0].at, r[0].store, r[1]))
    return Movements(start, end, store, kind, tuple(r[0] for r in rows))


def _movements_of(conn, store_id: int, code: str, products: list[int], since: datetime,
                  until: datetime, kind: str | None) -> list[tuple[MoveRow, int]]:
    query = (select(StockMove.at, StockMove.id, StockDocument.doc_no, StockDocument.kind,
                    Sale.receipt_no, Sale.kind.label("sale_kind"), Product.sku, Product.name,
                    StockMove.qty, StockMove.bucket, StockMove.serial, StockMove.reason)
             .select_from(StockMove.__table__
                          .join(Product.__table__, Product.id == StockMove.product_id)
                          .outerjoin(StockDocument.__table__, StockDocument.id == StockMove.doc_id)
                          .outerjoin(SaleLine.__table__, SaleLine.id == StockMove.sale_line_id)
                          .outerjoin(Sale.__table__, Sale.id == SaleLine.sale_id))
             .where(_moves_of(store_id, products, since, until)))
    if kind == SALE_KIND:
        query = query.where(StockMove.sale_line_id.is_not(None))
    elif kind is not None:
        query = query.where(StockDocument.kind == StockDocKind(kind))
    found = []
    for (at, move_id, doc_no, doc_kind, receipt, sale_kind, sku, name, qty, bucket, serial,
         reason) in conn.execute(query):
        found.append((MoveRow(
            at, code, doc_no or receipt or "",
            StockDocKind(doc_kind).value if doc_no else str(getattr(sale_kind, "value", sale_kind)),
            sku, name, qty, Bucket(bucket), serial,
            StockReason(reason) if reason is not None else None), move_id))
    return found


# --- aged stock ------------------------------------------------------------------------

def aged_stock(db: Database, *, store: str | None = None, days: int,
               now: datetime | None = None) -> AgedStock:
    """What has been in stock longer than `days` days, at the store or every store:
    each serial unit with its arrival, and per product the units without a serial that
    first in, first out came in before the cut-off."""
    if isinstance(days, bool) or not isinstance(days, int) or days < 0:
        raise UserError("stock.aged_days_invalid", days=str(days))
    now = now or utcnow()
    cutoff = now - timedelta(days=days)
    rows: list[AgedRow] = []
    upper = now + timedelta(days=1)  # a bound for movements stamped a little ahead
    with db.read_connection() as conn:
        longer_limit(conn, REPORT_LIMIT_S)
        for store_id, code, _name in _stores(conn, store):
            rows += _aged_at(conn, store_id, code, cutoff, upper)
    return AgedStock(store, days, now, cutoff, tuple(rows))


def _aged_at(conn, store_id: int, code: str, cutoff: datetime, upper: datetime) -> list[AgedRow]:
    # the serial units held, with every inbound document movement of their serial
    arrivals: dict[int, datetime | None] = {}
    units: dict[int, tuple] = {}
    kept = SerialUnit.__table__.join(Product.__table__, Product.id == SerialUnit.product_id)
    inbound = StockMove.__table__.join(StockDocument.__table__,
                                       StockDocument.id == StockMove.doc_id)
    for unit_id, product_id, serial, sku, name, cost in conn.execute(
            select(SerialUnit.id, SerialUnit.product_id, SerialUnit.serial, Product.sku,
                   Product.name, Product.cost).select_from(kept)
            .where(SerialUnit.store_id == store_id, SerialUnit.state.in_(IN_STOCK))):
        units[unit_id] = (product_id, serial, sku, name, cost)
        arrivals[unit_id] = None
    by_serial = {(u[0], u[1]): unit_id for unit_id, u in units.items()}
    serials = sorted({u[1] for u in units.values()})
    for part in range(0, len(serials), 500):
        for product_id, serial, at, doc_kind, reason in conn.execute(
                select(StockMove.product_id, StockMove.serial, StockMove.at, StockDocument.kind,
                       StockMove.reason).select_from(inbound)
                .where(StockMove.serial.in_(serials[part:part + 500]),
                       StockMove.bucket == Bucket.ON_HAND, StockMove.qty > 0)):
            unit_id = by_serial.get((product_id, serial))
            if unit_id is None or str(getattr(doc_kind, "value", doc_kind)) in _NOT_ARRIVALS:
                continue
            if reason is not None and str(getattr(reason, "value", reason)) in _NOT_ARRIVAL_REASONS:
                continue
            if arrivals[unit_id] is None or at > arrivals[unit_id]:
                arrivals[unit_id] = at
    found = []
    in_units: dict[int, int] = {}
    for unit_id, (product_id, serial, sku, name, cost) in units.items():
        in_units[product_id] = in_units.get(product_id, 0) + 1
        arrived = arrivals[unit_id]
        if arrived is None or arrived < cutoff:
            found.append(AgedRow(code, sku, name, serial, 1, arrived, cost))
    # first in, first out: of what the store holds without a serial, what came in since
    # the cut-off is young
    came_in = func.coalesce(func.sum(case(
        (and_(StockMove.bucket == Bucket.ON_HAND, StockMove.qty > 0,
              StockMove.serial.is_(None)), StockMove.qty), else_=literal(0))), 0)
    held = _held(conn, store_id, positive=True)
    recent: dict[int, int] = {}
    for products in _parts(held):
        recent.update(conn.execute(
            select(StockMove.product_id, came_in)
            .where(_moves_of(store_id, products, cutoff, upper))
            .group_by(StockMove.product_id)).all())
    for products in _parts(pid for pid, on_hand in held.items()
                           if on_hand - in_units.get(pid, 0) - int(recent.get(pid, 0)) > 0):
        for product_id, sku, name, cost in conn.execute(
                select(Product.id, Product.sku, Product.name, Product.cost)
                .where(Product.id.in_(products))):
            old = held[product_id] - in_units.get(product_id, 0) - int(recent.get(product_id, 0))
            found.append(AgedRow(code, sku, name, None, old, None, cost))
    epoch = datetime.min.replace(tzinfo=timezone.utc)
    found.sort(key=lambda r: (r.sku, r.received or epoch, r.serial or ""))
    return found


# --- sell-through ----------------------------------------------------------------------

def sell_through(db: Database, *, store: str | None = None, start: date,
                 end: date, now: datetime | None = None) -> SellThrough:
    """Per product with sales or goods received in the period: what was sold of what
    there was to sell (on hand at the start and received since)."""
    since, until = _period(start, end)
    upper = max(until, (now or utcnow()) + timedelta(days=1))
    in_period = StockMove.at < until
    on_hand = StockMove.bucket == Bucket.ON_HAND
    sold = func.coalesce(func.sum(case((and_(in_period, StockMove.sale_line_id.is_not(None)),
                                        StockMove.qty), else_=literal(0))), 0)
    received = func.coalesce(func.sum(case((and_(
        in_period, on_hand, StockMove.qty > 0, StockDocument.kind.in_(RECEIVED_KINDS)),
        StockMove.qty), else_=literal(0))), 0)
    since_start = func.coalesce(func.sum(case((on_hand, StockMove.qty), else_=literal(0))), 0)
    rows: list[SellThroughRow] = []
    with db.read_connection() as conn:
        longer_limit(conn, REPORT_LIMIT_S)
        for store_id, code, _name in _stores(conn, store):
            held = _held(conn, store_id)
            for products in _parts(held):
                figures = conn.execute(
                    select(StockMove.product_id, sold, received, since_start)
                    .select_from(StockMove.__table__.outerjoin(
                        StockDocument.__table__, StockDocument.id == StockMove.doc_id))
                    .where(_moves_of(store_id, products, since, upper))
                    .group_by(StockMove.product_id)).all()
                moving = {pid: (int(sale_qty), int(got), int(moved))
                          for pid, sale_qty, got, moved in figures if sale_qty or got}
                if not moving:
                    continue
                for product_id, sku, name in conn.execute(
                        select(Product.id, Product.sku, Product.name)
                        .where(Product.id.in_(sorted(moving)))):
                    sale_qty, got, moved = moving[product_id]
                    rows.append(SellThroughRow(code, sku, name, held[product_id] - moved, got,
                                               -sale_qty))
    rows.sort(key=lambda r: (r.store, r.sku))
    return SellThrough(start, end, store, tuple(rows))
