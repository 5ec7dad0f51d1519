"""Head office's reports: each store's own report code run on head office's copy of its
rows, and the chain's figures as the stores' added up.

Head office keeps a store's rows in the schema `store_<code>` (pos.hq.replica) with the
store's tables and ids, so a database whose search path is only that schema (as
replica.view_url's; StoreViews opens each store's in turn on one engine) is the store's
database to pos.day.reports, which gives at head office exactly the report the store
gives itself for the documents received (`compare_with_store` checks it line by line). The
chain's day and period reports are those per-store reports combined
(pos.hq.combine.combine: sums, so they agree to the cent with the sum of the stores' own
reports). Stock and account aging are read per store the same way, with the chain's
totals.

The stores are those head office knows: its `hq_streams` rows. A store that joined but
whose rows have not arrived yet (no schema, or no row of its own store in it) adds
nothing; a code head office does not know is refused (sync.unknown_store). Head office
runs PostgreSQL: a URL of another database is refused (hq.needs_postgres), and one with
no store's stream that is not head office too (sync.not_hq)."""

from __future__ import annotations

import difflib
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from sqlalchemy import event, func, select, text
from sqlalchemy.engine import make_url

from pos.accounts.aging import Aging, aging
from pos.day import reports
from pos.day.commissions import CommissionStatement, commission_statement
from pos.day.reports import DayReport, report_csv
from pos.db.engine import Database, describe
from pos.db.models import HqStream, SyncState
from pos.hq import replica
from pos.hq.combine import CHAIN_SCOPE, combine, combine_commissions
from pos.kernel.errors import UserError

T = TypeVar("T")
READERS = 4  # stores read at once: the pool's connections (5) cover them


def _check_url(hq_url: str) -> None:
    if make_url(hq_url).get_backend_name() != "postgresql":
        raise UserError("hq.needs_postgres", where=describe(hq_url))


@contextmanager
def _hq(hq_url: str) -> Iterator[Database]:
    _check_url(hq_url)
    db = Database(hq_url)
    try:
        yield db
    finally:
        db.dispose()


def _streams(conn, where: str) -> list:
    found = conn.execute(select(HqStream).order_by(HqStream.store_code)).all()
    if not found and conn.execute(select(SyncState.role).where(
            SyncState.id == 1)).scalar() != "hq":
        raise UserError("sync.not_hq", where=where)
    return found


def streams(hq_url: str) -> list:
    """Head office's streams, one per store that joined, by code (how far each store's
    documents have arrived: the chain's figures hold what arrived). A database with none
    that is not head office is refused (sync.not_hq): a store's own database would
    otherwise give an empty chain."""
    with _hq(hq_url) as db, db.read_connection() as conn:
        return _streams(conn, describe(hq_url))


def known_stores(hq_url: str) -> list[str]:
    """The codes of the stores head office knows (its streams), in order."""
    return [row.store_code for row in streams(hq_url)]


def _has_rows(conn, code: str) -> bool:
    """Whether head office holds the store's own store row (else nothing arrived yet)."""
    schema = replica.schema_name(code)
    if conn.execute(text("SELECT to_regclass(:name)"),
                    {"name": f'"{schema}".stores'}).scalar() is None:
        return False
    stores = replica.replica_table(code, "stores")
    return conn.execute(select(stores.c.id).where(stores.c.code == code)).first() is not None


# A report at head office reads one snapshot (a batch arriving meanwhile is seen whole or
# not at all, as the store's own report sees a sale) and never writes a store's copy.
_SNAPSHOT = (r" -c default_transaction_isolation=repeatable\ read"
             " -c default_transaction_read_only=on")


