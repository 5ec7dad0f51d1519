"""The screens of customer accounts (issue 19), each reached the way a person reaches
them: a business customer added in the customer dialog, an account opened there (F8),
a sale on account (F10), then the account strip, a payment on account, the quote dialog,
the accounts screen's tabs, and the Deposit tender. What no screen takes yet (a
pre-order's deposit) is taken through ui.ops, as the till would. ui.screenshots.screens
adds ACCOUNT_SCREENS to its SCREENS."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from pos.kernel.enums import StaffRole
from ui.ops import accounts as account_ops
from ui.screenshots.stage import NotYet, Stage

BUSINESS_PHONE = "13900139001"
PREORDER_PHONE = "13900139002"
OVERDUE_PHONE = "13761002001"  # the demo's overdue account (pos.demo, CRM data)
BAG = "BAG-NB-156"
ACCOUNT_SCREENS: dict[str, object] = {}


def screen(name: str):
    def register(function):
        def shown(stage: Stage) -> None:
            try:
                function(stage)
            finally:  # Esc on a customer's history goes back to the search: close it
                for dialog in QApplication.topLevelWidgets():
                    if isinstance(dialog, QDialog) and dialog.isVisible():
                        dialog.done(QDialog.DialogCode.Rejected)
        ACCOUNT_SCREENS[name] = shown
        return function
    return register


def zh(stage: Stage) -> bool:
    return stage.locale == "zh_CN"


def customer_dialog(stage: Stage, phone: str):
    """F4 with the phone typed: the customer's history (their account strip read)."""
    stage.key(Qt.Key.Key_F4, stage.till.scan)
    dialog = stage.wait_dialog("CustomerDialog", "the customer dialog")
    stage.settle()
    if dialog.pages.currentIndex() == dialog.FIND:  # no customer on the sale yet
        stage.type(phone, dialog.phone)
    return dialog


def business_customer(stage: Stage) -> None:
    """At a manager's till: the business customer (added once), with an account (opened
    once) and a sale on account; the customer dialog left open on their history."""
    dialog = customer_dialog(stage, BUSINESS_PHONE)
    if dialog.new_form.isVisible():  # not known yet: add them as a business
        stage.type("王建国" if zh(stage) else "Wang Jianguo", dialog.name, enter=False)
        dialog.kind_group.buttons()[1].click()
        stage.type("上海启明科技有限公司" if zh(stage) else "Qiming Technology Ltd",
                   dialog.company)
        stage.wait(lambda: stage.dialog() is None, "the customer on the sale")
        dialog = customer_dialog(stage, BUSINESS_PHONE)
    stage.wait(lambda: dialog.panel is not None, "the account strip")
    if dialog.panel.account is None:
        stage.key(Qt.Key.Key_F8, dialog)
        stage.wait(lambda: dialog.panel.account is not None, "the account opened")
        stage.key(Qt.Key.Key_Return, dialog)  # use them for the sale
        stage.wait(lambda: stage.dialog() is None, "back at the till")
        stage.scan(BAG)
        stage.key(Qt.Key.Key_F12, stage.till.scan)
        payment = stage.wait_dialog("PaymentDialog", "the payment")
        stage.key(Qt.Key.Key_F10, payment.amount)
        stage.key(Qt.Key.Key_Return, payment.amount)
        stage.wait(lambda: not stage.till.paying, "the sale on account")
        dialog = customer_dialog(stage, BUSINESS_PHONE)
        stage.wait(lambda: dialog.panel is not None and dialog.panel.account is not None,
                   "the account strip")
    return dialog


@screen("account-strip")
def account_strip(stage: Stage) -> None:
    stage.open_window()
    stage.log_in(StaffRole.MANAGER)
    business_customer(stage)
    stage.shot("account-strip")


@screen("account-strip-overdue")
def account_strip_overdue(stage: Stage) -> None:
    """The demo's overdue business customer (pos demo load's CRM data): overdue in red."""
    stage.open_window()
    stage.log_in(StaffRole.MANAGER)
    dialog = customer_dialog(stage, OVERDUE_PHONE)
    if dialog.new_form.isVisible():
        raise NotYet("the demo's overdue account")
    stage.wait(lambda: dialog.panel is not None, "the account strip")
    stage.shot("account-strip-overdue")


@screen("account-payment")
def account_payment(stage: Stage) -> None:
    stage.open_window()
    stage.log_in(StaffRole.MANAGER)
    dialog = business_customer(stage)
    stage.key(Qt.Key.Key_F6, dialog)
    payment = stage.wait_dialog("AccountPaymentDialog", "the payment on account")
    if payment.table.rowCount():
        payment.table.item(0, 0).setCheckState(Qt.CheckState.Checked)
    stage.key(Qt.Key.Key_F3, payment.amount)  # bank transfer
    stage.type("TR-20261202-01", payment.reference, enter=False)
    stage.shot("account-payment")


