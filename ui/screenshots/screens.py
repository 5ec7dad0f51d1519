"""Every screen and dialog, one small function each, in the order a day at the till meets
them. Each starts from a fresh window (`stage.open_window()`), gets there the way a
person does (keys, scans, clicks) and calls `stage.shot(name)`.

A screen whose feature has not landed yet raises NotYet; TO_ADD lists those, with what
the function should do once it is there."""

from __future__ import annotations

import importlib.util

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QPushButton

from pos.kernel.enums import StaffRole
from ui.screenshots.stage import (
    DESKTOP, NEW_PHONE, NOTEBOOK, NOTEBOOK_SERIAL, RETURNING_PHONE, UNKNOWN_BARCODE, NotYet,
    Stage,
)
from ui.screenshots.account_screens import ACCOUNT_SCREENS
from ui.screenshots.chain_screens import CHAIN_SCREENS
from ui.screenshots.jobs_screens import JOBS_SCREENS
from ui.screenshots.leads_screens import LEADS_SCREENS
from ui.screenshots.stock_screens import STOCK_SCREENS

SCREENS: dict[str, object] = {}

# Screens being built while this was written: add a function (or finish the one below)
# once the feature lands.
TO_ADD = {
    "first-run (the rest)": "the wizard's pages after the store: administrator, tills, "
                            "catalog and sheets, printer, the last look",
}


def screen(name: str):
    def register(function):
        SCREENS[name] = function
        return function
    return register


def named(dialog) -> str:
    return type(dialog).__name__ if dialog is not None else ""


# steps shared by several screens ---------------------------------------------------------
def customer_name(stage: Stage) -> str:
    return "陈洁" if stage.locale == "zh_CN" else "Chen Jie"


def add_customer(stage: Stage, phone: str) -> None:
    """Scan the phone; a new number is added inline (or in a dialog) with a name."""
    till = stage.till
    stage.scan(phone)
    bar = getattr(till, "customer_bar", None)
    if bar is not None and getattr(bar, "adding", False):
        stage.type(customer_name(stage), bar.name)
    dialog = stage.dialog()
    if named(dialog) == "CustomerDialog":
        field = getattr(dialog, "name", None)
        if field is not None and not field.text():
            stage.type(customer_name(stage), field)
        if stage.dialog() is dialog:
            dialog.accept()
        stage.settle()


def sell_notebook(stage: Stage) -> None:
    """The standard notebook sale: the unit, the customer, two items sold, one declined,
    the gold card."""
    stage.scan(NOTEBOOK)
    add_customer(stage, RETURNING_PHONE)
    scan_field = stage.till.scan
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Down, Qt.Key.Key_Delete, Qt.Key.Key_Down,
                Qt.Key.Key_Space):
        stage.key(key, scan_field)
    stage.key(Qt.Key.Key_2, scan_field, Qt.KeyboardModifier.ControlModifier)


def pay_in_cash(stage: Stage, *, until: str = "") -> None:
    """F12, then through the card prompt, serial and payment as they come; stops with
    the dialog named `until` open, or when the sale is complete."""
    stage.key(Qt.Key.Key_F12, stage.till.scan)
    for _ in range(8):
        dialog = stage.dialog()
        kind = named(dialog)
        if kind == until or dialog is None:
            return
        if kind == "SerialDialog":
            stage.serials += 1  # a serial is sold once
            stage.type(f"{NOTEBOOK_SERIAL}{stage.serials:02d}", dialog.field)
        elif kind == "PaymentDialog":
            stage.key(Qt.Key.Key_F3, dialog.amount)  # the next 100
            stage.key(Qt.Key.Key_Return, dialog.amount)
        else:
            raise RuntimeError(f"paying met {kind}")
        stage.wait(lambda dialog=dialog: stage.dialog() not in (None, dialog)
                   or not stage.till.paying, f"the step after {kind}")


def completed_receipt(stage: Stage) -> str:
    """The receipt number of a notebook sale paid in cash, made at a till of its own
    the first time a screen asks for it (before that screen opens its window)."""
    if stage.receipt is None:
        stage.open_window()
        stage.log_in()
        sell_notebook(stage)
        pay_in_cash(stage)
        stage.receipt = stage.till.last_receipt
        stage.close_window()
        if not stage.receipt:
            raise RuntimeError("the notebook sale did not complete")
    return stage.receipt


def manager_till(stage: Stage) -> None:
    stage.open_window()
    stage.log_in(StaffRole.MANAGER)


