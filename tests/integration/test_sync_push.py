"""Documents up, store -> head office, exactly once and verified on arrival
(pos.sync.batch, pos.sync.push, pos.hq.receive): the store on SQLite and on PostgreSQL,
head office on PostgreSQL. What conflicts between stores: test_sync_push_conflicts."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select, text

from pos.db.engine import Database, DatabaseUnavailable
from pos.db.models import HqSerial, SyncOutbox
from pos.hq.receive import resume_stream
from pos.kernel.errors import UserError
from pos.ledger.verify import verify
from pos.store import settings
from pos.sync import capture
from pos.sync.batch import consistent_read, error_from_json, read_batch
from pos.sync.push import pending, push_all, push_once, sole_pusher
from tests.integration.sync_helpers import (  # noqa: F401 - hq_db is a fixture
    alerts, count, deliver_to, hq_db, joined_store, journal, same_rows, sell, state, stream,
)

pytestmark = pytest.mark.postgres


def test_a_push_brings_every_document_once_and_twice_changes_nothing(demo_db, hq_db):
    store = demo_db
    sell(store, "PUSH-1")
    joined_store(store, hq_db, "S01")
    sell(store, "PUSH-2")  # after the join: captured by the triggers
    waiting = pending(store)
    result = push_all(store, deliver=deliver_to(hq_db))
    assert result.batches == 1 and result.pending_after == 0 and result.duplicates == 0
    assert result.new_entries == len(journal(store)) > 2
    assert journal(hq_db, "S01") == journal(store)
    assert count(hq_db, "store_s01.sales") == count(store, "sales") == 2
    same_rows(store, hq_db, "S01")
    assert pending(store) == 0 and waiting > 0
    row = stream(hq_db, "S01")
    assert (row.last_seq, row.last_hash) == journal(store)[-1] and row.batches == 1
    assert row.state == "ok" and abs(row.clock_skew_s) <= 5 and row.last_document_at
    link = state(store)
    assert link.sent_seq == row.last_seq and link.last_ok_at and link.last_error == ""
    # again: nothing to send, nothing doubled
    assert push_all(store, deliver=deliver_to(hq_db)).batches == 0
    # a sale more: only it travels
    sell(store, "PUSH-3")
    again = push_all(store, deliver=deliver_to(hq_db))
    assert again.new_entries == 1 and again.duplicates == 0
    assert journal(hq_db, "S01") == journal(store)
    assert count(hq_db, "store_s01.sales") == 3
    assert stream(hq_db, "S01").batches == 2
    assert alerts(hq_db) == []
    assert verify(store).ok


def test_a_kill_after_head_office_committed_is_sent_again_as_duplicates(demo_db, hq_db):
    store = demo_db
    joined_store(store, hq_db, "S01")
    sell(store, "KILL-1")
    apply = deliver_to(hq_db)

    def killed(batch):
        apply(batch)  # head office committed ...
        raise ConnectionResetError("the line dropped before the answer")  # ... unheard

    with pytest.raises(UserError) as refused:
        push_once(store, deliver=killed)
    assert refused.value.message_id == "sync.hq_unreachable"
    link = state(store)
    assert link.unreachable_since is not None and "sync.hq_unreachable" in link.last_error
    assert pending(store) > 0  # the store still holds what it sent
    entries = len(journal(store))
    sell(store, "KILL-2")
    result = push_all(store, deliver=apply)
    assert result.duplicates == entries and result.new_entries == 1
    assert journal(hq_db, "S01") == journal(store)
    assert count(hq_db, "store_s01.sales") == count(store, "sales") == 2
    assert count(hq_db, "hq_serials") == 2
    same_rows(store, hq_db, "S01")
    link = state(store)
    assert link.unreachable_since is None and link.last_error == ""
    assert verify(store).ok


def test_a_batch_that_fails_half_way_at_head_office_leaves_nothing_there(
        demo_db, hq_db, monkeypatch):
    store = demo_db
    joined_store(store, hq_db, "S01")
    sell(store, "HALF-1")
    waiting = pending(store)

    def killed(*_args, **_kwargs):  # after every row was written, before the commit
        raise RuntimeError("killed")

    monkeypatch.setattr("pos.hq.conflicts.flag", killed)
    with pytest.raises(RuntimeError):
        push_once(store, deliver=deliver_to(hq_db))
    assert count(hq_db, "store_s01.journal_entries") == 0
    assert count(hq_db, "store_s01.sales") == 0 and count(hq_db, "store_s01.products") == 0
    assert stream(hq_db, "S01").batches == 0 and pending(store) == waiting
    monkeypatch.undo()
    result = push_all(store, deliver=deliver_to(hq_db))
    assert result.duplicates == 0 and journal(hq_db, "S01") == journal(store)
    same_rows(store, hq_db, "S01")


def test_head_office_unreachable_is_remembered_from_the_first_failure(sqlite_demo_db, hq_db):
    store = sqlite_demo_db
    joined_store(store, hq_db, "S01")

    def down(_batch):
        raise DatabaseUnavailable("db.server_refused", where="hq.example")

    for _ in range(2):
        with pytest.raises(UserError) as refused:
            push_once(store, deliver=down)
        assert refused.value.message_id == "sync.hq_unreachable"
        if _ == 0:
            since = state(store).unreachable_since
    assert state(store).unreachable_since == since and since is not None
    assert stream(hq_db, "S01").batches == 0
    gone = Database("postgresql+psycopg://nobody@127.0.0.1:1/hq")  # a server that is not there
    with pytest.raises(UserError) as refused:
        push_once(store, deliver=deliver_to(gone))
    gone.dispose()
    assert refused.value.message_id == "sync.hq_unreachable"
    assert state(store).unreachable_since == since
    push_all(store, deliver=deliver_to(hq_db))
    assert state(store).unreachable_since is None and pending(store) == 0


def _tamper(store, seq: int) -> None:
    with store.write_connection() as conn:
        conn.execute(text("UPDATE journal_entries SET payload = payload || ' ' WHERE seq = :s"),
                     {"s": seq})


def test_a_tampered_entry_stops_the_stream_and_applies_nothing(demo_db, hq_db):
    store = demo_db
    sell(store, "TAMPER-1")
    joined_store(store, hq_db, "S01")
    _tamper(store, 2)
    waiting = pending(store)
    with pytest.raises(UserError) as refused:
        push_once(store, deliver=deliver_to(hq_db))
    assert refused.value.message_id == "hq.chain_broken"
    assert refused.value.params["store"] == "S01" and refused.value.params["seq"] == 2
    assert refused.value.params["why"].id == "hq.why_hash"
    assert count(hq_db, "store_s01.journal_entries") == 0
    assert count(hq_db, "store_s01.sales") == 0 and count(hq_db, "hq_serials") == 0
    row = stream(hq_db, "S01")
    assert row.state == "stopped" and row.last_seq == 0 and row.batches == 0
    assert error_from_json(row.error).id == "hq.chain_broken"
    (alert,) = alerts(hq_db)
    assert alert.kind == "chain_broken" and alert.resolved_at is None
    assert json.loads(alert.detail)["seq"] == 2
    assert pending(store) == waiting  # the store keeps it all
    assert error_from_json(state(store).last_error).id == "hq.chain_broken"
    # stopped: refused before anything is looked at
    with pytest.raises(UserError) as refused:
        push_once(store, deliver=deliver_to(hq_db))
    assert refused.value.message_id == "hq.stream_stopped"
    assert len(alerts(hq_db)) == 1
    # resumed: checked again, stopped again (the entry is still wrong)
    resume_stream(hq_db, "S01", by="manager Li")
    assert alerts(hq_db)[0].resolved_by == "manager Li"
    with pytest.raises(UserError) as refused:
        push_once(store, deliver=deliver_to(hq_db))
    assert refused.value.message_id == "hq.chain_broken"
    assert stream(hq_db, "S01").state == "stopped"
    assert count(hq_db, "store_s01.journal_entries") == 0


def test_an_entry_changed_after_it_was_sent_is_a_broken_chain(sqlite_demo_db, hq_db):
    store = sqlite_demo_db
    joined_store(store, hq_db, "S01")
    push_all(store, deliver=deliver_to(hq_db))
    sell(store, "LATE-1")
    _tamper(store, 1)  # captured: entry #1 travels again, changed
    with pytest.raises(UserError) as refused:
        push_all(store, deliver=deliver_to(hq_db))
    assert refused.value.message_id == "hq.chain_broken"
    assert refused.value.params["seq"] == 1
    assert count(hq_db, "store_s01.sales") == 0  # the sale of that batch is not applied


def test_a_gap_stops_the_stream(demo_db, hq_db):
    store = demo_db
    joined_store(store, hq_db, "S01")
    sell(store, "GAP-1")
    entries = journal(store)
    with store.read_connection() as conn:
        ids = dict(conn.execute(text("SELECT seq, id FROM journal_entries")).all())
    lost = [capture.pk_text([ids[2]]), capture.pk_text([ids[3]])]
    with store.write_connection() as conn:
        conn.execute(SyncOutbox.__table__.delete().where(
            SyncOutbox.tbl == "journal_entries", SyncOutbox.pk.in_(lost)))
    with pytest.raises(UserError) as refused:
        push_all(store, deliver=deliver_to(hq_db))
    assert refused.value.message_id == "hq.chain_gap"
    assert refused.value.params == {"store": "S01", "seq": 4, "last": 1}
    assert len(entries) >= 4
    assert stream(hq_db, "S01").state == "stopped"
    assert [a.kind for a in alerts(hq_db)] == ["chain_gap"]
    assert count(hq_db, "store_s01.journal_entries") == 0
    assert verify(store).ok


def test_an_unknown_store_or_one_not_joined_is_refused(sqlite_demo_db, hq_db):
    store = sqlite_demo_db
    with pytest.raises(UserError) as refused:
        read_batch(store)
    assert refused.value.message_id == "sync.not_joined"
    joined_store(store, hq_db, "S01")
    with store.write_connection() as conn:
        conn.execute(text("UPDATE sync_state SET store_code = 'S09'"))
    waiting = pending(store)
    with pytest.raises(UserError) as refused:
        push_once(store, deliver=deliver_to(hq_db))
    assert refused.value.message_id == "sync.unknown_store"
    assert refused.value.params == {"code": "S09"}
    assert pending(store) == waiting and stream(hq_db, "S01").batches == 0
    # a second database claiming S01 (another journal) is refused too
    with store.write_connection() as conn:
        conn.execute(text("UPDATE sync_state SET store_code = 'S01', chain_first = 'x'"))
    with pytest.raises(UserError) as refused:
        push_once(store, deliver=deliver_to(hq_db))
    assert refused.value.message_id == "sync.already_joined"
    assert count(hq_db, "store_s01.journal_entries") == 0 and alerts(hq_db) == []


def test_many_small_batches_give_what_one_batch_gives(demo_db, hq_db):
    store = demo_db
    joined_store(store, hq_db, "S01")
    push_all(store, deliver=deliver_to(hq_db))
    held = len(journal(store))
    for n in range(3):
        sell(store, f"SMALL-{n}")
    waiting = pending(store)
    result = push_all(store, deliver=deliver_to(hq_db), limit=7)
    assert result.batches == -(-waiting // 7) > 3
    assert result.new_entries == len(journal(store)) - held >= 3 and result.duplicates == 0
    assert result.pending_after == 0
    assert journal(hq_db, "S01") == journal(store)
    same_rows(store, hq_db, "S01")
    with hq_db.read_connection() as conn:
        assert conn.execute(select(func.count()).select_from(HqSerial)).scalar() == 3
    assert verify(store).ok


def test_a_deleted_row_ships_as_a_delete(demo_db, hq_db):
    store = demo_db
    joined_store(store, hq_db, "S01")
    push_all(store, deliver=deliver_to(hq_db))
    with store.read_connection() as conn:
        department, category = conn.execute(text(
            "SELECT department, category_id FROM department_sheets ORDER BY 1, 2")).first()
    with store.write_connection() as conn:  # a composite key, deleted; a setting changed
        conn.execute(text("DELETE FROM department_sheets WHERE department = :d "
                          "AND category_id = :c"), {"d": department, "c": category})
    with store.unit_of_work() as session:
        settings.set_setting(session, "allow_negative_stock", True)
    batch = read_batch(store)
    assert batch.deletes == {"department_sheets": [[department, category]]}
    assert "settings" in batch.upserts and "department_sheets" not in batch.upserts
    result = push_all(store, deliver=deliver_to(hq_db))
    assert result.rows == batch.row_count and result.duplicates == 0
    assert journal(hq_db, "S01") == journal(store)
    same_rows(store, hq_db, "S01")


def test_a_link_that_does_not_follow_or_another_schema_is_refused(sqlite_demo_db, hq_db):
    store = sqlite_demo_db
    joined_store(store, hq_db, "S01")
    push_all(store, deliver=deliver_to(hq_db))
    sell(store, "LINK-1")
    with hq_db.write_connection() as conn:  # head office holds another version of the end
        conn.execute(text("UPDATE alembic_version SET version_num = '0016'"))
    waiting = pending(store)
    with pytest.raises(UserError) as refused:
        push_all(store, deliver=deliver_to(hq_db))
    assert refused.value.message_id == "hq.schema_differs"
    assert refused.value.params["hq_rev"] == "0016" and pending(store) == waiting
    assert stream(hq_db, "S01").state == "ok" and alerts(hq_db) == []
    with hq_db.write_connection() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :v"),
                     {"v": read_batch(store).schema_rev})
        conn.execute(text("UPDATE hq_streams SET last_hash = :h"), {"h": "f" * 64})
    held = count(hq_db, "store_s01.journal_entries")
    with pytest.raises(UserError) as refused:
        push_all(store, deliver=deliver_to(hq_db))
    assert refused.value.message_id == "hq.chain_broken"
    assert refused.value.params["why"].id == "hq.why_link"
    assert refused.value.params["seq"] == held + 1
    assert count(hq_db, "store_s01.journal_entries") == held
    assert [a.kind for a in alerts(hq_db)] == ["chain_broken"]


def test_a_postgresql_store_is_read_in_one_repeatable_read_snapshot(pg_demo_db):
    with consistent_read(pg_demo_db) as conn:
        assert conn.exec_driver_sql("SHOW transaction_isolation").scalar() == "repeatable read"
        assert conn.exec_driver_sql("SHOW transaction_read_only").scalar() == "on"
    with pg_demo_db.read_connection() as conn:  # the pooled connection is back to normal
        assert conn.exec_driver_sql("SHOW transaction_isolation").scalar() == "read committed"


def test_one_push_of_a_store_at_a_time(demo_db, hq_db, monkeypatch):
    store = demo_db
    joined_store(store, hq_db, "S01")
    waiting = pending(store)
    monkeypatch.setattr("pos.sync.push.WAIT_S", 0.5)
    with sole_pusher(store):  # another `pos sync` of this store is sending
        with pytest.raises(UserError) as refused:
            push_once(store, deliver=deliver_to(hq_db))
        assert refused.value.message_id == "sync.push_running"
        assert pending(store) == waiting and stream(hq_db, "S01").batches == 0
    assert push_all(store, deliver=deliver_to(hq_db)).batches == 1  # it ended: free again
    assert pending(store) == 0 and journal(hq_db, "S01") == journal(store)


def test_an_entry_deleted_after_it_was_sent_is_a_broken_chain(sqlite_demo_db, hq_db):
    store = sqlite_demo_db
    joined_store(store, hq_db, "S01")
    sell(store, "GONE-1")
    push_all(store, deliver=deliver_to(hq_db))
    last = journal(store)[-1][0]
    with store.write_connection() as conn:
        conn.execute(text("DELETE FROM journal_entries WHERE seq = :s"), {"s": last})
    with pytest.raises(UserError) as refused:
        push_all(store, deliver=deliver_to(hq_db))
    assert refused.value.message_id == "hq.chain_broken"
    assert refused.value.params["seq"] == last
    assert refused.value.params["why"].id == "hq.why_deleted"
    assert journal(hq_db, "S01")[-1][0] == last  # head office keeps what it received


@pytest.mark.parametrize("shape", ["table", "column", "keyless", "short_key"])
def test_a_batch_of_what_head_office_does_not_keep_is_refused_whole(sqlite_demo_db, hq_db,
                                                                   shape):
    """A batch naming a table or column head office does not keep (a store of another
    version, a hand-made batch) is refused with the reason before any row is written."""
    from dataclasses import replace

    from pos.hq.receive import apply_batch

    store = sqlite_demo_db
    joined_store(store, hq_db, "S01")
    batch = read_batch(store)
    upserts, deletes = dict(batch.upserts), dict(batch.deletes)
    if shape == "table":
        upserts["hq_streams"] = [{"store_code": "S02", "chain_first": "x"}]
    elif shape == "column":
        upserts["sales"] = [dict(upserts["journal_entries"][0], owner="me")]
    elif shape == "keyless":
        upserts["stores"] = [dict(upserts["stores"][0], id=None)]
    else:
        deletes["store_stock"] = [[1]]
    with pytest.raises(UserError) as refused:
        apply_batch(hq_db, replace(batch, upserts=upserts, deletes=deletes))
    assert refused.value.message_id == {"table": "hq.batch_table", "column": "hq.batch_column",
                                        "keyless": "hq.batch_key",
                                        "short_key": "hq.batch_key"}[shape]
    assert count(hq_db, "store_s01.journal_entries") == 0
    assert stream(hq_db, "S01").state == "ok" and stream(hq_db, "S01").last_seq == 0
    assert push_all(store, deliver=deliver_to(hq_db)).new_entries > 0  # the real one goes
