"""`journal verify` for customer accounts once the chain is walked (each account entry
was checked against its rows by pos.ledger.account_entries): the tables against what
the journal sealed (problems). The documents and allocations are all sealed, every
on-account payment of a sale has its item, open amounts and balances equal what the
items and allocations make them, each account's terms are its last sealed
`account_record`, each pre-order's deposit is what its documents and the sales that
spent it leave, each invoice request is its sealed event."""

from __future__ import annotations

import json

from sqlalchemy import and_, case, func, literal, or_, select, union_all

from pos.db.models import (
    AccountAllocation, AccountDocument as DocRow, AccountItem, AuditEvent, CustomerAccount,
    InvoiceRequest, JournalEntry, Payment, Preorder, Sale, Terminal,
)
from pos.kernel.enums import AccountDocKind, AccountState, ItemKind, PreorderState, Tender
from pos.kernel.money import to_decimal_string
from pos.ledger import chain
from pos.ledger.account_documents import sale_item_ref
from pos.ledger.account_records import account_values
from pos.ledger.account_tables import customer_label

DOCS = DocRow.__table__
ITEMS, ALLOCS = AccountItem.__table__, AccountAllocation.__table__
ACCOUNTS, PREORDERS = CustomerAccount.__table__, Preorder.__table__
PAYMENTS, SALES, REQUESTS = Payment.__table__, Sale.__table__, InvoiceRequest.__table__
ENTRIES = JournalEntry.__table__
INVOICE_REQUESTED = "invoice_requested"
_BATCH = 2000


def note_record(accounts: dict, event, details: dict) -> None:
    """An `account_record` event found good, noted for `_terms`: the account's last
    sealed values, who opened it (the first record's author), and who passed it to the
    big-account team and why (the record that first made it transferred)."""
    customer_id = int(event.ref)
    before = accounts.get(customer_id)
    record = {**details, "opened_by": event.staff_id, "transferred": False,
              "transferred_by": None, "transfer_note": ""}
    if before is not None:
        record |= {key: before[key] for key in (
            "opened_by", "transferred", "transferred_by", "transfer_note")}
    if details.get("state") == AccountState.TRANSFERRED.value and not record["transferred"]:
        record |= {"transferred": True, "transferred_by": event.staff_id,
                   "transfer_note": details.get("note") or ""}
    accounts[customer_id] = record


def problems(conn, facts) -> str | None:
    """What in the account tables disagrees with the journal, or None (the reconcile
    checks listed above; `facts`: a pos.ledger.reconcile.Facts with the account documents,
    allocations and account records found good). Each check is one pass over its table
    (GROUP BY and outer joins), a fixed handful of statements, whatever the history."""
    return (_documents(conn, facts) or _sale_items(conn) or _doc_items(conn)
            or _open_amounts(conn) or _balances(conn) or _terms(conn, facts.accounts)
            or _deposits(conn) or _invoice_requests(conn))


def _scan(conn, statement):
    return conn.execute(statement.execution_options(yield_per=_BATCH))


def _money(amount) -> str:
    return to_decimal_string(int(amount))


def _documents(conn, facts) -> str | None:
    """Every account document and allocation is one found good in the journal."""
    if conn.execute(select(func.count()).select_from(DOCS)).scalar_one() != facts.account_docs:
        sealed = ENTRIES.alias("sealed")
        doc_no = conn.execute(select(DOCS.c.doc_no).outerjoin(sealed, and_(
            sealed.c.doc_type == "account", sealed.c.doc_ref == DOCS.c.doc_no))
            .where(sealed.c.id.is_(None)).order_by(DOCS.c.id).limit(1)).scalar()
        if doc_no is None:
            return "an account document sealed in the journal was deleted"
        return f"account document {doc_no} is not in the journal"
    if conn.execute(select(func.count()).select_from(ALLOCS)).scalar_one() != facts.allocations:
        doc_no = conn.execute(select(DOCS.c.doc_no).select_from(ALLOCS.outerjoin(
            DOCS, DOCS.c.id == ALLOCS.c.doc_id)).order_by(ALLOCS.c.id.desc()).limit(1)).scalar()
        return (f"an allocation was added to or removed from account document "
                f"{doc_no or '(none)'}: the allocations sealed in the journal differ")
    return None


