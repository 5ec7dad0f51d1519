"""Selling on a service job (issue 20), and the attach selling of the departments.

`open_job_sale` opens the cart a technician sells on: for a unit sold here, an add-on
against the original unit (pos.selling.addons.open_addon, the installers' existing
flow); for a unit not sold here (a repair carried in), a plain sale to the job's
customer. Either way the cart carries the job (cart.job_id): completion links the sale
to the job (sales.job_id), marks the job's sheet items its lines satisfy sold with the
receipt, and seals the job's "sold" event, all in the sale's transaction
(pos.selling.job_link). A closed job (done, cancelled, collected) takes no sale.

`department_attach` gives the day and period reports their attach selling by
department (the counter's from the sales' sheets; installation, on-site and repair from
the jobs' sheets) and by technician."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import distinct, func, or_, select

from pos.db.engine import Database
from pos.db.models import (
    JobItemOutcome, Sale, SaleLine, ServiceJob, SheetOutcome, Staff, Store, Terminal,
)
from pos.kernel.enums import Department, DocumentKind, Outcome, OutcomeSubject
from pos.people.followup_plan import local_bounds
from pos.selling import addons, checkout
from pos.selling.cart import Cart, CartLine
from pos.service.job_sheet import job_sheet
from pos.service.jobs import check_worker, job_row
from pos.service.records import CLOSED_STATES
from pos.kernel.errors import UserError

JOBS, OUTCOMES = ServiceJob.__table__, JobItemOutcome.__table__


def open_job_sale(db: Database, *, job_no: str, staff_id: int, terminal: str) -> Cart:
    """The cart to sell on the job (see the module's words). Refused for a closed job,
    or a seller who does not work jobs (installers, managers, admins)."""
    with db.read_connection() as conn:
        job = job_row(conn, job_no)
        if job.state in CLOSED_STATES:
            raise UserError("job.closed", job=job.job_no)
        check_worker(conn, staff_id)
        unit = None
        if job.sale_id is not None and job.unit_line_id is not None:
            unit = conn.execute(select(Sale.receipt_no, SaleLine.position)
                                .join(SaleLine, SaleLine.sale_id == Sale.id)
                                .where(SaleLine.id == job.unit_line_id)).first()
    if unit is not None:
        cart = addons.open_addon(db, receipt_no=unit.receipt_no, staff_id=staff_id,
                                 terminal=terminal, unit_position=unit.position)
    else:
        cart = checkout.open_cart(db, staff_id=staff_id, terminal=terminal)
        if job.customer_id is not None:
            checkout.set_customer(db, cart, customer_id=job.customer_id)
    cart.job_id = job.id
    return cart


def add_job_item(db: Database, cart: Cart, *, job_no: str, item_code: str,
                 sku: str | None = None) -> CartLine:
    """Put an item of the job's sheet in the job's cart: its dearest product, or the one
    `sku` names (one of the item's). Completion marks the item sold on the job."""
    sheet = job_sheet(db, job_no=job_no)
    item = sheet.item(str(item_code or "").strip())
    if item is None:
        raise UserError("job.item_not_on_sheet", item=str(item_code)[:40], job=sheet.job_no)
    product = item.products[0] if sku is None else next(
        (p for p in item.products if p.sku == sku), None)
    if product is None:
        raise UserError("sheet.product_not_for_item", item=item.name)
    return checkout.add_product(db, cart, code=product.sku)


# --- attach selling by department and by technician ----------------------------------


@dataclass(frozen=True)
class DepartmentAttach:
    """A department's period: units (the counter) or jobs, how many left with at least
    one sheet item sold, and the items sold."""

    key: str  # counter, installation, on_site, repair; or a technician's name
    base: int
    attached: int
    items_sold: int

    @property
    def rate_bp(self) -> int:
        return 0 if not self.base else self.attached * 10_000 // self.base


def department_attach(conn, *, start: date, end: date, units: list,
                      terminal: str | None = None, store: str | None = None,
                      ) -> tuple[list[DepartmentAttach], list[DepartmentAttach]]:
    """The period's attach selling by department and by technician; ([], []) when no
    job was worked in it. A job counts in the period when it was registered in it or
    an item of its sheet was recorded in it; its items sold are those recorded sold in
    the period (a sale on the job). A technician is the job's (else who sold on it).
    The counter's are the period's `units` (pos.day.kpis.Unit: kept, with the sheet
    items they left with) less the sheet items sold on a job's add-on to them."""
    begin, finish = local_bounds(start, (end - start).days + 1)
    jobs = select(JOBS.c.id, JOBS.c.kind, JOBS.c.technician_id).where(or_(
        (JOBS.c.registered_at >= begin) & (JOBS.c.registered_at < finish),
        JOBS.c.id.in_(select(OUTCOMES.c.job_id).where(OUTCOMES.c.at >= begin,
                                                      OUTCOMES.c.at < finish))))
    if store:
        jobs = jobs.where(JOBS.c.store_id == select(Store.id).where(Store.code == store)
                          .scalar_subquery())
    if terminal:
        jobs = jobs.where(JOBS.c.store_id == select(Terminal.store_id)
                          .where(Terminal.code == terminal).scalar_subquery())
    worked = {row.id: row for row in conn.execute(jobs)}
    if not worked:
        return [], []
    sold: dict[int, list[int | None]] = {}  # job -> who sold each item
    for job_id, staff_id in conn.execute(
            select(OUTCOMES.c.job_id, OUTCOMES.c.staff_id)
            .where(OUTCOMES.c.job_id.in_(list(worked)), OUTCOMES.c.outcome == Outcome.SOLD.value,
                   OUTCOMES.c.at >= begin, OUTCOMES.c.at < finish)):
        sold.setdefault(job_id, []).append(staff_id)
    names = dict(conn.execute(select(Staff.id, Staff.name)).all())
    by_department: dict[str, list[int]] = {d.value: [0, 0, 0] for d in Department
                                           if d is not Department.COUNTER}
    by_technician: dict[str, list[int]] = {}
    for job_id, job in worked.items():
        items = sold.get(job_id, [])
        kind = getattr(job.kind, "value", job.kind)
        who = job.technician_id if job.technician_id is not None else (
            items[0] if items else None)
        for row in (by_department[kind],) + ((by_technician.setdefault(
                names.get(who, "?"), [0, 0, 0]),) if who is not None else ()):
            row[0] += 1
            row[1] += 1 if items else 0
            row[2] += len(items)
    departments = [_counter(conn, start, end, units)] + [
        DepartmentAttach(key, *row) for key, row in by_department.items()]
    technicians = [DepartmentAttach(name, *row) for name, row in sorted(by_technician.items())]
    return departments, technicians


def _counter(conn, start: date, end: date, units: list) -> DepartmentAttach:
    """The counter's units, each with the sheet items it left with less those sold on a
    job's add-on to it in the period (those are the job's department's)."""
    on_jobs: dict[int, int] = {}
    for line_id, items in conn.execute(
            select(SheetOutcome.main_line_id, func.count(distinct(SheetOutcome.sheet_item_id)))
            .join(Sale, Sale.id == SheetOutcome.sale_id)
            .where(Sale.business_date >= start, Sale.business_date <= end,
                   Sale.job_id.is_not(None), Sale.kind == DocumentKind.ADDON,
                   SheetOutcome.subject == OutcomeSubject.SHEET_ITEM,
                   SheetOutcome.outcome == Outcome.SOLD)
            .group_by(SheetOutcome.main_line_id)):
        on_jobs[line_id] = int(items)
    items = [max(0, unit.items_sold - on_jobs.get(unit.line_id, 0)) for unit in units]
    return DepartmentAttach(Department.COUNTER.value, len(items), sum(1 for n in items if n),
                            sum(items))
