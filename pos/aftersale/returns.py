"""Returns against the receipt: what may still come back, what the customer gets back
for it, and the refund itself, whole or partial. Returning a main unit asks whether what
was sold with it comes back too; a refund never exceeds what was paid less earlier
refunds, and the money goes back in cash or by the way it was paid. A refund is a new
document (pos.aftersale.corrections); the sale is never edited. Refunding is a manager's
right, checked here (pos.people.permissions), not only on the screen.

An exchange writes a return and a new sale in one transaction, so the in-transaction
steps are public: `plan_return` (what comes back, checked) and `refund_in`."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from pos.accounts.refunds import apply_refund_credit_of
from pos.aftersale.corrections import (
    Correction, exactly_once, lock_sale, money_back, paid_with, reason_text, receipt_text,
    replayed, taken_back, taking_back, write_correction,
)
from pos.aftersale.received import refundable_as_money
from pos.db.engine import Database
from pos.db.models import Sale
from pos.kernel.enums import DocumentKind, LineKind, Tender
from pos.kernel.errors import UserError
from pos.kernel.money import round_half_up
from pos.ledger.documents import DocLine, DocPayment
from pos.ledger.tables import Stored, load_stored, original_sale
from pos.people import permissions
from pos.people.permissions import Authorised
from pos.selling.cart import TenderInput


@dataclass(frozen=True)
class ReturnItem:
    position: int  # the line's position on the original receipt
    quantity: int


@dataclass(frozen=True)
class ReturnPlan:
    """What comes back against a sale: (sold line, quantity, amount) per line, checked."""

    sale: object  # the sale's row
    stored: Stored
    rows: tuple[tuple[DocLine, int, int], ...]

    @property
    def total(self) -> int:
        return sum(amount for _, _, amount in self.rows)


def returnable(db: Database, *, receipt_no: str) -> dict[int, int]:
    """Original line position -> quantity that may still come back."""
    receipt_no = receipt_text(receipt_no)
    with db.read_connection() as conn:
        stored = load_stored(conn, original_sale(conn, receipt_no).id)
        back = _back_by_position(conn, stored)
        return {line.position: line.quantity - back.get(line.position, (0, 0))[0]
                for line in stored.document.lines}


def quote_refund(db: Database, *, receipt_no: str, items: list[ReturnItem],
                 with_attached: bool | None = None) -> int:
    """What the customer gets back for these items (positive), before anything is done:
    the amount a manager approves a cashier's refund for."""
    receipt_no = receipt_text(receipt_no)
    with db.read_connection() as conn:
        return plan_return(conn, receipt_no=receipt_no, items=items,
                           with_attached=with_attached).total


def refund(db: Database, *, receipt_no: str, staff_id: int, items: list[ReturnItem],
           tenders: list[TenderInput] | None = None, with_attached: bool | None = None,
           approval_id: int | None = None, reason: str = "",
           request_id: str | None = None, back_in: Tender | str | None = None) -> Correction:
    """Take goods back against a receipt and pay the money back: as `tenders`, or all of
    it `back_in` one way (the amount worked out in the refund's own transaction).
    Returning a main unit asks (with_attached) whether what was sold with it comes back
    too. A cashier's approval is for this receipt and this amount (what quote_refund
    says). The same `request_id` again returns the refund it made (a retry never refunds
    twice)."""
    if not items:
        raise UserError("return.choose_items")
    if (tenders is None) == (back_in is None):
        raise ValueError("give the tenders, or the one way the money goes back")
    receipt_no, reason = receipt_text(receipt_no), reason_text(reason)

    def write(conn) -> Correction:
        plan = plan_return(conn, receipt_no=receipt_no, items=items, with_attached=with_attached,
                           lock=True)
        auth = permissions.authorise(conn, action="refund", ref=receipt_no, staff_id=staff_id,
                                     approval_id=approval_id, amount=plan.total)
        paid_back = tenders if back_in is None else [TenderInput(back_in, plan.total)]
        return refund_in(conn, plan, auth=auth, tenders=paid_back, reason=reason,
                         request_id=request_id)

    return exactly_once(db, request_id, write, lambda conn: replayed(
        conn, request_id, kinds=(DocumentKind.REFUND,), original=receipt_no))


