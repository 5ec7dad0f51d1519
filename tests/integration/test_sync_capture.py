"""Change capture (pos.sync.capture) and head office's replica schemas (pos.hq.replica):
every change of a replicated row leaves its key in the outbox in the sale's own
transaction; local-only tables leave nothing; a replica schema holds the store's tables."""

import pytest
from sqlalchemy import func, inspect, select

from pos.db.models import SyncOutbox
from pos.hq import replica
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from pos.sync import capture
from tests.integration.checkout_helpers import NOTEBOOK, new_cart


def _outbox(db) -> list[tuple[str, list]]:
    with db.read_connection() as conn:
        return [(tbl, capture.pk_values(pk)) for tbl, pk in
                conn.execute(select(SyncOutbox.tbl, SyncOutbox.pk).order_by(SyncOutbox.id))]


def _sell(db):
    cart = new_cart(db)
    unit = checkout.add_product(db, cart, code=NOTEBOOK)
    checkout.set_serial(db, cart, line_id=unit.line_id, serial="CAPTURE-1")
    total = sum(line.total for line in cart.lines)
    return completion.complete_sale(db, cart, tenders=[TenderInput("cash", total)])


def test_a_sale_leaves_the_keys_of_every_row_it_wrote_and_nothing_local(demo_db):
    db = demo_db
    names = [t.name for t in capture.replicated_tables()]
    with db.write_connection() as conn:
        assert not capture.installed(conn)
        capture.install(conn, names)
        assert capture.installed(conn)
    sale = _sell(db)
    found = _outbox(db)
    tables = {tbl for tbl, _ in found}
    assert {"sales", "sale_lines", "payments", "journal_entries", "journal_head",
            "store_stock", "stock_moves", "serial_units"} <= tables
    assert ("sales", [sale.sale_id]) in found
    assert not tables & capture.LOCAL_ONLY
    # the journal's entries come in the order they were sealed
    seqs = [pk[0] for tbl, pk in found if tbl == "journal_entries"]
    assert seqs == sorted(seqs) and seqs


def test_a_delete_and_a_changed_key_are_captured(demo_db):
    db = demo_db
    with db.write_connection() as conn:
        capture.install(conn, ["settings"])
        conn.exec_driver_sql("INSERT INTO settings (key, value_json) VALUES ('zz_probe', '1')")
        conn.exec_driver_sql("UPDATE settings SET key = 'zz_moved' WHERE key = 'zz_probe'")
        conn.exec_driver_sql("DELETE FROM settings WHERE key = 'zz_moved'")
    assert _outbox(db) == [("settings", ["zz_probe"]), ("settings", ["zz_moved"]),
                           ("settings", ["zz_probe"]), ("settings", ["zz_moved"])]


def test_snapshot_enqueues_what_is_there_in_key_order(demo_db):
    db = demo_db
    with db.write_connection() as conn:
        count = capture.snapshot(conn, ["journal_entries", "store_stock"])
        entries = conn.execute(select(func.count()).select_from(
            capture.table("journal_entries"))).scalar()
    found = _outbox(db)
    assert count == len(found) and entries > 0
    seqs = [pk[0] for tbl, pk in found if tbl == "journal_entries"]
    assert seqs == list(range(1, entries + 1))
    assert all(len(pk) == 2 for tbl, pk in found if tbl == "store_stock")


@pytest.mark.postgres
def test_a_replica_schema_holds_every_replicated_table_without_foreign_keys(pg_demo_db):
    db = pg_demo_db
    with db.write_connection() as conn:
        replica.ensure_replica(conn, "S01")
        replica.ensure_replica(conn, "S01")  # again: nothing to do
        inspector = inspect(conn)
        names = set(inspector.get_table_names(schema="store_s01"))
        assert names == {t.name for t in capture.replicated_tables()}
        assert inspector.get_foreign_keys("sale_lines", schema="store_s01") == []
    with pytest.raises(ValueError):
        replica.schema_name("S01; DROP TABLE sales")
    assert "search_path%3Dstore_s02" in replica.view_url(db.url, "S02") or \
        "search_path=store_s02" in replica.view_url(db.url, "S02")


def test_an_upgrade_keeps_a_joined_store_capturing_and_sends_a_rebuilt_table_whole(demo_db):
    """A migration that rebuilds a table on SQLite drops its triggers (and a new table has
    none): the upgrade puts them back in its own transaction and enqueues that table."""
    from pos.db import schema

    db = demo_db
    names = [t.name for t in capture.replicated_tables()]
    with db.write_connection() as conn:
        capture.install(conn, names)
        conn.exec_driver_sql("INSERT INTO sync_state (id, role, store_code, hq_display, "
                             "chain_first, master_version, sent_seq, last_error) "
                             "VALUES (1, 'store', 'S01', '', '', 0, 0, '')")
        capture.remove(conn, ["store_stock"])  # as a rebuilt table loses its triggers
        assert capture.missing(conn, names) == ["store_stock"]
        held = conn.exec_driver_sql("SELECT count(*) FROM store_stock").scalar()
    schema.upgrade(db.engine)
    with db.read_connection() as conn:
        assert capture.missing(conn, names) == []
    found = _outbox(db)
    assert len([1 for tbl, _ in found if tbl == "store_stock"]) == held > 0
    _sell(db)  # and the rebuilt table is captured again
    assert len([1 for tbl, _ in _outbox(db) if tbl == "store_stock"]) > held


def test_an_upgrade_of_a_database_outside_a_chain_installs_nothing(demo_db):
    from pos.db import schema

    schema.upgrade(demo_db.engine)
    with demo_db.read_connection() as conn:
        assert not capture.installed(conn)
    assert _outbox(demo_db) == []