@screen("account-business-details")
def business_details(stage: Stage) -> None:
    stage.open_window()
    stage.log_in(StaffRole.MANAGER)
    dialog = business_customer(stage)
    stage.key(Qt.Key.Key_F7, dialog)
    stage.type("91310115MA1H7GXQ2K", dialog.details.fields["tax_id"], enter=False)
    stage.type("上海市浦东新区张江路 88 号" if zh(stage) else "88 Zhangjiang Rd, Pudong, Shanghai",
               dialog.details.fields["invoice_address"], enter=False)
    stage.type("招商银行张江支行" if zh(stage) else "China Merchants Bank, Zhangjiang",
               dialog.details.fields["bank_name"], enter=False)
    stage.type("6214830212345678", dialog.details.fields["bank_account"], enter=False)
    stage.shot("account-business-details")


@screen("quote")
def quote(stage: Stage) -> None:
    """A business customer's sale saved as a quote, in the quote dialog."""
    stage.open_window()
    stage.log_in(StaffRole.MANAGER)
    business_customer(stage).enter()  # Enter: the customer on the sale
    stage.wait(lambda: stage.dialog() is None, "back at the till")
    stage.scan(BAG)
    stage.key(Qt.Key.Key_F4, stage.till.scan, Qt.KeyboardModifier.ShiftModifier)
    dialog = stage.wait_dialog("QuoteDialog", "the quote dialog")
    stage.key(Qt.Key.Key_F12, dialog.number)
    stage.wait(lambda: dialog.saved is not None or dialog.message.text(), "the quote saved")
    stage.shot("quote")


def accounts_screen(stage: Stage, tab_key=None):
    stage.key(Qt.Key.Key_F5, stage.till.scan, Qt.KeyboardModifier.ShiftModifier)
    dialog = stage.wait_dialog("AccountsDialog", "the accounts screen")
    if tab_key is not None:
        stage.key(tab_key, dialog)
    return dialog


@screen("accounts-aging")
def accounts_aging(stage: Stage) -> None:
    stage.open_window()
    stage.log_in(StaffRole.MANAGER)
    business_customer(stage).done(0)  # closed
    stage.wait(lambda: stage.dialog() is None, "back at the till")
    dialog = accounts_screen(stage)
    if dialog.receivables.aging.rowCount():
        dialog.receivables.aging.selectRow(0)
    stage.shot("accounts-aging")


def preorder(stage: Stage) -> None:
    """A consumer's pre-order of the bag (in stock: an arrival), once."""
    dialog = customer_dialog(stage, PREORDER_PHONE)
    if dialog.new_form.isVisible():
        stage.type("李晓梅" if zh(stage) else "Li Xiaomei", dialog.name)
        stage.wait(lambda: stage.dialog() is None, "the customer on the sale")
        staff_id = stage.till.staff.id
        account_ops.take_preorder(customer=PREORDER_PHONE, code=BAG, deposit=10000,
                                  tender="wechat", staff_id=staff_id, terminal="T01",
                                  gift="无线鼠标" if zh(stage) else "a wireless mouse",
                                  request_id=str(uuid.uuid4()))(stage.context.db)
    elif stage.dialog() is not None:
        stage.key(Qt.Key.Key_Return, stage.dialog())  # the customer on the sale
        stage.wait(lambda: stage.dialog() is None, "the customer on the sale")


@screen("preorder-take")
def preorder_take(stage: Stage) -> None:
    """A pre-order being taken from the customer dialog (F9): product, deposit, gift."""
    stage.open_window()
    stage.log_in(StaffRole.MANAGER)
    dialog = business_customer(stage)
    stage.key(Qt.Key.Key_F9, dialog)
    preorder = stage.wait_dialog("PreorderDialog", "the pre-order")
    stage.type("6923150030021", preorder.code)
    stage.type("500.00", preorder.deposit, enter=False)
    stage.type("原装手机壳和钢化膜" if zh(stage) else "a case and a screen protector",
               preorder.gift, enter=False)
    stage.key(Qt.Key.Key_F3, preorder.deposit)
    stage.shot("preorder-take")


@screen("preorder-arrivals")
def preorder_arrivals(stage: Stage) -> None:
    stage.open_window()
    stage.log_in(StaffRole.MANAGER)
    preorder(stage)
    dialog = accounts_screen(stage, Qt.Key.Key_F3)
    stage.wait(lambda: dialog.preorders.rows, "an arrival")
    dialog.preorders.list.selectRow(0)
    stage.shot("preorder-arrivals")


@screen("deposit-tender")
def deposit_tender(stage: Stage) -> None:
    stage.open_window()
    stage.log_in(StaffRole.CASHIER)
    preorder(stage)
    stage.scan(BAG)
    stage.key(Qt.Key.Key_F12, stage.till.scan)
    payment = stage.wait_dialog("PaymentDialog", "the payment")
    stage.key(Qt.Key.Key_F4, payment.amount)
    stage.shot("deposit-tender")
