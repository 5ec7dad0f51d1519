"""Shifts and the cash drawer: a float at opening, paid-in and paid-out, a count at
closing, and a Z number per terminal that is consecutive and never reset."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from pos.db.models.base import Base, UtcDateTime, enum_column
from pos.kernel.clock import utcnow
from pos.kernel.enums import ShiftState


class Shift(Base):
    __tablename__ = "shifts"
    # a till's shifts, and those it closed on a day (the day's Z reports)
    __table_args__ = (UniqueConstraint("terminal_id", "z_number"),
                      Index("ix_shifts_terminal_id_closed_at", "terminal_id", "closed_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminals.id"))
    state: Mapped[ShiftState] = mapped_column(enum_column(ShiftState), index=True)
    opened_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    opening_float: Mapped[int] = mapped_column(BigInteger)
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    counted_json: Mapped[str | None] = mapped_column(Text)  # denomination (fen) -> count
    counted_cash: Mapped[int | None] = mapped_column(BigInteger)
    expected_cash: Mapped[int | None] = mapped_column(BigInteger)
    z_number: Mapped[int | None] = mapped_column(Integer)
    journal_hash: Mapped[str | None] = mapped_column(String(64))


class CashMovement(Base):
    """Paid-in (change from the bank) or paid-out (a delivery paid in cash), with a reason."""

    __tablename__ = "cash_movements"

    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"), index=True)
    amount: Mapped[int] = mapped_column(BigInteger)  # + paid in, - paid out
    reason: Mapped[str] = mapped_column(String(200))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    request_id: Mapped[str | None] = mapped_column(String(36), unique=True)  # exactly once
