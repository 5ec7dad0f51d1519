"""Leads (商机): people and companies who have not bought yet (or customers with a new
need), with the salesperson's five needs answers (五问: who uses it, what for, what they
can use, what they value, the summary), an owner and a next contact date; and the
hand-over (转单) of a lead or a customer to a team, sealed as a `handover` audit event.

Anyone may add a lead at the counter; managers, admins and customer managers look after
them (update, move, hand over). Leads are working data, not sealed: only the hand-over
is. Each service checks every rule before it writes, in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime

from sqlalchemy import select

from pos.db.engine import Database
from pos.db.models import Customer, Lead, Staff
from pos.kernel.clock import utcnow
from pos.kernel.enums import CustomerKind, LeadKind, LeadState, StaffRole, Team
from pos.kernel.errors import UserError
from pos.kernel.text import clean_text
from pos.ledger import audit
from pos.ledger.stock_opening import home_store
from pos.people.customers import COMPANY_MAX, NAME_MAX, normalise_phone

KEEPERS = frozenset({StaffRole.MANAGER, StaffRole.ADMIN, StaffRole.CUSTOMER_MANAGER})
NEED_MAX, WECHAT_MAX, REASON_MAX, NOTE_MAX = 500, 64, 200, 200
# Where a lead may go from each state (hand_over moves it to transferred).
TRANSITIONS = {
    LeadState.OPEN: {LeadState.QUOTED, LeadState.WON, LeadState.LOST, LeadState.TRANSFERRED},
    LeadState.QUOTED: {LeadState.OPEN, LeadState.WON, LeadState.LOST, LeadState.TRANSFERRED},
    LeadState.TRANSFERRED: {LeadState.WON, LeadState.LOST},
    LeadState.LOST: {LeadState.OPEN},
    LeadState.WON: set(),
}
_UNSET = object()


@dataclass(frozen=True)
class Needs:
    """The five needs answers (free text, 500 characters each)."""

    who: str = ""
    what: str = ""
    can_use: str = ""
    values: str = ""
    summary: str = ""

    @classmethod
    def of(cls, value) -> Needs:
        if value is None:
            return cls()
        if isinstance(value, Needs):
            answers = {f.name: getattr(value, f.name) for f in fields(cls)}
        else:
            answers = {f.name: dict(value).get(f.name, "") for f in fields(cls)}
        return cls(**{name: clean_text(text, max_length=NEED_MAX, single_line=False,
                                       field=f"field.need_{name}")
                      for name, text in answers.items()})


@dataclass(frozen=True)
class LeadInfo:
    id: int
    store_id: int
    kind: str  # LeadKind value
    contact_name: str
    phone: str | None
    wechat: str | None
    company: str | None
    customer_id: int | None
    needs: Needs
    owner_id: int | None
    owner_name: str | None
    next_contact_on: date | None
    state: str  # LeadState value
    lost_reason: str | None
    team: str | None
    handed_over_at: datetime | None
    handed_over_by: int | None
    created_by: int | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class HandedOver:
    lead_id: int | None
    customer_id: int | None
    team: str
    to_staff: int | None
    at: datetime
    event_id: int


def _role(conn, staff_id: int) -> StaffRole:
    role = conn.execute(select(Staff.role).where(Staff.id == staff_id,
                                                 Staff.active.is_(True))).scalar()
    if role is None:
        raise UserError("permission.log_in_first")
    return StaffRole(role)


def _keeper(conn, staff_id: int) -> None:
    if _role(conn, staff_id) not in KEEPERS:
        raise UserError("lead.not_allowed")


def _staff(conn, staff_id) -> int | None:
    if staff_id is None:
        return None
    if isinstance(staff_id, bool) or not isinstance(staff_id, int) or conn.execute(
            select(Staff.id).where(Staff.id == staff_id, Staff.active.is_(True))).scalar() is None:
        raise UserError("lead.owner_unknown", owner=str(staff_id)[:40])
    return staff_id


def _customer(conn, customer_id) -> int | None:
    if customer_id is None:
        return None
    if isinstance(customer_id, bool) or not isinstance(customer_id, int) or conn.execute(
            select(Customer.id).where(Customer.id == customer_id)).scalar() is None:
        raise UserError("customer.unknown", customer=f"#{customer_id}"[:40])
    return customer_id


def _kind(kind) -> LeadKind:
    try:
        return LeadKind(kind)
    except ValueError:
        raise UserError("lead.bad_kind", kind=str(kind)[:40]) from None


def _contact(contact_name, phone, wechat, company) -> dict:
    name = clean_text(contact_name, max_length=NAME_MAX, field="field.name")
    if not name:
        raise UserError("lead.needs_name")
    phone = normalise_phone(phone) if phone not in (None, "") else None
    wechat = clean_text(wechat, max_length=WECHAT_MAX, field="field.wechat") or None
    if phone is None and wechat is None:
        raise UserError("lead.needs_contact")
    company = clean_text(company, max_length=COMPANY_MAX, field="field.company") or None
    return {"contact_name": name, "phone": phone, "wechat": wechat, "company": company}


def _need_columns(needs: Needs) -> dict:
    return {f"need_{f.name}": getattr(needs, f.name) for f in fields(Needs)}


def _store(conn, store) -> int:
    from pos.db.models import Store

    if store is None:
        return home_store(conn)
    found = conn.execute(select(Store.id).where(Store.code == str(store))).scalar()
    if found is None:
        raise UserError("store.unknown", store=str(store)[:20])
    return found


def add_lead(db: Database, *, staff_id: int, kind, contact_name: str, phone: str | None = None,
             wechat: str | None = None, company: str | None = None, needs=None,
             owner_id: int | None = None, next_contact_on: date | None = None,
             customer_id: int | None = None, store: str | None = None,
             referred_by: int | None = None) -> LeadInfo:
    """A new open lead (anyone may add one at the counter). Without an owner, a manager
    or customer manager who adds it looks after it."""
    values = {"kind": _kind(kind).value, **_contact(contact_name, phone, wechat, company),
              **_need_columns(Needs.of(needs)), "next_contact_on": next_contact_on}
    with db.write_connection() as conn:
        role = _role(conn, staff_id)
        owner = _staff(conn, owner_id)
        if owner is None and role in KEEPERS:
            owner = staff_id
        now = utcnow()
        lead_id = conn.execute(Lead.__table__.insert().values(
            **values, store_id=_store(conn, store), customer_id=_customer(conn, customer_id),
            owner_id=owner, referred_by=_staff(conn, referred_by), state=LeadState.OPEN.value,
            created_by=staff_id, created_at=now, updated_at=now).returning(Lead.id)).scalar_one()
        return _info(conn, lead_id)


def update_lead(db: Database, *, lead_id: int, staff_id: int, kind=_UNSET, contact_name=_UNSET,
                phone=_UNSET, wechat=_UNSET, company=_UNSET, needs=_UNSET, owner_id=_UNSET,
                next_contact_on=_UNSET, customer_id=_UNSET) -> LeadInfo:
    """Change what is given (anything left out stays); the lead still needs a name and a
    phone or WeChat id."""
    with db.write_connection() as conn:
        _keeper(conn, staff_id)
        row = _row(conn, lead_id)
        given = lambda value, current: current if value is _UNSET else value  # noqa: E731
        values = {"kind": _kind(given(kind, row.kind)).value,
                  **_contact(given(contact_name, row.contact_name), given(phone, row.phone),
                             given(wechat, row.wechat), given(company, row.company)),
                  "next_contact_on": given(next_contact_on, row.next_contact_on),
                  "owner_id": _staff(conn, given(owner_id, row.owner_id)),
                  "customer_id": _customer(conn, given(customer_id, row.customer_id)),
                  "updated_at": utcnow()}
        if needs is not _UNSET:
            values.update(_need_columns(Needs.of(needs)))
        conn.execute(Lead.__table__.update().where(Lead.id == row.id).values(**values))
        return _info(conn, row.id)


def move_lead(db: Database, *, lead_id: int, to, reason: str | None = None, staff_id: int,
              customer_id: int | None = None) -> LeadInfo:
    """Move a lead along TRANSITIONS. Lost needs a reason; won links the lead's customer
    (the one given, the lead's own, or the one with its phone) or creates it."""
    reason = clean_text(reason, max_length=REASON_MAX, field="field.reason") or None
    with db.write_connection() as conn:
        _keeper(conn, staff_id)
        row = _row(conn, lead_id)
        current = LeadState(row.state)
        try:
            target = LeadState(to)
        except ValueError:
            raise UserError("value.not_one_of", text=str(to)[:40],
                            allowed=[s.value for s in LeadState]) from None
        if target is LeadState.TRANSFERRED:  # only by a hand-over, which names the team
            target = None
        _check_move(current, target)
        values = {"state": target.value, "updated_at": utcnow()}
        if target is LeadState.LOST:
            if not reason:
                raise UserError("lead.lost_needs_reason")
            values["lost_reason"] = reason
        elif target is LeadState.OPEN:
            values["lost_reason"] = None
        elif target is LeadState.WON:
            values["customer_id"] = _won_customer(conn, row, _customer(conn, customer_id))
        conn.execute(Lead.__table__.update().where(Lead.id == row.id).values(**values))
        return _info(conn, row.id)


def _check_move(current: LeadState, target: LeadState | None) -> None:
    if target is None or target not in TRANSITIONS[current]:
        to = LeadState.TRANSFERRED if target is None else target
        raise UserError("lead.bad_transition", **{"from": f"lead.state.{current.value}",
                                                  "to": f"lead.state.{to.value}"})


def _won_customer(conn, row, given: int | None) -> int:
    if given is not None:
        return given
    if row.customer_id is not None:
        return row.customer_id
    if row.phone is None:
        raise UserError("lead.won_needs_phone")
    found = conn.execute(select(Customer.id).where(Customer.phone == row.phone)).scalar()
    if found is not None:
        return found
    kind = CustomerKind.BUSINESS if row.company else CustomerKind.CONSUMER
    return conn.execute(Customer.__table__.insert().values(
        phone=row.phone, name=row.contact_name, kind=kind.value, company=row.company,
        created_at=utcnow(), owner_id=row.owner_id).returning(Customer.id)).scalar_one()


def hand_over(db: Database, *, lead_id: int | None = None, customer_id: int | None = None,
              team, to_staff: int | None = None, staff_id: int, note: str = "") -> HandedOver:
    """转单: a lead or a customer passes to a team (and, if named, the staff member who
    takes it on). The team, who handed over and when are recorded on the lead or the
    customer and sealed as a `handover` audit event; a lead moves to transferred."""
    if (lead_id is None) == (customer_id is None):
        raise ValueError("hand_over takes a lead or a customer")
    try:
        team_value = Team(team)
    except ValueError:
        raise UserError("handover.team_unknown", team=str(team)[:40]) from None
    note = clean_text(note, max_length=NOTE_MAX, field="field.notes")
    with db.write_connection() as conn:
        _keeper(conn, staff_id)
        to_staff = _staff(conn, to_staff)
        now = utcnow()
        handed = {"team": team_value.value, "handed_over_at": now, "handed_over_by": staff_id}
        if to_staff is not None:
            handed["owner_id"] = to_staff
        if lead_id is not None:
            row = _row(conn, lead_id)
            _check_move(LeadState(row.state), LeadState.TRANSFERRED)
            conn.execute(Lead.__table__.update().where(Lead.id == row.id).values(
                **handed, state=LeadState.TRANSFERRED.value, updated_at=now))
            customer_id, ref = row.customer_id, f"lead:{row.id}"
        else:
            _customer(conn, customer_id)
            conn.execute(Customer.__table__.update().where(Customer.id == customer_id)
                         .values(**handed))
            ref = f"customer:{customer_id}"
        event = audit.record(conn, staff_id=staff_id, action="handover", ref=ref, details={
            "lead": lead_id, "customer": customer_id, "team": team_value.value,
            "to_staff": to_staff, "note": note})
        return HandedOver(lead_id, customer_id, team_value.value, to_staff, now, event)


def list_leads(db: Database, *, owner: int | None = None, state=None,
               due_by: date | None = None) -> list[LeadInfo]:
    """Leads, those to contact first (by next contact date, then the newest)."""
    states = None
    if state is not None:
        try:
            states = [LeadState(s).value for s in ([state] if isinstance(state, str) else state)]
        except ValueError:
            raise UserError("value.not_one_of", text=str(state)[:40],
                            allowed=[s.value for s in LeadState]) from None
    with db.read_connection() as conn:
        query = select(Lead.id)
        if owner is not None:
            query = query.where(Lead.owner_id == owner)
        if states is not None:
            query = query.where(Lead.state.in_(states))
        if due_by is not None:
            query = query.where(Lead.next_contact_on <= due_by)
        ids = conn.execute(query.order_by(Lead.next_contact_on.is_(None), Lead.next_contact_on,
                                          Lead.id.desc())).scalars().all()
        return _infos(conn, ids)


def get_lead(db: Database, *, lead_id: int) -> LeadInfo:
    with db.read_connection() as conn:
        return _info(conn, _row(conn, lead_id).id)


def _row(conn, lead_id):
    row = None
    if isinstance(lead_id, int) and not isinstance(lead_id, bool):
        row = conn.execute(select(Lead.__table__).where(Lead.id == lead_id)).first()
    if row is None:
        raise UserError("lead.unknown", lead=str(lead_id)[:40])
    return row


def _info(conn, lead_id: int) -> LeadInfo:
    return _infos(conn, [lead_id])[0]


def _infos(conn, ids: list[int]) -> list[LeadInfo]:
    if not ids:
        return []
    table = Lead.__table__
    rows = {}
    for start in range(0, len(ids), 500):
        for row in conn.execute(select(table, Staff.name.label("owner_name"))
                                .outerjoin(Staff, Staff.id == table.c.owner_id)
                                .where(table.c.id.in_(ids[start:start + 500]))):
            rows[row.id] = row
    return [LeadInfo(
        r.id, r.store_id, LeadKind(r.kind).value, r.contact_name, r.phone, r.wechat, r.company,
        r.customer_id, Needs(r.need_who, r.need_what, r.need_can_use, r.need_values,
                             r.need_summary),
        r.owner_id, r.owner_name, r.next_contact_on, LeadState(r.state).value, r.lost_reason,
        r.team, r.handed_over_at, r.handed_over_by, r.created_by, r.created_at, r.updated_at)
        for r in (rows[i] for i in ids)]
