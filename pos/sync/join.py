"""A store joins a chain (`pos store join --hq URL --store S01`), and where it keeps head
office's address.

Joining is checked whole before anything is written, then written at both ends:
- the address must be PostgreSQL's (sync.bad_url), answer (sync.hq_unreachable) and be a
  head office (sync.not_hq, checked by the `enrol` step at head office);
- this database must hold the store (sync.no_local_store), must not be head office
  (sync.is_hq) nor have joined as another store (sync.joined_as_other) or another head
  office (sync.joined_other_hq);
- head office must know the store's code (sync.unknown_store) and must not already
  receive that store from another database (sync.already_joined).

The store is identified at head office by `chain_first`, the hash of its journal's first
entry (seq 1): a second database cannot send as the same store. A store whose journal is
empty (a database set up by hand, no document sealed yet) joins with an empty
`chain_first` and nothing is sealed for the join; head office's chain check then takes its
first entry as it comes (and a second such database's first entry clashes with it there).

The order of the writes: the store's write transaction is opened first (on SQLite it
holds the write lock, on PostgreSQL it locks the journal's head, so no document is sealed
meanwhile), the journal's first hash is read, head office enrols the store in its own
transaction (stream row, replica schema) and commits, then the store installs its change
capture, queues its whole history (capture.snapshot), writes `sync_state` and the
address file, and commits. A refusal anywhere leaves both ends as they were; a failure
after head office committed leaves only the stream row, and joining again (same store,
same head office) finds it and completes. Joining again once joined changes nothing.

The address (it may carry a password) is kept in the file `hq.url` in the data folder,
owner-only, never in the database: a copy of the database does not carry the way into
head office. `POS_HQ_URL_FILE` names another file (several stores on one machine, tests).
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from sqlalchemy import Connection, func, inspect, select, update
from sqlalchemy.engine import make_url

from pos.db import schema
from pos.db.engine import Database, DatabaseUnavailable, describe
from pos.db.location import data_dir, normalise_url
from pos.db.models import HqStream, JournalEntry, JournalHead, Store, SyncState
from pos.kernel.clock import utcnow
from pos.kernel.errors import UserError
from pos.sync import capture

ENV_HQ_FILE = "POS_HQ_URL_FILE"
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,19}")

# on_enrol(hq_conn, code): what head office adds to a store's enrolment, in the same
# transaction (pos.hq.link.join gives pos.hq.replica.ensure_replica; without it head
# office makes the replica schema when the first batch arrives).
OnEnrol = Callable[[Connection, str], None]


@dataclass(frozen=True, slots=True)
class JoinResult:
    store_code: str
    hq_display: str
    chain_first: str
    queued_rows: int  # history queued to send (0 when it had joined before)
    already: bool  # it had joined this head office before: nothing changed


# --- the address file --------------------------------------------------------------------

def hq_url_path() -> Path:
    return Path(os.environ.get(ENV_HQ_FILE) or data_dir() / "hq.url")


def write_hq_url(url: str) -> None:
    """Write the address, owner-only (0600), replacing the file whole."""
    path = hq_url_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".hq.url.", dir=path.parent)
    try:
        os.chmod(temp, stat.S_IRUSR | stat.S_IWUSR)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(url + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def hq_url() -> str:
    """Head office's address as the store joined it (sync.no_hq_file when it is gone)."""
    path = hq_url_path()
    try:
        text = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        text = ""
    if not text:
        raise UserError("sync.no_hq_file", path=str(path))
    return text


# --- checks ----------------------------------------------------------------------------

def hq_address(url: str) -> str:
    """The URL as the engine takes it; sync.bad_url unless it is PostgreSQL's."""
    text = (url or "").strip()
    try:
        parsed = make_url(normalise_url(text))
    except Exception:  # noqa: BLE001 - any unparsable text is a bad address
        raise UserError("sync.bad_url", url=_shown(text)) from None
    if parsed.get_backend_name() != "postgresql" or not parsed.database:
        raise UserError("sync.bad_url", url=_shown(text))
    # psycopg 3 whatever driver the address names (the one this app ships)
    return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def _shown(text: str) -> str:
    """An address as a message repeats it: never its password."""
    try:
        return make_url(text).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001
        return re.sub(r"//([^:/@]*):[^@]*@", r"//\1:***@", text)[:200]


def clean_code(code: str) -> str:
    code = (code or "").strip().upper()
    if not _CODE.fullmatch(code):
        raise UserError("store.code_invalid")
    return code


def open_hq(url: str) -> Database:
    """Head office's database, connected once to know it answers (sync.hq_unreachable)."""
    hq_db = Database(url)
    try:
        with hq_db.read_connection() as conn:
            conn.exec_driver_sql("SELECT 1")
    except DatabaseUnavailable as exc:
        hq_db.dispose()
        raise unreachable(exc) from exc
    return hq_db


def unreachable(error: UserError) -> UserError:
    return UserError("sync.hq_unreachable", reason=error.as_message())


def _local_state(conn):
    return conn.execute(select(SyncState).where(SyncState.id == 1)).first()


