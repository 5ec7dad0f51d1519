"""Claims against service cards and the units business cards cover, against their seals
(pos.ledger.card_seals): every row names its audit event, whose details are the row's
values as they are now; and every sealed claim or unit still has its row. The audit
events themselves were checked against the journal by verify's walk."""

from __future__ import annotations

import json

from sqlalchemy import and_, func, select

from pos.db.models import AuditEvent, CardClaim, CardUnit, ServiceCard, ServiceJob
from pos.ledger.card_seals import CARD_CLAIM, CARD_UNIT, claim_values, unit_ref, unit_values

_BATCH = 2000
EVENTS, CLAIMS, UNITS = AuditEvent.__table__, CardClaim.__table__, CardUnit.__table__
CARDS, JOBS = ServiceCard.__table__, ServiceJob.__table__


def problems(conn) -> str | None:
    """The first claim or card unit that differs from its seal, or whose seal has no row;
    None when all agree."""
    return _claims(conn) or _units(conn)


def _sealed(row, action: str, ref: str, values: dict) -> bool:
    if row.action != action or row.ref != ref:
        return False
    try:
        return json.loads(row.details_json) == values
    except (TypeError, ValueError):
        return False


def _rows(conn, statement):
    return conn.execute(statement.execution_options(yield_per=_BATCH))


def _claims(conn) -> str | None:
    for row in _rows(conn, select(
            CLAIMS, CARDS.c.card_no, JOBS.c.job_no, EVENTS.c.action, EVENTS.c.ref,
            EVENTS.c.details_json)
            .outerjoin(CARDS, CARDS.c.id == CLAIMS.c.card_id)
            .outerjoin(JOBS, JOBS.c.id == CLAIMS.c.job_id)
            .outerjoin(EVENTS, EVENTS.c.id == CLAIMS.c.event_id)
            .order_by(CLAIMS.c.id)):
        values = claim_values(claim_no=row.claim_no, card_no=row.card_no, job_no=row.job_no,
                              serial=row.serial, covered=row.covered, what=row.what,
                              reason=row.reason, staff_id=row.staff_id, at=row.at)
        if not _sealed(row, CARD_CLAIM, row.claim_no, values):
            return f"card claim {row.claim_no} is not as it was sealed"
    return _missing(conn, CARD_CLAIM, CLAIMS, "a sealed card claim {ref} has no row: it was "
                                              "deleted")


def _units(conn) -> str | None:
    for row in _rows(conn, select(
            UNITS, CARDS.c.card_no, EVENTS.c.action, EVENTS.c.ref, EVENTS.c.details_json)
            .outerjoin(CARDS, CARDS.c.id == UNITS.c.card_id)
            .outerjoin(EVENTS, EVENTS.c.id == UNITS.c.event_id)
            .order_by(UNITS.c.id)):
        values = unit_values(card_no=row.card_no, serial=row.serial, product_id=row.product_id,
                             staff_id=row.staff_id, at=row.registered_at)
        if not _sealed(row, CARD_UNIT, unit_ref(row.card_no, row.serial), values):
            return (f"unit {row.serial} on card {row.card_no} is not as it was registered "
                    "and sealed")
    return _missing(conn, CARD_UNIT, UNITS, "a unit sealed as registered ({ref}) has no row: "
                                            "it was deleted")


def _missing(conn, action: str, table, problem: str) -> str | None:
    """A sealed event of `action` that no row of `table` names."""
    sealed = conn.execute(select(func.count()).select_from(EVENTS).where(
        EVENTS.c.action == action)).scalar_one()
    rows = conn.execute(select(func.count()).select_from(table)).scalar_one()
    if sealed == rows:
        return None
    ref = conn.execute(select(EVENTS.c.ref).outerjoin(table, and_(
        table.c.event_id == EVENTS.c.id)).where(EVENTS.c.action == action,
                                                table.c.id.is_(None))
        .order_by(EVENTS.c.id).limit(1)).scalar()
    if ref is None:
        return f"there are more {action} rows than sealed events"
    return problem.format(ref=ref)
