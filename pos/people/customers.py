"""Customers: found by phone (normalised), created at the counter. Names and company
names are kept as pos.kernel.text.clean_text keeps free text: no control characters, a
length limit the same on every database, and any card number in them masked."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select

from pos.db.engine import Database
from pos.db.models import AuditEvent, Customer, InvoiceRequest, Staff
from pos.kernel.enums import CustomerKind
from pos.kernel.errors import UserError
from pos.kernel.messages import Message
from pos.kernel.text import clean_text, mask_card_numbers, printable
from pos.ledger import audit

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


DETAIL_COLUMNS = ("company", "tax_id", "invoice_address", "invoice_phone", "bank_name",
                  "bank_account")


def customer_details(db: Database, *, customer_id: int) -> tuple[CustomerInfo, dict[str, str]]:
    """The customer and their invoice details by column ("" when unset), for a screen."""
    with db.read() as session:
        customer = session.get(Customer, customer_id)
        if customer is None:
            raise UserError("customer.gone")
        return _info(customer), {name: getattr(customer, name) or "" for name in DETAIL_COLUMNS}


def create_customer(db: Database, *, phone: str, name: str, kind: str = "consumer",
                    company: str | None = None) -> CustomerInfo:
    phone = normalise_phone(phone)
    name = clean_text(name, max_length=NAME_MAX, field="field.name")
    if not name:
        raise UserError("customer.needs_name")
    company = detail_text(company, max_length=COMPANY_MAX, field="field.company") or None
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


# --- invoice details (what a fapiao request needs) and the customer's owner ----------

ADDRESS_MAX, INVOICE_PHONE_MAX, BANK_NAME_MAX = 300, 40, 120
UNSET = object()  # a detail not given to update_customer: left as it is
_TAX_ID = re.compile(r"[0-9A-Z]{15,20}")
# a tax id typed on a Chinese keyboard in full width: its digits and letters as ASCII
_WIDE_ALNUM = {**{0xFF10 + i: 0x30 + i for i in range(10)},
               **{0xFF21 + i: 0x41 + i for i in range(26)},
               **{0xFF41 + i: 0x61 + i for i in range(26)}}
# Marks that turn text around where it is shown (a company "Acme\u202eLtd" would read
# otherwise on a fapiao, in the accounting system's spreadsheet, or hide a formula):
# refused in what an invoice prints.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def detail_text(text, *, max_length: int, field: str) -> str:
    """A business detail as clean_text keeps it, and without bidirectional controls."""
    value = clean_text(text, max_length=max_length, field=field)
    if _BIDI.search(value):
        raise UserError("text.control_characters", field=field)
    return value
_BANK_SEPARATORS = re.compile(r"[\s\-]+")
INVOICE_FIELDS = ("company", "tax_id", "address", "phone", "bank_name", "bank_account")


@dataclass(frozen=True)
class InvoiceDetails:
    """A customer's invoice details as they are now (a request keeps a snapshot)."""

    company: str
    tax_id: str
    address: str
    phone: str
    bank_name: str
    bank_account: str

    def missing(self) -> list[str]:
        """The details a fapiao cannot be asked for without (message ids)."""
        return [f"invoice.field.{name}" for name in ("company", "tax_id")
                if not getattr(self, name)]

    def as_dict(self) -> dict:
        return {name: getattr(self, name) for name in INVOICE_FIELDS}


def clean_tax_id(text: str | None) -> str | None:
    """A unified social credit code or older tax id: 15 to 20 of [0-9A-Z] (typed in lower
    case or with spaces, it is kept upper case without them); empty -> None."""
    if text is not None and not isinstance(text, str):
        raise UserError("customer.bad_tax_id", tax_id=str(text)[:40])
    value = re.sub(r"\s+", "", (text or "").translate(_WIDE_ALNUM)).upper()
    if not value:
        return None
    if not _TAX_ID.fullmatch(value):
        raise UserError("customer.bad_tax_id", tax_id=printable(value)[:40])
    return value


