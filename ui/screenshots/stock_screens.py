"""The stock screen's tabs (ui.stock), each filled the way a manager fills it with the
scanner: a product looked up across the stores, a delivery being received (serials and
a quantity), a transfer being sent, a count under way. ui.screenshots.screens adds
STOCK_SCREENS to its SCREENS."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pos.kernel.enums import StaffRole
from ui.screenshots.stage import NOTEBOOK, Stage

MONITOR, MONITOR_2 = "6923150080019", "6923150080026"
STOCK_SCREENS: dict[str, object] = {}


def screen(name: str):
    def register(function):
        STOCK_SCREENS[name] = function
        return function
    return register


def stock_screen(stage: Stage, tab_key=None):
    """The stock screen (F5 at a manager's till), on the tab of `tab_key`."""
    stage.open_window()
    stage.log_in(StaffRole.MANAGER)
    stage.key(Qt.Key.Key_F5, stage.till.scan)
    dialog = stage.wait_dialog("StockDialog", "the stock screen")
    if tab_key is not None:
        stage.key(tab_key, dialog.lookup.scan)
    return dialog


@screen("stock-lookup")
def stock_lookup(stage: Stage) -> None:
    dialog = stock_screen(stage)
    stage.type(NOTEBOOK, dialog.lookup.scan)
    stage.wait(lambda: dialog.lookup.model.rows, "the notebook across the stores")
    stage.shot("stock-lookup")


@screen("stock-serial")
def stock_serial(stage: Stage) -> None:
    """A serial's history: a notebook received on the Receive tab, then looked up."""
    dialog = stock_screen(stage, Qt.Key.Key_F2)
    panel = dialog.receive
    stage.type("Lenovo China", panel.supplier)
    stage.type("DN-2026-119", panel.supplier_ref)
    stage.type(NOTEBOOK, panel.scan)
    stage.type("PF3HIST001", panel.scan)
    stage.key(Qt.Key.Key_F12, panel.scan)
    stage.wait(lambda: panel.posted is not None, "the receipt posted")
    stage.key(Qt.Key.Key_F1, panel.scan)
    stage.type("PF3HIST001", dialog.lookup.scan)
    stage.wait(lambda: dialog.lookup.model.rows, "the serial's history")
    stage.shot("stock-serial")


@screen("stock-receive")
def stock_receive(stage: Stage) -> None:
    dialog = stock_screen(stage, Qt.Key.Key_F2)
    panel = dialog.receive
    stage.type("联想（中国）" if stage.locale == "zh_CN" else "Lenovo China", panel.supplier)
    stage.type("DN-2026-118", panel.supplier_ref)
    for code in (NOTEBOOK, "PF3RCV0001", "PF3RCV0002"):
        stage.type(code, panel.scan)
    panel.entry.qty.setValue(3)
    stage.type("1299.00", panel.entry.cost, enter=False)
    stage.type(MONITOR, panel.scan)
    stage.wait(lambda: len(panel.entry.lines()) == 3, "three lines scanned")
    stage.shot("stock-receive")


@screen("stock-transfers")
def stock_transfers(stage: Stage) -> None:
    dialog = stock_screen(stage, Qt.Key.Key_F3)
    page = dialog.transfers.send_page
    page.entry.qty.setValue(2)
    stage.type(MONITOR, page.scan)
    stage.type(MONITOR_2, page.scan)
    stage.wait(lambda: len(page.entry.lines()) == 2, "two lines scanned")
    stage.shot("stock-transfers")
    stage.key(Qt.Key.Key_F7, page.scan)
    stage.shot("stock-transfers-incoming")


@screen("stock-count")
def stock_count(stage: Stage) -> None:
    dialog = stock_screen(stage, Qt.Key.Key_F4)
    panel = dialog.count
    stage.type("MONITOR", panel.scope_name)
    stage.wait(lambda: panel.pages.currentIndex() == 1, "the count started")
    for code in (MONITOR, MONITOR, MONITOR_2):
        stage.type(code, panel.scan)
    stage.shot("stock-count")
