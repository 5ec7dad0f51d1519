"""After the sale: finding it again, returns (refunds) against the receipt, and voids.

A completed sale is never edited. A return or a void is a new document in the same
numbering and the same journal chain, with negative lines and payments that point at
what they correct; stock and serials go back, refunded service cards are cancelled.
Permissions are checked here (pos.people.permissions), not only on the screen."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select, update

from pos.db.engine import Database
from pos.db.models import Payment, Product, Sale, SaleLine, ServiceCard, SoldSerial, Terminal
from pos.kernel.clock import utcnow
from pos.kernel.enums import CardState, DocumentKind, SaleState, Tender
from pos.kernel.errors import UserError
from pos.kernel.money import round_half_up, to_decimal_string
from pos.kernel.vat import vat_included
from pos.ledger import audit, chain
from pos.ledger.documents import Correction, build_document, original_sale, sale_header
from pos.ledger.drawer import shift_for_sale
from pos.ledger.numbering import next_number
from pos.people import permissions
from pos.selling.cart import TenderInput

# --- returns ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ReturnItem:
    position: int  # the line's position on the original receipt
    quantity: int


def returnable(db: Database, *, receipt_no: str) -> dict[int, int]:
    """Original line position -> quantity that may still come back."""
    with db.read() as session:
        sale = original_sale(session, receipt_no)
        lines = session.scalars(select(SaleLine).where(SaleLine.sale_id == sale.id)).all()
        back = _returned(session, [line.id for line in lines])
        return {line.position: line.quantity - back.get(line.id, (0, 0))[0] for line in lines}


def refund(db: Database, *, receipt_no: str, staff_id: int, items: list[ReturnItem],
           tenders: list[TenderInput], with_attached: bool | None = None,
           approval_id: int | None = None, reason: str = "") -> Correction:
    """Take goods back against a receipt and pay the money back. Returning a main unit
    asks (with_attached) whether what was sold with it comes back too."""
    with db.write_connection() as conn:
        return _refund_in(conn, receipt_no=receipt_no, staff_id=staff_id, items=items,
                          tenders=tenders, with_attached=with_attached, approval_id=approval_id,
                          reason=reason)


def _refund_in(conn, *, receipt_no, staff_id, items, tenders, with_attached, approval_id,
               reason, exchange_credit: int = 0) -> Correction:
    """The refund inside a caller's transaction; `exchange_credit` of it is not paid out
    but spent on the exchange's new sale."""
    if not items:
        raise UserError("Choose what comes back")
    auth = permissions.authorise(conn, action="refund", ref=receipt_no.strip().upper(),
                                 staff_id=staff_id, approval_id=approval_id)
    sale = _original_conn(conn, receipt_no)
    lines = {row.position: row for row in conn.execute(
        select(SaleLine.__table__).where(SaleLine.sale_id == sale.id))}
    back = _returned_conn(conn, [row.id for row in lines.values()])
    wanted = _wanted(lines, sale, items)
    by_id = {row.id: row for row in lines.values()}
    rows = _plan(lines, back, wanted, with_attached)
    total = sum(amount for _, _, amount in rows)
    already = -int(conn.execute(select(func.coalesce(func.sum(Sale.total), 0)).where(
        Sale.original_sale_id == sale.id)).scalar())  # int(): PostgreSQL sums as NUMERIC
    if total > sale.total - already:
        raise UserError("A refund cannot be more than was paid less earlier refunds")
    payments = _refund_payments(conn, sale, tenders, total - exchange_credit)
    if exchange_credit:
        payments.append({"tender": Tender.EXCHANGE, "amount": -exchange_credit,
                         "reference": None, "card_last4": None})
    return _write_correction(conn, sale, DocumentKind.REFUND, rows, payments, auth,
                             by_id, reason)


def _wanted(lines: dict, sale, items: list[ReturnItem]) -> dict[int, int]:
    if not items:
        raise UserError("Choose what comes back")
    wanted: dict[int, int] = {}
    for item in items:
        if lines.get(item.position) is None:
            raise UserError(f"Line {item.position} is not on receipt {sale.receipt_no}")
        if isinstance(item.quantity, bool) or not isinstance(item.quantity, int) or item.quantity <= 0:
            raise UserError("A returned quantity is a whole number above zero")
        wanted[item.position] = wanted.get(item.position, 0) + item.quantity
    return wanted


