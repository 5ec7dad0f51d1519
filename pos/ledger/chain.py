"""The journal chain's core: every sealed document is chained by
hash = sha256(previous hash + canonical serialisation of the document), appended under a
lock on the chain's head inside the document's own transaction.

It imports nothing above the database layer; pos.ledger.verify walks the chain.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import bindparam, select

from pos.db import prepared
from pos.db.models import JournalEntry, JournalHead
from pos.kernel.clock import utcnow

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
# Every completed document passes here, so these are prepared (pos.db.prepared).
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
