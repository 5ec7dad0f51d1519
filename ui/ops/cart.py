"""The calls of the till's cart: each takes the cart (plain data, owned by the till) and
the unit in focus, changes a copy of the cart on the worker, and returns it with
what the till shows of it: a TillView (the customer, the unit's sheet rows and card
tiers), read in the same call. Also the product search, parking and add-on carts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pos.kernel.enums import LineKind, Outcome

if TYPE_CHECKING:
    from pos.db.engine import Database
    from pos.people.customers import CustomerInfo
    from pos.selling.addons import UnitHistory
    from pos.selling.cards import TierOffer
    from pos.selling.cart import Cart
    from pos.selling.sheet import SheetRow
    from ui.ops.running import Call


@dataclass(frozen=True)
class TillView:
    """A cart and what the till shows with it: the customer, and the configuration
    sheet and card tiers of the unit in focus (an add-on's unit: with what it already has,
    `earlier`). `result`: what the call itself returned."""

    cart: Cart
    unit: str | None
    customer: CustomerInfo | None = None
    rows: tuple[SheetRow, ...] = ()
    offers: tuple[TierOffer, ...] = ()
    result: Any = None
    earlier: UnitHistory | None = None


def read_view(db: Database, cart: Cart, unit: str | None, result: Any = None) -> TillView:
    from pos.people.customers import get_customer
    from pos.selling.addons import unit_history
    from pos.selling.unit_view import sheet_and_tiers

    units = [line.line_id for line in cart.main_units()]
    if unit not in units:
        unit = units[-1] if units else None
    customer = (get_customer(db, customer_id=cart.customer_id)
                if cart.customer_id is not None else None)
    if unit is None:
        return TillView(cart, None, customer, result=result)
    earlier = cart.line(unit).existing_line_id
    rows, offers = sheet_and_tiers(db, cart, main_line_id=unit)  # one statement
    return TillView(cart, unit, customer, tuple(rows), tuple(offers), result,
                    unit_history(db, unit_line_id=earlier) if earlier is not None else None)


def _one_connection(call):
    """`call(db)` with its reads on one connection (pos.db.call_reads): on PostgreSQL a
    scan is a handful of round trips, not a ping, BEGIN and ROLLBACK around every read."""
    def run(db):
        from pos.db.call_reads import shared_reads

        with shared_reads(db) as shared:
            return call(shared)
    return run


def _changing(cart: Cart, unit: str | None, change) -> Call[TillView]:
    """`change(db, cart)` on a copy of the cart, returning (result, unit to show)."""
    def call(db):
        mine = cart.copy()
        result, focus = change(db, mine)
        return read_view(db, mine, focus if focus is not None else unit, result)
    return _one_connection(call)


def show_unit(cart: Cart, unit: str | None) -> Call[TillView]:
    return _one_connection(lambda db: read_view(db, cart, unit))


def add_product(cart: Cart, unit: str | None, *, code: str) -> Call[TillView]:
    def change(db, cart):
        from pos.selling.checkout import add_product as add

        line = add(db, cart, code=code)
        return line, (line.line_id if line.kind is LineKind.MAIN_UNIT else None)
    return _changing(cart, unit, change)


def mark_item(cart: Cart, unit: str | None, *, main_line_id: str, item_id: int,
              outcome: Outcome, product_id: int | None) -> Call[TillView]:
    def change(db, cart):
        from pos.selling.sheet import mark_item as mark

        mark(db, cart, main_line_id=main_line_id, item_id=item_id, outcome=outcome,
             product_id=product_id)
        return None, None
    return _changing(cart, unit, change)


def toggle_card(cart: Cart, unit: str | None, *, main_line_id: str,
                tier_id: int) -> Call[TillView]:
    """Take the tier's card for the unit, or take it off when it is already chosen."""
    def change(db, cart):
        from pos.selling.cards import add_card
        from pos.selling.checkout import remove_line

        chosen = [l for l in cart.card_lines(main_line_id) if l.tier_id == tier_id]
        if chosen:
            remove_line(cart, line_id=chosen[0].line_id)
        else:
            add_card(db, cart, main_line_id=main_line_id, tier_id=tier_id)
        return None, None
    return _changing(cart, unit, change)


def decline_card(cart: Cart, unit: str | None, *, main_line_id: str) -> Call[TillView]:
    def change(_db, cart):
        from pos.selling.cards import decline_card as decline

        decline(cart, main_line_id=main_line_id)
        return None, None
    return _changing(cart, unit, change)


