"""The configuration-sheet panel: the unit's checklist grouped by section, each item with
its candidate products (highest price first, stock shown), its sales script on demand,
and three states: sold, declined, not yet. Keyboard: the till routes Up/Down, Space
(sold), Delete (declined), Backspace (not yet) and Left/Right (another product) here."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout,
    QWidget,
)

from pos.selling.sheet import SheetRow


class SheetItemRow(QFrame):
    def __init__(self, row: SheetRow, formats, panel: SheetPanel):
        super().__init__()
        self.setObjectName("row")
        self.item_id = row.item_id
        self.pack = row.pack_price is not None
        self.name = QLabel(f"<b>{row.name}</b>")
        self.name.setFixedWidth(130)
        self.name.setWordWrap(True)
        self.choice = QComboBox()
        self.choice.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.choice.setMinimumHeight(40)
        self.choice.setMinimumWidth(150)
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.choice.setMinimumContentsLength(12)
        if self.pack:
            parts = " + ".join(c.name for c in row.candidates)
            self.choice.addItem(self.tr("Pack {price}: {parts}").format(
                price=formats.money(row.pack_price), parts=parts), None)
            self.choice.setToolTip(parts)
        else:
            for candidate in row.candidates:
                self.choice.addItem(
                    self.tr("{price} · {name} · stock {stock}").format(
                        name=candidate.name, price=formats.money(candidate.price),
                        stock=candidate.stock),
                    candidate.product_id)
        self.script_button = QPushButton("?")
        self.script_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.script_button.setFixedWidth(44)
        self.script_button.setCheckable(True)
        self.script_button.setToolTip(self.tr("Show the sales script"))
        self.script = QLabel(row.script)
        self.script.setWordWrap(True)
        self.script.setObjectName("muted")
        self.script.setVisible(False)
        self.script_button.toggled.connect(self.script.setVisible)
        self.buttons = QButtonGroup(self)
        self.sold = self._state_button(self.tr("Sold"), "sold")
        self.declined = self._state_button(self.tr("Declined"), "declined")
        self.not_yet = self._state_button(self.tr("Not yet"), "not_offered")
        for button, outcome in ((self.sold, "sold"), (self.declined, "declined"),
                                (self.not_yet, "not_offered")):
            button.clicked.connect(lambda _=False, o=outcome: panel.mark(self.item_id, o))
        top = QHBoxLayout()
        top.addWidget(self.name)
        top.addWidget(self.choice, 1)
        top.addWidget(self.script_button)
        for button in (self.sold, self.declined, self.not_yet):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(top)
        layout.addWidget(self.script)
        self.update_row(row)

    def _state_button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumWidth(64)
        button.setStyleSheet("padding: 4px 6px;")
        self.buttons.addButton(button)
        return button

    def update_row(self, row: SheetRow) -> None:
        {"sold": self.sold, "declined": self.declined, "not_offered": self.not_yet}[row.outcome].setChecked(True)
        if row.sold_product_id is not None:
            index = self.choice.findData(row.sold_product_id)
            if index >= 0:
                self.choice.setCurrentIndex(index)

    def chosen_product(self) -> int | None:
        return None if self.pack else self.choice.currentData()

    def set_current(self, current: bool) -> None:
        self.setProperty("current", "true" if current else "false")
        self.style().unpolish(self)
        self.style().polish(self)


class SheetPanel(QWidget):
    marked = Signal(int, str, object)  # item id, outcome, product id (or None)

    def __init__(self, formats, parent=None):
        super().__init__(parent)
        self.formats = formats
        self.title = QLabel(self.tr("Configuration sheet"))
        self.title.setStyleSheet("font-size: 17px; font-weight: bold;")
        self.progress = QLabel("")
        self.progress.setObjectName("muted")
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.body_layout.setSpacing(2)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.body)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.progress)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.scroll, 1)
        self.rows: list[SheetItemRow] = []
        self.current = 0
        self.unit_key: str | None = None
        self.show_empty()

    def show_empty(self) -> None:
        self._clear()
        self.unit_key = None
        self.title.setText(self.tr("Configuration sheet"))
        self.progress.setText("")
        hint = QLabel(self.tr("Scan a desktop PC, notebook, phone, tablet or camera to open "
                              "its configuration sheet."))
        hint.setWordWrap(True)
        hint.setObjectName("muted")
        self.body_layout.addWidget(hint)
        self.body_layout.addStretch(1)

    def show_sheet(self, unit_key: str, unit_name: str, rows: list[SheetRow]) -> None:
        """Build the rows for a unit (or update them in place if it is the same unit)."""
        if unit_key == self.unit_key and len(rows) == len(self.rows):
            for widget, row in zip(self.rows, rows):
                widget.update_row(row)
            self._update_progress(rows)
            return
        self._clear()
        self.unit_key = unit_key
        self.title.setText(self.tr("Sheet: {unit}").format(unit=unit_name))
        section = None
        for row in rows:
            if row.section != section:
                section = row.section
                label = QLabel(section)
                label.setStyleSheet("font-weight: bold; color: #57606a; padding-top: 6px;")
                self.body_layout.addWidget(label)
            widget = SheetItemRow(row, self.formats, self)
            self.rows.append(widget)
            self.body_layout.addWidget(widget)
        self.body_layout.addStretch(1)
        self.current = 0
        self._highlight()
        self._update_progress(rows)

    def _update_progress(self, rows: list[SheetRow]) -> None:
        asked = sum(1 for row in rows if row.outcome != "not_offered")
        self.progress.setText(self.tr("{asked} of {total} asked").format(asked=asked, total=len(rows)))

    def _clear(self) -> None:
        self.rows = []
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            if item.widget():
                item.widget().hide()
                item.widget().deleteLater()

    # keyboard ---------------------------------------------------------------------
    def move(self, step: int) -> None:
        if self.rows:
            self.current = max(0, min(len(self.rows) - 1, self.current + step))
            self._highlight()

    def mark_current(self, outcome: str) -> None:
        if self.rows:
            row = self.rows[self.current]
            self.mark(row.item_id, outcome)

    def cycle_product(self, step: int) -> None:
        if self.rows and not self.rows[self.current].pack:
            combo = self.rows[self.current].choice
            combo.setCurrentIndex((combo.currentIndex() + step) % max(1, combo.count()))

    def mark(self, item_id: int, outcome: str) -> None:
        row = next((r for r in self.rows if r.item_id == item_id), None)
        if row is None:
            return
        self.current = self.rows.index(row)
        self.marked.emit(item_id, outcome, row.chosen_product())
        if outcome != "not_offered":
            self.move(1)  # on to the next question
        else:
            self._highlight()

    def _highlight(self) -> None:
        for index, row in enumerate(self.rows):
            row.set_current(index == self.current)
        if self.rows:
            self.scroll.ensureWidgetVisible(self.rows[self.current], 0, 40)
