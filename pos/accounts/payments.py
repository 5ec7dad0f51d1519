"""A payment received on a customer's account (S01-RP-000001): cash at a till (in its
shift), a card, a bank transfer, WeChat Pay or Alipay. It settles what is open: the
account's unapplied credits are applied first, then the invoices chosen (each up to what
is open), then the oldest due. More than the account owes is refused unless it is
recorded as a credit (kept open for the next invoices). Exactly once by request id."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from pos.accounts.accounts import resolve_customer
from pos.accounts.posting import (
    allocations_from, check_amount, doc_number, once, posted, take_shift, till,
)
from pos.accounts.records import PostedAccount
from pos.db.engine import Database
from pos.db.models import AccountItem, CustomerAccount, Sale
from pos.kernel.clock import utcnow
from pos.kernel.enums import AccountDocKind, ItemKind, Tender
from pos.kernel.errors import UserError
from pos.ledger.account_documents import AccountDocument, allocate_oldest_first
from pos.ledger.account_tables import OpenItem, item_by_ref, open_items, write_account_document
from pos.printjobs.print_queue import PrintRequest, job_rows
from pos.db.models import PrintJob
from pos.selling.cart import TenderInput, payment_fields

TENDERS = (Tender.CASH, Tender.BANK_CARD, Tender.BANK_TRANSFER, Tender.WECHAT, Tender.ALIPAY)


@dataclass(frozen=True)
class InvoicePick:
    """An invoice chosen for a payment: its receipt (T01-000042) or item ref
    (T01-000042/1), and how much of it (None: all that is open)."""

    ref: str
    amount: int | None = None


def tender_of(value) -> Tender:
    try:
        tender = Tender(value)
    except ValueError:
        raise UserError("account.bad_tender") from None
    if tender not in TENDERS:
        raise UserError("account.bad_tender")
    return tender


def _pick(value) -> InvoicePick:
    if isinstance(value, InvoicePick):
        return value
    if isinstance(value, str):
        return InvoicePick(value)
    ref, amount = value
    return InvoicePick(ref, amount)


def _items_named(conn, ref: str, customer_id: int, opened: dict[str, OpenItem]) -> list[OpenItem]:
    """The account's open invoice items a pick names; refusals say why none."""
    ref = ref.strip().upper()
    if "/" in ref:
        wanted = [opened[ref]] if ref in opened else []
        found = item_by_ref(conn, ref)
        owners = [] if found is None else [conn.execute(select(AccountItem.customer_id).where(
            AccountItem.id == found.id)).scalar()]
    else:
        wanted = [item for r, item in opened.items() if r.rpartition("/")[0] == ref]
        owners = conn.execute(select(AccountItem.customer_id).join(
            Sale, Sale.id == AccountItem.sale_id).where(
            Sale.receipt_no == ref, AccountItem.kind == ItemKind.INVOICE)).scalars().all()
    wanted = [item for item in wanted if item.kind is ItemKind.INVOICE]
    if wanted:
        return wanted
    if not owners:
        raise UserError("account.invoice_unknown", receipt=ref)
    if customer_id not in owners:
        raise UserError("account.invoice_other_customer", receipt=ref)
    raise UserError("account.invoice_settled", receipt=ref)


def chosen_items(conn, customer_id: int, picks: Iterable, opened: dict[str, OpenItem]):
    """(item, amount) for each pick, checked: known, this account's, open, and no more
    than is open."""
    chosen = []
    for pick in map(_pick, picks):
        items = _items_named(conn, pick.ref, customer_id, opened)
        open_total = sum(item.open_amount for item in items)
        asked = open_total if pick.amount is None else pick.amount
        if isinstance(asked, bool) or not isinstance(asked, int) or asked <= 0:
            raise UserError("account.payment_not_positive")
        if asked > open_total:
            raise UserError("account.pick_over_open", receipt=pick.ref.strip().upper(),
                            open=open_total, asked=asked)
        for item in items:
            part = min(asked, item.open_amount)
            if part > 0:
                chosen.append((item, part))
                asked -= part
    return chosen


def account_row(conn, ref):
    row = conn.execute(select(CustomerAccount.__table__).where(
        CustomerAccount.customer_id == ref.id)).first()
    if row is None:
        raise UserError("account.none", customer=ref.label)
    return row


def take_payment(db: Database, *, customer, amount: int, tender, staff_id: int,
                 terminal: str | None = None, invoices: Sequence = (), as_credit: bool = False,
                 reference: str | None = None, card_last4: str | None = None,
                 request_id: str, print_requests: Sequence[PrintRequest] = (),
                 today: date | None = None) -> PostedAccount:
    """Post a payment received (see the module). `invoices`: InvoicePick, receipt or
    (ref, amount) items. At a till the slip's print job (kind account) is queued in the
    same transaction from `print_requests`."""
    tender = tender_of(tender)
    amount = check_amount(amount)

    def write(conn) -> PostedAccount:
        ref = resolve_customer(conn, customer)
        if tender is Tender.CASH and not terminal:
            raise UserError("account.cash_needs_till")
        reference_text, last4 = payment_fields(TenderInput(tender, amount, reference=reference,
                                                           card_last4=card_last4))
        terminal_id, store_id = till(conn, terminal)
        doc_no = doc_number(conn, store_id, AccountDocKind.PAYMENT)
        shift_id = take_shift(conn, terminal_id, staff_id)
        row = account_row(conn, ref)
        balance = int(row.balance)
        if amount > balance and not as_credit:
            raise UserError("account.payment_over_balance", amount=amount, balance=max(balance, 0))
        items = open_items(conn, ref.id)
        opened = {item.ref: item for item in items if item.open_amount > 0}
        chosen = chosen_items(conn, ref.id, invoices, opened)
        credits = [(item.ref, -item.open_amount) for item in items if item.open_amount < 0]
        plan = allocate_oldest_first(list(opened.values()), amount + sum(c for _, c in credits),
                                     chosen)
        allocations = allocations_from(plan, credits, doc_no)
        written = write_account_document(conn, AccountDocument(
            kind=AccountDocKind.PAYMENT, doc_no=doc_no, store_id=store_id, customer_id=ref.id,
            business_date=today or date.today(), posted_at=utcnow(), request_id=request_id,
            amount=amount, tender=tender, reference=reference_text, card_last4=last4,
            terminal_id=terminal_id, shift_id=shift_id, staff_id=staff_id,
            allocations=allocations))
        if terminal_id is not None and print_requests:
            conn.execute(PrintJob.__table__.insert(), job_rows(terminal_id, doc_no, print_requests))
        return posted(conn, written.doc_id)

    return once(db, request_id, AccountDocKind.PAYMENT, write)