def found_sale(stage: Stage):
    """The find-sale dialog showing the notebook sale."""
    receipt = completed_receipt(stage)
    stage.open_window()
    stage.log_in()
    stage.key(Qt.Key.Key_F6, stage.till.scan)
    dialog = stage.wait_dialog("FindSaleDialog", "the find-sale dialog")
    stage.type(receipt, dialog.field)
    stage.wait(lambda: dialog.results.count() > 0, "the sale found")
    return dialog


def after_sale_choice(stage: Stage, key, button: str):
    """From the sale found, the choice behind `key` (its button named `button`)."""
    finder = found_sale(stage)
    if not hasattr(finder, button):
        raise NotYet(button)
    stage.key(key, finder.field)
    return finder


# the screens -------------------------------------------------------------------------------
@screen("login")
def login(stage: Stage) -> None:
    stage.open_window()
    stage.shot("login")


@screen("login-starting")
def login_starting(stage: Stage) -> None:
    stage.open_window(attached=False)  # before the database layer has loaded
    stage.shot("login-starting")


@screen("till-empty")
def till_empty(stage: Stage) -> None:
    stage.open_window()
    stage.log_in()
    stage.shot("till-empty")


@screen("till-manager")
def till_manager(stage: Stage) -> None:
    """A manager's till: the top bar with every button a manager has."""
    manager_till(stage)
    stage.shot("till-manager")


@screen("till-sale")
def till_sale(stage: Stage) -> None:
    """The till with a notebook, its sheet half asked and the gold card."""
    stage.open_window()
    stage.log_in()
    sell_notebook(stage)
    stage.shot("till-sale")


@screen("till-search")
def till_search(stage: Stage) -> None:
    stage.open_window()
    stage.log_in()
    stage.scan(NOTEBOOK)
    stage.type("bag" if stage.locale == "en" else "包", stage.till.scan, enter=False)
    stage.wait(lambda: stage.till.results.isVisible(), "the search results")
    stage.shot("till-search")


@screen("unknown-barcode")
def unknown_barcode(stage: Stage) -> None:
    stage.open_window()
    stage.log_in()
    stage.scan(UNKNOWN_BARCODE)
    stage.shot("unknown-barcode")


@screen("customer-new")
def customer_new(stage: Stage) -> None:
    """A number nobody has: the till offers to add them."""
    stage.open_window()
    stage.log_in()
    stage.scan(NOTEBOOK)
    stage.scan(NEW_PHONE)
    stage.shot("customer-new")


@screen("customer-dialog")
def customer_dialog(stage: Stage) -> None:
    stage.open_window()
    stage.log_in()
    stage.key(Qt.Key.Key_F4, stage.till.scan)
    dialog = stage.wait_dialog("CustomerDialog", "the customer dialog")
    stage.type(NEW_PHONE, stage.focused(), enter=False)
    stage.shot("customer-dialog", dialog)


@screen("customer-history")
def customer_history(stage: Stage) -> None:
    """F4 for a returning customer: their sales, units, cards and follow-ups."""
    completed_receipt(stage)  # the customer has bought a notebook with a gold card
    stage.open_window()
    stage.log_in()
    stage.scan(RETURNING_PHONE)
    stage.key(Qt.Key.Key_F4, stage.till.scan)
    stage.wait_dialog("CustomerDialog", "the customer's history")
    stage.shot("customer-history")


@screen("card-prompt")
def card_prompt(stage: Stage) -> None:
    stage.open_window()
    stage.log_in()
    stage.scan(DESKTOP)
    pay_in_cash(stage, until="CardPrompt")
    stage.shot("card-prompt")


@screen("serial")
def serial(stage: Stage) -> None:
    stage.open_window()
    stage.log_in()
    sell_notebook(stage)
    pay_in_cash(stage, until="SerialDialog")
    stage.shot("serial")


@screen("payment")
def payment(stage: Stage) -> None:
    stage.open_window()
    stage.log_in()
    sell_notebook(stage)
    pay_in_cash(stage, until="PaymentDialog")
    dialog = stage.wait_dialog("PaymentDialog", "the payment dialog")
    stage.key(Qt.Key.Key_F3, dialog.amount)
    stage.shot("payment")


@screen("change-due")
def change_due(stage: Stage) -> None:
    stage.open_window()
    stage.log_in()
    sell_notebook(stage)
    pay_in_cash(stage)
    stage.wait(lambda: stage.till.last_receipt, "the sale completed")
    stage.shot("change-due")


