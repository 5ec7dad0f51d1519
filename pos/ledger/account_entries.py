"""`journal verify` of account entries as the chain is walked (pos.ledger.verify): each
account entry against its document's rows (check_entry; a batch of entries' documents
read at once by read_batch), and at a shift's Z report, the shift's account documents
against those found good before it (shift_documents). What the tables hold once the
walk is done is pos.ledger.account_reconcile's."""

from __future__ import annotations

from sqlalchemy import and_, func, or_, select

from pos.db.models import JournalEntry, Product
from pos.ledger.account_documents import PreorderTerms, sale_item_ref
from pos.ledger.account_tables import (
    ALLOCS, DOCS, ITEMS, PREORDERS, SALES, account_from_parts, account_from_rows,
)

ENTRIES = JournalEntry.__table__


def _refs(conn, item_ids: list[int]) -> dict[int, str]:
    """Item id -> its reference (receipt/position, or its document's number)."""
    rows = conn.execute(select(ITEMS.c.id, SALES.c.receipt_no, ITEMS.c.payment_position,
                               DOCS.c.doc_no)
                        .select_from(ITEMS.outerjoin(SALES, SALES.c.id == ITEMS.c.sale_id)
                                     .outerjoin(DOCS, DOCS.c.id == ITEMS.c.doc_id))
                        .where(ITEMS.c.id.in_(item_ids)))
    return {item_id: sale_item_ref(receipt, position) if receipt is not None else doc_no
            for item_id, receipt, position, doc_no in rows}


def read_batch(conn, doc_nos: list[str]) -> dict:
    """The account documents of a batch of journal entries, rebuilt from their rows with
    four statements whatever their number: doc_no -> (row, document)."""
    docs = conn.execute(select(DOCS).where(DOCS.c.doc_no.in_(doc_nos))).all()
    if not docs:
        return {}
    ids = [row.id for row in docs]
    allocations: dict[int, list] = {}
    for row in conn.execute(select(ALLOCS.c.doc_id, ALLOCS.c.debit_item_id,
                                   ALLOCS.c.credit_item_id, ALLOCS.c.amount)
                            .where(ALLOCS.c.doc_id.in_(ids)).order_by(ALLOCS.c.id)):
        allocations.setdefault(row.doc_id, []).append(row)
    items = sorted({a.debit_item_id for rows in allocations.values() for a in rows}
                   | {a.credit_item_id for rows in allocations.values() for a in rows})
    refs = _refs(conn, items) if items else {}
    wanted = sorted({row.preorder_id for row in docs if row.preorder_id is not None})
    terms = {p.id: PreorderTerms(p.preorder_no, p.product_id, p.sku or "", p.quantity, p.gift,
                                 None if p.price is None else int(p.price))
             for p in conn.execute(select(PREORDERS, Product.sku).outerjoin(
                 Product, Product.id == PREORDERS.c.product_id)
                 .where(PREORDERS.c.id.in_(wanted)))} if wanted else {}
    return {row.doc_no: (row, account_from_parts(
        row, allocations.get(row.id, ()), refs,
        terms.get(row.preorder_id))) for row in docs}  # a pre-order gone: altered


def check_entry(conn, entry, payload_matches, batch: dict | None = None
                ) -> tuple[str | None, object]:
    """An account entry against its document's rows: (problem or None, the document).
    `batch`: the batch's documents read at once (read_batch), or None to read this one."""
    if batch is not None:
        doc, document = batch.get(entry.doc_ref, (None, None))
    else:
        doc = conn.execute(select(DOCS).where(DOCS.c.doc_no == entry.doc_ref)).first()
        document = account_from_rows(conn, doc) if doc is not None else None
    if doc is None:
        return f"account document {entry.doc_ref} was deleted", None
    if not payload_matches(document.payload(), entry.payload):
        return f"account document {entry.doc_ref} was altered", None
    if doc.journal_hash != entry.hash:
        return f"account document {entry.doc_ref}'s seal does not match its entry", None
    if doc.posted_at != entry.created_at:
        return f"account document {entry.doc_ref}'s time was changed", None
    return None, document


def shift_documents(conn, entry, shift_id: int, facts) -> str | None:
    """At a shift's Z report: its account documents are the ones found good before it
    (from a checkpoint, also those sealed before the checkpoint); another one is named."""
    in_table = select(func.count()).select_from(DOCS).where(DOCS.c.shift_id == shift_id)
    found = facts.shift_account_docs.get(shift_id, 0)
    if facts.anchor_time is not None and entry.seq > facts.anchor_seq:
        found += conn.execute(in_table.where(DOCS.c.posted_at <= facts.anchor_time)).scalar_one()
    elif facts.anchor_time is not None:  # the checkpoint itself: all before it
        return None
    if conn.execute(in_table).scalar_one() == found:
        return None
    sealed = ENTRIES.alias("sealed")
    for doc_no, seq in conn.execute(
            select(DOCS.c.doc_no, sealed.c.seq).outerjoin(sealed, and_(
                sealed.c.doc_type == "account", sealed.c.doc_ref == DOCS.c.doc_no))
            .where(DOCS.c.shift_id == shift_id,
                   or_(sealed.c.seq.is_(None), sealed.c.seq > entry.seq))
            .order_by(DOCS.c.id).limit(1)):
        if seq is None:
            return f"account document {doc_no} is not in the journal"
        return f"account document {doc_no} was posted in shift {shift_id} after its Z report"
    return f"an account document of shift {shift_id} is not in the journal"
