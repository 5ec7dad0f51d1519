"""A service card's history: the card as sold (its certificate's record: tier, promise,
dates, unit, customer, receipt), the units it covers (a business card's registered
units, its own first) and every claim against it, covered or not and why, with the job,
the day and the technician. `pos card show CARD [--pdf FILE]` prints it;
printing.card_history_pdf draws it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from pos.db.engine import Database
from pos.db.models import CardClaim, ServiceJob
from pos.kernel.enums import CardState
from pos.kernel.messages import Message
from pos.printjobs.records import CardRecord, StoreHeader, load_card
from pos.service.card_units import CardUnitView, units_of
from pos.service.claims import (
    ClaimView, assess, card_by_id, card_by_number, claims_of, why_paid,
)


@dataclass(frozen=True)
class CardHistory:
    store: StoreHeader
    card: CardRecord  # as the certificate prints it
    state: CardState
    in_force: bool  # on `on`: active, started, not ended
    why_not: Message | None  # why it is not in force (claim.expired, ...)
    units: tuple[CardUnitView, ...]
    claims: tuple[ClaimView, ...]
    on: date  # the day the history was read for

    @property
    def covered_claims(self) -> int:
        return sum(1 for c in self.claims if c.covered)


def card_history(db: Database, *, card_no: str, on: date | None = None) -> CardHistory:
    """The card's history (UserError card.no_number for an unknown number)."""
    on = on or date.today()
    store, record = load_card(db, card_no=card_no)
    with db.read_connection() as conn:
        card = card_by_number(conn, record.card_no, claiming=False)
        reason = assess(card, serial=None, registered=True, on=on)
        return CardHistory(store, record, card.state, reason is None,
                           why_paid(card, reason, None),
                           tuple(units_of(conn, card)), tuple(claims_of(conn, card)), on)


def job_claims(db: Database, *, job_no: str) -> list[ClaimView]:
    """The claims recorded on a job (for its detail screen), oldest first: covered or
    not and why. An unknown job has none."""
    number = (job_no or "").strip().upper()
    with db.read_connection() as conn:
        rows = conn.execute(select(CardClaim.id, CardClaim.card_id).join(
            ServiceJob, ServiceJob.id == CardClaim.job_id).where(ServiceJob.job_no == number)
            .order_by(CardClaim.at, CardClaim.id)).all()
        cards = {card_id: card_by_id(conn, card_id) for card_id in {r.card_id for r in rows}}
        return [claims_of(conn, cards[r.card_id], claim_id=r.id)[0] for r in rows]
