"""The sale's customer, at the till: a mobile number scanned or typed finds them; F4 opens
the customer dialog (their history, or a new customer); and when a service card needs a
customer, the customer area takes the phone and then the name in place (quick add), and
the card the cashier asked for is taken once the customer is on the sale. From the
dialog, a payment on the customer's account (ui.checkout.account_payment) and opening an
account (a manager's, or with one's approval). Mixed into TillScreen."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from pos.kernel.errors import UserError
from ui import ops
from ui.checkout.account_payment import AccountPaymentDialog
from ui.checkout.customer_bar import CustomerBar
from ui.checkout.customer_dialog import CustomerDialog
from ui.checkout.preorder_dialog import PreorderDialog
from ui.checkout.quote_dialog import QuoteDialog
from ui.messages import bug_message, refusal_text
from ui.ops import accounts as account_ops

# The refusals a customer answers: a card (or completing a sale with one) needs one.
NEEDS_CUSTOMER = ("card.needs_customer", "card.needs_named_customer")


class CustomerActions:
    def _build_customer_bar(self) -> QWidget:
        self._quick_cart: str | None = None  # the cart a quick add is for
        self._card_waiting: tuple[str, int] | None = None  # (unit, tier) waiting for one
        bar = self.customer_bar = CustomerBar(self.edit_customer)
        self.customer_label, self.customer_button = bar.label, bar.button
        bar.looked_up.connect(self._quick_look_up)
        bar.added.connect(self._quick_add)
        bar.given_up.connect(self._quick_give_up)
        return bar

    # found by phone (the scan field) ------------------------------------------------
    def find_customer(self, phone: str) -> None:
        def found(view):
            if view.result is None:  # nobody has this number yet: their name, in place
                self.quick_add(phone=phone, unknown=True)
        self.change_cart(lambda: ops.find_customer(self.cart, self.current_unit, phone=phone),
                         done=found)

    # quick add ----------------------------------------------------------------------
    def quick_add(self, *, phone: str = "", hint: str = "", unknown: bool = False) -> None:
        """The customer area asks for the phone (or, for a number nobody has, the name)."""
        self._quick_cart = self.cart.uuid
        if unknown:
            self.customer_bar.ask_name(phone)
        else:
            self.customer_bar.start(phone=phone, hint=hint)

    def card_needs_customer(self, error, unit: str | None = None,
                            tier_id: int | None = None) -> bool:
        """For a refusal that a customer answers: quick add (the card is taken once the
        customer is on the sale); False for any other refusal."""
        if getattr(error, "message_id", None) not in NEEDS_CUSTOMER:
            return False
        self._card_waiting = (unit, tier_id) if unit is not None and tier_id is not None else None
        self.quick_add(hint=refusal_text(error))
        return True

    def _quick_look_up(self, phone: str) -> None:
        def found(view):
            if view.result is None:
                self.customer_bar.ask_name(phone)
            else:
                self._customer_chosen()
        self.change_cart(lambda: ops.find_customer(self.cart, self.current_unit, phone=phone),
                         done=found, refused=self._quick_refused,
                         crashed=lambda: self._quick_refused(None))

    def _quick_add(self, phone: str, name: str) -> None:
        self.change_cart(lambda: ops.add_customer(self.cart, self.current_unit, phone=phone,
                                                  name=name),
                         done=lambda _view: self._customer_chosen(),
                         refused=self._quick_refused, crashed=lambda: self._quick_refused(None))

    def _quick_refused(self, error) -> None:
        self.customer_bar.refuse(refusal_text(error) if error is not None else bug_message())

    def _quick_give_up(self) -> None:
        self._card_waiting = None
        self.customer_bar.stop()
        self.scan.setFocus()

    def _customer_chosen(self) -> None:
        """A customer is on the sale now: the card that waited for one is taken."""
        self.customer_bar.stop()
        waiting, self._card_waiting = self._card_waiting, None
        if waiting is not None:
            unit, tier_id = waiting
            if (any(line.line_id == unit for line in self.cart.main_units())
                    and not any(line.tier_id == tier_id for line in self.cart.card_lines(unit))):
                self.change_cart(lambda: ops.toggle_card(self.cart, self.current_unit,
                                                         main_line_id=unit, tier_id=tier_id))
        self.scan.setFocus()

    def customer_shown(self, customer) -> None:
        """The till shows a cart: a quick add ends once the sale has a customer, and
        belongs to its own cart (another cart, after Lock or a park, never sees it)."""
        if not self.customer_bar.adding:
            return
        if self.cart is None or self.cart.uuid != self._quick_cart:
            self._card_waiting = None
            self.customer_bar.stop()
        elif customer is not None:
            self.customer_bar.stop()

    # F4 -----------------------------------------------------------------------------
    def edit_customer(self, phone: str = "") -> None:
        """The customer dialog: the sale's customer's history, or a search by phone (with
        what quick add had typed carried over)."""
        if self.active_dialog is not None:
            return
        bar = self.customer_bar
        phone = phone if isinstance(phone, str) else ""  # a button's clicked(bool)
        name = ""
        if bar.adding:
            phone, name = phone or bar.phone.text(), bar.name.text()
            bar.stop()
        customer = self.view.customer if self.view is not None and not phone else None
        dialog = CustomerDialog(self.ops, self.formats, self, phone=phone, name=name,
                                customer=customer)
        dialog.use_requested.connect(lambda known: self._dialog_use(dialog, known))
        dialog.add_requested.connect(lambda entered: self._dialog_add(dialog, entered))
        dialog.payment_requested.connect(lambda panel: self.take_account_payment(dialog, panel))
        dialog.open_account_requested.connect(
            lambda customer_id: self._open_account(dialog, customer_id))
        dialog.preorder_requested.connect(lambda panel: self.take_preorder(dialog, panel))

        def closed(result):
            if result != QDialog.DialogCode.Accepted:
                self._card_waiting = None

        self.open_dialog(dialog, on_accept=self._customer_chosen, on_close=closed)

    def _dialog_use(self, dialog: CustomerDialog, phone: str) -> None:
        def found(view):
            if view.result is None:  # gone since the dialog read them
                dialog.refuse(UserError("customer.unknown_phone", phone=phone))
            else:
                dialog.accept()
        self.change_cart(lambda: ops.find_customer(self.cart, self.current_unit, phone=phone),
                         done=found, refused=dialog.refuse, crashed=lambda: dialog.refuse(None))

    def _dialog_add(self, dialog: CustomerDialog, entered: dict) -> None:
        self.change_cart(lambda: ops.add_customer(self.cart, self.current_unit, **entered),
                         done=lambda _view: dialog.accept(), refused=dialog.refuse,
                         crashed=lambda: dialog.refuse(None))

    # the customer's account ------------------------------------------------------------
    def take_account_payment(self, dialog: CustomerDialog, panel) -> None:
        """A payment on the customer's account, over the customer dialog; said there once
        taken, with the account read again."""
        payment = AccountPaymentDialog(self.ops, self.formats, panel, staff_id=self.staff.id,
                                       terminal=self.terminal, attempts=self.attempts,
                                       parent=dialog)

        def taken():
            posted = payment.posted
            self.run_prints()
            dialog.tell(self.tr("Payment {doc} taken: {amount}; balance {balance}").format(
                doc=posted.doc_no, amount=self.formats.money(posted.amount),
                balance=self.formats.money(posted.balance)))
            dialog.reload_account()

        self._open_over(dialog, payment, on_accept=taken)

    def take_preorder(self, dialog: CustomerDialog, panel) -> None:
        """A pre-order with its deposit for the customer, over the customer dialog; said
        there once taken (its slip prints here)."""
        record = dialog.record
        preorder = PreorderDialog(self.ops, self.formats, customer_id=panel.customer_id,
                                  customer_label=f"{record.name} ({record.phone})",
                                  staff_id=self.staff.id, terminal=self.terminal,
                                  attempts=self.attempts, parent=dialog)

        def taken():
            posted = preorder.posted
            self.run_prints()
            dialog.tell(self.tr("Pre-order {preorder} taken: deposit {amount} ({doc})").format(
                preorder=posted.preorder_no, amount=self.formats.money(posted.amount),
                doc=posted.doc_no))

        self._open_over(dialog, preorder, on_accept=taken)

    def _open_account(self, dialog: CustomerDialog, customer_id: int) -> None:
        """An account for the customer, with the store's default limit and term: a
        manager's, or another's with a manager's approval on the spot."""
        def proceed(approval_id):
            self._run(account_ops.open_account(customer_id=customer_id,
                                               staff_id=self.staff.id,
                                               approval_id=approval_id,
                                               terminal=self.terminal),
                      lambda _view: (dialog.tell(self.tr("Account opened")),
                                     dialog.reload_account()),
                      refused=dialog.refuse, crashed=lambda: dialog.refuse(None))

        self._approve_then("account_open", f"customer:{customer_id}",
                           self.tr("open an account for this customer"), proceed,
                           over=dialog, refused=dialog.say)

    # quotes (Shift+F4) -------------------------------------------------------------------
    def quotes(self) -> None:
        """The quote dialog: save this sale as a quote, or open one as the sale."""
        if self.active_dialog is not None or self.staff is None or self.paying:
            return
        dialog = QuoteDialog(self.ops, self.formats, cart=self.cart,
                             customer=self.view.customer if self.view is not None else None,
                             staff_id=self.staff.id, terminal=self.terminal,
                             locale=self.context.locale, attempts=self.attempts, parent=self)
        dialog.open_requested.connect(lambda quote_no: self._open_quote(dialog, quote_no))
        self.open_dialog(dialog)

    def _open_quote(self, dialog: QuoteDialog, quote_no: str, approval_id=None) -> None:
        """The quote as the sale (the till's cart must be empty); an expired one with a
        manager's approval of its total."""
        if self.cart is not None and self.cart.billable_lines():
            dialog.refuse(self.tr("Park or finish this sale first: a quote opens as a new "
                                  "sale"))
            return

        def refused(error):
            dialog.refuse(error)  # said, and the dialog free again
            if getattr(error, "message_id", "") != "quote.expired" or approval_id is not None:
                return
            self._run(account_ops.quote_view(quote_no=quote_no),
                      lambda quote: self._approve_then(
                          "quote_after_expiry", f"quote:{quote.quote_no}",
                          self.tr("sell quote {quote} at its prices after {date}").format(
                              quote=quote.quote_no, date=self.formats.day(quote.valid_until)),
                          lambda approval: self._open_quote(dialog, quote_no, approval),
                          amount=quote.total, over=dialog, refused=dialog.refuse),
                      refused=dialog.refuse, crashed=lambda: dialog.refuse(None))

        self.change_cart(lambda: account_ops.open_quote(quote_no=quote_no,
                                                        staff_id=self.staff.id,
                                                        terminal=self.terminal,
                                                        approval_id=approval_id),
                         done=lambda _view: dialog.accept(), refused=refused,
                         crashed=lambda: dialog.refuse(None))
