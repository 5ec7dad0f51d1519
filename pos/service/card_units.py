"""The units a business card covers (a blue-gold or blue-diamond card for ten PCs): each
registered by its serial, up to its tier's `units_covered`; a claim is then accepted for
any of them (pos.service.claims).

The card's own unit (the one it was sold with) is its first registered unit, at the
sale (pos.ledger.card_seals.register_own_units); the others are registered later, at
the counter or from the command line (`pos card register CARD SERIAL`). Each is a row of
card_units sealed as an audit event `card_unit` in the same transaction.

Refused, nothing written: an unknown card (card.no_number), a card that covers its own
unit only (card.single_unit), a cancelled card (card.unit_card_cancelled), one that has
ended (card.unit_card_expired), a unit already on the card (card.unit_registered) or on
another card in force (card.unit_other_card), the unit past the card's limit
(card.units_full: the eleventh on a ten-PC card), an unknown product
(catalog.unknown_code), a staff member not logged in (permission.log_in_first)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from pos.db.engine import Database
from pos.db.models import CardUnit, Product, SerialUnit, Staff
from pos.kernel.enums import CardState
from pos.kernel.errors import UserError
from pos.kernel.serials import serial_as_kept
from pos.ledger.card_seals import seal_unit
from pos.service.claims import (
    Card, assess, card_by_number, cards_of_unit, registered_serials,
)

UNITS = CardUnit.__table__


@dataclass(frozen=True)
class CardUnitView:
    card_no: str
    serial: str
    product_id: int | None
    product_name: str | None
    registered_at: datetime | None  # None: the card's own unit, sold before units were kept
    staff_name: str | None
    own: bool  # the unit the card was sold with


def _product_id(conn, product: str | None, serial: str) -> int | None:
    """The unit's product: the one named (barcode or sku), else the one this serial is
    a unit of here (when only one is)."""
    if product is not None and str(product).strip():
        code = str(product).strip()
        for column in (Product.barcode, Product.sku):
            found = conn.execute(select(Product.id).where(column == code)).scalar()
            if found is not None:
                return found
        raise UserError("catalog.unknown_code", code=code[:40])
    known = conn.execute(select(SerialUnit.product_id).where(SerialUnit.serial == serial)
                         .limit(2)).scalars().all()
    return known[0] if len(known) == 1 else None


def _other_card(conn, card: Card, serial: str, today: date) -> str | None:
    """Another card that covers this unit today (a unit is covered by one card)."""
    for other in cards_of_unit(conn, serial):
        if other.id != card.id and assess(other, serial=None, registered=True,
                                          on=today) is None:
            return other.card_no
    return None


def register_unit(db: Database, *, card_no: str, serial: str, staff_id: int,
                  product: str | None = None, on: date | None = None) -> CardUnitView:
    """Register a unit on a business card (see the module's rules). `product`: its
    barcode or sku (default: the product this serial is a unit of here, if known)."""
    serial = serial_as_kept(serial)
    today = on or date.today()
    with db.write_connection() as conn:
        if conn.execute(select(Staff.id).where(Staff.id == staff_id,
                                               Staff.active.is_(True))).scalar() is None:
            raise UserError("permission.log_in_first")
        card = card_by_number(conn, card_no, for_update=True, claiming=False)
        if card.units_covered <= 1:
            raise UserError("card.single_unit", card=card.card_no)
        if card.state is CardState.CANCELLED:
            raise UserError("card.unit_card_cancelled", card=card.card_no)
        if card.end is not None and today > card.end:
            raise UserError("card.unit_card_expired", card=card.card_no, until=card.end)
        serials = registered_serials(conn, card)
        if serial in serials:
            raise UserError("card.unit_registered", serial=serial, card=card.card_no)
        if len(serials) >= card.units_covered:
            raise UserError("card.units_full", card=card.card_no, most=card.units_covered)
        other = _other_card(conn, card, serial, today)
        if other is not None:
            raise UserError("card.unit_other_card", serial=serial, other=other)
        product_id = _product_id(conn, product, serial)
        if card.own_serial and card.own_serial not in _rows(conn, card):
            # a card sold before its own unit was registered at the sale: it comes first
            seal_unit(conn, card_id=card.id, card_no=card.card_no, serial=card.own_serial,
                      product_id=None, staff_id=staff_id)
        seal_unit(conn, card_id=card.id, card_no=card.card_no, serial=serial,
                  product_id=product_id, staff_id=staff_id)
        return next(u for u in units_of(conn, card) if u.serial == serial)


def _rows(conn, card: Card) -> set[str]:
    return set(conn.execute(select(UNITS.c.serial).where(UNITS.c.card_id == card.id))
               .scalars())


def units_of(conn, card: Card) -> list[CardUnitView]:
    """The units a card covers: its own first, then as registered."""
    rows = conn.execute(
        select(UNITS.c.serial, UNITS.c.product_id, Product.name, UNITS.c.registered_at,
               Staff.name)
        .outerjoin(Product, Product.id == UNITS.c.product_id)
        .outerjoin(Staff, Staff.id == UNITS.c.staff_id)
        .where(UNITS.c.card_id == card.id).order_by(UNITS.c.id)).all()
    views = [CardUnitView(card.card_no, serial, product_id, name, at, who,
                          serial == card.own_serial)
             for serial, product_id, name, at, who in rows]
    if card.own_serial and all(v.serial != card.own_serial for v in views):
        views.insert(0, CardUnitView(card.card_no, card.own_serial, None, None, None, None,
                                     True))
    return sorted(views, key=lambda v: not v.own)
