"""Paying, at the till: F12 asks about any unit with no card and no recorded refusal (the
store's "confirm the card" rule), then for missing serials/IMEIs, then for payment, and
completes the sale in the background. Mixed into TillScreen.

Each step is asked of ui.ops on the cart queue, so F12 right after a scan pays for the
cart with that scan in it; `paying` is set from F12 until the sale is completed or the
person goes back to it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from pos.kernel.enums import Tender
from ui import ops
from ui.checkout.dialogs import CardPrompt, SerialDialog
from ui.checkout.payment import PaymentDialog
from ui.messages import refusal_text
from ui.ops import accounts as account_ops
from ui.ops.confirmations import confirm_card


class PaymentFlow:
    def pay(self) -> None:
        if self.paying or self.active_dialog is not None:
            return
        self.hide_unknown()
        self.paying = True
        self._pay_step()

    def _pay_step(self) -> None:
        self.cart_ops.run(lambda: ops.payment_step(self.cart,
                                                   prompted=frozenset(self._card_prompted)),
                          parent=self, done=self._next_step, refused=self._pay_refused,
                          crashed=self._pay_crashed)

    def _next_step(self, step: ops.PayStep) -> None:
        if step.empty:
            self.paying = False
            self.show_message(self.tr("The cart is empty"))
        elif step.card_unit is not None:
            self._ask_card(step.card_unit)
        elif step.serial_line is not None:
            self._ask_serial(step.serial_line)
        else:
            self._ask_payment(step)

    def _ask_card(self, unit) -> None:
        dialog = CardPrompt(unit.name, self)

        def done(_result):
            self._card_prompted.add(unit.line_id)
            if dialog.choice == CardPrompt.DECLINED:
                self.change_cart(lambda: confirm_card(  # declined, and the point recorded
                    self.cart, self.current_unit, main_line_id=unit.line_id,
                    point="at_payment", accepted=False, decline=True),
                                 done=lambda _view: self._pay_step(),
                                 refused=self._pay_refused, crashed=self._pay_crashed)
            else:  # back to the sale, with the unit's cards showing
                self.paying = False
                self.select_unit(unit.line_id)

        self.open_dialog(dialog, on_close=done)

    def _ask_serial(self, line, error: str = "", refusal=None) -> None:
        """The serial of a unit; `refusal`: why the last one was refused (a unit held
        elsewhere offers a manager's override: ui.checkout.serial_override)."""
        dialog = SerialDialog(line.name, self, error=error,
                              override=refusal is not None and ops.overridable(refusal))

        def closed(result):
            if result != QDialog.DialogCode.Accepted:
                self.paying = False
                return
            if dialog.override_asked:
                self.override_serial(line, refusal.params["serial"])
                return
            serial = dialog.serial
            self.change_cart(lambda: ops.set_serial(self.cart, self.current_unit,
                                                    line_id=line.line_id, serial=serial),
                             done=lambda _view: self._pay_step(),
                             refused=lambda error: self._ask_serial(line, refusal_text(error),
                                                                    error),
                             crashed=self._pay_crashed)

        self.open_dialog(dialog, on_close=closed)

    def _ask_payment(self, step: ops.PayStep) -> None:
        """The payment dialog, with what the customer allows (their account, their
        pre-orders' deposits, an invoice), read first."""
        self.cart_ops.run(lambda: account_ops.pay_options(customer_id=self.cart.customer_id),
                          parent=self, done=lambda options: self._show_payment(step, options),
                          refused=self._pay_refused, crashed=self._pay_crashed)

    def _show_payment(self, step: ops.PayStep, options) -> None:
        dialog = PaymentDialog(step.due, self.formats, self, unasked=step.unasked,
                               has_customer=self.cart.customer_id is not None,
                               options=options)

        def closed(result):
            if result == QDialog.DialogCode.Accepted:
                self._complete(dialog.tenders, invoice=dialog.invoice_requested)
            else:
                self.paying = False

        self.open_dialog(dialog, on_close=closed)

    def _complete(self, tenders, *, invoice: bool = False) -> None:
        self.set_banner(self.tr("Completing the sale…"))

        def cart():
            if not invoice:
                return self.cart
            mine = self.cart.copy()  # the fapiao asked for at the sale, with its details
            mine.invoice_requested = True
            return mine

        self.cart_ops.run(lambda: ops.complete_sale(cart(), tenders=tenders,
                                                    terminal=self.terminal),
                          parent=self, done=lambda sale: self._completed(sale, tenders),
                          refused=self._pay_refused,
                          crashed=self._pay_crashed, disable=[self.pay_button])

    def _completed(self, sale, tenders=()) -> None:
        self.paying = False
        self.last_receipt = sale.receipt_no
        self.reprint_button.setEnabled(True)
        self.new_cart()
        self.run_prints()
        self.set_banner(self.tr("Sale {receipt} complete").format(receipt=sale.receipt_no))
        self.show_change(sale, cash=any(t.tender is Tender.CASH for t in tenders))
        self.scan.setFocus()
        self.sale_completed.emit(sale)

    def show_change(self, sale, *, cash: bool) -> None:
        """The change to hand back, in large type where the totals were, until the next
        scan: what the cashier says to the customer, readable from a step away. A sale
        paid without cash says it is paid."""
        money = self.formats.money
        if cash:
            self.change_title.setText(self.tr("Change due"))
            self.change_amount.setText(money(sale.change))
            detail = self.tr("Received {tendered} · Total {total} · {receipt}")
        else:
            self.change_title.setText(self.tr("Paid"))
            self.change_amount.setText(money(sale.total))
            detail = self.tr("Total {total} · {receipt}")
        self.change_detail.setText(detail.format(tendered=money(sale.tendered),
                                                 total=money(sale.total),
                                                 receipt=sale.receipt_no))
        self.show_change_page(True)

    def _pay_refused(self, error) -> None:
        self.paying = False
        self.set_banner("")
        if not self.card_needs_customer(error):  # a card's customer: asked for in place
            self.show_refusal(error)

    def _pay_crashed(self) -> None:
        # The worker has logged the traceback; the sale stays in the cart.
        self.paying = False
        self.set_banner("")
        self.show_bug()
