"""Transfers (F3): send goods to another store (F6: choose the store, scan the lines, Send),
and receive what is on its way here (F7: the incoming transfers and what each carried;
scan a transfer's number to choose it; receive it all as sent, or scan what arrived and
receive that). A transfer received
short shows the difference, line by line, with the serials that did not arrive.

Every posting has its own request id, kept while what is posted stays the same, so a
retry after an error never posts twice; a refusal is said on the page and changes
nothing."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget,
)

from ui import ops
from ui.checkout.after_sale_parts import dialog_button
from ui.dialog_frame import set_kind
from ui.elided_label import ElidedLabel
from ui.messages import bug_message, refusal_text
from ui.stock.line_entry import LineEntry
from ui.stock.stock_models import (
    RowsModel, StockTable, sent_headers, sent_rows, shortage_headers, shortage_rows,
    transfer_headers, transfer_rows,
)


def done_label() -> ElidedLabel:
    label = ElidedLabel("")
    label.setObjectName("success")
    return label


class SendPage(QWidget):
    def __init__(self, context, staff, parent=None):
        super().__init__(parent)
        self.context, self.staff = context, staff
        self.posting = False
        self.request_id = uuid.uuid4().hex
        self.posted = None
        self.to_store = QComboBox()
        self.to_store.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.to_store.currentIndexChanged.connect(self.new_attempt)
        self.entry = LineEntry(context, with_cost=False)
        self.entry.changed.connect(self.new_attempt)
        self.scan = self.entry.scan
        self.done = done_label()
        self.remove_button = dialog_button(self.tr("Remove line [F8]"))
        self.remove_button.clicked.connect(self.entry.remove_chosen)
        self.clear_button = set_kind(dialog_button(self.tr("Clear [F9]")), "secondary")
        self.clear_button.clicked.connect(self.clear)
        self.send_button = dialog_button(self.tr("Send [F12]"), name="primary")
        self.send_button.set_height(52)
        self.send_button.clicked.connect(self.send)
        self.keys = {Qt.Key.Key_F8: self.remove_button, Qt.Key.Key_F9: self.clear_button,
                     Qt.Key.Key_F12: self.send_button}
        form = QFormLayout()
        form.addRow(self.tr("To store"), self.to_store)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button, 1)
        buttons.addWidget(self.clear_button, 1)
        buttons.addWidget(self.send_button, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.entry, 1)
        layout.addWidget(self.done)
        layout.addLayout(buttons)

    def load(self) -> None:
        self.context.ops.run(ops.stock_stores(), parent=self, done=self.fill_stores,
                             refused=lambda error: self.entry.say(refusal_text(error)),
                             crashed=lambda: self.entry.say(bug_message()), busy=False)

    def fill_stores(self, stores) -> None:
        chosen = self.to_store.currentData()
        self.to_store.blockSignals(True)
        self.to_store.clear()
        for code, name in stores:
            if code != self.context.store.code:
                self.to_store.addItem(f"{code} · {name}", code)
        if chosen is not None and self.to_store.findData(chosen) >= 0:
            self.to_store.setCurrentIndex(self.to_store.findData(chosen))
        self.to_store.blockSignals(False)
        self.send_button.setEnabled(self.to_store.count() > 0)  # nowhere to send: no Send
        if not self.to_store.count():
            self.entry.say(self.tr("There is no other store to send to"))

    def new_attempt(self, *_args) -> None:
        if not self.posting:
            self.request_id = uuid.uuid4().hex

    def clear(self) -> None:
        if not self.posting:
            self.entry.clear()
            self.scan.setFocus()

    def send(self) -> None:
        if self.posting:
            return
        to_store = self.to_store.currentData()
        if to_store is None:
            self.entry.say(self.tr("Choose the store it goes to"))
            return
        self.done.setText("")
        self.set_posting(True)
        self.context.ops.run(
            ops.send_transfer(from_store=self.context.store.code, to_store=to_store,
                              staff_id=self.staff.id, lines=self.entry.lines(),
                              request_id=self.request_id),
            parent=self, done=lambda posted: self.sent(posted, to_store),
            refused=lambda error: self.refused(refusal_text(error)),
            crashed=lambda: self.refused(bug_message()),
            disable=[self.send_button, self.clear_button, self.remove_button])

    def set_posting(self, posting: bool) -> None:
        self.posting = posting
        self.entry.lock(posting)
        self.to_store.setEnabled(not posting)

    def refused(self, text: str) -> None:
        self.set_posting(False)
        self.entry.say(text)

    def sent(self, posted, to_store: str) -> None:
        self.set_posting(False)
        self.posted = posted
        self.entry.clear()
        self.request_id = uuid.uuid4().hex
        self.done.setText(self.tr("Sent: {doc} to {store} · {units} units in transit").format(
            doc=posted.doc_no, store=to_store, units=posted.units))
        self.scan.setFocus()


class IncomingPage(QWidget):
    def __init__(self, context, staff, parent=None):
        super().__init__(parent)
        self.context, self.staff, self.formats = context, staff, context.formats
        self.posting = False
        self.request_id = uuid.uuid4().hex
        self.transfers: list = []
        self.chosen_no: str | None = None
        self.posted = None
        self.list_model = RowsModel(transfer_headers(), numeric={3, 4})
        self.list_table = StockTable(self.list_model, stretch=1)
        self.list_table.clicked.connect(lambda index: self.choose(index.row()))
        self.sent_model = RowsModel(sent_headers(), numeric={2})
        self.sent_table = StockTable(self.sent_model, stretch=1)
        self.entry = LineEntry(context, with_cost=False)
        self.entry.changed.connect(self.new_attempt)
        self.entry.intercept = self.scanned_number
        self.scan = self.entry.scan
        self.done = done_label()
        self.short_model = RowsModel(shortage_headers(), numeric={2, 3, 4})
        self.short_table = StockTable(self.short_model, stretch=1)
        self.short_table.hide()
        self.chosen_label = ElidedLabel(self.tr("Nothing is on its way here"))
        self.chosen_label.setStyleSheet("font-weight: bold;")

        self.refresh_button = set_kind(dialog_button(self.tr("Refresh [F5]")), "secondary")
        self.refresh_button.clicked.connect(self.load)
        self.remove_button = dialog_button(self.tr("Remove line [F8]"))
        self.remove_button.clicked.connect(self.entry.remove_chosen)
        self.all_button = dialog_button(self.tr("All arrived as sent [F11]"))
        self.all_button.clicked.connect(lambda: self.receive(all_as_sent=True))
        self.scanned_button = dialog_button(self.tr("Receive what was scanned [F12]"),
                                            name="primary")
        self.scanned_button.set_height(52)
        self.scanned_button.clicked.connect(lambda: self.receive(all_as_sent=False))
        self.keys = {Qt.Key.Key_F5: self.refresh_button, Qt.Key.Key_F8: self.remove_button,
                     Qt.Key.Key_F11: self.all_button, Qt.Key.Key_F12: self.scanned_button}

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("On its way here")))
        left.addWidget(self.list_table, 2)
        left.addWidget(self.chosen_label)
        left.addWidget(self.sent_table, 3)
        left.addWidget(self.refresh_button)
        right = QVBoxLayout()
        right.addWidget(self.entry, 3)
        right.addWidget(self.done)
        right.addWidget(self.short_table, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button, 1)
        buttons.addWidget(self.all_button, 2)
        buttons.addWidget(self.scanned_button, 2)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)

    def load(self) -> None:
        self.context.ops.run(ops.incoming_transfers(self.context.store.code), parent=self,
                             done=self.show_transfers,
                             refused=lambda error: self.entry.say(refusal_text(error)),
                             crashed=lambda: self.entry.say(bug_message()),
                             disable=[self.refresh_button])

    def show_transfers(self, transfers) -> None:
        chosen = self.chosen().doc_no if self.chosen() is not None else None
        self.transfers = [t for t in transfers if t.received_doc is None]
        self.list_model.set_rows(transfer_rows(self.transfers, self.formats))
        numbers = [t.doc_no for t in self.transfers]
        self.choose(numbers.index(chosen) if chosen in numbers else 0)

    def chosen(self):
        row = self.list_table.chosen_row()
        return self.transfers[row] if row is not None and row < len(self.transfers) else None

    def choose(self, row: int) -> None:
        if not self.transfers:
            self.chosen_no = None
            self.sent_model.set_rows([])
            self.chosen_label.setText(self.tr("Nothing is on its way here"))
            return
        self.list_table.selectRow(row)
        transfer = self.transfers[row]
        if self.chosen_no not in (None, transfer.doc_no) and self.entry.lines():
            self.entry.clear()  # what was scanned was for the other transfer
        self.chosen_no = transfer.doc_no
        self.chosen_label.setText(self.tr("{doc} from {store}: what was sent").format(
            doc=transfer.doc_no, store=transfer.from_store))
        self.sent_model.set_rows(sent_rows(transfer))
        self.new_attempt()
        self.scan.setFocus()

    def scanned_number(self, code: str) -> bool:
        """A transfer's number (scanned from its slip) chooses that transfer."""
        numbers = [t.doc_no.upper() for t in self.transfers]
        if code.upper() not in numbers:
            return False
        self.choose(numbers.index(code.upper()))
        return True

    def new_attempt(self, *_args) -> None:
        if not self.posting:
            self.request_id = uuid.uuid4().hex

    def receive(self, *, all_as_sent: bool) -> None:
        transfer = self.chosen()
        if self.posting:
            return
        if transfer is None:
            self.entry.say(self.tr("Choose the transfer that arrived"))
            return
        if not all_as_sent and not self.entry.lines():
            self.entry.say(self.tr("Scan what arrived first, or receive it all as sent [F11]"))
            return
        if all_as_sent and self.entry.lines():
            self.entry.say(self.tr("Lines are scanned: receive what was scanned [F12], or "
                                   "remove them first"))
            return
        self.done.setText("")
        self.short_table.hide()
        self.set_posting(True)
        lines = None if all_as_sent else self.entry.lines()
        self.context.ops.run(
            ops.receive_transfer(transfer_no=transfer.doc_no, staff_id=self.staff.id,
                                 lines=lines, request_id=self.request_id,
                                 store=self.context.store.code),
            parent=self, done=self.received,
            refused=lambda error: self.refused(refusal_text(error)),
            crashed=lambda: self.refused(bug_message()),
            disable=[self.all_button, self.scanned_button, self.remove_button])

    def set_posting(self, posting: bool) -> None:
        self.posting = posting
        self.entry.lock(posting)

    def refused(self, text: str) -> None:
        self.set_posting(False)
        self.entry.say(text)

    def received(self, posted) -> None:
        self.set_posting(False)
        self.posted = posted
        self.entry.clear()
        self.request_id = uuid.uuid4().hex
        if posted.shortages:
            short = sum(s.sent - s.received for s in posted.shortages)
            self.done.setText(self.tr("Received: {doc} · {short} units short of what was "
                                      "sent").format(doc=posted.doc_no, short=short))
            self.short_model.set_rows(shortage_rows(posted.shortages),
                                      marked=set(range(len(posted.shortages))))
            self.short_table.show()
        else:
            self.done.setText(self.tr("Received: {doc} · {units} units, all as sent").format(
                doc=posted.doc_no, units=posted.units))
        self.load()
        self.scan.setFocus()


class TransferPanel(QWidget):
    def __init__(self, context, staff, parent=None):
        super().__init__(parent)
        self.send_page = SendPage(context, staff)
        self.incoming_page = IncomingPage(context, staff)
        self.pages = QTabWidget()
        self.pages.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pages.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pages.addTab(self.send_page, self.tr("Send to a store [F6]"))
        self.pages.addTab(self.incoming_page, self.tr("Incoming [F7]"))
        self.pages.currentChanged.connect(lambda _index: self.focus())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.loaded = False

    @property
    def keys(self) -> dict:
        return self.pages.currentWidget().keys

    @property
    def scan(self):
        return self.pages.currentWidget().scan

    def key_pressed(self, key) -> bool:
        """F6 and F7 choose the page."""
        if key in (Qt.Key.Key_F6, Qt.Key.Key_F7):
            self.pages.setCurrentIndex(0 if key == Qt.Key.Key_F6 else 1)
            return True
        return False

    def focus(self) -> None:
        if not self.loaded:
            self.loaded = True
            self.send_page.load()
            self.incoming_page.load()
        self.scan.setFocus()
