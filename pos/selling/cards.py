"""Service cards for a unit in the cart: the tiers its category is eligible for, priced
by the band the unit's price falls in, each with the promise it makes for this unit
(pos.catalog.coverage); adding one (it needs the customer, business tiers a business
customer, and a card that starts when the maker's warranty ends a unit whose warranty
the catalog knows) or recording that the customer declined. `offered_tiers` is what the
till shows: only the tiers this unit and this sale's customer can take."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import Select, select

from pos.catalog.coverage import coverage_terms, unit_warranty
from pos.db.engine import Database
from pos.db.models import Category, Product, ServiceTier, TierCategory, TierPriceBand
from pos.kernel.enums import (
    Audience, CoverageScope, CoverageStart, CustomerKind, LineKind, ServiceMode,
)
from pos.kernel.errors import UserError
from pos.kernel.messages import Message
from pos.selling.cart import Cart, CartLine, new_line_id

CARD_VAT_BP = 600  # services carry 6% VAT


@dataclass(frozen=True)
class TierOffer:
    tier_id: int
    code: str
    name: str
    description: str
    audience: Audience
    term_months: int | None  # None: lifetime
    service_mode: ServiceMode
    units_covered: int
    price: int  # for this unit
    scope: CoverageScope = CoverageScope.SOFTWARE
    starts: CoverageStart = CoverageStart.SALE
    warranty_months: int | None = None  # the unit's maker's warranty (None: not known)
    terms: Message | None = None  # what the card promises for this unit


def eligible_tiers(db: Database, cart: Cart, *, main_line_id: str) -> list[TierOffer]:
    main = cart.main_line(main_line_id)
    with db.read_connection() as connection:  # one statement: tiers, bands, warranty
        return offers_from_rows(connection.execute(tier_select(main)).all(), main)


# The columns of tier_select, in order (pos.selling.unit_view unions them with the sheet's).
TIER_COLUMNS = (
    ServiceTier.id, ServiceTier.code, ServiceTier.name, ServiceTier.description,
    ServiceTier.audience, ServiceTier.term_months, ServiceTier.service_mode,
    ServiceTier.units_covered, ServiceTier.scope, ServiceTier.starts, ServiceTier.position,
    TierPriceBand.position, TierPriceBand.max_unit_price, TierPriceBand.price,
)


def tier_select(main: CartLine, *, before=(), after=()) -> Select:
    """The active tiers of the unit's category, each with its price bands (one row a
    band) and the unit's warranty (its product's and its category's) on every row.
    `before`/`after`: columns around these (a union's padding)."""
    product_warranty = select(Product.warranty_months).where(
        Product.id == main.product_id).scalar_subquery()
    category_warranty = select(Category.warranty_months).join(
        Product, Product.category_id == Category.id).where(
        Product.id == main.product_id).scalar_subquery()
    return (select(*before, *TIER_COLUMNS, product_warranty, category_warranty, *after)
            .select_from(ServiceTier)
            .join(TierCategory, TierCategory.tier_id == ServiceTier.id)
            .outerjoin(TierPriceBand, TierPriceBand.tier_id == ServiceTier.id)
            .where(TierCategory.category_id == main.category_id,
                   ServiceTier.active.is_(True)))


TIER_WIDTH = len(TIER_COLUMNS) + 2  # and the two warranties


def offers_from_rows(rows, main: CartLine) -> list[TierOffer]:
    """TierOffers from tier_select's rows (in any order): by position, then code."""
    tiers: dict[int, tuple] = {}
    bands: dict[int, list[tuple[int, int | None, int]]] = {}
    warranty = None
    for row in rows:
        tiers.setdefault(row[0], row)
        if row[11] is not None:
            bands.setdefault(row[0], []).append((row[11], row[12], row[13]))
        warranty = unit_warranty(row[14], row[15])
    offers = []
    for (tier_id, code, name, description, audience, term_months, service_mode, units,
         scope, starts, position, *_rest) in sorted(tiers.values(), key=lambda t: (t[10], t[1])):
        price = price_in_bands([(up_to, price) for _, up_to, price in
                                sorted(bands.get(tier_id, ()))], main.unit_price)
        offers.append(TierOffer(tier_id, code, name, description, audience, term_months,
                                service_mode, units, price, scope, starts, warranty,
                                _offer_terms(service_mode, scope, starts, term_months, warranty)))
    return offers


@lru_cache(maxsize=512)
def _offer_terms(service_mode, scope, starts, term_months, warranty_months) -> Message:
    """A tier's promise for a unit (no dates yet): the same few come back scan after scan."""
    return coverage_terms(service_mode=service_mode, scope=scope, starts=starts,
                          term_months=term_months, warranty_months=warranty_months)


def offered_tiers(db: Database, cart: Cart, *, main_line_id: str) -> list[TierOffer]:
    """The tiers to offer for a unit: those of its category that add_card would take for
    this sale's customer. A business tier only once the customer is a business (with no
    customer yet, the consumer tiers); a card starting when the maker's warranty ends
    only for a unit whose warranty the catalog knows. A tier already on the unit stays
    listed, so that it can be taken off."""
    return offerable(eligible_tiers(db, cart, main_line_id=main_line_id), cart,
                     main_line_id=main_line_id)


def offerable(offers: list[TierOffer], cart: Cart, *, main_line_id: str) -> list[TierOffer]:
    """Of a unit's eligible tiers, those offered_tiers shows."""
    chosen = {line.tier_id for line in cart.card_lines(main_line_id)}
    return [offer for offer in offers
            if offer.tier_id in chosen or can_take(offer, cart.customer_kind)]


def can_take(offer: TierOffer, customer_kind: CustomerKind | None) -> bool:
    """Whether add_card takes this tier for a customer of this kind (None: no customer
    on the sale yet, who may still be found or created)."""
    if offer.audience is Audience.BUSINESS and customer_kind is not CustomerKind.BUSINESS:
        return False
    return not (offer.starts is CoverageStart.WARRANTY_END and offer.warranty_months is None)


def add_card(db: Database, cart: Cart, *, main_line_id: str, tier_id: int) -> CartLine:
    main = cart.main_line(main_line_id)
    offers = {o.tier_id: o for o in eligible_tiers(db, cart, main_line_id=main_line_id)}
    offer = offers.get(tier_id)
    if offer is None:
        raise UserError("card.not_available", name=main.name)
    if any(line.tier_id == tier_id for line in cart.card_lines(main_line_id)):
        raise UserError("card.already", name=main.name, card=offer.name)
    if cart.customer_id is None:
        raise UserError("card.needs_customer")
    if offer.audience is Audience.BUSINESS and cart.customer_kind is not CustomerKind.BUSINESS:
        raise UserError("card.business_only", card=offer.name)
    if offer.starts is CoverageStart.WARRANTY_END and offer.warranty_months is None:
        raise UserError("card.unit_warranty_unknown", card=offer.name, name=main.name)
    line = CartLine(
        line_id=new_line_id(), product_id=None, sku=f"CARD-{offer.code.upper()}", name=offer.name,
        kind=LineKind.CARD, quantity=1, list_price=offer.price, unit_price=offer.price,
        unit_cost=0, vat_rate_bp=CARD_VAT_BP, parent_line_id=main_line_id, tier_id=tier_id,
    )
    cart.lines.insert(cart.after_children(main_line_id), line)
    cart.cards_declined = [m for m in cart.cards_declined if m != main_line_id]
    return line


def decline_card(cart: Cart, *, main_line_id: str) -> None:
    main = cart.main_line(main_line_id)
    if cart.card_lines(main.line_id):
        raise UserError("card.remove_before_decline")
    if main.line_id not in cart.cards_declined:
        cart.cards_declined.append(main.line_id)


def band_price(tier: ServiceTier, unit_price: int) -> int:
    """A tier's price for a unit: the first band the unit's price falls in."""
    return price_in_bands([(band.max_unit_price, band.price) for band in tier.bands], unit_price)


def price_in_bands(bands: Sequence[tuple[int | None, int]], unit_price: int) -> int:
    """The price of the first (max unit price, price) band, in order, that `unit_price`
    falls in (None: no upper bound); past the last band, the last band's price."""
    for max_unit_price, price in bands:
        if max_unit_price is None or unit_price <= max_unit_price:
            return price
    return bands[-1][1]


def tier_audience(db: Database, tier_id: int | None) -> Audience | None:
    with db.read() as session:
        tier = session.get(ServiceTier, tier_id) if tier_id else None
        return tier.audience if tier else None
