"""Leads (商机): people and companies who have not bought yet, or customers with a new
need, with the five needs answers, an owner and a next contact date. Working data, edited
many times a day: the decisions about them that matter (a hand-over to the business
team) are sealed as audit events."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pos.db.models.base import Base, UtcDateTime, enum_column
from pos.kernel.enums import LeadKind, LeadState


class Lead(Base):
    __tablename__ = "leads"
    __table_args__ = (
        Index("ix_leads_owner_id", "owner_id", "state", "next_contact_on"),
        Index("ix_leads_state", "state", "next_contact_on"),
        Index("ix_leads_phone", "phone"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"))
    kind: Mapped[LeadKind] = mapped_column(enum_column(LeadKind))
    contact_name: Mapped[str] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(32))
    wechat: Mapped[str | None] = mapped_column(String(64))
    company: Mapped[str | None] = mapped_column(String(200))
    # a customer with a new need, or the customer a won lead became
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    # The five needs questions (五问): who uses it, for what, what they can use, what
    # they value, and the salesperson's summary of the need.
    need_who: Mapped[str] = mapped_column(Text, default="", server_default="")
    need_what: Mapped[str] = mapped_column(Text, default="", server_default="")
    need_can_use: Mapped[str] = mapped_column(Text, default="", server_default="")
    need_values: Mapped[str] = mapped_column(Text, default="", server_default="")
    need_summary: Mapped[str] = mapped_column(Text, default="", server_default="")
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    referred_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    next_contact_on: Mapped[date | None] = mapped_column(Date)
    state: Mapped[LeadState] = mapped_column(enum_column(LeadState))
    lost_reason: Mapped[str | None] = mapped_column(String(200))
    team: Mapped[str | None] = mapped_column(String(12))
    handed_over_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    handed_over_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())
