"""The till and stock per store (issue 18, points 3 and 4): each cart line shows the
product's on-hand at this till's store (red when the cart holds more), the sheet lists
this store's stock, a serial held at another store is refused naming that store, and a
manager's override (F2 in the serial dialog, then the manager's PIN) brings it here and
the sale goes on to payment; a sold serial offers no override. In both languages, at
1366×768."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import insert, select, update

from pos.db.models import Product, SerialUnit, StockDocument, Store, Terminal
from pos.kernel.enums import UnitState
from tests.gui.conftest import KeyCounter, log_in, settle, till_window
from tests.integration.checkout_helpers import restock
from tests.integration.test_till_store_stock import receive_unit
from ui.checkout.approval_dialog import ManagerApprovalDialog
from ui.checkout.cart_view import ON_HAND
from ui.checkout.dialogs import CardPrompt, SerialDialog
from ui.checkout.payment import PaymentDialog
from ui.checkout.sheet_item import choice_text

NOTEBOOK = "6923150020022"
NOTEBOOK_SKU = "NB-LEN-XXPRO14"
KIT = "PRO-CLN-PC"
BAG = "BAG-NB-156"


def barcode(db, sku):
    with db.read() as session:
        return session.scalar(select(Product.barcode).where(Product.sku == sku))


def add_store(db, code="S02") -> int:
    with db.write_connection() as conn:
        return conn.execute(insert(Store).values(code=code, name=f"Store {code}")
                            .returning(Store.id)).scalar_one()


def move_till(db, terminal, store_id):
    """The till stands in another store (a fresh demo till has sold nothing)."""
    with db.write_connection() as conn:
        conn.execute(update(Terminal).where(Terminal.code == terminal).values(store_id=store_id))


def line_row(till, sku):
    line = next(line for line in till.cart.lines if line.sku == sku)
    return line, till.cart_view.line_items[line.line_id]


@pytest.mark.parametrize("locale, header, only_two", [
    ("en", "Stock", "only 2 in stock"),
    ("zh_CN", "库存", "库存仅剩 2 件"),
])
def test_each_line_shows_this_stores_on_hand_and_turns_red_when_short(
        qtbot, sqlite_demo_db, locale, header, only_two):
    db = sqlite_demo_db
    s02 = add_store(db)
    restock(db, {KIT: 9, BAG: 8, NOTEBOOK_SKU: 6})  # S01: not this till's store now
    restock(db, {KIT: 2, BAG: 4, NOTEBOOK_SKU: 1}, store="S02")
    move_till(db, "T01", s02)
    with till_window(qtbot, db, locale) as window:
        keys = KeyCounter(qtbot, window)
        log_in(qtbot, window)
        till = window.till
        view = till.cart_view
        assert view.headerItem().text(ON_HAND) == header
        assert view.header().visualIndex(ON_HAND) == 2  # after the quantity
        keys.scan(till.scan, barcode(db, KIT))
        keys.scan(till.scan, barcode(db, KIT))
        kit, row = line_row(till, KIT)
        assert row.text(ON_HAND) == "2" and row.foreground(ON_HAND).color() != Qt.GlobalColor.darkRed
        keys.scan(till.scan, barcode(db, KIT))  # three, and S02 holds two
        kit, row = line_row(till, KIT)
        assert kit.quantity == 3 and row.text(ON_HAND) == "2"
        assert row.foreground(ON_HAND).color() == Qt.GlobalColor.darkRed
        assert only_two in row.text(0)
        keys.scan(till.scan, NOTEBOOK)
        unit, unit_row = line_row(till, NOTEBOOK_SKU)
        assert unit.stock == 1 and unit_row.text(ON_HAND) == "1"
        # The unit's sheet lists the bag with S02's stock, not S01's.
        items = [item for item in till.sheet.rows
                 if any(c.sku == BAG for c in item.row.candidates) and not item.pack]
        assert items
        for item in items:
            item.choice = next(i for i, c in enumerate(item.row.candidates) if c.sku == BAG)
            assert item.row.candidates[item.choice].stock == 4
            assert choice_text(item, till.formats.money).endswith(" 4")
        assert window.width() == 1366  # the column never widens the till
        assert view.columnWidth(ON_HAND) < 120

        # The search under the scan field says this store's stock too.
        qtbot.keyClicks(till.scan, "cleaning kit")
        qtbot.waitUntil(lambda: till.results.isVisible(), timeout=5_000)
        texts = [till.results.item(i).text() for i in range(till.results.count())]
        kit_text = next(t for t in texts if kit.name in t)
        assert kit_text.endswith(" 2")


def pay_to_serial(qtbot, till, keys):
    """F12 on a cart of one notebook: decline the card, then the serial dialog."""
    keys.press(till.scan, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, CardPrompt))
    qtbot.keyClick(till.active_dialog, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, SerialDialog))
    return till.active_dialog


def type_serial(qtbot, window, dialog, serial):
    qtbot.keyClicks(dialog.field, serial)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.till.active_dialog is not dialog
                    and window.till.active_dialog is not None, timeout=10_000)
    settle(qtbot, window)
    return window.till.active_dialog


@pytest.mark.parametrize("locale, override_text", [
    ("en", "Manager override [F2]"), ("zh_CN", "店长授权 [F2]")])
def test_a_serial_at_another_store_is_refused_and_a_manager_brings_it_here(
        qtbot, sqlite_demo_db, locale, override_text):
    db = sqlite_demo_db
    add_store(db)
    restock(db, {NOTEBOOK_SKU: 3})
    receive_unit(db, "S02", "PF-AT-S02")
    with till_window(qtbot, db, locale) as window:
        keys = KeyCounter(qtbot, window)
        log_in(qtbot, window)  # Li Na, a cashier
        till = window.till
        keys.scan(till.scan, NOTEBOOK)
        dialog = pay_to_serial(qtbot, till, keys)
        assert not dialog.override_button.isVisible()  # nothing refused yet
        refused = type_serial(qtbot, window, dialog, "PF-AT-S02")
        assert isinstance(refused, SerialDialog)
        texts = " ".join(label.text() for label in refused.findChildren(QLabel))
        assert "PF-AT-S02" in texts and "S02" in texts
        assert refused.override_button.isVisible()
        assert refused.override_button.text() == override_text
        assert till.cart.lines[0].serial is None

        qtbot.keyClick(refused, Qt.Key.Key_F2)
        qtbot.waitUntil(lambda: isinstance(till.active_dialog, ManagerApprovalDialog),
                        timeout=10_000)
        approval = till.active_dialog
        assert "PF-AT-S02" in approval.what
        qtbot.keyClicks(approval.pin, "9999")
        qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: isinstance(till.active_dialog, PaymentDialog), timeout=10_000)
        assert till.cart.lines[0].serial == "PF-AT-S02"
        assert "S01-AD-000001" in till.banner.text()
        with db.read() as session:
            state, store = session.execute(select(SerialUnit.state, Store.code).join(
                Store, Store.id == SerialUnit.store_id)
                .where(SerialUnit.serial == "PF-AT-S02")).one()
            assert (state, store) == (UnitState.IN_STOCK, "S01")
            assert session.scalar(select(StockDocument.reason)
                                  .where(StockDocument.doc_no == "S01-AD-000001")) == "till_override"
        assert window.width() == 1366


def test_an_approval_cancelled_leaves_the_sale_waiting_and_a_sold_serial_offers_no_override(
        qtbot, sqlite_demo_db):
    db = sqlite_demo_db
    add_store(db)
    restock(db, {NOTEBOOK_SKU: 3})
    receive_unit(db, "S02", "PF-AT-S02")
    with till_window(qtbot, db) as window:
        keys = KeyCounter(qtbot, window)
        log_in(qtbot, window)
        till = window.till
        keys.scan(till.scan, NOTEBOOK)
        refused = type_serial(qtbot, window, pay_to_serial(qtbot, till, keys), "PF-AT-S02")
        qtbot.mouseClick(refused.override_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: isinstance(till.active_dialog, ManagerApprovalDialog),
                        timeout=10_000)
        till.active_dialog.reject()
        qtbot.waitUntil(lambda: till.active_dialog is None)
        settle(qtbot, window)
        assert not till.paying and till.cart.lines[0].serial is None
        with db.read() as session:
            assert session.scalar(select(StockDocument.id).where(
                StockDocument.kind == "adjust")) is None
        qtbot.waitUntil(till.scan.hasFocus)

        # F12 again: the serial dialog; a serial sold already is refused without override.
        with db.write_connection() as conn:
            conn.execute(update(SerialUnit).where(SerialUnit.serial == "PF-AT-S02")
                         .values(state=UnitState.SOLD))
        keys.press(till.scan, Qt.Key.Key_F12)
        qtbot.waitUntil(lambda: isinstance(till.active_dialog, SerialDialog), timeout=10_000)
        refused = type_serial(qtbot, window, till.active_dialog, "PF-AT-S02")
        assert isinstance(refused, SerialDialog) and not refused.override_button.isVisible()
        qtbot.keyClick(refused, Qt.Key.Key_F2)  # nothing to override: F2 does nothing
        assert till.active_dialog is refused
