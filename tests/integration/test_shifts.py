"""Shifts and the drawer: float, paid-in/out, X report, closing count, Z numbers."""

import pytest
from sqlalchemy import select, text

from pos.aftersale import returns
from pos.day import shifts
from pos.db.models import Sale
from pos.kernel.errors import UserError
from pos.ledger import verify
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from tests.integration.checkout_helpers import db_state, new_cart, staff_id

BAG, KIT = 39900, 3990  # demo prices in fen


def sell(db, code, tenders):
    cart = new_cart(db)
    checkout.add_product(db, cart, code=code)
    return completion.complete_sale(db, cart, tenders=tenders)


def test_a_shift_from_float_to_z_report_balances_to_the_fen(demo_db):
    db = demo_db
    manager = staff_id(db, "manager")
    shifts.open_shift(db, terminal="T01", staff_id=staff_id(db, "cashier"), opening_float=50000)
    sell(db, "BAG-NB-156", [TenderInput("cash", 50000)])  # 101.00 change
    sell(db, "PRO-CLN-PC", [TenderInput("wechat", KIT)])
    bag_and_card = sell(db, "BAG-NB-156", [TenderInput("bank_card", 20000, reference="R1"),
                                          TenderInput("cash", BAG - 20000)])
    returns.refund(db, receipt_no=bag_and_card.receipt_no, staff_id=manager,
                       items=[returns.ReturnItem(1, 1)], tenders=[TenderInput("cash", BAG)])
    shifts.move_cash(db, terminal="T01", staff_id=manager, amount=10000, reason="change from bank")
    shifts.move_cash(db, terminal="T01", staff_id=manager, amount=-2500, reason="courier")

    x = shifts.x_report(db, terminal="T01")
    assert (x.sales, x.sales_total, x.refunds_total) == (3, 2 * BAG + KIT, -BAG)
    assert x.tenders == {"bank_card": 20000, "cash": BAG + (BAG - 20000) - BAG, "wechat": KIT}
    assert (x.paid_in, x.paid_out) == (10000, -2500)
    expected = 50000 + (BAG + BAG - 20000 - BAG) + 10000 - 2500
    assert x.expected_cash == expected and x.z_number is None

    counts = {10000: 3, 5000: 1, 2000: 2, 1000: 1, 500: 0, 100: 2, 50: 1, 10: 3}
    counted = sum(k * v for k, v in counts.items())
    z = shifts.close_shift(db, terminal="T01", staff_id=manager, counts=counts)
    assert (z.z_number, z.counted_cash, z.over_short) == (1, counted, counted - expected)

    # the next sale opens the next shift; the next close takes Z 2
    sell(db, "PRO-CLN-PC", [TenderInput("cash", KIT)])
    assert shifts.x_report(db, terminal="T01").sales == 1
    assert shifts.close_shift(db, terminal="T01", staff_id=manager, counts={}).z_number == 2
    with db.read() as session:
        assert session.scalar(select(Sale.shift_id).where(Sale.shift_id.is_(None))) is None
    assert verify.verify(db).ok


def test_closing_needs_a_manager_and_changes_nothing_when_refused(demo_db):
    shifts.open_shift(demo_db, terminal="T01", staff_id=staff_id(demo_db, "cashier"),
                      opening_float=0)
    before = db_state(demo_db)
    with pytest.raises(UserError, match="A manager must approve this: close the day"):
        shifts.close_shift(demo_db, terminal="T01", staff_id=staff_id(demo_db, "cashier"),
                           counts={10000: 1})
    with pytest.raises(UserError, match="Count only these notes and coins"):
        shifts.close_shift(demo_db, terminal="T01", staff_id=staff_id(demo_db, "manager"),
                           counts={20000: 1})
    with pytest.raises(UserError, match="already has an open shift"):
        shifts.open_shift(demo_db, terminal="T01", staff_id=staff_id(demo_db, "cashier"),
                          opening_float=0)
    assert db_state(demo_db) == before
    assert shifts.x_report(demo_db, terminal="T01").state == "open"


def test_a_changed_count_after_closing_breaks_the_journal(demo_db):
    manager = staff_id(demo_db, "manager")
    sell(demo_db, "PRO-CLN-PC", [TenderInput("cash", KIT)])
    shifts.close_shift(demo_db, terminal="T01", staff_id=manager, counts={10: 399})
    assert verify.verify(demo_db).ok
    with demo_db.unit_of_work() as session:
        session.execute(text("UPDATE shifts SET counted_cash = counted_cash + 10000"))
    result = verify.verify(demo_db)
    assert not result.ok and "the Z report or its shift was altered" in result.problem


def test_pos_report_z_lists_the_days_closed_shifts(sqlite_demo_db, capsys):
    from datetime import date

    from pos.cli import main

    manager = staff_id(sqlite_demo_db, "manager")
    sell(sqlite_demo_db, "PRO-CLN-PC", [TenderInput("cash", KIT)])
    shifts.close_shift(sqlite_demo_db, terminal="T01", staff_id=manager, counts={10: 399})
    sell(sqlite_demo_db, "PRO-CLN-PC", [TenderInput("cash", 5000)])
    shifts.close_shift(sqlite_demo_db, terminal="T01", staff_id=manager, counts={1000: 4})
    assert main([f"--db={sqlite_demo_db.url}", "report", "z", "--date", date.today().isoformat()]) == 0
    out = capsys.readouterr().out
    assert "Z 1 T01" in out and "Z 2 T01" in out and "over/short 0.10" in out


