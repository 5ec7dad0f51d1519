"""A batch of a store's changes on its way to head office.

`read_batch` takes the first outbox rows (id order, `limit` of them) and the rows they
name AS THEY ARE NOW, all in one consistent read (SQLite: one read transaction;
PostgreSQL: REPEATABLE READ, read only), so a batch never holds half of a transaction
that committed while it was read. A key named twice ships once; a key whose row no
longer exists ships as a delete. What is shipped is the current state: a row changed
three times since the last push ships once, as it is.

The batch names exactly the outbox ids it covers (`outbox_ids`): the store deletes those
ids, and only those, once head office has committed them (pos.sync.push). A watermark
would not do on PostgreSQL, where a transaction holding a smaller id can commit later.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, select, text, tuple_

from pos.db.engine import Database
from pos.db.models import SyncOutbox, SyncState
from pos.kernel.clock import utcnow
from pos.kernel.errors import UserError
from pos.kernel.messages import Message
from pos.sync import capture

CHUNK = 500  # keys per `IN (...)`: well under SQLite's and PostgreSQL's parameter limits


@dataclass(frozen=True)
class Batch:
    """What a store sends in one go. `upserts`: table -> rows (column -> value as
    SQLAlchemy reads it); `deletes`: table -> primary keys (lists of values)."""

    store_code: str
    chain_first: str
    schema_rev: str
    sent_at: datetime  # the store's clock when it read the batch (aware, UTC)
    outbox_ids: tuple[int, ...]
    upserts: Mapping[str, list[dict]] = field(default_factory=dict)
    deletes: Mapping[str, list[list]] = field(default_factory=dict)

    @property
    def row_count(self) -> int:
        return sum(map(len, self.upserts.values())) + sum(map(len, self.deletes.values()))


@dataclass(frozen=True)
class StoreLink:
    """The store's row of sync_state, as a batch needs it."""

    store_code: str
    chain_first: str
    sent_seq: int


def key_of(values) -> tuple:
    """A primary key as comparable plain values (enums by their value)."""
    return tuple(v.value if isinstance(v, enum.Enum) else v for v in values)


@contextmanager
def consistent_read(db: Database) -> Iterator[Connection]:
    """One read that sees one moment of the database: SQLite's read transaction, or a
    REPEATABLE READ, read-only transaction on PostgreSQL."""
    with db.read_connection() as conn:
        if conn.dialect.name == "postgresql":
            conn.execution_options(isolation_level="REPEATABLE READ",
                                   postgresql_readonly=True)
        yield conn


def store_link(conn: Connection) -> StoreLink:
    """This database's place in the chain; sync.not_joined when it has none."""
    state = SyncState.__table__
    row = conn.execute(select(state.c.store_code, state.c.chain_first, state.c.sent_seq)
                       .where(state.c.role == "store")).first()
    if row is None or not row.store_code:
        raise UserError("sync.not_joined")
    return StoreLink(row.store_code, row.chain_first or "", row.sent_seq or 0)


def schema_revision(conn: Connection) -> str:
    """The alembic revision this database is at ('' when it was never migrated)."""
    if conn.dialect.name == "postgresql":
        there = conn.execute(text("SELECT to_regclass('alembic_version')")).scalar()
    else:
        there = conn.execute(text("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                                  "AND name = 'alembic_version'")).scalar()
    if not there:
        return ""
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar() or ""


def read_batch(store_db: Database, *, limit: int = 2000) -> Batch | None:
    """The next batch of the outbox (its first `limit` rows), or None when it is empty."""
    outbox = SyncOutbox.__table__
    with consistent_read(store_db) as conn:
        link = store_link(conn)
        pending = conn.execute(select(outbox.c.id, outbox.c.tbl, outbox.c.pk)
                               .order_by(outbox.c.id).limit(max(1, limit))).all()
        if not pending:
            return None
        shipped = {t.name for t in capture.replicated_tables()}
        keys: dict[str, dict[tuple, None]] = {}
        for _id, tbl, pk in pending:
            if tbl in shipped:  # a table no longer shipped: its ids are simply forgotten
                keys.setdefault(tbl, {})[tuple(capture.pk_values(pk))] = None
        upserts: dict[str, list[dict]] = {}
        deletes: dict[str, list[list]] = {}
        for name, wanted in keys.items():
            found = current_rows(conn, name, list(wanted))
            if found:
                upserts[name] = list(found.values())
            gone = [list(key) for key in wanted if key_of(key) not in found]
            if gone:
                deletes[name] = gone
        return Batch(store_code=link.store_code, chain_first=link.chain_first,
                     schema_rev=schema_revision(conn), sent_at=utcnow(),
                     outbox_ids=tuple(row[0] for row in pending),
                     upserts=upserts, deletes=deletes)


def current_rows(conn: Connection, name: str, keys: list) -> dict[tuple, dict]:
    """The rows of table `name` with these primary keys, by key (those that exist)."""
    table = capture.table(name)
    columns = list(table.primary_key.columns)
    found: dict[tuple, dict] = {}
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start:start + CHUNK]
        if len(columns) == 1:
            where = columns[0].in_([key[0] for key in chunk])
        else:
            where = tuple_(*columns).in_([tuple(key) for key in chunk])
        for row in conn.execute(select(table).where(where)).mappings():
            values = dict(row)
            found[key_of(values[c.name] for c in columns)] = values
    return found


# --- a refusal as stored text (sync_state.last_error, hq_streams.error, alert details) --

def _plain(value):
    if isinstance(value, Message):
        return {"id": value.id, "params": {k: _plain(v) for k, v in value.params.items()}}
    if hasattr(value, "as_message"):
        return _plain(value.as_message())
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _message(value):
    if isinstance(value, dict) and set(value) == {"id", "params"}:
        return Message(value["id"], {k: _message(v) for k, v in value["params"].items()})
    return value


def error_json(error: UserError | Message) -> str:
    """A refusal as text: {"id": ..., "params": {...}}, messages in params nested alike."""
    message = error.as_message() if isinstance(error, UserError) else error
    return json.dumps(_plain(message), ensure_ascii=False, default=str)


def error_from_json(stored: str) -> Message | None:
    """The message an error_json text holds (None for '')."""
    if not stored:
        return None
    found = _message(json.loads(stored))
    return found if isinstance(found, Message) else Message(str(found))


def params_json(params: Mapping) -> str:
    """A message's params as text (an alert's detail)."""
    return json.dumps({k: _plain(v) for k, v in params.items()}, ensure_ascii=False,
                      default=str)
