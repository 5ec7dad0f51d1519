"""The cash drawer without a sale (Shift+F12, a manager's): open it (say why), or record
cash paid in or paid out of it (how much, and why). Each is sealed and audited by the
services (pos.printjobs.print_queue.open_drawer, pos.day.shifts.move_cash), and the
drawer is kicked open once for it by the receipt printer's queue. A cashier gets there
with a manager's approval on the spot, for this till (and, for cash moved, this amount).

F1 open, F2 paid in, F3 paid out choose what; F12 or Enter does it. A refusal stays in
the dialog with what was typed; the till says what was done once it closes."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLineEdit, QVBoxLayout

from pos.kernel.errors import UserError
from pos.kernel.money import parse_amount
from ui import ops
from ui.checkout.after_sale_parts import cancel_and_go, error_line, keyed
from ui.messages import bug_message, refusal_text

OPEN, PAID_IN, PAID_OUT = "open_drawer", "paid_in", "paid_out"  # the permission actions


def _tr(text: str) -> str:
    return QCoreApplication.translate("CashDrawerDialog", text)


class CashDrawerDialog(QDialog):
    """What to do with the drawer; `submitted` when it is complete (checked here for what
    can be checked without the database; the services check everything again)."""
    submitted = Signal()

    def __init__(self, formats, parent=None):
        super().__init__(parent)
        self.formats = formats
        self.busy = False
        self.kind = OPEN
        self.request_id = uuid.uuid4().hex  # one cash movement per what was typed
        self.setWindowTitle(self.tr("Cash drawer"))
        self.choices = {
            OPEN: keyed(self, self.tr("Open the drawer"), Qt.Key.Key_F1,
                        lambda: self.choose(OPEN)),
            PAID_IN: keyed(self, self.tr("Paid in"), Qt.Key.Key_F2, lambda: self.choose(PAID_IN)),
            PAID_OUT: keyed(self, self.tr("Paid out"), Qt.Key.Key_F3,
                            lambda: self.choose(PAID_OUT)),
        }
        choices = QHBoxLayout()
        for button in self.choices.values():
            button.setCheckable(True)
            choices.addWidget(button, 1)
        self.amount_field = QLineEdit()
        self.amount_field.setPlaceholderText(self.tr("Amount, e.g. 50.00"))
        self.amount_field.setMaxLength(14)
        self.amount_field.textEdited.connect(self._typed)
        self.reason_field = QLineEdit()
        self.reason_field.setMaxLength(200)
        self.reason_field.textEdited.connect(self._typed)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Amount"), self.amount_field)
        self.form.addRow(self.tr("Reason"), self.reason_field)
        self.message = error_line()
        self.cancel, self.ok, buttons = cancel_and_go(self, self.tr("Open the drawer"),
                                                      self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(600)
        self.choose(OPEN)

    # what is chosen and typed ---------------------------------------------------------
    def choose(self, kind: str) -> None:
        if self.busy:
            return
        if kind != self.kind:
            self.request_id = uuid.uuid4().hex
        self.kind = kind
        for key, button in self.choices.items():
            button.setChecked(key == kind)
        moves_cash = kind != OPEN
        self.form.setRowVisible(self.amount_field, moves_cash)
        self.ok.setText(self.ok.text().replace(self.ok.text().split(" [")[0], {
            OPEN: self.tr("Open the drawer"), PAID_IN: self.tr("Record paid in"),
            PAID_OUT: self.tr("Record paid out")}[kind]))
        self.reason_field.setPlaceholderText({
            OPEN: self.tr("Why it opens without a sale (required)"),
            PAID_IN: self.tr("Where the cash comes from (required)"),
            PAID_OUT: self.tr("What the cash pays for (required)")}[kind])
        self.message.clear()
        (self.amount_field if moves_cash else self.reason_field).setFocus()

    def _typed(self, _text: str) -> None:
        self.request_id = uuid.uuid4().hex  # other figures: another movement
        self.message.clear()

    @property
    def reason(self) -> str:
        return self.reason_field.text().strip()

    def amount(self) -> int | None:
        """The cash moved in minor units, signed (paid out is negative); None to open."""
        if self.kind == OPEN:
            return None
        value = parse_amount(self.amount_field.text(), currency=self.formats.currency)
        return value if self.kind == PAID_IN else -value

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.amount_field.hasFocus() and not self.reason:
                self.reason_field.setFocus()  # Enter in the amount goes on to the reason
                return
            self.submit()
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        if self.busy:
            return
        try:
            amount = self.amount()
        except UserError as error:
            self.show_refusal(refusal_text(error))
            self.amount_field.setFocus()
            return
        if amount == 0:
            self.show_refusal(self.tr("Type an amount above zero"))
            self.amount_field.setFocus()
            return
        if not self.reason:
            self.show_refusal(self.tr("Say why"))
            self.reason_field.setFocus()
            return
        self.message.clear()
        self.submitted.emit()

    def reject(self) -> None:
        if not self.busy:
            super().reject()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.ok, self.cancel, self.amount_field, self.reason_field,
                       *self.choices.values()):
            widget.setEnabled(not busy)

    def show_refusal(self, text: str) -> None:
        self.set_busy(False)
        self.message.setText(text)


def start_cash_drawer(till) -> None:
    """The till's Cash drawer: the dialog; once complete, a manager's approval where the
    person needs one, then the service; the till says what was done and sends the kick."""
    if till.active_dialog is not None:
        return
    dialog = CashDrawerDialog(till.formats, parent=till)

    def submitted():
        kind, amount, reason = dialog.kind, dialog.amount(), dialog.reason
        what = {OPEN: _tr("open the drawer without a sale"),
                PAID_IN: _tr("pay {amount} into the drawer"),
                PAID_OUT: _tr("pay {amount} out of the drawer")}[kind].format(
            amount=till.formats.money(abs(amount or 0)))
        till._approve_then(kind, till.terminal, what,
                           lambda approval_id: proceed(kind, amount, reason, approval_id),
                           amount=abs(amount) if amount is not None else None, over=dialog,
                           refused=dialog.show_refusal)

    def proceed(kind, amount, reason, approval_id):
        dialog.set_busy(True)
        if kind == OPEN:
            call = ops.open_drawer(terminal=till.terminal, staff_id=till.staff.id,
                                   reason=reason, approval_id=approval_id)
        else:
            call = ops.move_cash(terminal=till.terminal, staff_id=till.staff.id, amount=amount,
                                 reason=reason, approval_id=approval_id,
                                 request_id=dialog.request_id)
        till.ops.run(call, parent=dialog, done=lambda _result: done(kind, amount),
                     refused=lambda error: dialog.show_refusal(refusal_text(error)),
                     crashed=lambda: dialog.show_refusal(bug_message()))

    def done(kind, amount):
        dialog.busy = False
        dialog.accept()
        till.set_banner({OPEN: _tr("Drawer opened"),
                         PAID_IN: _tr("Paid in: {amount}"),
                         PAID_OUT: _tr("Paid out: {amount}")}[kind].format(
            amount=till.formats.money(abs(amount or 0))))
        till.run_prints()

    dialog.submitted.connect(submitted)
    till.open_dialog(dialog)
