"""Master data flows down (issue 21): head office's catalog, sheets and tiers arrive at a
store by natural key with the store's own ids, once; the store's own prices survive a
pull where the chain allows them; older master data is refused and changes nothing;
versions follow head office's commit order (pos.hq.master, pos.sync.pull, pos.sync.prices)."""

from __future__ import annotations

import os
import threading
from functools import partial

import pytest
from sqlalchemy import text

from pos.catalog import search
from pos.db.engine import Database, DatabaseUnavailable
from pos.hq.master import master_changes, master_version, start_master
from pos.kernel.errors import UserError
from pos.ledger.verify import verify
from pos.selling import checkout, completion, sheet
from pos.selling.cart import TenderInput
from pos.store.settings import change_setting
from pos.sync import prices
from pos.sync.master_keys import MasterBatch
from pos.sync.pull import pull_all, pull_once
from tests.integration.checkout_helpers import NOTEBOOK, item_id, new_cart

pytestmark = pytest.mark.postgres
_hq_count = iter(range(10**6))


def _new_hq(pg_server) -> Database:
    name = f"tickbox_hq_{os.getpid()}_{next(_hq_count)}"
    pg_server.execute(f"CREATE DATABASE {name} TEMPLATE tickbox_demo_template")
    hq = Database(pg_server.url(name))
    hq.test_drop = lambda: pg_server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    with hq.write_connection() as conn:
        start_master(conn)
    return hq


@pytest.fixture
def hq(pg_server):
    database = _new_hq(pg_server)
    yield database
    database.dispose()
    database.test_drop()


def _join(store) -> None:
    """What `pos store join` leaves for a pull: the store's sync_state row."""
    with store.write_connection() as conn:
        conn.execute(text("INSERT INTO sync_state (id, role, store_code, hq_display, "
                          "chain_first, master_version, sent_seq, last_error) "
                          "VALUES (1, 'store', 'S01', 'hq', '', 0, 0, '')"))


def _run(db, sql: str, **params):
    with db.write_connection() as conn:
        return conn.execute(text(sql), params)


def _one(db, sql: str, **params):
    with db.read_connection() as conn:
        return conn.execute(text(sql), params).scalar()


def _rows(db, sql: str, **params):
    with db.read_connection() as conn:
        return conn.execute(text(sql), params).all()


def _catalog(db):
    return _rows(db, "SELECT p.sku, p.name, p.price, p.active, c.code FROM products p "
                     "JOIN categories c ON c.id = p.category_id ORDER BY p.sku")


def _held(db) -> int:
    return _one(db, "SELECT master_version FROM sync_state WHERE id = 1")


def _found(db, words: str) -> set[int]:
    with db.read_connection() as conn:
        return set(search.search_ids(conn, words, 20))


def _shift_ids(store) -> None:
    """A category and a product made at the store first: its next ids are not head
    office's."""
    _run(store, "INSERT INTO categories (code, name, kind) VALUES ('LOCAL', 'Local', "
                "'accessory')")
    _run(store, "INSERT INTO products (sku, name, search_text, category_id, price, cost, "
                "vat_rate_bp, price_role, serial_tracked, active) SELECT 'LOCAL-1', 'Local "
                "thing', 'local thing local-1', id, 100, 50, 1300, 'none', false, true FROM "
                "categories WHERE code = 'LOCAL'")


def _manager(db) -> int:
    return _one(db, "SELECT id FROM staff WHERE role = 'manager' AND active ORDER BY id")


