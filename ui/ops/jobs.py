"""The jobs screens' calls (ui.jobs): the jobs board, a job with its events, sheet,
coverage and claims; a job registered at the counter, moved, diagnosed, claimed against
its card, its sheet's pre-visit call and outcomes, the card confirmation at pickup or
during installation, selling on the job (the till's add-on cart with the job's id), and
the job card PDF (pos.service.*, printing.job_sheet_pdf). Plain values in, the services'
records out; the services load lazily, on the worker."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.ops.running import Call


@dataclass(frozen=True, slots=True)
class JobDraft:
    """What the registering form holds."""

    kind: str
    need: str
    receipt: str = ""
    serial: str = ""
    customer: str = ""
    priority: int = 2
    area: str = ""
    address: str = ""
    contact_phone: str = ""
    technician: int | None = None
    appointment: tuple[datetime, datetime] | None = None
    fault: str = ""
    accessories: str = ""
    condition: str = ""
    estimate: int | None = None

    def fields(self) -> dict:
        return {"kind": self.kind, "need": self.need, "receipt": self.receipt or None,
                "serial": self.serial or None, "customer": self.customer or None,
                "priority": self.priority, "area": self.area or None,
                "address": self.address, "contact_phone": self.contact_phone or None,
                "technician": self.technician, "appointment": self.appointment,
                "fault": self.fault, "accessories": self.accessories,
                "condition": self.condition, "estimate": self.estimate}


@dataclass(frozen=True)
class JobDetail:
    """A job as its screen shows it: the job with its events, its sheet (None: no sheet
    for its unit), the coverage of its unit's card (None: no card), why its service is
    paid (None: covered or no card), its claims and its card confirmations."""

    job: object
    sheet: object | None = None
    coverage: object | None = None
    paid_reason: object | None = None
    claims: tuple = field(default_factory=tuple)
    moves: tuple[str, ...] = ()  # the states the job may move to now (pos.service.states)


def board(*, technician: int | None = None, kind: str | None = None,
          day: date | None = None, terminal: str | None = None) -> Call:
    """Today's jobs (by appointment, promise or registration) and the overdue ones, of
    the till's store, of one technician when given; of one kind when given."""
    def call(db):
        from pos.service.board import jobs_board

        rows = jobs_board(db, terminal=terminal, technician=technician,
                          day=day or date.today())
        if kind:
            rows = [row for row in rows if row.kind.value == kind]
        return rows
    return call


def technicians() -> Call:
    """The active staff who work jobs (installers, managers, admins)."""
    def call(db):
        from pos.people.staff import list_staff
        from pos.service.jobs import WORKERS

        return [s for s in list_staff(db) if s.role in WORKERS]
    return call


def detail(*, job_no: str) -> Call[JobDetail]:
    def call(db):
        return load_detail(db, job_no)
    return call


def load_detail(db, job_no: str) -> JobDetail:
    from pos.kernel.errors import UserError
    from pos.service.board import job_view

    job = job_view(db, job_no=job_no)
    sheet = coverage = paid = None
    claims: tuple = ()
    try:
        from pos.service.job_sheet import job_sheet

        sheet = job_sheet(db, job_no=job.job_no)
    except UserError:
        sheet = None  # no sheet for this unit's category and department
    try:
        from pos.service import claims as claim_service
        from pos.service.card_history import job_claims

        if job.card_no or job.serial:
            coverage = claim_service.coverage(db, serial=job.serial, card_no=job.card_no)
        if coverage is not None:
            paid = claim_service.paid_service_reason(db, job_no=job.job_no)
            claims = tuple(job_claims(db, job_no=job.job_no))
    except UserError:
        pass
    from pos.service.states import allowed_moves

    moves = tuple(sorted((state.value for state in allowed_moves(job.kind, job.state)),
                         key=ORDER.index))
    return JobDetail(job, sheet, coverage, paid, claims, moves)


ORDER = ["scheduled", "on_the_way", "arrived", "done", "diagnosed", "waiting_parts", "ready",
         "collected", "cancelled", "registered", "received"]


def register(*, draft: JobDraft, staff_id: int, request_id: str, terminal: str,
             now: datetime | None = None) -> Call:
    """A job registered (`now`: its registration time; the screenshots' late job)."""
    def call(db):
        from pos.service.jobs import register_job

        return register_job(db, staff_id=staff_id, request_id=request_id, terminal=terminal,
                            now=now, **draft.fields())
    return call


def move(*, job_no: str, to: str, staff_id: int, note: str = "") -> Call[JobDetail]:
    def call(db):
        from pos.service.states import move as moved

        moved(db, job_no=job_no, to=to, staff_id=staff_id, note=note)
        return load_detail(db, job_no)
    return call


def diagnose(*, job_no: str, diagnosis: str, estimate: int | None,
             staff_id: int) -> Call[JobDetail]:
    def call(db):
        from pos.service.states import diagnose as diagnosed

        diagnosed(db, job_no=job_no, diagnosis=diagnosis, estimate=estimate,
                  staff_id=staff_id)
        return load_detail(db, job_no)
    return call


