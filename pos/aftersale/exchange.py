"""Exchanges (a return and a new sale in one step) and returns without a receipt.

An exchange writes the return and the new sale in one transaction: the returned goods'
value is spent on the new sale as an "exchange" tender; the customer pays the difference,
or gets it back. A return without a receipt always needs a manager."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from pos.aftersale.corrections import Correction, money_back, write_correction
from pos.aftersale.returns import ReturnItem, plan_return, refund_in
from pos.catalog.products import find_by_code
from pos.db.engine import Database
from pos.db.models import Terminal
from pos.kernel.enums import DocumentKind, LineKind, Tender
from pos.kernel.errors import UserError
from pos.ledger.documents import DocLine
from pos.people import permissions
from pos.selling.cart import Cart, TenderInput, totals
from pos.selling.completion import CompletedSale, complete_in


@dataclass(frozen=True)
class Exchange:
    refund: Correction
    sale: CompletedSale
    difference: int  # > 0 the customer paid it; < 0 it went back to them


def exchange(db: Database, *, receipt_no: str, staff_id: int, items: list[ReturnItem],
             cart: Cart, tenders: list[TenderInput], with_attached: bool | None = None,
             approval_id: int | None = None, reason: str = "") -> Exchange:
    """Take `items` back against the receipt and sell `cart` in their place. `tenders`
    pay the difference when the new goods cost more, or give it back when they cost less."""
    if not items:
        raise UserError("return.choose_items")
    new_total = totals(cart.billable_lines()).total
    with db.write_connection() as conn:
        auth = permissions.authorise(conn, action="refund", ref=receipt_no.strip().upper(),
                                     staff_id=staff_id, approval_id=approval_id)
        plan = plan_return(conn, receipt_no=receipt_no, items=items, with_attached=with_attached)
        credit = min(plan.total, new_total)
        refund = refund_in(conn, plan, auth=auth,
                           tenders=tenders if plan.total > new_total else [],
                           reason=reason or "exchange", exchange_credit=credit)
        sale_tenders = ([TenderInput(Tender.EXCHANGE, credit)] if credit else []) + (
            tenders if new_total > plan.total else [])
        completed = complete_in(conn, cart, tenders=sale_tenders, today=date.today())
    return Exchange(refund, completed, new_total - plan.total)


def refund_without_receipt(db: Database, *, code: str, quantity: int, staff_id: int,
                           terminal: str, tenders: list[TenderInput],
                           approval_id: int | None = None, reason: str,
                           unit_price: int | None = None) -> Correction:
    """Goods back with no receipt: a manager approves (bound to the product), the refund
    is at most the catalog price, the money goes back in cash, and the reason is recorded."""
    if not reason.strip():
        raise UserError("return.reason_without_receipt")
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity <= 0:
        raise UserError("return.quantity_whole")
    product = find_by_code(db, code)
    price = product.price if unit_price is None else unit_price
    if price < 0 or price > product.price:
        raise UserError("return.no_receipt_price")
    if product.serial_tracked:
        raise UserError("return.serial_needs_sale")
    with db.write_connection() as conn:
        auth = permissions.authorise(conn, action="no_receipt_return", ref=product.sku,
                                     staff_id=staff_id, approval_id=approval_id)
        terminal_id = conn.execute(select(Terminal.id).where(Terminal.code == terminal)).scalar()
        if terminal_id is None:
            raise UserError("terminal.not_set_up", terminal=terminal)
        amount = price * quantity
        line = DocLine(
            position=1, kind=LineKind.ACCESSORY, sku=product.sku, name=product.name,
            product_id=product.id, tier_id=None, parent=None, quantity=-quantity,
            list_price=product.price, unit_price=price, discount=0, line_total=-amount,
            unit_cost=product.cost, vat_rate_bp=product.vat_rate_bp, serial=None, pack=None,
            override_reason=None, seller_id=auth.staff_id)
        payments = money_back(tenders, total=amount, paid_with=set())
        return write_correction(conn, kind=DocumentKind.REFUND, terminal_id=terminal_id,
                                customer_id=None, original=None, lines=[line],
                                payments=payments, auth=auth, reason=reason.strip())
