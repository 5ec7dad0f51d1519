"""Printing: sending due jobs, failed jobs and their retry, reprints."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pos.kernel.enums import JobKind

if TYPE_CHECKING:
    from ui.ops.running import Call


def sheet_copies(config):
    """The configuration sheet's three copies, to the documents printer."""
    from pos.printjobs.print_queue import PrintRequest

    return PrintRequest(JobKind.SHEET, config.documents_uri,
                        options={"copies": ["customer", "store", "installer"], "page_size": "A4"})


def z_report_jobs(config):
    """A closed shift's Z report: on the receipt printer, and as an A4 PDF in the documents
    folder (the data folder's prints/ unless the store chose another)."""
    from pos.printjobs.print_queue import PrintRequest

    return [PrintRequest(JobKind.ZREPORT, config.receipt_uri,
                         options={"paper_mm": config.paper_mm, "encoding": config.encoding}),
            PrintRequest(JobKind.ZREPORT, config.documents_uri, options={"page_size": "A4"})]


def run_prints(runner: Callable[[], object], *, terminal: str) -> Call:
    """Send the due print jobs (`runner`, printing.dispatch); the jobs that have failed."""
    def call(db):
        from pos.printjobs.print_queue import failed_jobs

        try:
            runner()
        finally:
            failed = failed_jobs(db, terminal=terminal)
        return failed
    return call


def failed_jobs(terminal: str) -> Call:
    def call(db):
        from pos.printjobs.print_queue import failed_jobs as failed

        return failed(db, terminal=terminal)
    return call


def retry_jobs(job_ids: list[int]) -> Call[None]:
    def call(db):
        from pos.printjobs.print_queue import retry

        for job_id in job_ids:
            retry(db, job_id=job_id)
    return call


def reprint(*, terminal: str, receipt_no: str, sheet: bool = False, staff: str = "") -> Call[None]:
    """A copy of the receipt (marked COPY, with when and by whom: `staff`, the job's time)
    and, when asked and the document has one, the sheet copies, which show what
    installers added on site since (an add-on's: the earlier sale's unit's sheet)."""
    def call(db):
        from pos.printjobs.print_queue import (
            PrintRequest, enqueue, printer_config, sheet_printable,
        )

        config = printer_config(db, terminal=terminal)
        requests = [PrintRequest(JobKind.RECEIPT, config.receipt_uri,
                                 options={"paper_mm": config.paper_mm,
                                          "encoding": config.encoding,
                                          "reprinted_by": staff})]
        if sheet and sheet_printable(db, receipt_no=receipt_no):
            requests.append(sheet_copies(config))
        for request in requests:
            enqueue(db, terminal=terminal, ref=receipt_no, reprint=True, request=request)
    return call
