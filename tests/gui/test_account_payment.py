"""The customer's account at the till (issue 19): the customer dialog's account strip
(balance, limit, overdue in red), a payment on account from it (invoices ticked, the
tender, keep the rest as credit), refusals said in the dialog with nothing lost, one
request id per attempt, and opening an account with a manager's approval; EN and ZH."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from pos.accounts.accounts import account_view, open_account
from pos.db.models import AccountDocument
from pos.kernel.errors import UserError
from pos.ledger.verify import verify
from pos.people import customers
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from tests.gui.conftest import log_in, settle, till_window
from tests.integration.checkout_helpers import new_cart, staff_id
from ui.checkout.account_payment import AccountPaymentDialog
from ui.checkout.customer_dialog import CustomerDialog

BAG = "BAG-NB-156"
PHONE = "13700000001"


def sell_on_account(db, customer_id, business_date=None):
    cart = new_cart(db)
    checkout.add_product(db, cart, code=BAG)
    checkout.set_customer(db, cart, customer_id=customer_id)
    due = sum(line.total for line in cart.lines)
    sale = completion.complete_sale(db, cart, tenders=[TenderInput("on_account", due)],
                                    business_date=business_date)
    return sale.receipt_no, due


@pytest.fixture
def buyer(sqlite_demo_db):
    """A business customer with an account: an invoice 40 days old (overdue on a 30-day
    term) and one of today."""
    db = sqlite_demo_db
    who = customers.create_customer(db, phone=PHONE, name="Acme buyer", kind="business",
                                    company="Acme Ltd")
    open_account(db, customer=who.id, staff_id=staff_id(db, "manager"))
    new = sell_on_account(db, who.id)  # first: an overdue account sells no more on account
    old = sell_on_account(db, who.id, business_date=date.today() - timedelta(days=40))
    return who, old, new


def documents(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(AccountDocument))


def open_customer(qtbot, window, phone=PHONE) -> CustomerDialog:
    till = window.till
    qtbot.keyClicks(till.scan, phone)
    qtbot.keyClick(till.scan, Qt.Key.Key_Return)
    settle(qtbot, window)
    qtbot.keyClick(till.scan, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, CustomerDialog))
    dialog = till.active_dialog
    qtbot.waitUntil(lambda: dialog.panel is not None)
    settle(qtbot, window)
    return dialog


def open_payment(qtbot, window, dialog) -> AccountPaymentDialog:
    qtbot.keyClick(dialog, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: isinstance(window.till.active_dialog, AccountPaymentDialog))
    return window.till.active_dialog


def tick(payment, row):
    payment.table.item(row, 0).setCheckState(Qt.CheckState.Checked)


@pytest.mark.parametrize("locale", ["en", "zh_CN"])
def test_the_strip_shows_the_account_and_a_payment_settles_the_invoice_ticked(
        qtbot, sqlite_demo_db, buyer, locale):
    db = sqlite_demo_db
    who, (old_receipt, old_due), (new_receipt, new_due) = buyer
    with till_window(qtbot, db, locale) as window:
        log_in(qtbot, window)
        dialog = open_customer(qtbot, window)
        strip = dialog.strip
        assert strip.isVisible() and dialog.pay_button.isVisible()
        assert not dialog.open_button.isVisible()
        money = window.context.formats.money
        assert money(old_due + new_due) in strip.summary.text()
        assert strip.overdue.isVisible() and strip.overdue.objectName() == "error"
        assert money(old_due) in strip.overdue.text()
        if locale == "zh_CN":
            assert "余额" in strip.summary.text() and "逾期" in strip.overdue.text()
        payment = open_payment(qtbot, window, dialog)
        assert payment.table.rowCount() == 2
        assert payment.width() <= 1366
        newest = next(row for row in range(2)
                      if payment.table.item(row, 1).text() == new_receipt)
        for _ in range(newest + 1):  # the newer invoice, not the oldest, by keyboard
            qtbot.keyClick(payment.amount, Qt.Key.Key_Down)
        qtbot.keyClick(payment.amount, Qt.Key.Key_Space)
        assert payment.table.item(newest, 0).checkState() == Qt.CheckState.Checked
        assert payment.table.item(1 - newest, 0).checkState() == Qt.CheckState.Unchecked
        assert payment.amount.text().replace(",", "") == f"{new_due / 100:.2f}"
        qtbot.keyClick(payment.amount, Qt.Key.Key_F3)  # bank transfer
        qtbot.keyClicks(payment.reference, "TR-88")
        qtbot.keyClick(payment.reference, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.till.active_dialog is dialog)
        settle(qtbot, window)
        assert payment.posted is not None and "RP" in payment.posted.doc_no
        assert payment.posted.doc_no in dialog.message.text()
        assert dialog.message.objectName() == "success"
        view = account_view(db, customer=who.id)
        assert view.balance == old_due
        assert [invoice.receipt_no for invoice in view.invoices] == [old_receipt]
        assert money(old_due) in strip.summary.text()  # the strip read again
        assert verify(db).ok
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: window.till.active_dialog is None)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.till.scan)


def test_more_than_is_owed_is_refused_and_kept_then_taken_as_credit(qtbot, window, buyer,
                                                                   sqlite_demo_db):
    db = sqlite_demo_db
    who, (_old, old_due), (_new, new_due) = buyer
    log_in(qtbot, window)
    dialog = open_customer(qtbot, window)
    payment = open_payment(qtbot, window, dialog)
    before = documents(db)
    owed = old_due + new_due
    qtbot.keyClick(payment.amount, Qt.Key.Key_F2)  # bank card
    qtbot.keyClicks(payment.amount, f"{(owed + 10000) / 100:.2f}")
    qtbot.keyClick(payment.amount, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert window.till.active_dialog is payment and payment.posted is None
    assert "more than" in payment.message.text()
    assert documents(db) == before and account_view(db, customer=who.id).balance == owed
    assert payment.amount.text() == f"{(owed + 10000) / 100:.2f}"  # nothing typed is lost
    payment.as_credit.setChecked(True)
    qtbot.keyClick(payment.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.till.active_dialog is dialog)
    settle(qtbot, window)
    view = account_view(db, customer=who.id)
    assert documents(db) == before + 1
    assert view.balance == -10000 and view.unapplied_credit == 10000 and not view.invoices
    assert verify(db).ok


def test_a_payment_lost_on_the_way_is_retried_with_its_request_id_and_posted_once(
        qtbot, window, buyer, monkeypatch):
    from pos.accounts import payments

    who, (_old, old_due), _new = buyer
    real = payments.take_payment
    ids = []

    def lost_once(db, **kwargs):
        ids.append(kwargs["request_id"])
        posted = real(db, **kwargs)
        if len(ids) == 1:
            raise UserError("db.connection_lost", where="db")  # written, answer lost
        return posted

    monkeypatch.setattr(payments, "take_payment", lost_once)
    log_in(qtbot, window)
    dialog = open_customer(qtbot, window)
    payment = open_payment(qtbot, window, dialog)
    db = payment.ops.db
    before = documents(db)
    qtbot.keyClick(payment.amount, Qt.Key.Key_F4)  # WeChat Pay
    qtbot.keyClicks(payment.amount, "10.00")
    qtbot.keyClick(payment.amount, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert window.till.active_dialog is payment and payment.message.text()
    qtbot.keyClick(payment.amount, Qt.Key.Key_F12)  # the same payment again
    qtbot.waitUntil(lambda: window.till.active_dialog is dialog)
    assert len(ids) == 2 and ids[0] == ids[1]
    assert payment.posted.replayed
    assert documents(db) == before + 1
    assert account_view(db, customer=who.id).balance == old_due + _new[1] - 1000


def test_a_cashier_opens_an_account_with_a_managers_approval(qtbot, window, sqlite_demo_db):
    from ui.checkout.approval_dialog import ManagerApprovalDialog

    db = sqlite_demo_db
    who = customers.create_customer(db, phone="13700000002", name="Bo Lin", kind="business",
                                    company="Lin Trading")
    log_in(qtbot, window)  # Li Na, a cashier
    dialog = open_customer(qtbot, window, "13700000002")
    assert dialog.open_button.isVisible() and not dialog.pay_button.isVisible()
    assert "No account" in dialog.strip.summary.text()
    qtbot.keyClick(dialog, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: isinstance(window.till.active_dialog, ManagerApprovalDialog))
    approval = window.till.active_dialog
    approval.pin.setText("0000")  # wrong: said there, nothing opened
    approval.submit()
    settle(qtbot, window)
    assert approval.message.text()
    with pytest.raises(UserError):
        account_view(db, customer=who.id)
    approval.pin.setText("9999")
    approval.submit()
    qtbot.waitUntil(lambda: window.till.active_dialog is dialog)
    settle(qtbot, window)
    assert account_view(db, customer=who.id).balance == 0
    assert dialog.pay_button.isVisible() and not dialog.open_button.isVisible()
    assert "Balance" in dialog.strip.summary.text()


def test_business_details_are_saved_and_a_bad_tax_id_is_refused_keeping_what_was_typed(
        qtbot, window, buyer, sqlite_demo_db):
    from sqlalchemy import select as select_

    from pos.db.models import Customer

    who = buyer[0]
    log_in(qtbot, window)
    dialog = open_customer(qtbot, window)
    qtbot.keyClick(dialog, Qt.Key.Key_F7)
    assert dialog.pages.currentIndex() == dialog.DETAILS
    fields = dialog.details.fields
    assert fields["company"].text() == "Acme Ltd"
    qtbot.keyClicks(fields["tax_id"], "BAD")
    qtbot.keyClicks(fields["bank_name"], "ICBC")
    qtbot.keyClick(fields["tax_id"], Qt.Key.Key_Return)
    settle(qtbot, window)
    assert dialog.pages.currentIndex() == dialog.DETAILS and dialog.message.text()
    assert fields["bank_name"].text() == "ICBC"  # nothing typed is lost
    with sqlite_demo_db.read() as session:
        assert session.scalar(select_(Customer.bank_name).where(Customer.id == who.id)) is None
    fields["tax_id"].setText("91310000MA1FL8XQ3B")
    qtbot.keyClick(fields["tax_id"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.HISTORY)
    settle(qtbot, window)
    with sqlite_demo_db.read() as session:
        row = session.get(Customer, who.id)
        assert (row.tax_id, row.bank_name) == ("91310000MA1FL8XQ3B", "ICBC")
    assert dialog.panel.invoice_ready


def test_cash_on_account_is_taken_into_the_tills_shift(qtbot, window, buyer, sqlite_demo_db):
    who, _old, (_new, new_due) = buyer
    log_in(qtbot, window)
    dialog = open_customer(qtbot, window)
    payment = open_payment(qtbot, window, dialog)
    assert payment.tender.value == "cash"  # cash first, as at the till
    qtbot.keyClicks(payment.amount, "50.00")
    qtbot.keyClick(payment.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.till.active_dialog is dialog)
    settle(qtbot, window)
    with sqlite_demo_db.read() as session:
        doc = session.scalars(select(AccountDocument).order_by(AccountDocument.id.desc())).first()
        assert (doc.doc_no, doc.tender, doc.amount) == (payment.posted.doc_no, "cash", 5000)
        assert doc.shift_id is not None and doc.terminal_id is not None
    assert verify(sqlite_demo_db).ok
    from pos.db.models import PrintJob

    with sqlite_demo_db.read() as session:  # its slip, queued with it, kicking the drawer
        jobs = session.scalars(select(PrintJob).where(PrintJob.kind == "account")).all()
        assert [(job.ref, job.open_drawer) for job in jobs] == [(payment.posted.doc_no, True)]


def test_a_transferred_account_says_so_and_sells_no_more_on_account(qtbot, window, buyer,
                                                                    sqlite_demo_db):
    from pos.accounts.accounts import transfer_to_big_accounts
    from pos.kernel.enums import Tender
    from ui.checkout.payment import PaymentDialog

    who = buyer[0]
    transfer_to_big_accounts(sqlite_demo_db, customer=who.id,
                             staff_id=staff_id(sqlite_demo_db, "manager"), note="overdue")
    log_in(qtbot, window)
    dialog = open_customer(qtbot, window)
    assert dialog.strip.state.isVisible() and "big-account" in dialog.strip.state.text()
    assert dialog.pay_button.isVisible()  # what is owed can still be paid here
    dialog.enter()  # the customer on the sale
    qtbot.waitUntil(lambda: window.till.active_dialog is None)
    till = window.till
    qtbot.keyClicks(till.scan, BAG)
    qtbot.keyClick(till.scan, Qt.Key.Key_Return)
    settle(qtbot, window)
    qtbot.keyClick(till.scan, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, PaymentDialog))
    payment = till.active_dialog
    on_account = next(b for b in payment.group.buttons()
                      if b.property("tender") == Tender.ON_ACCOUNT)
    assert not on_account.isEnabled() and "big-account team" in on_account.toolTip()
    qtbot.keyClick(payment.amount, Qt.Key.Key_F10)
    assert payment.tender is Tender.CASH and "big-account team" in payment.message.text()


def test_part_of_an_invoice_is_applied_and_more_than_is_open_is_refused(qtbot, window, buyer,
                                                                        sqlite_demo_db):
    who, (old_receipt, old_due), (new_receipt, new_due) = buyer
    log_in(qtbot, window)
    dialog = open_customer(qtbot, window)
    payment = open_payment(qtbot, window, dialog)
    row = next(r for r in range(2) if payment.table.item(r, 1).text() == new_receipt)
    payment.table.item(row, 6).setText("500.00")  # typed in the Apply column: ticks it
    assert payment.table.item(row, 0).checkState() == Qt.CheckState.Checked
    assert payment.amount.text() == "500.00"
    before = documents(sqlite_demo_db)
    qtbot.keyClick(payment.amount, Qt.Key.Key_F2)
    qtbot.keyClick(payment.amount, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert window.till.active_dialog is payment and documents(sqlite_demo_db) == before
    assert new_receipt in payment.message.text()
    assert payment.table.item(row, 6).text() == "500.00"  # kept, to be corrected
    payment.table.item(row, 6).setText("100.00")
    payment.amount.setText("100.00")
    qtbot.keyClick(payment.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.till.active_dialog is dialog)
    settle(qtbot, window)
    view = account_view(sqlite_demo_db, customer=who.id)
    open_now = {invoice.receipt_no: invoice.open_amount for invoice in view.invoices}
    assert open_now == {old_receipt: old_due, new_receipt: new_due - 10000}
    assert verify(sqlite_demo_db).ok


def test_an_invoice_settled_at_another_till_meanwhile_is_refused_and_the_list_read_again(
        qtbot, window, buyer, sqlite_demo_db):
    import uuid

    from pos.accounts.payments import InvoicePick, take_payment

    who, (old_receipt, _old_due), (new_receipt, new_due) = buyer
    log_in(qtbot, window)
    dialog = open_customer(qtbot, window)
    payment = open_payment(qtbot, window, dialog)
    row = next(r for r in range(2) if payment.table.item(r, 1).text() == new_receipt)
    tick(payment, row)
    take_payment(sqlite_demo_db, customer=who.id, amount=new_due, tender="transfer",
                 staff_id=staff_id(sqlite_demo_db, "manager"),
                 invoices=[InvoicePick(new_receipt)], request_id=str(uuid.uuid4()))
    before = documents(sqlite_demo_db)
    qtbot.keyClick(payment.amount, Qt.Key.Key_F2)
    qtbot.keyClick(payment.amount, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert window.till.active_dialog is payment and documents(sqlite_demo_db) == before
    assert new_receipt in payment.message.text()
    qtbot.waitUntil(lambda: payment.table.rowCount() == 1)
    assert payment.table.item(0, 1).text() == old_receipt
