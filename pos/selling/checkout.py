"""Cart to completed sale: the checkout service the till screen and the tests drive.

Cart operations validate everything before they change anything, so a refusal (a
UserError) leaves the cart as it was. `complete_sale` is one transaction: sale, lines,
sheet outcomes, service cards, payments, stock, receipt number and journal entry.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from sqlalchemy import func, select

from pos.catalog.products import find_by_code
from pos.db.engine import Database
from pos.db.models import (
    Category, Customer, ParkedCart, Product, ServiceTier, SheetItem, SheetItemProduct, SheetSection,
    SoldSerial, Staff, Terminal, TierCategory,
)
from pos.kernel.enums import CategoryKind
from pos.kernel.errors import UserError
from pos.kernel.money import percent_of
from pos.ledger import audit
from pos.people import permissions
from pos.selling.cart import Cart, CartLine, new_line_id, outcome_key, split_pack_price, totals
from pos.selling.completion import CompletedSale, complete_sale  # noqa: F401 - the checkout API
from pos.store.settings import get_setting

MAX_QUANTITY = 999


# --- opening and filling a cart -----------------------------------------------------


def open_cart(db: Database, *, staff_id: int, terminal: str) -> Cart:
    with db.read() as session:
        staff = session.get(Staff, staff_id)
        if staff is None or not staff.active:
            raise UserError("Log in before starting a sale")
        if session.scalar(select(Terminal.id).where(Terminal.code == terminal)) is None:
            raise UserError(f"Terminal {terminal} is not set up in this database")
    return Cart.new(staff_id=staff_id, terminal=terminal)


def add_product(db: Database, cart: Cart, *, code: str, quantity: int = 1) -> CartLine:
    """Scan or type a code. A main unit always gets a line of its own (its own sheet);
    other products add to an unattached line of the same product."""
    _check_quantity(quantity)
    product = find_by_code(db, code)
    is_main = product.category_kind is CategoryKind.MAIN_UNIT
    if is_main and cart.original_sale_id is not None:
        raise UserError("A new unit is a new sale, not an add-on")
    if product.category_kind is CategoryKind.SERVICE and product.serial_tracked:
        raise UserError("Service cards are added from the unit's card tiers")
    if not is_main and not product.serial_tracked:
        for line in cart.lines:
            if (line.product_id == product.id and line.parent_line_id is None
                    and line.pack_code is None):
                _check_quantity(line.quantity + quantity)
                line.quantity += quantity
                return line
    with db.read() as session:
        category = session.scalar(
            select(Category).join(Product).where(Product.id == product.id))
        template_id, category_id = category.sheet_template_id, category.id
    if (is_main or product.serial_tracked) and quantity != 1:
        raise UserError("Serial-tracked units are added one at a time (each has its own serial)")
    line = CartLine(
        line_id=new_line_id(), product_id=product.id, sku=product.sku, name=product.name,
        kind="main_unit" if is_main else "accessory", quantity=quantity,
        list_price=product.price, unit_price=product.price, unit_cost=product.cost,
        vat_rate_bp=product.vat_rate_bp, serial_tracked=product.serial_tracked,
        sheet_template_id=template_id if is_main else None, category_id=category_id,
    )
    cart.lines.append(line)
    return line


def cancel_cart(db: Database, cart: Cart) -> None:
    """Drop a cart that will not be paid; what it held is kept in the audit trail."""
    lines = cart.billable_lines()
    if not lines:
        return
    with db.write_connection() as conn:
        audit.record(conn, staff_id=cart.staff_id, action="cart_cancelled", ref=cart.uuid[:8],
                     details={"lines": len(lines), "total": totals(lines).total,
                                "skus": [line.sku for line in lines][:20]})
    cart.lines = [line for line in cart.lines if line.existing_line_id is not None]
    cart.outcomes, cart.cards_declined = {}, []


def set_quantity(cart: Cart, *, line_id: str, quantity: int) -> None:
    line = cart.line(line_id)
    _check_quantity(quantity)
    if line.kind != "accessory" or line.serial_tracked or line.pack_code:
        raise UserError("Only the quantity of a plain accessory line can change")
    if line.discount > line.unit_price * quantity:
        raise UserError("The line's discount is larger than the new line total")
    line.quantity = quantity


def remove_line(cart: Cart, *, line_id: str) -> None:
    """Remove a line; removing a main unit removes what was sold with it, removing a
    pack part removes the whole pack."""
    line = cart.line(line_id)
    if line.existing_line_id is not None:
        raise UserError("The unit was sold earlier; only what is added now can be removed")
    if line.kind == "main_unit":
        doomed = {line.line_id} | {child.line_id for child in cart.children(line.line_id)}
        cart.outcomes = {k: v for k, v in cart.outcomes.items()
                         if not k.startswith(line.line_id + ":")}
        cart.cards_declined = [m for m in cart.cards_declined if m != line.line_id]
    elif line.sheet_item_id is not None and line.parent_line_id is not None:
        doomed = {l.line_id for l in _item_lines(cart, line.parent_line_id, line.sheet_item_id)}
        cart.outcomes.pop(outcome_key(line.parent_line_id, line.sheet_item_id), None)
    else:
        doomed = {line.line_id}
    cart.lines = [l for l in cart.lines if l.line_id not in doomed]


def discount_line(db: Database, cart: Cart, *, line_id: str, percent_bp: int | None = None,
                  amount: int | None = None, approval_id: int | None = None) -> None:
    """A line discount as a percentage (basis points) or an amount, within the staff
    member's limit (cashiers 10% by default); beyond it, with a manager's approval for
    this line (ref: line_ref(cart, line_id)), recorded in the audit trail."""
    line = cart.line(line_id)
    if (percent_bp is None) == (amount is None):
        raise UserError("Give a discount as a percentage or as an amount")
    if line.pack_code:
        raise UserError("A gift pack is already at its pack price")
    value = percent_of(line.gross, percent_bp) if percent_bp is not None else amount
    if value < 0 or (percent_bp is not None and percent_bp < 0):
        raise UserError("A discount cannot be negative")
    if value > line.gross:
        raise UserError("A discount cannot be more than the line")
    with db.read() as session:
        role = session.get(Staff, cart.staff_id).role.value
        limit_bp = get_setting(session, "discount_limit_bp").get(role, 0)
    if value * 10_000 > line.gross * limit_bp:
        if approval_id is None:
            raise UserError(f"A {role} may discount at most {limit_bp / 100:g}% of a line; "
                            "this needs a manager")
        with db.write_connection() as conn:
            auth = permissions.authorise(conn, action="discount_beyond_limit",
                                         ref=line_ref(cart, line_id), staff_id=cart.staff_id,
                                         approval_id=approval_id)
            audit.record(conn, staff_id=cart.staff_id, action="discount_beyond_limit",
                         ref=line.sku, details={"cart": cart.uuid, "discount": value,
                                                  "gross": line.gross,
                                                  "approved_by": auth.approved_by})
    line.discount = value


def line_ref(cart: Cart, line_id: str) -> str:
    """What an approval for a change to one cart line is bound to."""
    return f"{cart.uuid[:8]}:{line_id}"


def override_price(db: Database, cart: Cart, *, line_id: str, price: int, reason: str,
                   approval_id: int | None = None) -> None:
    """Change a line's price, with a reason; a manager's right (a cashier needs their
    approval for this line). Recorded in the audit trail."""
    line = cart.line(line_id)
    if not reason or not reason.strip():
        raise UserError("A price override needs a reason")
    if price < 0:
        raise UserError("A price cannot be negative")
    if line.pack_code or line.kind == "card" or line.existing_line_id is not None:
        raise UserError("Pack parts, service cards and earlier units keep their prices")
    if line.discount > price * line.quantity:
        raise UserError("Remove the line's discount before lowering the price below it")
    with db.write_connection() as conn:
        auth = permissions.authorise(conn, action="price_override", ref=line_ref(cart, line_id),
                                     staff_id=cart.staff_id, approval_id=approval_id)
        audit.record(conn, staff_id=cart.staff_id, action="price_override", ref=line.sku,
                     details={"cart": cart.uuid, "from": line.unit_price, "to": price,
                                "reason": reason.strip(), "approved_by": auth.approved_by})
    line.unit_price = price
    line.override_reason = reason.strip()


def set_serial(db: Database, cart: Cart, *, line_id: str, serial: str) -> None:
    line = cart.line(line_id)
    serial = serial.strip().upper()
    if not line.serial_tracked:
        raise UserError(f"{line.name} does not take a serial number")
    if not re.fullmatch(r"[0-9A-Z\-/]{4,64}", serial):
        raise UserError(f"'{serial}' is not a serial number or IMEI")
    for other in cart.lines:
        if other is not line and other.product_id == line.product_id and other.serial == serial:
            raise UserError(f"Serial {serial} is already on another line of this sale")
    with db.read() as session:
        if _serial_taken(session, line.product_id, serial):
            raise UserError(f"Serial {serial} of {line.name} has already been sold")
    line.serial = serial


def set_customer(db: Database, cart: Cart, *, customer_id: int | None) -> None:
    if customer_id is None:
        if any(line.kind == "card" for line in cart.lines):
            raise UserError("Service cards on the sale need a customer")
        cart.customer_id = cart.customer_kind = None
        return
    with db.read() as session:
        customer = session.get(Customer, customer_id)
        if customer is None:
            raise UserError("That customer no longer exists")
        kind = customer.kind.value
    if kind != "business" and any(
            line.kind == "card" and _tier_audience(db, line.tier_id) == "business"
            for line in cart.lines):
        raise UserError("Business cards on the sale need a business customer")
    cart.customer_id, cart.customer_kind = customer_id, kind


# --- the configuration sheet --------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    product_id: int
    sku: str
    name: str
    price: int
    stock: int


@dataclass(frozen=True)
class SheetRow:
    item_id: int
    section: str
    code: str
    name: str
    script: str
    pack_price: int | None
    candidates: tuple[Candidate, ...]  # highest price first (a pack: its parts)
    outcome: str  # sold / declined / not_yet
    sold_product_id: int | None


def sheet_rows(db: Database, cart: Cart, *, main_line_id: str) -> list[SheetRow]:
    main = _main_line(cart, main_line_id)
    if main.sheet_template_id is None:
        return []
    with db.read() as session:
        rows = session.execute(
            select(SheetSection.title, SheetItem, Product)
            .join(SheetItem, SheetItem.section_id == SheetSection.id)
            .join(SheetItemProduct, SheetItemProduct.item_id == SheetItem.id)
            .join(Product, Product.id == SheetItemProduct.product_id)
            .where(SheetSection.template_id == main.sheet_template_id)
            .order_by(SheetSection.position, SheetItem.position, SheetItemProduct.position)
        ).all()
        items: dict[int, tuple] = {}
        for title, item, product in rows:
            entry = items.setdefault(item.id, (title, item.code, item.name, item.script,
                                               item.pack_price, []))
            entry[5].append(Candidate(product.id, product.sku, product.name, product.price,
                                      product.stock))
    result = []
    for item_id, (title, code, name, script, pack_price, candidates) in items.items():
        if pack_price is None:
            candidates.sort(key=lambda c: (-c.price, c.sku))
        state = cart.outcomes.get(outcome_key(main_line_id, item_id), "not_yet")
        sold = _item_lines(cart, main_line_id, item_id)
        result.append(SheetRow(item_id, title, code, name, script, pack_price, tuple(candidates),
                               state, sold[0].product_id if sold and pack_price is None else None))
    return result


def mark_item(db: Database, cart: Cart, *, main_line_id: str, item_id: int, outcome: str,
              product_id: int | None = None) -> None:
    """Mark a sheet item sold (adding its product, or a pack's parts at the pack price,
    under the unit), declined, or back to not yet asked."""
    main = _main_line(cart, main_line_id)
    if outcome not in ("sold", "declined", "not_yet"):
        raise UserError(f"'{outcome}' is not sold, declined or not yet")
    rows = {row.item_id: row for row in sheet_rows(db, cart, main_line_id=main_line_id)}
    row = rows.get(item_id)
    if row is None:
        raise UserError(f"That item is not on the sheet of {main.name}")
    new_lines: list[CartLine] = []
    if outcome == "sold":
        new_lines = _lines_for_item(db, row, main, product_id)
    key = outcome_key(main_line_id, item_id)
    old = {l.line_id for l in _item_lines(cart, main_line_id, item_id)}
    cart.lines = [l for l in cart.lines if l.line_id not in old]
    insert_at = _after_children(cart, main_line_id)
    cart.lines[insert_at:insert_at] = new_lines
    if outcome == "not_yet":
        cart.outcomes.pop(key, None)
    else:
        cart.outcomes[key] = outcome


def _lines_for_item(db, row: SheetRow, main: CartLine, product_id: int | None) -> list[CartLine]:
    if row.pack_price is not None:
        parts = row.candidates
        shares = split_pack_price(row.pack_price, [c.price for c in parts])
        chosen = list(zip(parts, shares))
    else:
        if product_id is None:
            candidate = row.candidates[0]
        else:
            matches = [c for c in row.candidates if c.product_id == product_id]
            if not matches:
                raise UserError(f"That product does not satisfy '{row.name}'")
            candidate = matches[0]
        chosen = [(candidate, candidate.price)]
    with db.read() as session:
        products = {p.id: p for p in session.scalars(
            select(Product).where(Product.id.in_([c.product_id for c, _ in chosen])))}
        lines = []
        for candidate, price in chosen:
            product = products[candidate.product_id]
            lines.append(CartLine(
                line_id=new_line_id(), product_id=product.id, sku=product.sku, name=product.name,
                kind="accessory", quantity=1, list_price=product.price, unit_price=price,
                unit_cost=product.cost, vat_rate_bp=product.vat_rate_bp,
                serial_tracked=product.serial_tracked, parent_line_id=main.line_id,
                sheet_item_id=row.item_id,
                pack_code=row.code if row.pack_price is not None else None,
                category_id=product.category_id,
            ))
    return lines


# --- service cards ------------------------------------------------------------------


@dataclass(frozen=True)
class TierOffer:
    tier_id: int
    code: str
    name: str
    description: str
    audience: str
    term_months: int | None  # None: lifetime
    service_mode: str
    units_covered: int
    price: int  # for this unit


def eligible_tiers(db: Database, cart: Cart, *, main_line_id: str) -> list[TierOffer]:
    main = _main_line(cart, main_line_id)
    with db.read() as session:
        tiers = session.scalars(
            select(ServiceTier).join(TierCategory)
            .where(TierCategory.category_id == main.category_id, ServiceTier.active.is_(True))
            .order_by(ServiceTier.position, ServiceTier.code)
        ).all()
        return [TierOffer(t.id, t.code, t.name, t.description, t.audience.value, t.term_months,
                          t.service_mode.value, t.units_covered, _band_price(t, main.unit_price))
                for t in tiers]


def add_card(db: Database, cart: Cart, *, main_line_id: str, tier_id: int) -> CartLine:
    main = _main_line(cart, main_line_id)
    offers = {o.tier_id: o for o in eligible_tiers(db, cart, main_line_id=main_line_id)}
    offer = offers.get(tier_id)
    if offer is None:
        raise UserError(f"That service card is not available for {main.name}")
    if any(line.tier_id == tier_id for line in cart.card_lines(main_line_id)):
        raise UserError(f"{main.name} already has a {offer.name}")
    if cart.customer_id is None:
        raise UserError("A service card needs the customer: find or add them by phone first")
    if offer.audience == "business" and cart.customer_kind != "business":
        raise UserError(f"{offer.name} is for business customers")
    line = CartLine(
        line_id=new_line_id(), product_id=None, sku=f"CARD-{offer.code.upper()}", name=offer.name,
        kind="card", quantity=1, list_price=offer.price, unit_price=offer.price, unit_cost=0,
        vat_rate_bp=600, parent_line_id=main_line_id, tier_id=tier_id,
    )
    cart.lines.insert(_after_children(cart, main_line_id), line)
    cart.cards_declined = [m for m in cart.cards_declined if m != main_line_id]
    return line


def decline_card(cart: Cart, *, main_line_id: str) -> None:
    main = _main_line(cart, main_line_id)
    if cart.card_lines(main.line_id):
        raise UserError("Remove the chosen card before recording that the card was declined")
    if main.line_id not in cart.cards_declined:
        cart.cards_declined.append(main.line_id)


def _band_price(tier: ServiceTier, unit_price: int) -> int:
    for band in tier.bands:
        if band.max_unit_price is None or unit_price <= band.max_unit_price:
            return band.price
    return tier.bands[-1].price


def _tier_audience(db: Database, tier_id: int | None) -> str | None:
    with db.read() as session:
        tier = session.get(ServiceTier, tier_id) if tier_id else None
        return tier.audience.value if tier else None


# --- parking ------------------------------------------------------------------------


@dataclass(frozen=True)
class ParkedInfo:
    cart_uuid: str
    label: str
    lines: int
    total: int


def park_cart(db: Database, cart: Cart, *, label: str = "") -> None:
    if not cart.lines:
        raise UserError("There is nothing to park")
    with db.unit_of_work() as session:
        terminal_id = session.scalar(select(Terminal.id).where(Terminal.code == cart.terminal))
        existing = session.get(ParkedCart, cart.uuid)
        if existing is not None:
            session.delete(existing)
            session.flush()
        session.add(ParkedCart(cart_uuid=cart.uuid, terminal_id=terminal_id,
                               staff_id=cart.staff_id, label=label.strip() or cart.lines[0].name,
                               cart_json=json.dumps(cart.to_json_dict(), ensure_ascii=False)))


def list_parked(db: Database, *, terminal: str) -> list[ParkedInfo]:
    with db.read() as session:
        rows = session.scalars(select(ParkedCart).join(Terminal).where(Terminal.code == terminal)
                               .order_by(ParkedCart.parked_at)).all()
        result = []
        for row in rows:
            cart = Cart.from_json_dict(json.loads(row.cart_json))
            result.append(ParkedInfo(row.cart_uuid, row.label, len(cart.lines),
                                     totals(cart.lines).total))
        return result


def resume_cart(db: Database, *, cart_uuid: str, staff_id: int) -> Cart:
    """Take a parked cart back (it leaves the parked list)."""
    with db.unit_of_work() as session:
        row = session.get(ParkedCart, cart_uuid)
        if row is None:
            raise UserError("That parked sale was already resumed")
        cart = Cart.from_json_dict(json.loads(row.cart_json))
        session.delete(row)
    cart.staff_id = staff_id
    return cart


# --- helpers ------------------------------------------------------------------------


def _check_quantity(quantity: int) -> None:
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity <= 0:
        raise UserError("Quantity must be a whole number above zero")
    if quantity > MAX_QUANTITY:
        raise UserError(f"Quantity above {MAX_QUANTITY} is not allowed")


def _main_line(cart: Cart, line_id: str) -> CartLine:
    line = cart.line(line_id)
    if line.kind != "main_unit":
        raise UserError(f"{line.name} is not a main unit")
    return line


def _item_lines(cart: Cart, main_line_id: str, item_id: int) -> list[CartLine]:
    return [l for l in cart.lines
            if l.parent_line_id == main_line_id and l.sheet_item_id == item_id]


def _after_children(cart: Cart, main_line_id: str) -> int:
    index = next(i for i, l in enumerate(cart.lines) if l.line_id == main_line_id) + 1
    while index < len(cart.lines) and cart.lines[index].parent_line_id == main_line_id:
        index += 1
    return index


def _serial_taken(session, product_id: int | None, serial: str) -> bool:
    return session.scalar(select(func.count()).select_from(SoldSerial).where(
        SoldSerial.product_id == product_id, SoldSerial.serial == serial)) > 0
