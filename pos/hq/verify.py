"""Head office verifies its copy of a store: every document the store sealed, rebuilt
from head office's copy of its rows, must equal its seal, and every row stating a fact
must be accounted for, exactly as `pos journal verify` checks at the store
(pos.ledger.verify, without the store's key and witness, which stay at the store). The
copy must end where head office's stream says it received the store's chain: a copy that
was edited at head office, or that holds a document the stream never checked, fails.

Run it when the store has sent everything: a batch is a slice of the store's outbox, so
between two batches the copy may hold rows whose seal is in the next one."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from pos.db.models import HqStream
from pos.hq.reports import store_views
from pos.kernel.errors import UserError
from pos.ledger.chain import anchor_code
from pos.ledger.verify import verify


@dataclass(frozen=True)
class StoreVerdict:
    store: str
    ok: bool
    checked: int  # documents found good
    problem: str | None  # the first problem (English, as journal verify says it)
    head: str | None  # the anchor code of the last document received


def verify_store(hq_url: str, code: str) -> StoreVerdict:
    """Verify head office's copy of store `code` (UserError sync.unknown_store when head
    office has no stream from it)."""
    with store_views(hq_url) as views:
        with views.hq.read_connection() as conn:
            stream = conn.execute(select(HqStream).where(HqStream.store_code == code)).first()
        if stream is None:
            raise UserError("sync.unknown_store", code=str(code)[:20])
        if not views.known(code):
            return StoreVerdict(code, stream.last_seq == 0, 0,
                                None if stream.last_seq == 0 else
                                "no row of the store arrived at head office", None)
        with views.of(code) as db:
            result = verify(db, keyed=False)
    expected = anchor_code(stream.last_hash) if stream.last_seq else None
    if result.ok and result.head != expected:
        return StoreVerdict(code, False, result.checked,
                            f"the copy ends at {result.head} but head office received the "
                            f"chain up to #{stream.last_seq} ({expected})", result.head)
    return StoreVerdict(code, result.ok, result.checked, result.problem, result.head)


def verify_chain(hq_url: str) -> list[StoreVerdict]:
    """Every store head office knows, verified in turn."""
    with store_views(hq_url) as views:
        with views.hq.read_connection() as conn:
            codes = conn.execute(select(HqStream.store_code)
                                 .order_by(HqStream.store_code)).scalars().all()
    return [verify_store(hq_url, code) for code in codes]