def _ref():
    """An item's reference (receipt/position or document number) in SQL terms: the
    columns to read with an item, joined through the sale or document it came from."""
    return SALES.c.receipt_no, ITEMS.c.payment_position, DOCS.c.doc_no


def _item_ref(receipt, position, doc_no) -> str:
    if receipt is not None:
        return sale_item_ref(receipt, position)
    return doc_no or "an item of no document"


def _items_joined():
    return (ITEMS.outerjoin(SALES, SALES.c.id == ITEMS.c.sale_id)
            .outerjoin(DOCS, DOCS.c.id == ITEMS.c.doc_id))


def _sale_items(conn) -> str | None:
    """Every on-account payment of a sale is one item, as the sale says (both ways)."""
    pay = PAYMENTS.alias("pay")
    till = Terminal.__table__.alias("till")
    kind = case((ITEMS.c.amount > 0, ItemKind.INVOICE.value), else_=ItemKind.SALE_CREDIT.value)
    wrong = or_(pay.c.sale_id.is_(None), pay.c.tender != Tender.ON_ACCOUNT.value,
                ITEMS.c.customer_id.is_distinct_from(SALES.c.customer_id),
                ITEMS.c.store_id.is_distinct_from(till.c.store_id),
                ITEMS.c.amount != pay.c.amount, ITEMS.c.kind != kind,
                ITEMS.c.due_date.is_distinct_from(pay.c.due_date),
                ITEMS.c.opened_on != SALES.c.business_date)
    for receipt, position in conn.execute(
            select(SALES.c.receipt_no, ITEMS.c.payment_position)
            .select_from(ITEMS.join(SALES, SALES.c.id == ITEMS.c.sale_id)
                         .outerjoin(pay, and_(pay.c.sale_id == ITEMS.c.sale_id,
                                              pay.c.position == ITEMS.c.payment_position))
                         .outerjoin(till, till.c.id == SALES.c.terminal_id))
            .where(ITEMS.c.sale_id.is_not(None), or_(wrong, wrong.is_(None)))
            .order_by(ITEMS.c.id).limit(1)):
        return (f"the account item of {sale_item_ref(receipt, position)} is not what the "
                "sale's on-account payment says (customer, store, amount, due date or date "
                "were changed)")
    orphan = conn.execute(select(ITEMS.c.id).outerjoin(SALES, SALES.c.id == ITEMS.c.sale_id)
                          .where(ITEMS.c.sale_id.is_not(None), SALES.c.id.is_(None))
                          .limit(1)).scalar()
    if orphan is not None:
        return f"account item #{orphan} belongs to no sealed sale"
    paid = PAYMENTS.join(SALES, SALES.c.id == PAYMENTS.c.sale_id)
    receipt = conn.execute(
        select(SALES.c.receipt_no).select_from(paid.outerjoin(ITEMS, and_(
            ITEMS.c.sale_id == PAYMENTS.c.sale_id,
            ITEMS.c.payment_position == PAYMENTS.c.position)))
        .where(PAYMENTS.c.tender == Tender.ON_ACCOUNT.value, PAYMENTS.c.amount != 0,
               SALES.c.customer_id.is_not(None), ITEMS.c.id.is_(None))
        .order_by(PAYMENTS.c.sale_id).limit(1)).scalar()
    if receipt is not None:
        return f"the on-account payment of {receipt} has no account item"
    return None


_OWN_ITEM = {AccountDocKind.PAYMENT.value: ItemKind.PAYMENT.value,
             AccountDocKind.WRITE_OFF.value: ItemKind.WRITE_OFF.value}


