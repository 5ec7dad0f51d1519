"""An installer's add-on prints its receipt and the earlier sale's unit's sheet with what
was sold on site; a job that could never print is never queued; a failed job keeps
whose fault it was, so only a printer fault gets "check the printer"."""

import json

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from pos.db.models import PrintJob
from pos.kernel.errors import UserError
from pos.kernel.messages import Message
from pos.printjobs import print_queue
from pos.printjobs.print_queue import PrintRequest
from pos.printjobs.records import load_sheet_sale
from pos.selling import addons, checkout, completion, sheet
from pos.selling.cart import TenderInput
from printing.dispatch import run_due_jobs
from tests.integration.checkout_helpers import item_id, new_cart, staff_id
from tests.integration.test_corrections import notebook_sale
from tests.printing.fake_printer import closed_port


def jobs_of(db, ref: str) -> list[tuple[str, str]]:
    with db.read() as session:
        return [(job.kind.value, job.state.value) for job in session.scalars(
            select(PrintJob).where(PrintJob.ref == ref).order_by(PrintJob.id))]


def receipt_and_sheet(folder) -> list[PrintRequest]:
    return [PrintRequest("receipt", f"pdf://{folder}", options={"paper_mm": 80}),
            PrintRequest("sheet", f"pdf://{folder}",
                         options={"copies": ["customer", "store", "installer"]})]


def addon_sale(db, folder):
    """The notebook sale, then an installer's add-on on site: cooling pad sold, memory
    upgrade declined; the till's usual jobs (receipt and sheet) with it."""
    sale = notebook_sale(db)
    cart = addons.open_addon(db, receipt_no=sale.receipt_no, staff_id=staff_id(db, "installer"),
                             terminal="T01")
    unit = cart.main_units()[0]
    sheet.mark_item(db, cart, main_line_id=unit.line_id,
                    item_id=item_id(db, cart, unit.line_id, "cooling-pad"), outcome="sold")
    sheet.mark_item(db, cart, main_line_id=unit.line_id,
                    item_id=item_id(db, cart, unit.line_id, "memory-upgrade"), outcome="declined")
    due = sum(line.total for line in cart.billable_lines())
    done = completion.complete_sale(db, cart, tenders=[TenderInput("wechat", due)],
                                    print_jobs=receipt_and_sheet(folder))
    return sale, done


def test_an_add_on_prints_its_receipt_and_the_original_units_updated_sheet(demo_db, tmp_path):
    sale, addon = addon_sale(demo_db, tmp_path)
    assert jobs_of(demo_db, addon.receipt_no) == [("receipt", "pending"), ("sheet", "pending")]

    outcomes = run_due_jobs(demo_db, terminal="T01")
    assert [(o.kind, o.printed) for o in outcomes] == [("receipt", True), ("sheet", True)]
    assert print_queue.failed_jobs(demo_db, terminal="T01") == []

    record = load_sheet_sale(demo_db, receipt_no=addon.receipt_no)
    assert record.receipt_no == sale.receipt_no  # the pad the customer holds
    [unit_sheet] = record.sheets
    items = {item.code: item for item in unit_sheet.items}
    assert items["bag"].outcome == "sold" and not items["bag"].added_on_site  # at the sale
    assert items["cooling-pad"].outcome == "sold" and items["cooling-pad"].added_on_site
    assert items["memory-upgrade"].outcome == "declined" and items["memory-upgrade"].added_on_site
    text = "".join(page.extract_text() for page in
                   PdfReader(tmp_path / f"{addon.receipt_no}-sheet.pdf").pages)
    assert sale.receipt_no in text and "Cooling pad" in text


