"""Eight tills selling the last unit at the same moment on one PostgreSQL database
(issue 18, point 3): each process fills its cart, waits at a barrier, then completes.
The last unit is sold once (the others get stock.short, and nothing of theirs is
written), the last serial unit is sold once (serial.already_sold or sale.serial_race),
and with allow_negative_stock on all eight sell and the store is at −7. The journal
verifies after each.

The workers are this module run as a program:

    python -m tests.integration.test_stock_concurrency URL TERMINAL CODE [SERIAL]

It prints READY with its cart filled, waits for a line on stdin (the barrier), completes
the sale and prints OK RECEIPT or REFUSED MESSAGE_ID.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROCESSES = 8
KIT = "PRO-CLN-PC"  # a cleaning kit: sold by quantity
NOTEBOOK_SKU = "NB-LEN-XXPRO14"  # serial-tracked


def worker() -> int:
    from pos.db.engine import Database
    from pos.kernel.errors import UserError
    from pos.people import staff
    from pos.selling import checkout, completion
    from pos.selling.cart import TenderInput

    url, terminal, code = sys.argv[1:4]
    serial = sys.argv[4] if len(sys.argv) > 4 else None
    db = Database(url)
    cashier = next(s.id for s in staff.list_staff(db) if s.role.value == "cashier")
    cart = checkout.open_cart(db, staff_id=cashier, terminal=terminal)
    line = checkout.add_product(db, cart, code=code)
    if serial:
        checkout.set_serial(db, cart, line_id=line.line_id, serial=serial)
    print("READY", flush=True)
    sys.stdin.readline()  # the barrier: every worker is ready
    try:
        sale = completion.complete_sale(db, cart, tenders=[TenderInput("cash", line.total)])
        print("OK", sale.receipt_no, flush=True)
    except UserError as refusal:
        print("REFUSED", refusal.message_id, flush=True)
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(worker())


import pytest  # noqa: E402  (the tests; the worker above needs none of this)
from sqlalchemy import func, select  # noqa: E402

from pos.db.models import Product, Sale, SerialUnit, Store, StoreStock  # noqa: E402
from pos.kernel.enums import UnitState  # noqa: E402
from pos.ledger import verify  # noqa: E402
from pos.store.settings import set_setting  # noqa: E402
from tests.integration.checkout_helpers import restock  # noqa: E402
from tests.integration.test_till_store_stock import receive_unit  # noqa: E402


def race(db, code: str, serial: str | None = None) -> list[tuple[str, str]]:
    """Eight workers on three tills fill a cart each, wait for all, then complete at
    once; returns what each said: (OK, receipt) or (REFUSED, message id)."""
    args = [code] + ([serial] if serial else [])
    workers = [subprocess.Popen(
        [sys.executable, "-m", "tests.integration.test_stock_concurrency", db.url,
         f"T0{index % 3 + 1}", *args],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True) for index in range(PROCESSES)]
    try:
        for process in workers:
            ready = process.stdout.readline().strip()
            assert ready == "READY", process.stderr.read()[-3000:]
        for process in workers:  # the barrier opens for all
            process.stdin.write("go\n")
            process.stdin.flush()
        said = []
        for process in workers:
            out, err = process.communicate(timeout=120)
            assert process.returncode == 0, err[-3000:]
            said.append(tuple(out.split()[:2]))
    finally:
        for process in workers:
            if process.poll() is None:
                process.kill()
    return said


def on_hand(db, sku: str) -> int:
    with db.read() as session:
        return session.scalar(select(StoreStock.on_hand).join(
            Product, Product.id == StoreStock.product_id).join(
            Store, Store.id == StoreStock.store_id).where(
            Product.sku == sku, Store.code == "S01"))


def sales(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Sale))


@pytest.mark.postgres
@pytest.mark.slow
def test_eight_tills_selling_the_last_unit_sell_it_once(pg_demo_db):
    db = pg_demo_db
    restock(db, {KIT: 1})
    before = sales(db)
    said = race(db, KIT)
    assert sorted(word for word, _ in said) == ["OK"] + ["REFUSED"] * 7, said
    assert {detail for word, detail in said if word == "REFUSED"} == {"stock.short"}
    assert sales(db) == before + 1
    assert on_hand(db, KIT) == 0
    assert verify.verify(db).ok


@pytest.mark.postgres
@pytest.mark.slow
def test_eight_tills_selling_the_last_serial_unit_sell_it_once(pg_demo_db):
    db = pg_demo_db
    restock(db, {NOTEBOOK_SKU: 7})  # quantity enough: only the unit decides
    receive_unit(db, "S01", "PF-LAST-ONE")
    before = sales(db)
    said = race(db, "NB-LEN-XXPRO14", "PF-LAST-ONE")
    assert sorted(word for word, _ in said) == ["OK"] + ["REFUSED"] * 7, said
    assert {detail for word, detail in said if word == "REFUSED"} <= {
        "serial.already_sold", "sale.serial_race"}
    assert sales(db) == before + 1
    assert on_hand(db, NOTEBOOK_SKU) == 7
    with db.read() as session:
        assert session.scalar(select(SerialUnit.state).where(
            SerialUnit.serial == "PF-LAST-ONE")) == UnitState.SOLD
    assert verify.verify(db).ok


@pytest.mark.postgres
@pytest.mark.slow
def test_with_negative_stock_allowed_all_eight_sell_the_last_unit(pg_demo_db):
    db = pg_demo_db
    with db.unit_of_work() as session:
        set_setting(session, "allow_negative_stock", True)
    restock(db, {KIT: 1})
    before = sales(db)
    said = race(db, KIT)
    assert [word for word, _ in said] == ["OK"] * PROCESSES, said
    assert len({receipt for _, receipt in said}) == PROCESSES
    assert sales(db) == before + PROCESSES
    assert on_hand(db, KIT) == -7
    assert verify.verify(db).ok
