"""A serial number's history (issue 18, point 3): every movement of the unit in order,
stock documents and sale lines alike, where it stands now; a unit sold before stock was
kept per store shows its sale line. And the till's question: may this unit be sold
here (pos.stock.serials.sellable_refusal)."""


import pytest
from sqlalchemy import select

from pos.aftersale import returns
from pos.aftersale.returns import ReturnItem
from pos.backup import upgrade as safe_upgrade
from pos.db.models import SerialUnit, Terminal
from pos.kernel.enums import UnitState
from pos.kernel.errors import UserError
from pos.ledger import verify
from pos.stock import serials
from pos.store.settings import set_setting
from tests.integration.checkout_helpers import staff_id
from tests.integration.stock_p2b_helpers import (
    add_store, arrive, ids, receive, sell, send, unit, write_off,
)

NOTEBOOK = "NB-LEN-XXPRO14"  # serial-tracked, 6499.00
TABLET = "TB-HW-MP115"


def add_till(db, code: str, store: str) -> None:
    store_id = add_store(db, store)
    with db.write_connection() as conn:
        conn.execute(Terminal.__table__.insert().values(code=code, store_id=store_id,
                                                        name=f"Till {code}"))


def take_back(db, receipt_no: str) -> str:
    correction = returns.refund(db, receipt_no=receipt_no, staff_id=staff_id(db, "manager"),
                                items=[ReturnItem(1, 1)], back_in="cash")
    return correction.receipt_no


def test_a_units_history_follows_it_from_supplier_to_write_off(demo_db):
    db = demo_db
    add_till(db, "T09", "S02")
    received = receive(db, "S01", NOTEBOOK, serials=("SN-H-1", "SN-H-2"))
    sent = send(db, "S01", "S02", NOTEBOOK, serials=("SN-H-1",))
    assert unit(db, "SN-H-1") == ("in_transit", "S02")
    arrived = arrive(db, sent, "S01", "S02", NOTEBOOK, serials=("SN-H-1",))
    sold = sell(db, NOTEBOOK, serial="SN-H-1", terminal="T09")
    back = take_back(db, sold)
    gone = write_off(db, "S02", NOTEBOOK, serials=("SN-H-1",))

    [history] = serials.serial_history(db, serial=" sn-h-1 ")
    assert (history.serial, history.sku, history.state, history.store) == (
        "SN-H-1", NOTEBOOK, UnitState.WRITTEN_OFF, "S02")
    steps = [(e.kind, e.document, e.store, e.state) for e in history.events]
    assert steps == [
        ("receipt", received, "S01", UnitState.IN_STOCK),
        ("transfer_out", sent, "S02", UnitState.IN_TRANSIT),
        ("transfer_in", arrived, "S02", UnitState.IN_STOCK),
        ("sale", sold, "S02", UnitState.SOLD),
        ("refund", back, "S02", UnitState.RETURNED),
        ("write_off", gone, "S02", UnitState.WRITTEN_OFF),
    ]
    assert history.events[3].staff and history.events[-1].reason == "damaged"
    assert [e.at for e in history.events] == sorted(e.at for e in history.events)
    [other] = serials.serial_history(db, serial="SN-H-2")
    assert (other.state, other.store, len(other.events)) == (UnitState.IN_STOCK, "S01", 1)
    with pytest.raises(UserError) as refusal:
        serials.serial_history(db, serial="SN-NEVER")
    assert refusal.value.message_id == "stock.serial_unknown"
    assert verify.verify(db).ok


def test_a_serial_on_two_products_has_a_history_each(demo_db):
    db = demo_db
    receive(db, "S01", NOTEBOOK, serials=("SAME-1",))
    receive(db, "S01", TABLET, serials=("SAME-1",))
    found = serials.serial_history(db, serial="SAME-1")
    assert [(h.sku, h.state) for h in found] == [(NOTEBOOK, UnitState.IN_STOCK),
                                                (TABLET, UnitState.IN_STOCK)]


def test_the_till_asks_whether_a_unit_may_be_sold_here(demo_db):
    db = demo_db
    add_store(db, "S02")
    s01, s02 = ids(db, "store", "S01"), ids(db, "store", "S02")
    notebook = ids(db, "product", NOTEBOOK)
    receive(db, "S01", NOTEBOOK, serials=("SN-T-1",))
    receive(db, "S02", NOTEBOOK, serials=("SN-T-2",))
    sold = sell(db, NOTEBOOK, serial="SN-T-3")  # never received: lenient sells it

    def refusal(store_id, serial):
        with db.read() as session:
            found = serials.sellable_refusal(session.connection(), store_id=store_id,
                                             product_id=notebook, serial=serial)
        return None if found is None else (found.message_id, found.params)

    assert refusal(s01, "SN-T-1") is None
    assert refusal(s01, "SN-T-2") == ("stock.serial_at_store", {"serial": "SN-T-2", "store": "S02"})
    assert refusal(s01, "SN-T-3")[0] == "serial.already_sold"
    assert refusal(s01, "SN-NEW") is None  # lenient: a serial never seen may be sold
    with db.unit_of_work() as session:
        set_setting(session, "serial_stock", "strict")
    assert refusal(s01, "SN-NEW")[0] == "stock.serial_not_received"
    assert refusal(s02, "SN-T-2") is None
    assert sold.startswith("T01-")


@pytest.fixture
def data_folder(tmp_path, monkeypatch):
    from pos.db import keyfile

    monkeypatch.setenv(keyfile.ENV_KEY_FILE, str(keyfile.key_path()))
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("POS_DATA_DIR", str(folder))
    return folder


def test_a_unit_sold_before_stock_was_kept_per_store_shows_its_sale(tmp_path, data_folder):
    """A database at schema 0013 (one row in every table, as the upgrade test makes it)
    whose sale sold unit OLD-1: after the upgrade the unit is sold with no movement of
    its own, and its history is its sale line, at its till's store."""
    from tests.integration.test_upgrade_revisions import database_at, fill_every_table

    db = database_at(tmp_path, "0013")
    try:
        fill_every_table(db)
        with db.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE sale_lines SET serial = 'OLD-1', quantity = 1")
            conn.exec_driver_sql("UPDATE sold_serials SET serial = 'OLD-1'")
            receipt = conn.exec_driver_sql("SELECT receipt_no FROM sales").scalar_one()
            store = conn.exec_driver_sql("SELECT code FROM stores").scalar_one()
        assert safe_upgrade.ensure_schema(db) == "upgraded"
        with db.read() as session:
            legacy = session.execute(select(SerialUnit.state, SerialUnit.last_move_id)
                                     .where(SerialUnit.serial == "OLD-1")).one()
        assert (legacy.state, legacy.last_move_id) == (UnitState.SOLD, None)
        [history] = serials.serial_history(db, serial="old-1")
        assert [(e.kind, e.document, e.store, e.state) for e in history.events] == [
            ("sale", receipt, store, UnitState.SOLD)]
        assert (history.state, history.store) == (UnitState.SOLD, store)
    finally:
        db.dispose()
