"""What a sale may be completed at, checked again inside the sale's own transaction.

The cart is plain data: the till holds it, parks it as JSON in the database, and could
be handed one that was edited. So completion trusts none of the cart's prices or
catalog values; every line is checked against the store as it is now:

- a product's line: the catalog's price, or the price a recorded override allows for
  this cart line (its audit event, written by pos.selling.checkout.override_price);
- a gift pack's parts: the pack price split over the sheet item's parts
  (cart.split_pack_price), every part present, no discount; a free gift's parts at 0,
  and a line at 0 only for an item the checklist marks gift = true;
- a service card: its tier's band for the unit's checked price (cards.price_in_bands),
  the tier active and offered for the unit's category;
- a discount: within the seller's limit (setting `discount_limit_bp`) on the final line,
  or covered by the audit event that allowed it for this cart line: no more than that
  amount, and no larger a share of the line (a 10% discount on ten kits is not 100% of
  one);
- names, skus, costs, VAT rates, kinds and serial tracking are the catalog's; lines
  hang under units of this cart and sheet items of those units' sheets; an add-on's
  earlier unit is that sale's line, at the price it was sold.

Anything else is refused with a UserError before anything is written. The lookups are
prepared, indexed statements (pos.db.prepared), one per product, sheet item and card
tier in the cart; events are read only for lines whose price or discount needs one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from sqlalchemy import bindparam, select

from pos.db import prepared
from pos.db.models import (
    AuditEvent, Category, Product, Sale, SaleLine, ServiceTier, SheetItem, SheetItemProduct,
    SheetSection, Staff, TierCategory, TierPriceBand,
)
from pos.kernel.enums import Audience, CategoryKind, DocumentKind, LineKind, Outcome
from pos.kernel.errors import UserError
from pos.people.permissions import ROLE_NAMES
from pos.selling.cards import CARD_VAT_BP, price_in_bands
from pos.selling.cart import Cart, CartLine, outcome_key, split_pack_price
from pos.selling.quoted import QuotedPrices
from pos.store.settings import get_setting

MAX_QUANTITY = 999
SERIAL = re.compile(r"[0-9A-Z\-/]{4,64}")

PRODUCTS, CATEGORIES, STAFF = Product.__table__, Category.__table__, Staff.__table__
ITEMS, SECTIONS, PARTS = SheetItem.__table__, SheetSection.__table__, SheetItemProduct.__table__
TIERS, TIER_CATEGORIES, BANDS = (ServiceTier.__table__, TierCategory.__table__,
                                 TierPriceBand.__table__)
SALES, LINES, EVENTS = Sale.__table__, SaleLine.__table__, AuditEvent.__table__

_STAFF = prepared.Prepared(
    select(STAFF.c.role, STAFF.c.active).where(STAFF.c.id == bindparam("staff_id")))
# What a line takes from the catalog (in this order: _catalog's tuple).
_PRODUCT_COLUMNS = (
    PRODUCTS.c.sku, PRODUCTS.c.name, PRODUCTS.c.price, PRODUCTS.c.cost, PRODUCTS.c.vat_rate_bp,
    PRODUCTS.c.serial_tracked, PRODUCTS.c.active, PRODUCTS.c.category_id, CATEGORIES.c.kind,
    CATEGORIES.c.sheet_template_id)
_PRODUCT = prepared.Prepared(
    select(*_PRODUCT_COLUMNS)
    .join(CATEGORIES, CATEGORIES.c.id == PRODUCTS.c.category_id)
    .where(PRODUCTS.c.id == bindparam("product_id")))
# A sheet item and its products (a pack's parts) in their order on the sheet, each with
# what its line takes from the catalog: one statement for everything a sheet line needs.
_ITEM = prepared.Prepared(
    select(ITEMS.c.code, ITEMS.c.pack_price, SECTIONS.c.template_id, ITEMS.c.gift,
           PARTS.c.product_id, *_PRODUCT_COLUMNS)
    .join(SECTIONS, SECTIONS.c.id == ITEMS.c.section_id)
    .join(PARTS, PARTS.c.item_id == ITEMS.c.id)
    .join(PRODUCTS, PRODUCTS.c.id == PARTS.c.product_id)
    .join(CATEGORIES, CATEGORIES.c.id == PRODUCTS.c.category_id)
    .where(ITEMS.c.id == bindparam("item_id"))
    .order_by(PARTS.c.position))
# A tier offered for a category, with its bands in order.
_TIER = prepared.Prepared(
    select(TIERS.c.code, TIERS.c.name, TIERS.c.audience, TIERS.c.term_months, TIERS.c.active,
           BANDS.c.max_unit_price, BANDS.c.price)
    .join(TIER_CATEGORIES, TIER_CATEGORIES.c.tier_id == TIERS.c.id)
    .join(BANDS, BANDS.c.tier_id == TIERS.c.id)
    .where(TIERS.c.id == bindparam("tier_id"),
           TIER_CATEGORIES.c.category_id == bindparam("category_id"))
    .order_by(BANDS.c.position))
_EARLIER_UNIT = prepared.Prepared(
    select(LINES.c.sale_id, LINES.c.kind, LINES.c.product_id, LINES.c.unit_price,
           LINES.c.list_price, LINES.c.serial, LINES.c.sku, LINES.c.name)
    .where(LINES.c.id == bindparam("line_id")))
_ORIGINAL = prepared.Prepared(
    select(SALES.c.receipt_no, SALES.c.kind).where(SALES.c.id == bindparam("sale_id")))
_EVENT = prepared.Prepared(
    select(EVENTS.c.action, EVENTS.c.details_json).where(EVENTS.c.id == bindparam("event_id")))


@dataclass(frozen=True)
class Priced:
    """The cart as it may be sold: a checked copy, and its card tiers."""

    cart: Cart
    tiers: dict[int, tuple[str, Audience, int | None]]  # id -> name, audience, term months


def check_cart(conn, cart: Cart) -> Priced:
    """A copy of `cart` whose every line is the store's (see the module docstring), or a
    UserError. Runs inside the caller's transaction."""
    return _Check(prepared.on(conn), conn, cart).run()


