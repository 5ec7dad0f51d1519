"""Head office receives a store's batch: checked, then applied whole or not at all.

One transaction per batch. The store's `hq_streams` row is locked first (one batch of a
store at a time), then:
- a stopped stream, an unknown store, a second database claiming the store's code, or a
  schema revision other than head office's is refused (a UserError; nothing changes);
- the batch's journal entries are checked against the chain head office holds: those at
  or below the stream's end must be the very entries received before (a resend after a
  kill: counted as duplicates, skipped); the new ones must continue it, one after the
  other, each linking to the previous hash and re-hashing to its own. A gap or a broken
  link stops the stream (committed on its own, with an alert), applies nothing, and the
  push gets the refusal naming the store, the entry and what is wrong;
- every row is upserted into the store's replica schema (pos.hq.replica) by primary key,
  deleted keys are deleted, the stream moves on; what can conflict between stores is
  flagged as an alert, never dropped (pos.hq.conflicts).

Exactly once = a primary key per store schema + this chain check.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, delete, select, text, tuple_, update
from sqlalchemy.dialects.postgresql import insert

from pos.db.engine import Database
from pos.db.models import HqAlert, HqStream
from pos.hq import conflicts
from pos.hq.replica import ensure_replica, replica_metadata, replica_table, schema_name
from pos.kernel.clock import utcnow
from pos.kernel.errors import UserError
from pos.kernel.messages import Message
from pos.ledger.chain import entry_hash
from pos.sync.batch import (
    CHUNK, Batch, error_from_json, error_json, key_of, params_json, schema_revision,
)

JOURNAL = "journal_entries"
_STREAMS = HqStream.__table__
_ALERTS = HqAlert.__table__


@dataclass(frozen=True)
class Applied:
    """What one batch did at head office."""

    new_entries: int  # journal entries head office did not hold
    duplicates: int  # journal entries it held already (a resend), skipped
    rows: int  # rows upserted or deleted
    last_seq: int  # the end of the store's chain at head office now


class _ChainFault(Exception):
    def __init__(self, error: UserError, kind: str):
        super().__init__(error.message_id)
        self.error, self.kind = error, kind


# --- applying a batch ------------------------------------------------------------------

def apply_batch(hq_db: Database, batch: Batch) -> Applied:
    """Check and apply one batch of a store in one transaction (see the module's text)."""
    try:
        with hq_db.write_connection() as conn:
            return _apply(conn, batch)
    except _ChainFault as fault:
        _stop_stream(hq_db, batch.store_code, fault.error, fault.kind)
        raise fault.error from None


def _lock_stream(conn: Connection, batch: Batch):
    stream = conn.execute(select(_STREAMS).where(_STREAMS.c.store_code == batch.store_code)
                          .with_for_update()).first()
    if stream is None:
        raise UserError("sync.unknown_store", code=batch.store_code)
    if stream.chain_first and batch.chain_first != stream.chain_first:
        raise UserError("sync.already_joined", code=batch.store_code,
                        first=stream.chain_first[:16])
    if stream.state == "stopped":
        raise UserError("hq.stream_stopped", store=batch.store_code,
                        error=error_from_json(stream.error) or "")
    return stream


def _apply(conn: Connection, batch: Batch) -> Applied:
    stream = _lock_stream(conn, batch)
    hq_rev = schema_revision(conn)
    if batch.schema_rev != hq_rev:
        raise UserError("hq.schema_differs", store=batch.store_code,
                        store_rev=batch.schema_rev, hq_rev=hq_rev)
    code = batch.store_code
    _check_shape(code, batch)
    if not conn.execute(text("SELECT 1 FROM pg_namespace WHERE nspname = :s"),
                        {"s": schema_name(code)}).first():
        ensure_replica(conn, code)
    new, duplicates = _check_chain(conn, code, stream, batch)
    rows = 0
    for name, found in batch.upserts.items():
        if name == JOURNAL:  # entries held already stay as received the first time
            found = [row for row in found if row["seq"] > stream.last_seq]
        rows += _upsert(conn, code, name, found)
    for name, keys in batch.deletes.items():
        rows += _delete(conn, code, name, keys)
    now = utcnow()
    skew = round((batch.sent_at - now).total_seconds())
    moved = dict(last_received_at=now, batches=_STREAMS.c.batches + 1,
                 rows=_STREAMS.c.rows + rows, clock_skew_s=skew, schema_rev=hq_rev)
    last_seq = stream.last_seq
    if new:
        last_seq = new[-1]["seq"]
        moved.update(last_seq=last_seq, last_hash=new[-1]["hash"],
                     last_document_at=new[-1]["created_at"])
    conn.execute(update(_STREAMS).where(_STREAMS.c.store_code == code).values(**moved))
    conflicts.flag(conn, code, batch, skew=skew)
    return Applied(new_entries=len(new), duplicates=duplicates, rows=rows, last_seq=last_seq)


def _check_shape(code: str, batch: Batch) -> None:
    """Only the store's replicated tables and their columns, keys whole: anything else is
    refused before a row is written (never a driver's error half way)."""
    tables = replica_metadata(code).tables
    schema = schema_name(code)
    for name in {*batch.upserts, *batch.deletes}:
        table = tables.get(f"{schema}.{name}")
        if table is None:
            raise UserError("hq.batch_table", store=code, table=str(name)[:60])
        keys = [c.name for c in table.primary_key.columns]
        for row in batch.upserts.get(name, ()):
            extra = set(row) - set(table.c.keys())
            if extra:
                raise UserError("hq.batch_column", store=code, table=name,
                                column=str(sorted(extra)[0])[:60])
            if any(row.get(k) is None for k in keys):
                raise UserError("hq.batch_key", store=code, table=name)
        for key in batch.deletes.get(name, ()):
            if len(key) != len(keys):
                raise UserError("hq.batch_key", store=code, table=name)


def _check_chain(conn: Connection, code: str, stream, batch: Batch) -> tuple[list, int]:
    """The batch's new journal entries in order, and how many it held already; raises
    _ChainFault on a gap or a broken link."""
    gone = batch.deletes.get(JOURNAL)
    if gone:  # sealed entries are never deleted
        held = _held(conn, code, [key[0] for key in gone])
        seq = min((found[0] for found in held.values()), default="?")
        raise _fault_broken(code, seq, Message("hq.why_deleted"))
    entries = sorted(batch.upserts.get(JOURNAL, ()), key=lambda row: row["seq"])
    for row in entries:  # every entry, old or new, must still give its own hash
        if _hash_of(row) != row["hash"]:
            raise _fault_broken(code, row["seq"], Message("hq.why_hash"))
    old = [row for row in entries if row["seq"] <= stream.last_seq]
    if old:
        held = _held(conn, code, [row["id"] for row in old])
        for row in old:
            if held.get(row["id"]) != (row["seq"], row["hash"]):
                raise _fault_broken(code, row["seq"], Message("hq.why_differs"))
    new = [row for row in entries if row["seq"] > stream.last_seq]
    seq, prev = stream.last_seq, stream.last_hash
    for row in new:
        if row["seq"] != seq + 1:
            raise _ChainFault(UserError("hq.chain_gap", store=code, seq=row["seq"], last=seq),
                              "chain_gap")
        if seq == 0:
            if stream.chain_first and row["hash"] != stream.chain_first:
                raise _fault_broken(code, row["seq"], Message("hq.why_first"))
        elif row["prev_hash"] != prev:
            raise _fault_broken(code, row["seq"], Message("hq.why_link", {"prev": seq}))
        seq, prev = row["seq"], row["hash"]
    return new, len(old)


def _fault_broken(code: str, seq, why: Message) -> _ChainFault:
    return _ChainFault(UserError("hq.chain_broken", store=code, seq=seq, why=why),
                       "chain_broken")


def _hash_of(row: dict) -> str:
    return entry_hash(version=row.get("version") or 1, prev_hash=row["prev_hash"],
                      seq=row["seq"], doc_type=row["doc_type"], doc_ref=row["doc_ref"],
                      created_at=row["created_at"], payload=row["payload"])


def _held(conn: Connection, code: str, ids: list[int]) -> dict[int, tuple[int, str]]:
    """Head office's copy of these entries (by id, the replica's key): id -> (seq, hash)."""
    table = replica_table(code, JOURNAL)
    held: dict[int, tuple[int, str]] = {}
    for start in range(0, len(ids), CHUNK):
        held.update((row.id, (row.seq, row.hash)) for row in conn.execute(
            select(table.c.id, table.c.seq, table.c.hash)
            .where(table.c.id.in_(ids[start:start + CHUNK]))))
    return held


def _upsert(conn: Connection, code: str, name: str, rows: list[dict]) -> int:
    if not rows:
        return 0
    table = replica_table(code, name)
    keys = [c.name for c in table.primary_key.columns]
    stmt = insert(table)
    others = [c.name for c in table.columns if c.name not in keys]
    if others:
        stmt = stmt.on_conflict_do_update(index_elements=keys,
                                          set_={n: stmt.excluded[n] for n in others})
    else:
        stmt = stmt.on_conflict_do_nothing(index_elements=keys)
    for start in range(0, len(rows), CHUNK):
        conn.execute(stmt, rows[start:start + CHUNK])
    return len(rows)


def _delete(conn: Connection, code: str, name: str, keys: list[list]) -> int:
    table = replica_table(code, name)
    columns = list(table.primary_key.columns)
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start:start + CHUNK]
        if len(columns) == 1:
            where = columns[0].in_([key[0] for key in chunk])
        else:
            where = tuple_(*columns).in_([key_of(key) for key in chunk])
        conn.execute(delete(table).where(where))
    return len(keys)


