"""Completing a cart: one transaction writes the sale, its lines, sheet outcomes,
service cards, payments, stock and serials, takes the next gapless receipt number and
seals the sale in the journal. All or nothing.

This is the hot path of the till: a fixed set of statements, each compiled once and run
on the driver's cursor (`pos.db.prepared`), one indexed row at a time.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError

from pos.db import prepared
from pos.db.engine import Database
from pos.db.models import (
    Customer, Payment, PrintJob, Product, Sale, SaleLine, ServiceCard, ServiceTier, SheetItem,
    SheetOutcome, SheetSection, SoldSerial, Terminal,
)
from pos.kernel.clock import utcnow
from pos.kernel.enums import CardState, DocumentKind, SaleState, Tender
from pos.kernel.errors import UserError
from pos.ledger import chain
from pos.ledger.documents import build_document, sale_header
from pos.ledger.drawer import shift_for_sale
from pos.ledger.numbering import next_number
from pos.printjobs.print_queue import PrintRequest, job_rows
from pos.selling.cart import Cart, TenderInput, check_tenders, outcome_key, totals
from pos.store.settings import get_setting

SALES, LINES, OUTCOMES = Sale.__table__, SaleLine.__table__, SheetOutcome.__table__
CARDS, PAYMENTS, SERIALS = ServiceCard.__table__, Payment.__table__, SoldSerial.__table__
PRODUCTS, TIERS, CUSTOMERS = Product.__table__, ServiceTier.__table__, Customer.__table__
SECTIONS, ITEMS = SheetSection.__table__, SheetItem.__table__

_TERMINAL = prepared.Prepared(
    select(Terminal.__table__.c.id).where(Terminal.__table__.c.code == bindparam("code")))
_CUSTOMER = prepared.Prepared(
    select(CUSTOMERS.c.name, CUSTOMERS.c.phone, CUSTOMERS.c.kind)
    .where(CUSTOMERS.c.id == bindparam("customer_id")))
_SERIAL_TAKEN = prepared.Prepared(
    select(SERIALS.c.serial).where(SERIALS.c.product_id == bindparam("product_id"),
                                   SERIALS.c.serial == bindparam("serial")))
_TIER = prepared.Prepared(
    select(TIERS.c.name, TIERS.c.audience, TIERS.c.term_months)
    .where(TIERS.c.id == bindparam("tier_id")))
_SHEET_ITEMS = prepared.Prepared(
    select(ITEMS.c.id, ITEMS.c.code, ITEMS.c.name)
    .join(SECTIONS, ITEMS.c.section_id == SECTIONS.c.id)
    .where(SECTIONS.c.template_id == bindparam("template_id"))
    .order_by(SECTIONS.c.position, ITEMS.c.position))
_EXISTING = prepared.Prepared(
    select(SALES.c.id, SALES.c.receipt_no, SALES.c.total, SALES.c.tendered, SALES.c.change_given)
    .where(SALES.c.cart_uuid == bindparam("uuid")))
_EXISTING_CARDS = prepared.Prepared(
    select(CARDS.c.card_no).where(CARDS.c.sale_id == bindparam("sale_id")).order_by(CARDS.c.card_no))

_INSERT_SALE = prepared.insert(SALES, (
    "cart_uuid", "receipt_no", "terminal_id", "sequence", "staff_id", "customer_id", "state",
    "completed_at", "business_date", "total", "discount_total", "vat_total", "tendered",
    "change_given", "journal_hash", "kind", "original_sale_id", "shift_id"), returning=[SALES.c.id])
_LINE_COLUMNS = (
    "sale_id", "position", "kind", "parent_line_id", "product_id", "tier_id", "sheet_item_id",
    "pack_code", "sku", "name", "quantity", "list_price", "unit_price", "discount", "line_total",
    "unit_cost", "vat_rate_bp", "serial", "override_reason", "seller_id")
_INSERT_LINE = prepared.insert(LINES, _LINE_COLUMNS, returning=[LINES.c.id])
_INSERT_SERIAL = prepared.insert(SERIALS, ("product_id", "serial", "line_id"))
_DECREMENT_STOCK = prepared.Prepared(
    PRODUCTS.update().where(PRODUCTS.c.id == bindparam("pid"))
    .values(stock=PRODUCTS.c.stock - bindparam("qty")))
_INSERT_OUTCOME = prepared.insert(OUTCOMES, (
    "sale_id", "main_line_id", "subject", "sheet_item_id", "item_code", "item_name", "outcome",
    "sold_line_id", "added_on_site"))
_INSERT_CARD = prepared.insert(CARDS, (
    "card_no", "sale_id", "line_id", "main_line_id", "tier_id", "customer_id", "unit_serial",
    "start_date", "end_date", "state"))
_INSERT_PAYMENT = prepared.insert(PAYMENTS, (
    "sale_id", "position", "tender", "amount", "reference", "card_last4", "due_date"))
_INSERT_PRINT_JOB = prepared.insert(PrintJob.__table__, (
    "terminal_id", "kind", "ref", "printer_uri", "reprint", "open_drawer", "options_json",
    "state", "attempts", "next_attempt_at", "last_error", "created_at", "printed_at"))


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
    run = prepared.on(conn)
    terminal_id = run.scalar(_TERMINAL, {"code": cart.terminal})
    if terminal_id is None:
        raise UserError(f"Terminal {cart.terminal} is not set up in this database")
    customer = None  # (name, phone, kind)
    if cart.customer_id is not None:
        customer = run.first(_CUSTOMER, {"customer_id": cart.customer_id})
    card_lines = [line for line in cart.lines if line.kind == "card"]
    if card_lines and (customer is None or not customer[0] or not customer[1]):
        raise UserError("Service cards need a customer with a phone number and a name")
    billable = cart.billable_lines()
    for line in billable:
        if line.serial and run.first(_SERIAL_TAKEN, {"product_id": line.product_id,
                                                      "serial": line.serial}):
            raise UserError(f"Serial {line.serial} has already been sold")
    tiers = {}  # id -> (name, audience, term months)
    for line in card_lines:
        if line.tier_id not in tiers:
            tiers[line.tier_id] = run.first(_TIER, {"tier_id": line.tier_id})
        name, audience, _ = tiers[line.tier_id]
        if audience == "business" and customer[2] != "business":
            raise UserError(f"{name} is for business customers")
    payments = _payment_rows(conn, tenders, customer[2] if customer else None, today)

    # Numbers first (receipt, then cards), then the journal head: every sale takes its
    # locks in this order, so concurrent terminals queue and never deadlock.
    sequence = next_number(conn, terminal_id, "receipt")
    receipt_no = f"{cart.terminal}-{sequence:06d}"
    shift_id = shift_for_sale(conn, terminal_id, cart.staff_id)
    card_numbers = [f"{cart.terminal}-C{next_number(conn, terminal_id, 'card'):06d}"
                    for _ in card_lines]
    head = chain.lock_head(conn)

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
    outcome_rows = _outcome_rows(run, cart, position)
    card_rows = []
    for number, line in zip(card_numbers, card_lines):
        term = tiers[line.tier_id][2]
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
    sealed = chain.seal(head, build_document(
        sale=header, lines=line_rows, outcomes=[row[:5] for row in outcome_rows],
        payments=[[p["position"], p["tender"].value, p["amount"], p["reference"],
                   p["card_last4"], p["due_date"].isoformat() if p["due_date"] else None]
                  for p in payments],
        cards=[row[:7] for row in card_rows]))

    sale_id = run.scalar(_INSERT_SALE, dict(
        cart_uuid=cart.uuid, receipt_no=receipt_no, terminal_id=terminal_id, sequence=sequence,
        staff_id=cart.staff_id, customer_id=cart.customer_id, state=SaleState.COMPLETED,
        completed_at=utcnow(), business_date=today, total=cart_totals.total,
        discount_total=cart_totals.discount, vat_total=cart_totals.vat_total,
        tendered=checked.tendered, change_given=checked.change, journal_hash=sealed.hash,
        kind=kind, original_sale_id=cart.original_sale_id, shift_id=shift_id,
    ))

    line_ids = _insert_lines(run, sale_id, line_rows)

    def db_id(cart_line_id: str) -> int:
        return existing.get(cart_line_id) or line_ids[position[cart_line_id]]

    run.many(_INSERT_SERIAL, [
        {"product_id": row["product_id"], "serial": row["serial"], "line_id": line_ids[row["position"]]}
        for row in line_rows if row["serial"]])
    run.many(_DECREMENT_STOCK, [{"pid": row["product_id"], "qty": row["quantity"]}
                                for row in line_rows if row["product_id"] is not None])
    run.many(_INSERT_OUTCOME, [{
        "sale_id": sale_id, "main_line_id": db_id(main_key), "subject": subject,
        "sheet_item_id": item_id, "item_code": code, "item_name": name, "outcome": outcome,
        "sold_line_id": line_ids[sold] if sold else None, "added_on_site": on_site,
    } for _, subject, code, outcome, sold, item_id, name, main_key, on_site in outcome_rows])
    run.many(_INSERT_CARD, [{
        "card_no": number, "sale_id": sale_id, "line_id": line_ids[line_position],
        "main_line_id": db_id(unit_key), "tier_id": tier_id, "customer_id": customer_id,
        "unit_serial": serial, "start_date": today,
        "end_date": date.fromisoformat(end) if end else None, "state": CardState.ACTIVE,
    } for number, tier_id, _, customer_id, serial, _, end, line_position, unit_key in card_rows])
    run.many(_INSERT_PAYMENT, [{**p, "sale_id": sale_id} for p in payments])
    chain.write(conn, sealed, doc_type=kind.value, doc_ref=receipt_no)
    run.many(_INSERT_PRINT_JOB, job_rows(terminal_id, receipt_no, print_jobs))
    return CompletedSale(sale_id, receipt_no, cart_totals.total, checked.tendered,
                         checked.change, tuple(card_numbers), replayed=False)


def _insert_lines(run: prepared.Runner, sale_id: int, line_rows: list[dict]) -> dict[int, int]:
    """Insert lines (units and loose items first, then what hangs under them); returns
    position -> line id."""
    ids: dict[int, int] = {}
    for row in sorted(line_rows, key=lambda r: r["parent"] is not None):  # units first
        ids[row["position"]] = run.scalar(_INSERT_LINE, {
            "sale_id": sale_id, "position": row["position"], "kind": row["kind"],
            "parent_line_id": ids[row["parent"]] if row["parent"] else row["parent_line"],
            "product_id": row["product_id"], "tier_id": row["tier_id"],
            "sheet_item_id": row["sheet_item_id"], "pack_code": row["pack"], "sku": row["sku"],
            "name": row["name"], "quantity": row["quantity"], "list_price": row["list_price"],
            "unit_price": row["unit_price"], "discount": row["discount"],
            "line_total": row["line_total"], "unit_cost": row["unit_cost"],
            "vat_rate_bp": row["vat_rate_bp"], "serial": row["serial"],
            "override_reason": row["override_reason"], "seller_id": row["seller_id"],
        })
    return ids


def _outcome_rows(run: prepared.Runner, cart: Cart, position: dict[str, int]) -> list[list]:
    """[main position, subject, item code, outcome, sold position, item id, item name] for
    every sheet item of every main unit (unmarked = not offered) and for its card."""
    mains = cart.main_units()
    items: dict[int, list] = {}
    for template_id in {m.sheet_template_id for m in mains if m.sheet_template_id is not None}:
        items[template_id] = run.all(_SHEET_ITEMS, {"template_id": template_id})
    rows = []
    for main in mains:
        # An add-on records only what was asked on site; the rest stands on the sale.
        on_site = main.existing_line_id is not None
        children = cart.children(main.line_id)
        for item_id, item_code, item_name in items.get(main.sheet_template_id, []):
            state = cart.outcomes.get(outcome_key(main.line_id, item_id), "not_offered")
            if on_site and state == "not_offered":
                continue
            sold = next((c for c in children if c.sheet_item_id == item_id), None)
            rows.append([position.get(main.line_id), "sheet_item", item_code, state,
                         position[sold.line_id] if sold else None, item_id, item_name,
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


def _payment_rows(conn, tenders: list[TenderInput], customer_kind: str | None,
                  today: date) -> list[dict]:
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
            if customer_kind is None:
                raise UserError("Paying on account needs the customer")
            days = get_setting(conn, "account_days")[customer_kind]
            due = today + timedelta(days=days)
        rows.append({"position": position, "tender": tender, "amount": tender_input.amount,
                     "reference": reference, "card_last4": last4, "due_date": due})
    return rows


def _existing(conn, cart_uuid: str) -> CompletedSale | None:
    run = prepared.on(conn)
    sale = run.first(_EXISTING, {"uuid": cart_uuid})
    if sale is None:
        return None
    sale_id, receipt_no, total, tendered, change = sale
    cards = tuple(row[0] for row in run.all(_EXISTING_CARDS, {"sale_id": sale_id}))
    return CompletedSale(sale_id, receipt_no, total, tendered, change, cards, replayed=True)


def _add_months(start: date, months: int) -> date:
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