class StoreViews:
    """Head office's copies of the stores' rows, each opened in turn as its store's
    database: `with views.of(code) as db` gives a Database whose every transaction sees
    only the schema `store_<code>` on its search path (as replica.view_url's), reads one
    snapshot and cannot write. One engine serves every store, so the report's statements
    are compiled once for the chain, not once per store; outside `of` (or a connection
    made without it) the search path holds no table of ours at all, never head office's
    own tables."""

    def __init__(self, hq_url: str):
        _check_url(hq_url)
        self.where = describe(hq_url)
        url = make_url(hq_url)
        options = " ".join(part for part in (url.query.get("options"),
                                             "-csearch_path=pg_catalog") if part) + _SNAPSHOT
        self.hq = Database(hq_url)
        self.view = Database(url.update_query_dict({"options": options})
                             .render_as_string(hide_password=False))
        self._chosen = threading.local()  # the store each thread reads
        event.listen(self.view.engine, "begin", self._on_begin)

    def _on_begin(self, connection) -> None:
        schema = getattr(self._chosen, "schema", None)
        if schema is None:
            raise RuntimeError("a store's view used outside StoreViews.of")
        connection.exec_driver_sql(f'SET LOCAL search_path TO "{schema}"')

    @contextmanager
    def of(self, code: str) -> Iterator[Database]:
        self._chosen.schema = replica.schema_name(code)
        try:
            yield self.view
        finally:
            self._chosen.schema = None

    def each(self, codes: list[str], read: Callable[[Database, str], T]) -> list[T]:
        """read(db, code) for each store, in the codes' order, a few stores at a time
        (the reads wait on the database far more than they compute)."""
        def one(code: str) -> T:
            with self.of(code) as db:
                return read(db, code)

        if len(codes) < 2:
            return [one(code) for code in codes]
        with ThreadPoolExecutor(max_workers=min(READERS, len(codes))) as pool:
            return list(pool.map(one, codes))

    def known(self, store: str | None = None) -> list[str]:
        """The store asked for (refused when head office does not know it), or every
        store head office knows; of those, the ones whose rows have arrived."""
        with self.hq.read_connection() as conn:
            codes = [row.store_code for row in _streams(conn, self.where)]
            if store is not None:
                if store not in codes:
                    raise UserError("sync.unknown_store", code=str(store)[:20])
                codes = [store]
            return [code for code in codes if _has_rows(conn, code)]

    def close(self) -> None:
        self.view.dispose()
        self.hq.dispose()


@contextmanager
def store_views(hq_url: str) -> Iterator[StoreViews]:
    views = StoreViews(hq_url)
    try:
        yield views
    finally:
        views.close()


@contextmanager
def store_view(hq_url: str, code: str) -> Iterator[Database]:
    """Head office's copy of one store's rows, opened as that store's database (read
    only, each transaction one snapshot)."""
    with store_views(hq_url) as views, views.of(code) as db:
        yield db


def _empty(code: str, start: date, end: date) -> DayReport:
    return DayReport(start, end, code, "store")


def store_period(hq_url: str, code: str, *, start: date, end: date,
                 commissions_from: date | None = None) -> DayReport:
    """The store's report of start..end as head office's copy of its rows gives it."""
    _check_period(start, end)
    with store_views(hq_url) as views:
        if not views.known(code):
            return _empty(code, start, end)
        with views.of(code) as db:
            return reports.period_report(db, start=start, end=end, store=code,
                                         commissions_from=commissions_from)


def store_report(hq_url: str, code: str, *, day: date) -> DayReport:
    """The store's day report (pos.day.reports.day_report, store=code) on head office's
    copy: for the documents received, exactly the report the store gives itself."""
    with store_views(hq_url) as views:
        if not views.known(code):
            return _empty(code, day, day)
        with views.of(code) as db:
            return reports.day_report(db, day=day, store=code)


def _check_period(start: date, end: date) -> None:
    if end < start:
        raise UserError("report.period_backwards", start=start.isoformat(), end=end.isoformat())
    if (end - start).days >= reports.MAX_PERIOD_DAYS:
        raise UserError("report.period_too_long", days=reports.MAX_PERIOD_DAYS)


def chain_period_report(hq_url: str, *, start: date, end: date, store: str | None = None,
                        commissions_from: date | None = None) -> DayReport:
    """Every store's report of start..end added up (pos.hq.combine), or one store's."""
    _check_period(start, end)
    with store_views(hq_url) as views:
        found = views.each(views.known(store), lambda db, code: reports.period_report(
            db, start=start, end=end, store=code, commissions_from=commissions_from))
    if store is not None:
        return found[0] if found else _empty(store, start, end)
    return combine(found, scope=CHAIN_SCOPE, start=start, end=end)


