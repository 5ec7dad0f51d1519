"""The till's exchange (return one item, sell another, settle the difference) and return
without a receipt, mixed into TillScreen through AfterSaleActions. The dialogs stay open
through every step (serials, the manager's approval, the payment) and show any refusal
themselves; only a completed exchange or refund closes them.

Each step is a call through ui.ops; the exchange is written once however often it is
tried (its request id is kept while the database's answer may have been lost)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from pos.kernel.enums import Tender
from pos.selling.cart import TenderInput
from ui import ops
from ui.checkout.dialogs import SerialDialog
from ui.checkout.exchange_dialog import ExchangeDialog
from ui.checkout.no_receipt_dialog import NoReceiptReturnDialog
from ui.checkout.payment import PaymentDialog
from ui.messages import bug_message, refusal_text


def about_the_approval(error) -> bool:
    """A refusal that says the approval no longer holds: ask the manager again."""
    return getattr(error, "message_id", "").startswith(("approval.", "permission."))


class ExchangeActions:
    # exchange -----------------------------------------------------------------------
    def start_exchange(self, receipt_no: str, items: list[tuple[int, int]] | None = None) -> None:
        """The exchange dialog for an earlier sale (`items`: lines already chosen to come
        back, from the return dialog)."""
        def loaded(answer):
            record, left, view = answer
            dialog = ExchangeDialog(record, left, view, self.formats, self.ops, self, items=items)
            dialog.complete_requested.connect(lambda: self._exchange_step(receipt_no, dialog))
            self.open_dialog(dialog)

        self._run(ops.load_exchange(receipt_no=receipt_no, staff_id=self.staff.id,
                                    terminal=self.terminal), loaded)

    def _exchange_step(self, receipt_no: str, dialog: ExchangeDialog) -> None:
        """F12 in the exchange: any serial still missing, then the amount coming back as
        the store quotes it now, the manager's approval for it, the payment."""
        line = dialog.missing_serial()
        if line is not None:
            self._ask_exchange_serial(receipt_no, dialog, line)
            return
        dialog.set_busy(True)

        def quoted(amount):
            dialog.set_busy(False)
            dialog.set_back(amount)

            def approved(approval_id):
                if approval_id is not None:
                    dialog.approval = (amount, approval_id)
                self._exchange_pay(receipt_no, dialog, amount, approval_id)

            if dialog.approval is not None and dialog.approval[0] == amount:
                approved(dialog.approval[1])  # approved before, not used yet
                return
            self._approve_then(
                "refund", receipt_no,
                self.tr("exchange: {amount} back against receipt {receipt}").format(
                    amount=self.formats.money(amount), receipt=receipt_no),
                approved, amount=amount, over=dialog, refused=dialog.show_refusal)

        self._run(ops.quote_refund(receipt_no=receipt_no, items=dialog.items(),
                                   with_attached=dialog.with_attached.isChecked()),
                  quoted, refused=lambda error: dialog.show_refusal(refusal_text(error)),
                  crashed=lambda: dialog.show_refusal(bug_message()))

    def _ask_exchange_serial(self, receipt_no: str, dialog: ExchangeDialog, line,
                             error: str = "") -> None:
        asking = SerialDialog(line.name, dialog, error=error)

        def closed(result):
            if result != QDialog.DialogCode.Accepted:
                return
            dialog.set_serial(
                line.line_id, asking.serial,
                done=lambda: self._exchange_step(receipt_no, dialog),
                refused=lambda refusal: self._ask_exchange_serial(receipt_no, dialog, line,
                                                                  refusal_text(refusal)))

        self._open_over(dialog, asking, on_close=closed)

    def _exchange_pay(self, receipt_no: str, dialog: ExchangeDialog, back: int,
                      approval_id: int | None) -> None:
        difference = dialog.new_total - back
        if difference > 0:
            paying = PaymentDialog(difference, self.formats, dialog,
                                   has_customer=dialog.cart.customer_id is not None)
            self._open_over(dialog, paying, on_accept=lambda: self._write_exchange(
                receipt_no, dialog, approval_id, list(paying.tenders)))
        elif difference < 0:
            self._write_exchange(receipt_no, dialog, approval_id,
                                 [TenderInput(Tender(dialog.tender), -difference)])
        else:
            self._write_exchange(receipt_no, dialog, approval_id, [])

    def _write_exchange(self, receipt_no: str, dialog: ExchangeDialog, approval_id,
                        tenders: list[TenderInput]) -> None:
        attempt = ("exchange", receipt_no, dialog.cart.uuid)
        dialog.set_busy(True)

        def exchanged(done):
            self.attempts.answered(attempt)
            dialog.set_busy(False)
            dialog.accept()
            self.run_prints()
            money = self.formats.money
            if done.difference > 0:
                said = self.tr("Exchange done · paid {amount}").format(
                    amount=money(done.difference))
                if done.sale.change:
                    said += " · " + self.tr("Change {amount}").format(
                        amount=money(done.sale.change))
            elif done.difference < 0:
                said = self.tr("Exchange done · {amount} back to the customer").format(
                    amount=money(-done.difference))
            else:
                said = self.tr("Exchange done · nothing to pay")
            said += " · " + self.tr("{back} taken back, {sale} sold").format(
                back=done.refund.receipt_no, sale=done.sale.receipt_no)
            self.set_banner(said)
            self.sale_completed.emit(done.sale)

        def refused(error):
            self.attempts.refused(attempt, error)
            if about_the_approval(error):
                dialog.approval = None
            dialog.show_refusal(refusal_text(error))

        self._run(ops.exchange(receipt_no=receipt_no, staff_id=self.staff.id,
                               items=dialog.items(),
                               with_attached=dialog.with_attached.isChecked(),
                               cart=dialog.cart, tenders=tenders, approval_id=approval_id,
                               terminal=self.terminal,
                               request_id=self.attempts.request_id(attempt)),
                  exchanged, refused=refused, crashed=lambda: dialog.show_refusal(bug_message()))

    # return without a receipt --------------------------------------------------------
    def start_no_receipt_return(self) -> None:
        dialog = NoReceiptReturnDialog(self.formats, self.ops, self)
        dialog.refund_requested.connect(lambda: self._request_no_receipt(dialog))
        self.open_dialog(dialog)

    def _request_no_receipt(self, dialog: NoReceiptReturnDialog) -> None:
        product, amount = dialog.product, dialog.amount

        def approved(approval_id):
            if approval_id is not None:
                dialog.approval = (product.sku, amount, approval_id)
            self._refund_without_receipt(dialog, approval_id)

        if dialog.approval is not None and dialog.approval[:2] == (product.sku, amount):
            approved(dialog.approval[2])
            return
        self._approve_then(
            "no_receipt_return", product.sku,
            self.tr("return of {amount} without a receipt: {name}").format(
                amount=self.formats.money(amount), name=product.name),
            approved, amount=amount, over=dialog, refused=dialog.show_refusal)

    def _refund_without_receipt(self, dialog: NoReceiptReturnDialog, approval_id) -> None:
        product = dialog.product
        attempt = ("no_receipt", product.sku, dialog.quantity, dialog.unit_price, dialog.reason)
        self._run_return(dialog, attempt, lambda request_id: ops.refund_without_receipt(
            sku=product.sku, quantity=dialog.quantity, unit_price=dialog.unit_price,
            staff_id=self.staff.id, terminal=self.terminal, reason=dialog.reason,
            approval_id=approval_id, request_id=request_id))

    def _run_return(self, dialog, attempt, call) -> None:
        """Run the refund a dialog asked for (`call(request_id)` makes the op): done, the
        dialog closes and the till says so; refused, the dialog says why and keeps what
        was typed (a refused approval is asked for again)."""
        dialog.set_busy(True)

        def refunded(done):
            self.attempts.answered(attempt)
            dialog.set_busy(False)
            dialog.accept()
            self.run_prints()
            self.set_banner(self.tr("Refund {receipt}: {amount} back").format(
                receipt=done.receipt_no, amount=self.formats.money(-done.total)))
            self.sale_completed.emit(done)

        def refused(error):
            self.attempts.refused(attempt, error)
            if about_the_approval(error):
                dialog.approval = None
            dialog.show_refusal(refusal_text(error))

        self._run(call(self.attempts.request_id(attempt)), refunded, refused=refused,
                  crashed=lambda: dialog.show_refusal(bug_message()))
