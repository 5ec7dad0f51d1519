"""Service-card tiers for the selected unit, side by side: price for this unit, term,
on-site or carry-in. Only the tiers this unit and customer can take are shown
(pos.selling.cards.offered_tiers), numbered as Ctrl+1..9 picks them; Ctrl+0 records that
the customer declined. On an add-on, the card the unit already holds is named with its
end date, and its tile cannot be taken again. The tiles are made once and reused:
showing a unit's tiers sets their texts."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from pos.kernel.enums import CardStatus, ServiceMode
from ui.messages import refusal_text

if TYPE_CHECKING:
    from pos.selling.addons import HeldCard, UnitHistory
    from pos.selling.cards import TierOffer


def _set_style(widget: QWidget, sheet: str) -> None:
    """A style sheet set only when it changes: setting one re-polishes the widget."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


class TierButton(QPushButton):
    """A checkable card tile whose text wraps (a QPushButton's own text does not)."""

    def __init__(self, html: str = "", shortcut: str = ""):
        super().__init__()
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet("min-height: 80px;")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.label = QLabel(html)
        self.label.setWordWrap(True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.shortcut = shortcut
        self.held = False  # a card the unit already holds (an add-on): shown, not taken
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 6, 4)
        layout.addWidget(self.label, 1)
        self.toggled.connect(self._recolour)
        self._recolour(False)

    def _recolour(self, checked: bool) -> None:
        colour = "#1a7f37" if self.held else "white" if checked else "black"
        _set_style(self.label, f"color: {colour}; font-size: 14px;")

    def set_held(self, held: bool) -> None:
        if held != self.held:
            self.held = held
            self.setStyleSheet("min-height: 80px;" + (
                " background: #dafbe1; border: 2px solid #1a7f37;" if held else ""))
            self._recolour(self.isChecked())

    def set_html(self, html: str) -> None:
        if self.label.text() != html:
            self.label.setText(html)


