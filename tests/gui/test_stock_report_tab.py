"""The report screen's Stock tab as a manager uses it, on the demo chain (stores S02 and
S03, serial units DEMO-… received at S01, a transfer to S02): stock at cost for the
store and for every store, aged stock, the movements of the last days of one kind,
sell-through; CSV and PDF saved; never wider than the screen; in Chinese too."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate

from pos.demo.chain import load_chain
from tests.gui.conftest import settle, till_window
from tests.gui.test_report_screen import open_report
from ui.report_parts import SavePath
from ui.stock_report_tab import AGED, MOVES, SELL_THROUGH, VALUE

TODAY = date.today()


@pytest.fixture
def chain(sqlite_demo_db):
    load_chain(sqlite_demo_db, locale="en")
    return sqlite_demo_db


def stock_tab(qtbot, window):
    dialog = open_report(qtbot, window)
    dialog.tabs.setCurrentWidget(dialog.stock_tab)
    tab = dialog.stock_tab
    qtbot.waitUntil(lambda: tab.store.count() > 3, timeout=10_000)  # every store, read
    return dialog, tab


def shown(qtbot, tab, which, store):
    qtbot.waitUntil(lambda: tab.shown == (which, store) and tab.context.ops.idle
                    and not tab._timer.isActive(), timeout=10_000)
    return tab.report


def cells(tab, column: int) -> list[str]:
    return [tab.table.item(row, column).text() for row in range(tab.table.rowCount())]


def test_the_stock_tab_shows_value_aged_stock_movements_and_sell_through(
        qtbot, window, chain, monkeypatch, tmp_path):
    dialog, tab = stock_tab(qtbot, window)
    report = shown(qtbot, tab, VALUE, "S01")
    assert report.units == 3842  # the catalog's quantities at S01
    assert "Stock at cost" in tab.header.text() and "Store S01" in tab.header.text()
    assert "3842 units" in tab.status.text()
    tab.store.setCurrentIndex(tab.store.findData(None))
    every = shown(qtbot, tab, VALUE, None)
    assert [s.store for s in every.stores] == ["S01", "S02", "S03"]
    assert {"S01", "S02", "S03"} <= set(cells(tab, 0))

    tab.store.setCurrentIndex(tab.store.findData("S01"))
    tab.choose(AGED)
    assert tab.days.isVisible() and not tab.start.isVisible()
    shown(qtbot, tab, AGED, "S01")
    serials = set(cells(tab, 3))
    assert {"DEMO-XXPRO14-0001", "DEMO-BLADE7K-0002"} <= serials
    assert "DEMO-D14-0001" not in serials  # received two days ago
    assert "longer than 14 days" in tab.header.text()

    tab.choose(MOVES)
    tab.start.setDate(QDate.fromString((TODAY - timedelta(days=3)).isoformat(), "yyyy-MM-dd"))
    tab.kind.setCurrentIndex(tab.kind.findData("transfer_out"))
    shown(qtbot, tab, MOVES, "S01")
    qtbot.waitUntil(lambda: tab.report.kind == "transfer_out" and tab.context.ops.idle)
    assert set(cells(tab, 2)) == {"S01-TO-000001"} and "transfer sent" in cells(tab, 3)
    assert sorted(cells(tab, 8)) == ["-1", "-1", "-10"]

    tab.choose(SELL_THROUGH)
    tab.start.setDate(QDate.fromString((TODAY - timedelta(days=40)).isoformat(), "yyyy-MM-dd"))
    tab.store.setCurrentIndex(tab.store.findData("S02"))
    qtbot.waitUntil(lambda: tab.shown == (SELL_THROUGH, "S02") and tab.report.start
                    == TODAY - timedelta(days=40) and tab.context.ops.idle, timeout=10_000)
    row = cells(tab, 1).index("PRO-CLN-PC")
    assert [tab.table.item(row, c).text() for c in (3, 4, 5, 6)] == ["0", "50", "0", "0.00%"]

    monkeypatch.setattr(SavePath, "ask", classmethod(
        lambda cls, parent, title, suggested, kind: str(tmp_path / suggested)))
    tab.csv_button.click()
    qtbot.waitUntil(lambda: tab.saved.text().startswith("Saved"), timeout=10_000)
    written = tmp_path / f"stock-sell-through-S02-{TODAY}.csv"
    rows = list(csv.DictReader(io.StringIO(written.read_text(encoding="utf-8-sig"))))
    assert {"store": "S02", "sku": "PRO-CLN-PC", "received": "50"}.items() <= next(
        r for r in rows if r["sku"] == "PRO-CLN-PC").items()
    tab.pdf_button.click()
    qtbot.waitUntil(lambda: (tmp_path / f"stock-sell-through-S02-{TODAY}.pdf").exists()
                    and tab.context.ops.idle, timeout=20_000)
    assert (tmp_path / f"stock-sell-through-S02-{TODAY}.pdf").read_bytes().startswith(b"%PDF")
    assert dialog.width() <= 1366 and dialog.minimumSizeHint().width() <= 1366


@pytest.fixture
def chinese_window(qtbot, sqlite_demo_db):
    with till_window(qtbot, sqlite_demo_db, "zh_CN") as main:
        yield main
        settle(qtbot, main)


def test_the_stock_tab_speaks_chinese(qtbot, chinese_window, chain):
    dialog, tab = stock_tab(qtbot, chinese_window)
    assert dialog.tabs.tabText(1) == "库存"
    shown(qtbot, tab, VALUE, "S01")
    assert tab.header.text().startswith("库存成本：门店 S01")
    tab.choose(MOVES)
    tab.start.setDate(QDate.fromString((TODAY - timedelta(days=3)).isoformat(), "yyyy-MM-dd"))
    qtbot.waitUntil(lambda: tab.shown == (MOVES, "S01") and tab.report.start
                    == TODAY - timedelta(days=3) and tab.context.ops.idle, timeout=10_000)
    assert "调拨发出" in cells(tab, 3) and tab.csv_button.text() == "保存 CSV…"
    assert dialog.width() <= 1366 and dialog.minimumSizeHint().width() <= 1366
