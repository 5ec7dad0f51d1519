"""Registering a service job (安调 installation, 上门 on-site visit, 送修 repair intake).

A job is a numbered document of its store (S01-JB-000001, store counter "job"): one row
of service_jobs and, for every change, one sealed row of job_events
(pos.ledger.job_events), written in the same transaction. The `registered` event seals
everything the job was registered with (pos.ledger.job_reconcile.registered_values).

Rules checked before anything is written (UserError, nothing changes):
- an installation or on-site visit is for a unit sold here: by its receipt (the sale's
  main unit, or the one at `unit_line`, its position on the receipt) or by its serial
  (a unit sold and not taken back, or a unit a business card covers); an unknown serial
  is refused (job.unknown_serial) unless the job is a repair carry-in, which takes it in
  flagged `not_sold_here`;
- an on-site visit needs its area, a key of setting service_promise (job.needs_area,
  job.bad_area); an installation may give one (at the customer's home) or none (at the
  counter); `due_at` = registration + the area's promise; repairs have no promise;
- priority 1..3; an appointment (start, end) not in the past, ending after it starts; a
  repair needs its fault; an estimate is >= 0; the need is required.
- the same `request_id` again returns the job registered the first time.

The job's card: the active service card of its unit (service_cards by the unit's sale
line or serial, or card_units for a business card); claims against it are
pos.service.claims' work."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import exists, or_, select

from pos.accounts.accounts import resolve_customer, store_for
from pos.db.engine import Database
from pos.db.models import (
    CardUnit, Customer, JobEvent, Sale, SaleLine, ServiceCard, ServiceJob, Staff, Store,
)
from pos.kernel.clock import utcnow
from pos.kernel.enums import (
    CardState, JobEventKind, LineKind, ServiceJobKind, ServiceJobState, StaffRole,
)
from pos.kernel.errors import UserError
from pos.kernel.text import clean_text
from pos.ledger.job_events import append_event
from pos.ledger.job_reconcile import registered_values
from pos.ledger.stock_tables import next_store_number
from pos.ledger.tables import original_sale
from pos.service.records import CLOSED_STATES, JobEventView, JobView
from pos.store.settings import get_setting

JOBS = ServiceJob.__table__
NEED_MAX = 500
FAULT_MAX = 500
SHORT_MAX = 300  # address, accessories, condition (their columns)
ESTIMATE_MOST = 10**12
WORKERS = frozenset({StaffRole.INSTALLER, StaffRole.MANAGER, StaffRole.ADMIN})
FIRST_STATE = {ServiceJobKind.INSTALLATION: ServiceJobState.REGISTERED,
               ServiceJobKind.ON_SITE: ServiceJobState.REGISTERED,
               ServiceJobKind.REPAIR: ServiceJobState.RECEIVED}


def job_kind(kind) -> ServiceJobKind:
    try:
        return ServiceJobKind(getattr(kind, "value", kind))
    except ValueError:
        raise UserError("job.bad_kind", kind=str(kind)[:40]) from None


def job_state(state) -> ServiceJobState:
    try:
        return ServiceJobState(getattr(state, "value", state))
    except ValueError:
        raise UserError("job.bad_state", state=str(state)[:40],
                        states=[s.value for s in ServiceJobState]) from None


def staff_role(conn, staff_id: int) -> StaffRole:
    role = conn.execute(select(Staff.role).where(Staff.id == staff_id,
                                                 Staff.active.is_(True))).scalar()
    if role is None:
        raise UserError("job.staff_unknown", staff=staff_id)
    return role


def check_worker(conn, staff_id: int) -> None:
    """Jobs are worked by installers (the technicians), managers and admins."""
    if staff_role(conn, staff_id) not in WORKERS:
        raise UserError("job.not_allowed")


def technician_id(conn, technician) -> int | None:
    """A technician by staff id, `#id` or name: an active installer, manager or admin."""
    if technician is None or technician == "":
        return None
    text = str(technician).strip()
    query = select(Staff.id, Staff.role).where(Staff.active.is_(True))
    if isinstance(technician, int) and not isinstance(technician, bool):
        query = query.where(Staff.id == technician)
    elif text.lstrip("#").isdigit():
        query = query.where(Staff.id == int(text.lstrip("#")))
    else:
        query = query.where(Staff.name == text)
    found = conn.execute(query).first()
    if found is None or found.role not in WORKERS:
        raise UserError("job.technician_unknown", name=text[:40])
    return found.id


def check_appointment(appointment, now: datetime) -> tuple[datetime, datetime] | None:
    if appointment is None:
        return None
    start, end = appointment
    if start is None or end is None or start.tzinfo is None or end.tzinfo is None:
        raise UserError("job.appointment_order")
    if start < now - timedelta(minutes=1):
        raise UserError("job.appointment_past", when=start)
    if end <= start:
        raise UserError("job.appointment_order")
    return start, end


def _taken_back(line):
    other = SaleLine.__table__.alias("taken")
    return exists(select(other.c.id).where(other.c.original_line_id == line.c.id))


def _sold_unit(conn, serial: str):
    """The sale line that sold this serial here and stands (not taken back)."""
    line = SaleLine.__table__
    return conn.execute(select(line).join(Sale, Sale.id == line.c.sale_id).where(
        line.c.serial == serial, line.c.kind == LineKind.MAIN_UNIT.value, line.c.quantity > 0,
        line.c.original_line_id.is_(None), ~_taken_back(line))
        .order_by(line.c.id.desc()).limit(1)).first()


def _unit_of_receipt(conn, receipt: str, unit_line: int | None, serial: str | None):
    sale = original_sale(conn, clean_text(receipt, max_length=32, field="field.receipt"))
    line = SaleLine.__table__
    units = conn.execute(select(line).where(
        line.c.sale_id == sale.id, line.c.kind == LineKind.MAIN_UNIT.value)
        .order_by(line.c.position)).all()
    if unit_line is not None:
        found = next((u for u in units if u.position == unit_line), None)
        if found is None:
            raise UserError("job.no_unit_line", receipt=sale.receipt_no, line=unit_line)
        return found
    if serial:
        found = next((u for u in units if u.serial == serial), None)
        if found is None:
            raise UserError("job.unit_not_on_receipt", serial=serial, receipt=sale.receipt_no)
        return found
    if not units:
        raise UserError("job.no_unit_on_receipt", receipt=sale.receipt_no)
    if len(units) > 1:
        raise UserError("job.choose_unit", receipt=sale.receipt_no)
    return units[0]


def _card_of(conn, line_id: int | None, serial: str | None) -> int | None:
    """The active service card of a unit: its own (by sale line or serial), else a
    business card that covers it."""
    cards = ServiceCard.__table__
    conditions = []
    if line_id is not None:
        conditions.append(cards.c.main_line_id == line_id)
    if serial:
        conditions.append(cards.c.unit_serial == serial)
    if conditions:
        found = conn.execute(select(cards.c.id).where(
            or_(*conditions), cards.c.state == CardState.ACTIVE.value)
            .order_by(cards.c.id.desc()).limit(1)).scalar()
        if found is not None:
            return found
    if serial:
        return conn.execute(select(CardUnit.card_id).join(
            ServiceCard, ServiceCard.id == CardUnit.card_id).where(
            CardUnit.serial == serial, ServiceCard.state == CardState.ACTIVE.value)
            .order_by(CardUnit.id.desc()).limit(1)).scalar()
    return None


def register_job(db: Database, *, kind, staff_id: int, request_id: str, customer=None,
                 receipt: str | None = None, unit_line: int | None = None,
                 serial: str | None = None, need: str, priority: int = 2,
                 area: str | None = None, address: str = "", contact_phone: str | None = None,
                 technician=None, appointment: tuple[datetime, datetime] | None = None,
                 fault: str = "", accessories: str = "", condition: str = "",
                 estimate: int | None = None, terminal: str | None = None,
                 now: datetime | None = None) -> JobView:
    """Register a job (see the module's rules). `customer`: phone, `#id` or id (else the
    sale's customer); `technician`: staff id, `#id` or name; `unit_line`: the unit's
    position on the receipt. The same request id again returns the job registered then
    (`replayed`)."""
    kind = job_kind(kind)
    now = now or utcnow()
    request_id = clean_text(request_id, max_length=36, field="field.reference", required=True)
    need = clean_text(need, max_length=NEED_MAX, field="field.job_need", single_line=False)
    if not need:
        raise UserError("job.needs_need")
    if isinstance(priority, bool) or not isinstance(priority, int) or not 1 <= priority <= 3:
        raise UserError("job.bad_priority")
    fault = clean_text(fault, max_length=FAULT_MAX, field="field.fault", single_line=False)
    if kind is ServiceJobKind.REPAIR and not fault:
        raise UserError("job.needs_fault")
    accessories = clean_text(accessories, max_length=SHORT_MAX, field="field.accessories")
    condition = clean_text(condition, max_length=SHORT_MAX, field="field.condition")
    address = clean_text(address, max_length=SHORT_MAX, field="field.address")
    phone = clean_text(contact_phone, max_length=32, field="field.phone") or None
    serial = clean_text(serial, max_length=64, field="field.text") or None
    if estimate is not None and (isinstance(estimate, bool) or not isinstance(estimate, int)
                                 or estimate < 0 or estimate > ESTIMATE_MOST):
        raise UserError("job.estimate_negative")
    appointment = check_appointment(appointment, now)
    with db.write_connection() as conn:
        done = conn.execute(select(JOBS.c.job_no).where(JOBS.c.request_id == request_id)).scalar()
        if done is not None:
            return load_view(conn, done, replayed=True)
        staff_role(conn, staff_id)
        promise = get_setting(conn, "service_promise")
        area = (area or "").strip() or None
        if area is not None and area not in promise:
            raise UserError("job.bad_area", area=area[:20], areas=list(promise))
        if kind is ServiceJobKind.ON_SITE and area is None:
            raise UserError("job.needs_area", areas=list(promise))
        if kind is ServiceJobKind.REPAIR:
            area = None  # a carry-in: no promise
        unit = None
        not_sold_here = False
        if receipt:
            unit = _unit_of_receipt(conn, receipt, unit_line, serial)
        elif serial:
            unit = _sold_unit(conn, serial)
            if unit is None:
                if kind is ServiceJobKind.REPAIR or _card_of(conn, None, serial) is not None:
                    not_sold_here = True
                else:
                    raise UserError("job.unknown_serial", serial=serial)
        else:
            raise UserError("job.needs_unit")
        sale = None
        if unit is not None:
            sale = conn.execute(select(Sale.id, Sale.customer_id).where(
                Sale.id == unit.sale_id)).first()
            serial = unit.serial or serial
        if customer not in (None, ""):
            customer_id = resolve_customer(conn, customer).id
        else:
            customer_id = sale.customer_id if sale is not None else None
        tech = technician_id(conn, technician)
        store_id = store_for(conn, terminal)
        store_code = conn.execute(select(Store.code).where(Store.id == store_id)).scalar_one()
        job_no = f"{store_code}-JB-{next_store_number(conn, store_id, 'job'):06d}"
        values = {
            "job_no": job_no, "store_id": store_id, "kind": kind,
            "state": FIRST_STATE[kind], "customer_id": customer_id,
            "sale_id": sale.id if sale is not None else None,
            "unit_line_id": unit.id if unit is not None else None,
            "product_id": unit.product_id if unit is not None else None, "serial": serial,
            "unit_name": unit.name if unit is not None else "", "not_sold_here": not_sold_here,
            "need": need, "priority": priority, "area": area, "address": address,
            "contact_phone": phone, "technician_id": tech,
            "appointment_start": appointment[0] if appointment else None,
            "appointment_end": appointment[1] if appointment else None,
            "registered_at": now,
            "due_at": now + timedelta(minutes=promise[area]) if area is not None else None,
            "fault": fault, "accessories": accessories, "condition": condition,
            "estimate": estimate, "diagnosis": "",
            "card_id": _card_of(conn, unit.id if unit is not None else None, serial),
            "created_by": staff_id, "request_id": request_id,
        }
        job_id = conn.execute(JOBS.insert().values(
            **{k: getattr(v, "value", v) for k, v in values.items()})
            .returning(JOBS.c.id)).scalar_one()
        append_event(conn, job_id=job_id, job_no=job_no, kind=JobEventKind.REGISTERED,
                     staff_id=staff_id, to_state=FIRST_STATE[kind],
                     details=registered_values(values), at=now)
        return load_view(conn, job_no)


# --- reading a job ---------------------------------------------------------------------

def job_row(conn, job_no: str, *, for_update: bool = False):
    """The job's row (locked for the change when `for_update`), or UserError job.unknown."""
    job_no = (job_no or "").strip().upper()
    query = select(JOBS).where(JOBS.c.job_no == job_no)
    if for_update:
        query = query.with_for_update()
    job = conn.execute(query).first()
    if job is None:
        raise UserError("job.unknown", job=job_no[:30])
    return job


def open_job(conn, job_no: str):
    """A job to change: it must exist and not be closed."""
    job = job_row(conn, job_no, for_update=True)
    if job.state in CLOSED_STATES:
        raise UserError("job.closed", job=job.job_no)
    return job


def load_view(conn, job_no: str, *, replayed: bool = False, events: bool = True) -> JobView:
    job = job_row(conn, job_no)
    tech = Staff.__table__.alias("tech")
    extra = conn.execute(select(Customer.name, Customer.phone, Sale.receipt_no, tech.c.name,
                                ServiceCard.card_no)
                         .select_from(JOBS)
                         .outerjoin(Customer, Customer.id == JOBS.c.customer_id)
                         .outerjoin(Sale, Sale.id == JOBS.c.sale_id)
                         .outerjoin(tech, tech.c.id == JOBS.c.technician_id)
                         .outerjoin(ServiceCard, ServiceCard.id == JOBS.c.card_id)
                         .where(JOBS.c.id == job.id)).one()
    found = ()
    if events:
        found = tuple(
            JobEventView(e.id, e.at, e.staff_id, e.staff_name, e.kind, e.from_state, e.to_state,
                         json.loads(e.details_json))
            for e in conn.execute(select(JobEvent.__table__, Staff.name.label("staff_name"))
                                  .outerjoin(Staff, Staff.id == JobEvent.staff_id)
                                  .where(JobEvent.job_id == job.id).order_by(JobEvent.id)))
    return JobView(
        job.id, job.job_no, job.store_id, job.kind, job.state, job.customer_id, extra[0],
        extra[1], job.sale_id, extra[2], job.unit_line_id, job.product_id, job.serial,
        job.unit_name, bool(job.not_sold_here), job.need, job.priority, job.area, job.address,
        job.contact_phone, job.technician_id, extra[3], job.appointment_start,
        job.appointment_end, job.registered_at, job.due_at, job.arrived_at, job.done_at,
        job.cancelled_at, job.fault, job.accessories, job.condition, job.estimate,
        job.diagnosis, job.card_id, extra[4], job.created_by, found, replayed)
