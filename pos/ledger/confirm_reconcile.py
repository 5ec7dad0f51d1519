"""Card confirmations (issue 20) are facts: each row of card_confirmations is sealed.
A sale's (the till's points) by one audit event `card_confirmations` written in the
sale's transaction, whose details list the rows' values; a job's (at pickup, during
installation) by its job event `confirmation` (pos.ledger.job_events), whose details
name the row (the same point again: the row is its last event's). `problems` (called
from pos.ledger.reconcile) reads the table against them, a sale or a job at a time, in
one pass each: a row no seal names, a row that differs from its seal, or a sealed row
that is gone is named; so is a row that is both a sale's and a job's, or neither's."""

from __future__ import annotations

import json
from itertools import groupby

from sqlalchemy import and_, or_, select

from pos.db.models import AuditEvent, CardConfirmation, JobEvent, Sale, ServiceJob
from pos.ledger import audit
from pos.ledger.chain import sealed_time

SALE_CONFIRMATIONS = "card_confirmations"
ROWS = CardConfirmation.__table__
EVENTS, JOB_EVENTS = AuditEvent.__table__, JobEvent.__table__
SALES, JOBS = Sale.__table__, ServiceJob.__table__
_BATCH = 2000


def row_values(*, row_id: int, unit_line_id: int | None, serial: str | None, point,
               accepted: bool, staff_id: int | None, at) -> list:
    """One row as it is sealed."""
    return [row_id, unit_line_id, serial, getattr(point, "value", point), bool(accepted),
            staff_id, sealed_time(at)]


def write_sale_rows(conn, *, sale_id: int, receipt_no: str, rows: list[dict],
                    staff_id: int | None) -> int:
    """Write a sale's confirmation rows (dicts of unit_line_id, serial, point, accepted,
    staff_id, at) and seal them, inside the sale's transaction. Returns the event id."""
    sealed = []
    for row in rows:
        row_id = conn.execute(ROWS.insert().values(sale_id=sale_id, job_id=None, **row)
                              .returning(ROWS.c.id)).scalar_one()
        sealed.append(row_values(row_id=row_id, **row))
    return audit.record(conn, staff_id=staff_id, action=SALE_CONFIRMATIONS, ref=receipt_no,
                        details={"sale": sale_id, "receipt": receipt_no, "rows": sealed})


def _scan(conn, statement):
    return conn.execute(statement.execution_options(yield_per=_BATCH))


def _of(row) -> list:
    return row_values(row_id=row.id, unit_line_id=row.unit_line_id, serial=row.serial,
                      point=row.point, accepted=row.accepted, staff_id=row.staff_id, at=row.at)


def _merged(rows, seals):
    """(key, the table's rows, the seals' rows) for every key of either, both sorted."""
    rows, seals = groupby(rows, key=lambda r: r[0]), groupby(seals, key=lambda s: s[0])
    row_group, seal_group = next(rows, None), next(seals, None)
    while row_group is not None or seal_group is not None:
        if seal_group is None or (row_group is not None and row_group[0] < seal_group[0]):
            yield row_group[0], [r[1] for r in row_group[1]], []
            row_group = next(rows, None)
        elif row_group is None or seal_group[0] < row_group[0]:
            yield seal_group[0], [], [s[1] for s in seal_group[1]]
            seal_group = next(seals, None)
        else:
            yield row_group[0], [r[1] for r in row_group[1]], [s[1] for s in seal_group[1]]
            row_group, seal_group = next(rows, None), next(seals, None)


def _sale_problem(conn) -> str | None:
    rows = ((row.sale_id, _of(row)) for row in _scan(conn, select(ROWS).where(
        ROWS.c.job_id.is_(None), ROWS.c.sale_id.is_not(None))
        .order_by(ROWS.c.sale_id, ROWS.c.id)))
    moved = []

    def seals():
        for event in _scan(conn, select(EVENTS.c.details_json, EVENTS.c.ref, SALES.c.id)
                           .join(SALES, SALES.c.receipt_no == EVENTS.c.ref)
                           .where(EVENTS.c.action == SALE_CONFIRMATIONS)
                           .order_by(SALES.c.id, EVENTS.c.id)):
            details = json.loads(event.details_json)
            if details.get("sale") != event.id:
                moved.append(event.ref)
                continue
            for sealed in details.get("rows", []):
                yield event.id, sealed

    for sale_id, have, sealed in _merged(rows, seals()):
        if have != sealed:
            receipt = conn.execute(select(SALES.c.receipt_no).where(
                SALES.c.id == sale_id)).scalar() or f"sale #{sale_id}"
            return (f"the card confirmations of {receipt} are not as they were sealed "
                    "(a row added, changed or removed)")
        if moved:
            break
    if moved:
        return f"the sealed card confirmations of {moved[0]} name another sale"
    return None


def _job_problem(conn) -> str | None:
    rows = ((row.job_id, _of(row)) for row in _scan(conn, select(ROWS).where(
        ROWS.c.job_id.is_not(None)).order_by(ROWS.c.job_id, ROWS.c.id)))

    def seals():
        for event in _scan(conn, select(JOB_EVENTS.c.job_id, JOBS.c.job_no,
                                        EVENTS.c.details_json, EVENTS.c.staff_id)
                           .join(EVENTS, EVENTS.c.id == JOB_EVENTS.c.event_id)
                           .join(JOBS, JOBS.c.id == JOB_EVENTS.c.job_id)
                           .where(JOB_EVENTS.c.kind == "confirmation")
                           .order_by(JOB_EVENTS.c.job_id, JOB_EVENTS.c.id)):
            sealed = json.loads(event.details_json)
            inner = sealed.get("details") or {}
            if sealed.get("kind") != "confirmation" or sealed.get("job") != event.job_no:
                yield event.job_id, ["the job event was moved"]
                continue
            yield event.job_id, [inner.get("confirmation"), inner.get("unit_line"),
                                 inner.get("serial"), inner.get("point"),
                                 inner.get("accepted"), event.staff_id, sealed.get("at")]

    for job_id, have, sealed in _merged(rows, seals()):
        last = {}  # a point recorded again: the row is its last event's
        for values in sealed:
            last[values[0]] = values
        if have != sorted(last.values(), key=lambda values: (values[0] is None, values[0])):
            job_no = conn.execute(select(JOBS.c.job_no).where(
                JOBS.c.id == job_id)).scalar() or f"job #{job_id}"
            return (f"the card confirmations of job {job_no} are not as they were sealed "
                    "(a row added, changed or removed)")
    return None


def problems(conn) -> str | None:
    """The first card confirmation row that differs from its seal, or None."""
    for (row_id,) in conn.execute(select(ROWS.c.id).where(or_(
            and_(ROWS.c.sale_id.is_(None), ROWS.c.job_id.is_(None)),
            and_(ROWS.c.sale_id.is_not(None), ROWS.c.job_id.is_not(None))))
            .order_by(ROWS.c.id).limit(1)):
        return f"card confirmation #{row_id} is neither a sale's nor a job's"
    return _sale_problem(conn) or _job_problem(conn)
