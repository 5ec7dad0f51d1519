"""Working through the print queue: render each due job from its sale (or card), send it,
and record the outcome in pos.printjobs.print_queue. A failure marks the job failed with a clear
reason, whose fault it was (the printer's, the data's, or a bug) and a back-off; it never
touches the sale.

An add-on's sheet job prints the earlier sale's unit's sheet with what was sold on site
(pos.printjobs.records.load_sheet_sale)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from pos.accounts.invoices import requested_invoice
from pos.db.engine import Database
from pos.kernel.errors import UserError
from pos.kernel.messages import Message
from pos.printjobs import print_queue
from pos.printjobs.print_queue import JobInfo
from pos.printjobs.print_queue import BUG, DATA_FAULT, PRINTER_FAULT
from pos.printjobs.records import load_card, load_sale, load_sheet_sale
from pos.printjobs.shift_record import load_z_report

from .escpos_out import drawer_kick_bytes, receipt_bytes
from .printers import PrinterError, parse_printer_uri, save_pdf, send
from .qr import with_qr_codes
from .receipt import PAPER_COLUMNS, ReprintNote, receipt_layout
from .receipt_pdf import receipt_pdf
from .shift_receipt import z_receipt_layout

log = logging.getLogger(__name__)

# The refusals that mean the printer itself did not take the job: off, unreachable,
# stalled, offline (paper, cover), a device that failed. Only these get "check the
# printer"; anything else (a PDF folder that cannot be written, a document with
# nothing to print) says what is wrong instead.
DEVICE_FAULTS = frozenset({
    "printer.refused", "printer.timeout", "printer.unreachable", "printer.no_answer",
    "printer.offline", "printer.device_failed", "printer.file_failed",
})


def fault_of(error: UserError) -> str:
    return PRINTER_FAULT if error.message_id in DEVICE_FAULTS else DATA_FAULT


@dataclass(frozen=True)
class JobOutcome:
    job_id: int
    kind: str
    ref: str
    printed: bool
    message: str  # where it went, or why not (in English)
    refusal: Message | None = None  # why not, to say in the reader's language


def run_due_jobs(db: Database, *, terminal: str, timeout: float = 5.0) -> list[JobOutcome]:
    return [run_job(db, job, timeout=timeout) for job in print_queue.due_jobs(db, terminal=terminal)]


def run_job(db: Database, job: JobInfo, *, timeout: float = 5.0) -> JobOutcome:
    try:
        where = deliver(db, job, timeout=timeout)
    except UserError as exc:
        print_queue.mark_failed(db, job_id=job.id, error=exc, fault=fault_of(exc))
        return JobOutcome(job.id, job.kind, job.ref, False, str(exc), exc.as_message())
    except Exception as exc:  # noqa: BLE001 - a bug: keep the job, log the traceback
        log.exception("print job %s failed unexpectedly", job.id)
        print_queue.mark_failed(db, job_id=job.id, error=f"internal error: {exc}", fault=BUG)
        return JobOutcome(job.id, job.kind, job.ref, False, f"internal error: {exc}")
    print_queue.mark_printed(db, job_id=job.id)
    return JobOutcome(job.id, job.kind, job.ref, True, where)


def deliver(db: Database, job: JobInfo, *, timeout: float) -> str:
    """Render and send one job; returns where it went."""
    target = parse_printer_uri(job.printer_uri)
    suffix = f"-copy{job.id}" if job.reprint else ""
    if job.kind == "receipt":
        width = PAPER_COLUMNS.get(int(job.options.get("paper_mm", 80)), 48)
        record = load_sale(db, receipt_no=job.ref)
        ops = receipt_layout(record, width=width, copy=job.reprint,
                             encoding=job.options.get("encoding", "gb18030"),
                             reprint=ReprintNote(job.created_at, job.options.get("reprinted_by", ""))
                             if job.reprint else None,
                             invoice=requested_invoice(db, receipt_no=job.ref))  # fapiao asked
        ops = with_qr_codes(ops, record, width=width)  # its check value and e-invoice QR
        if target.is_pdf:
            return str(save_pdf(target, f"{job.ref}{suffix}.pdf", receipt_pdf(ops, width=width)))
        data = receipt_bytes(ops, width=width, encoding=job.options.get("encoding", "gb18030"))
        _open_drawer_once(db, job, target, timeout=timeout)
        send(target, data, timeout=timeout)
        return job.printer_uri
    if job.kind == "drawer":
        if target.is_pdf:
            return "no cash drawer on a PDF preview"
        _open_drawer_once(db, job, target, timeout=timeout)
        return job.printer_uri
    if job.kind == "sheet":
        from .sheet_pdf import sheet_pdf

        record = load_sheet_sale(db, receipt_no=job.ref)
        pdf = sheet_pdf(record, copies=tuple(job.options.get("copies", ("customer", "store", "installer"))),
                        page_size=job.options.get("page_size", "A4"), locale=record.store.locale)
        return _document(target, f"{job.ref}-sheet{suffix}.pdf", pdf)
    if job.kind == "card":
        from .card_pdf import card_certificate_pdf

        store, card = load_card(db, card_no=job.ref)
        return _document(target, f"{job.ref}{suffix}.pdf",
                         card_certificate_pdf(store, card, locale=store.locale))
    if job.kind == "zreport":
        return _z_report(job, target, suffix, load_z_report(db, ref=job.ref), timeout=timeout)
    if job.kind == "account":  # a payment on account's or a deposit's slip
        from pos.printjobs.account_slip import load_account_slip

        from .account_receipt import account_slip_layout

        width = PAPER_COLUMNS.get(int(job.options.get("paper_mm", 80)), 48)
        encoding = job.options.get("encoding", "gb18030")
        ops = account_slip_layout(load_account_slip(db, doc_no=job.ref), width=width,
                                  encoding=encoding)
        if target.is_pdf:
            return str(save_pdf(target, f"{job.ref}{suffix}.pdf", receipt_pdf(ops, width=width)))
        send(target, receipt_bytes(ops, width=width, encoding=encoding), timeout=timeout)
        return job.printer_uri
    raise PrinterError("print.unknown_job_kind", kind=job.kind)


def _open_drawer_once(db: Database, job: JobInfo, target, *, timeout: float) -> None:
    """The drawer kick is its own step, sent alone before the receipt and marked done in
    the job's row once the printer has it: a retry of the receipt (the printer stalled
    mid-job and came back) or a reprint never opens the drawer again. Each opening is an
    audit event (print_queue.mark_drawer_opened)."""
    if not print_queue.drawer_due(job):
        return
    # Marked as soon as the printer has the bytes, before its status answer: a printer
    # that took the kick and then stalled may have opened the drawer already, so the
    # kick is at most once (a drawer that did not open is a manager's "open drawer").
    send(target, drawer_kick_bytes(), timeout=timeout,
         on_sent=lambda: print_queue.mark_drawer_opened(db, job_id=job.id))


def _z_report(job: JobInfo, target, suffix: str, record, *, timeout: float) -> str:
    """A closed shift's Z report: on the receipt printer like a receipt (its PDF preview
    without one), or (page_size given) the A4 report saved in the documents folder."""
    if job.options.get("page_size"):
        from .shift_pdf import shift_report_pdf

        pdf = shift_report_pdf([record.report], locale=record.store.locale,
                               store_name=record.store.name)
        return _document(target, f"{job.ref}{suffix}.pdf", pdf)
    width = PAPER_COLUMNS.get(int(job.options.get("paper_mm", 80)), 48)
    ops = z_receipt_layout(record, width=width, encoding=job.options.get("encoding", "gb18030"))
    if target.is_pdf:
        return str(save_pdf(target, f"{job.ref}-receipt{suffix}.pdf", receipt_pdf(ops, width=width)))
    send(target, receipt_bytes(ops, width=width, encoding=job.options.get("encoding", "gb18030")),
         timeout=timeout)
    return job.printer_uri


def _document(target, name: str, pdf: bytes) -> str:
    if target.scheme in ("pdf", "file"):
        folder_target = target if target.is_pdf else parse_printer_uri(f"pdf://{target.path}")
        return str(save_pdf(folder_target, name, pdf))
    raise PrinterError("print.documents_to_pdf")
