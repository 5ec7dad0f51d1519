"""Service-card tiers for the selected unit, side by side: price for this unit, term,
on-site or carry-in. Pick one (Ctrl+1..9 from the till) or record that it was declined
(Ctrl+0)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from pos.selling.cards import TierOffer


class TierButton(QPushButton):
    """A checkable card tile whose text wraps (a QPushButton's own text does not)."""

    def __init__(self, html: str, shortcut: str):
        super().__init__()
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet("min-height: 80px;")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.label = QLabel(html)
        self.label.setWordWrap(True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.shortcut = shortcut
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 6, 4)
        layout.addWidget(self.label, 1)
        self.toggled.connect(self._recolour)
        self._recolour(False)

    def _recolour(self, checked: bool) -> None:
        self.label.setStyleSheet(f"color: {'white' if checked else 'black'}; font-size: 14px;")


class CardsPanel(QWidget):
    picked = Signal(int)  # tier id
    declined = Signal()

    TILE_WIDTH = 180

    def __init__(self, formats, parent=None):
        super().__init__(parent)
        self.formats = formats
        self.title = QLabel(self.tr("Service cards (Ctrl+number)"))
        self.title.setStyleSheet("font-size: 17px; font-weight: bold;")
        self.status = QLabel("")
        self.grid = QGridLayout()
        self.grid.setSpacing(6)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addLayout(self.grid)
        self.offers: list[TierOffer] = []
        self.tiles: list[QPushButton] = []
        self._columns = 4
        self.show_offers([], "none", set())

    def show_offers(self, offers: list[TierOffer], status: str, chosen: set[int]) -> None:
        self.offers = offers
        for tile in self.tiles:
            self.grid.removeWidget(tile)
            tile.hide()
            tile.deleteLater()
        self.tiles = []
        statuses = {"chosen": self.tr("Card chosen"), "declined": self.tr("Card declined"),
                    "not_asked": self.tr("Not asked yet"), "none": ""}
        self.status.setText(statuses[status])
        self.status.setStyleSheet(
            "color: #cf222e; font-weight: bold;" if status == "not_asked" else "color: #57606a;")
        for index, offer in enumerate(offers, start=1):
            term = (self.tr("lifetime") if offer.term_months is None
                    else self.tr("{months} months").format(months=offer.term_months))
            mode = self.tr("on-site") if offer.service_mode == "on_site" else self.tr("carry-in")
            extra = self.tr(" · {n} PCs").format(n=offer.units_covered) if offer.units_covered > 1 else ""
            tile = TierButton(f"<small>{index}</small> <b>{offer.name}</b><br>"
                              f"<b>{self.formats.money(offer.price)}</b><br>{term} · {mode}{extra}",
                              f"{index}")
            tile.setChecked(offer.tier_id in chosen)
            tile.setToolTip(offer.description)
            tile.clicked.connect(lambda _=False, t=offer.tier_id: self.picked.emit(t))
            self.tiles.append(tile)
        if offers:
            decline = TierButton("<small>0</small> <b>" + self.tr("Declined") + "</b><br>"
                                 + self.tr("customer said no"), "0")
            decline.setObjectName("declined")
            decline.setChecked(status == "declined")
            decline.clicked.connect(self.declined.emit)
            self.tiles.append(decline)
        self._layout_tiles()

    def _layout_tiles(self) -> None:
        columns = max(2, self.width() // self.TILE_WIDTH) if self.width() > 0 else 4
        self._columns = columns
        for index, tile in enumerate(self.tiles):
            self.grid.addWidget(tile, index // columns, index % columns)
        for column in range(8):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event):  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.tiles and max(2, self.width() // self.TILE_WIDTH) != self._columns:
            for tile in self.tiles:
                self.grid.removeWidget(tile)
            self._layout_tiles()

    def pick_index(self, index: int) -> None:
        if 0 <= index < len(self.offers):
            self.picked.emit(self.offers[index].tier_id)
