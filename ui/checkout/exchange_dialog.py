"""An exchange at the till: on the left what comes back from the earlier sale (how many
of each line), on the right what the customer takes instead (scanned, or found by name
as at the till), and below the difference: what the customer pays, or gets back and
how. F12 asks the till to complete it (`complete_requested`): a manager's approval when
one is needed, the payment, then the return and the new sale written in one transaction
(pos.aftersale.exchange) and both receipts printed. A refusal is shown here and nothing
chosen or scanned is lost."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog, QFrame, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget,
)

from pos.selling.cart import totals
from ui import ops
from ui.checkout.after_sale_parts import (
    MoneyBackChoice, ReturnLines, dialog_button, fit_to_screen, keyed, receipt_header,
    show_as,
)
from ui.dialog_frame import set_kind
from ui.messages import bug_message, refusal_text


class ExchangeDialog(QDialog):
    complete_requested = Signal()

    def __init__(self, record, returnable: dict[int, int], view, formats, ops_runner,
                 parent=None, *, items: list[tuple[int, int]] | None = None):
        super().__init__(parent)
        self.record, self.formats, self.ops = record, formats, ops_runner
        self.cart = view.cart  # what the customer takes instead (plain data, changed on the worker)
        self.customer = view.customer
        self.queue = ops_runner.queue()  # scans and removals apply in the order made
        self.back: int | None = None  # the store's quote for what comes back (None: asking)
        self.busy = False
        self.approval: tuple[int, int] | None = None  # (amount, approval id) not yet used
        self._turn = 0
        self._search_turn = 0
        self.setWindowTitle(self.tr("Exchange against {receipt}").format(
            receipt=record.receipt_no))
        header = receipt_header(self, record, formats)

        # coming back
        self.lines = ReturnLines(record, returnable, formats, self, items=items)
        self.spins = self.lines.spins
        self.with_attached = self.lines.with_attached
        self.lines.changed.connect(self._numbers_changed)
        self.back_label = QLabel()
        left = self._panel(self.tr("Coming back"), self.lines, self.back_label)

        # going out
        self.scan = QLineEdit()
        self.scan.setPlaceholderText(self.tr("Scan or type what the customer takes instead"))
        self.scan.installEventFilter(self)
        self.scan.textEdited.connect(self._text_edited)
        self.results = QListWidget()
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setMaximumHeight(180)
        self.results.hide()
        self.results.itemClicked.connect(
            lambda item: self.add(item.data(Qt.ItemDataRole.UserRole)))
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(150)
        self.search_timer.timeout.connect(self._search)
        self.new_lines = QListWidget()
        self.new_lines.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.new_lines.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.remove_button = keyed(self, self.tr("Remove line"), Qt.Key.Key_Delete,
                                   self.remove_line)
        self.new_label = QLabel()
        self.new_label.setObjectName("heading")
        remove_row = QHBoxLayout()
        remove_row.addWidget(self.new_label, 1)
        remove_row.addWidget(self.remove_button)
        right = self._panel(self.tr("Going out"), self.scan, self.results, self.new_lines,
                            remove_row)

        # the difference
        self.difference_label = QLabel()
        self.difference_label.setObjectName("total")
        self.money_back = MoneyBackChoice(record, self)
        keep = self.money_back.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # the dialog does not jump when it shows
        self.money_back.setSizePolicy(keep)
        self.message = QLabel("")
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.cancel = set_kind(dialog_button(self.tr("Cancel [Esc]")), "secondary")
        self.cancel.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cancel.clicked.connect(self.reject)
        self.ok = keyed(self, self.tr("Complete exchange"), Qt.Key.Key_F12,
                        self.request_complete,
                        name="primary")
        self.ok.set_height(56)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel, 1)
        buttons.addWidget(self.ok, 2)

        columns = QHBoxLayout()
        columns.addWidget(left, 1)
        columns.addWidget(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addLayout(columns, 1)
        layout.addWidget(self.difference_label)
        layout.addWidget(self.money_back)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        fit_to_screen(self, 1100, 620)
        self._show_cart_lines()
        self._show_amounts()
        if self.items():
            self._quote()
        self.scan.setFocus()

    def _panel(self, title: str, *parts) -> QFrame:
        frame = QFrame()
        frame.setObjectName("panel")
        box = QVBoxLayout(frame)
        heading = QLabel(title)
        heading.setObjectName("heading")
        box.addWidget(heading)
        for part in parts:
            if isinstance(part, QWidget):
                stretch = part is self.lines or part is getattr(self, "new_lines", None)
                box.addWidget(part, 1 if stretch else 0)
            else:
                box.addLayout(part)
        return frame

    # keys ---------------------------------------------------------------------------
    def eventFilter(self, watched, event):  # noqa: N802 - Qt override
        if watched is self.scan and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._enter()
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                listing = self.results if self.results.isVisible() else self.new_lines
                step = 1 if key == Qt.Key.Key_Down else -1
                if listing.count():
                    listing.setCurrentRow(max(0, min(listing.count() - 1,
                                                     listing.currentRow() + step)))
                return True
            if key == Qt.Key.Key_Escape and self.scan.text():
                self._clear_search()
                return True
            if key == Qt.Key.Key_Delete and not self.scan.text():
                self.remove_line()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.scan.setFocus()  # Enter in a number: on to what the customer takes
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if not self.busy:
            super().reject()

    # what the customer takes --------------------------------------------------------
    def _text_edited(self, text: str) -> None:
        if text.strip() and not text.strip().isdigit():
            self.search_timer.start()
        else:
            self._clear_search(keep_text=True)

    def _clear_search(self, *, keep_text: bool = False) -> None:
        self._search_turn += 1
        self.search_timer.stop()
        self.results.hide()
        if not keep_text:
            self.scan.clear()

    def _search(self) -> None:
        self._search_turn += 1
        turn = self._search_turn
        self.ops.run(ops.search_products(self.scan.text()), parent=self, busy=False,
                     done=lambda found: self._matches(turn, found), refused=lambda _e: None)

    def _matches(self, turn: int, found) -> None:
        if turn != self._search_turn:
            return
        self.results.clear()
        for product in found:
            item = QListWidgetItem(f"{product.name}  ·  {self.formats.money(product.price)}")
            item.setToolTip(product.name)
            item.setData(Qt.ItemDataRole.UserRole, product.sku)
            self.results.addItem(item)
        self.results.setVisible(bool(found))
        if found:
            self.results.setCurrentRow(0)

    def _enter(self) -> None:
        text = self.scan.text().strip()
        if self.results.isVisible() and self.results.currentItem() is not None:
            code = self.results.currentItem().data(Qt.ItemDataRole.UserRole)
        else:
            code = text
        self._clear_search()
        if code:
            self.add(code)
        elif self.new_lines.count():
            self.request_complete()  # nothing typed: Enter goes on, as F12 does

    def add(self, code: str) -> None:
        self._clear_search()
        self.message.clear()
        self.queue.run(lambda: ops.add_product(self.cart, None, code=code), parent=self,
                       done=self._show_view, refused=self._refused, crashed=self._crashed)
        self.scan.setFocus()

    def remove_line(self) -> None:
        item = self.new_lines.currentItem() or (
            self.new_lines.item(self.new_lines.count() - 1) if self.new_lines.count() else None)
        if item is None:
            return
        line_id = item.data(Qt.ItemDataRole.UserRole)
        self.queue.run(lambda: ops.remove_line(self.cart, None, line_id=line_id), parent=self,
                       done=self._show_view, refused=self._refused, crashed=self._crashed)
        self.scan.setFocus()

    def set_serial(self, line_id: str, serial: str, *, done, refused) -> None:
        self.queue.run(lambda: ops.set_serial(self.cart, None, line_id=line_id, serial=serial),
                       parent=self, done=lambda view: (self._show_view(view), done()),
                       refused=refused, crashed=self._crashed)

    def missing_serial(self):
        """The first line taken instead that still needs its serial or IMEI, or None."""
        return next((line for line in self.cart.billable_lines()
                     if line.serial_tracked and not line.serial), None)

    def _show_view(self, view) -> None:
        self.cart, self.customer = view.cart, view.customer
        self._show_cart_lines()
        self._show_amounts()

    def _show_cart_lines(self) -> None:
        chosen = self.new_lines.currentItem()
        chosen_id = chosen.data(Qt.ItemDataRole.UserRole) if chosen else None
        self.new_lines.clear()
        for line in self.cart.billable_lines():
            indent = "    " if line.parent_line_id else ""
            count = f" × {line.quantity}" if line.quantity != 1 else ""
            serial = f"  ·  {line.serial}" if line.serial else ""
            text = f"{indent}{line.name}{count}  ·  {self.formats.money(line.total)}{serial}"
            item = QListWidgetItem(text)
            item.setToolTip(text.strip())
            item.setData(Qt.ItemDataRole.UserRole, line.line_id)
            self.new_lines.addItem(item)
            if line.line_id == chosen_id:
                self.new_lines.setCurrentItem(item)
        self.remove_button.setEnabled(bool(self.cart.billable_lines()))

    # amounts ------------------------------------------------------------------------
    def items(self) -> list[tuple[int, int]]:
        return self.lines.items()

    @property
    def new_total(self) -> int:
        return totals(self.cart.billable_lines()).total

    @property
    def difference(self) -> int | None:
        """> 0 the customer pays it; < 0 it goes back to them; None: still asking."""
        return None if self.back is None else self.new_total - self.back

    @property
    def tender(self) -> str:
        return self.money_back.tender

    def _numbers_changed(self) -> None:
        self.back = None
        self.message.clear()
        self._turn += 1
        self._show_amounts()
        if self.items():
            self._quote()

    def _quote(self) -> None:
        self._turn += 1
        turn = self._turn
        self.ops.run(ops.quote_refund(receipt_no=self.record.receipt_no, items=self.items(),
                                      with_attached=self.with_attached.isChecked()),
                     parent=self, busy=False, done=lambda amount: self._quoted(turn, amount),
                     refused=lambda error: self._quote_refused(turn, error),
                     crashed=lambda: self._quote_refused(turn, None))

    def _quoted(self, turn: int, amount: int) -> None:
        if turn == self._turn:
            self.back = amount
            self._show_amounts()

    def _quote_refused(self, turn: int, error) -> None:
        if turn == self._turn:
            self.message.setText(refusal_text(error) if error is not None else bug_message())

    def set_back(self, amount: int) -> None:
        """What comes back as the store quoted it when the exchange was asked for."""
        self.back = amount
        self._show_amounts()

    def _show_amounts(self) -> None:
        money = self.formats.money
        show_as(self.back_label, "heading" if self.items() else "muted")
        if not self.items():
            self.back_label.setText(self.tr("Choose what comes back"))
        elif self.back is None:
            self.back_label.setText(self.tr("Back: …"))
        else:
            self.back_label.setText(self.tr("Back: {amount}").format(amount=money(self.back)))
        self.new_label.setText(self.tr("New: {amount}").format(amount=money(self.new_total)))
        difference = self.difference
        self.money_back.setVisible(difference is not None and difference < 0
                                   and bool(self.cart.billable_lines()))
        show_as(self.difference_label, "muted" if difference is None
                or not self.cart.billable_lines() else "total")
        if difference is None or not self.cart.billable_lines():
            self.difference_label.setText(
                self.tr("Choose what comes back and scan what goes out"))
            self.ok.setText(self.tr("Complete exchange [F12]"))
        elif difference > 0:
            self.difference_label.setText(self.tr("Customer pays {amount}").format(
                amount=money(difference)))
            self.ok.setText(self.tr("Take payment {amount} [F12]").format(
                amount=money(difference)))
        elif difference < 0:
            self.difference_label.setText(self.tr("Customer gets back {amount}").format(
                amount=money(-difference)))
            self.ok.setText(self.tr("Give back {amount} [F12]").format(amount=money(-difference)))
        else:
            self.difference_label.setText(self.tr("Even exchange: nothing to pay"))
            self.ok.setText(self.tr("Complete exchange [F12]"))

    # completing ---------------------------------------------------------------------
    def request_complete(self) -> None:
        if self.busy:
            return
        if not self.items():
            self.show_refusal(self.tr("Choose what comes back: how many of which line"))
            return
        if not self.cart.billable_lines():
            self.show_refusal(self.tr("Scan what the customer takes instead"))
            return
        if not self.queue.idle:
            return  # a scan is still on its way: F12 again once it shows
        self.message.clear()
        self.complete_requested.emit()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.ok, self.cancel, self.lines, self.money_back, self.remove_button):
            widget.setEnabled(not busy)

    def show_refusal(self, text: str) -> None:
        """Why the exchange was not made; what was chosen and scanned stays."""
        self.set_busy(False)
        self.remove_button.setEnabled(bool(self.cart.billable_lines()))
        self.message.setText(text)
        self.scan.setFocus()

    def _refused(self, error) -> None:
        self.show_refusal(refusal_text(error))

    def _crashed(self) -> None:
        self.show_refusal(bug_message())
