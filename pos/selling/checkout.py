"""Filling the cart at the till: opening it, products by scan or code, quantities,
removing lines, discounts and price overrides (within the seller's rights), serial
numbers and the customer; cancelling a cart. The sheet, service cards and parking have
modules of their own; pos.selling.completion turns the cart into a sale.

Every operation validates everything before it changes anything, so a refusal (a
UserError) leaves the cart as it was."""

from __future__ import annotations

from sqlalchemy import func, select

from pos.catalog.products import find_by_code
from pos.db.engine import Database
from pos.db.models import Category, Customer, Product, Staff, StoreStock, Terminal
from pos.kernel.enums import Audience, CategoryKind, CustomerKind, LineKind
from pos.kernel.errors import UserError
from pos.kernel.money import percent_of
from pos.kernel.text import clean_text, mask_card_numbers
from pos.ledger import audit
from pos.ledger.stock_tables import serial_refusal
from pos.people import permissions
from pos.selling import serials
from pos.selling.cards import tier_audience
from pos.selling.cart import Cart, CartLine, new_line_id, outcome_key, plain_text, totals
from pos.selling.sheet import attach_scanned
from pos.stock.overrides import bring_serial_here
from pos.store.settings import get_setting

MAX_QUANTITY = 999
CODE_MAX = 64  # a scanned or typed code
REASON_MAX = 200  # sale_lines.override_reason


# --- opening and filling a cart -----------------------------------------------------


def open_cart(db: Database, *, staff_id: int, terminal: str) -> Cart:
    """A new cart at this till, for this staff member; it keeps the till's store, whose
    on-hand the till shows."""
    with db.read() as session:
        store_id = check_seller(session, staff_id=staff_id, terminal=terminal)
    return Cart.new(staff_id=staff_id, terminal=terminal, store_id=store_id)


def check_seller(session, *, staff_id: int, terminal: str, on_site: bool = False) -> int:
    """Who sells is an active staff member (selling at the counter, or `on_site` against
    an earlier sale), at a terminal set up in this database; returns the terminal's
    store."""
    staff = session.get(Staff, staff_id)
    if staff is None or not staff.active:
        if on_site:
            raise UserError("sale.log_in_to_sell")
        raise UserError("sale.log_in_to_start")
    found = session.execute(select(Terminal.id, Terminal.store_id)
                            .where(Terminal.code == terminal)).first()
    if found is None:
        raise UserError("terminal.not_set_up", terminal=terminal)
    return found.store_id


def cart_store(db: Database, cart: Cart) -> int | None:
    """The cart's store (its till's), looked up and kept on the cart when it has none yet
    (a cart parked before carts kept it, an add-on's cart)."""
    if cart.store_id is None:
        with db.read_connection() as connection:
            cart.store_id = connection.execute(select(Terminal.store_id).where(
                Terminal.code == cart.terminal)).scalar()
    return cart.store_id


