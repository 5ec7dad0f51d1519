"""Installers' add-on sales: accessories and cards sold on site, attached to the unit of
an earlier sale. The add-on is a document of its own (its receipt, its payment, the
installer as seller); the unit's sheet then shows these items as added on site."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from pos.db.engine import Database
from pos.db.models import Category, Customer, Product, Sale, SaleLine, ServiceCard
from pos.kernel.enums import CardState, LineKind
from pos.kernel.errors import UserError
from pos.ledger.tables import original_sale
from pos.selling.cart import Cart, CartLine, new_line_id, plain_text
from pos.selling.checkout import check_seller


@dataclass(frozen=True)
class UnitChoice:
    position: int
    name: str
    serial: str | None


def addon_units(db: Database, *, receipt_no: str) -> list[UnitChoice]:
    """The main units of a sale that add-ons can attach to."""
    with db.read() as session:
        sale = _sale(session, receipt_no)
        return [UnitChoice(line.position, line.name, line.serial) for line in session.scalars(
            select(SaleLine).where(SaleLine.sale_id == sale.id, SaleLine.kind == LineKind.MAIN_UNIT)
            .order_by(SaleLine.position))]


def open_addon(db: Database, *, receipt_no: str, staff_id: int, terminal: str,
               unit_position: int | None = None) -> Cart:
    """A cart for selling on site against a unit of an earlier sale. The unit shows with
    its sheet and card tiers but is not sold again."""
    with db.read() as session:
        check_seller(session, staff_id=staff_id, terminal=terminal, on_site=True)
        sale = _sale(session, receipt_no)
        units = session.scalars(select(SaleLine).where(
            SaleLine.sale_id == sale.id, SaleLine.kind == LineKind.MAIN_UNIT)
            .order_by(SaleLine.position)).all()
        if not units:
            raise UserError("addon.no_unit", receipt=sale.receipt_no)
        if unit_position is None:
            if len(units) > 1:
                raise UserError("addon.choose_unit")
            unit = units[0]
        else:
            unit = next((u for u in units if u.position == unit_position), None)
            if unit is None:
                raise UserError("addon.not_a_unit", line=unit_position, receipt=sale.receipt_no)
        category = session.scalar(select(Category).join(Product).where(Product.id == unit.product_id))
        product = session.get(Product, unit.product_id)
        customer = session.get(Customer, sale.customer_id) if sale.customer_id else None
        cart = Cart.new(staff_id=staff_id, terminal=terminal)
        cart.original_sale_id, cart.original_receipt = sale.id, sale.receipt_no
        if customer is not None:
            cart.customer_id, cart.customer_kind = customer.id, customer.kind
        cart.lines.append(CartLine(
            line_id=new_line_id(), product_id=unit.product_id, sku=unit.sku, name=unit.name,
            kind=LineKind.MAIN_UNIT, quantity=1, list_price=unit.list_price, unit_price=unit.unit_price,
            unit_cost=unit.unit_cost, vat_rate_bp=unit.vat_rate_bp,
            serial_tracked=product.serial_tracked, serial=unit.serial,
            sheet_template_id=category.sheet_template_id, category_id=category.id,
            existing_line_id=unit.id,
            has_card=session.scalar(select(ServiceCard.id).where(
                ServiceCard.main_line_id == unit.id,
                ServiceCard.state == CardState.ACTIVE).limit(1)) is not None))
        return cart


def _sale(session, receipt_no: str) -> Sale:
    receipt_no = plain_text(receipt_no, max_length=32, field="field.receipt")
    return original_sale(session.connection(), receipt_no, for_addon=True)
