"""The tamper-evident journal: every completed document chained by
hash = sha256(previous hash + canonical serialisation of the document).

`verify` re-serialises each document from the live tables, so an edited, deleted or
reordered document breaks the chain at its first change.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import bindparam, select

from . import prepared
from .db import Database
from .models import AuditEvent, JournalEntry, JournalHead, Sale
from .models.base import utcnow

GENESIS = "0" * 64


def canonical(document: dict) -> str:
    """One exact text per document: sorted keys, no spaces, UTF-8 kept."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def chain_hash(prev_hash: str, payload: str) -> str:
    return hashlib.sha256((prev_hash + payload).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Sealed:
    seq: int
    prev_hash: str
    hash: str
    payload: str


_HEAD = JournalHead.__table__
# Every completed document passes here, so these are prepared (pos.prepared).
_LOCK_HEAD = prepared.Prepared(select(_HEAD.c.last_seq, _HEAD.c.last_hash).where(
    _HEAD.c.id == 1).with_for_update())
_INSERT_ENTRY = prepared.insert(JournalEntry.__table__, (
    "seq", "doc_type", "doc_ref", "payload", "prev_hash", "hash", "created_at"))
_MOVE_HEAD = prepared.Prepared(_HEAD.update().where(_HEAD.c.id == 1).values(
    last_seq=bindparam("new_seq"), last_hash=bindparam("new_hash")))


def lock_head(connection) -> tuple[int, str]:
    """The chain's end, locked until the caller's transaction ends (one writer at a time
    appends, so two documents never claim the same place)."""
    row = prepared.on(connection).first(_LOCK_HEAD)
    if row is None:
        raise RuntimeError("the journal has no head row; the database was not migrated")
    return row[0], row[1]


def seal(head: tuple[int, str], document: dict) -> Sealed:
    payload = canonical(document)
    last_seq, last_hash = head
    return Sealed(last_seq + 1, last_hash, chain_hash(last_hash, payload), payload)


def write(connection, sealed: Sealed, *, doc_type: str, doc_ref: str) -> None:
    """Store a sealed document and move the head, inside the caller's transaction."""
    run = prepared.on(connection)
    run.execute(_INSERT_ENTRY, dict(
        seq=sealed.seq, doc_type=doc_type, doc_ref=doc_ref, payload=sealed.payload,
        prev_hash=sealed.prev_hash, hash=sealed.hash, created_at=utcnow()))
    run.execute(_MOVE_HEAD, {"new_seq": sealed.seq, "new_hash": sealed.hash})


def _check_audit(session, entry: JournalEntry) -> str | None:
    import json as _json

    from .control import audit_document

    event = session.get(AuditEvent, int(entry.doc_ref[1:]))
    if event is None:
        return "the audit event was deleted"
    document = audit_document(event.id, event.at, event.staff_id, event.action, event.ref,
                              _json.loads(event.details_json))
    if canonical(document) != entry.payload or event.journal_hash != entry.hash:
        return "the audit event was altered"
    return None


def _check_z(session, entry: JournalEntry) -> str | None:
    import json as _json

    from .models import Shift, Terminal
    from .shifts import _report, z_document

    terminal, z_text = entry.doc_ref.rsplit("-Z", 1)
    shift = session.execute(select(Shift.__table__).join(Terminal).where(
        Terminal.code == terminal, Shift.z_number == int(z_text))).first()
    if shift is None:
        return "the closed shift was deleted"
    report = _report(session.connection(), terminal, shift)
    counts = {int(k): v for k, v in _json.loads(shift.counted_json).items()}
    document = z_document(terminal, shift.z_number, report, shift.counted_cash, counts,
                          shift.closed_at, shift.closed_by)
    if canonical(document) != entry.payload or shift.journal_hash != entry.hash:
        return "the Z report or its shift was altered"
    return None


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    problem: str | None = None


def verify(db: Database) -> VerifyResult:
    """Walk the chain; report the first altered, deleted or reordered document."""
    from .sale_documents import load_document  # the serialiser lives with the sales

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
            if entry.doc_type == "audit":
                problem = _check_audit(session, entry)
                if problem:
                    return VerifyResult(False, checked, f"{where}: {problem}")
            if entry.doc_type == "z":
                problem = _check_z(session, entry)
                if problem:
                    return VerifyResult(False, checked, f"{where}: {problem}")
            if entry.doc_type in ("sale", "addon", "refund", "void"):
                sale = session.scalar(select(Sale).where(Sale.receipt_no == entry.doc_ref))
                if sale is None:
                    return VerifyResult(False, checked, f"{where}: the sale was deleted")
                if canonical(load_document(session, sale)) != entry.payload:
                    return VerifyResult(False, checked, f"{where}: the sale was altered")
                if sale.journal_hash != entry.hash:
                    return VerifyResult(False, checked, f"{where}: the sale's seal does not match")
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
