"""The configuration-sheet panel: the unit's checklist grouped by section, each item with
its candidate products (highest price first, stock shown), its sales script, and three
states: sold, declined, not yet. It guides the person down the list: how many items
are asked ("3 of 18 asked", large, with a bar), a key (Tab) and a button to jump to the
next item not asked yet, the script of the item being asked shown in full. Keyboard:
the till routes Up/Down, Tab (next not asked), Space (sold), Delete (declined),
Backspace (not yet) and Left/Right (another product) here.

On an add-on, a banner names the sale it adds to (receipt, day, customer) and the
items answered before show read-only (pos.selling.addons.unit_history): one sold
earlier cannot be marked again here, one declined earlier can be asked again.

A list view over a model of the rows (drawn by ui.checkout.sheet_delegate): a new unit's
sheet is a model reset, a mark repaints one row."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QLabel, QListView, QMenu, QPushButton, QVBoxLayout,
    QWidget,
)

from pos.kernel.enums import Outcome
from ui.checkout.sheet_delegate import SheetDelegate
from ui.checkout.sheet_item import SheetItem, choice_text, outcome_label
from ui.elided_label import ElidedLabel

if TYPE_CHECKING:
    from pos.selling.addons import UnitHistory
    from pos.selling.sheet import SheetRow

NEXT_KEY = "Tab"  # the till's scan field routes it here (ui.checkout.till_scan)


class ProgressLine(QWidget):
    """How much of the sheet is asked, as a thin green line. Not a QProgressBar: that one
    repaints itself at once on every setValue, and with it whatever else waited to be
    painted in the window (the sheet's rows); this one asks for a paint like any widget."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFixedHeight(6)
        self._maximum, self._value = 1, 0

    def maximum(self) -> int:
        return self._maximum

    def value(self) -> int:
        return self._value

    def setMaximum(self, maximum: int) -> None:  # noqa: N802 - QProgressBar's names
        if maximum != self._maximum:
            self._maximum = maximum
            self.update()

    def setValue(self, value: int) -> None:  # noqa: N802 - QProgressBar's names
        if value != self._value:
            self._value = value
            self.update()

    def paintEvent(self, _event):  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#eaeef2"))
        painter.drawRoundedRect(self.rect(), 3, 3)
        done = round(self.width() * min(self._value, self._maximum) / max(1, self._maximum))
        if done:
            painter.setBrush(QColor("#1a7f37"))
            painter.drawRoundedRect(QRect(0, 0, done, self.height()), 3, 3)
        painter.end()


class SheetModel(QAbstractListModel):
    """Section titles (str) and items (SheetItem), in the sheet's order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[str | SheetItem] = []

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.name if isinstance(entry, SheetItem) else entry
        return None

    def flags(self, index):
        return Qt.ItemFlag.ItemIsEnabled

    def reset(self, entries: list[str | SheetItem]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def changed(self, row: int) -> None:
        index = self.index(row)
        self.dataChanged.emit(index, index)


class SheetView(QListView):
    """Never takes the focus (the scan field keeps it); a tap goes to the panel."""

    def __init__(self, panel: SheetPanel):
        super().__init__(panel)
        self.panel = panel
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # rows follow the panel's width
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def mousePressEvent(self, event):  # noqa: N802 - Qt override
        event.accept()  # no selection, no drag: the release decides

    def mouseReleaseEvent(self, event):  # noqa: N802 - Qt override
        index = self.indexAt(event.position().toPoint())
        entry = index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None
        if isinstance(entry, SheetItem):
            for target, place in self.panel.delegate.targets(self.visualRect(index),
                                                             entry).items():
                if place.contains(event.position().toPoint()):
                    self.panel.tapped(entry, target, place)
                    break
        event.accept()


class SheetPanel(QWidget):
    marked = Signal(int, object, object)  # item id, Outcome, product id (or None)

    def __init__(self, formats, parent=None):
        super().__init__(parent)
        self.formats = formats
        self.title = ElidedLabel(self.tr("Configuration sheet"))  # a long unit name elides
        self.title.setStyleSheet("font-size: 17px; font-weight: bold;")
        self.progress = QLabel("")
        self.progress.setObjectName("progress")
        self.progress.setStyleSheet("font-size: 20px; font-weight: bold; color: #24292f;")
        self.bar = ProgressLine()
        self.next_button = QPushButton(self.tr("Next not asked [{key}]").format(key=NEXT_KEY))
        self.next_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.next_button.clicked.connect(self.next_unasked)
        self.banner = QLabel("")  # an add-on: the sale it adds to
        self.banner.setObjectName("addon_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff8c5; border: 1px solid #d4a72c;"
                                  " border-radius: 6px; padding: 6px 10px; font-weight: bold;")
        self.banner.hide()
        self.hint = QLabel(self.tr("Scan a desktop PC, notebook, phone, tablet or camera to "
                                   "open its configuration sheet."))
        self.hint.setWordWrap(True)
        self.hint.setObjectName("muted")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.model = SheetModel(self)
        self.view = SheetView(self)
        self.delegate = SheetDelegate(self)
        self.view.setItemDelegate(self.delegate)
        self.view.setModel(self.model)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.progress)
        header.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.banner)
        layout.addLayout(header)
        layout.addWidget(self.bar)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        self.rows: list[SheetItem] = []  # the items, without the section titles
        self.current = 0  # index into rows
        self._entries: dict[int, int] = {}  # id(item) -> its place in the model
        self.unit_key: str | None = None
        self.earlier: UnitHistory | None = None
        self.show_empty()

    @staticmethod
    def outcome_text(outcome: Outcome) -> str:
        return outcome_label(outcome)

    def show_empty(self) -> None:
        if self.unit_key is None and not self.rows and self.hint.isVisibleTo(self):
            return  # already empty: a scan without a unit changes nothing here
        self.unit_key = None
        self.rows, self._entries = [], {}
        self.model.reset([])
        self.title.setText(self.tr("Configuration sheet"))
        self.progress.setText("")
        self._show_banner(None)
        for widget in (self.view, self.bar, self.next_button):
            widget.hide()
        self.hint.show()

    def show_sheet(self, unit_key: str, unit_name: str, rows: list[SheetRow],
                   earlier: UnitHistory | None = None) -> None:
        """Show a unit's rows (an add-on's unit: with what it had before, `earlier`); the
        same unit again is updated in place (the current row, the products chosen and
        the scripts opened stay)."""
        self._show_banner(earlier)
        if unit_key == self.unit_key and [r.item_id for r in rows] == [i.item_id for i in self.rows]:
            changed = False
            for index, (item, row) in enumerate(zip(self.rows, rows, strict=True)):
                before = self._earlier_of(row)
                if item.row != row or item.earlier != before:
                    item.update(row)
                    item.earlier, changed = before, True
                    self.model.changed(self._entry_of(index))
            if changed:
                self.view.doItemsLayout()  # a mark may add or drop a line under a name
            self._update_progress()
            return
        self.unit_key = unit_key
        self.title.setText(self.tr("Sheet: {unit}").format(unit=unit_name))
        entries: list[str | SheetItem] = []
        self.rows = []
        section = None
        for row in rows:
            if row.section != section:
                section = row.section
                entries.append(section)
            item = SheetItem(row, earlier=self._earlier_of(row))
            item.update(row)
            self.rows.append(item)
            entries.append(item)
        self._entries = {id(item): position for position, item in enumerate(entries)}
        self.current = 0
        self.model.reset(entries)
        self.hint.hide()
        for widget in (self.view, self.bar, self.next_button):
            widget.show()
        self.view.scrollToTop()
        if self.rows and not self._open(self.rows[0]):
            self.next_unasked()  # an add-on whose first items were sold before
        self._update_progress()

    def _earlier_of(self, row: SheetRow):
        return self.earlier.outcome_of(row.item_id, row.code) if self.earlier else None

    def _show_banner(self, earlier: UnitHistory | None) -> None:
        """An add-on: which sale it adds to, when it was made and for whom."""
        self.earlier = earlier
        if earlier is None:
            self.banner.hide()
            return
        text = self.tr("Add-on to sale {receipt} of {day}").format(
            receipt=earlier.receipt_no, day=self.formats.day(earlier.sold_on))
        if earlier.customer_name:
            text += " · " + self.tr("customer {name} ({phone})").format(
                name=earlier.customer_name, phone=earlier.customer_phone)
        if earlier.serial:
            text += " · " + self.tr("serial {serial}").format(serial=earlier.serial)
        self.banner.setText(text)
        self.banner.show()

    def _update_progress(self) -> None:
        asked = sum(1 for item in self.rows if item.asked)
        self.progress.setText(self.tr("{asked} of {total} asked").format(asked=asked,
                                                                       total=len(self.rows)))
        self.bar.setMaximum(max(1, len(self.rows)))
        self.bar.setValue(asked)
        self.next_button.setEnabled(any(self._open(item) for item in self.rows))

    @staticmethod
    def _open(item: SheetItem) -> bool:
        """Not asked yet: neither marked on this sale nor answered before it."""
        return not item.asked and not item.locked

    def _entry_of(self, row: int) -> int:
        return self._entries[id(self.rows[row])]

    def current_entry(self) -> int:
        return self._entry_of(self.current) if self.rows else -1

    # keyboard and taps ----------------------------------------------------------------
    def move(self, step: int) -> None:
        if self.rows:
            self._set_current(max(0, min(len(self.rows) - 1, self.current + step)))

    def next_unasked(self) -> bool:
        """Go to the next item not asked yet (after the current one, then from the top);
        False when every item has been asked."""
        count = len(self.rows)
        for step in range(1, count + 1):
            row = (self.current + step) % count
            if self._open(self.rows[row]):
                self._set_current(row)
                return True
        return False

    def _set_current(self, row: int) -> None:
        before, self.current = self.current, row
        for changed in {before, row}:
            if changed < len(self.rows):
                index = self.model.index(self._entry_of(changed))
                self.model.changed(self._entry_of(changed))
                self.delegate.sizeHintChanged.emit(index)  # its script shows or hides
        self.view.scrollTo(self.model.index(self._entry_of(row)),
                           QAbstractItemView.ScrollHint.EnsureVisible)

    def mark_current(self, outcome: Outcome) -> None:
        if self.rows:
            self.mark(self.rows[self.current].item_id, outcome)

    def cycle_product(self, step: int) -> None:
        if self.rows and not self.rows[self.current].pack:
            self.choose_product(self.current,
                                self.rows[self.current].choice + step)

    def choose_product(self, row: int, choice: int) -> None:
        item = self.rows[row]
        item.choice = choice % max(1, len(item.row.candidates))
        self.model.changed(self._entry_of(row))

    def toggle_script(self, row: int) -> None:
        item = self.rows[row]
        item.script_open = not item.shows_script(row == self.current)
        self.model.changed(self._entry_of(row))  # the row's height changes with it
        self.view.doItemsLayout()

    def mark(self, item_id: int, outcome: Outcome) -> None:
        row = next((i for i, item in enumerate(self.rows) if item.item_id == item_id), None)
        if row is None or self.rows[row].locked:
            return  # sold before this add-on: shown, not changed
        self._set_current(row)
        self.marked.emit(item_id, Outcome(outcome), self.rows[row].chosen_product())
        if outcome is not Outcome.NOT_OFFERED:
            self.move(1)  # on to the next question

    def tapped(self, item: SheetItem, target, place) -> None:
        row = self.rows.index(item)
        if isinstance(target, Outcome):
            self.mark(item.item_id, target)
        elif target == "script":
            self.toggle_script(row)
        elif target == "choice" and not item.pack and len(item.row.candidates) > 1:
            self._pick_product(row, place)

    def _pick_product(self, row: int, place) -> None:
        menu = QMenu(self)
        item = self.rows[row]
        for choice in range(len(item.row.candidates)):
            shown = SheetItem(item.row, choice)
            action = menu.addAction(choice_text(shown, self.formats.money))
            action.triggered.connect(lambda _=False, c=choice: self.choose_product(row, c))
        menu.setMinimumWidth(place.width())
        menu.popup(self.view.viewport().mapToGlobal(QPoint(place.left(), place.bottom())))
