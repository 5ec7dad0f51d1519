"""Adopting a database written before facts were sealed (schema 0010): once, during the
upgrade itself, every staff row, setting, open shift, cash movement and product's stock as it stands is
sealed in the journal, so `journal verify` can account for it from then on. It runs
only inside the migration: afterwards a row that no sealed record accounts for is a
row added behind the store's back, never adopted."""

from __future__ import annotations

import json

from sqlalchemy import select, text

from pos.db.models import CashMovement, Setting, Shift, Staff
from pos.kernel.enums import ShiftState
from pos.kernel.money import to_decimal_string
from pos.ledger import audit, chain, facts


def seal_existing_facts(conn) -> None:
    for row in conn.execute(select(Staff.__table__).order_by(Staff.id)).all():
        facts.seal_staff(conn, by=None, staff_id=row.id, name=row.name, role=row.role,
                         active=row.active, pin_hash=row.pin_hash)
    for key, value_json in conn.execute(select(Setting.key, Setting.value_json)).all():
        facts.seal_setting(conn, by=None, key=key, value=json.loads(value_json))
    for shift in conn.execute(select(Shift.__table__).where(
            Shift.state == ShiftState.OPEN).order_by(Shift.id)).all():
        audit.record(conn, staff_id=None, action="shift_opened", ref=str(shift.terminal_id),
                     details={"shift": shift.id, "terminal_id": shift.terminal_id,
                              "opened_by": shift.opened_by,
                              "opened_at": chain.sealed_time(shift.opened_at),
                              "float": shift.opening_float, "adopted": True})
    for row in conn.execute(select(CashMovement.__table__).order_by(CashMovement.id)).all():
        audit.record(conn, staff_id=row.staff_id,
                     action="paid_in" if row.amount > 0 else "paid_out", ref="adopted",
                     details={"movement": row.id, "shift": row.shift_id, "staff": row.staff_id,
                              "amount": to_decimal_string(row.amount), "reason": row.reason,
                              "at": chain.sealed_time(row.at), "adopted": True})
    # products.stock as it stood then (revision 0014 moved stock to the stores)
    facts.seal_stock(conn, by=None, source="adopted at upgrade", stock=dict(
        conn.execute(text("SELECT id, stock FROM products")).all()))
