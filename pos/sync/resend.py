"""Send a store's whole history again (`pos sync resend`): when head office lost what it
had acknowledged (a head office restored from an older backup, or one that crashed
running without synchronous commit), the next batch no longer follows the chain it
holds and its stream stops (hq.chain_gap). The store then queues every row it has again
(the push does it by itself when the gap starts below what head office acknowledged);
a head office manager resumes the stream (`pos hq resume CODE`); the next sync sends it
all: the entries head office still holds are checked against its copy and skipped, the
lost ones follow them in order, and every row is upserted as it is now. Nothing at the
store changes but its outbox."""

from __future__ import annotations

from pos.db.engine import Database
from pos.sync import capture
from pos.sync.batch import store_link


def resend_all(store_db: Database) -> tuple[str, int]:
    """Queue every replicated row again; the store's code and how many rows."""
    names = [t.name for t in capture.replicated_tables()]
    with store_db.write_connection() as conn:
        link = store_link(conn)  # sync.not_joined
        gone = capture.missing(conn, names)
        if gone:
            capture.install(conn, gone)
        return link.store_code, capture.snapshot(conn, names)
