"""A sale made on a service job (issue 20), inside the sale's own transaction: the sale
names its job (sales.job_id, not in the sealed sale payload), the job gets a "sold"
event sealed in the journal (the job, the receipt, the sheet items sold), and the items
of the job's sheet that the sale's lines satisfy are marked sold on the job
(job_item_outcomes.sold_sale_id). A job that is closed (done, cancelled, collected)
takes no sale: the whole sale is refused and nothing is written.

The job's sheet is its department's (the job's kind) for the unit's category
(department_sheets); a unit of no known category (a repair of a unit not sold here)
takes the department's first sheet."""

from __future__ import annotations

from sqlalchemy import select, update

from pos.db.models import (
    DepartmentSheet, JobItemOutcome, Product, Sale, ServiceJob, SheetItem, SheetItemProduct,
    SheetSection, SheetTemplate,
)
from pos.kernel.clock import utcnow
from pos.kernel.enums import Department, JobEventKind, Outcome, ServiceJobState
from pos.kernel.errors import UserError
from pos.ledger.job_events import append_event
from pos.selling.cart import Cart

CLOSED = (ServiceJobState.DONE, ServiceJobState.CANCELLED, ServiceJobState.COLLECTED)
JOBS, OUTCOMES = ServiceJob.__table__, JobItemOutcome.__table__


def job_template(conn, *, kind, product_id: int | None) -> int | None:
    """The sheet a job of this kind proposes from for its unit (None: the department has
    none)."""
    department = Department(getattr(kind, "value", kind))
    if product_id is not None:
        template = conn.execute(
            select(DepartmentSheet.template_id)
            .join(Product, Product.category_id == DepartmentSheet.category_id)
            .where(Product.id == product_id, DepartmentSheet.department == department)).scalar()
        if template is not None:
            return template
    return conn.execute(select(SheetTemplate.id).where(SheetTemplate.department == department)
                        .order_by(SheetTemplate.id).limit(1)).scalar()


def template_items(conn, template_id: int) -> list[tuple[int, str, str, list[int]]]:
    """(item id, code, name, product ids) of a sheet, in the sheet's order."""
    rows = conn.execute(
        select(SheetItem.id, SheetItem.code, SheetItem.name, SheetItemProduct.product_id)
        .join(SheetSection, SheetSection.id == SheetItem.section_id)
        .outerjoin(SheetItemProduct, SheetItemProduct.item_id == SheetItem.id)
        .where(SheetSection.template_id == template_id)
        .order_by(SheetSection.position, SheetItem.position, SheetItemProduct.position)).all()
    items: dict[int, tuple[int, str, str, list[int]]] = {}
    for item_id, code, name, product_id in rows:
        entry = items.setdefault(item_id, (item_id, code, name, []))
        if product_id is not None:
            entry[3].append(product_id)
    return list(items.values())


def open_job(conn, job_id: int, *, lock: bool = False):
    """The job's row, refused when unknown or closed."""
    query = select(JOBS).where(JOBS.c.id == job_id)
    if lock:
        query = query.with_for_update()
    job = conn.execute(query).first()
    if job is None:
        raise UserError("job.unknown", job=str(job_id))
    if ServiceJobState(job.state) in CLOSED:
        raise UserError("job.closed", job=job.job_no)
    return job


def link_job_sale(conn, cart: Cart, *, sale_id: int, receipt_no: str) -> None:
    """Link the sale just written to the cart's job, mark the job's sheet items it sold,
    and seal the job's "sold" event (see the module's words)."""
    job = open_job(conn, cart.job_id, lock=True)
    conn.execute(update(Sale).where(Sale.id == sale_id).values(job_id=job.id))
    sold_products = {line.product_id for line in cart.billable_lines()
                     if line.product_id is not None and line.quantity > 0}
    template = job_template(conn, kind=job.kind, product_id=job.product_id)
    codes = []
    now = utcnow()
    for item_id, code, name, products in (template_items(conn, template) if template else ()):
        if not sold_products.intersection(products):
            continue
        codes.append(code)
        done = conn.execute(update(OUTCOMES).where(
            OUTCOMES.c.job_id == job.id, OUTCOMES.c.sheet_item_id == item_id).values(
            outcome=Outcome.SOLD.value, sold_sale_id=sale_id, staff_id=cart.staff_id, at=now))
        if done.rowcount == 0:
            conn.execute(OUTCOMES.insert().values(
                job_id=job.id, sheet_item_id=item_id, item_code=code, item_name=name,
                outcome=Outcome.SOLD.value, proposed_in_call=False, answer="",
                sold_sale_id=sale_id, staff_id=cart.staff_id, at=now))
    append_event(conn, job_id=job.id, job_no=job.job_no, kind=JobEventKind.SOLD,
                 staff_id=cart.staff_id, details={"receipt": receipt_no, "items": codes},
                 at=now)