@screen("parked")
def parked(stage: Stage) -> None:
    stage.open_window()
    stage.log_in()
    sell_notebook(stage)
    stage.key(Qt.Key.Key_F8, stage.till.scan)
    stage.scan(DESKTOP)
    stage.key(Qt.Key.Key_F8, stage.till.scan)
    stage.key(Qt.Key.Key_F9, stage.till.scan)  # the list opens without blocking
    dialog = stage.wait_dialog("ParkedDialog", "the parked sales")
    stage.shot("parked", dialog)
    dialog.reject()


@screen("find-sale")
def find_sale(stage: Stage) -> None:
    found_sale(stage)
    stage.shot("find-sale")


@screen("add-on")
def add_on(stage: Stage) -> None:
    after_sale_choice(stage, Qt.Key.Key_F2, "addon_button")
    stage.wait(lambda: stage.dialog() is None and stage.till.cart.original_receipt,
               "the till in add-on mode")
    stage.shot("add-on")


@screen("refund")
def refund(stage: Stage) -> None:
    after_sale_choice(stage, Qt.Key.Key_F3, "return_button")
    stage.wait_dialog("ReturnDialog", "the return dialog")
    stage.shot("refund")


@screen("approval")
def approval(stage: Stage) -> None:
    """A cashier's refund: the manager approves it with their PIN."""
    after_sale_choice(stage, Qt.Key.Key_F3, "return_button")
    dialog = stage.wait_dialog("ReturnDialog", "the return dialog")
    spins = dialog.findChildren(QAbstractSpinBox)
    if spins:
        spins[0].stepUp()
    ok = next((b for b in dialog.findChildren(QPushButton)
               if b.isVisible() and b.isEnabled()
               and (b.objectName() == "primary" or b.property("class") == "primary")), None)
    if ok is None:
        raise RuntimeError("the return dialog has no primary button")
    stage.click(ok)
    stage.wait(lambda: "Approval" in named(stage.dialog()), "the manager's approval")
    stage.shot("approval")


@screen("exchange")
def exchange(stage: Stage) -> None:
    after_sale_choice(stage, Qt.Key.Key_F4, "exchange_button")
    stage.wait(lambda: named(stage.dialog()) not in ("", "FindSaleDialog"), "the exchange")
    stage.shot("exchange")


@screen("close-shift")
def close_shift(stage: Stage) -> None:
    completed_receipt(stage)  # a sale in the shift, so the count has something to show
    manager_till(stage)
    stage.click(stage.till.close_shift_button)
    stage.wait_dialog("CloseShiftDialog", "the close-shift dialog")
    stage.shot("close-shift")


@screen("cash-drawer")
def cash_drawer(stage: Stage) -> None:
    manager_till(stage)
    stage.click(stage.till.drawer_button)
    stage.wait_dialog("CashDrawerDialog", "the cash drawer")
    stage.key(Qt.Key.Key_F3, stage.dialog())  # paid out: amount and reason
    stage.shot("cash-drawer")


@screen("day-report")
def day_report(stage: Stage) -> None:
    completed_receipt(stage)
    manager_till(stage)
    stage.key(Qt.Key.Key_F7, stage.till.scan)
    stage.wait_dialog("ReportDialog", "the report")
    stage.shot("day-report")


@screen("settings")
def settings(stage: Stage) -> None:
    manager_till(stage)
    stage.key(Qt.Key.Key_F10, stage.till.scan)
    stage.wait_dialog("SettingsDialog", "the settings")
    stage.shot("settings")


@screen("audit")
def audit(stage: Stage) -> None:
    completed_receipt(stage)
    manager_till(stage)
    stage.click(stage.till.audit_button)
    stage.wait_dialog("AuditDialog", "the audit trail")
    stage.shot("audit")


@screen("first-run")
def first_run(stage: Stage) -> None:
    """The wizard a database without a store opens on: the welcome, then the store."""
    if importlib.util.find_spec("ui.first_run") is None:
        raise NotYet("first-run")
    from ui.first_run import open_first_run

    window = stage.open_window(attached=False)
    wizard = open_first_run(window, stage.ops, terminal="T01", locale=stage.locale,
                            set_language=None, done=lambda: None)
    stage.shot("first-run")
    wizard.next_step()
    stage.settle()
    stage.shot("first-run-store")


SCREENS.update(STOCK_SCREENS)  # the stock screen's tabs (ui.screenshots.stock_screens)
SCREENS.update(ACCOUNT_SCREENS)  # customer accounts (ui.screenshots.account_screens)
SCREENS.update(LEADS_SCREENS)  # leads and follow-up (ui.screenshots.leads_screens)
SCREENS.update(JOBS_SCREENS)  # the jobs board and a job (ui.screenshots.jobs_screens)
SCREENS.update(CHAIN_SCREENS)  # a chain store's sync indicator (ui.screenshots.chain_screens)
