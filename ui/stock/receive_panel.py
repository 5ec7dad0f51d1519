"""Goods received from a supplier: who delivered and the delivery note's number, then the
lines scanned (ui.stock.line_entry: serials one by one, other products by quantity and
unit cost), then Post (F12): one sealed receipt document, whose number is shown.

Each posting attempt has one request id, kept while what is posted stays the same: a
retry after an error (the answer lost, the database busy) never posts twice. A refusal
is said under the lines and changes nothing; the lines stay for a fix."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from ui import ops
from ui.checkout.after_sale_parts import dialog_button
from ui.dialog_frame import set_kind
from ui.elided_label import ElidedLabel
from ui.messages import bug_message, refusal_text
from ui.stock.line_entry import LineEntry


class ReceivePanel(QWidget):
    def __init__(self, context, staff, parent=None):
        super().__init__(parent)
        self.context, self.staff = context, staff
        self.posting = False
        self.request_id = uuid.uuid4().hex
        self.posted = None  # the last PostedDocument

        self.supplier = QLineEdit()
        self.supplier.setMaxLength(120)
        self.supplier.setPlaceholderText(self.tr("Who delivered"))
        self.supplier_ref = QLineEdit()
        self.supplier_ref.setMaxLength(60)
        self.supplier_ref.setPlaceholderText(self.tr("The delivery note's number"))
        for field in (self.supplier, self.supplier_ref):
            field.textEdited.connect(self.new_attempt)
        self.supplier.returnPressed.connect(self.supplier_ref.setFocus)
        self.entry = LineEntry(context, with_cost=True)
        self.supplier_ref.returnPressed.connect(self.entry.scan.setFocus)
        self.entry.changed.connect(self.new_attempt)
        self.scan = self.entry.scan
        self.done = ElidedLabel("")
        self.done.setObjectName("success")

        self.remove_button = dialog_button(self.tr("Remove line [F8]"))
        self.remove_button.clicked.connect(self.entry.remove_chosen)
        self.clear_button = set_kind(dialog_button(self.tr("Clear [F9]")), "secondary")
        self.clear_button.clicked.connect(self.clear)
        self.post_button = dialog_button(self.tr("Post the receipt [F12]"), name="primary")
        self.post_button.set_height(52)
        self.post_button.clicked.connect(self.post)
        self.keys = {Qt.Key.Key_F8: self.remove_button, Qt.Key.Key_F9: self.clear_button,
                     Qt.Key.Key_F12: self.post_button}

        form = QFormLayout()
        form.addRow(self.tr("Supplier"), self.supplier)
        form.addRow(self.tr("Delivery note"), self.supplier_ref)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button, 1)
        buttons.addWidget(self.clear_button, 1)
        buttons.addWidget(self.post_button, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.entry, 1)
        layout.addWidget(self.done)
        layout.addLayout(buttons)

    def focus(self) -> None:
        (self.supplier if not self.supplier.text() else self.scan).setFocus()

    def new_attempt(self, *_args) -> None:
        """What would be posted changed: the next Post is another attempt."""
        if not self.posting:
            self.request_id = uuid.uuid4().hex

    def clear(self) -> None:
        if self.posting:
            return
        self.entry.clear()
        self.supplier.clear()
        self.supplier_ref.clear()
        self.new_attempt()
        self.supplier.setFocus()

    def post(self) -> None:
        if self.posting:
            return
        self.done.setText("")
        self.set_posting(True)
        call = ops.receive_goods(
            store=self.context.store.code, staff_id=self.staff.id,
            supplier=self.supplier.text().strip(), supplier_ref=self.supplier_ref.text().strip(),
            lines=self.entry.lines(), request_id=self.request_id, terminal=self.context.terminal)
        self.context.ops.run(call, parent=self, done=self.posted_receipt,
                             refused=lambda error: self.refused(refusal_text(error)),
                             crashed=lambda: self.refused(bug_message()),
                             disable=[self.post_button, self.clear_button, self.remove_button])

    def set_posting(self, posting: bool) -> None:
        self.posting = posting
        self.entry.lock(posting)
        self.supplier.setReadOnly(posting)
        self.supplier_ref.setReadOnly(posting)

    def refused(self, text: str) -> None:
        self.set_posting(False)
        self.entry.say(text)  # the lines stay as they were, for a fix or a retry

    def posted_receipt(self, posted) -> None:
        self.set_posting(False)
        self.posted = posted
        self.entry.clear()
        self.supplier_ref.clear()  # the same supplier may bring the next note too
        self.request_id = uuid.uuid4().hex
        self.done.setText(self.tr("Received: {doc} · {lines} lines, {units} units").format(
            doc=posted.doc_no, lines=posted.lines, units=posted.units))
        self.supplier_ref.setFocus()
