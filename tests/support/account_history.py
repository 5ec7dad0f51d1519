"""A large account history in bulk, for the aging benchmark (benchmarks/aging.py): many
accounts over three stores, sales on account (invoice items), refunds to account (credit
items), payments received and write-offs (account documents with their items and
allocations). The rows are inserted directly (Core executemany, in chunks), not posted
through the services: what aging, overdue and statements read is all there, but the
journal does not seal it, so this data does not pass `journal verify`.

`open_share` is the part of the invoices still open: 0.2 (most paid, as a store runs),
or 1.0 (the worst case: nothing paid; payments then stay unapplied credits)."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import select, text

from pos.db.models import (
    AccountAllocation, AccountDocument, AccountItem, Customer, CustomerAccount, Sale, Staff,
    Store, Terminal,
)
from pos.store.details import ensure_store

CHUNK = 20_000
STORES = 3


def _chunks(conn, table, rows) -> None:
    for start in range(0, len(rows), CHUNK):
        conn.execute(table.insert(), rows[start:start + CHUNK])


def _stores(db) -> list[tuple[int, int]]:
    """(store id, its terminal id) for S01..S03."""
    ensure_store(db, code="S01", name="Store S01", terminal="T01")
    with db.write_connection() as conn:
        for n in range(2, STORES + 1):
            if conn.execute(select(Store.id).where(Store.code == f"S0{n}")).scalar() is None:
                store_id = conn.execute(Store.__table__.insert().values(
                    code=f"S0{n}", name=f"Store S0{n}", address="", phone="", tax_id="",
                    currency="CNY", locale="en", receipt_footer="").returning(
                    Store.id)).scalar_one()
                conn.execute(Terminal.__table__.insert().values(code=f"T0{n}", store_id=store_id,
                                                                name=""))
        return [tuple(r) for r in conn.execute(
            select(Store.id, Terminal.id).join(Terminal, Terminal.store_id == Store.id)
            .order_by(Store.id)).all()][:STORES]


def build_history(db, *, accounts: int = 10_000, documents: int = 500_000,
                  open_share: float = 0.2, today: date | None = None, seed: int = 19) -> dict:
    """Fill an empty, migrated database; returns counts of what it wrote."""
    today = today or date.today()
    rng = random.Random(seed)
    stores = _stores(db)
    now = datetime.now(timezone.utc)
    with db.write_connection() as conn:
        staff_id = conn.execute(Staff.__table__.insert().values(
            name="Bench", role="manager", pin_hash="x", active=True).returning(
            Staff.id)).scalar_one()
        first = conn.execute(select(text("coalesce(max(id), 0)")).select_from(
            Customer.__table__)).scalar()
        _chunks(conn, Customer.__table__, [
            {"phone": f"139{n:08d}", "name": f"Customer {n}", "kind": "business",
             "company": f"Company {n}", "created_at": now} for n in range(accounts)])
        customers = [first + 1 + n for n in range(accounts)]
        home = {c: stores[i % STORES] for i, c in enumerate(customers)}
        _chunks(conn, CustomerAccount.__table__, [
            {"customer_id": c, "store_id": home[c][0], "credit_limit": None, "term_days": 30,
             "state": "open", "balance": 0, "opened_at": now, "opened_by": staff_id,
             "transfer_note": ""} for c in customers])
        n_sales = int(documents * 0.70)
        n_refunds = int(documents * 0.04)
        n_payments = int(documents * 0.24)
        n_writeoffs = documents - n_sales - n_refunds - n_payments
        sales, items, sequences = [], [], {t: 0 for _, t in stores}
        invoices: dict[int, list[int]] = {}
        sale_id = conn.execute(select(text("coalesce(max(id), 0)")).select_from(
            Sale.__table__)).scalar()
        for n in range(n_sales + n_refunds):
            sale_id += 1
            customer = rng.choice(customers)
            store_id, terminal_id = rng.choice(stores) if rng.random() < 0.3 else home[customer]
            sequences[terminal_id] += 1
            day = today - timedelta(days=rng.randint(0, 400))
            refund = n >= n_sales
            amount = -rng.randint(1, 50) * 1000 if refund else rng.randint(5, 800) * 1000
            sales.append({
                "id": sale_id, "cart_uuid": f"bench-{sale_id:030d}",
                "receipt_no": f"T0{stores.index((store_id, terminal_id)) + 1}-"
                              f"{sequences[terminal_id]:07d}",
                "terminal_id": terminal_id, "sequence": sequences[terminal_id],
                "staff_id": staff_id, "customer_id": customer, "state": "completed",
                "completed_at": now, "business_date": day, "total": amount,
                "discount_total": 0, "vat_total": 0, "tendered": amount, "change_given": 0,
                "journal_hash": "0" * 64, "kind": "refund" if refund else "sale"})
            is_open = refund or rng.random() < open_share
            items.append({
                "customer_id": customer, "store_id": store_id,
                "kind": "sale_credit" if refund else "invoice", "sale_id": sale_id,
                "payment_position": 1, "doc_id": None, "amount": amount,
                "open_amount": amount if is_open or refund and open_share >= 1 else 0,
                "due_date": None if refund else day + timedelta(days=30), "opened_on": day})
            if refund and open_share < 1:
                items[-1]["open_amount"] = 0  # applied to its invoice at once
        _chunks(conn, Sale.__table__, sales)
        del sales
        docs, allocations = [], []
        doc_id = conn.execute(select(text("coalesce(max(id), 0)")).select_from(
            AccountDocument.__table__)).scalar()
        counters = {s: 0 for s, _ in stores}
        for n in range(n_payments + n_writeoffs):
            doc_id += 1
            customer = rng.choice(customers)
            store_id = home[customer][0]
            counters[store_id] += 1
            kind = "payment" if n < n_payments else "write_off"
            amount = rng.randint(5, 800) * 1000
            day = today - timedelta(days=rng.randint(0, 400))
            docs.append({
                "id": doc_id, "doc_no": f"S0{stores.index(home[customer]) + 1}-"
                                       f"{'RP' if kind == 'payment' else 'BD'}-{counters[store_id]:06d}",
                "kind": kind, "store_id": store_id, "customer_id": customer,
                "staff_id": staff_id, "amount": amount,
                "tender": "transfer" if kind == "payment" else None, "reason": "",
                "business_date": day, "posted_at": now, "request_id": f"bench-doc-{doc_id:026d}",
                "journal_hash": "0" * 64})
            items.append({
                "customer_id": customer, "store_id": store_id, "kind": kind, "sale_id": None,
                "payment_position": None, "doc_id": doc_id, "amount": -amount,
                "open_amount": -amount if open_share >= 1 else 0, "due_date": None,
                "opened_on": day})
        _chunks(conn, AccountDocument.__table__, docs)
        _chunks(conn, AccountItem.__table__, items)
        del items
        # allocations: each settled invoice by a payment of its customer's
        rows = conn.execute(select(AccountItem.id, AccountItem.customer_id, AccountItem.kind,
                                   AccountItem.amount, AccountItem.open_amount)).all()
        credits: dict[int, list[int]] = {}
        for row in rows:
            if row.kind in ("payment", "write_off"):
                credits.setdefault(row.customer_id, []).append(row.id)
            elif row.kind == "invoice" and row.open_amount == 0:
                invoices.setdefault(row.customer_id, []).append((row.id, row.amount))
        pay_doc = {i: d for i, d in conn.execute(select(AccountItem.id, AccountItem.doc_id)
                                                  .where(AccountItem.doc_id.isnot(None)))}
        for customer, settled in invoices.items():
            mine = credits.get(customer)
            if not mine:
                continue
            for item_id, amount in settled:
                credit = rng.choice(mine)
                allocations.append({"doc_id": pay_doc[credit], "debit_item_id": item_id,
                                    "credit_item_id": credit, "amount": int(amount)})
        _chunks(conn, AccountAllocation.__table__, allocations)
        conn.execute(text(
            "UPDATE customer_accounts SET balance = (SELECT coalesce(sum(amount), 0) FROM "
            "account_items WHERE account_items.customer_id = customer_accounts.customer_id)"))
    return {"accounts": accounts, "sales": n_sales, "refunds": n_refunds,
            "payments": n_payments, "write_offs": n_writeoffs,
            "allocations": len(allocations)}