class CardsPanel(QWidget):
    picked = Signal(int)  # tier id
    declined = Signal()

    TILE_WIDTH = 180

    def __init__(self, formats, parent=None):
        super().__init__(parent)
        self.formats = formats
        self.money = lru_cache(maxsize=256)(formats.money)  # the same few tier prices
        self.title = QLabel(self.tr("Service cards (Ctrl+number)"))
        self.title.setStyleSheet("font-size: 17px; font-weight: bold;")
        self.status = QLabel("")
        # The tiles live in a box of their own: with no unit the box hides, and the next
        # unit's tiles show as they were laid out (no tile hidden and shown one by one).
        self.tile_box = QWidget(self)
        self.grid = QGridLayout(self.tile_box)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(6)
        self.held = QLabel("")  # an add-on: the cards the unit already holds
        self.held.setObjectName("held")
        self.held.setWordWrap(True)
        self.held.setStyleSheet("color: #1a7f37; font-weight: bold;")
        self.held.hide()
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.held)
        layout.addWidget(self.tile_box)
        self.offers: list[TierOffer] = []
        self.pool: list[TierButton] = []  # tier tiles, reused from unit to unit
        self.decline = TierButton(shortcut="0")
        self.decline.setParent(self.tile_box)
        self.decline.setObjectName("declined")
        self.decline.clicked.connect(self.declined.emit)
        self.decline.hide()
        self.tiles: list[TierButton] = []  # what shows now: tier tiles, then decline
        self._columns = 0
        self.show_offers([], None, set())

    def show_offers(self, offers: list[TierOffer], status: CardStatus | None,
                    chosen: set[int], earlier: UnitHistory | None = None) -> None:
        """The unit's tiers, where it stands on the card (None: no unit), which are taken,
        and (an add-on) what the unit had before."""
        if (not offers and not self.offers and status is None and self.status.text() == ""
                and earlier is None and self.held.isHidden()):
            return  # no unit before, none now
        self.offers = list(offers)
        held = {card.tier_id: card for card in (earlier.cards if earlier else ())}
        statuses = {CardStatus.CHOSEN: self.tr("Card chosen"),
                    CardStatus.DECLINED: self.tr("Card declined"),
                    CardStatus.NOT_ASKED: self.tr("Not asked yet"), None: ""}
        self.status.setText(self.tr("Card held") if held and not chosen else statuses[status])
        _set_style(self.status, "color: #cf222e; font-weight: bold;"
                   if status is CardStatus.NOT_ASKED else "color: #57606a;")
        self._show_held(earlier)
        if not self.offers:  # no unit, or none of its tiers: the tiles stay as laid out
            self.tile_box.hide()
            return
        self.tile_box.show()
        while len(self.pool) < len(self.offers):
            place = len(self.pool)
            tile = TierButton(shortcut=str(place + 1))
            tile.setParent(self.tile_box)
            tile.hide()
            tile.clicked.connect(lambda _=False, i=place: self._tile_clicked(i))
            self.pool.append(tile)
        for index, offer in enumerate(self.offers):
            term = (self.tr("lifetime") if offer.term_months is None
                    else self.tr("{months} months").format(months=offer.term_months))
            mode = (self.tr("on-site") if offer.service_mode is ServiceMode.ON_SITE
                    else self.tr("carry-in"))
            extra = (self.tr(" · {n} PCs").format(n=offer.units_covered)
                     if offer.units_covered > 1 else "")
            tile = self.pool[index]
            card = held.get(offer.tier_id)
            detail = f"{term} · {mode}{extra}" if card is None else "✓ " + self.tr("held")
            tile.set_html(f"<small>{index + 1}</small> <b>{offer.name}</b><br>"
                          f"<b>{self.money(offer.price)}</b><br>{detail}")
            tile.set_held(card is not None)  # held already: not sold twice from here
            tile.setChecked(offer.tier_id in chosen)
            # what the card promises for this unit (its dates follow from the same fields)
            tile.setToolTip(refusal_text(offer.terms) if offer.terms else offer.description)
        self.decline.set_html("<small>0</small> <b>" + self.tr("Declined") + "</b><br>"
                              + self.tr("customer said no"))
        self.decline.setChecked(status is CardStatus.DECLINED)
        tiles = self.pool[:len(self.offers)] + ([self.decline] if self.offers and not held else [])
        if tiles != self.tiles:
            self.tiles = tiles
            self._layout_tiles(force=True)

    def _held_text(self, card: HeldCard) -> str:
        if card.end_date is None:
            return self.tr("{card}, for life").format(card=card.tier_name)
        return self.tr("{card} until {day}").format(card=card.tier_name,
                                                    day=self.formats.day(card.end_date))

    def _show_held(self, earlier: UnitHistory | None) -> None:
        """An add-on: the cards the unit holds, or that a card was declined at the counter."""
        text = ""
        if earlier is not None and earlier.cards:
            text = self.tr("This unit holds: {cards}").format(cards="; ".join(
                self._held_text(card) for card in earlier.cards))
        elif earlier is not None and earlier.card_declined:
            text = self.tr("A card was declined at the counter ({receipt})").format(
                receipt=earlier.receipt_no)
        self.held.setText(text)
        _set_style(self.held, "color: #1a7f37; font-weight: bold;"
                   if earlier is not None and earlier.cards else "color: #9a6700;")
        self.held.setVisible(bool(text))

    def _tile_clicked(self, index: int) -> None:
        if self.pool[index].held:
            self.pool[index].setChecked(False)  # a tap on a held card changes nothing
        elif index < len(self.offers):
            self.picked.emit(self.offers[index].tier_id)

    def _layout_tiles(self, *, force: bool = False) -> None:
        columns = max(2, self.width() // self.TILE_WIDTH) if self.width() > 0 else 4
        if columns == self._columns and not force:
            return
        self._columns = columns
        for tile in [*self.pool, self.decline]:
            self.grid.removeWidget(tile)
            if tile not in self.tiles:
                tile.hide()
        for index, tile in enumerate(self.tiles):
            self.grid.addWidget(tile, index // columns, index % columns)
            tile.show()
        for column in range(8):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event):  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.tiles:
            self._layout_tiles()

    def pick_index(self, index: int) -> None:
        """Ctrl+(index + 1): the tile showing that number, if it can be taken."""
        if 0 <= index < len(self.offers) and not self.pool[index].held:
            self.picked.emit(self.offers[index].tier_id)