def remove_line(cart: Cart, unit: str | None, *, line_id: str) -> Call[TillView]:
    def change(_db, cart):
        from pos.selling.checkout import remove_line as remove

        remove(cart, line_id=line_id)
        return None, None
    return _changing(cart, unit, change)


def set_serial(cart: Cart, unit: str | None, *, line_id: str, serial: str) -> Call[TillView]:
    def change(db, cart):
        from pos.selling.checkout import set_serial as set_it

        set_it(db, cart, line_id=line_id, serial=serial)
        return None, None
    return _changing(cart, unit, change)


def override_serial(cart: Cart, unit: str | None, *, line_id: str, serial: str,
                    approval_id: int | None, request_id: str) -> Call[TillView]:
    """A manager's override of a serial refused here: the unit is brought to this store
    (a sealed ADJUST document), then set on the line; the view's result is the
    document's number."""
    def change(db, cart):
        from pos.selling.checkout import override_serial as override

        return override(db, cart, line_id=line_id, serial=serial, approval_id=approval_id,
                        request_id=request_id), None
    return _changing(cart, unit, change)


def serial_override_ref(product_id: int, serial: str) -> tuple[str, str]:
    """The action and record a manager approves for an override (a rule, no database)."""
    from pos.stock.overrides import ACTION, override_ref

    return ACTION, override_ref(product_id, serial)


def overridable(error) -> bool:
    """Whether a serial refused at the till may be brought here by a manager's override."""
    from pos.selling.checkout import OVERRIDABLE

    return getattr(error, "message_id", None) in OVERRIDABLE


def find_customer(cart: Cart, unit: str | None, *, phone: str) -> Call[TillView]:
    """The customer with this phone on the sale; the view's result is None when there
    is no such customer yet (the cart is then unchanged)."""
    def change(db, cart):
        from pos.people.customers import find_customer as find
        from pos.selling.checkout import set_customer

        found = find(db, phone=phone)
        if found is not None:
            set_customer(db, cart, customer_id=found.id)
        return found, None
    return _changing(cart, unit, change)


def save_customer(cart: Cart, unit: str | None, *, phone: str, name: str, kind: str,
                  company: str) -> Call[TillView]:
    """The customer with this phone (created when new) on the sale."""
    def change(db, cart):
        from pos.people.customers import create_customer
        from pos.people.customers import find_customer as find
        from pos.selling.checkout import set_customer

        found = find(db, phone=phone)
        if found is None:
            found = create_customer(db, phone=phone, name=name, kind=kind, company=company)
        set_customer(db, cart, customer_id=found.id)
        return found, None
    return _changing(cart, unit, change)


def search_products(text: str, *, limit: int = 12, store_id: int | None = None) -> Call:
    """Products matching the text, each with its on-hand at `store_id` (the till's)."""
    def call(db):
        from pos.catalog.products import search_products as search

        return search(db, text, limit=limit, store_id=store_id)
    return call


def park(cart: Cart, *, label: str) -> Call[None]:
    def call(db):
        from pos.selling.parking import park_cart

        park_cart(db, cart, label=label)
    return call


def list_parked(terminal: str) -> Call:
    def call(db):
        from pos.selling.parking import list_parked as parked

        return parked(db, terminal=terminal)
    return call


def resume(*, cart_uuid: str, staff_id: int) -> Call[TillView]:
    def call(db):
        from pos.selling.parking import resume_cart

        cart = resume_cart(db, cart_uuid=cart_uuid, staff_id=staff_id)
        units = cart.main_units()
        return read_view(db, cart, units[0].line_id if units else None)
    return call


def cancel_cart(cart: Cart) -> Call[None]:
    def call(db):
        from pos.selling.checkout import cancel_cart as cancel

        cancel(db, cart.copy())
    return call


def addon_units(receipt_no: str) -> Call:
    def call(db):
        from pos.selling.addons import addon_units as units

        return units(db, receipt_no=receipt_no)
    return call


def open_addon(*, receipt_no: str, staff_id: int, terminal: str,
               unit_position: int | None) -> Call[TillView]:
    def call(db):
        from pos.selling.addons import open_addon as open_it

        from pos.selling.checkout import cart_store

        cart = open_it(db, receipt_no=receipt_no, staff_id=staff_id, terminal=terminal,
                       unit_position=unit_position)
        cart_store(db, cart)  # the on-hand its sheet shows is this store's
        return read_view(db, cart, cart.main_units()[0].line_id)
    return call
