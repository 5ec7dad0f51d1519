"""What the account services return: plain frozen records, no database objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pos.kernel.enums import AccountState, CustomerKind


@dataclass(frozen=True)
class CustomerRef:
    id: int
    phone: str
    name: str
    kind: CustomerKind
    company: str | None

    @property
    def label(self) -> str:
        return f"{self.name} ({self.phone})"


@dataclass(frozen=True)
class OpenInvoice:
    ref: str  # T01-000042/1, or a document's number
    receipt_no: str | None
    amount: int
    open_amount: int
    due_date: date | None
    opened_on: date
    days_overdue: int  # 0 when not yet due


@dataclass(frozen=True)
class AccountView:
    customer: CustomerRef
    state: AccountState
    credit_limit: int | None  # None: no limit
    term_days: int
    balance: int
    overdue: int  # what is past its due date
    oldest_overdue_days: int
    unapplied_credit: int  # >= 0: payments and refunds not yet applied
    available: int | None  # what may still be sold on account (None: no limit)
    invoices: tuple[OpenInvoice, ...] = field(default_factory=tuple)
    transfer_note: str = ""


@dataclass(frozen=True)
class PostedAccount:
    """An account document posted (or found posted by the same request id)."""

    doc_no: str
    amount: int
    balance: int  # the account's balance after it
    applied: tuple[tuple[str, int], ...] = ()  # (invoice ref, amount) settled
    unapplied: int = 0
    replayed: bool = False
