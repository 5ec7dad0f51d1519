"""Scanning the lines of a stock document (goods received, a transfer sent, a transfer
as it arrived): the scan field, how many and at what cost, and the running list.

A barcode or sku of a product without serials adds a line of the quantity and unit cost
set (the same product at the same cost again adds to its line); the cost goes with that
one product (a serial-tracked one: all its serials), then its field is empty again. A serial-tracked product's barcode starts its serials:
each scan after it is one unit's serial, until another product is scanned. A code that
is no product, with no serial-tracked product chosen, is refused under the field. The
lookups go through one queue, so scans apply in the order they were made; the scan
field keeps the keyboard throughout."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget,
)

from pos.kernel.errors import UserError
from pos.kernel.messages import Message
from pos.kernel.money import parse_amount
from ui import ops
from ui.checkout.after_sale_parts import error_line
from ui.elided_label import ElidedLabel
from ui.messages import bug_message, refusal_text
from ui.stock.stock_models import RowsModel, StockTable, lines_headers

SCAN_STYLE = "font-size: 18px; min-height: 40px;"


def scan_field(placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setPlaceholderText(placeholder)
    field.setStyleSheet(SCAN_STYLE)
    field.setMaxLength(80)
    return field


class LineEntry(QWidget):
    changed = Signal()  # the lines are not what they were: another posting attempt

    def __init__(self, context, *, with_cost: bool, parent=None):
        super().__init__(parent)
        self.context, self.formats, self.with_cost = context, context.formats, with_cost
        self.queue = context.ops.queue()
        self.drafts: list[ops.LineDraft] = []
        self.names: list[tuple[str, str]] = []  # (sku, name) of each line
        self.serial_product = None  # the serial-tracked product whose serials are scanned
        self.line_cost: int | None = None  # the unit cost of the product scanned last
        self.locked = False
        self.intercept = None  # a page's own codes: intercept(code) -> True when taken

        self.scan = scan_field(self.tr("Scan a barcode, or each serial after its product"))
        self.scan.returnPressed.connect(self.scanned)
        self.qty = QSpinBox()
        self.qty.setRange(1, 99_999)
        self.qty.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.qty.setToolTip(self.tr("How many of the next product scanned (without serials)"))
        self.cost = QLineEdit()
        self.cost.setPlaceholderText(self.tr("catalog cost"))
        self.cost.setMaxLength(14)
        self.cost.setMaximumWidth(140)
        self.cost.setToolTip(self.tr("The unit cost of the next product scanned; empty: the "
                                     "catalog's cost"))
        self.cost.returnPressed.connect(self.scan.setFocus)
        self.hint = ElidedLabel(self.tr("Scan the first product"))
        self.hint.setObjectName("muted")
        self.message = error_line()
        self.model = RowsModel(lines_headers(with_cost=with_cost),
                               numeric={3, 4} if with_cost else {3})
        self.table = StockTable(self.model, stretch=1)

        fields = QGridLayout()
        fields.addWidget(self.scan, 0, 0, 2, 1)
        fields.addWidget(QLabel(self.tr("Qty")), 0, 1)
        fields.addWidget(self.qty, 1, 1)
        if with_cost:
            fields.addWidget(QLabel(self.tr("Unit cost")), 0, 2)
            fields.addWidget(self.cost, 1, 2)
        else:
            self.cost.hide()
        fields.setColumnStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(fields)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

    # what was scanned -----------------------------------------------------------------
    def lines(self) -> list[ops.LineDraft]:
        return list(self.drafts)

    def units(self) -> int:
        return sum(draft.qty for draft in self.drafts)

    def scanned(self) -> None:
        code = self.scan.text().strip()
        self.scan.clear()
        if not code or self.locked:
            return
        self.message.clear()
        if self.intercept is not None and self.intercept(code):
            return
        self.queue.run(lambda: ops.line_product(code), parent=self,
                       done=lambda answer: self.apply(code, *answer),
                       refused=lambda error: self.say(refusal_text(error)),
                       crashed=lambda: self.say(bug_message()), busy=False)

    def apply(self, code: str, product, serial: str | None = None) -> None:
        """The answer to a scan: a product (None: the code is no product's), and the
        serial when the code was a known unit's. The cost typed goes with the product
        scanned next (all its serials), then the field is empty for the next one."""
        if product is not None and (serial is not None or product.serial_tracked):
            if self.serial_product is None or self.serial_product.sku != product.sku:
                if not self.take_cost():
                    return
                self.serial_product = product
            if serial is not None:
                self.add_serial(product, serial)
            else:
                self.hint.setText(self.tr("{name}: scan the serial of each unit, then the next "
                                          "product").format(name=product.name))
        elif product is not None:
            self.serial_product = None
            if self.take_cost():
                self.hint.setText(self.tr("Scan the next product"))
                self.add_quantity(product)
        elif self.serial_product is not None:
            self.add_serial(self.serial_product, code)
        else:
            self.say(refusal_text(Message("stock.product_unknown", {"code": code})))

    def take_cost(self) -> bool:
        """The unit cost typed, for the product scanned (None: the catalog's); the field
        is emptied. False, with the reason said, when it is no amount."""
        try:
            self.line_cost = (parse_amount(self.cost.text(), currency=self.formats.currency)
                              if self.with_cost and self.cost.text().strip() else None)
        except UserError as error:
            self.say(refusal_text(error))
            return False
        self.cost.clear()
        return True

    def add_quantity(self, product) -> None:
        qty, cost = self.qty.value(), self.line_cost
        for place, draft in enumerate(self.drafts):
            if draft.code == product.sku and draft.serial is None and draft.unit_cost == cost:
                self.drafts[place] = ops.LineDraft(product.sku, draft.qty + qty, None, cost)
                break
        else:
            self.drafts.append(ops.LineDraft(product.sku, qty, None, cost))
            self.names.append((product.sku, product.name))
        self.qty.setValue(1)
        self.refresh()

    def add_serial(self, product, serial: str) -> None:
        if any(draft.serial == serial for draft in self.drafts):
            self.say(refusal_text(Message("stock.serial_repeated", {"serial": serial})))
            return
        self.drafts.append(ops.LineDraft(product.sku, 1, serial, self.line_cost))
        self.names.append((product.sku, product.name))
        count = sum(1 for draft in self.drafts if draft.code == product.sku and draft.serial)
        self.hint.setText(self.tr("{name}: {count} serials scanned; the next serial, or the "
                                  "next product").format(name=product.name, count=count))
        self.refresh()

    def remove_chosen(self) -> None:
        """Remove the line chosen in the list (the last one when none is)."""
        if not self.drafts or self.locked:
            return
        place = self.table.chosen_row()
        place = len(self.drafts) - 1 if place is None else place
        del self.drafts[place]
        del self.names[place]
        self.refresh()

    def clear(self) -> None:
        self.drafts, self.names, self.serial_product, self.line_cost = [], [], None, None
        self.hint.setText(self.tr("Scan the first product"))
        self.message.clear()
        self.cost.clear()
        self.qty.setValue(1)
        self.refresh()

    def refresh(self) -> None:
        rows = []
        for draft, (sku, name) in zip(self.drafts, self.names, strict=True):
            row = [sku, name, draft.serial or "", str(draft.qty)]
            if self.with_cost:
                row.append("" if draft.unit_cost is None else self.formats.money(draft.unit_cost))
            rows.append(row)
        self.model.set_rows(rows)
        self.table.scrollToBottom()
        self.changed.emit()

    # the panel's state ----------------------------------------------------------------
    def say(self, text: str) -> None:
        self.message.setText(text)
        self.scan.setFocus()

    def lock(self, locked: bool) -> None:
        """While the document posts nothing is scanned in (the field keeps the keyboard)."""
        self.locked = locked
        self.scan.setReadOnly(locked)
        self.qty.setEnabled(not locked)
        self.cost.setEnabled(not locked)


def foot(*buttons, stretch_after: int = 0) -> QHBoxLayout:
    """A row of a panel's buttons, the last (its action) twice as wide."""
    row = QHBoxLayout()
    for place, button in enumerate(buttons):
        row.addWidget(button, 2 if place == len(buttons) - 1 else 1)
        if stretch_after and place == stretch_after - 1:
            row.addStretch(1)
    return row
