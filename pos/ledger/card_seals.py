"""What is sealed of a service card's life after its sale (issue 20): each claim against
it (`card_claim`) and each unit a business card covers (`card_unit`), as audit events
written in the change's own transaction, whose details are the row's values
(pos.ledger.card_reconcile checks every row against them).

In the ledger because a business card's own unit is its first registered unit, written
with the sale that issues the card (`register_own_units`, called by
pos.ledger.tables.write_document); later units and claims come from pos.service."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select, update

from pos.db.models import CardUnit, SaleLine, ServiceCard, ServiceTier
from pos.kernel.clock import utcnow
from pos.ledger import audit
from pos.ledger.chain import sealed_time

CARD_CLAIM = "card_claim"
CARD_UNIT = "card_unit"
UNITS, CARDS = CardUnit.__table__, ServiceCard.__table__


def claim_values(*, claim_no: str, card_no: str, job_no: str | None, serial: str | None,
                 covered: bool, what: str, reason: str | None, staff_id: int | None,
                 at: datetime) -> dict:
    """What is sealed of a claim."""
    return {"claim": claim_no, "card": card_no, "job": job_no, "serial": serial,
            "covered": bool(covered), "what": what, "reason": reason, "staff": staff_id,
            "at": sealed_time(at)}


def unit_values(*, card_no: str, serial: str, product_id: int | None, staff_id: int | None,
                at: datetime) -> dict:
    """What is sealed of a unit registered on a card."""
    return {"card": card_no, "serial": serial, "product": product_id, "staff": staff_id,
            "at": sealed_time(at)}


def unit_ref(card_no: str, serial: str) -> str:
    return f"{card_no}/{serial}"


def seal_unit(conn, *, card_id: int, card_no: str, serial: str, product_id: int | None,
              staff_id: int | None, at: datetime | None = None) -> int:
    """Register a unit on a card and seal it, inside the caller's transaction (which
    checked the card's limit). Returns the row's id."""
    at = at or utcnow()
    unit_id = conn.execute(UNITS.insert().values(
        card_id=card_id, serial=serial, product_id=product_id, registered_at=at,
        staff_id=staff_id).returning(UNITS.c.id)).scalar_one()
    event_id = audit.record(conn, staff_id=staff_id, action=CARD_UNIT,
                            ref=unit_ref(card_no, serial),
                            details=unit_values(card_no=card_no, serial=serial,
                                                product_id=product_id, staff_id=staff_id, at=at))
    conn.execute(update(CardUnit).where(CardUnit.id == unit_id).values(event_id=event_id))
    return unit_id


def register_own_units(conn, card_numbers: Iterable[str], *, staff_id: int | None,
                       at: datetime | None = None) -> int:
    """At the sale of a card that covers several units (a business card for ten PCs):
    its own unit (with a serial) is its first registered unit. Returns how many."""
    numbers = list(card_numbers)
    if not numbers:
        return 0
    lines = SaleLine.__table__
    rows = conn.execute(
        select(CARDS.c.id, CARDS.c.card_no, CARDS.c.unit_serial, lines.c.product_id)
        .join(ServiceTier.__table__, ServiceTier.__table__.c.id == CARDS.c.tier_id)
        .outerjoin(lines, lines.c.id == CARDS.c.main_line_id)
        .where(CARDS.c.card_no.in_(numbers), ServiceTier.__table__.c.units_covered > 1,
               CARDS.c.unit_serial.is_not(None), CARDS.c.unit_serial != "")
        .order_by(CARDS.c.card_no)).all()
    for card_id, card_no, serial, product_id in rows:
        seal_unit(conn, card_id=card_id, card_no=card_no, serial=serial,
                  product_id=product_id, staff_id=staff_id, at=at)
    return len(rows)
