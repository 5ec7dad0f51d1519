"""Customer accounts at the till and on the manager's accounts screen (ui.accounts):
an account and the customer's invoice details, opening an account, a payment on account,
the transfer to the big-account team, aging and overdue, statements; the open pre-orders
a deposit can pay with; quotes saved, listed, opened and printed (pos.accounts).

Each posting takes the request id the screen made for that attempt (ops.Attempts), so a
retry after the database failed never posts twice. Services load lazily, inside the
calls."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pos.kernel.errors import UserError

if TYPE_CHECKING:
    from pos.selling.cart import Cart
    from ui.ops.running import Call



@dataclass(frozen=True)
class AccountPanel:
    """What the customer dialog shows of a customer's account: the AccountView (None:
    no account), the customer's invoice details (field -> text) and whether they are
    complete enough to ask for a fapiao."""

    customer_id: int
    kind: str
    account: object | None = None  # pos.accounts.records.AccountView
    details: dict = field(default_factory=dict)

    @property
    def invoice_ready(self) -> bool:
        return all(self.details.get(name) for name in ("company", "tax_id"))


@dataclass(frozen=True)
class OpenPreorder:
    """A customer's open pre-order with a deposit held: what the Deposit tender spends."""

    preorder_no: str
    product: str
    deposit_held: int
    gift: str = ""


@dataclass(frozen=True)
class PayOptions:
    """What the payment dialog offers a customer: On account (`account_ok`, else the
    message id saying why not), the deposits of their open pre-orders, the invoice
    toggle."""

    account_ok: bool = False
    account_why: UserError | None = None
    preorders: tuple[OpenPreorder, ...] = ()
    invoice_ready: bool = False


def _details(db, customer_id: int) -> tuple[str, str, dict]:
    from pos.people.customers import customer_details

    info, details = customer_details(db, customer_id=customer_id)
    return info.kind.value, f"{info.name} ({info.phone})", details


def _account_or_none(db, customer_id: int):
    from pos.accounts.accounts import account_view

    try:
        return account_view(db, customer=customer_id)
    except UserError as error:
        if error.message_id != "account.none":
            raise
        return None


def _slips(db, terminal: str | None, tender: str) -> tuple:
    """The slip of an account document taken at a till (print job kind account), queued
    in its transaction; cash kicks the drawer. None away from a till."""
    if not terminal:
        return ()
    from pos.kernel.enums import JobKind, Tender
    from pos.printjobs.print_queue import PrintRequest, printer_config

    config = printer_config(db, terminal=terminal)
    return (PrintRequest(JobKind.ACCOUNT, config.receipt_uri, open_drawer=tender == Tender.CASH,
                         options={"paper_mm": config.paper_mm, "encoding": config.encoding}),)


def account_panel(*, customer_id: int) -> Call[AccountPanel]:
    def call(db):
        kind, _label, details = _details(db, customer_id)
        return AccountPanel(customer_id, kind, _account_or_none(db, customer_id), details)
    return call


def _open_preorders(db, customer_id: int) -> tuple[OpenPreorder, ...]:
    from pos.accounts.preorders import list_preorders
    from pos.kernel.enums import PreorderState

    return tuple(OpenPreorder(p.preorder_no, p.product_name, p.deposit_held, p.gift)
                 for p in list_preorders(db, customer=customer_id, state=PreorderState.OPEN)
                 if p.deposit_held > 0)


def pay_options(*, customer_id: int | None) -> Call[PayOptions]:
    """What the payment dialog offers: On account only with an open account (else why
    not), Deposit with the customer's open pre-orders, the invoice toggle with invoice
    details. No customer: no account (`account.needs_customer`)."""
    def call(db):
        from pos.kernel.enums import AccountState

        if customer_id is None:
            return PayOptions(account_why=UserError("tender.account_needs_customer"))
        _kind, label, details = _details(db, customer_id)
        account = _account_or_none(db, customer_id)
        why = None
        if account is None:
            why = UserError("account.none", customer=label)
        elif account.state is not AccountState.OPEN:
            why = UserError("account.transferred", customer=account.customer.label)
        ready = bool(details.get("company") and details.get("tax_id"))
        return PayOptions(account_ok=why is None, account_why=why,
                          preorders=_open_preorders(db, customer_id), invoice_ready=ready)
    return call


def open_account(*, customer_id: int, staff_id: int, approval_id: int | None,
                 terminal: str | None) -> Call:
    """An account with the store's default limit and term for the customer's kind."""
    def call(db):
        from pos.accounts.accounts import open_account as opened

        return opened(db, customer=customer_id, staff_id=staff_id, approval_id=approval_id,
                      terminal=terminal)
    return call


def take_payment(*, customer_id: int, amount: int, tender: str, staff_id: int,
                 terminal: str | None, invoices: tuple[tuple[str, int], ...] = (),
                 as_credit: bool = False, reference: str | None = None,
                 request_id: str) -> Call:
    """A payment on account: `invoices` are (invoice ref, amount to apply) picked first,
    then the oldest due; the rest kept as credit when `as_credit`. At a till its slip is
    queued with it (kind account; a cash payment opens the drawer). Returns PostedAccount
    (replayed when this request id was posted already)."""
    def call(db):
        from pos.accounts import payments

        picks = tuple(payments.InvoicePick(ref, part) for ref, part in invoices)
        slips = _slips(db, terminal, tender)
        return payments.take_payment(db, customer=customer_id, amount=amount, tender=tender,
                                     staff_id=staff_id, terminal=terminal, invoices=picks,
                                     as_credit=as_credit, reference=reference,
                                     request_id=request_id, print_requests=slips)
    return call


