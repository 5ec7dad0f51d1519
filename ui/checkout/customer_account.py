"""The customer dialog's account parts: the account strip (balance, limit, what is still
available, what is overdue in red, with the big-account team) with its actions, and the
business-details page (what a fapiao request needs). Plain widgets: the dialog reads and
saves through ui.ops."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from pos.kernel.enums import AccountState
from ui.elided_label import ElidedLabel

DETAIL_LIMITS = {"company": 200, "tax_id": 20, "invoice_address": 300, "invoice_phone": 40,
                 "bank_name": 120, "bank_account": 40}


class AccountStrip(QFrame):
    """One line under the customer's name: their account, or that they have none."""

    def __init__(self, formats, parent=None):
        super().__init__(parent)
        self.formats = formats
        self.setObjectName("panel")
        self.summary = ElidedLabel("")
        self.summary.setStyleSheet("font-weight: bold;")
        self.overdue = QLabel("")
        self.overdue.setObjectName("error")
        self.state = QLabel("")
        self.state.setObjectName("muted")
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(6)
        column = QVBoxLayout(self)  # what they owe on its own line: it is never cut
        column.setContentsMargins(8, 4, 8, 4)
        column.setSpacing(2)
        column.addWidget(self.summary)
        row = QHBoxLayout()
        row.addWidget(self.overdue)
        row.addWidget(self.state)
        row.addStretch(1)
        row.addLayout(self.buttons)
        column.addLayout(row)

    def add_button(self, button) -> None:
        self.buttons.addWidget(button)

    def show_account(self, account) -> None:
        money = self.formats.money
        if account is None:
            self.summary.setText(self.tr("No account: sales on account need one"))
            self.overdue.clear()
            self.overdue.hide()
            self.state.clear()
            self.state.hide()
            return
        parts = [self.tr("Balance {amount}").format(amount=money(account.balance)),
                 self.tr("No credit limit") if account.credit_limit is None
                 else self.tr("Limit {amount}").format(amount=money(account.credit_limit))]
        if account.available is not None:
            parts.append(self.tr("Available {amount}").format(amount=money(account.available)))
        if account.unapplied_credit:
            parts.append(self.tr("Credit {amount}").format(
                amount=money(account.unapplied_credit)))
        self.summary.setText(" · ".join(parts))
        self.overdue.setText(self.tr("Overdue {amount} ({days} days)").format(
            amount=money(account.overdue), days=account.oldest_overdue_days)
            if account.overdue else "")
        self.overdue.setVisible(bool(account.overdue))
        transferred = account.state is AccountState.TRANSFERRED
        self.state.setText(self.tr("With the big-account team") if transferred else "")
        self.state.setVisible(transferred)


class BusinessDetails(QWidget):
    """The customer's invoice details, as a form: company, tax id, address, phone, bank,
    account."""

    def __init__(self, parent=None):
        super().__init__(parent)
        title = QLabel(self.tr("Business details (for invoices and quotes)"))
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for name, label in (("company", self.tr("Company")), ("tax_id", self.tr("Tax ID")),
                            ("invoice_address", self.tr("Address")),
                            ("invoice_phone", self.tr("Phone")),
                            ("bank_name", self.tr("Bank")),
                            ("bank_account", self.tr("Bank account"))):
            field = QLineEdit()
            field.setMaxLength(DETAIL_LIMITS[name])
            field.setMinimumHeight(40)
            self.fields[name] = field
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addStretch(1)

    def show_details(self, details: dict) -> None:
        for name, field in self.fields.items():
            field.setText(details.get(name, "") or "")

    def details(self) -> dict:
        return {name: field.text().strip() for name, field in self.fields.items()}

    def focus(self) -> None:
        self.fields["company"].setFocus(Qt.FocusReason.OtherFocusReason)
