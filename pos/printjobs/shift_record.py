"""What a closed shift's Z report prints from: the shift's figures as the ledger adds them
up (pos.ledger.drawer), with the count by denomination, who opened and closed it, the
store's header and the seal's anchor. Read-only; no Qt, no printing."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select

from pos.db.engine import Database
from pos.db.models import Shift, Staff, Terminal
from pos.kernel.enums import ShiftState
from pos.kernel.errors import UserError
from pos.ledger.drawer import ShiftReport, shift_figures
from pos.printjobs.records import StoreHeader, store_header, store_of


@dataclass(frozen=True)
class ZReportRecord:
    ref: str  # T01-Z00001
    store: StoreHeader
    report: ShiftReport
    counts: dict[int, int]  # denomination (minor units) -> pieces, largest first
    opened_by: str | None
    closed_by: str | None


def parse_z_ref(ref: str) -> tuple[str, int]:
    """(terminal, Z number) of a ref as pos.day.shifts.z_ref writes it."""
    terminal, _, number = ref.strip().upper().rpartition("-Z")
    if not terminal or not number.isdigit():
        raise UserError("print.no_z_report", ref=ref)
    return terminal, int(number)


def load_z_report(db: Database, *, ref: str) -> ZReportRecord:
    """The closed shift a Z ref names; UserError print.no_z_report when there is none."""
    terminal, number = parse_z_ref(ref)
    with db.read_connection() as conn:
        terminal_id = conn.execute(select(Terminal.id).where(Terminal.code == terminal)).scalar()
        shift = None if terminal_id is None else conn.execute(select(Shift.__table__).where(
            Shift.terminal_id == terminal_id, Shift.state == ShiftState.CLOSED,
            Shift.z_number == number)).first()
        if shift is None:
            raise UserError("print.no_z_report", ref=ref)
        names = dict(conn.execute(select(Staff.id, Staff.name).where(
            Staff.id.in_([shift.opened_by, shift.closed_by]))).all())
        counts = {int(k): int(v) for k, v in json.loads(shift.counted_json or "{}").items()}
        return ZReportRecord(
            ref.strip().upper(), store_header(store_of(conn, terminal_id)),
            shift_figures(conn, terminal, shift),
            dict(sorted(counts.items(), reverse=True)),
            names.get(shift.opened_by), names.get(shift.closed_by))
