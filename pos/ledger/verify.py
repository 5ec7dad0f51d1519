"""`pos journal verify`: walk the chain from its start and rebuild every sealed document
from the live tables, so an edited, deleted or reordered document breaks the chain at
its first change. Each kind of sealed document is checked by the ledger module that
owns its shape: sales and corrections (documents), audit events (audit), Z reports
(drawer)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select

from pos.db.engine import Database
from pos.db.models import JournalEntry, JournalHead, Sale, Shift, Terminal
from pos.ledger import audit
from pos.ledger.chain import GENESIS, canonical, chain_hash
from pos.ledger.documents import load_document
from pos.ledger.drawer import shift_figures, z_document

SALE_TYPES = ("sale", "addon", "refund", "void")


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    problem: str | None = None


def _check_z(session, entry: JournalEntry) -> str | None:
    terminal, z_text = entry.doc_ref.rsplit("-Z", 1)
    shift = session.execute(select(Shift.__table__).join(Terminal).where(
        Terminal.code == terminal, Shift.z_number == int(z_text))).first()
    if shift is None:
        return "the closed shift was deleted"
    report = shift_figures(session.connection(), terminal, shift)
    counts = {int(k): v for k, v in json.loads(shift.counted_json).items()}
    document = z_document(terminal, shift.z_number, report, shift.counted_cash, counts,
                          shift.closed_at, shift.closed_by)
    if canonical(document) != entry.payload or shift.journal_hash != entry.hash:
        return "the Z report or its shift was altered"
    return None


def _check_sale(session, entry: JournalEntry) -> str | None:
    sale = session.scalar(select(Sale).where(Sale.receipt_no == entry.doc_ref))
    if sale is None:
        return "the sale was deleted"
    if canonical(load_document(session.connection(), sale.id).payload()) != entry.payload:
        return "the sale was altered"
    if sale.journal_hash != entry.hash:
        return "the sale's seal does not match"
    return None


def verify(db: Database) -> VerifyResult:
    """Walk the chain; report the first altered, deleted or reordered document."""
    with db.read() as session:
        previous, expected_seq, checked = GENESIS, 1, 0
        for entry in session.scalars(select(JournalEntry).order_by(JournalEntry.seq)):
            where = f"journal #{entry.seq} ({entry.doc_type} {entry.doc_ref})"
            if entry.seq != expected_seq:
                return VerifyResult(False, checked, f"journal #{expected_seq} is missing: an entry was deleted or moved")
            if entry.prev_hash != previous:
                return VerifyResult(False, checked, f"{where}: out of order or replaced")
            if chain_hash(entry.prev_hash, entry.payload) != entry.hash:
                return VerifyResult(False, checked, f"{where}: the journal entry was altered")
            problem = None
            if entry.doc_type == "audit":
                problem = audit.check_sealed(session, entry)
            elif entry.doc_type == "z":
                problem = _check_z(session, entry)
            elif entry.doc_type in SALE_TYPES:
                problem = _check_sale(session, entry)
            if problem:
                return VerifyResult(False, checked, f"{where}: {problem}")
            previous, expected_seq, checked = entry.hash, expected_seq + 1, checked + 1
        head = session.get(JournalHead, 1)
        if head.last_seq != checked or head.last_hash != previous:
            return VerifyResult(False, checked, f"the chain ends at #{checked} but its head says "
                                                f"#{head.last_seq}: entries were removed")
        unsealed = session.scalar(
            select(Sale.receipt_no).where(Sale.journal_hash.not_in(
                select(JournalEntry.hash))).limit(1))
        if unsealed:
            return VerifyResult(False, checked, f"sale {unsealed} is not in the journal")
    return VerifyResult(True, checked)