def clean_bank_account(text: str | None) -> str | None:
    """A bank account number: 8 to 32 digits, typed with spaces or dashes or not, kept as
    digits. Its own cleaner: clean_text would mask it (a Luhn-valid account looks like a
    card number), and an invoice needs it whole. Empty -> None."""
    if text is not None and not isinstance(text, str):
        raise UserError("customer.bad_bank_account", account=str(text)[:40])
    value = _BANK_SEPARATORS.sub("", (text or "").translate(_FULLWIDTH))
    if not value:
        return None
    if not (value.isascii() and value.isdigit() and 8 <= len(value) <= 32):
        raise UserError("customer.bad_bank_account",
                        account=mask_card_numbers(printable(text.strip()))[:40])
    return value


def invoice_details(conn, customer_id: int) -> InvoiceDetails | None:
    """The customer's invoice details now, inside the caller's transaction (None: no
    such customer)."""
    row = conn.execute(select(
        Customer.company, Customer.tax_id, Customer.invoice_address, Customer.invoice_phone,
        Customer.bank_name, Customer.bank_account).where(Customer.id == customer_id)).first()
    if row is None:
        return None
    return InvoiceDetails(*(value or "" for value in row))


def update_customer(db: Database, *, customer_id: int, company=UNSET, tax_id=UNSET,
                    invoice_address=UNSET, invoice_phone=UNSET, bank_name=UNSET,
                    bank_account=UNSET, owner_id=UNSET) -> CustomerInfo:
    """Change a customer's invoice details and owner (a customer manager). What is not
    given stays; None or "" clears it (a business customer keeps a company name). Every
    value is checked before anything is written."""
    values = {}
    if company is not UNSET:
        values["company"] = detail_text(company, max_length=COMPANY_MAX,
                                        field="field.company") or None
    if tax_id is not UNSET:
        values["tax_id"] = clean_tax_id(tax_id)
    if invoice_address is not UNSET:
        values["invoice_address"] = detail_text(invoice_address, max_length=ADDRESS_MAX,
                                                field="field.address") or None
    if invoice_phone is not UNSET:
        values["invoice_phone"] = detail_text(invoice_phone, max_length=INVOICE_PHONE_MAX,
                                              field="field.phone") or None
    if bank_name is not UNSET:
        values["bank_name"] = detail_text(bank_name, max_length=BANK_NAME_MAX,
                                          field="field.bank_name") or None
    if bank_account is not UNSET:
        values["bank_account"] = clean_bank_account(bank_account)
    with db.unit_of_work() as session:
        customer = session.get(Customer, customer_id)
        if customer is None:
            raise UserError("customer.unknown", customer=str(customer_id))
        if "company" in values and values["company"] is None \
                and customer.kind is CustomerKind.BUSINESS:
            raise UserError("customer.needs_company")
        if owner_id is not UNSET:
            if owner_id is not None and session.scalar(select(Staff.id).where(
                    Staff.id == owner_id, Staff.active.is_(True))) is None:
                raise UserError("customer.bad_owner", staff=str(owner_id)[:40])
            values["owner_id"] = owner_id
        for name, value in values.items():
            setattr(customer, name, value)
        session.flush()
        return _info(customer)


def record_invoice_request(conn, *, sale_id: int, receipt_no: str, customer_id: int | None,
                           staff_id: int | None) -> int:
    """A fapiao asked for a sale, inside the caller's transaction (the sale's own, or a
    later one): the customer's details as they are now, kept on `invoice_requests` and
    sealed as an `invoice_requested` event. Refused (nothing written) without a customer
    with a company and a tax id, or when one was already asked for this sale."""
    details = invoice_details(conn, customer_id) if customer_id is not None else None
    if details is None:
        raise UserError("invoice.not_a_sale", receipt=receipt_no)
    missing = details.missing()
    if missing:
        raise UserError("invoice.needs_details", missing=[Message(m) for m in missing])
    if conn.execute(select(InvoiceRequest.id).where(
            InvoiceRequest.sale_id == sale_id)).scalar() is not None:
        raise UserError("invoice.already_requested", receipt=receipt_no)
    snapshot = details.as_dict()
    event_id = audit.record(conn, staff_id=staff_id, action="invoice_requested",
                            ref=f"sale:{receipt_no}", details={
                                "sale": sale_id, "receipt": receipt_no,
                                "customer": customer_id, **snapshot})
    at = conn.execute(select(AuditEvent.at).where(AuditEvent.id == event_id)).scalar_one()
    conn.execute(InvoiceRequest.__table__.insert().values(
        sale_id=sale_id, customer_id=customer_id, requested_at=at, staff_id=staff_id,
        event_id=event_id, **snapshot))
    return event_id
