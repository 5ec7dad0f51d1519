"""Goods back with no receipt: scan the product, how many, at what price (the catalog's
at most), why; the money goes back in cash. A manager approves it for that product and
amount (pos.aftersale.exchange.refund_without_receipt checks it all again). F12 or Enter
asks the till to refund (`refund_requested`); a refusal is shown here and what was typed
stays."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout,
)

from pos.kernel.errors import UserError
from pos.kernel.money import parse_amount, to_decimal_string
from ui import ops
from ui.checkout.after_sale_parts import Stepper, cancel_and_go, error_line
from ui.messages import bug_message, refusal_text

MAX_QUANTITY = 99


class NoReceiptReturnDialog(QDialog):
    refund_requested = Signal()

    def __init__(self, formats, ops_runner, parent=None):
        super().__init__(parent)
        self.formats, self.ops = formats, ops_runner
        self.product = None  # pos.catalog.products.ProductInfo once scanned
        self.busy = False
        self.approval: tuple[str, int, int] | None = None  # (sku, amount, id) not yet used
        self.setWindowTitle(self.tr("Return without a receipt"))
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("Scan or type the product's code"))
        self.name = QLabel(self.tr("No product yet"))
        self.name.setObjectName("muted")
        self.name.setWordWrap(True)
        self.quantity_stepper = Stepper(MAX_QUANTITY)
        self.quantity_stepper.spin.setRange(1, MAX_QUANTITY)
        self.quantity_stepper.spin.valueChanged.connect(lambda _value: self._show_amount())
        self.price = QLineEdit()
        self.price.setPlaceholderText(self.tr("Price each (the catalog's at most)"))
        self.price.textEdited.connect(lambda _text: self._show_amount())
        self.reason_field = QLineEdit()
        self.reason_field.setPlaceholderText(self.tr("Why there is no receipt (required)"))
        self.reason_field.setMaxLength(200)
        form = QFormLayout()
        form.addRow(self.tr("Product"), self.code)
        form.addRow("", self.name)
        form.addRow(self.tr("How many"), self.quantity_stepper)
        form.addRow(self.tr("Price each"), self.price)
        form.addRow(self.tr("Reason"), self.reason_field)
        self.amount_label = QLabel()
        self.amount_label.setObjectName("total")
        self.message = error_line()
        self.cancel, self.ok, buttons = cancel_and_go(self, self.tr("Refund in cash"),
                                                      self.request_refund)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.amount_label)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(640)
        self._show_amount()
        self.code.setFocus()

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.request_refund()  # Enter in the price, number or reason goes on
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if not self.busy:
            super().reject()

    def look_up(self) -> None:
        code = self.code.text().strip()
        if not code:
            return
        self.message.clear()
        self.ops.run(ops.product_for_return(code), parent=self, done=self._found,
                     refused=lambda error: self.show_refusal(refusal_text(error)),
                     crashed=lambda: self.show_refusal(bug_message()))

    def _found(self, product) -> None:
        self.product = product
        self.approval = None
        self.name.setText(f"{product.name} · {self.formats.money(product.price)}")
        self.price.setText(to_decimal_string(product.price, currency=self.formats.currency))
        self._show_amount()
        self.reason_field.setFocus()

    # what is typed ------------------------------------------------------------------
    @property
    def quantity(self) -> int:
        return self.quantity_stepper.spin.value()

    @property
    def unit_price(self) -> int | None:
        try:
            return parse_amount(self.price.text(), currency=self.formats.currency)
        except UserError:
            return None

    @property
    def reason(self) -> str:
        return self.reason_field.text().strip()

    @property
    def amount(self) -> int:
        return (self.unit_price or 0) * self.quantity

    def _show_amount(self) -> None:
        if self.product is None or self.unit_price is None:
            self.amount_label.setText("")
            return
        self.amount_label.setText(self.tr("Back to the customer in cash: {amount}").format(
            amount=self.formats.money(self.amount)))

    def request_refund(self) -> None:
        if self.busy:
            return
        if self.code.hasFocus() and self.code.text().strip() and (
                self.product is None or self.code.text().strip() not in (
                    self.product.sku, self.product.barcode)):
            self.look_up()
            return
        if self.product is None:
            self.show_refusal(self.tr("Scan the product first"))
            return
        if self.unit_price is None:
            self.show_refusal(self.tr("Type the price each"))
            return
        if self.unit_price > self.product.price:
            self.show_refusal(self.tr("At most the catalog's price: {amount}").format(
                amount=self.formats.money(self.product.price)))
            return
        if not self.reason:
            self.show_refusal(self.tr("Say why there is no receipt"))
            self.reason_field.setFocus()
            return
        self.message.clear()
        self.refund_requested.emit()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.ok, self.cancel, self.code, self.price, self.reason_field,
                       self.quantity_stepper):
            widget.setEnabled(not busy)

    def show_refusal(self, text: str) -> None:
        self.set_busy(False)
        self.message.setText(text)