def transfer_account(*, customer, staff_id: int, note: str,
                     approval_id: int | None = None) -> Call:
    def call(db):
        from pos.accounts.accounts import transfer_to_big_accounts

        return transfer_to_big_accounts(db, customer=customer, staff_id=staff_id, note=note,
                                        approval_id=approval_id)
    return call


def save_details(*, customer_id: int, details: dict) -> Call:
    """The customer's invoice details (company, tax id, address, phone, bank)."""
    def call(db):
        from pos.people.customers import update_customer

        return update_customer(db, customer_id=customer_id, **details)
    return call


def _write(path: str, data: bytes) -> str:
    from pos.kernel.errors import os_reason

    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise UserError("file.cannot_write", path=path, reason=os_reason(exc)) from exc
    return path


def _header(db, terminal: str):
    from pos.printjobs.records import store_header
    from pos.store.details import store_info

    return store_header(store_info(db, terminal=terminal))


# the accounts screen ---------------------------------------------------------------------
def aging(*, store: str | None = None) -> Call:
    def call(db):
        from pos.accounts.aging import aging as aged

        return aged(db, store=store)
    return call


def overdue(*, store: str | None = None) -> Call:
    def call(db):
        from pos.accounts.aging import overdue as late

        return late(db, store=store)
    return call


def statement_pdf(*, customer, path: str, locale: str, terminal: str) -> Call[str]:
    """The customer's statement as a PDF written to `path`."""
    def call(db):
        from pos.accounts.statements import statement
        from printing.account_pdf import statement_pdf as render

        from pos.store.details import store_info

        data = render(statement(db, customer=customer), locale=locale,
                      store=store_info(db, terminal=terminal))
        return _write(path, data)
    return call


def arrivals(*, store: str | None) -> Call:
    def call(db):
        from pos.accounts.preorders import arrivals as arrived

        return arrived(db, store=store)
    return call


def preorders(*, store: str | None = None, state: str | None = "open") -> Call:
    def call(db):
        from pos.accounts.preorders import list_preorders

        return list_preorders(db, store=store, state=state)
    return call


def take_preorder(*, customer, code: str, deposit: int, tender: str, staff_id: int,
                  terminal: str | None, request_id: str, gift: str = "",
                  quantity: int = 1) -> Call:
    """A pre-order with its deposit (pos.accounts.preorders.take_preorder); at a till its
    slip is queued with it (cash: the drawer opens)."""
    def call(db):
        from pos.accounts.preorders import take_preorder as taken

        return taken(db, customer=customer, code=code, quantity=quantity, deposit=deposit,
                     tender=tender, gift=gift, staff_id=staff_id, terminal=terminal,
                     request_id=request_id, print_requests=_slips(db, terminal, tender))
    return call


def mark_called(*, preorder_no: str, staff_id: int) -> Call:
    def call(db):
        from pos.accounts.preorders import mark_called as called

        return called(db, preorder_no=preorder_no, staff_id=staff_id)
    return call


def cancel_preorder(*, preorder_no: str, staff_id: int, approval_id: int | None, tender: str,
                    terminal: str | None, request_id: str) -> Call:
    def call(db):
        from pos.accounts.preorders import cancel_preorder as cancelled

        return cancelled(db, preorder_no=preorder_no, staff_id=staff_id,
                         approval_id=approval_id, tender=tender, terminal=terminal,
                         request_id=request_id, print_requests=_slips(db, terminal, tender))
    return call


# quotes ------------------------------------------------------------------------------------
def save_quote(cart: Cart, *, valid_until, staff_id: int, note: str = "",
               request_id: str) -> Call:
    def call(db):
        from pos.accounts.quotes import save_quote as saved

        return saved(db, cart, customer_id=cart.customer_id, valid_until=valid_until,
                     staff_id=staff_id, note=note, request_id=request_id)
    return call


def list_quotes(*, customer_id: int | None = None, state=("open", "accepted"),
                store: str | None = None) -> Call:
    """The quotes in `state` (one, several, or None: all) of the store (None: every
    store), newest first, the customer's first."""
    def call(db):
        from pos.accounts.quotes import list_quotes as listed

        states = state if isinstance(state, tuple) else (state,)

        def of(**who):
            found = [q for one in states for q in listed(db, state=one, store=store, **who)]
            return sorted(found, key=lambda q: q.created_at, reverse=True)

        quotes = of()
        if customer_id is not None:
            theirs = {q.quote_no for q in of(customer=customer_id)}
            quotes.sort(key=lambda q: q.quote_no not in theirs)
        return tuple(quotes)
    return call


def open_quote(*, quote_no: str, staff_id: int, terminal: str,
               approval_id: int | None = None) -> Call:
    """The quote as the till's cart (at its prices); refused quote.expired without a
    manager's approval once past its date. Returns the TillView of the new cart."""
    def call(db):
        from pos.accounts.quotes import open_quote as opened
        from ui.ops.cart import read_view

        cart = opened(db, quote_no=quote_no.strip().upper(), staff_id=staff_id,
                      terminal=terminal, approval_id=approval_id)
        units = cart.main_units()
        return read_view(db, cart, units[0].line_id if units else None)
    return call


def quote_pdf(*, quote_no: str, path: str, locale: str, terminal: str) -> Call[str]:
    def call(db):
        from pos.accounts.quotes import quote_view
        from printing.quote_pdf import quote_pdf as render

        data = render(quote_view(db, quote_no=quote_no), locale=locale,
                      store=_header(db, terminal))
        return _write(path, data)
    return call


def quote_report(*, start, end) -> Call:
    def call(db):
        from pos.accounts.quote_report import quote_report as report

        return report(db, start=start, end=end)
    return call


def quote_view(*, quote_no: str) -> Call:
    def call(db):
        from pos.accounts.quotes import quote_view as viewed

        return viewed(db, quote_no=quote_no.strip().upper())
    return call