def add_product(db: Database, cart: Cart, *, code: str, quantity: int = 1) -> CartLine:
    """Scan or type a code. A main unit always gets a line of its own (its own sheet);
    other products add to an unattached line of the same product."""
    _check_quantity(quantity)
    code = plain_text(code, max_length=CODE_MAX, field="field.code")
    product = find_by_code(db, code, store_id=cart.store_id)
    is_main = product.category_kind is CategoryKind.MAIN_UNIT
    if is_main and cart.original_sale_id is not None:
        raise UserError("sale.unit_is_new_sale")
    if product.category_kind is CategoryKind.SERVICE and product.serial_tracked:
        raise UserError("sale.cards_from_tiers")
    if not is_main and not product.serial_tracked:
        for line in cart.lines:
            if (line.product_id == product.id and line.parent_line_id is None
                    and line.pack_code is None):
                _check_quantity(line.quantity + quantity)
                line.quantity += quantity
                _note_stock(cart, product.id, product.stock)
                return line
    # The till's store and the product's on-hand there come with its category (a cart
    # opened by open_cart knows its store; one built otherwise learns it here, in the
    # same statement).
    till_store = select(Terminal.store_id).where(
        Terminal.code == cart.terminal).scalar_subquery()
    with db.read_connection() as connection:  # no Session: this runs on every scan
        template_id, category_id, store_id, on_hand = connection.execute(
            select(Category.sheet_template_id, Category.id, till_store, func.coalesce(
                select(StoreStock.on_hand).where(StoreStock.product_id == Product.id,
                                                 StoreStock.store_id == till_store)
                .scalar_subquery(), 0))
            .join(Product, Product.category_id == Category.id)
            .where(Product.id == product.id)).one()
    if cart.store_id is None:
        cart.store_id = store_id
    if (is_main or product.serial_tracked) and quantity != 1:
        raise UserError("sale.serial_units_one_by_one")
    line = CartLine(
        line_id=new_line_id(), product_id=product.id, sku=product.sku, name=product.name,
        kind=LineKind.MAIN_UNIT if is_main else LineKind.ACCESSORY, quantity=quantity,
        list_price=product.price, unit_price=product.price, unit_cost=product.cost,
        vat_rate_bp=product.vat_rate_bp, serial_tracked=product.serial_tracked,
        sheet_template_id=template_id if is_main else None, category_id=category_id,
    )
    cart.lines.append(line)
    _note_stock(cart, product.id, on_hand)
    attach_scanned(db, cart)  # a scanned accessory its unit's sheet lists is sold on it
    return line


def cancel_cart(db: Database, cart: Cart) -> None:
    """Drop a cart that will not be paid; what it held is kept in the audit trail."""
    lines = cart.billable_lines()
    if not lines:
        return
    with db.write_connection() as conn:
        audit.record(conn, staff_id=cart.staff_id, action="cart_cancelled", ref=cart.uuid[:8],
                     details={"lines": len(lines), "total": totals(lines).total,
                                "skus": [mask_card_numbers(str(line.sku)) for line in lines][:20]})
    cart.lines = [line for line in cart.lines if line.existing_line_id is not None]
    cart.outcomes, cart.cards_declined = {}, []


def set_quantity(cart: Cart, *, line_id: str, quantity: int) -> None:
    line = cart.line(line_id)
    _check_quantity(quantity)
    if line.kind is not LineKind.ACCESSORY or line.serial_tracked or line.pack_code:
        raise UserError("sale.quantity_plain_only")
    if line.discount > line.unit_price * quantity:
        raise UserError("sale.discount_over_new_total")
    line.quantity = quantity


def remove_line(cart: Cart, *, line_id: str) -> None:
    """Remove a line; removing a main unit removes what was sold with it, removing a
    pack part removes the whole pack."""
    line = cart.line(line_id)
    if line.existing_line_id is not None:
        raise UserError("sale.unit_sold_earlier")
    if line.kind is LineKind.MAIN_UNIT:
        doomed = {line.line_id} | {child.line_id for child in cart.children(line.line_id)}
        cart.outcomes = {k: v for k, v in cart.outcomes.items()
                         if not k.startswith(line.line_id + ":")}
        cart.cards_declined = [m for m in cart.cards_declined if m != line.line_id]
    elif line.sheet_item_id is not None and line.parent_line_id is not None:
        doomed = {l.line_id for l in cart.item_lines(line.parent_line_id, line.sheet_item_id)}
        cart.outcomes.pop(outcome_key(line.parent_line_id, line.sheet_item_id), None)
    else:
        doomed = {line.line_id}
    cart.lines = [l for l in cart.lines if l.line_id not in doomed]


