"""The till screen: scan field (keeps focus), cart, totals, customer, the selected unit's
configuration sheet and service cards, and the way to payment.

Keyboard, with the scan field empty: Up/Down move through the sheet, Space = sold,
Delete = declined, Backspace = not yet, Left/Right = another product for the item,
Ctrl+1..9 = service card tier, Ctrl+0 = card declined. Every button shows its key and
the key does what a tap does (TillLayout.BUTTON_KEYS): F4 customer, F6 find a sale, F8
park, F9 resume, F11 reprint, F12 pay, Ctrl+Del remove the line chosen with Page Up/Down,
Shift+F8 cancel, Ctrl+L lock; managers: F7 reports, Shift+F7 audit, F10 settings,
Shift+F10 close the shift, Shift+F12 the cash drawer (open it, paid in, paid out). A
scanner types digits and Enter; an 11-digit mobile number finds the customer; an unknown
code is answered under the field (F3 search by name, F2 a manager adds the product).

Nothing here waits on the database: what the till asks of pos/ goes through ui.ops, and
what changes the cart goes through one queue (`cart_ops`), so results apply in the order
the cashier acted. The screen shows a TillView (the cart, the customer, the unit's
sheet and tiers) that the calls return; building it reads nothing.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget

from pos.kernel.enums import CustomerKind, StaffRole
from pos.selling.cart import Cart, totals
from ui import ops
from ui.backup_status import BackupStatus
from ui.checkout.card_confirm import CardConfirmActions
from ui.checkout.till_after_sale import AfterSaleActions
from ui.checkout.till_cart import CartActions
from ui.checkout.till_customer import CustomerActions
from ui.checkout.till_layout import TillLayout
from ui.checkout.till_payment import PaymentFlow
from ui.checkout.till_printing import PrintingActions
from ui.checkout.serial_override import SerialOverride
from ui.checkout.till_scan import ScanActions
from ui.dialog_frame import present
from ui.messages import Notice, bug_message, refusal_text

log = logging.getLogger(__name__)
MANAGERS = (StaffRole.MANAGER, StaffRole.ADMIN)


class TillScreen(TillLayout, ScanActions, CartActions, CustomerActions, PaymentFlow,
                 SerialOverride, AfterSaleActions, PrintingActions, CardConfirmActions, QWidget):
    lock_requested = Signal()
    sale_completed = Signal(object)  # pos.selling.completion.CompletedSale

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.ops, self.formats, self.terminal = context.ops, context.formats, context.terminal
        self.cart_ops = self.ops.queue()  # whatever reads or changes the cart, in order
        self.cart: Cart | None = None
        self.view: ops.TillView | None = None
        self.staff = None
        self.current_unit: str | None = None
        self.active_dialog: QDialog | None = None
        self.paying = False  # the pay steps (card, serials, payment) are under way
        self._printing = False
        self.failed_print_jobs = []
        self._card_prompted: set[str] = set()
        self.attempts = ops.Attempts()  # refunds and voids: one request id per attempt
        self.last_receipt: str | None = None
        self._search_turn = 0  # which search the results list should show

        top = self._build_top_bar()
        self.backups = BackupStatus(self)  # backups on a timer and at Z; their age shown
        top.insertWidget(1, self.backups.label)
        self._build_scan()
        customer_box, totals_box = self._build_cart_and_totals()
        actions = self._build_actions()
        right = self._build_right_panel()
        self._lay_out(top, customer_box, totals_box, actions, right)
        self._build_shortcuts()
        self.install_card_confirm()  # "Card offered?" (issue 20)
        self.print_timer = self.startTimer(20_000)  # failed jobs are retried with back-off

    def timerEvent(self, event):  # noqa: N802 - Qt override
        if event.timerId() == self.print_timer:
            self.run_prints()

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
                # Without a window manager (a kiosk till, offscreen) nothing re-activates
                # the window when a dialog closes, and the F-keys need it active.
                self.window().activateWindow()
                self.scan.setFocus()

        dialog.finished.connect(finished)
        present(dialog)  # a heading, marked buttons, the till dimmed behind it
        dialog.open()

    # session ------------------------------------------------------------------------
    def start(self, staff) -> None:
        """A person logged in: a clean screen for them (Lock parked the last one's cart,
        and what was said to the last person is gone)."""
        self.staff = staff
        self.staff_label.setText(self.tr("Logged in: {name}").format(name=staff.name))
        for button in (self.audit_button, self.report_button, self.close_shift_button,
                       self.drawer_button, self.settings_button):
            button.setVisible(staff.role in MANAGERS)
        self.backups.show_to(staff.role in MANAGERS)
        self.clear_moment()
        if self.cart is None or not self.cart.lines:
            self.new_cart()
        self.scan.setFocus()

    def lock(self) -> None:
        """Lock the till: the open cart is parked under its owner (who finds it under
        Resume), the screen is cleared, then the login comes up. Queued behind what the
        cashier did before, so the cart parked is the one they left. If it cannot be
        parked the till stays open with the reason: a cart is never dropped."""
        if self.paying or self.active_dialog is not None:
            self.show_message(self.tr("Finish or leave the payment first"))
            return

        def build():
            cart, customer = self.cart, (self.view.customer if self.view else None)
            if cart is None or not cart.lines:
                return lambda _db: None
            owner = self.staff.name if self.staff is not None else ""
            what = customer.name if customer is not None else cart.lines[0].name
            return ops.park(cart, label=" · ".join(part for part in (owner, what) if part))

        def parked(_nothing):
            self.clear_moment()
            self.scan.clear()
            self.new_cart()  # the next person never sees this one's cart
            self.lock_requested.emit()

        self.cart_ops.run(build, parent=self, done=parked, refused=self.show_refusal,
                          crashed=self.show_bug, disable=[self.lock_button])

    def clear_moment(self) -> None:
        """Whatever was said about the moment before (a sale parked, completed, a shift
        closed, an unknown code) goes: it belongs to that moment, not the next."""
        self.set_banner("")
        self.show_change_page(False)
        self._clear_search(keep_text=True)

    def new_cart(self) -> None:
        """An empty cart for the person logged in (plain data: nothing to read)."""
        self._card_prompted = set()
        self.show_view(ops.TillView(Cart.new(staff_id=self.staff.id, terminal=self.terminal),
                                    None))

    def change_cart(self, build, *, done=None, refused=None, crashed=None, disable=()):
        """Queue a call that returns a TillView: built when its turn comes, from the cart
        the calls before it left; the view is shown, then `done(view)` runs."""
        self.hide_unknown()  # the cashier moved on from a code that was not found
        def shown(view):
            self.show_view(view)
            if done is not None:
                done(view)
        return self.cart_ops.run(build, parent=self, done=shown,
                                 refused=refused or self.show_refusal,
                                 crashed=crashed or self.show_bug, disable=disable)

    # showing -----------------------------------------------------------------------
    def set_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def show_message(self, text: str) -> None:
        Notice.show(self, text)
        self.scan.setFocus()

    def show_refusal(self, error) -> None:
        self.show_message(refusal_text(error))

    def show_bug(self) -> None:
        self.show_message(bug_message())

    def show_view(self, view: ops.TillView) -> None:
        """Show a cart as a call left it; reads nothing."""
        self.view, self.cart, self.current_unit = view, view.cart, view.unit
        cart = view.cart
        if cart.lines:
            self.show_change_page(False)  # a new sale: the change due has been given
        self.cart_view.show_cart(cart, view.unit)
        result = totals(cart.lines)
        self.count_label.setText(self.tr("Items: {n}").format(
            n=sum(line.quantity for line in cart.billable_lines())))  # not an earlier unit
        self.discount_label.setText(self.tr("Discount: {amount}").format(
            amount=self.formats.money(result.discount)))
        self.vat_label.setText(self.tr("incl. VAT: {amount}").format(
            amount=self.formats.money(result.vat_total)))
        self.total_label.setText(self.tr("Total {amount}").format(
            amount=self.formats.money(result.total)))
        self._show_customer(view.customer)
        if cart.original_receipt and not self.banner.text():
            self.set_banner(self.tr("Add-on to {receipt}: sell what goes with the unit").format(
                receipt=cart.original_receipt))
        unit = next((u for u in cart.main_units() if u.line_id == view.unit), None)
        if unit is None:
            self.sheet.show_empty()
            self.cards.show_offers([], None, set())
            return
        self.sheet.show_sheet(unit.line_id, unit.name, list(view.rows), view.earlier)
        chosen = {line.tier_id for line in cart.card_lines(unit.line_id)}
        self.cards.show_offers(list(view.offers), cart.card_status(unit.line_id), chosen,
                               view.earlier)

    def _show_customer(self, customer) -> None:
        self.customer_shown(customer)  # a quick add ends with a customer or another cart
        label = self.customer_label
        weight = "font-weight: bold;" if customer is not None else ""  # a customer: bold
        if label.styleSheet() != weight:
            label.setStyleSheet(weight)
        if customer is None:
            label.setText(self.tr("No customer yet: scan or type their phone number"))
            return
        kind = (self.tr("Business") if customer.kind is CustomerKind.BUSINESS
                else self.tr("Consumer"))
        company = f" · {customer.company}" if customer.company else ""
        label.setText(f"{customer.name} · {customer.phone} · {kind}{company}")
