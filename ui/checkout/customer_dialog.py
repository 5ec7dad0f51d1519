"""The till's customer dialog (F4): find a customer by phone and see their history, or add
a new one.

Find: type the phone, Enter. A known customer's history shows (past sales, units bought
with serials, service cards with tier, end date and state, follow-up calls); Enter uses
them for the sale, Esc goes back. An unknown phone opens the new-customer fields on the
same page; Enter adds them and puts them on the sale. With a customer on the sale, F4
opens on their history.

The dialog reads through ui.ops itself; putting a customer on the sale is the till's (it
owns the cart): the dialog asks with `use_requested` / `add_requested`, and the till
answers with `accept()` or `refuse(error)`. A refusal (a bad phone, a blank name, a
phone someone has already) keeps the dialog and everything typed, and says why in it.

Above the history, the customer's account (ui.checkout.customer_account): balance,
limit, what is available, what is overdue (red). F6 takes a payment on account and F8
opens an account, F9 takes a pre-order with a deposit (the till does these:
`payment_requested` / `open_account_requested` / `preorder_requested`, then
`reload_account()`); F7 shows their business details (company, tax id, address, bank),
saved here through ui.ops."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QStackedWidget, QVBoxLayout, QWidget,
)

from pos.kernel.enums import CustomerKind
from ui import ops
from ui.checkout.after_sale_parts import keyed, show_as
from ui.checkout.customer_account import AccountStrip, BusinessDetails
from ui.checkout.customer_history import CustomerHistoryView
from ui.ops import accounts as account_ops
from ui.messages import bug_message, refusal_text

if TYPE_CHECKING:
    from pos.people.customers import CustomerInfo
    from pos.people.followups import CustomerRecord


class CustomerDialog(QDialog):
    """F4: a customer by phone (with their history) or a new customer; see the module."""

    use_requested = Signal(str)  # a known customer's phone: put them on the sale
    add_requested = Signal(dict)  # phone, name, kind, company: add them, put them on the sale
    payment_requested = Signal(object)  # ui.ops.accounts.AccountPanel: take a payment
    open_account_requested = Signal(int)  # the customer's id: open an account
    preorder_requested = Signal(object)  # ui.ops.accounts.AccountPanel: take a pre-order

    FIND, HISTORY, DETAILS = 0, 1, 2

    def __init__(self, ops_runner, formats, parent=None, *, phone: str = "", name: str = "",
                 customer: CustomerInfo | None = None):
        super().__init__(parent)
        self.ops, self.formats = ops_runner, formats
        self.record: CustomerRecord | None = None
        self.panel: account_ops.AccountPanel | None = None  # their account and details
        self.busy = False
        self._from_find = customer is None  # Esc on the history goes back to the search
        self.setWindowTitle(self.tr("Customer"))
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_find_page(phone, name))
        self.pages.addWidget(self._build_history_page())
        self.details = BusinessDetails()
        self.pages.addWidget(self.details)
        self.message = QLabel("")
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.message.hide()
        self.primary = QPushButton()
        self.primary.setObjectName("primary")
        self.primary.setMinimumHeight(48)
        self.primary.clicked.connect(self.enter)
        self.secondary = QPushButton()
        self.secondary.setMinimumHeight(48)
        self.secondary.clicked.connect(self.reject)
        self.other = QPushButton(self.tr("Another customer [F4]"))
        self.other.setMinimumHeight(48)
        self.other.clicked.connect(self.search_again)
        for button in (self.primary, self.secondary, self.other):
            button.setAutoDefault(False)  # Enter is the page's action (enter()), once
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        buttons = QHBoxLayout()
        buttons.addWidget(self.other)
        buttons.addStretch(1)
        buttons.addWidget(self.secondary)
        buttons.addWidget(self.primary)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        QShortcut(QKeySequence("F4"), self, self.search_again)
        QShortcut(QKeySequence("Ctrl+Tab"), self, lambda: self._step_tab(1))
        QShortcut(QKeySequence("Ctrl+Shift+Tab"), self, lambda: self._step_tab(-1))
        self.setMinimumSize(820, 500)
        self._show_page(self.FIND)
        if customer is not None:
            self._look_up(customer_id=customer.id)
        elif self.phone.text().strip():
            self._look_up(phone=self.phone.text())

    # building -----------------------------------------------------------------------
    def _build_find_page(self, phone: str, name: str) -> QWidget:
        title = QLabel(self.tr("Find a customer by phone, or add a new one"))
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.phone = QLineEdit(phone)
        self.phone.setPlaceholderText(self.tr("Phone number"))
        self.phone.setStyleSheet("font-size: 20px; min-height: 44px;")
        self.phone.textEdited.connect(self._phone_edited)
        self.hint = QLabel("")
        self.hint.setWordWrap(True)
        self.name = QLineEdit(name)
        self.name.setPlaceholderText(self.tr("Name"))
        self.company = QLineEdit()
        self.company.setPlaceholderText(self.tr("Company"))
        self.kind_group = QButtonGroup(self)
        kinds = QHBoxLayout()
        for index, (value, label) in enumerate(((CustomerKind.CONSUMER, self.tr("Consumer")),
                                                (CustomerKind.BUSINESS, self.tr("Business")))):
            button = QPushButton(label)
            button.setCheckable(True)
            button.setChecked(index == 0)
            button.setAutoDefault(False)
            button.setMinimumHeight(44)
            button.setProperty("kind", value)
            self.kind_group.addButton(button)
            kinds.addWidget(button)
        self.kind_group.buttonToggled.connect(lambda *_: self._show_company())
        labels = [QLabel(text) for text in (self.tr("Phone"), self.tr("Name"), self.tr("Type"),
                                            self.tr("Company"))]
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:  # one label column for the phone and the new-customer fields
            label.setMinimumWidth(width)
        self.new_form = QWidget()
        form = QFormLayout(self.new_form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(labels[1], self.name)
        form.addRow(labels[2], kinds)
        self.company_label = labels[3]
        form.addRow(self.company_label, self.company)
        self.new_form.hide()
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        phone_row = QFormLayout()
        phone_row.addRow(labels[0], self.phone)
        layout.addLayout(phone_row)
        layout.addWidget(self.hint)
        layout.addWidget(self.new_form)
        layout.addStretch(1)
        self._show_company()
        return page

    def _build_history_page(self) -> QWidget:
        self.history = CustomerHistoryView(self.formats)
        self.tabs = self.history.tabs
        self.strip = AccountStrip(self.formats)
        self.pay_button = keyed(self, self.tr("Take payment"), Qt.Key.Key_F6,
                                self.ask_payment)
        self.open_button = keyed(self, self.tr("Open account"), Qt.Key.Key_F8,
                                 self.ask_open_account)
        self.details_button = keyed(self, self.tr("Business details"), Qt.Key.Key_F7,
                                    self.show_details)
        self.preorder_button = keyed(self, self.tr("Pre-order"), Qt.Key.Key_F9,
                                     self.ask_preorder)
        for button in (self.pay_button, self.open_button, self.details_button,
                       self.preorder_button):
            button.hide()
            self.strip.add_button(button)
        self.strip.hide()
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.strip)
        layout.addWidget(self.history, 1)
        return page

    # pages --------------------------------------------------------------------------
    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self.other.setVisible(page == self.HISTORY)
        if page == self.HISTORY:
            self.primary.setText(self.tr("Use for this sale [Enter]"))
            self.secondary.setText(self.tr("Back [Esc]"))
            self.tabs.tabBar().setFocus()
        elif page == self.DETAILS:
            self.primary.setText(self.tr("Save [Enter]"))
            self.secondary.setText(self.tr("Back [Esc]"))
            self.details.focus()
        else:
            self.primary.setText(self.tr("Add and use [Enter]") if self.new_form.isVisible()
                                 else self.tr("Find [Enter]"))
            self.secondary.setText(self.tr("Close [Esc]"))
            (self.name if self.new_form.isVisible() else self.phone).setFocus()

    def _show_company(self) -> None:
        business = self.kind is CustomerKind.BUSINESS
        self.company.setVisible(business)
        self.company_label.setVisible(business)

    def _phone_edited(self, _text: str) -> None:
        """Another number: look it up again before adding anyone."""
        self._say("")
        if self.new_form.isVisible():
            self.phone.setFocus()  # before hiding the name: Qt would move focus and select all
            self.new_form.hide()
            self.hint.clear()
            self._show_page(self.FIND)

    def _say(self, text: str, kind: str = "error") -> None:
        show_as(self.message, kind)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _step_tab(self, step: int) -> None:
        if self.pages.currentIndex() == self.HISTORY:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def search_again(self) -> None:
        """From the history, back to the search for another customer."""
        if self.busy or self.pages.currentIndex() != self.HISTORY:
            return
        self._from_find = True
        self._show_page(self.FIND)
        self.phone.selectAll()

    # keys ---------------------------------------------------------------------------
    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter()  # the line edits pass Enter on: it is the page's action, once
            return
        super().keyPressEvent(event)

    def enter(self) -> None:
        if self.busy:
            return
        if self.pages.currentIndex() == self.HISTORY:
            if self.record is not None:
                self._ask(lambda: self.use_requested.emit(self.record.phone))
        elif self.pages.currentIndex() == self.DETAILS:
            self._save_details()
        elif self.new_form.isVisible():
            entered = dict(phone=self.phone.text(), name=self.name.text(),
                           kind=self.kind.value, company=self.company.text())
            self._ask(lambda: self.add_requested.emit(entered))
        else:
            self._look_up(phone=self.phone.text())

    def reject(self) -> None:
        """Esc: from a history found by phone, back to the search; else close."""
        if self.busy:
            return
        if self.pages.currentIndex() == self.DETAILS:
            self._say("")
            self._show_page(self.HISTORY)
            return
        if self.pages.currentIndex() == self.HISTORY and self._from_find:
            self._say("")
            self._show_page(self.FIND)
            self.phone.selectAll()
            return
        super().reject()

    # the till's answer --------------------------------------------------------------
    def _ask(self, emit) -> None:
        self._set_busy(True)
        self._say("")
        emit()

    def refuse(self, error) -> None:
        """The till could not do it: say why here, keep the dialog and what was typed."""
        self._set_busy(False)
        self._say(refusal_text(error) if error is not None else bug_message())
        if self.pages.currentIndex() == self.FIND:
            field = self.name if self.new_form.isVisible() else self.phone
            field.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for button in (self.primary, self.secondary, self.other, self.pay_button,
                       self.open_button, self.details_button, self.preorder_button):
            button.setEnabled(not busy)

    # reading ------------------------------------------------------------------------
    def _look_up(self, *, phone: str | None = None, customer_id: int | None = None) -> None:
        self._set_busy(True)
        self._say("")
        self.ops.run(ops.customer_record(phone=phone, customer_id=customer_id), parent=self,
                     done=self._found, refused=self._refused_reading,
                     crashed=lambda: self._refused_reading(None))

    def _refused_reading(self, error) -> None:
        self.refuse(error)
        if self.pages.currentIndex() == self.FIND:
            self.phone.selectAll()

    def _found(self, record: CustomerRecord | None) -> None:
        self._set_busy(False)
        if record is None:  # nobody has this number: add them, on this page
            self.hint.setText(self.tr("No customer has this number yet. Type their name and "
                                      "press Enter to add them to the sale."))
            self.new_form.show()
            self._show_page(self.FIND)
            return
        self.record = record
        self.history.show_record(record)
        self._show_page(self.HISTORY)
        self.reload_account()

    # the account ----------------------------------------------------------------------
    def reload_account(self) -> None:
        """Read the customer's account and details again (after a payment, an account
        opened, details saved)."""
        if self.record is None:
            return
        customer_id = self.record.id
        self.ops.run(account_ops.account_panel(customer_id=customer_id), parent=self,
                     done=self._account_read, refused=self.refuse,
                     crashed=lambda: self.refuse(None))

    def _account_read(self, panel) -> None:
        if self.record is None or panel.customer_id != self.record.id:
            return  # another customer since
        self.panel = panel
        self.strip.show_account(panel.account)
        self.strip.show()
        self.pay_button.setVisible(panel.account is not None)
        self.open_button.setVisible(panel.account is None)
        self.details_button.show()
        self.preorder_button.show()
        self.details.show_details(panel.details)

    def ask_payment(self) -> None:
        if (self.busy or self.pages.currentIndex() != self.HISTORY or self.panel is None
                or self.panel.account is None):
            return
        self._say("")
        self.payment_requested.emit(self.panel)

    def ask_open_account(self) -> None:
        if (self.busy or self.pages.currentIndex() != self.HISTORY or self.panel is None
                or self.panel.account is not None):
            return
        self._say("")
        self.open_account_requested.emit(self.panel.customer_id)

    def ask_preorder(self) -> None:
        if self.busy or self.pages.currentIndex() != self.HISTORY or self.panel is None:
            return
        self._say("")
        self.preorder_requested.emit(self.panel)

    def show_details(self) -> None:
        if self.busy or self.pages.currentIndex() != self.HISTORY or self.panel is None:
            return
        self._say("")
        self.details.show_details(self.panel.details)
        self._show_page(self.DETAILS)

    def _save_details(self) -> None:
        if self.panel is None:
            return
        self._set_busy(True)
        self._say("")

        def saved(_result):
            self._set_busy(False)
            self._show_page(self.HISTORY)
            self.reload_account()

        def refused(error):
            self.refuse(error)
            self.details.focus()

        self.ops.run(account_ops.save_details(customer_id=self.panel.customer_id,
                                              details=self.details.details()),
                     parent=self, done=saved, refused=refused, crashed=lambda: refused(None))

    def say(self, text: str) -> None:
        """A word from the till about the account (an account opened, or why not)."""
        self._set_busy(False)
        self._say(text)

    def tell(self, text: str) -> None:
        """What was done (a payment taken, an account opened), in green."""
        self._say(text, "success")

    @property
    def kind(self) -> CustomerKind:
        return CustomerKind(self.kind_group.checkedButton().property("kind"))
