"""Installers' add-on sales: accessories and cards sold on site, attached to the unit of
an earlier sale. The add-on is a document of its own (its receipt, its payment, the
installer as seller); the unit's sheet then shows these items as added on site. What
the unit already has (`unit_history`: the sheet's earlier outcomes, the cards it holds,
the sale it came from) is read for the till to show beside the add-on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from pos.db.engine import Database
from pos.db.models import (
    Category, Customer, Product, Sale, SaleLine, ServiceCard, ServiceTier, SheetOutcome,
)
from pos.kernel.enums import CardState, DocumentKind, LineKind, Outcome, OutcomeSubject
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


@dataclass(frozen=True)
class EarlierOutcome:
    """How a sheet item ended for the unit before this add-on: sold or declined, at the
    counter (the sale) or on site (an earlier add-on)."""

    item_id: int | None  # None: the item has since been removed from the checklist
    item_code: str
    item_name: str
    outcome: Outcome  # SOLD or DECLINED
    on_site: bool
    receipt_no: str  # the document it was recorded on
    product: str | None = None  # what was sold for it (a pack: its parts)


@dataclass(frozen=True)
class HeldCard:
    """A service card the unit holds (active: not refunded or voided)."""

    card_no: str
    tier_id: int
    tier_name: str
    start_date: date
    end_date: date | None  # None: lifetime


@dataclass(frozen=True)
class UnitHistory:
    """What an add-on adds to: the earlier sale (receipt, day, customer), the unit, its
    sheet's outcomes so far and the cards it holds."""

    receipt_no: str
    sold_on: date
    customer_name: str | None
    customer_phone: str | None
    unit_name: str
    serial: str | None
    outcomes: tuple[EarlierOutcome, ...]
    cards: tuple[HeldCard, ...]
    card_declined: bool  # the customer declined a card at the counter (and holds none)

    def outcome_of(self, item_id: int | None, code: str) -> EarlierOutcome | None:
        return next((o for o in self.outcomes if (o.item_id is not None and o.item_id == item_id)
                     or (o.item_id is None and o.item_code == code)), None)


def unit_history(db: Database, *, unit_line_id: int) -> UnitHistory:
    """The earlier sale's unit as an add-on finds it. An item sold and not taken back
    (returned or voided) reads sold, whatever was said about it later; otherwise the
    latest "declined" stands; items never asked are not listed."""
    with db.read() as session:
        unit = session.get(SaleLine, unit_line_id)
        if unit is None or unit.kind is not LineKind.MAIN_UNIT:
            raise UserError("addon.unit_unknown", line=unit_line_id)
        sale = session.get(Sale, unit.sale_id)
        documents = {sale.id: sale.receipt_no}
        documents.update(session.execute(select(Sale.id, Sale.receipt_no).where(
            Sale.original_sale_id == sale.id, Sale.kind == DocumentKind.ADDON)).all())
        rows = session.execute(
            select(SheetOutcome.sale_id, SheetOutcome.subject, SheetOutcome.sheet_item_id,
                   SheetOutcome.item_code, SheetOutcome.item_name, SheetOutcome.outcome,
                   SheetOutcome.sold_line_id, SheetOutcome.added_on_site)
            .where(SheetOutcome.sale_id.in_(documents),
                   SheetOutcome.main_line_id == unit_line_id,
                   SheetOutcome.outcome != Outcome.NOT_OFFERED)
            .order_by(SheetOutcome.sale_id, SheetOutcome.id)).all()
        sold_ids = [row.sold_line_id for row in rows if row.sold_line_id is not None]
        sold = {line.id: line for line in session.scalars(
            select(SaleLine).where(SaleLine.id.in_(sold_ids)))} if sold_ids else {}
        packs: dict[tuple[int, str], list[str]] = {}  # (sale, pack code) -> its parts
        pack_keys = {(line.sale_id, line.pack_code) for line in sold.values() if line.pack_code}
        if pack_keys:
            for line in session.scalars(select(SaleLine).where(
                    SaleLine.sale_id.in_({key[0] for key in pack_keys}),
                    SaleLine.parent_line_id == unit_line_id,
                    SaleLine.pack_code.in_({key[1] for key in pack_keys}))
                    .order_by(SaleLine.position)):
                packs.setdefault((line.sale_id, line.pack_code), []).append(line.name)
        taken_back = dict(session.execute(
            select(SaleLine.original_line_id, func.sum(SaleLine.quantity))
            .where(SaleLine.original_line_id.in_(sold_ids))
            .group_by(SaleLine.original_line_id)).all()) if sold_ids else {}
        cards = session.execute(
            select(ServiceCard.card_no, ServiceCard.tier_id, ServiceTier.name,
                   ServiceCard.start_date, ServiceCard.end_date)
            .join(ServiceTier, ServiceTier.id == ServiceCard.tier_id)
            .where(ServiceCard.sale_id.in_(documents), ServiceCard.main_line_id == unit_line_id,
                   ServiceCard.state == CardState.ACTIVE)
            .order_by(ServiceCard.start_date, ServiceCard.id)).all()
        customer = session.get(Customer, sale.customer_id) if sale.customer_id else None
        items: dict[object, EarlierOutcome] = {}
        card_declined = False
        for row in rows:
            if row.subject is OutcomeSubject.SERVICE_CARD:
                card_declined = card_declined or row.outcome is Outcome.DECLINED
                continue
            line = sold.get(row.sold_line_id)
            if row.outcome is Outcome.SOLD and (line is None
                                                or line.quantity + taken_back.get(line.id, 0) <= 0):
                continue  # sold, then returned or voided: as if never sold
            key = row.sheet_item_id if row.sheet_item_id is not None else row.item_code
            before = items.get(key)
            if before is not None and before.outcome is Outcome.SOLD:
                continue  # a later "declined" never hides what was sold
            product = None
            if line is not None:
                product = (" + ".join(packs.get((line.sale_id, line.pack_code), [line.name]))
                           if line.pack_code else line.name)
            items[key] = EarlierOutcome(row.sheet_item_id, row.item_code, row.item_name,
                                        row.outcome, bool(row.added_on_site),
                                        documents[row.sale_id], product)
        return UnitHistory(
            sale.receipt_no, sale.business_date, customer.name if customer else None,
            customer.phone if customer else None, unit.name, unit.serial, tuple(items.values()),
            tuple(HeldCard(*card) for card in cards), card_declined and not cards)


def _sale(session, receipt_no: str) -> Sale:
    receipt_no = plain_text(receipt_no, max_length=32, field="field.receipt")
    return original_sale(session.connection(), receipt_no, for_addon=True)
