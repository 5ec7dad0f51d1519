"""A job's own sheet (issue 20): what the job's department (installation, on-site,
repair: the job's kind) proposes for its unit — the department's sheet for the unit's
category (department_sheets; a unit of no known category, such as a repair of a unit
not sold here, takes the department's first sheet) — with each item's products
(highest price first, as the counter's sheet), its price and sales script, and how it
stands on this job (job_item_outcomes).

The pre-visit call (`record_call`) records the items proposed and the customer's answer
to each (declined, or not yet: to offer on the visit); `record_outcome` records an item
declined or not offered on site. An item is sold only by a sale on the job
(pos.service.job_sales), which marks it sold with its receipt. Every change is a job
event sealed in the journal in the same transaction ("call"; a "note" for an outcome)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update

from pos.db.engine import Database
from pos.db.models import (
    JobItemOutcome, Product, Sale, SheetItem, SheetItemProduct, SheetSection, SheetTemplate,
)
from pos.kernel.clock import utcnow
from pos.kernel.enums import Department, JobEventKind, Outcome
from pos.kernel.errors import UserError
from pos.kernel.text import clean_text
from pos.ledger.job_events import append_event
from pos.selling.job_link import job_template
from pos.service.jobs import check_worker, job_row, open_job

OUTCOMES = JobItemOutcome.__table__
ANSWER_MAX = JobItemOutcome.answer.type.length


@dataclass(frozen=True)
class JobProduct:
    product_id: int
    sku: str
    name: str
    price: int


@dataclass(frozen=True)
class JobSheetItem:
    item_id: int
    code: str
    name: str
    script: str
    price: int  # what it sells for: the pack price, else its dearest product's
    products: tuple[JobProduct, ...]  # highest price first (a pack: its parts)
    pack_price: int | None
    outcome: Outcome | None  # None: nothing recorded on this job yet
    proposed_in_call: bool = False
    answer: str = ""
    sold_receipt: str | None = None


@dataclass(frozen=True)
class JobSheetSection:
    title: str
    items: tuple[JobSheetItem, ...]


@dataclass(frozen=True)
class JobSheet:
    job_no: str
    department: Department
    template_code: str
    template_name: str
    sections: tuple[JobSheetSection, ...]

    @property
    def items(self) -> tuple[JobSheetItem, ...]:
        return tuple(item for section in self.sections for item in section.items)

    def item(self, code: str) -> JobSheetItem | None:
        return next((i for i in self.items if i.code == code), None)


def job_sheet(db: Database, *, job_no: str) -> JobSheet:
    """The job's sheet with what was recorded on it so far (see the module's words)."""
    with db.read_connection() as conn:
        job = job_row(conn, job_no)
        return _sheet(conn, job)


DEPARTMENT_NAMES = {Department.COUNTER: "department.counter",
                    Department.INSTALLATION: "department.installation",
                    Department.ON_SITE: "department.on_site", Department.REPAIR: "department.repair"}


def _template_of(conn, job) -> int:
    template = job_template(conn, kind=job.kind, product_id=job.product_id)
    if template is None:
        raise UserError("job.no_sheet", job=job.job_no,
                        department=DEPARTMENT_NAMES[Department(job.kind)])
    return template


def _sheet(conn, job) -> JobSheet:
    template_id = _template_of(conn, job)
    code, name = conn.execute(select(SheetTemplate.code, SheetTemplate.name)
                              .where(SheetTemplate.id == template_id)).one()
    rows = conn.execute(
        select(SheetSection.title, SheetItem.id, SheetItem.code, SheetItem.name,
               SheetItem.script, SheetItem.pack_price, Product.id, Product.sku, Product.name,
               Product.price)
        .join(SheetItem, SheetItem.section_id == SheetSection.id)
        .join(SheetItemProduct, SheetItemProduct.item_id == SheetItem.id)
        .join(Product, Product.id == SheetItemProduct.product_id)
        .where(SheetSection.template_id == template_id)
        .order_by(SheetSection.position, SheetItem.position, SheetItemProduct.position)).all()
    recorded = {row.sheet_item_id: row for row in conn.execute(
        select(OUTCOMES.c.sheet_item_id, OUTCOMES.c.outcome, OUTCOMES.c.proposed_in_call,
               OUTCOMES.c.answer, Sale.receipt_no)
        .outerjoin(Sale, Sale.id == OUTCOMES.c.sold_sale_id)
        .where(OUTCOMES.c.job_id == job.id))}
    sections: dict[str, dict[int, list]] = {}
    for title, item_id, i_code, i_name, script, pack_price, p_id, sku, p_name, price in rows:
        items = sections.setdefault(title, {})
        entry = items.setdefault(item_id, [i_code, i_name, script, pack_price, []])
        entry[4].append(JobProduct(p_id, sku, p_name, price))
    out = []
    for title, items in sections.items():
        built = []
        for item_id, (i_code, i_name, script, pack_price, products) in items.items():
            if pack_price is None:
                products.sort(key=lambda p: (-p.price, p.sku))
            seen = recorded.get(item_id)
            built.append(JobSheetItem(
                item_id, i_code, i_name, script,
                pack_price if pack_price is not None else products[0].price, tuple(products),
                pack_price, Outcome(seen.outcome) if seen else None,
                bool(seen.proposed_in_call) if seen else False, seen.answer if seen else "",
                seen.receipt_no if seen else None))
        out.append(JobSheetSection(title, tuple(built)))
    return JobSheet(job.job_no, Department(job.kind), code, name, tuple(out))


def _outcome(value) -> Outcome:
    try:
        outcome = Outcome(getattr(value, "value", value))
    except ValueError:
        raise UserError("sheet.bad_outcome", outcome=str(value)[:20]) from None
    return outcome


def _write(conn, job, sheet: JobSheet, *, code: str, outcome: Outcome, staff_id: int,
           answer: str | None, in_call: bool, now) -> None:
    """One item's outcome on the job (checked first: on the sheet, not sold already,
    never marked sold by hand)."""
    item = sheet.item(code)
    if item is None:
        raise UserError("job.item_not_on_sheet", item=str(code)[:40], job=job.job_no)
    if outcome is Outcome.SOLD:
        raise UserError("job.item_sold_by_sale", item=item.name)
    if item.outcome is Outcome.SOLD:
        raise UserError("job.item_already_sold", item=item.name, job=job.job_no)
    values = {"outcome": outcome.value, "staff_id": staff_id, "at": now}
    if answer is not None:
        values["answer"] = answer
    if in_call:
        values["proposed_in_call"] = True
    if item.outcome is None:
        conn.execute(OUTCOMES.insert().values(
            job_id=job.id, sheet_item_id=item.item_id, item_code=item.code,
            item_name=item.name, proposed_in_call=in_call, answer=answer or "",
            sold_sale_id=None, **{k: v for k, v in values.items()
                                  if k not in ("answer", "proposed_in_call")}))
    else:
        conn.execute(update(OUTCOMES).where(OUTCOMES.c.job_id == job.id,
                                            OUTCOMES.c.sheet_item_id == item.item_id)
                     .values(**values))


def record_call(db: Database, *, job_no: str, staff_id: int,
                items: list[tuple[str, str, Outcome | str]]) -> JobSheet:
    """The pre-visit call: each (item code, the customer's answer, outcome) proposed on
    the phone — outcome "declined", or "not_offered" while the customer will decide on
    the visit. Recorded proposed_in_call with the answer; one "call" job event. Refused
    as a whole (nothing written) when any item is not on the job's sheet, already sold,
    or said sold, when the job is closed, or the caller does not work jobs."""
    if not items:
        raise UserError("job.call_needs_items")
    checked = []
    for entry in items:
        code, answer, outcome = entry
        answer = clean_text(answer or "", max_length=ANSWER_MAX, field="field.text")
        checked.append((str(code or "").strip(), answer, _outcome(outcome)))
    with db.write_connection() as conn:
        check_worker(conn, staff_id)
        job = open_job(conn, job_no)
        sheet = _sheet(conn, job)
        now = utcnow()
        for code, answer, outcome in checked:
            _write(conn, job, sheet, code=code, outcome=outcome, staff_id=staff_id,
                   answer=answer, in_call=True, now=now)
        append_event(conn, job_id=job.id, job_no=job.job_no, kind=JobEventKind.CALL,
                     staff_id=staff_id, at=now, details={"items": [
                         {"item": code, "answer": answer, "outcome": outcome.value}
                         for code, answer, outcome in checked]})
        return _sheet(conn, job)


def record_outcome(db: Database, *, job_no: str, item_code: str, outcome: Outcome | str,
                   staff_id: int) -> JobSheet:
    """An item declined, or not offered, on the job (on site, at the repair desk); a
    "note" job event. Selling is a sale on the job, never a mark."""
    outcome = _outcome(outcome)
    with db.write_connection() as conn:
        check_worker(conn, staff_id)
        job = open_job(conn, job_no)
        sheet = _sheet(conn, job)
        now = utcnow()
        code = str(item_code or "").strip()
        _write(conn, job, sheet, code=code, outcome=outcome, staff_id=staff_id, answer=None,
               in_call=False, now=now)
        append_event(conn, job_id=job.id, job_no=job.job_no, kind=JobEventKind.NOTE,
                     staff_id=staff_id, at=now,
                     details={"item": code, "outcome": outcome.value})
        return _sheet(conn, job)
