"""Service after the sale: installation, on-site and repair jobs (a numbered document of
the store whose every change is an append-only, sealed job event), what was proposed
and sold on a job's own sheet, claims against service cards, the units a business card
covers, and the five times a card is confirmed."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from pos.db.models.base import Base, UtcDateTime, enum_column
from pos.kernel.enums import (
    ConfirmPoint, Department, JobEventKind, Outcome, ServiceJobKind, ServiceJobState,
)


class ServiceJob(Base):
    """A job (S01-JB-000001): the cache of its events (`journal verify` checks it)."""

    __tablename__ = "service_jobs"
    __table_args__ = (
        Index("ix_service_jobs_board", "store_id", "state", "due_at"),
        Index("ix_service_jobs_technician", "technician_id", "state", "appointment_start"),
        Index("ix_service_jobs_serial", "serial"),
        Index("ix_service_jobs_customer_id", "customer_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    job_no: Mapped[str] = mapped_column(String(24), unique=True)
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"))
    kind: Mapped[ServiceJobKind] = mapped_column(enum_column(ServiceJobKind))
    state: Mapped[ServiceJobState] = mapped_column(enum_column(ServiceJobState))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))  # the unit's sale
    unit_line_id: Mapped[int | None] = mapped_column(ForeignKey("sale_lines.id"))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"))
    serial: Mapped[str | None] = mapped_column(String(64))
    unit_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    not_sold_here: Mapped[bool] = mapped_column(
        Boolean(create_constraint=True, name="not_sold_here_is_boolean"), default=False,
        server_default="0")
    need: Mapped[str] = mapped_column(Text, default="", server_default="")
    priority: Mapped[int] = mapped_column(Integer, default=2, server_default="2")
    area: Mapped[str | None] = mapped_column(String(20))  # a key of setting service_promise
    address: Mapped[str] = mapped_column(String(300), default="", server_default="")
    contact_phone: Mapped[str | None] = mapped_column(String(32))
    technician_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    appointment_start: Mapped[datetime | None] = mapped_column(UtcDateTime())
    appointment_end: Mapped[datetime | None] = mapped_column(UtcDateTime())
    registered_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    due_at: Mapped[datetime | None] = mapped_column(UtcDateTime())  # the promise
    arrived_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    cancelled_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # a repair's intake
    fault: Mapped[str] = mapped_column(Text, default="", server_default="")
    accessories: Mapped[str] = mapped_column(String(300), default="", server_default="")
    condition: Mapped[str] = mapped_column(String(300), default="", server_default="")
    estimate: Mapped[int | None] = mapped_column(BigInteger)
    diagnosis: Mapped[str] = mapped_column(Text, default="", server_default="")
    card_id: Mapped[int | None] = mapped_column(ForeignKey("service_cards.id"))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    request_id: Mapped[str] = mapped_column(String(36), unique=True)


class JobEvent(Base):
    """One change to a job, appended, never edited; sealed as an audit event."""

    __tablename__ = "job_events"
    __table_args__ = (Index("ix_job_events_job_id", "job_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("service_jobs.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    kind: Mapped[JobEventKind] = mapped_column(enum_column(JobEventKind))
    from_state: Mapped[ServiceJobState | None] = mapped_column(enum_column(ServiceJobState))
    to_state: Mapped[ServiceJobState | None] = mapped_column(enum_column(ServiceJobState))
    details_json: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")
    event_id: Mapped[int | None] = mapped_column(ForeignKey("audit_events.id"))


class JobItemOutcome(Base):
    """An item of the job's sheet: proposed (in the pre-visit call, or on the job), and
    how it ended."""

    __tablename__ = "job_item_outcomes"
    __table_args__ = (UniqueConstraint("job_id", "sheet_item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("service_jobs.id"))
    sheet_item_id: Mapped[int | None] = mapped_column(ForeignKey("sheet_items.id"))
    item_code: Mapped[str] = mapped_column(String(40))
    item_name: Mapped[str] = mapped_column(String(120))
    outcome: Mapped[Outcome] = mapped_column(enum_column(Outcome))
    proposed_in_call: Mapped[bool] = mapped_column(
        Boolean(create_constraint=True, name="proposed_in_call_is_boolean"), default=False,
        server_default="0")
    answer: Mapped[str] = mapped_column(String(300), default="", server_default="")
    sold_sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)  # attach by period


class CardClaim(Base):
    """A service recorded against a card (S01-CL-000001): covered, or not and why."""

    __tablename__ = "card_claims"
    __table_args__ = (Index("ix_card_claims_card_id", "card_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_no: Mapped[str] = mapped_column(String(24), unique=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("service_cards.id"))
    job_id: Mapped[int | None] = mapped_column(ForeignKey("service_jobs.id"), index=True)
    serial: Mapped[str | None] = mapped_column(String(64))
    covered: Mapped[bool] = mapped_column(Boolean(create_constraint=True,
                                                  name="covered_is_boolean"))
    what: Mapped[str] = mapped_column(String(40))  # the service: software, hardware, screen
    reason: Mapped[str | None] = mapped_column(String(40))  # why not covered: a message id
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    event_id: Mapped[int | None] = mapped_column(ForeignKey("audit_events.id"))


class CardUnit(Base):
    """A unit a card covers beyond its own (a business card for ten PCs)."""

    __tablename__ = "card_units"
    __table_args__ = (UniqueConstraint("card_id", "serial"), Index("ix_card_units_serial", "serial"))

    id: Mapped[int] = mapped_column(primary_key=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("service_cards.id"))
    serial: Mapped[str] = mapped_column(String(64))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"))
    registered_at: Mapped[datetime] = mapped_column(UtcDateTime())
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("audit_events.id"))


class CardConfirmation(Base):
    """One of the five times a unit's service card was confirmed, and the answer."""

    __tablename__ = "card_confirmations"
    __table_args__ = (
        Index("ix_card_confirmations_sale_id", "sale_id"),
        Index("ix_card_confirmations_job_id", "job_id"),
        Index("ix_card_confirmations_staff_id", "staff_id", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))
    unit_line_id: Mapped[int | None] = mapped_column(ForeignKey("sale_lines.id"))
    job_id: Mapped[int | None] = mapped_column(ForeignKey("service_jobs.id"))
    serial: Mapped[str | None] = mapped_column(String(64))
    point: Mapped[ConfirmPoint] = mapped_column(enum_column(ConfirmPoint))
    accepted: Mapped[bool] = mapped_column(Boolean(create_constraint=True,
                                                   name="accepted_is_boolean"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime())


class DepartmentSheet(Base):
    """The sheet a department proposes from for a category's units (the counter's is the
    category's own sheet)."""

    __tablename__ = "department_sheets"

    department: Mapped[Department] = mapped_column(enum_column(Department), primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"), primary_key=True,
                                             autoincrement=False)
    template_id: Mapped[int] = mapped_column(ForeignKey("sheet_templates.id",
                                                        ondelete="CASCADE"))
