"""Print jobs that failed, with retry; the till's printer status line opens it.

Each job says why it failed in the reader's language. "Check the printer" is said only
for a job the printer itself did not take (off, unreachable, stalled, out of paper); a
job that failed for a reason in the data says what is wrong and nothing about the
printer, since nothing at the printer would help."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
)

from pos.kernel.enums import JobKind
from ui.messages import refusal_text

PRINTER_FAULT, BUG = "printer", "bug"  # pos.printjobs.print_queue.FAULTS


class PrintJobsDialog(QDialog):
    def __init__(self, jobs, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print jobs"))
        self.retry_ids: list[int] = []
        kinds = {JobKind.RECEIPT: self.tr("Receipt"),
                 JobKind.SHEET: self.tr("Configuration sheet"),
                 JobKind.CARD: self.tr("Service card"),
                 JobKind.DRAWER: self.tr("Cash drawer"),
                 JobKind.ZREPORT: self.tr("Z report")}
        self.list = QListWidget()
        for job in jobs:
            item = QListWidgetItem(self.tr("{kind} {ref}: {error}").format(
                kind=kinds.get(job.kind, job.kind), ref=job.ref, error=self.reason(job)))
            item.setData(Qt.ItemDataRole.UserRole, job.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.setWordWrap(True)
        self.hint = QLabel(self.advice(jobs))
        self.hint.setWordWrap(True)
        retry = QPushButton(self.tr("Retry selected"))
        retry_all = QPushButton(self.tr("Retry all"))
        retry_all.setObjectName("primary")
        close = QPushButton(self.tr("Close"))
        retry.clicked.connect(self._retry_selected)
        retry_all.clicked.connect(self._retry_all)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (retry, retry_all, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.setMinimumSize(560, 360)

    def reason(self, job) -> str:
        """Why the job failed, in the app's language (a job failed before its reason was
        kept as a message: its English text)."""
        if getattr(job, "reason", None) is not None:
            return refusal_text(job.reason)
        if getattr(job, "fault", None) == BUG:
            return self.tr("An internal error (written to the log)")
        return job.last_error or ""

    def advice(self, jobs) -> str:
        """What to do: check the printer only when a printer is at fault."""
        faults = {getattr(job, "fault", None) for job in jobs}
        safe = self.tr("The sales themselves are safe.")
        if PRINTER_FAULT in faults:
            return self.tr("Check the printer (power, paper, cover, cable), then retry. "
                           "The sales themselves are safe.")
        if faults == {BUG}:
            return self.tr("These jobs failed on an internal error, written to the log; "
                           "retry, or call support if it happens again.") + " " + safe
        return self.tr("Each job says why it did not print: put that right, then retry.") \
            + " " + safe

    def _retry_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.retry_ids = [item.data(Qt.ItemDataRole.UserRole)]
            self.accept()

    def _retry_all(self) -> None:
        self.retry_ids = [self.list.item(i).data(Qt.ItemDataRole.UserRole)
                          for i in range(self.list.count())]
        self.accept()

    @classmethod
    def ask(cls, jobs, parent=None) -> list[int]:
        dialog = cls(jobs, parent)
        dialog.exec()
        return dialog.retry_ids
