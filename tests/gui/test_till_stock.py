"""The till warns on a cart line that holds more than is in stock (the sale itself is
refused at payment if the stock is still short), in both languages."""

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from pos.db.models import Product
from tests.gui.conftest import KeyCounter, log_in, till_window
from tests.integration.checkout_helpers import restock

KIT = "PRO-CLN-PC"  # a cleaning kit: scanning it again adds to its line


def barcode(db, sku):
    with db.read() as session:
        return session.scalar(select(Product.barcode).where(Product.sku == sku))


def kit_row(till):
    line = next(line for line in till.cart.lines if line.sku == KIT)
    return line, till.cart_view.line_items[line.line_id]


@pytest.mark.parametrize("locale, only_two, none_left", [
    ("en", "only 2 in stock", "out of stock"),
    ("zh_CN", "库存仅剩 2 件", "无库存"),
])
def test_a_line_holding_more_than_is_in_stock_shows_a_warning(qtbot, sqlite_demo_db, locale,
                                                              only_two, none_left):
    db = sqlite_demo_db
    restock(db, {KIT: 2})
    code = barcode(db, KIT)
    with till_window(qtbot, db, locale) as window:
        keys = KeyCounter(qtbot, window)
        log_in(qtbot, window)
        till = window.till
        keys.scan(till.scan, code)
        keys.scan(till.scan, code)
        line, row = kit_row(till)
        assert line.quantity == 2 and line.stock == 2
        assert only_two not in row.text(0)  # all there is, but not more
        assert row.foreground(1).color() != Qt.GlobalColor.darkRed

        keys.scan(till.scan, code)  # a third: scanned all the same (stock may arrive)
        line, row = kit_row(till)
        assert line.quantity == 3
        assert only_two in row.text(0) and line.name in row.text(0)
        assert row.foreground(1).color() == Qt.GlobalColor.darkRed

        restock(db, {KIT: 0})  # the other till sold them meanwhile: the next scan says so
        keys.scan(till.scan, code)
        line, row = kit_row(till)
        assert line.quantity == 4 and none_left in row.text(0) and only_two not in row.text(0)
