"""The till's scan field: a scanner's digits + Enter add the product, typed words search
names and skus as you type (Enter picks the first match, Up/Down choose), an 11-digit
mobile number finds the customer; with the field empty the keys work the sheet. Mixed
into TillScreen. The field is never disabled: what is typed while a call runs is kept,
and each Enter queues its scan behind the ones before."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QListWidgetItem

from pos.kernel.barcodes import validate_barcode
from pos.kernel.enums import Outcome, StaffRole
from pos.kernel.errors import UserError
from ui import ops
from ui.messages import bug_message, refusal_text

MOBILE = re.compile(r"1\d{10}")
MANAGERS = (StaffRole.MANAGER, StaffRole.ADMIN)


def is_gtin(code: str) -> bool:
    """A barcode a product can be given (EAN-13, UPC-A, EAN-8, GTIN-14 with its check
    digit), not a typed word or a mistyped code."""
    try:
        validate_barcode(code)
    except UserError:
        return False
    return True


class ScanActions:
    def eventFilter(self, watched, event):  # noqa: N802 - Qt override
        if (watched is self.scan and event.type() == event.Type.ShortcutOverride
                and QKeySequence(event.keyCombination()) in self.TILL_KEYS):
            event.ignore()  # not the field's (Ctrl+Del deletes a word there): the till's key
            return True
        if watched is not self.scan or event.type() != event.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter()
            return True
        if self.results.isVisible() and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = 1 if key == Qt.Key.Key_Down else -1
            self.results.setCurrentRow(max(0, min(self.results.count() - 1,
                                                  self.results.currentRow() + step)))
            return True
        if key == Qt.Key.Key_Escape:
            self._clear_search()
            return True
        if self.scan.text() == "" and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            actions = {
                Qt.Key.Key_Up: lambda: self.sheet.move(-1),
                Qt.Key.Key_Down: lambda: self.sheet.move(1),
                Qt.Key.Key_Space: lambda: self.sheet.mark_current(Outcome.SOLD),
                Qt.Key.Key_Delete: lambda: self.sheet.mark_current(Outcome.DECLINED),
                Qt.Key.Key_Backspace: lambda: self.sheet.mark_current(Outcome.NOT_OFFERED),
                Qt.Key.Key_Left: lambda: self.sheet.cycle_product(-1),
                Qt.Key.Key_Right: lambda: self.sheet.cycle_product(1),
                Qt.Key.Key_Tab: self.sheet.next_unasked,  # the next item not asked yet
            }
            if key in actions:
                actions[key]()
                return True
        return super().eventFilter(watched, event)

    def _text_edited(self, text: str) -> None:
        self.hide_unknown()  # typing on: the code that was not found is the past
        # digits are a scanner (or a code) until Enter; only words search as you type
        if text.strip() and not text.strip().isdigit():
            self.search_timer.start()
        else:
            self._clear_search(keep_text=True)

    def _clear_search(self, *, keep_text: bool = False) -> None:
        """No list of matches, and none to come from a search still running."""
        self._search_turn += 1
        self.search_timer.stop()
        self.results.hide()
        self.hide_unknown()
        if not keep_text:
            self.scan.clear()

    def _search(self) -> None:
        self._search_turn += 1
        turn, text = self._search_turn, self.scan.text()
        store_id = self.cart.store_id if self.cart is not None else None
        self.ops.run(ops.search_products(text, store_id=store_id), parent=self, busy=False,
                     done=lambda found: self._show_matches(turn, found),
                     refused=lambda _error: None)

    def _show_matches(self, turn: int, found) -> None:
        if turn != self._search_turn:
            return  # typed on, or Enter came first: a later search or the scan wins
        if self.unknown_panel.isVisible() and not found:
            self.unknown_label.setText(self.tr("Nothing is called '{text}': type a name or "
                                               "part of it").format(text=self.scan.text()))
            self.search_name_button.hide()
        self.results.clear()
        for product in found:
            item = QListWidgetItem(f"{product.name}  ·  {self.formats.money(product.price)}  ·  "
                                   + self.tr("stock {n}").format(n=product.stock))
            item.setData(Qt.ItemDataRole.UserRole, product.sku)
            self.results.addItem(item)
        self.results.setVisible(bool(found))
        if found:
            self.results.setCurrentRow(0)

    def enter(self) -> None:
        text = self.scan.text().strip()
        if self.results.isVisible() and self.results.currentItem() is not None:
            code = self.results.currentItem().data(Qt.ItemDataRole.UserRole)
        else:
            code = text
        self._clear_search()
        if not code:
            return
        if MOBILE.fullmatch(code):
            self.find_customer(code)
        else:
            self._add(code)

    # a code the catalog does not know ------------------------------------------------
    def scan_refused(self, code: str, error) -> None:
        """A scan refused: an unknown code is answered under the field, anything else as
        any refusal is."""
        if getattr(error, "message_id", None) != "catalog.unknown_code":
            self.show_refusal(error)
            return
        self.unknown_code = code
        self.unknown_label.setText(refusal_text(error))
        self.search_name_button.show()
        self.add_product_button.setVisible(self.staff is not None
                                           and self.staff.role in MANAGERS and is_gtin(code))
        self.unknown_panel.show()
        self.scan.setFocus()

    def hide_unknown(self) -> None:
        if self.unknown_code is not None or self.unknown_panel.isVisible():
            self.unknown_code = None
            self.unknown_panel.hide()

    def search_unknown(self) -> None:
        """The code as a name: the catalog search runs on it, its matches under the field
        (Up/Down, Enter); the text stays selected, so typing a name replaces it."""
        code = self.unknown_code
        if code is None:
            return
        self.scan.setText(code)
        self.scan.selectAll()
        self.scan.setFocus()
        self._search()

    def add_unknown(self) -> None:
        """A manager adds the product for the code, then it is sold (the service checks
        the role again)."""
        code = self.unknown_code
        if code is None or self.active_dialog is not None:
            return
        self.ops.run(ops.list_categories(), parent=self,
                     done=lambda categories: self._ask_new_product(code, categories),
                     disable=[self.add_product_button])

    def _ask_new_product(self, code: str, categories) -> None:
        from ui.checkout.new_product import NewProductDialog

        dialog = NewProductDialog(code, categories, self.formats.currency, self)

        def submitted(values):
            self.ops.run(ops.create_product(staff_id=self.staff.id,
                                            currency=self.formats.currency, **values),
                         parent=self, done=lambda _product: dialog.accept(),
                         refused=lambda error: dialog.refuse(refusal_text(error)),
                         crashed=lambda: dialog.refuse(bug_message()))

        dialog.submitted.connect(submitted)
        self.open_dialog(dialog, on_accept=lambda: self._add(code))
