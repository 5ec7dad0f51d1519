"""Staff and settings flow down (issue 21): head office's people and chain settings arrive
at a store through the store's sealed paths (a staff or setting record in its journal, so
`journal verify` holds), never with head office's PIN hashes; a newcomer cannot log in
until a store manager sets their PIN; the store's own settings (printers, backups...) stay
the store's; a value the store's rules refuse refuses the pull; a second pull seals
nothing (pos.sync.people_apply, pos.hq.master, pos.people.staff.set_pin)."""

from __future__ import annotations

import json
import os
from functools import partial

import pytest
from sqlalchemy import text

from pos.db.engine import Database
from pos.hq.master import master_changes, start_master
from pos.kernel.errors import UserError
from pos.ledger.verify import verify
from pos.people import staff
from pos.store.settings import change_setting, read_setting
from pos.sync.master_keys import MasterBatch
from pos.sync.people_apply import STORE_LOCAL_SETTINGS
from pos.sync.pull import pull_all, pull_once
from tests.integration.sync_helpers import newcomer_pulled

pytestmark = pytest.mark.postgres
_hq_count = iter(range(10**6))
NEW_PIN = "4826"

# A value head office might hold for each store-local setting (written there as it is).
LOCAL_VALUES = {
    "printers": {"T01": {"receipt": "tcp://10.9.9.9:9100", "paper_mm": 58}},
    "backup_keep": 3,
    "backup_second_folder": "/mnt/head-office-share",
    "backup_interval_hours": 9,
    "einvoice_qr": "https://invoice.head-office.example/",
    "service_promise": {"city": 30, "county": 60},
}


@pytest.fixture
def hq(pg_server):
    name = f"tickbox_hq_people_{os.getpid()}_{next(_hq_count)}"
    pg_server.execute(f"CREATE DATABASE {name} TEMPLATE tickbox_demo_template")
    database = Database(pg_server.url(name))
    with database.write_connection() as conn:
        start_master(conn)
    yield database
    database.dispose()
    pg_server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def store(demo_db, hq):
    """The demo store, joined, holding head office's master data as it starts."""
    with demo_db.write_connection() as conn:
        conn.execute(text("INSERT INTO sync_state (id, role, store_code, hq_display, "
                          "chain_first, master_version, sent_seq, last_error) "
                          "VALUES (1, 'store', 'S01', 'hq', '', 0, 0, '')"))
    first = pull_all(demo_db, fetch=partial(master_changes, hq))
    assert first.applied == 0  # the same demo: staff and settings as head office has them
    return demo_db


def _run(db, sql: str, **params):
    with db.write_connection() as conn:
        return conn.execute(text(sql), params)


def _one(db, sql: str, **params):
    with db.read_connection() as conn:
        return conn.execute(text(sql), params).scalar()


def _person(db, name: str):
    with db.read_connection() as conn:
        return conn.execute(text("SELECT id, role, active, pin_hash FROM staff WHERE name = :n"),
                            {"n": name}).first()


def _sealed(db, kind: str, ref: str | None = None) -> int:
    """Sealed records of staff ('staff_record') or settings ('setting') at the store."""
    sql = "SELECT count(*) FROM audit_events WHERE action = :a"
    return _one(db, sql + (" AND ref = :r" if ref is not None else ""), a=kind, r=ref)


def _entries(db) -> int:
    return _one(db, "SELECT count(*) FROM journal_entries")


def _hq_setting(hq, key: str, value) -> None:
    """Head office's row as it is (no rule of this version checks it)."""
    _run(hq, "INSERT INTO settings (key, value_json) VALUES (:k, :v) ON CONFLICT (key) "
             "DO UPDATE SET value_json = excluded.value_json", k=key, v=json.dumps(value))


def _pull(store, hq):
    return pull_once(store, fetch=partial(master_changes, hq))


def _manager(db) -> int:
    return _one(db, "SELECT id FROM staff WHERE role = 'manager' AND active ORDER BY id")


