"""Documents lost to a database that went back, sealed into the journal at start.

The witness (pos.ledger.head) shows when the database is behind what this machine saw
committed: a damaged file rolled back after a crash, or an older copy put back. Until
the next commit `pos journal verify` reports it; but the next sale moves the witness on,
and the loss would leave no trace. So every start (the till's and the `pos` command's
before anything is written) compares the two first, and a gap found is sealed as an
audit event `journal_behind`: how many documents, from which entry, and the witnessed
head, kept with the journal for good. `pos journal verify` lists these events after its
verdict, and the audit trail shows them.
"""

from __future__ import annotations

import logging

from pos.db.engine import Database
from pos.ledger import audit, chain
from pos.ledger.head import Gap, find_gap, read_witness, witness_path

ACTION = "journal_behind"
log = logging.getLogger(__name__)


def seal_lost_documents(db: Database) -> Gap | None:
    """Compare the database with this machine's witness; seal a gap found as an audit
    event and return it (None: nothing lost). Costs one small read when nothing is."""
    witnessed = read_witness(witness_path(db.engine.url))
    if witnessed is None:
        return None
    with db.read_connection() as conn:
        if find_gap(conn, witnessed) is None:
            return None
    with db.write_connection() as conn:
        chain.lock_head(conn)  # another till may be sealing the same gap right now
        gap = find_gap(conn, witnessed)
        if gap is None:
            return None
        audit.record(conn, staff_id=None, action=ACTION, ref=f"#{witnessed.seq}", details={
            "witnessed_seq": witnessed.seq, "witnessed_hash": witnessed.hash,
            "head_seq": gap.head_seq, "lost": gap.lost, "rewritten": gap.rewritten})
    log.warning("the database is behind its witness: %s", describe_gap(gap))
    return gap


def describe_gap(gap: Gap) -> str:
    """The gap in a sentence (English, like `pos journal verify`'s report)."""
    if gap.rewritten:
        return (f"journal #{gap.witnessed.seq} is not the entry this till saw committed "
                "there: the journal was rewritten from that place on")
    return (f"{gap.lost} documents after journal #{gap.head_seq} were lost (this till saw "
            f"#{gap.witnessed.seq} committed)")