def plan_return(conn, *, receipt_no: str, items: list[ReturnItem],
                with_attached: bool | None, lock: bool = False) -> ReturnPlan:
    """What comes back for these items, inside the caller's transaction; refuses what
    cannot (a line not on the receipt, more than is left, a unit whose accessories were
    not asked about). `lock`: the caller writes the return, so the sale is held first
    (corrections.lock_sale) and what was already taken back is read after any other
    correction of it committed."""
    sale = original_sale(conn, receipt_no)
    if lock:
        lock_sale(conn, sale.id)
    stored = load_stored(conn, sale.id)
    lines = {line.position: line for line in stored.document.lines}
    back = _back_by_position(conn, stored)
    wanted = _wanted(lines, sale.receipt_no, items)
    for position in list(wanted):
        line = lines[position]
        if line.kind is not LineKind.MAIN_UNIT:
            continue
        attached = [other for other in lines.values() if other.parent == position
                    and other.quantity - back.get(other.position, (0, 0))[0] > 0
                    and other.position not in wanted]
        if attached and with_attached is None:
            names = [other.name for other in attached]
            raise UserError("return.attached_ask", name=line.name, names=names)
        if with_attached:
            for other in attached:
                wanted[other.position] = other.quantity - back.get(other.position, (0, 0))[0]
    rows = []
    for position, quantity in sorted(wanted.items()):
        line = lines[position]
        done_qty, done_amount = back.get(position, (0, 0))
        left = line.quantity - done_qty
        if quantity > left:
            if left:
                raise UserError("return.only_left", left=left, name=line.name)
            raise UserError("return.already_back", name=line.name)
        if quantity == left:
            amount = line.line_total - done_amount  # the last unit takes the rounding
        else:
            amount = round_half_up(line.line_total * quantity, line.quantity)
        rows.append((line, quantity, amount))
    return ReturnPlan(sale, stored, tuple(rows))


def refund_in(conn, plan: ReturnPlan, *, auth: Authorised, tenders: list[TenderInput],
              reason: str, exchange_credit: int = 0, request_id: str | None = None) -> Correction:
    """The refund inside a caller's transaction; `exchange_credit` of it is not paid out
    but spent on the exchange's new sale."""
    sale = plan.sale
    already = -int(conn.execute(select(func.coalesce(func.sum(Sale.total), 0)).where(
        Sale.original_sale_id == sale.id)).scalar())  # int(): PostgreSQL sums as NUMERIC
    if plan.total > sale.total - already:
        raise UserError("refund.over_paid")
    payments = money_back(tenders, total=plan.total - exchange_credit,
                          paid_with=paid_with(conn, sale.id),
                          as_money_at_most=refundable_as_money(conn, sale.id))
    if exchange_credit:
        payments.append(DocPayment(len(payments) + 1, Tender.EXCHANGE, -exchange_credit))
    lines, positions = [], {}
    for index, (line, quantity, amount) in enumerate(plan.rows, start=1):
        positions[line.position] = index
        lines.append(taking_back(line, position=index, parent=positions.get(line.parent),
                                 quantity=quantity, amount=amount,
                                 original_line=plan.stored.line_ids[line.position],
                                 seller_id=auth.staff_id))
    correction = write_correction(conn, kind=DocumentKind.REFUND, terminal_id=sale.terminal_id,
                                  customer_id=sale.customer_id,
                                  original=(sale.id, sale.receipt_no), lines=lines,
                                  payments=payments, auth=auth, reason=reason,
                                  request_id=request_id)
    if any(p.tender is Tender.ON_ACCOUNT for p in payments):  # applied to its invoice
        apply_refund_credit_of(conn, receipt_no=correction.receipt_no, staff_id=auth.staff_id)
    return correction


def _wanted(lines: dict[int, DocLine], receipt_no: str, items: list[ReturnItem]) -> dict[int, int]:
    if not items:
        raise UserError("return.choose_items")
    wanted: dict[int, int] = {}
    for item in items:
        if lines.get(item.position) is None:
            raise UserError("return.line_not_on_receipt", line=item.position, receipt=receipt_no)
        if isinstance(item.quantity, bool) or not isinstance(item.quantity, int) or item.quantity <= 0:
            raise UserError("return.quantity_whole")
        wanted[item.position] = wanted.get(item.position, 0) + item.quantity
    return wanted


def _back_by_position(conn, stored: Stored) -> dict[int, tuple[int, int]]:
    """Sold line position -> (quantity, amount) already taken back."""
    by_id = taken_back(conn, list(stored.line_ids.values()))
    return {position: by_id[line_id] for position, line_id in stored.line_ids.items()
            if line_id in by_id}