def _cashier(db) -> int:
    return _one(db, "SELECT id FROM staff WHERE name = 'Li Na'")


def test_a_new_person_and_a_role_change_arrive_sealed_without_head_offices_pin(hq, store):
    staff.add_staff(hq, name="Chen Jie", role="cashier", pin=NEW_PIN)
    _run(hq, "UPDATE staff SET role = 'manager' WHERE name = 'Wang Qiang'")
    hq_hash = _person(hq, "Chen Jie").pin_hash
    records = _sealed(store, "staff_record")
    wang_pin = _person(store, "Wang Qiang").pin_hash

    result = _pull(store, hq)

    assert (result.inserted, result.updated) == (1, 1)
    chen = _person(store, "Chen Jie")
    assert (chen.role, chen.active) == ("cashier", True)
    assert chen.pin_hash == staff.NO_PIN and chen.pin_hash != hq_hash
    wang = _person(store, "Wang Qiang")
    assert wang.role == "manager" and wang.pin_hash == wang_pin  # the store's PIN kept
    assert _sealed(store, "staff_record") == records + 2
    assert verify(store).ok

    # no PIN yet: refused with its own message, not counted as a wrong PIN
    for pin in (NEW_PIN, "", "0000"):
        with pytest.raises(UserError) as refused:
            staff.verify_pin(store, staff_id=chen.id, pin=pin)
        assert refused.value.message_id == "staff.no_pin"
    assert _one(store, "SELECT failed_pins FROM staff WHERE id = :i", i=chen.id) == 0
    assert not staff.pin_matches(NEW_PIN, staff.NO_PIN) and not staff.pin_matches(NEW_PIN, "")

    # a cashier may not set it; the store's manager does, and then the PIN opens the till
    with pytest.raises(UserError) as refused:
        staff.set_pin(store, staff_id=chen.id, new_pin="5937", by_staff_id=_cashier(store))
    assert refused.value.message_id == "permission.admin_must_approve"
    assert _person(store, "Chen Jie").pin_hash == staff.NO_PIN
    staff.set_pin(store, staff_id=chen.id, new_pin="5937", by_staff_id=_manager(store))
    assert staff.verify_pin(store, staff_id=chen.id, pin="5937").name == "Chen Jie"
    with pytest.raises(UserError) as refused:  # head office's PIN is not theirs here
        staff.verify_pin(store, staff_id=chen.id, pin=NEW_PIN)
    assert refused.value.message_id == "staff.wrong_pin"
    # the first PIN is set; replacing it is staff administration, not a manager's
    with pytest.raises(UserError):
        staff.set_pin(store, staff_id=chen.id, new_pin="6048", by_staff_id=_manager(store))
    assert verify(store).ok

    # a pull after the store set the PIN leaves it alone, and seals nothing
    entries = _entries(store)
    assert _pull(store, hq).applied == 0
    assert _entries(store) == entries
    assert staff.verify_pin(store, staff_id=chen.id, pin="5937").name == "Chen Jie"


def test_a_deactivation_arrives_and_the_stores_own_staff_stay(hq, store):
    staff.add_staff(store, name="Store Only", role="cashier", pin="5937")
    _run(hq, "UPDATE staff SET active = false WHERE name = 'Li Na'")
    staff.add_staff(hq, name="Gone Already", role="cashier", pin=NEW_PIN)
    _run(hq, "UPDATE staff SET active = false WHERE name = 'Gone Already'")
    li_na = _cashier(store)

    result = _pull(store, hq)

    assert result.deactivated == 1 and result.inserted == 1
    assert not _person(store, "Li Na").active
    gone = _person(store, "Gone Already")  # made inactive, so what names them holds
    assert not gone.active and gone.pin_hash == staff.NO_PIN
    with pytest.raises(UserError) as refused:
        staff.set_pin(store, staff_id=gone.id, new_pin="5937", by_staff_id=_manager(store))
    assert refused.value.message_id == "staff.no_such"
    own = _person(store, "Store Only")
    assert own.active and staff.verify_pin(store, staff_id=own.id, pin="5937")
    with pytest.raises(UserError) as refused:
        staff.verify_pin(store, staff_id=li_na, pin="1111")
    assert refused.value.message_id == "staff.wrong_pin"  # inactive: no login
    assert _sealed(store, "staff_record", str(li_na)) >= 1
    assert verify(store).ok

    entries = _entries(store)
    assert _pull(store, hq).applied == 0
    assert _entries(store) == entries


