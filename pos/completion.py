"""Completing a cart: one transaction writes the sale, its lines, sheet outcomes,
service cards, payments, stock and serials, takes the next gapless receipt number and
seals the sale in the journal. All or nothing.

This is the hot path of the till, so it speaks SQLAlchemy Core: a fixed, small number
of statements per sale (executemany for the rows), no ORM flushes.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import bindparam, select, tuple_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from . import journal
from .cart import Cart, TenderInput, check_tenders, outcome_key, totals
from .db import Database
from .errors import UserError
from .models import (
    CardState, Customer, DocumentCounter, DocumentKind, Payment, PrintJob, Product, Sale, SaleLine, SaleState,
    ServiceCard, ServiceTier, SheetItem, SheetOutcome, SheetSection, SoldSerial, Tender, Terminal,
)
from .models.base import utcnow
from .print_queue import PrintRequest, job_rows
from .sale_documents import build_document, sale_header
from .shifts import shift_for_sale
from .settings import get_setting

SALES, LINES, OUTCOMES = Sale.__table__, SaleLine.__table__, SheetOutcome.__table__
CARDS, PAYMENTS, SERIALS = ServiceCard.__table__, Payment.__table__, SoldSerial.__table__
PRODUCTS = Product.__table__

# Statements built once: SQLAlchemy then finds them compiled in its cache every sale.
_DECREMENT_STOCK = PRODUCTS.update().where(PRODUCTS.c.id == bindparam("pid")).values(
    stock=PRODUCTS.c.stock - bindparam("qty"))
_TERMINAL = select(Terminal.id).where(Terminal.code == bindparam("code"))
_CUSTOMER = select(Customer.id, Customer.name, Customer.phone, Customer.kind).where(
    Customer.id == bindparam("customer_id"))
_SERIALS_TAKEN = select(SoldSerial.serial).where(
    tuple_(SoldSerial.product_id, SoldSerial.serial).in_(bindparam("pairs", expanding=True)))
_TIERS = select(ServiceTier.id, ServiceTier.name, ServiceTier.audience,
                ServiceTier.term_months).where(ServiceTier.id.in_(bindparam("ids", expanding=True)))
_SHEET_ITEMS = (
    select(SheetSection.template_id, SheetItem.id, SheetItem.code, SheetItem.name)
    .join(SheetItem, SheetItem.section_id == SheetSection.id)
    .where(SheetSection.template_id.in_(bindparam("templates", expanding=True)))
    .order_by(SheetSection.position, SheetItem.position))
_INSERT_SALE = SALES.insert().returning(SALES.c.id)
_INSERT_LINES = LINES.insert().returning(LINES.c.id, LINES.c.position, sort_by_parameter_order=True)
_EXISTING = select(SALES.c.id, SALES.c.receipt_no, SALES.c.total, SALES.c.tendered,
                   SALES.c.change_given).where(SALES.c.cart_uuid == bindparam("uuid"))
_EXISTING_CARDS = select(CARDS.c.card_no).where(CARDS.c.sale_id == bindparam("sale_id")).order_by(
    CARDS.c.card_no)
_COUNTERS: dict[str, object] = {}


@dataclass(frozen=True)
class CompletedSale:
    sale_id: int
    receipt_no: str
    total: int
    tendered: int
    change: int
    card_numbers: tuple[str, ...]
    replayed: bool  # True when this cart had already completed (a double click, a retry)


def complete_sale(db: Database, cart: Cart, *, tenders: list[TenderInput],
                  business_date: date | None = None,
                  print_jobs: Sequence[PrintRequest] = ()) -> CompletedSale:
    """Complete the cart in one transaction. Completing the same cart again returns the
    sale it already made, so a double click or a retry after a timeout makes one sale.
    `print_jobs` are queued in the same transaction: a sale never lacks its receipt job."""
    today = business_date or date.today()
    try:
        with db.write_connection() as conn:
            done = _existing(conn, cart.uuid)
            if done is not None:
                return done
            return complete_in(conn, cart, tenders=tenders, today=today, print_jobs=print_jobs)
    except IntegrityError:
        with db.read_connection() as conn:
            done = _existing(conn, cart.uuid)
        if done is not None:  # another click of the same cart won the race
            return done
        raise UserError("A serial number on this sale was sold at the same moment elsewhere; "
                        "check the serials and try again") from None


def complete_in(conn, cart: Cart, *, tenders: list[TenderInput], today: date,
                print_jobs: Sequence[PrintRequest] = ()) -> CompletedSale:
    """Check and write the sale inside the caller's transaction (an exchange writes its
    return and its new sale in one)."""
    if not cart.billable_lines():
        raise UserError("The cart is empty")
    cart_totals = totals(cart.billable_lines())
    checked = check_tenders(cart_totals.total, tenders)
    for line in cart.lines:
        if line.serial_tracked and not line.serial:
            raise UserError(f"Scan or type the serial number of {line.name}")
    return _write(conn, cart, tenders, checked, cart_totals, today, print_jobs)


def _write(conn, cart: Cart, tenders, checked, cart_totals, today: date,
           print_jobs: Sequence[PrintRequest]) -> CompletedSale:
    terminal_id = conn.execute(_TERMINAL, {"code": cart.terminal}).scalar()
    if terminal_id is None:
        raise UserError(f"Terminal {cart.terminal} is not set up in this database")
    customer = None
    if cart.customer_id is not None:
        customer = conn.execute(_CUSTOMER, {"customer_id": cart.customer_id}).first()
    card_lines = [line for line in cart.lines if line.kind == "card"]
    if card_lines and (customer is None or not customer.name or not customer.phone):
        raise UserError("Service cards need a customer with a phone number and a name")
    billable = cart.billable_lines()
    serials = [(line.product_id, line.serial) for line in billable if line.serial]
    if serials:
        taken = conn.execute(_SERIALS_TAKEN, {"pairs": serials}).scalars().first()
        if taken:
            raise UserError(f"Serial {taken} has already been sold")
    tiers = {}
    if card_lines:
        tiers = {row.id: row for row in conn.execute(
            _TIERS, {"ids": sorted({line.tier_id for line in card_lines})})}
        for line in card_lines:
            if tiers[line.tier_id].audience.value == "business" and customer.kind.value != "business":
                raise UserError(f"{tiers[line.tier_id].name} is for business customers")
    payments = _payment_rows(conn, tenders, customer, today)

    # Numbers first (receipt, then cards), then the journal head: every sale takes its
    # locks in this order, so concurrent terminals queue and never deadlock.
    sequence = next_number(conn, terminal_id, "receipt")
    receipt_no = f"{cart.terminal}-{sequence:06d}"
    shift_id = shift_for_sale(conn, terminal_id, cart.staff_id)
    card_numbers = [f"{cart.terminal}-C{next_number(conn, terminal_id, 'card'):06d}"
                    for _ in card_lines]
    head = journal.lock_head(conn)

    # Lines this document sells get positions; an add-on's earlier unit keeps its own id.
    position = {line.line_id: index for index, line in enumerate(billable, start=1)}
    existing = {l.line_id: l.existing_line_id for l in cart.lines if l.existing_line_id}
    line_rows = [{
        "position": position[l.line_id], "kind": l.kind, "sku": l.sku, "name": l.name,
        "product_id": l.product_id, "tier_id": l.tier_id,
        "parent": position.get(l.parent_line_id), "parent_line": existing.get(l.parent_line_id),
        "quantity": l.quantity, "list_price": l.list_price, "unit_price": l.unit_price,
        "discount": l.discount, "line_total": l.total, "unit_cost": l.unit_cost,
        "vat_rate_bp": l.vat_rate_bp, "serial": l.serial, "pack": l.pack_code,
        "override_reason": l.override_reason, "seller_id": cart.staff_id,
        "sheet_item_id": l.sheet_item_id,
    } for l in billable]
    outcome_rows = _outcome_rows(conn, cart, position)
    card_rows = []
    for number, line in zip(card_numbers, card_lines):
        term = tiers[line.tier_id].term_months
        unit = cart.line(line.parent_line_id)
        card_rows.append([number, line.tier_id, position.get(unit.line_id), cart.customer_id,
                          unit.serial, today.isoformat(),
                          None if term is None else _add_months(today, term).isoformat(),
                          position[line.line_id], unit.line_id])
    kind = DocumentKind.ADDON if cart.original_sale_id else DocumentKind.SALE
    header = sale_header(receipt_no, cart.uuid, terminal_id, sequence, cart.staff_id,
                         cart.customer_id, today.isoformat(), cart_totals.total,
                         cart_totals.discount, cart_totals.vat_total, checked.tendered,
                         checked.change, kind.value, cart.original_receipt)
    sealed = journal.seal(head, build_document(
        sale=header, lines=line_rows, outcomes=[row[:5] for row in outcome_rows],
        payments=[[p["position"], p["tender"].value, p["amount"], p["reference"],
                   p["card_last4"], p["due_date"].isoformat() if p["due_date"] else None]
                  for p in payments],
        cards=[row[:7] for row in card_rows]))

    sale_id = conn.execute(_INSERT_SALE, dict(
        cart_uuid=cart.uuid, receipt_no=receipt_no, terminal_id=terminal_id, sequence=sequence,
        staff_id=cart.staff_id, customer_id=cart.customer_id, state=SaleState.COMPLETED,
        completed_at=utcnow(), business_date=today, total=cart_totals.total,
        discount_total=cart_totals.discount, vat_total=cart_totals.vat_total,
        tendered=checked.tendered, change_given=checked.change, journal_hash=sealed.hash,
        kind=kind, original_sale_id=cart.original_sale_id, shift_id=shift_id,
    )).scalar_one()

    line_ids = _insert_lines(conn, sale_id, line_rows)

    def db_id(cart_line_id: str) -> int:
        return existing.get(cart_line_id) or line_ids[position[cart_line_id]]

    if serials:
        conn.execute(SERIALS.insert(), [
            {"product_id": row["product_id"], "serial": row["serial"], "line_id": line_ids[row["position"]]}
            for row in line_rows if row["serial"]])
    stock = [{"pid": row["product_id"], "qty": row["quantity"]}
             for row in line_rows if row["product_id"] is not None]
    if stock:
        conn.execute(_DECREMENT_STOCK, stock)
    if outcome_rows:
        conn.execute(OUTCOMES.insert(), [{
            "sale_id": sale_id, "main_line_id": db_id(main_key), "subject": subject,
            "sheet_item_id": item_id, "item_code": code, "item_name": name, "outcome": outcome,
            "sold_line_id": line_ids[sold] if sold else None, "added_on_site": on_site,
        } for _, subject, code, outcome, sold, item_id, name, main_key, on_site in outcome_rows])
    if card_rows:
        conn.execute(CARDS.insert(), [{
            "card_no": number, "sale_id": sale_id, "line_id": line_ids[line_position],
            "main_line_id": db_id(unit_key), "tier_id": tier_id, "customer_id": customer_id,
            "unit_serial": serial, "start_date": today,
            "end_date": date.fromisoformat(end) if end else None, "state": CardState.ACTIVE,
        } for number, tier_id, _, customer_id, serial, _, end, line_position, unit_key in card_rows])
    conn.execute(PAYMENTS.insert(), [{**p, "sale_id": sale_id} for p in payments])
    journal.write(conn, sealed, doc_type=kind.value, doc_ref=receipt_no)
    if print_jobs:
        conn.execute(PrintJob.__table__.insert(), job_rows(terminal_id, receipt_no, print_jobs))
    return CompletedSale(sale_id, receipt_no, cart_totals.total, checked.tendered,
                         checked.change, tuple(card_numbers), replayed=False)


def _insert_lines(conn, sale_id: int, line_rows: list[dict]) -> dict[int, int]:
    """Insert lines (units and loose items first, then what hangs under them); returns
    position -> line id."""
    ids: dict[int, int] = {}
    for batch in ([r for r in line_rows if r["parent"] is None],
                  [r for r in line_rows if r["parent"] is not None]):  # after their unit
        if not batch:
            continue
        values = [{
            "sale_id": sale_id, "position": r["position"], "kind": r["kind"],
            "parent_line_id": ids[r["parent"]] if r["parent"] else r["parent_line"],
            "product_id": r["product_id"], "tier_id": r["tier_id"],
            "sheet_item_id": r["sheet_item_id"], "pack_code": r["pack"], "sku": r["sku"],
            "name": r["name"], "quantity": r["quantity"], "list_price": r["list_price"],
            "unit_price": r["unit_price"], "discount": r["discount"],
            "line_total": r["line_total"], "unit_cost": r["unit_cost"],
            "vat_rate_bp": r["vat_rate_bp"], "serial": r["serial"],
            "override_reason": r["override_reason"], "seller_id": r["seller_id"],
        } for r in batch]
        result = conn.execute(_INSERT_LINES, values)
        ids.update({position: line_id for line_id, position in result})
    return ids


def _outcome_rows(conn, cart: Cart, position: dict[str, int]) -> list[list]:
    """[main position, subject, item code, outcome, sold position, item id, item name] for
    every sheet item of every main unit (unmarked = not offered) and for its card."""
    mains = cart.main_units()
    templates = {m.sheet_template_id for m in mains if m.sheet_template_id is not None}
    items: dict[int, list] = {}
    if templates:
        for row in conn.execute(_SHEET_ITEMS, {"templates": sorted(templates)}):
            items.setdefault(row.template_id, []).append(row)
    rows = []
    for main in mains:
        # An add-on records only what was asked on site; the rest stands on the sale.
        on_site = main.existing_line_id is not None
        children = cart.children(main.line_id)
        for item in items.get(main.sheet_template_id, []):
            state = cart.outcomes.get(outcome_key(main.line_id, item.id), "not_offered")
            if on_site and state == "not_offered":
                continue
            sold = next((c for c in children if c.sheet_item_id == item.id), None)
            rows.append([position.get(main.line_id), "sheet_item", item.code, state,
                         position[sold.line_id] if sold else None, item.id, item.name,
                         main.line_id, on_site])
        cards = [c for c in children if c.kind == "card"]
        state = "sold" if cards else ("declined" if main.line_id in cart.cards_declined
                                      else "not_offered")
        if on_site and state == "not_offered":
            continue
        rows.append([position.get(main.line_id), "service_card", "service-card", state,
                     position[cards[0].line_id] if cards else None, None, "Service card",
                     main.line_id, on_site])
    return rows


def _payment_rows(conn, tenders: list[TenderInput], customer, today: date) -> list[dict]:
    rows = []
    for position, tender_input in enumerate(tenders, start=1):
        try:
            tender = Tender(tender_input.tender)
        except ValueError:
            raise UserError(f"'{tender_input.tender}' is not a way to pay") from None
        reference = (tender_input.reference or "").strip() or None
        last4 = (tender_input.card_last4 or "").strip() or None
        if reference and re.search(r"\d{12,}", reference.replace(" ", "").replace("-", "")):
            raise UserError("Never type a card number: keep only the terminal's reference "
                            "and the last 4 digits")
        if last4 is not None and (tender is not Tender.BANK_CARD
                                  or not re.fullmatch(r"\d{4}", last4)):
            raise UserError("Only a bank card payment keeps a last-4, and it is 4 digits")
        if tender is Tender.VOUCHER and not reference:
            raise UserError("A voucher payment needs the voucher's code")
        due = None
        if tender is Tender.ON_ACCOUNT:
            if customer is None:
                raise UserError("Paying on account needs the customer")
            days = get_setting(conn, "account_days")[customer.kind.value]
            due = today + timedelta(days=days)
        rows.append({"position": position, "tender": tender, "amount": tender_input.amount,
                     "reference": reference, "card_last4": last4, "due_date": due})
    return rows


def next_number(conn, terminal_id: int, kind: str) -> int:
    """The next number of a gapless per-terminal sequence, inside the sale's transaction
    (the counter row stays locked until commit, so numbers are never shared or skipped)."""
    statement = _COUNTERS.get(conn.dialect.name)
    if statement is None:
        insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
        statement = insert(DocumentCounter).values(
            terminal_id=bindparam("terminal_id"), kind=bindparam("kind"), last_number=1,
        ).on_conflict_do_update(
            index_elements=["terminal_id", "kind"],
            set_={"last_number": DocumentCounter.last_number + 1},
        ).returning(DocumentCounter.last_number)
        _COUNTERS[conn.dialect.name] = statement
    return conn.execute(statement, {"terminal_id": terminal_id, "kind": kind}).scalar_one()


def _existing(conn, cart_uuid: str) -> CompletedSale | None:
    sale = conn.execute(_EXISTING, {"uuid": cart_uuid}).first()
    if sale is None:
        return None
    cards = conn.execute(_EXISTING_CARDS, {"sale_id": sale.id}).scalars().all()
    return CompletedSale(sale.id, sale.receipt_no, sale.total, sale.tendered, sale.change_given,
                         tuple(cards), replayed=True)


def _add_months(start: date, months: int) -> date:
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
