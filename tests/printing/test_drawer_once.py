"""Issue 15: the cash drawer opens once per cash sale (or manager's "open drawer"), never
on a retry of the receipt nor on a reprint, and each opening is a sealed audit event.
Checked against a TCP test printer that stalls or drops the connection mid-job and then
recovers, counting the drawer kicks (ESC p) in every byte it received."""

import json

import pytest

from pos.db.models import PrintJob
from pos.ledger import audit, verify
from pos.people import staff
from pos.printjobs import print_queue
from pos.printjobs.print_queue import PrintRequest
from pos.selling import checkout, completion
from pos.selling.cart import TenderInput
from printing.dispatch import run_due_jobs
from printing.escpos_out import drawer_kick_bytes
from tests.printing.fake_printer import closed_port
from tests.support.tcp_printer import TcpTestPrinter

TIMEOUT = 1.0
ESC_P = b"\x1bp"


def staff_id(db, role):
    return next(s.id for s in staff.list_staff(db) if s.role.value == role)


def sell(db, printer_uri: str, *, cash: bool = True):
    cart = checkout.open_cart(db, staff_id=staff_id(db, "cashier"), terminal="T01")
    checkout.add_product(db, cart, code="BAG-NB-156")
    due = cart.lines[0].total
    return completion.complete_sale(
        db, cart, tenders=[TenderInput("cash" if cash else "wechat", due)],
        print_jobs=[PrintRequest("receipt", printer_uri, open_drawer=cash,
                                 options={"paper_mm": 58})])


def retry_until_printed(db, *, attempts: int = 8):
    """What the till does: retry the failed jobs until they print (or give up)."""
    for _ in range(attempts):
        failed = print_queue.failed_jobs(db, terminal="T01")
        if not failed:
            return
        for job in failed:
            print_queue.retry(db, job_id=job.id)
        run_due_jobs(db, terminal="T01", timeout=TIMEOUT)
    raise AssertionError("still failing")


def openings(db):
    return [(e.ref, e.details) for e in audit.list_audit(db, action="drawer_opened")]


def test_the_kick_is_the_esc_p_command():
    assert drawer_kick_bytes().startswith(ESC_P) and drawer_kick_bytes().count(ESC_P) == 1


@pytest.mark.parametrize("script", [
    ["ok", ("stall", 20)],  # the kick goes through, the receipt stalls after 20 bytes
    ["ok", ("close", 40), ("stall", 0), ("close", 5)],  # dropped, stalled, dropped, then back
    [("stall", 3)],  # the printer took part of the kick and stalled
    [("close", 5)],  # the printer took the kick and dropped the connection
])
def test_a_printer_that_stalls_and_comes_back_opens_the_drawer_once(demo_db, script):
    db = demo_db
    with TcpTestPrinter(script) as printer:
        sale = sell(db, printer.uri)
        outcomes = run_due_jobs(db, terminal="T01", timeout=TIMEOUT)
        assert [o.printed for o in outcomes] == [False]
        retry_until_printed(db)
        received, connections = printer.received, list(printer.connections)
    assert received.count(ESC_P) == 1, connections
    assert len(connections) >= 2  # the receipt really was sent again
    assert connections[-1].count(ESC_P) == 0 and sale.receipt_no.encode() in connections[-1]
    assert openings(db) == [(sale.receipt_no, {"terminal": "T01", "job": outcomes[0].job_id,
                                               "for": "sale", "document": sale.receipt_no})]
    with db.read() as session:
        job = session.get(PrintJob, outcomes[0].job_id)
        assert job.state.value == "printed"
        assert json.loads(job.options_json)[print_queue.DRAWER_OPENED]
    assert verify.verify(db).ok  # the opening is sealed in the journal


def test_a_printer_that_is_off_opens_the_drawer_when_it_is_back(sqlite_demo_db):
    """Nothing reached a printer that refused the connection: the kick is still due."""
    db = sqlite_demo_db
    port = closed_port()
    sale = sell(db, f"network://127.0.0.1:{port}")
    assert [o.printed for o in run_due_jobs(db, terminal="T01", timeout=TIMEOUT)] == [False]
    assert openings(db) == []
    with TcpTestPrinter(port=port) as printer:
        retry_until_printed(db)
        retry_until_printed(db)  # nothing left: no second kick
    assert printer.received.count(ESC_P) == 1 and printer.connections[0].startswith(ESC_P)
    assert [ref for ref, _ in openings(db)] == [sale.receipt_no]


def test_a_reprint_and_a_card_sale_never_open_the_drawer(sqlite_demo_db):
    db = sqlite_demo_db
    with TcpTestPrinter() as printer:
        sale = sell(db, printer.uri)
        run_due_jobs(db, terminal="T01", timeout=TIMEOUT)
        assert printer.received.count(ESC_P) == 1
        before = len(printer.connections)
        # a reprint, even one asked with the drawer flag, sends no kick
        print_queue.enqueue(db, terminal="T01", ref=sale.receipt_no, reprint=True,
                            request=PrintRequest("receipt", printer.uri, open_drawer=True,
                                                 options={"paper_mm": 58}))
        card_sale = sell(db, printer.uri, cash=False)
        outcomes = run_due_jobs(db, terminal="T01", timeout=TIMEOUT)
        assert [o.printed for o in outcomes] == [True, True]
        later = printer.connections[before:]
    assert len(later) == 2 and b"".join(later).count(ESC_P) == 0
    assert card_sale.receipt_no.encode() in later[1]
    assert [ref for ref, _ in openings(db)] == [sale.receipt_no]


def test_a_managers_open_drawer_kicks_once_and_is_recorded(sqlite_demo_db):
    db = sqlite_demo_db
    with TcpTestPrinter([("close", 5)]) as printer:
        print_queue.set_printer_config(db, terminal="T01", receipt=printer.uri)
        job = print_queue.open_drawer(db, terminal="T01", staff_id=staff_id(db, "manager"),
                                      reason="change for the float")
        assert [o.printed for o in run_due_jobs(db, terminal="T01", timeout=TIMEOUT)] == [False]
        retry_until_printed(db)
        assert printer.received.count(ESC_P) == 1
    assert openings(db) == [("T01", {"terminal": "T01", "job": job.id, "for": "open_drawer"})]
    assert "open_drawer" in [e.action for e in audit.list_audit(db)]  # who asked, and why
    assert verify.verify(db).ok
