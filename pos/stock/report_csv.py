"""The stock reports as CSV files for spreadsheets (one table each, money as decimal
strings, times on the store's clock)."""

from __future__ import annotations

from datetime import datetime

from pos.kernel.csvio import write_rows
from pos.kernel.money import to_decimal_string
from pos.stock.report_records import AgedStock, Movements, SellThrough, StockValue


def _when(moment: datetime | None) -> str:
    return f"{moment.astimezone():%Y-%m-%d %H:%M}" if moment is not None else ""


def stock_value_csv(report: StockValue) -> bytes:
    money = to_decimal_string
    rows = [(s.store, c.category, c.name, str(c.units), money(c.value))
            for s in report.stores for c in s.categories]
    rows += [(s.store, "", "total", str(s.units), money(s.value)) for s in report.stores]
    rows += [("all", c.category, c.name, str(c.units), money(c.value)) for c in report.categories]
    rows.append(("all", "", "total", str(report.units), money(report.value)))
    return write_rows(("store", "category", "name", "units", "value_at_cost"), rows)


def movements_csv(report: Movements) -> bytes:
    return write_rows(
        ("at", "store", "document", "kind", "sku", "name", "qty", "bucket", "serial", "reason"),
        [(_when(r.at), r.store, r.document, r.kind, r.sku, r.name, str(r.qty), r.bucket.value,
          r.serial or "", r.reason.value if r.reason else "") for r in report.rows])


def aged_csv(report: AgedStock) -> bytes:
    money = to_decimal_string
    rows = [(r.store, r.sku, r.name, r.serial or "", str(r.qty), _when(r.received),
             money(r.cost), money(r.value)) for r in report.rows]
    rows.append(("all", "", "total", "", str(report.units), "", "", money(report.value)))
    return write_rows(("store", "sku", "name", "serial", "qty", "received", "unit_cost",
                       "value_at_cost"), rows)


def sell_through_csv(report: SellThrough) -> bytes:
    return write_rows(
        ("store", "sku", "name", "on_hand_at_start", "received", "sold", "sell_through_pct"),
        [(r.store, r.sku, r.name, str(r.opening), str(r.received), str(r.sold),
          "" if r.rate_bp is None else f"{r.rate_bp / 100:.2f}") for r in report.rows])