# --- a stopped stream ------------------------------------------------------------------

def _stop_stream(hq_db: Database, code: str, error: UserError, kind: str) -> None:
    """Stop the store's stream and raise the alert, committed on their own (the batch
    itself was rolled back)."""
    with hq_db.write_connection() as conn:
        conn.execute(update(_STREAMS).where(_STREAMS.c.store_code == code)
                     .values(state="stopped", error=error_json(error)))
        conn.execute(_ALERTS.insert().values(store_code=code, kind=kind,
                                             detail=params_json(error.params), at=utcnow()))


def resume_stream(hq_db: Database, code: str, *, by: str) -> None:
    """A manager looked at a stopped stream: it runs again (the next batch is checked as
    any other) and the chain alerts of that stop are resolved by `by`."""
    with hq_db.write_connection() as conn:
        found = conn.execute(update(_STREAMS).where(_STREAMS.c.store_code == code)
                             .values(state="ok", error="")).rowcount
        if not found:
            raise UserError("sync.unknown_store", code=code)
        conn.execute(update(_ALERTS).where(
            _ALERTS.c.store_code == code, _ALERTS.c.resolved_at.is_(None),
            _ALERTS.c.kind.in_(("chain_gap", "chain_broken"))).values(
            resolved_at=utcnow(), resolved_by=by[:120]))


def stream_of(hq_db: Database, code: str):
    """The store's hq_streams row (None when head office does not know the store)."""
    with hq_db.read_connection() as conn:
        return conn.execute(select(_STREAMS).where(_STREAMS.c.store_code == code)).first()

