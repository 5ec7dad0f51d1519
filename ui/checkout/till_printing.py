"""The till's printing: what to print after a sale, sending due jobs in the background,
the printer status with failed jobs and retry, and reprints. Mixed into TillScreen."""

from __future__ import annotations

from pos.kernel.errors import UserError
from pos.printjobs import print_queue
from pos.printjobs.print_queue import PrintRequest
from ui.checkout.print_jobs import PrintJobsDialog


class PrintingActions:
    def _print_requests(self, cart, tenders) -> list[PrintRequest]:
        """The receipt (opening the drawer when cash was taken) and, as the terminal's
        settings say, the sheet copies: queued with the sale, printed after it."""
        config = print_queue.printer_config(self.db, terminal=self.context.terminal)
        jobs = [PrintRequest("receipt", config.receipt_uri,
                             open_drawer=any(t.tender == "cash" for t in tenders),
                             options={"paper_mm": config.paper_mm, "encoding": config.encoding})]
        if config.sheet_after_sale and cart.main_units():
            jobs.append(PrintRequest("sheet", config.documents_uri,
                                     options={"copies": ["customer", "store", "installer"],
                                              "page_size": "A4"}))
        return jobs

    # printing -----------------------------------------------------------------------
    def run_prints(self) -> None:
        """Send due print jobs in the background; the till never waits for a printer."""
        runner = self.context.print_runner
        if runner is None or self._printing:
            return
        self._printing = True
        self.context.worker.submit(runner, on_success=self._printed,
                                   on_refused=lambda _m: self._printed([]),
                                   on_crash=lambda _m: self._printed([]))

    def _printed(self, _outcomes) -> None:
        self._printing = False
        failed = print_queue.failed_jobs(self.db, terminal=self.context.terminal)
        if failed:
            self.printer_button.setText(self.tr("Print failed: {n}").format(n=len(failed)))
            self.printer_button.setObjectName("danger")
        else:
            self.printer_button.setText(self.tr("Printer OK"))
            self.printer_button.setObjectName("")
        self.printer_button.style().unpolish(self.printer_button)
        self.printer_button.style().polish(self.printer_button)
        self.failed_print_jobs = failed

    def show_print_jobs(self) -> None:
        failed = print_queue.failed_jobs(self.db, terminal=self.context.terminal)
        if not failed:
            self.show_message(self.tr("Every print job has printed"))
            return
        for job_id in PrintJobsDialog.ask(failed, self):
            try:
                print_queue.retry(self.db, job_id=job_id)
            except UserError as exc:
                self.show_message(str(exc))
        self.run_prints()
        self.scan.setFocus()

    def reprint_last(self) -> None:
        if self.last_receipt is not None:
            self.reprint(self.last_receipt)

    def reprint(self, receipt_no: str, *, sheet: bool = False) -> None:
        """Queue a copy of the receipt (marked COPY) and, when asked, the sheet copies,
        which show what installers added on site since."""
        config = print_queue.printer_config(self.db, terminal=self.context.terminal)
        requests = [PrintRequest("receipt", config.receipt_uri,
                                 options={"paper_mm": config.paper_mm, "encoding": config.encoding})]
        if sheet:
            requests.append(PrintRequest("sheet", config.documents_uri,
                                         options={"copies": ["customer", "store", "installer"],
                                                  "page_size": "A4"}))
        for request in requests:
            print_queue.enqueue(self.db, terminal=self.context.terminal, ref=receipt_no,
                                reprint=True, request=request)
        self.set_banner(self.tr("Reprinting {receipt}").format(receipt=receipt_no))
        self.run_prints()
