"""Print jobs that failed, with retry; the till's printer status line opens it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
)

from pos.kernel.enums import JobKind


class PrintJobsDialog(QDialog):
    def __init__(self, jobs, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print jobs"))
        self.retry_ids: list[int] = []
        kinds = {JobKind.RECEIPT: self.tr("Receipt"),
                 JobKind.SHEET: self.tr("Configuration sheet"),
                 JobKind.CARD: self.tr("Service card")}
        self.list = QListWidget()
        for job in jobs:
            item = QListWidgetItem(self.tr("{kind} {ref}: {error}").format(
                kind=kinds.get(job.kind, job.kind), ref=job.ref, error=job.last_error or ""))
            item.setData(Qt.ItemDataRole.UserRole, job.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.setWordWrap(True)
        hint = QLabel(self.tr("Check the printer (power, paper, cover, cable), then retry. "
                              "The sales themselves are safe."))
        hint.setWordWrap(True)
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
        layout.addWidget(hint)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.setMinimumSize(560, 360)

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
