"""The durable print queue. Jobs are rows: a sale's receipt job is written in the sale's
own transaction, so no receipt is lost to a crash or a dead printer. Jobs move
pending -> printed, or pending -> failed -> (retry) pending; failures back off. The
printing layer renders and sends; this module only keeps the state.

A job that could never print is not queued: a sheet for a document with no unit to
sheet (`printable_requests`, `enqueue`). A failure is kept with what kind of fault it
was (FAULTS) and its message, so the till says "check the printer" only when the
printer is at fault, and says what is wrong in the reader's language."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import or_, select

from pos.db.engine import Database
from pos.db.location import data_dir
from pos.db.models import PrintJob, Terminal
from pos.kernel.clock import utcnow
from pos.kernel.enums import JobKind, JobState
from pos.kernel.errors import UserError
from pos.kernel.messages import Message
from pos.kernel.text import clean_text
from pos.ledger.documents import SaleDocument
from pos.ledger.tables import load_stored, sale_id_of
from pos.printjobs.records import sheet_units
from pos.store.settings import get_setting, set_setting

MAX_BACKOFF_SECONDS = 600
MAX_AUTOMATIC_ATTEMPTS = 8  # after this a person retries from the till
LAST_ERROR_MAX = 500  # print_jobs.last_error
# Why a job failed: the printer (off, unreachable, stalled, out of paper: a person at
# the printer can fix it), the data (the job cannot print as it is: nothing at the
# printer helps), or a bug (logged with its traceback).
PRINTER_FAULT, DATA_FAULT, BUG = "printer", "data", "bug"
FAULTS = (PRINTER_FAULT, DATA_FAULT, BUG)


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
    last_error: str | None  # in English (logs, the `pos` command)
    created_at: datetime
    fault: str | None = None  # one of FAULTS (None: not failed, or failed before it was kept)
    reason: Message | None = None  # why it failed, to say in the reader's language

    @property
    def printer_fault(self) -> bool:
        return self.fault == PRINTER_FAULT


@dataclass(frozen=True)
class PrinterConfig:
    receipt_uri: str
    documents_uri: str
    paper_mm: int  # 58 or 80
    sheet_after_sale: bool
    encoding: str


def _info(job: PrintJob) -> JobInfo:
    text, fault, reason = _read_error(job.last_error)
    return JobInfo(job.id, job.kind.value, job.ref, job.printer_uri, job.reprint, job.open_drawer,
                   json.loads(job.options_json), job.state.value, job.attempts, text,
                   job.created_at, fault, reason)


def printable_requests(document: SaleDocument, requests) -> list[PrintRequest]:
    """The requests that can print for this document: a sheet only when the document has
    a unit to sheet (an add-on: the earlier sale's unit it sold for). A job that could
    never succeed is never queued, so it never shows as a failed print."""
    has_sheet = bool(sheet_units(document))
    return [r for r in requests if JobKind(r.kind) is not JobKind.SHEET or has_sheet]


def sheet_printable(db: Database, *, receipt_no: str) -> bool:
    """Whether this document has a configuration sheet to print."""
    with db.read_connection() as conn:
        return _sheet_printable(conn, receipt_no)


def _sheet_printable(conn, receipt_no: str) -> bool:
    sale_id = sale_id_of(conn, receipt_no)
    return sale_id is not None and bool(sheet_units(load_stored(conn, sale_id).document))


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
    if JobKind(request.kind) is JobKind.SHEET:
        with db.read_connection() as conn:
            if not _sheet_printable(conn, ref):
                raise UserError("print.no_main_unit", receipt=ref)
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


def mark_failed(db: Database, *, job_id: int, error: UserError | str,
                fault: str = DATA_FAULT) -> JobInfo:
    """Record a failed attempt, why (a refusal, kept as its message so it can be said in
    any language, or text) and whose fault (FAULTS); the next automatic try waits longer
    each time."""
    if fault not in FAULTS:
        raise ValueError(f"fault is one of {FAULTS}, not {fault!r}")
    with db.unit_of_work() as session:
        job = _job(session, job_id)
        if job.state is JobState.PRINTED:
            raise UserError("print.job_printed")
        job.attempts += 1
        job.state = JobState.FAILED
        job.last_error = _kept_error(error, fault)
        delay = min(5 * 2 ** (job.attempts - 1), MAX_BACKOFF_SECONDS)
        job.next_attempt_at = utcnow() + timedelta(seconds=delay)
        return _info(job)


DRAWER_OPENED = "drawer_opened"  # in a job's options: its drawer kick was sent (when)


def drawer_due(job: JobInfo) -> bool:
    """Whether this job still has to open the cash drawer: a cash sale's receipt (or a
    manager's "open drawer") whose kick has not been sent yet. A reprint never opens it."""
    return job.open_drawer and not job.reprint and not job.options.get(DRAWER_OPENED)


def mark_drawer_opened(db: Database, *, job_id: int) -> bool:
    """The drawer kick of this job was sent: kept in the job's row (so no retry of its
    receipt sends it again) and recorded as an audit event `drawer_opened`, sealed in the
    journal, in one transaction. False (nothing recorded) when it was already marked."""
    from pos.ledger import audit

    with db.unit_of_work() as session:
        job = _job(session, job_id)
        options = json.loads(job.options_json)
        if options.get(DRAWER_OPENED):
            return False
        at = utcnow()
        options[DRAWER_OPENED] = at.isoformat(timespec="seconds")
        job.options_json = json.dumps(options, sort_keys=True)
        terminal = session.scalar(select(Terminal.code).where(Terminal.id == job.terminal_id))
        # "for": what opened it, the manager's open_drawer (audited when asked) or a sale
        details = {"terminal": terminal, "job": job.id,
                   "for": "open_drawer" if job.kind is JobKind.DRAWER else "sale"}
        if job.kind is not JobKind.DRAWER:
            details["document"] = job.ref
        audit.record(session.connection(), staff_id=None, action="drawer_opened",
                     ref=job.ref, details=details)
        return True


def retry(db: Database, *, job_id: int) -> JobInfo:
    """A person asks for a failed job now (after fixing the paper, the cable, ...)."""
    with db.unit_of_work() as session:
        job = _job(session, job_id)
        if job.state is not JobState.FAILED:
            raise UserError("print.retry_failed_only")
        job.state, job.next_attempt_at = JobState.PENDING, utcnow()
        return _info(job)


def _kept_error(error: UserError | str, fault: str) -> str:
    """The failure as stored: JSON with the fault, the English text and (a refusal) its
    message, so it reads back in any language; the text alone when that is too long."""
    text = str(error)
    kept = {"fault": fault, "text": text}
    if isinstance(error, UserError):
        kept["message"] = _encode(error.as_message())
    stored = json.dumps(kept, ensure_ascii=False)
    if len(stored) <= LAST_ERROR_MAX:
        return stored
    kept = {"fault": fault, "text": ""}
    room = LAST_ERROR_MAX - len(json.dumps(kept, ensure_ascii=False))
    while True:  # escapes may make the text longer in JSON than it is
        kept["text"] = text[:room]
        stored = json.dumps(kept, ensure_ascii=False)
        if len(stored) <= LAST_ERROR_MAX:
            return stored
        room -= len(stored) - LAST_ERROR_MAX


def _read_error(stored: str | None) -> tuple[str | None, str | None, Message | None]:
    """(English text, fault, message) of a stored failure; a failure stored as plain text
    (before faults were kept) reads as that text with no fault."""
    if not stored:
        return stored, None, None
    try:
        kept = json.loads(stored)
    except ValueError:
        return stored, None, None
    if not isinstance(kept, dict) or kept.get("fault") not in FAULTS:
        return stored, None, None
    message = _decode(kept["message"]) if "message" in kept else None
    return str(kept.get("text", "")), kept["fault"], message


def _encode(value):
    """A message and its values as JSON data (nested messages kept as messages)."""
    if isinstance(value, Message):
        return {"$message": value.id,
                "params": {name: _encode(v) for name, v in value.params.items()}}
    if hasattr(value, "as_message"):
        return _encode(value.as_message())
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    return str(value)


def _decode(value):
    if isinstance(value, dict) and "$message" in value:
        return Message(str(value["$message"]),
                       {name: _decode(v) for name, v in dict(value.get("params", {})).items()})
    if isinstance(value, dict) and "$datetime" in value:
        return datetime.fromisoformat(value["$datetime"])
    if isinstance(value, dict) and "$date" in value:
        return date.fromisoformat(value["$date"])
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


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