def test_head_office_changes_arrive_with_the_stores_own_ids_once(hq, demo_db):
    store = demo_db
    _join(store)
    _shift_ids(store)
    fetch = partial(master_changes, hq)
    first = pull_all(store, fetch=fetch, limit=300)  # the snapshot, in several batches
    assert first.batches > 1 and first.version == master_version_of(hq)
    assert first.inserted == 0  # the same demo catalog: nothing new, nothing moved
    assert _catalog(store)[:3] == [r for r in _catalog(hq) if r.sku != "LOCAL-1"][:3]

    # at head office: a price, a new category with a product, a sheet item renamed and
    # given the new product, a category's code renamed, a terminal renamed
    _run(hq, "UPDATE products SET price = 123400 WHERE sku = 'MON-AOC-Q27'")
    _run(hq, "INSERT INTO categories (code, name, kind) VALUES ('DRONE', 'Drones', "
             "'main_unit')")
    _run(hq, "INSERT INTO products (sku, barcode, name, search_text, category_id, price, "
             "cost, vat_rate_bp, price_role, serial_tracked, active) SELECT 'DRN-MINI4', "
             "'6900000000017', 'Skyhawk mini drone', 'skyhawk mini drone drn-mini4', id, "
             "399900, 300000, 1300, 'none', true, true FROM categories WHERE code = 'DRONE'")
    item = "SELECT i.id FROM sheet_items i JOIN sheet_sections s ON s.id = i.section_id " \
           "JOIN sheet_templates t ON t.id = s.template_id " \
           "WHERE t.code = 'desktop' AND s.code = 'accessories' AND i.code = 'monitor'"
    _run(hq, f"UPDATE sheet_items SET name = 'Monitor (27 inch)' WHERE id = ({item})")
    _run(hq, f"INSERT INTO sheet_item_products (item_id, product_id, position) SELECT "
             f"({item}), id, 9 FROM products WHERE sku = 'DRN-MINI4'")
    _run(hq, "UPDATE categories SET code = 'BAGS-CASES' WHERE code = 'BAGS'")
    _run(hq, "UPDATE terminals SET name = 'renamed at head office'")
    bags = _one(store, "SELECT id FROM categories WHERE code = 'BAGS'")

    done = pull_all(store, fetch=fetch)
    assert done.inserted == 3 and done.version == master_version_of(hq)
    assert _one(store, "SELECT price FROM products WHERE sku = 'MON-AOC-Q27'") == 123400
    drone = _one(store, "SELECT id FROM categories WHERE code = 'DRONE'")
    assert drone != _one(hq, "SELECT id FROM categories WHERE code = 'DRONE'")
    product = _rows(store, "SELECT id, category_id, price FROM products "
                           "WHERE sku = 'DRN-MINI4'")[0]
    assert product.category_id == drone and product.price == 399900
    assert product.id != _one(hq, "SELECT id FROM products WHERE sku = 'DRN-MINI4'")
    assert _rows(store, f"SELECT name FROM sheet_items WHERE id = ({item})")[0].name == \
        "Monitor (27 inch)"
    assert _one(store, f"SELECT product_id FROM sheet_item_products WHERE item_id = ({item}) "
                       f"AND position = 9") == product.id
    assert _one(store, "SELECT id FROM categories WHERE code = 'BAGS-CASES'") == bags
    assert _one(store, "SELECT count(*) FROM terminals WHERE name = 'renamed at head office'") \
        == 0
    assert product.id in _found(store, "skyhawk")  # the search knows the new product
    assert _one(store, "SELECT count(*) FROM products WHERE sku = 'LOCAL-1'") == 1

    again = pull_all(store, fetch=fetch)
    assert again.applied == 0 and again.version == done.version
    assert verify(store).ok


def master_version_of(db) -> int:
    with db.read_connection() as conn:
        return master_version(conn)


def test_what_head_office_deletes_goes_unless_the_stores_documents_name_it(hq, demo_db):
    store = demo_db
    _join(store)
    fetch = partial(master_changes, hq)
    for sku in ("GONE-A", "GONE-B"):
        _run(hq, "INSERT INTO products (sku, name, search_text, category_id, price, cost, "
                 "vat_rate_bp, price_role, serial_tracked, active) SELECT :sku, 'Gone thing', "
                 "'gone thing', id, 1000, 500, 1300, 'none', false, true FROM categories "
                 "WHERE code = 'BAGS'", sku=sku)
    pull_all(store, fetch=fetch)
    kept = _one(store, "SELECT id FROM products WHERE sku = 'GONE-A'")
    # the store plans to hold it (a reorder point): its stock row names the product
    _run(store, "INSERT INTO store_stock (store_id, product_id, on_hand, in_transit, "
                "reorder_point) SELECT id, :p, 0, 0, 2 FROM stores WHERE code = 'S01'", p=kept)
    assert kept in _found(store, "gone")
    # a sheet item dropped from a sheet at head office (its section's later items move up)
    _run(hq, "DELETE FROM sheet_items WHERE code = 'game-wheel'")
    _run(hq, "DELETE FROM products WHERE sku IN ('GONE-A', 'GONE-B')")

    done = pull_all(store, fetch=fetch)
    # GONE-B, the sheet item and its one product; GONE-A deactivated
    assert (done.deleted, done.deactivated) == (3, 1)
    assert _rows(store, "SELECT sku, active FROM products WHERE sku LIKE 'GONE-%'") == \
        [("GONE-A", False)]
    assert kept not in _found(store, "gone")
    assert _one(store, "SELECT count(*) FROM sheet_items WHERE code = 'game-wheel'") == 0
    tree = "SELECT count(*) FROM sheet_item_products"
    assert _one(store, tree) == _one(hq, tree)
    assert verify(store).ok


