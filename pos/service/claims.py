"""Claims against service cards: what a unit's card covers, and the service of a job
recorded against it (S01-CL-000001, store counter "claim").

`coverage` answers for a unit (by serial) or a card: the card that covers it (its own
card, by service_cards.unit_serial, or a business card it is registered on, card_units),
what it covers (software service, hardware warranty, screen breakage), until when (its
end date, or for life), on site or carried in (its tier's service mode), in the words of
pos.catalog.coverage; and, when it does not cover the unit on that day, why.

`claim` records a job's service against the card in ONE transaction: the card_claims
row, a `claim` job event (pos.ledger.job_events) and a sealed audit event `card_claim`
whose details are the claim's values (pos.ledger.card_seals; `journal verify` checks the
row against it). Outside the cover a claim is still recorded, as NOT covered, with the
reason (a message id), so the job shows why its service is paid, never a silent claim:
- claim.card_cancelled: the card was refunded;
- claim.not_started: its cover starts later (an extension after the maker's warranty);
- claim.carry_in_only: a carry-in card and a visit (an on-site job, or an installation
  at the customer's home: one with an area);
- claim.outside_scope: the work (`what`) is not what the card covers.

Two cases are bad input, as the issue says ("a claim on an expired card or an
unregistered unit"): `claim` refuses them with their message (UserError
claim.expired, claim.unit_not_registered) and writes nothing. The job screen asks
`paid_service_reason` first: it gives the message why a job's service is paid (any of
the reasons above, those two, or claim.no_card for a unit with no card), or None when
the card covers it, so the screen can show it without trying a claim.

Other refusals (nothing written): an unknown job (job.unknown), a cancelled job
(job.closed), a job with no unit (claim.no_unit) or whose unit has no card
(claim.no_card), a `what` that is not a scope (claim.bad_what), the same work claimed
twice on a job (claim.already), a staff member not logged in (permission.log_in_first).
A claim may be recorded at registration, at diagnosis, or when the job is done."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select, update

from pos.catalog.coverage import card_terms
from pos.db.engine import Database
from pos.db.models import (
    CardClaim, CardUnit, Sale, SaleLine, ServiceCard, ServiceJob, ServiceTier, Staff, Store,
)
from pos.kernel.clock import utcnow
from pos.kernel.enums import (
    CardState, CoverageScope, JobEventKind, ServiceJobKind, ServiceJobState, ServiceMode,
)
from pos.kernel.errors import UserError
from pos.kernel.messages import Message, msg
from pos.kernel.serials import serial_as_kept
from pos.ledger import audit
from pos.ledger.card_seals import CARD_CLAIM, claim_values
from pos.ledger.job_events import append_event
from pos.ledger.stock_tables import next_store_number

CARDS, TIERS, UNITS = ServiceCard.__table__, ServiceTier.__table__, CardUnit.__table__
CLAIMS, JOBS = CardClaim.__table__, ServiceJob.__table__
REFUSED = frozenset({"claim.expired", "claim.unit_not_registered"})  # bad input: nothing written


@dataclass(frozen=True)
class Card:
    """A service card as a claim reads it: its dates and its tier's promise."""

    id: int
    card_no: str
    state: CardState
    start: date
    end: date | None  # None: for life
    own_serial: str | None  # the unit it was sold with
    tier_code: str
    tier_name: str
    scope: CoverageScope
    service_mode: ServiceMode
    units_covered: int
    terms: Message  # what it covers, until when, on site or carry-in


@dataclass(frozen=True)
class Coverage:
    """What a card gives a unit on a day, and why not when it does not."""

    card_no: str
    tier_code: str
    tier_name: str
    scope: CoverageScope  # software / hardware / screen
    service_mode: ServiceMode  # on_site / carry_in
    start: date
    end: date | None  # None: for life
    state: CardState
    units_covered: int
    serial: str | None  # the unit asked about (else the card's own)
    registered: bool  # that unit is on the card
    terms: Message
    reason: str | None  # why it does not cover it (a claim.* id, see assess); None: covered
    why: Message | None  # that reason, as the screen says it

    @property
    def lifetime(self) -> bool:
        return self.end is None

    @property
    def on_site(self) -> bool:
        return self.service_mode is ServiceMode.ON_SITE

    @property
    def covered(self) -> bool:
        return self.reason is None


