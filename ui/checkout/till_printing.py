"""The till's printing: sending due jobs in the background, the printer status with
failed jobs and retry, and reprints. Mixed into TillScreen. (What prints after a sale is
queued with the sale itself: ui.ops.complete_sale.)"""

from __future__ import annotations

from ui import ops
from ui.checkout.print_jobs import PrintJobsDialog


class PrintingActions:
    def run_prints(self) -> None:
        """Send due print jobs in the background; the till never waits for a printer."""
        runner = self.context.print_runner
        if runner is None or self._printing:
            return
        self._printing = True
        self.ops.run(ops.run_prints(runner, terminal=self.terminal), parent=self, busy=False,
                     done=self._printed, refused=lambda _error: self._print_run_ended(),
                     crashed=self._print_run_ended)

    def _print_run_ended(self) -> None:
        self._printing = False

    def _printed(self, failed) -> None:
        self._printing = False
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
        def listed(failed):
            if not failed:
                self.show_message(self.tr("Every print job has printed"))
                return
            chosen = PrintJobsDialog.ask(failed, self)
            if chosen:
                self.ops.run(ops.retry_jobs(chosen), parent=self,
                             done=lambda _nothing: self.run_prints(),
                             refused=lambda error: (self.show_refusal(error), self.run_prints()))
            self.scan.setFocus()

        self.ops.run(ops.failed_jobs(self.terminal), parent=self, done=listed,
                     refused=self.show_refusal, crashed=self.show_bug,
                     disable=[self.printer_button])

    def reprint_last(self) -> None:
        if self.last_receipt is not None:
            self.reprint(self.last_receipt)

    def reprint(self, receipt_no: str, *, sheet: bool = False) -> None:
        """Queue a copy of the receipt (marked COPY) and, when asked, the sheet copies,
        which show what installers added on site since."""
        self.set_banner(self.tr("Reprinting {receipt}").format(receipt=receipt_no))
        staff = self.staff.name if self.staff is not None else ""
        self.ops.run(ops.reprint(terminal=self.terminal, receipt_no=receipt_no, sheet=sheet,
                                 staff=staff),
                     parent=self, done=lambda _nothing: self.run_prints(),
                     refused=self.show_refusal, crashed=self.show_bug)
