"""Follow-up calls to recent buyers, assigned to salespeople, with what came of them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pos.db.models.base import Base, UtcDateTime, enum_column
from pos.kernel.clock import utcnow
from pos.kernel.enums import CallOutcome


class FollowUp(Base):
    __tablename__ = "followups"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))
    reason: Mapped[str] = mapped_column(String(40))  # recent_purchase / card_renewal
    assigned_to: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    outcome: Mapped[CallOutcome] = mapped_column(enum_column(CallOutcome),
                                                 default=CallOutcome.NOT_CALLED)
    notes: Mapped[str] = mapped_column(Text, default="")
    called_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
