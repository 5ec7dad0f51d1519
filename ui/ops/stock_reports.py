"""The calls of the report screen's Stock tab (pos.stock.reports): a stock report, and
one written as CSV or PDF."""

from __future__ import annotations

from ui.ops.running import Call

STOCK_REPORTS = ("value", "moves", "aged", "sell_through")


def stock_report(which: str, *, store: str | None, start=None, end=None, days: int = 0,
                 kind: str | None = None) -> Call:
    """One of STOCK_REPORTS for a store (None: every store): stock at cost, the
    movements of the days start..end (of one kind), stock older than `days` days, or
    sell-through of the days start..end."""
    def call(db):
        from pos.stock import reports

        if which == "value":
            return reports.stock_value(db, store=store)
        if which == "moves":
            return reports.movements(db, store=store, start=start, end=end, kind=kind)
        if which == "aged":
            return reports.aged_stock(db, store=store, days=days)
        return reports.sell_through(db, store=store, start=start, end=end)
    return call


def save_stock_report(report, path: str, *, kind: str, locale: str, store_name: str) -> Call:
    """Write a stock report as CSV or PDF (`kind`) to `path`; the path written, or
    refused with why (file.cannot_write)."""
    def call(_db):
        from pathlib import Path

        from pos.kernel.errors import UserError, os_reason
        from pos.stock import report_csv
        from pos.stock.report_records import AgedStock, Movements, SellThrough

        name = ("aged" if isinstance(report, AgedStock) else
                "movements" if isinstance(report, Movements) else
                "sell_through" if isinstance(report, SellThrough) else "stock_value")
        if kind == "csv":
            data = getattr(report_csv, f"{name}_csv")(report)
        else:
            from printing import stock_reports

            data = getattr(stock_reports, f"{name}_pdf")(report, locale=locale,
                                                        store_name=store_name)
        try:
            Path(path).write_bytes(data)
        except OSError as exc:
            raise UserError("file.cannot_write", path=path, reason=os_reason(exc)) from exc
        return path
    return call
