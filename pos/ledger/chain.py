"""The journal chain's core: every sealed document is appended under a lock on the
chain's head, inside the document's own transaction, and chained by hash:

- version 2 (every entry written now): sha256(previous hash, then the entry's sequence
  number, type, reference and time, then the canonical text of the document), so none
  of them can be changed or relabelled without breaking the chain;
- version 1 (entries written before): sha256(previous hash + document); still verified.

The head (sequence number and hash of the last entry) is authenticated with an HMAC by
the store's key and witnessed outside the database after each commit (pos.ledger.head).

It imports nothing above the database layer; pos.ledger.verify walks the chain.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import bindparam, select

from pos.db import prepared
from pos.db.models import JournalEntry, JournalHead
from pos.kernel.clock import utcnow
from pos.ledger.head import head_mac, witness_after_commit

GENESIS = "0" * 64
VERSION = 2  # of the seal every entry is written with now


def canonical(document: dict) -> str:
    """One exact text per document: sorted keys, no spaces, UTF-8 kept."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def chain_hash(prev_hash: str, payload: str) -> str:
    """Version 1 entries: the previous hash and the document."""
    return hashlib.sha256((prev_hash + payload).encode("utf-8")).hexdigest()


def sealed_time(at: datetime) -> str:
    """A time as it is sealed: UTC, to the microsecond (what both databases keep)."""
    if at.tzinfo is not None:
        at = at.astimezone(timezone.utc).replace(tzinfo=None)
    return at.isoformat(timespec="microseconds")


def entry_hash(*, version: int, prev_hash: str, seq: int, doc_type: str, doc_ref: str,
               created_at: datetime, payload: str) -> str:
    """The hash an entry must carry, by the version of its seal."""
    if version == 1:
        return chain_hash(prev_hash, payload)
    header = f"{seq}|{doc_type}|{doc_ref}|{sealed_time(created_at)}"
    return hashlib.sha256(f"{prev_hash}\n{header}\n{payload}".encode("utf-8")).hexdigest()


def anchor_code(entry_hash_hex: str) -> str:
    """An entry's hash as a code short enough to print on paper and type back: 16 hex
    digits in four groups (64 bits of the hash). `pos journal verify --anchor CODE`
    proves the journal still holds that entry and everything before it."""
    digits = entry_hash_hex[:16].upper()
    return "-".join(digits[i:i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True)
class Sealed:
    seq: int
    prev_hash: str
    hash: str
    payload: str
    doc_type: str
    doc_ref: str
    created_at: datetime

    @property
    def anchor(self) -> str:
        return anchor_code(self.hash)


_HEAD = JournalHead.__table__
# Every completed document passes here, so these are prepared (pos.db.prepared).
_LOCK_HEAD = prepared.Prepared(select(_HEAD.c.last_seq, _HEAD.c.last_hash).where(
    _HEAD.c.id == 1).with_for_update())
_INSERT_ENTRY = prepared.insert(JournalEntry.__table__, (
    "seq", "doc_type", "doc_ref", "payload", "prev_hash", "hash", "created_at", "version"))
_MOVE_HEAD = prepared.Prepared(_HEAD.update().where(_HEAD.c.id == 1).values(
    last_seq=bindparam("new_seq"), last_hash=bindparam("new_hash"), mac=bindparam("mac")))


def lock_head(connection) -> tuple[int, str]:
    """The chain's end, locked until the caller's transaction ends (one writer at a time
    appends, so two documents never claim the same place)."""
    row = prepared.on(connection).first(_LOCK_HEAD)
    if row is None:
        raise RuntimeError("the journal has no head row; the database was not migrated")
    return row[0], row[1]


def append(connection, document: dict, *, doc_type: str, doc_ref: str,
           at: datetime | None = None) -> Sealed:
    """Seal a document at the chain's end and store it, inside the caller's transaction:
    the head is locked, the entry written, the head moved and authenticated. `at` is
    the document's own time (sealed with it); now when not given."""
    last_seq, last_hash = lock_head(connection)
    payload = canonical(document)
    seq, created_at = last_seq + 1, at or utcnow()
    digest = entry_hash(version=VERSION, prev_hash=last_hash, seq=seq, doc_type=doc_type,
                        doc_ref=doc_ref, created_at=created_at, payload=payload)
    sealed = Sealed(seq, last_hash, digest, payload, doc_type, doc_ref, created_at)
    run = prepared.on(connection)
    run.execute(_INSERT_ENTRY, dict(
        seq=seq, doc_type=doc_type, doc_ref=doc_ref, payload=payload, prev_hash=last_hash,
        hash=digest, created_at=created_at, version=VERSION))
    mac = head_mac(seq, digest)
    run.execute(_MOVE_HEAD, {"new_seq": seq, "new_hash": digest, "mac": mac})
    witness_after_commit(connection, seq, digest)
    return sealed
