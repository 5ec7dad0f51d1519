"""The till's after-sale actions: find a sale, sell add-ons on site, take a return,
void, cancel a cart, and manager approval on the spot. Mixed into TillScreen."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from pos.aftersale import returns, voids
from pos.kernel.errors import UserError
from pos.ledger import audit
from pos.people import approvals, permissions
from pos.printjobs import print_queue, records
from pos.printjobs.print_queue import PrintRequest
from pos.selling import addons
from pos.selling import checkout
from pos.selling.cart import TenderInput
from ui.checkout.after_sale import AuditDialog, FindSaleDialog, ManagerApprovalDialog, ReturnDialog
from ui.messages import Confirm


class AfterSaleActions:
    def find_sale(self) -> None:
        if self.active_dialog is not None:
            return
        dialog = FindSaleDialog(self.db, self.formats, self)

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
        try:
            units = addons.addon_units(self.db, receipt_no=receipt_no)
            if unit_position is None and len(units) > 1:
                names = [f"{u.position}: {u.name} {u.serial or ''}" for u in units]
                chosen, ok = QInputDialog.getItem(self, self.tr("Which unit?"),
                                                  self.tr("Add to which unit?"), names, 0, False)
                if not ok:
                    return
                unit_position = units[names.index(chosen)].position
            self.cart = addons.open_addon(self.db, receipt_no=receipt_no, staff_id=self.staff.id,
                                          terminal=self.context.terminal,
                                          unit_position=unit_position)
        except UserError as exc:
            self.show_message(str(exc))
            return
        self.current_unit = self.cart.main_units()[0].line_id
        self._card_prompted = set()
        self.refresh()
        self.scan.setFocus()

    def start_return(self, receipt_no: str) -> None:
        try:
            record = records.load_sale(self.db, receipt_no=receipt_no)
            left = returns.returnable(self.db, receipt_no=receipt_no)
        except UserError as exc:
            self.show_message(str(exc))
            return
        dialog = ReturnDialog(record, left, self.formats, self)
        self.open_dialog(dialog, on_accept=lambda: self._approve_then(
            "refund", receipt_no, self.tr("refund against {receipt}").format(receipt=receipt_no),
            lambda approval: self._refund(receipt_no, dialog, approval)))

    def _approve_then(self, action: str, ref: str, what: str, proceed) -> None:
        """Run `proceed(approval_id)`: at once when this person may, else after a manager
        approves on the spot with their PIN."""
        if permissions.may(self.staff.role.value, action):
            proceed(None)
            return
        dialog = ManagerApprovalDialog(self.db, what, self)

        def approved():
            if dialog.manager_id is None:
                return
            try:
                approval = approvals.approve(self.db, action=action, ref=ref,
                                             requested_by=self.staff.id,
                                             manager_id=dialog.manager_id, pin=dialog.pin.text())
            except UserError as exc:
                self.show_message(str(exc))
                return
            proceed(approval)

        self.open_dialog(dialog, on_accept=approved)

    def _void(self, receipt_no: str, approval_id) -> None:
        try:
            done = voids.void_sale(self.db, receipt_no=receipt_no, staff_id=self.staff.id,
                                   approval_id=approval_id)
        except UserError as exc:
            self.show_message(str(exc))
            return
        self.reprint(done.receipt_no)
        self.set_banner(self.tr("{receipt} voided: {amount} back").format(
            receipt=receipt_no, amount=self.formats.money(-done.total)))
        self.sale_completed.emit(done)

    def cancel_sale(self) -> None:
        if not self.cart.billable_lines():
            return
        if not Confirm.ask(self, self.tr("Cancel this sale? Its lines are dropped.")):
            self.scan.setFocus()
            return
        self._call(lambda: checkout.cancel_cart(self.db, self.cart))
        self.new_cart()
        self.set_banner(self.tr("Sale cancelled"))
        self.refresh()

    def show_report(self) -> None:
        from ui.report_screen import ReportDialog

        self.open_dialog(ReportDialog(self.context, self))

    def close_shift(self) -> None:
        from pos.day import shifts
        from ui.close_shift import CloseShiftDialog

        try:
            x = shifts.x_report(self.db, terminal=self.context.terminal)
        except UserError as exc:
            self.show_message(str(exc))
            return
        dialog = CloseShiftDialog(x, self.formats, self)

        def close(approval_id):
            try:
                z = shifts.close_shift(self.db, terminal=self.context.terminal,
                                       staff_id=self.staff.id, counts=dialog.counts(),
                                       approval_id=approval_id)
            except UserError as exc:
                self.show_message(str(exc))
                return
            self.set_banner(self.tr("Shift closed: Z {z}, over/short {diff}").format(
                z=z.z_number, diff=self.formats.money(z.over_short)))

        self.open_dialog(dialog, on_accept=lambda: self._approve_then(
            "close_day", self.context.terminal, self.tr("close the shift"), close))

    def show_audit(self) -> None:
        AuditDialog(audit.list_audit(self.db, limit=300), self.formats, self).exec()
        self.scan.setFocus()

    def _refund(self, receipt_no: str, dialog, approval_id) -> None:
        items = dialog.items()
        try:
            amount = returns.quote_refund(self.db, receipt_no=receipt_no, items=items,
                                          with_attached=dialog.with_attached.isChecked())
            done = returns.refund(
                self.db, receipt_no=receipt_no, staff_id=self.staff.id, items=items,
                with_attached=dialog.with_attached.isChecked(), approval_id=approval_id,
                tenders=[TenderInput(dialog.tender, amount)])
        except UserError as exc:
            self.show_message(str(exc))
            return
        config = print_queue.printer_config(self.db, terminal=self.context.terminal)
        print_queue.enqueue(self.db, terminal=self.context.terminal, ref=done.receipt_no,
                            request=PrintRequest("receipt", config.receipt_uri,
                                                 open_drawer=dialog.tender == "cash",
                                                 options={"paper_mm": config.paper_mm,
                                                          "encoding": config.encoding}))
        self.run_prints()
        self.set_banner(self.tr("Refund {receipt}: {amount} back").format(
            receipt=done.receipt_no, amount=self.formats.money(-done.total)))
        self.sale_completed.emit(done)