def _doc_items(conn) -> str | None:
    """A payment's or write-off's item is minus its amount, its customer, store and date;
    no other document has one, and none of those two is without it."""
    kind = case(*((DOCS.c.kind == doc, item) for doc, item in _OWN_ITEM.items()),
                else_=literal(""))
    wrong = or_(DOCS.c.id.is_(None), ITEMS.c.kind != kind, ITEMS.c.amount != -DOCS.c.amount,
                ITEMS.c.customer_id != DOCS.c.customer_id, ITEMS.c.store_id != DOCS.c.store_id,
                ITEMS.c.opened_on != DOCS.c.business_date, ITEMS.c.due_date.is_not(None),
                ITEMS.c.payment_position.is_not(None))
    for item_id, doc_no in conn.execute(
            select(ITEMS.c.id, DOCS.c.doc_no)
            .select_from(ITEMS.outerjoin(DOCS, DOCS.c.id == ITEMS.c.doc_id))
            .where(ITEMS.c.doc_id.is_not(None), or_(wrong, wrong.is_(None)))
            .order_by(ITEMS.c.id).limit(1)):
        if doc_no is None:
            return f"account item #{item_id} belongs to no sealed account document"
        return (f"the account item of {doc_no} is not what the document says (amount, "
                "customer, store or date were changed)")
    doc_no = conn.execute(select(DOCS.c.doc_no).outerjoin(ITEMS, ITEMS.c.doc_id == DOCS.c.id)
                          .where(DOCS.c.kind.in_(list(_OWN_ITEM)), ITEMS.c.id.is_(None))
                          .order_by(DOCS.c.id).limit(1)).scalar()
    if doc_no is not None:
        return f"account document {doc_no} has no item on its account: it was deleted"
    return None


def _open_amounts(conn) -> str | None:
    """open_amount = amount - what settled it (an invoice) + what it settled (a credit)."""
    debits = (select(ALLOCS.c.debit_item_id.label("item"), func.sum(ALLOCS.c.amount).label("a"))
              .group_by(ALLOCS.c.debit_item_id).subquery("debits"))
    credits = (select(ALLOCS.c.credit_item_id.label("item"), func.sum(ALLOCS.c.amount).label("a"))
               .group_by(ALLOCS.c.credit_item_id).subquery("credits"))
    expected = (ITEMS.c.amount - func.coalesce(debits.c.a, 0) + func.coalesce(credits.c.a, 0))
    for receipt, position, doc_no, customer, open_amount, should in conn.execute(
            select(*_ref(), ITEMS.c.customer_id, ITEMS.c.open_amount, expected)
            .select_from(_items_joined().outerjoin(debits, debits.c.item == ITEMS.c.id)
                         .outerjoin(credits, credits.c.item == ITEMS.c.id))
            .where(ITEMS.c.open_amount != expected).order_by(ITEMS.c.id).limit(1)):
        return (f"the open amount of {_item_ref(receipt, position, doc_no)} on the account of "
                f"{customer_label(conn, customer)} is {_money(open_amount)}, but its sealed "
                f"allocations leave {_money(should)}")
    return None


def _balances(conn) -> str | None:
    """Each account's balance is the sum of its items (an account without items: 0; items
    without an account: a deleted account)."""
    sums = (select(ITEMS.c.customer_id, func.sum(ITEMS.c.amount).label("total"))
            .group_by(ITEMS.c.customer_id).subquery("sums"))
    kept = (select(ACCOUNTS.c.customer_id, ACCOUNTS.c.balance,
                   func.coalesce(sums.c.total, 0).label("total"), literal(1).label("has"))
            .outerjoin(sums, sums.c.customer_id == ACCOUNTS.c.customer_id)
            .where(ACCOUNTS.c.balance != func.coalesce(sums.c.total, 0)))
    lost = (select(sums.c.customer_id, literal(0), sums.c.total, literal(0))
            .outerjoin(ACCOUNTS, ACCOUNTS.c.customer_id == sums.c.customer_id)
            .where(ACCOUNTS.c.customer_id.is_(None)))
    for customer, balance, total, has in conn.execute(union_all(kept, lost).limit(1)):
        label = customer_label(conn, customer)
        if not has:
            return (f"the account of {label} was deleted, but the documents sealed in the "
                    f"journal put {_money(total)} on it")
        return (f"the balance of the account of {label} is {_money(balance)}, but the "
                f"documents sealed in the journal make it {_money(total)}")
    return None


