"""Print jobs: stored with the sale, so a dead printer never loses a receipt."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pos.db.models.base import Base, UtcDateTime, enum_column
from pos.kernel.clock import utcnow
from pos.kernel.enums import JobKind, JobState


class PrintJob(Base):
    __tablename__ = "print_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminals.id"), index=True)
    kind: Mapped[JobKind] = mapped_column(enum_column(JobKind))
    ref: Mapped[str] = mapped_column(String(40), index=True)  # receipt or card number
    printer_uri: Mapped[str] = mapped_column(String(300))
    reprint: Mapped[bool] = mapped_column(Boolean, default=False)
    open_drawer: Mapped[bool] = mapped_column(Boolean, default=False)
    options_json: Mapped[str] = mapped_column(Text, default="{}")
    state: Mapped[JobState] = mapped_column(enum_column(JobState), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    last_error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    printed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
