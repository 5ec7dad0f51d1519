"""What every account posting shares: exactly once by request id, the store's number
for the document, the till and shift money crossed, and the answer (PostedAccount)."""

from __future__ import annotations

import re
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from pos.accounts.records import PostedAccount
from pos.db.engine import Database
from pos.db.models import AccountDocument as DocRow, AccountItem, CustomerAccount, Store, Terminal
from pos.kernel.enums import AccountDocKind
from pos.kernel.errors import UserError
from pos.ledger.account_documents import Allocation, account_doc_number
from pos.ledger.account_tables import load_account_document, next_account_number
from pos.ledger.drawer import shift_for_sale
from pos.ledger.stock_opening import home_store

_REQUEST_ID = re.compile(r"[A-Za-z0-9-]{8,36}")


def check_request_id(request_id) -> str:
    """An id the caller made for this attempt (a uuid4); anything else is a bug there."""
    if not (isinstance(request_id, str) and _REQUEST_ID.fullmatch(request_id)):
        raise ValueError("a request id is a uuid4 string")
    return request_id


def check_amount(amount) -> int:
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise UserError("account.payment_not_positive")
    return amount


def doc_number(conn, store_id: int, kind: AccountDocKind) -> str:
    code = conn.execute(select(Store.code).where(Store.id == store_id)).scalar()
    return account_doc_number(code, kind, next_account_number(conn, store_id, kind))


def till(conn, terminal: str | None) -> tuple[int | None, int]:
    """(terminal id, its store id) of a till's code, or (None, the home store)."""
    if not terminal:
        return None, home_store(conn)
    row = conn.execute(select(Terminal.id, Terminal.store_id).where(
        Terminal.code == terminal)).first()
    if row is None:
        raise UserError("terminal.not_set_up", terminal=terminal)
    return row.id, row.store_id


def take_shift(conn, terminal_id: int | None, staff_id: int) -> int | None:
    """The till's open shift, locked (a new one when none is open, as for a sale); taken
    after the document's number, as every writer's lock order."""
    return None if terminal_id is None else shift_for_sale(conn, terminal_id, staff_id)


def applied_of(allocations) -> tuple[tuple[str, int], ...]:
    """(invoice ref, amount) per invoice settled, by ref."""
    out: dict[str, int] = {}
    for allocation in allocations:
        out[allocation.debit] = out.get(allocation.debit, 0) + allocation.amount
    return tuple(sorted(out.items()))


def posted(conn, doc_id: int, *, replayed: bool = False) -> PostedAccount:
    document = load_account_document(conn, doc_id)
    balance = conn.execute(select(CustomerAccount.balance).where(
        CustomerAccount.customer_id == document.customer_id)).scalar()
    own = conn.execute(select(AccountItem.open_amount).where(
        AccountItem.doc_id == doc_id)).scalar()
    return PostedAccount(document.doc_no, document.amount, int(balance or 0),
                         applied_of(document.allocations), -int(own or 0), replayed)


def once(db: Database, request_id: str, kind: AccountDocKind,
         write: Callable[..., PostedAccount]) -> PostedAccount:
    """`write(conn)` in one write transaction, unless this request posted already: then
    the document it posted (replayed=True). Two attempts racing: the second loses on the
    unique request id and gets the first's answer."""
    request_id = check_request_id(request_id)

    def replay(conn) -> PostedAccount | None:
        row = conn.execute(select(DocRow.id, DocRow.kind).where(
            DocRow.request_id == request_id)).first()
        if row is None:
            return None
        if AccountDocKind(row.kind) is not kind:
            raise ValueError("this request id was used for another kind of document")
        return posted(conn, row.id, replayed=True)

    try:
        with db.write_connection() as conn:
            done = replay(conn)
            if done is not None:
                return done
            return write(conn)
    except (IntegrityError, UserError):
        with db.read_connection() as conn:
            done = replay(conn)
        if done is None:
            raise
        return done


def allocations_from(plan, credits, own_ref: str) -> tuple[Allocation, ...]:
    """The allocations for `plan` ((invoice, amount) pairs): the open credits given
    ((ref, amount) oldest first) are used first, then the document's own amount."""
    out: list[Allocation] = []
    pool = [[ref, amount] for ref, amount in credits if amount > 0]
    for item, part in plan:
        while part > 0 and pool:
            use = min(part, pool[0][1])
            out.append(Allocation(item.ref, pool[0][0], use))
            pool[0][1] -= use
            part -= use
            if pool[0][1] == 0:
                pool.pop(0)
        if part > 0:
            out.append(Allocation(item.ref, own_ref, part))
    return tuple(out)
