"""Receivables (F1 on the accounts screen): the aging of every account (current, 1–30,
31–60, 60+ days overdue, unapplied credit; this store or every store), the overdue list,
and for the customer chosen in either: the statement as a PDF (F6) and the transfer to
the big-account team (F7, with a note; recorded on the account and sealed)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from ui.accounts.parts import Tab, chosen_row, fill, table
from ui.checkout.after_sale_parts import dialog_button, error_line
from ui.ops import accounts as account_ops
from ui.report_parts import SavePath


class ReceivablesTab(Tab):
    def __init__(self, context, staff, parent=None):
        super().__init__(context, staff, parent)
        self.aged = None
        self.late: tuple = ()
        self.customer = None  # (id, label) chosen in a table
        self.every_store = QCheckBox(self.tr("Every store"))
        self.every_store.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.every_store.toggled.connect(lambda _on: self.load())
        self.totals = QLabel("")
        self.totals.setStyleSheet("font-weight: bold;")
        self.aging = table([self.tr("Customer"), self.tr("Store"), self.tr("Current"),
                            self.tr("1–30 days"), self.tr("31–60 days"), self.tr("60+ days"),
                            self.tr("Credit"), self.tr("Total")])
        self.overdue = table([self.tr("Customer"), self.tr("Oldest due"), self.tr("Days"),
                              self.tr("Overdue"), self.tr("Balance"), self.tr("Team")])
        self.aging.itemSelectionChanged.connect(lambda: self._chosen(self.aging))
        self.overdue.itemSelectionChanged.connect(lambda: self._chosen(self.overdue))
        self.chosen_label = QLabel(self.tr("Choose a customer in a list"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note for the big-account team"))
        self.note.setMaxLength(200)
        self.note.setMinimumHeight(44)
        self.statement_button = dialog_button(self.tr("Statement PDF [F6]"))
        self.statement_button.clicked.connect(self.statement)
        self.transfer_button = dialog_button(self.tr("Transfer to big-account team [F7]"))
        self.transfer_button.clicked.connect(self.transfer)
        for button in (self.statement_button, self.transfer_button):
            button.set_height(48)
        self.keys = {Qt.Key.Key_F6: self.statement_button, Qt.Key.Key_F7: self.transfer_button}
        self.message = error_line()
        head = QHBoxLayout()
        head.addWidget(self.totals, 1)
        head.addWidget(self.every_store)
        actions = QHBoxLayout()
        actions.addWidget(self.chosen_label, 1)
        actions.addWidget(self.note, 1)
        actions.addWidget(self.statement_button)
        actions.addWidget(self.transfer_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.aging, 3)
        layout.addWidget(QLabel(self.tr("Overdue")))
        layout.addWidget(self.overdue, 2)
        layout.addLayout(actions)
        layout.addWidget(self.message)

    def focus(self) -> None:
        self.note.setFocus()

    @property
    def store(self) -> str | None:
        return None if self.every_store.isChecked() else self.context.store.code

    def load(self) -> None:
        self.run(account_ops.aging(store=self.store), self._aged)
        self.run(account_ops.overdue(store=self.store), self._late)

    def _aged(self, aged) -> None:
        self.aged = aged
        money = self.formats.money
        fill(self.aging, [(f"{r.company or r.name} ({r.phone})", r.store, money(r.current),
                           money(r.days_1_30), money(r.days_31_60), money(r.days_60_plus),
                           money(r.credit), money(r.total)) for r in aged.rows],
             right=(2, 3, 4, 5, 6, 7))
        totals = aged.totals()
        self.totals.setText(self.tr("Owed {total} · overdue {overdue} · {count} accounts")
                            .format(total=money(totals["total"]),
                                    overdue=money(totals["days_1_30"] + totals["days_31_60"]
                                                  + totals["days_60_plus"]),
                                    count=len(aged.rows)))

    def _late(self, rows) -> None:
        self.late = tuple(rows)
        money = self.formats.money
        fill(self.overdue, [(f"{r.company or r.name} ({r.phone})", self.formats.day(r.oldest_due),
                             str(r.days), money(r.amount), money(r.balance),
                             self.tr("big accounts") if r.transferred else "")
                            for r in self.late], right=(2, 3, 4), red=(3,))

    def _chosen(self, view) -> None:
        row = chosen_row(view)
        if row is None:
            return
        source = self.aged.rows if view is self.aging else self.late
        picked = source[row]
        self.customer = (picked.customer_id, f"{picked.company or picked.name} ({picked.phone})")
        self.chosen_label.setText(self.customer[1])
        self.say("")

    def _need_customer(self) -> bool:
        if self.customer is None:
            self.say(self.tr("Choose a customer in a list first"))
            return False
        return True

    def statement(self) -> None:
        if not self._need_customer():
            return
        customer_id, _label = self.customer
        path = SavePath.ask(self, self.tr("Save as PDF"), f"statement-{customer_id}.pdf", "pdf")
        if not path:
            return
        if Path(path).suffix.lower() != ".pdf":
            path += ".pdf"
        SavePath.folder = str(Path(path).parent)
        self.run(account_ops.statement_pdf(customer=customer_id, path=path,
                                           locale=self.context.locale,
                                           terminal=self.context.terminal),
                 lambda written: self.say(self.tr("Saved: {path}").format(path=written),
                                          "success"),
                 disable=[self.statement_button])

    def transfer(self) -> None:
        if not self._need_customer():
            return
        customer_id, label = self.customer

        def done(_view):
            self.say(self.tr("{customer} passed to the big-account team").format(
                customer=label), "success")
            self.note.clear()
            self.load()

        self.run(account_ops.transfer_account(customer=customer_id, staff_id=self.staff.id,
                                              note=self.note.text().strip()),
                 done, disable=[self.transfer_button])
