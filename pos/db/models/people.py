"""Customers and staff."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from pos.db.models.base import Base, UtcDateTime, enum_column
from pos.kernel.clock import utcnow
from pos.kernel.enums import CustomerKind, StaffRole


class Customer(Base):
    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    phone: Mapped[str] = mapped_column(String(32), unique=True)  # normalised digits
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[CustomerKind] = mapped_column(enum_column(CustomerKind))
    company: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    # What a fapiao request needs (a business customer's invoice details)
    tax_id: Mapped[str | None] = mapped_column(String(20))
    invoice_address: Mapped[str | None] = mapped_column(String(300))
    invoice_phone: Mapped[str | None] = mapped_column(String(40))
    bank_name: Mapped[str | None] = mapped_column(String(120))
    bank_account: Mapped[str | None] = mapped_column(String(40))
    # The customer manager who looks after them, and the hand-over to a team (转单)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    team: Mapped[str | None] = mapped_column(String(12))
    handed_over_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    handed_over_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class Staff(Base):
    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    role: Mapped[StaffRole] = mapped_column(enum_column(StaffRole))
    # "scrypt$n$r$p$salt_hex$hash_hex": never the PIN itself.
    pin_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean(create_constraint=True, name="active_is_boolean"),
                                         default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    failed_pins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
