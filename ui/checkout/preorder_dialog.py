"""A pre-order at the till (F9 in the customer dialog): a product not in stock yet (or a
launch product) promised to the customer against a deposit, with the gift promised
(预订有礼). The product by scanned or typed code, how many, the deposit, its tender (F1
cash, F2 bank card, F3 WeChat Pay, F4 Alipay, F5 bank transfer), the gift. F12 (or
Enter) takes it; its slip prints at the till, and the deposit pays the sale that
completes it (the payment screen's Deposit tender).

One request id per attempt (ui.ops.Attempts): tried again after the database failed, it
is taken once. A refusal is said here and keeps what was typed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QFormLayout, QHBoxLayout, QLineEdit, QSpinBox, QVBoxLayout,
)

from pos.kernel.enums import Tender
from pos.kernel.errors import UserError
from pos.kernel.money import parse_amount
from ui.checkout.after_sale_parts import cancel_and_go, error_line, keyed
from ui.elided_label import ElidedLabel
from ui.key_button import KeyButton
from ui.messages import bug_message, refusal_text
from ui.ops import accounts as account_ops

DEPOSIT_TENDERS = (Tender.CASH, Tender.BANK_CARD, Tender.WECHAT, Tender.ALIPAY,
                   Tender.BANK_TRANSFER)
DEPOSIT_KEYS = dict(zip(DEPOSIT_TENDERS, (Qt.Key.Key_F1, Qt.Key.Key_F2, Qt.Key.Key_F3,
                                          Qt.Key.Key_F4, Qt.Key.Key_F5), strict=True))


class PreorderDialog(QDialog):
    def __init__(self, ops_runner, formats, *, customer_id: int, customer_label: str,
                 staff_id: int, terminal: str, attempts, parent=None):
        super().__init__(parent)
        self.ops, self.formats = ops_runner, formats
        self.customer_id, self.staff_id, self.terminal = customer_id, staff_id, terminal
        self.attempts = attempts
        self.posted = None  # pos.accounts.preorders.PostedDeposit once taken
        self.busy = False
        self.setWindowTitle(self.tr("Pre-order with a deposit"))
        who = ElidedLabel(customer_label)
        who.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("Scan or type the product's barcode or SKU"))
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 99)
        self.deposit = QLineEdit()
        self.deposit.setPlaceholderText(self.tr("Deposit"))
        self.deposit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.gift = QLineEdit()
        self.gift.setPlaceholderText(self.tr("The gift promised (预订有礼), if any"))
        self.gift.setMaxLength(200)
        for field in (self.code, self.quantity, self.deposit, self.gift):
            field.setMinimumHeight(44)
        self.group = QButtonGroup(self)
        names = {Tender.CASH: self.tr("Cash"), Tender.BANK_CARD: self.tr("Bank card"),
                 Tender.WECHAT: self.tr("WeChat Pay"), Tender.ALIPAY: self.tr("Alipay"),
                 Tender.BANK_TRANSFER: self.tr("Bank transfer")}
        tenders = QHBoxLayout()
        for tender in DEPOSIT_TENDERS:
            button = keyed(self, names[tender], DEPOSIT_KEYS[tender], button=KeyButton(""))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setProperty("tender", tender.value)
            button.set_height(52)
            self.group.addButton(button)
            tenders.addWidget(button)
        self.group.buttons()[0].setChecked(True)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.tr("Product"), self.code)
        form.addRow(self.tr("Quantity"), self.quantity)
        form.addRow(self.tr("Deposit"), self.deposit)
        form.addRow(self.tr("Gift"), self.gift)
        self.message = error_line()
        _cancel, self.go_button, foot = cancel_and_go(self, self.tr("Take the deposit"),
                                                      self.submit)
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addLayout(form)
        layout.addLayout(tenders)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(foot)
        self.setMinimumWidth(720)
        self.code.setFocus()

    @property
    def tender(self) -> Tender:
        return Tender(self.group.checkedButton().property("tender"))

    def submit(self) -> None:
        if self.busy:
            return
        code = self.code.text().strip()
        if not code:
            self.message.setText(self.tr("Scan or type the product first"))
            self.code.setFocus()
            return
        try:
            text = self.deposit.text().strip()
            deposit = parse_amount(text, currency=self.formats.currency) if text else 0
        except UserError as error:
            self.message.setText(refusal_text(error))
            self.deposit.setFocus()
            return
        gift = self.gift.text().strip()
        attempt = ("preorder", id(self), code, self.quantity.value(), deposit,
                   self.tender.value, gift)

        def taken(posted):
            self.attempts.answered(attempt)
            self.busy = False
            self.posted = posted
            self.accept()

        def refused(error):
            self.attempts.refused(attempt, error)
            self.busy = False
            self.go_button.setEnabled(True)
            self.message.setText(refusal_text(error))

        def crashed():
            self.busy = False
            self.go_button.setEnabled(True)
            self.message.setText(bug_message())

        self.busy = True
        self.go_button.setEnabled(False)
        self.message.clear()
        self.ops.run(account_ops.take_preorder(
            customer=self.customer_id, code=code, quantity=self.quantity.value(),
            deposit=deposit, tender=self.tender.value, gift=gift, staff_id=self.staff_id,
            terminal=self.terminal, request_id=self.attempts.request_id(attempt)),
            parent=self, done=taken, refused=refused, crashed=crashed)

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # the fields pass it on
            if self.focusWidget() is self.code and not self.deposit.text().strip():
                self.deposit.setFocus()  # a code scanned: the deposit next
            else:
                self.submit()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if not self.busy:
            super().reject()
