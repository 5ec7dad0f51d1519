"""Refunds, voids and returns without a receipt at the till (issue 14): a refusal (a wrong
manager PIN, a sale that can no longer be voided, a price over the catalog's) is said in
the dialog it concerns, which stays open with everything chosen and typed; the refund
and the approval show the amount as the store quotes it; the − and + of a quantity are
finger-sized; when the dialog closes the scan field has the keyboard again."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from pos.aftersale import returns
from pos.aftersale.returns import ReturnItem
from pos.db.models import Sale
from pos.kernel.enums import DocumentKind
from pos.selling.cart import TenderInput
from tests.gui.conftest import KeyCounter, log_in, settle, till_window
from tests.integration.checkout_helpers import staff_id
from tests.integration.test_corrections import notebook_sale
from ui.checkout.after_sale import FindSaleDialog, ManagerApprovalDialog, ReturnDialog
from ui.checkout.no_receipt_dialog import NoReceiptReturnDialog
from ui.style import MIN_TOUCH

PHONE_CASES = 4  # the notebook sale's line of two phone cases, 39.90 each


def refunds(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Sale).where(
            Sale.kind == DocumentKind.REFUND))


def shown(qtbot, till, kind):
    """The till's dialog once it is `kind` and is the window the keys go to (as it is
    by the time a person looks at it)."""
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, kind)
                    and QApplication.activeWindow() is till.active_dialog, timeout=5_000)
    return till.active_dialog


def find_sale(qtbot, till, keys) -> FindSaleDialog:
    keys.press(till.scan, Qt.Key.Key_F6)
    return shown(qtbot, till, FindSaleDialog)


def open_return(qtbot, till, keys, receipt_no) -> ReturnDialog:
    """F6, scan the receipt, F3: the return dialog for it."""
    finder = find_sale(qtbot, till, keys)
    keys.scan(finder.field, receipt_no)
    keys.press(finder.field, Qt.Key.Key_F3)
    return shown(qtbot, till, ReturnDialog)


def scan_has_the_keyboard(qtbot, till) -> None:
    qtbot.waitUntil(lambda: till.active_dialog is None
                    and QApplication.focusWidget() is till.scan, timeout=5_000)


def test_a_wrong_manager_pin_keeps_the_refund_dialog_with_what_was_chosen(
        qtbot, window, keys, sqlite_demo_db):
    sale = notebook_sale(sqlite_demo_db)
    log_in(qtbot, window)  # Li Na, a cashier: a refund needs a manager
    till = window.till
    returning = open_return(qtbot, till, keys, sale.receipt_no)
    kit = till.formats.money(3990)  # CN¥39.90 in English
    returning.spins[PHONE_CASES].setValue(1)
    qtbot.waitUntil(lambda: returning.amount == 3990)
    assert returning.amount_label.text() == f"Back to the customer: {kit}"
    assert returning.ok.text() == f"Refund {kit} [Enter]"
    keys.press(returning.spins[PHONE_CASES], Qt.Key.Key_Return)
    approval = shown(qtbot, till, ManagerApprovalDialog)
    assert approval.amount_label.text() == kit
    assert approval.what == f"refund of {kit} for receipt {sale.receipt_no}"

    qtbot.keyClicks(approval.pin, "1234")
    keys.press(approval.pin, Qt.Key.Key_Return)
    assert approval.message.text() == "Wrong PIN"  # said in the approval, which stays
    assert till.active_dialog is approval and approval.isVisible()
    assert approval.pin.text() == ""
    assert returning.isVisible() and returning.spins[PHONE_CASES].value() == 1
    assert refunds(sqlite_demo_db) == 0

    keys.press(approval.pin, Qt.Key.Key_Escape)  # back to the refund, nothing lost
    assert shown(qtbot, till, ReturnDialog) is returning
    assert returning.isVisible() and returning.spins[PHONE_CASES].value() == 1
    assert returning.items() == [(PHONE_CASES, 1)]

    keys.press(returning.spins[PHONE_CASES], Qt.Key.Key_Return)
    shown(qtbot, till, ManagerApprovalDialog)
    with qtbot.waitSignal(till.sale_completed, timeout=10_000) as done:
        qtbot.keyClicks(till.active_dialog.pin, "9999")
        qtbot.keyClick(till.active_dialog.pin, Qt.Key.Key_Return)
    assert done.args[0].total == -3990 and not returning.isVisible()
    assert refunds(sqlite_demo_db) == 1
    scan_has_the_keyboard(qtbot, till)


def test_a_refund_the_store_refuses_is_said_in_the_refund_dialog(qtbot, window, keys,
                                                                 sqlite_demo_db):
    sale = notebook_sale(sqlite_demo_db)
    log_in(qtbot, window, name="Zhang Wei", pin="9999")  # a manager refunds without asking
    till = window.till
    returning = open_return(qtbot, till, keys, sale.receipt_no)
    returning.spins[PHONE_CASES].setValue(2)
    qtbot.waitUntil(lambda: returning.amount == 7980)
    # meanwhile another till takes one of the two cases back
    returns.refund(sqlite_demo_db, receipt_no=sale.receipt_no,
                   staff_id=staff_id(sqlite_demo_db, "manager"),
                   items=[ReturnItem(PHONE_CASES, 1)], tenders=[TenderInput("cash", 3990)])
    keys.press(returning.spins[PHONE_CASES], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "can still come back" in returning.message.text())
    assert till.active_dialog is returning and returning.isVisible()
    assert returning.spins[PHONE_CASES].value() == 2 and not returning.busy
    assert refunds(sqlite_demo_db) == 1  # only the other till's


def test_a_refused_void_is_said_in_the_find_sale_dialog_with_the_sale_still_found(
        qtbot, window, keys, sqlite_demo_db):
    sale = notebook_sale(sqlite_demo_db)
    returns.refund(sqlite_demo_db, receipt_no=sale.receipt_no,
                   staff_id=staff_id(sqlite_demo_db, "manager"),
                   items=[ReturnItem(PHONE_CASES, 1)], tenders=[TenderInput("cash", 3990)])
    log_in(qtbot, window)  # a cashier: the void needs a manager
    till = window.till
    finder = find_sale(qtbot, till, keys)
    keys.scan(finder.field, sale.receipt_no)
    keys.press(finder.field, Qt.Key.Key_F8)
    approval = shown(qtbot, till, ManagerApprovalDialog)
    qtbot.keyClicks(approval.pin, "0000")
    keys.press(approval.pin, Qt.Key.Key_Return)
    assert approval.message.text() == "Wrong PIN" and approval.isVisible()
    qtbot.keyClicks(approval.pin, "9999")
    keys.press(approval.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "already has a return" in finder.message.text())
    assert till.active_dialog is finder and finder.isVisible()
    assert finder.receipt_no == sale.receipt_no and finder.field.text() == sale.receipt_no
    keys.press(finder.field, Qt.Key.Key_Escape)
    scan_has_the_keyboard(qtbot, till)


def test_the_refund_dialog_says_the_amount_and_has_finger_sized_steps_in_chinese(
        qtbot, sqlite_demo_db):
    sale = notebook_sale(sqlite_demo_db)
    with till_window(qtbot, sqlite_demo_db, "zh_CN") as window:
        keys = KeyCounter(qtbot, window)
        log_in(qtbot, window)
        till = window.till
        returning = open_return(qtbot, till, keys, sale.receipt_no)
        assert returning.ok.text() == "退款 [Enter]"
        for stepper in returning.lines.steppers.values():
            for button in (stepper.minus, stepper.plus):
                assert button.width() >= MIN_TOUCH and button.height() >= MIN_TOUCH
        stepper = returning.lines.steppers[PHONE_CASES]
        stepper.plus.click()
        stepper.plus.click()
        assert returning.spins[PHONE_CASES].value() == 2 and not stepper.plus.isEnabled()
        qtbot.waitUntil(lambda: returning.amount == 7980)
        assert returning.amount_label.text() == "退还顾客：¥79.80"
        assert returning.ok.text() == "退款 ¥79.80 [Enter]"
        keys.press(returning.spins[PHONE_CASES], Qt.Key.Key_Return)
        approval = shown(qtbot, till, ManagerApprovalDialog)
        assert approval.amount_label.text() == "¥79.80"
        assert approval.what == f"退款 ¥79.80（原单 {sale.receipt_no}）"
        keys.press(approval.pin, Qt.Key.Key_Escape)
        assert shown(qtbot, till, ReturnDialog) is returning
        keys.press(returning.spins[PHONE_CASES], Qt.Key.Key_Escape)
        scan_has_the_keyboard(qtbot, till)
        assert returning.result() == returning.DialogCode.Rejected
        assert window.width() <= 1366
        settle(qtbot, window)


@pytest.mark.parametrize("price, said", [("99.00", "At most the catalog's price: CN¥39.90"),
                                         ("39.90", "Say why there is no receipt")])
def test_a_return_without_a_receipt_says_what_is_missing_in_its_dialog(
        qtbot, window, keys, sqlite_demo_db, price, said):
    log_in(qtbot, window)
    till = window.till
    keys.press(find_sale(qtbot, till, keys).field, Qt.Key.Key_F9)
    dialog = shown(qtbot, till, NoReceiptReturnDialog)
    keys.scan(dialog.code, "PRO-CLN-PC")
    assert dialog.product is not None and dialog.price.text() == "39.90"
    dialog.price.setText(price)
    keys.press(dialog.reason_field, Qt.Key.Key_F12)
    assert dialog.message.text() == said and till.active_dialog is dialog
    assert refunds(sqlite_demo_db) == 0


def test_a_return_without_a_receipt_is_approved_for_its_amount_and_refunded_in_cash(
        qtbot, window, keys, sqlite_demo_db):
    log_in(qtbot, window)
    till = window.till
    keys.press(find_sale(qtbot, till, keys).field, Qt.Key.Key_F9)
    dialog = shown(qtbot, till, NoReceiptReturnDialog)
    keys.scan(dialog.code, "PRO-CLN-PC")
    dialog.quantity_stepper.plus.click()  # two kits
    qtbot.keyClicks(dialog.reason_field, "gift, no receipt")
    two = till.formats.money(7980)
    assert dialog.amount_label.text() == f"Back to the customer in cash: {two}"
    keys.press(dialog.reason_field, Qt.Key.Key_Return)
    approval = shown(qtbot, till, ManagerApprovalDialog)
    assert approval.amount_label.text() == two
    qtbot.keyClicks(approval.pin, "1234")
    keys.press(approval.pin, Qt.Key.Key_Return)
    assert approval.message.text() == "Wrong PIN" and dialog.isVisible()
    assert dialog.reason == "gift, no receipt" and dialog.quantity == 2
    with qtbot.waitSignal(till.sale_completed, timeout=10_000) as done:
        qtbot.keyClicks(approval.pin, "9999")
        qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
    assert done.args[0].total == -7980 and done.args[0].original is None
    assert two in till.banner.text() and refunds(sqlite_demo_db) == 1
    scan_has_the_keyboard(qtbot, till)