def _check_local(conn, code: str) -> tuple[str, bool]:
    """The store's code as this database spells it, and whether it joined already."""
    local = conn.execute(select(Store.code).where(func.upper(Store.code) == code)).scalar()
    if local is None:
        raise UserError("sync.no_local_store", code=code)
    state = _local_state(conn)
    if state is None:
        return local, False
    if state.role == "hq":
        raise UserError("sync.is_hq")
    if state.role == "store" and state.store_code and state.store_code.upper() != code:
        raise UserError("sync.joined_as_other", code=state.store_code)
    return local, state.role == "store"


def _first_hash(conn) -> str:
    return conn.execute(select(JournalEntry.hash).where(JournalEntry.seq == 1)).scalar() or ""


# --- joining ----------------------------------------------------------------------------

def join(store_db: Database, hq_url: str, store_code: str, *,
         on_enrol: OnEnrol | None = None) -> JoinResult:
    """Join the chain as `store_code`, sending to head office at `hq_url` (see the module's
    doc). `on_enrol`: head office's own part of enrolling (pos.hq.link.join gives it)."""
    code = clean_code(store_code)
    url = hq_address(hq_url)
    display = describe(url)
    with store_db.read_connection() as conn:  # refused before head office is asked
        _check_local(conn, code)
    schema_rev = schema.current_revision(store_db.engine) or ""
    hq_db = open_hq(url)
    try:
        with store_db.write_connection() as conn:
            if conn.dialect.name != "sqlite":  # no document is sealed while joining
                conn.execute(select(JournalHead.id).with_for_update())
            local, rejoin = _check_local(conn, code)
            state = _local_state(conn)
            first = state.chain_first if rejoin and state.chain_first else _first_hash(conn)
            try:
                new = enrol(hq_db, local, first, schema_rev, rejoin=rejoin, on_enrol=on_enrol)
            except DatabaseUnavailable as exc:
                raise unreachable(exc) from exc
            queued = 0
            names = [t.name for t in capture.replicated_tables()]
            capture.install(conn, names)  # idempotent: puts back triggers someone dropped
            if not rejoin:
                conn.execute(SyncState.__table__.delete())
                queued = capture.snapshot(conn, names)
                conn.execute(SyncState.__table__.insert().values(
                    id=1, role="store", store_code=local, hq_display=display,
                    chain_first=first, joined_at=utcnow(), master_version=0, sent_seq=0,
                    last_error=""))
            elif state.hq_display != display:
                conn.execute(update(SyncState).where(SyncState.id == 1)
                             .values(hq_display=display))
            write_hq_url(url)
    finally:
        hq_db.dispose()
    return JoinResult(local, display, first, queued, rejoin and not new)


# --- head office's side ----------------------------------------------------------------

def is_hq(conn: Connection) -> bool:
    """Whether this database is head office (migrated, its sync_state says so)."""
    if not inspect(conn).has_table("sync_state"):
        return False
    return conn.execute(select(SyncState.role).where(SyncState.id == 1)).scalar() == "hq"


def enrol(hq_db: Database, code: str, chain_first: str, schema_rev: str, *,
          rejoin: bool = False, on_enrol: OnEnrol | None = None) -> bool:
    """Head office's side of a store joining, in one transaction of head office: check it
    is head office (sync.not_hq) and knows the store (sync.unknown_store), record the
    store's stream (its journal's first hash) and run `on_enrol`. True when the stream is
    new.

    The same store joining again (the same first hash) changes nothing. Another first
    hash is another database sending as the same store: sync.already_joined; except a
    stream that has received nothing and was enrolled with an empty journal, which takes
    the first hash it is given now. A store that had joined (`rejoin`) finds its stream
    or is refused (sync.joined_other_hq: it is another head office)."""
    with hq_db.write_connection() as conn:
        if not is_hq(conn):
            raise UserError("sync.not_hq", where=describe(hq_db.url))
        known = conn.execute(select(Store.code).where(func.upper(Store.code) == code.upper())
                             ).scalar()
        if known is None:
            raise UserError("sync.unknown_store", code=code)
        stream = conn.execute(select(HqStream).where(HqStream.store_code == known)
                              .with_for_update()).first()
        new = stream is None
        if new and rejoin:
            raise UserError("sync.joined_other_hq", hq=describe(hq_db.url))
        if new:
            conn.execute(HqStream.__table__.insert().values(
                store_code=known, chain_first=chain_first, schema_rev=schema_rev,
                joined_at=utcnow(), last_seq=0, last_hash="", state="ok", error="",
                clock_skew_s=0, batches=0, rows=0))
        elif stream.chain_first != chain_first:
            if stream.chain_first or stream.last_seq:
                raise UserError("sync.already_joined", code=known,
                                first=stream.chain_first[:12] or "#1")
            conn.execute(update(HqStream).where(HqStream.store_code == known)
                         .values(chain_first=chain_first, schema_rev=schema_rev))
            new = True
        if on_enrol is not None:
            on_enrol(conn, known)
    return new
