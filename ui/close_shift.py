"""Closing the shift at the till: count the drawer by denomination against the expected
cash, and close with the next Z number (a manager's right)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout

from pos.kernel.money import to_decimal_string


class CloseShiftDialog(QDialog):
    """`x_report`: the open shift's figures; `denominations`: what the drawer is counted
    in, in minor units, largest first (both from ui.ops.x_report)."""

    def __init__(self, x_report, formats, parent=None, *, denominations: tuple[int, ...]):
        super().__init__(parent)
        self.formats, self.expected = formats, x_report.expected_cash
        self.setWindowTitle(self.tr("Close the shift"))
        grid = QGridLayout()
        self.spins: dict[int, QSpinBox] = {}
        for row, denomination in enumerate(denominations):
            spin = QSpinBox()
            spin.setRange(0, 100_000)
            spin.setMinimumHeight(40)
            spin.valueChanged.connect(self._refresh)
            grid.addWidget(QLabel(f"¥{to_decimal_string(denomination).rstrip('0').rstrip('.')}"), row, 0)
            grid.addWidget(spin, row, 1)
            self.spins[denomination] = spin
        self.summary = QLabel()
        self.summary.setStyleSheet("font-size: 18px; font-weight: bold;")
        close = QPushButton(self.tr("Count and close the shift"))
        close.setObjectName("primary")
        close.clicked.connect(self.accept)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("{sales} sales · expected in the drawer {cash}").format(
            sales=x_report.sales, cash=formats.money(x_report.expected_cash))))
        layout.addLayout(grid)
        layout.addWidget(self.summary)
        layout.addWidget(close)
        layout.addWidget(cancel)
        self.setMinimumWidth(420)
        self._refresh()

    def counts(self) -> dict[int, int]:
        return {d: spin.value() for d, spin in self.spins.items() if spin.value()}

    def _refresh(self) -> None:
        counted = sum(d * n for d, n in self.counts().items())
        self.summary.setText(self.tr("Counted {counted} · over/short {diff}").format(
            counted=self.formats.money(counted), diff=self.formats.money(counted - self.expected)))
