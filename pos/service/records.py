"""What the service-job services return: plain frozen records, no database objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from pos.kernel.enums import JobEventKind, ServiceJobKind, ServiceJobState

CLOSED_STATES = frozenset({ServiceJobState.DONE, ServiceJobState.CANCELLED,
                           ServiceJobState.COLLECTED})


@dataclass(frozen=True)
class JobEventView:
    """One change to a job: who, when, what."""

    id: int
    at: datetime
    staff_id: int | None
    staff_name: str | None
    kind: JobEventKind
    from_state: ServiceJobState | None
    to_state: ServiceJobState | None
    details: dict


@dataclass(frozen=True)
class JobView:
    """A job as it stands, with its events oldest first (`job_view`), or none
    (what a service returns after a change)."""

    id: int
    job_no: str
    store_id: int
    kind: ServiceJobKind
    state: ServiceJobState
    customer_id: int | None
    customer_name: str | None
    customer_phone: str | None
    sale_id: int | None
    receipt_no: str | None
    unit_line_id: int | None
    product_id: int | None
    serial: str | None
    unit_name: str
    not_sold_here: bool
    need: str
    priority: int
    area: str | None
    address: str
    contact_phone: str | None
    technician_id: int | None
    technician_name: str | None
    appointment_start: datetime | None
    appointment_end: datetime | None
    registered_at: datetime
    due_at: datetime | None
    arrived_at: datetime | None
    done_at: datetime | None
    cancelled_at: datetime | None
    fault: str
    accessories: str
    condition: str
    estimate: int | None
    diagnosis: str
    card_id: int | None
    card_no: str | None
    created_by: int | None
    events: tuple[JobEventView, ...] = field(default_factory=tuple)
    replayed: bool = False  # the same request id again: the job registered the first time

    @property
    def closed(self) -> bool:
        return self.state in CLOSED_STATES

    @property
    def met(self) -> bool | None:
        """The promise: arrived by its due time (None: no promise, or not arrived yet)."""
        if self.due_at is None or self.arrived_at is None:
            return None
        return self.arrived_at <= self.due_at


@dataclass(frozen=True)
class JobRow:
    """A line of the jobs board."""

    job_no: str
    kind: ServiceJobKind
    state: ServiceJobState
    priority: int
    customer_name: str | None
    customer_phone: str | None
    unit_name: str
    serial: str | None
    area: str | None
    address: str
    need: str
    technician_id: int | None
    technician_name: str | None
    appointment_start: datetime | None
    appointment_end: datetime | None
    registered_at: datetime
    due_at: datetime | None
    minutes_left: int | None  # to the promise (negative: late); None: no promise
    late: bool  # past its promise and not arrived


@dataclass(frozen=True)
class PromiseRow:
    """The promise kept, for one technician in one area over a period."""

    technician_id: int | None
    technician_name: str | None  # None: jobs nobody was assigned to
    area: str
    jobs: int  # jobs with a promise registered in the period (not cancelled)
    arrived: int
    on_time: int
    late: int  # arrived late, or not arrived and past due
    kept_bp: int | None  # on time / (on time + late), basis points; None: nothing to judge
    average_minutes: int | None  # registration to arrival, of those arrived
