"""Head office verifies its copy of a store (pos.hq.verify): every document rebuilt from
head office's copy of the store's rows equals its seal, and the copy ends where the
stream says the chain was received; an edit at head office is found."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from pos.hq.verify import verify_chain, verify_store
from pos.kernel.errors import UserError
from pos.ledger.verify import verify
from pos.sync.push import push_all
from tests.integration.sync_helpers import deliver_to, hq_db, joined_store  # noqa: F401 - a fixture
from tests.integration.test_sync_push import sell

pytestmark = pytest.mark.postgres


def test_head_office_verifies_a_stores_copy_and_finds_an_edit(demo_db, hq_db):
    joined_store(demo_db, hq_db, "S01")
    sell(demo_db, "HQV-1")
    sell(demo_db, "HQV-2")
    push_all(demo_db, deliver=deliver_to(hq_db))
    mine = verify(demo_db)
    assert mine.ok
    verdict = verify_store(hq_db.url, "S01")
    assert verdict.ok, verdict.problem
    assert verdict.checked == mine.checked and verdict.head == mine.head
    assert [v.store for v in verify_chain(hq_db.url)] == ["S01"]
    # someone edits head office's copy of a sale
    with hq_db.write_connection() as conn:
        conn.execute(text("UPDATE store_s01.sales SET total = total - 100 WHERE id = "
                          "(SELECT max(id) FROM store_s01.sales)"))
    verdict = verify_store(hq_db.url, "S01")
    assert not verdict.ok and verdict.problem


def test_a_copy_holding_more_than_the_stream_received_fails(demo_db, hq_db):
    joined_store(demo_db, hq_db, "S01")
    sell(demo_db, "HQV-3")
    push_all(demo_db, deliver=deliver_to(hq_db))
    with hq_db.write_connection() as conn:  # the stream says one entry fewer
        conn.execute(text("UPDATE hq_streams SET last_seq = last_seq - 1, last_hash = "
                          "(SELECT prev_hash FROM store_s01.journal_entries ORDER BY seq DESC "
                          "LIMIT 1) WHERE store_code = 'S01'"))
    verdict = verify_store(hq_db.url, "S01")
    assert not verdict.ok and "received the chain up to" in verdict.problem


def test_an_unknown_store_is_refused(hq_db):
    with pytest.raises(UserError) as refused:
        verify_store(hq_db.url, "S09")
    assert refused.value.message_id in ("sync.unknown_store", "sync.not_hq")


def test_pos_hq_verify_says_each_store_and_exits_2_when_one_fails(demo_db, hq_db, capsys):
    from pos.cli import main

    joined_store(demo_db, hq_db, "S01")
    sell(demo_db, "HQV-CLI")
    push_all(demo_db, deliver=deliver_to(hq_db))
    where = "--db=" + hq_db.engine.url.render_as_string(hide_password=False)
    capsys.readouterr()
    assert main([where, "hq", "verify"]) == 0
    assert "Store S01:" in capsys.readouterr().out
    with hq_db.write_connection() as conn:
        conn.execute(text("DELETE FROM store_s01.payments WHERE id = "
                          "(SELECT max(id) FROM store_s01.payments)"))
    assert main([where, "hq", "verify", "s01"]) == 2
    assert "fails after" in capsys.readouterr().out