def _whole(value, low: int = 0) -> bool:
    return type(value) is int and value >= low  # an int, and not a bool


class _Check:
    def __init__(self, run: prepared.Runner, conn, cart: Cart):
        self.db, self.conn = run, conn
        self.cart = cart.copy()
        self.by_id: dict[str, CartLine] = {}
        self.products: dict[int, tuple | None] = {}
        self.items: dict[int, list] = {}
        self.tiers: dict[int, tuple[str, Audience, int | None]] = {}
        self.quoted = QuotedPrices(run, self.cart)  # a quote's prices (quote_prices)

    def run(self) -> Priced:
        cart = self.cart
        staff = self.db.first(_STAFF, {"staff_id": cart.staff_id}) if _whole(
            cart.staff_id, 1) else None
        if staff is None or not staff[1]:
            raise UserError("sale.log_in_to_start")
        if not isinstance(cart.lines, list):
            raise UserError("sale.line_not_valid", name="")
        for line in cart.lines:
            if not isinstance(line, CartLine) or not isinstance(line.line_id, str) \
                    or line.line_id in self.by_id:
                raise UserError("sale.line_not_valid", name="")
            if line.kind.__class__ is not LineKind:  # a cart unpickled or built by hand
                try:
                    line.kind = LineKind(line.kind)
                except ValueError:
                    self._invalid(line)
            self.by_id[line.line_id] = line
        if not isinstance(cart.outcomes, dict) or not isinstance(cart.cards_declined, list):
            raise UserError("sale.line_not_valid", name="")
        if any(value.__class__ is not Outcome or key.__class__ is not str
               for key, value in cart.outcomes.items()):
            try:
                cart.outcomes = {str(key): Outcome(value) for key, value in cart.outcomes.items()}
            except ValueError:
                raise UserError("sale.line_not_valid", name="") from None
        if cart.original_sale_id is not None:
            self._original()
        units = [l for l in cart.lines if l.kind is LineKind.MAIN_UNIT]
        for line in units:
            if line.existing_line_id is not None:
                self._earlier_unit(line)
            else:
                self._product(line)
        for line in cart.lines:
            if line.existing_line_id is not None and line.kind is not LineKind.MAIN_UNIT:
                self._invalid(line)
            if line.kind is LineKind.ACCESSORY:
                if line.sheet_item_id is not None:
                    self._item(line)  # its products come with it
                self._product(line)
        self._sheet_items()
        for line in cart.lines:
            if line.kind is LineKind.CARD:
                self._card(line)
        self._discounts(staff[0])
        return Priced(cart, self.tiers)

    # --- what each line is ------------------------------------------------------------

    def _invalid(self, line: CartLine | None):
        raise UserError("sale.line_not_valid", name=str(getattr(line, "name", ""))[:120])

    def _catalog(self, line: CartLine, product_id) -> tuple:
        if not _whole(product_id, 1):
            self._invalid(line)
        if product_id not in self.products:
            self.products[product_id] = self.db.first(_PRODUCT, {"product_id": product_id})
        row = self.products[product_id]
        if row is None:
            raise UserError("sale.product_gone", name=str(line.name)[:120])
        return row

    def _original(self) -> None:
        cart = self.cart
        row = (self.db.first(_ORIGINAL, {"sale_id": cart.original_sale_id})
               if _whole(cart.original_sale_id, 1) else None)
        if row is None or row[0] != cart.original_receipt or \
                DocumentKind(row[1]) is not DocumentKind.SALE:
            raise UserError("sale.line_not_valid", name=str(cart.original_receipt or "")[:40])

    def _earlier_unit(self, line: CartLine) -> None:
        """An add-on's unit: that sale's line, not sold again."""
        cart = self.cart
        row = (self.db.first(_EARLIER_UNIT, {"line_id": line.existing_line_id})
               if _whole(line.existing_line_id, 1) else None)
        if (row is None or cart.original_sale_id is None or row[0] != cart.original_sale_id
                or LineKind(row[1]) is not LineKind.MAIN_UNIT or line.parent_line_id is not None):
            self._invalid(line)
        _, _, product_id, unit_price, list_price, serial, sku, name = row
        product = self._catalog(line, product_id)
        line.product_id, line.unit_price, line.list_price = product_id, unit_price, list_price
        line.serial, line.sku, line.name, line.quantity, line.discount = serial, sku, name, 1, 0
        line.serial_tracked = bool(product[5])
        line.category_id, line.sheet_template_id = product[7], product[9]
        line.override_reason = line.tier_id = line.sheet_item_id = line.pack_code = None
        line.price_event = line.discount_event = None

    def _product(self, line: CartLine) -> None:
        """A unit or an accessory sold now: the catalog's values; its price is checked
        after its sheet item (a pack part's price is its share)."""
        cart = self.cart
        sku, name, price, cost, vat, tracked, active, category_id, kind, template = \
            self._catalog(line, line.product_id)
        if not active:
            raise UserError("sale.product_gone", name=name)
        kind = CategoryKind(kind)
        main = kind is CategoryKind.MAIN_UNIT
        if line.kind is not (LineKind.MAIN_UNIT if main else LineKind.ACCESSORY):
            self._invalid(line)
        if (kind is CategoryKind.SERVICE and tracked) or line.tier_id is not None:
            self._invalid(line)
        if main and (cart.original_sale_id is not None or line.parent_line_id is not None
                     or line.sheet_item_id is not None):
            self._invalid(line)
        if not _whole(line.quantity, 1) or line.quantity > MAX_QUANTITY or (
                (main or tracked) and line.quantity != 1):
            self._invalid(line)
        if line.serial is not None and not (tracked and isinstance(line.serial, str)
                                            and SERIAL.fullmatch(line.serial)):
            self._invalid(line)
        if line.parent_line_id is not None:
            parent = self.by_id.get(line.parent_line_id)
            if parent is None or parent.kind is not LineKind.MAIN_UNIT:
                self._invalid(line)
        line.sku, line.name, line.list_price, line.unit_cost, line.vat_rate_bp = (
            sku, name, price, cost, vat)
        line.serial_tracked, line.category_id = bool(tracked), category_id
        line.sheet_template_id = template if main else None
        line.has_card = False
        if line.sheet_item_id is None:
            if line.pack_code is not None:
                self._invalid(line)
            self._price(line, price)

    def _price(self, line: CartLine, price: int) -> None:
        """The catalog's price, or the one an override recorded for this line allows."""
        if not _whole(line.unit_price):
            self._invalid(line)
        override = self._event(line.price_event, "price_override", line)
        if override is not None and override.get("to") == line.unit_price \
                and override.get("product") == line.product_id:
            line.override_reason = str(override.get("reason") or "") or None
            return
        if self.quoted.price(line):
            line.override_reason = None
            return
        if line.unit_price != price:
            raise UserError("sale.price_not_current", name=line.name, price=price)
        line.override_reason, line.price_event = None, None

    def _sheet_items(self) -> None:
        """Lines sold for a sheet item: an item of their unit's sheet that the product
        satisfies, marked sold; a pack complete, at the pack price split over its parts."""
        cart = self.cart
        packs: dict[tuple[str, int], list[CartLine]] = {}
        for line in cart.lines:
            if line.kind is not LineKind.ACCESSORY or line.sheet_item_id is None:
                continue
            code, pack_price, template, gift, parts = self._item(line)
            parent = self.by_id.get(line.parent_line_id)
            if parent is None or parent.sheet_template_id != template or \
                    line.product_id not in {product_id for product_id, _ in parts}:
                self._invalid(line)
            if cart.outcomes.get(outcome_key(parent.line_id, line.sheet_item_id)) \
                    is not Outcome.SOLD:
                self._invalid(line)
            if pack_price is None:
                if line.pack_code is not None:
                    self._invalid(line)
                self._price(line, self.products[line.product_id][2])
            else:
                if line.pack_code != code or (pack_price <= 0 and not gift):
                    self._invalid(line)  # only a gift is sold at 0
                packs.setdefault((parent.line_id, line.sheet_item_id), []).append(line)
        for (_, item_id), lines in packs.items():
            _, pack_price, _, _, parts = self.items[item_id]
            if [line.product_id for line in lines] != [product_id for product_id, _ in parts]:
                self._invalid(lines[0])
            shares = split_pack_price(pack_price, [price for _, price in parts])
            for line, share in zip(lines, shares):
                if line.quantity != 1 or line.discount != 0 or not _whole(line.unit_price):
                    self._invalid(line)
                if line.unit_price != share and not self.quoted.price(line):
                    raise UserError("sale.price_not_current", name=line.name, price=share)
                line.override_reason = line.price_event = line.discount_event = None
        sold_for = {outcome_key(line.parent_line_id, line.sheet_item_id) for line in cart.lines
                    if line.sheet_item_id is not None}
        for key, outcome in cart.outcomes.items():
            main_id, _, item = key.rpartition(":")
            main = self.by_id.get(main_id)
            if main is None or main.kind is not LineKind.MAIN_UNIT or not item.isdigit():
                raise UserError("sale.line_not_valid", name="")
            if outcome is Outcome.SOLD and key not in sold_for:
                self._invalid(main)

    def _item(self, line: CartLine) -> tuple:
        """(code, pack price, template id, gift, [(product id, price)]) of a line's sheet item;
        its products' catalog values go where _catalog finds them."""
        item_id = line.sheet_item_id
        if not _whole(item_id, 1):
            self._invalid(line)
        if item_id not in self.items:
            rows = self.db.all(_ITEM, {"item_id": item_id})
            if not rows:
                self._invalid(line)
            for row in rows:
                self.products.setdefault(row[4], tuple(row[5:]))
            self.items[item_id] = (*rows[0][:3], bool(rows[0][3]),
                                   [(row[4], row[7]) for row in rows])
        return self.items[item_id]

    def _card(self, line: CartLine) -> None:
        """A service card: a tier offered for its unit's category, at the band of the
        unit's price."""
        unit = self.by_id.get(line.parent_line_id)
        if (unit is None or unit.kind is not LineKind.MAIN_UNIT or line.product_id is not None
                or line.pack_code is not None or line.sheet_item_id is not None
                or line.serial is not None or line.quantity != 1 or not _whole(line.tier_id, 1)
                or not _whole(line.unit_price)):
            self._invalid(line)
        rows = self.db.all(_TIER, {"tier_id": line.tier_id, "category_id": unit.category_id})
        if not rows or not rows[0][4]:
            raise UserError("card.not_available", name=unit.name)
        code, name, audience, term = rows[0][:4]
        if any(other is not line and other.tier_id == line.tier_id
               for other in self.cart.card_lines(unit.line_id)):
            raise UserError("card.already", name=unit.name, card=name)
        price = price_in_bands([(row[5], row[6]) for row in rows], unit.unit_price)
        if line.unit_price != price and not self.quoted.price(line):
            raise UserError("sale.price_not_current", name=name, price=price)
        line.sku, line.name, line.list_price = f"CARD-{code.upper()}", name, price
        line.unit_cost, line.vat_rate_bp, line.serial_tracked = 0, CARD_VAT_BP, False
        line.override_reason = line.price_event = None
        line.category_id = line.sheet_template_id = None
        self.tiers[line.tier_id] = (name, Audience(audience), term)

    # --- discounts --------------------------------------------------------------------

    def _discounts(self, role: str) -> None:
        """Each discount on the final line: within the seller's limit, or covered by the
        event that allowed it (no more than its amount, no larger a share of the line)."""
        discounted = []
        for line in self.cart.billable_lines():
            if not _whole(line.discount) or line.discount > line.gross:
                self._invalid(line)
            if line.discount:
                discounted.append(line)
        if not discounted:
            return
        limit = get_setting(self.conn, "discount_limit_bp").get(role, 0)
        for line in discounted:
            if line.discount * 10_000 <= line.gross * limit:
                continue
            if self.quoted.discount(line):
                continue
            event = self._event(line.discount_event, "discount_beyond_limit", line)
            allowed, gross = (event or {}).get("discount"), (event or {}).get("gross")
            if (_whole(allowed) and _whole(gross, 1) and line.discount <= allowed
                    and line.discount * gross <= allowed * line.gross
                    and event.get("product") == line.product_id
                    and event.get("tier") == line.tier_id):
                continue
            raise UserError("sale.discount_not_approved", name=line.name,
                            role=ROLE_NAMES.get(role, "role.cashier"), limit=limit)

    def _event(self, event_id, action: str, line: CartLine) -> dict | None:
        """The details of the audit event that allows something for this cart line, or
        None when there is none (or it is about another action, cart or line)."""
        if event_id is None:
            return None
        row = self.db.first(_EVENT, {"event_id": event_id}) if _whole(event_id, 1) else None
        if row is None or row[0] != action:
            return None
        try:
            details = json.loads(row[1])
        except ValueError:
            return None
        if not isinstance(details, dict) or details.get("cart") != self.cart.uuid \
                or details.get("line") != line.line_id:
            return None
        return details
