"""A synthetic sales history written in bulk, for the report benchmarks and the query
plan test: days of sales of a main unit with two accessories from its sheet, a service
card on a share of the units (a card line and its `service_cards` row), twenty sheet
outcomes per unit, one payment per document, one closed shift per till and day, and
corrections: one sale in 50 voided the same day, one in 20 with an accessory returned
the next day, one in 30 with an installer's add-on.

It is test data, not a path the till uses: rows go in with the driver's bulk paths
(executemany on SQLite, COPY on PostgreSQL), a few days at a time, so a history of
millions of lines is written in bounded memory. Every day has the same number of sales
(`per_day`) except the optional busy days, so histories of different lengths have the
same daily volume."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import func, select

from pos.db.engine import Database, is_sqlite
from pos.db.models import (
    Customer, DocumentCounter, Payment, Product, Sale, SaleLine, ServiceCard, ServiceTier, Shift, SheetItem,
    SheetOutcome, Staff, Store, Terminal,
)

TABLES = {
    "customers": ("id", "phone", "name", "kind", "created_at"),
    "shifts": ("id", "terminal_id", "state", "opened_by", "opened_at", "opening_float",
               "closed_by", "closed_at", "counted_cash", "expected_cash", "z_number"),
    "sales": ("id", "cart_uuid", "receipt_no", "terminal_id", "sequence", "staff_id", "customer_id",
              "state", "completed_at", "business_date", "total", "discount_total", "vat_total",
              "tendered", "change_given", "journal_hash", "kind", "original_sale_id", "shift_id"),
    "sale_lines": ("id", "sale_id", "position", "kind", "parent_line_id", "product_id", "tier_id",
                   "sheet_item_id", "sku", "name", "quantity", "list_price", "unit_price",
                   "discount", "line_total", "unit_cost", "vat_rate_bp", "seller_id",
                   "original_line_id"),
    "payments": ("id", "sale_id", "position", "tender", "amount"),
    "sheet_outcomes": ("id", "sale_id", "main_line_id", "subject", "sheet_item_id", "item_code",
                       "item_name", "outcome", "added_on_site"),
    "service_cards": ("id", "card_no", "sale_id", "line_id", "main_line_id", "tier_id",
                      "customer_id", "unit_serial", "start_date", "end_date", "state"),
}
# in the order they are written (each refers only to those before it)
ORDER = ("customers", "shifts", "sales", "sale_lines", "payments", "sheet_outcomes",
         "service_cards")
EXTRA_STORES = (("S02", ("T21", "T22")), ("S03", ("T31", "T32")))


@dataclass
class History:
    days: int = 0
    documents: int = 0
    sales: int = 0
    corrections: int = 0
    lines: int = 0
    outcomes: int = 0
    cards: int = 0
    first_day: date | None = None
    last_day: date | None = None
    busy_days: list[date] = field(default_factory=list)


def add_stores(db: Database) -> None:
    """Two more stores with two tills each, so a store's report is a share of the day."""
    from pos.store.details import ensure_store

    for store, tills in EXTRA_STORES:
        for till in tills:
            ensure_store(db, code=store, name=f"Store {store}", terminal=till)


class _Writer:
    """Rows collected per table and written in bulk."""

    def __init__(self, conn, sqlite: bool):
        self.conn, self.sqlite = conn, sqlite
        self.rows: dict[str, list[tuple]] = {name: [] for name in ORDER}

    def add(self, table: str, row: tuple) -> None:
        self.rows[table].append(row)

    def flush(self) -> None:
        for table in ORDER:
            rows = self.rows[table]
            if not rows:
                continue
            columns = TABLES[table]
            if self.sqlite:
                marks = ", ".join("?" * len(columns))
                self.conn.connection.driver_connection.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
            else:
                buffer = io.StringIO()
                for row in rows:  # booleans are already in COPY's words; no text says None
                    buffer.write("\t".join(map(str, row)).replace("None", "\\N"))
                    buffer.write("\n")
                cursor = self.conn.connection.driver_connection.cursor()
                with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    copy.write(buffer.getvalue())
            rows.clear()