def test_x_and_z_reports_as_csv_and_pdf(sqlite_demo_db, tmp_path):
    from datetime import date

    from pypdf import PdfReader

    from pos.cli import main

    url = f"--db={sqlite_demo_db.url}"
    sell(sqlite_demo_db, "PRO-CLN-PC", [TenderInput("cash", 5000)])
    assert main([url, "report", "x", "--csv", str(tmp_path / "x.csv"),
                 "--pdf", str(tmp_path / "x.pdf")]) == 0
    assert "expected_cash,,39.90" in (tmp_path / "x.csv").read_text(encoding="utf-8-sig")
    shifts.close_shift(sqlite_demo_db, terminal="T01", staff_id=staff_id(sqlite_demo_db, "manager"),
                       counts={1000: 4})
    assert main([url, "report", "z", "--date", date.today().isoformat(),
                 "--csv", str(tmp_path / "z.csv"), "--pdf", str(tmp_path / "z.pdf")]) == 0
    assert "over_short,,0.10" in (tmp_path / "z.csv").read_text(encoding="utf-8-sig")
    text = PdfReader(tmp_path / "z.pdf").pages[0].extract_text()
    assert "Z report 1" in text and "Over / short" in text


@pytest.mark.postgres
def test_a_sale_completed_while_the_shift_closes_goes_to_the_next_shift(pg_demo_db):
    """The close holds the shift row; the sale waits for it, then opens the next shift."""
    import threading

    from pos.db.models import Shift
    from pos.kernel.enums import ShiftState

    db = pg_demo_db
    sell(db, "PRO-CLN-PC", [TenderInput("cash", KIT)])  # opens shift 1
    closing = db.engine.connect()
    closing.begin()
    first = closing.execute(select(Shift.id).where(Shift.state == ShiftState.OPEN)
                            .with_for_update()).scalar_one()
    result = {}
    worker = threading.Thread(target=lambda: result.update(
        sale=sell(db, "PRO-CLN-PC", [TenderInput("cash", KIT)])))
    worker.start()
    worker.join(timeout=1.5)
    assert worker.is_alive(), "the sale should wait for the closing shift"
    closing.execute(text("UPDATE shifts SET state = 'closed', z_number = 1 WHERE id = :id"),
                    {"id": first})
    closing.commit()
    closing.close()
    worker.join(timeout=30)
    with db.read() as session:
        shift_of_sale = session.scalar(select(Sale.shift_id).where(
            Sale.receipt_no == result["sale"].receipt_no))
    assert shift_of_sale != first
    assert shifts.x_report(db, terminal="T01").sales == 1  # it is in the new, open shift


def test_a_shift_is_never_closed_on_a_damaged_file(tmp_path, sqlite_demo_template):
    """The Z close checks the whole file first: a page overwritten in the middle stops
    it with the advice to restore, and nothing is closed."""
    import shutil

    import random
    import sqlite3

    from pos.db.engine import Database, DatabaseDamaged

    path = tmp_path / "store.db"
    shutil.copyfile(sqlite_demo_template, path)
    db = Database(f"sqlite:///{path}")
    manager = staff_id(db, "manager")
    shifts.open_shift(db, terminal="T01", staff_id=manager, opening_float=20000)
    db.dispose()
    # A page of the catalog's search index, which closing a shift never reads: only a
    # check of the whole file finds it.
    raw = sqlite3.connect(path, isolation_level=None)
    page_size = raw.execute("PRAGMA page_size").fetchone()[0]
    page = raw.execute("SELECT max(pageno) FROM dbstat WHERE name = 'product_search_fts_data'"
                       ).fetchone()[0]
    raw.close()
    with open(path, "r+b") as file:
        file.seek((page - 1) * page_size)
        file.write(random.Random(7).randbytes(page_size))
    db = Database(f"sqlite:///{path}")
    try:
        with pytest.raises(DatabaseDamaged) as refused:
            shifts.close_shift(db, terminal="T01", staff_id=manager, counts={10000: 1})
        assert "restore" in refused.value.message
        assert refused.value.details  # the whole file's check, in SQLite's words
    finally:
        db.dispose()


def test_an_approval_to_open_the_drawer_does_not_pay_out_cash(demo_db):
    """Approvals are bound to their kind of action and amount: a manager's drawer
    approval, or one for a small paid-out, never pays out 50,000.00."""
    from pos.people import approvals

    cashier, manager = staff_id(demo_db, "cashier"), staff_id(demo_db, "manager")
    drawer = approvals.approve(demo_db, action="open_drawer", ref="T01", requested_by=cashier,
                               manager_id=manager, pin="9999")
    small = approvals.approve(demo_db, action="paid_out", ref="T01", requested_by=cashier,
                              manager_id=manager, pin="9999", amount=5000)
    before = db_state(demo_db)
    for approval in (drawer, small):
        with pytest.raises(UserError):
            shifts.move_cash(demo_db, terminal="T01", staff_id=cashier, amount=-5_000_000,
                             reason="cash for a supplier", approval_id=approval)
    assert db_state(demo_db) == before
    shifts.move_cash(demo_db, terminal="T01", staff_id=cashier, amount=-5000, reason="courier",
                     approval_id=small)


def test_a_retried_cash_movement_is_written_once(demo_db):
    manager = staff_id(demo_db, "manager")
    first = shifts.move_cash(demo_db, terminal="T01", staff_id=manager, amount=10000,
                             reason="change from the bank", request_id="req-1")
    again = shifts.move_cash(demo_db, terminal="T01", staff_id=manager, amount=10000,
                             reason="change from the bank", request_id="req-1")
    assert first == again
    assert shifts.x_report(demo_db, terminal="T01").paid_in == 10000
