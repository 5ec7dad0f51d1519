"""Quotes at the till (Shift+F4, issue 19): the sale saved as a quote for its business
customer, a consumer refused with the reason and nothing saved, the quote opened as the
sale by its number at its prices and sold once, an expired one only with a manager's
approval; EN and ZH."""

import uuid
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from pos.accounts.quotes import quote_view, save_quote
from pos.db.models import Quote
from pos.people import customers
from pos.selling import checkout
from tests.gui.conftest import log_in, settle, till_window
from tests.integration.checkout_helpers import new_cart, staff_id
from ui.checkout.approval_dialog import ManagerApprovalDialog
from ui.checkout.payment import PaymentDialog
from ui.checkout.quote_dialog import QuoteDialog

BAG = "BAG-NB-156"


def scan(qtbot, window, *codes):
    for code in codes:
        qtbot.keyClicks(window.till.scan, code)
        qtbot.keyClick(window.till.scan, Qt.Key.Key_Return)
        settle(qtbot, window)


def quote_dialog(qtbot, window) -> QuoteDialog:
    qtbot.keyClick(window.till.scan, Qt.Key.Key_F4, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(window.till.active_dialog, QuoteDialog))
    settle(qtbot, window)
    return window.till.active_dialog


def quotes(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Quote))


def close(qtbot, window, dialog):
    qtbot.keyClick(dialog.number, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.till.active_dialog is None)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.till.scan)


@pytest.mark.parametrize("locale", ["en", "zh_CN"])
def test_a_sale_saved_as_a_quote_is_opened_later_and_sold_at_its_prices(
        qtbot, sqlite_demo_db, locale):
    db = sqlite_demo_db
    who = customers.create_customer(db, phone="13700000031", name="Lu Bin", kind="business",
                                    company="Lu Systems")
    with till_window(qtbot, db, locale) as window:
        log_in(qtbot, window)
        till = window.till
        scan(qtbot, window, BAG, who.phone)
        dialog = quote_dialog(qtbot, window)
        assert dialog.save_button.isEnabled() and "Lu Systems" in dialog.save_title.text()
        assert dialog.width() <= 1366
        qtbot.keyClick(dialog.number, Qt.Key.Key_F12)
        settle(qtbot, window)
        assert dialog.saved is not None and dialog.message.objectName() == "success"
        quote_no = dialog.saved.quote_no
        assert quote_no in dialog.message.text()
        assert dialog.quotes[0].quote_no == quote_no  # the customer's, listed first
        if locale == "zh_CN":
            assert dialog.windowTitle() == "报价单"
        qtbot.keyClick(dialog.number, Qt.Key.Key_Return)  # a sale in the cart: refused
        settle(qtbot, window)
        assert till.active_dialog is dialog and dialog.message.text()
        close(qtbot, window, dialog)
        assert len(till.cart.lines) == 1 and till.cart.quote_id is None
        till.new_cart()  # the customer comes back another day
        dialog = quote_dialog(qtbot, window)
        dialog.number.clear()
        qtbot.keyClicks(dialog.number, quote_no.lower())  # typed, any case
        qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: till.active_dialog is None)
        settle(qtbot, window)
        assert till.cart.quote_id is not None and till.cart.customer_id == who.id
        assert [line.sku for line in till.cart.lines] == [BAG]
        qtbot.keyClick(till.scan, Qt.Key.Key_F12)
        qtbot.waitUntil(lambda: isinstance(till.active_dialog, PaymentDialog))
        payment = till.active_dialog
        qtbot.keyClick(payment.amount, Qt.Key.Key_F1)
        qtbot.keyClick(payment.amount, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: till.active_dialog is None and not till.paying)
        settle(qtbot, window)
        assert quote_view(db, quote_no=quote_no).converted_receipt == till.last_receipt


def test_a_quote_for_a_consumer_is_refused_and_nothing_saved(qtbot, window, sqlite_demo_db,
                                                             returning_customer):
    log_in(qtbot, window)
    scan(qtbot, window, BAG, returning_customer.phone)
    dialog = quote_dialog(qtbot, window)
    before = quotes(sqlite_demo_db)
    qtbot.keyClick(dialog.number, Qt.Key.Key_F12)
    settle(qtbot, window)
    assert dialog.saved is None and "business customer" in dialog.message.text()
    assert quotes(sqlite_demo_db) == before
    assert window.till.active_dialog is dialog
    close(qtbot, window, dialog)


def test_an_expired_quote_opens_with_a_managers_approval(qtbot, window, sqlite_demo_db):
    db = sqlite_demo_db
    who = customers.create_customer(db, phone="13700000032", name="He Jun", kind="business",
                                    company="He Works")
    cart = new_cart(db)
    checkout.add_product(db, cart, code=BAG)
    checkout.set_customer(db, cart, customer_id=who.id)
    old = date.today() - timedelta(days=20)
    quote = save_quote(db, cart, staff_id=staff_id(db, "cashier"), request_id=str(uuid.uuid4()),
                       valid_until=old + timedelta(days=10), today=old)
    log_in(qtbot, window)  # a cashier
    till = window.till
    dialog = quote_dialog(qtbot, window)
    qtbot.keyClicks(dialog.number, quote.quote_no)
    qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, ManagerApprovalDialog))
    assert "expired" in dialog.message.text()
    approval = till.active_dialog
    approval.reject()  # no manager at hand: back to the quotes, nothing opened
    qtbot.waitUntil(lambda: till.active_dialog is dialog)
    assert not dialog.busy and till.cart.quote_id is None
    qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, ManagerApprovalDialog))
    approval = till.active_dialog
    approval.pin.setText("9999")
    approval.submit()
    qtbot.waitUntil(lambda: till.active_dialog is None)
    settle(qtbot, window)
    assert till.cart.quote_id is not None and [line.sku for line in till.cart.lines] == [BAG]
