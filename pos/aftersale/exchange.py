"""Exchanges (a return and a new sale in one step) and returns without a receipt.

An exchange writes the return and the new sale in one transaction: the returned goods'
value is spent on the new sale as an "exchange" tender; the customer pays the difference,
or gets it back. A return without a receipt always needs a manager."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from pos.aftersale.corrections import (
    Correction, exactly_once, money_back, reason_text, receipt_text, replayed, write_correction,
)
from pos.aftersale.returns import ReturnItem, plan_return, refund_in
from pos.catalog.products import find_by_code
from pos.db.engine import Database
from pos.db.models import Terminal
from pos.kernel.enums import DocumentKind, LineKind, Tender
from pos.kernel.errors import UserError
from pos.ledger.documents import DocLine
from pos.people import permissions
from pos.selling.cart import Cart, TenderInput, plain_text, totals
from pos.selling.completion import CompletedSale, complete_in, completed_sale
from pos.selling.pricing import check_cart


@dataclass(frozen=True)
class Exchange:
    refund: Correction
    sale: CompletedSale
    difference: int  # > 0 the customer paid it; < 0 it went back to them


def exchange(db: Database, *, receipt_no: str, staff_id: int, items: list[ReturnItem],
             cart: Cart, tenders: list[TenderInput], with_attached: bool | None = None,
             approval_id: int | None = None, reason: str = "",
             request_id: str | None = None) -> Exchange:
    """Take `items` back against the receipt and sell `cart` in their place. `tenders`
    pay the difference when the new goods cost more, or give it back when they cost less.
    The new cart is priced as completion prices it (pos.selling.pricing), never as it
    says. The same `request_id` again returns the exchange it made."""
    if not items:
        raise UserError("return.choose_items")
    receipt_no, reason = receipt_text(receipt_no), reason_text(reason or "exchange")

    def write(conn) -> Exchange:
        new_total = totals(check_cart(conn, cart).cart.billable_lines()).total
        plan = plan_return(conn, receipt_no=receipt_no, items=items, with_attached=with_attached,
                           lock=True)
        auth = permissions.authorise(conn, action="refund", ref=receipt_no, staff_id=staff_id,
                                     approval_id=approval_id, amount=plan.total)
        credit = min(plan.total, new_total)
        refund = refund_in(conn, plan, auth=auth,
                           tenders=tenders if plan.total > new_total else [],
                           reason=reason, exchange_credit=credit, request_id=request_id)
        # The credit names the receipt the goods came back from: the new sale's receipt
        # says what it was exchanged against (printing/receipt.py).
        sale_tenders = ([TenderInput(Tender.EXCHANGE, credit, reference=receipt_no)]
                        if credit else []) + (
            tenders if new_total > plan.total else [])
        completed = complete_in(conn, cart, tenders=sale_tenders, today=date.today())
        return Exchange(refund, completed, new_total - plan.total)

    def replay(conn) -> Exchange | None:
        refund = replayed(conn, request_id, kinds=(DocumentKind.REFUND,), original=receipt_no)
        if refund is None:
            return None
        sale = completed_sale(conn, cart.uuid)
        if sale is None:
            raise UserError("correction.request_reused", receipt=refund.receipt_no)
        return Exchange(refund, sale, sale.total + refund.total)

    return exactly_once(db, request_id, write, replay)


def refund_without_receipt(db: Database, *, code: str, quantity: int, staff_id: int,
                           terminal: str, tenders: list[TenderInput],
                           approval_id: int | None = None, reason: str,
                           unit_price: int | None = None,
                           request_id: str | None = None) -> Correction:
    """Goods back with no receipt: a manager approves (bound to the product and the
    amount), the refund is at most the catalog price, the money goes back in cash, and
    the reason is recorded. The same `request_id` again returns the refund it made."""
    reason = reason_text(reason)
    if not reason:
        raise UserError("return.reason_without_receipt")
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity <= 0:
        raise UserError("return.quantity_whole")
    product = find_by_code(db, plain_text(code, max_length=64, field="field.code"))
    price = product.price if unit_price is None else unit_price
    if isinstance(price, bool) or not isinstance(price, int) or price < 0 or price > product.price:
        raise UserError("return.no_receipt_price")
    if product.serial_tracked:
        raise UserError("return.serial_needs_sale")

    def write(conn) -> Correction:
        amount = price * quantity
        auth = permissions.authorise(conn, action="no_receipt_return", ref=product.sku,
                                     staff_id=staff_id, approval_id=approval_id, amount=amount)
        terminal_id = conn.execute(select(Terminal.id).where(Terminal.code == terminal)).scalar()
        if terminal_id is None:
            raise UserError("terminal.not_set_up", terminal=terminal)
        line = DocLine(
            position=1, kind=LineKind.ACCESSORY, sku=product.sku, name=product.name,
            product_id=product.id, tier_id=None, parent=None, quantity=-quantity,
            list_price=product.price, unit_price=price, discount=0, line_total=-amount,
            unit_cost=product.cost, vat_rate_bp=product.vat_rate_bp, serial=None, pack=None,
            override_reason=None, seller_id=auth.staff_id)
        payments = money_back(tenders, total=amount, paid_with=set())
        return write_correction(conn, kind=DocumentKind.REFUND, terminal_id=terminal_id,
                                customer_id=None, original=None, lines=[line],
                                payments=payments, auth=auth, reason=reason,
                                request_id=request_id)

    return exactly_once(db, request_id, write, lambda conn: replayed(
        conn, request_id, kinds=(DocumentKind.REFUND,), original=None))
