"""The upgrade to customer accounts (revision 0015), inside the migration: every
on-account payment already sold becomes an item on its customer's account (an invoice,
or a credit when it put money back), open for its whole amount (nothing could pay it
before), and each such customer gets an account: open, no credit limit (the store sets
one), the term the store's setting `account_days` gave their kind. The items follow from
sealed sales; each account's terms are sealed as an `account_record` event."""

from __future__ import annotations

import json

from sqlalchemy import text

from pos.kernel.clock import utcnow
from pos.kernel.enums import AccountState
from pos.ledger.account_records import seal_account

DEFAULT_DAYS = {"consumer": 3, "business": 30}


def _account_days(conn) -> dict:
    raw = conn.execute(text("SELECT value_json FROM settings WHERE key = 'account_days'")).scalar()
    try:
        days = {**DEFAULT_DAYS, **json.loads(raw)} if raw else dict(DEFAULT_DAYS)
    except (ValueError, TypeError):
        days = dict(DEFAULT_DAYS)
    return days


def adopt_on_account(conn) -> None:
    conn.execute(text(
        "INSERT INTO account_items (customer_id, store_id, kind, sale_id, payment_position, "
        "doc_id, amount, open_amount, due_date, opened_on) "
        "SELECT s.customer_id, t.store_id, CASE WHEN p.amount > 0 THEN 'invoice' "
        "ELSE 'sale_credit' END, s.id, p.position, NULL, p.amount, p.amount, p.due_date, "
        "s.business_date FROM payments p JOIN sales s ON s.id = p.sale_id "
        "JOIN terminals t ON t.id = s.terminal_id "
        "WHERE p.tender = 'on_account' AND p.amount <> 0 AND s.customer_id IS NOT NULL "
        "ORDER BY s.id, p.position"))
    rows = conn.execute(text(
        "SELECT i.customer_id, min(i.store_id), sum(i.amount), c.kind FROM account_items i "
        "JOIN customers c ON c.id = i.customer_id GROUP BY i.customer_id, c.kind "
        "ORDER BY i.customer_id")).all()
    if not rows:
        return
    days = _account_days(conn)
    now = utcnow()
    for customer_id, store_id, balance, kind in rows:
        values = dict(customer_id=customer_id, store_id=store_id, credit_limit=None,
                      term_days=int(days.get(kind, DEFAULT_DAYS.get(kind, 3))),
                      state=AccountState.OPEN.value, balance=int(balance), opened_at=now,
                      opened_by=None, transfer_note="")
        conn.execute(text(
            "INSERT INTO customer_accounts (customer_id, store_id, credit_limit, term_days, "
            "state, balance, opened_at, opened_by, transfer_note) VALUES (:customer_id, "
            ":store_id, :credit_limit, :term_days, :state, :balance, :opened_at, :opened_by, "
            ":transfer_note)"), values)
        seal_account(conn, by=None, customer_id=customer_id, store_id=store_id,
                     credit_limit=None, term_days=values["term_days"], state=AccountState.OPEN,
                     note="adopted at upgrade")
