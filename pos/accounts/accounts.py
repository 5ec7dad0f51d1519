"""Opening an account, changing its terms, passing it to the big-account team, and
looking at it. Opening and changing terms is a manager's (action account_open); the term
never exceeds the store's `account_days` for the customer's kind, and the limit starts
at the store's `account_credit_limit` for that kind (None: no limit). Each change is
sealed as an `account_record` (pos.ledger.account_records)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from pos.accounts.records import AccountView, CustomerRef, OpenInvoice
from pos.db.engine import Database
from pos.db.models import Customer, CustomerAccount, Terminal
from pos.kernel.clock import utcnow
from pos.kernel.enums import AccountState, CustomerKind, ItemKind, Team
from pos.kernel.errors import UserError
from pos.ledger import audit
from pos.ledger.account_records import seal_account
from pos.ledger.account_tables import lock_account, open_items
from pos.ledger.stock_opening import home_store
from pos.people.customers import normalise_phone
from pos.people.permissions import authorise
from pos.store.settings import get_setting

KIND_NAMES = {CustomerKind.CONSUMER: "customer_kind.consumer",
              CustomerKind.BUSINESS: "customer_kind.business"}
DEFAULT = object()  # the store's setting, for a credit limit not given
ID_DIGITS = 9  # a customer's id (#123): more digits name no customer (and overflow a column)
NOTE_MAX = 200


def resolve_customer(conn, customer) -> CustomerRef:
    """A customer by phone (any way it is written), `#id`, or id."""
    c = None
    table = Customer.__table__
    text = str(customer).strip() if customer is not None else ""
    if isinstance(customer, int) and not isinstance(customer, bool) \
            and 0 < customer < 10 ** ID_DIGITS:
        c = conn.execute(select(table).where(table.c.id == customer)).first()
    elif text.startswith("#") and text[1:].isdigit() and len(text) <= ID_DIGITS + 1:
        c = conn.execute(select(table).where(table.c.id == int(text[1:]))).first()
    elif text:
        try:
            phone = normalise_phone(text)
        except UserError:
            phone = None
        if phone is not None:
            c = conn.execute(select(table).where(table.c.phone == phone)).first()
    if c is None:
        raise UserError("customer.unknown", customer=text[:40])
    return CustomerRef(c.id, c.phone, c.name, CustomerKind(c.kind), c.company)


def store_for(conn, terminal: str | None) -> int:
    """The store of the till (its code), or the database's home store."""
    if terminal:
        found = conn.execute(select(Terminal.store_id).where(Terminal.code == terminal)).scalar()
        if found is None:
            raise UserError("terminal.not_set_up", terminal=terminal)
        return found
    return home_store(conn)


def _terms(conn, kind: CustomerKind, credit_limit, term_days):
    most = get_setting(conn, "account_days")[kind.value]
    term = most if term_days is None else term_days
    if isinstance(term, bool) or not isinstance(term, int) or term < 0 or term > most:
        raise UserError("account.term_too_long", kind=KIND_NAMES[kind], most=most)
    if credit_limit is DEFAULT:
        credit_limit = get_setting(conn, "account_credit_limit")[kind.value]
    if credit_limit is not None and (isinstance(credit_limit, bool)
                                     or not isinstance(credit_limit, int) or credit_limit < 0):
        raise UserError("account.limit_negative")
    return credit_limit, term


def open_account(db: Database, *, customer, staff_id: int, credit_limit=DEFAULT,
                 term_days: int | None = None, approval_id: int | None = None,
                 terminal: str | None = None) -> AccountView:
    with db.write_connection() as conn:
        ref = resolve_customer(conn, customer)
        authorise(conn, action="account_open", ref=f"customer:{ref.id}", staff_id=staff_id,
                  approval_id=approval_id)
        if conn.execute(select(CustomerAccount.customer_id).where(
                CustomerAccount.customer_id == ref.id)).scalar() is not None:
            raise UserError("account.exists", customer=ref.label)
        limit, term = _terms(conn, ref.kind, credit_limit, term_days)
        store_id = store_for(conn, terminal)
        conn.execute(CustomerAccount.__table__.insert().values(
            customer_id=ref.id, store_id=store_id, credit_limit=limit, term_days=term,
            state=AccountState.OPEN.value, balance=0, opened_at=utcnow(), opened_by=staff_id,
            transfer_note=""))
        seal_account(conn, by=staff_id, customer_id=ref.id, store_id=store_id,
                     credit_limit=limit, term_days=term, state=AccountState.OPEN, note="opened")
    return account_view(db, customer=ref.id)