def test_a_store_price_survives_a_pull_and_clearing_it_brings_head_offices(hq, demo_db):
    store = demo_db
    _join(store)
    fetch = partial(master_changes, hq)
    pull_all(store, fetch=fetch)
    manager = _manager(store)
    cashier = _one(store, "SELECT id FROM staff WHERE role = 'cashier' ORDER BY id")
    with pytest.raises(UserError) as refused:
        prices.set_store_price(store, sku="MON-AOC-Q27", price=99900, staff_id=manager)
    assert refused.value.message_id == "sync.store_prices_off"
    change_setting(store, key="store_prices_allowed", value_text="true", staff_id=manager)
    with pytest.raises(UserError) as refused:
        prices.set_store_price(store, sku="MON-AOC-Q27", price=99900, staff_id=cashier)
    assert refused.value.message_id == "sync.prices_managers_only"
    hq_price = _one(store, "SELECT price FROM products WHERE sku = 'MON-AOC-Q27'")
    assert hq_price != 99900
    prices.set_store_price(store, sku="MON-AOC-Q27", price=99900, staff_id=manager)
    assert _one(store, "SELECT price FROM products WHERE sku = 'MON-AOC-Q27'") == 99900

    _run(hq, "UPDATE products SET price = 150000, name = 'AOC Q27 monitor, new box' "
             "WHERE sku = 'MON-AOC-Q27'")
    pull_all(store, fetch=fetch)
    assert _rows(store, "SELECT name, price FROM products WHERE sku = 'MON-AOC-Q27'") == \
        [("AOC Q27 monitor, new box", 99900)]

    _run(hq, "UPDATE products SET sku = 'MON-AOC-Q27B' WHERE sku = 'MON-AOC-Q27'")
    pull_all(store, fetch=fetch)  # the store's price follows its product to its new sku
    assert _rows(store, "SELECT sku, price FROM price_overrides") == [("MON-AOC-Q27B", 99900)]
    assert _one(store, "SELECT price FROM products WHERE sku = 'MON-AOC-Q27B'") == 99900

    cleared = prices.clear_store_price(store, sku="MON-AOC-Q27B", staff_id=manager)
    assert cleared.price == 150000
    assert _one(store, "SELECT price FROM products WHERE sku = 'MON-AOC-Q27B'") == 150000
    assert _one(store, "SELECT count(*) FROM price_overrides") == 0
    with pytest.raises(UserError) as refused:
        prices.clear_store_price(store, sku="MON-AOC-Q27B", staff_id=manager)
    assert refused.value.message_id == "sync.no_store_price"
    actions = [tuple(r) for r in _rows(store, "SELECT action, ref FROM audit_events WHERE ref "
                                              "LIKE 'MON-AOC-Q27%' ORDER BY id")]
    assert actions == [("store_price_set", "MON-AOC-Q27"), ("store_price_kept", "MON-AOC-Q27"),
                       ("store_price_kept", "MON-AOC-Q27B"),
                       ("store_price_cleared", "MON-AOC-Q27B")]
    assert verify(store).ok


