"""Head office lost what it had acknowledged (restored from an older backup): the store's
next batch is a gap and the stream stops; `pos sync resend` at the store and `pos hq
resume` at head office bring it back whole, each document once, the copy verifying."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from pos.hq.receive import resume_stream
from pos.hq.verify import verify_store
from pos.kernel.errors import UserError
from pos.sync.push import push_all
from pos.sync.resend import resend_all
from tests.integration.sync_helpers import deliver_to, hq_db, joined_store  # noqa: F401 - a fixture
from tests.integration.test_sync_push import journal, sell

pytestmark = pytest.mark.postgres


def _forget_after(hq_db, seq: int) -> None:
    """Head office as an older backup left it: the store's copy and stream end at `seq`."""
    with hq_db.write_connection() as conn:
        last_hash = conn.execute(text("SELECT hash FROM store_s01.journal_entries WHERE "
                                      "seq = :s"), {"s": seq}).scalar()
        conn.execute(text("DELETE FROM store_s01.journal_entries WHERE seq > :s"), {"s": seq})
        conn.execute(text("DELETE FROM store_s01.sales WHERE id > (SELECT min(id) FROM "
                          "store_s01.sales)"))
        conn.execute(text("UPDATE hq_streams SET last_seq = :s, last_hash = :h WHERE "
                          "store_code = 'S01'"), {"s": seq, "h": last_hash})


def _gap_after_a_loss(store, hq_db, deliver, tag: str) -> int:
    """A store syncs twice, head office then loses the second batch, the store sells on:
    its next push is a chain gap. How many entries head office kept."""
    joined_store(store, hq_db, "S01")
    sell(store, f"{tag}-1")
    push_all(store, deliver=deliver)
    kept = journal(hq_db, "S01")[-1][0]
    sell(store, f"{tag}-2")
    push_all(store, deliver=deliver)
    _forget_after(hq_db, kept)
    sell(store, f"{tag}-3")
    with pytest.raises(UserError) as refused:
        push_all(store, deliver=deliver)
    assert refused.value.message_id == "hq.chain_gap"
    return kept


def test_a_store_sends_its_history_again_after_head_office_lost_some(demo_db, hq_db):
    deliver = deliver_to(hq_db)
    kept = _gap_after_a_loss(demo_db, hq_db, deliver, "RESEND")
    code, rows = resend_all(demo_db)
    assert code == "S01" and rows > 0
    with pytest.raises(UserError) as still:
        push_all(demo_db, deliver=deliver)  # stopped until head office looked
    assert still.value.message_id == "hq.stream_stopped"
    resume_stream(hq_db, "S01", by="test")
    result = push_all(demo_db, deliver=deliver)
    assert result.duplicates == kept
    assert journal(hq_db, "S01") == journal(demo_db)
    verdict = verify_store(hq_db.url, "S01")
    assert verdict.ok, verdict.problem


def test_resend_refuses_a_database_that_never_joined(demo_db):
    with pytest.raises(UserError) as refused:
        resend_all(demo_db)
    assert refused.value.message_id == "sync.not_joined"


def test_pos_sync_resend_says_what_it_queued(demo_db, hq_db, capsys):
    from pos.cli import main

    joined_store(demo_db, hq_db, "S01")
    push_all(demo_db, deliver=deliver_to(hq_db))
    capsys.readouterr()
    where = "--db=" + demo_db.engine.url.render_as_string(hide_password=False)
    assert main([where, "sync", "resend"]) == 0
    said = capsys.readouterr().out
    assert "queued to be sent again" in said and "pos hq resume S01" in said


def test_a_gap_below_what_head_office_acknowledged_queues_the_history_by_itself(demo_db, hq_db):
    deliver = deliver_to(hq_db)
    _gap_after_a_loss(demo_db, hq_db, deliver, "RESEND-A")
    resume_stream(hq_db, "S01", by="test")  # head office looked; the store did nothing
    push_all(demo_db, deliver=deliver)
    assert journal(hq_db, "S01") == journal(demo_db)
    assert verify_store(hq_db.url, "S01").ok