def plan(*, job_no: str, staff_id: int, technician: int | None | bool = False,
         appointment: tuple[datetime, datetime] | None = None) -> Call[JobDetail]:
    """The job given to a technician (`technician`: a staff id, None for nobody, False to
    leave it) and, for a visit, its appointment agreed (registered -> scheduled)."""
    def call(db):
        from pos.service.states import assign, schedule

        if technician is not False:
            assign(db, job_no=job_no, technician=technician, staff_id=staff_id)
        if appointment is not None:
            schedule(db, job_no=job_no, start=appointment[0], end=appointment[1],
                     staff_id=staff_id)
        return load_detail(db, job_no)
    return call


def claim(*, job_no: str, staff_id: int) -> Call[JobDetail]:
    """The job's service recorded against its unit's card (covered, or paid and why)."""
    def call(db):
        from pos.service.claims import claim as claimed

        claimed(db, job_no=job_no, staff_id=staff_id)
        return load_detail(db, job_no)
    return call


def record_call(*, job_no: str, staff_id: int,
                items: list[tuple[str, str, str]]) -> Call[JobDetail]:
    def call(db):
        from pos.service.job_sheet import record_call as recorded

        recorded(db, job_no=job_no, staff_id=staff_id, items=items)
        return load_detail(db, job_no)
    return call


def record_outcome(*, job_no: str, item_code: str, outcome: str,
                   staff_id: int) -> Call[JobDetail]:
    def call(db):
        from pos.service.job_sheet import record_outcome as recorded

        recorded(db, job_no=job_no, item_code=item_code, outcome=outcome, staff_id=staff_id)
        return load_detail(db, job_no)
    return call


def confirm(*, job_no: str, accepted: bool, point: str, staff_id: int) -> Call:
    """The card confirmation at pickup or during installation; the answer is
    (the JobConfirmation, the job's detail)."""
    def call(db):
        from pos.service.confirmations import confirm_on_job

        done = confirm_on_job(db, job_no=job_no, accepted=accepted, point=point,
                              staff_id=staff_id)
        return done, load_detail(db, job_no)
    return call


def open_job_sale(*, job_no: str, staff_id: int, terminal: str) -> Call:
    """The till's cart for selling on the job: an add-on against the job's unit sold
    here, else a plain sale for the job's customer; the cart carries the job's id, so
    the sale is linked to the job. Returns the till's view of the new cart."""
    def call(db):
        from pos.selling.checkout import cart_store
        from pos.service.job_sales import open_job_sale as opened
        from ui.ops.cart import read_view

        cart = opened(db, job_no=job_no, staff_id=staff_id, terminal=terminal)
        cart_store(db, cart)
        units = cart.main_units()
        return read_view(db, cart, units[0].line_id if units else None)
    return call


def job_card_pdf(*, job_no: str, path: str, locale: str, terminal: str) -> Call[str]:
    """The job card PDF written to `path`, in `locale`."""
    def call(db):
        from pos.kernel.errors import UserError, os_reason
        from pos.printjobs.records import store_header
        from pos.store.details import store_info
        from printing.job_sheet_pdf import job_card_pdf as render

        card = job_card(load_detail(db, job_no), locale)
        data = render(store_header(store_info(db, terminal=terminal)), card, locale=locale)
        try:
            Path(path).write_bytes(data)
        except OSError as exc:
            raise UserError("file.cannot_write", path=path, reason=os_reason(exc)) from exc
        return path
    return call


def job_card(detail: JobDetail, locale: str):
    """The job card's plain values from a job's detail, its words in `locale`."""
    from pos.kernel.messages import Message
    from printing.job_sheet_pdf import JobCard, JobCardItem
    from printing.labels import say
    from printing.pdf_common import day
    from printing.pdf_labels import language

    lang = language(locale)
    job = detail.job

    def said(message) -> str:
        if message is None:
            return ""
        if isinstance(message, Message):
            return say(message, lang, day=lambda when: day(when, locale=lang))
        return str(message)

    items = ()
    if detail.sheet is not None:
        items = tuple(JobCardItem(item.name, item.proposed_in_call, item.answer or "",
                                  item.outcome.value if item.outcome is not None else None)
                      for section in detail.sheet.sections for item in section.items)
    coverage = detail.coverage
    claim_no, claim_words, paid = "", "", False
    if detail.claims:
        last = detail.claims[-1]
        claim_no, paid = last.claim_no, not last.covered
        claim_words = said(last.why) if paid else ""
    elif detail.paid_reason is not None:
        paid, claim_words = True, said(detail.paid_reason)
    return JobCard(
        job_no=job.job_no, kind=job.kind.value, state=job.state.value,
        registered_at=job.registered_at, customer_name=job.customer_name or "",
        customer_phone=job.customer_phone or job.contact_phone or "",
        unit_name=job.unit_name or "", serial=job.serial or "",
        not_sold_here=job.not_sold_here, receipt_no=job.receipt_no or "", need=job.need,
        fault=job.fault, accessories=job.accessories, condition=job.condition,
        estimate=job.estimate, diagnosis=job.diagnosis, priority=job.priority,
        area=job.area or "", address=job.address, technician_name=job.technician_name or "",
        appointment_start=job.appointment_start, appointment_end=job.appointment_end,
        card_no=coverage.card_no if coverage is not None else (job.card_no or ""),
        coverage=said(coverage.terms) if coverage is not None else "",
        claim_no=claim_no, claim=claim_words, claim_paid=paid, items=items)


def suggested_pdf_name(job_no: str) -> str:
    return f"{Path(job_no).name}.pdf"