def test_older_master_data_is_refused_and_nothing_changes(hq, demo_db, pg_server):
    store = demo_db
    _join(store)
    fetch = partial(master_changes, hq)
    for _ in range(3):  # changes the older copy below never saw
        _run(hq, "UPDATE products SET price = price + 100 WHERE sku = 'MON-AOC-Q27'")
    pull_all(store, fetch=fetch)
    held = _held(store)
    before = _catalog(store)
    restored = _new_hq(pg_server)  # head office restored from an older copy
    try:
        _run(restored, "UPDATE products SET price = 1 WHERE sku = 'MON-AOC-Q27'")
        offered = master_version_of(restored)
        assert offered < held
        with pytest.raises(UserError) as refused:
            pull_once(store, fetch=partial(master_changes, restored))
        assert refused.value.message_id == "sync.master_older"
        assert refused.value.params == {"offered": offered, "held": held}
    finally:
        restored.dispose()
        restored.test_drop()
    # a batch whose own version is below the store's, whatever head office says it holds
    old = MasterBatch(version=held - 1, hq_version=held + 5, rows={"products": []})
    with pytest.raises(UserError) as refused:
        pull_once(store, fetch=lambda **_: old)
    assert refused.value.message_id == "sync.master_older"
    assert _catalog(store) == before and _held(store) == held
    assert verify(store).ok


def test_a_row_without_a_required_field_changes_nothing(hq, demo_db):
    store = demo_db
    _join(store)
    fetch = partial(master_changes, hq)
    pull_all(store, fetch=fetch)
    held, before = _held(store), _catalog(store)
    _run(hq, "UPDATE products SET price = 777700 WHERE sku IN ('MON-AOC-Q27', 'MON-PHI-24')")
    batch = fetch(since=held, limit=100)
    assert [r["sku"] for r in batch.rows["products"]] == ["MON-AOC-Q27", "MON-PHI-24"]
    del batch.rows["products"][1]["name"]
    with pytest.raises(UserError) as refused:
        pull_once(store, fetch=lambda **_: batch)
    assert refused.value.message_id == "sync.master_bad_row"
    assert refused.value.params["field"] == "name"
    # and a row naming a parent the store does not hold
    batch = fetch(since=held, limit=100)
    batch.rows["products"][1]["_ref"]["category_id"] = ["NO-SUCH-CATEGORY"]
    with pytest.raises(UserError) as refused:
        pull_once(store, fetch=lambda **_: batch)
    assert refused.value.message_id == "sync.master_missing"
    assert _catalog(store) == before and _held(store) == held
    # a table that is not master data (a till) is never applied, whatever comes
    tills = _rows(store, "SELECT code, name FROM terminals ORDER BY code")
    foreign = MasterBatch(version=held, hq_version=held, rows={"terminals": [
        {"id": 1, "code": "T01", "name": "from head office", "_key": ["T01"], "_ref": {}}]})
    assert pull_once(store, fetch=lambda **_: foreign).applied == 0
    assert _rows(store, "SELECT code, name FROM terminals ORDER BY code") == tills
    pull_all(store, fetch=fetch)
    assert _one(store, "SELECT price FROM products WHERE sku = 'MON-PHI-24'") == 777700


def test_a_database_that_has_not_joined_cannot_pull(hq, demo_db):
    with pytest.raises(UserError) as refused:
        pull_once(demo_db, fetch=partial(master_changes, hq))
    assert refused.value.message_id == "sync.not_joined"


def test_versions_follow_head_offices_commit_order(hq, pg_demo_db):
    """The transaction that started later waits for the earlier one's version to commit
    (capture's advisory lock), so a pull never skips a version that commits late."""
    store = pg_demo_db
    _join(store)
    fetch = partial(master_changes, hq)
    pull_all(store, fetch=fetch)
    held = _held(store)
    early = hq.engine.connect()
    early.begin()
    early.execute(text("UPDATE products SET price = 111100 WHERE sku = 'MON-AOC-Q27'"))
    late_done = threading.Event()

    def late():
        _run(hq, "UPDATE products SET price = 222200 WHERE sku = 'MON-PHI-24'")
        late_done.set()

    worker = threading.Thread(target=late)
    worker.start()
    try:
        _wait_for_lock_waiter(hq)
        assert not late_done.is_set()
        nothing = pull_once(store, fetch=fetch)  # neither has committed
        assert nothing.applied == 0 and nothing.version == held
    finally:
        early.commit()
        early.close()
        worker.join()
    order = _rows(hq, "SELECT version, pk FROM master_log WHERE version > :v AND "
                      "tbl = 'products' ORDER BY version", v=held)
    ids = {sku: _one(hq, "SELECT id FROM products WHERE sku = :s", s=sku)
           for sku in ("MON-AOC-Q27", "MON-PHI-24")}
    assert [pk for _, pk in order] == [f"[{ids['MON-AOC-Q27']}]", f"[{ids['MON-PHI-24']}]"]
    done = pull_all(store, fetch=fetch)
    assert done.updated == 2
    assert _rows(store, "SELECT sku, price FROM products WHERE sku IN ('MON-AOC-Q27', "
                        "'MON-PHI-24') ORDER BY sku") == [("MON-AOC-Q27", 111100),
                                                          ("MON-PHI-24", 222200)]
    assert verify(store).ok