def test_a_chain_setting_arrives_sealed_and_store_local_ones_do_not(hq, store):
    change_setting(hq, key="margin_threshold_bp", value_text="800", staff_id=None)
    change_setting(hq, key="store_prices_allowed", value_text="true", staff_id=None)
    for key, value in LOCAL_VALUES.items():
        _hq_setting(hq, key, value)
    local_before = {key: read_setting(store, key).value for key in STORE_LOCAL_SETTINGS}
    sealed = _sealed(store, "setting")

    batch = master_changes(hq, since=_one(store, "SELECT master_version FROM sync_state"))
    sent = {row["key"] for row in batch.rows.get("settings", ())}
    assert sent == {"margin_threshold_bp", "store_prices_allowed"}  # head office keeps them
    result = _pull(store, hq)

    assert result.updated == 2
    assert read_setting(store, "margin_threshold_bp").value == 800
    assert read_setting(store, "store_prices_allowed").value is True
    assert _sealed(store, "setting", "margin_threshold_bp") >= 1
    assert _sealed(store, "setting") == sealed + 2
    assert {key: read_setting(store, key).value for key in STORE_LOCAL_SETTINGS} == local_before
    assert verify(store).ok

    entries = _entries(store)
    assert _pull(store, hq).applied == 0
    assert _entries(store) == entries


@pytest.mark.parametrize("key", sorted(STORE_LOCAL_SETTINGS))
def test_a_store_local_setting_is_not_applied_even_when_sent(key, demo_db):
    """The store's own list holds even against a head office that sends one anyway."""
    with demo_db.write_connection() as conn:
        conn.execute(text("INSERT INTO sync_state (id, role, store_code, hq_display, "
                          "chain_first, master_version, sent_seq, last_error) "
                          "VALUES (1, 'store', 'S01', 'hq', '', 0, 0, '')"))
    before = read_setting(demo_db, key).value
    entries = _entries(demo_db)
    row = {"key": key, "value_json": json.dumps(LOCAL_VALUES[key]), "_key": [key], "_ref": {}}
    batch = MasterBatch(version=5, hq_version=5, rows={"settings": [row]})

    result = pull_once(demo_db, fetch=lambda since, limit: batch)

    assert result.applied == 0 and result.version == 5
    assert read_setting(demo_db, key).value == before != LOCAL_VALUES[key]
    assert _entries(demo_db) == entries
    assert verify(demo_db).ok


def test_a_setting_the_store_refuses_refuses_the_pull_and_nothing_is_applied(hq, store):
    staff.add_staff(hq, name="Chen Jie", role="cashier", pin=NEW_PIN)
    change_setting(hq, key="allow_negative_stock", value_text="true", staff_id=None)
    _hq_setting(hq, "margin_threshold_bp", 20_000)  # over 100%: this store's rule refuses
    held = _one(store, "SELECT master_version FROM sync_state")
    entries = _entries(store)

    with pytest.raises(UserError) as refused:
        _pull(store, hq)

    assert refused.value.message_id == "sync.master_bad_setting"
    assert refused.value.params["key"] == "margin_threshold_bp"
    assert "margin_threshold_bp" in str(refused.value)
    assert _person(store, "Chen Jie") is None
    assert read_setting(store, "allow_negative_stock").value is False
    assert read_setting(store, "margin_threshold_bp").value == 500
    assert _one(store, "SELECT master_version FROM sync_state") == held
    assert _entries(store) == entries
    assert verify(store).ok

    _hq_setting(hq, "margin_threshold_bp", 700)  # corrected at head office: it all arrives
    result = pull_all(store, fetch=partial(master_changes, hq))
    assert result.inserted == 1 and result.updated == 2
    assert read_setting(store, "margin_threshold_bp").value == 700
    assert read_setting(store, "allow_negative_stock").value is True
    assert verify(store).ok


