"""Manager approvals and the audit trail."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pos.db.models.base import Base, UtcDateTime
from pos.kernel.clock import utcnow


class Approval(Base):
    """A manager's PIN entered on the spot for one action on one record; used once."""

    __tablename__ = "approvals"

    id: Mapped[int] = mapped_column(primary_key=True)
    action: Mapped[str] = mapped_column(String(40))
    ref: Mapped[str] = mapped_column(String(60))  # the record it is for (receipt no, line, ...)
    requested_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    approved_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class AuditEvent(Base):
    """Who did what, when: voids, refunds, overrides, approvals, failed logins, ...
    Each event is also sealed in the journal chain."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow, index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    action: Mapped[str] = mapped_column(String(40), index=True)
    ref: Mapped[str] = mapped_column(String(60), default="")
    details_json: Mapped[str] = mapped_column(Text, default="{}")
    journal_hash: Mapped[str] = mapped_column(String(64))
