"""The account side of a sale document (called by pos.ledger.tables once its payments
are written): each `on_account` payment becomes one item on the customer's account (an
invoice when it charges, a credit when a refund or void puts money back on account), and
a `deposit` payment spends a pre-order's deposit, whole and once. The sale's sealed
payload does not change: the items follow from it, and `journal verify` checks they do.

The credit limit is checked where it cannot be raced: one conditional UPDATE of the
account's row, after the journal's head (the till checked first, for its message)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import func, select

from pos.kernel.enums import (
    AccountDocKind,
    AccountState,
    DocumentKind,
    ItemKind,
    PreorderState,
    Tender,
)
from pos.kernel.errors import UserError
from pos.ledger.account_tables import (
    ACCOUNTS,
    DOCS,
    ITEMS,
    PREORDERS,
    SALES,
    customer_label,
)

_TENDERS = (Tender.ON_ACCOUNT, Tender.DEPOSIT)


def overdue_amount(conn, customer_id: int, today: date) -> tuple[int, int]:
    """(amount, days) the account owes past its due dates on `today` (0, 0 when none)."""
    row = conn.execute(select(func.coalesce(func.sum(ITEMS.c.open_amount), 0),
                              func.min(ITEMS.c.due_date)).where(
        ITEMS.c.customer_id == customer_id, ITEMS.c.open_amount > 0,
        ITEMS.c.due_date < today)).first()
    amount, oldest = int(row[0]), row[1]
    return (amount, (today - oldest).days) if amount > 0 and oldest is not None else (0, 0)


def _charge(conn, document, payment, store_id: int, blocks_overdue: Callable[[], bool]):
    customer = document.customer_id
    if customer is None:
        raise UserError("tender.account_needs_customer")
    changed = conn.execute(ACCOUNTS.update().where(
        ACCOUNTS.c.customer_id == customer, ACCOUNTS.c.state == AccountState.OPEN.value,
        ACCOUNTS.c.credit_limit.is_(None)
        | (ACCOUNTS.c.balance + payment.amount <= ACCOUNTS.c.credit_limit))
        .values(balance=ACCOUNTS.c.balance + payment.amount)).rowcount
    if changed != 1:
        row = conn.execute(select(ACCOUNTS).where(ACCOUNTS.c.customer_id == customer)).first()
        label = customer_label(conn, customer)
        if row is None:
            raise UserError("account.none", customer=label)
        if row.state != AccountState.OPEN.value:
            raise UserError("account.transferred", customer=label)
        raise UserError("account.over_limit", customer=label, limit=int(row.credit_limit),
                        balance=int(row.balance), amount=payment.amount)
    if blocks_overdue():
        amount, days = overdue_amount(conn, customer, document.business_date)
        if amount:
            raise UserError("account.overdue", customer=customer_label(conn, customer),
                            amount=amount, days=days)
    return ItemKind.INVOICE


def _credit(conn, document, payment) -> ItemKind:
    changed = conn.execute(ACCOUNTS.update().where(
        ACCOUNTS.c.customer_id == document.customer_id)
        .values(balance=ACCOUNTS.c.balance + payment.amount)).rowcount
    if changed != 1:
        raise UserError("account.none", customer=customer_label(conn, document.customer_id))
    return ItemKind.SALE_CREDIT


def _spend_deposit(conn, document, payment, sale_id: int) -> None:
    number = payment.reference or ""
    changed = conn.execute(PREORDERS.update().where(
        PREORDERS.c.preorder_no == number, PREORDERS.c.customer_id == document.customer_id,
        PREORDERS.c.state == PreorderState.OPEN.value,
        PREORDERS.c.deposit_held == payment.amount)
        .values(deposit_held=0, state=PreorderState.COMPLETED.value,
                completed_sale_id=sale_id)).rowcount
    if changed == 1:
        _as_taken(conn, number, document.customer_id, payment.amount)
        return
    row = conn.execute(select(PREORDERS).where(PREORDERS.c.preorder_no == number)).first()
    if row is None:
        raise UserError("preorder.unknown", preorder=number)
    if row.customer_id != document.customer_id:
        raise UserError("deposit.other_customer", preorder=number)
    if row.state == PreorderState.COMPLETED.value:
        receipt = conn.execute(select(SALES.c.receipt_no).where(
            SALES.c.id == row.completed_sale_id)).scalar()
        raise UserError("deposit.already_used", preorder=number, receipt=receipt or "")
    if row.state == PreorderState.CANCELLED.value:
        raise UserError("preorder.cancelled", preorder=number)
    raise UserError("deposit.not_whole", held=int(row.deposit_held))


def _as_taken(conn, number: str, customer_id: int, held: int) -> None:
    """The deposit spent is what its sealed DEPOSIT document took from this customer (the
    pre-order's cached deposit_held and customer could have been edited in the database
    file: never spend money never taken, nor another's). An open pre-order has one
    deposit and no refund."""
    taken = int(conn.execute(select(func.coalesce(func.sum(DOCS.c.amount), 0)).select_from(
        DOCS.join(PREORDERS, PREORDERS.c.id == DOCS.c.preorder_id)).where(
        PREORDERS.c.preorder_no == number, DOCS.c.kind == AccountDocKind.DEPOSIT.value,
        DOCS.c.customer_id == customer_id))
        .scalar())
    if taken != held:
        raise UserError("deposit.not_as_taken", preorder=number, held=held, taken=taken)


def post_sale_account(conn, document, sale_id: int, store_id: int, *,
                      blocks_overdue: Callable[[], bool] = lambda: False) -> None:
    """The account items and deposits of a sale document's payments (nothing for a sale
    paid otherwise). `blocks_overdue()`: the store's setting account_block_overdue,
    asked only for a sale on account."""
    for payment in document.payments:
        if payment.tender not in _TENDERS or payment.amount == 0:
            continue
        if payment.tender is Tender.DEPOSIT:
            if payment.amount < 0:  # a void gives every payment back as it was taken
                raise UserError("deposit.not_voided" if document.kind is DocumentKind.VOID
                                else "deposit.not_refund_tender")
            _spend_deposit(conn, document, payment, sale_id)
            continue
        kind = (_charge(conn, document, payment, store_id, blocks_overdue)
                if payment.amount > 0 else _credit(conn, document, payment))
        conn.execute(ITEMS.insert().values(
            customer_id=document.customer_id, store_id=store_id, kind=kind.value,
            sale_id=sale_id, payment_position=payment.position, doc_id=None,
            amount=payment.amount, open_amount=payment.amount, due_date=payment.due_date,
            opened_on=document.business_date))