@dataclass(frozen=True)
class ClaimView:
    claim_no: str
    card_no: str
    job_no: str | None
    job_kind: ServiceJobKind | None
    serial: str | None
    covered: bool
    what: str  # the work: software / hardware / screen
    reason: str | None  # why it is paid (a message id); None: covered
    why: Message | None  # the reason as the job shows it ("Card ... ended on ...")
    at: datetime
    staff_id: int | None
    staff_name: str | None  # who recorded it
    technician: str | None  # the job's technician


# --- reading a card ----------------------------------------------------------------------

_CARD_COLUMNS = (CARDS.c.id, CARDS.c.card_no, CARDS.c.state, CARDS.c.start_date,
                 CARDS.c.end_date, CARDS.c.unit_serial, TIERS.c.code, TIERS.c.name,
                 TIERS.c.scope, TIERS.c.service_mode, TIERS.c.starts, TIERS.c.units_covered,
                 Sale.business_date)


def _card_query():
    lines = SaleLine.__table__
    return (select(*_CARD_COLUMNS).join(TIERS, TIERS.c.id == CARDS.c.tier_id)
            .outerjoin(lines, lines.c.id == CARDS.c.main_line_id)
            .outerjoin(Sale, Sale.id == lines.c.sale_id))


def _card(row) -> Card:
    (card_id, card_no, state, start, end, own, code, name, scope, mode, starts, units,
     sold) = row
    terms = card_terms(service_mode=mode, scope=scope, starts=starts,
                       unit_sold=sold or start, start=start, end=end)
    return Card(card_id, card_no, CardState(state), start, end, own, code, name,
                CoverageScope(scope), ServiceMode(mode), units, terms)


def card_by_number(conn, card_no: str, *, for_update: bool = False,
                   claiming: bool = True) -> Card:
    """A card by its number (UserError claim.card_unknown when there is none; when not
    `claiming`, card.no_number)."""
    number = (card_no or "").strip().upper()
    query = _card_query().where(CARDS.c.card_no == number)
    if for_update:
        query = query.with_for_update(of=CARDS)
    row = conn.execute(query).first() if number else None
    if row is None:
        raise UserError("claim.card_unknown" if claiming else "card.no_number",
                        card=number[:32])
    return _card(row)


def card_by_id(conn, card_id: int) -> Card:
    return _card(conn.execute(_card_query().where(CARDS.c.id == card_id)).one())


def registered_serials(conn, card: Card) -> list[str]:
    """The units a card covers, its own first, then those registered on it in order."""
    serials = [card.own_serial] if card.own_serial else []
    for (serial,) in conn.execute(select(UNITS.c.serial).where(UNITS.c.card_id == card.id)
                                  .order_by(UNITS.c.id)):
        if serial not in serials:
            serials.append(serial)
    return serials


def cards_of_unit(conn, serial: str) -> list[Card]:
    """Every card that names the unit: its own cards and business cards it is on."""
    rows = conn.execute(_card_query().where(or_(
        CARDS.c.unit_serial == serial,
        CARDS.c.id.in_(select(UNITS.c.card_id).where(UNITS.c.serial == serial))))
        .order_by(CARDS.c.id)).all()
    return [_card(row) for row in rows]


# --- what covers what ------------------------------------------------------------------

_WHAT = {(ServiceMode.ON_SITE, CoverageScope.SOFTWARE): "coverage.what.on_site.software",
         (ServiceMode.CARRY_IN, CoverageScope.SOFTWARE): "coverage.what.carry_in.software",
         (ServiceMode.ON_SITE, CoverageScope.HARDWARE): "coverage.what.on_site.hardware",
         (ServiceMode.CARRY_IN, CoverageScope.HARDWARE): "coverage.what.carry_in.hardware",
         (ServiceMode.ON_SITE, CoverageScope.SCREEN): "coverage.what.on_site.screen",
         (ServiceMode.CARRY_IN, CoverageScope.SCREEN): "coverage.what.carry_in.screen"}


def what_words(card: Card) -> Message:
    """What the card covers, as its promise names it ("On-site software service")."""
    return Message(_WHAT[card.service_mode, card.scope])


def assess(card: Card, *, serial: str | None, registered: bool, on: date,
           job_kind: ServiceJobKind | None = None, what: CoverageScope | None = None
           ) -> str | None:
    """Why the card does not cover this work on `on` (a message id), or None. Pure."""
    if serial and not registered:
        return "claim.unit_not_registered"
    if card.state is CardState.CANCELLED:
        return "claim.card_cancelled"
    if card.end is not None and on > card.end:
        return "claim.expired"
    if on < card.start:
        return "claim.not_started"
    if job_kind is ServiceJobKind.ON_SITE and card.service_mode is ServiceMode.CARRY_IN:
        return "claim.carry_in_only"
    if what is not None and what is not card.scope:
        return "claim.outside_scope"
    return None


