"""Quotes at the till (Shift+F4): save the sale as a quote for its business customer (a
validity date, a note), the store's open quotes (the sale's customer's first), open one
as the sale by its typed or scanned number, and save a quote's PDF.

    F12     save this sale as a quote (one request id per attempt: a retry after the
            database failed saves it once)
    Enter   open the quote whose number is in the field (or the row chosen) as the sale:
            the till does it (`open_requested`) and answers with accept() or refuse();
            an expired quote needs a manager's approval, which the till asks for
    F8      save the chosen quote as a PDF
    Esc     close

Refusals are said here and keep what was typed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDateEdit, QDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from ui.checkout.after_sale_parts import dialog_button, error_line, keyed, show_as
from ui.dialog_frame import set_kind
from ui.elided_label import ElidedLabel
from ui.messages import bug_message, refusal_text
from ui.ops import accounts as account_ops
from ui.report_parts import SavePath

DEFAULT_DAYS = 15  # the store's quote_valid_days by default; the service holds the rule


class QuoteDialog(QDialog):
    open_requested = Signal(str)  # a quote number: open it as the sale

    def __init__(self, ops_runner, formats, *, cart, customer, staff_id: int, terminal: str,
                 locale: str, attempts, parent=None):
        super().__init__(parent)
        self.ops, self.formats = ops_runner, formats
        self.cart, self.customer = cart, customer
        self.staff_id, self.terminal, self.locale = staff_id, terminal, locale
        self.attempts = attempts
        self.quotes: tuple = ()
        self.saved = None  # the QuoteView saved here
        self.busy = False
        self.setWindowTitle(self.tr("Quotes"))
        can_save = bool(cart is not None and cart.billable_lines() and customer is not None)
        who = (customer.company or customer.name) if customer is not None else ""
        self.save_title = ElidedLabel(
            self.tr("Save this sale as a quote for {customer}").format(customer=who)
            if can_save else self.tr("To save a quote: scan the products and find the "
                                     "business customer first"))
        self.save_title.setStyleSheet("font-weight: bold;")
        self.valid_until = QDateEdit(QDate.currentDate().addDays(DEFAULT_DAYS))
        self.valid_until.setCalendarPopup(True)
        self.valid_until.setDisplayFormat("yyyy-MM-dd")
        self.valid_until.setMinimumHeight(44)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note on the quote"))
        self.note.setMaxLength(200)
        self.note.setMinimumHeight(44)
        self.save_button = keyed(self, self.tr("Save quote"), Qt.Key.Key_F12, self.save,
                                 name="primary")
        self.save_button.set_height(48)
        for widget in (self.valid_until, self.note, self.save_button):
            widget.setEnabled(can_save)
        save_row = QHBoxLayout()
        save_row.addWidget(QLabel(self.tr("Valid until")))
        save_row.addWidget(self.valid_until)
        save_row.addWidget(self.note, 1)
        save_row.addWidget(self.save_button)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Quote"), self.tr("Customer"),
                                              self.tr("Total"), self.tr("Valid until"),
                                              self.tr("State")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(40)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.itemSelectionChanged.connect(self._row_chosen)
        self.table.itemDoubleClicked.connect(lambda _item: self.open_chosen())
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("Quote number (type or scan)"))
        self.number.setMinimumHeight(44)
        self.number.setMaxLength(24)
        self.number.returnPressed.connect(self.open_chosen)
        self.open_button = dialog_button(self.tr("Open as the sale [Enter]"))
        self.open_button.clicked.connect(self.open_chosen)
        self.open_button.set_height(48)
        self.pdf_button = keyed(self, self.tr("Save PDF"), Qt.Key.Key_F8, self.save_pdf)
        self.pdf_button.set_height(48)
        open_row = QHBoxLayout()
        open_row.addWidget(self.number, 1)
        open_row.addWidget(self.pdf_button)
        open_row.addWidget(self.open_button)
        self.message = error_line()
        close = set_kind(dialog_button(self.tr("Close [Esc]")), "secondary")
        close.clicked.connect(self.reject)
        close.set_height(48)
        foot = QHBoxLayout()
        foot.addStretch(1)
        foot.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.save_title)
        layout.addLayout(save_row)
        layout.addWidget(QLabel(self.tr("Open quotes (this customer's first)")))
        layout.addWidget(self.table, 1)
        layout.addLayout(open_row)
        layout.addWidget(self.message)
        layout.addLayout(foot)
        self.setMinimumSize(860, 560)
        self.number.setFocus()
        self.reload()

    # the list -----------------------------------------------------------------------
    def reload(self) -> None:
        customer_id = self.customer.id if self.customer is not None else None
        self.ops.run(account_ops.list_quotes(customer_id=customer_id),
                     parent=self, done=self._listed, refused=self._say_error,
                     crashed=lambda: self._say_error(None))

    def _listed(self, quotes) -> None:
        self.quotes = tuple(quotes)
        self.table.setRowCount(len(self.quotes))
        for row, quote in enumerate(self.quotes):
            cells = (quote.quote_no, quote.customer, self.formats.money(quote.total),
                     self.formats.day(quote.valid_until), self._state(quote.state))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)

    def _state(self, state: str) -> str:
        return {"open": self.tr("open"), "accepted": self.tr("accepted"),
                "converted": self.tr("sold"), "cancelled": self.tr("cancelled"),
                "expired": self.tr("expired")}.get(state, state)

    def _row_chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.number.setText(self.quotes[rows[0].row()].quote_no)
            self.number.setFocus()

    def chosen(self) -> str:
        return self.number.text().strip().upper()

    # actions --------------------------------------------------------------------------
    def save(self) -> None:
        if self.busy or not self.save_button.isEnabled():
            return
        qdate = self.valid_until.date()
        valid_until = date(qdate.year(), qdate.month(), qdate.day())
        note = self.note.text().strip()
        attempt = ("quote", id(self), self.cart.uuid, valid_until, note)

        def saved(quote):
            self.attempts.answered(attempt)
            self._set_busy(False)
            self.saved = quote
            self.number.setText(quote.quote_no)
            self._say(self.tr("Quote {quote} saved, valid until {date}: {total}").format(
                quote=quote.quote_no, date=self.formats.day(quote.valid_until),
                total=self.formats.money(quote.total)), "success")
            self.reload()

        def refused(error):
            self.attempts.refused(attempt, error)
            self._say_error(error)

        self._set_busy(True)
        self.ops.run(account_ops.save_quote(self.cart, valid_until=valid_until,
                                            staff_id=self.staff_id, note=note,
                                            request_id=self.attempts.request_id(attempt)),
                     parent=self, done=saved, refused=refused,
                     crashed=lambda: self._say_error(None))

    def open_chosen(self) -> None:
        if self.busy:
            return
        if not self.chosen():
            self._say(self.tr("Type or scan the quote's number, or choose it in the list"))
            return
        self._set_busy(True)
        self._say("")
        self.open_requested.emit(self.chosen())

    def save_pdf(self) -> None:
        quote_no = self.chosen()
        if self.busy or not quote_no:
            self._say(self.tr("Type or scan the quote's number, or choose it in the list"))
            return
        path = SavePath.ask(self, self.tr("Save as PDF"), f"{quote_no}.pdf", "pdf")
        if not path:
            return
        if Path(path).suffix.lower() != ".pdf":
            path += ".pdf"
        SavePath.folder = str(Path(path).parent)
        self._set_busy(True)

        def written(where):
            self._set_busy(False)
            self._say(self.tr("Saved: {path}").format(path=where), "success")

        self.ops.run(account_ops.quote_pdf(quote_no=quote_no, path=path, locale=self.locale,
                                           terminal=self.terminal),
                     parent=self, done=written, refused=self._say_error,
                     crashed=lambda: self._say_error(None))

    # the till's answer ------------------------------------------------------------------
    def refuse(self, error) -> None:
        """Why the quote was not opened (or a text); what was typed stays."""
        self._say_error(error)
        self.number.setFocus()
        self.number.selectAll()

    def _say_error(self, error) -> None:
        self._set_busy(False)
        text = error if isinstance(error, str) else (
            refusal_text(error) if error is not None else bug_message())
        self._say(text)

    def _say(self, text: str, kind: str = "error") -> None:
        show_as(self.message, kind)
        self.message.setText(text)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for button in (self.open_button, self.pdf_button):
            button.setEnabled(not busy)
        self.save_button.setEnabled(not busy and self.valid_until.isEnabled())

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_chosen()
            return
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.quotes:
            rows = self.table.selectionModel().selectedRows()
            row = rows[0].row() if rows else -1
            row = max(0, min(len(self.quotes) - 1,
                             row + (1 if event.key() == Qt.Key.Key_Down else -1)))
            self.table.selectRow(row)
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if not self.busy:
            super().reject()

