"""The print queue against a real TCP printer on 127.0.0.1: jobs print, a dead or stalled
printer fails within the timeout without touching the sale, and a retry prints."""

import time
from datetime import timedelta

import pytest

from pos.kernel.clock import utcnow
from pos.ledger import verify
from pos.people import staff
from pos.printjobs import print_queue
from pos.printjobs.print_queue import PrintRequest
from pos.printjobs.records import load_sale
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from printing.dispatch import run_due_jobs
from printing.escpos_out import receipt_bytes
from printing.qr import with_qr_codes
from printing.receipt import receipt_layout
from tests.printing.fake_printer import FakePrinter, closed_port

TIMEOUT = 1.5


def sell(db, printer_uri: str, *, cash: bool = True):
    cashier = next(s.id for s in staff.list_staff(db) if s.role.value == "cashier")
    cart = checkout.open_cart(db, staff_id=cashier, terminal="T01")
    checkout.add_product(db, cart, code="BAG-NB-156")
    due = cart.lines[0].total
    return completion.complete_sale(
        db, cart, tenders=[TenderInput("cash" if cash else "wechat", due)],
        print_jobs=[PrintRequest("receipt", printer_uri, open_drawer=cash,
                                 options={"paper_mm": 58})])


def test_a_network_printer_receives_the_receipt_and_opens_the_drawer(sqlite_demo_db):
    with FakePrinter() as printer:
        sale = sell(sqlite_demo_db, printer.uri)
        outcomes = run_due_jobs(sqlite_demo_db, terminal="T01", timeout=TIMEOUT)
    assert [o.printed for o in outcomes] == [True]
    record = load_sale(sqlite_demo_db, receipt_no=sale.receipt_no)
    expected = receipt_bytes(with_qr_codes(receipt_layout(record, width=32), record, width=32),
                             width=32)
    # the drawer kick first, on its own (tests/printing/test_drawer_once.py), then the receipt
    assert printer.received[0].startswith(b"\x1bp") and len(printer.received) == 2
    assert printer.received[1] == expected
    assert print_queue.due_jobs(sqlite_demo_db, terminal="T01") == []


@pytest.mark.parametrize("failure", ["closed port", "stalled printer"])
def test_a_dead_printer_fails_within_the_timeout_and_a_retry_prints(sqlite_demo_db, failure):
    db = sqlite_demo_db
    stalled = FakePrinter(mode="stall") if failure == "stalled printer" else None
    port = stalled.port if stalled else closed_port()
    try:
        sale = sell(db, f"network://127.0.0.1:{port}")
        started = time.monotonic()
        outcomes = run_due_jobs(db, terminal="T01", timeout=TIMEOUT)
        elapsed = time.monotonic() - started
        assert elapsed < TIMEOUT + 1.0
        assert [o.printed for o in outcomes] == [False]
        message = outcomes[0].message
        assert ("refused the connection" in message if stalled is None
                else "did not answer within" in message)
        failed = print_queue.failed_jobs(db, terminal="T01")
        assert [(j.ref, j.state, j.attempts) for j in failed] == [(sale.receipt_no, "failed", 1)]
        # the sale is whole and sealed
        assert load_sale(db, receipt_no=sale.receipt_no).total == sale.total
        assert verify.verify(db).ok
        # backing off: not due again at once, due after the delay
        assert print_queue.due_jobs(db, terminal="T01") == []
        later = utcnow() + timedelta(seconds=6)
        assert [j.id for j in print_queue.due_jobs(db, terminal="T01", now=later)] == [failed[0].id]
    finally:
        if stalled:
            stalled.close()
    with FakePrinter(port=port) as printer:  # the printer is back
        print_queue.retry(db, job_id=failed[0].id)
        outcomes = run_due_jobs(db, terminal="T01", timeout=TIMEOUT)
    assert [o.printed for o in outcomes] == [True]
    # the stalled printer was handed the drawer kick already: the retry sends the receipt
    # alone; one that refused the connection got nothing, so the kick is still due
    assert [data.count(b"\x1bp") for data in printer.received] == ([0] if stalled else [1, 0])
    assert print_queue.failed_jobs(db, terminal="T01") == []


def test_a_store_without_a_printer_gets_a_pdf_preview(sqlite_demo_db, tmp_path):
    from pypdf import PdfReader

    sale = sell(sqlite_demo_db, f"pdf://{tmp_path}", cash=False)
    outcomes = run_due_jobs(sqlite_demo_db, terminal="T01")
    assert outcomes[0].printed
    text = PdfReader(tmp_path / f"{sale.receipt_no}.pdf").pages[0].extract_text()
    assert sale.receipt_no in text


def test_a_bad_printer_address_fails_the_job_with_a_clear_message(sqlite_demo_db):
    sell(sqlite_demo_db, "lpt://nowhere")
    outcome = run_due_jobs(sqlite_demo_db, terminal="T01")[0]
    assert not outcome.printed and "is not a printer address" in outcome.message


def test_only_failed_jobs_can_be_retried_and_printed_ones_stay_printed(sqlite_demo_db, tmp_path):
    from pos.kernel.errors import UserError

    sell(sqlite_demo_db, f"pdf://{tmp_path}")
    job = print_queue.due_jobs(sqlite_demo_db, terminal="T01")[0]
    with pytest.raises(UserError, match="Only a failed print job"):
        print_queue.retry(sqlite_demo_db, job_id=job.id)
    run_due_jobs(sqlite_demo_db, terminal="T01")
    with pytest.raises(UserError, match="already printed"):
        print_queue.mark_failed(sqlite_demo_db, job_id=job.id, error="late")


def test_pos_print_receipt_reprints_a_copy_to_a_printer(sqlite_demo_db, capsys):
    from pos.cli import main

    with FakePrinter() as printer:
        sale = sell(sqlite_demo_db, printer.uri)
        run_due_jobs(sqlite_demo_db, terminal="T01", timeout=TIMEOUT)
        assert main([f"--db={sqlite_demo_db.url}", "print", "receipt", sale.receipt_no,
                     "--printer", printer.uri]) == 0
    kick, original, copy = printer.received  # the drawer kick is sent on its own
    assert kick.startswith(b"\x1bp") and b"\x1bp" not in original + copy  # not on the copy
    assert b"*** COPY ***" not in original and b"*** COPY ***" in copy
    assert "printed (copy)" in capsys.readouterr().out


def test_pos_print_receipt_to_a_dead_printer_exits_non_zero_and_keeps_the_job(sqlite_demo_db, capsys):
    from pos.cli import main

    sale = sell(sqlite_demo_db, f"pdf:///tmp")
    code = main([f"--db={sqlite_demo_db.url}", "print", "receipt", sale.receipt_no,
                 "--printer", f"network://127.0.0.1:{closed_port()}"])
    assert code == 1 and "kept for retry" in capsys.readouterr().err
    assert len(print_queue.failed_jobs(sqlite_demo_db, terminal="T01")) == 1
