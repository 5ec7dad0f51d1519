"""The durable print queue. Jobs are rows: a sale's receipt job is written in the sale's
own transaction, so no receipt is lost to a crash or a dead printer. Jobs move
pending -> printed, or pending -> failed -> (retry) pending; failures back off. The
printing layer renders and sends; this module only keeps the state."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import or_, select

from pos.db.engine import Database
from pos.db.location import data_dir
from pos.db.models import PrintJob, Terminal
from pos.kernel.clock import utcnow
from pos.kernel.enums import JobKind, JobState
from pos.kernel.errors import UserError
from pos.kernel.text import clean_text
from pos.store.settings import get_setting, set_setting

MAX_BACKOFF_SECONDS = 600
MAX_AUTOMATIC_ATTEMPTS = 8  # after this a person retries from the till


@dataclass(frozen=True)
class PrintRequest:
    kind: str  # receipt / sheet / card
    printer_uri: str
    open_drawer: bool = False
    options: dict = field(default_factory=dict)


@dataclass(frozen=True)
class JobInfo:
    id: int
    kind: str
    ref: str
    printer_uri: str
    reprint: bool
    open_drawer: bool
    options: dict
    state: str
    attempts: int
    last_error: str | None
    created_at: datetime


@dataclass(frozen=True)
class PrinterConfig:
    receipt_uri: str
    documents_uri: str
    paper_mm: int  # 58 or 80
    sheet_after_sale: bool
    encoding: str


def _info(job: PrintJob) -> JobInfo:
    return JobInfo(job.id, job.kind.value, job.ref, job.printer_uri, job.reprint, job.open_drawer,
                   json.loads(job.options_json), job.state.value, job.attempts, job.last_error,
                   job.created_at)


def job_rows(terminal_id: int, ref: str, requests, *, reprint: bool = False) -> list[dict]:
    """Rows for PrintJob's table, for inserting inside another transaction (the sale's)."""
    now = utcnow()
    return [{"terminal_id": terminal_id, "kind": JobKind(r.kind), "ref": ref,
             "printer_uri": r.printer_uri, "reprint": reprint, "open_drawer": r.open_drawer,
             "options_json": json.dumps(r.options, sort_keys=True), "state": JobState.PENDING,
             "attempts": 0, "next_attempt_at": now, "last_error": None, "created_at": now,
             "printed_at": None} for r in requests]


def enqueue(db: Database, *, terminal: str, ref: str, request: PrintRequest,
            reprint: bool = False, once: bool = False) -> JobInfo:
    """Queue a job. `once`: not when this document already has its (original) job of this
    kind, e.g. a refund sent again by a retry (read without an index: for those alone)."""
    with db.unit_of_work() as session:
        terminal_id = _terminal_id(session, terminal)
        if once and not reprint:
            existing = session.scalar(select(PrintJob).where(
                PrintJob.ref == ref, PrintJob.kind == JobKind(request.kind),
                PrintJob.reprint.is_(False)).limit(1))
            if existing is not None:
                return _info(existing)
        job = PrintJob(**job_rows(terminal_id, ref, [request], reprint=reprint)[0])
        session.add(job)
        session.flush()
        return _info(job)


def due_jobs(db: Database, *, terminal: str, now: datetime | None = None) -> list[JobInfo]:
    """Pending jobs, and failed ones whose back-off has passed, oldest first."""
    now = now or utcnow()
    with db.read() as session:
        jobs = session.scalars(
            select(PrintJob).join(Terminal).where(
                Terminal.code == terminal,
                or_(PrintJob.state == JobState.PENDING,
                    (PrintJob.state == JobState.FAILED)
                    & (PrintJob.attempts < MAX_AUTOMATIC_ATTEMPTS)),
                PrintJob.next_attempt_at <= now)
            .order_by(PrintJob.id)).all()
        return [_info(job) for job in jobs]


def failed_jobs(db: Database, *, terminal: str) -> list[JobInfo]:
    with db.read() as session:
        return [_info(job) for job in session.scalars(
            select(PrintJob).join(Terminal).where(Terminal.code == terminal,
                                                  PrintJob.state == JobState.FAILED)
            .order_by(PrintJob.id))]


def mark_printed(db: Database, *, job_id: int) -> None:
    with db.unit_of_work() as session:
        job = _job(session, job_id)
        if job.state is JobState.PRINTED:
            return
        job.state, job.printed_at, job.last_error = JobState.PRINTED, utcnow(), None
        job.attempts += 1


def mark_failed(db: Database, *, job_id: int, error: str) -> JobInfo:
    """Record a failed attempt; the next automatic try waits longer each time."""
    with db.unit_of_work() as session:
        job = _job(session, job_id)
        if job.state is JobState.PRINTED:
            raise UserError("print.job_printed")
        job.attempts += 1
        job.state = JobState.FAILED
        job.last_error = error[:500]
        delay = min(5 * 2 ** (job.attempts - 1), MAX_BACKOFF_SECONDS)
        job.next_attempt_at = utcnow() + timedelta(seconds=delay)
        return _info(job)


def retry(db: Database, *, job_id: int) -> JobInfo:
    """A person asks for a failed job now (after fixing the paper, the cable, ...)."""
    with db.unit_of_work() as session:
        job = _job(session, job_id)
        if job.state is not JobState.FAILED:
            raise UserError("print.retry_failed_only")
        job.state, job.next_attempt_at = JobState.PENDING, utcnow()
        return _info(job)


def _job(session, job_id: int) -> PrintJob:
    job = session.get(PrintJob, job_id)
    if job is None:
        raise UserError("print.job_gone")
    return job


def _terminal_id(session, terminal: str) -> int:
    terminal_id = session.scalar(select(Terminal.id).where(Terminal.code == terminal))
    if terminal_id is None:
        raise UserError("terminal.not_set_up", terminal=terminal)
    return terminal_id


def open_drawer(db: Database, *, terminal: str, staff_id: int, reason: str,
                approval_id: int | None = None) -> JobInfo:
    """Open the cash drawer without a sale: a manager's right, always in the audit trail."""
    from pos.ledger import audit
    from pos.people import permissions

    reason = clean_text(reason, max_length=200, field="field.reason")
    if not reason:
        raise UserError("drawer.reason")
    uri = printer_config(db, terminal=terminal).receipt_uri
    with db.unit_of_work() as session:
        conn = session.connection()
        auth = permissions.authorise(conn, action="open_drawer", ref=terminal, staff_id=staff_id,
                                     approval_id=approval_id)
        audit.record(conn, staff_id=staff_id, action="open_drawer", ref=terminal,
                     details={"reason": reason, "approved_by": auth.approved_by})
        job = PrintJob(**job_rows(_terminal_id(session, terminal), terminal,
                                  [PrintRequest("drawer", uri, open_drawer=True)])[0])
        session.add(job)
        session.flush()
        return _info(job)