def test_a_staff_row_with_an_unknown_role_refuses_the_pull(store):
    row = {"name": "Chen Jie", "role": "wizard", "active": True, "_key": ["Chen Jie"],
           "_ref": {}}
    held = _one(store, "SELECT master_version FROM sync_state")
    batch = MasterBatch(version=held + 1, hq_version=held + 1, rows={"staff": [row]})
    with pytest.raises(UserError) as refused:
        pull_once(store, fetch=lambda since, limit: batch)
    assert refused.value.message_id == "sync.master_bad_staff"
    assert _person(store, "Chen Jie") is None
    assert _one(store, "SELECT master_version FROM sync_state") == held
    assert verify(store).ok


def test_head_office_never_sends_pin_hashes(hq):
    staff.add_staff(hq, name="Chen Jie", role="cashier", pin=NEW_PIN)
    batch = master_changes(hq, since=0)
    people = batch.rows["staff"]
    assert {row["name"] for row in people} >= {"Li Na", "Chen Jie"}
    assert all(set(row) == {"name", "role", "active", "_key", "_ref"} for row in people)
    assert "$" not in json.dumps(people)


def test_pos_staff_set_pin_gives_a_newcomer_their_first_pin(sqlite_demo_db, monkeypatch,
                                                             capsys):
    """The machine administrator's command, as `pos staff add` (the PIN asked twice)."""
    import io

    from pos.cli import main

    monkeypatch.setenv("POS_LOCALE", "en")
    store = sqlite_demo_db
    newcomer_pulled(store, "Chen Jie", "installer")
    chen = _person(store, "Chen Jie")
    db_arg = f"--db={store.engine.url.render_as_string(hide_password=False)}"

    monkeypatch.setattr("sys.stdin", io.StringIO("1234\n1234\n"))  # trivial: refused
    assert main([db_arg, "staff", "set-pin", "--name", "Chen Jie"]) == 1
    assert "too easy" in capsys.readouterr().err
    assert _person(store, "Chen Jie").pin_hash == staff.NO_PIN
    monkeypatch.setattr("sys.stdin", io.StringIO("5937\n5937\n"))
    assert main([db_arg, "staff", "set-pin", "--name", "Nobody"]) == 1
    monkeypatch.setattr("sys.stdin", io.StringIO("5937\n5937\n"))
    assert main([db_arg, "staff", "set-pin", "--name", "Chen Jie"]) == 0
    out = capsys.readouterr()
    assert "PIN set for Chen Jie" in out.out and "5937" not in out.out + out.err
    assert staff.verify_pin(store, staff_id=chen.id, pin="5937").name == "Chen Jie"
    assert _sealed(store, "staff_record", str(chen.id)) == 2  # made, then its PIN set
    assert verify(store).ok


def test_a_head_office_started_before_staff_and_settings_were_master_data_logs_them(hq):
    """`pos hq init` again (start_master) on a head office whose log began without them."""
    from pos.sync import capture

    with hq.write_connection() as conn:
        capture.remove(conn, ["staff", "settings"], target=capture.MASTER_LOG)
        conn.execute(text("DELETE FROM master_log WHERE tbl IN ('staff', 'settings')"))
    staff.add_staff(hq, name="Chen Jie", role="cashier", pin=NEW_PIN)  # not captured
    assert master_changes(hq, since=0).rows.get("staff") is None
    people = _one(hq, "SELECT count(*) FROM staff") + _one(hq, "SELECT count(*) FROM settings")

    with hq.write_connection() as conn:
        assert start_master(conn) == people
    with hq.write_connection() as conn:
        assert start_master(conn) == 0  # idempotent
    assert "Chen Jie" in {row["name"] for row in master_changes(hq, since=0).rows["staff"]}


