"""The till applies what the cashier does in the order it was done, even when the
database is slow to answer: quick scans, a mark on the sheet while a scan is on its way,
F12 right after a scan, and keys typed meanwhile are all kept."""

import threading

from PySide6.QtCore import Qt

from pos.kernel.enums import LineKind, Outcome
from pos.selling import checkout
from tests.gui.conftest import log_in, settle
from ui.checkout.payment import PaymentDialog

NOTEBOOK, BAG = "6923150020022", "BAG-NB-156"


class Gate:
    """Holds a service on the worker until the test opens it: a slow database."""

    def __init__(self, monkeypatch, module, name):
        self.entered, self.opened = threading.Event(), threading.Event()
        real = getattr(module, name)

        def held(*args, **kwargs):
            self.entered.set()
            assert self.opened.wait(10), "the test never let the call go on"
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, held)

    def open(self):
        self.opened.set()


def scan(qtbot, till, code):
    """A scanner's keys and Enter, without waiting for anything."""
    qtbot.keyClicks(till.scan, code)
    qtbot.keyClick(till.scan, Qt.Key.Key_Return)


def test_two_quick_scans_add_two_lines_in_the_order_scanned(qtbot, window, monkeypatch):
    log_in(qtbot, window)
    till = window.till
    gate = Gate(monkeypatch, checkout, "add_product")
    scan(qtbot, till, NOTEBOOK)
    qtbot.waitUntil(gate.entered.is_set)  # the first scan is on its way
    qtbot.keyClicks(till.scan, BAG)
    assert till.scan.text() == BAG  # the scan field takes keys meanwhile
    qtbot.keyClick(till.scan, Qt.Key.Key_Return)
    assert till.cart.lines == [] and till.scan.text() == ""
    gate.open()
    settle(qtbot, window)
    assert [line.kind for line in till.cart.lines] == [LineKind.MAIN_UNIT, LineKind.ACCESSORY]
    assert till.cart.lines[1].sku == BAG
    assert till.sheet.unit_key == till.cart.lines[0].line_id


def test_a_mark_on_the_sheet_while_a_scan_is_on_its_way_is_kept(qtbot, window, monkeypatch):
    log_in(qtbot, window)
    till = window.till
    scan(qtbot, till, NOTEBOOK)
    settle(qtbot, window)
    unit, first = till.current_unit, till.sheet.rows[0]
    gate = Gate(monkeypatch, checkout, "add_product")
    scan(qtbot, till, BAG)
    qtbot.waitUntil(gate.entered.is_set)
    qtbot.keyClick(till.scan, Qt.Key.Key_Space)  # the first item on the sheet: sold
    gate.open()
    settle(qtbot, window)
    assert till.cart.outcome(unit, first.item_id) is Outcome.SOLD
    assert till.sheet.rows[0].outcome is Outcome.SOLD and till.sheet.current == 1
    assert any(line.sheet_item_id == first.item_id for line in till.cart.children(unit))
    # the scanned bag is on the notebook's sheet: it went under the unit, its item sold
    bag = [line for line in till.cart.lines if line.sku == BAG][-1]
    assert bag.parent_line_id == unit and till.cart.outcome(unit, bag.sheet_item_id) is Outcome.SOLD


def test_pay_right_after_a_scan_pays_for_the_cart_with_that_scan_in_it(qtbot, window,
                                                                     monkeypatch):
    log_in(qtbot, window)
    till = window.till
    gate = Gate(monkeypatch, checkout, "add_product")
    scan(qtbot, till, BAG)
    qtbot.waitUntil(gate.entered.is_set)
    qtbot.keyClick(till.scan, Qt.Key.Key_F12)
    gate.open()
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, PaymentDialog))
    assert till.active_dialog.due == till.cart.lines[0].total > 0


def test_a_scanned_kit_shows_sold_on_the_units_sheet(qtbot, window):
    log_in(qtbot, window)
    till = window.till
    scan(qtbot, till, NOTEBOOK)
    settle(qtbot, window)
    unit = till.current_unit
    scan(qtbot, till, "PRO-CLN-PC")
    settle(qtbot, window)
    kit = next(row for row in till.sheet.rows if row.code == "cleaning-kit")
    assert kit.outcome is Outcome.SOLD  # on screen, not only in the cart
    assert [l.parent_line_id for l in till.cart.lines if l.sku == "PRO-CLN-PC"] == [unit]
