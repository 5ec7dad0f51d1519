"""A bad debt written off (S01-BD-000001): by a manager (money action
account_write_off, bound to the amount), with a reason, never more than the account
owes. Like a payment it settles the chosen invoices first, then the oldest due, after
the account's unapplied credits; it moves no money through a till."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from pos.accounts.accounts import resolve_customer
from pos.accounts.payments import account_row, chosen_items
from pos.accounts.posting import allocations_from, check_amount, doc_number, once, posted
from pos.accounts.records import PostedAccount
from pos.db.engine import Database
from pos.kernel.clock import utcnow
from pos.kernel.enums import AccountDocKind
from pos.kernel.errors import UserError
from pos.kernel.text import clean_text
from pos.ledger.account_documents import AccountDocument, allocate_oldest_first
from pos.ledger.account_tables import open_items, write_account_document
from pos.ledger.stock_opening import home_store
from pos.people.permissions import authorise

REASON_MAX = 200


def write_off(db: Database, *, customer, amount: int, reason: str, staff_id: int,
              approval_id: int | None = None, invoices: Sequence = (), request_id: str,
              today: date | None = None) -> PostedAccount:
    amount = check_amount(amount)
    reason = clean_text(reason, max_length=REASON_MAX, field="field.reason")
    if not reason:
        raise UserError("account.write_off_reason")

    def write(conn) -> PostedAccount:
        ref = resolve_customer(conn, customer)
        auth = authorise(conn, action="account_write_off", ref=f"customer:{ref.id}",
                         staff_id=staff_id, approval_id=approval_id, amount=amount)
        row = account_row(conn, ref)
        owed = max(int(row.balance), 0)
        if amount > owed:
            raise UserError("account.write_off_over_open", open=owed, asked=amount)
        items = open_items(conn, ref.id)
        opened = {item.ref: item for item in items if item.open_amount > 0}
        chosen = chosen_items(conn, ref.id, invoices, opened)
        credits = [(item.ref, -item.open_amount) for item in items if item.open_amount < 0]
        store_id = home_store(conn)
        doc_no = doc_number(conn, store_id, AccountDocKind.WRITE_OFF)
        plan = allocate_oldest_first(list(opened.values()), amount + sum(c for _, c in credits),
                                     chosen)
        written = write_account_document(conn, AccountDocument(
            kind=AccountDocKind.WRITE_OFF, doc_no=doc_no, store_id=store_id,
            customer_id=ref.id, business_date=today or date.today(), posted_at=utcnow(),
            request_id=request_id, amount=amount, staff_id=auth.staff_id,
            approved_by=auth.approved_by, reason=reason,
            allocations=allocations_from(plan, credits, doc_no)))
        return posted(conn, written.doc_id)

    return once(db, request_id, AccountDocKind.WRITE_OFF, write)
