"""Head office's database made one (`pos hq init`). A store enrols itself when it joins
(pos.sync.join.enrol, through pos.hq.link.join).

Head office is a PostgreSQL database with the same schema as every store. What makes it
head office is its `sync_state` row (role 'hq') and the capture of its master data into
`master_log` (pos.hq.master.start_master). The stores it knows are its `stores` rows:
`pos store add CODE NAME --db HQ` adds one, as in any database. With `demo`, an empty
head office gets the demo store's master data and the demo chain's three stores (S01,
S02, S03). Everything here is idempotent: `pos hq init` run again changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.engine import make_url

from pos.db import schema
from pos.db.engine import Database, describe
from pos.db.models import Store, SyncState
from pos.kernel.clock import utcnow
from pos.hq.master import master_version, start_master
from pos.kernel.errors import UserError


@dataclass(frozen=True, slots=True)
class HqInit:
    where: str  # host:port/database
    created: bool  # it was not head office before
    demo_loaded: bool
    stores: tuple[str, ...]  # the codes head office knows
    master_version: int  # the last version of master data (0: none yet)


def _is_postgres(db: Database) -> bool:
    return make_url(db.url).get_backend_name() == "postgresql"


def init_hq(hq_db: Database, *, demo: bool = False, locale: str = "en") -> HqInit:
    """Make `hq_db` head office: PostgreSQL only (hq.needs_postgres), never a database that
    joined a chain as a store (hq.is_store). Migrates it, marks it head office, loads the
    demo (when asked and the database is empty), then starts capturing master data."""
    where = describe(hq_db.url)
    if not _is_postgres(hq_db):
        raise UserError("hq.needs_postgres", where=where)
    from pos.backup.upgrade import ensure_schema

    with hq_db.read_connection() as conn:  # refused before anything is migrated
        if schema.current_revision(hq_db.engine) is not None:
            _refuse_store(conn)
    ensure_schema(hq_db)
    created = False
    with hq_db.write_connection() as conn:
        if _refuse_store(conn) is None:
            conn.execute(SyncState.__table__.insert().values(
                id=1, role="hq", store_code=None, hq_display="", chain_first="",
                joined_at=utcnow(), master_version=0, sent_seq=0, last_error=""))
            created = True
    demo_loaded = False
    if demo:
        from pos.demo import loader

        if loader.database_is_empty(hq_db):
            loader.load_demo(hq_db, locale=locale, stores=True)
            demo_loaded = True
    with hq_db.write_connection() as conn:  # idempotent: logs the rows the first time
        start_master(conn)
    with hq_db.read_connection() as conn:
        codes = tuple(conn.execute(select(Store.code).order_by(Store.code)).scalars())
        version = master_version(conn)
    return HqInit(where, created, demo_loaded, codes, int(version))


def _refuse_store(conn):
    state = conn.execute(select(SyncState).where(SyncState.id == 1)).first()
    if state is not None and state.role == "store":
        raise UserError("hq.is_store", code=state.store_code or "")
    return state
