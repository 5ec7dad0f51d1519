"""The card tiers the till offers for a unit (pos.selling.cards.offered_tiers): only those
this unit and this sale's customer can take. A consumer never sees the business cards,
a business customer does; every tier offered is one add_card takes, every tier left
out one it refuses."""

from sqlalchemy import update

from pos.db.models import Category, Product
from pos.kernel.errors import UserError
from pos.people import customers
from pos.selling import cards, checkout
from tests.integration.checkout_helpers import NOTEBOOK, PHONE, new_cart

BUSINESS_TIERS = {"blue-gold", "blue-diamond"}


def notebook_cart(db, kind: str | None):
    """A notebook in a new cart, with a customer of this kind (None: no customer yet)."""
    cart = new_cart(db)
    unit = checkout.add_product(db, cart, code=NOTEBOOK)
    if kind is not None:
        phone = "13800138000" if kind == "consumer" else "13900139000"
        found = customers.create_customer(db, phone=phone, name="Chen Jie", kind=kind,
                                          company="Hengda Trading" if kind == "business" else None)
        checkout.set_customer(db, cart, customer_id=found.id)
    return cart, unit


def codes(db, cart, unit) -> list[str]:
    return [offer.code for offer in cards.offered_tiers(db, cart, main_line_id=unit.line_id)]


def test_a_consumer_is_offered_no_business_card_and_a_business_is(demo_db):
    nobody_cart, nobody_unit = notebook_cart(demo_db, None)
    everything = [o.code for o in cards.eligible_tiers(demo_db, nobody_cart,
                                                       main_line_id=nobody_unit.line_id)]
    assert BUSINESS_TIERS <= set(everything)  # the notebook's category lists them
    consumer_cart, consumer_unit = notebook_cart(demo_db, "consumer")
    business_cart, business_unit = notebook_cart(demo_db, "business")
    consumer = codes(demo_db, consumer_cart, consumer_unit)
    assert not BUSINESS_TIERS & set(consumer) and "gold" in consumer
    assert codes(demo_db, nobody_cart, nobody_unit) == consumer  # no customer yet: a consumer's
    business = codes(demo_db, business_cart, business_unit)
    assert business == everything  # in the catalog's order, so Ctrl+number follows it
    assert [code for code in business if code not in BUSINESS_TIERS] == consumer


def test_the_offer_follows_the_customer_put_on_the_sale(demo_db):
    cart, unit = notebook_cart(demo_db, "consumer")
    assert not BUSINESS_TIERS & set(codes(demo_db, cart, unit))
    firm = customers.create_customer(demo_db, phone="13900139001", name="Zhou Min",
                                     kind="business", company="Hengda Trading")
    checkout.set_customer(demo_db, cart, customer_id=firm.id)
    assert BUSINESS_TIERS <= set(codes(demo_db, cart, unit))


def test_every_tier_offered_is_taken_and_every_other_refused(demo_db):
    for kind in ("consumer", "business"):
        cart, unit = notebook_cart(demo_db, kind)
        offered = set(codes(demo_db, cart, unit))
        for offer in cards.eligible_tiers(demo_db, cart, main_line_id=unit.line_id):
            trial = cart.copy()
            if offer.code in offered:
                cards.add_card(demo_db, trial, main_line_id=unit.line_id, tier_id=offer.tier_id)
            else:
                try:
                    cards.add_card(demo_db, trial, main_line_id=unit.line_id,
                                   tier_id=offer.tier_id)
                except UserError as refused:
                    assert refused.message_id == "card.business_only"
                else:
                    raise AssertionError(f"{offer.code} was left out but add_card took it")


def test_an_extension_is_not_offered_for_a_unit_of_unknown_warranty(demo_db):
    with demo_db.unit_of_work() as session:
        session.execute(update(Product).where(Product.barcode == NOTEBOOK)
                        .values(warranty_months=None))
        session.execute(update(Category).where(Category.code == "NOTEBOOK")
                        .values(warranty_months=None))
    cart, unit = notebook_cart(demo_db, "consumer")
    offered = codes(demo_db, cart, unit)
    assert "gold" in offered and not {"hw-1y", "hw-2y"} & set(offered)


def test_a_tier_already_on_the_unit_stays_listed(demo_db):
    cart, unit = notebook_cart(demo_db, "business")
    blue = next(o for o in cards.offered_tiers(demo_db, cart, main_line_id=unit.line_id)
                if o.code == "blue-gold")
    cards.add_card(demo_db, cart, main_line_id=unit.line_id, tier_id=blue.tier_id)
    cart.customer_kind = None  # as a parked cart from before might say
    assert "blue-gold" in codes(demo_db, cart, unit)


def test_a_phone_is_offered_its_own_cards(demo_db):
    cart = new_cart(demo_db)
    unit = checkout.add_product(demo_db, cart, code=PHONE)
    assert set(codes(demo_db, cart, unit)) == {"phone-ext", "screen-break"}
