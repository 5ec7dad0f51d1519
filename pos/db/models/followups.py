"""Follow-up calls and visits (to recent buyers, leads, business customers, pre-order
customers), assigned to staff, planned for a day, with what came of them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from pos.db.models.base import Base, UtcDateTime, enum_column
from pos.kernel.clock import utcnow
from pos.kernel.enums import CallOutcome, ContactKind


def _planned_once(name: str, column: str) -> Index:
    """A contact planned for a day is planned once (planning the week twice is harmless)."""
    where = text(f"{column} IS NOT NULL AND due_on IS NOT NULL")
    return Index(name, column, "reason", "due_on", unique=True, sqlite_where=where,
                 postgresql_where=where)


class FollowUp(Base):
    __tablename__ = "followups"
    __table_args__ = (
        CheckConstraint("customer_id IS NOT NULL OR lead_id IS NOT NULL", name="whom"),
        _planned_once("uq_followups_customer_due", "customer_id"),
        _planned_once("uq_followups_lead_due", "lead_id"),
        Index("ix_followups_assigned_due", "assigned_to", "due_on"),
        Index("ix_followups_assigned_called", "assigned_to", "called_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    lead_id: Mapped[int | None] = mapped_column(ForeignKey("leads.id"), index=True)
    preorder_id: Mapped[int | None] = mapped_column(ForeignKey("preorders.id"))
    kind: Mapped[ContactKind] = mapped_column(enum_column(ContactKind),
                                              default=ContactKind.CALL, server_default="call")
    due_on: Mapped[date | None] = mapped_column(Date)  # planned for (None: as soon as may be)
    planned_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))
    # recent_purchase / card_renewal / lead / prospect_revisit / business_visit /
    # preorder_arrived
    reason: Mapped[str] = mapped_column(String(40))
    assigned_to: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    outcome: Mapped[CallOutcome] = mapped_column(enum_column(CallOutcome),
                                                 default=CallOutcome.NOT_CALLED)
    notes: Mapped[str] = mapped_column(Text, default="")
    called_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
