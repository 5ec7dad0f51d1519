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

from pos.kernel.enums import Outcome
from ui import ops

MOBILE = re.compile(r"1\d{10}")


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
        if not keep_text:
            self.scan.clear()

    def _search(self) -> None:
        self._search_turn += 1
        turn, text = self._search_turn, self.scan.text()
        self.ops.run(ops.search_products(text), parent=self, busy=False,
                     done=lambda found: self._show_matches(turn, found),
                     refused=lambda _error: None)

    def _show_matches(self, turn: int, found) -> None:
        if turn != self._search_turn:
            return  # typed on, or Enter came first: a later search or the scan wins
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
