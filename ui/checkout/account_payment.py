"""A payment on a customer's account, from the customer dialog (F6 there): the open
invoices to tick (each with the amount to apply, the whole open amount unless changed;
by keyboard: Up/Down choose the invoice, Space ticks it),
the amount (the ticked total unless typed), the tender (F1 cash, F2 bank card, F3 bank
transfer, F4 WeChat Pay, F5 Alipay), a reference, and "keep the rest as credit" (a
payment larger than what is owed is refused without it).

The store applies open credit first, then the invoices ticked, then the oldest due. Each
attempt carries one request id (ui.ops.Attempts): the same payment tried again after the
database failed is posted once. A refusal is said here and keeps everything typed; an
invoice settled meanwhile reloads the list. Enter (or F12) posts; Esc goes back."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QCheckBox, QDialog, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from pos.kernel.enums import Tender
from pos.kernel.errors import UserError
from pos.kernel.money import parse_amount, to_decimal_string
from ui.checkout.after_sale_parts import cancel_and_go, error_line, keyed
from ui.elided_label import ElidedLabel
from ui.key_button import KeyButton
from ui.messages import bug_message, refusal_text
from ui.ops import accounts as account_ops

PAY_TENDERS = (Tender.CASH, Tender.BANK_CARD, Tender.BANK_TRANSFER, Tender.WECHAT,
               Tender.ALIPAY)
PAY_KEYS = dict(zip(PAY_TENDERS, (Qt.Key.Key_F1, Qt.Key.Key_F2, Qt.Key.Key_F3,
                                  Qt.Key.Key_F4, Qt.Key.Key_F5), strict=True))
# the list is stale (another till took a payment meanwhile): read it again
RELOAD_ON = ("account.invoice_settled", "account.invoice_unknown", "account.balance_changed")
TICK, REF, OPENED, DUE, LATE, OPEN, APPLY = range(7)


class AccountPaymentDialog(QDialog):
    """See the module. `panel`: ui.ops.accounts.AccountPanel of the customer (with an
    account); `attempts`: the till's ops.Attempts."""

    def __init__(self, ops_runner, formats, panel, *, staff_id: int, terminal: str,
                 attempts, parent=None):
        super().__init__(parent)
        self.ops, self.formats, self.panel = ops_runner, formats, panel
        self.account = panel.account
        self.staff_id, self.terminal, self.attempts = staff_id, terminal, attempts
        self.posted = None  # pos.accounts.records.PostedAccount once taken
        self.busy = False
        self._typed_amount = False  # the amount was typed: ticking no longer sets it
        self.setWindowTitle(self.tr("Payment on account"))
        self.who = ElidedLabel(self.account.customer.label)
        self.who.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.owed = QLabel("")
        self.owed.setObjectName("muted")
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            ["", self.tr("Invoice"), self.tr("Date"), self.tr("Due"), self.tr("Days late"),
             self.tr("Open"), self.tr("Apply")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REF, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.verticalHeader().setDefaultSectionSize(40)
        self.table.itemChanged.connect(self._item_changed)
        self.group = QButtonGroup(self)
        names = {Tender.CASH: self.tr("Cash"), Tender.BANK_CARD: self.tr("Bank card"),
                 Tender.BANK_TRANSFER: self.tr("Bank transfer"),
                 Tender.WECHAT: self.tr("WeChat Pay"), Tender.ALIPAY: self.tr("Alipay")}
        tenders = QHBoxLayout()
        for tender in PAY_TENDERS:
            button = keyed(self, names[tender], PAY_KEYS[tender], button=KeyButton(""))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setProperty("tender", tender.value)
            button.set_height(52)
            self.group.addButton(button)
            tenders.addWidget(button)
        self.group.buttons()[0].setChecked(True)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("Amount received"))
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount.setStyleSheet("font-size: 24px;")
        self.amount.textEdited.connect(self._amount_typed)
        self.amount.installEventFilter(self)  # Up/Down and Space: the invoices
        self.amount.returnPressed.connect(self.submit)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("Reference (slip or transfer number)"))
        self.reference.setMaxLength(64)
        self.reference.returnPressed.connect(self.submit)
        self.as_credit = QCheckBox(self.tr("Keep the rest as credit"))
        self.as_credit.setMinimumHeight(40)
        self.message = error_line()
        cancel, self.go_button, foot = cancel_and_go(self, self.tr("Take payment"), self.submit)
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount, 2)
        amount_row.addWidget(self.reference, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addWidget(self.owed)
        layout.addWidget(self.table, 1)
        hint = QLabel(self.tr("Tick the invoices this pays (Up/Down, Space); without any, "
                              "the oldest are settled first"))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(tenders)
        layout.addLayout(amount_row)
        layout.addWidget(self.as_credit)
        layout.addWidget(self.message)
        layout.addLayout(foot)
        self.setMinimumSize(760, 600)
        self.show_account(self.account)
        self.amount.setFocus()

    # what is owed ------------------------------------------------------------------
    def show_account(self, account) -> None:
        self.account = account
        money = self.formats.money
        owed = self.tr("Balance {balance}").format(balance=money(account.balance))
        if account.overdue:
            owed += " · " + self.tr("overdue {amount}").format(amount=money(account.overdue))
        if account.unapplied_credit:
            owed += " · " + self.tr("credit {amount}").format(
                amount=money(account.unapplied_credit))
        self.owed.setText(owed)
        self.table.blockSignals(True)
        self.table.setRowCount(len(account.invoices))
        for row, invoice in enumerate(account.invoices):
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            tick.setCheckState(Qt.CheckState.Unchecked)
            tick.setData(Qt.ItemDataRole.UserRole, invoice.ref)
            cells = [tick, invoice.receipt_no or invoice.ref, self.formats.day(invoice.opened_on),
                     self.formats.day(invoice.due_date) if invoice.due_date else "",
                     str(invoice.days_overdue) if invoice.days_overdue else "",
                     money(invoice.open_amount), ""]
            for column, cell in enumerate(cells):
                item = cell if isinstance(cell, QTableWidgetItem) else QTableWidgetItem(cell)
                if column != APPLY and column != TICK:
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if column in (LATE, OPEN, APPLY):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if column == LATE and invoice.days_overdue:
                    item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        if not self._typed_amount:
            self.amount.clear()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        row = item.row()
        invoice = self.account.invoices[row]
        apply_item = self.table.item(row, APPLY)
        self.table.blockSignals(True)
        if item.column() == TICK:
            ticked = item.checkState() == Qt.CheckState.Checked
            apply_item.setText(to_decimal_string(invoice.open_amount,
                                                 currency=self.formats.currency)
                               if ticked else "")
        elif item.column() == APPLY:
            self.table.item(row, TICK).setCheckState(
                Qt.CheckState.Checked if item.text().strip() else Qt.CheckState.Unchecked)
        self.table.blockSignals(False)
        if not self._typed_amount:
            total = sum(part for _ref, part in self._picks(quiet=True))
            self.amount.setText(to_decimal_string(total, currency=self.formats.currency)
                                if total else "")

    def _amount_typed(self, text: str) -> None:
        self._typed_amount = bool(text.strip())
        self.message.clear()

    def _picks(self, *, quiet: bool = False) -> tuple[tuple[str, int], ...]:
        """(invoice ref, amount) for each ticked invoice; a bad amount is a UserError
        (or skipped, `quiet`)."""
        picks = []
        for row, invoice in enumerate(self.account.invoices):
            if self.table.item(row, TICK).checkState() != Qt.CheckState.Checked:
                continue
            text = self.table.item(row, APPLY).text().strip()
            try:
                part = (parse_amount(text, currency=self.formats.currency) if text
                        else invoice.open_amount)
            except UserError:
                if quiet:
                    continue
                raise
            picks.append((invoice.ref, part))
        return tuple(picks)

    # taking it ---------------------------------------------------------------------
    @property
    def tender(self) -> Tender:
        return Tender(self.group.checkedButton().property("tender"))

    def submit(self) -> None:
        if self.busy:
            return
        try:
            picks = self._picks()
            text = self.amount.text().strip()
            amount = parse_amount(text, currency=self.formats.currency) if text else 0
        except UserError as error:
            self.message.setText(refusal_text(error))
            return
        if amount <= 0:
            self.message.setText(refusal_text(UserError("account.payment_not_positive")))
            self.amount.setFocus()
            return
        as_credit = self.as_credit.isChecked()
        reference = self.reference.text().strip() or None
        attempt = ("account_payment", id(self), self.account.customer.id, amount,
                   self.tender.value, picks, as_credit, reference)
        call = account_ops.take_payment(
            customer_id=self.account.customer.id, amount=amount, tender=self.tender.value,
            staff_id=self.staff_id, terminal=self.terminal, invoices=picks,
            as_credit=as_credit, reference=reference,
            request_id=self.attempts.request_id(attempt))
        self._set_busy(True)
        self.message.clear()

        def posted(result):
            self.attempts.answered(attempt)
            self._set_busy(False)
            self.posted = result
            self.accept()

        def refused(error):
            self.attempts.refused(attempt, error)
            self._set_busy(False)
            self.message.setText(refusal_text(error))
            if getattr(error, "message_id", "") in RELOAD_ON:
                self.reload()
            self.amount.setFocus()

        def crashed():
            self._set_busy(False)
            self.message.setText(bug_message())

        self.ops.run(call, parent=self, done=posted, refused=refused, crashed=crashed)

    def reload(self) -> None:
        """The open invoices again (one was settled meanwhile); the amount typed stays."""
        def read(panel):
            if panel.account is not None:
                self.show_account(panel.account)

        self.ops.run(account_ops.account_panel(customer_id=self.account.customer.id),
                     parent=self, done=read, refused=lambda _error: None,
                     crashed=lambda: None)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.go_button.setEnabled(not busy)

    def eventFilter(self, watched, event):  # noqa: N802 - Qt override
        if watched is self.amount and event.type() == QEvent.Type.KeyPress \
                and not event.modifiers() and self.table.rowCount():
            row = max(self.table.currentRow(), 0)
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = min(max(self.table.currentRow() + step, 0), self.table.rowCount() - 1)
                self.table.setCurrentCell(row, TICK)
                return True
            if event.key() == Qt.Key.Key_Space:
                tick = self.table.item(row, TICK)
                self.table.setCurrentCell(row, TICK)
                tick.setCheckState(Qt.CheckState.Unchecked
                                   if tick.checkState() == Qt.CheckState.Checked
                                   else Qt.CheckState.Checked)
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                self.table.state() != QAbstractItemView.State.EditingState:
            self.submit()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if not self.busy:
            super().reject()