def _wait_for_lock_waiter(hq) -> None:
    """Until a session of head office waits for the master advisory lock."""
    event = threading.Event()
    for _ in range(500):
        if _one(hq, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                    "AND NOT granted"):
            return
        event.wait(0.02)
    raise AssertionError("the later transaction never waited for the lock")


def test_codes_renamed_or_deleted_at_head_office_follow_by_their_old_code(sqlite_demo_db,
                                                                          pg_demo_db):
    """The same log on SQLite (a head office for a test or a demo) as on PostgreSQL: the
    code a row had is logged when it goes or changes."""
    hq, store = sqlite_demo_db, pg_demo_db
    with hq.write_connection() as conn:
        start_master(conn)
        assert start_master(conn) == 0  # again: triggers replaced, nothing logged twice
    _join(store)
    fetch = partial(master_changes, hq)
    _run(hq, "INSERT INTO products (sku, name, search_text, category_id, price, cost, "
             "vat_rate_bp, price_role, serial_tracked, active) SELECT 'TEMP-1', 'Temp', "
             "'temp temp-1', id, 1000, 500, 1300, 'none', false, true FROM categories "
             "WHERE code = 'BAGS'")
    pull_all(store, fetch=fetch)
    tier = _one(store, "SELECT id FROM service_tiers ORDER BY id")
    code = _one(store, "SELECT code FROM service_tiers WHERE id = :i", i=tier)
    _run(hq, "UPDATE service_tiers SET code = 'RENAMED' WHERE code = :c", c=code)
    _run(hq, "DELETE FROM products WHERE sku = 'TEMP-1'")
    batch = fetch(since=_held(store))
    assert batch.renames == {"service_tiers": [[[code], ["RENAMED"]]]}
    assert batch.deletes == {"products": [["TEMP-1"]]}
    done = pull_all(store, fetch=fetch)
    assert (done.updated, done.deleted) == (1, 1)
    assert _one(store, "SELECT code FROM service_tiers WHERE id = :i", i=tier) == "RENAMED"
    assert _one(store, "SELECT count(*) FROM products WHERE sku = 'TEMP-1'") == 0
    assert pull_all(store, fetch=fetch).applied == 0
    assert verify(store).ok


def _item(template: str, code: str) -> str:
    return ("SELECT i.id FROM sheet_items i JOIN sheet_sections s ON s.id = i.section_id "
            "JOIN sheet_templates t ON t.id = s.template_id "
            f"WHERE t.code = '{template}' AND i.code = '{code}'")


def _sell_declining(store, code: str) -> int:
    """A notebook sold with its sheet's item `code` declined: the sale names the item."""
    cart = new_cart(store)
    unit = checkout.add_product(store, cart, code=NOTEBOOK)
    checkout.set_serial(store, cart, line_id=unit.line_id, serial="MASTER-1")
    item = item_id(store, cart, unit.line_id, code)
    sheet.mark_item(store, cart, main_line_id=unit.line_id, item_id=item, outcome="declined")
    total = sum(line.total for line in cart.lines)
    completion.complete_sale(store, cart, tenders=[TenderInput("cash", total)])
    assert _one(store, "SELECT count(*) FROM sheet_outcomes WHERE sheet_item_id = :i", i=item)
    return item


