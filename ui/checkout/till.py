"""The till screen: scan field (keeps focus), cart, totals, customer, the selected unit's
configuration sheet and service cards, and the way to payment.

Keyboard, with the scan field empty: Up/Down move through the sheet, Space = sold,
Delete = declined, Backspace = not yet, Left/Right = another product for the item,
Ctrl+1..9 = service card tier, Ctrl+0 = card declined. F4 customer, F8 park, F9 resume,
F12 pay. A scanner types digits and Enter; an 11-digit mobile number finds the customer.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from pos.catalog import products
from pos.kernel.errors import UserError
from pos.people import customers
from pos.selling import cards
from pos.selling import checkout
from pos.selling import completion
from pos.selling import parking
from pos.selling import sheet
from pos.selling.cart import totals
from ui.checkout.cards_panel import CardsPanel
from ui.checkout.cart_view import CartView
from ui.checkout.dialogs import CardPrompt, CustomerDialog, ParkedDialog, SerialDialog
from ui.checkout.payment import PaymentDialog
from ui.checkout.sheet_panel import SheetPanel
from ui.checkout.till_after_sale import AfterSaleActions
from ui.checkout.till_printing import PrintingActions
from ui.messages import Notice, bug_message

log = logging.getLogger(__name__)
MOBILE = re.compile(r"1\d{10}")


def panel(*widgets, stretch_last=False) -> QFrame:
    frame = QFrame()
    frame.setObjectName("panel")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(8, 8, 8, 8)
    for index, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if stretch_last and index == len(widgets) - 1 else 0)
    return frame


class TillScreen(AfterSaleActions, PrintingActions, QWidget):
    lock_requested = Signal()
    sale_completed = Signal(object)  # pos.selling.completion.CompletedSale

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.db, self.formats = context.db, context.formats
        self.cart = None
        self.staff = None
        self.current_unit: str | None = None
        self.active_dialog: QDialog | None = None
        self._printing = False
        self.failed_print_jobs = []
        self._card_prompted: set[str] = set()

        # top bar
        self.store_label = QLabel(f"{context.store.name} · {context.terminal}")
        self.store_label.setObjectName("muted")
        self.staff_label = QLabel("")
        self.staff_label.setStyleSheet("font-weight: bold;")
        lock = QPushButton(self.tr("Lock"))
        lock.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        lock.clicked.connect(self.lock_requested.emit)
        self.printer_button = QPushButton(self.tr("Printer OK"))
        self.printer_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.printer_button.clicked.connect(self.show_print_jobs)
        self.reprint_button = QPushButton(self.tr("Reprint last [F11]"))
        self.reprint_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.reprint_button.clicked.connect(self.reprint_last)
        self.reprint_button.setEnabled(False)
        self.last_receipt: str | None = None
        self.find_button = QPushButton(self.tr("Find sale [F6]"))
        self.find_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.find_button.clicked.connect(self.find_sale)
        self.audit_button = QPushButton(self.tr("Audit"))
        self.audit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.audit_button.clicked.connect(self.show_audit)
        self.report_button = QPushButton(self.tr("Day report"))
        self.report_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.report_button.clicked.connect(self.show_report)
        self.close_shift_button = QPushButton(self.tr("Close shift"))
        self.close_shift_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_shift_button.clicked.connect(self.close_shift)
        top = QHBoxLayout()
        top.addWidget(self.store_label, 1)
        top.addWidget(self.find_button)
        top.addWidget(self.audit_button)
        top.addWidget(self.report_button)
        top.addWidget(self.close_shift_button)
        top.addWidget(self.printer_button)
        top.addWidget(self.reprint_button)
        top.addWidget(self.staff_label)
        top.addWidget(lock)

        # scan field and live search
        self.scan = QLineEdit()
        self.scan.setPlaceholderText(self.tr("Scan, or type a name, code or phone"))
        self.scan.setStyleSheet("font-size: 20px; min-height: 48px;")
        self.scan.installEventFilter(self)
        self.scan.textEdited.connect(self._text_edited)
        self.results = QListWidget()
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setMaximumHeight(220)
        self.results.hide()
        self.results.itemClicked.connect(lambda item: self._add(item.data(Qt.ItemDataRole.UserRole)))
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(150)  # a scanner's Enter arrives long before this
        self.search_timer.timeout.connect(self._search)

        self.banner = QLabel("")
        self.banner.setObjectName("banner")
        self.banner.hide()
        self.cart_view = CartView(self.formats)
        self.cart_view.unit_selected.connect(self.select_unit)

        # totals
        self.count_label = QLabel()
        self.discount_label = QLabel()
        self.vat_label = QLabel()
        self.total_label = QLabel()
        self.total_label.setObjectName("total")
        totals_grid = QGridLayout()
        totals_grid.addWidget(self.count_label, 0, 0)
        totals_grid.addWidget(self.discount_label, 0, 1)
        totals_grid.addWidget(self.vat_label, 0, 2)
        totals_grid.addWidget(self.total_label, 1, 0, 1, 3, Qt.AlignmentFlag.AlignRight)
        totals_box = QWidget()
        totals_box.setLayout(totals_grid)

        # actions
        self.remove_button = self._action(self.tr("Remove line"), self.remove_selected)
        self.cancel_button = self._action(self.tr("Cancel sale"), self.cancel_sale)
        self.park_button = self._action(self.tr("Park [F8]"), self.park)
        self.resume_button = self._action(self.tr("Resume [F9]"), self.resume)
        self.pay_button = self._action(self.tr("Pay [F12]"), self.pay)
        self.pay_button.setObjectName("primary")
        self.pay_button.setMinimumHeight(56)
        actions = QHBoxLayout()
        for button in (self.remove_button, self.cancel_button, self.park_button,
                       self.resume_button):
            actions.addWidget(button)
        actions.addWidget(self.pay_button, 2)

        # customer
        self.customer_label = QLabel()
        self.customer_label.setWordWrap(True)
        customer_button = self._action(self.tr("Customer [F4]"), self.edit_customer)
        customer_row = QHBoxLayout()
        customer_row.setContentsMargins(0, 0, 0, 0)
        customer_row.addWidget(self.customer_label, 1)
        customer_row.addWidget(customer_button)
        customer_box = QWidget()
        customer_box.setLayout(customer_row)

        self.cards = CardsPanel(self.formats)
        self.cards.picked.connect(self.pick_card)
        self.cards.declined.connect(self.decline_card)
        self.sheet = SheetPanel(self.formats)
        self.sheet.marked.connect(self.mark_item)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.scan)
        left_layout.addWidget(self.results)
        left_layout.addWidget(panel(customer_box))
        left_layout.addWidget(self.banner)
        left_layout.addWidget(panel(self.cart_view, stretch_last=True), 1)
        left_layout.addWidget(panel(totals_box))
        left_layout.addLayout(actions)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(panel(self.cards))
        right_layout.addWidget(panel(self.sheet, stretch_last=True), 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 6)
        splitter.setSizes([520, 800])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 10)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.print_timer = QTimer(self)
        self.print_timer.setInterval(20_000)  # failed jobs are retried with back-off
        self.print_timer.timeout.connect(self.run_prints)
        self.print_timer.start()
        for key, handler in (("F4", self.edit_customer), ("F8", self.park), ("F9", self.resume),
                             ("F6", self.find_sale), ("F11", self.reprint_last),
                             ("F12", self.pay),
                             ("Ctrl+0", self.decline_card)):
            self._shortcut(key, handler)
        for number in range(1, 10):
            self._shortcut(f"Ctrl+{number}", lambda n=number: self.cards.pick_index(n - 1))

    def open_dialog(self, dialog: QDialog, *, on_accept=None, on_close=None) -> None:
        """Show a dialog without blocking the till (tests and scanners reach it through
        `active_dialog`): `on_accept()` runs when accepted, `on_close(result)` always;
        the scan field gets the focus back unless another dialog opened meanwhile."""
        self.active_dialog = dialog

        def finished(result):
            self.active_dialog = None
            if result == QDialog.DialogCode.Accepted and on_accept is not None:
                on_accept()
            if on_close is not None:
                on_close(result)
            if self.active_dialog is None:
                self.scan.setFocus()

        dialog.finished.connect(finished)
        dialog.open()

    def _action(self, text, handler) -> QPushButton:
        button = QPushButton(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(handler)
        return button

    def _shortcut(self, key: str, handler) -> None:
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(handler)

    # session ------------------------------------------------------------------------
    def start(self, staff) -> None:
        self.staff = staff
        self.staff_label.setText(self.tr("Logged in: {name}").format(name=staff.name))
        self.audit_button.setVisible(staff.role.value in ("manager", "admin"))
        self.report_button.setVisible(staff.role.value in ("manager", "admin"))
        self.close_shift_button.setVisible(staff.role.value in ("manager", "admin"))
        if self.cart is None or not self.cart.lines:
            self.new_cart()
        self.refresh()
        self.scan.setFocus()

    def new_cart(self) -> None:
        self.cart = checkout.open_cart(self.db, staff_id=self.staff.id, terminal=self.context.terminal)
        self.current_unit = None
        self._card_prompted = set()

    # the scan field -----------------------------------------------------------------
    def eventFilter(self, watched, event):  # noqa: N802 - Qt override
        if watched is not self.scan or event.type() != event.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter()
            return True
        if self.results.isVisible() and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = 1 if key == Qt.Key.Key_Down else -1
            self.results.setCurrentRow(max(0, min(self.results.count() - 1,
                                                  self.results.currentRow() + step)))
            return True
        if key == Qt.Key.Key_Escape:
            self.scan.clear()
            self.results.hide()
            return True
        if self.scan.text() == "" and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            actions = {
                Qt.Key.Key_Up: lambda: self.sheet.move(-1),
                Qt.Key.Key_Down: lambda: self.sheet.move(1),
                Qt.Key.Key_Space: lambda: self.sheet.mark_current("sold"),
                Qt.Key.Key_Delete: lambda: self.sheet.mark_current("declined"),
                Qt.Key.Key_Backspace: lambda: self.sheet.mark_current("not_offered"),
                Qt.Key.Key_Left: lambda: self.sheet.cycle_product(-1),
                Qt.Key.Key_Right: lambda: self.sheet.cycle_product(1),
            }
            if key in actions:
                actions[key]()
                return True
        return super().eventFilter(watched, event)

    def _text_edited(self, text: str) -> None:
        # digits are a scanner (or a code) until Enter; only words search as you type
        if text.strip() and not text.strip().isdigit():
            self.search_timer.start()
        else:
            self.search_timer.stop()
            self.results.hide()

    def _search(self) -> None:
        found = products.search_products(self.db, self.scan.text(), limit=12)
        self.results.clear()
        for product in found:
            item = QListWidgetItem(f"{product.name}  ·  {self.formats.money(product.price)}  ·  "
                                   + self.tr("stock {n}").format(n=product.stock))
            item.setData(Qt.ItemDataRole.UserRole, product.sku)
            self.results.addItem(item)
        self.results.setVisible(bool(found))
        if found:
            self.results.setCurrentRow(0)

    def enter(self) -> None:
        self.search_timer.stop()
        text = self.scan.text().strip()
        if self.results.isVisible() and self.results.currentItem() is not None:
            code = self.results.currentItem().data(Qt.ItemDataRole.UserRole)
        else:
            code = text
        self.results.hide()
        self.scan.clear()
        if not code:
            return
        if MOBILE.fullmatch(code):
            self.find_customer(code)
        else:
            self._add(code)

    def _add(self, code: str) -> None:
        self.results.hide()
        self.scan.clear()
        try:
            line = checkout.add_product(self.db, self.cart, code=code)
        except UserError as exc:
            self.show_message(str(exc))
            return
        self.set_banner("")
        if line.kind == "main_unit":
            self.current_unit = line.line_id
        self.refresh()
        self.scan.setFocus()

    # sheet and cards ----------------------------------------------------------------
    def select_unit(self, line_id: str) -> None:
        if any(u.line_id == line_id for u in self.cart.main_units()):
            self.current_unit = line_id
            self.refresh()
        self.scan.setFocus()

    def mark_item(self, item_id: int, outcome: str, product_id) -> None:
        self._call(lambda: sheet.mark_item(self.db, self.cart, main_line_id=self.current_unit,
                                           item_id=item_id, outcome=outcome,
                                           product_id=product_id))

    def pick_card(self, tier_id: int) -> None:
        if self.current_unit is None:
            return
        chosen = [l for l in self.cart.card_lines(self.current_unit) if l.tier_id == tier_id]
        if chosen:  # tapping a chosen card again takes it off
            self._call(lambda: checkout.remove_line(self.cart, line_id=chosen[0].line_id))
        else:
            self._call(lambda: cards.add_card(self.db, self.cart, main_line_id=self.current_unit,
                                              tier_id=tier_id))

    def decline_card(self) -> None:
        if self.current_unit is not None:
            self._call(lambda: cards.decline_card(self.cart, main_line_id=self.current_unit))

    def _call(self, action) -> bool:
        try:
            action()
        except UserError as exc:
            self.show_message(str(exc))
            return False
        self.refresh()
        self.scan.setFocus()
        return True

    # customer -----------------------------------------------------------------------
    def find_customer(self, phone: str) -> None:
        try:
            found = customers.find_customer(self.db, phone=phone)
        except UserError as exc:
            self.show_message(str(exc))
            return
        if found is None:
            self.edit_customer(phone=phone)
            return
        self._call(lambda: checkout.set_customer(self.db, self.cart, customer_id=found.id))

    def edit_customer(self, phone: str = "") -> None:
        dialog = CustomerDialog(self, phone=phone if isinstance(phone, str) else "")

        def accepted():
            try:
                found = customers.find_customer(self.db, phone=dialog.phone.text())
                if found is None:
                    found = customers.create_customer(
                        self.db, phone=dialog.phone.text(), name=dialog.name.text(),
                        kind=dialog.kind, company=dialog.company.text())
                checkout.set_customer(self.db, self.cart, customer_id=found.id)
            except UserError as exc:
                self.show_message(str(exc))
            self.refresh()

        self.open_dialog(dialog, on_accept=accepted)

    # lines, parking ----------------------------------------------------------------
    def remove_selected(self) -> None:
        line_id = self.cart_view.selected_line()
        if line_id is None:
            self.show_message(self.tr("Tap a line in the cart first"))
            return
        if line_id == self.current_unit:
            self.current_unit = None
        self._call(lambda: checkout.remove_line(self.cart, line_id=line_id))

    def park(self) -> None:
        label = self.customer_label.property("customer_name") or ""
        if self._call(lambda: parking.park_cart(self.db, self.cart, label=label)):
            self.new_cart()
            self.set_banner(self.tr("Sale parked"))
            self.refresh()

    def resume(self) -> None:
        parked = parking.list_parked(self.db, terminal=self.context.terminal)
        if not parked:
            self.show_message(self.tr("No parked sales on this till"))
            return
        if self.cart.lines:
            self.show_message(self.tr("Finish or park the current sale first"))
            return
        chosen = ParkedDialog.ask(parked, self.formats, self)
        if chosen is None:
            self.scan.setFocus()
            return
        try:
            self.cart = parking.resume_cart(self.db, cart_uuid=chosen, staff_id=self.staff.id)
        except UserError as exc:
            self.show_message(str(exc))
            return
        units = self.cart.main_units()
        self.current_unit = units[0].line_id if units else None
        self.refresh()
        self.scan.setFocus()

    # payment ------------------------------------------------------------------------
    def pay(self) -> None:
        if self.context.worker.busy or self.active_dialog is not None:
            return
        if not self.cart.billable_lines():
            self.show_message(self.tr("The cart is empty"))
            return
        self._pay_step()

    def _pay_step(self, serial_error: str = "") -> None:
        for unit in self.cart.main_units():
            if (self.cart.card_status(unit.line_id) == "not_asked"
                    and unit.line_id not in self._card_prompted
                    and cards.eligible_tiers(self.db, self.cart, main_line_id=unit.line_id)):
                self._ask_card(unit)
                return
        for line in self.cart.lines:
            if line.serial_tracked and not line.serial:
                self._ask_serial(line, serial_error)
                return
        self._ask_payment()

    def _ask_card(self, unit) -> None:
        dialog = CardPrompt(unit.name, self)

        def done(_result):
            self._card_prompted.add(unit.line_id)
            if dialog.choice == CardPrompt.DECLINED:
                cards.decline_card(self.cart, main_line_id=unit.line_id)
                self.refresh()
                self._pay_step()
            else:
                self.select_unit(unit.line_id)

        self.open_dialog(dialog, on_close=done)

    def _ask_serial(self, line, error: str) -> None:
        dialog = SerialDialog(line.name, self, error=error)

        def accepted():
            try:
                checkout.set_serial(self.db, self.cart, line_id=line.line_id, serial=dialog.serial)
            except UserError as exc:
                self._pay_step(serial_error=str(exc))
                return
            self.refresh()
            self._pay_step()

        self.open_dialog(dialog, on_accept=accepted)

    def _ask_payment(self) -> None:
        unasked = sum(1 for unit in self.cart.main_units()
                      for row in sheet.sheet_rows(self.db, self.cart, main_line_id=unit.line_id)
                      if row.outcome == "not_offered")
        dialog = PaymentDialog(totals(self.cart.lines).total, self.formats, self, unasked=unasked,
                               has_customer=self.cart.customer_id is not None)
        self.open_dialog(dialog, on_accept=lambda: self._complete(dialog.tenders))

    def _complete(self, tenders) -> None:
        cart, db = self.cart, self.db
        jobs = self._print_requests(cart, tenders)
        self.pay_button.setEnabled(False)
        self.set_banner(self.tr("Completing the sale…"))
        self.context.worker.submit(
            lambda: completion.complete_sale(db, cart, tenders=tenders, print_jobs=jobs),
            on_success=self._completed, on_refused=self._refused, on_crash=self._crashed)

    def _completed(self, sale) -> None:
        self.pay_button.setEnabled(True)
        self.last_receipt = sale.receipt_no
        self.reprint_button.setEnabled(True)
        self.run_prints()
        change = self.formats.money(sale.change)
        self.set_banner(self.tr("Sale {receipt} complete · Change {change}").format(
            receipt=sale.receipt_no, change=change))
        self.new_cart()
        self.refresh()
        self.scan.setFocus()
        self.sale_completed.emit(sale)

    def _refused(self, message: str) -> None:
        self.pay_button.setEnabled(True)
        self.set_banner("")
        self.show_message(message)

    def _crashed(self, _message: str) -> None:
        self.pay_button.setEnabled(True)
        self.set_banner("")
        self.show_message(bug_message())

    # showing -----------------------------------------------------------------------
    def set_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def show_message(self, text: str) -> None:
        Notice.show(self, text)
        self.scan.setFocus()

    def refresh(self) -> None:
        cart = self.cart
        units = cart.main_units()
        if self.current_unit not in {u.line_id for u in units}:
            self.current_unit = units[-1].line_id if units else None
        self.cart_view.show_cart(cart, self.current_unit)
        result = totals(cart.lines)
        self.count_label.setText(self.tr("Items: {n}").format(n=sum(l.quantity for l in cart.lines)))
        self.discount_label.setText(self.tr("Discount: {amount}").format(
            amount=self.formats.money(result.discount)))
        self.vat_label.setText(self.tr("incl. VAT: {amount}").format(
            amount=self.formats.money(result.vat_total)))
        self.total_label.setText(self.tr("Total {amount}").format(amount=self.formats.money(result.total)))
        if cart.customer_id is not None:
            customer = customers.get_customer(self.db, customer_id=cart.customer_id)
            kind = self.tr("Business") if customer.kind.value == "business" else self.tr("Consumer")
            company = f" · {customer.company}" if customer.company else ""
            self.customer_label.setText(f"<b>{customer.name}</b> · {customer.phone} · {kind}{company}")
            self.customer_label.setProperty("customer_name", customer.name)
        else:
            self.customer_label.setText(self.tr("No customer yet: scan or type their phone number"))
            self.customer_label.setProperty("customer_name", None)
        if cart.original_receipt and not self.banner.text():
            self.set_banner(self.tr("Add-on to {receipt}: sell what goes with the unit").format(
                receipt=cart.original_receipt))
        unit = next((u for u in units if u.line_id == self.current_unit), None)
        if unit is None:
            self.sheet.show_empty()
            self.cards.show_offers([], "none", set())
            return
        self.sheet.show_sheet(unit.line_id, unit.name,
                              sheet.sheet_rows(self.db, cart, main_line_id=unit.line_id))
        offers = cards.eligible_tiers(self.db, cart, main_line_id=unit.line_id)
        chosen = {l.tier_id for l in cart.card_lines(unit.line_id)}
        self.cards.show_offers(offers, cart.card_status(unit.line_id), chosen)
