"""Taking payment: a large button for each tender, an amount keypad, quick cash (exact,
next 50, next 100) and the change due in large type. Several tenders per sale; change
only in cash.

Keys (each shown on its button): F5 cash, F6 bank card, F7 WeChat Pay, F8 Alipay, F9
voucher, F10 on account, F4 deposit; F1 exact, F2 next 50, F3 next 100; Enter completes
(or adds the amount when more is still due), Esc goes back to the sale.

What the customer allows (`options`, ui.ops.accounts.PayOptions): On account only with
an open account (else the reason is said when it is asked for); Deposit with the whole
deposit of one of their open pre-orders; "Invoice requested" when their invoice details
are on file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QDialog, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QPushButton, QVBoxLayout, QWidget,
)

from pos.kernel.enums import Tender
from pos.kernel.errors import UserError
from pos.kernel.money import minor_digits, parse_amount, to_decimal_string
from pos.selling.cart import TenderInput, check_tenders
from ui.icons import set_icon
from ui.key_button import KeyButton
from ui.messages import refusal_text

TENDERS = (Tender.CASH, Tender.BANK_CARD, Tender.WECHAT, Tender.ALIPAY, Tender.VOUCHER,
           Tender.ON_ACCOUNT, Tender.DEPOSIT)
# Each tender's key, and its icon (ui.icons; the QR-code wallets share one).
TENDER_KEYS = dict(zip(TENDERS, ("F5", "F6", "F7", "F8", "F9", "F10", "F4"), strict=True))
TENDER_ICONS = {Tender.CASH: "banknote", Tender.BANK_CARD: "credit-card",
                Tender.WECHAT: "scan-barcode", Tender.ALIPAY: "scan-barcode",
                Tender.VOUCHER: "receipt-text", Tender.ON_ACCOUNT: "user-round",
                Tender.DEPOSIT: "receipt-text"}
TENDER_COLUMNS = 4
TENDER_HEIGHT = 64  # large targets: the tender is chosen by touch as often as by key


def round_up(amount: int, step: int) -> int:
    return -(-amount // step) * step


class PaymentDialog(QDialog):
    def __init__(self, due: int, formats, parent=None, *, unasked: int = 0,
                 has_customer: bool = False, options=None):
        super().__init__(parent)
        self.due, self.formats = due, formats
        self.options = options
        self.unit = 10 ** minor_digits(formats.currency)
        self.tenders: list[TenderInput] = []
        self.setWindowTitle(self.tr("Payment"))
        names = {Tender.CASH: self.tr("Cash"), Tender.BANK_CARD: self.tr("Bank card"),
                 Tender.WECHAT: self.tr("WeChat Pay"), Tender.ALIPAY: self.tr("Alipay"),
                 Tender.VOUCHER: self.tr("Voucher"), Tender.ON_ACCOUNT: self.tr("On account"),
                 Tender.DEPOSIT: self.tr("Deposit")}
        self.names = names
        self.due_label = QLabel()
        self.due_label.setObjectName("total")
        self.note = QLabel(self.tr("{n} sheet items were not asked yet").format(n=unasked)
                           if unasked else "")
        self.note.setObjectName("muted")
        self.group = QButtonGroup(self)
        tender_row = QGridLayout()
        self.tender_keys = {}
        for index, tender in enumerate(TENDERS):
            button = KeyButton(names[tender], TENDER_KEYS[tender])
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.set_height(TENDER_HEIGHT)
            button.setProperty("tender", tender)
            button.setEnabled(self._offered(tender))
            if not button.isEnabled():
                button.setToolTip(self.why_not(tender))
            set_icon(button, TENDER_ICONS[tender])
            self.group.addButton(button)
            tender_row.addWidget(button, index // TENDER_COLUMNS, index % TENDER_COLUMNS)
            self.tender_keys[QKeySequence(TENDER_KEYS[tender])[0].key()] = button
        self.group.buttons()[0].setChecked(True)
        self.group.buttonToggled.connect(lambda *_: self._tender_changed())
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("Amount received"))
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount.setStyleSheet("font-size: 26px;")
        self.amount.returnPressed.connect(self.enter)
        self.amount.textChanged.connect(self._refresh)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("Reference (terminal slip or voucher code)"))
        self.last4 = QLineEdit()
        self.last4.setPlaceholderText(self.tr("Card last 4 digits"))
        self.last4.setMaxLength(4)
        self.reference.returnPressed.connect(self.enter)
        self.last4.returnPressed.connect(self.enter)
        self.deposit_pick = QComboBox()  # the customer's open pre-orders: whose deposit
        self.deposit_pick.setMinimumHeight(44)
        for preorder in (options.preorders if options is not None else ()):
            self.deposit_pick.addItem(
                f"{preorder.preorder_no} · {preorder.product} · "
                f"{formats.money(preorder.deposit_held)}", preorder)
        self.deposit_pick.currentIndexChanged.connect(lambda _i: self._deposit_chosen())
        self.deposit_pick.hide()
        self.invoice = QCheckBox(self.tr("Invoice requested (fapiao)"))
        self.invoice.setMinimumHeight(40)
        self.invoice.setVisible(bool(options is not None and options.invoice_ready))
        quick = QHBoxLayout()
        self.quick_keys = {Qt.Key.Key_F1: self.exact, Qt.Key.Key_F2: lambda: self.quick(50),
                           Qt.Key.Key_F3: lambda: self.quick(100)}
        for label, key in ((self.tr("Exact [F1]"), Qt.Key.Key_F1),
                           (self.tr("Next 50 [F2]"), Qt.Key.Key_F2),
                           (self.tr("Next 100 [F3]"), Qt.Key.Key_F3)):
            button = KeyButton(label)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(self.quick_keys[key])
            quick.addWidget(button)
        keypad = QGridLayout()
        for index, key in enumerate(["7", "8", "9", "4", "5", "6", "1", "2", "3", "0", ".", "⌫"]):
            button = QPushButton(key)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setFixedSize(76, 56)
            button.setStyleSheet("font-size: 20px; min-height: 46px;")  # 56 with the border
            if key == "⌫":
                button.clicked.connect(lambda: self.amount.isReadOnly() or self.amount.backspace())
            else:
                button.clicked.connect(lambda _=False, k=key: self.amount.isReadOnly()
                                       or self.amount.insert(k))
            keypad.addWidget(button, index // 3, index % 3)
        self.paid_list = QListWidget()
        self.paid_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.paid_list.setMaximumHeight(110)
        self.paid_list.hide()  # shown once a first payment is in: then the rest is due
        self.change_label = QLabel()
        self.change_label.setObjectName("change")
        self.message = QLabel("")
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.complete_button = KeyButton(self.tr("Complete sale [Enter]"), stacked=False)
        self.complete_button.setObjectName("primary")
        self.complete_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.complete_button.setAutoDefault(False)  # Enter is the amount field's
        self.complete_button.set_height(56, font_px=18)
        self.complete_button.clicked.connect(self.enter)
        back = self.back_button = KeyButton(self.tr("Back to sale [Esc]"), stacked=False)
        back.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        back.setAutoDefault(False)
        back.set_height(56)
        back.clicked.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(self.due_label)
        left.addWidget(self.note)
        left.addLayout(tender_row)
        left.addWidget(self.amount)
        self.card_fields = QWidget()
        card_row = QHBoxLayout(self.card_fields)
        card_row.setContentsMargins(0, 0, 0, 0)
        card_row.addWidget(self.reference, 3)
        card_row.addWidget(self.last4, 1)
        left.addWidget(self.card_fields)
        left.addWidget(self.deposit_pick)
        left.addLayout(quick)
        left.addWidget(self.paid_list)
        left.addWidget(self.change_label)
        left.addWidget(self.invoice)
        left.addWidget(self.message)
        left.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addWidget(self.complete_button, 2)
        left.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        keypad_column = QVBoxLayout()
        keypad_column.addSpacing(TENDER_HEIGHT)  # the keys beside the amount they type
        keypad_column.addLayout(keypad)
        keypad_column.addStretch(1)
        layout.addLayout(keypad_column, 1)
        self.setMinimumWidth(860)  # the height follows what it holds
        self._tender_changed()
        self.amount.setFocus()

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        # F1-F3 and the tenders' keys work wherever the focus is in the dialog (the amount
        # field passes them up); a tender's key does what tapping it does.
        handler = self.quick_keys.get(event.key())
        if handler is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            handler()
            return
        tender = self.tender_keys.get(event.key())
        if tender is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            if tender.isEnabled():
                tender.click()
            else:
                self.message.setText(self.why_not(Tender(tender.property("tender"))))
            self.amount.setFocus()
            return
        super().keyPressEvent(event)

    # what the customer allows --------------------------------------------------------
    def _offered(self, tender: Tender) -> bool:
        options = self.options
        if tender is Tender.ON_ACCOUNT:
            return bool(options is not None and options.account_ok)
        if tender is Tender.DEPOSIT:
            return bool(options is not None and options.preorders)
        return True

    def why_not(self, tender: Tender) -> str:
        """Why a tender the customer cannot use is off."""
        if tender is Tender.ON_ACCOUNT:
            why = getattr(self.options, "account_why", None)
            return (refusal_text(why) if why is not None
                    else refusal_text(UserError("tender.account_needs_customer")))
        return self.tr("This customer has no open pre-order with a deposit")

    @property
    def invoice_requested(self) -> bool:
        return not self.invoice.isHidden() and self.invoice.isChecked()

    def _deposit_chosen(self) -> None:
        preorder = self.deposit_pick.currentData()
        if self.tender is Tender.DEPOSIT and preorder is not None:
            self.amount.setText(to_decimal_string(preorder.deposit_held,
                                                  currency=self.formats.currency))
            self.amount.setFocus()

    # what is paid so far -----------------------------------------------------------
    @property
    def tender(self) -> Tender:
        return Tender(self.group.checkedButton().property("tender"))

    def paid(self) -> int:
        return sum(t.amount for t in self.tenders)

    def remaining(self) -> int:
        return max(0, self.due - self.paid())

    def _typed(self) -> int | None:
        text = self.amount.text().strip()
        if not text:
            return None
        return parse_amount(text, currency=self.formats.currency)

    def _tender_changed(self) -> None:
        self.card_fields.setVisible(self.tender in (Tender.BANK_CARD, Tender.VOUCHER))
        self.last4.setVisible(self.tender is Tender.BANK_CARD)
        deposit = self.tender is Tender.DEPOSIT
        self.deposit_pick.setVisible(deposit)
        self.amount.setReadOnly(deposit)  # a deposit is spent whole
        if deposit:
            self._deposit_chosen()
        elif self.tender is not Tender.CASH and not self.amount.text():
            self.exact()
        self._refresh()

    def _refresh(self) -> None:
        self.due_label.setText(self.tr("Due {amount}").format(amount=self.formats.money(self.remaining()))
                               if self.tenders else
                               self.tr("Total {amount}").format(amount=self.formats.money(self.due)))
        try:
            typed = self._typed() or 0
            self.message.clear()
        except UserError as exc:
            typed = 0
            self.message.setText(refusal_text(exc))
        change = self.paid() + typed - self.due
        self.change_label.setText(self.tr("Change {amount}").format(amount=self.formats.money(change))
                                  if change > 0 and self.tender is Tender.CASH else "")

    # actions -----------------------------------------------------------------------
    def exact(self) -> None:
        self._set_amount(self.remaining())

    def quick(self, step_units: int) -> None:
        step = step_units * self.unit
        amount = round_up(self.remaining(), step)
        self._set_amount(amount if amount > 0 else step)

    def _set_amount(self, amount: int) -> None:
        if self.amount.isReadOnly():  # a deposit: spent whole, never typed
            return
        self.amount.setText(to_decimal_string(amount, currency=self.formats.currency))
        self.amount.setFocus()

    def enter(self) -> None:
        """Add the typed amount as a payment; complete when enough is paid."""
        try:
            typed = self._typed()
        except UserError as exc:
            self.message.setText(refusal_text(exc))
            return
        if typed is not None:
            if typed <= 0:
                self.message.setText(self.tr("Each payment must be more than zero"))
                return
            if self.tender is Tender.DEPOSIT:
                preorder = self.deposit_pick.currentData()
                reference = preorder.preorder_no if preorder is not None else None
            else:
                reference = self.reference.text().strip() or None
            self.tenders.append(TenderInput(self.tender, typed, reference=reference,
                                            card_last4=self.last4.text().strip() or None))
            shown = f"{self.names[self.tender]}  {self.formats.money(typed)}"
            self.paid_list.addItem(f"{shown}  {reference}" if self.tender is Tender.DEPOSIT
                                   else shown)
            self.paid_list.show()
            self.amount.clear()
            self.reference.clear()
            self.last4.clear()
        if self.paid() < self.due:
            self.group.buttons()[0].setChecked(True)
            self._refresh()
            return
        try:
            check_tenders(self.due, self.tenders)
        except UserError as exc:
            if typed is not None:  # the payment just added is what does not fit
                self.tenders.pop()
                self.paid_list.takeItem(self.paid_list.count() - 1)
                self.paid_list.setVisible(self.paid_list.count() > 0)
            self.message.setText(refusal_text(exc))
            return
        self.accept()

    @property
    def change(self) -> int:
        return self.paid() - self.due

    @classmethod
    def ask(cls, due: int, formats, parent=None, **kwargs) -> list[TenderInput] | None:
        dialog = cls(due, formats, parent, **kwargs)
        return dialog.tenders if dialog.exec() == QDialog.DialogCode.Accepted else None