def _terms(conn, sealed: dict) -> str | None:
    """Each account row as its last sealed account_record (who opened it, who passed it
    to the big-account team and why, from the records that did)."""
    seen = 0
    for row in _scan(conn, select(ACCOUNTS).order_by(ACCOUNTS.c.customer_id)):
        record = sealed.get(row.customer_id)
        values = account_values(
            customer_id=row.customer_id, store_id=row.store_id,
            credit_limit=None if row.credit_limit is None else int(row.credit_limit),
            term_days=row.term_days, state=row.state)
        if record is None:
            return (f"the account of {customer_label(conn, row.customer_id)} was opened "
                    "outside the till: no sealed record opened it")
        if ({key: record.get(key) for key in values} != values
                or (row.opened_by, row.transferred_by, row.transfer_note or "",
                    row.transferred_at is not None) != (
                    record["opened_by"], record["transferred_by"], record["transfer_note"],
                    record["transferred"])):
            return (f"the account of {customer_label(conn, row.customer_id)} is not as last "
                    "sealed: its credit limit, term, state or store was changed outside the "
                    "till")
        seen += 1
    if seen != len(sealed):
        return "an account sealed in the journal was deleted"
    return None


def _deposits(conn) -> str | None:
    """A pre-order's deposit held and state follow from its deposits (DP), the deposit
    paid back (DR) and the sale that spent it (a `deposit` payment naming it); its
    customer, store, who took it and when are its first deposit's."""
    def per_kind(kind, name):
        return (select(DOCS.c.preorder_id, func.sum(DOCS.c.amount).label("total"),
                       func.min(DOCS.c.id).label("first"))
                .where(DOCS.c.kind == kind.value, DOCS.c.preorder_id.is_not(None))
                .group_by(DOCS.c.preorder_id).subquery(name))
    taken, back = per_kind(AccountDocKind.DEPOSIT, "taken"), per_kind(
        AccountDocKind.DEPOSIT_REFUND, "back")
    used = (select(PAYMENTS.c.reference, SALES.c.customer_id,
                   func.sum(PAYMENTS.c.amount).label("total"),
                   func.min(SALES.c.id).label("sale"), func.count().label("n"))
            .select_from(PAYMENTS.join(SALES, SALES.c.id == PAYMENTS.c.sale_id))
            .where(PAYMENTS.c.tender == Tender.DEPOSIT.value)
            .group_by(PAYMENTS.c.reference, SALES.c.customer_id).subquery("used"))
    first = DOCS.alias("first_dp")
    refund = DOCS.alias("refund")
    rows = _scan(conn, select(
        PREORDERS.c.preorder_no, PREORDERS.c.deposit_held, PREORDERS.c.state,
        PREORDERS.c.completed_sale_id, PREORDERS.c.cancelled_at, PREORDERS.c.customer_id,
        PREORDERS.c.store_id, PREORDERS.c.created_by, PREORDERS.c.created_at,
        taken.c.total.label("taken"), back.c.total.label("back"), used.c.total.label("used"),
        used.c.sale, used.c.n, first.c.customer_id.label("dp_customer"),
        first.c.store_id.label("dp_store"), first.c.staff_id.label("dp_staff"),
        first.c.posted_at.label("dp_at"), first.c.doc_no.label("dp_no"),
        refund.c.posted_at.label("dr_at"))
        .select_from(PREORDERS.outerjoin(taken, taken.c.preorder_id == PREORDERS.c.id)
                     .outerjoin(back, back.c.preorder_id == PREORDERS.c.id)
                     .outerjoin(used, and_(used.c.reference == PREORDERS.c.preorder_no,
                                           used.c.customer_id == PREORDERS.c.customer_id))
                     .outerjoin(first, first.c.id == taken.c.first)
                     .outerjoin(refund, refund.c.id == back.c.first))
        .order_by(PREORDERS.c.id))
    for row in rows:
        number = row.preorder_no
        if row.taken is None:
            return f"pre-order {number} has no deposit sealed in the journal"
        held = int(row.taken) - int(row.back or 0) - int(row.used or 0)
        if row.back is not None:
            state, sale, cancelled = PreorderState.CANCELLED, None, row.dr_at
        elif row.used is not None:
            state, sale, cancelled = PreorderState.COMPLETED, row.sale, None
        else:
            state, sale, cancelled = PreorderState.OPEN, None, None
        if (int(row.deposit_held), row.state) != (held, state):
            return (f"pre-order {number} holds {_money(row.deposit_held)} and is "
                    f"{row.state.value}, but its sealed documents leave {_money(held)} held "
                    f"and make it {state.value}")
        if (row.completed_sale_id, row.cancelled_at) != (sale, cancelled) or (row.n or 0) > 1:
            return (f"pre-order {number} is not as its sealed documents leave it: the sale "
                    "that spent its deposit or when it was cancelled was changed")
        if (row.customer_id, row.store_id, row.created_by, chain.sealed_time(row.created_at)) != (
                row.dp_customer, row.dp_store, row.dp_staff, chain.sealed_time(row.dp_at)):
            return (f"pre-order {number} is not as its deposit {row.dp_no} was sealed (customer, "
                    "store, who took it or when were changed)")
    paid = PAYMENTS.join(SALES, SALES.c.id == PAYMENTS.c.sale_id)
    spent = conn.execute(
        select(SALES.c.receipt_no).select_from(paid.outerjoin(PREORDERS, and_(
            PREORDERS.c.preorder_no == PAYMENTS.c.reference,
            PREORDERS.c.customer_id == SALES.c.customer_id)))
        .where(PAYMENTS.c.tender == Tender.DEPOSIT.value, PREORDERS.c.id.is_(None))
        .order_by(SALES.c.id).limit(1)).scalar()
    if spent is not None:
        return f"{spent} was paid with a deposit of no pre-order of its customer"
    return None


