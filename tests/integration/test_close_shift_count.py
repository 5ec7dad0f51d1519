"""Closing the shift: a blind count by default, the check before closing, parked sales
that stay parked, and the Z report queued with the close, printed on the receipt printer
and saved as an A4 PDF."""

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from pos.day import shifts
from pos.db.models import PrintJob
from pos.kernel.errors import UserError
from pos.printjobs.print_queue import PrintRequest
from pos.printjobs.shift_record import load_z_report, parse_z_ref
from pos.selling import checkout, completion, parking
from pos.selling.cart import TenderInput
from pos.store import settings
from printing.dispatch import run_due_jobs
from printing.columns import display_width
from printing.escpos_out import receipt_bytes
from printing.receipt import Text
from printing.shift_receipt import z_receipt_layout
from tests.integration.checkout_helpers import new_cart, staff_id
from tests.printing.fake_printer import FakePrinter

BAG = 39900


def sell_bag_for_cash(db):
    cart = new_cart(db)
    checkout.add_product(db, cart, code="BAG-NB-156")
    return completion.complete_sale(db, cart, tenders=[TenderInput("cash", BAG)])


def show_expected(db, value_text: str) -> None:
    settings.change_setting(db, key="close_shift_show_expected", value_text=value_text,
                            staff_id=staff_id(db, "manager"))


def test_the_count_is_blind_unless_the_store_shows_the_expected_cash(demo_db):
    sell_bag_for_cash(demo_db)
    start = shifts.start_count(demo_db, terminal="T01")
    assert start.expected_cash is None and start.sales == 1
    assert start.denominations == shifts.DENOMINATIONS and start.parked == 0
    show_expected(demo_db, "true")
    assert shifts.start_count(demo_db, terminal="T01").expected_cash == BAG


def test_the_check_gives_expected_counted_and_over_short_and_changes_nothing(demo_db):
    sell_bag_for_cash(demo_db)
    check = shifts.check_count(demo_db, terminal="T01", counts={10000: 3, 5000: 1, 2000: 2})
    assert (check.expected_cash, check.counted_cash, check.over_short) == (BAG, 39000, -900)
    assert shifts.x_report(demo_db, terminal="T01").state == "open"
    with pytest.raises(UserError, match="Count only these notes and coins"):
        shifts.check_count(demo_db, terminal="T01", counts={20000: 1})
    with pytest.raises(UserError):
        shifts.check_count(demo_db, terminal="T01", counts={100: -1})


def test_parked_sales_do_not_stop_the_close_and_stay_parked(demo_db):
    sell_bag_for_cash(demo_db)
    cart = new_cart(demo_db)
    checkout.add_product(demo_db, cart, code="PRO-CLN-PC")
    parking.park_cart(demo_db, cart, label="back in ten minutes")
    assert shifts.start_count(demo_db, terminal="T01").parked == 1
    shifts.close_shift(demo_db, terminal="T01", staff_id=staff_id(demo_db, "manager"),
                       counts={10000: 3, 5000: 1, 2000: 2, 100: 9})
    assert [p.label for p in parking.list_parked(demo_db, terminal="T01")] == ["back in ten minutes"]


def test_the_close_queues_the_z_report_which_prints_on_the_receipt_printer_and_as_a_pdf(
        demo_db, tmp_path):
    sell_bag_for_cash(demo_db)
    with FakePrinter() as printer:
        jobs = [PrintRequest("zreport", printer.uri, options={"paper_mm": 80}),
                PrintRequest("zreport", f"pdf://{tmp_path}", options={"page_size": "A4"})]
        z = shifts.close_shift(demo_db, terminal="T01", staff_id=staff_id(demo_db, "manager"),
                               counts={10000: 4}, print_jobs=jobs)
        ref = shifts.z_ref("T01", z.z_number)
        with demo_db.read() as session:
            queued = [(j.kind.value, j.state.value) for j in
                      session.scalars(select(PrintJob).where(PrintJob.ref == ref))]
        assert queued == [("zreport", "pending")] * 2
        outcomes = run_due_jobs(demo_db, terminal="T01", timeout=2.0)
    assert [o.printed for o in outcomes] == [True, True]
    record = load_z_report(demo_db, ref=ref)
    assert record.counts == {10000: 4} and record.report.over_short == 100
    expected = receipt_bytes(z_receipt_layout(record, width=48), width=48)
    assert printer.received == [expected]
    assert b"Z report 1" in expected and b"OVER" in expected and b"100 x 4" in expected
    text = PdfReader(tmp_path / f"{ref}.pdf").pages[0].extract_text()
    assert "Z report 1" in text and "Over / short" in text and "1.00" in text


def test_a_close_refused_queues_no_z_report(demo_db):
    with pytest.raises(UserError, match="A manager must approve this"):
        shifts.close_shift(demo_db, terminal="T01", staff_id=staff_id(demo_db, "cashier"),
                           counts={}, print_jobs=[PrintRequest("zreport", "pdf:///tmp/x")])
    with demo_db.read() as session:
        assert session.scalars(select(PrintJob)).all() == []


def test_a_z_ref_names_a_closed_shift_or_is_refused(demo_db):
    assert parse_z_ref("T01-Z00012") == ("T01", 12)
    for ref in ("T01", "T01-Zx", "-Z1"):
        with pytest.raises(UserError, match="No closed shift has the Z report"):
            parse_z_ref(ref)
    sell_bag_for_cash(demo_db)
    with pytest.raises(UserError, match="No closed shift has the Z report"):
        load_z_report(demo_db, ref="T01-Z00001")  # still open


def test_the_z_report_prints_in_chinese_for_a_chinese_store(sqlite_demo_db):
    from dataclasses import replace

    sell_bag_for_cash(sqlite_demo_db)
    z = shifts.close_shift(sqlite_demo_db, terminal="T01",
                           staff_id=staff_id(sqlite_demo_db, "manager"), counts={10000: 3})
    record = load_z_report(sqlite_demo_db, ref=shifts.z_ref("T01", z.z_number))
    record = replace(record, store=replace(record.store, locale="zh_CN"))
    texts = [op for op in z_receipt_layout(record, width=32) if isinstance(op, Text)]
    assert any("Z 报表" in op.text for op in texts) and any("短款" in op.text for op in texts)
    assert all(display_width(op.text) * (2 if op.double else 1) <= 32 for op in texts)


def test_the_setting_takes_only_true_or_false(demo_db):
    sell_bag_for_cash(demo_db)
    with pytest.raises(UserError):
        show_expected(demo_db, "sometimes")
    assert shifts.start_count(demo_db, terminal="T01").expected_cash is None
