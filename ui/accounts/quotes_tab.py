"""Quotes (F2 on the accounts screen): the store's quotes in a state (open, expired,
sold, cancelled, or all), a quote's PDF (F6), and the quote report of a period (F7):
per person, quotes issued, sold (count, value, rate), expired, open and cancelled."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QVBoxLayout

from ui.accounts.parts import Tab, chosen_row, fill, table
from ui.checkout.after_sale_parts import dialog_button, error_line
from ui.ops import accounts as account_ops
from ui.report_parts import SavePath


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class QuotesTab(Tab):
    def __init__(self, context, staff, parent=None):
        super().__init__(context, staff, parent)
        self.quotes: tuple = ()
        self.state = QComboBox()
        self.state.setMinimumHeight(44)
        for value, label in (("open", self.tr("Open")), ("expired", self.tr("Expired")),
                             ("converted", self.tr("Sold")),
                             ("cancelled", self.tr("Cancelled")), (None, self.tr("All"))):
            self.state.addItem(label, value)
        self.state.currentIndexChanged.connect(lambda _i: self.load())
        self.list = table([self.tr("Quote"), self.tr("Customer"), self.tr("Total"),
                           self.tr("Valid until"), self.tr("State"), self.tr("By"),
                           self.tr("Sold as")], stretch=1)
        self.pdf_button = dialog_button(self.tr("Quote PDF [F6]"))
        self.pdf_button.clicked.connect(self.save_pdf)
        self.start = QDateEdit(QDate.currentDate().addDays(-30))
        self.end = QDateEdit(QDate.currentDate())
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumHeight(44)
        self.report_button = dialog_button(self.tr("Quote report [F7]"))
        self.report_button.clicked.connect(self.report)
        for button in (self.pdf_button, self.report_button):
            button.set_height(48)
        self.keys = {Qt.Key.Key_F6: self.pdf_button, Qt.Key.Key_F7: self.report_button}
        self.figures = table([self.tr("Staff"), self.tr("Issued"), self.tr("Value"),
                              self.tr("Sold"), self.tr("Sold value"), self.tr("Rate"),
                              self.tr("Expired"), self.tr("Open"), self.tr("Cancelled")])
        self.message = error_line()
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Show")))
        head.addWidget(self.state)
        head.addStretch(1)
        head.addWidget(self.pdf_button)
        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("From")))
        period.addWidget(self.start)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.end)
        period.addStretch(1)
        period.addWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.list, 3)
        layout.addLayout(period)
        layout.addWidget(self.figures, 2)
        layout.addWidget(self.message)

    def load(self) -> None:
        self.run(account_ops.list_quotes(state=self.state.currentData(),
                                         store=self.context.store.code), self._listed)

    def _state(self, state: str) -> str:
        return {"open": self.tr("open"), "accepted": self.tr("accepted"),
                "converted": self.tr("sold"), "cancelled": self.tr("cancelled"),
                "expired": self.tr("expired")}.get(state, state)

    def _listed(self, quotes) -> None:
        self.quotes = tuple(quotes)
        money = self.formats.money
        fill(self.list, [(q.quote_no, q.customer, money(q.total), self.formats.day(q.valid_until),
                          self._state(q.state), q.staff_name, q.converted_receipt or "")
                         for q in self.quotes], right=(2,))

    def save_pdf(self) -> None:
        row = chosen_row(self.list)
        if row is None:
            self.say(self.tr("Choose a quote in the list first"))
            return
        quote_no = self.quotes[row].quote_no
        path = SavePath.ask(self, self.tr("Save as PDF"), f"{quote_no}.pdf", "pdf")
        if not path:
            return
        if Path(path).suffix.lower() != ".pdf":
            path += ".pdf"
        SavePath.folder = str(Path(path).parent)
        self.run(account_ops.quote_pdf(quote_no=quote_no, path=path, locale=self.context.locale,
                                       terminal=self.context.terminal),
                 lambda written: self.say(self.tr("Saved: {path}").format(path=written),
                                          "success"),
                 disable=[self.pdf_button])

    def report(self) -> None:
        self.run(account_ops.quote_report(start=_day(self.start), end=_day(self.end)),
                 self._reported, disable=[self.report_button])

    def _reported(self, report) -> None:
        money = self.formats.money

        def row(f, name):
            rate = f"{100 * f.converted / f.issued:.0f}%" if f.issued else ""
            return (name, str(f.issued), money(f.issued_value), str(f.converted),
                    money(f.converted_value), rate, str(f.expired), str(f.open),
                    str(f.cancelled))

        rows = [row(f, f.staff_name) for f in report.people]
        rows.append(row(report.total, self.tr("All staff")))
        fill(self.figures, rows, right=(1, 2, 3, 4, 5, 6, 7, 8))
        self.say("")
