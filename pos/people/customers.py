"""Customers: found by phone (normalised), created at the counter. Names and company
names are kept as pos.kernel.text.clean_text keeps free text: no control characters, a
length limit the same on every database, and any card number in them masked."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select

from pos.db.engine import Database
from pos.db.models import Customer
from pos.kernel.enums import CustomerKind
from pos.kernel.errors import UserError
from pos.kernel.text import clean_text, mask_card_numbers, printable

NAME_MAX, COMPANY_MAX = 120, 200  # customers.name, customers.company
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass(frozen=True)
class CustomerInfo:
    id: int
    phone: str
    name: str
    kind: CustomerKind
    company: str | None


def normalise_phone(phone: str) -> str:
    """Digits only, without a +86/0086 country prefix: '+86 138-0013-8000' -> '13800138000'."""
    if phone is not None and not isinstance(phone, str):
        raise UserError("customer.bad_phone", phone=str(phone)[:40])
    digits = re.sub(r"[^0-9]", "", (phone or "").translate(_FULLWIDTH))
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and len(digits) - len(prefix) == 11:
            digits = digits[len(prefix):]
    if not 5 <= len(digits) <= 15:
        raise UserError("customer.bad_phone", phone=mask_card_numbers(printable(phone))[:40])
    return digits


def _info(customer: Customer) -> CustomerInfo:
    return CustomerInfo(customer.id, customer.phone, customer.name, customer.kind, customer.company)


def find_customer(db: Database, *, phone: str) -> CustomerInfo | None:
    with db.read() as session:
        customer = session.scalar(select(Customer).where(Customer.phone == normalise_phone(phone)))
        return _info(customer) if customer else None


def get_customer(db: Database, *, customer_id: int) -> CustomerInfo:
    with db.read() as session:
        customer = session.get(Customer, customer_id)
        if customer is None:
            raise UserError("customer.gone")
        return _info(customer)


def create_customer(db: Database, *, phone: str, name: str, kind: str = "consumer",
                    company: str | None = None) -> CustomerInfo:
    phone = normalise_phone(phone)
    name = clean_text(name, max_length=NAME_MAX, field="field.name")
    if not name:
        raise UserError("customer.needs_name")
    company = clean_text(company, max_length=COMPANY_MAX, field="field.company") or None
    try:
        kind_value = CustomerKind(kind)
    except ValueError:
        raise UserError("customer.bad_kind") from None
    if kind_value is CustomerKind.BUSINESS and not company:
        raise UserError("customer.needs_company")
    with db.unit_of_work() as session:
        if session.scalar(select(Customer.id).where(Customer.phone == phone)):
            raise UserError("customer.phone_taken", phone=phone)
        customer = Customer(phone=phone, name=name, kind=kind_value, company=company)
        session.add(customer)
        session.flush()
        return _info(customer)
