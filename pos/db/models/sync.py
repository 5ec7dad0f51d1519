"""A chain of stores (issue 21): what a store keeps about its link to head office, and
what head office keeps about each store's stream of documents.

At a store:
- `sync_outbox`: one row per change of a replicated row (written by triggers that
  `pos store join` installs, pos.sync.capture), shipped to head office in id order and
  deleted once head office has committed it;
- `sync_state`: the one row saying which store this database is in the chain, which
  master-data version it holds and how the link to head office is doing (read by the
  till's sync indicator);
- `price_overrides`: the prices a store set itself where the chain allows it; a master
  data pull keeps them.

At head office:
- `hq_streams`: per store, the end of its journal chain as received and verified
  (sequence and hash), whether the stream is stopped and why;
- `hq_alerts`: what a manager must look at (a gap or broken link, a serial sold in two
  stores, stock below zero, a store clock far off);
- `hq_serials`: every serial sold anywhere, by store, to find one sold twice;
- `master_log`: one row per change of master data at head office, numbered in commit
  order (the version stores pull by).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pos.db.models.base import Base, UtcDateTime
from pos.kernel.clock import utcnow


class SyncOutbox(Base):
    __tablename__ = "sync_outbox"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                    primary_key=True)
    tbl: Mapped[str] = mapped_column(String(40), index=True)
    pk: Mapped[str] = mapped_column(Text)  # JSON array of the primary key's values


class SyncState(Base):
    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(primary_key=True)  # always 1
    role: Mapped[str] = mapped_column(String(10))  # store | hq
    store_code: Mapped[str | None] = mapped_column(String(20))
    hq_display: Mapped[str] = mapped_column(String(200), default="")  # host/db, no password
    chain_first: Mapped[str] = mapped_column(String(64), default="")
    joined_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    master_version: Mapped[int] = mapped_column(BigInteger, default=0)
    sent_seq: Mapped[int] = mapped_column(Integer, default=0)  # last journal seq HQ holds
    last_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    last_ok_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    unreachable_since: Mapped[datetime | None] = mapped_column(UtcDateTime())
    last_error: Mapped[str] = mapped_column(Text, default="")  # a message id + params (JSON)


class PriceOverride(Base):
    __tablename__ = "price_overrides"

    sku: Mapped[str] = mapped_column(String(64), primary_key=True)
    price: Mapped[int] = mapped_column(BigInteger)
    set_by: Mapped[int | None] = mapped_column(Integer)
    set_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class HqStream(Base):
    __tablename__ = "hq_streams"

    store_code: Mapped[str] = mapped_column(String(20), primary_key=True)
    chain_first: Mapped[str] = mapped_column(String(64))
    schema_rev: Mapped[str] = mapped_column(String(32), default="")
    joined_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64), default="")
    last_document_at: Mapped[datetime | None] = mapped_column(UtcDateTime())  # its own time
    last_received_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    state: Mapped[str] = mapped_column(String(10), default="ok")  # ok | stopped
    error: Mapped[str] = mapped_column(Text, default="")  # a message id + params (JSON)
    clock_skew_s: Mapped[int] = mapped_column(Integer, default=0)
    batches: Mapped[int] = mapped_column(BigInteger, default=0)
    rows: Mapped[int] = mapped_column(BigInteger, default=0)


class HqAlert(Base):
    __tablename__ = "hq_alerts"

    id: Mapped[int] = mapped_column(primary_key=True)
    store_code: Mapped[str] = mapped_column(String(20), index=True)
    kind: Mapped[str] = mapped_column(String(24))  # chain_gap | chain_broken | serial_twice | ...
    detail: Mapped[str] = mapped_column(Text, default="{}")  # JSON: a message id's params
    at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    resolved_by: Mapped[str] = mapped_column(String(120), default="")


class HqSerial(Base):
    __tablename__ = "hq_serials"

    serial: Mapped[str] = mapped_column(String(64), primary_key=True)
    store_code: Mapped[str] = mapped_column(String(20), primary_key=True)
    sale_ref: Mapped[str] = mapped_column(String(60), default="")
    at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class MasterLog(Base):
    __tablename__ = "master_log"

    version: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                         primary_key=True)
    tbl: Mapped[str] = mapped_column(String(40))
    pk: Mapped[str] = mapped_column(Text)