# --- where this terminal prints ------------------------------------------------------


def printer_config(db: Database, *, terminal: str) -> PrinterConfig:
    """This terminal's printers; without any, receipts and sheets go to PDF previews in
    the user data folder (a store without a printer still gets its paperwork)."""
    with db.read() as session:
        config = get_setting(session, "printers").get(terminal, {})
    preview = f"pdf://{data_dir() / 'prints'}"
    return PrinterConfig(
        receipt_uri=config.get("receipt", preview),
        documents_uri=config.get("documents", preview),
        paper_mm=int(config.get("paper_mm", 80)),
        sheet_after_sale=bool(config.get("sheet_after_sale", True)),
        encoding=config.get("encoding", "gb18030"),
    )


def set_printer_config(db: Database, *, terminal: str, **changes) -> PrinterConfig:
    allowed = {"receipt", "documents", "paper_mm", "sheet_after_sale", "encoding"}
    unknown = set(changes) - allowed
    if unknown:
        raise UserError("print.unknown_settings", names=sorted(unknown))
    if "paper_mm" in changes and int(changes["paper_mm"]) not in (58, 80):
        raise UserError("print.paper_width")
    from pos.ledger import audit

    with db.unit_of_work() as session:
        _terminal_id(session, terminal)
        printers = dict(get_setting(session, "printers"))
        printers[terminal] = {**printers.get(terminal, {}), **changes}
        set_setting(session, "printers", printers)
        audit.record(session.connection(), staff_id=None, action="settings_change",
                     ref=f"printers {terminal}", details=changes)
    return printer_config(db, terminal=terminal)