def write_history(db: Database, *, days: int, per_day: int, first_day: date,
                  busy: dict[date, int] | None = None, card_share: float = 0.4,
                  seed: int = 3, days_per_batch: int = 20, progress=None) -> History:
    """Write `days` days of history from `first_day`, `per_day` sales a day (`busy`: a
    day -> its number of sales instead). The database holds the demo store."""
    busy = busy or {}
    sqlite = is_sqlite(db.engine)
    history = History(first_day=first_day, last_day=first_day + timedelta(days=days - 1),
                      busy_days=sorted(busy))
    with db.read_connection() as conn:
        units = conn.execute(select(Product.id, Product.sku, Product.price, Product.cost).where(
            Product.serial_tracked.is_(True)).order_by(Product.id)).all()
        extras = conn.execute(select(Product.id, Product.sku, Product.price, Product.cost).where(
            Product.serial_tracked.is_(False)).order_by(Product.id)).all()
        staff = conn.execute(select(Staff.id).order_by(Staff.id)).scalars().all()
        terminals = conn.execute(select(Terminal.id).order_by(Terminal.id)).scalars().all()
        tiers = conn.execute(select(ServiceTier.id).order_by(ServiceTier.id)).scalars().all()
        items = conn.execute(select(SheetItem.id, SheetItem.code, SheetItem.name)
                             .order_by(SheetItem.id).limit(20)).all()
        top = {name: conn.execute(select(func.coalesce(func.max(model.id), 0))).scalar()
               for name, model in (("customers", Customer), ("shifts", Shift), ("sales", Sale),
                                   ("sale_lines", SaleLine), ("payments", Payment),
                                   ("sheet_outcomes", SheetOutcome),
                                   ("service_cards", ServiceCard))}
        sequences = dict(conn.execute(select(Sale.terminal_id, func.max(Sale.sequence))
                                      .group_by(Sale.terminal_id)).all())
        z_numbers = dict(conn.execute(select(Shift.terminal_id, func.max(Shift.z_number))
                                      .group_by(Shift.terminal_id)).all())
        assert conn.execute(select(func.count()).select_from(Store)).scalar()
    ids = dict(top)
    sequence = {t: sequences.get(t) or 0 for t in terminals}
    z_number = {t: z_numbers.get(t) or 0 for t in terminals}
    rng = random.Random(seed)

    def next_id(table: str) -> int:
        ids[table] += 1
        return ids[table]

    def stamp(value: datetime) -> str:
        return value.strftime("%Y-%m-%d %H:%M:%S.%f") + ("" if sqlite else "+00")

    flag = (lambda b: int(b)) if sqlite else (lambda b: "t" if b else "f")
    with db.write_connection() as conn:
        writer = _Writer(conn, sqlite)
        customers = []
        for n in range(1000):
            customers.append(next_id("customers"))
            writer.add("customers", (customers[-1], f"1390{ids['customers']:07d}",
                                     f"Customer {n}", "consumer", stamp(datetime(2020, 1, 1))))
        for offset in range(days):
            day = first_day + timedelta(days=offset)
            opened = datetime.combine(day, time(1), timezone.utc)
            shift_of = {}
            for terminal in terminals:
                z_number[terminal] += 1
                shift_of[terminal] = next_id("shifts")
                writer.add("shifts", (shift_of[terminal], terminal, "closed", staff[0],
                                      stamp(opened), 50000, staff[0],
                                      stamp(opened + timedelta(hours=12)), 50000, 50000,
                                      z_number[terminal]))
            corrections = []
            for index in range(busy.get(day, per_day)):
                terminal = terminals[index % len(terminals)]
                seller = staff[index % len(staff)]
                unit = units[rng.randrange(len(units))]
                a, b = rng.sample(extras, 2)
                carded = rng.random() < card_share
                sale_id = next_id("sales")
                sequence[terminal] += 1
                at = opened + timedelta(seconds=30 + index * 40_000 // max(1, busy.get(day, per_day)))
                customer = customers[index % len(customers)] if carded else None
                unit_line = next_id("sale_lines")
                lines = [(unit_line, "main_unit", unit, None, None)]
                lines.append((next_id("sale_lines"), "accessory", a, unit_line, items[0][0]))
                lines.append((next_id("sale_lines"), "accessory", b, unit_line, items[1][0]))
                tier = tiers[index % len(tiers)] if carded else None
                if carded:
                    lines.append((next_id("sale_lines"), "card", (None, "CARD", 39900, 0),
                                  unit_line, None))
                total = 0
                written = []
                for position, (line_id, kind, (pid, sku, price, cost), parent, item) in enumerate(
                        lines, start=1):
                    total += price
                    row = (line_id, sale_id, position, kind, parent, pid,
                           tier if kind == "card" else None, item, sku, "x", 1, price, price, 0,
                           price, cost, 1300, seller, None)
                    writer.add("sale_lines", row)
                    written.append(row)
                writer.add("sales", (sale_id, f"h-{sale_id}", f"H{terminal}-{sequence[terminal]:08d}",
                                     terminal, sequence[terminal], seller, customer, "completed",
                                     stamp(at), day.isoformat(), total, 0, 0, total, 0, "bench",
                                     "sale", None, shift_of[terminal]))
                writer.add("payments", (next_id("payments"), sale_id, 1,
                                        ("cash", "wechat", "alipay", "bank_card")[index % 4], total))
                for position, (item_id, code, name) in enumerate(items):
                    outcome = ("sold" if position < 2 else
                               ("sold", "declined", "not_offered", "not_offered")[rng.randrange(4)])
                    writer.add("sheet_outcomes", (next_id("sheet_outcomes"), sale_id, unit_line,
                                                  "sheet_item", item_id, code, name, outcome,
                                                  flag(False)))
                writer.add("sheet_outcomes", (next_id("sheet_outcomes"), sale_id, unit_line,
                                              "service_card", None, "card", "card",
                                              "sold" if carded else "declined", flag(False)))
                if carded:
                    card_id = next_id("service_cards")
                    writer.add("service_cards", (card_id, f"HC{card_id:010d}", sale_id,
                                                 lines[-1][0], unit_line, tier, customer,
                                                 f"SN{unit_line}", day.isoformat(),
                                                 (day + timedelta(days=730)).isoformat(),
                                                 "cancelled" if index % 50 == 7 else "active"))
                history.sales += 1
                history.lines += len(written)
                history.outcomes += len(items) + 1
                history.cards += int(carded)
                if index % 50 == 7:
                    corrections.append((0, "void", sale_id, written, terminal))
                elif index % 20 == 3:
                    corrections.append((1, "refund", sale_id, written[1:2], terminal))
                if index % 30 == 11:
                    corrections.append((0, "addon", sale_id, written[:1], terminal))
            for later, kind, original, taken, terminal in corrections:
                when = day + timedelta(days=later)
                if when > history.last_day:
                    continue
                sale_id = next_id("sales")
                sequence[terminal] += 1
                total = 0
                for position, line in enumerate(taken, start=1):
                    line_id = next_id("sale_lines")
                    if kind == "addon":  # an accessory sold on site under the unit
                        pid, sku, price, cost = extras[0]
                        row = (line_id, sale_id, 1, "accessory", line[0], pid, None, items[2][0],
                               sku, "x", 1, price, price, 0, price, cost, 1300, staff[-1], None)
                        writer.add("sheet_outcomes", (next_id("sheet_outcomes"), sale_id, line[0],
                                                      "sheet_item", items[2][0], items[2][1],
                                                      items[2][2], "sold", flag(True)))
                        history.outcomes += 1
                    else:
                        row = ((line_id, sale_id, position, line[3], None) + line[5:10]
                               + (-line[10],) + line[11:14] + (-line[14],) + line[15:18]
                               + (line[0],))
                    total += row[14]
                    writer.add("sale_lines", row)
                    history.lines += 1
                writer.add("sales", (sale_id, f"h-{sale_id}", f"H{terminal}-{sequence[terminal]:08d}",
                                     terminal, sequence[terminal], staff[0], None, "completed",
                                     stamp(datetime.combine(when, time(13), timezone.utc)),
                                     when.isoformat(), total, 0, 0, total, 0, "bench", kind,
                                     original, shift_of[terminal] if not later else None))
                writer.add("payments", (next_id("payments"), sale_id, 1, "cash", total))
                history.corrections += 1
            history.days += 1
            if offset % days_per_batch == days_per_batch - 1:
                writer.flush()
                if progress:
                    progress(history)
        writer.flush()
        # the tills go on numbering after the history (receipts and Z reports are gapless)
        counters = DocumentCounter.__table__
        conn.execute(counters.delete().where(counters.c.kind.in_(("receipt", "z"))))
        conn.execute(counters.insert(), [
            {"terminal_id": t, "kind": kind, "last_number": numbers[t]}
            for kind, numbers in (("receipt", sequence), ("z", z_number)) for t in terminals
            if numbers[t]])
        if not sqlite:  # COPY with ids leaves the id sequences behind
            for table in ORDER:
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))")
    history.documents = history.sales + history.corrections
    return history


def analyze(db: Database) -> None:
    """Fresh planner statistics, as autovacuum (PostgreSQL) or `pos` would have by now."""
    with db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