# The snapshot an invoice_requested event seals, by the row's column.
_SNAPSHOT = ("company", "tax_id", "address", "phone", "bank_name", "bank_account")


def _invoice_requests(conn) -> str | None:
    """Each invoice request is its sealed `invoice_requested` event: the sale, the
    customer, who asked, and the details as they were."""
    events = AuditEvent.__table__
    for row in _scan(conn, select(REQUESTS, SALES.c.receipt_no, SALES.c.customer_id.label(
            "sale_customer"), events.c.action, events.c.staff_id.label("by"),
            events.c.at.label("event_at"),
            events.c.details_json)
            .select_from(REQUESTS.outerjoin(SALES, SALES.c.id == REQUESTS.c.sale_id)
                         .outerjoin(events, events.c.id == REQUESTS.c.event_id))
            .order_by(REQUESTS.c.id)):
        receipt = row.receipt_no or f"sale #{row.sale_id}"
        if row.action != INVOICE_REQUESTED:
            return f"the invoice request of {receipt} was made outside the till: no sealed event"
        try:
            details = json.loads(row.details_json)
        except ValueError:
            details = {}
        wanted = {key: details.get(key) or "" for key in _SNAPSHOT if key in details}
        have = {key: getattr(row, key) or "" for key in wanted}
        sale_ok = all(details.get(key) == value for key, value in (
            ("sale", row.sale_id), ("sale_id", row.sale_id), ("receipt", row.receipt_no),
            ("customer", row.customer_id), ("customer_id", row.customer_id))
            if key in details)
        if (wanted != have or not wanted or not sale_ok or row.staff_id != row.by
                or row.sale_customer != row.customer_id or row.requested_at != row.event_at):
            return (f"the invoice request of {receipt} is not as it was sealed (the company, "
                    "tax id, bank details or sale were changed)")
    for ref, event_id in conn.execute(  # on ix_audit_events_action
            select(events.c.ref, events.c.id)
            .outerjoin(REQUESTS, REQUESTS.c.event_id == events.c.id)
            .where(events.c.action == INVOICE_REQUESTED, REQUESTS.c.id.is_(None))
            .order_by(events.c.id).limit(1)):
        return f"the invoice request sealed as event #{event_id} ({ref}) was deleted"
    return None