def discount_line(db: Database, cart: Cart, *, line_id: str, percent_bp: int | None = None,
                  amount: int | None = None, approval_id: int | None = None) -> None:
    """A line discount as a percentage (basis points) or an amount, within the staff
    member's limit (cashiers 10% by default); beyond it, with a manager's approval for
    this line and this amount (ref: line_ref(cart, line_id), amount: the discount).
    A discount beyond the smallest limit any role has is an audit event, and the line
    keeps its id: completion checks the final line against the seller's limit, or that
    event (pos.selling.pricing)."""
    line = cart.line(line_id)
    if (percent_bp is None) == (amount is None):
        raise UserError("discount.percent_or_amount")
    if line.pack_code:
        raise UserError("discount.pack_price")
    for number in (percent_bp, amount):
        if number is not None and (isinstance(number, bool) or not isinstance(number, int)):
            raise UserError("discount.percent_or_amount")
    value = percent_of(line.gross, percent_bp) if percent_bp is not None else amount
    if value < 0 or (percent_bp is not None and percent_bp < 0):
        raise UserError("discount.negative")
    if value > line.gross:
        raise UserError("discount.over_line")
    with db.read() as session:
        role = session.get(Staff, cart.staff_id).role.value
        limits = get_setting(session, "discount_limit_bp")
    limit_bp = limits.get(role, 0)
    event = None
    if value * 10_000 > line.gross * min(limits.values(), default=0):
        if value * 10_000 > line.gross * limit_bp and approval_id is None:
            raise UserError("discount.over_limit", role=permissions.ROLE_NAMES[role], limit=limit_bp)
        with db.write_connection() as conn:
            auth = permissions.authorise(conn, action="discount_beyond_limit",
                                         ref=line_ref(cart, line_id), staff_id=cart.staff_id,
                                         approval_id=approval_id, amount=value)
            event = audit.record(conn, staff_id=cart.staff_id, action="discount_beyond_limit",
                                 ref=line.sku, details={
                                     "cart": cart.uuid, "line": line.line_id,
                                     "product": line.product_id, "tier": line.tier_id,
                                     "discount": value, "gross": line.gross,
                                     "approved_by": auth.approved_by})
    line.discount = value
    line.discount_event = event


def line_ref(cart: Cart, line_id: str) -> str:
    """What an approval for a change to one cart line is bound to."""
    return f"{cart.uuid[:8]}:{line_id}"


def override_price(db: Database, cart: Cart, *, line_id: str, price: int, reason: str,
                   approval_id: int | None = None) -> None:
    """Change a line's price, with a reason; a manager's right (a cashier needs their
    approval for this line at this price). Recorded in the audit trail; the line keeps
    the event's id, which completion checks the price against (pos.selling.pricing)."""
    line = cart.line(line_id)
    reason = clean_text(reason, max_length=REASON_MAX, field="field.reason")
    if not reason:
        raise UserError("price.needs_reason")
    if isinstance(price, bool) or not isinstance(price, int):
        raise UserError("price.negative")
    if price < 0:
        raise UserError("price.negative")
    if line.pack_code or line.kind is LineKind.CARD or line.existing_line_id is not None:
        raise UserError("price.fixed")
    if line.discount > price * line.quantity:
        raise UserError("price.below_discount")
    with db.write_connection() as conn:
        auth = permissions.authorise(conn, action="price_override", ref=line_ref(cart, line_id),
                                     staff_id=cart.staff_id, approval_id=approval_id,
                                     amount=price)
        event = audit.record(conn, staff_id=cart.staff_id, action="price_override",
                             ref=line.sku, details={
                                 "cart": cart.uuid, "line": line.line_id,
                                 "product": line.product_id, "from": line.unit_price,
                                 "to": price, "reason": reason,
                                 "approved_by": auth.approved_by})
    line.unit_price = price
    line.override_reason = reason
    line.price_event = event


def set_serial(db: Database, cart: Cart, *, line_id: str, serial: str) -> None:
    """A unit's serial number; an IMEI (15 digits with a check digit) for the categories
    in the setting `imei_categories` (pos.selling.serials)."""
    line = cart.line(line_id)
    if not line.serial_tracked:
        raise UserError("serial.not_tracked", name=line.name)
    with db.read() as session:
        serial = serials.checked_serial(serial, name=line.name,
                                        imei=serials.needs_imei(session, line.category_id))
        for other in cart.lines:
            if other is not line and other.product_id == line.product_id \
                    and other.serial == serial:
                raise UserError("serial.on_other_line", serial=serial)
        refusal = _serial_refusal(session.connection(), cart, line.product_id, serial)
        if refusal is not None:
            raise refusal
    line.serial = serial


