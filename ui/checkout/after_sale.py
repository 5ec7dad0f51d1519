"""After the sale, at the till: find a sale (scan the receipt or sheet barcode, or type a
receipt number, phone or serial), then sell add-ons on site, take a return, exchange,
void or reprint; a manager approves on the spot with their PIN when the person at the
till may not.

A refusal (a wrong PIN, an approval for something else, a refund the store will not
make) is shown inside the dialog it concerns, which stays open with what was typed: the
till drives these dialogs (ui.checkout.till_after_sale) and calls `show_refusal` on
them instead of closing them."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout,
)

from pos.kernel.enums import DocumentKind
from ui import ops
from ui.audit_view import AuditDialog
from ui.checkout.after_sale_parts import (
    MoneyBackChoice, ReturnLines, dialog_button, keyed, receipt_header,
    show_as,
)
from ui.checkout.approval_dialog import ManagerApprovalDialog
from ui.dialog_frame import set_kind
from ui.messages import bug_message, refusal_text

__all__ = ["AuditDialog", "FindSaleDialog", "ManagerApprovalDialog", "ReturnDialog"]


class FindSaleDialog(QDialog):
    """Scan or type; Enter searches; pick a sale, then act on it. Add-on, Return,
    Exchange and Reprint close the dialog (`choice` says which); Void asks the till
    (`void_requested`) and the dialog stays until the void is done, so a refused PIN or
    a sale that can no longer be voided is said here, with the search still showing."""

    ADDON, RETURN, EXCHANGE, REPRINT, VOID, NO_RECEIPT = (
        "addon", "return", "exchange", "reprint", "void", "no_receipt")
    void_requested = Signal(str)

    def __init__(self, ops_runner, formats, parent=None):
        super().__init__(parent)
        self.ops, self.formats = ops_runner, formats
        self.choice: str | None = None
        self.searching = False
        self._again = False  # Enter came while a search ran: search what the field says then
        self.setWindowTitle(self.tr("Find a sale"))
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Scan the receipt or sheet barcode, or type a "
                                              "receipt number, phone or serial"))
        self.field.returnPressed.connect(self.search)
        self.results = QListWidget()
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.message = QLabel("")
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.addon_button = keyed(self, self.tr("Sell add-ons on site"), Qt.Key.Key_F2,
                                  lambda: self._choose(self.ADDON), name="primary")
        self.return_button = keyed(self, self.tr("Return / refund"), Qt.Key.Key_F3,
                                   lambda: self._choose(self.RETURN))
        self.exchange_button = keyed(self, self.tr("Exchange"), Qt.Key.Key_F4,
                                     lambda: self._choose(self.EXCHANGE))
        self.reprint_button = keyed(self, self.tr("Reprint receipt and sheet"), Qt.Key.Key_F5,
                                    lambda: self._choose(self.REPRINT))
        self.void_button = keyed(self, self.tr("Void (today's sales)"), Qt.Key.Key_F8,
                                 lambda: self._choose(self.VOID), name="danger")
        self.no_receipt_button = keyed(self, self.tr("Return without a receipt"), Qt.Key.Key_F9,
                                       self._no_receipt)
        close = set_kind(dialog_button(self.tr("Close [Esc]")), "secondary")
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.clicked.connect(self.reject)
        buttons = QGridLayout()
        buttons.addWidget(self.addon_button, 0, 0)
        buttons.addWidget(self.return_button, 0, 1)
        buttons.addWidget(self.exchange_button, 0, 2)
        buttons.addWidget(self.reprint_button, 1, 0)
        buttons.addWidget(self.void_button, 1, 1)
        buttons.addWidget(self.no_receipt_button, 1, 2)
        buttons.addWidget(close, 2, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setMinimumSize(760, 480)
        self.field.setFocus()

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # the field's: it searches
        # Up/Down choose among the sales found while the keyboard stays in the field
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.results.count():
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            self.results.setCurrentRow(max(0, min(self.results.count() - 1,
                                                  self.results.currentRow() + step)))
            return
        super().keyPressEvent(event)

    def search(self) -> None:
        """Look the typed text up (off the GUI thread); what is typed meanwhile stays,
        and an Enter meanwhile searches again once this search has answered."""
        if self.searching:
            self._again = True
            return
        self.searching = True
        self.results.clear()  # nothing to act on until this search answers
        self.message.clear()
        self.ops.run(ops.find_sales(self.field.text()), parent=self, done=self._show_found,
                     refused=self._refused, crashed=self._crashed)

    def _searched(self) -> None:
        self.searching = False
        if self._again:
            self._again = False
            self.search()

    def _refused(self, error) -> None:
        self.results.clear()
        self.message.setText(refusal_text(error))
        self._searched()

    def _crashed(self) -> None:
        self.message.setText(bug_message())
        self._searched()

    def _show_found(self, found) -> None:
        self.results.clear()
        kinds = {DocumentKind.SALE: self.tr("sale"), DocumentKind.ADDON: self.tr("add-on"),
                 DocumentKind.REFUND: self.tr("refund"), DocumentKind.VOID: self.tr("void")}
        for sale in found:
            who = f" · {sale.customer_name} {sale.customer_phone}" if sale.customer_name else ""
            item = QListWidgetItem(f"{sale.receipt_no} · {kinds.get(sale.kind, sale.kind)} · "
                                   f"{self.formats.moment(sale.completed_at)} · "
                                   f"{self.formats.money(sale.total)}{who}")
            item.setData(Qt.ItemDataRole.UserRole, sale.receipt_no)
            self.results.addItem(item)
        if found:
            self.results.setCurrentRow(0)
        else:
            self.message.setText(self.tr("No sale found"))
        self.field.selectAll()
        self._searched()

    @property
    def receipt_no(self) -> str | None:
        item = self.results.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def show_refusal(self, text: str) -> None:
        """Why the action was not done; the search and the sale chosen stay."""
        self.message.setText(text)
        self.field.setFocus()

    def _choose(self, choice: str) -> None:
        if self.receipt_no is None:
            self.message.setText(self.tr("Find the sale first"))
            return
        self.choice = choice
        if choice == self.VOID:
            self.message.clear()
            self.void_requested.emit(self.receipt_no)
            return
        self.accept()

    def _no_receipt(self) -> None:
        self.choice = self.NO_RECEIPT
        self.accept()


class ReturnDialog(QDialog):
    """What comes back, how many, and how the money goes back; the amount is the
    store's own quote (pos.aftersale.returns.quote_refund) for what is chosen, asked
    again as the numbers change. Enter asks the till to refund (`refund_requested`); F4
    turns it into an exchange with the same lines (`exchange_requested`). A refusal is
    shown here and everything chosen stays."""

    refund_requested = Signal()
    exchange_requested = Signal()

    def __init__(self, record, returnable: dict[int, int], formats, ops_runner, parent=None,
                 *, items: list[tuple[int, int]] | None = None):
        super().__init__(parent)
        self.record, self.formats, self.ops = record, formats, ops_runner
        self.amount: int | None = None  # the quote for what is chosen now (None: asking)
        self.approval: tuple[int, int] | None = None  # (amount, approval id) not yet used
        self.busy = False  # the refund is on its way: the dialog stays until it answers
        self._turn = 0
        self.setWindowTitle(self.tr("Return against {receipt}").format(receipt=record.receipt_no))
        header = receipt_header(self, record, formats)
        self.lines = ReturnLines(record, returnable, formats, self, items=items)
        self.spins = self.lines.spins
        self.with_attached = self.lines.with_attached
        self.lines.changed.connect(self._numbers_changed)
        self.amount_label = QLabel()
        self.amount_label.setObjectName("total")
        self.money_back = MoneyBackChoice(record, self)
        self.tender_group = self.money_back.group
        self.message = QLabel("")
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.ok = dialog_button("", name="primary")
        self.ok.set_height(56)
        self.ok.clicked.connect(self.request_refund)
        self.cancel = set_kind(dialog_button(self.tr("Cancel [Esc]")), "secondary")
        self.cancel.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cancel.clicked.connect(self.reject)
        self.exchange = keyed(self, self.tr("Exchange instead"), Qt.Key.Key_F4,
                              self.exchange_requested.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel, 1)
        buttons.addWidget(self.exchange, 1)
        buttons.addWidget(self.ok, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.amount_label)
        layout.addWidget(self.money_back)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setMinimumWidth(760)
        self.quote_timer = QTimer(self)
        self.quote_timer.setSingleShot(True)
        self.quote_timer.setInterval(120)  # a finger on + asks once it rests
        self.quote_timer.timeout.connect(self._quote)
        self._show_amount()
        if self.lines.items():
            self._quote()
        self.lines.setFocus()

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.request_refund()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if not self.busy:  # a refund on its way answers first
            super().reject()

    def items(self) -> list[tuple[int, int]]:
        """What comes back: (line position, quantity)."""
        return self.lines.items()

    @property
    def tender(self) -> str:
        return self.money_back.tender

    def request_refund(self) -> None:
        if self.busy:
            return
        if not self.items():
            self.show_refusal(self.tr("Choose what comes back: how many of which line"))
            return
        self.message.clear()
        self.refund_requested.emit()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.ok, self.cancel, self.exchange, self.lines, self.money_back):
            widget.setEnabled(not busy)

    def show_refusal(self, text: str) -> None:
        """Why the refund was not made; the lines and numbers chosen stay."""
        self.set_busy(False)
        self.message.setText(text)
        self.lines.setFocus()

    # the amount ---------------------------------------------------------------------
    def _numbers_changed(self) -> None:
        self.amount = None
        self.message.clear()
        self._turn += 1
        self._show_amount()
        if self.items():
            self.quote_timer.start()

    def _quote(self) -> None:
        self._turn += 1
        turn = self._turn
        self.ops.run(ops.quote_refund(receipt_no=self.record.receipt_no, items=self.items(),
                                      with_attached=self.with_attached.isChecked()),
                     parent=self, busy=False, done=lambda amount: self._quoted(turn, amount),
                     refused=lambda error: self._quote_refused(turn, error),
                     crashed=lambda: self._quote_refused(turn, None))

    def _quoted(self, turn: int, amount: int) -> None:
        if turn == self._turn:  # else the numbers changed since: a newer quote comes
            self.amount = amount
            self._show_amount()

    def _quote_refused(self, turn: int, error) -> None:
        if turn == self._turn:
            self.message.setText(refusal_text(error) if error is not None else bug_message())

    def _show_amount(self) -> None:
        show_as(self.amount_label, "total" if self.items() else "muted")
        if not self.items():
            self.amount_label.setText(self.tr("Choose what comes back"))
            self.ok.setText(self.tr("Refund [Enter]"))
        elif self.amount is None:
            self.amount_label.setText(self.tr("Back to the customer: …"))
            self.ok.setText(self.tr("Refund [Enter]"))
        else:
            money = self.formats.money(self.amount)
            self.amount_label.setText(self.tr("Back to the customer: {amount}").format(
                amount=money))
            self.ok.setText(self.tr("Refund {amount} [Enter]").format(amount=money))