def test_a_sheet_for_a_document_with_no_unit_is_never_queued(demo_db, tmp_path):
    cart = new_cart(demo_db)
    checkout.add_product(demo_db, cart, code="BAG-NB-156")  # an accessory on its own
    done = completion.complete_sale(demo_db, cart,
                                    tenders=[TenderInput("cash", cart.lines[0].total)],
                                    print_jobs=receipt_and_sheet(tmp_path))
    assert jobs_of(demo_db, done.receipt_no) == [("receipt", "pending")]
    assert not print_queue.sheet_printable(demo_db, receipt_no=done.receipt_no)
    with pytest.raises(UserError, match="no main unit") as refused:
        print_queue.enqueue(demo_db, terminal="T01", ref=done.receipt_no, reprint=True,
                            request=receipt_and_sheet(tmp_path)[1])
    assert refused.value.message_id == "print.no_main_unit"
    assert jobs_of(demo_db, done.receipt_no) == [("receipt", "pending")]
    [outcome] = run_due_jobs(demo_db, terminal="T01")
    assert outcome.printed


def test_a_sale_with_a_unit_still_queues_its_sheet(demo_db, tmp_path):
    sale = notebook_sale(demo_db)
    assert print_queue.sheet_printable(demo_db, receipt_no=sale.receipt_no)
    print_queue.enqueue(demo_db, terminal="T01", ref=sale.receipt_no, reprint=True,
                        request=receipt_and_sheet(tmp_path)[1])
    assert jobs_of(demo_db, sale.receipt_no) == [("sheet", "pending")]


def test_a_printer_that_is_off_is_a_printer_fault(sqlite_demo_db):
    db = sqlite_demo_db
    port = closed_port()
    cart = new_cart(db)
    checkout.add_product(db, cart, code="BAG-NB-156")
    completion.complete_sale(db, cart, tenders=[TenderInput("wechat", cart.lines[0].total)],
                             print_jobs=[PrintRequest("receipt", f"network://127.0.0.1:{port}")])
    run_due_jobs(db, terminal="T01", timeout=1.0)
    [job] = print_queue.failed_jobs(db, terminal="T01")
    assert job.fault == "printer" and job.printer_fault
    assert job.reason.id == "printer.refused" and job.reason.params["where"].endswith(str(port))
    assert "refused the connection" in job.last_error  # English for the `pos` command


def test_a_job_that_fails_for_its_data_is_no_printer_fault(sqlite_demo_db, tmp_path):
    db = sqlite_demo_db
    cart = new_cart(db)
    checkout.add_product(db, cart, code="BAG-NB-156")
    done = completion.complete_sale(db, cart, tenders=[TenderInput("wechat", cart.lines[0].total)])
    # as an older till queued it, before the queue refused such jobs
    with db.unit_of_work() as session:
        terminal_id = session.scalar(select(PrintJob.terminal_id).limit(1)) or 1
        session.add(PrintJob(**print_queue.job_rows(terminal_id, done.receipt_no,
                                                    [receipt_and_sheet(tmp_path)[1]])[0]))
    run_due_jobs(db, terminal="T01")
    [job] = print_queue.failed_jobs(db, terminal="T01")
    assert job.fault == "data" and not job.printer_fault
    assert job.reason == Message("print.no_main_unit", {"receipt": done.receipt_no})


def test_a_failure_too_long_to_keep_whole_keeps_its_fault_and_text(sqlite_demo_db, tmp_path):
    db = sqlite_demo_db
    cart = new_cart(db)
    checkout.add_product(db, cart, code="BAG-NB-156")
    completion.complete_sale(db, cart, tenders=[TenderInput("wechat", cart.lines[0].total)],
                             print_jobs=[PrintRequest("receipt", f"pdf://{tmp_path}")])
    [job] = print_queue.due_jobs(db, terminal="T01")
    long_reason = "“" + "x" * 900 + "”"
    failed = print_queue.mark_failed(db, job_id=job.id, error=UserError(
        "printer.device_failed", where="usb://0x4b8", reason=long_reason), fault="printer")
    assert failed.fault == "printer" and failed.last_error.startswith("Printer usb://0x4b8: “xx")
    with db.read() as session:
        stored = session.get(PrintJob, job.id).last_error
    assert len(stored) <= 500 and json.loads(stored)["fault"] == "printer"
    with pytest.raises(ValueError):
        print_queue.mark_failed(db, job_id=job.id, error="why", fault="weather")
