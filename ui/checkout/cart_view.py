"""The cart: units with what was sold with them indented beneath, loose items on their own;
beside each line, the product's on-hand at this store (red, with a word under the name,
when the cart holds more than that)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from pos.kernel.enums import LineKind
from pos.selling.cart import Cart, short_of_stock


ON_HAND = 4  # the column of the product's on-hand at this store (shown after Qty)


class CartView(QTreeWidget):
    unit_selected = Signal(str)  # the main unit's line id

    def __init__(self, formats, parent=None):
        super().__init__(parent)
        self.formats = formats
        self.setColumnCount(5)
        self.setHeaderLabels([self.tr("Item"), self.tr("Qty"), self.tr("Total"),
                              self.tr("Serial / IMEI"), self.tr("Stock")])
        self.headerItem().setToolTip(ON_HAND, self.tr("In stock at this store"))
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.moveSection(ON_HAND, 2)  # Item · Qty · On hand · Total · Serial
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setRootIsDecorated(False)
        # One line a name: a long one ends in "…" (the whole name is the line's tooltip),
        # its details on the line below. Never wider than the panel.
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformRowHeights(False)
        self.setIndentation(28)
        self.itemClicked.connect(self._clicked)
        self.line_items: dict[str, QTreeWidgetItem] = {}
        self.shape: list[tuple[str, str | None]] = []  # (line id, parent) of the rows shown
        # The same prices come back scan after scan; formatting one is most of the cost
        # of showing the cart again.
        self.money = lru_cache(maxsize=1024)(formats.money)

    def show_cart(self, cart: Cart, current_unit: str | None) -> None:
        """Show the cart. Lines already shown keep their rows (their texts updated), and
        lines added after them get new ones: a scan adds one row, not the whole tree.
        Any other change (a line removed, a line put under a unit) rebuilds it."""
        shape = [(line.line_id, line.parent_line_id) for line in cart.lines]
        if shape[:len(self.shape)] != self.shape:
            self.clear()
            self.line_items, self.shape = {}, []
        for line in cart.lines[len(self.shape):]:
            item = QTreeWidgetItem()
            item.setData(0, Qt.ItemDataRole.UserRole, line.line_id)
            for column in (1, 2, ON_HAND):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if line.kind is LineKind.MAIN_UNIT:
                font = item.font(0)
                font.setBold(True)
                item.setFont(0, font)
            parent = self.line_items.get(line.parent_line_id) if line.parent_line_id else None
            if parent is not None:
                parent.addChild(item)
                parent.setExpanded(True)
            else:
                self.addTopLevelItem(item)
            self.line_items[line.line_id] = item
        self.shape = shape
        short = short_of_stock(cart)
        for line in cart.lines:
            self._show_line(self.line_items[line.line_id], line, short.get(line.line_id))
        if current_unit in self.line_items:
            self.setCurrentItem(self.line_items[current_unit])
        elif cart.lines:
            self.scrollToItem(self.line_items[cart.lines[-1].line_id])

    def _show_line(self, item: QTreeWidgetItem, line, short_stock: int | None = None) -> None:
        """One line; `short_stock`: the product's stock when the cart holds more of it
        (a warning only: the sale is refused at payment if the stock is still short)."""
        money = self.money
        detail = []
        if short_stock is not None:
            detail.append(self.tr("only {n} in stock").format(n=short_stock) if short_stock > 0
                          else self.tr("out of stock"))
        if line.quantity > 1:
            detail.append(self.tr("{price} each").format(price=money(line.unit_price)))
        if line.discount:
            detail.append(self.tr("discount {amount}").format(amount=money(line.discount)))
        if line.pack_code:
            detail.append(self.tr("gift pack"))
        if line.override_reason:
            detail.append(self.tr("price changed: {reason}").format(reason=line.override_reason))
        name = line.name + ("\n    " + " · ".join(detail) if detail else "")
        values = (name, str(line.quantity), money(line.total),
                  line.serial or (self.tr("needed") if line.serial_tracked else ""),
                  str(line.stock) if type(line.stock) is int and line.existing_line_id is None
                  else "")
        for column, value in enumerate(values):
            if item.text(column) != value:
                item.setText(column, value)
        if item.toolTip(0) != line.name:
            item.setToolTip(0, line.name)
        missing = line.serial_tracked and not line.serial
        item.setForeground(3, Qt.GlobalColor.darkRed if missing else self.palette().text())
        for column in (1, ON_HAND):
            item.setForeground(column, Qt.GlobalColor.darkRed if short_stock is not None
                               else self.palette().text())

    def move_current(self, step: int) -> None:
        """Page Up / Page Down at the till: the line above or below becomes the chosen one
        (for Remove line), as a tap on it would."""
        rows, item = [], self.topLevelItem(0)
        while item is not None:
            rows.append(item)
            item = self.itemBelow(item)
        if not rows:
            return
        current = self.currentItem()
        index = rows.index(current) + step if current in rows else (
            len(rows) - 1 if step < 0 else 0)
        chosen = rows[max(0, min(len(rows) - 1, index))]
        self.setCurrentItem(chosen)
        self.scrollToItem(chosen)

    def selected_line(self) -> str | None:
        item = self.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def _clicked(self, item: QTreeWidgetItem) -> None:
        while item.parent() is not None:
            item = item.parent()
        self.unit_selected.emit(item.data(0, Qt.ItemDataRole.UserRole))
