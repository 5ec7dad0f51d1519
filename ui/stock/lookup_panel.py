"""Look up (F1): scan or type a barcode, sku or serial. A product is shown across every
store (on hand, in transit, the reorder point, the serials in stock there); a serial
with its whole history (its state and store now, and each document that moved it);
other text lists the stock of the products whose name or sku holds it, at every store.
Low stock (F5) lists the products at or below their reorder point, at every store or
this one. A product shown can have its reorder point at this store set (F6; "none"
clears it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from ui import ops
from ui.checkout.after_sale_parts import dialog_button, error_line
from ui.elided_label import ElidedLabel
from ui.messages import bug_message, refusal_text
from ui.stock.line_entry import scan_field
from ui.stock.stock_models import (
    RowsModel, StockTable, history_headers, history_rows, holdings_rows, list_headers,
    list_rows, state_name, store_headers,
)

PRODUCT, SERIAL, LIST = "product", "serial", "list"


class LookupPanel(QWidget):
    def __init__(self, context, staff, parent=None):
        super().__init__(parent)
        self.context, self.formats, self.staff = context, context.formats, staff
        self.showing: str | None = None
        self.asked = 0  # the latest lookup; an earlier answer arriving late is dropped
        self.answer = None

        self.scan = scan_field(self.tr("Scan or type a barcode, SKU or serial"))
        self.scan.returnPressed.connect(self.look_up)
        self.low_button = dialog_button(self.tr("Low stock [F5]"))
        self.low_button.clicked.connect(self.low_stock)
        self.every_store = QCheckBox(self.tr("Every store"))
        self.every_store.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.every_store.setChecked(True)
        self.point = QSpinBox()
        self.point.setRange(-1, 99_999)
        self.point.setSpecialValueText(self.tr("none"))
        self.point.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        # room for "none"/"未设置" or five digits between the theme's wide step buttons
        self.point.setMinimumWidth(self.point.fontMetrics().horizontalAdvance("未设置 99999") + 96)
        self.point_button = dialog_button(self.tr("Set [F6]"))
        self.point_button.clicked.connect(self.set_point)
        self.point_label = QLabel(self.tr("Reorder point at {store}").format(
            store=context.store.code))
        self.point_row = QWidget()
        point_layout = QHBoxLayout(self.point_row)
        point_layout.setContentsMargins(0, 0, 0, 0)
        point_layout.addWidget(self.point_label)
        point_layout.addWidget(self.point)
        point_layout.addWidget(self.point_button)
        point_layout.addStretch(1)
        self.point_row.hide()
        self.keys = {Qt.Key.Key_F5: self.low_button, Qt.Key.Key_F6: self.point_button}
        self.title = ElidedLabel("")
        self.title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.detail = ElidedLabel("")
        self.detail.setObjectName("muted")
        self.message = error_line()
        self.model = RowsModel(store_headers(), numeric={1, 2, 3})
        self.table = StockTable(self.model, stretch=4)

        top = QHBoxLayout()
        top.addWidget(self.scan, 1)
        top.addWidget(self.every_store)
        top.addWidget(self.low_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        layout.addWidget(self.point_row)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

    def focus(self) -> None:
        self.scan.setFocus()

    def _ask(self, call, shown) -> None:
        self.asked += 1
        asked = self.asked
        self.message.clear()

        def answered(answer):
            if asked == self.asked:
                shown(answer)

        def refused(text):
            if asked == self.asked:
                self.message.setText(text)
                self.scan.setFocus()

        self.context.ops.run(call, parent=self, done=answered,
                             refused=lambda error: refused(refusal_text(error)),
                             crashed=lambda: refused(bug_message()))

    def look_up(self) -> None:
        code = self.scan.text().strip()
        self.scan.clear()
        if code:
            self._ask(ops.look_up(code), self.show_found)

    def low_stock(self) -> None:
        store = None if self.every_store.isChecked() else self.context.store.code
        self._ask(ops.list_stock(store=store, low=True), self.show_low)

    # what is shown ----------------------------------------------------------------------
    def _table(self, headers, numeric, stretch, rows, marked=None) -> None:
        self.model.set_rows(rows, marked, headers=headers, numeric=numeric)
        self.table.set_stretch(stretch)

    def set_point(self) -> None:
        """The reorder point typed, for the product shown, at this store."""
        if self.showing != PRODUCT:
            return
        value = self.point.value()
        self._ask(ops.set_reorder_point(store=self.context.store.code,
                                        code=self.answer.product.sku,
                                        point=None if value < 0 else value,
                                        staff_id=self.staff.id),
                  lambda product: self.show_found(ops.LookedUp(product.sku, product=product)))

    def show_found(self, found) -> None:
        self.answer = found
        self.point_row.setVisible(found.product is not None)
        if found.product is not None:
            self.show_product(found.product)
        elif found.serials:
            self.show_serials(found.serials)
        else:
            self.show_rows(self.tr("Stock of the products matching '{text}'").format(
                text=found.code), found.rows)
        self.scan.setFocus()

    def show_product(self, product) -> None:
        self.showing = PRODUCT
        self.title.setText(f"{product.sku} · {product.name}")
        on_hand = sum(held.on_hand for held in product.stores)
        transit = sum(held.in_transit for held in product.stores)
        detail = self.tr("{on_hand} on hand and {transit} in transit, across {stores} stores"
                         ).format(on_hand=on_hand, transit=transit, stores=len(product.stores))
        if product.serial_tracked:
            detail += " · " + self.tr("serial-tracked")
        self.detail.setText(detail)
        rows, marked = holdings_rows(product)
        self._table(store_headers(), {1, 2, 3}, 4, rows, marked)
        here = next((held for held in product.stores if held.store == self.context.store.code),
                    None)
        point = here.reorder_point if here is not None else None
        self.point.setValue(-1 if point is None else point)

    def show_serials(self, histories) -> None:
        """One serial's history (the first unit when several products share the serial;
        the others are named in the detail line)."""
        self.showing = SERIAL
        self.point_row.hide()
        history = histories[0]
        where = history.store or "—"
        self.title.setText(self.tr("Serial {serial}: {state} · {store}").format(
            serial=history.serial, state=state_name(history.state), store=where))
        detail = f"{history.sku} · {history.name}"
        if len(histories) > 1:
            detail += " · " + self.tr("also on: {others}").format(
                others=", ".join(f"{h.sku} ({state_name(h.state)})" for h in histories[1:]))
        self.detail.setText(detail)
        self._table(history_headers(), set(), 1, history_rows(history, self.formats))

    def show_low(self, stock_rows) -> None:
        self.show_rows(self.tr("Low stock: {count} products at or below their reorder "
                               "point").format(count=len(stock_rows)), stock_rows,
                       self.tr("Every store") if self.every_store.isChecked()
                       else self.context.store.code)

    def show_rows(self, title: str, stock_rows, detail: str = "") -> None:
        """Stock rows (StockRow), a row a product and store; low ones in red."""
        self.showing = LIST
        self.point_row.hide()
        self.answer = stock_rows
        self.title.setText(title)
        self.detail.setText(detail)
        rows, marked = list_rows(stock_rows)
        self._table(list_headers(), {3, 4, 5}, 2, rows, marked)
        self.scan.setFocus()