def _plan(lines: dict, back: dict, wanted: dict[int, int], with_attached: bool | None) -> list:
    """(original line, quantity, amount) for each line coming back; refuses what cannot."""
    for position in list(wanted):
        line = lines[position]
        if line.kind.value != "main_unit":
            continue
        attached = [row for row in lines.values() if row.parent_line_id == line.id
                    and row.quantity - back.get(row.id, (0, 0))[0] > 0
                    and row.position not in wanted]
        if attached and with_attached is None:
            names = ", ".join(row.name for row in attached)
            raise UserError(f"{line.name} was sold with {names}: do they come back too?")
        if with_attached:
            for row in attached:
                wanted[row.position] = row.quantity - back.get(row.id, (0, 0))[0]
    rows = []
    for position, quantity in sorted(wanted.items()):
        line = lines[position]
        done_qty, done_amount = back.get(line.id, (0, 0))
        left = line.quantity - done_qty
        if quantity > left:
            raise UserError(f"Only {left} of {line.name} can still come back on this receipt"
                            if left else f"{line.name} has already come back")
        if quantity == left:
            amount = line.line_total - done_amount  # the last unit takes the rounding
        else:
            amount = round_half_up(line.line_total * quantity, line.quantity)
        rows.append((line, quantity, amount))
    return rows


def quote_refund(db: Database, *, receipt_no: str, items: list[ReturnItem],
                 with_attached: bool | None = None) -> int:
    """What the customer gets back for these items (positive), before anything is done."""
    with db.read_connection() as conn:
        sale = _original_conn(conn, receipt_no)
        lines = {row.position: row for row in conn.execute(
            select(SaleLine.__table__).where(SaleLine.sale_id == sale.id))}
        back = _returned_conn(conn, [row.id for row in lines.values()])
        wanted = _wanted(lines, sale, items)
        return sum(amount for _, _, amount in _plan(lines, back, wanted, with_attached))


# --- writing a correction document ----------------------------------------------------


def _write_correction(conn, sale, kind: DocumentKind, rows, payments, auth, by_id, reason) -> Correction:
    terminal_code = conn.execute(select(Terminal.code).where(Terminal.id == sale.terminal_id)).scalar()
    sequence = next_number(conn, sale.terminal_id, "receipt")
    receipt_no = f"{terminal_code}-{sequence:06d}"
    shift_id = shift_for_sale(conn, sale.terminal_id, auth.staff_id)
    today = date.today()
    positions = {}
    line_rows = []
    for index, (line, quantity, amount) in enumerate(rows, start=1):
        positions[line.id] = index
        discount = (line.discount if quantity == line.quantity
                    else round_half_up(line.discount * quantity, line.quantity))
        line_rows.append({
            "position": index, "kind": line.kind.value, "sku": line.sku, "name": line.name,
            "product_id": line.product_id, "tier_id": line.tier_id,
            "parent": positions.get(line.parent_line_id) if line.parent_line_id else None,
            "quantity": -quantity,
            "list_price": line.list_price, "unit_price": line.unit_price, "discount": -discount,
            "line_total": -amount, "unit_cost": line.unit_cost, "vat_rate_bp": line.vat_rate_bp,
            "serial": line.serial, "pack": line.pack_code, "override_reason": None,
            "seller_id": auth.staff_id, "original_line": line.id,
        })
    total = sum(row["line_total"] for row in line_rows)
    by_rate: dict[int, int] = {}
    for row in line_rows:
        by_rate[row["vat_rate_bp"]] = by_rate.get(row["vat_rate_bp"], 0) + row["line_total"]
    vat_total = -sum(vat_included(-gross, rate) for rate, gross in by_rate.items())
    paid = sum(p["amount"] for p in payments)
    header = sale_header(receipt_no, str(uuid.uuid4()), sale.terminal_id, sequence, auth.staff_id,
                         sale.customer_id, today.isoformat(), total, sum(r["discount"] for r in line_rows),
                         vat_total, paid, 0, kind.value, sale.receipt_no)
    sealed = chain.seal(chain.lock_head(conn), build_document(
        sale=header, lines=line_rows, outcomes=[],
        payments=[[i, p["tender"].value, p["amount"], p["reference"], p["card_last4"], None]
                  for i, p in enumerate(payments, start=1)], cards=[]))
    correction_id = conn.execute(Sale.__table__.insert().values(
        cart_uuid=header["cart_uuid"], receipt_no=receipt_no, terminal_id=sale.terminal_id,
        sequence=sequence, staff_id=auth.staff_id, customer_id=sale.customer_id,
        state=SaleState.COMPLETED, completed_at=utcnow(), business_date=today, total=total,
        discount_total=header["discount_total"], vat_total=vat_total, tendered=paid,
        change_given=0, journal_hash=sealed.hash, kind=kind, original_sale_id=sale.id,
        shift_id=shift_id,
    ).returning(Sale.id)).scalar_one()
    ids = {}
    for row in line_rows:
        ids[row["position"]] = conn.execute(SaleLine.__table__.insert().values(
            sale_id=correction_id, position=row["position"], kind=row["kind"],
            parent_line_id=ids.get(row["parent"]), product_id=row["product_id"],
            tier_id=row["tier_id"], sheet_item_id=None, pack_code=row["pack"], sku=row["sku"],
            name=row["name"], quantity=row["quantity"], list_price=row["list_price"],
            unit_price=row["unit_price"], discount=row["discount"], line_total=row["line_total"],
            unit_cost=row["unit_cost"], vat_rate_bp=row["vat_rate_bp"], serial=row["serial"],
            override_reason=None, seller_id=auth.staff_id, original_line_id=row["original_line"],
        ).returning(SaleLine.id)).scalar_one()
        if row["product_id"] is not None:
            conn.execute(update(Product).where(Product.id == row["product_id"])
                         .values(stock=Product.stock - row["quantity"]))
        if row["serial"]:
            conn.execute(SoldSerial.__table__.delete().where(
                SoldSerial.line_id == row["original_line"]))
    cancelled = []
    for line, _, _ in rows:
        if line.kind.value == "card":
            card_no = conn.execute(select(ServiceCard.card_no).where(ServiceCard.line_id == line.id)).scalar()
            conn.execute(update(ServiceCard).where(ServiceCard.line_id == line.id)
                         .values(state=CardState.CANCELLED))
            cancelled.append(card_no)
    for index, payment in enumerate(payments, start=1):
        conn.execute(Payment.__table__.insert().values(
            sale_id=correction_id, position=index, tender=payment["tender"],
            amount=payment["amount"], reference=payment["reference"],
            card_last4=payment["card_last4"], due_date=None))
    chain.write(conn, sealed, doc_type=kind.value, doc_ref=receipt_no)
    audit.record(conn, staff_id=auth.staff_id, action=kind.value,
                 ref=sale.receipt_no or "no receipt",
                 details={"document": receipt_no, "amount": to_decimal_string(-total),
                            "approved_by": auth.approved_by, "reason": reason,
                            "cards_cancelled": cancelled})
    return Correction(receipt_no, sale.receipt_no, total, tuple(cancelled))


