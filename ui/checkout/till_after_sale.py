"""The till's after-sale actions: find a sale, sell add-ons on site, take a return,
void, cancel a cart, the day's report, the audit trail, the store's settings, closing the
shift, and manager approval on the spot. Mixed into TillScreen."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from pos.kernel.enums import StaffRole
from ui import ops
from ui.checkout.after_sale import AuditDialog, FindSaleDialog, ManagerApprovalDialog, ReturnDialog
from ui.messages import Confirm


class AfterSaleActions:
    def _run(self, call, done, **options):
        """A call whose refusal or bug is shown at the till."""
        options.setdefault("refused", self.show_refusal)
        options.setdefault("crashed", self.show_bug)
        return self.ops.run(call, parent=self, done=done, **options)

    def find_sale(self) -> None:
        if self.active_dialog is not None:
            return
        dialog = FindSaleDialog(self.ops, self.formats, self)

        def chosen():
            receipt = dialog.receipt_no
            if dialog.choice == FindSaleDialog.ADDON:
                self.start_addon(receipt)
            elif dialog.choice == FindSaleDialog.REPRINT:
                self.reprint(receipt, sheet=True)
            elif dialog.choice == FindSaleDialog.VOID:
                self._approve_then("void", receipt,
                                   self.tr("void {receipt}").format(receipt=receipt),
                                   lambda approval: self._void(receipt, approval))
            else:
                self.start_return(receipt)

        self.open_dialog(dialog, on_accept=chosen)

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

    def start_return(self, receipt_no: str) -> None:
        def loaded(answer):
            record, left = answer
            dialog = ReturnDialog(record, left, self.formats, self)

            def quoted(amount):  # a manager approves this refund for this amount
                self._approve_then(
                    "refund", receipt_no,
                    self.tr("refund {amount} against {receipt}").format(
                        amount=self.formats.money(amount), receipt=receipt_no),
                    lambda approval: self._refund(receipt_no, dialog, approval), amount=amount)

            self.open_dialog(dialog, on_accept=lambda: self._run(ops.quote_refund(
                receipt_no=receipt_no, items=dialog.items(),
                with_attached=dialog.with_attached.isChecked()), quoted))

        self._run(ops.load_return(receipt_no), loaded)

    def _approve_then(self, action: str, ref: str, what: str, proceed,
                      amount: int | None = None) -> None:
        """Run `proceed(approval_id)`: at once when this person may, else after a manager
        approves on the spot with their PIN (for this record and, when the action moves
        money, this amount)."""
        if ops.may(self.staff.role, action):
            proceed(None)
            return

        def listed(people):
            managers = [p for p in people if p.role in (StaffRole.MANAGER, StaffRole.ADMIN)]
            dialog = ManagerApprovalDialog(managers, what, self)

            def approved():
                if dialog.manager_id is None:
                    return
                self._run(ops.approve(action=action, ref=ref, requested_by=self.staff.id,
                                      manager_id=dialog.manager_id, pin=dialog.pin.text(),
                                      amount=amount),
                          proceed)

            self.open_dialog(dialog, on_accept=approved)

        self._run(ops.list_staff(), listed)

    def _void(self, receipt_no: str, approval_id) -> None:
        attempt = ("void", receipt_no)

        def voided(done):
            self.attempts.answered(attempt)
            self.reprint(done.receipt_no)
            self.set_banner(self.tr("{receipt} voided: {amount} back").format(
                receipt=receipt_no, amount=self.formats.money(-done.total)))
            self.sale_completed.emit(done)

        self._run(ops.void_sale(receipt_no=receipt_no, staff_id=self.staff.id,
                                approval_id=approval_id,
                                request_id=self.attempts.request_id(attempt)),
                  voided, refused=lambda error: self._attempt_refused(attempt, error))

    def _refund(self, receipt_no: str, dialog, approval_id) -> None:
        items = dialog.items()
        attempt = ("refund", receipt_no, tuple(items), dialog.tender)

        def refunded(done):
            self.attempts.answered(attempt)
            self.run_prints()
            self.set_banner(self.tr("Refund {receipt}: {amount} back").format(
                receipt=done.receipt_no, amount=self.formats.money(-done.total)))
            self.sale_completed.emit(done)

        self._run(ops.refund(receipt_no=receipt_no, staff_id=self.staff.id, items=items,
                             with_attached=dialog.with_attached.isChecked(),
                             approval_id=approval_id, tender=dialog.tender,
                             terminal=self.terminal,
                             request_id=self.attempts.request_id(attempt)),
                  refunded, refused=lambda error: self._attempt_refused(attempt, error))

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
        self._run(ops.list_audit(limit=300),
                  lambda events: self.open_dialog(AuditDialog(events, self.formats, self)),
                  disable=[self.audit_button])

    def close_shift(self) -> None:
        """Count the drawer and close the shift (ui.close_shift: refused with a sale open)."""
        from ui.close_shift import start_close_shift

        start_close_shift(self)