def why_paid(card: Card, reason: str | None, serial: str | None) -> Message | None:
    """The reason as a message with its particulars."""
    if reason is None:
        return None
    params = {"claim.expired": {"until": card.end}, "claim.not_started": {"start": card.start},
              "claim.unit_not_registered": {"serial": serial},
              "claim.outside_scope": {"what": what_words(card)}}.get(reason, {})
    return msg(reason, card=card.card_no, **params)


def _coverage(conn, card: Card, serial: str | None, on: date, **work) -> Coverage:
    registered = serial is None or serial in registered_serials(conn, card)
    reason = assess(card, serial=serial, registered=registered, on=on, **work)
    return Coverage(card.card_no, card.tier_code, card.tier_name, card.scope,
                    card.service_mode, card.start, card.end, card.state, card.units_covered,
                    serial or card.own_serial, registered, card.terms, reason,
                    why_paid(card, reason, serial))


def _best(conn, cards: list[Card], serial: str, on: date, **work) -> Coverage | None:
    """Of a unit's cards, one that covers it; else the one that says best why not: not
    cancelled, the latest."""
    found = [_coverage(conn, card, serial, on, **work) for card in cards]
    if not found:
        return None
    return max(enumerate(found), key=lambda pair: (
        pair[1].covered, pair[1].registered, pair[1].state is CardState.ACTIVE, pair[0]))[1]


def _serial(serial) -> str | None:
    if serial is None or str(serial).strip() == "":
        return None
    return serial_as_kept(str(serial))


def coverage(db: Database, *, serial: str | None = None, card_no: str | None = None,
             on: date | None = None) -> Coverage | None:
    """The card covering a unit (`serial`), or a card (`card_no`, with `serial`: whether
    it covers that unit), on `on` (default today). None: no card names the unit. A
    coverage that does not hold says why (`reason`, `why`)."""
    on = on or date.today()
    serial = _serial(serial)
    with db.read_connection() as conn:
        if card_no is not None:
            return _coverage(conn, card_by_number(conn, card_no), serial, on)
        if serial is None:
            raise UserError("job.needs_unit")
        return _best(conn, cards_of_unit(conn, serial), serial, on)


# --- claims ---------------------------------------------------------------------------

def _what(what) -> CoverageScope | None:
    if what is None or str(what).strip() == "":
        return None
    try:
        return CoverageScope(str(what).strip().lower())
    except ValueError:
        raise UserError("claim.bad_what", what=str(what)[:20]) from None


def _job(conn, job_no: str, *, for_update: bool = False):
    number = (job_no or "").strip().upper()
    query = select(JOBS).where(JOBS.c.job_no == number)
    if for_update:
        query = query.with_for_update()
    job = conn.execute(query).first() if number else None
    if job is None:
        raise UserError("job.unknown", job=number[:30])
    return job


def _job_cover(conn, job, what: CoverageScope | None, on: date,
               card_no: str | None = None) -> tuple[Card, Coverage]:
    """The card a job's unit claims against and what it gives this job's work: the card
    named, else of the unit's cards (the job's own first on a tie) one that covers it."""
    kind = ServiceJobKind(job.kind)
    if kind is ServiceJobKind.INSTALLATION and job.area:  # at the customer's home: a visit
        kind = ServiceJobKind.ON_SITE
    work = {"job_kind": kind, "what": what}
    if card_no is not None:
        card = card_by_number(conn, card_no)
        return card, _coverage(conn, card, job.serial, on, **work)
    cards = cards_of_unit(conn, job.serial) if job.serial else []
    if job.card_id is not None:  # the job's card last: it wins a tie
        cards = [c for c in cards if c.id != job.card_id] + [card_by_id(conn, job.card_id)]
    if not cards:
        raise (UserError("claim.no_card", serial=job.serial) if job.serial
               else UserError("claim.no_unit", job=job.job_no))
    found = _best(conn, cards, job.serial, on, **work)
    return next(c for c in cards if c.card_no == found.card_no), found