def change_terms(db: Database, *, customer, staff_id: int, credit_limit=DEFAULT,
                 term_days: int | None = None, approval_id: int | None = None) -> AccountView:
    """A new limit and/or term (a limit below what is owed only stops new sales)."""
    with db.write_connection() as conn:
        ref = resolve_customer(conn, customer)
        authorise(conn, action="account_open", ref=f"customer:{ref.id}", staff_id=staff_id,
                  approval_id=approval_id)
        row = lock_account(conn, ref.id)
        if row is None:
            raise UserError("account.none", customer=ref.label)
        limit = row.credit_limit if credit_limit is DEFAULT else credit_limit
        limit, term = _terms(conn, ref.kind, limit, row.term_days if term_days is None
                             else term_days)
        conn.execute(CustomerAccount.__table__.update().where(
            CustomerAccount.customer_id == ref.id).values(credit_limit=limit, term_days=term))
        seal_account(conn, by=staff_id, customer_id=ref.id, store_id=row.store_id,
                     credit_limit=limit, term_days=term, state=row.state, note="terms")
    return account_view(db, customer=ref.id)


def transfer_to_big_accounts(db: Database, *, customer, staff_id: int, note: str,
                             approval_id: int | None = None) -> AccountView:
    """The account passes to the big-account team: no more sales on account here; the
    hand-over (who, when, why) is recorded on the account and sealed."""
    note = (note or "").strip()[:NOTE_MAX]
    with db.write_connection() as conn:
        ref = resolve_customer(conn, customer)
        authorise(conn, action="account_transfer", ref=f"customer:{ref.id}",
                  staff_id=staff_id, approval_id=approval_id)
        row = lock_account(conn, ref.id)
        if row is None:
            raise UserError("account.none", customer=ref.label)
        if row.state == AccountState.TRANSFERRED.value:
            raise UserError("account.transferred", customer=ref.label)
        now = utcnow()
        conn.execute(CustomerAccount.__table__.update().where(
            CustomerAccount.customer_id == ref.id).values(
            state=AccountState.TRANSFERRED.value, transferred_at=now, transferred_by=staff_id,
            transfer_note=note))
        conn.execute(Customer.__table__.update().where(Customer.id == ref.id).values(
            team=Team.BIG_ACCOUNTS.value, handed_over_at=now, handed_over_by=staff_id))
        seal_account(conn, by=staff_id, customer_id=ref.id, store_id=row.store_id,
                     credit_limit=None if row.credit_limit is None else int(row.credit_limit),
                     term_days=row.term_days, state=AccountState.TRANSFERRED, note=note)
        audit.record(conn, staff_id=staff_id, action="handover", ref=f"customer:{ref.id}",
                     details={"customer": ref.id, "team": Team.BIG_ACCOUNTS.value,
                              "to_staff": None, "note": note})
    return account_view(db, customer=ref.id)


def account_view(db: Database, *, customer, today: date | None = None) -> AccountView:
    today = today or date.today()
    with db.read_connection() as conn:
        ref = resolve_customer(conn, customer)
        row = conn.execute(select(CustomerAccount.__table__).where(
            CustomerAccount.customer_id == ref.id)).first()
        if row is None:
            raise UserError("account.none", customer=ref.label)
        items = open_items(conn, ref.id)
    invoices, overdue, oldest, credit = [], 0, 0, 0
    for item in items:
        if item.open_amount < 0:
            credit -= item.open_amount
            continue
        days = max(0, (today - item.due_date).days) if item.due_date else 0
        if days:
            overdue += item.open_amount
            oldest = max(oldest, days)
        receipt = item.ref.rpartition("/")[0] if item.kind is ItemKind.INVOICE else None
        invoices.append(OpenInvoice(item.ref, receipt, item.amount, item.open_amount,
                                    item.due_date, item.opened_on, days))
    balance = int(row.balance)
    limit = None if row.credit_limit is None else int(row.credit_limit)
    return AccountView(ref, AccountState(row.state), limit, row.term_days, balance, overdue,
                       oldest, credit, None if limit is None else max(0, limit - balance),
                       tuple(invoices), row.transfer_note)