def chain_day_report(hq_url: str, *, day: date, store: str | None = None) -> DayReport:
    """Every store's day report added up: the chain's day (commissions of the day's
    month to date, as a store's day report has them)."""
    return chain_period_report(hq_url, start=day, end=day, store=store,
                               commissions_from=day.replace(day=1))


def chain_commissions(hq_url: str, *, start: date, end: date,
                      store: str | None = None) -> CommissionStatement:
    """Each store's commission statement of start..end (pos.day.commissions on its copy),
    added up: a person who sold in two stores is paid per store's statement."""
    _check_period(start, end)
    with store_views(hq_url) as views:
        found = views.each(views.known(store), lambda db, code: commission_statement(
            db, start=start, end=end, store=code))
    if store is not None:
        return found[0] if found else CommissionStatement(start, end, store, scope_kind="store")
    return combine_commissions(found) or CommissionStatement(start, end, CHAIN_SCOPE)


def compare_with_store(store_db: Database, hq_url: str, code: str, *, day: date) -> list[str]:
    """What differs between the store's own day report and head office's copy's, line by
    line of the report's CSV: [] when they are the same to the cent."""
    own = report_csv(reports.day_report(store_db, day=day, store=code)).decode().splitlines()
    copy = report_csv(store_report(hq_url, code, day=day)).decode().splitlines()
    differences = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, own, copy,
                                                       autojunk=False).get_opcodes():
        if tag != "equal":
            differences += [f"store {code}: {row}" for row in own[i1:i2]]
            differences += [f"head office: {row}" for row in copy[j1:j2]]
    return differences


# --- stock -------------------------------------------------------------------------------

@dataclass(frozen=True)
class StockLine:
    store: str
    sku: str
    name: str
    on_hand: int
    in_transit: int


@dataclass(frozen=True)
class ChainStock:
    rows: tuple[StockLine, ...]  # by store, then sku

    @property
    def stores(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(row.store for row in self.rows))

    def totals(self, store: str | None = None) -> dict[str, tuple[int, int]]:
        """sku -> (on hand, in transit): of one store, or summed over the chain."""
        out: dict[str, tuple[int, int]] = {}
        for row in self.rows:
            if store is None or row.store == store:
                on_hand, in_transit = out.get(row.sku, (0, 0))
                out[row.sku] = (on_hand + row.on_hand, in_transit + row.in_transit)
        return dict(sorted(out.items()))


def chain_stock(hq_url: str, *, store: str | None = None) -> ChainStock:
    """What each store holds, per product (by sku): on hand and in transit, as the
    store's rows at head office say (its store_stock), read on one connection."""
    rows: list[StockLine] = []
    with store_views(hq_url) as views:
        codes = views.known(store)
        with views.hq.read_connection() as conn:
            conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            rows += _stock_rows(conn, codes)
    return ChainStock(tuple(rows))


def _stock_rows(conn, codes: list[str]) -> list[StockLine]:
    rows = []
    for code in codes:
        stock, products, stores = (replica.replica_table(code, name) for name in
                                   ("store_stock", "products", "stores"))
        for sku, name, on_hand, in_transit in conn.execute(
                select(products.c.sku, products.c.name, func.sum(stock.c.on_hand),
                       func.sum(stock.c.in_transit))
                .select_from(stock)
                .join(products, products.c.id == stock.c.product_id)
                .join(stores, stores.c.id == stock.c.store_id)
                .where(stores.c.code == code)
                .group_by(products.c.sku, products.c.name).order_by(products.c.sku)):
            rows.append(StockLine(code, sku, name, int(on_hand or 0), int(in_transit or 0)))
    return rows


# --- accounts ----------------------------------------------------------------------------

def chain_aging(hq_url: str, *, store: str | None = None, as_of: date | None = None) -> Aging:
    """Each store's aging (pos.accounts.aging on head office's copy) in one: rows carry
    their store, `totals(store)` gives a store's and `totals()` the chain's."""
    as_of = as_of or date.today()
    with store_views(hq_url) as views:
        found = views.each(views.known(store), lambda db, code: aging(
            db, store=code, as_of=as_of).rows)
    return Aging(as_of, store, tuple(row for rows in found for row in rows))