def test_sheet_items_moved_at_head_office_keep_their_ids_at_the_store(hq, demo_db):
    """Items are known by their template's and their own code: reordered or moved to
    another section at head office, they move at the store with the ids its sales name;
    one deleted at head office that the store's sales name stays, last on its sheet."""
    store = demo_db
    _join(store)
    fetch = partial(master_changes, hq)
    pull_all(store, fetch=fetch)
    sold = _sell_declining(store, "bag")  # a notebook sold, its sheet's bag declined
    ids = {code: _one(store, _item("desktop", code)) for code in ("monitor", "chair", "webcam")}
    # at head office, as the checklist import does it: positions parked, then set
    _run(hq, f"UPDATE sheet_items SET position = -1 WHERE id = ({_item('desktop', 'monitor')})")
    _run(hq, f"UPDATE sheet_items SET position = 1 WHERE id = ({_item('desktop', 'chair')})")
    _run(hq, f"UPDATE sheet_items SET position = 2 WHERE id = ({_item('desktop', 'monitor')})")
    _run(hq, f"UPDATE sheet_items SET position = 9, section_id = (SELECT s.id FROM "
             f"sheet_sections s JOIN sheet_templates t ON t.id = s.template_id WHERE "
             f"t.code = 'desktop' AND s.code = 'gaming') "
             f"WHERE id = ({_item('desktop', 'webcam')})")
    _run(hq, f"DELETE FROM sheet_items WHERE id = ({_item('notebook', 'bag')})")

    done = pull_all(store, fetch=fetch)
    assert done.kept == 1 and done.inserted == 0
    assert {code: _one(store, _item("desktop", code)) for code in ids} == ids
    placed = _rows(store, "SELECT i.code, i.position, s.code AS section FROM sheet_items i "
                          "JOIN sheet_sections s ON s.id = i.section_id WHERE i.id IN "
                          f"({ids['monitor']}, {ids['chair']}, {ids['webcam']}) ORDER BY i.code")
    assert [tuple(r) for r in placed] == [("chair", 1, "accessories"),
                                          ("monitor", 2, "accessories"),
                                          ("webcam", 9, "gaming")]
    assert _one(store, f"SELECT position FROM sheet_items WHERE id = {sold}") >= 1_000_000
    assert pull_all(store, fetch=fetch).applied == 0
    assert verify(store).ok


def test_a_batch_cut_before_a_parent_changed_still_brings_the_parent(hq, demo_db):
    """Rows travel as they are now: a product changed, then its category renamed and
    another made for a second product; pulled one log row at a time, each batch brings
    the parents its rows name (the rename applied in place, not a second category)."""
    store = demo_db
    _join(store)
    fetch = partial(master_changes, hq)
    pull_all(store, fetch=fetch)
    bag = _one(hq, "SELECT sku FROM products p JOIN categories c ON c.id = p.category_id "
                   "WHERE c.code = 'BAGS' ORDER BY sku")
    other = _one(hq, "SELECT sku FROM products WHERE sku <> :s ORDER BY sku", s=bag)
    bags = _one(store, "SELECT id FROM categories WHERE code = 'BAGS'")
    _run(hq, "UPDATE products SET price = price + 1 WHERE sku IN (:a, :b)", a=bag, b=other)
    _run(hq, "UPDATE categories SET code = 'BAGS-2' WHERE code = 'BAGS'")
    _run(hq, "INSERT INTO categories (code, name, kind) VALUES ('LATER', 'Later', "
             "'accessory')")
    _run(hq, "UPDATE products SET category_id = (SELECT id FROM categories WHERE code = "
             "'LATER') WHERE sku = :s", s=other)
    first = pull_once(store, fetch=fetch, limit=1)
    assert first.more
    done = pull_all(store, fetch=fetch, limit=1)
    assert done.batches > 3 and not done.more
    assert _one(store, "SELECT id FROM categories WHERE code = 'BAGS-2'") == bags
    assert _one(store, "SELECT count(*) FROM categories WHERE code IN ('BAGS', 'LATER')") == 1
    assert _rows(store, "SELECT c.code FROM products p JOIN categories c ON c.id = "
                        "p.category_id WHERE p.sku IN (:a, :b) ORDER BY p.sku",
                 a=bag, b=other) == _rows(hq, "SELECT c.code FROM products p JOIN categories "
                                              "c ON c.id = p.category_id WHERE p.sku IN "
                                              "(:a, :b) ORDER BY p.sku", a=bag, b=other)
    assert verify(store).ok


def test_a_head_office_that_cannot_be_reached_is_a_refusal_and_the_store_keeps_its_version(
        sqlite_demo_db):
    store = sqlite_demo_db
    _join(store)
    gone = Database("postgresql+psycopg://nobody@127.0.0.1:1/hq?connect_timeout=2")
    with pytest.raises(DatabaseUnavailable):
        pull_once(store, fetch=partial(master_changes, gone))
    assert _held(store) == 0