# What a manager's override may bring to this till: a unit in stock at another store, one
# in transit, one never received (strict mode). A sold unit is never overridden.
OVERRIDABLE = ("stock.serial_at_store", "stock.serial_in_transit", "stock.serial_not_received")


def override_serial(db: Database, cart: Cart, *, line_id: str, serial: str,
                    approval_id: int | None, request_id: str) -> str:
    """A manager's override of a serial refused at this till (OVERRIDABLE): the unit is
    brought here by a sealed ADJUST document (pos.stock.overrides.bring_serial_here,
    which uses the approval up), then set on the line. Returns the document's number."""
    line = cart.line(line_id)
    if not line.serial_tracked or line.product_id is None:
        raise UserError("serial.not_tracked", name=line.name)
    with db.read() as session:
        serial = serials.checked_serial(serial, name=line.name,
                                        imei=serials.needs_imei(session, line.category_id))
    posted = bring_serial_here(db, terminal=cart.terminal, product_id=line.product_id,
                               serial=serial, approval_id=approval_id, staff_id=cart.staff_id,
                               request_id=request_id)
    set_serial(db, cart, line_id=line_id, serial=serial)
    if type(line.stock) is int and not posted.replayed:
        _note_stock(cart, line.product_id, line.stock + 1)  # the unit is on hand here now
    return posted.doc_no


def set_customer(db: Database, cart: Cart, *, customer_id: int | None) -> None:
    if customer_id is None:
        if any(line.kind is LineKind.CARD for line in cart.lines):
            raise UserError("sale.cards_need_customer")
        cart.customer_id = cart.customer_kind = None
        return
    with db.read() as session:
        customer = session.get(Customer, customer_id)
        if customer is None:
            raise UserError("customer.gone")
        kind = customer.kind
    if kind is not CustomerKind.BUSINESS and any(
            line.kind is LineKind.CARD and tier_audience(db, line.tier_id) is Audience.BUSINESS
            for line in cart.lines):
        raise UserError("sale.business_cards_need_business")
    cart.customer_id, cart.customer_kind = customer_id, kind


# --- helpers ------------------------------------------------------------------------


def _check_quantity(quantity: int) -> None:
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity <= 0:
        raise UserError("sale.quantity_whole")
    if quantity > MAX_QUANTITY:
        raise UserError("sale.quantity_max", max=MAX_QUANTITY)


def _note_stock(cart: Cart, product_id: int, stock: int) -> None:
    """The product's on-hand at the till's store as just read, on each of its lines: the
    till warns when the cart holds more (pos.selling.cart.short_of_stock). A scan is
    never refused for it: stock may arrive before the sale completes, and completion
    checks what is there."""
    for line in cart.lines:
        if line.product_id == product_id:
            line.stock = stock


def _serial_refusal(conn, cart: Cart, product_id: int | None, serial: str) -> UserError | None:
    """Why this serial cannot be sold at the cart's till (sold already, at another store,
    in transit...; pos.ledger.stock_tables.serial_refusal), or None."""
    store_id = cart.store_id
    if store_id is None:
        store_id = conn.execute(select(Terminal.store_id).where(
            Terminal.code == cart.terminal)).scalar()
    if store_id is None or product_id is None:
        return None
    refusal = serial_refusal(conn, store_id=store_id, product_id=product_id, serial=serial,
                             strict=get_setting(conn, "serial_stock") == "strict")
    if refusal is not None and refusal.message_id == "serial.already_sold":
        name = conn.execute(select(Product.name).where(Product.id == product_id)).scalar()
        return UserError("serial.sold", serial=serial, name=name or "")
    return refusal
