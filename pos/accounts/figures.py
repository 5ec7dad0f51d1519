"""The account money of a period, for the day report and the X/Z figures: sales on
account and refunds to account (from the sales' `on_account` payments), payments
received per tender and write-offs (account documents), and deposits taken, refunded,
used as a tender and held at the end. None of it is takings: a sale on account brings
no money in; a payment received or a deposit taken does, and is shown apart.

Scope as the day report's: a terminal code, a store code, or every store (None). Amounts
are positive minor units (what was refunded, written off...), per tender where money
crossed a counter. A handful of grouped queries, whatever the period's length."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import case, func, select

from pos.db.models import AccountDocument, Payment, Preorder, Sale, Store, Terminal
from pos.kernel.enums import AccountDocKind, Tender
from pos.kernel.errors import UserError


@dataclass(frozen=True)
class AccountFigures:
    start: date
    end: date
    sales_on_account: int = 0  # charged to accounts (not takings)
    refunds_to_account: int = 0  # refunds and voids put back on accounts
    payments: dict[str, int] = field(default_factory=dict)  # received, per tender
    write_offs: int = 0
    deposits_taken: dict[str, int] = field(default_factory=dict)  # per tender
    deposits_refunded: dict[str, int] = field(default_factory=dict)  # per tender
    deposits_used: int = 0  # spent as a tender on the sales that completed pre-orders
    deposits_held: int = 0  # held at the end of the period (a liability)

    @property
    def payments_total(self) -> int:
        return sum(self.payments.values())

    @property
    def deposits_net(self) -> int:
        """Deposit money in less deposit money paid back in the period."""
        return sum(self.deposits_taken.values()) - sum(self.deposits_refunded.values())

    @property
    def takings(self) -> dict[str, int]:
        """What the period's account documents brought into the drawers and accounts, per
        tender: payments received plus deposits taken less deposits paid back."""
        out: dict[str, int] = {}
        for source, sign in ((self.payments, 1), (self.deposits_taken, 1),
                             (self.deposits_refunded, -1)):
            for tender, amount in source.items():
                out[tender] = out.get(tender, 0) + sign * amount
        return {t: a for t, a in sorted(out.items()) if a}

    @property
    def empty(self) -> bool:
        """Nothing to show: the report leaves the section out."""
        return not (self.sales_on_account or self.refunds_to_account or self.payments
                    or self.write_offs or self.deposits_taken or self.deposits_refunded
                    or self.deposits_used or self.deposits_held)


def _scope(conn, terminal: str | None, store: str | None) -> tuple[int | None, int | None]:
    """(terminal id, store id) of the codes given; an unknown code is refused."""
    terminal_id = store_id = None
    if terminal:
        row = conn.execute(select(Terminal.id, Terminal.store_id).where(
            Terminal.code == terminal)).first()
        if row is None:
            raise UserError("terminal.not_set_up", terminal=terminal)
        terminal_id, store_id = row.id, row.store_id
    if store:
        found = conn.execute(select(Store.id).where(Store.code == store)).scalar()
        if found is None:
            raise UserError("store.unknown_code", code=store)
        store_id = found
    return terminal_id, store_id


def _sale_payments(conn, start, end, terminal_id, store_id):
    sign = case((Payment.amount > 0, 1), else_=-1)
    # The period's sales first (their date is indexed), then their payments: a filter on
    # the tender here would tempt the planner to walk every payment ever taken.
    query = (select(Payment.tender, sign, func.sum(Payment.amount))
             .select_from(Sale).join(Payment, Payment.sale_id == Sale.id)
             .where(Sale.business_date >= start, Sale.business_date <= end))
    if terminal_id is not None:
        query = query.where(Sale.terminal_id == terminal_id)
    elif store_id is not None:
        query = query.join(Terminal, Terminal.id == Sale.terminal_id).where(
            Terminal.store_id == store_id)
    return [row for row in conn.execute(query.group_by(Payment.tender, sign)).all()
            if row[0] in (Tender.ON_ACCOUNT, Tender.DEPOSIT)]


def _documents(conn, start, end, terminal_id, store_id):
    query = (select(AccountDocument.kind, AccountDocument.tender,
                    func.sum(AccountDocument.amount))
             .where(AccountDocument.business_date >= start,
                    AccountDocument.business_date <= end))
    if terminal_id is not None:
        query = query.where(AccountDocument.terminal_id == terminal_id)
    elif store_id is not None:
        query = query.where(AccountDocument.store_id == store_id)
    return conn.execute(query.group_by(AccountDocument.kind, AccountDocument.tender)).all()


def _held_at(conn, end: date, store_id: int | None) -> int:
    """Deposits held at the end of `end`: taken less paid back less spent, up to then
    (for the store; a terminal's figures show its store's)."""
    docs = select(AccountDocument.kind, func.sum(AccountDocument.amount)).where(
        AccountDocument.business_date <= end,
        AccountDocument.kind.in_((AccountDocKind.DEPOSIT, AccountDocKind.DEPOSIT_REFUND)))
    if store_id is not None:
        docs = docs.where(AccountDocument.store_id == store_id)
    held = 0
    for kind, amount in conn.execute(docs.group_by(AccountDocument.kind)).all():
        held += int(amount) if AccountDocKind(kind) is AccountDocKind.DEPOSIT else -int(amount)
    # Spent by the sales that completed pre-orders by then: a deposit is spent whole,
    # so each such pre-order's deposit documents (read from the few pre-orders, never by
    # scanning the history of payments).
    used = (select(func.coalesce(func.sum(AccountDocument.amount), 0))
            .select_from(Preorder)
            .join(Sale, Sale.id == Preorder.completed_sale_id)
            .join(AccountDocument, AccountDocument.preorder_id == Preorder.id)
            .where(AccountDocument.kind == AccountDocKind.DEPOSIT,
                   Sale.business_date <= end))
    if store_id is not None:
        used = used.where(Preorder.store_id == store_id)
    return held - int(conn.execute(used).scalar())


def account_figures(conn, *, start: date, end: date, terminal: str | None = None,
                    store: str | None = None) -> AccountFigures:
    """The account figures of business days [start, end] in scope (inside the caller's
    read connection)."""
    terminal_id, store_id = _scope(conn, terminal, store)
    on_account = refunded = used = 0
    for tender, sign, amount in _sale_payments(conn, start, end, terminal_id, store_id):
        amount = int(amount)
        if Tender(tender) is Tender.DEPOSIT:
            used += amount
        elif int(sign) > 0:
            on_account += amount
        else:
            refunded -= amount
    payments: dict[str, int] = {}
    taken: dict[str, int] = {}
    back: dict[str, int] = {}
    written_off = 0
    for kind, tender, amount in _documents(conn, start, end, terminal_id, store_id):
        kind, amount = AccountDocKind(kind), int(amount)
        name = Tender(tender).value if tender else ""
        if kind is AccountDocKind.PAYMENT:
            payments[name] = payments.get(name, 0) + amount
        elif kind is AccountDocKind.WRITE_OFF:
            written_off += amount
        elif kind is AccountDocKind.DEPOSIT:
            taken[name] = taken.get(name, 0) + amount
        elif kind is AccountDocKind.DEPOSIT_REFUND:
            back[name] = back.get(name, 0) + amount
    return AccountFigures(start, end, on_account, refunded, dict(sorted(payments.items())),
                          written_off, dict(sorted(taken.items())), dict(sorted(back.items())),
                          used, _held_at(conn, end, store_id))
