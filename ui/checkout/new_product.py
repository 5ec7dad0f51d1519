"""A manager adds the product for a barcode the till did not know: name, category, price,
cost, how many are in the store, and the VAT rate (empty: the category's usual one). The
till asks the service (pos.catalog.new_product through ui.ops) when Enter is pressed; a
refusal is said here and the dialog keeps what was typed; once added, the till sells it.

Keys: Enter adds (from any field), Esc cancels, Tab moves between the fields."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout,
)

from pos.kernel.enums import CategoryKind
from pos.kernel.errors import UserError
from pos.kernel.money import parse_amount, parse_percent
from ui.key_button import KeyButton
from ui.messages import refusal_text

MAX_STOCK = 1_000_000


class NewProductDialog(QDialog):
    """`submitted(values)`: the values typed, as the service takes them (amounts in minor
    units); the till answers with `refuse(text)` or closes it with `accept()`."""

    submitted = Signal(dict)

    def __init__(self, barcode: str, categories, currency: str, parent=None):
        super().__init__(parent)
        self.barcode, self.currency = barcode, currency
        self.waiting = False  # an answer from the service is awaited
        self.setWindowTitle(self.tr("Add a product"))
        code = QLabel(barcode)
        code.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("As on the box, e.g. Baseus 65W GaN charger"))
        self.category = QComboBox()
        # accessories first: what arrives unannounced is mostly a shelf item
        order = {CategoryKind.ACCESSORY: 0, CategoryKind.SOFTWARE: 1, CategoryKind.MAIN_UNIT: 2}
        for info in sorted(categories, key=lambda c: (order.get(CategoryKind(c.kind), 3), c.name)):
            self.category.addItem(info.name, info.code)
        self.price = QLineEdit()
        self.price.setPlaceholderText(self.tr("Shelf price, e.g. 199.00"))
        self.cost = QLineEdit()
        self.cost.setPlaceholderText(self.tr("From the delivery note, e.g. 99.00"))
        self.stock = QSpinBox()
        self.stock.setRange(0, MAX_STOCK)
        self.stock.setValue(1)  # the one in the manager's hand
        self.vat = QLineEdit()
        self.vat.setPlaceholderText(self.tr("Empty: the category's usual rate"))
        for field in (self.name, self.price, self.cost, self.vat):
            field.returnPressed.connect(self.submit)
        self.message = QLabel("")
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.message.hide()
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.tr("Barcode"), code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Price"), self.price)
        form.addRow(self.tr("Cost"), self.cost)
        form.addRow(self.tr("In stock"), self.stock)
        form.addRow(self.tr("VAT %"), self.vat)
        self.ok = KeyButton(self.tr("Add and sell [Enter]"), stacked=False)
        self.ok.setObjectName("primary")
        self.ok.setAutoDefault(False)  # Enter is the fields' (returnPressed), never twice
        self.ok.set_height(52)
        self.ok.clicked.connect(self.submit)
        cancel = KeyButton(self.tr("Cancel [Esc]"), stacked=False)
        cancel.setAutoDefault(False)
        cancel.set_height(52)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)
        chain = (self.name, self.category, self.price, self.cost, self.stock, self.vat)
        for before, after in zip(chain, chain[1:]):
            self.setTabOrder(before, after)  # down the form, as it reads
        for button in (self.ok, cancel):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter and Esc are theirs
        self.name.setFocus()

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        # Enter in the stock box or on the category adds too: every field ends with Enter
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            return
        super().keyPressEvent(event)

    def values(self) -> dict:
        """What was typed, as the service takes it; a ValueError says which field is
        wrong and why, and puts the cursor there."""
        def read(field: QLineEdit, label: str, parse):
            try:
                return parse(field.text())
            except UserError as error:
                field.setFocus()
                raise ValueError(f"{label}: {refusal_text(error)}") from None

        vat = self.vat.text().strip()
        return dict(barcode=self.barcode, name=self.name.text(),
                    category_code=self.category.currentData(),
                    price=read(self.price, self.tr("Price"),
                               lambda text: parse_amount(text, currency=self.currency)),
                    cost=read(self.cost, self.tr("Cost"),
                              lambda text: parse_amount(text, currency=self.currency)),
                    stock=self.stock.value(),
                    vat_rate_bp=read(self.vat, self.tr("VAT %"), parse_percent) if vat else None)

    def submit(self) -> None:
        if self.waiting:
            return
        try:
            values = self.values()
        except ValueError as error:
            self.refuse(str(error))
            return
        self.waiting = True
        self.ok.setEnabled(False)
        self.submitted.emit(values)

    def refuse(self, text: str) -> None:
        """The service (or a field) said no: why, here, with everything typed kept."""
        self.waiting = False
        self.ok.setEnabled(True)
        self.message.setText(text)
        self.message.show()