def _refund_payments(conn, sale, tenders: list[TenderInput], total: int) -> list[dict]:
    if total == 0 and not tenders:
        return []
    if sum(t.amount for t in tenders) != total:
        raise UserError(f"The refund is {to_decimal_string(total)}; the money given back must "
                        "add up to exactly that")
    used = {p.tender for p in conn.execute(select(Payment.tender).where(Payment.sale_id == sale.id))}
    rows = []
    for tender in tenders:
        if tender.amount <= 0:
            raise UserError("Each refund payment must be more than zero")
        try:
            kind = Tender(tender.tender)
        except ValueError:
            raise UserError(f"'{tender.tender}' is not a way to pay") from None
        if kind is not Tender.CASH and kind not in used:
            raise UserError("Money goes back in cash or by the way it was paid")
        rows.append({"tender": kind, "amount": -tender.amount, "reference": tender.reference,
                     "card_last4": tender.card_last4})
    return rows


def _original_conn(conn, receipt_no: str):
    sale = conn.execute(select(Sale.__table__).where(
        Sale.receipt_no == receipt_no.strip().upper())).first()
    if sale is None:
        raise UserError(f"No sale has the receipt number '{receipt_no}'")
    if sale.kind is not DocumentKind.SALE:
        raise UserError(f"{sale.receipt_no} is a {sale.kind.value}, not a sale")
    return sale


def _returned(session, line_ids) -> dict[int, tuple[int, int]]:
    return _returned_conn(session.connection(), line_ids)


def _returned_conn(conn, line_ids) -> dict[int, tuple[int, int]]:
    """Original line id -> (quantity, amount) already taken back by returns or voids."""
    if not line_ids:
        return {}
    rows = conn.execute(
        select(SaleLine.original_line_id, func.sum(-SaleLine.quantity), func.sum(-SaleLine.line_total))
        .where(SaleLine.original_line_id.in_(line_ids)).group_by(SaleLine.original_line_id))
    return {line_id: (int(qty), int(amount)) for line_id, qty, amount in rows}
