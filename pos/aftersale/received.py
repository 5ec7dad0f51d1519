"""What a sale has actually brought in, for its refunds: money never goes back to a
customer who did not pay it. A sale paid on account brought in only what the customer
has since paid against its invoice; the rest goes back to the account (lowering what is
owed), never out of the drawer or to a card."""

from __future__ import annotations

from sqlalchemy import func, select

from pos.db.models import AccountAllocation, AccountItem, Payment, Sale
from pos.kernel.enums import ItemKind, Tender


def refundable_as_money(conn, sale_id: int) -> int | None:
    """How much of the sale may still go back other than to its account: what it was
    paid otherwise, plus what payments settled of its on-account invoice, less what its
    refunds already paid back otherwise. None when the sale was not paid on account
    (any way it was paid, as before)."""
    on_account = int(conn.execute(select(func.coalesce(func.sum(Payment.amount), 0)).where(
        Payment.sale_id == sale_id, Payment.tender == Tender.ON_ACCOUNT)).scalar())
    if on_account <= 0:
        return None
    otherwise = int(conn.execute(select(func.coalesce(func.sum(Payment.amount), 0)).where(
        Payment.sale_id == sale_id, Payment.tender != Tender.ON_ACCOUNT)).scalar())
    debit, credit = AccountItem.__table__.alias("debit"), AccountItem.__table__.alias("credit")
    settled = int(conn.execute(
        select(func.coalesce(func.sum(AccountAllocation.amount), 0))
        .join(debit, debit.c.id == AccountAllocation.debit_item_id)
        .join(credit, credit.c.id == AccountAllocation.credit_item_id)
        .where(debit.c.sale_id == sale_id, credit.c.kind == ItemKind.PAYMENT.value)).scalar())
    back = int(conn.execute(select(func.coalesce(func.sum(Payment.amount), 0)).join(
        Sale, Sale.id == Payment.sale_id).where(
        Sale.original_sale_id == sale_id, Payment.tender != Tender.ON_ACCOUNT)).scalar())
    return max(0, otherwise + settled + back)  # refunds' payments are negative
