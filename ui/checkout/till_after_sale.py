"""The till's after-sale actions: find a sale, sell add-ons on site, take a return,
void, cancel a cart, the day's report, the audit trail, the store's settings, closing the
shift, and manager approval on the spot. Mixed into TillScreen."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QDialog, QInputDialog

from pos.kernel.enums import StaffRole
from ui import ops
from ui.audit_view import AuditDialog
from ui.checkout.after_sale import FindSaleDialog, ManagerApprovalDialog, ReturnDialog
from ui.checkout.till_exchange import ExchangeActions
from ui.dialog_frame import present
from ui.messages import Confirm, bug_message, refusal_text


class AfterSaleActions(ExchangeActions):
    def _run(self, call, done, **options):
        """A call whose refusal or bug is shown at the till."""
        options.setdefault("refused", self.show_refusal)
        options.setdefault("crashed", self.show_bug)
        return self.ops.run(call, parent=self, done=done, **options)

    def find_sale(self) -> None:
        if self.active_dialog is not None:
            return
        dialog = FindSaleDialog(self.ops, self.formats, self)
        dialog.void_requested.connect(lambda receipt: self._approve_then(
            "void", receipt, self.tr("void {receipt}").format(receipt=receipt),
            lambda approval: self._void(receipt, approval, dialog),
            over=dialog, refused=dialog.show_refusal))

        def chosen():
            receipt = dialog.receipt_no
            if dialog.choice == FindSaleDialog.ADDON:
                self.start_addon(receipt)
            elif dialog.choice == FindSaleDialog.REPRINT:
                self.reprint(receipt, sheet=True)
            elif dialog.choice == FindSaleDialog.RETURN:
                self.start_return(receipt)
            elif dialog.choice == FindSaleDialog.EXCHANGE:
                self.start_exchange(receipt)
            elif dialog.choice == FindSaleDialog.NO_RECEIPT:
                self.start_no_receipt_return()
            # VOID: done and said by _void

        self.open_dialog(dialog, on_accept=chosen)

    def _open_over(self, base: QDialog | None, dialog: QDialog, *, on_accept=None,
                   on_close=None) -> None:
        """`dialog` over `base`, a dialog still open (the approval over the refund, the
        payment over the exchange): the till's active dialog while it is up, then `base`
        again, with the keyboard; with no `base` it is open_dialog."""
        if base is None or not shiboken6.isValid(base) or not base.isVisible():
            self.open_dialog(dialog, on_accept=on_accept, on_close=on_close)
            return
        self.active_dialog = dialog

        def finished(result):
            if self.active_dialog is dialog:
                self.active_dialog = base if base.isVisible() else None
            if result == QDialog.DialogCode.Accepted and on_accept is not None:
                on_accept()
            if on_close is not None:
                on_close(result)
            if self.active_dialog is base:
                base.activateWindow()  # no window manager does it on a kiosk till
            elif self.active_dialog is None:
                self.window().activateWindow()
                self.scan.setFocus()

        dialog.finished.connect(finished)
        present(dialog)  # a heading, marked buttons, the dialog below dimmed
        dialog.open()

    def start_addon(self, receipt_no: str, unit_position: int | None = None) -> None:
        """Sell on site against a unit of an earlier sale (installers, on-site service)."""
        if self.cart.billable_lines():
            self.show_message(self.tr("Finish or park the current sale first"))
            return

        def listed(units):
            position = unit_position
            if position is None and len(units) > 1:
                names = [f"{u.position}: {u.name} {u.serial or ''}" for u in units]
                chosen, ok = QInputDialog.getItem(self, self.tr("Which unit?"),
                                                  self.tr("Add to which unit?"), names, 0, False)
                if not ok:
                    return
                position = units[names.index(chosen)].position
            self._card_prompted = set()
            self.change_cart(lambda: ops.open_addon(receipt_no=receipt_no, staff_id=self.staff.id,
                                                    terminal=self.terminal,
                                                    unit_position=position))

        self.cart_ops.run(lambda: ops.addon_units(receipt_no), parent=self, done=listed,
                          refused=self.show_refusal, crashed=self.show_bug)

    def start_return(self, receipt_no: str, items: list[tuple[int, int]] | None = None) -> None:
        """The return dialog for a sale; it stays open until the refund is made, with
        any refusal (a wrong PIN, more than is left) said in it."""
        def loaded(answer):
            record, left = answer
            dialog = ReturnDialog(record, left, self.formats, self.ops, self, items=items)
            dialog.refund_requested.connect(lambda: self._request_refund(receipt_no, dialog))
            dialog.exchange_requested.connect(lambda: self._return_to_exchange(receipt_no, dialog))
            self.open_dialog(dialog)

        self._run(ops.load_return(receipt_no), loaded)

    def _return_to_exchange(self, receipt_no: str, dialog: ReturnDialog) -> None:
        items = dialog.items()
        dialog.reject()
        self.start_exchange(receipt_no, items=items)

    def _request_refund(self, receipt_no: str, dialog: ReturnDialog) -> None:
        """The refund's amount as the store quotes it now, a manager's approval of that
        amount when this person may not refund, then the refund."""
        dialog.set_busy(True)

        def quoted(amount):
            dialog.set_busy(False)

            def approved(approval_id):
                if approval_id is not None:
                    dialog.approval = (amount, approval_id)
                self._refund(receipt_no, dialog, approval_id)

            if dialog.approval is not None and dialog.approval[0] == amount:
                approved(dialog.approval[1])  # approved before and not used: the refund failed
                return
            self._approve_then(
                "refund", receipt_no,
                self.tr("refund of {amount} for receipt {receipt}").format(
                    amount=self.formats.money(amount), receipt=receipt_no),
                approved, amount=amount, over=dialog, refused=dialog.show_refusal)

        self._run(ops.quote_refund(receipt_no=receipt_no, items=dialog.items(),
                                   with_attached=dialog.with_attached.isChecked()),
                  quoted, refused=lambda error: dialog.show_refusal(refusal_text(error)),
                  crashed=lambda: dialog.show_refusal(bug_message()))

    def _approve_then(self, action: str, ref: str, what: str, proceed,
                      amount: int | None = None, *, over: QDialog | None = None,
                      refused=None) -> None:
        """Run `proceed(approval_id)`: at once when this person may, else after a manager
        approves on the spot with their PIN (for this record and, when the action moves
        money, this amount). The approval opens over `over` (the dialog asking); a wrong
        PIN is said in the approval, which stays for another try; `refused(text)` says
        why no approval could be asked for (shown at the till without it)."""
        if ops.may(self.staff.role, action):
            proceed(None)
            return
        refused = refused or self.show_message

        def listed(people):
            managers = [p for p in people if p.role in (StaffRole.MANAGER, StaffRole.ADMIN)]
            dialog = ManagerApprovalDialog(
                managers, what, over or self,
                amount=self.formats.money(amount) if amount is not None else "")

            def approved(approval_id):
                dialog.accept()
                proceed(approval_id)

            dialog.submitted.connect(lambda: self._run(
                ops.approve(action=action, ref=ref, requested_by=self.staff.id,
                            manager_id=dialog.manager_id, pin=dialog.pin.text(), amount=amount),
                approved, refused=lambda error: dialog.show_refusal(refusal_text(error)),
                crashed=lambda: dialog.show_refusal(bug_message()),
                disable=[dialog.approve_button]))
            self._open_over(over, dialog)

        self._run(ops.list_staff(), listed, refused=lambda error: refused(refusal_text(error)),
                  crashed=lambda: refused(bug_message()))

    def _void(self, receipt_no: str, approval_id, finder: FindSaleDialog | None = None) -> None:
        attempt = ("void", receipt_no)

        def voided(done):
            self.attempts.answered(attempt)
            if finder is not None:
                finder.accept()
            self.reprint(done.receipt_no)
            self.set_banner(self.tr("{receipt} voided: {amount} back").format(
                receipt=receipt_no, amount=self.formats.money(-done.total)))
            self.sale_completed.emit(done)

        def refused(error):
            self.attempts.refused(attempt, error)
            if finder is not None and finder.isVisible():
                finder.show_refusal(refusal_text(error))
            else:
                self.show_refusal(error)

        self._run(ops.void_sale(receipt_no=receipt_no, staff_id=self.staff.id,
                                approval_id=approval_id,
                                request_id=self.attempts.request_id(attempt)),
                  voided, refused=refused,
                  disable=[finder.void_button] if finder is not None else [])

    def _refund(self, receipt_no: str, dialog: ReturnDialog, approval_id) -> None:
        items = dialog.items()
        attempt = ("refund", receipt_no, tuple(items), dialog.tender)
        self._run_return(dialog, attempt, lambda request_id: ops.refund(
            receipt_no=receipt_no, staff_id=self.staff.id, items=items,
            with_attached=dialog.with_attached.isChecked(), approval_id=approval_id,
            tender=dialog.tender, terminal=self.terminal, request_id=request_id))

    def _attempt_refused(self, attempt, error) -> None:
        """A refund or void refused: the same attempt keeps its request id only when the
        database itself failed (it may have written before the answer was lost)."""
        self.attempts.refused(attempt, error)
        self.show_refusal(error)

    def cancel_sale(self) -> None:
        if not self.cart.billable_lines():
            return
        if not Confirm.ask(self, self.tr("Cancel this sale? Its lines are dropped.")):
            self.scan.setFocus()
            return

        def cancelled(_nothing):
            self.new_cart()
            self.set_banner(self.tr("Sale cancelled"))

        self.cart_ops.run(lambda: ops.cancel_cart(self.cart), parent=self, done=cancelled,
                          refused=self.show_refusal, crashed=self.show_bug,
                          disable=[self.cancel_button])

    def show_report(self) -> None:
        """The reports (F7), for managers and administrators, like its button."""
        if self.active_dialog is not None or self.staff is None or self.staff.role not in (
                StaffRole.MANAGER, StaffRole.ADMIN):
            return
        from ui.report_screen import ReportDialog

        self.open_dialog(ReportDialog(self.context, self))

    def show_settings(self) -> None:
        """The store's settings (F10), for managers and administrators only (the service
        checks again when a value is saved)."""
        if self.active_dialog is not None or self.staff is None or self.staff.role not in (
                StaffRole.MANAGER, StaffRole.ADMIN):
            return
        from ui.settings_screen import SettingsDialog

        self.open_dialog(SettingsDialog(self.context, self.staff, self))

    def show_audit(self) -> None:
        def listed(answer):
            events, names = answer
            self.open_dialog(AuditDialog(events, self.formats, self, names=names))

        self._run(ops.list_audit(limit=300), listed, disable=[self.audit_button])

    def cash_drawer(self) -> None:
        """Open the drawer, or record cash paid in or out (Shift+F12; ui.cash_drawer)."""
        from ui.cash_drawer import start_cash_drawer

        start_cash_drawer(self)

    def close_shift(self) -> None:
        """Count the drawer and close the shift (ui.close_shift: refused with a sale open)."""
        from ui.close_shift import start_close_shift

        start_close_shift(self)