def paid_service_reason(db: Database, *, job_no: str, what=None, on: date | None = None,
                        card_no: str | None = None) -> Message | None:
    """Why the job's service is paid (the message the job screen shows), or None when
    its card covers it. Nothing is written."""
    what, on = _what(what), on or date.today()
    with db.read_connection() as conn:
        job = _job(conn, job_no)
        try:  # no `what`: the work is what the card covers
            return _job_cover(conn, job, what, on, card_no)[1].why
        except UserError as refusal:
            if refusal.message_id in ("claim.no_card", "claim.no_unit"):
                return refusal.as_message()
            raise


def claim(db: Database, *, job_no: str, staff_id: int, what=None, on: date | None = None,
          card_no: str | None = None) -> ClaimView:
    """Record the job's service against its unit's card (see the module's rules):
    covered, or not and why. `what`: software / hardware / screen (default: what the
    card covers); `on`: the day of the service (default today); `card_no`: the card the
    customer shows (default: the job's card, else its unit's)."""
    what, on = _what(what), on or date.today()
    with db.write_connection() as conn:
        if conn.execute(select(Staff.id).where(Staff.id == staff_id,
                                               Staff.active.is_(True))).scalar() is None:
            raise UserError("permission.log_in_first")
        job = _job(conn, job_no, for_update=True)
        if job.state == ServiceJobState.CANCELLED:
            raise UserError("job.closed", job=job.job_no)
        card, found = _job_cover(conn, job, what, on, card_no)
        if found.reason in REFUSED:
            raise UserError("claim.expired" if found.reason == "claim.expired"
                            else "claim.unit_not_registered", **found.why.params)
        work = what or card.scope
        earlier = conn.execute(select(CLAIMS.c.claim_no).where(
            CLAIMS.c.job_id == job.id, CLAIMS.c.card_id == card.id,
            CLAIMS.c.what == work.value)).scalar()
        if earlier is not None:
            raise UserError("claim.already", job=job.job_no, claim=earlier, card=card.card_no)
        store_code = conn.execute(select(Store.code).where(Store.id == job.store_id)).scalar_one()
        claim_no = f"{store_code}-CL-{next_store_number(conn, job.store_id, 'claim'):06d}"
        now = utcnow()
        values = {"claim_no": claim_no, "card_id": card.id, "job_id": job.id,
                  "serial": job.serial, "covered": found.covered, "what": work.value,
                  "reason": found.reason, "staff_id": staff_id, "at": now}
        claim_id = conn.execute(CLAIMS.insert().values(**values)
                                .returning(CLAIMS.c.id)).scalar_one()
        append_event(conn, job_id=job.id, job_no=job.job_no, kind=JobEventKind.CLAIM,
                     staff_id=staff_id, at=now, details={
                         "claim": claim_no, "card": card.card_no, "covered": found.covered,
                         "what": work.value, "reason": found.reason})
        event_id = audit.record(conn, staff_id=staff_id, action=CARD_CLAIM, ref=claim_no,
                                details=claim_values(
                                    claim_no=claim_no, card_no=card.card_no, job_no=job.job_no,
                                    serial=job.serial, covered=found.covered, what=work.value,
                                    reason=found.reason, staff_id=staff_id, at=now))
        conn.execute(update(CardClaim).where(CardClaim.id == claim_id)
                     .values(event_id=event_id))
        return claims_of(conn, card, claim_id=claim_id)[0]


def claims_of(conn, card: Card, *, claim_id: int | None = None) -> list[ClaimView]:
    """A card's claims, oldest first (or the one `claim_id`)."""
    staff, technician = Staff.__table__.alias("staff"), Staff.__table__.alias("technician")
    query = (select(CLAIMS, JOBS.c.job_no, JOBS.c.kind, staff.c.name, technician.c.name)
             .outerjoin(JOBS, JOBS.c.id == CLAIMS.c.job_id)
             .outerjoin(staff, staff.c.id == CLAIMS.c.staff_id)
             .outerjoin(technician, technician.c.id == JOBS.c.technician_id)
             .where(CLAIMS.c.card_id == card.id).order_by(CLAIMS.c.at, CLAIMS.c.id))
    if claim_id is not None:
        query = query.where(CLAIMS.c.id == claim_id)
    views = []
    for row in conn.execute(query):
        job_no, kind, staff_name, tech_name = row[-4:]
        views.append(ClaimView(
            row.claim_no, card.card_no, job_no, ServiceJobKind(kind) if kind else None,
            row.serial, bool(row.covered), row.what, row.reason,
            why_paid(card, row.reason, row.serial), row.at, row.staff_id, staff_name,
            tech_name))
    return views
