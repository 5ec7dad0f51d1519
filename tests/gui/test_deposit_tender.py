"""The payment screen's Deposit tender and invoice toggle (issue 19): a customer's open
pre-order's deposit pays part of the sale, whole, and completes the pre-order; Deposit
is off for a customer with none; "Invoice requested" shows only for a customer whose
invoice details are on file and marks the sale; EN and ZH."""

import uuid

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from pos.accounts.preorders import preorder_view, take_preorder
from pos.db.models import InvoiceRequest, Sale
from pos.kernel.enums import PreorderState, Tender
from pos.ledger.verify import verify
from pos.people import customers
from tests.gui.conftest import log_in, settle, till_window
from tests.integration.checkout_helpers import staff_id
from ui.checkout.payment import PaymentDialog

BAG = "BAG-NB-156"  # 399.00


def deposit_for(db, customer_id, amount=10000):
    return take_preorder(db, customer=customer_id, code=BAG, deposit=amount, tender="wechat",
                         gift="a mouse", staff_id=staff_id(db, "cashier"), terminal="T01",
                         request_id=str(uuid.uuid4())).preorder_no


def pay_dialog(qtbot, window, phone) -> PaymentDialog:
    till = window.till
    for code in (BAG, phone):
        qtbot.keyClicks(till.scan, code)
        qtbot.keyClick(till.scan, Qt.Key.Key_Return)
        settle(qtbot, window)
    qtbot.keyClick(till.scan, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, PaymentDialog))
    return till.active_dialog


def button(payment, tender):
    return next(b for b in payment.group.buttons() if b.property("tender") == tender)


def last_sale(db):
    with db.read() as session:
        sale = session.scalars(select(Sale).order_by(Sale.id.desc())).first()
        return sale.receipt_no, [(p.tender, p.amount, p.reference) for p in sale.payments]


@pytest.mark.parametrize("locale", ["en", "zh_CN"])
def test_a_deposit_pays_whole_and_completes_its_preorder(qtbot, sqlite_demo_db, locale):
    db = sqlite_demo_db
    who = customers.create_customer(db, phone="13700000011", name="Wu Fang")
    preorder_no = deposit_for(db, who.id)
    with till_window(qtbot, db, locale) as window:
        log_in(qtbot, window)
        payment = pay_dialog(qtbot, window, who.phone)
        deposit = button(payment, Tender.DEPOSIT)
        assert deposit.isEnabled() and deposit.key == "F4"
        assert not payment.invoice.isVisible()  # a consumer without invoice details
        qtbot.keyClick(payment.amount, Qt.Key.Key_F4)
        assert payment.tender is Tender.DEPOSIT
        assert payment.deposit_pick.isVisible() and payment.deposit_pick.count() == 1
        assert preorder_no in payment.deposit_pick.currentText()
        assert payment.amount.isReadOnly()
        assert payment.amount.text() == "100.00"
        qtbot.keyClick(payment.amount, Qt.Key.Key_F3)  # next 100: not for a deposit
        qtbot.keyClicks(payment.amount, "5")
        assert payment.amount.text() == "100.00"
        if locale == "zh_CN":
            assert deposit.label == "定金"
        qtbot.keyClick(payment.amount, Qt.Key.Key_Return)  # the deposit; 299.00 still due
        assert payment.isVisible() and payment.tender is Tender.CASH
        assert not payment.amount.isReadOnly()
        qtbot.keyClick(payment.amount, Qt.Key.Key_F1)  # exact
        qtbot.keyClick(payment.amount, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.till.active_dialog is None and not window.till.paying)
        settle(qtbot, window)
        receipt, paid = last_sale(db)
        assert paid == [(Tender.DEPOSIT, 10000, preorder_no), (Tender.CASH, 29900, None)]
        view = preorder_view(db, preorder_no=preorder_no)
        assert view.state is PreorderState.COMPLETED and view.deposit_held == 0
        assert view.completed_receipt == receipt
        assert verify(db).ok
        assert window.width() <= 1366


def test_invoice_requested_is_offered_with_the_details_and_marks_the_sale(
        qtbot, window, sqlite_demo_db):
    db = sqlite_demo_db
    who = customers.create_customer(db, phone="13700000012", name="Gao Min", kind="business",
                                    company="Gao Trading")
    customers.update_customer(db, customer_id=who.id, tax_id="91310000MA1FL8XQ3B",
                              invoice_address="1 Nanjing Rd", bank_name="ICBC",
                              bank_account="6222020200112233445")
    log_in(qtbot, window)
    payment = pay_dialog(qtbot, window, who.phone)
    assert not button(payment, Tender.DEPOSIT).isEnabled()  # no pre-order
    qtbot.keyClick(payment.amount, Qt.Key.Key_F4)
    assert payment.tender is Tender.CASH and "pre-order" in payment.message.text()
    assert payment.invoice.isVisible() and not payment.invoice.isChecked()
    payment.invoice.setChecked(True)
    qtbot.keyClick(payment.amount, Qt.Key.Key_F1)
    qtbot.keyClick(payment.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.till.active_dialog is None and not window.till.paying)
    settle(qtbot, window)
    receipt, _paid = last_sale(db)
    with db.read() as session:
        request = session.scalars(select(InvoiceRequest)).one()
        assert request.tax_id == "91310000MA1FL8XQ3B" and request.company == "Gao Trading"
    assert receipt
    assert verify(db).ok


@pytest.mark.parametrize("locale", ["en", "zh_CN"])
def test_a_preorder_is_taken_from_the_customer_dialog_with_its_deposit(qtbot, sqlite_demo_db,
                                                                       locale):
    from pos.accounts.preorders import list_preorders
    from pos.db.models import PrintJob
    from tests.gui.test_account_payment import open_customer
    from ui.checkout.preorder_dialog import PreorderDialog

    db = sqlite_demo_db
    who = customers.create_customer(db, phone="13700000013", name="Ma Li")
    with till_window(qtbot, db, locale) as window:
        log_in(qtbot, window)
        dialog = open_customer(qtbot, window, who.phone)
        qtbot.keyClick(dialog, Qt.Key.Key_F9)
        qtbot.waitUntil(lambda: isinstance(window.till.active_dialog, PreorderDialog))
        preorder = window.till.active_dialog
        assert preorder.width() <= 1366
        qtbot.keyClicks(preorder.code, BAG)
        qtbot.keyClick(preorder.code, Qt.Key.Key_Return)  # scanned: the deposit next
        assert preorder.focusWidget() is preorder.deposit and preorder.isVisible()
        qtbot.keyClicks(preorder.deposit, "0")
        qtbot.keyClick(preorder.deposit, Qt.Key.Key_Return)
        settle(qtbot, window)
        assert preorder.isVisible() and preorder.message.text()  # not positive: refused
        assert list_preorders(db, customer=who.id) == []
        preorder.deposit.setText("200.00")
        qtbot.keyClicks(preorder.gift, "a mouse")
        qtbot.keyClick(preorder.deposit, Qt.Key.Key_F3)  # WeChat Pay
        qtbot.keyClick(preorder.deposit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.till.active_dialog is dialog)
        settle(qtbot, window)
        taken = list_preorders(db, customer=who.id)
        assert [(p.deposit_held, p.gift, p.state) for p in taken] == [
            (20000, "a mouse", PreorderState.OPEN)]
        assert taken[0].preorder_no in dialog.message.text()
        with db.read() as session:
            jobs = session.scalars(select(PrintJob).where(PrintJob.kind == "account")).all()
            assert [(job.ref, job.open_drawer) for job in jobs] == [
                (preorder.posted.doc_no, False)]
        assert verify(db).ok