def test_the_store_still_sends_its_staff_and_settings_up(hq, store):
    """Capture at the store is unchanged: what a pull seals there goes up like any change."""
    from pos.sync import capture

    with store.write_connection() as conn:
        capture.install(conn, [t.name for t in capture.replicated_tables()])
    staff.add_staff(hq, name="Chen Jie", role="cashier", pin=NEW_PIN)
    change_setting(hq, key="margin_threshold_bp", value_text="800", staff_id=None)
    _pull(store, hq)
    waiting = {row[0] for row in _rows_of(store, "SELECT tbl FROM sync_outbox")}
    assert {"staff", "settings", "audit_events", "journal_entries"} <= waiting
    assert verify(store).ok


def _rows_of(db, sql: str):
    with db.read_connection() as conn:
        return conn.execute(text(sql)).all()


def test_a_name_corrected_at_head_office_keeps_the_stores_person_and_pin(hq, store):
    """Staff leave their old name in head office's log (as codes do): the store renames
    its person, who keeps their id and PIN; a person deleted there is deactivated here."""
    staff.add_staff(hq, name="Chen Jei", role="cashier", pin=NEW_PIN)
    _pull(store, hq)
    chen = _person(store, "Chen Jei")
    staff.set_pin(store, staff_id=chen.id, new_pin="5937", by_staff_id=_manager(store))
    staff.add_staff(hq, name="Temp Helper", role="installer", pin=NEW_PIN)
    _pull(store, hq)
    temp = _person(store, "Temp Helper")

    _run(hq, "UPDATE staff SET name = 'Chen Jie' WHERE name = 'Chen Jei'")
    _run(hq, "DELETE FROM staff WHERE name = 'Temp Helper'")
    records = _sealed(store, "staff_record")
    result = _pull(store, hq)

    assert (result.updated, result.deactivated, result.inserted) == (1, 1, 0)
    assert _person(store, "Chen Jei") is None
    assert _person(store, "Chen Jie").id == chen.id
    assert staff.verify_pin(store, staff_id=chen.id, pin="5937").name == "Chen Jie"
    assert not _person(store, "Temp Helper").active and _person(store, "Temp Helper").id == temp.id
    assert _sealed(store, "staff_record") == records + 2
    assert verify(store).ok
    entries = _entries(store)
    assert _pull(store, hq).applied == 0
    assert _entries(store) == entries


def test_a_commission_scheme_may_name_a_person_arriving_in_the_same_pull(hq, store):
    """The store's rule checks the staff a scheme names against its own staff: head
    office's new person is in before head office's settings are checked."""
    staff.add_staff(hq, name="Chen Jie", role="cashier", pin=NEW_PIN)
    schemes = read_setting(hq, "commission_schemes").value
    schemes[2]["staff"] = ["Chen Jie"]
    change_setting(hq, key="commission_schemes", value_text=json.dumps(schemes), staff_id=None)

    result = _pull(store, hq)

    assert (result.inserted, result.updated) == (1, 1)
    assert read_setting(store, "commission_schemes").value[2]["staff"] == ["Chen Jie"]
    assert verify(store).ok


def test_head_office_logs_settings_after_the_staff_and_categories_they_name(pg_server):
    """A first pull in small batches never meets a setting before what it names."""
    name = f"tickbox_hq_people_{os.getpid()}_{next(_hq_count)}"
    pg_server.execute(f"CREATE DATABASE {name} TEMPLATE tickbox_demo_template")
    hq = Database(pg_server.url(name))
    try:
        change_setting(hq, key="margin_threshold_bp", value_text="800", staff_id=None)
        with hq.write_connection() as conn:
            start_master(conn)
        with hq.read_connection() as conn:
            first = dict(conn.execute(text("SELECT tbl, min(version) FROM master_log "
                                           "GROUP BY tbl")).all())
            last = dict(conn.execute(text("SELECT tbl, max(version) FROM master_log "
                                          "GROUP BY tbl")).all())
        assert first["settings"] > max(last["staff"], last["categories"])
    finally:
        hq.dispose()
        pg_server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
