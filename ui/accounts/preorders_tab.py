"""Pre-orders (F3 on the accounts screen): the arrivals to call (open pre-orders this
store's stock now covers, first come first served) or every open pre-order; the
customer called (F6: a follow-up and the time, on the pre-order); a pre-order cancelled
and its deposit paid back whole (F7, pressed twice to be sure; in cash or the deposit's
own tender; one request id per attempt)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QComboBox, QHBoxLayout, QLabel, QVBoxLayout

from pos.kernel.enums import Tender
from ui.accounts.parts import Tab, chosen_row, fill, table
from ui.checkout.after_sale_parts import dialog_button, error_line
from ui.ops import accounts as account_ops
from ui.ops.aftersale import Attempts


class PreordersTab(Tab):
    ARRIVALS, OPEN = 0, 1

    def __init__(self, context, staff, parent=None):
        super().__init__(context, staff, parent)
        self.rows: tuple = ()
        self.attempts = Attempts()
        self.cancel_asked: str | None = None  # F7 once: the pre-order asked about
        self.showing = QButtonGroup(self)
        choice = QHBoxLayout()
        for index, label in ((self.ARRIVALS, self.tr("Arrived: to call")),
                             (self.OPEN, self.tr("All open"))):
            button = dialog_button(label)
            button.setCheckable(True)
            button.set_height(44)
            self.showing.addButton(button, index)
            choice.addWidget(button)
        self.showing.button(self.ARRIVALS).setChecked(True)
        self.showing.idToggled.connect(lambda _id, on: on and self.load())
        choice.addStretch(1)
        self.list = table([self.tr("Pre-order"), self.tr("Customer"), self.tr("Product"),
                           self.tr("Qty"), self.tr("Deposit"), self.tr("Gift"),
                           self.tr("Called")], stretch=2)
        self.list.itemSelectionChanged.connect(self._chosen)
        self.tender = QComboBox()
        self.tender.setMinimumHeight(44)
        self.tender.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.tender.setMinimumContentsLength(10)
        self.call_button = dialog_button(self.tr("Called [F6]"))
        self.call_button.clicked.connect(self.mark_called)
        self.cancel_button = dialog_button(self.tr("Cancel and refund [F7]"))
        self.cancel_button.clicked.connect(self.cancel)
        for button in (self.call_button, self.cancel_button):
            button.set_height(48)
        self.keys = {Qt.Key.Key_F6: self.call_button, Qt.Key.Key_F7: self.cancel_button}
        self.message = error_line()
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.call_button)
        actions.addWidget(QLabel(self.tr("Refund in")))
        actions.addWidget(self.tender)
        actions.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(choice)
        layout.addWidget(self.list, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)

    def load(self) -> None:
        self.cancel_asked = None
        if self.showing.checkedId() == self.ARRIVALS:
            call = account_ops.arrivals(store=self.context.store.code)
        else:
            call = account_ops.preorders(store=self.context.store.code, state="open")
        self.run(call, self._listed)

    def _listed(self, rows) -> None:
        self.rows = tuple(rows)
        money = self.formats.money
        fill(self.list, [(p.preorder_no, p.customer.label, p.product_name, str(p.quantity),
                          money(p.deposit_held), p.gift,
                          self.formats.moment(p.notified_at) if p.notified_at else "")
                         for p in self.rows], right=(3, 4))

    def _picked(self):
        row = chosen_row(self.list)
        if row is None:
            self.say(self.tr("Choose a pre-order in the list first"))
            return None
        return self.rows[row]

    def _chosen(self) -> None:
        self.cancel_asked = None
        self.say("")
        row = chosen_row(self.list)
        self.tender.clear()
        if row is None:
            return
        own = self.rows[row].deposit_tender
        names = {Tender.CASH: self.tr("Cash"), Tender.BANK_CARD: self.tr("Bank card"),
                 Tender.WECHAT: self.tr("WeChat Pay"), Tender.ALIPAY: self.tr("Alipay"),
                 Tender.BANK_TRANSFER: self.tr("Bank transfer")}
        self.tender.addItem(names[Tender.CASH], Tender.CASH.value)
        if own is not None and own is not Tender.CASH and own in names:
            self.tender.addItem(names[own], own.value)
            self.tender.setCurrentIndex(1)

    def mark_called(self) -> None:
        picked = self._picked()
        if picked is None:
            return
        self.run(account_ops.mark_called(preorder_no=picked.preorder_no, staff_id=self.staff.id),
                 lambda _view: (self.say(self.tr("{preorder}: called").format(
                     preorder=picked.preorder_no), "success"), self._reload_keeping()),
                 disable=[self.call_button])

    def _reload_keeping(self) -> None:
        message = self.message.text(), self.message.objectName()
        self.load()
        self.say(*message)

    def cancel(self) -> None:
        picked = self._picked()
        if picked is None:
            return
        amount = self.formats.money(picked.deposit_held)
        if self.cancel_asked != picked.preorder_no:
            self.cancel_asked = picked.preorder_no
            self.say(self.tr("Press F7 again to cancel {preorder} and pay back {amount}")
                     .format(preorder=picked.preorder_no, amount=amount), "warning")
            return
        tender = self.tender.currentData() or Tender.CASH.value
        attempt = ("cancel_preorder", picked.preorder_no, tender)

        def done(posted):
            self.attempts.answered(attempt)
            self.load()
            self.say(self.tr("{preorder} cancelled: {amount} paid back ({doc})").format(
                preorder=picked.preorder_no, amount=self.formats.money(posted.amount),
                doc=posted.doc_no), "success")

        self.cancel_asked = None
        self.run(account_ops.cancel_preorder(
            preorder_no=picked.preorder_no, staff_id=self.staff.id, approval_id=None,
            tender=tender, terminal=self.context.terminal,
            request_id=self.attempts.request_id(attempt)),
            done, disable=[self.cancel_button],
            refused=lambda error: self.attempts.refused(attempt, error))
