"""Exchanges (a return and a new sale in one step) and returns without a receipt.

An exchange writes the return and the new sale in one transaction: the returned goods'
value is spent on the new sale as an "exchange" tender; the customer pays the difference,
or gets it back. A return without a receipt always needs a manager."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace

from sqlalchemy import select

from pos.aftersale.returns import (
    ReturnItem, _original_conn, _plan, _refund_in, _refund_payments, _returned_conn, _wanted,
    _write_correction,
)
from pos.catalog.products import find_by_code
from pos.db.engine import Database
from pos.db.models import SaleLine, Terminal
from pos.kernel.enums import DocumentKind, LineKind
from pos.kernel.errors import UserError
from pos.ledger.documents import Correction
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
    new_total = totals(cart.billable_lines()).total
    with db.write_connection() as conn:
        sale = _original_conn(conn, receipt_no)
        lines = {row.position: row for row in conn.execute(
            select(SaleLine.__table__).where(SaleLine.sale_id == sale.id))}
        back = _returned_conn(conn, [row.id for row in lines.values()])
        returned = sum(amount for _, _, amount in _plan(
            lines, back, _wanted(lines, sale, items), with_attached))
        credit = min(returned, new_total)
        refund = _refund_in(conn, receipt_no=receipt_no, staff_id=staff_id, items=items,
                            tenders=tenders if returned > new_total else [],
                            with_attached=with_attached, approval_id=approval_id,
                            reason=reason or "exchange", exchange_credit=credit)
        sale_tenders = ([TenderInput("exchange", credit)] if credit else []) + (
            tenders if new_total > returned else [])
        completed = complete_in(conn, cart, tenders=sale_tenders, today=date.today())
    return Exchange(refund, completed, new_total - returned)


def refund_without_receipt(db: Database, *, code: str, quantity: int, staff_id: int,
                           terminal: str, tenders: list[TenderInput],
                           approval_id: int | None = None, reason: str,
                           unit_price: int | None = None) -> Correction:
    """Goods back with no receipt: a manager approves (bound to the product), the refund
    is at most the catalog price, and the reason is recorded."""
    if not reason.strip():
        raise UserError("Say why the goods come back without a receipt")
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity <= 0:
        raise UserError("A returned quantity is a whole number above zero")
    product = find_by_code(db, code)
    price = product.price if unit_price is None else unit_price
    if price < 0 or price > product.price:
        raise UserError("Without a receipt the refund is at most the current price")
    if product.serial_tracked:
        raise UserError("A unit with a serial number comes back against its sale: find it "
                        "by its serial")
    with db.write_connection() as conn:
        auth = permissions.authorise(conn, action="no_receipt_return", ref=product.sku,
                                     staff_id=staff_id, approval_id=approval_id)
        terminal_id = conn.execute(select(Terminal.id).where(Terminal.code == terminal)).scalar()
        if terminal_id is None:
            raise UserError(f"Terminal {terminal} is not set up in this database")
        amount = price * quantity
        stand_in = SimpleNamespace(id=None, terminal_id=terminal_id, customer_id=None,
                                   receipt_no=None)
        line = SimpleNamespace(
            id=None, kind=LineKind.ACCESSORY, sku=product.sku, name=product.name,
            product_id=product.id, tier_id=None, parent_line_id=None, quantity=quantity,
            list_price=product.price, unit_price=price, discount=0, line_total=amount,
            unit_cost=product.cost, vat_rate_bp=product.vat_rate_bp, serial=None, pack_code=None)
        payments = _refund_payments(conn, SimpleNamespace(id=None), tenders, amount)
        return _write_correction(conn, stand_in, DocumentKind.REFUND, [(line, quantity, amount)],
                                 payments, auth, {}, reason.strip())
